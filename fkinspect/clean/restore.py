"""Put back what a clean removed: only those rows, from the backup, never over newer ones.

The backup is ATTACHed read-only and each removed row is copied back by its
old row id and full key, in one transaction on the real store (same rules as
the clean: browser closed, plain connection, BEGIN IMMEDIATE). A row that is
already there exactly as backed up (a restore killed after its commit put it
back) counts as restored. If the store holds a different cookie with the
same key (the site set it again since), the store is refused as a whole:
restoring must never overwrite newer data.

A Firefox session file gets its removed entries back from the backup file,
added to the file as it is now (the same checks, and the same atomic
rename as the clean). If Firefox has since ended that session and the file
is gone, nothing is recreated: a new session file would bring back old
windows and tabs along with the cookies.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from fkinspect.browsers import firefox_session
from fkinspect.browsers.reading import Table
from fkinspect.clean import messages
from fkinspect.clean.backup import backup_problem
from fkinspect.clean.files import default_backup_root
from fkinspect.clean.journal import (
    Journal,
    JournalState,
    JournalUnwritable,
    RemovedRow,
    list_journals,
    write_journal,
)
from fkinspect.clean.plan import RunningCheck
from fkinspect.clean.schema import (
    copy_row_sql,
    find_key_sql,
    introspect,
    read_keys,
    select_row_sql,
)
from fkinspect.clean.session import replace_session_file
from fkinspect.clean.target import clean_target_problem
from fkinspect.errors import FkInspectError, UnsupportedSchema, WriteStopped
from fkinspect.i18n import NOTHING, Words
from fkinspect.model import StoreFormat, StoreLocation
from fkinspect.running import running_evidence
from fkinspect.sqlite.errors import failure_of
from fkinspect.sqlite.open import attached_backup, open_read_write


class JournalNotFound(FkInspectError):
    """No journal (or clean) with this id under the backup root."""


class RestoreStatus(StrEnum):
    """A store's restore outcome (a public JSON field)."""

    RESTORED = "restored"
    NOTHING = "nothing"  # already restored, or the clean never removed anything
    REFUSED_RUNNING = "refused_running"
    REFUSED_NEWER = "refused_newer"  # a cookie with the same key is there now
    FAILED = "failed"  # the store is as it was


@dataclass(frozen=True, slots=True)
class RestoreOutcome:
    journal: Journal
    status: RestoreStatus
    restored: int = 0
    message: Words = NOTHING  # for people, said in their language by the front
    detail: str = ""

    @property
    def path(self) -> Path:
        return self.journal.store


@dataclass(frozen=True, slots=True)
class RestoreResult:
    stores: tuple[RestoreOutcome, ...]

    @property
    def restored(self) -> int:
        return sum(s.restored for s in self.stores)

    @property
    def ok(self) -> bool:
        """Every store restored (or had nothing to restore)."""
        return all(s.status in (RestoreStatus.RESTORED, RestoreStatus.NOTHING) for s in self.stores)


def find_journals(journal_id: str, backup_root: Path | None = None) -> list[Journal]:
    """The journals of one store's clean (its id) or of a whole clean (its run id)."""
    found = [j for j in list_journals(backup_root) if journal_id in (j.id, j.run)]
    if not found:
        raise JournalNotFound(f"no clean with the id {journal_id!r}")
    return found


def latest_run(backup_root: Path | None = None) -> str | None:
    """The run id of the newest clean that still has something to put back."""
    for journal in list_journals(backup_root):
        if journal.state is not JournalState.RESTORED:
            return journal.run
    return None


def restore(
    journal_id: str,
    *,
    backup_root: Path | None = None,
    check_running: RunningCheck | None = None,
    busy_timeout: float = 5.0,
) -> RestoreResult:
    """Put back the rows a clean (run id) or one store's clean (journal id) removed.

    Blocking: call it off a GUI thread. Raises JournalNotFound for an unknown id.
    """
    check = check_running or running_evidence
    journals = find_journals(journal_id, backup_root or default_backup_root())
    return RestoreResult(tuple(_restore_one(j, check, busy_timeout) for j in journals))


