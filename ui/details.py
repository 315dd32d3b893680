"""The details of one cookie: the agency's words, lifetimes, flags, where it is stored.

The value is read only when the person presses "Show value", off the GUI thread
(an Op), and forgotten as soon as the selection changes; a read still running for
another cookie is then ignored. It is never put in a tooltip, a log or the model.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fkinspect.errors import ValueUnavailable
from fkinspect.i18n import say
from fkinspect.lifetime import describe
from fkinspect.model import ClassifiedCookie, SameSite
from fkinspect.policy import Policy
from fkinspect.presentation import (
    Naming,
    documented_lifetime,
    explanation,
    is_documented,
    is_expired,
    shown_label,
)
from fkinspect.textsafe import printable
from fkinspect.values import read_value
from fkinspect.wording import finding_text

from .ops import Op, Ops
from .texts import expired_note, expires_text


def _bold(label: QLabel) -> QLabel:
    # A font, not a style sheet: style sheets cost the window milliseconds at start.
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # cookie names and paths are not markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DetailsPane(QScrollArea):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        self.setWidgetResizable(True)
        self.ops = ops
        self._item: ClassifiedCookie | None = None
        self._policy: Policy | None = None
        self._language = "sv"
        self.naming = Naming()  # the window shares its own: presentation mode hides names
        self.values_hidden = False  # presentation mode on real data: no value on screen
        body = QWidget(self)
        self.title = _bold(_label(body, "detailsTitle"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.category = _label(body, "detailsCategory")
        self.says_heading = _bold(_label(body, "detailsSaysHeading"))
        self.says = _label(body, "detailsSays")
        self.documented = _label(body, "detailsDocumented")
        self.expires = _label(body, "detailsExpires")
        self.notes = _label(body, "detailsNotes")
        self.flags = _label(body, "detailsFlags")
        self.context = _label(body, "detailsContext")
        self.where = _label(body, "detailsWhere")
        self.value_why = _label(body, "valueWhy")
        self.value_button = QPushButton(body)
        self.value_button.setObjectName("showValue")
        self.value_button.clicked.connect(self.show_value)
        self.value_field = QLineEdit(body)
        self.value_field.setObjectName("valueField")
        self.value_field.setReadOnly(True)
        self.value_field.setVisible(False)
        self.value_problem = _label(body, "valueProblem")
        self.value_problem.setVisible(False)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._form_labels: list[QLabel] = []
        for field in (self.category, self.documented, self.expires, self.notes, self.flags,
                      self.context, self.where):
            label = _bold(QLabel(body))
            label.setBuddy(field)
            self._form_labels.append(label)
            self.form.addRow(label, field)
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.says_heading)
        layout.addWidget(self.says)
        layout.addLayout(self.form)
        layout.addWidget(self.value_why)
        layout.addWidget(self.value_button)
        layout.addWidget(self.value_field)
        layout.addWidget(self.value_problem)
        layout.addStretch(1)
        self.setWidget(body)
        self.retranslate()

    # -- feeding
    def set_context(self, policy: Policy | None, language: str) -> None:
        self._policy = policy
        self._language = language
        self.retranslate()

    def show_cookie(self, item: ClassifiedCookie | None) -> None:
        if item != self._item:
            self.hide_value()
        self._item = item
        self._fill()

    def current(self) -> ClassifiedCookie | None:
        return self._item

    def hide_value(self) -> None:
        self.ops.supersede("value")  # a value still being read is not shown either
        self.value_field.clear()
        self.value_field.setVisible(False)
        self.value_problem.clear()
        self.value_problem.setVisible(False)

    @Slot()
    def show_value(self) -> None:
        """Read this one cookie's value now, because the person asked."""
        item = self._item
        if item is None:
            return
        self.hide_value()
        if self.values_hidden:
            return
        Op(read_value, item.cookie).on_done(self._value_read) \
            .on_failed(self._value_failed).start(self.ops, "value")

    @Slot(object)
    def _value_failed(self, error: object) -> None:
        if isinstance(error, OSError):
            self._value_problem(self.tr("The value could not be read: the file could not "
                                        "be opened."))
        else:  # ValueUnavailable says why; anything else is named by its kind
            reason = say(error.words, self._language) if isinstance(error, ValueUnavailable) \
                else type(error).__name__
            self._value_problem(self.tr("The value could not be read: {reason}").format(
                reason=reason))

    @Slot(object)
    def _value_read(self, value: object) -> None:
        if not isinstance(value, str) or self.values_hidden:
            return
        self.value_field.setText(value)
        self.value_field.setCursorPosition(0)
        self.value_field.setVisible(True)

    def _value_problem(self, text: str) -> None:
        self.value_problem.setText(text)
        self.value_problem.setVisible(True)

    # -- texts
    def _fill(self) -> None:
        item = self._item
        lang = self._language
        enabled = item is not None
        for widget in (self.says_heading, self.value_why, self.value_button,
                       *self._form_labels, self.category, self.documented, self.expires,
                       self.notes, self.flags, self.context, self.where):
            widget.setVisible(enabled)
        if item is None:
            self.title.setText(self.tr("Choose a cookie in the table to see what it is for."))
            self.says.setText("")
            return
        cookie, found = item.cookie, item.classification
        policy = self._policy
        self.title.setText(printable(cookie.name))  # shown as escapes, never acted on
        self.category.setText(shown_label(found, lang))
        text = explanation(policy, found, lang) if policy else ""
        if not text:
            self.says_heading.setText(self.tr("What Försäkringskassan says"))
            self.says.setText(self.tr("Försäkringskassan's page does not mention this cookie."))
        elif policy is not None and is_documented(policy, found):
            self.says_heading.setText(self.tr("What Försäkringskassan says"))
            self.says.setText(text)
        else:
            self.says_heading.setText(self.tr("Not on Försäkringskassan's page"))
            self.says.setText(text)
        lifetime = documented_lifetime(policy, found) if policy else None
        self.documented.setText(describe(lifetime, lang) if lifetime else self.tr("not stated"))
        self.expires.setText(expires_text(cookie, datetime.now(UTC)))
        notes = [finding_text(f, lang) for f in found.findings]
        if is_expired(cookie, datetime.now(UTC)):
            notes.insert(0, expired_note())
        self.notes.setText("\n".join(notes) if notes else self.tr("None"))
        yes, no = self.tr("yes"), self.tr("no")
        same_site = {
            SameSite.UNSPECIFIED: self.tr("not set"), SameSite.NONE: "None",
            SameSite.LAX: "Lax", SameSite.STRICT: "Strict",
        }[cookie.same_site]
        self.flags.setText(self.tr("Secure (only over HTTPS): {secure}\n"
                                   "HttpOnly (hidden from the page's scripts): {http}\n"
                                   "SameSite: {same}").format(
            secure=yes if cookie.secure else no, http=yes if cookie.http_only else no,
            same=same_site))
        context = []
        if cookie.partition:
            context.append(self.tr("Partitioned: stored only for visits to {site}").format(
                site=printable(cookie.partition)))
        if cookie.container:
            context.append(self.tr("Firefox container: {name}").format(
                name=printable(cookie.container)))
        self.context.setText("\n".join(context) if context else self.tr("None"))
        self.where.setText(self.tr("{profile}, in {path}").format(
            profile=self.naming.profile_label(cookie.store.profile),
            path=self.naming.path(cookie.store.path)))
        self.value_button.setEnabled(not self.values_hidden)
        self.value_button.setToolTip(
            self.tr("Values are not shown in presentation mode.") if self.values_hidden else "")

    def retranslate(self) -> None:
        titles = (self.tr("Category"), self.tr("Documented lifetime"),
                  self.tr("Real expiry"), self.tr("Notes"), self.tr("Flags"),
                  self.tr("Partition or container"), self.tr("Stored in"))
        for label, title in zip(self._form_labels, titles, strict=True):
            label.setText(title)
        self.value_button.setText(self.tr("Show &value"))
        self.value_button.setAccessibleDescription(
            self.tr("Reads this cookie's value from the browser's file and shows it below"))
        self.value_field.setAccessibleName(self.tr("Cookie value"))
        self.value_why.setText(self.tr(
            "A cookie's value can be a login or an identifier that recognises you. It is "
            "only read when you ask, never saved, and hidden again when you choose another "
            "cookie. Do not share it."))
        self.setAccessibleName(self.tr("Cookie details"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
