"""Removing the analytics cookies, as a guarded pipeline: ok to run? → plan → confirm →
clean → say what happened → undo. The plan, the clean and the undo run as Ops.

The confirmation shows the Plan that make_plan returned, and "Remove" runs exactly
that Plan: what is shown is what runs, whatever was read in between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from fkinspect.clean import (
    CleanResult,
    Plan,
    RestoreResult,
    latest_run,
    make_plan,
    restore,
    run_clean,
)

from .clean_dialogs import CleanResultDialog, ConfirmCleanDialog, restore_problems
from .ops import Op, Ops
from .state import WindowState

if TYPE_CHECKING:  # main_window imports this module: a name for the type only
    from .main_window import MainWindow


class CleanFlow(QObject):
    confirming = Signal()  # the confirmation of a plan is open
    finished = Signal()  # a clean ended, whatever came of it
    restored = Signal()  # an undo ended, whatever came of it

    def __init__(self, window: MainWindow, state: WindowState, ops: Ops) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.ops = ops
        self.confirm_dialog: ConfirmCleanDialog | None = None
        self.result_dialog: CleanResultDialog | None = None

    def busy(self) -> bool:
        return self.ops.busy("clean")

    # ------------------------------------------------------------------ plan, confirm
    @Slot()
    def start(self) -> None:
        """Plan the clean of what is on screen (off the GUI thread: it checks which
        browsers run), then ask. Nothing is removed without a yes; nothing expired is
        planned (the browser removes it by itself)."""
        scan = self.state.scan
        if scan is None or not self.state.analytics() or self.busy():
            return
        Op(make_plan, self.state.live()).on_done(self._confirm).on_failed(self._failed) \
            .start(self.ops, "plan")

    @Slot(object)
    def _confirm(self, plan: object) -> None:
        if not isinstance(plan, Plan) or self.busy():
            return
        if self.confirm_dialog is not None:
            self.confirm_dialog.close()
        dialog = ConfirmCleanDialog(plan, self.state.naming, self.state.demo_home is not None,
                                    self.window)
        dialog.accepted.connect(self._confirmed)
        dialog.retry_requested.connect(self._retry)
        dialog.close_demo_browser.connect(self._close_demo_browser)
        self.confirm_dialog = dialog
        dialog.open()
        self.confirming.emit()

    @Slot()
    def _retry(self) -> None:
        """Read again (the browser may be closed now), then ask again about what is left."""
        if self.confirm_dialog is not None:
            self.confirm_dialog.close()
            self.confirm_dialog = None
        if self.result_dialog is not None:
            self.result_dialog.close()
            self.result_dialog = None
        self.window.scan_finished.connect(self.start, Qt.ConnectionType.SingleShotConnection)
        self.window.refresh()

    @Slot()
    def _close_demo_browser(self) -> None:
        if self.state.demo_home is not None:
            self.state.demo_home.close_browser()
        self._retry()

    # ------------------------------------------------------------------ clean
    @Slot()
    def _confirmed(self) -> None:
        """Run the plan that was shown, as it was shown."""
        dialog = self.confirm_dialog
        if dialog is None or self.busy():
            return
        self.window.body.show_busy(self.tr("Removing analytics cookies…"))
        Op(run_clean, dialog.plan, backup_root=self.state.backup_root()) \
            .on_done(self._done).on_failed(self._failed).start(self.ops, "clean")
        self.window.update_state()

    @Slot(object)
    def _done(self, result: object) -> None:
        if not isinstance(result, CleanResult):
            return
        self.window.body.stop_busy()
        self.state.last_journal = result.journal_id
        policy = self.state.policy
        dialog = CleanResultDialog(result, self.state.naming,
                                   policy.agency_domain if policy else "forsakringskassan.se",
                                   self.window, demo=self.state.demo_home is not None)
        dialog.undo_requested.connect(self.undo)
        dialog.retry_requested.connect(self._retry)
        self.result_dialog = dialog
        dialog.open()
        self.finished.emit()
        self.window.refresh()

    @Slot(object)
    def _failed(self, error: object) -> None:
        """An error outside any one store (e.g. the backup folder): nothing was removed."""
        self.window.body.stop_busy()
        self.window.update_state()
        self.window.warn(self.tr("Remove analytics cookies"),
                         self.tr("Nothing was removed: {reason}").format(reason=_reason(error)),
                         "cleanError")
        self.finished.emit()
        self.window.refresh()

    # ------------------------------------------------------------------ undo
    @Slot()
    def update_undo_action(self) -> None:
        """Undo is offered while the newest clean still has something to put back."""
        try:
            self.state.last_journal = latest_run(self.state.backup_root())
        except OSError:
            self.state.last_journal = None
        self.window.undo_action.setEnabled(self.state.last_journal is not None)

    @Slot()
    def undo_latest(self) -> None:
        """File → Undo the last removal: also after the result dialog was closed, or later."""
        self.update_undo_action()
        if self.state.last_journal is None:
            self.window.statusBar().showMessage(self.tr("There is no removal to undo."))
            return
        self.undo()

    @Slot()
    def undo(self) -> None:
        journal = self.state.last_journal
        if journal is None or self.ops.busy("restore"):
            return
        if self.result_dialog is not None:
            self.result_dialog.undo_button.setEnabled(False)
        Op(restore, journal, backup_root=self.state.backup_root()).on_done(self._restored) \
            .on_failed(self._restore_failed).start(self.ops, "restore")

    @Slot(object)
    def _restored(self, result: object) -> None:
        if not isinstance(result, RestoreResult):
            return
        problems = restore_problems(result, self.state.naming)
        if problems:
            # Some stores stayed as they were: undo may be tried again (e.g. after closing
            # the browser); what went back stays back.
            if self.result_dialog is not None:
                self.result_dialog.undo_button.setEnabled(True)
            self.window.warn(self.tr("Undo"), "\n\n".join([
                self.tr("%n cookie(s) were put back.", "", result.restored), *problems]),
                "restoreError")
        else:
            self.state.last_journal = None
            if self.result_dialog is not None:
                self.result_dialog.close()
            self.window.statusBar().showMessage(
                self.tr("%n cookie(s) were put back.", "", result.restored))
        self.restored.emit()
        self.window.refresh()

    @Slot(object)
    def _restore_failed(self, error: object) -> None:
        self.window.warn(self.tr("Undo"), self.tr("The cookies could not be put back: {reason}")
                         .format(reason=_reason(error)), "restoreError")
        self.restored.emit()


def _reason(error: object) -> str:
    text = str(error) if isinstance(error, Exception) else ""
    return text or type(error).__name__
