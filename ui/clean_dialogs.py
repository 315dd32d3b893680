"""Confirm before removing, and say afterwards what was removed, where the backup is, undo.

Dialogs are opened with open() (window-modal, not a nested event loop), so the
window stays responsive and tests drive them like any widget.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fkinspect.clean import (
    CleanResult,
    Plan,
    Refusal,
    RestoreResult,
    RestoreStatus,
    Status,
    StoreOutcome,
    StorePlan,
)
from fkinspect.model import Profile
from fkinspect.presentation import CATEGORY_ORDER, Copies, Naming, each_once, shown_category
from fkinspect.textsafe import printable
from fkinspect.wording import category_label

from .icons import category_icon, icon


def _plain(parent: QWidget, text: str = "", name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def _tree(parent: QWidget, name: str) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setObjectName(name)
    tree.setHeaderHidden(True)
    tree.setRootIsDecorated(True)
    return tree


class Notice(QFrame):
    """An icon beside a bold line and a paragraph: what needs the person's attention."""

    def __init__(self, parent: QWidget, name: str, picture: str = "running") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel(self)
        self.icon.setObjectName("noticeIcon")
        self.icon.setPixmap(icon(picture).pixmap(32, 32))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = _plain(self, "", "noticeTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = _plain(self, "", "noticeText")
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.text)
        row = QHBoxLayout(self)
        row.addWidget(self.icon)
        row.addLayout(words, 1)
        self.setVisible(False)

    def say(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.setAccessibleName(title)
        self.setVisible(True)


def _running_names(profiles: Sequence[Profile], naming: Naming) -> str:
    return ", ".join(naming.profile_label(p) for p in profiles)


class ConfirmCleanDialog(QDialog):
    """Shows the plan that "Remove" runs: what goes, grouped by browser and profile, what
    is not removed and why, and what stays. Cookies are counted once each, however many
    of a profile's files hold them; the plan removes them from every one.

    When a browser that holds some of them is running, it says so at the top, with an
    icon: the others can be removed now, the rest after closing it and "Try again".
    """

    retry_requested = Signal()
    close_demo_browser = Signal()

    def __init__(self, plan: Plan, naming: Naming, demo: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmClean")
        self.setWindowTitle(self.tr("Remove analytics cookies"))
        self.plan = plan
        self.goes = tuple(item for store in plan.stores if store.writable
                          for item in store.remove)
        self.goes_once = each_once(self.goes)
        self.refused = plan.refused
        self.held_once = each_once(item for store in self.refused for item in store.remove)
        self.stays = tuple(item for store in plan.stores for item in store.keep)
        self.running = tuple(dict.fromkeys(
            store.profile for store in self.refused if store.refusal is Refusal.RUNNING))
        layout = QVBoxLayout(self)
        layout.addWidget(self._running_panel(naming))
        layout.addWidget(_plain(self, self._goes_heading(), "goesHeading"))
        self.goes_tree = _tree(self, "goesTree")
        self.goes_tree.setAccessibleName(self.tr("Cookies that will be removed"))
        self._add_profiles(self.goes_tree, self.goes_once, naming)
        layout.addWidget(self.goes_tree, 3)
        self._add_refused(layout, naming)
        self._add_stays(layout, naming)
        layout.addWidget(self._buttons(demo))
        self.resize(600, 640 if self.refused else 540)

    def _goes_heading(self) -> str:
        n = len(self.goes_once)
        if not n:
            return self.tr("Nothing can be removed now.")
        if self.running:
            return self.tr("These %n cookie(s) will be removed now. A backup is made first, "
                           "so you can undo.", "", n)
        return self.tr("These %n cookie(s) will be removed. A backup is made first, so you "
                       "can undo.", "", n)

    def _running_panel(self, naming: Naming) -> Notice:
        """Which running browser holds the rest, and how to finish later."""
        self.running_panel = Notice(self, "runningPanel")
        self.running_icon = self.running_panel.icon
        self.running_title = self.running_panel.title
        self.running_text = self.running_panel.text
        if not self.running:
            return self.running_panel
        held = sum(1 for c in self.held_once if c.item.cookie.store.profile in self.running)
        lines = [self.tr("%n of the cookies cannot be removed while the browser is running, "
                         "because it writes them back when it closes.", "", held)]
        if self.goes_once:
            lines.append(self.tr("You can remove the other %n now. To remove the rest later, "
                                 "close the browser and press “Try again”.", "",
                                 len(self.goes_once)))
        else:
            lines.append(self.tr("Close the browser, then press “Try again”."))
        self.running_panel.say(self.tr("{browsers} is running", "", len(self.running)).format(
            browsers=_running_names(self.running, naming)), " ".join(lines))
        return self.running_panel

    def _add_profiles(self, tree: QTreeWidget, cookies: Sequence[Copies],
                      naming: Naming) -> None:
        """Per profile, each cookie once; one held in several files lists them below it."""
        groups: dict[Profile, list[Copies]] = {}
        for copies in cookies:
            groups.setdefault(copies.item.cookie.store.profile, []).append(copies)
        for profile, items in groups.items():
            top = QTreeWidgetItem(tree, [self.tr("{profile}: %n cookie(s)", "", len(items))
                                         .format(profile=naming.profile_label(profile))])
            for copies in items:
                cookie = copies.item.cookie
                where = f"{cookie.domain} · {cookie.container}" if cookie.container \
                    else cookie.domain
                text = printable(f"{cookie.name}  ({where})")
                if len(copies.paths) > 1:
                    text += " · " + self.tr("in %n file(s)", "", len(copies.paths))
                child = QTreeWidgetItem(top, [text])
                child.setIcon(0, category_icon(shown_category(copies.item.classification)))
                if len(copies.paths) > 1:
                    for path in copies.paths:
                        QTreeWidgetItem(child, [naming.path(path)])
            top.setExpanded(True)

    def _add_refused(self, layout: QVBoxLayout, naming: Naming) -> None:
        """What the plan leaves alone although it is asked for, store by store, and why."""
        self.refused_tree = _tree(self, "refusedTree")
        self.refused_tree.setAccessibleName(self.tr("Cookies that are not removed"))
        self._add_profiles(self.refused_tree, self.held_once, naming)
        reasons = list(dict.fromkeys(text for store in self.refused
                                     if (text := self._why(store, naming))))
        self.refused_reasons = _plain(self, "\n".join(reasons), "refusedReasons")
        n = len(self.held_once)
        heading = _plain(self, self.tr("These %n cookie(s) are not removed now:", "", n)
                         if self.running else
                         self.tr("These %n cookie(s) are not removed:", "", n), "refusedHeading")
        for widget in (heading, self.refused_tree, self.refused_reasons):
            widget.setVisible(bool(n))
        self.refused_reasons.setVisible(bool(reasons))
        layout.addWidget(heading)
        layout.addWidget(self.refused_tree, 1)
        layout.addWidget(self.refused_reasons)

    def _why(self, store: StorePlan, naming: Naming) -> str:
        """Why a store's cookies are not removed (a running browser: see runningPanel)."""
        names = {"browser": store.profile.browser_name,
                 "profile": naming.profile_name(store.profile)}
        if store.refusal is Refusal.NOT_WRITABLE:
            return self.tr("{browser} ({profile}): fkinspect can only read this browser's "
                           "cookie file. Remove them in the browser's own settings."
                           ).format(**names)
        if store.refusal is Refusal.NO_ROW_IDS:
            return self.tr("{browser} ({profile}): the rows cannot be pointed out exactly "
                           "in the cookie file, so they are left alone.").format(**names)
        if store.refusal is Refusal.OUTSIDE_PROFILE:
            return self.tr("{browser} ({profile}): the cookie file is a link or lies outside "
                           "the browser's profile folder, so it is left alone.").format(**names)
        return ""

    def _add_stays(self, layout: QVBoxLayout, naming: Naming) -> None:
        stays = each_once(self.stays)
        layout.addWidget(_plain(self, self.tr("These stay (%n cookie(s)):", "", len(stays)),
                                "staysHeading"))
        self.stays_tree = _tree(self, "staysTree")
        self.stays_tree.setAccessibleName(self.tr("Cookies that stay"))
        for category in CATEGORY_ORDER:
            kept = [c.item for c in stays if shown_category(c.item.classification) is category]
            if not kept:
                continue
            label = category_label(category, naming.language)
            top = QTreeWidgetItem(self.stays_tree, [f"{label}: {len(kept)}"])
            top.setIcon(0, category_icon(category))
            for item in kept:
                text = (f"{item.cookie.name}  ({item.cookie.domain}, "
                        f"{naming.profile_label(item.cookie.store.profile)})")
                QTreeWidgetItem(top, [printable(text)])
        layout.addWidget(self.stays_tree, 2)

    def _buttons(self, demo: bool) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(self)
        n = len(self.goes_once)
        self.remove_button = QPushButton(self.tr("&Remove %n cookie(s) now", "", n)
                                         if self.running else
                                         self.tr("&Remove %n cookie(s)", "", n), self)
        self.remove_button.setObjectName("confirmRemove")
        self.remove_button.setIcon(icon("analytics"))
        self.retry_button = QPushButton(self.tr("&Try again"), self)
        self.retry_button.setObjectName("retry")
        self.demo_close_button = QPushButton(self.tr("Close the demo &browser"), self)
        self.demo_close_button.setObjectName("demoCloseBrowser")
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.demo_close_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.remove_button.setVisible(bool(self.goes))
        self.retry_button.setVisible(bool(self.running))
        self.demo_close_button.setVisible(bool(self.running) and demo)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retry_button.clicked.connect(self.retry_requested)
        self.demo_close_button.clicked.connect(self.close_demo_browser)
        return self.buttons

    def goes_names(self) -> list[str]:
        """The names of what goes, each cookie once, as listed."""
        return [c.item.cookie.name for c in self.goes_once]


class CleanResultDialog(QDialog):
    """What was removed, what was left and why, where the backup is, how to keep them away, undo.

    Built from the cleaner's own result, in the UI's language: each cookie counted once,
    per profile. Enter closes it; undo takes a click on "Undo" (or Ctrl+Z), never Enter.
    """

    undo_requested = Signal()
    retry_requested = Signal()  # a browser kept its cookies: try again (after closing it)

    def __init__(self, result: CleanResult, naming: Naming, agency_domain: str,
                 parent: QWidget | None = None, demo: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("cleanResult")
        self.backup = result.backup
        removed = [s for s in result.stores if s.removed]
        total = len(each_once(item for s in removed for item in s.removed))
        title = self.tr("Analytics cookies removed") if total else self.tr("Nothing was removed")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.setContentsMargins(18, 18, 18, 12)
        layout.addLayout(self._heading(title, total))
        if removed:
            layout.addWidget(_plain(self, self._removed_lines(removed, naming), "removedList"))
        self.running_notice = Notice(self, "runningNotice")
        running = tuple(dict.fromkeys(s.location.profile for s in result.refused_running))
        if running:
            self.running_notice.say(
                self.tr("{browsers} is running", "", len(running)).format(
                    browsers=_running_names(running, naming)),
                self.tr("Its cookies were left untouched, because the browser writes them "
                        "back when it closes. Close the browser, then press “Try again”.",
                        "", len(running)))
        layout.addWidget(self.running_notice)
        problems = list(dict.fromkeys(text for s in result.stores
                                      if (text := self._problem(s, naming))))
        self.problems = _plain(self, "\n\n".join(problems), "cleanProblems")
        self.problems.setVisible(bool(problems))
        layout.addWidget(self.problems)
        layout.addLayout(self._backup_row(naming, demo))
        layout.addWidget(_plain(self, self.tr(
            "To keep them away: on {site}, open the cookie settings and choose “No, I only "
            "accept necessary cookies”. If analytics cookies were accepted there, the site "
            "sets them again on your next visit.").format(site=agency_domain), "keepAway"))
        layout.addStretch(1)
        layout.addWidget(self._buttons(result))
        self.resize(580, self.sizeHint().height())

    def _heading(self, title: str, total: int) -> QHBoxLayout:
        """An icon beside the title in large type and the count under it."""
        self.heading_icon = QLabel(self)
        self.heading_icon.setObjectName("resultIcon")
        self.heading_icon.setPixmap(icon("ok" if total else "error").pixmap(40, 40))
        self.heading_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = _plain(self, title, "resultHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setAccessibleName(title)
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(self.heading)
        words.addWidget(_plain(self, self.tr("%n cookie(s) were removed.", "", total),
                               "removedHeading"))
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.heading_icon)
        row.addLayout(words, 1)
        return row

    def _backup_row(self, naming: Naming, demo: bool) -> QHBoxLayout:
        """Where the backup is, and a button that opens that folder. The demo's lies in
        its own temporary home: named as such, never as a "~" path that reads as yours."""
        row = QHBoxLayout()
        self.open_backup = QPushButton(self.tr("&Open backup folder"), self)
        self.open_backup.setObjectName("openBackup")
        self.open_backup.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_DirOpenIcon))
        self.open_backup.setAutoDefault(False)
        self.open_backup.clicked.connect(self.open_backup_folder)
        if self.backup is None:
            self.open_backup.setVisible(False)
            return row
        if demo:
            text = self.tr("A backup is kept in the demo's temporary folder. It is deleted "
                           "with the demo, like the demo's cookies.")
        else:
            text = self.tr("A backup is kept in {path}.").format(path=naming.path(self.backup))
        row.addWidget(_plain(self, text, "backupPath"), 1)
        row.addWidget(self.open_backup, 0, Qt.AlignmentFlag.AlignTop)
        return row

    @Slot()
    def open_backup_folder(self) -> None:
        """The folder the backup is in, in the desktop's file manager."""
        if self.backup is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.backup)))

    def _removed_lines(self, removed: Sequence[StoreOutcome], naming: Naming) -> str:
        """One line per profile: its cookies once each, and from how many files."""
        groups: dict[Profile, list[StoreOutcome]] = {}
        for outcome in removed:
            groups.setdefault(outcome.location.profile, []).append(outcome)
        lines = []
        for profile, outcomes in groups.items():
            n = len(each_once(item for o in outcomes for item in o.removed))
            line = self.tr("{profile}: %n cookie(s)", "", n).format(
                profile=naming.profile_label(profile))
            files = len({o.location.path for o in outcomes})
            if files > 1:
                line += " " + self.tr("(from %n file(s))", "", files)
            lines.append(line)
        return "\n".join(lines)

    def _buttons(self, result: CleanResult) -> QDialogButtonBox:
        """Close is the default: Enter must never put back what was just removed."""
        self.buttons = QDialogButtonBox(self)
        self.undo_button = QPushButton(self.tr("&Undo"), self)
        self.undo_button.setObjectName("undo")
        self.undo_button.setAutoDefault(False)
        self.undo_button.setEnabled(result.journal_id is not None)
        self.retry_button = QPushButton(self.tr("&Try again"), self)
        self.retry_button.setObjectName("retry")
        self.retry_button.setAutoDefault(False)
        self.retry_button.setToolTip(self.tr("Close the browser first"))
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.retry_button.setVisible(bool(result.refused_running))  # after addButton shows it
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.buttons.rejected.connect(self.reject)
        self.undo_button.clicked.connect(self.undo_requested)
        self.retry_button.clicked.connect(self.retry_requested)
        undo_keys = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo_keys.activated.connect(self.undo_button.click)  # a disabled button ignores it
        return self.buttons

    def _problem(self, outcome: StoreOutcome, naming: Naming) -> str:
        """Why a store kept cookies it was asked to remove; empty when it did not, or when
        its browser runs (the running notice says so)."""
        profile = outcome.location.profile
        names = {"browser": profile.browser_name, "profile": naming.profile_name(profile)}
        if outcome.status is Status.REFUSED:
            # Safari's file, or rows that cannot be pointed out exactly: only read here.
            return self.tr("{browser} ({profile}): %n of them could not be removed here, "
                           "because fkinspect can only read this browser's cookie file. "
                           "Remove them in the browser's own settings.",
                           "", outcome.planned).format(**names)
        if outcome.status is Status.FAILED:
            return self.tr("{browser} ({profile}): the cookie file could not be changed, "
                           "so nothing changed there. Try again when the browser is closed."
                           ).format(**names)
        if outcome.status is Status.UNVERIFIED:
            return self.tr("{browser} ({profile}): the cookies were removed, but the check "
                           "afterwards did not match. Undo puts them back from the backup."
                           ).format(**names)
        return ""


def restore_problems(result: RestoreResult, naming: Naming) -> list[str]:
    """Why stores were not put back, one sentence each (empty when all went back)."""
    lines = []
    for outcome in result.stores:
        profile = outcome.journal.profile
        names = {"browser": profile.browser_name, "profile": naming.profile_name(profile)}
        if outcome.status is RestoreStatus.REFUSED_RUNNING:
            text = QCoreApplication.translate(
                "CleanResultDialog", "Close {browser} ({profile}) and press Undo again.")
        elif outcome.status is RestoreStatus.REFUSED_NEWER:
            text = QCoreApplication.translate(
                "CleanResultDialog", "{browser} ({profile}) has received some of these "
                "cookies again since; the newer ones were kept.")
        elif outcome.status is RestoreStatus.FAILED:
            text = QCoreApplication.translate(
                "CleanResultDialog", "{browser} ({profile}): the cookie file could not be "
                "written; nothing changed there.")
        else:
            continue
        lines.append(text.format(**names))
    return lines
