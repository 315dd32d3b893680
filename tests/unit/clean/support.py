"""Shared builders for the clean tests (no tests here): real stores, real scans."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.model import Family, Profile, Scan
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan
from fkinspect.synth import AGENCY_SITE, SynthCookie, write_chromium_store, write_firefox_store

LATER = datetime.now(UTC).replace(microsecond=0) + timedelta(days=90)
AG = ".forsakringskassan.se"
WWW = "www.forsakringskassan.se"

# What a clean of analytics removes, and what it must leave.
ANALYTICS = {"_pk_id.1.abcd", "_pk_ses.1.abcd", "statistics_optin", "_pk_ref.1.abcd", "_ga"}


def mixed_cookies(*, chromium: bool) -> list[SynthCookie]:
    """Documented and undocumented analytics, necessary, unknown, twins, look-alikes."""
    cookies = [
        SynthCookie(WWW, "_pk_id.1.abcd", expires=LATER),
        SynthCookie(WWW, "_pk_ses.1.abcd", expires=LATER),
        SynthCookie(AG, "statistics_optin", expires=LATER),
        SynthCookie(WWW, "_pk_ref.1.abcd", expires=LATER),  # undocumented Matomo
        SynthCookie(AG, "_ga", expires=LATER),  # undocumented Google Analytics
        SynthCookie(WWW, "JSESSIONID", expires=None if chromium else LATER),
        SynthCookie(WWW, "fk_test_cookie", expires=LATER),
        SynthCookie(WWW, "mystery_cookie", expires=LATER),  # undocumented, unknown tool
        # A twin of a necessary cookie on another path: a different row.
        SynthCookie(WWW, "JSESSIONID", path="/mina-sidor", expires=LATER),
        # Third-party cookie in the agency's partition, and the same name unpartitioned.
        SynthCookie(".youtube.com", "VISITOR_INFO1_LIVE", expires=LATER, partition=AGENCY_SITE),
        # Look-alikes and other sites: out of scope, never touched.
        SynthCookie(".notforsakringskassan.se", "_ga", expires=LATER),
        SynthCookie(".example.com", "_ga", expires=LATER),
        SynthCookie(".example.com", "_pk_id.1.abcd", expires=LATER),
    ]
    if not chromium:
        # Container twin of an analytics cookie: removed too, as its own row.
        cookies.append(SynthCookie(WWW, "_pk_id.1.abcd", expires=LATER, container=1))
    return cookies


def chromium_store(
    folder: Path,
    meta_version: int = 24,
    cookies: list[SynthCookie] | None = None,
) -> Path:
    path = folder / "chromium" / "Default" / "Cookies"
    write_chromium_store(
        path,
        mixed_cookies(chromium=True) if cookies is None else cookies,
        meta_version=meta_version,
    )
    return path


def firefox_store(
    folder: Path,
    user_version: int = 17,
    cookies: list[SynthCookie] | None = None,
    wal: list[SynthCookie] | None = None,
) -> Path:
    path = folder / "firefox" / "abcd1234.default-release" / "cookies.sqlite"
    write_firefox_store(
        path,
        mixed_cookies(chromium=False) if cookies is None else cookies,
        user_version=user_version,
        wal_cookies=wal or (),
    )
    # An unlocked .parentlock, as a closed Firefox leaves it: the lock test applies.
    (path.parent / ".parentlock").touch()
    return path


def scan(*paths: Path) -> Scan:
    return run_scan(ScanRequest(stores=paths, discover_home=False), load_policy())


def family_of(path: Path) -> Family:
    return Family.FIREFOX if path.name == "cookies.sqlite" else Family.CHROMIUM


def rows(path: Path) -> dict[tuple[object, ...], tuple[object, ...]]:
    """Every row of the store by its full key -> every column but the row id."""
    firefox = family_of(path) is Family.FIREFOX
    table = "moz_cookies" if firefox else "cookies"
    key = (
        ("name", "host", "path", "originAttributes")
        if firefox
        else ("host_key", "top_frame_site_key", "name", "path")
    )
    with closing(sqlite3.connect(path)) as con:
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] != "id"]
        found = {}
        for row in con.execute(f"SELECT {', '.join(cols)} FROM {table}"):
            record = dict(zip(cols, row, strict=True))
            k = tuple(record[c] for c in key) + tuple(
                record.get(c) for c in ("source_scheme", "source_port") if c in record
            )
            assert k not in found
            found[k] = row
    return found


def names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as con:
        table = "moz_cookies" if family_of(path) is Family.FIREFOX else "cookies"
        return sorted(str(r[0]) for r in con.execute(f"SELECT name FROM {table}"))


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as con:
        return ";".join(str(r[0]) for r in con.execute("PRAGMA integrity_check"))


def not_running(_profile: Profile) -> None:
    return None


def agency_names(path: Path) -> list[str]:
    """Names of the rows on the agency's own hosts (not look-alikes, not other sites)."""
    firefox = family_of(path) is Family.FIREFOX
    sql = "SELECT name, host FROM moz_cookies" if firefox else "SELECT name, host_key FROM cookies"
    with closing(sqlite3.connect(path)) as con:
        return sorted(str(n) for n, h in con.execute(sql) if h in (AG, WWW))


def firefox_session_file(tmp_path: Path) -> Path:
    """A Firefox profile's session file with one analytics and one necessary session
    cookie (their values are secrets no output may show), the profile's lock beside it."""
    profile = tmp_path / "firefox" / "abcd1234.default-release"
    path = profile / "sessionstore.jsonlz4"
    write_session_store(path, [
        {"host": "www.forsakringskassan.se", "name": "_pk_ses.1.abcd", "path": "/",
         "value": "secret-ses", "originAttributes": {}},
        {"host": ".forsakringskassan.se", "name": "SMSESSION", "path": "/",
         "value": "secret-sm", "originAttributes": {}},
    ])  # fmt: skip
    (profile / ".parentlock").touch()
    return path
