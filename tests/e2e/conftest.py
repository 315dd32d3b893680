"""Fixtures for tests that drive a real Chromium or Firefox ESR against a fake agency site.

    agency_site          the HTTPS fake site (session-wide): .home_url, .echo_url,
                         .requests, .certs.ca_pem
    chromium_home        a private HOME in which Chromium visited the site and closed
    firefox_home         the same for Firefox ESR (its first-run layout: ~/.mozilla/firefox,
                         or ~/.config/mozilla/firefox from Firefox 147 on)
                         Both are VisitedHome: Path-like, .home, .profile, .store,
                         .session_store, .expected (ExpectedCookie rows with .category),
                         .version (what the binary says), .schema (what it wrote),
                         .env() and .cli_args() for running fkinspect on that HOME.
    make_chromium_home   factory: a fresh real run, make_chromium_home(name="x")
    make_firefox_home    factory: make_firefox_home(name="x", legacy=False)
    running_chromium     context-manager factory: `with running_chromium(home) as b:`
    running_firefox      the browser stays open inside the block (b.pid, b.echo() ...)

The homes are copies of one real run per browser and session, so each test may
clean its own copy. The browsers are the ones on PATH, or $FKINSPECT_CHROMIUM /
$FKINSPECT_FIREFOX (e.g. an older ESR unpacked from its .deb). Expectations follow
what that browser wrote (e2e_harness.versions). Only a missing browser binary, or a
browser that writes a store schema fkinspect does not know, skips (with the reason);
everything else fails (a missing openssl or certutil too: they are in
packaging/debian-packages.txt).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from e2e_harness import procs
from e2e_harness.chromium import Chromium, find_chromium
from e2e_harness.firefox import Firefox, find_firefox
from e2e_harness.homes import VisitedHome, visit_with_chromium, visit_with_firefox
from e2e_harness.site import AgencySite
from e2e_harness.versions import BrowserVersion, browser_version, unsupported

# `expected` holds while a visit is younger than 30 minutes (_pk_ses.* expires then):
# a copy of an older one is replaced by a fresh visit.
FRESH_SECONDS = 25 * 60


@pytest.fixture(scope="session")
def agency_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AgencySite]:
    with AgencySite(tmp_path_factory.mktemp("agency-site")) as site:
        yield site


@pytest.fixture(scope="session")
def chromium_binary() -> str:
    binary = find_chromium()
    if binary is None:
        pytest.skip("Chromium is not installed (Debian package chromium)")
    return binary


@pytest.fixture(scope="session")
def firefox_binary() -> str:
    binary = find_firefox()
    if binary is None:
        pytest.skip("Firefox ESR is not installed (Debian package firefox-esr)")
    return binary


@pytest.fixture(scope="session")
def chromium_version(chromium_binary: str) -> BrowserVersion:
    return browser_version(chromium_binary)


@pytest.fixture(scope="session")
def firefox_version(firefox_binary: str) -> BrowserVersion:
    return browser_version(firefox_binary)


def _supported(visit: VisitedHome) -> VisitedHome:
    reason = unsupported(visit.browser, visit.version, visit.schema)
    if reason is not None:
        pytest.skip(reason)
    return visit


@pytest.fixture(scope="session")
def chromium_visit(
    tmp_path_factory: pytest.TempPathFactory,
    agency_site: AgencySite,
    chromium_binary: str,
    chromium_version: BrowserVersion,
) -> VisitedHome:
    """The one real Chromium run of the session; tests get copies (chromium_home).

    Every Chromium test depends on it: a store schema fkinspect does not know skips them.
    """
    base = tmp_path_factory.mktemp("chromium-visit")
    return _supported(
        visit_with_chromium(base / "home", agency_site, chromium_version, chromium_binary)
    )


@pytest.fixture(scope="session")
def firefox_visit(
    tmp_path_factory: pytest.TempPathFactory,
    agency_site: AgencySite,
    firefox_binary: str,
    firefox_version: BrowserVersion,
) -> VisitedHome:
    """The one real Firefox run of the session; tests get copies (firefox_home).

    Every Firefox test depends on it: a store schema fkinspect does not know skips them.
    """
    base = tmp_path_factory.mktemp("firefox-visit")
    return _supported(
        visit_with_firefox(base / "home", agency_site, firefox_version, firefox_binary)
    )


@pytest.fixture
def chromium_home(
    chromium_visit: VisitedHome, tmp_path: Path, agency_site: AgencySite, chromium_binary: str
) -> VisitedHome:
    if time.time() - chromium_visit.visited_at < FRESH_SECONDS:
        return chromium_visit.copy_to(tmp_path / "chromium-home")
    return visit_with_chromium(
        tmp_path / "chromium-home", agency_site, chromium_visit.version, chromium_binary
    )


@pytest.fixture
def firefox_home(
    firefox_visit: VisitedHome, tmp_path: Path, agency_site: AgencySite, firefox_binary: str
) -> VisitedHome:
    if time.time() - firefox_visit.visited_at < FRESH_SECONDS:
        return firefox_visit.copy_to(tmp_path / "firefox-home")
    return visit_with_firefox(
        tmp_path / "firefox-home", agency_site, firefox_visit.version, firefox_binary
    )


@pytest.fixture
def make_chromium_home(
    tmp_path: Path, agency_site: AgencySite, chromium_binary: str, chromium_visit: VisitedHome
) -> Callable[..., VisitedHome]:
    def make(name: str = "fresh-chromium-home") -> VisitedHome:
        return visit_with_chromium(
            tmp_path / name, agency_site, chromium_visit.version, chromium_binary
        )

    return make


@pytest.fixture
def make_firefox_home(
    tmp_path: Path, agency_site: AgencySite, firefox_binary: str, firefox_visit: VisitedHome
) -> Callable[..., VisitedHome]:
    def make(name: str = "fresh-firefox-home", *, legacy: bool = False) -> VisitedHome:
        return visit_with_firefox(
            tmp_path / name, agency_site, firefox_visit.version, firefox_binary, legacy=legacy
        )

    return make


HomeArg = Path | VisitedHome


@pytest.fixture
def running_chromium(
    tmp_path: Path, agency_site: AgencySite, chromium_binary: str, chromium_visit: VisitedHome
) -> Iterator[Callable[..., AbstractContextManager[Chromium]]]:
    """`with running_chromium(home, visit=True) as browser:` Chromium runs inside the block.

    (chromium_visit: skipped with the others when fkinspect does not know its schema.)

    On a HOME it already used, Chromium deletes the session cookies from the file at
    start; what it sets while running reaches disk only ~30 s later or at close.
    Leaving the block closes it cleanly (kills it if the test already did).
    """
    started: list[Chromium] = []

    @contextmanager
    def run(home: HomeArg | None = None, *, visit: bool = True) -> Iterator[Chromium]:
        where = Path(home) if home is not None else tmp_path / "running-chromium-home"
        where.mkdir(parents=True, exist_ok=True)
        browser = Chromium(where, agency_site, binary=chromium_binary)
        started.append(browser)
        browser.start()
        if visit:
            browser.visit_home()
        yield browser
        _finish(browser)

    yield run
    for browser in started:
        browser.kill()


@pytest.fixture
def running_firefox(
    tmp_path: Path, agency_site: AgencySite, firefox_binary: str, firefox_visit: VisitedHome
) -> Iterator[Callable[..., AbstractContextManager[Firefox]]]:
    """`with running_firefox(home, visit=True, prefs=None) as browser:` Firefox runs inside.

    (firefox_visit: skipped with the others when fkinspect does not know its schema.)

    A HOME without a profile gets a first-run one; `prefs` go into user.js.

    `.parentlock` is locked meanwhile; session cookies are in
    sessionstore-backups/recovery.jsonlz4 (written within ~15 s), not in cookies.sqlite.
    """
    started: list[Firefox] = []

    @contextmanager
    def run(
        home: HomeArg | None = None, *, visit: bool = True, prefs: dict[str, object] | None = None
    ) -> Iterator[Firefox]:
        where = Path(home) if home is not None else tmp_path / "running-firefox-home"
        where.mkdir(parents=True, exist_ok=True)
        browser = Firefox(where, agency_site, binary=firefox_binary, prefs=prefs)
        started.append(browser)
        browser.start()
        if visit:
            browser.visit_home()
        yield browser
        _finish(browser)

    yield run
    for browser in started:
        browser.kill()


def _finish(browser: Chromium | Firefox) -> None:
    if browser.running:
        browser.close()
    else:
        browser.kill()


@pytest.fixture(autouse=True)
def _no_browser_outlives_a_test() -> Iterator[None]:
    yield
    procs.kill_all()
