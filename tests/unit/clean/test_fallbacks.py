"""Every session file Firefox could fall back to is cleaned, backed up and restored.

A real-shaped ESR profile (profiles.ini, cookies.sqlite, .parentlock,
sessionstore-backups/) with all five kinds of session file, written as real
mozLz4 files. The live file's cookies are listed once; the clean takes the
analytics cookies out of every file, keeps every other entry and field as it
was, and a restore puts each file back byte for byte.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from fkinspect.browsers.mozlz4 import compress, decompress
from fkinspect.clean import (
    JournalState,
    RestoreStatus,
    Status,
    list_journals,
    make_plan,
    restore,
    run_clean,
)
from fkinspect.model import StoreFormat
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan
from fkinspect.synth import SynthCookie, write_firefox_store
from tests.unit.children import holding_lock
from tests.unit.clean.support import not_running

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fcntl lock, file modes")

WWW, AG = "www.forsakringskassan.se", ".forsakringskassan.se"
NAME = "k3m9q2xa.default-esr"
LATER = datetime(2030, 1, 1, tzinfo=UTC)
FILES = {  # file -> (its own analytics cookie, seconds after the first file)
    "sessionstore.jsonlz4": ("_pk_ses.1.live", 50),
    "sessionstore-backups/recovery.jsonlz4": ("_pk_ses.1.crash", 40),
    "sessionstore-backups/recovery.baklz4": ("_pk_ses.1.older", 30),
    "sessionstore-backups/previous.jsonlz4": ("_pk_ses.1.previous", 20),
    "sessionstore-backups/upgrade.jsonlz4-20250601120000": ("_pk_ses.1.upgrade", 10),
}
SHARED = ("_ga", AG)  # the same analytics cookie in every file
STAYS = [("JSESSIONID", WWW), ("SMSESSION", AG), ("_ga", ".example.com")]


def _entry(name: str, host: str, n: int) -> dict[str, Any]:
    attrs = {"userContextId": 0, "partitionKey": ""}
    return {"host": host, "value": f"secret-{n}", "path": "/", "name": name, "secure": True,
            "originAttributes": attrs, "sameSite": 1}  # fmt: skip


def _state(own: str, n: int) -> dict[str, Any]:
    cookies = [_entry(*STAYS[0], n), _entry(own, WWW, n + 1), _entry(*STAYS[1], n + 2),
               _entry(*SHARED, n + 3), _entry(*STAYS[2], n + 4)]  # fmt: skip
    return {"version": ["sessionrestore", 1],
            "windows": [{"tabs": [{"entries": [{"url": f"https://{WWW}/", "title": "Åäö"}]}]}],
            "selectedWindow": 1, "_closedWindows": [],
            "session": {"lastUpdate": 1739000000000 + n, "startTime": 1738990000000},
            "global": {}, "cookies": cookies}  # fmt: skip


def _home(tmp_path: Path) -> Path:
    root = tmp_path / ".mozilla" / "firefox"
    profile = root / NAME
    profile.mkdir(parents=True)
    (root / "profiles.ini").write_text(
        f"[Profile0]\nName=default-esr\nIsRelative=1\nPath={NAME}\n\n"
        "[General]\nStartWithLastProfile=1\nVersion=2\n", encoding="utf-8")  # fmt: skip
    write_firefox_store(profile / "cookies.sqlite", [SynthCookie(".example.com", "x",
                                                                 expires=LATER)])  # fmt: skip
    (profile / ".parentlock").touch()
    (profile / "sessionstore-backups").mkdir(mode=0o700)
    for n, (relative, (own, at)) in enumerate(FILES.items()):
        path = profile / relative
        # Firefox's JSON.stringify: compact, non-ASCII as is.
        text = json.dumps(_state(own, 10 * n), ensure_ascii=False, separators=(",", ":"))
        path.write_bytes(compress(text.encode("utf-8")))
        os.chmod(path, 0o600)
        os.utime(path, (1_780_000_000 + at, 1_780_000_000 + at))
    return profile


def _read(path: Path) -> dict[str, Any]:
    state: dict[str, Any] = json.loads(decompress(path.read_bytes()))
    return state


def _scan(home: Path) -> Any:
    return run_scan(ScanRequest.for_home(home), load_policy())


def test_every_session_file_is_cleaned_and_each_restored_byte_for_byte(tmp_path: Path) -> None:
    profile = _home(tmp_path)
    originals = {rel: (profile / rel).read_bytes() for rel in FILES}

    scan = _scan(tmp_path)
    sessions = [s for s in scan.stores if s.location.format is StoreFormat.FIREFOX_SESSION]
    assert [s.location.path for s in sessions] == [profile / "sessionstore.jsonlz4"]
    listed = sorted((c.cookie.name, c.cookie.host) for c in scan.cookies if c.cookie.session)
    assert listed == sorted([STAYS[0], ("_pk_ses.1.live", WWW), STAYS[1], SHARED])  # once each

    plan = make_plan(scan, check_running=not_running)
    sessions = [s for s in plan.stores if s.location.format is StoreFormat.FIREFOX_SESSION]
    planned = {s.path.relative_to(profile).as_posix(): sorted(i.cookie.name for i in s.remove)
               for s in sessions}  # fmt: skip
    assert planned == {rel: sorted([own, "_ga"]) for rel, (own, _at) in FILES.items()}
    assert [s.path for s in plan.stores][:2] == [profile / "cookies.sqlite",
                                                 profile / "sessionstore.jsonlz4"]  # fmt: skip

    root = tmp_path / "backups"
    result = run_clean(plan, backup_root=root, check_running=not_running)
    assert all(o.status in (Status.DONE, Status.NOTHING) for o in result.stores), [
        (o.status, o.detail) for o in result.stores]
    for relative, (own, _at) in FILES.items():
        path = profile / relative
        before = json.loads(decompress(originals[relative]))
        expected = copy.deepcopy(before)
        expected["cookies"] = [c for c in before["cookies"]
                               if (c["name"], c["host"]) not in {(own, WWW), SHARED}]  # fmt: skip
        assert _read(path) == expected, relative  # every other entry and field as it was
        assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    backups = {o.location.path: o.backup for o in result.stores if o.backup}
    for relative in FILES:
        backup = backups[profile / relative]
        assert backup is not None and backup.read_bytes() == originals[relative]
    journals = list_journals(root)
    assert {j.store for j in journals} == {profile / rel for rel in FILES}
    assert {j.run for j in journals} == {result.run}
    assert all(j.state is JournalState.DONE for j in journals)
    assert not list(profile.rglob("*fkinspect*"))  # no temporary file left
    rescan = make_plan(_scan(tmp_path), check_running=not_running)
    assert rescan.to_remove == 0

    undo = restore(result.run, backup_root=root, check_running=not_running)
    assert {o.status for o in undo.stores} == {RestoreStatus.RESTORED}
    assert undo.restored == 2 * len(FILES)
    for relative, data in originals.items():
        assert (profile / relative).read_bytes() == data, relative


def test_while_firefox_runs_no_session_file_is_touched(tmp_path: Path) -> None:
    profile = _home(tmp_path)
    originals = {rel: (profile / rel).read_bytes() for rel in FILES}
    with holding_lock(profile / ".parentlock"):
        scan = _scan(tmp_path)
        # Running: the live state is recovery.jsonlz4; the rest are copies it falls back to.
        live = [s.location.path for s in scan.stores
                if s.location.format is StoreFormat.FIREFOX_SESSION]  # fmt: skip
        assert live == [profile / "sessionstore-backups/recovery.jsonlz4"]
        plan = make_plan(scan)
        sessions = [s for s in plan.stores if s.location.format is StoreFormat.FIREFOX_SESSION]
        assert len(sessions) == len(FILES)
        assert all(s.refusal is not None and s.refusal.value == "running" for s in sessions)
        result = run_clean(plan, backup_root=tmp_path / "backups")
    assert {o.status for o in result.stores if o.planned} == {Status.REFUSED_RUNNING}
    for relative, data in originals.items():
        assert (profile / relative).read_bytes() == data


def test_restore_after_firefox_rewrote_a_file_puts_entries_back_into_the_new_file(
    tmp_path: Path,
) -> None:
    """The byte-for-byte restore is only for a file that is as the clean left it."""
    profile = _home(tmp_path)
    root = tmp_path / "backups"
    result = run_clean(make_plan(_scan(tmp_path), check_running=not_running), backup_root=root,
                       check_running=not_running)  # fmt: skip
    path = profile / "sessionstore.jsonlz4"
    state = _read(path)
    state["cookies"].append(_entry("fk_new", WWW, 99))  # Firefox ran and wrote it again
    path.write_bytes(compress(json.dumps(state, separators=(",", ":")).encode()))
    undo = restore(result.run, backup_root=root, check_running=not_running)
    assert {o.status for o in undo.stores} == {RestoreStatus.RESTORED}
    back = _read(path)
    names = [c["name"] for c in back["cookies"]]
    assert names[:len(state["cookies"])] == [c["name"] for c in state["cookies"]]
    assert sorted(names[len(state["cookies"]):]) == ["_ga", "_pk_ses.1.live"]
