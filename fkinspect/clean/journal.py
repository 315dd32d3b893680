"""The journal of one store's clean: what was removed and where its backup is.

`<backup root>/<id>/journal.json` (0600) beside the backup file. Keys, names
and hosts of the removed rows are recorded, never a value. The journal is
written as "pending" after the backup and before the delete, and replaced by
"done" after the check; so a kill at any moment leaves a journal that restore
can act on (it looks at the store to see whether the delete happened).

For a Firefox session file (format "firefox_session") the same fields hold:
table "cookies" (the JSON list), key_columns name/host/path/originAttributes
(the suffix string), "rowid" the entry's index in the file before the clean,
and the backup is a byte copy of the whole file.

The file is ASCII JSON: text that is not valid UTF-8 (a name read from a
store with its bytes kept as surrogate escapes, a lone surrogate from a
session file) is written as \\uXXXX escapes, which read back as the same
text; a key value that is a BLOB is written as {"blob": "<hex>"}. A journal
read back is checked field by field: a damaged one is reported with why,
never acted on.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from fkinspect.clean.files import (
    default_backup_root,
    untrusted_folder,
    write_private_atomically,
)
from fkinspect.errors import FkInspectError
from fkinspect.model import Family, Profile, StoreFormat

JOURNAL_NAME = "journal.json"
FORMAT_VERSION = 1
# A store holds at most a few thousand cookies (well under 1 MB of journal);
# anything much larger is not a journal we wrote, and is not read into memory.
MAX_JOURNAL_BYTES = 64 * 1024 * 1024

_T = TypeVar("_T")
_RUN_PREFIX = re.compile(r"(\d{8}T\d{12}Z)-")  # a backup folder is named "<run>-<browser>-..."


class JournalState(StrEnum):
    PENDING = "pending"  # backed up; the delete may or may not have happened
    DONE = "done"  # removed and checked
    UNVERIFIED = "unverified"  # removed, but the check afterwards did not match
    RESTORED = "restored"


class JournalUnwritable(FkInspectError, ValueError):
    """The journal would not read back exactly as it is (so it is not written)."""


@dataclass(frozen=True, slots=True)
class RemovedRow:
    rowid: int
    key: tuple[object, ...]
    name: str
    host: str


@dataclass(frozen=True, slots=True)
class Journal:
    id: str  # the backup folder's name
    run: str  # shared by the stores of one clean
    created: datetime
    state: JournalState
    store: Path
    format: StoreFormat
    profile: Profile
    schema: str
    table: str
    key_columns: tuple[str, ...]
    removed: tuple[RemovedRow, ...]
    backup: str  # file name inside the journal's folder
    rows_before: int
    folder: Path

    @property
    def backup_path(self) -> Path:
        return self.folder / self.backup

    @property
    def rows_after(self) -> int:
        return self.rows_before - len(self.removed)

    def with_state(self, state: JournalState) -> Journal:
        return replace(self, state=state)


@dataclass(frozen=True, slots=True)
class DamagedJournal:
    """A backup folder whose journal cannot be used: listed with why, never acted on."""

    id: str  # the folder's name
    folder: Path
    reason: str  # technical (English)
    created: datetime  # the folder's last change

    @property
    def run(self) -> str | None:
        """The run id the folder's name starts with, when it has one."""
        found = _RUN_PREFIX.match(self.id)
        return found.group(1) if found else None


def iso_z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# ------------------------------------------------------------------ writing


def _key_value(value: object) -> object:
    return {"blob": value.hex()} if isinstance(value, bytes) else value


def _record(j: Journal) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "id": j.id,
        "run": j.run,
        "created": iso_z(j.created),
        "state": j.state.value,
        "store": {
            "path": str(j.store),
            "format": j.format.value,
            "schema": j.schema,
            "table": j.table,
            "key_columns": list(j.key_columns),
        },
        "browser": {
            "id": j.profile.browser_id,
            "name": j.profile.browser_name,
            "family": j.profile.family.value,
        },
        "profile": {
            "name": j.profile.name,
            "directory": str(j.profile.directory),
            "root": str(j.profile.root),
        },
        "backup": j.backup,
        "counts": {"before": j.rows_before, "removed": len(j.removed), "after": j.rows_after},
        "removed": [
            {"rowid": r.rowid, "key": [_key_value(v) for v in r.key], "name": r.name,
             "host": r.host}
            for r in j.removed
        ],
    }


