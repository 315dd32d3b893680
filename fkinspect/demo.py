"""A demo home with realistic cookie stores, so the app can be shown without real cookies.

The stores are written with the browsers' real schemas (fkinspect.synth) into a
temporary home laid out like Linux: Chromium and Brave under ~/.config, Firefox
ESR under ~/.config/mozilla/firefox with a session store and containers. Every
category and every finding appears. The Firefox profile is "running": its
.parentlock carries an open-file-description lock for as long as the demo lives,
which conflicts with Firefox-style fcntl checks even from this same process.

Values are made up but not empty, so "show value" works.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import struct
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.lifetime import BROWSER_CAP
from fkinspect.model import SameSite
from fkinspect.synth import SynthCookie, write_chromium_store, write_firefox_store
from fkinspect.tempcopy import private_temp_folder

if sys.platform != "win32":  # the demo Firefox's lock; on Windows it is simply not running
    import fcntl

AGENCY = ".forsakringskassan.se"
WWW = "www.forsakringskassan.se"
PARTITION = "https://forsakringskassan.se"
ELSEWHERE_PARTITION = "https://kommunen.example"  # a site that embeds the agency
FIREFOX_PROFILE = "k3m9q2xa.default-esr"
FIREFOX_EMPTY_PROFILE = "p7d2w1zc.default"
FIREFOX_INSTALL = "4F96D1932A9F858E"
WORK_CONTAINER = 2  # userContextId of the "Arbete" container
MATOMO_SITE = "1.3f2a"


# The demo home is laid out as on Linux on every system, so it is read as one.
PLATFORM = "linux"


@dataclass
class DemoHome:
    """The demo's home folder; hold it while showing the demo, close() when done."""

    home: Path
    owned: bool  # True when the folder was made here and is removed on close()
    firefox_profile: Path
    _lock_fd: int | None = field(default=None, repr=False)

    @property
    def platform(self) -> str:
        """The platform its folders are laid out for (see ScanRequest.for_demo)."""
        return PLATFORM

    @property
    def backup_root(self) -> Path:
        """Where a clean of the demo keeps its backups and journals: fkinspect's data folder
        as platformdirs places it on Linux, inside this home. They go when the demo goes
        and never mix with the user's real ones."""
        return self.home / ".local" / "share" / "fkinspect" / "backups"

    @property
    def browser_running(self) -> bool:
        return self._lock_fd is not None

    def close_browser(self) -> None:
        """"Quit" the demo Firefox: release its profile lock."""
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the description drops its OFD lock
            self._lock_fd = None

    def close(self) -> None:
        self.close_browser()
        if self.owned:
            shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self) -> DemoHome:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _value() -> str:
    return "demo-" + secrets.token_hex(12)


def _cookie(host: str, name: str, *, created: datetime, lasts: timedelta | None,
            **extra: object) -> SynthCookie:
    expires = None if lasts is None else created + lasts
    return SynthCookie(host=host, name=name, value=_value(), created=created,
                       expires=expires, **extra)  # type: ignore[arg-type]


def chromium_cookies(now: datetime) -> list[SynthCookie]:
    """The richest profile: every category and every finding the classifier knows."""
    hour, day = timedelta(hours=1), timedelta(days=1)
    visit = now - 30 * day
    recent = now - 2 * hour
    return [
        _cookie(WWW, "SMSESSION", created=recent, lasts=None, http_only=True),
        _cookie(WWW, "JSESSIONID", created=recent, lasts=None, http_only=True),
        _cookie(WWW, "fk_test_cookie", created=recent, lasts=None),
        _cookie(WWW, "fk_sokfras", created=recent, lasts=None),  # the page: Fk_sokfras
        _cookie(AGENCY, "Fk_hide_cookie_warning", created=visit, lasts=BROWSER_CAP),
        _cookie(WWW, "BREADCRUMB-ID", created=recent, lasts=12 * hour),
        # Documented as temporary, stored for a month.
        _cookie(WWW, "fk_menu-keepopen", created=recent, lasts=30 * day),
        _cookie(WWW, "vngage.vid", created=recent, lasts=None),  # the page: vgage.vid
        _cookie(WWW, "vngage.lkvt", created=visit, lasts=120 * day),  # page: 90 days
        _cookie(WWW, f"_pk_id.{MATOMO_SITE}", created=visit, lasts=timedelta(days=395)),
        _cookie(WWW, f"_pk_ses.{MATOMO_SITE}", created=now - 5 * timedelta(minutes=1),
                lasts=timedelta(minutes=30)),
        _cookie(AGENCY, "statistics_optin", created=visit, lasts=BROWSER_CAP),
        _cookie(WWW, f"_pk_ref.{MATOMO_SITE}", created=visit, lasts=180 * day),
        _cookie(AGENCY, "_ga", created=visit, lasts=BROWSER_CAP),
        _cookie(WWW, "fk_beta_feedback", created=visit, lasts=60 * day),  # undocumented
        # A YouTube frame on the agency's page: a partitioned (CHIPS) cookie.
        _cookie(".youtube.com", "VISITOR_INFO1_LIVE", created=visit, lasts=180 * day,
                partition=PARTITION, same_site=SameSite.NONE, http_only=True),
    ]


def brave_cookies(now: datetime) -> list[SynthCookie]:
    day = timedelta(days=1)
    visit = now - 200 * day
    return [
        _cookie(AGENCY, "Fk_hide_cookie_warning", created=visit, lasts=BROWSER_CAP),
        _cookie(WWW, f"_pk_id.{MATOMO_SITE}", created=visit, lasts=timedelta(days=395)),
        _cookie(".youtube.com", "YSC", created=visit, lasts=None, partition=PARTITION,
                same_site=SameSite.NONE, http_only=True),
        # The agency's own cookie, set in a frame on another site: stored in that
        # site's partition.
        _cookie(WWW, "fk_test_cookie", created=visit, lasts=None,
                partition=ELSEWHERE_PARTITION, same_site=SameSite.NONE),
    ]


