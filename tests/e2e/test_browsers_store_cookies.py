"""The harness itself: real browsers visit the fake site and store what we expect.

Observed on Debian 12, Chromium 156 and Firefox ESR 153, 2 cores, no display:

Chromium (Cookies, meta version 24), after one visit and Browser.close:
- every agency cookie of PAGE_COOKIES, host_key `www.forsakringskassan.se` or, for the
  two domain cookies `cookietest` and `_ga`, `.forsakringskassan.se`, all with an empty
  top_frame_site_key; session cookies (JSESSIONID, fk_test_cookie, cookietest,
  psCurrentState) are on disk with expires_utc = 0, has_expires = 0, is_persistent = 0.
- source_type 1 for Set-Cookie, 2 for document.cookie; source_port is the server's
  ephemeral port; has_cross_site_ancestor 1 on every row.
- the iframe's CHIPS cookies `yt_chips_test` and `yt_chips_session` under host
  `www.youtube-nocookie.com` with top_frame_site_key `https://forsakringskassan.se`;
  the unpartitioned `yt_plain_test` is not stored (third-party cookies blocked).
- 27-year and 2-year lifetimes are stored as 400 days.
Firefox ESR 153 (first-run layout in ~/.config/mozilla/firefox; cookies.sqlite
user_version 17) and ESR 140 (~/.mozilla/firefox; user_version 15, expiry in seconds),
after one visit and Marionette:Quit:
- moz_cookies holds the persistent cookies only; the iframe's `yt_chips_test`
  (isPartitionedAttributeSet 1) and `yt_plain_test` (0) both with originAttributes
  `^partitionKey=%28https%2Cforsakringskassan.se%29` (Total Cookie Protection: no port
  in the key even though the site runs on an ephemeral port).
- the session cookies JSESSIONID, fk_test_cookie, cookietest, psCurrentState and the
  partitioned `yt_chips_session` (originAttributes.partitionKey
  `(https,forsakringskassan.se)`, isPartitioned true) are only in sessionstore.jsonlz4.
- expiry in milliseconds from user_version 16 (seconds before), capped at 400 days; the
  -wal is empty after the quit.
Restarting on the same HOME: both browsers send the persistent cookies only (Chromium
deletes session cookies from the file at start, Firefox does not restore them).
Time: Chromium start + visit + close ~1.5 s; Firefox first run + certutil + start +
visit + quit ~4-5 s; this whole file ~20-25 s.
No expectation names a browser version: e2e_harness.versions derives the profile root
from the version the binary reports, and the expiry unit and columns from the schema
the browser wrote.
"""

from __future__ import annotations

