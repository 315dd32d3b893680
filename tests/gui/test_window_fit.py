"""The window on real screen sizes: inside the available area, its size remembered, the
table's columns inside the table, and the polish around it (title, icons, banners)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

from ui import window_geometry
from ui.cookie_model import Column
from ui.i18n import Translations
from ui.icons import icon
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh process with one offscreen screen of the size asked: the window is made,
# reads the demo, and reports where its important controls are.
PROBE = r"""
import json, sys
from PySide6.QtCore import QEventLoop, QPoint, QRect, QTimer
from PySide6.QtWidgets import QApplication
from ui.i18n import APPLICATION, ORGANIZATION, Translations
from ui.icons import icon
from ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
app.setOrganizationName(ORGANIZATION)
app.setApplicationName(APPLICATION)
translations = Translations()
translations.apply(sys.argv[1])
window = MainWindow(translations, demo=True)
window.show()
loop = QEventLoop()
window.scan_finished.connect(loop.quit)
QTimer.singleShot(60_000, loop.quit)
window.start()
loop.exec()
window.body.select_cookie("_pk_id.1.3f2a")
app.processEvents()
body = window.body

def rect(widget):
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height(), widget.isVisible()]

controls = {"clean": body.clean_button, "details": body.details, "status": window.statusBar(),
            "table": body.table, "search": body.search, "stores": body.stores,
            "category": body.category_box, "menu": window.menuBar(), "banner": window.banner}
available = window.screen().availableGeometry()
header = body.table.horizontalHeader()
print(json.dumps({
    "available": [available.x(), available.y(), available.width(), available.height()],
    "frame": [window.frameGeometry().x(), window.frameGeometry().y(),
              window.frameGeometry().width(), window.frameGeometry().height()],
    "controls": {name: rect(widget) for name, widget in controls.items()},
    "columns": body.columns.visible_width(), "viewport": body.table.viewport().width(),
    "shown": [c for c in range(header.count()) if not header.isSectionHidden(c)],
    "whole": [c for c in range(header.count()) if not header.isSectionHidden(c)
              and header.sectionSize(c) >= body.table.sizeHintForColumn(c)],
}), flush=True)
window.close()
del window, body, controls
app.processEvents()
"""


@pytest.fixture(autouse=True)
def _no_saved_size() -> Iterator[None]:
    """Each window here is resized on purpose: the next test's window must not inherit it."""
    yield
    window_geometry.forget()


def _probe(tmp_path: Path, width: int, height: int, language: str) -> dict:
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{
        "name": "s", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT),
           "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-c", PROBE, language], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("width", "height", "language"), [
    (1366, 768, "sv"), (1024, 700, "en"), (1024, 600, "sv")])
def test_every_important_control_is_on_a_small_screen(tmp_path: Path, width: int,
                                                      height: int, language: str) -> None:
    seen = _probe(tmp_path, width, height, language)
    available = QRect(*seen["available"])
    assert available.contains(QRect(*seen["frame"])), seen
    for name, (x, y, w, h, visible) in seen["controls"].items():
        assert visible, name
        assert available.contains(QRect(x, y, w, h)), (name, seen)
    # No horizontal scrolling: the columns shown fill the table, never more.
    assert seen["columns"] <= seen["viewport"]
    # The main columns whole, not elided: the side panes leave the table room for them.
    assert {Column.NAME, Column.CATEGORY, Column.EXPIRES} <= set(seen["whole"]), seen


def test_window_opens_inside_the_available_area(window: MainWindow) -> None:
    available = window.screen().availableGeometry()
    assert available.size().toTuple() == (1366, 768)  # conftest's laptop screen
    assert available.contains(window.frameGeometry())
    assert window.width() >= 1024


def test_default_geometry_fits_and_centres() -> None:
    for available in (QRect(0, 0, 1366, 740), QRect(0, 27, 1024, 573), QRect(1920, 0, 1920,
                                                                             1040)):
        rect = window_geometry.default_geometry(available)
        assert available.contains(rect)
        assert abs(rect.center().x() - available.center().x()) <= 1
    big = window_geometry.default_geometry(QRect(0, 0, 2560, 1400))
    assert big.size() == window_geometry.PREFERRED


def test_size_is_remembered_and_off_screen_is_not(qtbot, translations: Translations) -> None:
    first = MainWindow(translations)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(40, 50, 1100, 650)
    first.close()
    again = MainWindow(translations)
    qtbot.addWidget(again)
    assert again.geometry().size().toTuple() == (1100, 650)
    assert again.geometry().topLeft() == QPoint(40, 50)
    # Saved on a monitor that is gone: the default, on this screen.
    again.setGeometry(3000, 2000, 1100, 650)
    again.close()
    third = MainWindow(translations)
    qtbot.addWidget(third)
    assert third.screen().availableGeometry().contains(third.frameGeometry())
    third.close()
    window_geometry.forget()


def test_columns_fit_and_headers_are_whole(qtbot, demo_window: MainWindow) -> None:
    table = demo_window.body.table
    header = table.horizontalHeader()
    fitter = demo_window.body.columns
    def shown() -> list[int]:
        return [c for c in range(header.count()) if not header.isSectionHidden(c)]

    for width in (1366, 1024, 1920):
        demo_window.resize(width, 700)
        # The fit follows the table's resizes (queued ones; the side panes settle after the
        # window): wait for a fit to the settled width; at 1920 every column is shown.
        qtbot.waitUntil(lambda every=width == 1920:
                        fitter.visible_width() == table.viewport().width()
                        and table.horizontalScrollBar().maximum() == 0
                        and (not every or len(shown()) == header.count()), timeout=10_000)
        for column in shown():  # "ringstid enligt si" never again
            assert header.sectionSize(column) >= fitter.header_width(column), column


