"""Read the in-scope cookies' metadata from a Chromium `Cookies` store.

Never reads `value` or `encrypted_value`. The schema is found by
introspection (meta.version, PRAGMA table_info), not by browser version.

Selecting the rows: the unique index starts with host_key, so known host
variants would be an index seek, but unknown subdomains need a scan. The
cheapest complete form measured on a 1,000,000-row store was a covering scan
of that index (SQLite's planner picks it for a rowid subquery) with one
suffix test per row: the last k characters of host_key IN a small set of
tails, k being the shortest ".domain" in scope. Chained LIKE/GLOB/substr
tests, one per domain, cost one more pass of string work per domain. The
exact host check runs in Python (Scope.wants) on the few candidates.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from fkinspect.errors import StoreError, UnsupportedSchema
from fkinspect.model import (
    Cookie,
    ReadMethod,
    SameSite,
    Source,
    StoreLocation,
    StoreResult,
    StoreStatus,
)
from fkinspect.scope import Scope, partition_url
from fkinspect.snapshot import failure_message, open_snapshot, sqlite_error

EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
_LATEST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)

# Identity columns in the unique index's order; only those the schema has are used.
KEY_COLUMNS = (
    "host_key", "top_frame_site_key", "has_cross_site_ancestor", "name", "path",
    "source_scheme", "source_port",
)  # fmt: skip
REQUIRED = frozenset({"host_key", "name", "path", "expires_utc", "is_secure", "is_httponly"})
_DATA_COLUMNS = (
    "expires_utc", "has_expires", "is_persistent", "creation_utc", "last_access_utc",
    "is_secure", "is_httponly", "samesite",
)  # fmt: skip
# Every column name that may ever appear in our SQL: the allow-list.
_ALLOWED = frozenset(KEY_COLUMNS) | frozenset(_DATA_COLUMNS)

_SAME_SITE = {-1: SameSite.UNSPECIFIED, 0: SameSite.NONE, 1: SameSite.LAX, 2: SameSite.STRICT}


def chromium_datetime(value: int | None) -> datetime | None:
    """Microseconds since 1601-01-01 UTC; 0 or NULL is "no time"."""
    if not value or value < 0:
        return None
    try:
        return EPOCH + timedelta(microseconds=value)
    except OverflowError:
        return _LATEST


def _columns(con: sqlite3.Connection) -> set[str]:
    return {row[1] for row in con.execute("PRAGMA table_info(cookies)")}


def _meta_version(con: sqlite3.Connection) -> str:
    has_meta = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return "unknown"
    row = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    return str(row[0]) if row else "unknown"


def suffix_tails(domains: Sequence[str]) -> tuple[int, list[str]]:
    """k and the last-k-character tails that every in-scope host must end with."""
    k = min(len(d) + 1 for d in domains)
    return k, sorted({("." + d)[-k:] for d in domains} | {d[-k:] for d in domains})


def _key_columns(con: sqlite3.Connection, columns: set[str]) -> list[str]:
    """The columns of the store's unique index on cookies: a row's identity.

    Meta 18 has source_scheme/source_port columns that are not part of it yet.
    """
    for index in con.execute("PRAGMA index_list(cookies)").fetchall():
        if not index[2]:  # not unique
            continue
        rows = con.execute("SELECT name FROM pragma_index_info(?)", (index[1],)).fetchall()
        names = [str(r[0]) for r in rows]
        if names and names[0] == "host_key" and all(n in KEY_COLUMNS for n in names):
            return names
    return [c for c in KEY_COLUMNS if c in columns]


def _select(columns: set[str], key: list[str]) -> tuple[str, list[str]]:
    """The SELECT for this schema; column names only from the allow-list."""
    wanted = [c for c in (*key, *_DATA_COLUMNS) if c in columns and c in _ALLOWED]
    unique = list(dict.fromkeys(wanted))
    partition_test = (
        "(top_frame_site_key != '' AND substr(top_frame_site_key, ?) = ?)"
        if "top_frame_site_key" in columns
        else "0"
    )
    sql = (
        f"SELECT rowid, {', '.join(unique)} FROM cookies WHERE rowid IN ("  # noqa: S608
        "SELECT rowid FROM cookies WHERE substr(host_key, ?) IN "
        f"(SELECT value FROM json_each(?)) OR {partition_test})"
    )
    return sql, unique


def _cookie(
    row: Sequence[Any], names: list[str], key: list[str], location: StoreLocation, scope: Scope
) -> Cookie | None:
    get = dict(zip(names, row[1:], strict=True))
    host = str(get["host_key"])
    raw_partition = get.get("top_frame_site_key") or None
    partition = partition_url(str(raw_partition)) if raw_partition else None
    if not scope.wants(host, partition):
        return None
    session = get.get("is_persistent", 1) == 0 or get.get("has_expires", 1) == 0
    expires = None if session else chromium_datetime(get["expires_utc"])
    same_site = get.get("samesite", -1)
    return Cookie(
        host=host.lower(),
        name=str(get["name"]),
        path=str(get["path"]),
        expires=expires,
        created=chromium_datetime(get.get("creation_utc")),
        last_access=chromium_datetime(get.get("last_access_utc")),
        secure=bool(get["is_secure"]),
        http_only=bool(get["is_httponly"]),
        same_site=_SAME_SITE.get(same_site, SameSite.UNSPECIFIED)
        if isinstance(same_site, int)
        else SameSite.UNSPECIFIED,
        partition=partition,
        container=None,
        source=Source.SQLITE,
        store=location,
        key=tuple(get[c] for c in key),
        rowid=int(row[0]),
    )


def _read(con: sqlite3.Connection, location: StoreLocation, scope: Scope) -> list[Cookie]:
    columns = _columns(con)
    if not columns:
        raise UnsupportedSchema(location.path, "no cookies table")
    missing = REQUIRED - columns
    if missing:
        raise UnsupportedSchema(location.path, f"missing columns: {', '.join(sorted(missing))}")
    key = _key_columns(con, columns)
    sql, names = _select(columns, key)
    k, tails = suffix_tails(scope.host_suffixes())
    params: list[object] = [-k, json.dumps(tails)]
    if "top_frame_site_key" in columns:
        params += [-len(scope.agency_domain), scope.agency_domain]
    cookies = []
    for row in con.execute(sql, params):
        cookie = _cookie(row, names, key, location, scope)
        if cookie is not None:
            cookies.append(cookie)
    return cookies


def read_chromium(location: StoreLocation, scope: Scope, *, running: bool = False) -> StoreResult:
    """The in-scope cookies of one Chromium store; never raises for a bad store."""
    method: ReadMethod | None = None
    schema = ""
    try:
        with open_snapshot(location.path, running=running) as (con, method):
            try:
                schema = f"meta {_meta_version(con)}"
                cookies = _read(con, location, scope)
            except sqlite3.Error as exc:
                raise sqlite_error(location.path, exc) from exc
    except UnsupportedSchema as exc:
        message = f"This cookie file has a layout fkinspect does not know ({exc.detail})."
        return StoreResult(location, exc.status, message, method, schema, running=running)
    except StoreError as exc:
        return StoreResult(
            location, exc.status, failure_message(exc), method, schema, running=running
        )
    except (sqlite3.Error, OSError) as exc:
        message = f"The cookie file could not be read: {exc}."
        return StoreResult(location, StoreStatus.ERROR, message, method, schema, running=running)
    return StoreResult(
        location, StoreStatus.OK, "", method, schema, cookies=tuple(cookies), running=running
    )
