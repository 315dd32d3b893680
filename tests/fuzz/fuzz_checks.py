"""One check per parser of outside data: write the input, call the public entry, judge.

Each check takes the workspace and the input and fails (raises) only when a parser
misbehaves: an exception escapes that its contract does not name, no status comes
back, or something is written. `tolerate_known=False` runs KNOWN_DEFECTS too (for
test_fuzz_known_defects.py).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Mapping
from contextlib import closing
from pathlib import Path
from typing import Any, TypeVar

from fuzz_support import SCOPE, Workspace, assert_status, location, outcome

from fkinspect.browsers import firefox_session, safari
from fkinspect.browsers.chromium import read_chromium
from fkinspect.browsers.detect import UnknownStore, detect_format, why_unknown
from fkinspect.browsers.discovery import Environment, discover, locations_for_paths
from fkinspect.browsers.firefox import read_firefox
from fkinspect.browsers.mozlz4 import MozLz4Error, decompress
from fkinspect.clean.journal import JOURNAL_NAME, list_journals
from fkinspect.clean.restore import JournalNotFound, find_journals, latest_run
from fkinspect.errors import ValueUnavailable
from fkinspect.model import StoreFormat, StoreLocation, StoreResult
from fkinspect.scope import Scope
from fkinspect.values import read_value

T = TypeVar("T")

READERS: dict[StoreFormat, Callable[[StoreLocation, Scope], StoreResult]] = {
    StoreFormat.CHROMIUM_SQLITE: read_chromium,
    StoreFormat.FIREFOX_SQLITE: read_firefox,
    StoreFormat.FIREFOX_SESSION: firefox_session.read_session_cookies,
    StoreFormat.SAFARI_BINARY: safari.read_binarycookies,
}


def only(call: Callable[[], T], allowed: tuple[type[BaseException], ...],
         tolerate_known: bool) -> T | None:  # fmt: skip
    """`call()`, where the exceptions its contract names count as an answer (None)."""
    try:
        return outcome(call, tolerate_known=tolerate_known)
    except allowed:
        return None


def write_files(folder: Path, files: Mapping[str, bytes]) -> None:
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


# --------------------------------------------------------------- session store


def check_mozlz4(data: bytes, tolerate_known: bool = True) -> None:
    """decompress() gives bytes or MozLz4Error, whatever the header claims."""
    out = only(lambda: decompress(data), (MozLz4Error,), tolerate_known)
    assert out is None or isinstance(out, bytes)


def check_session_file(ws: Workspace, data: bytes, tolerate_known: bool = True) -> None:
    """The reader, the value lookup and the cleaner's parser on one session file."""
    with ws.folder() as folder:
        path = folder / "sessionstore.jsonlz4"
        path.write_bytes(data)
        with ws.untouched(folder):
            loc = location(path, StoreFormat.FIREFOX_SESSION)
            result = outcome(lambda: firefox_session.read_session_cookies(loc, SCOPE),
                             tolerate_known=tolerate_known)  # fmt: skip
            assert_status(result)
            keys = [c.key for c in result.cookies] or [("x", "www.forsakringskassan.se", "/", "")]
            for key in keys[:3]:
                found = only(lambda k=key: firefox_session.find_value(path, k),  # type: ignore[misc]
                             (OSError, MozLz4Error, firefox_session.SessionStoreError),
                             tolerate_known)  # fmt: skip
                assert found is None or isinstance(found, str)
            parsed = only(lambda: firefox_session.read_session_file(path),
                          (firefox_session.SessionStoreError,),
                          tolerate_known)  # fmt: skip
            if parsed is not None:
                # The bytes a clean would write back: an answer or a refusal, no crash.
                only(lambda: firefox_session.encode(parsed.state),
                     (firefox_session.SessionStoreError,),
                     tolerate_known)  # fmt: skip


# ------------------------------------------------------------------ binarycookies


def check_binarycookies(ws: Workspace, data: bytes, tolerate_known: bool = True) -> None:
    with ws.folder() as folder:
        path = folder / "Cookies.binarycookies"
        path.write_bytes(data)
        with ws.untouched(folder):
            loc = location(path, StoreFormat.SAFARI_BINARY)
            result = outcome(lambda: safari.read_binarycookies(loc, SCOPE),
                             tolerate_known=tolerate_known)  # fmt: skip
            assert_status(result)
            keys = [c.key for c in result.cookies] or [("www.forsakringskassan.se", "x", "/")]
            for key in keys[:3]:
                found = only(lambda k=key: safari.find_value(path, k),  # type: ignore[misc]
                             (OSError, safari.BinaryCookiesError), tolerate_known)  # fmt: skip
                assert found is None or isinstance(found, str)
            check_detection(path, tolerate_known)


# ------------------------------------------------------- SQLite stores, detection


def check_detection(path: Path, tolerate_known: bool) -> None:
    """Format by content, the reason when unknown, and --store: no crash."""
    fmt = outcome(lambda: detect_format(path), tolerate_known=tolerate_known)
    assert fmt is None or fmt in StoreFormat
    if fmt is None:
        reason = outcome(lambda: why_unknown(path), tolerate_known=tolerate_known)
        assert isinstance(reason, str) and reason
    found = only(lambda: locations_for_paths([path]), (UnknownStore,), tolerate_known)
    assert found is None or all(isinstance(loc, StoreLocation) for loc in found)


