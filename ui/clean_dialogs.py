"""Confirm before removing, and say afterwards what was removed, where the backup is, undo.

Dialogs are opened with open() (window-modal, not a nested event loop), so the
window stays responsive and tests drive them like any widget.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
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
from fkinspect.model import ClassifiedCookie, Profile
from fkinspect.presentation import CATEGORY_ORDER, Naming, group_by_profile
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


class ConfirmCleanDialog(QDialog):
    """Shows the plan that "Remove" runs: what goes, grouped by browser and profile, what
    is not removed and why, and what stays.

    When a browser that holds any of them is running it says which one to close
    and offers "Try again" instead of removing.
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
        self.refused = plan.refused
        self.stays = tuple(item for store in plan.stores for item in store.keep)
        self.running = tuple(dict.fromkeys(
            store.profile for store in self.refused if store.refusal is Refusal.RUNNING))
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(self, self.tr(
            "These %n cookie(s) will be removed. A backup is made first, so you can undo.",
            "", len(self.goes)) if self.goes else self.tr("Nothing can be removed now."),
            "goesHeading"))
        self.goes_tree = _tree(self, "goesTree")
        self.goes_tree.setAccessibleName(self.tr("Cookies that will be removed"))
        self._add_profiles(self.goes_tree, group_by_profile(self.goes), naming)
        layout.addWidget(self.goes_tree, 3)
        self._add_refused(layout, naming)
        layout.addWidget(_plain(self, self.tr("These stay (%n cookie(s)):", "",
                                              len(self.stays)), "staysHeading"))
        self.stays_tree = _tree(self, "staysTree")
        self.stays_tree.setAccessibleName(self.tr("Cookies that stay"))
        for category in CATEGORY_ORDER:
            kept = [i for i in self.stays if i.classification.category is category]
            if not kept:
                continue
            top = QTreeWidgetItem(self.stays_tree, [f"{category_label(category, naming.language)}: "
                                                    f"{len(kept)}"])
            top.setIcon(0, category_icon(category))
            for item in kept:
                text = (f"{item.cookie.name}  ({item.cookie.domain}, "
                        f"{naming.profile_label(item.cookie.store.profile)})")
                QTreeWidgetItem(top, [printable(text)])
        layout.addWidget(self.stays_tree, 2)
        self.running_label = _plain(self, "", "runningMessage")
        self.running_label.setVisible(bool(self.running))
        if self.running:
            names = ", ".join(naming.profile_label(p) for p in self.running)
            self.running_label.setText(self.tr(
                "Close {browsers} first, then press “Try again”. The cookies cannot be "
                "removed while the browser is running, because it writes them back when "
                "it closes.").format(browsers=names))
        layout.addWidget(self.running_label)
        layout.addWidget(self._buttons(demo))
        self.resize(560, 560 if self.refused else 520)

    def _add_profiles(self, tree: QTreeWidget,
                      groups: Sequence[tuple[Profile, Sequence[ClassifiedCookie]]],
                      naming: Naming) -> None:
        for profile, items in groups:
            top = QTreeWidgetItem(tree, [self.tr("{profile}: %n cookie(s)", "", len(items))
                                         .format(profile=naming.profile_label(profile))])
            for item in items:
                text = f"{item.cookie.name}  ({item.cookie.domain})"
                child = QTreeWidgetItem(top, [printable(text)])
                child.setIcon(0, category_icon(item.classification.category))
            top.setExpanded(True)

    def _add_refused(self, layout: QVBoxLayout, naming: Naming) -> None:
        """What the plan leaves alone although it is asked for, store by store, and why."""
        refused = [item for store in self.refused for item in store.remove]
        self.refused_tree = _tree(self, "refusedTree")
        self.refused_tree.setAccessibleName(self.tr("Cookies that are not removed"))
        self._add_profiles(self.refused_tree, group_by_profile(refused), naming)
        reasons = [text for store in self.refused if (text := self._why(store, naming))]
        self.refused_reasons = _plain(self, "\n".join(reasons), "refusedReasons")
        heading = _plain(self, self.tr("These %n cookie(s) are not removed:", "",
                                       len(refused)), "refusedHeading")
        for widget in (heading, self.refused_tree, self.refused_reasons):
            widget.setVisible(bool(refused))
        self.refused_reasons.setVisible(bool(reasons))
        layout.addWidget(heading)
        layout.addWidget(self.refused_tree, 1)
        layout.addWidget(self.refused_reasons)

    def _why(self, store: StorePlan, naming: Naming) -> str:
        """Why a store's cookies are not removed (a running browser: see runningMessage)."""
        names = {"browser": store.profile.browser_name,
                 "profile": naming.profile_name(store.profile)}
        if store.refusal is Refusal.NOT_WRITABLE:
            return self.tr("{browser} ({profile}): fkinspect can only read this browser's "
                           "cookie file. Remove them in the browser's own settings."
                           ).format(**names)
        if store.refusal is Refusal.NO_ROW_IDS:
            return self.tr("{browser} ({profile}): the rows cannot be pointed out exactly "
                           "in the cookie file, so they are left alone.").format(**names)
        return ""

    def _buttons(self, demo: bool) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(self)
        self.remove_button = QPushButton(
            self.tr("&Remove %n cookie(s)", "", len(self.goes)), self)
        self.remove_button.setObjectName("confirmRemove")
        self.remove_button.setIcon(icon("analytics"))
        self.retry_button = QPushButton(self.tr("&Try again"), self)
        self.retry_button.setObjectName("retry")
        self.demo_close_button = QPushButton(self.tr("Close the demo &browser"), self)
        self.demo_close_button.setObjectName("demoCloseBrowser")
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.demo_close_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.remove_button.setVisible(bool(self.goes) and not self.running)
        self.retry_button.setVisible(bool(self.running))
        self.demo_close_button.setVisible(bool(self.running) and demo)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retry_button.clicked.connect(self.retry_requested)
        self.demo_close_button.clicked.connect(self.close_demo_browser)
        return self.buttons

    def goes_names(self) -> list[str]:
        return [i.cookie.name for i in self.goes]


