"""Every way fkinspect opens a browser's SQLite file: here, and nowhere else.

- `open_snapshot(db, running=...)`: reading, for a scan and for one value, without
  leaving a trace in the profile. A `mode=ro` connection on a WAL database creates
  `-shm`/`-wal` files beside it (measured), and `immutable=1` ignores the WAL and any
  hot journal. So with no non-empty `-wal` or `-journal` and the browser not running,
  the file is opened in place with `immutable=1` (nothing written, no lock taken);
  otherwise the db with its `-wal`/`-journal` is copied into a private temp folder
  (0600 files in a 0700 folder, see tempcopy) and the copy is read, which also gets
  through a lock. The copy is opened read-write (it is ours): SQLite then replays the
  WAL or rolls back a hot journal, so it shows exactly the committed rows;
  `query_only` keeps our own statements from writing.
- `open_read_write(db, timeout=...)`: the clean and the restore. A plain connection
  (journal mode untouched) in autocommit mode: the caller takes the write lock with
  BEGIN IMMEDIATE, and waits up to `timeout` for a browser's lock.
- `back_up_into(db, target, timeout=...)`: SQLite's backup API, the clean's backup.
- `open_immutable(path)`: a look at a file in place that writes nothing (which format
  a file is, whether a backup is sound); `attached_backup` adds a backup to a
  read-write connection the same way.

A path is turned into a `file:` URI from its bytes (os.fsencode), so a folder
whose name is not UTF-8 opens like any other. SQLite does not check that TEXT
is UTF-8, so text is decoded as os.fsdecode decodes a file name: bytes that are
not UTF-8 become surrogate escapes, and `text_param` binds such text back as the
very bytes stored. One cookie with a broken name then reads, and is deleted, as
that cookie, and never stops the rest of its store.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Literal
from urllib.parse import quote_from_bytes

from fkinspect.errors import StoreCorrupt, StoreLocked
from fkinspect.model import ReadMethod
from fkinspect.safe_open import read_regular_head
from fkinspect.sqlite.errors import os_store_error, store_error
from fkinspect.tempcopy import copy_private, private_temp_folder

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


def _uri(path: Path, **params: str) -> str:
    """`file:<path>?<params>`, the path percent-encoded from its bytes."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    uri = f"file:{quote_from_bytes(os.fsencode(path.absolute()), safe='/:')}"
    return f"{uri}?{query}" if query else uri


def decode_text(data: bytes) -> str:
    """SQLite TEXT as str; bytes that are not UTF-8 are kept as surrogate escapes."""
    return data.decode("utf-8", "surrogateescape")


def is_utf8(text: str) -> bool:
    """Does `text` bind as it is (no surrogate escapes)?"""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text_param(value: object) -> tuple[str, object]:
    """A value to compare a column with: its placeholder and its parameter.

    Text read with surrogate escapes is bound as the bytes it was read from,
    cast back to TEXT: it equals exactly the stored value and nothing else.
    Raises UnicodeEncodeError for text that no stored bytes decode to.
    """
    if isinstance(value, str) and not is_utf8(value):
        return "CAST(? AS TEXT)", value.encode("utf-8", "surrogateescape")
    return "?", value


def equal_tests(pairs: Iterable[tuple[str, object]]) -> tuple[str, list[object]]:
    """"col = ? AND ..." for (column, value) pairs, and the parameters (see text_param).

    The column names are the caller's own literals, never text read from a file.
    """
    tests, params = [], []
    for column, value in pairs:
        placeholder, param = text_param(value)
        tests.append(f"{column} = {placeholder}")
        params.append(param)
    return " AND ".join(tests), params


def _connect(
    path: Path,
    *,
    timeout: float = 5.0,
    isolation_level: Literal["DEFERRED", "EXCLUSIVE", "IMMEDIATE"] | None = "DEFERRED",
    **params: str,
) -> sqlite3.Connection:
    con = sqlite3.connect(_uri(path, **params), uri=True, timeout=timeout,
                          isolation_level=isolation_level)  # fmt: skip
    con.text_factory = decode_text
    return con


