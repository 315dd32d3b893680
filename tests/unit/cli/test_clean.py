"""`fkinspect clean` / `restore` as a user runs them: real processes, real stores."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.unit.children import holding_lock
from tests.unit.clean.support import (
    ANALYTICS,
    agency_names,
    chromium_store,
    firefox_session_file,
    firefox_store,
)


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "fkinspect", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def _json(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def test_clean_dry_run_ask_yes_and_restore(tmp_path: Path) -> None:
    chrome = chromium_store(tmp_path)
    before = chrome.read_bytes()
    store = ["--store", str(chrome)]
    dry = _run(tmp_path, "clean", *store, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    plan = _json(dry)
    assert plan["dry_run"] and plan["stores"][0]["status"] == "would_remove"
    assert {c["name"] for c in plan["stores"][0]["cookies"]} == ANALYTICS
    # No terminal to ask on and no --yes: refused, nothing written.
    asked = _run(tmp_path, "clean", *store)
    assert asked.returncode == 2 and "--yes" in asked.stderr
    assert "_pk_id.1.abcd" in asked.stdout  # the plan was shown
    assert chrome.read_bytes() == before
    done = _run(tmp_path, "clean", *store, "--yes", "--json")
    assert done.returncode == 0, done.stderr
    data = _json(done)
    assert data["removed"] == len(ANALYTICS) and data["run"]
    (s,) = data["stores"]
    assert s["status"] == "done" and s["journal"] and s["backup"] and s["kept"] > 0
    assert str(tmp_path / "data" / "fkinspect" / "backups") in s["backup"]
    assert not ANALYTICS & set(agency_names(chrome))
    assert "value" not in done.stdout
    again = _run(tmp_path, "clean", *store, "--yes")
    assert again.returncode == 0 and "inga kakor att ta bort" in again.stdout
    listed = _json(_run(tmp_path, "restore", "--list", "--json"))
    assert [j["state"] for j in listed["journals"]] == ["done"]
    assert _run(tmp_path, "restore", "--latest").returncode == 2
    back = _run(tmp_path, "restore", "--latest", "--yes", "--json")
    assert back.returncode == 0, back.stderr
    assert _json(back)["restored"] == len(ANALYTICS)
    assert set(agency_names(chrome)) >= ANALYTICS
    unknown = _run(tmp_path, "restore", "19990101T000000000000Z", "--yes")
    assert unknown.returncode == 1 and "restore --list" in unknown.stderr


def test_running_firefox_gives_exit_3_and_the_other_store_is_cleaned(tmp_path: Path) -> None:
    fox = firefox_store(tmp_path)
    chrome = chromium_store(tmp_path)
    with holding_lock(fox.parent / ".parentlock"):
        before = fox.read_bytes()
        done = _run(tmp_path, "clean", "--store", str(fox), "--store", str(chrome), "--yes")
        assert fox.read_bytes() == before
    assert done.returncode == 3, done.stderr
    assert "Stäng Firefox (profil abcd1234.default-release) och försök igen" in done.stdout
    assert not ANALYTICS & set(agency_names(chrome))


def test_session_file_refused_with_exit_3_while_firefox_runs_then_cleaned(
    tmp_path: Path,
) -> None:
    session = firefox_session_file(tmp_path)
    with holding_lock(session.parent / ".parentlock"):
        before = session.read_bytes()
        refused = _run(tmp_path, "clean", "--store", str(session), "--yes", "--json")
        assert session.read_bytes() == before
    assert refused.returncode == 3, refused.stderr
    (s,) = _json(refused)["stores"]
    assert s["format"] == "firefox_session" and s["status"] == "refused_running"
    assert s["message"] == "Stäng Firefox (profil abcd1234.default-release) och försök igen"

    done = _run(tmp_path, "clean", "--store", str(session), "--yes", "--json")
    assert done.returncode == 0, done.stderr
    (s,) = _json(done)["stores"]
    assert s["status"] == "done" and [c["name"] for c in s["cookies"]] == ["_pk_ses.1.abcd"]
    assert s["rows_after"] == 1 and s["journal"] and "secret" not in done.stdout
    listed = _run(tmp_path, "list", "--store", str(session), "--json")
    assert [c["name"] for c in _json(listed)["cookies"]] == ["SMSESSION"]
    back = _run(tmp_path, "restore", "--latest", "--yes", "--json")
    assert back.returncode == 0 and _json(back)["restored"] == 1
    listed = _run(tmp_path, "list", "--store", str(session), "--json")
    assert sorted(c["name"] for c in _json(listed)["cookies"]) == ["SMSESSION", "_pk_ses.1.abcd"]
