"""The installed PySide6 leaves Python's reference counts alone.

PySide6 6.12 on Python < 3.12 releases a reference to None each time Qt calls a Python
method that returns None (a model's data() for an unused role), and one to True per
signal emitted, until the interpreter aborts ("none_dealloc: deallocating None") after
minutes of scrolling. pyproject.toml keeps 6.12 away from those Pythons (PYSIDE-3474);
this says at once, and why, when an environment has it anyway.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Signal

CALLS = 200  # the defect loses one reference per call: far above any noise


class _Model(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> None:
        return None


class _Emitter(QObject):
    fired = Signal()


def test_qt_calling_python_and_emitting_keep_none_and_true(qapp) -> None:
    model = _Model()  # kept: the index points into it
    index = model.index(0, 0)
    emitter = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        index.data()  # Qt calls _Model.data, which returns None
        emitter.fired.emit()
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before - sys.getrefcount(True)
    assert lost_none < CALLS // 2 and lost_true < CALLS // 2, (
        f"PySide6 {PySide6.__version__} lost {lost_none} references to None and {lost_true} "
        f"to True in {CALLS} calls: on Python {sys.version.split()[0]} the app would abort. "
        "Install a version that pyproject.toml allows (PYSIDE-3474).")
