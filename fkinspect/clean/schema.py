"""A store's table, key columns and row id, found by introspection.

Every identifier that reaches our SQL is checked against the fixed
allow-lists below, so a column name never comes from a file we did not write.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from fkinspect.browsers.chromium import KEY_COLUMNS as CHROMIUM_KEY_COLUMNS
from fkinspect.browsers.chromium import key_columns, table_problem
from fkinspect.errors import UnsupportedSchema
from fkinspect.model import Family
from fkinspect.sqlite_open import text_param

FIREFOX_KEY_COLUMNS = ("name", "host", "path", "originAttributes")

# Every column these tables have had (meta 18-24; user_version 10-17). Restore
# names them all; a column outside this list means a layout we do not know.
CHROMIUM_COLUMNS = frozenset({
    "creation_utc", "host_key", "top_frame_site_key", "name", "value", "encrypted_value",
    "path", "expires_utc", "is_secure", "is_httponly", "last_access_utc", "has_expires",
    "is_persistent", "priority", "samesite", "source_scheme", "source_port", "is_same_party",
    "last_update_utc", "source_type", "has_cross_site_ancestor", "firstpartyonly",
})  # fmt: skip
FIREFOX_COLUMNS = frozenset({
    "id", "baseDomain", "originAttributes", "name", "value", "host", "path", "expiry",
    "lastAccessed", "creationTime", "isSecure", "isHttpOnly", "inBrowserElement", "appId",
    "sameSite", "rawSameSite", "schemeMap", "isPartitionedAttributeSet", "updateTime",
})  # fmt: skip

Key = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """The cookie table of one store, as far as our SQL needs it."""

    family: Family
    name: str  # "cookies" or "moz_cookies"
    rowid: str  # "rowid" (Chromium) or "id" (Firefox's INTEGER PRIMARY KEY)
    key: tuple[str, ...]
    columns: tuple[str, ...]  # in table order
    schema: str  # "meta 24", "user_version 17"

    @property
    def data_columns(self) -> tuple[str, ...]:
        """The columns a restore copies: all but Firefox's id, which SQLite assigns."""
        return tuple(c for c in self.columns if c != "id")

    def unknown_columns(self) -> list[str]:
        known = CHROMIUM_COLUMNS if self.family is Family.CHROMIUM else FIREFOX_COLUMNS
        return [c for c in self.columns if c not in known]


def _table_columns(con: sqlite3.Connection, table: str) -> tuple[str, ...]:
    # `table` is one of two literals; pragma_table_info takes it as a bound value.
    rows = con.execute("SELECT name FROM pragma_table_info(?)", (table,)).fetchall()
    return tuple(str(r[0]) for r in rows)


def introspect(con: sqlite3.Connection, family: Family, path: Path) -> Table:
    """The cookie table of an open store; UnsupportedSchema when it is not one we know."""
    name = {Family.CHROMIUM: "cookies", Family.FIREFOX: "moz_cookies"}.get(family)
    problem = table_problem(con, name) if name else ""
    if problem:
        raise UnsupportedSchema(path, problem)
    if family is Family.CHROMIUM:
        columns = _table_columns(con, "cookies")
        key = key_columns(con, columns)  # the reader's: Cookie.key has this order
        row = con.execute(
            "SELECT value FROM meta WHERE key = 'version'"
            if "meta" in _tables(con)
            else "SELECT 'unknown'"
        ).fetchone()
        table = Table(family, "cookies", "rowid", key, columns, f"meta {row[0] if row else '?'}")
    elif family is Family.FIREFOX:
        columns = _table_columns(con, "moz_cookies")
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        table = Table(family, "moz_cookies", "id", FIREFOX_KEY_COLUMNS, columns,
                      f"user_version {version}")  # fmt: skip
    else:
        raise UnsupportedSchema(path, f"{family} stores cannot be written")
    allowed = CHROMIUM_KEY_COLUMNS if family is Family.CHROMIUM else FIREFOX_KEY_COLUMNS
    missing = [c for c in table.key if c not in table.columns]
    if not table.key or missing or any(c not in allowed for c in table.key):
        raise UnsupportedSchema(path, f"unexpected key columns: {', '.join(missing) or '?'}")
    if family is Family.FIREFOX and "id" not in columns:
        raise UnsupportedSchema(path, "moz_cookies has no id column")
    # A trigger could change other rows behind a DELETE; the clean's row counts
    # prove "only the planned rows went" only without one (no browser makes any).
    if con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table.name,)
    ).fetchone():
        raise UnsupportedSchema(path, f"{table.name} has triggers, which no browser creates")
    return table


