"""What a scan reads (the requests both fronts build) and what it hands on."""

from __future__ import annotations

from pathlib import Path

import pytest

from fkinspect.demo import build_demo_home
from fkinspect.model import Family, Profile, StoreFormat, StoreLocation
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan, store_files
from fkinspect.synth import SynthCookie, write_chromium_store


def test_the_demo_is_read_as_laid_out_and_keeps_its_backups_inside(tmp_path: Path) -> None:
    policy = load_policy()
    with build_demo_home(tmp_path / "demo", running_firefox=False) as demo:
        scan = run_scan(ScanRequest.for_demo(demo), policy)
        assert demo.backup_root.is_relative_to(demo.home)
    assert sorted({s.location.profile.browser_id for s in scan.stores}) == [
        "brave", "chromium", "firefox-esr"]
    assert scan.policy is policy  # the policy it was classified by travels with it


def test_a_folder_is_read_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    write_chromium_store(home / ".config/chromium/Default/Cookies",
                         [SynthCookie("www.forsakringskassan.se", "JSESSIONID")])
    folder = tmp_path / "copied" / "Default"
    write_chromium_store(folder / "Cookies", [SynthCookie("www.forsakringskassan.se", "_ga")])
    everything = run_scan(ScanRequest(), load_policy())
    alone = run_scan(ScanRequest.for_folder(folder), load_policy())
    assert [c.cookie.name for c in everything.cookies] == ["JSESSIONID"]
    assert [c.cookie.name for c in alone.cookies] == ["_ga"]


def test_the_files_that_make_up_a_store() -> None:
    profile = Profile("firefox", "Firefox", Family.FIREFOX, "p", Path("/p"), Path("/"))
    sqlite = StoreLocation(profile, Path("/p/cookies.sqlite"), StoreFormat.FIREFOX_SQLITE)
    session = StoreLocation(profile, Path("/p/sessionstore.jsonlz4"),
                            StoreFormat.FIREFOX_SESSION)
    assert store_files(sqlite) == (Path("/p/cookies.sqlite"), Path("/p/cookies.sqlite-wal"))
    assert store_files(session) == (Path("/p/sessionstore.jsonlz4"),)
