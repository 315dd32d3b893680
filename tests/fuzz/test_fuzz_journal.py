"""Backup folders holding a damaged journal.json beside a good one: listing, finding
the latest run and finding a run by id keep working, and nothing is written."""

from __future__ import annotations

from fuzz_checks import check_journals
from fuzz_support import Workspace
from hypothesis import given
from strategies import GOOD_JOURNAL, damaged_journals


@given(damaged_journals(GOOD_JOURNAL))
def test_a_damaged_journal_leaves_the_good_runs_usable(ws: Workspace, damaged: bytes) -> None:
    check_journals(ws, GOOD_JOURNAL, damaged)
