"""A store whose rows hold what no browser writes is 'corrupt', with a plain message."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fkinspect.browsers.chromium import read_chromium
from fkinspect.browsers.firefox import read_firefox
from fkinspect.model import Family, Profile, StoreFormat, StoreLocation, StoreResult, StoreStatus
from fkinspect.scope import Scope
from fkinspect.synth import SynthCookie, write_chromium_store, write_firefox_store

SCOPE = Scope.of("forsakringskassan.se")
LATER = datetime.now(UTC) + timedelta(days=30)
COOKIES = [SynthCookie("www.forsakringskassan.se", "fk_test_cookie", expires=LATER),
           SynthCookie(".forsakringskassan.se", "_pk_id.1.ab12", expires=LATER)]


def _chromium(path: Path) -> StoreResult:
    profile = Profile("chromium", "Chromium", Family.CHROMIUM, "Default", path.parent,
                      path.parent.parent)
    return read_chromium(StoreLocation(profile, path, StoreFormat.CHROMIUM_SQLITE), SCOPE)


def _firefox(path: Path) -> StoreResult:
    profile = Profile("firefox", "Firefox", Family.FIREFOX, "x.default", path.parent,
                      path.parent.parent)
    return read_firefox(StoreLocation(profile, path, StoreFormat.FIREFOX_SQLITE), SCOPE)


Case = tuple[str, Callable[[Path, list[SynthCookie]], None], str, Callable[[Path], StoreResult]]
CHROMIUM: Case = ("Cookies", write_chromium_store, "cookies", _chromium)
FIREFOX: Case = ("cookies.sqlite", write_firefox_store, "moz_cookies", _firefox)


@pytest.mark.parametrize(("case", "column", "value"), [
    (CHROMIUM, "expires_utc", "soon"), (CHROMIUM, "creation_utc", b"\xff\xfe"),
    (CHROMIUM, "last_access_utc", "yesterday"),
    (FIREFOX, "expiry", "soon"), (FIREFOX, "creationTime", b"\xff\xfe"),
    (FIREFOX, "lastAccessed", "yesterday"),
])  # fmt: skip
def test_text_where_a_time_belongs(tmp_path: Path, case: Case, column: str,
                                   value: object) -> None:
    """SQLite keeps whatever a column is given; a time written as text is damage."""
    name, write, table, read = case
    path = tmp_path / name
    write(path, COOKIES)
    assert read(path).status is StoreStatus.OK
    with closing(sqlite3.connect(path)) as con, con:
        con.execute(f"UPDATE {table} SET {column} = ?", (value,))
    result = read(path)
    assert result.status is StoreStatus.CORRUPT and result.cookies == ()
    assert result.message.startswith("The cookie file is damaged")
    assert result.message.endswith("(a cookie holds data of a kind no browser writes: TypeError)")
    assert result.schema  # what was learnt before the damage is kept


@pytest.mark.parametrize("case", [CHROMIUM, FIREFOX])
@pytest.mark.parametrize("column", ["name", "host"])
def test_a_blob_where_text_belongs_is_read_not_dropped(tmp_path: Path, case: Case,
                                                       column: str) -> None:
    """SQLite lets a BLOB stand in a text column; the cookie is still the agency's."""
    name, write, table, read = case
    path = tmp_path / name
    write(path, COOKIES)
    if column == "host" and table == "cookies":
        column = "host_key"
    with closing(sqlite3.connect(path)) as con, con:
        con.execute(f"UPDATE {table} SET {column} = CAST({column} AS BLOB) "
                    "WHERE name = 'fk_test_cookie'")  # fmt: skip
    result = read(path)
    assert result.status is StoreStatus.OK
    by_name = {c.name: c for c in result.cookies}
    assert sorted(by_name) == ["_pk_id.1.ab12", "fk_test_cookie"]
    blob = by_name["fk_test_cookie"]
    assert blob.host == "www.forsakringskassan.se"
    assert blob.rowid is None  # shown, but a clean cannot name it back to SQLite
    assert by_name["_pk_id.1.ab12"].rowid is not None


@pytest.mark.parametrize("case", [CHROMIUM, FIREFOX])
@pytest.mark.parametrize(("replacement", "reason"), [
    ("CREATE VIEW {t} AS SELECT * FROM real_{t}", "{t} is a view, not a table"),
    ("CREATE TABLE {t} (host PRIMARY KEY, host_key, name, path, expires_utc, is_secure, "
     "is_httponly, id, originAttributes, expiry, isSecure, isHttpOnly) WITHOUT ROWID",
     "{t} has no row ids (WITHOUT ROWID)"),
])  # fmt: skip
def test_a_cookie_table_that_is_not_a_plain_table_is_unsupported(
    tmp_path: Path, case: Case, replacement: str, reason: str
) -> None:
    """A view reads as rows (it read as "ok, 0 cookies"), but it is not a browser's store."""
    name, write, table, read = case
    path = tmp_path / name
    write(path, COOKIES)
    with closing(sqlite3.connect(path)) as con, con:
        con.execute(f"ALTER TABLE {table} RENAME TO real_{table}")
        con.execute(replacement.format(t=table))
    result = read(path)
    assert result.status is StoreStatus.UNSUPPORTED and result.cookies == ()
    assert result.message == (f"This cookie file has a layout fkinspect does not know "
                              f"({reason.format(t=table)}).")  # fmt: skip
