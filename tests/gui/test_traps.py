"""The traps a citizen could fall into: numbers that disagree from one place on screen
to the next. Real widgets on the demo home's real stores.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from fkinspect.model import Category
from fkinspect.presentation import cleanable
from ui.main_window import MainWindow


def _confirm(win: MainWindow, qtbot):
    with qtbot.waitSignal(win.cleaning.confirming, timeout=20_000):
        win.body.clean_button.click()
    assert win.cleaning.confirm_dialog is not None
    return win.cleaning.confirm_dialog


def _clean(win: MainWindow, qtbot):
    dialog = _confirm(win, qtbot)
    with qtbot.waitSignal(win.cleaning.finished, timeout=20_000):
        dialog.remove_button.click()
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        pass  # the reading after the clean
    assert win.cleaning.result_dialog is not None
    return win.cleaning.result_dialog


def _close_demo_firefox(win: MainWindow, qtbot) -> None:
    win.state.demo_home.close_browser()
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.refresh()


# ------------------------------------------------------------------ 3. one number
def _number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found, (pattern, text)
    return int(found.group(1))


def test_the_counts_agree_everywhere_on_the_demo(demo_window: MainWindow, qtbot) -> None:
    win = demo_window
    body = win.body
    removes = len(cleanable(win.state.scan.cookies))
    assert removes == 8  # 6 on the agency's list, _pk_ref and _ga recognised as tools
    headline = _number(r"(\d+) av dem är för webbanalys", body.summary.sentence.text())
    button = _number(r"\((\d+)\)", body.clean_button.text())
    chip = _number(r": (\d+)$", body.summary.buttons[Category.ANALYTICS].text())
    body.set_category_filter(Category.ANALYTICS)
    rows = body.proxy.rowCount()
    body.set_category_filter(None)
    box = body.category_box
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemData(i) == "analytics"))
    box_rows = body.proxy.rowCount()
    body.set_category_filter(None)
    _close_demo_firefox(win, qtbot)
    dialog = _confirm(win, qtbot)
    shown = _number(r"De här (\d+) kakorna tas bort", dialog.findChild(
        QLabel, "goesHeading").text())
    remove = _number(r"(\d+)", dialog.remove_button.text())
    dialog.reject()
    assert (headline, button, chip, rows, box_rows, shown, remove) == (removes,) * 7
    # The two the list leaves out are said to be among them, with their own note ...
    note = body.summary.note.text()
    assert note.startswith("2 av analyskakorna står inte i Försäkringskassans lista")
    assert "Google Analytics" in note and "Matomo" in note
    assert body.summary.note.isVisible()
    # ... and not counted a second time as undocumented.
    assert body.summary.buttons[Category.UNDOCUMENTED].text() == "Inte dokumenterad: 1"
    row = body.select_cookie("_ga")
    assert row.isValid()
    category = row.siblingAtColumn(1)
    assert category.data() == "Webbanalys"
    assert "inte i Försäkringskassans lista" in category.data(Qt.ItemDataRole.ToolTipRole)
    assert body.details.category.text() == "Webbanalys, inte dokumenterad"


def test_after_the_clean_undocumented_keeps_its_count(demo_window: MainWindow, qtbot) -> None:
    win = demo_window
    _close_demo_firefox(win, qtbot)
    chips = win.body.summary.buttons
    assert chips[Category.UNDOCUMENTED].text() == "Inte dokumenterad: 1"
    _clean(win, qtbot).reject()
    assert chips[Category.ANALYTICS].text() == "Webbanalys: 0"
    assert chips[Category.UNDOCUMENTED].text() == "Inte dokumenterad: 1"  # fk_beta_feedback