def encode_journal(journal: Journal) -> bytes:
    """The journal file's bytes; JournalUnwritable unless they read back as the same record."""
    record = _record(journal)
    try:
        text = json.dumps(record, ensure_ascii=True, indent=1)
    except (TypeError, ValueError) as exc:
        raise JournalUnwritable(f"the journal cannot be written as JSON: {exc}") from exc
    if json.loads(text) != record:
        # E.g. two surrogates that JSON would read back as one character.
        raise JournalUnwritable("the journal would not read back exactly")
    return text.encode("ascii")


def write_journal(journal: Journal) -> None:
    """Write (or replace) the journal; OSError for the disk, JournalUnwritable for the content."""
    write_private_atomically(journal.folder / JOURNAL_NAME, encode_journal(journal))


# ------------------------------------------------------------------ reading


class _Damaged(FkInspectError):
    """Why a journal cannot be used."""


def _field(data: object, name: str, kind: type[_T], where: str) -> _T:
    """data[name], which must be a `kind` (a bool is not an int)."""
    if not isinstance(data, dict):
        raise _Damaged(f"{where or 'the journal'} is not an object")
    if name not in data:
        raise _Damaged(f"{where}{name} is missing")
    value = data[name]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Damaged(f"{where}{name} is not {kind.__name__}")
    return value


def _text(data: object, name: str, where: str = "") -> str:
    return _field(data, name, str, where)


def _path(data: object, name: str, where: str) -> Path:
    text = _text(data, name, where)
    if not text or "\0" in text:
        raise _Damaged(f"{where}{name} is not a path")
    return Path(text)


def _choice(data: object, name: str, kind: Callable[[str], _T], where: str = "") -> _T:
    """A field whose text must be one of an enum's values."""
    text = _text(data, name, where)
    try:
        return kind(text)
    except ValueError:
        raise _Damaged(f"{where}{name} {text!r} is not known") from None


def _key_in(value: object, where: str) -> object:
    if isinstance(value, dict):
        blob = _text(value, "blob", where)
        if len(value) == 1:
            try:
                return bytes.fromhex(blob)
            except ValueError:
                pass
        raise _Damaged(f"{where} is not a key value")
    if value is None or (isinstance(value, str | int | float) and not isinstance(value, bool)):
        return value
    raise _Damaged(f"{where} is not a key value")


def _removed(data: object, width: int) -> tuple[RemovedRow, ...]:
    rows = _field(data, "removed", list, "")
    found = []
    for i, row in enumerate(rows):
        where = f"removed[{i}]."
        key = _field(row, "key", list, where)
        if len(key) != width:
            raise _Damaged(f"{where}key does not have {width} values")
        found.append(RemovedRow(
            _field(row, "rowid", int, where),
            tuple(_key_in(v, f"{where}key[{n}]") for n, v in enumerate(key)),
            _text(row, "name", where),
            _text(row, "host", where),
        ))  # fmt: skip
    if len({r.rowid for r in found}) != len(found):
        raise _Damaged("a removed row is listed twice")
    return tuple(found)


def _backup_name(data: object) -> str:
    name = _text(data, "backup")
    if not name or name in (".", "..") or Path(name).name != name or "\0" in name:
        raise _Damaged("backup is not a file name in the journal's folder")
    return name


def _created(data: object) -> datetime:
    text = _text(data, "created")
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        raise _Damaged("created is not a time") from None


