"""The window's frame paints first; its body is built around the busy line afterwards."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel, QSplitter

from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_the_frame_says_it_reads_and_the_body_joins_it(qtbot, translations) -> None:
    win = MainWindow(translations, demo=True, lazy_body=True)
    qtbot.addWidget(win)
    win.show()
    assert not win.body_built
    assert win.busy_bar.isVisible()
    assert win.busy_label.text() == "Läser dina webbläsare…"
    assert [m.title() for m in (win.file_menu, win.view_menu, win.help_menu)] == [
        "&Arkiv", "&Visa", "&Hjälp"]
    assert "F5" in [key.toString() for key in win.refresh_action.shortcuts()]
    assert win.findChild(QSplitter) is None

    win.build_body()
    win.build_body()  # once only
    assert win.body_built
    assert len(win.findChildren(QSplitter)) == 1
    layout = win.centralWidget().layout()
    widgets = [layout.itemAt(i).widget() for i in range(layout.count())]
    # Banner on top, the splitter at the bottom in the frame's stretch, the busy line between.
    assert widgets[0] is win.banner and widgets[-1] is win.splitter
    assert layout.count() == 4 and layout.itemAt(2).layout().indexOf(win.busy_label) == 1
    assert win.banner.isVisible() and win.banner.text().startswith("Demoläge")
    assert win.busy_label.text() == "Läser dina webbläsare…"
    assert win.clean_reason.text() == "Väntar på att webbläsarna ska läsas."
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.start()
    assert win.model.rowCount() > 0 and not win.busy_bar.isVisible()


_FIRST_PAINT = """
import json, sys
import PySide6.QtCore as QtCore
from PySide6.QtWidgets import QApplication
from ui.app import FirstPaint
from ui.i18n import Translations
from ui.main_window import MainWindow

app = QApplication([])
translations = Translations()
translations.apply("sv")
window = MainWindow(translations, lazy_body=True)
seen = {}

def painted():
    seen["frame"] = {"qt_namespace": "Qt" in vars(QtCore),
                     "body_modules": sorted(m for m in sys.modules if m in BODY)}
    window.build_body()
    seen["body"] = {"qt_namespace": "Qt" in vars(QtCore),
                    "body_modules": sorted(m for m in sys.modules if m in BODY)}
    app.quit()

BODY = {"ui.cookie_model", "ui.details", "ui.stores_panel", "ui.summary"}
window.show()
FirstPaint(window, painted)
app.exec()
print(json.dumps(seen))
"""


def test_the_first_paint_needs_neither_the_body_nor_qts_namespace() -> None:
    """Creating the Python enums of Qt's namespace alone takes about 20 ms: the frame
    must not touch it (a fresh interpreter, since this one has long done so)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", _FIRST_PAINT], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["frame"] == {"qt_namespace": False, "body_modules": []}
    assert seen["body"] == {"qt_namespace": True, "body_modules": [
        "ui.cookie_model", "ui.details", "ui.stores_panel", "ui.summary"]}


def test_the_busy_line_is_plain_text_once_it_can_name_profiles(qtbot, translations) -> None:
    win = MainWindow(translations)
    qtbot.addWidget(win)
    busy = win.findChild(QLabel, "busyLabel")
    assert busy is win.busy_label
    assert busy.textFormat().name == "PlainText"
