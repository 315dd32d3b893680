"""Helpers for the fault tests: template stores, full-row snapshots, a clean in a child."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from fkinspect.synth import generate_bulk_chromium, generate_bulk_firefox

# A child that cleans one store and reports each step on stdout before it runs.
# argv: store, backup root, block step ("" = never block). At the block step it
# says so and waits on stdin until it is killed.
CHILD = """
import sys
from pathlib import Path
from fkinspect.clean import make_plan, run_clean
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan
store, root, block = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
scan = run_scan(ScanRequest(stores=(store,), discover_home=False), load_policy())
plan = make_plan(scan, check_running=lambda p: None)
def progress(location, step):
    print(str(step), flush=True)
    if step.value == block:
        sys.stdin.readline()
result = run_clean(plan, backup_root=root, progress=progress, check_running=lambda p: None)
print("end", str(result.stores[0].status), flush=True)
"""

Row = tuple[object, ...]


def clean_and_kill(store: Path, root: Path, step: str | None, delay: float | None) -> list[str]:
    """Clean `store` in a child (CHILD), SIGKILL it at `step` (and `delay` later, during
    which it runs on), or after `delay` when no step; return the steps it reported."""
    block = step if (step and delay is None) else ""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(store), str(root), block],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    seen: list[str] = []
    try:
        assert proc.stdout is not None
        if step is None:
            time.sleep(delay or 0)
        else:
            while line := proc.stdout.readline().strip():  # "" once it ended first
                seen.append(line)
                if line == step:
                    break
            time.sleep(delay or 0)  # the child waits at `step` only when told to
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        seen += [line.strip() for line in proc.stdout.read().splitlines()]
    finally:
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
    return seen


def make_templates(folder: Path, rows: int = 3000) -> dict[str, Path]:
    chromium = folder / "chromium" / "Default" / "Cookies"
    firefox = folder / "firefox" / "x.default" / "cookies.sqlite"
    generate_bulk_chromium(chromium, rows)
    generate_bulk_firefox(firefox, rows)
    return {"chromium": chromium, "firefox": firefox}


def copy_store(template: Path, folder: Path) -> Path:
    target = folder / template.parent.name / template.name
    target.parent.mkdir(parents=True)
    for suffix in ("", "-wal"):
        source = Path(f"{template}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{target}{suffix}")
    return target


def table_of(path: Path) -> str:
    return "moz_cookies" if path.name == "cookies.sqlite" else "cookies"


def full_rows(path: Path) -> set[Row]:
    """Every row with its row id and every column: what must survive untouched."""
    with closing(sqlite3.connect(path)) as con:
        table = table_of(path)
        return set(con.execute(f"SELECT rowid, * FROM {table}").fetchall())


def integrity(path: Path) -> str:
    # A plain connection, as the browser would open it: a hot journal is rolled back.
    with closing(sqlite3.connect(path)) as con:
        return ";".join(str(r[0]) for r in con.execute("PRAGMA integrity_check"))
