"""Work around a reference-count bug of PySide6 6.12 on Python 3.11.

Seen here with PySide6-Essentials 6.12.0 (abi3 wheel) on CPython 3.11: every
time Qt calls a Python override that yields None (a `changeEvent`/`closeEvent`
that calls `super()`, a model's `data()` returning None for an unused role),
one reference to None is released that was never taken. None's count falls
by one per call until Python aborts with "none_dealloc: deallocating None",
after a few minutes of scrolling a table. Python 3.12 made None immortal, which
is why the wheel never notices there.

The fix here does what 3.12 does: give None a reference count so large that no
session can use it up. It touches nothing but None's counter, and only on 3.11.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # ~10^12 leaked references: years of continuous redrawing


def make_none_immortal() -> bool:
    """Raise None's reference count on Pythons without immortal objects; True if done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM
    return True
