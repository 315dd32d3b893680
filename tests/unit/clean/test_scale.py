"""Big stores: the work of a clean grows with the store, never with its square.

A browser keeps at most 3,300 cookies per store, so these sizes are broken or
hostile stores; they must still get an answer quickly and in bounded memory.
Work is counted (lines of fkinspect's code run, Python allocations under
tracemalloc), not timed: wall-clock belongs in bench/, not in unit tests.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tracemalloc
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import fkinspect
from fkinspect.browsers.mozlz4 import compress, decompress
from fkinspect.browsers.safari import BinaryCookie, encode_binarycookies
from fkinspect.clean import RestoreStatus, Status, make_plan, restore, run_clean
from fkinspect.model import Scan, StoreStatus
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan
from tests.unit.clean.support import WWW, chromium_store, firefox_store, not_running, rows, scan

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="file modes")

PROFILE = "abcd1234.default-release"


def _session_file(folder: Path, entries: int) -> Path:
    """A session store of `entries` cookies, every third one an analytics cookie."""
    profile = folder / "firefox" / PROFILE
    profile.mkdir(parents=True)
    (profile / ".parentlock").touch()
    cookies = [
        {"host": WWW, "value": f"v{i}", "path": "/", "originAttributes": {},
         "name": f"_pk_ses.{i}.abcd" if i % 3 == 0 else f"fk_other_{i}"}
        for i in range(entries)
    ]  # fmt: skip
    state = {"version": ["sessionrestore", 1], "windows": [], "cookies": cookies}
    path = profile / "sessionstore.jsonlz4"
    path.write_bytes(compress(json.dumps(state, separators=(",", ":")).encode()))
    return path


def _steps(work: Callable[[], Any]) -> int:
    """Lines of fkinspect's own code that `work` runs (loop bodies and generator steps too)."""
    package = str(Path(fkinspect.__file__).parent)
    count = 0

    def local(_frame: FrameType, event: str, _arg: object) -> Any:
        nonlocal count
        count += event == "line"
        return local

    def tracer(frame: FrameType, _event: str, _arg: object) -> Any:
        return local if frame.f_code.co_filename.startswith(package) else None

    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def _clean_and_restore(tmp_path: Path, entries: int) -> int:
    path = _session_file(tmp_path / str(entries), entries)
    original = path.read_bytes()
    plan = make_plan(scan(path), check_running=not_running)
    root = tmp_path / str(entries) / "backups"

    def work() -> None:
        result = run_clean(plan, backup_root=root, check_running=not_running)
        assert result.stores[0].status is Status.DONE, result.stores[0].detail
        undo = restore(result.run, backup_root=root, check_running=not_running)
        assert undo.stores[0].status is RestoreStatus.RESTORED, undo.stores[0].detail

    steps = _steps(work)
    assert path.read_bytes() == original
    return steps


def test_session_clean_and_restore_work_grows_linearly(tmp_path: Path) -> None:
    small = _clean_and_restore(tmp_path, 1_000)
    double = _clean_and_restore(tmp_path, 2_000)
    # Linear work doubles; a scan of the file per planned entry would quadruple.
    assert double < 2.5 * small, (small, double)


def test_a_20000_entry_session_store_is_cleaned(tmp_path: Path) -> None:
    """23 s before the fix (a scan of all entries per planned entry); about 0.5 s now."""
    path = _session_file(tmp_path, 20_000)
    plan = make_plan(scan(path), check_running=not_running)
    assert plan.to_remove == 6_667
    (outcome,) = run_clean(plan, backup_root=tmp_path / "b", check_running=not_running).stores
    assert outcome.status is Status.DONE and outcome.rows_after == 13_333
    left = json.loads(decompress(path.read_bytes()))["cookies"]
    assert [c["name"] for c in left] == [f"fk_other_{i}" for i in range(20_000) if i % 3]


def _inflate(path: Path, extra: int, site: str = ".example.com") -> None:
    """Add `extra` rows of `site`, copies of one of its rows under new host names."""
    firefox = path.name == "cookies.sqlite"
    table, host = ("moz_cookies", "host") if firefox else ("cookies", "host_key")
    with closing(sqlite3.connect(path)) as con, con:
        columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] != "id"]
        source = ", ".join(f"'s' || i || '{site}'" if c == host else c for c in columns)
        (template,) = con.execute(
            f"SELECT rowid FROM {table} WHERE {host} = '{site}' LIMIT 1"
        ).fetchone()
        con.execute(
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"SELECT {source} FROM {table}, n WHERE {table}.rowid = ?",
            (extra, template),
        )


