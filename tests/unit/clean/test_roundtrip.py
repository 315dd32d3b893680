"""Backup, delete, verify, journal and restore on every store generation."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from fkinspect.clean import (
    JournalState,
    RestoreStatus,
    Status,
    Step,
    list_journals,
    make_plan,
    restore,
    run_clean,
)
from fkinspect.synth import CHROMIUM_META_VERSIONS, FIREFOX_USER_VERSIONS, SynthCookie
from tests.unit.clean.support import (
    ANALYTICS,
    LATER,
    WWW,
    chromium_store,
    firefox_store,
    integrity,
    not_running,
    rows,
    scan,
)

STORES = [("chromium", v) for v in CHROMIUM_META_VERSIONS] + [
    ("firefox", v) for v in FIREFOX_USER_VERSIONS
]


def _store(tmp_path: Path, family: str, version: int) -> Path:
    if family == "chromium":
        return chromium_store(tmp_path, version)
    # Some rows only in the -wal, as Firefox leaves them before a checkpoint.
    return firefox_store(tmp_path, version, wal=[SynthCookie(WWW, "_pk_id.9.wal", expires=LATER)])


@pytest.mark.parametrize(("family", "version"), STORES)
def test_round_trip(tmp_path: Path, family: str, version: int) -> None:
    path = _store(tmp_path, family, version)
    original = rows(path)
    plan = make_plan(scan(path), check_running=not_running)
    (store,) = plan.stores
    goes = {i.cookie.name for i in store.remove}
    assert goes >= ANALYTICS
    steps: list[Step] = []
    old_umask = os.umask(0)  # the modes must not depend on the umask
    try:
        result = run_clean(
            plan, backup_root=tmp_path / "backups", progress=lambda _loc, step: steps.append(step)
        )
    finally:
        os.umask(old_umask)
    (outcome,) = result.stores
    assert outcome.status is Status.DONE, outcome.detail
    assert steps == list(Step)
    assert len(outcome.removed) == len(store.remove)
    assert integrity(path) == "ok"

    # Exactly the planned rows are gone, every other row is there unchanged.
    after = rows(path)
    gone = set(original) - set(after)
    assert sorted(_name_host(k, family) for k in gone) == sorted(
        (i.cookie.name, i.cookie.host) for i in store.remove
    )
    assert all(after[k] == original[k] for k in after)
    assert outcome.rows_after == len(after) == len(original) - len(store.remove)

    # The backup is a complete private copy of the store before the clean.
    assert outcome.backup is not None and result.backup == outcome.backup.parent
    assert rows(outcome.backup) == original
    assert stat.S_IMODE(outcome.backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(outcome.backup.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700
    assert sorted(p.name for p in outcome.backup.parent.iterdir()) == sorted(
        [path.name, "journal.json"]
    )

    # The journal: keys and names, never a value.
    journal_file = outcome.backup.parent / "journal.json"
    assert stat.S_IMODE(journal_file.stat().st_mode) == 0o600
    text = journal_file.read_text()
    data = json.loads(text)
    assert data["state"] == "done" and data["id"] == outcome.journal_id
    assert data["created"].endswith("Z") and data["backup"] == path.name
    assert data["counts"] == {
        "before": len(original),
        "removed": len(store.remove),
        "after": len(after),
    }
    assert sorted(r["name"] for r in data["removed"]) == sorted(i.cookie.name for i in store.remove)
    assert "value" not in text and '"x"' not in text  # synth values are "x"
    (journal,) = list_journals(tmp_path / "backups")
    assert journal.state is JournalState.DONE and journal.run == result.journal_id

    # Undo: the same rows come back, byte for byte in every column but the row id.
    undone = restore(
        result.journal_id or "", backup_root=tmp_path / "backups", check_running=not_running
    )
    (back,) = undone.stores
    assert back.status is RestoreStatus.RESTORED and back.restored == len(store.remove)
    assert rows(path) == original
    assert integrity(path) == "ok"
    assert list_journals(tmp_path / "backups")[0].state is JournalState.RESTORED
    again = restore(
        result.journal_id or "", backup_root=tmp_path / "backups", check_running=not_running
    )
    assert again.stores[0].status is RestoreStatus.NOTHING and rows(path) == original


def _name_host(key: tuple[object, ...], family: str) -> tuple[object, object]:
    return (key[0], key[1]) if family == "firefox" else (key[2], key[0])


def test_journal_mode_is_left_alone(tmp_path: Path) -> None:
    fox = firefox_store(tmp_path)
    chrome = chromium_store(tmp_path)
    run_clean(
        make_plan(scan(fox, chrome), check_running=not_running),
        backup_root=tmp_path / "b",
        check_running=not_running,
    )
    for path, mode in ((fox, "wal"), (chrome, "delete")):
        with closing(sqlite3.connect(path)) as con:
            assert con.execute("PRAGMA journal_mode").fetchone()[0] == mode


def test_nothing_to_remove_writes_nothing(tmp_path: Path) -> None:
    path = chromium_store(tmp_path, cookies=[SynthCookie(WWW, "JSESSIONID", expires=LATER)])
    before = path.read_bytes()
    result = run_clean(
        make_plan(scan(path), check_running=not_running),
        backup_root=tmp_path / "b",
        check_running=not_running,
    )
    assert [o.status for o in result.stores] == [Status.NOTHING]
    assert result.journal_id is None and result.backup is None
    assert path.read_bytes() == before and not (tmp_path / "b").exists()
