"""The top of the window: one sentence and one count per category (icon + text)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from fkinspect.model import Category
from fkinspect.presentation import CATEGORY_ORDER, Overview
from fkinspect.wording import category_label

from .icons import category_icon


class SummaryView(QWidget):
    """Clicking a count filters the table to that category; clicking it again clears."""

    category_chosen = Signal(object)  # Category | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._overview: Overview | None = None
        self._language = "sv"
        self._agency = "Försäkringskassan"
        self.sentence = QLabel(self)
        self.sentence.setObjectName("summarySentence")
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setWordWrap(True)
        font = self.sentence.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.sentence.setFont(font)
        self.buttons: dict[Category, QToolButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for category in CATEGORY_ORDER:
            button = QToolButton(self)
            button.setObjectName(f"count_{category}")
            button.setCheckable(True)
            button.setIcon(category_icon(category))
            button.setIconSize(QSize(22, 22))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(False)
            button.clicked.connect(self._clicked)
            self.buttons[category] = button
            row.addWidget(button)
        row.addStretch(1)
        # Why the analytics count holds cookies the agency's list leaves out.
        self.note = QLabel(self)
        self.note.setObjectName("summaryNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sentence)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.retranslate()

    def set_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def set_overview(self, overview: Overview | None, agency: str) -> None:
        self._overview = overview
        self._agency = agency
        self.retranslate()

    def set_checked(self, category: Category | None) -> None:
        for cat, button in self.buttons.items():
            button.setChecked(cat is category)

    @Slot()
    def _clicked(self) -> None:
        sender = self.sender()
        chosen = None
        for category, button in self.buttons.items():
            if button is sender and button.isChecked():
                chosen = category
        self.set_checked(chosen)
        self.category_chosen.emit(chosen)

    def sentence_text(self) -> str:
        view = self._overview
        if view is None:
            return self.tr("Looking for cookies from Försäkringskassan…")
        cookies = self.tr("%n cookie(s)", "", view.total)
        browsers = self.tr("%n browser(s)", "", view.browsers)
        first = self.tr("{agency} has stored {cookies} in {browsers}.").format(
            agency=self._agency, cookies=cookies, browsers=browsers)
        if view.total == 0:
            return self.tr("{agency} has not stored any cookies in your browsers.").format(
                agency=self._agency)
        if view.analytics == 0:
            none = self.tr("None of them is for web analytics.")
            return f"{first} {none}"
        second = self.tr("%n of them are for web analytics.", "", view.analytics)
        return f"{first} {second}"

    def note_text(self) -> str:
        """The analytics cookies the agency's list does not name, and why they count."""
        view = self._overview
        if view is None or not view.unlisted_analytics:
            return ""
        tools = list(view.unlisted_tools)
        if len(tools) > 1:
            named = self.tr("{first} and {last}").format(first=", ".join(tools[:-1]),
                                                         last=tools[-1])
        else:
            named = tools[0] if tools else self.tr("known tools")
        return self.tr("%n of the analytics cookies are not in Försäkringskassan's list, but "
                       "are recognised as cookies of {tools}. The button removes them too.",
                       "", view.unlisted_analytics).format(tools=named)

    def retranslate(self) -> None:
        self.sentence.setText(self.sentence_text())
        note = self.note_text()
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.sentence.setAccessibleName(self.tr("Summary"))
        for category, button in self.buttons.items():
            label = category_label(category, self._language)
            count = self._overview.in_category(category) if self._overview else 0
            button.setText(f"{label}: {count}")
            button.setEnabled(self._overview is not None)
            button.setAccessibleName(self.tr("{category}: {count} cookies").format(
                category=label, count=count))
            button.setAccessibleDescription(self.tr("Show only this category in the table"))
            button.setToolTip(self.tr("Show only “{category}” (click again to show all)")
                              .format(category=label))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
