"""Fixtures for tests that drive a real Chromium or Firefox ESR against a fake agency site.

    agency_site          the HTTPS fake site (session-wide): .home_url, .echo_url,
                         .requests, .certs.ca_pem
    chromium_home        a private HOME in which Chromium visited the site and closed
    firefox_home         the same for Firefox ESR (first-run layout, ~/.config/mozilla)
                         Both are VisitedHome: Path-like, .home, .profile, .store,
                         .session_store, .expected (ExpectedCookie rows with .category),
                         .env() and .cli_args() for running fkinspect on that HOME.
    make_chromium_home   factory: a fresh real run, make_chromium_home(name="x")
    make_firefox_home    factory: make_firefox_home(name="x", legacy=False)
    running_chromium     context-manager factory: `with running_chromium(home) as b:`
    running_firefox      the browser stays open inside the block (b.pid, b.echo() ...)

The homes are copies of one real run per browser and session, so each test may
clean its own copy. Only a missing browser binary skips; everything else fails
(a missing openssl or certutil too: they are in packaging/debian-packages.txt).
"""

from __future__ import annotations

import os
import sys
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
def chromium_visit(
    tmp_path_factory: pytest.TempPathFactory, agency_site: AgencySite, chromium_binary: str
) -> VisitedHome:
    """The one real Chromium run of the session; tests get copies (chromium_home)."""
    base = tmp_path_factory.mktemp("chromium-visit")
    return visit_with_chromium(base / "home", agency_site, chromium_binary)


@pytest.fixture(scope="session")
def firefox_visit(
    tmp_path_factory: pytest.TempPathFactory, agency_site: AgencySite, firefox_binary: str
) -> VisitedHome:
    """The one real Firefox run of the session; tests get copies (firefox_home)."""
    base = tmp_path_factory.mktemp("firefox-visit")
    return visit_with_firefox(base / "home", agency_site, firefox_binary)


@pytest.fixture
def chromium_home(chromium_visit: VisitedHome, tmp_path: Path) -> VisitedHome:
    return chromium_visit.copy_to(tmp_path / "chromium-home")


@pytest.fixture
def firefox_home(firefox_visit: VisitedHome, tmp_path: Path) -> VisitedHome:
    return firefox_visit.copy_to(tmp_path / "firefox-home")


@pytest.fixture
def make_chromium_home(
    tmp_path: Path, agency_site: AgencySite, chromium_binary: str
) -> Callable[..., VisitedHome]:
    def make(name: str = "fresh-chromium-home") -> VisitedHome:
        return visit_with_chromium(tmp_path / name, agency_site, chromium_binary)

    return make


@pytest.fixture
def make_firefox_home(
    tmp_path: Path, agency_site: AgencySite, firefox_binary: str
) -> Callable[..., VisitedHome]:
    def make(name: str = "fresh-firefox-home", *, legacy: bool = False) -> VisitedHome:
        return visit_with_firefox(tmp_path / name, agency_site, firefox_binary, legacy=legacy)

    return make


HomeArg = Path | VisitedHome


@pytest.fixture
def running_chromium(
    tmp_path: Path, agency_site: AgencySite, chromium_binary: str
) -> Iterator[Callable[..., AbstractContextManager[Chromium]]]:
    """`with running_chromium(home, visit=True) as browser:` Chromium runs inside the block.

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
    tmp_path: Path, agency_site: AgencySite, firefox_binary: str
) -> Iterator[Callable[..., AbstractContextManager[Firefox]]]:
    """`with running_firefox(home, visit=True, prefs=None) as browser:` Firefox runs inside.

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
