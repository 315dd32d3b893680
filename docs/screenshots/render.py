"""Render the app on the demo home to PNG files in this folder (offscreen).

    python docs/screenshots/render.py

The window at the size it opens at on a 1366×768 screen and on a 1024×700 one, in Swedish
and English, light and dark: main_sv.png, main_en.png, main_dark_sv.png, main_dark_en.png
(1366×768) and main_sv_1024x700.png ... main_dark_en_1024x700.png; then details_sv.png,
confirm_sv.png (a browser running) and result_sv.png; reading_{sv,en}.png (the first
reading) and empty_{sv,en}.png (no browser found).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

# Offscreen, on a screen larger than any rendered size (offscreen's own is 800×800), with
# settings of its own: a saved size or language of the person rendering plays no part.
_CONFIG = Path(tempfile.mkdtemp(prefix="fkinspect-render-"))
(_CONFIG / "screen.json").write_text(json.dumps({"screens": [{
    "name": "render", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
    "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_CONFIG / 'screen.json'}"
os.environ["XDG_CONFIG_HOME"] = str(_CONFIG)
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PySide6.QtCore import QEventLoop, QRect, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.contrast import mended  # noqa: E402
from ui.i18n import Translations  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.window_geometry import default_geometry  # noqa: E402

SCREENS = ((1366, 768), (1024, 700))  # the first is the README's


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
    app.setPalette(mended(_dark() if dark else app.style().standardPalette()))
    translations = Translations()
    translations.apply(language)
    window = MainWindow(translations, demo=True)
    window.show()
    _wait_for_scan(window)
    window.body.select_cookie("Fk_hide_cookie_warning")
    for number, (width, height) in enumerate(SCREENS):
        # What the window opens at on this screen (no saved size).
        window.setGeometry(default_geometry(QRect(0, 0, width, height)))
        _settle(app)
        suffix = f"{'dark_' if dark else ''}{language}" + (f"_{width}x{height}" if number
                                                           else "")
        window.grab().save(str(HERE / f"main_{suffix}.png"))
    if language == "sv" and not dark:
        window.setGeometry(default_geometry(QRect(0, 0, *SCREENS[0])))
        window.body.select_cookie("VISITOR_INFO1_LIVE")
        _settle(app)
        window.body.details.grab().save(str(HERE / "details_sv.png"))
        _wait_for_confirmation(window)
        dialog = window.cleaning.confirm_dialog
        if dialog is not None:
            dialog.grab().save(str(HERE / "confirm_sv.png"))
            dialog.reject()
        _shoot_result(window)
    window.close()


def _shoot_result(window: MainWindow) -> None:
    """The demo's Firefox closed, the confirmation accepted: the result dialog."""
    if window.state.demo_home is None:
        return
    window.state.demo_home.close_browser()
    _wait_for_scan(window)
    _wait_for_confirmation(window)
    dialog = window.cleaning.confirm_dialog
    if dialog is None:
        return
    loop = QEventLoop()
    window.cleaning.finished.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    dialog.remove_button.click()
    loop.exec()
    result = window.cleaning.result_dialog
    if result is not None:
        _settle(QApplication.instance())  # type: ignore[arg-type]
        result.grab().save(str(HERE / "result_sv.png"))
        result.close()


def shoot_states(language: str) -> None:
    """Reading (before the first reading ends) and nothing found (an empty home)."""
    empty = Path(tempfile.mkdtemp(prefix="fkinspect-render-home-"))
    os.environ["HOME"] = str(empty)  # discovery reads HOME and the XDG folders
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(mended(app.style().standardPalette()))
    translations = Translations()
    translations.apply(language)
    window = MainWindow(translations)
    window.setGeometry(default_geometry(QRect(0, 0, *SCREENS[0])))
    window.show()
    _settle(app)
    window.grab().save(str(HERE / f"reading_{language}.png"))
    _wait_for_scan(window)  # nothing found: the app opens its demo and says why ...
    loop = QEventLoop()
    window.scan_finished.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    window.demo_action.trigger()  # ... and leaving it shows what was found: nothing
    loop.exec()
    _settle(app)
    window.grab().save(str(HERE / f"empty_{language}.png"))
    window.close()


def _settle(app: QApplication) -> None:
    """Let layouts and the table's column fit (a queued one) run before the grab."""
    loop = QEventLoop()
    QTimer.singleShot(200, loop.quit)
    loop.exec()
    app.processEvents()


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
    shoot_states("sv")
    shoot_states("en")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
