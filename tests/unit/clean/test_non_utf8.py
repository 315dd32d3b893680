"""Names that are not valid UTF-8 are data: cleaned, journaled and restored exactly.

A session file may hold a lone surrogate ("\\udcff" in valid JSON); an SQLite text
column may hold bytes that are not UTF-8 (SQLite does not check). Every row's bytes
are compared before and after: only the planned rows go, and restore puts them back.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.browsers.mozlz4 import decompress
from fkinspect.browsers.safari import (
    BinaryCookie,
    encode_binarycookies,
    find_value,
    read_binarycookies,
)
from fkinspect.clean import (
    JournalState,
    RestoreStatus,
    Status,
    list_journals,
    make_plan,
    restore,
    run_clean,
)
from fkinspect.model import Family, Profile, StoreFormat, StoreLocation
from fkinspect.scope import Scope
from fkinspect.values import read_value
from tests.unit.clean.support import AG, WWW, chromium_store, firefox_store, not_running, scan

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX byte paths")

LONE = "_pk_ses.1.\udcff"  # what json.loads gives for "_pk_ses.1.\\udcff"


def _session(folder: Path) -> Path:
    path = folder / "firefox" / "abcd1234.default-release" / "sessionstore.jsonlz4"
    write_session_store(path, [
        {"host": WWW, "name": LONE, "path": "/", "value": "secret-1", "originAttributes": {}},
        {"host": WWW, "name": "_pk_id.1.abcd", "path": "/", "value": "secret-2",
         "originAttributes": {}},
        {"host": AG, "name": "SMSESSION", "path": "/", "value": "secret-3",
         "originAttributes": {}},
        {"host": ".example.com", "name": "_x\udc80", "path": "/", "value": "secret-4",
         "originAttributes": {}},
    ])  # fmt: skip
    (path.parent / ".parentlock").touch()
    return path


def _session_cookies(path: Path) -> list[dict[str, Any]]:
    cookies: list[dict[str, Any]] = json.loads(decompress(path.read_bytes()))["cookies"]
    return cookies


def test_lone_surrogate_in_a_session_name_is_cleaned_journaled_and_restored(
    tmp_path: Path,
) -> None:
    path = _session(tmp_path)
    root = tmp_path / "backups"
    before = _session_cookies(path)
    result = run_clean(make_plan(scan(path), check_running=not_running), backup_root=root,
                       check_running=not_running)  # fmt: skip
    (outcome,) = result.stores
    assert outcome.status is Status.DONE, outcome.detail
    assert {c.cookie.name for c in outcome.removed} == {LONE, "_pk_id.1.abcd"}
    assert [c["name"] for c in _session_cookies(path)] == ["SMSESSION", "_x\udc80"]
    (journal,) = list_journals(root)
    assert journal.state is JournalState.DONE
    assert {r.name for r in journal.removed} == {LONE, "_pk_id.1.abcd"}
    assert (journal.folder / "journal.json").read_bytes().isascii()
    undo = restore(result.run, backup_root=root, check_running=not_running)
    assert undo.stores[0].status is RestoreStatus.RESTORED and undo.restored == 2
    after = _session_cookies(path)
    assert sorted(after, key=repr) == sorted(before, key=repr)


# ------------------------------------------------------------------ SQLite bytes

BAD_NAME = b"_pk_id.1.\xff\xfe"  # in scope: an analytics name, not UTF-8
OTHER_BAD = b"tracker\xc3("  # another site's cookie: a broken UTF-8 sequence
BAD_HOST = b".exa\xe9mple.com"  # Latin-1, not UTF-8


def _table(path: Path) -> tuple[str, str]:
    return ("moz_cookies", "host") if path.name == "cookies.sqlite" else ("cookies", "host_key")


def _add_raw_rows(path: Path) -> None:
    """Copies of an existing row whose name (and host) are raw bytes, stored as TEXT."""
    table, host = _table(path)
    with closing(sqlite3.connect(path)) as con:
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] != "id"]
        for name, host_bytes in ((BAD_NAME, None), (OTHER_BAD, None), (b"_ga", BAD_HOST)):
            picked, params = [], []
            for column in cols:
                raw = name if column == "name" else host_bytes if column == host else None
                picked.append("CAST(? AS TEXT)" if raw is not None else column)
                params += [raw] if raw is not None else []
            con.execute(
                f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(picked)} "
                f"FROM {table} WHERE name = '_pk_ref.1.abcd' AND {host} = ?",
                (*params, WWW),
            )
        con.commit()


def raw_rows(path: Path) -> list[tuple[object, ...]]:
    """Every row, every column, text as its stored bytes: what must not change."""
    table, _host = _table(path)
    with closing(sqlite3.connect(path)) as con:
        con.text_factory = bytes
        rows = con.execute(f"SELECT rowid, * FROM {table}").fetchall()
    return sorted(rows, key=repr)


def _without_rowid(rows: list[tuple[object, ...]], firefox: bool) -> list[tuple[object, ...]]:
    cut = 2 if firefox else 1  # Firefox's id column is the rowid again
    return sorted((r[cut:] for r in rows), key=repr)


@pytest.mark.parametrize("family", ["chromium", "firefox"])
def test_invalid_utf8_rows_are_read_cleaned_by_their_bytes_and_restored(
    tmp_path: Path, family: str
) -> None:
    path = chromium_store(tmp_path) if family == "chromium" else firefox_store(tmp_path)
    _add_raw_rows(path)
    root = tmp_path / "backups"
    before = raw_rows(path)
    found = scan(path)
    assert found.stores[0].status.value == "ok", found.stores[0].message
    names = {c.cookie.name for c in found.cookies}
    assert BAD_NAME.decode("utf-8", "surrogateescape") in names

    plan = make_plan(found, check_running=not_running)
    planned = sorted(c.cookie.name.encode("utf-8", "surrogateescape")
                     for c in plan.stores[0].remove)  # fmt: skip
    assert BAD_NAME in planned and OTHER_BAD not in planned
    result = run_clean(plan, backup_root=root, check_running=not_running)
    (outcome,) = result.stores
    assert outcome.status is Status.DONE, outcome.detail

    # Exactly the planned rows are gone; every other row is byte for byte as it was.
    after = raw_rows(path)
    name_at = 1 + _columns(path).index("name")
    gone = [r for r in before if r not in after]
    assert sorted(r[name_at] for r in gone) == planned
    assert [r for r in before if r not in gone] == after

    undo = restore(result.run, backup_root=root, check_running=not_running)
    assert undo.stores[0].status is RestoreStatus.RESTORED, undo.stores[0].detail
    firefox = family == "firefox"
    assert _without_rowid(raw_rows(path), firefox) == _without_rowid(before, firefox)


def _columns(path: Path) -> list[str]:
    table, _host = _table(path)
    with closing(sqlite3.connect(path)) as con:
        return [r[1] for r in con.execute(f"PRAGMA table_info({table})")]


def test_a_store_of_many_non_utf8_hosts_reads_its_agency_cookies(tmp_path: Path) -> None:
    path = chromium_store(tmp_path)
    with closing(sqlite3.connect(path)) as con:
        cols = [r[1] for r in con.execute("PRAGMA table_info(cookies)")]
        picked = ", ".join("CAST(? || n AS TEXT)" if c == "host_key" else c for c in cols)
        for n in range(200):  # other sites whose host_key bytes are not UTF-8
            con.execute(
                f"INSERT INTO cookies SELECT {picked} FROM cookies, (SELECT ? AS n) "
                "WHERE name = 'mystery_cookie' AND host_key = ?",
                (b".\xff\xfeexample", str(n), WWW),
            )
        con.commit()
    found = scan(path)
    assert found.stores[0].status.value == "ok", found.stores[0].message
    assert len(found.cookies) == 10


@pytest.mark.parametrize("family", ["chromium", "firefox"])
def test_the_value_of_a_cookie_named_in_bytes_is_shown_on_request(
    tmp_path: Path, family: str
) -> None:
    path = chromium_store(tmp_path) if family == "chromium" else firefox_store(tmp_path)
    _add_raw_rows(path)  # copies of the _pk_ref.1.abcd row: the same value
    found = {c.cookie.name: c.cookie for c in scan(path).cookies}
    odd = found[BAD_NAME.decode("utf-8", "surrogateescape")]
    assert read_value(odd, platform="linux") == read_value(found["_pk_ref.1.abcd"],
                                                           platform="linux")  # fmt: skip


def test_a_safari_cookie_named_in_bytes_is_read_not_the_whole_file_refused(
    tmp_path: Path,
) -> None:
    when = datetime(2027, 1, 1, tzinfo=UTC)
    data = encode_binarycookies([
        BinaryCookie(".example.org", "tracker@@", "/", "v1", when, when),  # another site
        BinaryCookie(WWW, "_pk_id.1.@@", "/", "v2", when, when),
        BinaryCookie(WWW, "JSESSIONID", "/", "v3", when, when),
    ]).replace(b"@@", b"\xff\xfe")  # same length: every offset stays right
    path = tmp_path / "Cookies.binarycookies"
    path.write_bytes(data)
    profile = Profile("safari", "Safari", Family.SAFARI, "Safari", tmp_path, tmp_path)
    result = read_binarycookies(StoreLocation(profile, path, StoreFormat.SAFARI_BINARY),
                                Scope.of("forsakringskassan.se", []))  # fmt: skip
    assert result.status.value == "ok", result.message
    odd = "_pk_id.1.\udcff\udcfe"
    assert [c.name for c in result.cookies] == [odd, "JSESSIONID"]
    assert find_value(path, (WWW, odd, "/")) == "v2"
