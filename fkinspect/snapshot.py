"""Open a browser's SQLite store for reading without leaving a trace.

A `mode=ro` connection on a WAL database creates `-shm`/`-wal` files beside it
(measured), and `immutable=1` ignores the WAL and any hot journal. So:
  - no non-empty `-wal`, no non-empty `-journal`, browser not running:
    open in place with `immutable=1` (nothing is written, no lock is taken);
  - otherwise copy the db with its `-wal`/`-journal` into a private temp
    folder (0600 files, 0700 folder, see tempcopy) and read the copy, which
    also gets through a lock.
The copy is opened read-write (it is ours): SQLite then replays the WAL or
rolls back a hot journal, so the copy shows exactly the committed rows.
`query_only` keeps our own statements from writing.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from fkinspect.errors import (
    StoreCorrupt,
    StoreError,
    StoreLocked,
    StoreMissing,
    StoreTooLarge,
    StoreUnreadable,
    UnsupportedSchema,
)
from fkinspect.model import Cookie, ReadMethod, StoreLocation, StoreResult, StoreStatus
from fkinspect.safe_open import read_regular_head
from fkinspect.sqlite_errors import Failure, classify, describe
from fkinspect.sqlite_open import connect
from fkinspect.tempcopy import copy_private, private_temp_folder

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
# Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION (a browser holds the file).
_SHARING_WINERRORS = frozenset({32, 33})


def _nonempty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def _is_sharing_violation(exc: OSError) -> bool:
    return getattr(exc, "winerror", None) in _SHARING_WINERRORS or exc.errno in (
        errno.EBUSY,
        errno.ETXTBSY,
    )


def _os_error(db: Path, exc: OSError) -> StoreError:
    if isinstance(exc, FileNotFoundError):
        return StoreMissing(db, "the file is gone")
    if isinstance(exc, PermissionError) and not _is_sharing_violation(exc):
        return StoreUnreadable(db, "permission denied")
    if _is_sharing_violation(exc):
        return StoreLocked(db, "another program holds the file")
    if isinstance(exc, IsADirectoryError):
        return StoreCorrupt(db, "a folder, not a database")
    return StoreError(db, exc.strerror or type(exc).__name__)


def sqlite_error(db: Path, exc: sqlite3.Error) -> StoreError:
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


def _check_header(db: Path) -> None:
    """Fail early and plainly for a missing, unreadable, empty or non-SQLite file."""
    try:
        header = read_regular_head(db, _HEADER_SIZE)  # a FIFO must not block
    except OSError as exc:
        raise _os_error(db, exc) from exc
    if not header:
        raise StoreCorrupt(db, "the file is empty")
    if not header.startswith(SQLITE_MAGIC):
        raise StoreCorrupt(db, "not an SQLite database")
    if len(header) < _HEADER_SIZE:
        raise StoreCorrupt(db, "the file is truncated")


def _copy_store(db: Path, folder: Path) -> Path:
    target = folder / db.name
    try:
        copy_private(db, target)
    except OSError as exc:
        raise _os_error(db, exc) from exc
    for suffix in ("-wal", "-journal"):
        side = Path(f"{db}{suffix}")
        try:
            copy_private(side, folder / f"{db.name}{suffix}")
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise _os_error(side, exc) from exc
    return target


def _probe(con: sqlite3.Connection) -> None:
    # Reading the schema touches the header and page 1: catches most damage early.
    con.execute("SELECT count(*) FROM sqlite_master").fetchone()


# Reading through a memory map skips a copy per page: measured about 20 % off a
# 1,000,000-row scan. Only affects this connection; nothing is written.
_MMAP_BYTES = 256 * 1024 * 1024


def _open_immutable(db: Path) -> sqlite3.Connection:
    con = connect(db, mode="ro", immutable="1")
    try:
        con.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        _probe(con)
    except BaseException:
        con.close()
        raise
    return con


def _open_copy(copy: Path) -> sqlite3.Connection:
    con = connect(copy, mode="rw")
    try:
        con.execute("PRAGMA query_only = 1")
        con.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        _probe(con)
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def open_snapshot(db: Path, *, running: bool) -> Iterator[tuple[sqlite3.Connection, ReadMethod]]:
    """A read-only connection to a consistent view of `db`, and how it was made.

    Raises StoreMissing, StoreUnreadable, StoreLocked, StoreCorrupt or
    StoreError; sqlite3 errors raised by the caller's own queries inside the
    block are left to the caller (see `sqlite_error`).
    """
    _check_header(db)
    wal, journal = Path(f"{db}-wal"), Path(f"{db}-journal")
    con: sqlite3.Connection | None = None
    if not running and not _nonempty(wal) and not _nonempty(journal):
        try:
            con = _open_immutable(db)
        except sqlite3.Error as exc:
            error = sqlite_error(db, exc)
            if not isinstance(error, StoreLocked):
                raise error from exc
            con = None  # fall through to a copy
    if con is not None:
        try:
            yield con, ReadMethod.IMMUTABLE
        finally:
            con.close()
        return
    folder = private_temp_folder("snapshot-")  # 0700, under this run's folder
    try:
        copy = _copy_store(db, folder)
        try:
            con = _open_copy(copy)
        except sqlite3.Error as exc:
            raise sqlite_error(db, exc) from exc
        try:
            yield con, ReadMethod.COPY
        finally:
            con.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def is_sqlite_file(path: Path) -> bool:
    """True when the file starts with the SQLite header (content, not name)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False



