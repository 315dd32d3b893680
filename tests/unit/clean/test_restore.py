"""Restore puts back only the removed rows, never over a newer cookie."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from fkinspect.clean import (
    JournalNotFound,
    JournalState,
    RestoreStatus,
    Status,
    Step,
    latest_run,
    list_journals,
    make_plan,
    restore,
    run_clean,
)
from fkinspect.i18n import say
from fkinspect.model import StoreLocation
from tests.unit.clean.support import (
    ANALYTICS,
    agency_names,
    chromium_store,
    firefox_store,
    not_running,
    rows,
    scan,
)


def _clean(path: Path, root: Path) -> str:
    result = run_clean(
        make_plan(scan(path), check_running=not_running),
        backup_root=root,
        check_running=not_running,
    )
    assert result.stores[0].status is Status.DONE
    assert result.journal_id is not None
    return result.journal_id


@pytest.mark.parametrize("family", ["chromium", "firefox"])
def test_newer_cookie_with_the_same_key_refuses(tmp_path: Path, family: str) -> None:
    path = chromium_store(tmp_path) if family == "chromium" else firefox_store(tmp_path)
    original = rows(path)
    run = _clean(path, tmp_path / "b")
    # The site sets _pk_ses again (same key, set anew: a new creation time) after the clean.
    with closing(sqlite3.connect(path)) as con:
        table = "cookies" if family == "chromium" else "moz_cookies"
        host = "host_key" if family == "chromium" else "host"
        created = "creation_utc" if family == "chromium" else "creationTime"
        backup = list_journals(tmp_path / "b")[0].backup_path
        con.execute("ATTACH DATABASE ? AS bak", (str(backup),))
        con.execute(
            f"INSERT INTO main.{table} SELECT * FROM bak.{table} "
            f"WHERE name = '_pk_ses.1.abcd' AND {host} = 'www.forsakringskassan.se'"
        )
        con.execute(f"UPDATE main.{table} SET {created} = {created} + 1000000 "
                    "WHERE name = '_pk_ses.1.abcd'")  # fmt: skip
        con.commit()
        con.execute("DETACH DATABASE bak")
    before = path.read_bytes()
    undo = restore(run, backup_root=tmp_path / "b", check_running=not_running)
    (outcome,) = undo.stores
    assert outcome.status is RestoreStatus.REFUSED_NEWER and not undo.ok
    said = say(outcome.message, "sv")
    assert "_pk_ses.1.abcd" in said and "skrivs inte över" in said
    assert path.read_bytes() == before  # nothing written
    assert list_journals(tmp_path / "b")[0].state is JournalState.DONE
    # Once the newer cookie is gone again, the restore goes through.
    with closing(sqlite3.connect(path)) as con:
        con.execute(f"DELETE FROM {table} WHERE name = '_pk_ses.1.abcd'")
        con.commit()
    assert restore(run, backup_root=tmp_path / "b", check_running=not_running).ok
    assert rows(path) == original


class Crash(Exception):
    """Stands for the process dying at that step (the fault tests kill it for real)."""


def _crash_at(step: Step):  # type: ignore[no-untyped-def]
    def progress(_location: StoreLocation, now: Step) -> None:
        if now is step:
            raise Crash(step)

    return progress


def _clean_until_crash(path: Path, root: Path, step: Step) -> None:
    """A clean of `path` that dies just before `step`, as a killed process would."""
    plan = make_plan(scan(path), check_running=not_running)
    with pytest.raises(Crash):
        run_clean(plan, backup_root=root, check_running=not_running, progress=_crash_at(step))


def test_pending_journal_before_the_delete_restores_nothing(tmp_path: Path) -> None:
    path = chromium_store(tmp_path)
    before = rows(path)
    _clean_until_crash(path, tmp_path / "b", Step.DELETE)
    assert rows(path) == before
    (journal,) = list_journals(tmp_path / "b")
    assert journal.state is JournalState.PENDING
    assert latest_run(tmp_path / "b") == journal.run
    undo = restore(journal.run, backup_root=tmp_path / "b", check_running=not_running)
    assert undo.stores[0].status is RestoreStatus.NOTHING and undo.restored == 0
    assert rows(path) == before and list_journals(tmp_path / "b") == []


def test_pending_journal_after_the_commit_restores(tmp_path: Path) -> None:
    path = firefox_store(tmp_path)
    before = rows(path)
    _clean_until_crash(path, tmp_path / "b", Step.VERIFY)
    assert not ANALYTICS & set(agency_names(path))
    (journal,) = list_journals(tmp_path / "b")
    assert journal.state is JournalState.PENDING
    undo = restore(journal.id, backup_root=tmp_path / "b", check_running=not_running)
    assert undo.stores[0].status is RestoreStatus.RESTORED
    assert rows(path) == before


def test_unknown_id_and_missing_backup(tmp_path: Path) -> None:
    with pytest.raises(JournalNotFound):
        restore("20000101T000000000000Z", backup_root=tmp_path / "b")
    path = chromium_store(tmp_path)
    run = _clean(path, tmp_path / "b")
    after = path.read_bytes()
    list_journals(tmp_path / "b")[0].backup_path.unlink()
    undo = restore(run, backup_root=tmp_path / "b", check_running=not_running)
    assert undo.stores[0].status is RestoreStatus.FAILED
    assert "Säkerhetskopian saknas" in say(undo.stores[0].message, "sv")
    assert path.read_bytes() == after
