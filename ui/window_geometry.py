"""Where the window opens: inside the screen's available area, at the size it last had.

The geometry is remembered in QSettings (as the language is); a saved geometry that no
longer fits any screen (a monitor unplugged, a smaller laptop) gives way to the default.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from .i18n import settings

PREFERRED = QSize(1360, 820)  # roomy on a full HD screen
SMALLEST = QSize(1024, 600)  # the smallest screen the window is made for
_KEY = "ui/geometry"
_MARGIN = 0.04  # of the available area, left free around a window that would fill it


def default_geometry(available: QRect, frame: QSize = QSize(0, 0)) -> QRect:  # noqa: B008
    """The preferred size, shrunk to fit `available` with its frame, centred in it."""
    room_w = available.width() - frame.width()
    room_h = available.height() - frame.height()
    width = min(PREFERRED.width(), room_w - int(room_w * _MARGIN) if room_w > SMALLEST.width()
                else room_w)
    height = min(PREFERRED.height(), room_h - int(room_h * _MARGIN)
                 if room_h > SMALLEST.height() else room_h)
    rect = QRect(0, 0, max(width, 1), max(height, 1))
    rect.moveCenter(available.center())
    return rect


def _fits_a_screen(frame: QRect) -> bool:
    """The whole frame inside one screen's available area (a pixel or two of slack)."""
    for screen in QGuiApplication.screens():
        if screen.availableGeometry().adjusted(-2, -2, 2, 2).contains(frame):
            return True
    return False


def restore(window: QWidget) -> None:
    """The saved geometry if it still fits a screen, else the default on the primary one."""
    saved = settings().value(_KEY)
    if (isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved)
            and (window.isMaximized() or _fits_a_screen(window.frameGeometry()))):
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(PREFERRED)
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    window.setGeometry(default_geometry(available, frame))
    if available.width() <= SMALLEST.width() or available.height() <= SMALLEST.height():
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def save(window: QWidget) -> None:
    settings().setValue(_KEY, window.saveGeometry())


def forget() -> None:
    settings().remove(_KEY)
