"""Firefox's other session files: older copies of its session that it falls back to.

`list` reads the live session file only (browsers/session_files.py), so a cookie
is shown and counted once. But Firefox starts from recovery.jsonlz4,
recovery.baklz4, previous.jsonlz4 or an upgrade.jsonlz4-* when the newer file is
missing or damaged (and sessionstore.jsonlz4 is such a copy while it runs), and
each of them holds the cookies with their values. So a clean plans every one of
them as a store of its own: its own byte backup, atomic rewrite, check and
journal, and a restore puts each back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fkinspect.browsers.firefox_session import read_session_cookies
from fkinspect.browsers.session_files import session_files
from fkinspect.model import Scan, StoreFormat, StoreLocation, StoreResult, StoreStatus
from fkinspect.scope import Scope


def _same_file(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def fallback_sessions(scan: Scan, scope: Scope) -> Iterator[tuple[StoreLocation, StoreResult]]:
    """(live session store of the scan, one of its profile's other session files, read).

    Only files that read as session stores come back: from one that does not,
    nothing could be removed exactly, so it is left as it is.
    """
    scanned = {_same_file(r.location.path) for r in scan.stores}
    for result in scan.stores:
        live = result.location
        if live.format is not StoreFormat.FIREFOX_SESSION:
            continue
        for path in session_files(live.profile.directory):
            if _same_file(path) in scanned:
                continue
            scanned.add(_same_file(path))
            found = read_session_cookies(StoreLocation(live.profile, path, live.format), scope)
            if found.status is StoreStatus.OK:
                yield live, found
