"""Write an output file the way a shell's `> PATH` does, and atomically where it can.

- no file yet, or a regular file: the bytes go to a new file beside it, which is
  renamed over it in one step (a reader sees the old or the new file, never half),
  keeping the old file's mode and owner;
- a symbolic link: what it points to is written (or replaced); the link stays;
- a FIFO or a character device (/dev/null, /dev/stdout, a terminal): written into;
- a folder: IsADirectoryError; anything else (a block device, a socket): refused.

Nothing that is not a regular file is ever replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path


def write_output(path: Path, data: bytes) -> None:
    """Write `data` to `path` as described above; OSError says why not."""
    try:
        info: os.stat_result | None = os.stat(path)  # through links, as `>` goes
    except FileNotFoundError:
        info = None
    if info is None or stat.S_ISREG(info.st_mode):
        _replace(Path(os.path.realpath(path)), data, info)
    elif stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    elif stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "wb") as out:
            out.write(data)
    else:
        raise OSError(errno.EINVAL, "not a file, a FIFO or a character device", str(path))


def _replace(target: Path, data: bytes, old: os.stat_result | None) -> None:
    fd, partial = _new_beside(target)
    try:
        with open(fd, "wb") as out:
            if old is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, stat.S_IMODE(old.st_mode))
                with contextlib.suppress(OSError):  # root writing a user's file keeps it theirs
                    os.fchown(fd, old.st_uid, old.st_gid)
            out.write(data)
            out.flush()
            os.fsync(fd)
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise


def _new_beside(target: Path) -> tuple[int, Path]:
    """A new file next to `target` under a name nobody could guess and plant a link at.

    Made with mode 0666 like `>` does, so the umask decides (for a new report)."""
    flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
             | getattr(os, "O_NOFOLLOW", 0))
    for _ in range(100):
        partial = target.with_name(f".{target.name}.{secrets.token_hex(6)}.partial")
        try:
            return os.open(partial, flags, 0o666), partial
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for the new file", str(target))
