"""Chromium and Firefox SQLite stores made by fkinspect.synth, then damaged byte by byte,
and any file given by path: told apart by content, read to a status, never written."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from fuzz_checks import check_given_file, check_sqlite_store
from fuzz_support import SCOPE, Template, Workspace, location
from hypothesis import given
from hypothesis import strategies as st
from strategies import apply_edits, sqlite_mutations, wal_files

from fkinspect.browsers.chromium import read_chromium
from fkinspect.browsers.detect import UnknownStore, detect_format, why_unknown
from fkinspect.browsers.discovery import locations_for_paths
from fkinspect.browsers.mozlz4 import MAGIC as MOZLZ4_MAGIC
from fkinspect.browsers.safari import MAGIC as SAFARI_MAGIC
from fkinspect.model import StoreFormat, StoreStatus
from fkinspect.sqlite.open import SQLITE_MAGIC
from fkinspect.synth import SynthCookie, write_chromium_store


@given(st.data())
def test_damaged_store_gives_a_status_and_leaves_no_trace(
    ws: Workspace, templates: dict[str, Template], data: st.DataObject
) -> None:
    fmt, files = templates[data.draw(st.sampled_from(sorted(templates)), label="template")]
    main = next(iter(files))
    damaged = dict(files)
    target = data.draw(st.sampled_from(sorted(files)), label="file")
    damaged[target] = apply_edits(files[target], data.draw(sqlite_mutations(len(files[target]))))
    if len(files) == 1:
        wal = data.draw(wal_files, label="wal")
        if wal is not None:
            damaged[f"{main}-wal"] = wal
    running = data.draw(st.booleans(), label="browser running")  # in place, or a copy
    check_sqlite_store(ws, fmt, damaged, running=running)


@given(st.tuples(st.sampled_from([SQLITE_MAGIC, MOZLZ4_MAGIC, SAFARI_MAGIC, b""]),
                 st.binary(max_size=200)).map(b"".join))  # fmt: skip
def test_any_file_given_by_path_is_told_apart_by_content(ws: Workspace, data: bytes) -> None:
    check_given_file(ws, data)


def _store_whose_schema_error_is_not_utf8(folder: Path) -> Path:
    """A Chromium store whose schema SQLite cannot parse, in a table whose name holds
    bytes that are not UTF-8: SQLite's error message quotes the name, and Python's
    sqlite3 raises UnicodeDecodeError decoding that message, not sqlite3.Error."""
    path = folder / "Cookies"
    write_chromium_store(path, [SynthCookie("www.forsakringskassan.se", "_pk_id.1.abcd")])
    with closing(sqlite3.connect(path)) as con:
        con.execute("CREATE TABLE zzzzzz (qqqq)")
        con.commit()
    data = path.read_bytes().replace(b"zzzzzz", b"z\xca\x80\xffzz")
    path.write_bytes(data.replace(b"(qqqq)", b"(((((("))
    return path


def test_a_schema_error_that_is_not_utf8_is_a_damaged_store(ws: Workspace) -> None:
    """Found by the fuzzer: detect_format (so --store and discovery) raised
    UnicodeDecodeError on a damaged sqlite_master."""
    with ws.folder() as folder:
        path = _store_whose_schema_error_is_not_utf8(folder)
        with ws.untouched(folder):
            assert detect_format(path) is None
            assert why_unknown(path) == "a damaged or truncated SQLite database"
            with pytest.raises(UnknownStore, match="damaged or truncated"):
                locations_for_paths([path])
            loc = location(path, StoreFormat.CHROMIUM_SQLITE)
            assert read_chromium(loc, SCOPE).status is StoreStatus.CORRUPT
