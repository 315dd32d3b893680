"""One count for people: each cookie under what a clean takes it for, and once however many
files of its profile hold it. Read from real stores (the demo home, real mozLz4 files)."""

from __future__ import annotations

from pathlib import Path

from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.clean import make_plan
from fkinspect.demo import build_demo_home
from fkinspect.model import Category
from fkinspect.policy import load_policy
from fkinspect.presentation import cleanable, each_once, overview, shown_category, shown_label
from fkinspect.scan import ScanRequest, run_scan
from fkinspect.synth import write_firefox_store

AGENCY = ".forsakringskassan.se"


def test_the_analytics_count_is_what_a_clean_removes(tmp_path: Path) -> None:
    with build_demo_home(tmp_path, running_firefox=False) as demo:
        scan = run_scan(ScanRequest.for_demo(demo), load_policy())
    view = overview(scan.cookies)
    assert view.analytics == view.in_category(Category.ANALYTICS) == len(cleanable(scan.cookies))
    assert view.analytics == 8
    assert view.in_category(Category.UNDOCUMENTED) == 1  # fk_beta_feedback alone
    # The agency's own (with Firefox closed, its 4 session cookies too) apart from
    # YouTube's; the demo's facebook.com fr expired as it was written.
    assert (view.total, view.others, view.expired) == (26, 3, 1)
    assert view.other_sites == ("youtube.com",)
    assert sum(n for _c, n in view.per_category) == view.total + view.others
    assert view.total + view.others + view.expired == len(scan.cookies)
    assert view.unlisted_analytics == 2
    assert set(view.unlisted_tools) == {"Matomo", "Google Analytics"}
    ga = next(i for i in scan.cookies if i.cookie.name == "_ga")
    assert ga.classification.category is Category.UNDOCUMENTED  # the list's word stays
    assert shown_category(ga.classification) is Category.ANALYTICS
    assert shown_label(ga.classification, "sv") == "Webbanalys, inte dokumenterad"
    assert shown_label(ga.classification, "en") == "Web analytics, undocumented"
    kept = next(i for i in scan.cookies if i.cookie.name == "fk_beta_feedback")
    assert shown_label(kept.classification, "sv") == "Inte dokumenterad"


def _entry(name: str, n: int) -> dict[str, object]:
    return {"host": AGENCY, "name": name, "value": f"v{n}", "path": "/", "secure": True,
            "originAttributes": {"userContextId": 0}}


def test_a_cookie_in_several_session_files_counts_once(tmp_path: Path) -> None:
    root = tmp_path / ".mozilla" / "firefox"
    profile = root / "k3m9q2xa.default-esr"
    (profile / "sessionstore-backups").mkdir(parents=True)
    (root / "profiles.ini").write_text(
        "[Profile0]\nName=default-esr\nIsRelative=1\nPath=k3m9q2xa.default-esr\n",
        encoding="utf-8")
    (profile / ".parentlock").touch()
    write_firefox_store(profile / "cookies.sqlite", [])  # every profile has one
    files = [profile / "sessionstore.jsonlz4",
             profile / "sessionstore-backups" / "recovery.jsonlz4"]
    for n, path in enumerate(files):
        write_session_store(path, [_entry("_ga", n), _entry("SMSESSION", n)])
    scan = run_scan(ScanRequest.for_home(tmp_path), load_policy())
    plan = make_plan(scan, check_running=lambda _profile: None)
    goes = [item for store in plan.stores for item in store.remove]
    assert len(goes) == 2  # the plan removes it from both files
    (once,) = each_once(goes)
    assert once.item.cookie.name == "_ga"
    assert once.paths == tuple(files)
    kept = each_once(item for store in plan.stores for item in store.keep)
    assert [c.item.cookie.name for c in kept] == ["SMSESSION"]