class CleanResultDialog(QDialog):
    """What was removed, what was left and why, where the backup is, how to keep them away, undo.

    Built from the cleaner's own result: one line per store, in the UI's language.
    """

    undo_requested = Signal()

    def __init__(self, result: CleanResult, naming: Naming, agency_domain: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cleanResult")
        total = result.removed
        self.setWindowTitle(self.tr("Analytics cookies removed") if total
                            else self.tr("Nothing was removed"))
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(self, self.tr("%n cookie(s) were removed.", "", total),
                                "removedHeading"))
        removed = [s for s in result.stores if s.removed]
        if removed:
            lines = "\n".join(self.tr("{profile}: %n cookie(s)", "", len(s.removed)).format(
                profile=naming.profile_label(s.location.profile)) for s in removed)
            layout.addWidget(_plain(self, lines, "removedList"))
        problems = [text for s in result.stores if (text := self._problem(s, naming))]
        self.problems = _plain(self, "\n\n".join(problems), "cleanProblems")
        self.problems.setVisible(bool(problems))
        layout.addWidget(self.problems)
        if result.backup is not None:
            layout.addWidget(_plain(self, self.tr("A backup is kept in {path}.").format(
                path=naming.path(result.backup)), "backupPath"))
        layout.addWidget(_plain(self, self.tr(
            "To keep them away: on {site}, open the cookie settings and choose “No, I only "
            "accept necessary cookies”. If analytics cookies were accepted there, the site "
            "sets them again on your next visit.").format(site=agency_domain), "keepAway"))
        self.buttons = QDialogButtonBox(self)
        self.undo_button = QPushButton(self.tr("&Undo"), self)
        self.undo_button.setObjectName("undo")
        self.undo_button.setEnabled(result.journal_id is not None)
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.undo_button.clicked.connect(self.undo_requested)
        layout.addWidget(self.buttons)
        self.resize(560, 340)

    def _problem(self, outcome: StoreOutcome, naming: Naming) -> str:
        """Why a store kept cookies it was asked to remove; empty when it did not."""
        profile = outcome.location.profile
        names = {"browser": profile.browser_name, "profile": naming.profile_name(profile)}
        if outcome.status is Status.REFUSED_RUNNING:
            return self.tr("{browser} ({profile}) is running, so its cookies were left "
                           "untouched. Close it and remove again.").format(**names)
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
