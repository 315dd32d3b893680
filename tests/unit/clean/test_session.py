"""Firefox's session file: cleaned when Firefox is closed, refused while it runs, undone.

Real mozLz4 files laid out as Firefox writes them, real scans, a real fcntl
lock held by a child process. The file is compared entry by entry and field
by field: only the planned entries may go, everything else stays as it was.
"""

from __future__ import annotations

import copy
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from fkinspect.browsers.mozlz4 import compress, decompress
from fkinspect.clean import (
    JournalState,
    RestoreStatus,
    Status,
    latest_run,
    list_journals,
    make_plan,
    restore,
    run_clean,
)
from fkinspect.i18n import say
from tests.unit.children import holding_lock
from tests.unit.clean.support import AG, WWW, not_running, scan

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fcntl lock, file modes")

PROFILE = "abcd1234.default-release"
PARTITION = {"partitionKey": "(https,forsakringskassan.se)"}

# name, host, originAttributes: what the analytics clean takes from the file.
GOES = [
    ("_pk_ses.1.abcd", WWW, {}),
    ("_pk_id.1.abcd", WWW, {"userContextId": 2}),  # a container's own row
    ("_ga", AG, {}),
]
# Necessary, unknown, other sites, and the analytics names in other contexts.
STAYS = [
    ("JSESSIONID", WWW, {}),
    ("SMSESSION", AG, {}),
    ("mystery_cookie", WWW, {}),
    ("_pk_ses.1.abcd", ".example.com", {}),
    ("_ga", ".notforsakringskassan.se", {}),
    ("VISITOR_INFO1_LIVE", ".youtube.com", PARTITION),
]


def _entry(name: str, host: str, attrs: dict[str, Any], n: int) -> dict[str, Any]:
    return {
        "host": host,
        "value": f"secret-value-{n}",
        "path": "/",
        "name": name,
        "secure": True,
        "httponly": name in ("JSESSIONID", "SMSESSION"),
        "originAttributes": attrs,
        "sameSite": 1,
        "schemeMap": 2,
    }


def _state() -> dict[str, Any]:
    """A session with windows, tabs and closed windows around the cookies."""
    cookies = [_entry(n, h, a, i) for i, (n, h, a) in enumerate(GOES + STAYS)]
    cookies = cookies[3:5] + cookies[:1] + cookies[5:] + cookies[1:3]  # planned ones spread out
    return {
        "version": ["sessionrestore", 1],
        "windows": [
            {
                "tabs": [{"entries": [{"url": f"https://{WWW}/", "title": "Åäö"}]}],
                "selected": 1,
            }
        ],
        "selectedWindow": 1,
        "_closedWindows": [],
        "session": {"lastUpdate": 1739000000000, "startTime": 1738990000000},
        "global": {},
        "cookies": cookies,
    }


