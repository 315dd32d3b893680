"""Back up a whole store with SQLite's backup API and check the copy.

The copy is written under a `.partial` name, checked with `PRAGMA
quick_check`, flushed, and only then renamed: a file under the final name
is always a complete, checked backup, whatever happens meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from fkinspect.clean.files import fsync_path, new_private_file
from fkinspect.errors import FkInspectError
from fkinspect.sqlite.errors import Failure, classify, classify_os, describe
from fkinspect.sqlite.open import back_up_into, open_immutable


class BackupFailed(FkInspectError):
    """The backup could not be written or did not check out; `failure` says why."""

    def __init__(self, detail: str, failure: Failure = Failure.OTHER) -> None:
        super().__init__(detail)
        self.failure = failure


def _remove(partial: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{partial}{suffix}")


def _quick_check(path: Path) -> list[tuple[object, ...]]:
    """PRAGMA quick_check of a backup in place: nobody else writes it, nothing is written."""
    with closing(open_immutable(path)) as con:
        return con.execute("PRAGMA quick_check").fetchall()


def back_up(store: Path, target: Path, *, timeout: float = 5.0) -> None:
    """Copy `store` (with its WAL content) to `target` (0600); BackupFailed if it cannot.

    Reads through its own read-only connection, so the caller may hold the
    store's write lock (BEGIN IMMEDIATE) meanwhile: then the copy is exactly
    the state the caller is about to change.
    """
    partial = target.with_name(target.name + ".partial")
    _remove(partial)
    try:
        new_private_file(partial)
        back_up_into(store, partial, timeout=timeout)
        answer = _quick_check(partial)
        if answer != [("ok",)]:  # the store's pages as they were copied: the store is damaged
            raise BackupFailed(f"the backup did not pass quick_check: {answer[:3]}",
                               Failure.CORRUPT)  # fmt: skip
        fsync_path(partial)
        os.replace(partial, target)
        fsync_path(target.parent)
    except BackupFailed:
        _remove(partial)
        raise
    except sqlite3.Error as exc:
        _remove(partial)
        raise BackupFailed(describe(exc), classify(exc)) from exc
    except OSError as exc:
        _remove(partial)
        raise BackupFailed(str(exc), classify_os(exc)) from exc


def backup_problem(path: Path) -> str:
    """Why the backup at `path` cannot be trusted ("" when it passes quick_check).

    Read-only and immutable: the check writes nothing, not even beside the file.
    """
    try:
        answer = _quick_check(path)
    except sqlite3.Error as exc:
        return f"the backup cannot be read: {exc}"
    return "" if answer == [("ok",)] else f"the backup did not pass quick_check: {answer[:3]}"
