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
