"""A scan made of real records that covers every category and every finding.

Shared by the report and log tests; the check at the bottom keeps it honest: if the
classifier changes so that a category or finding is no longer produced, it fails here
rather than making the report tests pass on less.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fkinspect.classify import Classifier
from fkinspect.model import (
    Category,
    Cookie,
    Family,
    FindingCode,
    Profile,
    ReadMethod,
    SameSite,
    Scan,
    Source,
    StoreFormat,
    StoreLocation,
    StoreResult,
    StoreStatus,
)
from fkinspect.policy import load_policy

USER = "annasvensson"
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
AGENCY = "https://forsakringskassan.se"


def _cookie(store: StoreLocation, host: str, name: str, *, days: float | None,
            partition: str | None = None, container: str | None = None, n: int = 0) -> Cookie:
    created = NOW - timedelta(hours=1)
    expires = None if days is None else created + timedelta(days=days)
    return Cookie(
        host=host, name=name, path="/", expires=expires, created=created, last_access=created,
        secure=True, http_only=False, same_site=SameSite.LAX, partition=partition,
        container=container, source=Source.SQLITE, store=store,
        key=(host, partition or "", name, "/", n), rowid=n + 1,
    )


def demo_scan(home: Path) -> Scan:
    """Chromium and Firefox profiles of `home`, plus a store that could not be read."""
    chrome = Profile("chrome", "Google Chrome", Family.CHROMIUM, f"Person 1 ({USER})",
                     home / ".config/google-chrome/Default", home / ".config/google-chrome",
                     is_default=True)
    firefox = Profile("firefox-esr", "Firefox ESR", Family.FIREFOX, "abc123.default-esr",
                      home / ".mozilla/firefox/abc123.default-esr", home / ".mozilla/firefox",
                      containers={2: "Arbete"})
    broken = Profile("chromium", "Chromium", Family.CHROMIUM, "Default",
                     home / ".config/chromium/Default", home / ".config/chromium")
    c_store = StoreLocation(chrome, chrome.directory / "Cookies", StoreFormat.CHROMIUM_SQLITE)
    f_store = StoreLocation(firefox, firefox.directory / "cookies.sqlite",
                            StoreFormat.FIREFOX_SQLITE)
    b_store = StoreLocation(broken, broken.directory / "Cookies", StoreFormat.CHROMIUM_SQLITE)
    fk = ".forsakringskassan.se"
    chrome_cookies = (
        _cookie(c_store, "www.forsakringskassan.se", "fk_test_cookie", days=None, n=1),
        _cookie(c_store, fk, "fk_test_cookie", days=2, n=2),  # persistent but "session"
        _cookie(c_store, fk, "_pk_id.1.a1b2", days=395, n=3),
        _cookie(c_store, fk, "_pk_id.1.c3d4", days=1200, n=4),  # longer than 13 months
        _cookie(c_store, fk, "statistics_optin", days=400, n=5),  # browser cap of 27 years
        _cookie(c_store, fk, "fk_sokfras", days=None, n=6),  # case differs
        _cookie(c_store, "www.forsakringskassan.se", "vngage.vid", days=None, n=7),  # typo
        _cookie(c_store, fk, "mystery<b>cookie</b>", days=30, n=8),  # undocumented
        _cookie(c_store, fk, "_pk_ref.1.a1b2", days=180, n=9),  # known tool
        _cookie(c_store, ".youtube.com", "VISITOR_INFO1_LIVE", days=180, partition=AGENCY,
                n=10),
    )
    firefox_cookies = (
        _cookie(f_store, ".facebook.com", "fr", days=90, n=11),
        _cookie(f_store, fk, "JSESSIONID", days=None, partition="https://example.org",
                n=12),
        _cookie(f_store, "www.forsakringskassan.se", "psB", days=None, container="Arbete",
                n=13),
    )
    stores = (
        StoreResult(c_store, StoreStatus.OK, method=ReadMethod.IMMUTABLE, schema="meta 24",
                    cookies=chrome_cookies),
        StoreResult(f_store, StoreStatus.OK, method=ReadMethod.COPY, schema="user_version 17",
                    cookies=firefox_cookies, running=True),
        StoreResult(b_store, StoreStatus.LOCKED,
                    f"{b_store.path}: locked by another program (user {USER})"),
    )
    policy = load_policy()
    cookies = Classifier(policy).classify_all(chrome_cookies + firefox_cookies)
    return Scan(stores, cookies, NOW, policy)


def test_the_sample_covers_every_category_and_finding(tmp_path: Path) -> None:
    scan = demo_scan(tmp_path / USER)
    assert {c.classification.category for c in scan.cookies} == set(Category)
    codes = {f.code for c in scan.cookies for f in c.classification.findings}
    assert codes == set(FindingCode)
