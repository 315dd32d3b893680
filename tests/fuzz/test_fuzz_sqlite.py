"""Chromium and Firefox SQLite stores made by fkinspect.synth, then damaged byte by byte,
and any file given by path: told apart by content, read to a status, never written."""

from __future__ import annotations

from fuzz_checks import check_given_file, check_sqlite_store
from fuzz_support import Template, Workspace
from hypothesis import given
from hypothesis import strategies as st
from strategies import apply_edits, sqlite_mutations, wal_files

from fkinspect.browsers.mozlz4 import MAGIC as MOZLZ4_MAGIC
from fkinspect.browsers.safari import MAGIC as SAFARI_MAGIC
from fkinspect.snapshot import SQLITE_MAGIC


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
