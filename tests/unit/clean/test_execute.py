"""A store that cannot be written gives a clear message and is left exactly as it was."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

import pytest

from fkinspect.clean import Status, make_plan, run_clean
from fkinspect.i18n import say
from tests.unit.clean.support import chromium_store, mixed_cookies, not_running, scan

HOLD_WRITE_LOCK = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
con.execute("ROLLBACK")
con.close()
"""


def test_store_locked_by_another_writer(tmp_path: Path) -> None:
    path = chromium_store(tmp_path)
    plan = make_plan(scan(path), check_running=not_running)
    before = path.read_bytes()
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        result = run_clean(
            plan, backup_root=tmp_path / "b", check_running=not_running, busy_timeout=0.2
        )
    finally:
        assert child.stdin is not None
        child.stdin.write("\n")
        child.stdin.close()
        child.wait(timeout=30)
        assert child.stdout is not None
        child.stdout.close()
    (outcome,) = result.stores
    assert outcome.status is Status.FAILED
    assert "Ett annat program skriver i kakfilen" in say(outcome.message, "sv")
    assert "Inget togs bort" in say(outcome.message, "sv")
    assert path.read_bytes() == before
    assert result.journal_id is None and not list((tmp_path / "b").glob("*"))


def test_store_replaced_between_plan_and_delete(tmp_path: Path) -> None:
    path = chromium_store(tmp_path)
    plan = make_plan(scan(path), check_running=not_running)
    # The same cookies written again in another order: every row id now names another row.
    path.unlink()
    chromium_store(tmp_path, cookies=list(reversed(mixed_cookies(chromium=True))))
    before = path.read_bytes()
    result = run_clean(plan, backup_root=tmp_path / "b", check_running=not_running)
    (outcome,) = result.stores
    assert outcome.status is Status.FAILED
    assert "har ändrats sedan den lästes" in say(outcome.message, "sv")
    assert path.read_bytes() == before
    assert result.journal_id is None


def test_store_gone_between_plan_and_delete(tmp_path: Path) -> None:
    path = chromium_store(tmp_path)
    plan = make_plan(scan(path), check_running=not_running)
    path.unlink()
    result = run_clean(plan, backup_root=tmp_path / "b", check_running=not_running)
    assert result.stores[0].status is Status.FAILED and say(result.stores[0].message, "sv")
    assert not path.exists()  # not created by our connection