def _restore_one(journal: Journal, check: RunningCheck, timeout: float) -> RestoreOutcome:
    if journal.state is JournalState.RESTORED:
        return RestoreOutcome(journal, RestoreStatus.NOTHING, message=messages.already_restored())
    try:
        if not journal.backup_path.is_file():
            raise WriteStopped(RestoreStatus.FAILED, messages.backup_missing(),
                               str(journal.backup_path))  # fmt: skip
        problem = "" if journal.format is StoreFormat.FIREFOX_SESSION else backup_problem(
            journal.backup_path)  # a session backup is checked as it is parsed
        if problem:
            raise WriteStopped(RestoreStatus.FAILED, messages.backup_damaged(), problem)
        # The store may have become a link since the clean: write only where a clean may.
        outside = clean_target_problem(
            StoreLocation(journal.profile, journal.store, journal.format))
        if outside is not None:
            raise WriteStopped(RestoreStatus.FAILED,
                        messages.outside_profile(journal.profile, restoring=True), outside)
        evidence = check(journal.profile)
        if evidence is not None:
            raise WriteStopped(
                RestoreStatus.REFUSED_RUNNING, messages.close_browser(journal.profile), evidence.how
            )
        if journal.format is StoreFormat.FIREFOX_SESSION:
            count = _put_back_session(journal, check)
        else:
            count = _put_back(journal, timeout)
    except _SessionGone:
        # Nothing to put the entries into; the undo is over (the backup stays until pruned).
        with contextlib.suppress(OSError, JournalUnwritable):
            write_journal(journal.with_state(JournalState.RESTORED))
        return RestoreOutcome(
            journal, RestoreStatus.NOTHING, message=messages.session_gone(journal.profile)
        )
    except WriteStopped as stop:
        return RestoreOutcome(journal, RestoreStatus(stop.status), message=stop.message,
                              detail=stop.detail)
    except (sqlite3.Error, UnsupportedSchema, OSError, firefox_session.SessionStoreError) as exc:
        return RestoreOutcome(
            journal,
            RestoreStatus.FAILED,
            message=messages.cannot_write(journal.profile, failure_of(exc), restoring=True),
            detail=str(exc),
        )
    if count == 0:
        # The clean was killed before its delete: nothing left the store.
        shutil.rmtree(journal.folder, ignore_errors=True)
        return RestoreOutcome(journal, RestoreStatus.NOTHING, message=messages.nothing_removed())
    with contextlib.suppress(OSError, JournalUnwritable):
        write_journal(journal.with_state(JournalState.RESTORED))
    return RestoreOutcome(journal, RestoreStatus.RESTORED, restored=count)


class _SessionGone(FkInspectError):
    """The session file the clean changed is no longer there."""


def _read_session(path: Path, journal: Journal, *, backup: bool) -> firefox_session.SessionFile:
    try:
        return firefox_session.read_session_file(path)
    except firefox_session.SessionStoreError as exc:
        message = messages.backup_missing() if backup else messages.session_damaged_restore(
            journal.profile
        )
        raise WriteStopped(RestoreStatus.FAILED, message, str(exc)) from exc


def _session_entries(current: firefox_session.SessionFile, key: tuple[object, ...]) -> list[object]:
    return [e for e, k in zip(current.cookies, current.keys, strict=True) if k == key]


def _put_back_session(journal: Journal, check: RunningCheck) -> int:
    """Entries put back; 0 when the clean never removed them (killed before its write)."""
    if not journal.store.is_file():
        raise _SessionGone
    backup = _read_session(journal.backup_path, journal, backup=True)
    current = _read_session(journal.store, journal, backup=False)
    keys = [tuple(row.key) for row in journal.removed]
    present = [current.count(key) > 0 for key in keys]
    if journal.state is JournalState.PENDING and all(present):
        return 0  # the write never happened
    try:
        entries = firefox_session.entries_for(backup, keys)
    except firefox_session.SessionChanged as exc:
        raise WriteStopped(RestoreStatus.FAILED, messages.backup_missing(), str(exc)) from exc
    # An entry there exactly as backed up was put back by a restore killed after its rename.
    back = [there and _session_entries(current, key) == [entry]
            for key, entry, there in zip(keys, entries, present, strict=True)]  # fmt: skip
    found = list(zip(journal.removed, present, back, strict=True))
    newer = sorted({row.name for row, there, same in found if there and not same})
    if newer:
        raise WriteStopped(RestoreStatus.REFUSED_NEWER, messages.newer_cookie(newer))
    missing = [entry for entry, there in zip(entries, present, strict=True) if not there]
    if not missing:
        return len(keys)
    if any(present):  # partly back already: add only the others
        expected = firefox_session.with_entries(current, missing)
        data = firefox_session.encode(expected)
    else:
        # The backup's own bytes if it can.
        data, expected = firefox_session.put_back(backup, current, keys)
    evidence = check(journal.profile)  # again, right before the write
    if evidence is not None:
        raise WriteStopped(
            RestoreStatus.REFUSED_RUNNING, messages.close_browser(journal.profile), evidence.how
        )
    try:
        replace_session_file(journal.store, data, expect=current.data)
    except firefox_session.SessionChanged as exc:
        raise WriteStopped(
            RestoreStatus.FAILED, messages.store_changed_restore(journal.profile), str(exc)
        ) from exc
    after = _read_session(journal.store, journal, backup=False)
    if after.state != expected:
        raise WriteStopped(
            RestoreStatus.FAILED,
            messages.write_failed(journal.profile),
            "the session file after the restore differs from the plan",
        )
    return len(keys)


