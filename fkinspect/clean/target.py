"""May a clean write this store? Only a regular file inside a profile folder the browser uses.

Reading follows links and `..` (discovery reports where a file really is);
writing does not. A `Cookies` that is a link, a `-journal` or `-wal` beside
it that is a link (SQLite would write through it), a folder on the way that
is a link, or a profile folder outside the browser's own folder is refused
with the reason.

Where the browser would put a profile: inside its root (the Chromium
user-data-dir, the Firefox folder holding profiles.ini). Firefox also uses a
profile wherever profiles.ini names it by an absolute path (IsRelative=0): its
profile manager puts profiles on another disk when the user asks, so such a
profile is as much Firefox's as one in the root. A relative path that climbs
out with `..` is nothing Firefox writes, and is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from fkinspect.browsers.firefox_profiles import chosen_elsewhere
from fkinspect.browsers.folders import real
from fkinspect.model import Family, StoreFormat, StoreLocation

# Files SQLite writes beside a database while it changes it.
_SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")


def _not_plain(path: Path) -> str | None:
    """Why `path` is not a regular file of its own (None when it is, or is absent)."""
    try:
        mode = os.lstat(path).st_mode
    except (OSError, ValueError):
        return None  # gone: the cleaner's own checks say so
    if stat.S_ISLNK(mode):
        return f"{path.name} is a link to {real(path)}"
    if not stat.S_ISREG(mode):
        return f"{path.name} is not a regular file"
    return None


def _inside(folder: Path, root: Path) -> bool:
    return folder == root or root in folder.parents


def clean_target_problem(location: StoreLocation) -> str | None:
    """Why a clean may not write this store (technical, English), or None when it may."""
    path, profile = location.path, location.profile
    problem = _not_plain(path)
    if problem is None and location.format is not StoreFormat.FIREFOX_SESSION:
        side = (path.with_name(path.name + suffix) for suffix in _SQLITE_SIDE_FILES)
        problem = next((p for p in map(_not_plain, side) if p is not None), None)
    if problem is not None:
        return problem
    try:
        inner = path.relative_to(profile.directory)
    except ValueError:
        return f"the cookie file {path} is not in the profile folder {profile.directory}"
    directory = real(profile.directory)
    if ".." in inner.parts or real(path) != directory / inner:
        return f"a folder on the way to {path} is a link (it leads to {real(path)})"
    if _inside(directory, real(profile.root)):
        return None
    if profile.family is Family.FIREFOX and chosen_elsewhere(profile.root, profile.directory):
        return None
    return f"the profile folder {directory} is outside the browser's folder {profile.root}"
