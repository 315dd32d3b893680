"""Every control a person can act on has a name a screen reader can say (in-process, through
Qt's accessibility interfaces; tests/gui/test_atspi.py checks the same through AT-SPI)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)

from fkinspect.model import Category
from ui.main_window import MainWindow

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)


def _unnamed(window: MainWindow) -> list[str]:
    bad = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QHeaderView):  # the table's own column headers, not a control
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            bad.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                       f"{widget.parent().objectName()!r}")
    return bad


def test_no_unnamed_control(demo_window: MainWindow) -> None:
    body = demo_window.body
    body.search.setText("_pk")  # the clear button shows once there is text
    body.select_cookie(body.proxy.index(0, 0).data())
    assert _unnamed(demo_window) == []
    clear = [b for b in body.search.findChildren(QAbstractButton) if b.isVisibleTo(body)]
    assert [b.accessibleName() for b in clear] == ["Töm sökfältet"]
    demo_window.set_language("en")
    assert [b.accessibleName() for b in clear] == ["Clear the search"]
    demo_window.set_language("sv")


def test_tab_leaves_the_table(demo_window: MainWindow) -> None:
    # Arrows move between cells; Tab goes on to the next control (no keyboard trap).
    assert not demo_window.body.table.tabKeyNavigation()


def test_a_category_button_says_its_count_in_the_right_number(demo_window: MainWindow) -> None:
    buttons = demo_window.body.summary.buttons
    assert buttons[Category.UNDOCUMENTED].accessibleName() == "Inte dokumenterad: 1 kaka"
    assert buttons[Category.NECESSARY].accessibleName() == "Nödvändig: 11 kakor"
