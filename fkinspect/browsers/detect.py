"""What kind of cookie store a file is, told by its content, never by its name.

A support copy may be called anything ("Cookies (1)", "x.bin"): the SQLite
header plus the table names, the mozLz4 magic or Safari's `cook` decide.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from fkinspect.browsers.mozlz4 import MAGIC as MOZLZ4_MAGIC
from fkinspect.errors import StoreError
from fkinspect.model import StoreFormat, StoreStatus
from fkinspect.safe_open import NotRegularFile, read_regular_head
from fkinspect.sqlite.open import SQLITE_MAGIC, open_immutable, open_snapshot

SAFARI_MAGIC = b"cook"
_HEAD = max(len(SQLITE_MAGIC), len(MOZLZ4_MAGIC), len(SAFARI_MAGIC))
_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"
# What a damaged SQLite file raises. Python's sqlite3 raises UnicodeDecodeError, not
# sqlite3.Error, when SQLite's message quotes a name whose bytes are not UTF-8
# ("malformed database schema (<name>) ...").
_DAMAGED = (OSError, sqlite3.Error, UnicodeDecodeError)


class UnknownStore(StoreError):
    """A path given by the user is not a cookie store fkinspect can read."""

    status = StoreStatus.UNSUPPORTED

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(path, reason)
        self.reason = reason


def read_head(path: Path) -> bytes:
    """The first bytes of `path`; raises OSError (missing, denied, a folder, a FIFO ...)."""
    return read_regular_head(path, _HEAD)


def format_of_head(head: bytes) -> StoreFormat | None:
    """The format the magic bytes promise; None for SQLite (tables decide) or unknown."""
    if head.startswith(MOZLZ4_MAGIC):
        return StoreFormat.FIREFOX_SESSION
    if head.startswith(SAFARI_MAGIC):
        return StoreFormat.SAFARI_BINARY
    return None


def _format_of_tables(tables: set[str]) -> StoreFormat | None:
    if {"cookies", "meta"} <= tables:
        return StoreFormat.CHROMIUM_SQLITE
    if "moz_cookies" in tables:
        return StoreFormat.FIREFOX_SQLITE
    return None


def _tables_in_place(path: Path) -> set[str]:
    # immutable: no lock, nothing written (mode=ro alone would create -shm/-wal files).
    with closing(open_immutable(path)) as con:
        return {str(row[0]) for row in con.execute(_TABLES)}


def _tables_with_wal(path: Path) -> set[str]:
    """Tables of a copy with its -wal: a new database may have its schema only there."""
    with open_snapshot(path, running=True) as (con, _method):
        return {str(row[0]) for row in con.execute(_TABLES)}


def _has_wal(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def sqlite_format(path: Path) -> StoreFormat | None:
    """CHROMIUM_SQLITE or FIREFOX_SQLITE by table names; None for any other database.

    Raises sqlite3.Error, OSError or UnicodeDecodeError when the file cannot be read
    as SQLite.
    """
    found = _format_of_tables(_tables_in_place(path))
    if found is None and _has_wal(path):
        try:
            found = _format_of_tables(_tables_with_wal(path))
        except StoreError:
            return None
    return found


def detect_format(path: Path) -> StoreFormat | None:
    """The store format of `path` by content; None when it is none we read."""
    try:
        head = read_head(path)
        if head.startswith(SQLITE_MAGIC):
            return sqlite_format(path)
    except _DAMAGED:
        return None
    return format_of_head(head)


def why_unknown(path: Path) -> str:
    """A plain reason why `path` is not a store we read (for UnknownStore)."""
    try:
        head = read_head(path)
    except FileNotFoundError:
        return "no such file or folder"
    except IsADirectoryError:
        return "a folder without a cookie store in it"
    except PermissionError:
        return "permission denied"
    except NotRegularFile as exc:
        return exc.strerror or "not a regular file"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or type(exc).__name__})"
    if not head:
        return "the file is empty"
    if head.startswith(SQLITE_MAGIC):
        try:
            sqlite_format(path)
        except _DAMAGED:
            return "a damaged or truncated SQLite database"
        return "an SQLite database without a Chromium or Firefox cookie table"
    return ("not a cookie store fkinspect knows (not a Chromium or Firefox database, "
            "a Firefox session store or a Safari cookie file)")  # fmt: skip
