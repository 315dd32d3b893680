"""Background operations: a plain core function on a worker thread, its outcome on the GUI thread.

    Op(run_scan, request, policy).on_done(self._scan_done).on_failed(self._failed) \\
        .start(self.ops, "scan")

Every slot is connected before the function can run, so even a function that is
done before start() returns is delivered. The worker emits on the Op, a QObject that
lives in the GUI thread, so the Op's own @Slot receives the outcome queued there and
hands it on; no widget is touched off the GUI thread. `Ops` keeps each Op referenced
until its outcome has been handed on, and knows the newest Op of each kind: an Op
started later of the same kind supersedes an earlier one, whose outcome is then
discarded (its `on_discarded` slot may release what the result holds).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Call(QRunnable):
    """The part that runs on the pool's thread: call, then emit the outcome on the Op."""

    def __init__(self, op: Op) -> None:
        super().__init__()
        self._op = op

    def run(self) -> None:
        self._op._run()


class Op(QObject):
    """One call of `function(*args, **kwargs)` off the GUI thread; chain on_*(), then start()."""

    done = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception it raised
    progress = Signal(object)  # what the function reported through its `progress` argument
    discarded = Signal(object)  # the return value of an Op nobody waits for any more
    _finished = Signal(bool, object)  # emitted on the worker thread: ok, value or exception
    _reported = Signal(object)  # emitted on the worker thread: one progress report

    def __init__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._function = function
        self._args = args
        self._kwargs = kwargs
        self._wants_progress = False
        self._ops: Ops | None = None
        self.kind = ""
        self._finished.connect(self._deliver)
        self._reported.connect(self._report)

    def on_done(self, slot: Callable[[Any], object]) -> Op:
        self.done.connect(slot)
        return self

    def on_failed(self, slot: Callable[[Any], object]) -> Op:
        self.failed.connect(slot)
        return self

    def on_progress(self, slot: Callable[[Any], object]) -> Op:
        """`function` is then called with `progress=`, a callable taking one report."""
        self._wants_progress = True
        self.progress.connect(slot)
        return self

    def on_discarded(self, slot: Callable[[Any], object]) -> Op:
        self.discarded.connect(slot)
        return self

    def start(self, ops: Ops, kind: str) -> Op:
        """Run on `ops`' pool; this Op is from now on the newest of `kind`."""
        self._ops = ops
        self.kind = kind
        ops._started(self)
        return self

    @property
    def current(self) -> bool:
        """Not superseded: its outcome will be handed on."""
        return self._ops is not None and self._ops.newest(self.kind) is self

    # -- the worker thread
    def _run(self) -> None:
        try:
            if self._wants_progress:
                self._kwargs["progress"] = self._reported.emit
            value = self._function(*self._args, **self._kwargs)
        except Exception as exc:  # every failure goes back to the GUI thread
            log.warning("%s failed: %s", self.kind or "operation", type(exc).__name__)
            self._finished.emit(False, exc)
        else:
            self._finished.emit(True, value)

    # -- the GUI thread
    @Slot(object)
    def _report(self, report: object) -> None:
        if self.current:
            self.progress.emit(report)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        current = self.current
        if self._ops is not None:
            self._ops._ended(self)
        if not current:
            if ok:
                self.discarded.emit(value)
        elif ok:
            self.done.emit(value)
        else:
            self.failed.emit(value)


class Ops(QObject):
    """A window's background work: its thread pool, its running Ops, the newest of each kind."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._running: list[Op] = []  # strong references until each outcome is handed on
        self._newest: dict[str, Op] = {}

    def newest(self, kind: str) -> Op | None:
        return self._newest.get(kind)

    def busy(self, kind: str | None = None) -> bool:
        """Is an Op of `kind` (any kind when None) still waiting for its outcome?"""
        if kind is None:
            return bool(self._newest)
        return kind in self._newest

    def supersede(self, kind: str | None = None) -> None:
        """Discard the outcome of the running Op of `kind` (of every Op when None)."""
        if kind is None:
            self._newest.clear()
        else:
            self._newest.pop(kind, None)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the pool, then hand on what finished (discarded results are released)."""
        finished = self.pool.waitForDone(msecs)
        for op in list(self._running):
            QCoreApplication.sendPostedEvents(op, QEvent.Type.MetaCall)
        return finished

    def _started(self, op: Op) -> None:
        self._running.append(op)
        self._newest[op.kind] = op
        self.pool.start(_Call(op))

    def _ended(self, op: Op) -> None:
        if self._newest.get(op.kind) is op:
            del self._newest[op.kind]
        if op in self._running:
            self._running.remove(op)
