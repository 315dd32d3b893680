"""Private folders and files for backups and journals: 0700 / 0600 whatever the umask."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

from fkinspect.private import FILE_MODE, FOLDER_MODE, check_private, private_folder

__all__ = [
    "FILE_MODE", "FOLDER_MODE", "check_private", "default_backup_root", "fsync_path",
    "new_private_file", "private_folder", "untrusted_folder", "write_atomically",
    "write_private_atomically",
]  # fmt: skip


def default_backup_root() -> Path:
    """`<user data dir>/fkinspect/backups` (platformdirs)."""
    return Path(platformdirs.user_data_dir("fkinspect", appauthor=False)) / "backups"


def untrusted_folder(folder: Path, root: Path) -> str | None:
    """Why a backup folder under `root` cannot be trusted (None when it can).

    Trusted: the folder, everything in it and `root` belong to the user and nobody
    else can write them. Otherwise another local user could have planted or changed
    the journal or the backup that restore would put into the user's browser.
    """
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        return f"{folder}: {exc.strerror or type(exc).__name__}"
    for item in (folder, *entries):
        reason = check_private(item, root)
        if reason is not None:
            return reason
    return None


def new_private_file(path: Path) -> None:
    """Create an empty file that nobody else can read; fails if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                 FILE_MODE)  # fmt: skip
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)


def fsync_path(path: Path) -> None:
    """Flush a file's (or a folder's entries') data to disk."""
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if path.is_dir() else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # Windows cannot open folders; its rename is durable enough for us
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes, *, mode: int = FILE_MODE,
                     suffix: str = ".partial",
                     check: Callable[[Path], None] | None = None) -> None:
    """Replace `path` with `data` in one rename: a kill leaves the old or the new file.

    The bytes go to `<path><suffix>` beside it (same file system, so the rename
    is atomic), with `mode` whatever the umask, flushed to disk; `check(partial)`
    may still refuse by raising, and then `path` is left as it was.
    """
    partial = path.with_name(path.name + suffix)
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()  # left by an earlier kill: ours by its name
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                 mode)  # fmt: skip
    try:
        with os.fdopen(fd, "wb") as out:
            if hasattr(os, "fchmod"):  # the umask filtered os.open's mode (not on Windows)
                os.fchmod(out.fileno(), mode)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if check is not None:
            check(partial)
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    fsync_path(path.parent)


def write_private_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` (0600) in one step: a kill leaves the old or the new file."""
    write_atomically(path, data)
