"""Read the in-scope cookies' metadata from a Chromium `Cookies` store.

Never reads `value` or `encrypted_value`. The schema is found by
introspection (meta.version, PRAGMA table_info), not by browser version.

Selecting the rows: the unique index starts with host_key, so known host
variants would be an index seek, but unknown subdomains need a scan. The
cheapest complete form is a covering scan of that index (no cookie values on
its pages) with one cheap test per row (see `host_test`), rowids only; the
few candidate rows are then fetched by rowid and checked exactly in Python
(Scope.wants). A scan costs about 70 ns a row of cursor work plus one SQL
function call: that is the floor for one thread, so a big store is scanned
as ranges of the index's first column on one connection per core
(`scan_rowids`); SQLite runs each without holding the GIL.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Collection, Sequence
from contextlib import closing
from datetime import UTC, datetime, timedelta
from itertools import islice, pairwise
from operator import itemgetter
from pathlib import Path
from typing import Any

from fkinspect.errors import MAX_STORE_COOKIES, StoreTooLarge, UnsupportedSchema
from fkinspect.model import (
    Cookie,
    ReadMethod,
    SameSite,
    Source,
    StoreLocation,
    StoreResult,
)
from fkinspect.scope import Scope, partition_url
from fkinspect.snapshot import read_sqlite_store
from fkinspect.sqlite_open import connect, is_utf8

EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
_LATEST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)

# Identity columns in the unique index's order; only those the schema has are used.
KEY_COLUMNS = (
    "host_key", "top_frame_site_key", "has_cross_site_ancestor", "name", "path",
    "source_scheme", "source_port",
)  # fmt: skip
REQUIRED = frozenset({"host_key", "name", "path", "expires_utc", "is_secure", "is_httponly"})
# The fixed row layout we select, with the literal that stands in for a column
# the schema lacks (the reader's defaults). This is the allow-list of names.
_LAYOUT = (
    ("rowid", ""), ("host_key", ""), ("top_frame_site_key", "NULL"),
    ("has_cross_site_ancestor", "NULL"), ("name", ""), ("path", ""),
    ("source_scheme", "NULL"), ("source_port", "NULL"), ("expires_utc", ""),
    ("has_expires", "1"), ("is_persistent", "1"), ("creation_utc", "NULL"),
    ("last_access_utc", "NULL"), ("is_secure", ""), ("is_httponly", ""), ("samesite", "-1"),
)  # fmt: skip
_AT = {name: i for i, (name, _) in enumerate(_LAYOUT)}

_SAME_SITE = {-1: SameSite.UNSPECIFIED, 0: SameSite.NONE, 1: SameSite.LAX, 2: SameSite.STRICT}

# Stores of at least this size are scanned in parallel ranges; below it one
# scan is cheaper than starting threads. A 3,000-row store is about 0.5 MB,
# a 100,000-row one 13-20 MB.
PARALLEL_FROM_BYTES = 8 * 1024 * 1024
_SAMPLES = 32
_MMAP_BYTES = 256 * 1024 * 1024


def chromium_datetime(value: int | None) -> datetime | None:
    """Microseconds since 1601-01-01 UTC; 0 or NULL is "no time"."""
    if not value or value < 0:
        return None
    try:
        return EPOCH + timedelta(microseconds=value)
    except OverflowError:
        return _LATEST


def _schema(con: sqlite3.Connection) -> tuple[frozenset[str], tuple[str, ...], str]:
    """The cookies table's columns, a row's identity columns, and meta.version.

    Plain PRAGMAs: measured cheaper than one statement over the pragma
    table-valued functions. A tuple: a dataclass would cost more to create
    at import than this takes to run.
    """
    columns = frozenset(str(row[1]) for row in con.execute("PRAGMA table_info(cookies)"))
    return columns, key_columns(con, columns), _meta_version(con)


def _meta_version(con: sqlite3.Connection) -> str:
    has_meta = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return "unknown"
    row = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    return str(row[0]) if row else "unknown"


def table_problem(con: sqlite3.Connection, table: str) -> str:
    """Why `table` is not a plain table we can read and name rows in ("" when it is).

    A view or a virtual table reads as rows but is not the browser's store, and
    a WITHOUT ROWID table has no row ids to name a row by.
    """
    name = _identifier(table)
    row = con.execute(
        "SELECT type, sql FROM sqlite_master WHERE name = ? COLLATE NOCASE", (name,)
    ).fetchone()
    if row is None:
        return f"no {name} table"
    if row[0] != "table":
        return f"{name} is a {row[0]}, not a table"
    if str(row[1] or "").lstrip().upper().startswith("CREATE VIRTUAL"):
        return f"{name} is a virtual table"
    try:
        con.execute(f"SELECT rowid FROM {name} LIMIT 0")  # noqa: S608
    except sqlite3.OperationalError:
        return f"{name} has no row ids (WITHOUT ROWID)"
    return ""


def text_of(value: object) -> tuple[str, bool]:
    """A text column's value as text, and False when it was a BLOB.

    SQLite keeps any type in any column: a BLOB host or name is decoded so the
    cookie is still shown, but a key holding bytes could not be journaled, so
    such a row is read without a row id (a clean refuses to name it).
    """
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace"), False
    return ("" if value is None else str(value)), True


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


# The only identifiers the shared scan code below may put into SQL.
_IDENTIFIERS = frozenset(
    {"cookies", "host_key", "top_frame_site_key", "moz_cookies", "name", "host", "originAttributes"}
)


def _identifier(name: str) -> str:
    if name not in _IDENTIFIERS:
        raise ValueError(f"not an allowed SQL identifier: {name!r}")
    return name


def host_test(column: str, scope: Scope) -> tuple[str, list[object]]:
    """A cheap SQL test that every in-scope host passes (it may let others by).

    One domain: instr(), the cheapest single string test measured (no
    character counting, no set lookup). Several: one lookup of the host's
    last k characters (k = the shortest ".domain") in a set of tails, instead
    of one test per domain; as a BLOB when the domains are ASCII (always, in
    punycode), so substr() counts bytes instead of walking UTF-8.
    """
    col = _identifier(column)
    domains = scope.host_suffixes()
    if len(domains) == 1:
        return f"instr({col}, ?)", [domains[0]]
    k, tails = suffix_tails(domains)
    # json_each's `atom`, not its `value`: never a name a cookie table also has.
    if all(d.isascii() for d in domains):
        tail, tail_set = f"substr(CAST({col} AS BLOB), ?)", "SELECT CAST(atom AS BLOB)"
    else:
        tail, tail_set = f"substr({col}, ?)", "SELECT atom"
    return f"{tail} IN ({tail_set} FROM json_each(?))", [-k, json.dumps(tails)]


def suffix_tails(domains: Sequence[str]) -> tuple[int, list[str]]:
    """k and the last-k-character tails that every in-scope host must end with."""
    k = min(len(d) + 1 for d in domains)
    return k, sorted({("." + d)[-k:] for d in domains} | {d[-k:] for d in domains})


def _workers(path: Path) -> int:
    try:
        if path.stat().st_size < PARALLEL_FROM_BYTES:
            return 1
    except OSError:  # gone: the scan will say so
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every OS
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def _cuts(con: sqlite3.Connection, table: str, first: str, parts: int) -> list[str]:
    """Values of the index's first column that cut it into `parts` similar ranges.

    Sampled at evenly spaced rowids: rows are inserted in time order, which
    has nothing to do with the order of hosts or names.
    """
    at = "WITH RECURSIVE at(r) AS (SELECT ?1 UNION ALL SELECT r + ?1 FROM at WHERE r + ?1 <= ?2)"
    pick = f"SELECT {first} FROM {table} WHERE rowid >= r ORDER BY rowid LIMIT 1"  # noqa: S608
    sql = f"{at} SELECT ({pick}) FROM at"  # noqa: S608
    rows = con.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]  # noqa: S608
    if not isinstance(rows, int):
        return []
    step = max(rows // _SAMPLES, 1)
    # Only text that binds as it is: a surrogate-escaped value is no range bound.
    values = sorted({v for (v,) in con.execute(sql, (step, rows))
                     if isinstance(v, str) and is_utf8(v)})  # fmt: skip
    if len(values) < parts:
        return []
    return [values[len(values) * i // parts] for i in range(1, parts)]


def _reopen(path: Path) -> sqlite3.Connection:
    """One more immutable connection to a store opened in place: nothing written."""
    con = connect(path, mode="ro", immutable="1")
    try:
        con.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
    except BaseException:
        con.close()
        raise
    return con


def _ranges(first: str, cuts: list[str]) -> list[tuple[str, list[object]]]:
    """WHERE clauses that together hold every value of `first`, whatever the cuts.

    Below the first cut, between cuts, from the last cut, and NULL (apart: an
    OR with it would turn the range seek into a scan). Values of other types
    sort below (numbers) or above (blobs) all text, so they fall in the ends.
    """
    ranges: list[tuple[str, list[object]]] = [(f"{first} IS NULL", []), (f"{first} < ?", [cuts[0]])]
    ranges += [(f"{first} >= ? AND {first} < ?", [lo, hi]) for lo, hi in pairwise(cuts)]
    ranges.append((f"{first} >= ?", [cuts[-1]]))
    return ranges


def select_candidates(
    con: sqlite3.Connection,
    table: str,
    first: str,
    where: str,
    params: Sequence[object],
    columns: str,
    *,
    path: Path,
    method: ReadMethod | None,
    workers: int | None = None,
    limit: int = MAX_STORE_COOKIES,
) -> list[Any]:
    """The `columns` of the `table` rows that pass `where`, found by an index scan.

    `table` and `first` (the first column of the index to scan) are checked
    against the allow-list; `where` and `columns` are the caller's fixed SQL.
    A small store: one statement, whose rowid subquery SQLite answers with a
    covering scan of the index, then fetches those rows by rowid. A big store
    opened in place: the index is cut into ranges of `first`, each scanned on
    its own connection at once (SQLite does not hold the GIL while it steps).
    `workers` overrides how many ranges (tests); by default it depends on the
    store's size and the cores. More than `limit` candidates raise StoreTooLarge
    after at most limit + 1 rows were taken: memory stays bounded.
    """
    table, first = _identifier(table), _identifier(first)
    select = f"SELECT rowid FROM {table} WHERE "  # noqa: S608
    fetch = f"SELECT {columns} FROM {table} WHERE rowid IN "  # noqa: S608
    if method is not ReadMethod.IMMUTABLE:
        # Only a store opened in place can be opened again as it is (a copy's
        # one connection is its only view), and copying costs more than a scan.
        workers = 1
    elif workers is None:
        workers = _workers(path)
    cuts = _cuts(con, table, first, workers) if workers > 1 else []
    if not cuts:
        return _at_most(con.execute(f"{fetch}({select}{where})", params), limit, path)
    ranges = _ranges(first, cuts)
    found: list[list[int] | BaseException] = [[] for _ in ranges]

    def scan(i: int, own: sqlite3.Connection) -> None:
        clause, values = ranges[i]
        sql = f"{select}{clause} AND ({where})"
        try:
            found[i] = [r for (r,) in islice(own.execute(sql, [*values, *params]), limit + 1)]
        except BaseException as exc:  # raised again in the caller's thread
            found[i] = exc

    def scan_apart(i: int) -> None:
        try:
            with closing(_reopen(path)) as own:
                scan(i, own)
        except BaseException as exc:
            found[i] = exc

    threads = [threading.Thread(target=scan_apart, args=(i,)) for i in range(2, len(ranges))]
    for thread in threads:
        thread.start()
    scan(0, con)
    scan(1, con)
    for thread in threads:
        thread.join()
    rowids: set[int] = set()
    for part in found:
        if isinstance(part, BaseException):
            raise part
        rowids.update(part)
    if len(rowids) > limit:
        raise _too_large(path, limit)
    listed = f"{fetch}(SELECT atom FROM json_each(?))"  # noqa: S608
    return con.execute(listed, (json.dumps(sorted(rowids)),)).fetchall()


def _too_large(path: Path, limit: int) -> StoreTooLarge:
    # Counted before the exact scope check: look-alike hosts count too (no store
    # a browser wrote comes near the limit either way).
    return StoreTooLarge(path, f"over {limit:,} cookies of the sites fkinspect reads or "
                               "of hosts named like them")


def _at_most(cursor: sqlite3.Cursor, limit: int, path: Path) -> list[Any]:
    rows = cursor.fetchmany(limit + 1)
    if len(rows) > limit:
        raise _too_large(path, limit)
    return rows


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
    con: sqlite3.Connection,
    location: StoreLocation,
    scope: Scope,
    columns: frozenset[str],
    key: tuple[str, ...],
    method: ReadMethod | None,
    limit: int,
) -> list[Cookie]:
    problem = table_problem(con, "cookies")
    if problem:
        raise UnsupportedSchema(location.path, problem)
    missing = REQUIRED - columns
    if missing:
        raise UnsupportedSchema(location.path, f"missing columns: {', '.join(sorted(missing))}")
    key_of = _getter([_AT[c] for c in key])
    where, params = host_test("host_key", scope)
    if "top_frame_site_key" in columns:
        # Partitioned rows are few: one comparison for the rest.
        where += " OR (top_frame_site_key != '' AND instr(top_frame_site_key, ?))"
        params.append(scope.agency_domain)
    names = ", ".join(n if n == "rowid" or n in columns else d for n, d in _LAYOUT)
    rows = select_candidates(con, "cookies", "host_key", where, params, names,
                             path=location.path, method=method, limit=limit)  # fmt: skip
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

    def introspect(con: sqlite3.Connection) -> tuple[str, tuple[frozenset[str], tuple[str, ...]]]:
        columns, key, meta = _schema(con)
        return f"meta {meta}", (columns, key)

    def read(con: sqlite3.Connection, layout: tuple[frozenset[str], tuple[str, ...]],
             method: ReadMethod) -> list[Cookie]:
        return _read(con, location, scope, *layout, method, limit)

    return read_sqlite_store(location, running, introspect, read)
