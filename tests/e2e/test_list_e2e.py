"""`fkinspect list` on homes where real Chromium and Firefox ESR visited the fake site."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from e2e_harness.firefox import FAST_SESSION_WRITES, Firefox, wait_for_recovery
from e2e_harness.homes import VisitedHome
from e2e_harness.versions import firefox_browser_id

pytestmark = pytest.mark.e2e
ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def _list(home: VisitedHome, *extra: str) -> dict[str, Any]:
    out = home.run_fkinspect("list", "--home", str(home.home), "--json", *extra)
    assert out.returncode == 0, out.stderr
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def _check_against_expected(home: VisitedHome, data: dict[str, Any]) -> None:
    cookies = data["cookies"]
    got = {(c["name"], c["host"], c["partition"]): c for c in cookies}
    wanted = {(e.name, e.host, e.partition): e for e in home.expected}
    assert set(got) == set(wanted)
    for key, expected in wanted.items():
        cookie = got[key]
        assert cookie["category"] == expected.category, key
        assert cookie["session"] is expected.session, key
        assert (cookie["expires"] is None) is expected.session, key
        if cookie["expires"] is not None:
            assert ISO_Z.match(cookie["expires"]), cookie["expires"]
        assert "value" not in cookie


def test_chromium_home_lists_every_stored_cookie(chromium_home: VisitedHome) -> None:
    before = _tree(chromium_home.profile)
    data = _list(chromium_home)
    _check_against_expected(chromium_home, data)
    (store,) = [s for s in data["stores"] if s["browser"] == "chromium"]
    assert (store["status"], store["method"]) == ("ok", "immutable")
    assert store["schema"] == chromium_home.schema_label
    by_name = {c["name"]: c for c in data["cookies"]}
    capped = by_name["Fk_hide_cookie_warning"]
    assert [f["code"] for f in capped["findings"]] == ["browser_cap"]
    assert by_name["yt_chips_test"]["partition"] == "https://forsakringskassan.se"
    assert by_name["yt_chips_test"]["category"] == "third_party"
    assert _tree(chromium_home.profile) == before, "reading left a trace in the profile"


def test_firefox_home_lists_sqlite_and_session_store_cookies(firefox_home: VisitedHome) -> None:
    before = _tree(firefox_home.profile)
    data = _list(firefox_home)
    _check_against_expected(firefox_home, data)
    sources = {c["name"]: c["source"] for c in data["cookies"]}
    assert sources["JSESSIONID"] == "session_store"
    assert sources["_pk_ses.1.abcd"] == "sqlite"
    browser = firefox_browser_id(firefox_home.version)
    formats = {s["format"]: s for s in data["stores"] if s["browser"] == browser}
    assert formats["firefox_sqlite"]["schema"] == firefox_home.schema_label
    assert formats["firefox_session"]["status"] == "ok"
    assert _tree(firefox_home.profile) == before, "reading left a trace in the profile"


def test_category_filter(chromium_home: VisitedHome) -> None:
    data = _list(chromium_home, "--category", "analytics")
    assert data["cookies"]
    assert {c["category"] for c in data["cookies"]} == {"analytics"}


def test_running_firefox_is_read_through_a_copy_without_a_trace(
    tmp_path: Path, running_firefox: Callable[..., AbstractContextManager[Firefox]]
) -> None:
    home = tmp_path / "home"
    with running_firefox(home, prefs=FAST_SESSION_WRITES) as browser:
        assert browser.profile is not None
        profile: Path = browser.profile
        # Firefox writes its live session state after the visit (every 15 s by default).
        held = wait_for_recovery(profile, {"JSESSIONID"})
        assert "JSESSIONID" in held, f"recovery.jsonlz4 cookies: {sorted(held)}"
        files_before = {p.name for p in profile.iterdir()}
        out = subprocess.run(
            [sys.executable, "-m", "fkinspect", "list", "--home", str(home), "--json"],
            capture_output=True, text=True, env=dict(os.environ, HOME=str(home)), check=False,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        data = json.loads(out.stdout)
        stores = {s["format"]: s for s in data["stores"]}
        assert stores["firefox_sqlite"]["running"] is True
        assert stores["firefox_sqlite"]["method"] == "copy"
        assert stores["firefox_session"]["path"].endswith("recovery.jsonlz4")
        sources = {c["name"]: c["source"] for c in data["cookies"]}
        assert sources.get("JSESSIONID") == "session_store"
        # Firefox itself may write a file meanwhile (handlers.json, seen here); what the
        # read must not leave is an SQLite side file of a store, or a file of its own.
        new = {p.name for p in profile.iterdir()} - files_before
        assert not {n for n in new if n.startswith(("cookies.sqlite", "sessionstore"))
                    or "fkinspect" in n}, sorted(new)  # fmt: skip
