"""Which Firefox session file holds the live session, running and closed.

Real profiles laid out as Firefox ESR 153 leaves them (profiles.ini, cookies.sqlite,
.parentlock, sessionstore-backups/), real mozLz4 files, and a real fcntl lock held
by a child process while "Firefox runs".
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.browsers.session_files import live_session_file, session_files
from fkinspect.model import StoreFormat
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan
from fkinspect.synth import SynthCookie, write_firefox_store
from tests.unit.children import holding_lock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fcntl lock")

WWW = "www.forsakringskassan.se"
NAME = "k3m9q2xa.default-esr"
T0 = 1_780_000_000
LATER = datetime(2030, 1, 1, tzinfo=UTC)


def _profile(home: Path) -> Path:
    root = home / ".mozilla" / "firefox"
    profile = root / NAME
    profile.mkdir(parents=True)
    (root / "profiles.ini").write_text(
        f"[Profile0]\nName=default-esr\nIsRelative=1\nPath={NAME}\n\n"
        "[General]\nStartWithLastProfile=1\nVersion=2\n", encoding="utf-8")  # fmt: skip
    write_firefox_store(profile / "cookies.sqlite",
                        [SynthCookie(".example.com", "x", expires=LATER)])  # fmt: skip
    (profile / ".parentlock").touch()  # left in every profile Firefox has run
    return profile


def _session(profile: Path, relative: str, cookie: str, at: int) -> Path:
    path = profile / relative
    write_session_store(path, [{"host": WWW, "name": cookie, "value": "v", "path": "/",
                                "originAttributes": {}}])  # fmt: skip
    os.utime(path, (T0 + at, T0 + at))
    return path


def _session_cookies(home: Path) -> tuple[list[str], list[str]]:
    """Names of the session cookies `list` shows, and the session files it read."""
    scan = run_scan(ScanRequest.for_home(home), load_policy())
    files = [s.location.path.relative_to(home / ".mozilla/firefox" / NAME).as_posix()
             for s in scan.stores if s.location.format is StoreFormat.FIREFOX_SESSION]  # fmt: skip
    return sorted(c.cookie.name for c in scan.cookies if c.cookie.session), files


def test_while_firefox_runs_the_previous_session_is_not_shown_as_live(tmp_path: Path) -> None:
    """Firefox started from sessionstore.jsonlz4 without restoring it; its own state is
    in recovery.jsonlz4, even while sessionstore.jsonlz4 is the newer file."""
    profile = _profile(tmp_path)
    _session(profile, "sessionstore-backups/recovery.jsonlz4", "_pk_ses.live", at=0)
    _session(profile, "sessionstore.jsonlz4", "_pk_ses.previous", at=10)
    with holding_lock(profile / ".parentlock"):
        assert _session_cookies(tmp_path) == (
            ["_pk_ses.live"], ["sessionstore-backups/recovery.jsonlz4"])
    # Closed again: Firefox would start from sessionstore.jsonlz4.
    assert _session_cookies(tmp_path) == (["_pk_ses.previous"], ["sessionstore.jsonlz4"])


def test_in_its_first_seconds_a_running_firefox_has_no_session_file_yet(tmp_path: Path) -> None:
    profile = _profile(tmp_path)
    _session(profile, "sessionstore.jsonlz4", "_pk_ses.previous", at=0)
    with holding_lock(profile / ".parentlock"):
        assert _session_cookies(tmp_path) == ([], [])


@pytest.mark.parametrize(("files", "live"), [
    ({"sessionstore-backups/recovery.jsonlz4": 5, "sessionstore-backups/recovery.baklz4": 0},
     "sessionstore-backups/recovery.jsonlz4"),
    ({"sessionstore-backups/recovery.baklz4": 0}, "sessionstore-backups/recovery.baklz4"),
    ({"sessionstore-backups/recovery.jsonlz4": 0, "sessionstore-backups/recovery.baklz4": 5},
     "sessionstore-backups/recovery.baklz4"),
    ({"sessionstore-backups/previous.jsonlz4": 0,
      "sessionstore-backups/upgrade.jsonlz4-20260101000000": 9},
     "sessionstore-backups/previous.jsonlz4"),
    ({"sessionstore-backups/upgrade.jsonlz4-20250101000000": 9,
      "sessionstore-backups/upgrade.jsonlz4-20260101000000": 3},
     "sessionstore-backups/upgrade.jsonlz4-20250101000000"),
    ({"sessionstore.jsonlz4": 0, "sessionstore-backups/recovery.jsonlz4": 9},
     "sessionstore.jsonlz4"),
])  # fmt: skip
def test_closed_firefox_starts_from_the_file_it_would_read(
    tmp_path: Path, files: dict[str, int], live: str
) -> None:
    """After a crash there is no sessionstore.jsonlz4: the newest recovery file holds the
    last state, then Firefox's other fallbacks in its order."""
    profile = _profile(tmp_path)
    for relative, at in files.items():
        _session(profile, relative, relative, at=at)
    assert _session_cookies(tmp_path) == ([live], [live])
    assert live_session_file(profile, running=False) == profile / live


def test_every_session_file_in_firefoxs_order_and_only_its_own_files(tmp_path: Path) -> None:
    profile = _profile(tmp_path)
    names = ["sessionstore-backups/upgrade.jsonlz4-20250101000000", "sessionstore.jsonlz4",
             "sessionstore-backups/previous.jsonlz4", "sessionstore-backups/recovery.baklz4",
             "sessionstore-backups/upgrade.jsonlz4-20260101000000",
             "sessionstore-backups/recovery.jsonlz4"]  # fmt: skip
    for at, relative in enumerate(names):
        _session(profile, relative, "c", at=at)
    elsewhere = _session(tmp_path, "elsewhere.jsonlz4", "c", at=0)
    (profile / "sessionstore-backups/upgrade.jsonlz4-link").symlink_to(elsewhere)
    os.mkfifo(profile / "sessionstore-backups/upgrade.jsonlz4-fifo")
    assert [p.relative_to(profile).as_posix() for p in session_files(profile)] == [
        "sessionstore.jsonlz4",
        "sessionstore-backups/recovery.jsonlz4",
        "sessionstore-backups/recovery.baklz4",
        "sessionstore-backups/previous.jsonlz4",
        "sessionstore-backups/upgrade.jsonlz4-20260101000000",
        "sessionstore-backups/upgrade.jsonlz4-20250101000000",
    ]
    assert session_files(tmp_path / "no-profile") == []