def _backup_columns(con: sqlite3.Connection, table: str) -> set[str]:
    rows = con.execute("SELECT name FROM pragma_table_info(?, 'backup')", (table,)).fetchall()
    return {str(r[0]) for r in rows}


def _columns_to_copy(con: sqlite3.Connection, table: Table, journal: Journal) -> tuple[str, ...]:
    if table.name != journal.table or table.key != journal.key_columns:
        raise WriteStopped(
            RestoreStatus.FAILED,
            messages.write_failed(journal.profile),
            f"the store's layout changed since the clean ({table.schema})",
        )
    unknown = table.unknown_columns()
    if unknown:
        raise UnsupportedSchema(journal.store, f"unknown columns: {', '.join(unknown)}")
    in_backup = _backup_columns(con, table.name)
    return tuple(c for c in table.data_columns if c in in_backup and c in table.known)


def _put_back(journal: Journal, timeout: float) -> int:
    """Rows copied back; 0 when every removed row is still in the store as it was."""
    with closing(open_read_write(journal.store, timeout=timeout)) as con:
        table = introspect(con, journal.format, journal.store)
        with attached_backup(con, journal.backup_path):
            columns = _columns_to_copy(con, table, journal)
            con.execute("BEGIN IMMEDIATE")
            try:
                count = _copy_rows(con, table, columns, journal)
                if count:
                    con.execute("COMMIT")
                else:
                    con.execute("ROLLBACK")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    con.execute("ROLLBACK")
                raise
        problems = [str(r[0]) for r in con.execute("PRAGMA integrity_check") if r[0] != "ok"]
    if problems:
        raise WriteStopped(
            RestoreStatus.FAILED,
            messages.write_failed(journal.profile),
            f"integrity_check after restore: {problems[:3]}",
        )
    return count


def _already_back(
    con: sqlite3.Connection, table: Table, columns: tuple[str, ...], row: RemovedRow,
    found: list[tuple[object, ...]],
) -> bool:
    """Is the one row with this key now in the store exactly as backed up (every column
    a restore copies)? Then a restore that died after its commit put it there."""
    saved = con.execute(*select_row_sql(table, columns, row.rowid, row.key, "backup")).fetchall()
    if len(saved) != 1:
        raise WriteStopped(RestoreStatus.FAILED, messages.backup_missing(),
                           "a removed row is not in the backup")  # fmt: skip
    rowid = found[0][0] if len(found) == 1 else None
    if not isinstance(rowid, int):
        return False
    now = con.execute(*select_row_sql(table, columns, rowid, row.key)).fetchall()
    return now == saved


def _copy_rows(
    con: sqlite3.Connection, table: Table, columns: tuple[str, ...], journal: Journal
) -> int:
    """Rows put back, counting those already back; 0 when the delete never happened."""
    present = {
        row.rowid: con.execute(*find_key_sql(table, row.key)).fetchall() for row in journal.removed
    }
    if journal.state is JournalState.PENDING and all(
        [(row.rowid,)] == present[row.rowid] for row in journal.removed
    ):
        return 0  # the delete never happened
    back = {row.rowid for row in journal.removed
            if present[row.rowid] and _already_back(con, table, columns, row, present[row.rowid])}
    newer = sorted({row.name for row in journal.removed
                    if present[row.rowid] and row.rowid not in back})  # fmt: skip
    if newer:
        raise WriteStopped(RestoreStatus.REFUSED_NEWER, messages.newer_cookie(newer))
    missing = [row for row in journal.removed if row.rowid not in back]
    before = len(read_keys(con, table))
    for row in missing:
        cursor = con.execute(*copy_row_sql(table, columns, row.rowid, row.key))
        if cursor.rowcount != 1:
            raise WriteStopped(
                RestoreStatus.FAILED,
                messages.backup_missing(),
                "a removed row is not in the backup",
            )
    after = read_keys(con, table)
    keys = set(after.values())
    if len(after) != before + len(missing) or any(
        tuple(row.key) not in keys for row in journal.removed
    ):
        raise WriteStopped(
            RestoreStatus.FAILED,
            messages.write_failed(journal.profile),
            "the rows after the restore differ from the journal",
        )
    return len(journal.removed)
