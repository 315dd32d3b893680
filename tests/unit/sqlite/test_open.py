"""Opening a store leaves no trace in the profile and sees every committed row."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fkinspect.errors import StoreCorrupt, StoreMissing
from fkinspect.model import ReadMethod
from fkinspect.sqlite.open import is_sqlite_file, open_snapshot
from fkinspect.synth import SynthCookie, write_chromium_store, write_firefox_store

LATER = datetime.now(UTC) + timedelta(days=30)


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir()}


def _names(con: sqlite3.Connection) -> list[str]:
    return sorted(r[0] for r in con.execute("SELECT name FROM moz_cookies"))


def _wal_store(folder: Path) -> Path:
    path = folder / "cookies.sqlite"
    write_firefox_store(
        path,
        [SynthCookie("forsakringskassan.se", "old", expires=LATER)],
        wal_cookies=[SynthCookie("forsakringskassan.se", "new", expires=LATER)],
    )
    return path


@pytest.mark.parametrize("running", [False, True])
def test_wal_store_read_without_trace(tmp_path: Path, running: bool) -> None:
    path = _wal_store(tmp_path)
    before = _listing(tmp_path)
    with open_snapshot(path, running=running) as (con, method):
        names = _names(con)
        assert _listing(tmp_path) == before
    assert method is ReadMethod.COPY
    assert names == ["new", "old"]
    assert _listing(tmp_path) == before
    assert not Path(f"{path}-shm").exists()


def test_quiet_store_opened_in_place(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    write_chromium_store(path, [SynthCookie("forsakringskassan.se", "a", expires=LATER)])
    Path(f"{path}-journal").write_bytes(b"")  # Chromium leaves an empty journal
    before = _listing(tmp_path)
    with open_snapshot(path, running=False) as (con, method):
        assert con.execute("SELECT count(*) FROM cookies").fetchone()[0] == 1
    assert method is ReadMethod.IMMUTABLE
    assert _listing(tmp_path) == before


def test_running_browser_means_copy(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    write_chromium_store(path, [SynthCookie("forsakringskassan.se", "a", expires=LATER)])
    with open_snapshot(path, running=True) as (con, method):
        assert con.execute("SELECT count(*) FROM cookies").fetchone()[0] == 1
        copy_folder = Path(con.execute("PRAGMA database_list").fetchone()[2]).parent
        assert copy_folder != tmp_path
        assert (copy_folder.stat().st_mode & 0o777) == 0o700
    assert method is ReadMethod.COPY
    assert not copy_folder.exists()


def test_copy_is_query_only(tmp_path: Path) -> None:
    path = _wal_store(tmp_path)
    with open_snapshot(path, running=True) as (con, _), pytest.raises(sqlite3.Error):
        con.execute("DELETE FROM moz_cookies")


def test_uncommitted_rows_of_a_writer_are_not_seen(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    write_chromium_store(path, [SynthCookie("forsakringskassan.se", "a", expires=LATER)])
    with closing(sqlite3.connect(path, isolation_level=None)) as writer:
        writer.execute("PRAGMA cache_size = 1")  # spill to the file: a hot journal
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("UPDATE cookies SET name = 'changed'")
        writer.execute("DELETE FROM cookies")
        with open_snapshot(path, running=False) as (con, method):
            rows = con.execute("SELECT name FROM cookies").fetchall()
        writer.execute("ROLLBACK")
    assert rows == [("a",)]
    assert method is ReadMethod.COPY


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing), open_snapshot(tmp_path / "gone", running=False):
        pass


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 10, b"SQLite format 3\x00"])
def test_not_a_database(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "Cookies"
    path.write_bytes(content)
    with pytest.raises(StoreCorrupt), open_snapshot(path, running=False):
        pass


def test_temp_folder_removed_after_failure(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    folders_before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("fkinspect-*"))
    with pytest.raises(StoreCorrupt), open_snapshot(path, running=True):
        pass
    assert set(Path(os.environ.get("TMPDIR", "/tmp")).glob("fkinspect-*")) <= folders_before


def test_is_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "x"
    write_chromium_store(path, [])
    other = tmp_path / "y"
    other.write_text("hello")
    assert is_sqlite_file(path)
    assert not is_sqlite_file(other)
    assert not is_sqlite_file(tmp_path / "none")