def test_category_names_are_whole_in_english(demo_window: MainWindow) -> None:
    demo_window.set_language("en")
    demo_window.body.columns.fit()
    table = demo_window.body.table
    assert table.sizeHintForColumn(Column.CATEGORY) <= table.columnWidth(Column.CATEGORY)
    texts = {table.model().index(r, Column.CATEGORY).data()
             for r in range(table.model().rowCount())}
    assert "Personal web meeting" in texts
    demo_window.set_language("sv")


def test_title_names_the_app_once(window: MainWindow) -> None:
    # Qt adds the display name (set by ui/app.py) to a title that does not end with it.
    title = window.windowTitle()
    assert "fkinspect" not in title
    assert title == "Försäkringskassans kakor på den här datorn"


def test_refresh_has_its_own_icon(window: MainWindow) -> None:
    refresh = window.refresh_action.icon().pixmap(24, 24).toImage()
    running = icon("running").pixmap(24, 24).toImage()
    assert not window.refresh_action.icon().isNull()
    assert refresh != running


def test_presentation_mode_shows_a_banner(window: MainWindow) -> None:
    assert not window.presenting_banner.isVisible()
    window.present_action.setChecked(True)
    assert window.presenting_banner.isVisible()
    assert "Presentationsläge" in window.presenting_banner.text()
    assert window.presenting_banner.accessibleName()
    window.present_action.setChecked(False)
    assert not window.presenting_banner.isVisible()


def test_about_box_dates_the_list_mid_sentence(window: MainWindow,
                                               translations: Translations) -> None:
    window.show_about()
    text = window.about_box.informativeText()
    assert "Senast uppdaterad" not in text and "senast uppdaterad" in text
    window.about_box.close()
    window.set_language("en")
    window.show_about()
    text = window.about_box.informativeText()
    assert "last updated" in text and "uppdaterad" not in text
    assert any(month in text for month in ("January", "February", "March", "April", "May",
                                           "June", "July", "August", "September", "October",
                                           "November", "December"))
    window.about_box.close()
    window.set_language("sv")


def test_sidebar_items_have_room(window: MainWindow, records) -> None:
    scan, _policy = records
    window.show_scan(scan)
    assert window.body.stores.spacing() >= 3


@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")  # offscreen's tooltip
def test_a_cut_cell_shows_its_whole_text_on_hover(qtbot, demo_window: MainWindow) -> None:
    table = demo_window.body.table
    demo_window.resize(1024, 600)
    demo_window.body.splitter.setSizes([300, 300, 400])  # a narrow table: something elides
    qtbot.waitUntil(lambda: demo_window.body.columns.visible_width()
                    == table.viewport().width(), timeout=10_000)
    delegate = table.itemDelegate()
    model = table.model()
    cut = None
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if table.isColumnHidden(column) or index.data(Qt.ItemDataRole.ToolTipRole):
                continue
            option = QStyleOptionViewItem()
            option.initFrom(table)
            option.rect = table.visualRect(index)
            if delegate.sizeHint(option, index).width() > option.rect.width():
                cut = (index, option)
                break
        if cut:
            break
    assert cut is not None, "in a 300 px table some cell is elided"
    index, option = cut
    where = option.rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, where, table.viewport().mapToGlobal(where))
    assert delegate.helpEvent(event, table, option, index)
    qtbot.waitUntil(QToolTip.isVisible, timeout=10_000)
    assert QToolTip.text() == index.data()
    QToolTip.hideText()


def test_a_window_made_smaller_keeps_the_main_columns_whole(qtbot,
                                                          demo_window: MainWindow) -> None:
    """Made narrower by hand (or by a smaller screen), the side panes shrink with the
    window rather than leave all of the loss to the table."""
    table = demo_window.body.table
    header = table.horizontalHeader()
    splitter = demo_window.body.splitter
    demo_window.resize(1024, 700)
    qtbot.waitUntil(lambda: splitter.width() < 1024)
    narrow = splitter.sizes()
    demo_window.resize(1366, 700)
    qtbot.waitUntil(lambda: splitter.sizes()[0] > narrow[0] and splitter.sizes()[2] > narrow[2])
    demo_window.resize(1024, 700)

    def whole(column: int) -> bool:
        return (not header.isSectionHidden(column)
                and header.sectionSize(column) >= table.sizeHintForColumn(column))

    qtbot.waitUntil(lambda: all(whole(c) for c in (Column.NAME, Column.CATEGORY,
                                                   Column.EXPIRES)), timeout=10_000)


def test_a_narrow_table_elides_the_expiry_rather_than_hide_it(qtbot,
                                                             demo_window: MainWindow) -> None:
    """With the panes dragged wide, Name and Category take most of the table: the expiry
    still shows, elided (its whole text as a tooltip), before a less important column."""
    table = demo_window.body.table
    header = table.horizontalHeader()
    fitter = demo_window.body.columns
    demo_window.resize(1024, 700)
    demo_window.body.splitter.setSizes([210, 500, 288])
    qtbot.waitUntil(lambda: 430 < table.viewport().width() < 520
                    and fitter.visible_width() == table.viewport().width(), timeout=10_000)
    assert not header.isSectionHidden(Column.EXPIRES)
    assert header.isSectionHidden(Column.PROFILE)
