"""Fake HOME folders in which a real browser visited the fake site and quit cleanly."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import procs
from .chromium import Chromium, cookies_db
from .firefox import Firefox, profile_in_use, profiles_root, session_store
from .site import AgencySite, ExpectedCookie, expected_cookies
from .versions import BrowserVersion


@dataclass(frozen=True)
class VisitedHome:
    """A HOME after one visit to the home page, and what it should now contain.

    Path-like: `Path(home)`, `os.fspath(home)` and `["--home", home]` all give the HOME.
    """

    home: Path
    browser: str  # "chromium" or "firefox"
    profile: Path  # Chromium: <user-data-dir>/Default; Firefox: <salt>.default-esr
    store: Path  # Cookies / cookies.sqlite
    session_store: Path | None  # Firefox: sessionstore.jsonlz4 (session cookies live here)
    expected: tuple[ExpectedCookie, ...]
    seconds: float  # wall time of the browser run that made it
    # Unix time of the visit. `expected` holds while the home is younger than 30 minutes
    # (_pk_ses.* then expires); copies keep the original's time.
    visited_at: float
    version: BrowserVersion  # what the browser binary said it is
    schema: int  # the store's schema as the browser wrote it: meta version / user_version

    def __fspath__(self) -> str:
        return str(self.home)

    @property
    def schema_label(self) -> str:
        """The store's schema as fkinspect's JSON names it ("meta 24", "user_version 17")."""
        kind = "meta" if self.browser == "chromium" else "user_version"
        return f"{kind} {self.schema}"

    def env(self) -> dict[str, str]:
        """Environment for a program (fkinspect) that should see this HOME as the user's."""
        return procs.browser_env(self.home)

    def cli_args(self) -> list[str]:
        return ["--home", str(self.home)]

    def run_fkinspect(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """`python -m fkinspect ARGS` as a user whose HOME (and XDG folders) is this one.

        e.g. home.run_fkinspect("list", "--home", str(home), "--json")
        """
        return subprocess.run(
            [sys.executable, "-m", "fkinspect", *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def expected_by_name(self) -> dict[str, ExpectedCookie]:
        return {c.name: c for c in self.expected}

    def copy_to(self, home: Path) -> VisitedHome:
        """A private copy (tests may clean it); the original stays as it was."""
        shutil.copytree(self.home, home, symlinks=True)
        # NSS remembers the profile's absolute path; point it at the copy.
        for pkcs11 in home.rglob("pkcs11.txt"):
            text = pkcs11.read_text()
            pkcs11.write_text(text.replace(str(self.home), str(home)))
        moved = {
            "home": home,
            "profile": home / self.profile.relative_to(self.home),
            "store": home / self.store.relative_to(self.home),
            "session_store": (
                home / self.session_store.relative_to(self.home) if self.session_store else None
            ),
        }
        return replace(self, **moved)


def visit_with_chromium(
    home: Path, site: AgencySite, version: BrowserVersion, binary: str | None = None
) -> VisitedHome:
    """Start Chromium on `home`, load the home page, close cleanly."""
    home.mkdir(parents=True, exist_ok=True)
    visited_at = time.time()
    started = time.monotonic()
    with Chromium(home, site, binary=binary) as browser:
        browser.visit_home()
        browser.close()
    store = cookies_db(home)
    return VisitedHome(
        home=home,
        browser="chromium",
        profile=store.parent,
        store=store,
        session_store=None,
        expected=expected_cookies("chromium"),
        seconds=time.monotonic() - started,
        visited_at=visited_at,
        version=version,
        schema=int(_query(store, "SELECT value FROM meta WHERE key = 'version'")),
    )


def visit_with_firefox(
    home: Path,
    site: AgencySite,
    version: BrowserVersion,
    binary: str | None = None,
    *,
    legacy: bool = False,
) -> VisitedHome:
    """Make Firefox's first-run profile in `home`, load the home page, quit cleanly."""
    home.mkdir(parents=True, exist_ok=True)
    visited_at = time.time()
    started = time.monotonic()
    with Firefox(home, site, binary=binary, legacy=legacy) as browser:
        browser.visit_home()
        browser.quit()
    root = profiles_root(home)
    assert root is not None
    profile = profile_in_use(root)
    return VisitedHome(
        home=home,
        browser="firefox",
        profile=profile,
        store=profile / "cookies.sqlite",
        session_store=session_store(profile),
        expected=expected_cookies("firefox"),
        seconds=time.monotonic() - started,
        visited_at=visited_at,
        version=version,
        schema=int(_query(profile / "cookies.sqlite", "PRAGMA user_version")),
    )


def _query(db: Path, sql: str) -> Any:
    """One value from a copy of `db` (the browser's own files stay untouched)."""
    with tempfile.TemporaryDirectory(prefix="fke2e-schema-") as scratch:
        copy = snapshot_sqlite(db, Path(scratch))
        with closing(sqlite3.connect(f"file:{copy}?mode=ro", uri=True)) as con:
            row = con.execute(sql).fetchone()
    if row is None:
        raise AssertionError(f"{db}: {sql} found nothing")
    return row[0]


def snapshot_sqlite(db: Path, into: Path) -> Path:
    """Copy a SQLite store with its -wal/-journal into `into` (never touch the original)."""
    into.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-journal"):
        source = Path(f"{db}{suffix}")
        if source.exists():
            shutil.copy2(source, into / source.name)
    return into / db.name
