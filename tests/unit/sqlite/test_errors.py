"""SQLite failures are told apart by their result codes, from real failures."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from fkinspect.errors import UnsupportedSchema
from fkinspect.sqlite.errors import Failure, classify, classify_os, describe, failure_of


def _error(work: Callable[[], object]) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as raised:
        work()
    return raised.value


def _db(path: Path, *statements: str) -> Path:
    with closing(sqlite3.connect(path)) as con, con:
        for statement in statements:
            con.execute(statement)
    return path


def test_not_a_database_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"not a database at all, " * 100)
    exc = _error(lambda: sqlite3.connect(path).execute("SELECT * FROM sqlite_master"))
    assert classify(exc) is Failure.CORRUPT
    assert describe(exc).startswith("SQLITE_NOTADB: ")


def test_a_write_lock_held_elsewhere_is_locked(tmp_path: Path) -> None:
    path = _db(tmp_path / "x", "CREATE TABLE t (a)")
    with closing(sqlite3.connect(path, isolation_level=None)) as holder:
        holder.execute("BEGIN IMMEDIATE")
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        with closing(other):
            assert classify(_error(lambda: other.execute("BEGIN IMMEDIATE"))) is Failure.LOCKED


def test_a_full_database_is_full(tmp_path: Path) -> None:
    path = _db(tmp_path / "x", "CREATE TABLE t (a)")
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA max_page_count = 2")
        exc = _error(lambda: con.execute("INSERT INTO t VALUES (zeroblob(100000))"))
    assert classify(exc) is Failure.FULL


def test_missing_file_opened_for_writing_is_unreadable(tmp_path: Path) -> None:
    uri = f"file:{tmp_path / 'missing'}?mode=rw"
    assert classify(_error(lambda: sqlite3.connect(uri, uri=True))) is Failure.UNREADABLE


def test_a_write_on_a_read_only_connection_is_read_only(tmp_path: Path) -> None:
    path = _db(tmp_path / "x", "CREATE TABLE t (a)")
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        assert classify(_error(lambda: con.execute("INSERT INTO t VALUES (1)"))) is (
            Failure.READ_ONLY
        )


def test_an_unknown_collation_is_an_unknown_schema(tmp_path: Path) -> None:
    path = tmp_path / "x"
    with closing(sqlite3.connect(path)) as con, con:
        con.create_collation("weird", lambda a, b: (a > b) - (a < b))
        con.execute("CREATE TABLE t (a)")
        con.execute("CREATE INDEX i ON t (a COLLATE weird)")
    with closing(sqlite3.connect(path)) as con:
        exc = _error(lambda: con.execute("INSERT INTO t VALUES ('x')"))
    assert classify(exc) is Failure.SCHEMA
    assert failure_of(exc) is Failure.SCHEMA


def test_a_missing_table_is_not_taken_for_a_schema_we_lack(tmp_path: Path) -> None:
    with closing(sqlite3.connect(tmp_path / "x")) as con:
        exc = _error(lambda: con.execute("SELECT * FROM nothing"))
    assert classify(exc) is Failure.OTHER


def test_errors_without_a_code_and_file_system_errors() -> None:
    assert classify(sqlite3.ProgrammingError("closed")) is Failure.OTHER
    assert describe(sqlite3.ProgrammingError("closed")) == "closed"
    assert classify_os(OSError(errno.ENOSPC, "No space left on device")) is Failure.FULL
    assert classify_os(OSError(errno.EFBIG, "File too large")) is Failure.FULL
    assert classify_os(OSError(errno.EROFS, "Read-only file system")) is Failure.READ_ONLY
    assert failure_of(PermissionError(errno.EACCES, "denied")) is Failure.UNREADABLE
    assert failure_of(UnsupportedSchema(Path("x"), "no table")) is Failure.SCHEMA
    assert failure_of(ValueError("x")) is Failure.OTHER