def _write(path: Path, state: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(compress(json.dumps(state, separators=(",", ":")).encode()))
    os.chmod(path, 0o644)


def _read(path: Path) -> dict[str, Any]:
    state: dict[str, Any] = json.loads(decompress(path.read_bytes()))
    return state


def _ids(state: dict[str, Any]) -> list[tuple[str, str, str]]:
    return sorted(
        (c["name"], c["host"], json.dumps(c["originAttributes"], sort_keys=True))
        for c in state["cookies"]
    )


def _session(tmp_path: Path, name: str = "sessionstore.jsonlz4") -> Path:
    profile = tmp_path / "firefox" / PROFILE
    path = profile / name
    _write(path, _state())
    (profile / ".parentlock").touch()  # as a closed Firefox leaves it
    return path


def _clean(path: Path, root: Path) -> Any:
    plan = make_plan(scan(path), check_running=not_running)
    return run_clean(plan, backup_root=root, check_running=not_running)


@pytest.mark.parametrize("name", ["sessionstore.jsonlz4", "sessionstore-backups/recovery.jsonlz4"])
def test_clean_removes_exactly_the_planned_entries_and_restore_puts_them_back(
    tmp_path: Path, name: str
) -> None:
    path = _session(tmp_path, name)
    original_bytes = path.read_bytes()
    original = _read(path)
    root = tmp_path / "backups"

    result = _clean(path, root)
    (outcome,) = result.stores
    assert outcome.status is Status.DONE, (say(outcome.message, "sv"), outcome.detail)
    assert sorted(i.cookie.name for i in outcome.removed) == sorted(n for n, _h, _a in GOES)
    assert outcome.rows_after == len(STAYS)

    after = _read(path)
    expected = copy.deepcopy(original)
    goes = {(n, h, json.dumps(a, sort_keys=True)) for n, h, a in GOES}
    expected["cookies"] = [
        c
        for c in original["cookies"]
        if (c["name"], c["host"], json.dumps(c["originAttributes"], sort_keys=True)) not in goes
    ]
    assert after == expected  # every other field and entry exactly as it was, in order
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert not list(path.parent.glob("*fkinspect*"))  # no temporary file left

    backup = outcome.backup
    assert backup is not None and backup.read_bytes() == original_bytes
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
    journal_text = (backup.parent / "journal.json").read_text()
    assert "secret-value" not in journal_text  # keys, names and hosts only
    (journal,) = list_journals(root)
    assert journal.state is JournalState.DONE and journal.format.value == "firefox_session"
    assert {(r.name, r.host) for r in journal.removed} == {(n, h) for n, h, _a in GOES}
    assert journal.rows_before == len(GOES) + len(STAYS)

    # A scan sees the same: no analytics left in the file.
    rescan = make_plan(scan(path), check_running=not_running)
    assert not rescan.stores[0].remove

    undo = restore(result.run, backup_root=root, check_running=not_running)
    (back,) = undo.stores
    assert back.status is RestoreStatus.RESTORED and back.restored == len(GOES)
    assert path.read_bytes() == original_bytes  # untouched since the clean: the backup itself
    restored = _read(path)
    assert _ids(restored) == _ids(original)
    by_id = {(c["name"], c["host"], str(c["originAttributes"])): c for c in restored["cookies"]}
    for c in original["cookies"]:
        assert by_id[(c["name"], c["host"], str(c["originAttributes"]))] == c  # values too
    assert {k: v for k, v in restored.items() if k != "cookies"} == {
        k: v for k, v in original.items() if k != "cookies"
    }
    assert list_journals(root)[0].state is JournalState.RESTORED
    assert latest_run(root) is None


def test_refused_while_firefox_runs_and_cleaned_once_it_is_closed(tmp_path: Path) -> None:
    path = _session(tmp_path, "sessionstore-backups/recovery.jsonlz4")
    before = path.read_bytes()
    root = tmp_path / "backups"
    with holding_lock(path.parent.parent / ".parentlock"):
        plan = make_plan(scan(path))  # the real check: the lock is held
        assert plan.stores[0].refusal is not None and plan.to_remove == 0
        result = run_clean(plan, backup_root=root)
        # The plan was made before the lock: the check right before the write refuses.
        late = run_clean(make_plan(scan(path), check_running=not_running), backup_root=root)
    for outcome in (result.stores[0], late.stores[0]):
        assert outcome.status is Status.REFUSED_RUNNING
        assert say(outcome.message, "sv") == f"Stäng Firefox (profil {PROFILE}) och försök igen"
        assert not outcome.removed and outcome.journal_id is None
    assert path.read_bytes() == before
    assert not root.exists() or not list(root.iterdir())

    done = run_clean(make_plan(scan(path)), backup_root=root)  # lock released: closed
    assert done.stores[0].status is Status.DONE
    with holding_lock(path.parent.parent / ".parentlock"):
        cleaned = path.read_bytes()
        undo = restore(done.run, backup_root=root)
    assert undo.stores[0].status is RestoreStatus.REFUSED_RUNNING
    assert "Stäng Firefox" in say(undo.stores[0].message, "sv")
    assert path.read_bytes() == cleaned


def test_file_changed_between_plan_and_clean_changes_nothing(tmp_path: Path) -> None:
    path = _session(tmp_path)
    plan = make_plan(scan(path), check_running=not_running)
    # Firefox ran meanwhile and the session ended: _pk_ses is gone, a new cookie came.
    state = _state()
    state["cookies"] = [c for c in state["cookies"] if c["name"] != "_pk_ses.1.abcd"]
    state["cookies"].append(_entry("fk_new", WWW, {}, 99))
    _write(path, state)
    before = path.read_bytes()
    root = tmp_path / "backups"
    (outcome,) = run_clean(plan, backup_root=root, check_running=not_running).stores
    assert outcome.status is Status.FAILED and "har ändrats" in say(outcome.message, "sv")
    assert path.read_bytes() == before
    assert not root.exists() or not list(root.iterdir())


def test_corrupt_file_fails_and_changes_nothing(tmp_path: Path) -> None:
    path = _session(tmp_path)
    plan = make_plan(scan(path), check_running=not_running)
    damaged = path.read_bytes()[:-40]  # a truncated LZ4 block
    path.write_bytes(damaged)
    root = tmp_path / "backups"
    (outcome,) = run_clean(plan, backup_root=root, check_running=not_running).stores
    assert outcome.status is Status.FAILED and "skadad" in say(outcome.message, "sv")
    assert "Inget togs bort" in say(outcome.message, "sv")
    assert path.read_bytes() == damaged
    assert not root.exists() or not list(root.iterdir())


def test_write_that_fails_leaves_the_old_file_and_no_backup(tmp_path: Path) -> None:
    """Failure injection: the temporary file cannot be created (a folder holds its name)."""
    path = _session(tmp_path)
    before = path.read_bytes()
    blocker = path.with_name(path.name + ".fkinspect-partial")
    blocker.mkdir()
    (blocker / "x").touch()  # not empty: cannot be removed as a stale partial
    root = tmp_path / "backups"
    (outcome,) = _clean(path, root).stores
    assert outcome.status is Status.FAILED and "Inget togs bort" in say(outcome.message, "sv")
    assert path.read_bytes() == before
    assert not root.exists() or not list(root.iterdir())


def test_restore_refuses_when_the_same_cookie_is_back(tmp_path: Path) -> None:
    path = _session(tmp_path)
    root = tmp_path / "backups"
    result = _clean(path, root)
    state = _read(path)
    state["cookies"].append(_entry("_ga", AG, {}, 7))  # the site set it again
    _write(path, state)
    before = path.read_bytes()
    (back,) = restore(result.run, backup_root=root, check_running=not_running).stores
    assert back.status is RestoreStatus.REFUSED_NEWER and "_ga" in say(back.message, "sv")
    assert "Inget återställdes" in say(back.message, "sv")
    assert path.read_bytes() == before
    assert list_journals(root)[0].state is JournalState.DONE


def test_restore_after_firefox_dropped_the_session_file_recreates_nothing(
    tmp_path: Path,
) -> None:
    path = _session(tmp_path)
    root = tmp_path / "backups"
    result = _clean(path, root)
    path.unlink()  # Firefox started, moved it away, and its session ended
    (back,) = restore(result.run, backup_root=root, check_running=not_running).stores
    assert back.status is RestoreStatus.NOTHING and back.restored == 0
    said = say(back.message, "sv")
    assert "finns inte längre" in said and "Inget återställdes" in said
    assert not path.exists()
    assert list_journals(root)[0].state is JournalState.RESTORED
    assert latest_run(root) is None


def test_restore_of_a_clean_killed_before_its_write_puts_nothing_back(tmp_path: Path) -> None:
    """A pending journal whose entries are all still in the file: the write never happened."""
    path = _session(tmp_path)
    root = tmp_path / "backups"
    before = path.read_bytes()
    result = _clean(path, root)
    (journal,) = list_journals(root)
    # Put the original back by hand and mark the journal pending, as a kill would leave it.
    path.write_bytes(before)
    data = json.loads((journal.folder / "journal.json").read_text())
    data["state"] = "pending"
    (journal.folder / "journal.json").write_text(json.dumps(data))
    (back,) = restore(result.run, backup_root=root, check_running=not_running).stores
    assert back.status is RestoreStatus.NOTHING and back.restored == 0
    assert path.read_bytes() == before
    assert not journal.folder.exists()


def test_file_rewritten_between_backup_and_rename_is_left_as_rewritten(tmp_path: Path) -> None:
    """Another writer replaces the file after the backup: our rename does not go ahead."""
    from fkinspect.clean import Step

    path = _session(tmp_path)
    plan = make_plan(scan(path), check_running=not_running)
    state = _state()
    state["cookies"] = [c for c in state["cookies"] if c["name"] != "_pk_ses.1.abcd"]
    rewritten: list[bytes] = []

    def progress(_location: object, step: Step) -> None:
        if step is Step.DELETE:
            _write(path, state)
            rewritten.append(path.read_bytes())

    root = tmp_path / "backups"
    (outcome,) = run_clean(
        plan, backup_root=root, check_running=not_running, progress=progress
    ).stores
    said = say(outcome.message, "sv")
    assert rewritten and outcome.status is Status.FAILED and "har ändrats" in said
    assert path.read_bytes() == rewritten[0]
    assert not list(path.parent.glob("*fkinspect*"))
    assert not root.exists() or not list(root.iterdir())


def test_a_number_json_cannot_write_back_is_refused_not_written_as_infinity(
    tmp_path: Path,
) -> None:
    """1e400 reads as inf; written back it would be "Infinity", which Firefox cannot read."""
    path = _session(tmp_path)
    state = _state()
    text = json.dumps(state, separators=(",", ":")).replace('"lastUpdate":1739000000000',
                                                            '"lastUpdate":1e400')  # fmt: skip
    path.write_bytes(compress(text.encode()))
    before = path.read_bytes()
    root = tmp_path / "backups"
    (outcome,) = _clean(path, root).stores
    assert outcome.status is Status.FAILED and "Inget togs bort" in say(outcome.message, "sv")
    assert "JSON cannot write back" in outcome.detail
    assert path.read_bytes() == before
    assert not root.exists() or not list(root.iterdir())
