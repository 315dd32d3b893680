"""Reading Chromium stores of every schema generation, and every way one can fail."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fkinspect.browsers.chromium import read_chromium
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
from fkinspect.synth import CHROMIUM_META_VERSIONS, SynthCookie, write_chromium_store
from tests.unit.browsers.support import statuses_without_and_with_read_permission

SITE = "https://forsakringskassan.se"
SCOPE = Scope.of("forsakringskassan.se", ["youtube.com"])
NOW = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)
LATER = datetime(2026, 4, 5, 17, 10, 28, 123456, tzinfo=UTC)

COOKIES = [
    SynthCookie("forsakringskassan.se", "JSESSIONID", expires=None, created=NOW,
                http_only=True, same_site=SameSite.STRICT),
    SynthCookie(".forsakringskassan.se", "_pk_id.1.abcd", expires=LATER, created=NOW,
                secure=False, same_site=SameSite.UNSPECIFIED),
    SynthCookie("deep.www.forsakringskassan.se", "sub", expires=LATER, created=NOW),
    # Partition twins: the same (host, name, path) first-party and in the agency's partition.
    SynthCookie(".youtube.com", "VISITOR_INFO1_LIVE", expires=LATER, created=NOW,
                same_site=SameSite.NONE),
    SynthCookie(".youtube.com", "VISITOR_INFO1_LIVE", expires=LATER, created=NOW,
                same_site=SameSite.NONE, partition=SITE),
    # CHIPS cookie of a site the page does not name, stored under the agency's site.
    SynthCookie("chat.vendor.example", "__Host-chips", expires=LATER, created=NOW,
                same_site=SameSite.NONE, partition=SITE),
    SynthCookie("chat.vendor.example", "__Host-chips", expires=LATER, created=NOW,
                partition="https://other.example"),
    SynthCookie("notforsakringskassan.se", "look", expires=LATER),
    SynthCookie("forsakringskassan.se.evil.example", "look", expires=LATER),
    SynthCookie(".notyoutube.com", "look", expires=LATER),
    SynthCookie(".example.com", "other", expires=LATER),
]  # fmt: skip


def _location(path: Path) -> StoreLocation:
    profile = Profile("chromium", "Chromium", Family.CHROMIUM, "Person 1", path.parent,
                      path.parent.parent)  # fmt: skip
    return StoreLocation(profile, path, StoreFormat.CHROMIUM_SQLITE)


def _read(path: Path, *, running: bool = False) -> StoreResult:
    return read_chromium(_location(path), SCOPE, running=running)


@pytest.fixture(params=CHROMIUM_META_VERSIONS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, int]:
    version = int(request.param)
    path = tmp_path / "Default" / "Cookies"
    write_chromium_store(path, COOKIES, meta_version=version)
    return path, version


def test_reads_exactly_the_scope(store: tuple[Path, int]) -> None:
    path, version = store
    result = _read(path)
    assert result.status is StoreStatus.OK, result.message
    assert result.schema == f"meta {version}"
    assert result.method is ReadMethod.IMMUTABLE
    found = sorted((c.host, c.name, c.partition or "") for c in result.cookies)
    assert found == [
        (".forsakringskassan.se", "_pk_id.1.abcd", ""),
        (".youtube.com", "VISITOR_INFO1_LIVE", ""),
        (".youtube.com", "VISITOR_INFO1_LIVE", SITE),
        ("chat.vendor.example", "__Host-chips", SITE),
        ("deep.www.forsakringskassan.se", "sub", ""),
        ("forsakringskassan.se", "JSESSIONID", ""),
    ]


def test_twins_stay_apart_with_full_identity(store: tuple[Path, int]) -> None:
    path, version = store
    twins = [c for c in _read(path).cookies if c.name == "VISITOR_INFO1_LIVE"]
    assert len(twins) == 2
    assert len({c.key for c in twins}) == 2
    assert len({c.rowid for c in twins}) == 2
    partitioned = next(c for c in twins if c.partition)
    width = {18: 4, 20: 6, 22: 6, 24: 7}[version]
    assert len(partitioned.key) == width
    assert partitioned.key[:2] == (".youtube.com", SITE)


def test_fields_and_times(store: tuple[Path, int]) -> None:
    path, _ = store
    by_name = {c.name: c for c in _read(path).cookies}
    session = by_name["JSESSIONID"]
    assert session.expires is None and session.session
    assert session.http_only and session.secure
    assert session.same_site is SameSite.STRICT
    assert session.created == NOW
    pk = by_name["_pk_id.1.abcd"]
    assert pk.expires == LATER
    assert pk.expires.tzinfo is not None
    assert not pk.secure
    assert pk.same_site is SameSite.UNSPECIFIED
    assert by_name["sub"].same_site is SameSite.LAX
    assert by_name["__Host-chips"].same_site is SameSite.NONE
    assert all(c.container is None for c in by_name.values())


def test_cross_site_ancestor_twins(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    write_chromium_store(path, [
        SynthCookie(".youtube.com", "YSC", expires=LATER, partition=SITE),
        SynthCookie(".youtube.com", "YSC", expires=LATER, partition=SITE,
                    has_cross_site_ancestor=False),
    ])  # fmt: skip
    result = _read(path)
    assert len(result.cookies) == 2
    assert {c.key[2] for c in result.cookies} == {0, 1}


def test_locked_by_another_connection(store: tuple[Path, int]) -> None:
    path, _ = store
    with closing(sqlite3.connect(path, isolation_level=None)) as writer:
        writer.execute("PRAGMA cache_size = 1")
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("DELETE FROM cookies")
        result = _read(path)
        writer.execute("ROLLBACK")
    assert result.status is StoreStatus.OK, result.message
    assert result.method is ReadMethod.COPY
    assert len(result.cookies) == 6


def test_running_reads_a_copy(store: tuple[Path, int]) -> None:
    path, _ = store
    before = sorted(p.name for p in path.parent.iterdir())
    result = _read(path, running=True)
    assert result.method is ReadMethod.COPY and result.running
    assert len(result.cookies) == 6
    assert sorted(p.name for p in path.parent.iterdir()) == before


def test_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    many = [SynthCookie(f"h{i}.forsakringskassan.se", f"n{i}", expires=LATER) for i in range(500)]
    write_chromium_store(path, many)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    result = _read(path)
    assert result.status is StoreStatus.CORRUPT
    assert result.message and result.cookies == ()


def test_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    path.write_text("these are not the cookies you are looking for\n" * 20)
    result = _read(path)
    assert result.status is StoreStatus.CORRUPT
    assert "not an SQLite database" in result.message


def test_missing_table(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    with closing(sqlite3.connect(path)) as con:
        con.execute("CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value)")
        con.execute("INSERT INTO meta VALUES ('version', '24')")
        con.commit()
    result = _read(path)
    assert result.status is StoreStatus.UNSUPPORTED
    assert result.schema == "meta 24"
    assert "no cookies table" in result.message


def test_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    with closing(sqlite3.connect(path)) as con:
        con.execute("CREATE TABLE cookies(host_key TEXT, name TEXT, path TEXT)")
        con.commit()
    result = _read(path)
    assert result.status is StoreStatus.UNSUPPORTED
    assert "expires_utc" in result.message


def test_vanished(tmp_path: Path) -> None:
    result = _read(tmp_path / "Default" / "Cookies")
    assert result.status is StoreStatus.MISSING


def test_no_value_is_selected(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    write_chromium_store(path, [SynthCookie("forsakringskassan.se", "a", value="TOPSECRET",
                                            expires=LATER)])  # fmt: skip
    statements: list[str] = []
    original = sqlite3.connect

    def tracing(*args: object, **kwargs: object) -> sqlite3.Connection:
        con = original(*args, **kwargs)  # type: ignore[arg-type]
        con.set_trace_callback(statements.append)
        return con

    sqlite3.connect = tracing  # type: ignore[assignment]
    try:
        result = _read(path)
    finally:
        sqlite3.connect = original
    assert result.status is StoreStatus.OK
    assert statements
    assert not any("value" in s.replace("json_each", "").replace("SELECT value FROM", "")
                   for s in statements if "cookies" in s)  # fmt: skip
    assert "TOPSECRET" not in repr(result)


def test_unreadable_file() -> None:
    statuses = statuses_without_and_with_read_permission(
        "chromium", "CHROMIUM", "CHROMIUM_SQLITE", "Cookies",
        lambda path: write_chromium_store(path, COOKIES))
    assert statuses == [StoreStatus.UNREADABLE.value, StoreStatus.OK.value]


def test_expiry_far_future_and_zero(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    write_chromium_store(path, [SynthCookie("forsakringskassan.se", "far", expires=LATER)])
    with closing(sqlite3.connect(path)) as con:
        con.execute("UPDATE cookies SET expires_utc = 9223372036854775807, creation_utc = 0")
        con.commit()
    (cookie,) = _read(path).cookies
    assert cookie.expires == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert cookie.created is None
    assert cookie.expires - timedelta(days=1) > LATER


def _spread(n: int) -> list[SynthCookie]:
    """Hosts all over the index order, plus a look-alike each.

    In scope: every 5th host, and every 17th as a partition under the agency
    (0, 85, 170, 255, 340, 425 and 510 are both): 120 + 28 of 600.
    """
    cookies = list(COOKIES)
    for i in range(n):
        lead = "abcdefghijklmnopqrstuvwxyz0123456789._-"[i % 39]
        site = "forsakringskassan.se" if i % 5 == 0 else f"site{i}.example"
        cookies.append(SynthCookie(f"{lead}{i}.{site}", f"n{i}", expires=LATER,
                                   partition=SITE if i % 17 == 0 else None))  # fmt: skip
        cookies.append(SynthCookie(f"{lead}{i}.notforsakringskassan.se", "look", expires=LATER))
    return cookies


def test_a_big_store_reads_exactly_the_scope(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    write_chromium_store(path, _spread(600))
    result = _read(path)
    assert result.status is StoreStatus.OK, result.message
    assert len(result.cookies) == 6 + 120 + 28  # COOKIES in scope, every 5th, partitioned
    assert len({(c.rowid, c.key) for c in result.cookies}) == len(result.cookies)
    assert not any("notforsakringskassan" in c.host for c in result.cookies)
