"""Reading Firefox stores of every schema generation, and every way one can fail."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fkinspect.browsers.firefox import parse_origin_attributes, read_firefox
from fkinspect.model import (
    Family,
    Profile,
    ReadMethod,
    SameSite,
    StoreFormat,
    StoreLocation,
    StoreResult,
    StoreStatus,
)
from fkinspect.scope import Scope
from fkinspect.synth import FIREFOX_USER_VERSIONS, SynthCookie, write_firefox_store
from tests.unit.browsers.support import statuses_without_and_with_read_permission

SITE = "https://forsakringskassan.se"
SCOPE = Scope.of("forsakringskassan.se", ["youtube.com"])
NOW = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)
LATER = datetime(2026, 4, 5, 17, 10, 28, tzinfo=UTC)

COOKIES = [
    SynthCookie(".forsakringskassan.se", "_pk_id.1.abcd", expires=LATER, created=NOW,
                secure=False, same_site=SameSite.UNSPECIFIED),
    SynthCookie("www.forsakringskassan.se", "XSRF-TOKEN", expires=LATER, created=NOW,
                http_only=True, same_site=SameSite.STRICT),
    # Container twins and partition twins of one (host, name, path).
    SynthCookie("www.forsakringskassan.se", "JSESSIONID", expires=LATER, created=NOW),
    SynthCookie("www.forsakringskassan.se", "JSESSIONID", expires=LATER, created=NOW,
                container=1),
    SynthCookie("www.forsakringskassan.se", "JSESSIONID", expires=LATER, created=NOW,
                container=7),
    SynthCookie(".youtube.com", "VISITOR_INFO1_LIVE", expires=LATER, created=NOW,
                same_site=SameSite.NONE),
    SynthCookie(".youtube.com", "VISITOR_INFO1_LIVE", expires=LATER, created=NOW,
                same_site=SameSite.NONE, partition=SITE),
    # CHIPS cookie of an unnamed site in the agency's partition, inside a container.
    SynthCookie("chat.vendor.example", "__Host-chips", expires=LATER, created=NOW,
                same_site=SameSite.NONE, partition=SITE, container=1),
    SynthCookie("chat.vendor.example", "__Host-chips", expires=LATER, created=NOW,
                partition="https://other.example"),
    SynthCookie("notforsakringskassan.se", "look", expires=LATER),
    SynthCookie("forsakringskassan.se.evil.example", "look", expires=LATER),
    SynthCookie(".example.com", "other", expires=LATER),
]  # fmt: skip
WAL_ONLY = [SynthCookie("forsakringskassan.se", "late", expires=LATER, created=NOW)]


def _location(path: Path) -> StoreLocation:
    profile = Profile("firefox", "Firefox", Family.FIREFOX, "default-release", path.parent,
                      path.parent.parent, containers={1: "Personal"})  # fmt: skip
    return StoreLocation(profile, path, StoreFormat.FIREFOX_SQLITE)


def _read(path: Path, *, running: bool = False) -> StoreResult:
    return read_firefox(_location(path), SCOPE, running=running)


@pytest.fixture(params=FIREFOX_USER_VERSIONS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, int]:
    version = int(request.param)
    path = tmp_path / "profile" / "cookies.sqlite"
    write_firefox_store(path, COOKIES, user_version=version, wal_cookies=WAL_ONLY)
    return path, version


def test_reads_exactly_the_scope_including_wal_rows(store: tuple[Path, int]) -> None:
    path, version = store
    before = {p.name: p.stat().st_mtime_ns for p in path.parent.iterdir()}
    result = _read(path)
    assert result.status is StoreStatus.OK, result.message
    assert result.schema == f"user_version {version}"
    assert result.method is ReadMethod.COPY  # a non-empty -wal is never opened in place
    found = sorted((c.host, c.name, c.partition or "", c.container or "") for c in result.cookies)
    assert found == [
        (".forsakringskassan.se", "_pk_id.1.abcd", "", ""),
        (".youtube.com", "VISITOR_INFO1_LIVE", "", ""),
        (".youtube.com", "VISITOR_INFO1_LIVE", SITE, ""),
        ("chat.vendor.example", "__Host-chips", SITE, "Personal"),
        ("forsakringskassan.se", "late", "", ""),
        ("www.forsakringskassan.se", "JSESSIONID", "", ""),
        ("www.forsakringskassan.se", "JSESSIONID", "", "#7"),
        ("www.forsakringskassan.se", "JSESSIONID", "", "Personal"),
        ("www.forsakringskassan.se", "XSRF-TOKEN", "", ""),
    ]
    assert {p.name: p.stat().st_mtime_ns for p in path.parent.iterdir()} == before


def test_twins_have_their_own_identity(store: tuple[Path, int]) -> None:
    path, _ = store
    cookies = _read(path).cookies
    sessions = [c for c in cookies if c.name == "JSESSIONID"]
    assert len({c.key for c in sessions}) == 3
    assert len({c.rowid for c in sessions}) == 3
    assert {c.key[3] for c in sessions} == {"", "^userContextId=1", "^userContextId=7"}
    chips = next(c for c in cookies if c.name == "__Host-chips")
    assert chips.key == ("__Host-chips", "chat.vendor.example", "/",
                         "^userContextId=1&partitionKey=%28https%2Cforsakringskassan.se%29")


def test_times_and_flags(store: tuple[Path, int]) -> None:
    path, _ = store
    by_name = {c.name: c for c in _read(path).cookies}
    pk = by_name["_pk_id.1.abcd"]
    # Same instant whether the file holds seconds (12, 14) or milliseconds (16, 17).
    assert pk.expires == LATER
    assert pk.created == NOW
    assert pk.last_access == NOW
    assert not pk.secure and not pk.session
    assert pk.same_site is SameSite.UNSPECIFIED
    xsrf = by_name["XSRF-TOKEN"]
    assert xsrf.http_only and xsrf.secure
    assert xsrf.same_site is SameSite.STRICT
    assert by_name["VISITOR_INFO1_LIVE"].same_site is SameSite.NONE
    assert by_name["late"].same_site is SameSite.LAX


def test_checkpointed_store_opened_in_place(tmp_path: Path) -> None:
    path = tmp_path / "cookies.sqlite"
    write_firefox_store(path, COOKIES)
    result = _read(path)
    assert result.method is ReadMethod.IMMUTABLE
    assert len(result.cookies) == 8
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cookies.sqlite"]


def test_locked_by_another_connection(tmp_path: Path) -> None:
    path = tmp_path / "cookies.sqlite"
    write_firefox_store(path, COOKIES)
    with closing(sqlite3.connect(path, isolation_level=None)) as writer:
        writer.execute("PRAGMA cache_size = 1")  # spill: uncommitted frames in the -wal
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("DELETE FROM moz_cookies")
        assert Path(f"{path}-wal").stat().st_size > 0
        result = _read(path)
        writer.execute("ROLLBACK")
    assert result.status is StoreStatus.OK, result.message
    assert result.method is ReadMethod.COPY
    assert len(result.cookies) == 8


def test_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / "cookies.sqlite"
    many = [SynthCookie(f"h{i}.forsakringskassan.se", f"n{i}", expires=LATER) for i in range(500)]
    write_firefox_store(path, many)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert _read(path).status is StoreStatus.CORRUPT


def test_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "cookies.sqlite"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(400))
    assert _read(path).status is StoreStatus.CORRUPT


def test_missing_table(tmp_path: Path) -> None:
    path = tmp_path / "cookies.sqlite"
    with closing(sqlite3.connect(path)) as con:
        con.execute("CREATE TABLE moz_other(id INTEGER PRIMARY KEY)")
        con.execute("PRAGMA user_version = 17")
        con.commit()
    result = _read(path)
    assert result.status is StoreStatus.UNSUPPORTED
    assert result.schema == "user_version 17"
    assert "moz_cookies" in result.message


def test_vanished(tmp_path: Path) -> None:
    assert _read(tmp_path / "cookies.sqlite").status is StoreStatus.MISSING


def test_parse_origin_attributes() -> None:
    assert parse_origin_attributes("") == {}
    assert parse_origin_attributes(
        "^userContextId=2&partitionKey=%28https%2Cforsakringskassan.se%2C8443%29"
    ) == {"userContextId": "2", "partitionKey": "(https,forsakringskassan.se,8443)"}


def test_unreadable_file() -> None:
    statuses = statuses_without_and_with_read_permission(
        "firefox", "FIREFOX", "FIREFOX_SQLITE", "cookies.sqlite",
        lambda path: write_firefox_store(path, COOKIES))
    assert statuses == [StoreStatus.UNREADABLE.value, StoreStatus.OK.value]


def _spread_store(path: Path, n: int) -> None:
    """Names all over the index order; every 5th host in scope, each with a look-alike.

    Plus agency rows whose name is not text: NULL and a BLOB.
    """
    cookies = list(COOKIES)
    for i in range(n):
        name = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_0123456789"[i % 47] + str(i)
        site = "forsakringskassan.se" if i % 5 == 0 else f"site{i}.example"
        cookies.append(SynthCookie(f"www.{site}", name, expires=LATER))
        cookies.append(SynthCookie("notforsakringskassan.se", name, expires=LATER))
    write_firefox_store(path, cookies)
    with closing(sqlite3.connect(path)) as con:
        con.executemany(
            "INSERT INTO moz_cookies(originAttributes, name, value, host, path, expiry, "
            "isSecure, isHttpOnly) VALUES ('', ?, '', 'www.forsakringskassan.se', '/', 1, 0, 0)",
            [(None,), (b"\xff\x00",)],
        )
        con.commit()


def test_a_big_store_reads_exactly_the_scope(tmp_path: Path) -> None:
    path = tmp_path / "cookies.sqlite"
    _spread_store(path, 600)
    result = _read(path)
    assert result.status is StoreStatus.OK, result.message
    assert result.method is ReadMethod.IMMUTABLE
    assert len(result.cookies) == 8 + 120 + 2  # COOKIES in scope, every 5th, NULL and BLOB
    assert not any("notforsakringskassan" in c.host for c in result.cookies)
    # The BLOB name is shown decoded, without a row id: a clean cannot name it exactly.
    assert [c.name for c in result.cookies if c.rowid is None] == ["\ufffd\x00"]
