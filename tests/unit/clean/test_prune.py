"""Prune keeps the newest 10 backups per store and drops those older than 30 days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fkinspect.clean import Journal, JournalState, RemovedRow, list_journals, prune
from fkinspect.clean.files import private_folder
from fkinspect.clean.journal import write_journal
from fkinspect.model import Family, Profile, StoreFormat

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _journal(root: Path, store: Path, age: timedelta, n: int) -> Journal:
    profile = Profile(
        "chromium", "Chromium", Family.CHROMIUM, "Default", store.parent, store.parent.parent
    )
    folder = private_folder(root / f"{n:03d}-{store.parent.name}")
    (folder / "Cookies").write_bytes(b"")
    journal = Journal(
        id=folder.name,
        run=f"run{n}",
        created=NOW - age,
        state=JournalState.DONE,
        store=store,
        format=StoreFormat.CHROMIUM_SQLITE,
        profile=profile,
        schema="meta 24",
        table="cookies",
        key_columns=("host_key", "name"),
        removed=(RemovedRow(1, (".x", "_ga"), "_ga", ".x"),),
        backup="Cookies",
        rows_before=3,
        folder=folder,
    )
    write_journal(journal)
    return journal


def test_prune_keeps_newest_ten_per_store_and_drops_old(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    a, b = tmp_path / "a" / "Cookies", tmp_path / "b" / "Cookies"
    a_journals = [_journal(root, a, timedelta(hours=h), h) for h in range(12)]
    b_journals = [_journal(root, b, timedelta(days=d), 100 + d) for d in (1, 29, 31, 90)]
    # A folder without a journal (a clean killed during its backup), old and new.
    stale, fresh = root / "stale-partial", root / "fresh-partial"
    for folder in (stale, fresh):
        folder.mkdir()
    old = (NOW - timedelta(days=40)).timestamp()
    import os

    os.utime(stale, (old, old))
    os.utime(fresh, (NOW.timestamp(), NOW.timestamp()))
    removed = prune(root, now=NOW)
    kept = {j.id for j in list_journals(root)}
    assert kept == {j.id for j in a_journals[:10]} | {j.id for j in b_journals[:2]}
    assert set(removed) == {j.folder for j in a_journals[10:]} | {
        j.folder for j in b_journals[2:]
    } | {stale}
    assert not stale.exists() and fresh.exists()
    assert prune(root, now=NOW) == []
    assert prune(tmp_path / "nowhere", now=NOW) == []
