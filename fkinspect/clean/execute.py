"""Run a plan: for each store, ok to run -> backup -> delete -> verify -> journal.

Per store, while holding SQLite's write lock (BEGIN IMMEDIATE) on the real
store through a plain connection (journal mode untouched, no VACUUM, no
UPDATE): read every row's id and key, check the planned rows are still
there exactly, back the store up (its own read connection: the copy is the
state about to change), journal it as pending, check once more that the
browser is not running, DELETE each planned row by row id and full key, and
require the change count and the remaining keys to match before COMMIT.
After the commit: integrity_check and a fresh read of the keys. A failure
before the commit rolls back and removes the backup: the store is as it was.

A Firefox session file (browsers/firefox_session.py, clean/session.py) follows
the same order: read and check the planned entries, byte backup, pending
journal, browser check, then the new file renamed over the old one (the
"commit"), read again and compared.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from fkinspect.browsers import firefox_session
from fkinspect.browsers.reading import Table
from fkinspect.clean import messages
from fkinspect.clean.backup import BackupFailed, back_up
from fkinspect.clean.files import default_backup_root, private_folder
from fkinspect.clean.journal import (
    Journal,
    JournalState,
    JournalUnwritable,
    RemovedRow,
    write_journal,
)
from fkinspect.clean.plan import Plan, Refusal, RunningCheck, StorePlan
from fkinspect.clean.schema import (
    Key,
    count_rows,
    delete_row_sql,
    introspect,
    keys_of,
    missing_rows_sql,
)
from fkinspect.clean.session import back_up_session, replace_session_file
from fkinspect.clean.target import clean_target_problem
from fkinspect.errors import UnsupportedSchema, WriteStopped
from fkinspect.i18n import NOTHING, Words
from fkinspect.model import ClassifiedCookie, StoreFormat, StoreLocation
from fkinspect.running import running_evidence
from fkinspect.sqlite.errors import Failure, classify, classify_os, describe
from fkinspect.sqlite.open import attached_backup, open_read_write


class Step(StrEnum):
    """Where a store's clean is; reported to `progress` before the step runs."""

    CHECK = "check"
    LOCK = "lock"
    BACKUP = "backup"
    JOURNAL = "journal"
    DELETE = "delete"
    COMMIT = "commit"
    VERIFY = "verify"
    FINISH = "finish"  # journal marked done


Progress = Callable[[StoreLocation, Step], None]


class Status(StrEnum):
    """A store's outcome (a public JSON field)."""

    DONE = "done"
    NOTHING = "nothing"  # nothing of the asked kind in this store
    REFUSED_RUNNING = "refused_running"
    REFUSED = "refused"  # cannot be deleted here (a format fkinspect only reads)
    FAILED = "failed"  # not written or rolled back: the store is as it was
    UNVERIFIED = "unverified"  # removed, but the check afterwards did not match


@dataclass(frozen=True, slots=True)
class StoreOutcome:
    location: StoreLocation
    status: Status
    removed: tuple[ClassifiedCookie, ...] = ()
    kept: int = 0  # the in-scope cookies of this store that stay
    planned: int = 0
    rows_after: int | None = None  # every row left in the store (all sites), when written
    backup: Path | None = None
    journal_id: str | None = None
    message: Words = NOTHING  # for people, said in their language by the front
    detail: str = ""  # technical (English / SQLite), never a value


@dataclass(frozen=True, slots=True)
class CleanResult:
    stores: tuple[StoreOutcome, ...]
    run: str
    backup_root: Path

    @property
    def journal_ids(self) -> tuple[str, ...]:
        return tuple(s.journal_id for s in self.stores if s.journal_id)

    @property
    def journal_id(self) -> str | None:
        """What `restore` takes to undo this whole clean (the run id), None if nothing went."""
        return self.run if self.journal_ids else None

    @property
    def backup(self) -> Path | None:
        """The one backup folder, or the backup root when several stores were cleaned."""
        folders = [s.backup.parent for s in self.stores if s.backup]
        if not folders:
            return None
        return folders[0] if len(folders) == 1 else self.backup_root

    @property
    def removed(self) -> int:
        return sum(len(s.removed) for s in self.stores)

    @property
    def refused_running(self) -> tuple[StoreOutcome, ...]:
        return tuple(s for s in self.stores if s.status is Status.REFUSED_RUNNING)

    @property
    def failed(self) -> tuple[StoreOutcome, ...]:
        return tuple(s for s in self.stores if s.status in (Status.FAILED, Status.UNVERIFIED))