def _peak_clean(path: Path, root: Path) -> tuple[int, int]:
    """Peak Python memory of one clean, and the rows it removed."""
    plan = make_plan(scan(path), check_running=not_running)
    tracemalloc.start()
    try:
        result = run_clean(plan, backup_root=root, check_running=not_running)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (outcome,) = result.stores
    assert outcome.status is Status.DONE, (outcome.message, outcome.detail)
    return peak, len(outcome.removed)


@pytest.mark.parametrize("make", [chromium_store, firefox_store])
def test_sqlite_clean_memory_does_not_grow_with_the_rows_it_leaves(
    tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    peaks = []
    for extra in (10_000, 40_000):
        path = make(tmp_path / str(extra))
        _inflate(path, extra)
        before = rows(path)
        peak, removed = _peak_clean(path, tmp_path / str(extra) / "backups")
        after = rows(path)
        assert len(after) == len(before) - removed and set(after.items()) <= set(before.items())
        peaks.append(peak)
    # Holding every row's key, 4x the rows took about 4x the memory (7 GB at 10 million).
    assert peaks[1] < 1.5 * peaks[0], peaks


# ------------------------------------------------- a store past the sane size

TOO_LARGE = "The cookie file holds more cookies than any browser keeps"


@pytest.mark.parametrize("make", [chromium_store, firefox_store])
def test_a_store_past_the_limit_is_reported_and_not_cleaned(
    tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    """The limit is lowered to the store's size for the test; the real one is 100,000."""
    path = make(tmp_path)
    in_scope = len(scan(path).cookies)
    assert _scan(path, len(rows(path))).stores[0].status is StoreStatus.OK
    too_many = _scan(path, in_scope - 1)
    (store,) = too_many.stores
    assert store.status is StoreStatus.CORRUPT and not too_many.cookies
    assert store.message.startswith(TOO_LARGE), store.message
    assert store.message.endswith(f"(over {in_scope - 1:,} cookies of the sites fkinspect reads "
                                  "or of hosts named like them)")

    before = path.read_bytes()
    plan = make_plan(too_many, check_running=not_running)
    result = run_clean(plan, backup_root=tmp_path / "b", check_running=not_running)
    assert plan.to_remove == 0 and result.journal_id is None
    assert path.read_bytes() == before


@pytest.mark.parametrize("make", [chromium_store, firefox_store])
def test_reading_a_store_past_the_limit_stops_at_the_limit(
    tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    """Memory for a store far past the limit does not grow with the rows beyond it."""
    peaks = []
    for extra in (2_000, 8_000):
        path = make(tmp_path / str(extra))
        _inflate(path, extra, site=".forsakringskassan.se")
        tracemalloc.start()
        try:
            (store,) = _scan(path, 100).stores
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert store.status is StoreStatus.CORRUPT and store.message.startswith(TOO_LARGE)
        peaks.append(peak)
    assert peaks[1] < 1.5 * peaks[0], peaks


def test_a_session_file_past_the_limit_is_reported_and_not_cleaned(tmp_path: Path) -> None:
    path = _session_file(tmp_path, 30)
    assert _scan(path, 30).stores[0].status is StoreStatus.OK
    too_many = _scan(path, 29)
    (store,) = too_many.stores
    assert store.status is StoreStatus.CORRUPT and store.message.startswith(TOO_LARGE)
    assert store.message.endswith("(over 29 cookies)")
    before = path.read_bytes()
    plan = make_plan(too_many, check_running=not_running)
    assert plan.to_remove == 0
    run_clean(plan, backup_root=tmp_path / "b", check_running=not_running)
    assert path.read_bytes() == before


def test_a_safari_file_past_the_limit_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "Cookies.binarycookies"
    moment = datetime(2027, 1, 1, tzinfo=UTC)
    path.write_bytes(encode_binarycookies(
        [BinaryCookie(WWW, f"c{i}", "/", "v", moment, moment) for i in range(12)]))
    assert _scan(path, 12).stores[0].status is StoreStatus.OK
    (store,) = _scan(path, 11).stores
    assert store.status is StoreStatus.CORRUPT and store.message.startswith(TOO_LARGE)


def _scan(path: Path, limit: int) -> Scan:
    request = ScanRequest(stores=(path,), discover_home=False, max_cookies=limit)
    return run_scan(request, load_policy())
