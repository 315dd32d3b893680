"""Which of a Firefox profile's session files holds its session state, and all of them.

At start-up Firefox reads `sessionstore.jsonlz4`, then writes its live state to
`sessionstore-backups/recovery.jsonlz4` every ~15 s (the one before becomes
`recovery.baklz4`) and, about 15 s in, moves the old `sessionstore.jsonlz4` to
`previous.jsonlz4`; an upgrade leaves `upgrade.jsonlz4-<build id>`. So while it
runs its live state is `recovery.jsonlz4`, or nothing yet: `sessionstore.jsonlz4`
is then the previous session, which this Firefox may not have restored. Closed,
it starts from `sessionstore.jsonlz4` and falls back to `recovery.jsonlz4`,
`recovery.baklz4`, `previous.jsonlz4` and `upgrade.jsonlz4-*` in that order
(SessionFile.sys.mjs) when a file is missing or damaged, so every one of them
that holds a cookie can bring it back.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from fkinspect.model import Family, Profile
from fkinspect.running import FIREFOX_LOCK, FIREFOX_WINDOWS_LOCK, running_evidence

SESSION = Path("sessionstore.jsonlz4")
BACKUPS = Path("sessionstore-backups")
RECOVERY = BACKUPS / "recovery.jsonlz4"
RECOVERY_BACKUP = BACKUPS / "recovery.baklz4"
PREVIOUS = BACKUPS / "previous.jsonlz4"
UPGRADE_PREFIX = "upgrade.jsonlz4-"


def _mtime(path: Path) -> float | None:
    """The modification time of a regular file (a link is followed), else None."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return info.st_mtime if stat.S_ISREG(info.st_mode) else None


def _own_file(path: Path) -> bool:
    """A regular file itself, not a link to one: the only kind a clean may rewrite."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except (OSError, ValueError):
        return False


def _upgrades(profile_dir: Path) -> list[Path]:
    """upgrade.jsonlz4-* files, newest first."""
    try:
        with os.scandir(profile_dir / BACKUPS) as entries:
            found = [Path(e.path) for e in entries if e.name.startswith(UPGRADE_PREFIX)]
    except OSError:
        return []
    timed = [(t, p) for p in found if (t := _mtime(p)) is not None]
    return [p for _, p in sorted(timed, key=lambda tp: (-tp[0], tp[1].name))]


def session_files(profile_dir: Path) -> list[Path]:
    """Every session file of the profile that is a regular file of its own, in the
    order Firefox tries them (upgrade files newest first)."""
    fixed = [profile_dir / rel for rel in (SESSION, RECOVERY, RECOVERY_BACKUP, PREVIOUS)]
    return [p for p in (*fixed, *_upgrades(profile_dir)) if _own_file(p)]


def live_session_file(profile_dir: Path, *, running: bool) -> Path | None:
    """The file that holds the profile's session state now, or None.

    Running: recovery.jsonlz4, or nothing yet. Closed: sessionstore.jsonlz4 after a
    clean quit; after a crash the newer of recovery.jsonlz4 and recovery.baklz4;
    then previous.jsonlz4 and the newest upgrade file, as Firefox falls back.
    """
    recovery = profile_dir / RECOVERY
    if running:
        return recovery if _mtime(recovery) is not None else None
    session = profile_dir / SESSION
    if _mtime(session) is not None:
        return session
    crashed = [(t, p) for p in (recovery, profile_dir / RECOVERY_BACKUP)
               if (t := _mtime(p)) is not None]  # fmt: skip
    if crashed:
        return max(crashed, key=lambda tp: tp[0])[1]
    if _mtime(profile_dir / PREVIOUS) is not None:
        return profile_dir / PREVIOUS
    upgrades = _upgrades(profile_dir)
    return upgrades[0] if upgrades else None


def current_session_file(profile_dir: Path) -> Path | None:
    """The session file that holds the profile's session state now."""
    if live_session_file(profile_dir, running=False) is None:
        return None  # no session file at all: whether Firefox runs does not matter
    return live_session_file(profile_dir, running=_firefox_runs(profile_dir))


def _firefox_runs(profile_dir: Path) -> bool:
    # Only the profile's own lock tells: without one (a copied profile, or one this
    # Firefox never ran) a Firefox process elsewhere says nothing about these files.
    locks = (profile_dir / FIREFOX_LOCK, profile_dir / FIREFOX_WINDOWS_LOCK)
    if not any(os.path.lexists(lock) for lock in locks):
        return False
    probe = Profile("firefox", "Firefox", Family.FIREFOX, profile_dir.name, profile_dir,
                    profile_dir.parent)  # fmt: skip
    return running_evidence(probe) is not None
