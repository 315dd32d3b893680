"""Read a file from a browser's folders only when it is a regular file, with a size bound.

A FIFO where `Local State` or `--store` should be blocks an ordinary open() until
someone writes into it: forever. A device or a socket is no better. So: stat
first, open with O_NONBLOCK (a FIFO then opens at once), check the open file
again with fstat (it may have been swapped in between), and read at most
`limit` bytes. Both refusals are OSErrors, so a caller that already handles
"cannot be read" handles these too; `strerror` says why in plain words.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from fkinspect.errors import FkInspectError

_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
          | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))  # fmt: skip


class NotRegularFile(FkInspectError, OSError):
    """The path is a FIFO, a device or a socket, not a file with content."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file: {kind}", str(path))
        self.kind = kind


class FileTooLarge(FkInspectError, OSError):
    """The file is larger than anything of its kind should be."""

    def __init__(self, path: Path, limit: int) -> None:
        size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
        super().__init__(errno.EFBIG, f"larger than {size}", str(path))
        self.limit = limit


def file_kind(mode: int) -> str:
    """What a non-regular file is, in plain words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _check(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "a folder", str(path))
    if not stat.S_ISREG(mode):
        raise NotRegularFile(path, file_kind(mode))


def open_regular(path: Path) -> int:
    """A read-only descriptor of `path`, which must be a regular file (symlinks followed).

    Never blocks on a FIFO. Raises NotRegularFile, IsADirectoryError or any
    other OSError of stat/open.
    """
    _check(path, os.stat(path).st_mode)  # a device is never even opened
    fd = os.open(path, _FLAGS)
    try:
        _check(path, os.fstat(fd).st_mode)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`; FileTooLarge when it holds more than `limit`."""
    with os.fdopen(open_regular(path), "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(path, limit)
    return data


def read_regular_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of the regular file `path` (fewer when it is shorter)."""
    with os.fdopen(open_regular(path), "rb") as handle:
        return handle.read(size)
