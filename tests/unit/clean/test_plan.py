"""Plans from real scans of mixed stores: what goes, what stays, what is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.clean import Refusal, make_plan
from fkinspect.i18n import say
from fkinspect.model import Category, Profile
from fkinspect.running import RunningEvidence
from fkinspect.synth import SynthCookie
from tests.unit.clean.support import (
    AG,
    ANALYTICS,
    LATER,
    WWW,
    chromium_store,
    firefox_store,
    not_running,
    scan,
)


def _names(items: object) -> list[str]:
    return sorted(i.cookie.name for i in items)  # type: ignore[attr-defined]


def test_plan_takes_documented_and_undocumented_analytics_only(tmp_path: Path) -> None:
    chrome = chromium_store(tmp_path)
    fox = firefox_store(tmp_path)
    plan = make_plan(scan(chrome, fox), check_running=not_running)
    by_path = {s.path: s for s in plan.stores}
    c, f = by_path[chrome], by_path[fox]
    assert _names(c.remove) == sorted(ANALYTICS)
    # The container twin of _pk_id is a row of its own and goes too.
    assert _names(f.remove) == sorted([*ANALYTICS, "_pk_id.1.abcd"])
    containers = sorted(
        str(i.cookie.container) for i in f.remove if i.cookie.name == "_pk_id.1.abcd"
    )
    assert containers == ["#1", "None"]
    for store in (c, f):
        kept = _names(store.keep)
        assert "JSESSIONID" in kept and "fk_test_cookie" in kept and "mystery_cookie" in kept
        assert kept.count("JSESSIONID") == 2  # the path twin stays as its own row
        assert "VISITOR_INFO1_LIVE" in kept  # third party: not asked for
        assert store.refusal is None and store.writable
        # Undocumented tools are shown as such: category undocumented, cleaned as analytics.
        ga = next(i for i in store.remove if i.cookie.name == "_ga")
        assert ga.classification.category is Category.UNDOCUMENTED
        assert ga.classification.clean_as is Category.ANALYTICS
        # Every planned row is named by its full key and row id.
        assert all(i.cookie.rowid is not None and i.cookie.key for i in store.remove)
        # Out-of-scope look-alikes and other sites are not even in the scan.
        assert all(i.cookie.domain.endswith("forsakringskassan.se") for i in store.remove)
        assert all(i.cookie.host != ".notforsakringskassan.se" for i in store.remove + store.keep)
    assert plan.to_remove == len(c.remove) + len(f.remove)
    assert not plan.refused


def test_partitioned_third_party_cookie_goes_only_when_picked(tmp_path: Path) -> None:
    chrome = chromium_store(tmp_path)
    found = scan(chrome)
    with pytest.raises(ValueError, match="one by one"):
        make_plan(found, categories=(Category.THIRD_PARTY,), check_running=not_running)
    youtube = [i for i in found.cookies if i.cookie.name == "VISITOR_INFO1_LIVE"]
    plan = make_plan(found, categories=(), picked=youtube, check_running=not_running)
    (store,) = plan.stores
    assert _names(store.remove) == ["VISITOR_INFO1_LIVE"]
    assert store.remove[0].cookie.partition == "https://forsakringskassan.se"


def test_picked_cookies_go_one_by_one_never_wholesale(tmp_path: Path) -> None:
    chrome = chromium_store(tmp_path)
    found = scan(chrome)
    mystery = [i for i in found.cookies if i.cookie.name == "mystery_cookie"]
    jsession = [i for i in found.cookies if i.cookie.name == "JSESSIONID" and i.cookie.path == "/"]
    plan = make_plan(found, picked=[*mystery, *jsession], check_running=not_running)
    (store,) = plan.stores
    assert _names(store.remove) == sorted([*ANALYTICS, "mystery_cookie", "JSESSIONID"])
    # Only the picked twin: the one on /mina-sidor stays.
    assert [i.cookie.path for i in store.keep if i.cookie.name == "JSESSIONID"] == ["/mina-sidor"]
    # Picking nothing of analytics: only the picked rows.
    plan = make_plan(found, categories=(), picked=mystery, check_running=not_running)
    assert _names(plan.stores[0].remove) == ["mystery_cookie"]
    for category in (Category.NECESSARY, Category.UNDOCUMENTED, Category.THIRD_PARTY):
        with pytest.raises(ValueError, match="one by one"):
            make_plan(found, categories=(category,), check_running=not_running)


def test_running_browser_is_refused_by_name_and_others_still_planned(tmp_path: Path) -> None:
    chrome = chromium_store(tmp_path)
    fox = firefox_store(tmp_path)

    def firefox_runs(profile: Profile) -> RunningEvidence | None:
        if profile.family.value == "firefox":
            return RunningEvidence(profile.browser_name, profile.name, "its lock is held")
        return None

    plan = make_plan(scan(chrome, fox), check_running=firefox_runs)
    by_path = {s.path: s for s in plan.stores}
    assert by_path[chrome].writable
    refused = by_path[fox]
    assert refused.refusal is Refusal.RUNNING and not refused.writable
    said = say(refused.message, "sv")
    assert said == "Stäng Firefox (profil abcd1234.default-release) och försök igen"
    assert plan.refused == (refused,)
    assert plan.to_remove == len(by_path[chrome].remove)


def test_session_store_cookies_are_planned_by_key_and_refused_while_firefox_runs(
    tmp_path: Path,
) -> None:
    profile = tmp_path / "firefox" / "abcd1234.default-release"
    fox = firefox_store(tmp_path, cookies=[SynthCookie(WWW, "JSESSIONID", expires=LATER)])
    session = profile / "sessionstore.jsonlz4"
    write_session_store(
        session,
        [
            {
                "host": WWW,
                "name": "_pk_ses.1.abcd",
                "path": "/",
                "value": "s",
                "originAttributes": {},
            },
            {"host": AG, "name": "SMSESSION", "path": "/", "value": "s", "originAttributes": {}},
        ],
    )
    plan = make_plan(scan(fox, session), check_running=not_running)
    by_path = {s.path: s for s in plan.stores}
    assert not by_path[fox].remove
    store = by_path[session]
    assert _names(store.remove) == ["_pk_ses.1.abcd"] and _names(store.keep) == ["SMSESSION"]
    # No row id: the entry is named by its full key, as the reader builds it.
    assert store.remove[0].cookie.rowid is None
    assert store.remove[0].cookie.key == ("_pk_ses.1.abcd", WWW, "/", "")
    assert store.refusal is None and store.writable and plan.to_remove == 1

    def firefox_runs(profile: Profile) -> RunningEvidence | None:
        return RunningEvidence(profile.browser_name, profile.name, "its lock is held")

    running = make_plan(scan(fox, session), check_running=firefox_runs)
    store = {s.path: s for s in running.stores}[session]
    assert store.refusal is Refusal.RUNNING and not store.writable
    said = say(store.message, "sv")
    assert said == "Stäng Firefox (profil abcd1234.default-release) och försök igen"
    assert running.to_remove == 0 and running.refused == (store,)


def test_no_policy_no_plan(tmp_path: Path) -> None:
    """Fail closed: a plan comes from a scan, and a scan carries the policy it was
    classified by; with a broken policy file `clean` stops before either, and the store
    stays byte for byte as it was."""
    root = Path(__file__).resolve().parents[3]
    shutil.copytree(
        root / "fkinspect", tmp_path / "fkinspect", ignore=shutil.ignore_patterns("__pycache__")
    )
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "policy.toml").write_text("[source]\ntitle = 'x'\n")
    store = chromium_store(tmp_path / "profile")
    before = store.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1",
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "fkinspect", "clean", "--store", str(store), "--yes"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "policy" in done.stderr
    assert store.read_bytes() == before
    assert not (tmp_path / "data").exists()  # no backup, no journal: nothing was begun
