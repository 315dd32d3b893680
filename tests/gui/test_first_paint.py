"""The first scan waits for the window's first paint, and never for ever."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.app import FirstPaint


class _Paints(QObject):
    def __init__(self, widget: QWidget, log: list[str]) -> None:
        super().__init__(widget)
        self.log = log
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.log.append("paint")
        return False


def test_runs_once_after_the_first_paint(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    log: list[str] = []
    _Paints(widget, log)
    FirstPaint(widget, lambda: log.append("start"))
    assert log == []  # not before the window is shown
    widget.show()
    qtbot.waitUntil(lambda: "start" in log)
    assert log.index("paint") < log.index("start")
    widget.update()
    qtbot.wait(FirstPaint.FALLBACK_MS + 100)  # more paints and the fallback: still once
    assert log.count("start") == 1


def test_runs_without_a_paint_after_the_fallback(qtbot: QtBot) -> None:
    widget = QWidget()  # never shown: no paint comes
    qtbot.addWidget(widget)
    started: list[str] = []
    FirstPaint(widget, lambda: started.append("start"))
    qtbot.wait(50)
    assert started == []  # not at once: only a paint, or the fallback, starts it
    qtbot.waitUntil(lambda: started == ["start"], timeout=FirstPaint.FALLBACK_MS * 4)