def check_sqlite_store(ws: Workspace, fmt: StoreFormat, files: Mapping[str, bytes], *,
                       running: bool, tolerate_known: bool = True) -> None:  # fmt: skip
    """A (damaged) store read in place or through a copy: a status, no trace."""
    with ws.folder() as folder:
        profile = folder / "profile"
        write_files(profile, files)
        path = profile / next(iter(files))
        with ws.untouched(folder):
            loc = location(path, fmt)
            read = READERS[fmt]
            if fmt in (StoreFormat.CHROMIUM_SQLITE, StoreFormat.FIREFOX_SQLITE):
                result = outcome(lambda: read(loc, SCOPE, running=running),  # type: ignore[call-arg]
                                 tolerate_known=tolerate_known)  # fmt: skip
            else:
                result = outcome(lambda: read(loc, SCOPE), tolerate_known=tolerate_known)
            assert_status(result)
            check_detection(path, tolerate_known)


# -------------------------------------------------------- profiles and settings


def check_home(ws: Workspace, files: Mapping[str, bytes], tolerate_known: bool = True) -> None:
    """Discovery and --store on a home whose ini and JSON files are fuzzed.

    Every store found reads to a status; each root and profile folder given by
    path gives stores or UnknownStore.
    """
    with ws.folder() as folder:
        home = folder / "home"
        write_files(home, files)
        with ws.untouched(folder):
            found = outcome(lambda: discover(Environment.of_home(home, "linux")),
                            tolerate_known=tolerate_known)  # fmt: skip
            assert all(isinstance(loc, StoreLocation) for loc in found)
            for loc in found:
                assert_status(outcome(lambda loc=loc: READERS[loc.format](loc, SCOPE),  # type: ignore[misc]
                                      tolerate_known=tolerate_known))  # fmt: skip
            roots = {p.parent for p in (home / r for r in files) if p.name in _SETTINGS}
            for given in sorted(roots | {loc.profile.directory for loc in found}):
                only(lambda g=given: locations_for_paths([g]), (UnknownStore,),  # type: ignore[misc]
                     tolerate_known)  # fmt: skip


_SETTINGS = {"profiles.ini", "installs.ini", "Local State", "containers.json"}


# ------------------------------------------------------------------- journals


def check_journals(ws: Workspace, good: dict[str, Any], damaged: bytes,
                   tolerate_known: bool = True) -> None:  # fmt: skip
    """A backup root with one good journal and one damaged one: the good run stays usable."""
    with ws.folder() as folder:
        root = folder / "backups"
        for name, data in (("good", json.dumps(good).encode()), ("damaged", damaged)):
            (root / name).mkdir(parents=True, mode=0o700)
            (root / name / JOURNAL_NAME).write_bytes(data)
            os.chmod(root / name / JOURNAL_NAME, 0o600)
        os.chmod(root, 0o700)
        with ws.untouched(folder):
            journals = outcome(lambda: list_journals(root), tolerate_known=tolerate_known)
            assert good["id"] in {j.id for j in journals}
            assert outcome(lambda: latest_run(root), tolerate_known=tolerate_known) is not None
            assert only(lambda: find_journals(good["run"], root), (JournalNotFound,),
                        tolerate_known)  # fmt: skip


def check_given_file(ws: Workspace, data: bytes, tolerate_known: bool = True) -> None:
    """Any file given by path (--store): told by its content, then read as what it is."""
    with ws.folder() as folder:
        path = folder / "profile" / "given.bin"
        write_files(folder / "profile", {"given.bin": data})
        with ws.untouched(folder):
            check_detection(path, tolerate_known)
            fmt = outcome(lambda: detect_format(path), tolerate_known=tolerate_known)
            if fmt is not None:
                loc = location(path, fmt)
                assert_status(outcome(lambda: READERS[fmt](loc, SCOPE),
                                      tolerate_known=tolerate_known))  # fmt: skip


# ---------------------------------------------------------------------- values


def _set_values(path: Path, fmt: StoreFormat, value: object, encrypted: bytes | None) -> None:
    """Every row's value (Firefox) or value and encrypted_value (Chromium) replaced."""
    with closing(sqlite3.connect(path)) as con:
        if fmt is StoreFormat.CHROMIUM_SQLITE:  # both columns are NOT NULL there
            con.execute("UPDATE cookies SET value = ?, encrypted_value = ?",
                        ("" if value is None else value, encrypted or b""))  # fmt: skip
        else:
            con.execute("UPDATE moz_cookies SET value = ?", (value,))
        con.commit()


def check_values(ws: Workspace, fmt: StoreFormat, files: Mapping[str, bytes], value: object,
                 encrypted: bytes | None, tolerate_known: bool = True) -> None:  # fmt: skip
    """Showing one value on request: the value as text, or ValueUnavailable; no trace.

    Linux only and never a `v11` value: those ask the desktop keyring.
    """
    with ws.folder() as folder:
        write_files(folder / "profile", files)
        path = folder / "profile" / next(iter(files))
        _set_values(path, fmt, value, encrypted)  # the input, made before the snapshot
        with ws.untouched(folder):
            result = outcome(lambda: READERS[fmt](location(path, fmt), SCOPE),
                             tolerate_known=tolerate_known)  # fmt: skip
            assert_status(result)
            for cookie in result.cookies:
                shown = only(lambda c=cookie: read_value(c, platform="linux"),  # type: ignore[misc]
                             (ValueUnavailable,), tolerate_known)  # fmt: skip
                assert shown is None or isinstance(shown, str)
