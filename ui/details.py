"""The details of one cookie, plain first: the agency's words, whether the clean button
removes it and why, how long it is kept against what the page says; flags, partition and
file under "Technical information".

The value is read only when the person presses "Show value", off the GUI thread
(an Op), and forgotten as soon as the selection changes; a read still running for
another cookie is then ignored. It is never put in a tooltip, a log or the model.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fkinspect.clean.plan import can_write
from fkinspect.errors import ValueUnavailable
from fkinspect.i18n import say
from fkinspect.lifetime import describe
from fkinspect.model import ClassifiedCookie, FindingCode, SameSite, Scan, StoreLocation
from fkinspect.policy import Policy
from fkinspect.presentation import (
    LifetimeFit,
    Naming,
    explanation,
    is_documented,
    is_expired,
    lifetime_fit,
    page_lifetime,
    relative_time,
    removal,
    shown_label,
    tool_lifetime,
)
from fkinspect.textsafe import printable
from fkinspect.values import read_value
from fkinspect.wording import finding_text

from .meanings import MEANINGS
from .ops import Op, Ops
from .texts import date_text, expired_note, relative_text


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


# The classifier's findings about lifetimes: said in the lifetime section, not the notes.
_LIFETIME_FINDINGS = (FindingCode.LONGER_THAN_DOCUMENTED, FindingCode.PERSISTENT_BUT_SESSION,
                      FindingCode.BROWSER_CAP)


class DetailsPane(QScrollArea):
    """Plain first: what the agency says, whether the button removes it and why, how long
    it is kept against what the page says; the technical facts under an expander."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        self.setWidgetResizable(True)
        self.ops = ops
        self._item: ClassifiedCookie | None = None
        self._policy: Policy | None = None
        self._language = "sv"
        self._now: datetime | None = None  # when what is shown was read
        self._name = ""  # the shown cookie's name, whole (the title may elide it)
        self._running: frozenset[StoreLocation] = frozenset()  # their browser was running
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
        self.removal_heading = _bold(_label(body, "detailsRemovalHeading"))
        self.removal = _label(body, "detailsRemoval")
        self.lifetime_heading = _bold(_label(body, "detailsLifetimeHeading"))
        self.expires = _label(body, "detailsExpires")
        self.documented = _label(body, "detailsDocumented")
        self.notes_heading = _bold(_label(body, "detailsNotesHeading"))
        self.notes = _label(body, "detailsNotes")
        self.technical_toggle = QToolButton(body)
        self.technical_toggle.setObjectName("technicalToggle")
        self.technical_toggle.setCheckable(True)
        self.technical_toggle.setAutoRaise(True)
        self.technical_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.technical_toggle.toggled.connect(self._show_technical)
        self.technical = QWidget(body)
        self.technical.setObjectName("technical")
        self.flags = _label(self.technical, "detailsFlags")
        self.context = _label(self.technical, "detailsContext")
        self.where = _label(self.technical, "detailsWhere")
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
        self.form = QFormLayout(self.technical)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._form_labels: list[QLabel] = []
        for field in (self.flags, self.context, self.where):
            label = _bold(QLabel(self.technical))
            label.setBuddy(field)
            self._form_labels.append(label)
            self.form.addRow(label, field)
        layout = QVBoxLayout(body)
        for widget in (self.title, self.category, self.says_heading, self.says,
                       self.removal_heading, self.removal, self.lifetime_heading,
                       self.expires, self.documented, self.notes_heading, self.notes,
                       self.technical_toggle, self.technical, self.value_why,
                       self.value_button, self.value_field, self.value_problem):
            layout.addWidget(widget)
            if widget in (self.says, self.removal, self.documented, self.notes):
                layout.addSpacing(6)  # a little air between the plain sections
        layout.addStretch(1)
        self.setWidget(body)
        self._show_technical(False)
        self.retranslate()

    @Slot(bool)
    def _show_technical(self, shown: bool) -> None:
        self.technical_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                           else Qt.ArrowType.RightArrow)
        self.technical.setVisible(shown and self._item is not None)

    # -- feeding
    def set_context(self, scan: Scan | None, language: str) -> None:
        """What is on screen: its policy, when it was read (which decides what has
        expired) and which stores' browsers were running then."""
        self._policy = scan.policy if scan else None
        self._now = scan.finished if scan else None
        self._running = frozenset(s.location for s in scan.stores if s.running) if scan \
            else frozenset()
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
        enabled = item is not None
        for widget in (self.category, self.says_heading, self.removal_heading, self.removal,
                       self.lifetime_heading, self.expires, self.documented,
                       self.technical_toggle, self.value_why, self.value_button):
            widget.setVisible(enabled)
        self.technical.setVisible(enabled and self.technical_toggle.isChecked())
        if item is None:
            self._name = ""
            self.title.setToolTip("")
            self.title.setText(self.tr("Choose a cookie in the table to see what it is for."))
            self.says.setText("")
            self.notes.setVisible(False)
            self.notes_heading.setVisible(False)
            return
        cookie, found = item.cookie, item.classification
        self._show_name(printable(cookie.name))  # shown as escapes, never acted on
        self.category.setText(shown_label(found, self._language))
        self._fill_says(item)
        now = self._now or datetime.now(UTC)
        verdict = removal(item, now, can_write(cookie.store))
        said = MEANINGS.removal(verdict, item, self._tool(item))
        if verdict.removed and cookie.store in self._running:
            said += " " + self.tr("{browser} was running when the cookies were read: close "
                                  "the browser first, then the button can remove it.").format(
                browser=cookie.store.profile.browser_name)
        self.removal.setText(said)
        self._fill_lifetime(item, now)
        notes = [finding_text(f, self._language) for f in found.findings
                 if f.code not in _LIFETIME_FINDINGS]
        if is_expired(cookie, now):
            notes.insert(0, expired_note())
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.notes_heading.setVisible(bool(notes))
        self._fill_technical(item)
        self.value_button.setEnabled(not self.values_hidden)
        self.value_button.setToolTip(
            self.tr("Values are not shown in presentation mode.") if self.values_hidden else "")

    def _tool(self, item: ClassifiedCookie) -> str:
        found = item.classification
        policy = self._policy
        if policy is None or found.entry_id is None:
            return ""
        known = policy.known_tool(found.entry_id)
        return known.tool if known is not None else ""

    def _show_name(self, name: str) -> None:
        self._name = name
        self.title.setAccessibleName(name)
        self._fit_name()

    def _fit_name(self) -> None:
        """A cookie's name has no space to wrap at: too long for the pane, it is elided in
        the middle (the whole name in its tooltip) rather than widen the pane."""
        body = self.widget()
        layout = body.layout() if body is not None else None
        margins = layout.contentsMargins().left() * 2 if layout is not None else 0
        room = self.viewport().width() - margins
        if room < 100:  # not laid out yet: its resize comes, and fits the name then
            shown = self._name
        else:
            shown = self.title.fontMetrics().elidedText(self._name,
                                                        Qt.TextElideMode.ElideMiddle, room)
        self.title.setText(shown)
        self.title.setToolTip(self._name if shown != self._name else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._name:
            self._fit_name()

    def _fill_says(self, item: ClassifiedCookie) -> None:
        """The agency's words; a known tool's note under a heading that says it is not
        the agency's."""
        policy, found = self._policy, item.classification
        text = explanation(policy, found, self._language) if policy else ""
        if not text:
            self.says_heading.setText(self.tr("What Försäkringskassan says"))
            self.says.setText(self.tr("Försäkringskassan's page does not mention this cookie."))
        elif policy is not None and is_documented(policy, found):
            # The page is Swedish only: another language shows fkinspect's translation.
            self.says_heading.setText(self.tr("What Försäkringskassan says")
                                      if self._language == "sv" else
                                      self.tr("What Försäkringskassan says (translated)"))
            self.says.setText(text)
        else:
            self.says_heading.setText(self.tr("Not on Försäkringskassan's page"))
            self.says.setText(text)

    def _fill_lifetime(self, item: ClassifiedCookie, now: datetime) -> None:
        """The real expiry in words, then what the page says (never a tool's default as
        the page's) and whether they agree."""
        cookie, found, policy = item.cookie, item.classification, self._policy
        if cookie.expires is None:
            self.expires.setText(self.tr("It is kept until the browser closes."))
        else:
            when = {"date": date_text(cookie.expires),
                    "relative": relative_text(relative_time(cookie.expires, now))}
            self.expires.setText(
                self.tr("It expired on {date} ({relative}).").format(**when)
                if is_expired(cookie, now) else
                self.tr("It is kept until {date} ({relative}).").format(**when))
        stated = page_lifetime(policy, found) if policy else None
        tool = tool_lifetime(policy, found) if policy else None
        fit = lifetime_fit(policy, found) if policy else LifetimeFit.NOT_STATED
        if stated is not None and fit is LifetimeFit.AS_STATED:
            lines = [self.tr("Försäkringskassan's page says: {lifetime}.").format(
                lifetime=describe(stated, self._language)), self.tr("That matches.")]
        elif stated is not None:  # the finding says what the page says, and the difference
            lines = [finding_text(f, self._language) for f in found.findings
                     if f.code in _LIFETIME_FINDINGS]
        elif tool is not None:
            lines = [self.tr("Försäkringskassan's page does not say how long it is kept. "
                             "{tool} usually keeps it for {lifetime}.").format(
                tool=tool[0], lifetime=describe(tool[1], self._language))]
        else:
            lines = [self.tr("Försäkringskassan's page does not say how long it is kept.")]
        self.documented.setText(" ".join(lines))

    def _fill_technical(self, item: ClassifiedCookie) -> None:
        cookie = item.cookie
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

    def retranslate(self) -> None:
        titles = (self.tr("Flags"), self.tr("Partition or container"), self.tr("Stored in"))
        for label, title in zip(self._form_labels, titles, strict=True):
            label.setText(title)
        self.removal_heading.setText(self.tr("Does the button remove it?"))
        self.lifetime_heading.setText(self.tr("How long it is kept"))
        self.notes_heading.setText(self.tr("Notes"))
        self.technical_toggle.setText(self.tr("Technical information"))
        self.technical_toggle.setAccessibleName(self.tr("Technical information"))
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
