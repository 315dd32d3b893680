"""Help → Compare with a saved page…: the agency's page as the user saved it, compared
with the list in use in plain words, and adopted only when they say so.

Adopting stores the list in the user's config folder and deletes nothing; the window
reads again so that every cookie is classified by the new list. The quiet line on the
list's age and the About box's words on the list in use are here too.

The page is read on the GUI thread: a saved page is at most a few MB, and html.parser
reads that in well under the time a file dialog takes to close.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fkinspect.errors import PolicyError
from fkinspect.pagelist.reader import NotThePage
from fkinspect.pagelist.saved import SavedPage, adopt, open_saved_page
from fkinspect.pagelist.stored import policy_in_use
from fkinspect.pagelist.words import (
    comparison_lines,
    list_in_use,
    not_the_page,
    outdated_line,
    problem_line,
)
from fkinspect.policy import Policy
from fkinspect.textsafe import printable


def _tr(text: str) -> str:
    return QCoreApplication.translate("PageCompareDialog", text)


def choose_page(parent: QWidget) -> Path | None:
    """The saved page the user picks; None when they cancel."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, _tr("Choose the saved page “Kakor (Cookies)”"), str(Path.home()),
        _tr("Web pages (*.html *.htm *.txt);;All files (*)"))
    return Path(chosen) if chosen else None


def _plain(parent: QWidget, text: str, name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the page's words are not ours to render
    label.setWordWrap(True)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PageCompareDialog(QDialog):
    """The comparison and two buttons: "Use this list" and "Cancel"."""

    adopted = Signal()  # the list in use changed: read again

    def __init__(self, parent: QWidget, path: Path, language: str,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageCompareDialog")
        self.setWindowTitle(self.tr("Compare with a saved page"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(560)  # the page's sentences read as lines, not as a column
        self.language, self.folder = language, folder
        self.saved: SavedPage | None = None
        layout = QVBoxLayout(self)
        self.text = _plain(self, self._read(path), "comparisonText")
        self.text.setAccessibleName(self.tr("Comparison"))
        layout.addWidget(self.text)
        self.note = _plain(self, self._note(), "comparisonNote")
        self.note.setVisible(bool(self.note.text()))
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(self)
        self.use_button = QPushButton(self.tr("Use this list"), self)
        self.use_button.setObjectName("useListButton")
        self.use_button.setEnabled(self.saved is not None and self.saved.adoptable)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelButton")
        buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.use_list)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.cancel_button.setDefault(True)  # adopting is never the default

    def _read(self, path: Path) -> str:
        """The comparison in words, or why the file is not the page."""
        try:
            self.saved = open_saved_page(path, self.folder)
        except OSError as exc:
            return self.tr("The file could not be read: {reason}").format(
                reason=exc.strerror or type(exc).__name__)
        except NotThePage as exc:
            return not_the_page(exc.reason, self.language)
        lines = comparison_lines(self.saved.comparison, self.language)
        problem = problem_line(self.saved.in_use, self.language)
        # Line by line: printable() writes a line break as an escape.
        return "\n".join(printable(line) for line in ([*lines, problem] if problem else lines))

    def _note(self) -> str:
        if self.saved is None or self.saved.comparison.same:
            return ""
        if self.saved.comparison.unplaced:
            return self.tr("Some of the page could not be read, so its list cannot be used.")
        return self.tr("Using this list deletes nothing. The table is read again, and the "
                       "next removal follows this list.")

    @Slot()
    def use_list(self) -> None:
        if self.saved is None or not self.saved.adoptable:
            return
        try:
            adopt(self.saved, self.folder)
        except (PolicyError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.note.setText(self.tr("The list could not be saved: {reason}").format(
                reason=reason))
            self.note.setVisible(True)
            self.use_button.setEnabled(False)
            return
        self.accept()
        self.adopted.emit()


def open_page_compare(parent: QWidget, language: str) -> PageCompareDialog | None:
    """Ask for the saved page, then show the comparison (window-modal, not blocking)."""
    path = choose_page(parent)
    if path is None:
        return None
    dialog = PageCompareDialog(parent, path, language)
    dialog.open()
    return dialog


def about_list_lines(language: str) -> list[str]:
    """For the About box: the list in use, an ignored adopted list, the list's age."""
    in_use = policy_in_use()
    lines = [list_in_use(in_use.policy, language)]
    problem = problem_line(in_use, language)
    old = outdated_line(in_use.policy, date.today(), language, in_app=True)
    return lines + [line for line in (problem, old) if line]


class ListAgeNote(QLabel):
    """One quiet line in the status bar when the list in use is more than a year old."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("listAgeNote")
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Never widens the window: a narrow window cuts the line, the tooltip keeps it.
        self.setMinimumWidth(1)
        self.setVisible(False)

    def show_for(self, policy: Policy | None, language: str, today: date | None = None) -> None:
        line = (outdated_line(policy, today or date.today(), language, in_app=True)
                if policy is not None else None)
        self.setText(line or "")
        self.setToolTip(line or "")
        self.setVisible(bool(line))