def open_immutable(path: Path) -> sqlite3.Connection:
    """A read-only look at `path` in place that writes nothing and takes no lock.

    Only for a file nobody writes meanwhile (a backup, a format check): it ignores
    a WAL and a hot journal. Raises sqlite3.Error.
    """
    return _connect(path, mode="ro", immutable="1")


def open_read_write(path: Path, *, timeout: float) -> sqlite3.Connection:
    """A read-write connection to an existing store, in autocommit mode.

    The caller begins its own transaction (BEGIN IMMEDIATE takes the write lock);
    a browser's lock is waited for up to `timeout` seconds. Raises sqlite3.Error.
    """
    return _connect(path, mode="rw", isolation_level=None, timeout=timeout)


@contextmanager
def attached_backup(con: sqlite3.Connection, backup: Path) -> Iterator[None]:
    """`backup` attached to `con` as the read-only, immutable database "backup"."""
    con.execute("ATTACH DATABASE ? AS backup", (_uri(backup, mode="ro", immutable="1"),))
    try:
        yield
    except BaseException:
        with suppress(sqlite3.Error):  # the first failure is the one to tell
            con.execute("DETACH DATABASE backup")
        raise
    con.execute("DETACH DATABASE backup")


def back_up_into(store: Path, target: Path, *, timeout: float) -> None:
    """Copy `store` (with its WAL content) into the existing empty file `target`.

    SQLite's backup API, read through a read-only connection of its own: the
    caller may hold the store's write lock (BEGIN IMMEDIATE) meanwhile, and then
    the copy is exactly the state the caller is about to change. Raises sqlite3.Error.
    """
    with closing(_connect(store, mode="ro", timeout=timeout)) as source, \
            closing(_connect(target, mode="rw")) as dest:  # fmt: skip
        source.backup(dest)


# ------------------------------------------------------------ reading a snapshot


def _nonempty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def _check_header(db: Path) -> None:
    """Fail early and plainly for a missing, unreadable, empty or non-SQLite file."""
    try:
        header = read_regular_head(db, _HEADER_SIZE)  # a FIFO must not block
    except OSError as exc:
        raise os_store_error(db, exc) from exc
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
        raise os_store_error(db, exc) from exc
    for suffix in ("-wal", "-journal"):
        side = Path(f"{db}{suffix}")
        try:
            copy_private(side, folder / f"{db.name}{suffix}")
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise os_store_error(side, exc) from exc
    return target


def _probed(con: sqlite3.Connection, *pragmas: str) -> sqlite3.Connection:
    """`con` after its pragmas and a read of the schema (the header and page 1: most
    damage shows here); closed if that fails."""
    try:
        for pragma in pragmas:
            con.execute(pragma)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def open_snapshot(db: Path, *, running: bool) -> Iterator[tuple[sqlite3.Connection, ReadMethod]]:
    """A read-only connection to a consistent view of `db`, and how it was made.

    Raises StoreMissing, StoreUnreadable, StoreLocked, StoreCorrupt or
    StoreError; sqlite3 errors raised by the caller's own queries inside the
    block are left to the caller (see sqlite.errors.store_error).
    """
    _check_header(db)
    if not running and not _nonempty(Path(f"{db}-wal")) and not _nonempty(Path(f"{db}-journal")):
        try:
            con = _probed(open_immutable(db))
        except sqlite3.Error as exc:
            error = store_error(db, exc)
            if not isinstance(error, StoreLocked):
                raise error from exc
        else:
            with closing(con):
                yield con, ReadMethod.IMMUTABLE
            return
    folder = private_temp_folder("snapshot-")  # 0700, under this run's folder
    try:
        copy = _copy_store(db, folder)
        try:
            con = _probed(_connect(copy, mode="rw"), "PRAGMA query_only = 1")
        except sqlite3.Error as exc:
            raise store_error(db, exc) from exc
        with closing(con):
            yield con, ReadMethod.COPY
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def is_sqlite_file(path: Path) -> bool:
    """True when the file starts with the SQLite header (content, not name)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False
