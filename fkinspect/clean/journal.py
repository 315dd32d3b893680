"""The journal of one store's clean: what was removed and where its backup is.

`<backup root>/<id>/journal.json` (0600) beside the backup file. Keys, names
and hosts of the removed rows are recorded, never a value. The journal is
written as "pending" after the backup and before the delete, and replaced by
"done" after the check; so a kill at any moment leaves a journal that restore
can act on (it looks at the store to see whether the delete happened).

For a Firefox session file (format "firefox_session") the same fields hold:
table "cookies" (the JSON list), key_columns name/host/path/originAttributes
(the suffix string), "rowid" the entry's index in the file before the clean,
and the backup is a byte copy of the whole file.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from fkinspect.clean.files import untrusted_folder, write_private_atomically
from fkinspect.model import Family, Profile, StoreFormat

JOURNAL_NAME = "journal.json"
FORMAT_VERSION = 1


class JournalState(StrEnum):
    PENDING = "pending"  # backed up; the delete may or may not have happened
    DONE = "done"  # removed and checked
    UNVERIFIED = "unverified"  # removed, but the check afterwards did not match
    RESTORED = "restored"


@dataclass(frozen=True, slots=True)
class RemovedRow:
    rowid: int
    key: tuple[object, ...]
    name: str
    host: str


@dataclass(frozen=True, slots=True)
class Journal:
    id: str  # the backup folder's name
    run: str  # shared by the stores of one clean
    created: datetime
    state: JournalState
    store: Path
    format: StoreFormat
    profile: Profile
    schema: str
    table: str
    key_columns: tuple[str, ...]
    removed: tuple[RemovedRow, ...]
    backup: str  # file name inside the journal's folder
    rows_before: int
    folder: Path

    @property
    def backup_path(self) -> Path:
        return self.folder / self.backup

    @property
    def rows_after(self) -> int:
        return self.rows_before - len(self.removed)

    def with_state(self, state: JournalState) -> Journal:
        return replace(self, state=state)


def iso_z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _record(j: Journal) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "id": j.id,
        "run": j.run,
        "created": iso_z(j.created),
        "state": j.state.value,
        "store": {
            "path": str(j.store),
            "format": j.format.value,
            "schema": j.schema,
            "table": j.table,
            "key_columns": list(j.key_columns),
        },
        "browser": {
            "id": j.profile.browser_id,
            "name": j.profile.browser_name,
            "family": j.profile.family.value,
        },
        "profile": {
            "name": j.profile.name,
            "directory": str(j.profile.directory),
            "root": str(j.profile.root),
        },
        "backup": j.backup,
        "counts": {"before": j.rows_before, "removed": len(j.removed), "after": j.rows_after},
        "removed": [
            {"rowid": r.rowid, "key": list(r.key), "name": r.name, "host": r.host}
            for r in j.removed
        ],
    }


def write_journal(journal: Journal) -> None:
    data = json.dumps(_record(journal), ensure_ascii=False, indent=1).encode("utf-8")
    write_private_atomically(journal.folder / JOURNAL_NAME, data)


def read_journal(folder: Path) -> Journal:
    """The journal in `folder`; ValueError/OSError when it is missing or not ours."""
    data = json.loads((folder / JOURNAL_NAME).read_text(encoding="utf-8"))
    if data.get("format") != FORMAT_VERSION:
        raise ValueError(f"{folder}: unknown journal format")
    store, browser, profile = data["store"], data["browser"], data["profile"]
    owner = Profile(
        str(browser["id"]),
        str(browser["name"]),
        Family(browser["family"]),
        str(profile["name"]),
        Path(profile["directory"]),
        Path(profile["root"]),
    )
    created = datetime.strptime(data["created"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return Journal(
        id=str(data["id"]),
        run=str(data["run"]),
        created=created,
        state=JournalState(data["state"]),
        store=Path(store["path"]),
        format=StoreFormat(store["format"]),
        profile=owner,
        schema=str(store["schema"]),
        table=str(store["table"]),
        key_columns=tuple(str(c) for c in store["key_columns"]),
        removed=tuple(
            RemovedRow(int(r["rowid"]), tuple(r["key"]), str(r["name"]), str(r["host"]))
            for r in data["removed"]
        ),
        backup=Path(str(data["backup"])).name,  # a bare name: never a path out of the folder
        rows_before=int(data["counts"]["before"]),
        folder=folder,
    )


def list_journals(backup_root: Path | None = None) -> list[Journal]:
    """Every readable journal under the backup root, newest first.

    A folder another user owns or can write is skipped with a warning: its journal
    and backup could be planted, and restore would put them into the user's browser.
    """
    from fkinspect.clean.files import default_backup_root

    root = backup_root or default_backup_root()
    if not root.is_dir():
        return []
    found = []
    for folder in root.iterdir():
        if not (folder / JOURNAL_NAME).is_file() or not _trusted(folder, root):
            continue
        try:
            found.append(read_journal(folder))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not ours, or damaged: listed nowhere, pruned by age only
    found.sort(key=lambda j: (j.created, j.id), reverse=True)
    return found


_log = logging.getLogger(__name__)
_warned: set[Path] = set()  # one warning per folder, however often the journals are listed


def _trusted(folder: Path, root: Path) -> bool:
    """False, with a warning, for a folder another user could have planted or changed."""
    reason = untrusted_folder(folder, root)
    if reason is not None and folder not in _warned:
        _warned.add(folder)
        _log.warning("backup %s is skipped, not trusted: %s", folder.name, reason)
    return reason is None
