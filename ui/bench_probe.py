"""For bench/bench_startup.py: print when the window is first painted and first shows a scan.

Active only when FKINSPECT_BENCH is set; prints wall-clock times on stderr and quits
once the first scan is on screen, so the benchmark measures whole processes:

    painted  the window's first paint
    filled   the first scan's results are in the widgets (scan_finished)
    shown    the first paint after that: the scan is on screen
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

from .main_window import MainWindow


def _mark(what: str) -> None:
    print(f"{what} {time.time():.6f}", file=sys.stderr, flush=True)


class _Probe(QObject):
    """Watches every paint of the app (an application-wide event filter)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._painted = False
        self._filled = False
        window.scan_finished.connect(self._scan_finished)

    @Slot()
    def _scan_finished(self) -> None:
        if not self._filled:
            self._filled = True
            _mark("filled")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if not self._painted:
                self._painted = True
                _mark("painted")
            elif self._filled:
                _mark("shown")
                _app().removeEventFilter(self)
                QTimer.singleShot(0, QApplication.quit)
        return False


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def attach(window: MainWindow) -> None:
    _app().installEventFilter(_Probe(window))
