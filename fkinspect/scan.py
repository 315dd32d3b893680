"""One scan: discover the stores, read each one, classify what was read.

A store that fails gets a status and a message; the others still read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from fkinspect.browsers.chromium import read_chromium
from fkinspect.browsers.discovery import Environment, discover, locations_for_paths
from fkinspect.browsers.firefox import read_firefox
from fkinspect.browsers.firefox_session import read_session_cookies
from fkinspect.browsers.folders import real
from fkinspect.browsers.reading import NOT_READ, failed, failure_words
from fkinspect.browsers.safari import read_binarycookies
from fkinspect.classify import Classifier
from fkinspect.errors import MAX_STORE_COOKIES, StoreError
from fkinspect.i18n import N_
from fkinspect.logs import log_scan, logger
from fkinspect.model import (
    Profile,
    Scan,
    StoreFormat,
    StoreLocation,
    StoreResult,
    StoreStatus,
    Words,
)
from fkinspect.policy import Policy
from fkinspect.running import running_evidence
from fkinspect.scope import Scope

if TYPE_CHECKING:  # the demo's writers are not needed to scan it
    from fkinspect.demo import DemoHome

Progress = Callable[[StoreLocation], None]


class ScanRequest:
    """What to scan: the user's own machine, another home folder, or given files."""

    __slots__ = ("browsers", "discover_home", "environment", "max_cookies", "stores")

    def __init__(self, environment: Environment | None = None, stores: Sequence[Path] = (),
                 browsers: Sequence[str] = (), discover_home: bool = True,
                 max_cookies: int = MAX_STORE_COOKIES) -> None:
        self.environment = environment or Environment.current()  # None: this machine's user
        self.stores = tuple(stores)  # --store: these files or profile folders
        self.browsers = tuple(browsers)  # --browser: only these browser ids
        self.discover_home = discover_home  # False when only --store was given
        self.max_cookies = max_cookies  # a store with more in scope is reported, not read

    @classmethod
    def for_home(cls, home: Path, platform: str | None = None, *, stores: Sequence[Path] = (),
                 browsers: Sequence[str] = ()) -> ScanRequest:
        """A copied or foreign home: its own default folders, not this user's XDG paths."""
        return cls(Environment.of_home(home, platform), stores, browsers)

    @classmethod
    def for_folder(cls, *paths: Path) -> ScanRequest:
        """Only these profile folders or cookie files; no other browser is looked for."""
        return cls(stores=paths, discover_home=False)

    @classmethod
    def for_demo(cls, demo: DemoHome) -> ScanRequest:
        """The demo's home, read as the platform it is laid out for."""
        return cls.for_home(demo.home, platform=demo.platform)


def store_files(location: StoreLocation) -> tuple[Path, ...]:
    """The files a browser writes when a store changes: the store, and SQLite's -wal file
    (the browser may write only that until its next checkpoint)."""
    path = location.path
    if location.format in (StoreFormat.CHROMIUM_SQLITE, StoreFormat.FIREFOX_SQLITE):
        return (path, path.with_name(path.name + "-wal"))
    return (path,)


def locations(request: ScanRequest) -> list[StoreLocation]:
    found: list[StoreLocation] = []
    if request.stores:
        found += locations_for_paths(list(request.stores))
    if request.discover_home:
        found += discover(request.environment, browsers=request.browsers)
    seen: set[Path] = set()
    unique = []
    for location in found:
        key = real(location.path)
        if key not in seen:
            seen.add(key)
            unique.append(location)
    return unique


# What people read about a store discovery could not reach (its message says which file).
_FOLDER_CLOSED = Words(N_("This browser's folder or one of its files may not be read."))

def read_store(location: StoreLocation, scope: Scope, running: bool,
               limit: int = MAX_STORE_COOKIES) -> StoreResult:
    """Read one store; never raises for a bad store (nor reads more than `limit` cookies)."""
    if location.problem:  # discovery could not read its folder or a settings file
        return failed(location, StoreStatus.UNREADABLE, location.problem, _FOLDER_CLOSED)
    try:
        result = _reader(location.format)(location, scope, running, limit)
    except StoreError as exc:
        return failed(location, exc.status, exc.detail or str(exc), failure_words(exc),
                      running=running)
    except Exception as exc:  # a reader bug must cost one store, not the scan
        logger(__name__).exception("reading a %s store failed", location.format)
        return failed(location, StoreStatus.ERROR, f"{type(exc).__name__}", NOT_READ,
                      running=running)
    return replace(result, running=True) if running and not result.running else result


def _reader(fmt: StoreFormat) -> Callable[[StoreLocation, Scope, bool, int], StoreResult]:
    if fmt is StoreFormat.CHROMIUM_SQLITE:
        return lambda loc, scope, running, limit: read_chromium(loc, scope, running=running,
                                                                limit=limit)
    if fmt is StoreFormat.FIREFOX_SQLITE:
        return lambda loc, scope, running, limit: read_firefox(loc, scope, running=running,
                                                               limit=limit)
    if fmt is StoreFormat.FIREFOX_SESSION:
        return lambda loc, scope, running, limit: read_session_cookies(loc, scope, limit=limit)
    return lambda loc, scope, running, limit: read_binarycookies(loc, scope, limit=limit)


def profiles_running(profiles: Iterable[Profile]) -> dict[Profile, bool]:
    return {p: running_evidence(p) is not None for p in set(profiles)}


def run_scan(
    request: ScanRequest,
    policy: Policy,
    progress: Progress | None = None,
    found: Sequence[StoreLocation] | None = None,
) -> Scan:
    """Read every store the request names and classify every cookie in scope."""
    stores = list(found) if found is not None else locations(request)
    running = profiles_running(s.profile for s in stores if not s.problem)
    scope = policy.scope()
    classifier = Classifier(policy)
    results = []
    for location in stores:
        if progress is not None:
            progress(location)
        results.append(read_store(location, scope, running.get(location.profile, False),
                                  request.max_cookies))
    cookies = classifier.classify_all(c for r in results for c in r.cookies)
    scan = Scan(tuple(results), cookies, datetime.now(UTC), policy)
    log_scan(scan, request.environment.home)
    return scan
