"""Drop old backups: older than 30 days, or beyond the newest 10 per store."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fkinspect.clean.files import default_backup_root, untrusted_folder
from fkinspect.clean.journal import load_journals

KEEP_PER_STORE = 10
MAX_AGE = timedelta(days=30)


def prune(
    backup_root: Path | None = None,
    now: datetime | None = None,
    *,
    keep: int = KEEP_PER_STORE,
    max_age: timedelta = MAX_AGE,
) -> list[Path]:
    """Remove old backup folders; returns the folders removed."""
    root = backup_root or default_backup_root()
    moment = now or datetime.now(UTC)
    if not root.is_dir():
        return []
    doomed: list[Path] = []
    per_store: dict[Path, int] = {}
    listed = set()
    for journal in load_journals(root)[0]:  # usable ones, newest first
        listed.add(journal.folder)
        rank = per_store.get(journal.store, 0)
        per_store[journal.store] = rank + 1
        if rank >= keep or moment - journal.created > max_age:
            doomed.append(journal.folder)
    # Folders without a usable journal (a clean killed during its backup, a damaged
    # journal): by age, and only the user's own (load_journals skipped the others:
    # not ours to remove).
    for folder in root.iterdir():
        if folder in listed or not folder.is_dir():
            continue
        if untrusted_folder(folder, root) is not None:
            continue
        changed = datetime.fromtimestamp(folder.stat().st_mtime, UTC)
        if moment - changed > max_age:
            doomed.append(folder)
    for folder in doomed:
        shutil.rmtree(folder, ignore_errors=True)
    return doomed