def run_id(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "profile"


def _reserve_folder(root: Path, run: str, store: StorePlan) -> Path:
    private_folder(root)
    base = f"{run}-{_slug(store.profile.browser_id)}-{_slug(store.profile.name)}"
    for n in range(1, 1000):
        folder = root / (base if n == 1 else f"{base}-{n}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        private_folder(folder)
        return folder
    raise OSError(f"no free backup folder name under {root}")


def _sqlite_abort(store: StorePlan, exc: sqlite3.Error) -> WriteStopped:
    """Nothing was committed: say why by SQLite's result code."""
    return WriteStopped(Status.FAILED, messages.cannot_write(store.profile, classify(exc)),
                        describe(exc))  # fmt: skip


def _os_abort(store: StorePlan, exc: OSError) -> WriteStopped:
    return WriteStopped(Status.FAILED, messages.cannot_write(store.profile, classify_os(exc)),
                        str(exc))  # fmt: skip


def _check_planned(store: StorePlan, present: dict[int, Key]) -> None:
    """Each planned row is in the store (`present`: the planned ids found) with its key."""
    for item in store.remove:
        cookie = item.cookie
        if cookie.rowid is None or present.get(cookie.rowid) != tuple(cookie.key):
            raise WriteStopped(
                Status.FAILED,
                messages.store_changed(store.profile),
                "a planned row is no longer in the store with the same id and key",
            )
    if len({item.cookie.rowid for item in store.remove}) != len(store.remove):
        raise WriteStopped(Status.FAILED, messages.store_changed(store.profile), "duplicate rows")


def _planned_ids(store: StorePlan) -> list[int]:
    return [int(i.cookie.rowid or 0) for i in store.remove]


def _integrity(con: sqlite3.Connection) -> list[str]:
    return [str(r[0]) for r in con.execute("PRAGMA integrity_check").fetchall()]


def _matches_backup(
    con: sqlite3.Connection, table: Table, journal: Journal, planned: list[int]
) -> bool:
    """Is the store the backup minus the planned rows? Compared by SQLite, row by row."""
    with attached_backup(con, journal.backup_path):
        missing = con.execute(missing_rows_sql(table), (json.dumps(planned),)).fetchone()[0]
        return (missing == 0 and not keys_of(con, table, planned)
                and count_rows(con, table, "backup") == journal.rows_before
                and count_rows(con, table) == journal.rows_after)  # fmt: skip


class _StoreCleaner:
    """One store's clean; `run()` never raises for a store problem."""

    def __init__(
        self,
        store: StorePlan,
        root: Path,
        run: str,
        check: RunningCheck,
        progress: Progress | None,
        timeout: float,
    ) -> None:
        self.store = store
        self.root = root
        self.run_name = run
        self.check = check
        self.progress = progress
        self.timeout = timeout
        self.folder: Path | None = None
        self.committing = False  # COMMIT was sent: from here the store may have changed
        self.session_written = False  # a session file was replaced by ours

    def _step(self, step: Step) -> None:
        if self.progress is not None:
            self.progress(self.store.location, step)

    def _running(self) -> None:
        evidence = self.check(self.store.profile)
        if evidence is not None:
            raise WriteStopped(
                Status.REFUSED_RUNNING, messages.close_browser(self.store.profile), evidence.how
            )

    def run(self) -> StoreOutcome:
        """Clean this store (check, back up, delete, verify, journal): how it ended."""
        store = self.store
        base = StoreOutcome(
            store.location,
            Status.NOTHING,
            kept=len(store.keep),
            planned=len(store.remove),
            message=store.message,
            detail=store.evidence,
        )
        if not store.remove:
            return base
        if store.refusal is Refusal.RUNNING:
            return replace(base, status=Status.REFUSED_RUNNING)
        if store.refusal is not None:
            return replace(base, status=Status.REFUSED)
        try:
            self._step(Step.CHECK)
            self._running()
            outside = clean_target_problem(store.location)  # it may have become a link since
            if outside is not None:
                raise WriteStopped(Status.FAILED, messages.outside_profile(store.profile), outside)
            if store.location.format is StoreFormat.FIREFOX_SESSION:
                return self._clean_session()
            return self._clean()
        except WriteStopped as stop:
            # Before the COMMIT a failure rolls back: the store is as it was, whatever a
            # look at it now would find. Only a failed COMMIT needs the look.
            if self.folder is not None and self.committing and not self._untouched():
                # A commit that failed half-way (I/O error): keep the backup and journal.
                return replace(
                    base,
                    status=Status.UNVERIFIED,
                    backup=self.folder / store.path.name,
                    journal_id=self.folder.name,
                    detail=stop.detail,
                    message=messages.verify_failed(store.profile, self.folder.name),
                )
            if self.folder is not None:
                # Nothing was removed: the backup and pending journal mean nothing.
                shutil.rmtree(self.folder, ignore_errors=True)
            return replace(base, status=Status(stop.status), message=stop.message,
                           detail=stop.detail)

    def _untouched(self) -> bool:
        """Are all planned rows still in the store, as planned?"""
        store = self.store
        if store.location.format is StoreFormat.FIREFOX_SESSION:
            # One atomic rename is the only write: before it, the file is not ours to judge.
            return not self.session_written
        try:
            with closing(open_read_write(store.path, timeout=self.timeout)) as con:
                table = introspect(con, store.location.format, store.path)
                now = keys_of(con, table, _planned_ids(store))
        except (sqlite3.Error, UnsupportedSchema):
            return False
        return all(now.get(int(i.cookie.rowid or 0)) == tuple(i.cookie.key) for i in store.remove)

    def _clean(self) -> StoreOutcome:
        store = self.store
        path = store.path
        # SQLite falls back to read-only silently and BEGIN IMMEDIATE still succeeds;
        # the journal needs the folder too. Ask first, so the message says why.
        if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise WriteStopped(
                Status.FAILED,
                messages.store_read_only(store.profile),
                "no write permission on the store or its folder",
            )
        try:
            con = open_read_write(path, timeout=self.timeout)
        except sqlite3.Error as exc:
            raise _sqlite_abort(store, exc) from exc
        with closing(con):
            try:
                table = introspect(con, store.location.format, path)
                self._step(Step.LOCK)
                con.execute("BEGIN IMMEDIATE")
            except UnsupportedSchema as exc:
                raise WriteStopped(
                    Status.FAILED, messages.cannot_write(store.profile, Failure.SCHEMA), exc.detail
                ) from exc
            except sqlite3.Error as exc:
                raise _sqlite_abort(store, exc) from exc
            try:
                journal = self._delete(con, table)
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    con.execute("ROLLBACK")
                raise
        return self._verify(journal, table)

    def _delete(self, con: sqlite3.Connection, table: Table) -> Journal:
        """Back up, journal and delete inside the caller's transaction; COMMIT if it all adds up.

        Only the planned rows and counts are held, never the store's other rows:
        with no trigger on the table (introspect), a DELETE by row id and full
        key removes that row alone, so the counts prove the rest is untouched.
        """
        store = self.store
        planned = _planned_ids(store)
        try:
            rows_before = count_rows(con, table)
            _check_planned(store, keys_of(con, table, planned))
        except sqlite3.Error as exc:
            raise _sqlite_abort(store, exc) from exc
        self._step(Step.BACKUP)
        try:
            self.folder = _reserve_folder(self.root, self.run_name, store)
            backup_path = self.folder / store.path.name
            back_up(store.path, backup_path, timeout=self.timeout)
            journal = Journal(
                id=self.folder.name,
                run=self.run_name,
                created=datetime.now(UTC),
                state=JournalState.PENDING,
                store=store.path,
                format=store.location.format,
                profile=store.profile,
                schema=table.schema,
                table=table.name,
                key_columns=table.key,
                removed=tuple(
                    RemovedRow(
                        int(i.cookie.rowid or 0), tuple(i.cookie.key), i.cookie.name, i.cookie.host
                    )
                    for i in store.remove
                ),
                backup=backup_path.name,
                rows_before=rows_before,
                folder=self.folder,
            )
            self._step(Step.JOURNAL)
            write_journal(journal)
        except BackupFailed as exc:
            raise WriteStopped(Status.FAILED, messages.backup_failed(store.profile, exc.failure),
                               str(exc)) from exc  # fmt: skip
        except JournalUnwritable as exc:
            raise WriteStopped(Status.FAILED, messages.journal_failed(store.profile),
                               str(exc)) from exc  # fmt: skip
        except OSError as exc:  # the journal
            raise WriteStopped(Status.FAILED,
                               messages.backup_failed(store.profile, classify_os(exc)),
                               str(exc)) from exc  # fmt: skip
        self._running()  # again, right before the write
        self._step(Step.DELETE)
        try:
            start = con.total_changes
            for item in store.remove:
                con.execute(*delete_row_sql(table, int(item.cookie.rowid or 0), item.cookie.key))
            changed = con.total_changes - start
            adds_up = (changed == len(planned) and not keys_of(con, table, planned)
                       and count_rows(con, table) == journal.rows_after)  # fmt: skip
            problems = [] if adds_up else ["rows"]
            problems += [p for p in _integrity(con) if p != "ok"]
        except sqlite3.Error as exc:
            raise _sqlite_abort(store, exc) from exc
        if problems:
            raise WriteStopped(
                Status.FAILED,
                messages.write_failed(store.profile),
                f"{changed} rows changed, {len(planned)} planned; rolled back: {problems[:3]}",
            )
        self._step(Step.COMMIT)
        self.committing = True
        try:
            con.execute("COMMIT")
        except sqlite3.Error as exc:
            raise _sqlite_abort(store, exc) from exc
        return journal

    def _verify(self, journal: Journal, table: Table) -> StoreOutcome:
        """Read the store again: sound, and exactly the backup minus the planned rows."""
        store = self.store
        self._step(Step.VERIFY)
        detail = ""
        try:
            with closing(open_read_write(store.path, timeout=self.timeout)) as con:
                problems = [p for p in _integrity(con) if p != "ok"]
                same = not problems and _matches_backup(con, table, journal, _planned_ids(store))
            if problems:
                detail = f"integrity_check: {problems[:3]}"
            elif not same:
                detail = "the rows after the commit differ from the plan"
        except sqlite3.Error as exc:
            detail = f"the store could not be read again: {exc}"
        return self._finish(journal, detail, rows_after=journal.rows_after)

    def _finish(self, journal: Journal, detail: str, rows_after: int) -> StoreOutcome:
        """Mark the journal done (or unverified, with why) and say what this store did."""
        store = self.store
        state = JournalState.UNVERIFIED if detail else JournalState.DONE
        self._step(Step.FINISH)
        with contextlib.suppress(OSError, JournalUnwritable):  # a pending journal still restores
            write_journal(journal.with_state(state))
        return StoreOutcome(
            store.location,
            Status.UNVERIFIED if detail else Status.DONE,
            removed=store.remove,
            kept=len(store.keep),
            planned=len(store.remove),
            rows_after=rows_after,
            backup=journal.backup_path,
            journal_id=journal.id,
            message=messages.verify_failed(store.profile, journal.id) if detail else NOTHING,
            detail=detail,
        )


    # ------------------------------------------------------- Firefox session file

    def _read_session(self) -> firefox_session.SessionFile:
        profile = self.store.profile
        try:
            return firefox_session.read_session_file(self.store.path)
        except FileNotFoundError as exc:
            raise WriteStopped(Status.FAILED, messages.store_changed(profile), str(exc)) from exc
        except OSError as exc:
            raise _os_abort(self.store, exc) from exc
        except firefox_session.SessionStoreError as exc:
            raise WriteStopped(Status.FAILED, messages.session_damaged(profile), str(exc)) from exc

    def _clean_session(self) -> StoreOutcome:
        store = self.store
        profile = store.profile
        path = store.path
        if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise WriteStopped(
                Status.FAILED,
                messages.store_read_only(profile),
                "no write permission on the session file or its folder",
            )
        current = self._read_session()
        try:
            planned = [i.cookie.key for i in store.remove]
            expected, indexes = firefox_session.without(current, planned)
            data = firefox_session.encode(expected)
        except firefox_session.SessionChanged as exc:
            raise WriteStopped(Status.FAILED, messages.store_changed(profile), str(exc)) from exc
        except firefox_session.SessionStoreError as exc:
            raise WriteStopped(Status.FAILED, messages.write_failed(profile), str(exc)) from exc
        self._step(Step.BACKUP)
        try:
            self.folder = _reserve_folder(self.root, self.run_name, store)
            backup_path = self.folder / path.name
            back_up_session(current.data, backup_path)
            journal = Journal(
                id=self.folder.name,
                run=self.run_name,
                created=datetime.now(UTC),
                state=JournalState.PENDING,
                store=path,
                format=store.location.format,
                profile=profile,
                schema=firefox_session.SCHEMA,
                table=firefox_session.TABLE,
                key_columns=firefox_session.KEY_COLUMNS,
                removed=tuple(
                    RemovedRow(index, key, key[0], key[1])  # the key: name, host, path, suffix
                    for index, key in ((i, current.keys[i]) for i in indexes)
                ),
                backup=backup_path.name,
                rows_before=len(current.keys),
                folder=self.folder,
            )
            self._step(Step.JOURNAL)
            write_journal(journal)
        except OSError as exc:
            raise WriteStopped(Status.FAILED, messages.backup_failed(profile, classify_os(exc)),
                               str(exc)) from exc  # fmt: skip
        except JournalUnwritable as exc:
            raise WriteStopped(Status.FAILED, messages.journal_failed(profile), str(exc)) from exc
        self._running()  # again, right before the write
        self._step(Step.DELETE)
        self._step(Step.COMMIT)
        try:
            replace_session_file(path, data, expect=current.data)
            self.session_written = True
        except firefox_session.SessionChanged as exc:
            raise WriteStopped(Status.FAILED, messages.store_changed(profile), str(exc)) from exc
        except OSError as exc:  # the rename did not happen: the old file is in place
            raise _os_abort(store, exc) from exc
        return self._verify_session(journal, expected)

    def _verify_session(self, journal: Journal, expected: dict[str, object]) -> StoreOutcome:
        store = self.store
        self._step(Step.VERIFY)
        detail = ""
        try:
            after = firefox_session.read_session_file(store.path)
            if after.state != expected:
                detail = "the session file after the write differs from the plan"
        except (OSError, firefox_session.SessionStoreError) as exc:
            detail = f"the session file could not be read again: {exc}"
        return self._finish(journal, detail, rows_after=journal.rows_after)


def run_clean(
    plan: Plan,
    *,
    backup_root: Path | None = None,
    progress: Progress | None = None,
    check_running: RunningCheck | None = None,
    busy_timeout: float = 5.0,
) -> CleanResult:
    """Carry out a plan, store by store; one store's failure never stops the others.

    Blocking (file I/O, SQLite): call it off a GUI thread. `progress(location,
    step)` is called from the calling thread before each step.
    """
    root = backup_root or default_backup_root()
    run = run_id(datetime.now(UTC))
    check = check_running or running_evidence
    outcomes = []
    for store in plan.stores:
        cleaner = _StoreCleaner(store, root, run, check, progress, busy_timeout)
        outcomes.append(cleaner.run())
    if any(o.journal_id for o in outcomes):
        from fkinspect.clean.prune import prune

        with contextlib.suppress(OSError):
            prune(root)  # the newest 10 per store, none older than 30 days
    return CleanResult(tuple(outcomes), run, root)
