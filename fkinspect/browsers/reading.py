"""What the store readers share; each format's own knowledge is in its module.

Every reader: `failure_words` (a store that could not be read, in plain words for
people) and `failure_message` (the same in English with the detail, for JSON and logs).
The SQLite formats (chromium.py, firefox.py): `read_sqlite_store` opens a snapshot
through fkinspect.sqlite and turns every failure into a status; `select_in_scope`
runs a format's one query for the rows that may be in scope (`scope_test`), with
the exact check left to Scope.wants in Python; `Table` is a format's cookie table
as the clean's SQL sees it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from fkinspect.errors import (
    StoreCorrupt,
    StoreError,
    StoreLocked,
    StoreMissing,
    StoreTooLarge,
    StoreUnreadable,
    UnsupportedSchema,
)
from fkinspect.i18n import N_
from fkinspect.model import Cookie, ReadMethod, StoreLocation, StoreResult, StoreStatus, Words
from fkinspect.scope import Scope
from fkinspect.sqlite.errors import store_error
from fkinspect.sqlite.open import open_snapshot

_MESSAGES = {
    StoreMissing: N_("The cookie file is gone (it was moved or deleted while fkinspect "
                     "looked)."),
    StoreUnreadable: N_("Permission denied: fkinspect may not read this cookie file."),
    StoreLocked: N_("Another program holds this cookie file and no copy could be made."),
    StoreCorrupt: N_("The cookie file is damaged, truncated or not a database."),
    StoreTooLarge: N_("The cookie file holds more cookies than any browser keeps (at most "
                      "about 3,300): it is damaged or was not made by a browser, so fkinspect "
                      "neither reads nor cleans it."),
}
NOT_READ = Words(N_("The cookie file could not be read."))
UNKNOWN_LAYOUT = Words(N_("This cookie file has a layout fkinspect does not know."))
ODD_DATA = Words(N_("The cookie file is damaged: a cookie holds data of a kind no browser "
                    "writes."))


def failure_words(error: StoreError) -> Words:
    """Plain words for people about a store that could not be read (no technical detail)."""
    base = _MESSAGES.get(type(error))
    return Words(base) if base is not None else NOT_READ


def failure_message(error: StoreError) -> str:
    """failure_words in English with the technical detail, for JSON, logs and support."""
    base = _MESSAGES.get(type(error))
    if base is not None:
        return f"{base} ({error.detail})" if error.detail else base
    return f"The cookie file could not be read: {error.detail or 'unknown error'}."


def failed(location: StoreLocation, status: StoreStatus, message: str, words: Words,
           **more: Any) -> StoreResult:
    """A store that could not be read: `message` (English, technical) and `words` for people."""
    return StoreResult(location, status, message, words=words, **more)


Layout = TypeVar("Layout")


def read_sqlite_store(
    location: StoreLocation,
    running: bool,
    introspect: Callable[[sqlite3.Connection], tuple[str, Layout]],
    read: Callable[[sqlite3.Connection, Layout], Sequence[Cookie]],
) -> StoreResult:
    """Open a store's snapshot, learn its layout, read its cookies; never raises for a
    bad store. `introspect` says which schema it found (kept in a failure's result too)."""
    method: ReadMethod | None = None
    schema = ""
    try:
        with open_snapshot(location.path, running=running) as (con, method):
            try:
                schema, layout = introspect(con)
                cookies = read(con, layout)
            except sqlite3.Error as exc:
                raise store_error(location.path, exc) from exc
    except UnsupportedSchema as exc:
        message = f"This cookie file has a layout fkinspect does not know ({exc.detail})."
        return failed(location, exc.status, message, UNKNOWN_LAYOUT, method=method,
                      schema=schema, running=running)
    except StoreError as exc:
        return failed(location, exc.status, failure_message(exc), failure_words(exc),
                      method=method, schema=schema, running=running)
    except (sqlite3.Error, OSError) as exc:
        message = f"The cookie file could not be read: {exc}."
        return failed(location, StoreStatus.ERROR, message, NOT_READ, method=method,
                      schema=schema, running=running)
    except (TypeError, ValueError, OverflowError) as exc:
        # SQLite lets any column hold any type: text where a time belongs is damage.
        message = (f"{_MESSAGES[StoreCorrupt]} (a cookie holds data of a kind no browser "
                   f"writes: {type(exc).__name__})")
        return failed(location, StoreStatus.CORRUPT, message, ODD_DATA, method=method,
                      schema=schema, running=running)
    return StoreResult(
        location, StoreStatus.OK, "", method, schema, cookies=tuple(cookies), running=running
    )


def table_problem(con: sqlite3.Connection, table: str) -> str:
    """Why `table` is not a plain table we can read and name rows in ("" when it is).

    A view or a virtual table reads as rows but is not the browser's store, and
    a WITHOUT ROWID table has no row ids to name a row by.
    """
    row = con.execute(
        "SELECT type, sql FROM sqlite_master WHERE name = ? COLLATE NOCASE", (table,)
    ).fetchone()
    if row is None:
        return f"no {table} table"
    if row[0] != "table":
        return f"{table} is a {row[0]}, not a table"
    if str(row[1] or "").lstrip().upper().startswith("CREATE VIRTUAL"):
        return f"{table} is a virtual table"
    # The name is the format module's literal, and it was just found as a table.
    try:
        con.execute(f'SELECT rowid FROM "{table}" LIMIT 0')  # noqa: S608
    except sqlite3.OperationalError:
        return f"{table} has no row ids (WITHOUT ROWID)"
    return ""


def table_columns(con: sqlite3.Connection, table: str) -> tuple[str, ...]:
    """The columns of `table`, in table order (the name is bound, never spliced)."""
    rows = con.execute("SELECT name FROM pragma_table_info(?)", (table,)).fetchall()
    return tuple(str(r[0]) for r in rows)


def text_of(value: object) -> tuple[str, bool]:
    """A text column's value as text, and False when it was a BLOB.

    SQLite keeps any type in any column: a BLOB host or name is decoded so the
    cookie is still shown, but a key holding bytes could not be journaled, so
    such a row is read without a row id (a clean refuses to name it).
    """
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace"), False
    return ("" if value is None else str(value)), True


def scope_test(host: str, partition: str | None, scope: Scope) -> tuple[str, list[object]]:
    """A WHERE clause every in-scope row passes, and its parameters.

    `host` and `partition` are a format module's column names. A host holds one of
    the scope's domains, or the partition holds the agency's: a superset of the
    scope (look-alike hosts pass too), which Scope.wants then decides exactly.
    """
    domains = scope.host_suffixes()
    tests = [f"instr({host}, ?)"] * len(domains)
    params: list[object] = list(domains)
    if partition is not None:
        tests.append(f"instr({partition}, ?)")
        params.append(scope.agency_domain)
    return " OR ".join(tests), params


def select_in_scope(con: sqlite3.Connection, sql: str, params: Sequence[object], *, path: Path,
                    limit: int) -> list[Any]:
    """The rows of a format's query for the rows that may be in scope.

    More than `limit` rows raise StoreTooLarge after limit + 1 were taken:
    memory stays bounded, whatever the store holds.
    """
    rows = con.execute(sql, params).fetchmany(limit + 1)
    if len(rows) > limit:
        # Counted before the exact scope check: look-alike hosts count too (no store
        # a browser wrote comes near the limit either way).
        raise StoreTooLarge(path, f"over {limit:,} cookies of the sites fkinspect reads or "
                                  "of hosts named like them")
    return rows


@dataclass(frozen=True, slots=True)
class Table:
    """A format's cookie table in one store, as the clean's SQL sees it.

    Built by the format module (chromium.cookie_table, firefox.cookie_table); every
    identifier the clean puts into SQL is one of `known` (the format's literals).
    """

    name: str  # "cookies", "moz_cookies"
    rowid: str  # "rowid", or Firefox's INTEGER PRIMARY KEY "id"
    key: tuple[str, ...]  # a row's identity, in Cookie.key's order
    columns: tuple[str, ...]  # in table order
    known: frozenset[str]  # every column the format has had
    schema: str  # "meta 24", "user_version 17"

    @property
    def data_columns(self) -> tuple[str, ...]:
        """The columns a restore copies: all but a row id column, which SQLite assigns."""
        return tuple(c for c in self.columns if c != self.rowid)

    def unknown_columns(self) -> list[str]:
        return [c for c in self.columns if c not in self.known]

    def identifier(self, name: str) -> str:
        """`name` for our SQL, only if it is this table's name, row id or a known column."""
        if name not in self.known and name not in (self.name, self.rowid):
            raise ValueError(f"identifier {name!r} is not on the allow-list")
        return name
