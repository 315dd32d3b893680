"""Render the app on the demo home to PNG files in this folder (offscreen).

    python docs/screenshots/render.py

main_sv.png, main_en.png, main_dark_sv.png, main_dark_en.png, details_sv.png, confirm_sv.png.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.i18n import Translations  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def _wait_for_scan(window: MainWindow) -> None:
    loop = QEventLoop()
    window.scan_finished.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    window.start()
    loop.exec()


def _dark() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, color in ((roles.Window, "#2b2b2b"), (roles.WindowText, "#e8e8e8"),
                        (roles.Base, "#1f1f1f"), (roles.AlternateBase, "#2a2a2a"),
                        (roles.Text, "#e8e8e8"), (roles.Button, "#353535"),
                        (roles.ButtonText, "#e8e8e8"), (roles.Highlight, "#3d6fb0"),
                        (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#353535"),
                        (roles.ToolTipText, "#e8e8e8"), (roles.PlaceholderText, "#9a9a9a")):
        p.setColor(role, QColor(color))
    return p


def shoot(language: str, dark: bool = False) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(_dark() if dark else app.style().standardPalette())
    translations = Translations()
    translations.apply(language)
    window = MainWindow(translations, demo=True)
    window.resize(1360, 820)
    window.show()
    _wait_for_scan(window)
    window.body.select_cookie("Fk_hide_cookie_warning")
    app.processEvents()
    suffix = f"{'dark_' if dark else ''}{language}"
    window.grab().save(str(HERE / f"main_{suffix}.png"))
    if language == "sv" and not dark:
        window.body.select_cookie("VISITOR_INFO1_LIVE")
        app.processEvents()
        window.body.details.grab().save(str(HERE / "details_sv.png"))
        _wait_for_confirmation(window)
        dialog = window.cleaning.confirm_dialog
        if dialog is not None:
            dialog.grab().save(str(HERE / "confirm_sv.png"))
            dialog.reject()
    window.close()


def _wait_for_confirmation(window: MainWindow) -> None:
    """The plan is made off the GUI thread; the dialog opens when it is ready."""
    loop = QEventLoop()
    window.cleaning.confirming.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    window.cleaning.start()
    loop.exec()


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    shoot("sv")
    shoot("en")
    shoot("sv", dark=True)
    shoot("en", dark=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
