"""Firefox's `cookies.sqlite`: its layout, a row's identity, the scan, the clean's table
and one cookie's value.

The scan never reads `value`. Session cookies are not in this file (see
firefox_session). The schema is found by introspection (PRAGMA user_version,
PRAGMA table_info): `expiry` is milliseconds from user_version 16 (Firefox
142), seconds before; creationTime/lastAccessed are microseconds. One query
per store selects the rows whose host holds a domain in scope or whose
originAttributes hold the agency's (a partition); the exact check is
Scope.wants, in Python.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from fkinspect.browsers.reading import (
    Table,
    read_sqlite_store,
    scope_test,
    select_in_scope,
    table_columns,
    table_problem,
    text_of,
)
from fkinspect.errors import MAX_STORE_COOKIES, UnsupportedSchema
from fkinspect.model import Cookie, SameSite, Source, StoreLocation, StoreResult
from fkinspect.scope import Scope, partition_url
from fkinspect.sqlite.open import equal_tests, open_snapshot

MS_FROM_VERSION = 16
_LATEST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
_MAX_SECONDS = 253_402_300_799  # 9999-12-31T23:59:59Z

TABLE = "moz_cookies"
KEY_COLUMNS = ("name", "host", "path", "originAttributes")  # the unique index moz_uniqueid
REQUIRED = frozenset(
    {"id", "originAttributes", "name", "host", "path", "expiry", "isSecure", "isHttpOnly"}
)
# Every column the table has had (user_version 10-17). A restore copies them all
# (but `id`, which SQLite assigns); a column outside this list is a layout we do not know.
KNOWN_COLUMNS = frozenset({
    "id", "baseDomain", "originAttributes", "name", "value", "host", "path", "expiry",
    "lastAccessed", "creationTime", "isSecure", "isHttpOnly", "inBrowserElement", "appId",
    "sameSite", "rawSameSite", "schemeMap", "isPartitionedAttributeSet", "updateTime",
})  # fmt: skip
# The fixed row layout the scan selects, with the literal that stands in for a column
# the schema lacks (the reader's defaults). This is the allow-list of names.
_LAYOUT = (
    ("id", ""), ("name", ""), ("host", ""), ("path", ""), ("originAttributes", ""),
    ("expiry", ""), ("isSecure", ""), ("isHttpOnly", ""), ("creationTime", "NULL"),
    ("lastAccessed", "NULL"), ("sameSite", "0"), ("rawSameSite", "NULL"),
)  # fmt: skip

# nsICookie SAMESITE_*.
_SAME_SITE = {0: SameSite.NONE, 1: SameSite.LAX, 2: SameSite.STRICT, 256: SameSite.UNSPECIFIED}


def _from_seconds(seconds: float) -> datetime:
    if seconds >= _MAX_SECONDS:
        return _LATEST
    return datetime.fromtimestamp(max(seconds, 0.0), UTC)


def firefox_expiry(value: int | None, user_version: int) -> datetime | None:
    """`expiry` as a UTC time: milliseconds from user_version 16, seconds before."""
    if value is None:
        return None
    return _from_seconds(value / 1000 if user_version >= MS_FROM_VERSION else float(value))


def _from_micro(value: int | None) -> datetime | None:
    return _from_seconds(value / 1_000_000) if value else None


def parse_origin_attributes(suffix: str) -> dict[str, str]:
    """"^userContextId=1&partitionKey=%28https%2Csite%29" -> {name: decoded value}."""
    text = suffix[1:] if suffix.startswith("^") else suffix
    out: dict[str, str] = {}
    for part in text.split("&"):
        name, sep, value = part.partition("=")
        if sep:
            out[unquote_plus(name)] = unquote_plus(value)
    return out


def _same_site(value: object, raw: object) -> SameSite:
    # Before user_version 15 an absent attribute was sameSite LAX with
    # rawSameSite NONE (lax by default); the 14 -> 15 migration made it UNSET.
    if raw is not None and value == 1 and raw == 0:
        return SameSite.UNSPECIFIED
    return _SAME_SITE.get(value, SameSite.UNSPECIFIED) if isinstance(value, int) else (
        SameSite.UNSPECIFIED
    )


def _cookie(
    row: Sequence[Any], user_version: int, location: StoreLocation, scope: Scope
) -> Cookie | None:
    # Positions in _LAYOUT.
    (name, exact_name), (host, exact_host) = text_of(row[1]), text_of(row[2])
    (path, exact_path), (suffix, exact_suffix) = text_of(row[3]), text_of(row[4])
    attrs = parse_origin_attributes(suffix) if suffix else {}
    partition = partition_url(attrs.get("partitionKey"))
    if not scope.wants(host, partition):
        return None
    container = None
    context = attrs.get("userContextId", "")
    if context.isdigit() and int(context) > 0:
        container = location.profile.containers.get(int(context), f"#{context}")
    # A key that is not all text cannot be deleted by (or journaled as) what we show.
    named = exact_name and exact_host and exact_path and exact_suffix
    return Cookie(
        host=host.lower(),
        name=name,
        path=path,
        expires=firefox_expiry(row[5], user_version),
        created=_from_micro(row[8]),
        last_access=_from_micro(row[9]),
        secure=bool(row[6]),
        http_only=bool(row[7]),
        same_site=_same_site(row[10], row[11]),
        partition=partition,
        container=container,
        source=Source.SQLITE,
        store=location,
        key=(name, host, path, suffix),
        rowid=int(row[0]) if named else None,
    )


def _user_version(con: sqlite3.Connection) -> int:
    return int(con.execute("PRAGMA user_version").fetchone()[0])


def _read(
    con: sqlite3.Connection, location: StoreLocation, scope: Scope, user_version: int, limit: int
) -> list[Cookie]:
    problem = table_problem(con, TABLE)
    if problem:
        raise UnsupportedSchema(location.path, problem)
    columns = set(table_columns(con, TABLE))
    missing = REQUIRED - columns
    if missing:
        raise UnsupportedSchema(location.path, f"missing columns: {', '.join(sorted(missing))}")
    where, params = scope_test("host", "originAttributes", scope)
    names = ", ".join(n if n in columns else d for n, d in _LAYOUT)
    rows = select_in_scope(con, f"SELECT {names} FROM moz_cookies WHERE {where}",  # noqa: S608
                           params, path=location.path, limit=limit)  # fmt: skip
    cookies = []
    for row in rows:
        cookie = _cookie(row, user_version, location, scope)
        if cookie is not None:
            cookies.append(cookie)
    return cookies


def read_firefox(location: StoreLocation, scope: Scope, *, running: bool = False,
                 limit: int = MAX_STORE_COOKIES) -> StoreResult:
    """The in-scope cookies of one cookies.sqlite; never raises for a bad store.

    More than `limit` cookies in scope: status corrupt, the store is too large.
    """

    def introspect(con: sqlite3.Connection) -> tuple[str, int]:
        user_version = _user_version(con)
        return f"user_version {user_version}", user_version

    def read(con: sqlite3.Connection, user_version: int) -> list[Cookie]:
        return _read(con, location, scope, user_version, limit)

    return read_sqlite_store(location, running, introspect, read)


# ------------------------------------------------------------ the clean's table


def cookie_table(con: sqlite3.Connection, path: Path) -> Table:
    """The moz_cookies table of an open store, for the clean; UnsupportedSchema when it is
    not one we know how to name rows in."""
    problem = table_problem(con, TABLE)
    if problem:
        raise UnsupportedSchema(path, problem)
    columns = table_columns(con, TABLE)
    missing = [c for c in KEY_COLUMNS if c not in columns]
    if missing:
        raise UnsupportedSchema(path, f"unexpected key columns: {', '.join(missing)}")
    if "id" not in columns:
        raise UnsupportedSchema(path, "moz_cookies has no id column")
    return Table(TABLE, "id", KEY_COLUMNS, columns, KNOWN_COLUMNS,
                 f"user_version {_user_version(con)}")  # fmt: skip


# ------------------------------------------------------------- one cookie's value


def find_value(cookie: Cookie) -> str | None:
    """The cookie's value, or None when its row is gone.

    By its full key (name, host, path, originAttributes); a row read without a
    row id by its id, name and host. Raises StoreError / sqlite3.Error when the
    store cannot be read.
    """
    if len(cookie.key) == len(KEY_COLUMNS):
        where, params = equal_tests(zip(KEY_COLUMNS, cookie.key, strict=True))
    elif cookie.rowid is not None:
        where, params = equal_tests((("id", cookie.rowid), ("name", cookie.name),
                                ("host", cookie.host)))  # fmt: skip
    else:
        return None
    with open_snapshot(cookie.store.path, running=False) as (con, _method):
        row = con.execute(f"SELECT value FROM moz_cookies WHERE {where}", params).fetchone()  # noqa: S608
    if row is None:
        return None
    value = row[0]
    return value if isinstance(value, str) else None
