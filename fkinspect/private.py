"""Folders that are the user's alone, and the check that a folder still is.

Every folder fkinspect makes (data, backups, log, temporary copies) is 0700
whatever the umask, parents it has to make included: a folder another local
user can write is a folder where they can plant a backup to restore or a
symlink to write through. What fkinspect reads back from such folders is
checked first, as OpenSSH checks its files: owned by the user, writable by
nobody else.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from fkinspect.errors import FkInspectError

FOLDER_MODE = 0o700
FILE_MODE = 0o600


class ForeignFolder(FkInspectError, PermissionError):
    """The folder exists but belongs to another user."""


def private_folder(path: Path) -> Path:
    """Create `path` and any missing parents as 0700; the folder itself ends up 0700.

    mkdir's mode is filtered by the umask (`umask 000` would give 0777 with
    mkdir(parents=True)), and a umask can also take the owner's bits away; so every
    folder made here is chmod-ed, which the umask does not touch. ForeignFolder when
    `path` is another user's folder (left as it is): nothing private goes there.
    """
    missing: list[Path] = []
    folder = path
    while not os.path.lexists(folder) and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        try:
            os.mkdir(new, FOLDER_MODE)
        except FileExistsError:
            continue  # made meanwhile by another run: not ours to chmod unless it is `path`
        os.chmod(new, FOLDER_MODE)
    info = os.stat(path)
    if not stat.S_ISDIR(info.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(path))
    uid = os.getuid() if hasattr(os, "getuid") else None
    if uid is not None and info.st_uid != uid:  # root could chmod it: still theirs
        raise ForeignFolder(errno.EPERM, f"{path} belongs to another user (uid {info.st_uid})",
                            str(path))
    os.chmod(path, FOLDER_MODE)
    return path


def check_private(path: Path, root: Path) -> str | None:
    """Why `path` (and each folder from it up to `root`) cannot be trusted; None if it can.

    Trusted: owned by the current user and not writable by group or others. `path`
    may be `root` itself. Symbolic links are followed: what they lead to is checked.
    Windows has no such mode bits; there the answer is always None.
    """
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return None
    uid = getuid()
    chain = [path]
    if path != root and path.is_relative_to(root):
        chain += [p for p in path.parents if p.is_relative_to(root)]
    for item in chain:
        try:
            info = os.stat(item)
        except OSError as exc:
            return f"{item}: {exc.strerror or type(exc).__name__}"
        if info.st_uid != uid:
            return f"{item} belongs to another user (uid {info.st_uid})"
        if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return f"{item} is writable by other users (mode {stat.S_IMODE(info.st_mode):04o})"
    return None


def create_private_file(path: Path) -> int:
    """Create `path` 0600 (never through a symlink; fails if it exists); an open fd."""
    flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
             | getattr(os, "O_NOFOLLOW", 0))
    fd = os.open(path, flags, FILE_MODE)
    try:
        if hasattr(os, "fchmod"):  # the umask may have taken the owner's bits
            os.fchmod(fd, FILE_MODE)
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise
    return fd
