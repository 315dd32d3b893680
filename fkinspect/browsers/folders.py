"""Tolerant looks into a browser's folders, for discovery.

Nothing here raises for what is on disk, except `Unreadable`: a settings file
(`Local State`, `profiles.ini`, `installs.ini`, `containers.json`) that exists
but cannot be read, so that discovery can say so instead of going quiet. A
missing file is None; a damaged one (not JSON, no ini sections) is None too,
as the browsers themselves start afresh from one. Settings files are read only
when they are regular files of at most 16 MB (fkinspect.safe_open): a FIFO in
their place would otherwise block every command.
"""

from __future__ import annotations

import configparser
import json
import os
import stat
from pathlib import Path
from typing import Any

from fkinspect.errors import FkInspectError
from fkinspect.safe_open import file_kind, read_regular_file

# Settings files are small; a huge one is not what we think it is.
MAX_SETTINGS_BYTES = 16 * 1024 * 1024


class Unreadable(FkInspectError):
    """A settings file exists but cannot be read; `reason` says why in plain words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def reason(exc: OSError) -> str:
    """Why a file could not be read, in plain words."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or type(exc).__name__


def is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def exists(path: Path) -> bool:
    try:
        os.stat(path)
    except PermissionError:
        return True  # there is something; the reader says it cannot be read
    except (OSError, ValueError):
        return False
    return True


def real(path: Path) -> Path:
    """Where `path` really is: the same folder reached twice compares equal."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
        return path.absolute()


def folder_denied(path: Path) -> bool:
    """Is the folder holding `path` closed to us (no search permission)?"""
    try:
        os.stat(path)
    except PermissionError:
        return True
    except (OSError, ValueError):
        return False
    return False


def subfolders(folder: Path) -> list[Path]:
    """The folders in `folder` (symlinks to folders included); OSError when it cannot be listed."""
    with os.scandir(folder) as entries:
        return sorted(Path(e.path) for e in entries if is_dir(Path(e.path)))


def store_file(path: Path) -> tuple[bool, str | None]:
    """Is `path` a cookie file to read, and if something is there that cannot be read, why?

    (True, None) a regular file; (False, None) nothing, a folder or a symlink
    loop; (False, reason) permission denied on its folder, or a FIFO, device
    or socket in its place.
    """
    try:
        mode = os.stat(path).st_mode
    except PermissionError:
        return False, "permission denied"
    except (OSError, ValueError):
        return False, None
    if stat.S_ISREG(mode):
        return True, None
    if stat.S_ISDIR(mode):
        return False, None
    return False, f"not a regular file: {file_kind(mode)}"


def read_text(path: Path) -> str | None:
    """The text of a settings file; None when there is none. Raises Unreadable."""
    try:
        data = read_regular_file(path, MAX_SETTINGS_BYTES)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError, ValueError):
        return None
    except OSError as exc:
        raise Unreadable(path, reason(exc)) from exc
    return data.decode("utf-8-sig", errors="replace")


def read_json(path: Path) -> Any:
    """A settings file's JSON; None when there is none or it is not JSON. Raises Unreadable."""
    text = read_text(path)
    if text is None:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def read_ini(path: Path) -> configparser.ConfigParser | None:
    """A settings file as ini; None when there is none or it is broken. Raises Unreadable."""
    text = read_text(path)
    if text is None:
        return None
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep "Path", "Name"
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error:
        return None
    return parser
