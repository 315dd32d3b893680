"""Start-up time of the app against a bare PySide6 window, whole processes, offscreen.

    python bench/bench_startup.py [--runs 7] [--real]

For each run it starts a new process and reads the wall-clock moments the
process prints on stderr: when the window was first painted, and (for the app)
when the first scan result was in the table. The demo home is the data unless
--real is given. Prints medians; the target is painted <= 1.5 x the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, app.quit)
        return False
app = QApplication(sys.argv)
w = QWidget(); w.resize(1200, 760); probe = Probe(); w.installEventFilter(probe); w.show()
app.exec()
"""


def _run(args: list[str]) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FKINSPECT_BENCH="1")
    # As on a user's machine: compiled modules are cached (pip writes them at install).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    marks = {}
    for line in done.stderr.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("painted", "filled"):
            marks[parts[0]] = (float(parts[1]) - start) * 1000
    return marks


def _median(runs: list[dict[str, float]], key: str) -> float | None:
    values = [r[key] for r in runs if key in r]
    return statistics.median(values) if values else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--real", action="store_true", help="scan this computer, not the demo")
    args = parser.parse_args()
    app_args = [sys.executable, "main.py"] + ([] if args.real else ["--demo"])
    bare, app = [], []
    _run([sys.executable, "-c", BARE])  # warm the file cache once for both
    _run(app_args)
    for _ in range(args.runs):  # interleaved, so drift hits both alike
        bare.append(_run([sys.executable, "-c", BARE]))
        app.append(_run(app_args))
    bare_paint = _median(bare, "painted")
    app_paint = _median(app, "painted")
    app_fill = _median(app, "filled")
    print(f"runs: {args.runs} each, data: {'this computer' if args.real else 'demo home'}")
    print(f"{'':28}{'median ms':>10}")
    print(f"{'bare PySide6 window painted':28}{bare_paint:>10.0f}")
    print(f"{'fkinspect window painted':28}{app_paint:>10.0f}")
    print(f"{'fkinspect table filled':28}{app_fill:>10.0f}" if app_fill else
          f"{'fkinspect table filled':28}{'n/a':>10}")
    if bare_paint and app_paint:
        print(f"painted ratio app/bare: {app_paint / bare_paint:.2f} (target <= 1.5)")
    if bare_paint and app_fill:
        print(f"filled ratio app/bare:  {app_fill / bare_paint:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
