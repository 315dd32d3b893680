"""Store formats are told by content: SQLite tables, mozLz4 magic, Safari's `cook`."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fkinspect.browsers.detect import UnknownStore, detect_format, why_unknown
from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.browsers.safari import BinaryCookie, encode_binarycookies
from fkinspect.errors import StoreError
from fkinspect.model import StoreFormat, StoreStatus
from fkinspect.synth import (
    CHROMIUM_META_VERSIONS,
    FIREFOX_USER_VERSIONS,
    SynthCookie,
    write_chromium_store,
    write_firefox_store,
)

LATER = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30)
COOKIE = SynthCookie("www.forsakringskassan.se", "JSESSIONID", expires=LATER)


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


@pytest.mark.parametrize("version", CHROMIUM_META_VERSIONS)
def test_chromium_store_of_every_meta_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / "x.bin"
    write_chromium_store(path, [COOKIE], meta_version=version)
    assert detect_format(path) is StoreFormat.CHROMIUM_SQLITE


@pytest.mark.parametrize("version", FIREFOX_USER_VERSIONS)
def test_firefox_store_of_every_user_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / "Cookies"  # a Chromium name does not make it Chromium
    write_firefox_store(path, [COOKIE], user_version=version)
    assert detect_format(path) is StoreFormat.FIREFOX_SQLITE


def test_minimal_chromium_schema(tmp_path: Path) -> None:
    path = tmp_path / "copy"
    with closing(sqlite3.connect(path)) as con:
        con.execute("CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value "
                    "LONGVARCHAR)")  # fmt: skip
        con.execute("CREATE TABLE cookies(host_key TEXT NOT NULL, name TEXT NOT NULL)")
        con.commit()
    assert detect_format(path) is StoreFormat.CHROMIUM_SQLITE


def test_cookies_table_without_meta_is_not_chromium(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    with closing(sqlite3.connect(path)) as con:
        con.execute("CREATE TABLE cookies(host_key TEXT)")
        con.commit()
    assert detect_format(path) is None
    assert "without a Chromium or Firefox cookie table" in why_unknown(path)


def test_session_store_and_safari_file(tmp_path: Path) -> None:
    session = tmp_path / "whatever.dat"
    write_session_store(session, [])
    safari = tmp_path / "Cookies.binarycookies.copy"
    now = datetime.now(UTC).replace(microsecond=0)
    safari.write_bytes(encode_binarycookies(
        [BinaryCookie(".forsakringskassan.se", "a", "/", "v", now + timedelta(days=1), now)]))
    assert detect_format(session) is StoreFormat.FIREFOX_SESSION
    assert detect_format(safari) is StoreFormat.SAFARI_BINARY


def test_what_is_not_a_store(tmp_path: Path) -> None:
    text = tmp_path / "cookies.sqlite"
    text.write_text("name,value\nJSESSIONID,abc\n", encoding="utf-8")
    empty = tmp_path / "Cookies"
    empty.touch()
    truncated = tmp_path / "truncated"
    write_chromium_store(tmp_path / "whole", [COOKIE])
    truncated.write_bytes((tmp_path / "whole").read_bytes()[:120])
    other_db = tmp_path / "places.sqlite"
    with closing(sqlite3.connect(other_db)) as con:
        con.execute("CREATE TABLE moz_places(id INTEGER PRIMARY KEY)")
        con.commit()
    missing = tmp_path / "gone"
    for path in (text, empty, truncated, other_db, missing, tmp_path):
        assert detect_format(path) is None, path
    assert why_unknown(text).startswith("not a cookie store fkinspect knows")
    assert why_unknown(empty) == "the file is empty"
    assert why_unknown(truncated) == "a damaged or truncated SQLite database"
    assert why_unknown(missing) == "no such file or folder"


def test_reading_the_schema_of_a_wal_database_leaves_no_trace(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    write_firefox_store(profile / "cookies.sqlite", [COOKIE], wal_cookies=[COOKIE.__class__(
        "forsakringskassan.se", "late", expires=LATER)])
    before = _files(profile)
    assert "cookies.sqlite-wal" in before and "cookies.sqlite-shm" not in before
    assert detect_format(profile / "cookies.sqlite") is StoreFormat.FIREFOX_SQLITE
    assert _files(profile) == before


def test_a_schema_only_in_the_wal_is_seen_through_a_copy(tmp_path: Path) -> None:
    # A brand-new database whose CREATE TABLE was never checkpointed.
    scratch, profile = tmp_path / "scratch", tmp_path / "profile"
    scratch.mkdir()
    profile.mkdir()
    work = scratch / "cookies.sqlite"
    with closing(sqlite3.connect(work, isolation_level=None)) as con:
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA wal_autocheckpoint = 0")
        con.execute("CREATE TABLE moz_cookies(id INTEGER PRIMARY KEY, host TEXT)")
        shutil.copyfile(work, profile / "cookies.sqlite")
        shutil.copyfile(f"{work}-wal", profile / "cookies.sqlite-wal")
    before = _files(profile)
    assert detect_format(profile / "cookies.sqlite") is StoreFormat.FIREFOX_SQLITE
    assert _files(profile) == before


def test_unknown_store_is_a_store_error_with_its_reason(tmp_path: Path) -> None:
    error = UnknownStore(tmp_path / "x", "the file is empty")
    assert isinstance(error, StoreError)
    assert error.status is StoreStatus.UNSUPPORTED
    assert error.reason == "the file is empty"
    assert str(error) == f"{tmp_path / 'x'}: the file is empty"