def parse_journal(data: object, folder: Path) -> Journal:
    """A journal from its parsed JSON, checked field by field; _Damaged says what is wrong."""
    if _field(data, "format", int, "") != FORMAT_VERSION:
        raise _Damaged("unknown journal format")
    store, browser, profile = (_field(data, n, dict, "") for n in ("store", "browser", "profile"))
    columns = _field(store, "key_columns", list, "store.")
    if not columns or not all(isinstance(c, str) for c in columns):
        raise _Damaged("store.key_columns is not a list of names")
    owner = Profile(
        _text(browser, "id", "browser."),
        _text(browser, "name", "browser."),
        _choice(browser, "family", Family, "browser."),
        _text(profile, "name", "profile."),
        _path(profile, "directory", "profile."),
        _path(profile, "root", "profile."),
    )
    removed = _removed(data, len(columns))
    counts = _field(data, "counts", dict, "")
    before = _field(counts, "before", int, "counts.")
    if not (
        _field(counts, "removed", int, "counts.") == len(removed)
        and _field(counts, "after", int, "counts.") == before - len(removed)
        and before >= len(removed)
    ):
        raise _Damaged("the counts do not match the removed rows")
    return Journal(
        id=_text(data, "id"),
        run=_text(data, "run"),
        created=_created(data),
        state=_choice(data, "state", JournalState),
        store=_path(store, "path", "store."),
        format=_choice(store, "format", StoreFormat, "store."),
        profile=owner,
        schema=_text(store, "schema", "store."),
        table=_text(store, "table", "store."),
        key_columns=tuple(columns),
        removed=removed,
        backup=_backup_name(data),
        rows_before=before,
        folder=folder,
    )


def _read_json(path: Path) -> object:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_JOURNAL_BYTES + 1)
    except OSError as exc:
        raise _Damaged(f"cannot be read: {exc.strerror or type(exc).__name__}") from None
    if len(raw) > MAX_JOURNAL_BYTES:
        raise _Damaged("larger than any journal fkinspect writes")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Damaged("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise _Damaged(f"not JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise _Damaged("nested too deeply to be a journal") from None


def _changed(folder: Path) -> datetime:
    try:
        return datetime.fromtimestamp(folder.stat().st_mtime, UTC)
    except OSError:
        return datetime.fromtimestamp(0, UTC)


def load_journal(folder: Path) -> Journal | DamagedJournal:
    """The journal in `folder`, or why it cannot be used; never raises for what the file holds."""
    try:
        return parse_journal(_read_json(folder / JOURNAL_NAME), folder)
    except _Damaged as exc:
        return DamagedJournal(folder.name, folder, str(exc), _changed(folder))


def load_journals(
    backup_root: Path | None = None,
) -> tuple[list[Journal], list[DamagedJournal]]:
    """Every journal under the backup root (newest first), and the damaged ones apart."""
    root = backup_root or default_backup_root()
    good: list[Journal] = []
    damaged: list[DamagedJournal] = []
    try:
        folders = sorted(root.iterdir()) if root.is_dir() else []
    except OSError:
        folders = []
    for folder in folders:
        if not (folder / JOURNAL_NAME).is_file():
            continue  # a clean killed during its backup: no journal yet, pruned by age
        if not _trusted(folder, root):
            continue  # another user could have planted or changed it: never used
        found = load_journal(folder)
        if isinstance(found, Journal):
            good.append(found)
        else:
            damaged.append(found)
    good.sort(key=lambda j: (j.created, j.id), reverse=True)
    damaged.sort(key=lambda d: (d.created, d.id), reverse=True)
    return good, damaged


def list_journals(backup_root: Path | None = None) -> list[Journal]:
    """Every usable journal under the backup root, newest first."""
    return load_journals(backup_root)[0]


_log = logging.getLogger(__name__)
_warned: set[Path] = set()  # one warning per folder, however often the journals are listed


def _trusted(folder: Path, root: Path) -> bool:
    """False, with a warning, for a folder another user could have planted or changed."""
    reason = untrusted_folder(folder, root)
    if reason is not None and folder not in _warned:
        _warned.add(folder)
        _log.warning("backup %s is skipped, not trusted: %s", folder.name, reason)
    return reason is None
