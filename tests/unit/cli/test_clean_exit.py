"""`clean` says what happened: its exit code, its JSON and its text, for every mix of outcomes.

Exit codes (README): 0 done or nothing to remove, 3 a browser holding something to
remove runs, 4 a store could not be read, written or verified (or is one fkinspect
only reads): 4 wins over 3. With --yes the JSON is never a dry run, and a store's
"removed" counts only rows that were removed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fkinspect.browsers.safari import BinaryCookie, encode_binarycookies
from tests.unit.children import holding_lock
from tests.unit.clean.support import ANALYTICS, agency_names, chromium_store, firefox_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fcntl lock")


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "fkinspect", *args], capture_output=True,
                          text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip


def _json(done: subprocess.CompletedProcess[str], code: int) -> dict[str, Any]:
    assert done.returncode == code, done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    assert data["exit"] == code
    return data


def _broken_store(home: Path) -> Path:
    """A home whose only browser store cannot be read as a cookie file."""
    store = home / ".config" / "chromium" / "Default" / "Cookies"
    store.parent.mkdir(parents=True)
    store.write_bytes(b"this is not a cookie database" * 200)
    return store


def _safari(folder: Path) -> Path:
    """Safari's file (read anywhere, never written): analytics cookies that must stay."""
    when = datetime.now(UTC) + timedelta(days=30)
    path = folder / "Cookies.binarycookies"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode_binarycookies([
        BinaryCookie("www.forsakringskassan.se", "_pk_id.1.abcd", "/", "v", when, when)]))
    return path


def test_a_home_whose_only_store_is_unreadable_exits_4_and_names_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _broken_store(home)
    data = _json(_run(tmp_path, "clean", "--home", str(home), "--yes", "--json"), 4)
    assert data["dry_run"] is False and data["removed"] == 0 and data["run"] is None
    (store,) = data["stores"]
    assert store["status"] == "failed" and store["removed"] == 0 and store["cookies"] == []
    assert store["path"] == "~/.config/chromium/Default/Cookies"
    assert "Chromium (profil Default)" in store["message"] and store["detail"]

    text = _run(tmp_path, "clean", "--home", str(home), "--yes")
    assert text.returncode == 4, text.stderr
    assert "inga kakor att ta bort." not in text.stdout
    assert "Chromium (profil Default) kunde inte läsas" in text.stdout

    dry = _json(_run(tmp_path, "clean", "--home", str(home), "--dry-run", "--json"), 4)
    assert dry["dry_run"] is True and dry["stores"][0]["status"] == "failed"


def test_every_store_refused_says_so_and_removes_nothing(tmp_path: Path) -> None:
    fox = firefox_store(tmp_path)
    before = fox.read_bytes()
    with holding_lock(fox.parent / ".parentlock"):
        data = _json(_run(tmp_path, "clean", "--store", str(fox), "--yes", "--json"), 3)
        text = _run(tmp_path, "clean", "--store", str(fox), "--yes")
        dry = _json(_run(tmp_path, "clean", "--store", str(fox), "--dry-run", "--json"), 3)
    assert fox.read_bytes() == before
    assert data["dry_run"] is False and data["removed"] == 0 and data["run"] is None
    (store,) = data["stores"]
    assert store["status"] == "refused_running" and store["removed"] == 0
    assert store["journal"] is None and store["backup"] is None
    assert "Stäng Firefox" in store["message"]
    assert text.returncode == 3 and "Stäng Firefox" in text.stdout
    assert "borttagna" not in text.stdout
    # A dry run says what would go: there the count is the plan's.
    assert dry["dry_run"] is True and dry["stores"][0]["removed"] == store_planned(dry)


def store_planned(data: dict[str, Any]) -> int:
    return len(data["stores"][0]["cookies"])


def test_nothing_to_remove_with_yes_is_not_a_dry_run(tmp_path: Path) -> None:
    chrome = chromium_store(tmp_path)
    _json(_run(tmp_path, "clean", "--store", str(chrome), "--yes", "--json"), 0)
    again = _json(_run(tmp_path, "clean", "--store", str(chrome), "--yes", "--json"), 0)
    assert again["dry_run"] is False and again["removed"] == 0 and again["run"] is None
    assert [s["status"] for s in again["stores"]] == ["nothing"]
    text = _run(tmp_path, "clean", "--store", str(chrome), "--yes")
    assert text.returncode == 0 and "Det finns inga kakor att ta bort." in text.stdout


def test_done_with_a_store_that_cannot_be_read_exits_4(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _broken_store(home)
    fox = firefox_store(tmp_path)
    data = _json(_run(tmp_path, "clean", "--home", str(home), "--store", str(fox), "--yes",
                      "--json"), 4)  # fmt: skip
    statuses = sorted(s["status"] for s in data["stores"])
    assert statuses == ["done", "failed"]
    assert data["removed"] == sum(s["removed"] for s in data["stores"]) > 0 and data["run"]
    assert not ANALYTICS & set(agency_names(fox))


def test_done_and_refused_running_exits_3_and_counts_only_what_went(tmp_path: Path) -> None:
    fox = firefox_store(tmp_path)
    chrome = chromium_store(tmp_path)
    with holding_lock(fox.parent / ".parentlock"):
        data = _json(_run(tmp_path, "clean", "--store", str(fox), "--store", str(chrome),
                          "--yes", "--json"), 3)  # fmt: skip
        text = _run(tmp_path, "clean", "--store", str(fox), "--store", str(chrome), "--yes")
    by_status = {s["status"]: s for s in data["stores"]}
    assert set(by_status) == {"done", "refused_running"}
    assert by_status["refused_running"]["removed"] == 0
    assert data["removed"] == by_status["done"]["removed"] == len(ANALYTICS)
    assert text.returncode == 3 and "Stäng Firefox" in text.stdout


def test_refused_running_and_unreadable_exits_4(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _broken_store(home)
    fox = firefox_store(tmp_path)
    with holding_lock(fox.parent / ".parentlock"):
        data = _json(_run(tmp_path, "clean", "--home", str(home), "--store", str(fox), "--yes",
                          "--json"), 4)  # fmt: skip
    assert sorted(s["status"] for s in data["stores"]) == ["failed", "refused_running"]
    assert data["removed"] == 0 and data["dry_run"] is False


def test_a_store_fkinspect_only_reads_is_refused_with_exit_4(tmp_path: Path) -> None:
    safari = _safari(tmp_path / "safari")
    before = safari.read_bytes()
    data = _json(_run(tmp_path, "clean", "--store", str(safari), "--yes", "--json"), 4)
    (store,) = data["stores"]
    assert store["status"] == "refused" and store["removed"] == 0 and data["removed"] == 0
    assert data["dry_run"] is False and safari.read_bytes() == before
