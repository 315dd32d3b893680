"""A full disk during the backup: the store is refused before it is touched.

Two ways to run out of space: a 64 KiB tmpfs as the backup root (needs root
and permission to mount), and, everywhere, a child process whose file size
limit (RLIMIT_FSIZE) is smaller than the store.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fault_support import copy_store, full_rows, integrity, make_templates

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="tmpfs / RLIMIT_FSIZE")

CHILD = """
import json, resource, signal, sys
from pathlib import Path
from fkinspect.clean import make_plan, run_clean
from fkinspect.i18n import say
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan
store, root, limit = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
scan = run_scan(ScanRequest(stores=(store,), discover_home=False), load_policy())
plan = make_plan(scan, check_running=lambda p: None)
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
result = run_clean(plan, backup_root=root, check_running=lambda p: None)
o = result.stores[0]
print(json.dumps({"status": str(o.status), "message": say(o.message, "sv"), "detail": o.detail,
                  "planned": o.planned}))
"""


def _clean(store: Path, root: Path, limit: int = 0) -> dict[str, object]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(store), str(root), str(limit)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _check_refused(
    store: Path, before: bytes, rows: set[object], outcome: dict[str, object], root: Path
) -> None:
    assert outcome["status"] == "failed" and int(str(outcome["planned"])) > 0
    assert "Säkerhetskopian" in str(outcome["message"]) and "Inget togs bort" in str(
        outcome["message"]
    )
    assert store.read_bytes() == before
    assert integrity(store) == "ok" and full_rows(store) == rows
    leftovers = [p for p in root.rglob("*") if p.is_file()] if root.exists() else []
    assert leftovers == []  # no half backup, no journal


@pytest.mark.parametrize("family", ["chromium", "firefox"])
def test_backup_on_a_file_size_limit(tmp_path: Path, family: str) -> None:
    template = make_templates(tmp_path / "t")[family]
    store = copy_store(template, tmp_path / "s")
    assert store.stat().st_size > 128 * 1024
    before, rows = store.read_bytes(), full_rows(store)
    root = tmp_path / "backups"
    outcome = _clean(store, root, limit=64 * 1024)
    _check_refused(store, before, rows, outcome, root)
    # With room, the same clean goes through: the limit was the only problem.
    assert _clean(store, root)["status"] == "done"


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="needs root to mount")
def test_backup_on_a_full_tmpfs(tmp_path: Path) -> None:
    template = make_templates(tmp_path / "t")["chromium"]
    store = copy_store(template, tmp_path / "s")
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(small)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"tmpfs cannot be mounted here: {mounted.stderr.strip()}")
    try:
        before, rows = store.read_bytes(), full_rows(store)
        root = small / "backups"
        outcome = _clean(store, root)
        _check_refused(store, before, rows, outcome, root)
    finally:
        subprocess.run(["umount", str(small)], check=True)
