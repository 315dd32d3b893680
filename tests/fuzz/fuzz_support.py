"""What every fuzz test checks: a status comes back, nothing escapes, nothing is written.

Each example gets a fresh folder holding only its input. `untouched()` hashes every
entry of that folder before and after the call (so a -wal, -shm, journal or partial
file would show) and checks that the private TMPDIR (tests/fuzz/conftest.py) holds no
temporary copy afterwards.

KNOWN_DEFECTS are crashes the fuzzer found that are being fixed on other branches.
The property tests set them aside (`hypothesis.reject`), so they keep looking for
new ones; test_fuzz_known_defects.py runs each one's example as a strict xfail, so
the day the fix lands that test fails and its entry here is deleted.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from hypothesis import event, reject
from hypothesis.control import currently_in_test_context

import fkinspect
from fkinspect.model import Family, Profile, StoreFormat, StoreLocation, StoreResult, StoreStatus
from fkinspect.scope import Scope

SCOPE = Scope.of("forsakringskassan.se", ["youtube.com", "facebook.com"])
_PACKAGE = Path(fkinspect.__file__).resolve().parent

T = TypeVar("T")

Tree = dict[str, tuple[str, int]]
# A store as files (the main file first, then its -wal) and its format.
Template = tuple[StoreFormat, dict[str, bytes]]


class Templates(dict[str, Template]):
    """The seed stores by name. A short repr: Hypothesis prints a failing example's
    arguments, and half a megabyte of bytes would only hide the finding (pytest turns
    Hypothesis's warning about it into an error, which hides the finding too)."""

    def __repr__(self) -> str:
        return f"<seed stores {', '.join(self)}>"


class Workspace:
    """Input folders for the examples of one test module, apart from its private TMPDIR."""

    def __init__(self, base: Path, tmp: Path) -> None:
        self.inputs = base
        self.tmp = tmp

    @contextmanager
    def folder(self) -> Iterator[Path]:
        """A fresh folder for one example, removed afterwards."""
        folder = Path(tempfile.mkdtemp(prefix="case-", dir=self.inputs))
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    @contextmanager
    def untouched(self, folder: Path) -> Iterator[None]:
        """The block writes nothing into `folder` and leaves no temporary file behind.

        Checked when the block ends normally or rejects a known defect; any other
        exception goes up as it is (it is the finding).
        """
        before = tree(folder)
        try:
            yield
        except BaseException as exc:
            if type(exc).__name__ != "UnsatisfiedAssumption":
                raise
            self._check(folder, before)
            raise
        self._check(folder, before)

    def _check(self, folder: Path, before: Tree) -> None:
        after = tree(folder)
        assert after == before, f"the input folder changed: {_changes(before, after)}"
        left = _left_over(self.tmp)
        assert not left, f"left in the temporary folder: {left}"


def _left_over(tmp: Path) -> list[str]:
    """What a call left in the temporary folder. fkinspect keeps one folder for its
    temporary copies per process, `fkinspect-<uid>/run-<pid>-*`, until the process ends
    (tempcopy.py): that folder may stay, but nothing in it."""
    parent = tmp / f"fkinspect-{os.getuid()}"
    left = [entry for entry in tmp.iterdir() if entry != parent]
    if parent.is_dir():
        for run in parent.iterdir():
            ours = run.name.startswith(f"run-{os.getpid()}-") and run.is_dir()
            left += list(run.iterdir()) if ours else [run]
    return sorted(str(entry.relative_to(tmp)) for entry in left)


def tree(folder: Path) -> Tree:
    """Every entry under `folder` (symlinks not followed): its kind or content hash, mode."""
    found: Tree = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            info = path.lstat()
            if stat.S_ISREG(info.st_mode):
                kind = hashlib.sha256(path.read_bytes()).hexdigest()
            elif stat.S_ISLNK(info.st_mode):
                kind = "link -> " + os.readlink(path)
            else:
                kind = "folder" if stat.S_ISDIR(info.st_mode) else "other"
            found[str(path.relative_to(folder))] = (kind, stat.S_IMODE(info.st_mode))
    return found


def _changes(before: Tree, after: Tree) -> str:
    added = sorted(set(after) - set(before))
    gone = sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    return f"added {added}, removed {gone}, changed {changed}"


# ----------------------------------------------------------------- known defects


@dataclass(frozen=True)
class KnownDefect:
    """A crash found here whose fix is another branch's: what it raises, and where."""

    name: str
    fixed_by: str  # the branch (issue 11 item) that fixes it
    exception: type[BaseException]
    where: str  # "file.py:function", the innermost named fkinspect function it left
    message: str = ""  # a regex the message must contain

    def matches(self, exc: BaseException) -> bool:
        return (
            type(exc) is self.exception
            and raised_in(exc) == self.where
            and re.search(self.message, str(exc)) is not None
        )


KNOWN_DEFECTS: tuple[KnownDefect, ...] = (
    # Found here: an integer literal beyond the 4,300 digits Python's int() takes.
    KnownDefect("session store: an integer literal of more than 4,300 digits",
                "harden-session (issue 11 item 12)", ValueError,
                "firefox_session.py:parse_session_store", "Exceeds the limit"),
)  # fmt: skip


def raised_in(exc: BaseException) -> str | None:
    """"file.py:function" of the last named fkinspect function the exception left
    (a generator expression or lambda counts as the function around it)."""
    where = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename).resolve()
        if path.is_relative_to(_PACKAGE) and not frame.name.startswith("<"):
            where = f"{path.name}:{frame.name}"
    return where


def known_defect(exc: BaseException) -> KnownDefect | None:
    return next((d for d in KNOWN_DEFECTS if d.matches(exc)), None)


def outcome(call: Callable[[], T], *, tolerate_known: bool = True) -> T:
    """`call()`; a crash in KNOWN_DEFECTS rejects the example instead of failing it."""
    try:
        return call()
    except Exception as exc:
        if tolerate_known and known_defect(exc) is not None:
            reject()
        raise


# ------------------------------------------------------------------ locations


def location(path: Path, fmt: StoreFormat, containers: dict[int, str] | None = None) -> (
        StoreLocation):  # fmt: skip
    family = {
        StoreFormat.CHROMIUM_SQLITE: Family.CHROMIUM,
        StoreFormat.SAFARI_BINARY: Family.SAFARI,
    }.get(fmt, Family.FIREFOX)
    profile = Profile("fuzz", "Fuzz", family, "fuzz", path.parent, path.parent.parent,
                      containers=containers or {1: "Arbete"})  # fmt: skip
    return StoreLocation(profile, path, fmt)


def assert_status(result: StoreResult) -> None:
    """A reader's answer: a known status, and words when it is not OK."""
    assert isinstance(result, StoreResult)
    assert result.status in StoreStatus
    if currently_in_test_context():  # test_fuzz_known_defects runs examples outside one
        event(f"status {result.status}" + (" with cookies" if result.cookies else ""))
    if result.status is not StoreStatus.OK:
        assert result.message.strip(), result
        assert not result.cookies
