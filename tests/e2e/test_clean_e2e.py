"""`fkinspect clean` and `restore` on homes where real Chromium and Firefox ESR visited the site.

The clean removes the analytics cookies from the browser's own store and
nothing else; restore puts exactly those rows back. Started again on the
cleaned profile, the browser no longer sends the analytics cookies to the
site but still sends the persistent ones that were kept. With the browser
still running, the clean is refused (exit 3) and the store's bytes are unchanged.

Observed (Chromium 156, Firefox ESR 153): clean + restart + /echo + close takes
~1.5 s with Chromium and ~3 s with Firefox; the browser's start dominates.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, closing
from pathlib import Path
from typing import Any

import pytest
from e2e_harness.firefox import Firefox, read_mozlz4
from e2e_harness.homes import VisitedHome
from e2e_harness.site import AGENCY_DOMAIN, ANALYTICS, PAGE_COOKIES, AgencySite

from fkinspect.browsers.session_files import session_files

pytestmark = pytest.mark.e2e


def _json(home: VisitedHome, *args: str, code: int = 0) -> dict[str, Any]:
    out = home.run_fkinspect(*args)
    assert out.returncode == code, (out.returncode, out.stdout[-2000:], out.stderr[-2000:])
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def _cookies(home: VisitedHome) -> list[tuple[str, str, str | None, str, str | None, str]]:
    data = _json(home, "list", "--home", str(home.home), "--json")
    return sorted(
        (c["name"], c["host"], c["partition"], c["category"], c["clean_as"], c["source"])
        for c in data["cookies"]
    )


def _scan(home: VisitedHome) -> list[dict[str, Any]]:
    cookies: list[dict[str, Any]] = _json(home, "list", *home.cli_args(), "--json")["cookies"]
    return cookies


def _agency_first_party(cookie: dict[str, Any]) -> bool:
    host = str(cookie["host"]).lstrip(".")
    on_agency = host == AGENCY_DOMAIN or host.endswith(f".{AGENCY_DOMAIN}")
    return on_agency and cookie["partition"] is None and cookie["container"] is None


def _integrity(path: Path) -> str:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.mark.parametrize("browser", ["chromium", "firefox"])
def test_clean_removes_analytics_only_and_restore_brings_them_back(
    browser: str, request: pytest.FixtureRequest
) -> None:
    home: VisitedHome = request.getfixturevalue(f"{browser}_home")
    before = _cookies(home)
    # Analytics go from every store of the closed browser, Firefox's session file too.
    goes = [c for c in before if c[4] == "analytics"]
    stays = [c for c in before if c not in goes]
    assert goes, "the visit should have left analytics cookies"
    assert any(c[3] == "necessary" for c in stays)

    data = _json(home, "clean", "--home", str(home.home), "--yes", "--json")
    assert data["dry_run"] is False and data["exit"] == 0 and data["removed"] == len(goes)
    (store,) = [s for s in data["stores"] if s["format"].endswith("sqlite")]
    in_sqlite = [c for c in goes if c[5] == "sqlite"]
    assert store["status"] == "done" and store["removed"] == len(in_sqlite)
    assert store["journal"] and store["backup"] and Path(store["backup"]).is_file()
    assert Path(store["backup"]).is_relative_to(home.home / ".local" / "share" / "fkinspect")
    assert all("value" not in c for s in data["stores"] for c in s["cookies"])
    for s in data["stores"]:
        if s["format"] == "firefox_session" and s["cookies"]:
            assert s["status"] == "done" and s["journal"], s

    assert _cookies(home) == stays
    assert _integrity(home.store) == "ok"

    out = home.run_fkinspect("restore", "--latest", "--yes")
    assert out.returncode == 0, out.stderr
    assert _cookies(home) == before
    assert _integrity(home.store) == "ok"
    listed = _json(home, "restore", "--list", "--json")
    assert listed["journals"] and {j["state"] for j in listed["journals"]} == {"restored"}


def test_clean_refuses_while_chromium_runs(
    chromium_home: VisitedHome, running_chromium: Callable[..., AbstractContextManager[Any]]
) -> None:
    with running_chromium(chromium_home.home, visit=False):
        # Chromium writes to its own store as it starts (it drops session cookies), so
        # the bytes are compared around the clean only, with the rows as a second check.
        analytics = [c for c in _cookies(chromium_home) if c[4] == "analytics"]
        _wait_until_quiet(chromium_home.store)  # past Chromium's own start-up writes
        before = chromium_home.store.read_bytes()
        out = chromium_home.run_fkinspect("clean", "--home", str(chromium_home.home), "--yes")
        after = chromium_home.store.read_bytes()
        assert out.returncode == 3, (out.stdout, out.stderr)
        assert "Stäng Chromium (profil" in out.stdout and "försök igen" in out.stdout
        data = _json(
            chromium_home, "clean", "--home", str(chromium_home.home), "--yes", "--json", code=3
        )
        (store,) = [s for s in data["stores"] if s["browser"] == "chromium"]
        assert store["status"] == "refused_running" and store["journal"] is None
        assert analytics and [c for c in _cookies(chromium_home) if c[4] == "analytics"] == (
            analytics
        )
    assert after == before or after[100:] == before[100:]  # at most Chromium's header counter
    backups = chromium_home.home / ".local" / "share" / "fkinspect" / "backups"
    assert not backups.exists() or not any(backups.iterdir())


def _wait_until_quiet(store: Path, quiet: float = 2.0, limit: float = 30.0) -> None:
    """Wait until the store and its journal have not changed for `quiet` seconds."""

    def one(path: Path) -> tuple[int, int] | None:
        try:  # the journal comes and goes with Chromium's transactions
            info = path.stat()
        except FileNotFoundError:
            return None
        return info.st_size, info.st_mtime_ns

    def state() -> tuple[object, ...]:
        return one(store), one(store.with_name(store.name + "-journal"))

    deadline = time.monotonic() + limit
    last, since = state(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = state()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
    raise AssertionError(f"Chromium kept writing {store} for {limit} s after it started")


# The page's analytics cookies, documented or a known analytics tool: a cross-check
# of what the scan classifies, not the source of the test's expectations.
PAGE_ANALYTICS = {c.name for c in PAGE_COOKIES if c.category == ANALYTICS or c.known_tool}


@pytest.mark.parametrize("browser", ["chromium", "firefox"])
def test_restarted_browser_sends_no_analytics_after_clean(
    browser: str, request: pytest.FixtureRequest
) -> None:
    home: VisitedHome = request.getfixturevalue(f"{browser}_home")
    running: Callable[..., AbstractContextManager[Any]] = request.getfixturevalue(
        f"running_{browser}"
    )
    before = _scan(home)
    analytics = {c["name"] for c in before if c["clean_as"] == "analytics"}
    assert analytics == PAGE_ANALYTICS
    assert all(c["source"] == "sqlite" for c in before if c["name"] in analytics)

    data = _json(home, "clean", *home.cli_args(), "--yes", "--json")
    removed = {c["name"] for s in data["stores"] if s["status"] == "done" for c in s["cookies"]}
    assert data["exit"] == 0 and removed == analytics

    # What a restarted browser sends: the first-party cookies still in the store that
    # outlive the browser. Session cookies do not: neither browser restores them here.
    kept = _scan(home)
    assert not any(c["clean_as"] == "analytics" for c in kept)
    persistent = {c["name"] for c in kept if _agency_first_party(c) and not c["session"]}
    necessary = {c["name"] for c in kept if c["category"] == "necessary" and not c["session"]}
    assert necessary and necessary <= persistent

    with running(home.home, visit=False) as restarted:
        sent = set(restarted.echo())
    assert not sent & analytics, f"analytics cookies sent after the clean: {sent & analytics}"
    assert sent == persistent
    assert _integrity(home.store) == "ok"
    # The browser did not write them back when it closed.
    assert not any(c["clean_as"] == "analytics" for c in _scan(home))


def test_firefox_restoring_its_session_no_longer_brings_back_a_cleaned_session_cookie(
    firefox_home: VisitedHome,
    agency_site: AgencySite,
    running_firefox: Callable[..., AbstractContextManager[Firefox]],
) -> None:
    """Firefox set to open its previous windows and tabs (browser.startup.page = 3)
    restores session cookies from sessionstore.jsonlz4 at start. With Firefox closed,
    the clean removes a session analytics cookie from that file too; after a restart
    Firefox does not send it, and still sends the necessary session cookies it restored."""
    restore = {"browser.startup.page": 3}
    name = "_pk_ses.2.e2e"  # Matomo's session cookie, here without an expiry
    with running_firefox(firefox_home.home, visit=False, prefs=restore) as browser:
        browser.navigate(agency_site.echo_url)
        browser.execute(f"document.cookie = '{name}=1; Path=/; SameSite=Lax'; return true;")
        # While Firefox runs, the clean is refused and the session file left as it is.
        session_file = firefox_home.session_store
        assert session_file is not None
        running_bytes = session_file.read_bytes() if session_file.exists() else None
        refused = _json(firefox_home, "clean", *firefox_home.cli_args(), "--yes", "--json", code=3)
        assert {s["status"] for s in refused["stores"] if s["cookies"]} == {"refused_running"}
        assert all("Stäng Firefox" in s["message"] for s in refused["stores"] if s["cookies"])
        assert (session_file.read_bytes() if session_file.exists() else None) == running_bytes
    assert firefox_home.session_store is not None
    stored = read_mozlz4(firefox_home.session_store)
    assert name in {c["name"] for c in stored["cookies"]}
    (scanned,) = [c for c in _scan(firefox_home) if c["name"] == name]
    assert (scanned["source"], scanned["clean_as"]) == ("session_store", "analytics")
    # The necessary session cookies of the agency that Firefox keeps for the restore.
    necessary = {
        c["name"]
        for c in _scan(firefox_home)
        if c["source"] == "session_store" and c["category"] == "necessary"
        and _agency_first_party(c)
    }
    assert "JSESSIONID" in necessary

    fallbacks = {p: read_mozlz4(p) for p in session_files(firefox_home.profile)
                 if p != firefox_home.session_store}  # fmt: skip
    data = _json(firefox_home, "clean", *firefox_home.cli_args(), "--yes", "--json")
    session, *others = [s for s in data["stores"] if s["format"] == "firefox_session"]
    assert session["path"].endswith("/sessionstore.jsonlz4")  # the live file comes first
    assert session["status"] == "done" and [c["name"] for c in session["cookies"]] == [name]
    assert session["journal"] and Path(session["backup"]).is_file()
    # The older copies Firefox falls back to: cleaned too, each on its own, and nothing
    # else in them changed.
    assert sorted(Path(o["path"]).name for o in others) == sorted(p.name for p in fallbacks)
    for other in others:
        assert other["status"] in ("done", "nothing"), other
        (path,) = [p for p in fallbacks if p.name == Path(other["path"]).name]
        gone = {(c["name"], c["host"]) for c in other["cookies"]}
        before, after = fallbacks[path], read_mozlz4(path)
        assert {k: v for k, v in after.items() if k != "cookies"} == {
            k: v for k, v in before.items() if k != "cookies"}
        assert after["cookies"] == [c for c in before["cookies"]
                                    if (c["name"], c["host"]) not in gone]  # fmt: skip
    for path in session_files(firefox_home.profile):
        assert name not in {c["name"] for c in read_mozlz4(path)["cookies"]}, path
    cleaned = read_mozlz4(firefox_home.session_store)
    assert name not in {c["name"] for c in cleaned["cookies"]}
    # Everything else in the file is as Firefox wrote it.
    assert {k: v for k, v in cleaned.items() if k != "cookies"} == {
        k: v for k, v in stored.items() if k != "cookies"
    }
    assert cleaned["cookies"] == [c for c in stored["cookies"] if c["name"] != name]

    with running_firefox(firefox_home.home, visit=False, prefs=restore) as browser:
        sent = set(browser.echo())
    assert "JSESSIONID" in sent  # the session really was restored
    assert necessary <= sent
    assert name not in sent, "the cleaned session analytics cookie came back"
    assert _integrity(firefox_home.store) == "ok"
    # Nor did Firefox write it back when it closed.
    assert name not in {c["name"] for c in _scan(firefox_home)}


def test_a_cleaned_session_cookie_leaves_every_session_file_firefox_falls_back_to(
    firefox_home: VisitedHome,
    agency_site: AgencySite,
    running_firefox: Callable[..., AbstractContextManager[Firefox]],
) -> None:
    """Restarted, Firefox moves sessionstore.jsonlz4 to previous.jsonlz4 and, killed, it
    leaves recovery.jsonlz4 (and recovery.baklz4): each holds the session cookies with
    their values, and Firefox starts from whichever is there. The clean takes the cookie
    out of every one; restore puts each file back byte for byte."""
    prefs = {"browser.startup.page": 3, "browser.sessionstore.interval": 500}
    name = "_pk_ses.3.e2e"
    backups = firefox_home.profile / "sessionstore-backups"

    def holding(path: Path) -> bool:
        try:
            return name in {c["name"] for c in read_mozlz4(path).get("cookies", [])}
        except (OSError, ValueError):
            return False

    with running_firefox(firefox_home.home, visit=False, prefs=prefs) as browser:
        browser.navigate(agency_site.echo_url)
        browser.execute(f"document.cookie = '{name}=1; Path=/; SameSite=Lax'; return true;")
    with running_firefox(firefox_home.home, visit=False, prefs=prefs) as browser:
        deadline = time.monotonic() + 60
        while not (holding(backups / "previous.jsonlz4") and holding(backups / "recovery.jsonlz4")):
            assert time.monotonic() < deadline, sorted(p.name for p in backups.iterdir())
            time.sleep(0.2)
        browser.kill()  # a crash: the recovery files stay
    holders = {p: p.read_bytes() for p in session_files(firefox_home.profile) if holding(p)}
    assert len(holders) >= 2, sorted(p.name for p in session_files(firefox_home.profile))

    data = _json(firefox_home, "clean", *firefox_home.cli_args(), "--yes", "--json")
    cleaned = [s for s in data["stores"] if s["format"] == "firefox_session" and s["cookies"]]
    assert len(cleaned) == len(holders) and {s["status"] for s in cleaned} == {"done"}
    assert not [p for p in session_files(firefox_home.profile) if holding(p)]

    out = firefox_home.run_fkinspect("restore", "--latest", "--yes")
    assert out.returncode == 0, (out.stdout, out.stderr)
    for path, data_before in holders.items():
        assert path.read_bytes() == data_before, path
