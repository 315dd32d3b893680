"""One scan: discover the stores, read each one, classify what was read.

A store that fails gets a status and a message; the others still read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from fkinspect.browsers.discovery import Environment, discover, locations_for_paths
from fkinspect.classify import Classifier
from fkinspect.errors import StoreError
from fkinspect.logs import log_scan, logger
from fkinspect.model import Profile, Scan, StoreFormat, StoreLocation, StoreResult, StoreStatus
from fkinspect.policy import Policy
from fkinspect.scope import Scope

Progress = Callable[[StoreLocation], None]


class ScanRequest:
    """What to scan: the user's own machine, another home folder, or given files."""

    __slots__ = ("browsers", "discover_home", "environment", "stores")

    def __init__(self, environment: Environment | None = None, stores: Sequence[Path] = (),
                 browsers: Sequence[str] = (), discover_home: bool = True) -> None:
        self.environment = environment or Environment.current()  # None: this machine's user
        self.stores = tuple(stores)  # --store: these files or profile folders
        self.browsers = tuple(browsers)  # --browser: only these browser ids
        self.discover_home = discover_home  # False when only --store was given

    @classmethod
    def for_home(cls, home: Path, platform: str | None = None) -> ScanRequest:
        """A copied or foreign home: its own default folders, not this user's XDG paths."""
        return cls(Environment.of_home(home, platform))


def locations(request: ScanRequest) -> list[StoreLocation]:
    found: list[StoreLocation] = []
    if request.stores:
        found += locations_for_paths(list(request.stores))
    if request.discover_home:
        found += discover(request.environment, browsers=request.browsers)
    seen: set[Path] = set()
    unique = []
    for location in found:
        key = location.path.resolve() if location.path.exists() else location.path
        if key not in seen:
            seen.add(key)
            unique.append(location)
    return unique


def read_store(location: StoreLocation, scope: Scope, running: bool) -> StoreResult:
    """Read one store; never raises for a bad store."""
    try:
        result = _reader(location.format)(location, scope, running)
    except StoreError as exc:
        return StoreResult(location, exc.status, exc.detail or str(exc), running=running)
    except Exception as exc:  # a reader bug must cost one store, not the scan
        logger(__name__).exception("reading a %s store failed", location.format)
        return StoreResult(location, StoreStatus.ERROR, f"{type(exc).__name__}", running=running)
    return replace(result, running=True) if running and not result.running else result


def _reader(fmt: StoreFormat) -> Callable[[StoreLocation, Scope, bool], StoreResult]:
    if fmt is StoreFormat.CHROMIUM_SQLITE:
        from fkinspect.browsers.chromium import read_chromium

        return lambda loc, scope, running: read_chromium(loc, scope, running=running)
    if fmt is StoreFormat.FIREFOX_SQLITE:
        from fkinspect.browsers.firefox import read_firefox

        return lambda loc, scope, running: read_firefox(loc, scope, running=running)
    if fmt is StoreFormat.FIREFOX_SESSION:
        from fkinspect.browsers.firefox_session import read_session_cookies

        return lambda loc, scope, running: read_session_cookies(loc, scope)
    from fkinspect.browsers.safari import read_binarycookies

    return lambda loc, scope, running: read_binarycookies(loc, scope)


def profiles_running(profiles: Iterable[Profile]) -> dict[Profile, bool]:
    from fkinspect.running import running_evidence

    return {p: running_evidence(p) is not None for p in set(profiles)}


def run_scan(
    request: ScanRequest,
    policy: Policy,
    progress: Progress | None = None,
    found: Sequence[StoreLocation] | None = None,
) -> Scan:
    """Read every store the request names and classify every cookie in scope."""
    stores = list(found) if found is not None else locations(request)
    running = profiles_running(s.profile for s in stores)
    scope = policy.scope()
    classifier = Classifier(policy)
    results = []
    for location in stores:
        if progress is not None:
            progress(location)
        results.append(read_store(location, scope, running[location.profile]))
    cookies = classifier.classify_all(c for r in results for c in r.cookies)
    scan = Scan(tuple(results), cookies, datetime.now(UTC))
    log_scan(scan, request.environment.home)
    return scan
