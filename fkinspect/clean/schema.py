"""The clean's SQL over a store's cookie table, for whichever format owns it.

The format module (browsers/chromium.py, browsers/firefox.py) says what its
table is: name, row id, identity key, the columns it has had (`Table`). Every
identifier that reaches our SQL is checked against that allow-list of the
format's literals, so a column name never comes from a file we did not write.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection
from pathlib import Path

from fkinspect.browsers import chromium, firefox
from fkinspect.browsers.reading import Table
from fkinspect.errors import UnsupportedSchema
from fkinspect.model import StoreFormat
from fkinspect.sqlite.open import equal_tests

Key = tuple[object, ...]

_TABLES: dict[StoreFormat, Callable[[sqlite3.Connection, Path], Table]] = {
    StoreFormat.CHROMIUM_SQLITE: chromium.cookie_table,
    StoreFormat.FIREFOX_SQLITE: firefox.cookie_table,
}


def introspect(con: sqlite3.Connection, fmt: StoreFormat, path: Path) -> Table:
    """The cookie table of an open store; UnsupportedSchema when it is not one we know."""
    cookie_table = _TABLES.get(fmt)
    if cookie_table is None:
        raise UnsupportedSchema(path, f"{fmt} stores cannot be written")
    table = cookie_table(con, path)
    # A trigger could change other rows behind a DELETE; the clean's row counts
    # prove "only the planned rows went" only without one (no browser makes any).
    if con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table.name,)
    ).fetchone():
        raise UnsupportedSchema(path, f"{table.name} has triggers, which no browser creates")
    return table


def select_keys_sql(table: Table, schema: str = "main") -> str:
    """SELECT rowid, key... for every row."""
    cols = ", ".join(table.identifier(c) for c in (table.rowid, *table.key))
    return f"SELECT {cols} FROM {_ident_db(schema)}.{table.identifier(table.name)}"  # noqa: S608


def _key_tests(table: Table, key: Key) -> tuple[str, list[object]]:
    """`col = ? AND ...` over the full key, and the key's values to bind.

    Text that is not UTF-8 goes back as the bytes it was read from
    (sqlite.open.text_param), so the test matches exactly that stored value.
    """
    return equal_tests(zip((table.identifier(c) for c in table.key), key, strict=True))


def delete_row_sql(table: Table, rowid: int, key: Key) -> tuple[str, list[object]]:
    """DELETE one row by its row id and full key: the statement and its parameters."""
    tests, params = _key_tests(table, key)
    sql = (
        f"DELETE FROM main.{table.identifier(table.name)} "  # noqa: S608
        f"WHERE {table.identifier(table.rowid)} = ? AND {tests}"
    )
    return sql, [rowid, *params]


def find_key_sql(table: Table, key: Key, schema: str = "main") -> tuple[str, list[object]]:
    """SELECT the row ids of the rows with this full key: the statement and its parameters."""
    tests, params = _key_tests(table, key)
    db = _ident_db(schema)
    sql = (
        f"SELECT {table.identifier(table.rowid)} FROM {db}.{table.identifier(table.name)} "  # noqa: S608
        f"WHERE {tests}"
    )
    return sql, params


def select_row_sql(
    table: Table, columns: tuple[str, ...], rowid: int, key: Key, schema: str = "main"
) -> tuple[str, list[object]]:
    """SELECT `columns` of the row with this row id and full key (in `schema`)."""
    cols = ", ".join(table.identifier(c) for c in columns)
    tests, params = _key_tests(table, key)
    db = _ident_db(schema)
    sql = (
        f"SELECT {cols} FROM {db}.{table.identifier(table.name)} "  # noqa: S608
        f"WHERE {table.identifier(table.rowid)} = ? AND {tests}"
    )
    return sql, [rowid, *params]


def copy_row_sql(
    table: Table, columns: tuple[str, ...], rowid: int, key: Key
) -> tuple[str, list[object]]:
    """INSERT one row from the attached backup into main, selected by row id and key."""
    cols = ", ".join(table.identifier(c) for c in columns)
    tests, params = _key_tests(table, key)
    name = table.identifier(table.name)
    sql = (
        f"INSERT INTO main.{name} ({cols}) SELECT {cols} FROM backup.{name} "  # noqa: S608
        f"WHERE {table.identifier(table.rowid)} = ? AND {tests}"
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
    name = table.identifier(table.name)
    return int(con.execute(f"SELECT count(*) FROM {_ident_db(schema)}.{name}").fetchone()[0])  # noqa: S608


def keys_of(con: sqlite3.Connection, table: Table, rowids: Collection[int]) -> dict[int, Key]:
    """Row id -> full key of those of `rowids` that are in the table, one lookup each."""
    rowid = table.identifier(table.rowid)
    listed = f"{select_keys_sql(table)} WHERE {rowid} IN (SELECT atom FROM json_each(?))"  # noqa: S608
    found = con.execute(listed, (json.dumps(sorted(rowids)),))
    return {int(r[0]): tuple(r[1:]) for r in found}


def missing_rows_sql(table: Table) -> str:
    """Count the rows of the attached backup, other than the bound JSON list of row ids,
    that main no longer holds with the same id and key: 0 when every other row is there.

    SQLite compares row by row through main's row id; nothing is held in Python, so a
    store of millions of rows is checked in constant memory.
    """
    rowid, name = table.identifier(table.rowid), table.identifier(table.name)
    same = " AND ".join(f"m.{table.identifier(c)} IS b.{c}" for c in table.key)
    return (
        f"SELECT count(*) FROM backup.{name} AS b "  # noqa: S608
        f"WHERE b.{rowid} NOT IN (SELECT atom FROM json_each(?)) AND NOT EXISTS "
        f"(SELECT 1 FROM main.{name} AS m WHERE m.{rowid} = b.{rowid} AND {same})"
    )
