"""What an SQLite failure means, told by its result code, not by its English text.

`sqlite3.Error.sqlite_errorcode` (Python 3.11+) is SQLite's extended result
code; its low byte is the primary code. Only plain SQLITE_ERROR, SQLite's
catch-all, is split further by its message, and only for the schema problems
that have no extended code and say "this is a layout we do not know" (as
qutebrowser's misc/sql.py does for the few messages it must tell apart).
`store_error` turns a failure into the typed error a reader raises.
"""

from __future__ import annotations

import errno
import sqlite3
from enum import Enum
from pathlib import Path

from fkinspect.errors import (
    StoreCorrupt,
    StoreError,
    StoreLocked,
    StoreMissing,
    StoreUnreadable,
    UnsupportedSchema,
)


class Failure(Enum):
    """The kinds of SQLite failure that call for different words to people."""

    CORRUPT = "corrupt"  # damaged, truncated, or not a database at all
    LOCKED = "locked"  # another connection holds a lock we need
    FULL = "full"  # the disk (or a quota, or a file size limit) is full
    UNREADABLE = "unreadable"  # cannot be opened, or no permission
    READ_ONLY = "read_only"  # opened, but may not be written
    IO = "io"  # the operating system reported a read or write error
    SCHEMA = "schema"  # a layout we do not know (a collation, function or module we lack)
    OTHER = "other"


_PRIMARY = {
    sqlite3.SQLITE_CORRUPT: Failure.CORRUPT,
    sqlite3.SQLITE_NOTADB: Failure.CORRUPT,
    sqlite3.SQLITE_FORMAT: Failure.CORRUPT,
    sqlite3.SQLITE_BUSY: Failure.LOCKED,
    sqlite3.SQLITE_LOCKED: Failure.LOCKED,
    sqlite3.SQLITE_FULL: Failure.FULL,
    sqlite3.SQLITE_CANTOPEN: Failure.UNREADABLE,
    sqlite3.SQLITE_PERM: Failure.UNREADABLE,
    sqlite3.SQLITE_AUTH: Failure.UNREADABLE,
    sqlite3.SQLITE_READONLY: Failure.READ_ONLY,
    sqlite3.SQLITE_IOERR: Failure.IO,
}
# Extended codes that mean something else than their primary code says.
_EXTENDED = {
    sqlite3.SQLITE_IOERR_SHORT_READ: Failure.CORRUPT,  # the file ends where a page should be
    sqlite3.SQLITE_IOERR_CORRUPTFS: Failure.CORRUPT,
    sqlite3.SQLITE_ERROR_MISSING_COLLSEQ: Failure.SCHEMA,  # an index sorts by a collation we lack
}
# SQLITE_ERROR messages (no extended code of their own) that name something the
# schema needs and we lack: a function in an index or a virtual table's module.
_SCHEMA_NEEDS = ("no such function", "no such module", "no such tokenizer")


def classify(exc: sqlite3.Error) -> Failure:
    """The kind of failure `exc` reports (OTHER for errors that carry no result code)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return Failure.OTHER
    if code in _EXTENDED:
        return _EXTENDED[code]
    primary = code & 0xFF
    if primary == sqlite3.SQLITE_ERROR:
        text = str(exc).lower()
        return Failure.SCHEMA if text.startswith(_SCHEMA_NEEDS) else Failure.OTHER
    return _PRIMARY.get(primary, Failure.OTHER)


_ERRNO = {
    errno.ENOSPC: Failure.FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): Failure.FULL,  # not on Windows
    errno.EFBIG: Failure.FULL,
    errno.EACCES: Failure.UNREADABLE,
    errno.EPERM: Failure.UNREADABLE,
    errno.EROFS: Failure.READ_ONLY,
    errno.EIO: Failure.IO,
}


def classify_os(exc: OSError) -> Failure:
    """The same kinds for a file-system error, by its errno."""
    return _ERRNO.get(exc.errno or 0, Failure.OTHER)


def describe(exc: sqlite3.Error) -> str:
    """Technical detail: SQLite's code name and words ("SQLITE_FULL: database or disk is full")."""
    name = getattr(exc, "sqlite_errorname", None)
    return f"{name}: {exc}" if name else str(exc) or type(exc).__name__


def failure_of(exc: BaseException) -> Failure:
    """The kind of any store failure: SQLite's, the file system's, or a layout we do not know."""
    if isinstance(exc, sqlite3.Error):
        return classify(exc)
    if isinstance(exc, OSError):
        return classify_os(exc)
    return Failure.SCHEMA if isinstance(exc, UnsupportedSchema) else Failure.OTHER


def store_error(db: Path, exc: sqlite3.Error) -> StoreError:
    """The typed store error for an SQLite failure while reading `db`, by its result code."""
    failure = classify(exc)
    if failure is Failure.LOCKED:
        return StoreLocked(db, "the database is locked")
    if failure is Failure.CORRUPT:
        return StoreCorrupt(db, "the database is damaged or truncated")
    if failure is Failure.UNREADABLE:
        return StoreUnreadable(db, "the database could not be opened")
    if failure is Failure.SCHEMA:
        return UnsupportedSchema(db, f"it needs what fkinspect does not have: {exc}")
    if failure is Failure.FULL:
        return StoreError(db, "the disk is full, so no private copy could be read")
    if failure is Failure.IO:
        return StoreError(db, f"the disk reported a read error ({describe(exc)})")
    return StoreError(db, f"SQLite error: {describe(exc)}")


# Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION (a browser holds the file).
_SHARING_WINERRORS = frozenset({32, 33})


def _is_sharing_violation(exc: OSError) -> bool:
    return getattr(exc, "winerror", None) in _SHARING_WINERRORS or exc.errno in (
        errno.EBUSY,
        errno.ETXTBSY,
    )


def os_store_error(db: Path, exc: OSError) -> StoreError:
    """The typed store error for a file-system failure while reading `db` (or copying it)."""
    if isinstance(exc, FileNotFoundError):
        return StoreMissing(db, "the file is gone")
    if isinstance(exc, PermissionError) and not _is_sharing_violation(exc):
        return StoreUnreadable(db, "permission denied")
    if _is_sharing_violation(exc):
        return StoreLocked(db, "another program holds the file")
    if isinstance(exc, IsADirectoryError):
        return StoreCorrupt(db, "a folder, not a database")
    return StoreError(db, exc.strerror or type(exc).__name__)
