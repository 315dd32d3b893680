"""Chromium's `Cookies` store: its layout, a row's identity, the scan, the clean's table
and one cookie's value.

The scan never reads `value` or `encrypted_value`. The schema is found by
introspection (meta.version, PRAGMA table_info, the unique index), not by
browser version. One query per store selects the rows whose host holds a domain
in scope or whose partition (top_frame_site_key) holds the agency's; the exact
check is Scope.wants, in Python. A browser keeps at most 3,300 cookies per store,
so that query costs about a millisecond whatever its form.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from pathlib import Path
from typing import Any

from fkinspect.browsers.reading import (
    Table,
    read_sqlite_store,
    scope_test,
    select_in_scope,
    table_columns,
    table_problem,
    text_of,
)
from fkinspect.errors import MAX_STORE_COOKIES, UnsupportedSchema, ValueUnavailable
from fkinspect.i18n import N_
from fkinspect.model import Cookie, SameSite, Source, StoreLocation, StoreResult
from fkinspect.scope import Scope, partition_url
from fkinspect.sqlite.open import equal_tests, open_snapshot

EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
_LATEST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)

TABLE = "cookies"
# Identity columns in the unique index's order; only those the schema has are used.
KEY_COLUMNS = (
    "host_key", "top_frame_site_key", "has_cross_site_ancestor", "name", "path",
    "source_scheme", "source_port",
)  # fmt: skip
REQUIRED = frozenset({"host_key", "name", "path", "expires_utc", "is_secure", "is_httponly"})
# Every column the table has had (meta 18-24). A restore copies them all; a column
# outside this list means a layout we do not know.
KNOWN_COLUMNS = frozenset({
    "creation_utc", "host_key", "top_frame_site_key", "name", "value", "encrypted_value",
    "path", "expires_utc", "is_secure", "is_httponly", "last_access_utc", "has_expires",
    "is_persistent", "priority", "samesite", "source_scheme", "source_port", "is_same_party",
    "last_update_utc", "source_type", "has_cross_site_ancestor", "firstpartyonly",
})  # fmt: skip
# The fixed row layout the scan selects, with the literal that stands in for a
# column the schema lacks (the reader's defaults). This is the allow-list of names.
_LAYOUT = (
    ("rowid", ""), ("host_key", ""), ("top_frame_site_key", "NULL"),
    ("has_cross_site_ancestor", "NULL"), ("name", ""), ("path", ""),
    ("source_scheme", "NULL"), ("source_port", "NULL"), ("expires_utc", ""),
    ("has_expires", "1"), ("is_persistent", "1"), ("creation_utc", "NULL"),
    ("last_access_utc", "NULL"), ("is_secure", ""), ("is_httponly", ""), ("samesite", "-1"),
)  # fmt: skip
_AT = {name: i for i, (name, _) in enumerate(_LAYOUT)}

_SAME_SITE = {-1: SameSite.UNSPECIFIED, 0: SameSite.NONE, 1: SameSite.LAX, 2: SameSite.STRICT}

def chromium_datetime(value: int | None) -> datetime | None:
    """Microseconds since 1601-01-01 UTC; 0 or NULL is "no time"."""
    if not value or value < 0:
        return None
    try:
        return EPOCH + timedelta(microseconds=value)
    except OverflowError:
        return _LATEST


def _meta_version(con: sqlite3.Connection) -> str:
    has_meta = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return "unknown"
    row = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    return str(row[0]) if row else "unknown"


def key_columns(con: sqlite3.Connection, columns: Collection[str]) -> tuple[str, ...]:
    """The columns of the store's unique index on cookies: a row's identity.

    Meta 18 has source_scheme/source_port columns that are not part of it yet.
    """
    for index in con.execute("PRAGMA index_list(cookies)").fetchall():
        if not index[2]:  # not unique
            continue
        rows = con.execute("SELECT name FROM pragma_index_info(?)", (index[1],)).fetchall()
        names = tuple(str(r[0]) for r in rows)
        if names and names[0] == "host_key" and all(n in KEY_COLUMNS for n in names):
            return names
    return tuple(c for c in KEY_COLUMNS if c in columns)


# ------------------------------------------------------------------ the scan


def _getter(positions: list[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """row -> tuple of the values at `positions` (itemgetter gives a bare value for one)."""
    if len(positions) == 1:
        return lambda row: (row[positions[0]],)
    return itemgetter(*positions)


def _cookie(
    row: Sequence[Any], key_of: Callable[[Sequence[Any]], tuple[Any, ...]],
    location: StoreLocation, scope: Scope,
) -> Cookie | None:
    # Positions in _LAYOUT.
    host, exact = text_of(row[1])
    raw_partition, exact_partition = text_of(row[2])
    partition = partition_url(raw_partition) if raw_partition else None
    if not scope.wants(host, partition):
        return None
    (name, exact_name), (path, exact_path) = text_of(row[4]), text_of(row[5])
    session = row[10] == 0 or row[9] == 0  # is_persistent, has_expires
    same_site = row[15]
    # A key that is not all text cannot be deleted by (or journaled as) what we show.
    named = exact and exact_partition and exact_name and exact_path
    return Cookie(
        host=host.lower(),
        name=name,
        path=path,
        expires=None if session else chromium_datetime(row[8]),
        created=chromium_datetime(row[11]),
        last_access=chromium_datetime(row[12]),
        secure=bool(row[13]),
        http_only=bool(row[14]),
        same_site=_SAME_SITE.get(same_site, SameSite.UNSPECIFIED)
        if isinstance(same_site, int)
        else SameSite.UNSPECIFIED,
        partition=partition,
        container=None,
        source=Source.SQLITE,
        store=location,
        key=key_of(row) if named else (host, raw_partition, name, path),
        rowid=int(row[0]) if named else None,
    )


def _read(
    con: sqlite3.Connection, location: StoreLocation, scope: Scope, limit: int
) -> list[Cookie]:
    problem = table_problem(con, TABLE)
    if problem:
        raise UnsupportedSchema(location.path, problem)
    columns = frozenset(table_columns(con, TABLE))
    missing = REQUIRED - columns
    if missing:
        raise UnsupportedSchema(location.path, f"missing columns: {', '.join(sorted(missing))}")
    key_of = _getter([_AT[c] for c in key_columns(con, columns)])
    partition = "top_frame_site_key" if "top_frame_site_key" in columns else None
    where, params = scope_test("host_key", partition, scope)
    names = ", ".join(n if n == "rowid" or n in columns else d for n, d in _LAYOUT)
    rows = select_in_scope(con, f"SELECT {names} FROM cookies WHERE {where}", params,  # noqa: S608
                           path=location.path, limit=limit)  # fmt: skip
    cookies = []
    for row in rows:
        cookie = _cookie(row, key_of, location, scope)
        if cookie is not None:
            cookies.append(cookie)
    return cookies


def read_chromium(location: StoreLocation, scope: Scope, *, running: bool = False,
                  limit: int = MAX_STORE_COOKIES) -> StoreResult:
    """The in-scope cookies of one Chromium store; never raises for a bad store.

    More than `limit` cookies in scope: status corrupt, the store is too large.
    """

    def introspect(con: sqlite3.Connection) -> tuple[str, None]:
        return f"meta {_meta_version(con)}", None

    def read(con: sqlite3.Connection, _layout: None) -> list[Cookie]:
        return _read(con, location, scope, limit)

    return read_sqlite_store(location, running, introspect, read)


# ------------------------------------------------------------ the clean's table


def cookie_table(con: sqlite3.Connection, path: Path) -> Table:
    """The cookies table of an open store, for the clean; UnsupportedSchema when it is
    not one we know how to name rows in."""
    problem = table_problem(con, TABLE)
    if problem:
        raise UnsupportedSchema(path, problem)
    columns = table_columns(con, TABLE)
    key = key_columns(con, columns)  # the reader's: Cookie.key has this order
    missing = [c for c in key if c not in columns]
    if not key or missing:
        raise UnsupportedSchema(path, f"unexpected key columns: {', '.join(missing) or '?'}")
    return Table(TABLE, "rowid", key, columns, KNOWN_COLUMNS, f"meta {_meta_version(con)}")


# ------------------------------------------------------------- one cookie's value


def _meta_number(con: sqlite3.Connection) -> int:
    try:
        return int(_meta_version(con))
    except ValueError:
        return 0


def _value_row(con: sqlite3.Connection, cookie: Cookie) -> Sequence[Any] | None:
    """The one row that is this cookie: (value, encrypted_value, host_key).

    By its full key where the cookie's key has every identity column; otherwise (a
    row read without a row id) by host, name, path and partition.
    """
    columns = table_columns(con, TABLE)
    key = key_columns(con, columns)
    partition = "top_frame_site_key" if "top_frame_site_key" in columns else "NULL"
    where, params = equal_tests((("host_key", cookie.host), ("name", cookie.name),
                                 ("path", cookie.path)))  # fmt: skip
    # Column names from KEY_COLUMNS (key_columns allows no other) and literals.
    sql = (f"SELECT value, encrypted_value, host_key, rowid, {partition}, {', '.join(key)} "  # noqa: S608
           f"FROM cookies WHERE {where}")
    rows = con.execute(sql, params).fetchall()
    if len(cookie.key) == len(key):
        matches = [r for r in rows if tuple(r[5:]) == tuple(cookie.key)]
    else:
        matches = [r for r in rows if partition_url(r[4]) == cookie.partition]
    if len(matches) > 1 and cookie.rowid is not None:
        matches = [r for r in matches if r[3] == cookie.rowid]
    if len(matches) > 1:
        raise ValueUnavailable(N_("Several stored cookies match this one; cannot tell which "
                                  "to show."))
    return matches[0] if matches else None


def find_value(cookie: Cookie, decrypt: Callable[[bytes, bytes, int], str]) -> str | None:
    """The cookie's value, or None when its row is gone.

    `decrypt(encrypted_value, host_key's bytes, meta version)` gives the text of a value
    stored encrypted (fkinspect.values knows the keys). Raises ValueUnavailable when
    the value cannot be shown, StoreError / sqlite3.Error when the store cannot be read.
    """
    with open_snapshot(cookie.store.path, running=False) as (con, _method):
        version = _meta_number(con)
        row = _value_row(con, cookie)
    if row is None:
        return None
    plain, encrypted, host_key = row[0], row[1], row[2]
    if isinstance(plain, str) and plain:
        return plain  # stored unencrypted (old stores, some builds)
    if not isinstance(encrypted, bytes) or not encrypted:
        return ""
    if not isinstance(host_key, bytes):  # the bytes stored: text that is not UTF-8 included
        host_key = str(host_key).encode("utf-8", "surrogateescape")
    return decrypt(encrypted, host_key, version)
