"""Big stores: the work of a clean grows with the store, never with its square.

A browser keeps at most 3,300 cookies per store, so these sizes are broken or
hostile stores; they must still get an answer quickly and in bounded memory.
Work is counted (lines of fkinspect's code run, Python allocations under
tracemalloc), not timed: wall-clock belongs in bench/, not in unit tests.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from test_clean_support import WWW, not_running, scan

import fkinspect
from fkinspect.browsers.mozlz4 import compress, decompress
from fkinspect.clean import RestoreStatus, Status, make_plan, restore, run_clean

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
    back, before = (json.loads(decompress(data)) for data in (path.read_bytes(), original))
    assert sorted(back["cookies"], key=str) == sorted(before["cookies"], key=str)
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
