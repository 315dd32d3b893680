"""SIGKILL a clean at every step and in between: each store is untouched or exactly cleaned.

A child process cleans a copy of a real-schema store (Chromium: rollback
journal; Firefox: WAL) and reports each step before it runs. The parent
kills it with SIGKILL either while it waits at a step, or a short random
time after a step began (inside the backup, the transaction, the journal
write). Afterwards the store must pass integrity_check and hold either all
of its original rows or exactly the original minus the planned rows; a
backup under its final name must be complete.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from fault_support import clean_and_kill, copy_store, full_rows, integrity, make_templates

from fkinspect.clean import Step, make_plan
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]

STEPS = [s.value for s in Step]
RNG = random.Random(20250212)
# (family, step to wait at, or None; delay after that step's report, or None = kill at once)
CASES = (
    [(f, s, None) for f in ("chromium", "firefox") for s in STEPS]  # 16: killed waiting
    + [(f, s, RNG.uniform(0, 0.004)) for f in ("chromium", "firefox") for s in STEPS for _ in "ab"]
    + [(f, None, RNG.uniform(0.15, 0.6)) for f in ("chromium", "firefox") for _ in range(6)]
)  # 16 + 32 + 12 = 60 runs


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, set, set]]:
    folder = tmp_path_factory.mktemp("templates")
    found = {}
    for family, path in make_templates(folder).items():
        scan = run_scan(ScanRequest(stores=(path,), discover_home=False), load_policy())
        plan = make_plan(scan, check_running=lambda _p: None)
        planned = {i.cookie.rowid for s in plan.stores for i in s.remove}
        assert len(planned) > 5
        original = full_rows(path)
        cleaned = {r for r in original if r[0] not in planned}
        found[family] = (path, original, cleaned)
    return found


@pytest.mark.parametrize(("family", "step", "delay"), CASES)
def test_kill_leaves_store_untouched_or_exactly_cleaned(
    tmp_path: Path,
    templates: dict[str, tuple[Path, set, set]],
    family: str,
    step: str | None,
    delay: float | None,
) -> None:
    template, original, cleaned = templates[family]
    store = copy_store(template, tmp_path)
    root = tmp_path / "backups"
    seen = clean_and_kill(store, root, step, delay)
    if step is not None:
        assert step in seen  # the kill came at or after that step

    assert integrity(store) == "ok"
    now = full_rows(store)
    assert now in (original, cleaned), f"neither untouched nor exactly cleaned after {seen}"
    if Step.COMMIT.value not in seen:
        assert now == original  # nothing can have been removed before the commit
    for folder in root.glob("*") if root.exists() else ():
        backup = folder / store.name
        if backup.exists():  # under its final name: complete and checked
            assert integrity(backup) == "ok"
            assert full_rows(backup) == original
        journal = folder / "journal.json"
        if journal.exists():
            data = json.loads(journal.read_text())
            assert data["state"] in ("pending", "done")
            assert backup.exists()  # a journal is written only after its backup
            if data["state"] == "done":
                assert now == cleaned
