"""The list the user adopted from a saved page, kept in their config folder, and the
one function that says which list is in use: the adopted one, else the built-in one.

The adopted list is one JSON file (0600, in a 0700 folder, replaced in one rename)
with the saved page's file name, the hash of its bytes and a hash of the list. A file
that is damaged, not ours, or that another user could have written is ignored: the
built-in list is used and the problem is returned for the fronts to say.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import platformdirs

from fkinspect.clean.files import write_private_atomically
from fkinspect.errors import FkInspectError, PolicyError
from fkinspect.policy import Policy, load_policy, policy_from_data
from fkinspect.private import check_private, private_folder

ENVIRONMENT = "FKINSPECT_CONFIG_DIR"  # another config folder (tests, a portable setup)
FILE_NAME = "policy.json"
FORMAT = "fkinspect-policy"
VERSION = 1
_MAX_BYTES = 1 << 20  # the list is a few kB; a larger file is not one of ours


class Problem(StrEnum):
    """Why an adopted list was not used."""

    DAMAGED = "damaged"  # not readable as the list it claims to be
    FOREIGN = "foreign"  # not a list fkinspect wrote for this agency, or not the user's alone


@dataclass(frozen=True, slots=True)
class InUse:
    policy: Policy
    problem: Problem | None = None
    detail: str = ""  # the file and the reason, for the warning
    path: Path | None = None  # the adopted list's file

    @property
    def imported(self) -> bool:
        return self.policy.source.imported


def config_folder(environ: Mapping[str, str] | None = None) -> Path:
    """FKINSPECT_CONFIG_DIR, else `<user config dir>/fkinspect` (platformdirs)."""
    env = os.environ if environ is None else environ
    given = env.get(ENVIRONMENT)
    if given:
        return Path(given)
    return Path(platformdirs.user_config_dir("fkinspect", appauthor=False))


def policy_file(folder: Path | None = None) -> Path:
    return (folder or config_folder()) / FILE_NAME


def policy_in_use(folder: Path | None = None) -> InUse:
    """The adopted list when there is a usable one, else the built-in list
    (PolicyError only when the built-in list itself is broken)."""
    built_in = load_policy()
    path = policy_file(folder)
    if not os.path.lexists(path):
        return InUse(built_in)
    untrusted = check_private(path, path.parent)
    if untrusted is not None:
        return InUse(built_in, Problem.FOREIGN, untrusted, path)
    try:
        with path.open("rb") as file:
            raw = file.read(_MAX_BYTES + 1)
    except OSError as exc:
        return InUse(built_in, Problem.DAMAGED, f"{path}: {exc.strerror}", path)
    try:
        policy = _decode(raw, path, built_in)
    except _Foreign as exc:
        return InUse(built_in, Problem.FOREIGN, f"{path}: {exc}", path)
    except (PolicyError, ValueError, TypeError, KeyError, AttributeError) as exc:
        return InUse(built_in, Problem.DAMAGED, f"{path}: {exc}", path)
    return InUse(policy, path=path)


class _Foreign(FkInspectError):
    """Not a list fkinspect wrote for this agency."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=_iso).encode("utf-8")


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _decode(raw: bytes, path: Path, built_in: Policy) -> Policy:
    if len(raw) > _MAX_BYTES:
        raise _Foreign("too large for a cookie list")
    record = json.loads(raw.decode("utf-8"))
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise _Foreign("not a cookie list written by fkinspect")
    if record.get("version") != VERSION:
        raise _Foreign(f"format version {record.get('version')!r} is not {VERSION}")
    data = record["list"]
    if _digest(_canonical(data)) != record["list_sha256"]:
        raise ValueError("the list does not match its hash (changed after it was saved)")
    data["source"]["updated"] = date.fromisoformat(data["source"]["updated"])
    policy = policy_from_data(data, str(path))
    if policy.agency_domain != built_in.agency_domain:
        raise _Foreign(f"a list for {policy.agency_domain}, not {built_in.agency_domain}")
    return _adopted(policy, str(record["page_sha256"]))


def _adopted(policy: Policy, page_sha256: str) -> Policy:
    return replace(policy, source=replace(policy.source, imported=True, page_sha256=page_sha256))


def save_imported(data: Mapping[str, Any], page: bytes, source_file: str,
                  folder: Path | None = None, now: datetime | None = None) -> Policy:
    """Make `data` (policy.toml-shaped, from the page) the list in use; the adopted list.

    Checked before it is written: a list that would not load is refused (PolicyError)
    and the list in use stays as it was.
    """
    policy = policy_from_data(data, source_file)
    listed = json.loads(_canonical(data))
    record = {
        "format": FORMAT,
        "version": VERSION,
        "source_file": source_file,
        "page_sha256": _digest(page),
        "imported_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "list_sha256": _digest(_canonical(listed)),
        "list": listed,
    }
    target = private_folder(folder or config_folder())
    write_private_atomically(target / FILE_NAME,
                             json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))
    return _adopted(policy, record["page_sha256"])


def reset(folder: Path | None = None) -> bool:
    """Back to the built-in list; True when an adopted list was there to remove."""
    path = policy_file(folder)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
        return True
    return False
