"""Scan and clean off the GUI thread: a plain core call in a QRunnable, results by signals.

The signals object lives in the GUI thread, so its signals reach the window's
@Slot methods queued; no widget is ever touched from a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from fkinspect.model import StoreLocation

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    progress = Signal(int, str)  # ticket, what is being read now
    done = Signal(int, object)  # ticket, the function's return value
    failed = Signal(int, object)  # ticket, the exception


class Task(QRunnable):
    """Runs `function(*args, progress=...)` (progress only when `wants_progress`)."""

    def __init__(self, ticket: int, function: Callable[..., Any], *args: Any,
                 wants_progress: bool = False,
                 describe: Callable[[StoreLocation], str] | None = None) -> None:
        super().__init__()
        self.ticket = ticket
        self.signals = TaskSignals()
        self._function = function
        self._args = args
        self._wants_progress = wants_progress
        self._describe = describe or (lambda location: location.path.name)

    def _progress(self, location: StoreLocation) -> None:
        self.signals.progress.emit(self.ticket, self._describe(location))

    def run(self) -> None:
        try:
            if self._wants_progress:
                result = self._function(*self._args, progress=self._progress)
            else:
                result = self._function(*self._args)
        except Exception as exc:  # every failure goes back to the window as words
            log.warning("background task failed: %s", type(exc).__name__)
            self.signals.failed.emit(self.ticket, exc)
        else:
            self.signals.done.emit(self.ticket, result)


def scan(request: Any, progress: Callable[[StoreLocation], None]) -> Any:
    """The scan the window runs: policy then stores (imported here to start fast)."""
    from fkinspect.policy import load_policy
    from fkinspect.scan import run_scan

    return run_scan(request, load_policy(), progress=progress)


class Runner(QObject):
    """Starts tasks on its own pool and keeps their signal objects alive until done.

    The pool owns (and deletes) each runnable after run(); the signals object stays
    referenced here until its last signal has been delivered in the GUI thread.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._signals: dict[int, TaskSignals] = {}
        self._next = 0

    def start(self, function: Callable[..., Any], *args: Any, wants_progress: bool = False,
              describe: Callable[[StoreLocation], str] | None = None) -> Task:
        self._next += 1
        task = Task(self._next, function, *args, wants_progress=wants_progress,
                    describe=describe)
        self._signals[task.ticket] = task.signals
        task.signals.done.connect(self._forget)
        task.signals.failed.connect(self._forget)
        self.pool.start(task)
        return task

    @Slot(int, object)
    def _forget(self, ticket: int, _result: object) -> None:
        self._signals.pop(ticket, None)

    def busy(self) -> bool:
        return bool(self._signals)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
