"""For bench/bench_startup.py: print when the window is first painted and first filled.

Active only when FKINSPECT_BENCH is set; prints wall-clock times on stderr and
quits after the first scan result, so the benchmark measures whole processes.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class _PaintProbe(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            print(f"painted {time.time():.6f}", file=sys.stderr, flush=True)
        return False


def _filled() -> None:
    print(f"filled {time.time():.6f}", file=sys.stderr, flush=True)
    QTimer.singleShot(0, QApplication.quit)


def attach(window: QWidget) -> None:
    probe = _PaintProbe(window)
    window.installEventFilter(probe)
    window.scan_finished.connect(_filled)  # type: ignore[attr-defined]
