"""A running browser's store is refused and left byte for byte; the others are cleaned.

Real locks held by real child processes: an fcntl lock on Firefox's
.parentlock, a SingletonLock symlink to a live (and to a dead) pid.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from fkinspect.clean import RestoreStatus, Status, make_plan, restore, run_clean
from fkinspect.i18n import say
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan
from tests.unit.children import HOLD_LOCK, WAIT, Child
from tests.unit.clean.support import ANALYTICS, agency_names, chromium_store, firefox_store, scan

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fcntl locks and symlinks")

def test_firefox_lock_refuses_that_store_and_cleans_the_other(tmp_path: Path) -> None:
    fox = firefox_store(tmp_path)
    chrome = chromium_store(tmp_path)
    child = Child(HOLD_LOCK, str(fox.parent / ".parentlock"))
    try:
        child.expect("locked")
        fox_bytes = fox.read_bytes()
        found = scan(fox, chrome)
        plan = make_plan(found)
        refused = {s.path: s for s in plan.stores}[fox]
        said = say(refused.message, "sv")
        assert said == "Stäng Firefox (profil abcd1234.default-release) och försök igen"
        result = run_clean(plan, backup_root=tmp_path / "b")
        by_path = {o.location.path: o for o in result.stores}
        assert by_path[fox].status is Status.REFUSED_RUNNING
        said = say(by_path[fox].message, "sv")
        assert said == say(refused.message, "sv") and not by_path[fox].removed
        assert fox.read_bytes() == fox_bytes  # not a byte changed
        assert by_path[chrome].status is Status.DONE
        assert not ANALYTICS & set(agency_names(chrome))
        # Restoring is refused the same way while the browser runs.
        result2 = run_clean(
            make_plan(scan(fox), check_running=lambda _p: None),
            backup_root=tmp_path / "b2",
            check_running=lambda _p: None,
        )
        assert result2.stores[0].status is Status.DONE
        undo = restore(result2.journal_id or "", backup_root=tmp_path / "b2")
        assert undo.stores[0].status is RestoreStatus.REFUSED_RUNNING
        assert "Stäng Firefox" in say(undo.stores[0].message, "sv")
    finally:
        child.finish()
    undo = restore(result2.journal_id or "", backup_root=tmp_path / "b2")
    assert undo.stores[0].status is RestoreStatus.RESTORED


def test_lock_taken_between_plan_and_write_is_noticed(tmp_path: Path) -> None:
    """The check runs again right before the store is written."""
    fox = firefox_store(tmp_path)
    plan = make_plan(scan(fox))
    assert plan.stores[0].writable
    before = fox.read_bytes()
    child = Child(HOLD_LOCK, str(fox.parent / ".parentlock"))
    try:
        child.expect("locked")
        result = run_clean(plan, backup_root=tmp_path / "b")
    finally:
        child.finish()
    assert result.stores[0].status is Status.REFUSED_RUNNING
    assert fox.read_bytes() == before
    assert result.journal_id is None
    assert not (tmp_path / "b").exists() or not list((tmp_path / "b").iterdir())


@pytest.mark.parametrize("alive", [True, False])
def test_chromium_singleton_lock(tmp_path: Path, alive: bool) -> None:
    chrome = chromium_store(tmp_path)
    child = Child(WAIT, "chromium")  # a process that calls itself chromium
    child.expect("ready")
    pid = child.proc.pid
    if not alive:
        child.finish()  # reaped: the pid is gone, the lock is stale as after a crash
    lock = chrome.parent.parent / "SingletonLock"
    os.symlink(f"{socket.gethostname()}-{pid}", lock)
    before = chrome.read_bytes()
    try:
        result = run_clean(make_plan(scan(chrome)), backup_root=tmp_path / "b")
    finally:
        child.finish()
    (outcome,) = result.stores
    if alive:
        assert outcome.status is Status.REFUSED_RUNNING
        assert say(outcome.message, "sv") == "Stäng Chromium (profil Default) och försök igen"
        assert chrome.read_bytes() == before
    else:
        assert outcome.status is Status.DONE
        assert not ANALYTICS & set(agency_names(chrome))


def test_the_install_to_close_is_named(tmp_path: Path) -> None:
    """Native and Flatpak Chromium side by side: only the Flatpak one runs, and says so."""
    home = tmp_path / "home"
    native = chromium_store(home / ".config")  # ~/.config/chromium/Default/Cookies
    flatpak = chromium_store(home / ".var/app/org.chromium.Chromium/config")
    child = Child(WAIT, "chromium")
    try:
        child.expect("ready")
        os.symlink(f"{socket.gethostname()}-{child.pid}", flatpak.parent.parent / "SingletonLock")
        before = flatpak.read_bytes()
        plan = make_plan(run_scan(ScanRequest.for_home(home), load_policy()))
        by_path = {s.path: s for s in plan.stores}
        assert say(by_path[flatpak].message, "sv") == (
            "Stäng Chromium (Flatpak) (profil Default) och försök igen")
        result = run_clean(plan, backup_root=tmp_path / "b")
    finally:
        child.finish()
    outcomes = {o.location.path: o for o in result.stores}
    assert outcomes[flatpak].status is Status.REFUSED_RUNNING
    assert outcomes[flatpak].location.profile.browser_name == "Chromium (Flatpak)"
    assert flatpak.read_bytes() == before
    assert outcomes[native].status is Status.DONE
    assert outcomes[native].location.profile.browser_name == "Chromium"
