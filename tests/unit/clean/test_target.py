"""A clean writes only regular files inside a profile folder the browser uses.

Real-shaped homes with real stores: a `Cookies` that is a link to a file
elsewhere, a profiles.ini `Path=../../x`, a linked `-journal`, a linked profile
folder. Reading them is fine (and says where the file really is); cleaning
them is refused, and every byte of the files they lead to stays as it was.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fkinspect.clean import Status, make_plan, run_clean
from fkinspect.clean.plan import Refusal
from fkinspect.clean.target import clean_target_problem
from fkinspect.i18n import say
from fkinspect.synth import write_chromium_store, write_firefox_store
from tests.unit.browsers.test_discovery import firefox_root, local_state
from tests.unit.clean.support import ANALYTICS, agency_names, mixed_cookies, scan

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
REPO = Path(__file__).resolve().parents[3]
REFUSED = ("är en länk eller ligger utanför webbläsarens profilmapp, så fkinspect ändrar den "
           "inte. Inget togs bort.")  # fmt: skip


def fkinspect(tmp_path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "PYTHONDONTWRITEBYTECODE": "1"}  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "fkinspect", *args, "--json"], cwd=REPO,
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
                          timeout=120)  # fmt: skip
    assert "Traceback" not in done.stderr, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return done.returncode, data


def victim_chromium(tmp_path: Path) -> Path:
    """A real Chromium store outside any browser folder (another profile, a copy ...)."""
    path = tmp_path / "elsewhere" / "victim" / "Cookies"
    write_chromium_store(path, mixed_cookies(chromium=True))
    return path


def test_a_linked_cookies_file_is_read_where_it_is_and_never_cleaned(tmp_path: Path) -> None:
    home = tmp_path / "home"
    root = home / ".config" / "chromium"
    local_state(root, {"Default": "Person 1"}, last_used="Default")
    (root / "Default").mkdir(parents=True)
    target = victim_chromium(tmp_path)
    (root / "Default" / "Cookies").symlink_to(target)
    before = target.read_bytes()

    code, listed = fkinspect(tmp_path, "list", "--home", str(home))
    (store,) = listed["stores"]
    assert (store["status"], store["path"], store["profile"]) == ("ok", str(target), "Person 1")
    assert code == 0

    code, cleaned = fkinspect(tmp_path, "clean", "--yes", "--home", str(home))
    (result,) = cleaned["stores"]
    assert result["status"] == "refused"
    assert result["message"] == f"Kakfilen för Chromium (profil Person 1) {REFUSED}"
    assert "link" in result["detail"] or "not in the profile folder" in result["detail"]
    assert result["path"] == str(target)
    assert code == 4
    assert target.read_bytes() == before
    assert (root / "Default" / "Cookies").is_symlink()


def test_a_profile_path_climbing_out_of_the_firefox_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    root = home / ".mozilla" / "firefox"
    firefox_root(root, [("escape", "../../x.default-release")], install="../../x.default-release")
    outside = home / "x.default-release"  # root/../../x: the home itself, not Firefox's folder
    write_firefox_store(outside / "cookies.sqlite", mixed_cookies(chromium=False))
    (outside / ".parentlock").touch()
    before = (outside / "cookies.sqlite").read_bytes()

    code, listed = fkinspect(tmp_path, "list", "--home", str(home))
    (store,) = listed["stores"]
    assert store["status"] == "ok" and code == 0
    assert store["path"] == str(outside / "cookies.sqlite")  # where it really is, no ".."

    code, cleaned = fkinspect(tmp_path, "clean", "--yes", "--home", str(home))
    (result,) = cleaned["stores"]
    assert result["status"] == "refused"
    assert result["message"] == f"Kakfilen för Firefox (profil escape) {REFUSED}"
    assert "outside" in result["detail"]
    assert code == 4
    assert (outside / "cookies.sqlite").read_bytes() == before


def test_an_absolute_profile_path_is_firefox_own_and_is_cleaned(tmp_path: Path) -> None:
    # IsRelative=0: the profile manager put it on another disk; Firefox uses it there.
    home = tmp_path / "home"
    root = home / ".mozilla" / "firefox"
    chosen = tmp_path / "other-disk" / "work.profile"
    firefox_root(root, [("work", str(chosen))], install=str(chosen), relative=False)
    write_firefox_store(chosen / "cookies.sqlite", mixed_cookies(chromium=False))
    (chosen / ".parentlock").touch()
    code, cleaned = fkinspect(tmp_path, "clean", "--yes", "--home", str(home))
    (result,) = cleaned["stores"]
    assert result["status"] == "done", result
    assert code == 0
    assert not ANALYTICS & set(agency_names(chosen / "cookies.sqlite"))


def test_a_linked_journal_or_profile_folder_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    root = home / ".config" / "chromium"
    local_state(root, {"Default": "Person 1", "Profile 1": "Arbete"}, last_used="Default")
    write_chromium_store(root / "Default" / "Cookies", mixed_cookies(chromium=True))
    bystander = tmp_path / "elsewhere" / "notes.txt"
    bystander.parent.mkdir(parents=True)
    bystander.write_bytes(b"not a journal")
    # SQLite would write its rollback journal through this link.
    (root / "Default" / "Cookies-journal").symlink_to(bystander)
    linked = victim_chromium(tmp_path).parent
    (root / "Profile 1").symlink_to(linked)
    stores = {p: p.read_bytes() for p in (root / "Default" / "Cookies", linked / "Cookies")}

    code, cleaned = fkinspect(tmp_path, "clean", "--yes", "--home", str(home))
    results = {r["profile"]: r for r in cleaned["stores"]}
    assert results["Person 1"]["status"] == "refused"
    assert "Cookies-journal" in results["Person 1"]["detail"]
    assert results["Arbete"]["status"] == "refused"
    assert results["Arbete"]["path"] == str(linked / "Cookies")
    assert code == 4
    assert bystander.read_bytes() == b"not a journal"
    assert {p: p.read_bytes() for p in stores} == stores


def test_a_store_given_as_a_link_is_refused(tmp_path: Path) -> None:
    target = victim_chromium(tmp_path)
    link = tmp_path / "copy" / "Default" / "Cookies"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    before = target.read_bytes()
    code, cleaned = fkinspect(tmp_path, "clean", "--yes", "--store", str(link))
    (result,) = cleaned["stores"]
    assert result["status"] == "refused" and result["path"] == str(target)
    assert code == 4 and target.read_bytes() == before
    # The file itself, named as what it is, may be cleaned.
    code, cleaned = fkinspect(tmp_path, "clean", "--yes", "--store", str(target))
    assert cleaned["stores"][0]["status"] == "done" and code == 0


def test_a_store_that_becomes_a_link_after_the_plan_is_not_written(tmp_path: Path) -> None:
    store = tmp_path / "chromium" / "Default" / "Cookies"
    write_chromium_store(store, mixed_cookies(chromium=True))
    plan = make_plan(scan(store), check_running=lambda _p: None)
    assert plan.stores[0].writable and clean_target_problem(plan.stores[0].location) is None
    target = victim_chromium(tmp_path)
    before = target.read_bytes()
    store.unlink()
    store.symlink_to(target)  # swapped between the plan and the write
    result = run_clean(plan, backup_root=tmp_path / "b", check_running=lambda _p: None)
    assert result.stores[0].status is Status.FAILED
    assert REFUSED in say(result.stores[0].message, "sv")
    assert target.read_bytes() == before


def test_the_plan_says_why(tmp_path: Path) -> None:
    target = victim_chromium(tmp_path)
    link = tmp_path / "chromium" / "Default" / "Cookies"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    (store,) = make_plan(scan(link), check_running=lambda _p: None).stores
    assert store.refusal is Refusal.OUTSIDE_PROFILE and not store.writable
    assert say(store.message, "sv").endswith(REFUSED)


def test_restore_does_not_write_through_a_store_that_became_a_link(tmp_path: Path) -> None:
    home = tmp_path / "home"
    root = home / ".config" / "chromium"
    local_state(root, {"Default": "Person 1"}, last_used="Default")
    store = root / "Default" / "Cookies"
    write_chromium_store(store, mixed_cookies(chromium=True))
    code, cleaned = fkinspect(tmp_path, "clean", "--yes", "--home", str(home))
    assert code == 0 and cleaned["removed"] > 0
    # Another program swaps the cleaned store for a link to a file of its choosing.
    target = victim_chromium(tmp_path)
    before = target.read_bytes()
    store.unlink()
    store.symlink_to(target)

    code, restored = fkinspect(tmp_path, "restore", "--latest", "--yes", "--home", str(home))
    (result,) = restored["stores"]
    assert result["status"] == "failed" and result["restored"] == 0
    assert result["message"].endswith("så fkinspect ändrar den inte. Inget återställdes.")
    assert code == 4
    assert target.read_bytes() == before