def firefox_cookies(now: datetime) -> list[SynthCookie]:
    day = timedelta(days=1)
    visit = now - 90 * day
    return [
        _cookie(AGENCY, "Fk_hide_cookie_warning", created=visit, lasts=BROWSER_CAP),
        _cookie(AGENCY, "fk_hide_personalization_info", created=visit, lasts=BROWSER_CAP),
        _cookie(WWW, f"_pk_id.{MATOMO_SITE}", created=visit, lasts=timedelta(days=395)),
        # The same cookie in the "Arbete" container: a twin with its own identity.
        _cookie(WWW, f"_pk_id.{MATOMO_SITE}", created=visit, lasts=timedelta(days=395),
                container=WORK_CONTAINER),
        _cookie(".youtube.com", "VISITOR_INFO1_LIVE", created=visit, lasts=180 * day,
                partition=PARTITION, same_site=SameSite.NONE),
        _cookie(".facebook.com", "fr", created=visit, lasts=90 * day,
                same_site=SameSite.NONE),
    ]


def firefox_session_cookies() -> list[dict[str, object]]:
    """Firefox keeps session cookies only in its session store, never in cookies.sqlite."""
    def entry(name: str, host: str = WWW, attrs: dict[str, object] | None = None,
              ) -> dict[str, object]:
        return {"host": host, "name": name, "value": _value(), "path": "/", "secure": True,
                "httponly": True, "sameSite": 1, "originAttributes": attrs or {}}

    return [
        entry("SMSESSION"),
        entry("JSESSIONID"),
        entry("LtpaToken2"),
        entry("SMSESSION", attrs={"userContextId": WORK_CONTAINER}),
    ]


def _write_chromium(user_data: Path, profile_name: str, cookies: list[SynthCookie]) -> None:
    profile = user_data / "Default"
    profile.mkdir(parents=True, exist_ok=True)
    write_chromium_store(profile / "Cookies", cookies)
    state = {"profile": {"info_cache": {"Default": {"name": profile_name}},
                         "last_used": "Default"}}
    (user_data / "Local State").write_text(json.dumps(state), encoding="utf-8")


def _write_firefox(root: Path, now: datetime) -> Path:
    profile = root / FIREFOX_PROFILE
    (root / FIREFOX_EMPTY_PROFILE).mkdir(parents=True, exist_ok=True)
    profile.mkdir(parents=True, exist_ok=True)
    (root / "profiles.ini").write_text(
        f"[Install{FIREFOX_INSTALL}]\nDefault={FIREFOX_PROFILE}\nLocked=1\n\n"
        f"[Profile1]\nName=default\nIsRelative=1\nPath={FIREFOX_EMPTY_PROFILE}\nDefault=1\n\n"
        f"[Profile0]\nName=default-esr\nIsRelative=1\nPath={FIREFOX_PROFILE}\n\n"
        "[General]\nStartWithLastProfile=1\nVersion=2\n", encoding="utf-8")
    (root / "installs.ini").write_text(
        f"[{FIREFOX_INSTALL}]\nDefault={FIREFOX_PROFILE}\nLocked=1\n", encoding="utf-8")
    write_firefox_store(profile / "cookies.sqlite", firefox_cookies(now))
    write_session_store(profile / "sessionstore.jsonlz4", firefox_session_cookies())
    containers = {"version": 5, "lastUserContextId": WORK_CONTAINER, "identities": [
        {"userContextId": 1, "public": True, "icon": "fingerprint", "color": "blue",
         "l10nId": "user-context-personal"},
        {"userContextId": WORK_CONTAINER, "public": True, "icon": "briefcase",
         "color": "orange", "name": "Arbete"},
    ]}
    (profile / "containers.json").write_text(json.dumps(containers), encoding="utf-8")
    (profile / ".parentlock").touch()
    return profile


def _hold_profile_lock(lock: Path) -> int | None:
    """Lock `lock` like a running Firefox; None where open-file-description locks are absent."""
    if sys.platform == "win32":
        return None
    command = getattr(fcntl, "F_OFD_SETLK", None)
    if command is None:
        return None
    fd = os.open(lock, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    # struct flock on 64-bit Linux: l_type, l_whence, l_start, l_len, l_pid (must be 0).
    request = struct.pack("@hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0).ljust(32, b"\0")
    try:
        fcntl.fcntl(fd, command, request)
    except OSError:
        os.close(fd)
        return None
    return fd


def build_demo_home(root: Path | None = None, *, running_firefox: bool = True,
                    now: datetime | None = None) -> DemoHome:
    """Write the demo stores into `root` (a new temporary folder when None)."""
    now = now or datetime.now(UTC)
    owned = root is None
    home = private_temp_folder("demo-") if root is None else root
    try:
        config = home / ".config"
        _write_chromium(config / "chromium", "Person 1", chromium_cookies(now))
        _write_chromium(config / "BraveSoftware" / "Brave-Browser", "Person 1",
                        brave_cookies(now))
        profile = _write_firefox(config / "mozilla" / "firefox", now)
    except BaseException:
        if owned:
            shutil.rmtree(home, ignore_errors=True)
        raise
    demo = DemoHome(home, owned, profile)
    if running_firefox:
        with contextlib.suppress(OSError):
            demo._lock_fd = _hold_profile_lock(profile / ".parentlock")
    return demo
