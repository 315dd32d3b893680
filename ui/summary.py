"""The top of the window: one sentence, then an overview with one row per category: its
count (icon + text, a filter when clicked), what it means for the person in one plain
sentence, and whether the clean button touches it. The counts are the Overview's, the
same numbers the headline, the button and the confirmation use."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fkinspect.model import Category
from fkinspect.presentation import CATEGORY_ORDER, Overview, button_removes
from fkinspect.textsafe import printable
from fkinspect.wording import category_label

from .icons import category_icon
from .meanings import MEANINGS


def _plain(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


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
        self.meanings: dict[Category, QLabel] = {}
        self.verdicts: dict[Category, QLabel] = {}
        self.grid = QWidget(self)
        self.grid.setObjectName("overview")
        rows = QGridLayout(self.grid)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setVerticalSpacing(2)
        rows.setHorizontalSpacing(12)
        for line, category in enumerate(CATEGORY_ORDER):
            button = QToolButton(self.grid)
            button.setObjectName(f"count_{category}")
            button.setCheckable(True)
            button.setIcon(category_icon(category))
            button.setIconSize(QSize(20, 20))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.setAutoRaise(False)
            button.clicked.connect(self._clicked)
            self.buttons[category] = button
            self.meanings[category] = _plain(self.grid, f"meaning_{category}")
            self.verdicts[category] = _plain(self.grid, f"verdict_{category}")
            self.verdicts[category].setWordWrap(False)  # a few words: never broken
            if button_removes(category):
                font = self.verdicts[category].font()
                font.setBold(True)
                self.verdicts[category].setFont(font)
            rows.addWidget(button, line, 0)
            rows.addWidget(self.meanings[category], line, 1)
            rows.addWidget(self.verdicts[category], line, 2)
        rows.setColumnStretch(1, 1)
        # Why the analytics count holds cookies the agency's list leaves out.
        self.note = QLabel(self)
        self.note.setObjectName("summaryNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sentence)
        layout.addWidget(self.grid)
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

    def _names(self, names: list[str], otherwise: str) -> str:
        """"a", "a and b", "a, b and c" in the UI's language."""
        if len(names) > 1:
            return self.tr("{first} and {last}").format(first=", ".join(names[:-1]),
                                                        last=names[-1])
        return names[0] if names else otherwise

    def meaning_text(self, category: Category) -> str:
        """What the category means for the person, with what the numbers hold that a
        reader would not guess: which other sites, which tools the list leaves out."""
        view = self._overview
        if view is not None and category is Category.THIRD_PARTY and view.others:
            return self.tr(
                "Other sites also stored %n cookie(s) while you visited Försäkringskassan's "
                "pages: {sites}.", "", view.others).format(
                sites=self._names([printable(s) for s in view.other_sites], ""))
        text = MEANINGS.category(category)
        if view is not None and category is Category.ANALYTICS and view.unlisted_analytics:
            text += " " + self.tr(
                "%n of the analytics cookies are not in Försäkringskassan's list, but are "
                "recognised as cookies of {tools}. The button removes them too.", "",
                view.unlisted_analytics).format(
                tools=self._names(list(view.unlisted_tools), self.tr("known tools")))
        return text

    def note_text(self) -> str:
        """What the numbers above leave out: cookies that have already expired."""
        view = self._overview
        if view is None or not view.expired:
            return ""
        return self.tr("%n cookie(s) have already expired and are not counted: the browser "
                       "removes them by itself.", "", view.expired)

    def retranslate(self) -> None:
        self.sentence.setText(self.sentence_text())
        note = self.note_text()
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.sentence.setAccessibleName(self.tr("Summary"))
        # Nothing read yet, or nothing of the agency's: no rows of zeros.
        view = self._overview
        self.grid.setVisible(view is not None and view.total + view.others > 0)
        for category, button in self.buttons.items():
            label = category_label(category, self._language)
            count = view.in_category(category) if view else 0
            button.setText(f"{label}: {count}")
            button.setEnabled(view is not None)
            meaning, verdict = self.meanings[category], self.verdicts[category]
            meaning.setText(self.meaning_text(category))
            verdict.setText(MEANINGS.button(category))
            # A category with none is left out; what the button removes always shows.
            shown = bool(count) or button_removes(category)
            for widget in (button, meaning, verdict):
                widget.setVisible(shown)
            button.setAccessibleName(self.tr("{category}: %n cookie(s)", "", count).format(
                category=label))
            button.setAccessibleDescription(self.tr("Show only this category in the table"))
            button.setToolTip(self.tr("Show only “{category}” (click again to show all)")
                              .format(category=label))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
