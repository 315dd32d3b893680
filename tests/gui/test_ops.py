"""Op: a plain function on a worker thread, its outcome on the GUI thread, the newest one wins."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Slot
from pytestqt.qtbot import QtBot

from ui.ops import Op, Ops


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.done: list[object] = []
        self.failed: list[object] = []
        self.progress: list[object] = []
        self.discarded: list[object] = []
        self.threads: set[QThread] = set()

    @Slot(object)
    def on_done(self, value: object) -> None:
        self.threads.add(QThread.currentThread())
        self.done.append(value)

    @Slot(object)
    def on_failed(self, error: object) -> None:
        self.threads.add(QThread.currentThread())
        self.failed.append(error)

    @Slot(object)
    def on_progress(self, report: object) -> None:
        self.threads.add(QThread.currentThread())
        self.progress.append(report)

    @Slot(object)
    def on_discarded(self, value: object) -> None:
        self.discarded.append(value)


def _op(function: Callable[..., object], *args: object, receiver: _Receiver) -> Op:
    return (Op(function, *args).on_done(receiver.on_done).on_failed(receiver.on_failed)
            .on_discarded(receiver.on_discarded))


def _worker_thread_name(*_args: object) -> str:
    return threading.current_thread().name


def test_the_result_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    ops, got = Ops(), _Receiver()
    _op(_worker_thread_name, receiver=got).start(ops, "name")
    gc.collect()  # nobody here holds the Op: Ops keeps it until it is done
    qtbot.waitUntil(lambda: bool(got.done))
    assert got.done != [threading.current_thread().name]  # it ran elsewhere
    assert got.threads == {QThread.currentThread()} and not ops.busy()


def _fails() -> None:
    raise ValueError("no such store")


def test_a_failure_comes_back_as_the_exception(qtbot: QtBot) -> None:
    ops, got = Ops(), _Receiver()
    _op(_fails, receiver=got).start(ops, "x")
    qtbot.waitUntil(lambda: bool(got.failed))
    assert isinstance(got.failed[0], ValueError) and got.done == []


def _reports(count: int, progress: Callable[[object], None]) -> int:
    for i in range(count):
        progress(i)
    return count


def test_progress_reports_arrive_in_order_before_the_result(qtbot: QtBot) -> None:
    ops, got = Ops(), _Receiver()
    _op(_reports, 5, receiver=got).on_progress(got.on_progress).start(ops, "scan")
    qtbot.waitUntil(lambda: bool(got.done))
    assert got.progress == [0, 1, 2, 3, 4] and got.done == [5]
    assert got.threads == {QThread.currentThread()}


def test_a_later_op_of_the_same_kind_makes_the_earlier_result_harmless(qtbot: QtBot) -> None:
    ops, got = Ops(threads=1), _Receiver()
    gate = threading.Event()
    _op(gate.wait, 10, receiver=got).start(ops, "scan")  # returns True once the gate opens
    _op(str, "newer", receiver=got).start(ops, "scan")
    other = _Receiver()
    _op(str, "another kind", receiver=other).start(ops, "value")
    gate.set()
    qtbot.waitUntil(lambda: bool(got.done) and bool(got.discarded) and bool(other.done))
    assert got.done == ["newer"] and got.discarded == [True]
    assert other.done == ["another kind"]


def test_superseded_without_a_successor_and_waited_for_on_close(qtbot: QtBot) -> None:
    ops, got = Ops(), _Receiver()
    gate = threading.Event()
    _op(gate.wait, 10, receiver=got).start(ops, "scan")
    assert ops.busy("scan")
    ops.supersede("scan")
    assert not ops.busy("scan")
    gate.set()
    assert ops.wait()  # as on closing: the pool ends, what it returned is handed on
    assert got.discarded == [True] and got.done == []