CLEAN_AS_OTHER = """
import json, sys
from pathlib import Path
from fkinspect.clean import make_plan, run_clean
from fkinspect.i18n import say
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan
scan = run_scan(ScanRequest(stores=(Path(sys.argv[1]),), discover_home=False), load_policy())
plan = make_plan(scan, check_running=lambda p: None)
result = run_clean(plan, backup_root=Path(sys.argv[2]), check_running=lambda p: None)
o = result.stores[0]
print(json.dumps({"status": str(o.status), "message": say(o.message, "sv"), "detail": o.detail}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_store(tmp_path: Path) -> None:
    # Root writes any file, so as root the clean runs as `nobody`.
    user_args: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and setpriv is missing")
        user_args = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        base.chmod(0o755)
        path = chromium_store(base)
        for d in (base / "chromium", path.parent):
            d.chmod(0o755)
        path.chmod(0o444 if not user_args else 0o644)
        (base / "data").mkdir()
        (base / "data").chmod(0o777)
        backups = base / "data" / "backups"
        before = path.read_bytes()
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        done = subprocess.run(
            [*user_args, sys.executable, "-c", CLEAN_AS_OTHER, str(path), str(backups)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            cwd=base,
        )
        assert done.returncode == 0, done.stderr
        outcome = json.loads(done.stdout)
        assert outcome["status"] == "failed"
        assert "går inte att skriva i" in outcome["message"], outcome["detail"]
        assert path.read_bytes() == before
        with closing(sqlite3.connect(path)) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not backups.exists() or not list(backups.iterdir())


def test_a_row_lost_after_the_commit_is_found_by_the_check_against_the_backup(
    tmp_path: Path,
) -> None:
    """Another writer deletes a row of another site right after our commit: unverified."""
    from fkinspect.clean import Step

    path = chromium_store(tmp_path)
    plan = make_plan(scan(path), check_running=not_running)

    def progress(_location: object, step: Step) -> None:
        if step is Step.VERIFY:
            with closing(sqlite3.connect(path)) as con, con:
                con.execute("DELETE FROM cookies WHERE host_key = '.example.com' AND name = '_ga'")

    result = run_clean(plan, backup_root=tmp_path / "b", check_running=not_running,
                       progress=progress)  # fmt: skip
    (outcome,) = result.stores
    assert outcome.status is Status.UNVERIFIED
    assert outcome.detail == "the rows after the commit differ from the plan"
    assert result.journal_id is not None  # the backup and journal stay for a restore


def test_a_table_with_a_trigger_is_not_written(tmp_path: Path) -> None:
    """A trigger could change other rows behind our DELETE; no browser makes one."""
    path = chromium_store(tmp_path)
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE seen (n)")
        con.execute("CREATE TRIGGER t AFTER DELETE ON cookies BEGIN "
                    "DELETE FROM cookies WHERE host_key = '.example.com'; END")  # fmt: skip
    plan = make_plan(scan(path), check_running=not_running)
    before = path.read_bytes()
    result = run_clean(plan, backup_root=tmp_path / "b", check_running=not_running)
    (outcome,) = result.stores
    assert outcome.status is Status.FAILED and "Inget togs bort" in say(outcome.message, "sv")
    assert "triggers" in outcome.detail
    assert path.read_bytes() == before and result.journal_id is None


def test_a_delete_that_fails_is_failed_whatever_a_later_look_finds(tmp_path: Path) -> None:
    """The DELETE cannot write its rollback journal (a folder holds the name): SQLite
    rolls back, nothing changed. A look at the store afterwards fails for the same
    reason, which used to turn this into "removed, but the check did not match"."""
    from fkinspect.clean import Step

    path = chromium_store(tmp_path)
    plan = make_plan(scan(path), check_running=not_running)
    before = path.read_bytes()
    blocker = Path(f"{path}-journal")

    def progress(_location: object, step: Step) -> None:
        if step is Step.DELETE:
            blocker.mkdir()

    result = run_clean(plan, backup_root=tmp_path / "b", check_running=not_running,
                       progress=progress)  # fmt: skip
    blocker.rmdir()
    (outcome,) = result.stores
    assert outcome.status is Status.FAILED, say(outcome.message, "sv")
    assert say(outcome.message, "sv").endswith("går inte att skriva i. Inget togs bort.")
    assert outcome.detail.startswith("SQLITE_CANTOPEN")
    assert path.read_bytes() == before
    assert result.journal_id is None and not list((tmp_path / "b").glob("*"))


def test_an_unknown_collation_is_named_as_a_format_not_a_full_disk(tmp_path: Path) -> None:
    path = chromium_store(tmp_path)
    with closing(sqlite3.connect(path)) as con, con:
        con.create_collation("weird", lambda a, b: (a > b) - (a < b))
        con.execute("CREATE INDEX weird_hosts ON cookies (host_key COLLATE weird)")
    plan = make_plan(scan(path), check_running=not_running)
    assert plan.to_remove == 5  # reading needs no collation
    before = path.read_bytes()
    (outcome,) = run_clean(plan, backup_root=tmp_path / "b", check_running=not_running).stores
    assert outcome.status is Status.FAILED
    said = say(outcome.message, "sv")
    assert said == ("Kakfilen för Chromium (profil Default) har ett format som "
                               "fkinspect inte känner till. Inget togs bort.")  # fmt: skip
    assert "no such collation sequence: weird" in outcome.detail
    assert path.read_bytes() == before


def test_a_truncated_backup_is_named_and_the_store_left_as_it_is(tmp_path: Path) -> None:
    from fkinspect.clean import RestoreStatus, restore

    path = chromium_store(tmp_path)
    root = tmp_path / "b"
    result = run_clean(make_plan(scan(path), check_running=not_running), backup_root=root,
                       check_running=not_running)  # fmt: skip
    backup = result.stores[0].backup
    assert backup is not None
    backup.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    cleaned = path.read_bytes()
    (back,) = restore(result.run, backup_root=root, check_running=not_running).stores
    assert back.status is RestoreStatus.FAILED
    said = say(back.message, "sv")
    assert said == ("Säkerhetskopian är skadad, så inget återställdes; kakfilen är som "
                            "den var.")  # fmt: skip
    assert path.read_bytes() == cleaned


def test_a_cookie_whose_host_is_a_blob_is_shown_and_never_deleted_by_guess(
    tmp_path: Path,
) -> None:
    path = chromium_store(tmp_path)
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("UPDATE cookies SET host_key = CAST(host_key AS BLOB) "
                    "WHERE name = '_ga' AND host_key = '.forsakringskassan.se'")  # fmt: skip
    found = scan(path)
    (blob,) = [c.cookie for c in found.cookies if c.cookie.name == "_ga"]
    assert blob.host == ".forsakringskassan.se" and blob.rowid is None
    plan = make_plan(found, check_running=not_running)
    (store,) = plan.stores
    assert store.refusal is not None and store.refusal.value == "no_row_ids"
    before = path.read_bytes()
    run_clean(plan, backup_root=tmp_path / "b", check_running=not_running)
    assert path.read_bytes() == before
