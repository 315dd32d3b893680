"""The records a scan returns are plain values: they compare, hash, copy and pickle."""

from __future__ import annotations

import copy
import pickle
from dataclasses import replace
from pathlib import Path

from fkinspect.demo import build_demo_home
from fkinspect.model import Category, Family, Profile
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan


def test_a_whole_scan_copies_and_pickles(tmp_path: Path) -> None:
    with build_demo_home(tmp_path / "demo", running_firefox=False) as demo:
        scan = run_scan(ScanRequest.for_demo(demo), load_policy())
    assert {c.classification.category for c in scan.cookies} >= {Category.ANALYTICS}
    assert any(not f.detail for c in scan.cookies for f in c.classification.findings)
    assert copy.deepcopy(scan) == scan
    assert pickle.loads(pickle.dumps(scan)) == scan


def test_profiles_are_keys_whatever_their_containers() -> None:
    plain = Profile("firefox", "Firefox", Family.FIREFOX, "p", Path("/p"), Path("/"))
    named = replace(plain, containers={1: "Arbete"})
    assert plain.containers == {} and plain != named
    by_profile = {plain: "plain", named: "named"}
    assert by_profile[replace(plain)] == "plain"
    assert by_profile[replace(named, containers={1: "Arbete"})] == "named"
