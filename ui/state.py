"""What the window knows that is not a widget: what is on screen, what to read next.

The background jobs the window runs are here too: plain calls of the core, each
run by an Op off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from fkinspect.demo import DemoHome, build_demo_home
from fkinspect.logs import logger
from fkinspect.model import ClassifiedCookie, Scan, StoreLocation
from fkinspect.pagelist.stored import policy_in_use
from fkinspect.policy import Policy
from fkinspect.presentation import Naming, cleanable, live
from fkinspect.scan import ScanRequest, run_scan

Progress = Callable[[StoreLocation], None]


@dataclass
class WindowState:
    naming: Naming  # shared by every view; presentation mode hides names
    demo: bool = False
    scan: Scan | None = None  # what is on screen; None while the first reading runs
    problem: str = ""  # the scan as a whole failed: why, in words for people
    demo_home: DemoHome | None = None  # while the demo is shown
    demo_because_empty: bool = False  # the first scan found no browser, so the demo opened
    scanned_once: bool = False
    folder: Path | None = None  # "Open profile folder": only this one is read
    refresh_pending: bool = False  # asked to read again while a reading ran
    last_journal: str | None = None  # the newest clean that undo can put back

    @property
    def policy(self) -> Policy | None:
        return self.scan.policy if self.scan is not None else None

    def analytics(self) -> tuple[ClassifiedCookie, ...]:
        """What the clean button removes: the live analytics cookies on screen."""
        return cleanable(self.live().cookies) if self.scan is not None else ()

    def live(self) -> Scan:
        """What is on screen without the cookies expired when it was read: those the
        browser removes by itself, so a clean leaves them (and counts do not show them)."""
        if self.scan is None:
            raise ValueError("nothing has been read")
        return replace(self.scan, cookies=live(self.scan.cookies, self.scan.finished))

    def home(self) -> Path:
        """The home the files on screen are named from."""
        return self.demo_home.home if self.demo_home is not None else Path.home()

    def backup_root(self) -> Path | None:
        """The demo keeps its backups in its own home; None: the user's own folder."""
        return self.demo_home.backup_root if self.demo_home is not None else None

    def request(self) -> ScanRequest | None:
        """What the next reading reads; None when the demo must be built first."""
        if self.demo:
            return ScanRequest.for_demo(self.demo_home) if self.demo_home else None
        if self.folder is not None:
            return ScanRequest.for_folder(self.folder)
        return ScanRequest()

    def drop_demo(self) -> None:
        if self.demo_home is not None:
            self.demo_home.close()
            self.demo_home = None


@dataclass(frozen=True, slots=True)
class DemoReading:
    """A demo home built for a reading, and what the reading found there."""

    home: DemoHome
    scan: Scan


def read(request: ScanRequest, progress: Progress) -> Scan:
    """Load the list in use (PolicyError when not even the built-in one loads), then scan.

    An adopted list that cannot be used is logged here and said in the About box."""
    in_use = policy_in_use()
    if in_use.problem is not None:
        logger(__name__).warning("adopted cookie list ignored (%s): %s", in_use.problem,
                                 in_use.detail)
    return run_scan(request, in_use.policy, progress=progress)


def read_demo(progress: Progress) -> DemoReading:
    """Build a demo home, then scan it; nothing is left behind when either fails."""
    home = build_demo_home()
    try:
        return DemoReading(home, read(ScanRequest.for_demo(home), progress))
    except BaseException:
        home.close()
        raise
