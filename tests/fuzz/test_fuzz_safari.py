"""Safari's Cookies.binarycookies: sizes, offsets, times and text that lie."""

from __future__ import annotations

from fuzz_checks import check_binarycookies
from fuzz_support import Workspace
from hypothesis import given
from strategies import binarycookies_files


@given(binarycookies_files())
def test_binarycookies_gives_a_status_and_writes_nothing(ws: Workspace, data: bytes) -> None:
    check_binarycookies(ws, data)
