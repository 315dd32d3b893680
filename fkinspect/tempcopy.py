"""Private temporary copies of cookie stores: gone when the run ends, or at the next start.

A copy holds every value of the store, so: files 0600 in folders 0700, all under
one folder of the user's own, `<temp>/fkinspect-<uid>/` (never a link, never
another user's), in a folder per process named by its pid, `run-<pid>-<random>`.
A run removes its folder when it ends (each copy in a `finally`, the folder at
exit; the CLI turns SIGTERM and SIGHUP into a normal exit so that both run); the
folders of runs that were killed are removed at the next start, once their
process is gone.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import logging
import os
import re
import shutil
import stat
import tempfile
import threading
import time
from pathlib import Path

from fkinspect.errors import FkInspectError
from fkinspect.private import FOLDER_MODE, create_private_file

_RUN = re.compile(r"run-(\d+)-")
_STALE_AGE = 24 * 3600  # where liveness cannot be asked (Windows): a day-old folder is stale
_lock = threading.Lock()
_run_folder: Path | None = None
log = logging.getLogger(__name__)


class UnsafeTempFolder(FkInspectError, OSError):
    """`<temp>/fkinspect-<uid>` is a link, not a folder, or another user's."""


def _uid() -> int | None:
    getuid = getattr(os, "getuid", None)
    return getuid() if getuid is not None else None


def _parent_path() -> Path:
    uid = _uid()  # Windows: the temp folder is the user's own already
    return Path(tempfile.gettempdir()) / (f"fkinspect-{uid}" if uid is not None else "fkinspect")


def temp_parent() -> Path:
    """`<temp>/fkinspect-<uid>`, made 0700 if missing; UnsafeTempFolder if not ours."""
    uid = _uid()
    parent = _parent_path()
    with contextlib.suppress(FileExistsError):
        os.mkdir(parent, FOLDER_MODE)
    info = os.lstat(parent)  # another user may have made it first, or planted a link
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeTempFolder(f"{parent} is not a folder (a link?)")
    if uid is not None and info.st_uid != uid:
        raise UnsafeTempFolder(f"{parent} belongs to another user (uid {info.st_uid})")
    if stat.S_IMODE(info.st_mode) != FOLDER_MODE:
        os.chmod(parent, FOLDER_MODE)  # ours: made under another umask, or changed
    return parent


def run_folder() -> Path:
    """This process's private folder for temporary copies (made on first use)."""
    global _run_folder
    with _lock:
        if _run_folder is None or not _run_folder.is_dir():
            first = _run_folder is None
            _run_folder = _new_run_folder()
            if first:
                atexit.register(_remove_run_folder)
        return _run_folder


def _new_run_folder() -> Path:
    try:
        parent = temp_parent()
    except OSError as exc:
        # Still private (mkdtemp makes 0700), just not cleaned up after a kill.
        log.warning("temporary copies go to a folder of their own: %s", exc)
        return Path(tempfile.mkdtemp(prefix="fkinspect-"))
    remove_stale(parent)
    return Path(tempfile.mkdtemp(prefix=f"run-{os.getpid()}-", dir=parent))


def _remove_run_folder() -> None:
    global _run_folder
    with _lock:
        if _run_folder is not None:
            shutil.rmtree(_run_folder, ignore_errors=True)
            _run_folder = None


def remove_stale(parent: Path | None = None) -> list[Path]:
    """Remove the run folders of earlier processes that are gone; the folders removed."""
    if parent is None:
        if not os.path.lexists(_parent_path()):
            return []  # nothing ever copied: nothing to make either
        try:
            parent = temp_parent()
        except OSError:
            return []
    removed = []
    with contextlib.suppress(OSError):
        for entry in parent.iterdir():
            match = _RUN.match(entry.name)
            if match is None or entry == _run_folder:
                continue
            pid = int(match.group(1))
            if pid != os.getpid() and not _gone(pid, entry):
                continue  # a live run (the same pid with another folder: an earlier process)
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def _gone(pid: int, folder: Path) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would send CTRL_C_EVENT there
        try:
            return time.time() - folder.stat().st_mtime > _STALE_AGE
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, another user's (EPERM)
    return False


def private_temp_folder(prefix: str) -> Path:
    """A new 0700 folder inside this run's folder; the caller removes it when done."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir=run_folder()))


def copy_private(source: Path, target: Path) -> None:
    """Copy the regular file `source` to a new file `target` only the user can read (0600)."""
    # Non-blocking, then checked: a FIFO in place of a store must not hang the read.
    fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb") as src:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(source))
        out_fd = create_private_file(target)
        with open(out_fd, "wb") as out:
            shutil.copyfileobj(src, out, 1024 * 1024)
