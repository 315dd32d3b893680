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
from urllib.parse import quote

from fkinspect.clean.files import fsync_path, new_private_file
from fkinspect.errors import FkInspectError


class BackupFailed(FkInspectError):
    """The backup could not be written or did not check out (full disk, I/O error)."""


def sqlite_uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(path.absolute()), safe='/:')}?{query}"


def _remove(partial: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{partial}{suffix}")


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
        source = sqlite3.connect(sqlite_uri(store, mode="ro"), uri=True, timeout=timeout)
        with closing(source), closing(sqlite3.connect(partial)) as dest:
            source.backup(dest)
        with closing(sqlite3.connect(partial, isolation_level=None)) as check:
            answer = check.execute("PRAGMA quick_check").fetchall()
        if answer != [("ok",)]:
            raise BackupFailed(f"the backup did not pass quick_check: {answer[:3]}")
        fsync_path(partial)
        os.replace(partial, target)
        fsync_path(target.parent)
    except BackupFailed:
        _remove(partial)
        raise
    except (sqlite3.Error, OSError) as exc:
        _remove(partial)
        raise BackupFailed(str(exc)) from exc
