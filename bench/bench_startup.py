"""Start-up of the app against a bare PySide6 window with a 100-row table, whole processes.

    python bench/bench_startup.py [--runs 9] [--demo] [--checkout DIR]

Each run starts a new process, offscreen, and reads the wall-clock moments it prints on
stderr. The bare window: a QTableView of 100 rows and the app's 7 columns in a window of
the app's size, until that table is first painted. The app (`python main.py`, with
FKINSPECT_BENCH set, see ui/bench_probe.py): its first paint, the first scan in the
widgets, and the first paint after that, when the scan is on screen ("shown").

The data are real profiles: a home in which real Chromium and Firefox ESR visited a local
copy of the agency's pages (bench_list_process.py builds and caches it; it needs both
browsers). --demo starts the app with --demo instead. --checkout times another checkout's
main.py (an A/B against an older commit; older probes print no "shown").

The guard (issue 12): shown <= 2.5x the bare window's table painted, medians of runs
alternating bare and app.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_list_process import CACHE, _real_home

ROOT = Path(__file__).resolve().parent.parent
GUARD = 2.5

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}", file=sys.stderr, flush=True)
            obj.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
app = QApplication(sys.argv)
model = QStandardItemModel(100, 7)
for row in range(100):
    for column in range(7):
        model.setItem(row, column, QStandardItem(f"cookie {row}.{column}"))
window = QMainWindow()
table = QTableView(window)
table.setModel(model)
window.setCentralWidget(table)
window.resize(1360, 820)
probe = Probe()
table.viewport().installEventFilter(probe)
window.show()
app.exec()
"""


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    marks = {}
    for line in done.stderr.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("painted", "filled", "shown"):
            marks[parts[0]] = (float(parts[1]) - start) * 1000
    return marks


def _env(home: Path | None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FKINSPECT_BENCH="1")
    # As on a user's machine: compiled modules are cached (pip writes them at install).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)  # main.py imports its own checkout
    env["XDG_STATE_HOME"] = str(CACHE / "state")  # the scan log stays out of this user's
    if home is not None:  # the real profiles are this HOME's; settings stay in it too
        env["HOME"] = str(home)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            env.pop(name, None)
    return env


def _median(runs: list[dict[str, float]], key: str) -> float | None:
    values = [r[key] for r in runs if key in r]
    return statistics.median(values) if values else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--demo", action="store_true", help="the demo, not real profiles")
    parser.add_argument("--checkout", type=Path, default=ROOT,
                        help="the checkout whose main.py is timed (default: this one)")
    args = parser.parse_args()
    home = None if args.demo else _real_home()[0]
    app_args = [sys.executable, "main.py"] + (["--demo"] if args.demo else [])
    bare_env, app_env = _env(None), _env(home)
    bare, app = [], []
    _run([sys.executable, "-c", BARE], ROOT, bare_env)  # warm the file cache once for both
    _run(app_args, args.checkout, app_env)
    for _ in range(args.runs):  # interleaved, so drift hits both alike
        bare.append(_run([sys.executable, "-c", BARE], ROOT, bare_env))
        app.append(_run(app_args, args.checkout, app_env))
    table = _median(bare, "painted")
    rows = [("bare window, 100-row table painted", table),
            ("fkinspect window painted", _median(app, "painted")),
            ("fkinspect first scan in the widgets", _median(app, "filled")),
            ("fkinspect first scan on screen", _median(app, "shown"))]
    data = "the demo" if args.demo else f"real profiles in {home}"
    print(f"runs: {args.runs} each, data: {data}, checkout: {args.checkout}")
    print(f"{'':38}{'median ms':>10}")
    for label, value in rows:
        print(f"{label:38}{value:>10.0f}" if value is not None else f"{label:38}{'n/a':>10}")
    shown = rows[3][1]
    if table and shown:
        verdict = "met" if shown / table <= GUARD else "MISSED"
        print(f"shown / bare table: {shown / table:.2f} (guard <= {GUARD}: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
