"""Backup folders holding a damaged journal.json beside a good one: listing, finding
the latest run and finding a run by id keep working, and nothing is written."""

from __future__ import annotations

from typing import Any

from fuzz_checks import check_journals
from fuzz_support import Workspace
from hypothesis import given
from strategies import damaged_journals

# A journal as fkinspect.clean.journal writes it (format 1).
GOOD: dict[str, Any] = {
    "format": 1,
    "id": "20261204T101500-000001-chromium-default",
    "run": "20261204T101500-000001",
    "created": "2026-12-04T10:15:00.000001Z",
    "state": "done",
    "store": {"path": "/home/anna/.config/chromium/Default/Cookies", "format": "chromium_sqlite",
              "schema": "meta 24", "table": "cookies",
              "key_columns": ["host_key", "top_frame_site_key", "name", "path"]},
    "browser": {"id": "chromium", "name": "Chromium", "family": "chromium"},
    "profile": {"name": "Person 1", "directory": "/home/anna/.config/chromium/Default",
                "root": "/home/anna/.config/chromium"},
    "backup": "Cookies.bak",
    "counts": {"before": 12, "removed": 1, "after": 11},
    "removed": [{"rowid": 7, "key": ["www.forsakringskassan.se", "", "_pk_id.1.abcd", "/"],
                 "name": "_pk_id.1.abcd", "host": "www.forsakringskassan.se"}],
}  # fmt: skip


@given(damaged_journals(GOOD))
def test_a_damaged_journal_leaves_the_good_runs_usable(ws: Workspace, damaged: bytes) -> None:
    check_journals(ws, GOOD, damaged)
