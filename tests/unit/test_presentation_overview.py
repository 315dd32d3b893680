"""What the window's overview and details decide without Qt: what the button removes and
why, the page's lifetime against a tool's default, one row order, rows told apart.
Read from real stores (the demo home, real SQLite and mozLz4 files)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.clean import make_plan
from fkinspect.clean.plan import can_write
from fkinspect.demo import build_demo_home
from fkinspect.model import Category, Scan
from fkinspect.policy import load_policy
from fkinspect.presentation import (
    CATEGORY_ORDER,
    Distinction,
    LifetimeFit,
    Removal,
    button_removes,
    cleanable,
    lifetime_fit,
    live,
    look_alikes,
    page_lifetime,
    removal,
    table_order,
    tool_lifetime,
)
from fkinspect.scan import ScanRequest, run_scan
from fkinspect.synth import SynthCookie, write_firefox_store

LATER = datetime.now(UTC) + timedelta(days=30)


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Scan:
    with build_demo_home(tmp_path_factory.mktemp("demo"), running_firefox=False) as demo:
        return run_scan(ScanRequest.for_demo(demo), load_policy())


def _one(scan: Scan, name: str, browser: str = "chromium"):  # type: ignore[no-untyped-def]
    return next(i for i in scan.cookies if i.cookie.name == name
                and i.cookie.store.profile.browser_id == browser)


def test_only_analytics_is_touched_by_the_button() -> None:
    assert [c for c in CATEGORY_ORDER if button_removes(c)] == [Category.ANALYTICS]


def test_the_details_verdict_is_what_the_plan_removes(scan: Scan) -> None:
    now = scan.finished
    verdicts = {i.cookie.identity: removal(i, now, can_write(i.cookie.store))
                for i in scan.cookies}
    plan = make_plan(scan, check_running=lambda _p: None)
    planned = {i.cookie.identity for s in plan.stores if s.writable for i in s.remove}
    said = {ident for ident, verdict in verdicts.items() if verdict.removed}
    assert said == planned == {i.cookie.identity for i in cleanable(live(scan.cookies, now))}
    assert removal(_one(scan, "_pk_id.1.3f2a"), now) is Removal.LISTED
    assert removal(_one(scan, "_pk_ref.1.3f2a"), now) is Removal.KNOWN_TOOL
    assert removal(_one(scan, "_ga"), now) is Removal.KNOWN_TOOL
    assert removal(_one(scan, "SMSESSION"), now) is Removal.KEPT
    assert removal(_one(scan, "fk_beta_feedback"), now) is Removal.KEPT
    assert removal(_one(scan, "VISITOR_INFO1_LIVE"), now) is Removal.OTHER_SITE
    assert removal(_one(scan, "fr", "firefox-esr"), now) is Removal.EXPIRED
    # An analytics cookie in a file fkinspect only reads (Safari's) is not removed.
    assert removal(_one(scan, "_pk_id.1.3f2a"), now, writable=False) is Removal.READ_ONLY
    assert not Removal.READ_ONLY.removed


def test_a_tool_s_default_is_never_the_page_s_lifetime(scan: Scan) -> None:
    policy = scan.policy
    ref = _one(scan, "_pk_ref.1.3f2a").classification
    assert page_lifetime(policy, ref) is None
    assert lifetime_fit(policy, ref) is LifetimeFit.NOT_STATED
    tool = tool_lifetime(policy, ref)
    assert tool is not None and tool[0] == "Matomo" and tool[1].code == "P6M"
    pk_id = _one(scan, "_pk_id.1.3f2a").classification
    assert page_lifetime(policy, pk_id) is not None and tool_lifetime(policy, pk_id) is None
    assert lifetime_fit(policy, pk_id) is LifetimeFit.AS_STATED
    assert lifetime_fit(policy, _one(scan, "vngage.lkvt").classification) is LifetimeFit.LONGER
    assert lifetime_fit(policy, _one(scan, "fk_menu-keepopen").classification) \
        is LifetimeFit.KEPT_AFTER_CLOSE
    assert lifetime_fit(policy, _one(scan, "statistics_optin").classification) \
        is LifetimeFit.BROWSER_CAP
    youtube = _one(scan, "VISITOR_INFO1_LIVE").classification
    assert page_lifetime(policy, youtube) is None and tool_lifetime(policy, youtube) is None


def test_one_order_grouped_by_profile_whatever_order_they_came_in(scan: Scan) -> None:
    profiles = list(dict.fromkeys(s.location.profile for s in scan.stores))
    key = table_order(profiles)
    first = sorted(scan.cookies, key=key)
    shuffled = list(scan.cookies)
    random.Random(13).shuffle(shuffled)
    assert sorted(shuffled, key=key) == first
    # Each profile's rows together, in scan order; in each, the categories in their order.
    seen = [i.cookie.store.profile for i in first]
    assert list(dict.fromkeys(seen)) == profiles
    changes = sum(1 for a, b in pairwise(seen) if a != b)
    assert changes == len(profiles) - 1
    chromium = [i for i in first if i.cookie.store.profile == profiles[0]]
    ranks = [key(i)[2] for i in chromium]
    assert ranks == sorted(ranks)


def test_rows_that_read_alike_are_told_apart(tmp_path: Path) -> None:
    """JSESSIONID once saved to Firefox's database and once as a session cookie in its
    session file; two cookies whose names and sites agree but whose paths differ."""
    root = tmp_path / ".mozilla" / "firefox"
    profile = root / "k3m9q2xa.default-esr"
    profile.mkdir(parents=True)
    (root / "profiles.ini").write_text(
        "[Profile0]\nName=default-esr\nIsRelative=1\nPath=k3m9q2xa.default-esr\n",
        encoding="utf-8")
    (profile / ".parentlock").touch()
    write_firefox_store(profile / "cookies.sqlite", [
        SynthCookie("www.forsakringskassan.se", "fk_sokfras", path="/", expires=LATER),
        SynthCookie("www.forsakringskassan.se", "fk_sokfras", path="/sv/privatperson",
                    expires=LATER),
        SynthCookie("www.forsakringskassan.se", "JSESSIONID", expires=LATER)])
    write_session_store(profile / "sessionstore.jsonlz4", [
        {"host": "www.forsakringskassan.se", "name": "JSESSIONID", "value": "v",
         "path": "/", "secure": True, "originAttributes": {"userContextId": 0}}])
    scan = run_scan(ScanRequest.for_home(tmp_path), load_policy())
    alike = look_alikes(scan.cookies)
    by_name: dict[str, list[Distinction]] = {}
    for item in scan.cookies:
        if item.cookie.identity in alike:
            by_name.setdefault(item.cookie.name, []).append(alike[item.cookie.identity])
    assert sorted(d.cookie_path for d in by_name["fk_sokfras"]) == ["/", "/sv/privatperson"]
    assert all(d.file is None for d in by_name["fk_sokfras"])
    assert sorted(d.file.name for d in by_name["JSESSIONID"] if d.file) == [
        "cookies.sqlite", "sessionstore.jsonlz4"]
    assert all(d.cookie_path is None for d in by_name["JSESSIONID"])