def _tables(con: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _ident(name: str, allowed: frozenset[str] | tuple[str, ...]) -> str:
    """An identifier for our SQL, only ever from an allow-list."""
    if name not in allowed and name not in ("rowid", "id", "cookies", "moz_cookies"):
        raise ValueError(f"identifier {name!r} is not on the allow-list")
    return name


def _allowed(table: Table) -> frozenset[str]:
    return CHROMIUM_COLUMNS if table.family is Family.CHROMIUM else FIREFOX_COLUMNS


def select_keys_sql(table: Table, schema: str = "main") -> str:
    """SELECT rowid, key... for every row."""
    allowed = _allowed(table)
    cols = ", ".join(_ident(c, allowed) for c in table.key)
    db = _ident_db(schema)
    return f"SELECT {_ident(table.rowid, allowed)}, {cols} FROM {db}.{_ident(table.name, allowed)}"  # noqa: S608


def _key_tests(table: Table, key: Key) -> tuple[str, list[object]]:
    """`col = ? AND ...` over the full key, and the key's values to bind.

    Text that is not UTF-8 goes back as the bytes it was read from
    (sqlite_open.text_param), so the test matches exactly that stored value.
    """
    allowed = _allowed(table)
    tests, params = [], []
    for column, value in zip(table.key, key, strict=True):
        placeholder, param = text_param(value)
        tests.append(f"{_ident(column, allowed)} = {placeholder}")
        params.append(param)
    return " AND ".join(tests), params


def delete_row_sql(table: Table, rowid: int, key: Key) -> tuple[str, list[object]]:
    """DELETE one row by its row id and full key: the statement and its parameters."""
    allowed = _allowed(table)
    tests, params = _key_tests(table, key)
    sql = (
        f"DELETE FROM main.{_ident(table.name, allowed)} "  # noqa: S608
        f"WHERE {_ident(table.rowid, allowed)} = ? AND {tests}"
    )
    return sql, [rowid, *params]


def find_key_sql(table: Table, key: Key, schema: str = "main") -> tuple[str, list[object]]:
    """SELECT the row ids of the rows with this full key: the statement and its parameters."""
    allowed = _allowed(table)
    tests, params = _key_tests(table, key)
    db = _ident_db(schema)
    sql = (
        f"SELECT {_ident(table.rowid, allowed)} FROM {db}.{_ident(table.name, allowed)} "  # noqa: S608
        f"WHERE {tests}"
    )
    return sql, params


def select_row_sql(
    table: Table, columns: tuple[str, ...], rowid: int, key: Key, schema: str = "main"
) -> tuple[str, list[object]]:
    """SELECT `columns` of the row with this row id and full key (in `schema`)."""
    allowed = _allowed(table)
    cols = ", ".join(_ident(c, allowed) for c in columns)
    tests, params = _key_tests(table, key)
    db = _ident_db(schema)
    sql = (
        f"SELECT {cols} FROM {db}.{_ident(table.name, allowed)} "  # noqa: S608
        f"WHERE {_ident(table.rowid, allowed)} = ? AND {tests}"
    )
    return sql, [rowid, *params]


def copy_row_sql(
    table: Table, columns: tuple[str, ...], rowid: int, key: Key
) -> tuple[str, list[object]]:
    """INSERT one row from the attached backup into main, selected by row id and key."""
    allowed = _allowed(table)
    cols = ", ".join(_ident(c, allowed) for c in columns)
    tests, params = _key_tests(table, key)
    name = _ident(table.name, allowed)
    sql = (
        f"INSERT INTO main.{name} ({cols}) SELECT {cols} FROM backup.{name} "  # noqa: S608
        f"WHERE {_ident(table.rowid, allowed)} = ? AND {tests}"
    )
    return sql, [rowid, *params]


def _ident_db(schema: str) -> str:
    if schema not in ("main", "backup"):
        raise ValueError(f"database {schema!r} is not on the allow-list")
    return schema


def read_keys(con: sqlite3.Connection, table: Table, schema: str = "main") -> dict[int, Key]:
    """Every row's id -> full key (memory grows with the store: not for a clean)."""
    return {int(r[0]): tuple(r[1:]) for r in con.execute(select_keys_sql(table, schema))}


def count_rows(con: sqlite3.Connection, table: Table, schema: str = "main") -> int:
    """How many rows the table holds (SQLite counts; nothing is held here)."""
    name = _ident(table.name, _allowed(table))
    return int(con.execute(f"SELECT count(*) FROM {_ident_db(schema)}.{name}").fetchone()[0])  # noqa: S608


def keys_of(con: sqlite3.Connection, table: Table, rowids: Collection[int]) -> dict[int, Key]:
    """Row id -> full key of those of `rowids` that are in the table, one lookup each."""
    allowed = _allowed(table)
    select = select_keys_sql(table)
    listed = f"{select} WHERE {_ident(table.rowid, allowed)} IN (SELECT atom FROM json_each(?))"  # noqa: S608
    found = con.execute(listed, (json.dumps(sorted(rowids)),))
    return {int(r[0]): tuple(r[1:]) for r in found}


def missing_rows_sql(table: Table) -> str:
    """Count the rows of the attached backup, other than the bound JSON list of row ids,
    that main no longer holds with the same id and key: 0 when every other row is there.

    SQLite compares row by row through main's row id; nothing is held in Python, so a
    store of millions of rows is checked in constant memory.
    """
    allowed = _allowed(table)
    rowid, name = _ident(table.rowid, allowed), _ident(table.name, allowed)
    same = " AND ".join(f"m.{_ident(c, allowed)} IS b.{c}" for c in table.key)
    return (
        f"SELECT count(*) FROM backup.{name} AS b "  # noqa: S608
        f"WHERE b.{rowid} NOT IN (SELECT atom FROM json_each(?)) AND NOT EXISTS "
        f"(SELECT 1 FROM main.{name} AS m WHERE m.{rowid} = b.{rowid} AND {same})"
    )
