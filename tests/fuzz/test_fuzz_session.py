"""Firefox's session store: mozLz4 headers that lie, JSON with hostile values."""

from __future__ import annotations

from fuzz_checks import check_mozlz4, check_session_file
from fuzz_support import Workspace
from hypothesis import given
from hypothesis import strategies as st
from strategies import mozlz4_files, session_json


@given(st.one_of(mozlz4_files(), st.binary(max_size=64)))
def test_mozlz4_answers_bytes_or_its_own_error(data: bytes) -> None:
    check_mozlz4(data)


@given(mozlz4_files(session_json()))
def test_session_store_gives_a_status_and_writes_nothing(ws: Workspace, data: bytes) -> None:
    check_session_file(ws, data)