import configparser
import errno
import fcntl
import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest
from e2e_harness import procs
from e2e_harness.firefox import FAST_SESSION_WRITES, read_mozlz4, wait_for_recovery
from e2e_harness.homes import VisitedHome, snapshot_sqlite
from e2e_harness.site import (
    AGENCY_COOKIES,
    AGENCY_PARTITION,
    BROWSER_CAP_SECONDS,
    PAGE_COOKIES,
    THIRD_PARTY_HOST,
    page_cookie,
)
from e2e_harness.versions import (
    firefox_expiry_seconds,
    firefox_profile_suffix,
    firefox_profiles_root,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

CHROMIUM_EPOCH_OFFSET_S = 11644473600
FIREFOX_PARTITION = "^partitionKey=%28https%2Cforsakringskassan.se%29"
PERSISTENT_AGENCY = {c.name for c in AGENCY_COOKIES if not c.session}


def _rows(db: Path, tmp_path: Path, sql: str) -> list[sqlite3.Row]:
    copy = snapshot_sqlite(db, tmp_path / "snapshot")
    with closing(sqlite3.connect(f"file:{copy}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql).fetchall()


def _assert_lifetime(name: str, seconds: float) -> None:
    wanted = page_cookie(name).stored_max_age
    assert wanted is not None
    assert abs(seconds - wanted) < 10, f"{name}: lifetime {seconds} s, expected {wanted} s"


def _processes_using(path: Path) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if str(path).encode() in cmdline:
            found.append(int(entry))
    return found


def _lock_is_held(path: Path) -> bool:
    with open(path, "rb+") as f:
        try:
            fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EACCES, errno.EAGAIN):
                return True
            raise
        fcntl.lockf(f, fcntl.LOCK_UN)
        return False


# Chromium ---------------------------------------------------------------------------


def test_chromium_stores_agency_and_chips_cookies(
    chromium_home: VisitedHome, tmp_path: Path
) -> None:
    assert chromium_home.store == chromium_home.home / ".config/chromium/Default/Cookies"
    assert not (chromium_home.home / ".config/chromium/SingletonLock").is_symlink()
    rows = _rows(chromium_home.store, tmp_path, "SELECT * FROM cookies")
    found = {(r["host_key"], r["name"], r["top_frame_site_key"]) for r in rows}
    expected = {(c.host, c.name, c.partition or "") for c in chromium_home.expected}
    assert found == expected
    assert not any(r["name"] == "yt_plain_test" for r in rows)  # 3rd party: blocked

    by_name = {r["name"]: r for r in rows}
    columns = set(rows[0].keys())  # a Row's `in` looks at values, not names
    chips = by_name["yt_chips_test"]
    assert chips["host_key"] == THIRD_PARTY_HOST
    assert chips["top_frame_site_key"] == AGENCY_PARTITION
    assert chips["samesite"] == 0 and chips["is_secure"] == 1
    for cookie in PAGE_COOKIES:
        if cookie.name not in by_name:
            continue
        row = by_name[cookie.name]
        if "source_type" in columns:  # meta version 22 on
            assert row["source_type"] == (1 if cookie.set_by == "header" else 2), cookie.name
        if cookie.session:
            assert (row["expires_utc"], row["has_expires"], row["is_persistent"]) == (0, 0, 0)
        else:
            assert row["is_persistent"] == 1
            _assert_lifetime(cookie.name, (row["expires_utc"] - row["creation_utc"]) / 1e6)
    # Creation times are real: within the last hour.
    created = by_name["JSESSIONID"]["creation_utc"] / 1e6 - CHROMIUM_EPOCH_OFFSET_S
    assert abs(time.time() - created) < 3600
    assert by_name["Fk_hide_cookie_warning"]["expires_utc"] - by_name["Fk_hide_cookie_warning"][
        "creation_utc"
    ] == pytest.approx(BROWSER_CAP_SECONDS * 1e6, abs=10e6)


def test_running_chromium_sends_persistent_cookies_and_holds_its_lock(
    chromium_home: VisitedHome, running_chromium
) -> None:
    lock = chromium_home.home / ".config/chromium/SingletonLock"
    with running_chromium(chromium_home, visit=False) as browser:
        assert browser.running
        assert lock.is_symlink()
        assert os.readlink(lock).endswith(f"-{browser.pid}")
        sent = browser.echo()
        pid = browser.pid
    # A restart dropped the session cookies; the persistent ones are sent back.
    assert set(sent) == PERSISTENT_AGENCY
    assert not lock.is_symlink()
    assert procs.group_members(pid) == []
    assert _processes_using(chromium_home.home) == []


# Firefox ----------------------------------------------------------------------------


def test_firefox_profile_is_laid_out_like_a_first_run(firefox_home: VisitedHome) -> None:
    root = firefox_profiles_root(firefox_home.home, firefox_home.version)
    assert firefox_home.profile.parent == root
    assert firefox_home.profile.name.endswith(firefox_profile_suffix(firefox_home.version))
    profiles = configparser.ConfigParser(interpolation=None)
    profiles.read(root / "profiles.ini")
    paths = {
        profiles[s]["Path"]: profiles[s] for s in profiles.sections() if s.startswith("Profile")
    }
    assert firefox_home.profile.name in paths
    # The Default=1 profile is the empty "default", not the one in use.
    default = [p for p, s in paths.items() if s.get("Default") == "1"]
    assert default and default[0] != firefox_home.profile.name
    installs = (root / "installs.ini").read_text()
    assert f"Default={firefox_home.profile.name}" in installs
    assert (firefox_home.profile / "cert9.db").is_file()


def test_firefox_stores_partitioned_and_session_cookies(
    firefox_home: VisitedHome, tmp_path: Path
) -> None:
    rows = _rows(firefox_home.store, tmp_path, "SELECT * FROM moz_cookies")
    found = {(r["host"], r["name"], r["originAttributes"]) for r in rows}
    persistent = {
        (c.host, c.name, FIREFOX_PARTITION if c.partition else "")
        for c in firefox_home.expected
        if not c.session
    }
    assert found == persistent

    by_name = {r["name"]: r for r in rows}
    columns = set(rows[0].keys())  # a Row's `in` looks at values, not names
    if "isPartitionedAttributeSet" in columns:  # user_version 13 on
        assert by_name["yt_chips_test"]["isPartitionedAttributeSet"] == 1
        assert by_name["yt_plain_test"]["isPartitionedAttributeSet"] == 0
    for name, row in by_name.items():
        expires = firefox_expiry_seconds(row["expiry"], firefox_home.schema)
        _assert_lifetime(name, expires - row["creationTime"] / 1e6)

    assert firefox_home.session_store is not None
    store = read_mozlz4(firefox_home.session_store)
    session = {
        (c["host"], c["name"], c["originAttributes"].get("partitionKey", ""))
        for c in store["cookies"]
    }
    expected_session = {
        (c.host, c.name, "(https,forsakringskassan.se)" if c.partition else "")
        for c in firefox_home.expected
        if c.session
    }
    assert session == expected_session
    chips = next(c for c in store["cookies"] if c["name"] == "yt_chips_session")
    assert chips.get("isPartitioned") is True


def test_running_firefox_sends_persistent_cookies_and_holds_its_lock(
    firefox_home: VisitedHome, running_firefox
) -> None:
    parentlock = firefox_home.profile / ".parentlock"
    with running_firefox(firefox_home, visit=False) as browser:
        assert browser.profile == firefox_home.profile
        assert _lock_is_held(parentlock)
        assert os.readlink(firefox_home.profile / "lock").endswith(f":+{browser.pid}")
        sent = browser.echo()
        pid = browser.pid
    assert set(sent) == PERSISTENT_AGENCY
    assert not _lock_is_held(parentlock)
    assert procs.group_members(pid) == []
    assert _processes_using(firefox_home.home) == []


def test_running_firefox_keeps_session_cookies_in_recovery_store(
    tmp_path: Path, running_firefox
) -> None:
    wanted = {c.name for c in PAGE_COOKIES if c.session}
    with running_firefox(tmp_path / "home", prefs=FAST_SESSION_WRITES) as browser:
        assert browser.profile is not None
        names = wait_for_recovery(browser.profile, wanted)
        assert names == wanted, f"recovery.jsonlz4 cookies: {sorted(names)}"
        assert not (browser.profile / "sessionstore.jsonlz4").exists()


def test_firefox_uses_legacy_folder_when_it_exists(make_firefox_home) -> None:
    visited = make_firefox_home("legacy-home", legacy=True)
    assert visited.profile.parent == visited.home / ".mozilla/firefox"
    assert not (visited.home / ".config/mozilla/firefox/profiles.ini").exists()
    assert visited.store.is_file() and visited.session_store.is_file()