_MESSAGES = {
    StoreMissing: "The cookie file is gone (it was moved or deleted while fkinspect looked).",
    StoreUnreadable: "Permission denied: fkinspect may not read this cookie file.",
    StoreLocked: "Another program holds this cookie file and no copy could be made.",
    StoreCorrupt: "The cookie file is damaged, truncated or not a database.",
    StoreTooLarge: "The cookie file holds more cookies than any browser keeps (at most about "
                   "3,300): it is damaged or was not made by a browser, so fkinspect neither "
                   "reads nor cleans it.",
}


def failure_message(error: StoreError) -> str:
    """Plain words for people about a store that could not be read."""
    base = _MESSAGES.get(type(error))
    if base is not None:
        return f"{base} ({error.detail})" if error.detail else base
    return f"The cookie file could not be read: {error.detail or 'unknown error'}."


Layout = TypeVar("Layout")


def read_sqlite_store(
    location: StoreLocation,
    running: bool,
    introspect: Callable[[sqlite3.Connection], tuple[str, Layout]],
    read: Callable[[sqlite3.Connection, Layout, ReadMethod], Sequence[Cookie]],
) -> StoreResult:
    """Open a store's snapshot, learn its layout, read its cookies; never raises for a
    bad store. `introspect` says which schema it found (kept in a failure's result too)."""
    method: ReadMethod | None = None
    schema = ""
    try:
        with open_snapshot(location.path, running=running) as (con, method):
            try:
                schema, layout = introspect(con)
                cookies = read(con, layout, method)
            except sqlite3.Error as exc:
                raise sqlite_error(location.path, exc) from exc
    except UnsupportedSchema as exc:
        message = f"This cookie file has a layout fkinspect does not know ({exc.detail})."
        return StoreResult(location, exc.status, message, method, schema, running=running)
    except StoreError as exc:
        return StoreResult(
            location, exc.status, failure_message(exc), method, schema, running=running
        )
    except (sqlite3.Error, OSError) as exc:
        message = f"The cookie file could not be read: {exc}."
        return StoreResult(location, StoreStatus.ERROR, message, method, schema, running=running)
    except (TypeError, ValueError, OverflowError) as exc:
        # SQLite lets any column hold any type: text where a time belongs is damage.
        message = (f"{_MESSAGES[StoreCorrupt]} (a cookie holds data of a kind no browser "
                   f"writes: {type(exc).__name__})")
        return StoreResult(location, StoreStatus.CORRUPT, message, method, schema,
                           running=running)
    return StoreResult(
        location, StoreStatus.OK, "", method, schema, cookies=tuple(cookies), running=running
    )
