"""`fkinspect restore`: put back what a clean removed, from its backup and journal.

It asks before writing unless given --yes; with no terminal to ask on, it refuses
(exit 2). Exit codes: 0 done (also: nothing to restore), 3 the browser of a store
to restore is running, 4 a store could not be written or verified, or a journal of
the chosen clean is damaged; 4 wins over 3.

JSON (`--json`), never a cookie value:

restore --list -> {"journals": [{"id", "run", "created" (ISO Z), "state"
  ("pending" | "done" | "unverified" | "restored" | "damaged"), "browser",
  "browser_name", "profile", "path", "removed" (int), "backup" (str), "reason"
  (why a journal is damaged; "" otherwise)}]}. A damaged journal (unreadable,
  or not what fkinspect writes) is never acted on: its browser, browser_name,
  profile, path and removed are null, run is null unless its folder's name
  gives it, backup is its folder.

restore ID|--latest -> {"run": str | null, "restored": int, "exit": int,
  "stores": [{"journal", "browser", "browser_name", "profile", "path",
  "status" ("restored" | "nothing" | "refused_running" | "refused_newer" |
  "failed"), "restored": int, "message", "detail"}]}; a damaged journal of the
  chosen clean is a "failed" store with null browser, profile and path.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fkinspect.clean import (
    DamagedJournal,
    Journal,
    JournalNotFound,
    JournalState,
    RestoreResult,
    load_journals,
    restore,
)
from fkinspect.clean.journal import iso_z
from fkinspect.cli.common import (
    EXIT_OK,
    EXIT_RUNNING,
    EXIT_STORE,
    confirm,
    home_of,
    no_terminal,
    shown_path,
    write_json,
)
from fkinspect.i18n import N_, ntext, say, text
from fkinspect.textsafe import printable

# `restore --list`'s state for a journal that cannot be used (clean.journal.DamagedJournal).
DAMAGED = "damaged"

# The states as `restore --list` prints them for people (JSON keeps the codes).
_STATE = {
    JournalState.PENDING: N_("pending"),
    JournalState.DONE: N_("done"),
    JournalState.UNVERIFIED: N_("unverified"),
    JournalState.RESTORED: N_("restored"),
}


def register(subparsers: Any, store_options: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "restore", parents=[store_options],
        help="undo a removal: restore its cookies from the backup",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("id", nargs="?", metavar="ID", help="a removal's id (from --list)")
    which.add_argument("--list", action="store_true", help="list the removals that can be undone")
    which.add_argument("--latest", action="store_true", help="undo the newest removal")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask before restoring")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def _wanted(journal: Journal, args: argparse.Namespace) -> bool:
    """--home/--store/--browser narrow which cleans are shown and undone."""
    if args.browser and journal.profile.browser_id not in args.browser:
        return False
    places = [Path(p).absolute() for p in (*([args.home] if args.home else []), *args.store)]
    return not places or any(journal.store.is_relative_to(p) for p in places)


def _journal_record(j: Journal, home: Path) -> dict[str, Any]:
    p = j.profile
    return {
        "id": j.id,
        "run": j.run,
        "created": iso_z(j.created),
        "state": str(j.state),
        "browser": p.browser_id,
        "browser_name": p.browser_name,
        "profile": p.name,
        "path": shown_path(j.store, home),
        "removed": len(j.removed),
        "backup": str(j.backup_path),
        "reason": "",
    }


def _damaged_record(d: DamagedJournal) -> dict[str, Any]:
    """A journal that cannot be used: what is known of it, and why."""
    return {
        "id": d.id,
        "run": d.run,
        "created": iso_z(d.created),
        "state": DAMAGED,
        "browser": None,
        "browser_name": None,
        "profile": None,
        "path": None,
        "removed": None,
        "backup": str(d.folder),
        "reason": d.reason,
    }


def _damaged_message(d: DamagedJournal, language: str) -> str:
    return text(language, "The journal {id} is damaged and is skipped ({why}).", id=d.id,
                why=d.reason)


def _restore_json(
    run_id: str, result: RestoreResult, damaged: Sequence[DamagedJournal], home: Path, code: int,
    language: str,
) -> dict[str, Any]:
    stores = []
    for o in result.stores:
        p = o.journal.profile
        stores.append(
            {
                "journal": o.journal.id,
                "browser": p.browser_id,
                "browser_name": p.browser_name,
                "profile": p.name,
                "path": shown_path(o.path, home),
                "status": str(o.status),
                "restored": o.restored,
                "message": say(o.message, language),
                "detail": o.detail,
            }
        )
    for d in damaged:
        stores.append(
            {
                "journal": d.id,
                "browser": None,
                "browser_name": None,
                "profile": None,
                "path": None,
                "status": "failed",
                "restored": 0,
                "message": _damaged_message(d, language),
                "detail": d.reason,
            }
        )
    return {"run": run_id, "restored": result.restored, "exit": code, "stores": stores}


def _restore_code(result: RestoreResult, damaged: Sequence[DamagedJournal]) -> int:
    statuses = {str(o.status) for o in result.stores}
    if damaged or statuses & {"failed", "refused_newer"}:
        return EXIT_STORE
    return EXIT_RUNNING if "refused_running" in statuses else EXIT_OK


def _list(
    journals: Sequence[Journal],
    damaged: Sequence[DamagedJournal],
    args: argparse.Namespace,
    home: Path,
) -> int:
    if args.json:
        records = [_journal_record(j, home) for j in journals]
        write_json({"journals": records + [_damaged_record(d) for d in damaged]})
        return EXIT_OK
    language = args.lang
    if not journals and not damaged:
        print(text(language, "There are no removals to undo."))
    for j in journals:
        count = ntext(language, "{count} cookie", "{count} cookies", len(j.removed))
        print(printable(
            f"{j.run}  {j.created:%Y-%m-%d %H:%M}  {j.profile.label:<32} "
            f"{count:>10}  {text(language, _STATE[j.state])}"
        ))
    damaged_word = text(language, N_("damaged"))
    for d in damaged:
        print(printable(
            f"{d.run or '-':<22}  {d.created:%Y-%m-%d %H:%M}  {_damaged_message(d, language)}  "
            f"{damaged_word}"
        ))
    return EXIT_OK


def _latest(journals: Sequence[Journal]) -> str | None:
    open_runs = [j.run for j in journals if j.state is not JournalState.RESTORED]
    return open_runs[0] if open_runs else None


def run(args: argparse.Namespace) -> int:
    home = home_of(args)
    usable, damaged = load_journals()
    journals = [j for j in usable if _wanted(j, args)]
    if args.list:
        return _list(journals, damaged, args, home)
    language = args.lang
    chosen_run = _latest(journals) if args.latest else str(args.id)
    if chosen_run is None:
        if args.json:
            write_json({"run": None, "restored": 0, "exit": EXIT_OK, "stores": []})
        else:
            print(text(language, "There is no removal to undo."))
        return EXIT_OK
    chosen = [j for j in journals if chosen_run in (j.id, j.run)]
    # A damaged journal of this clean cannot be undone; it is named, not skipped silently.
    broken = [d for d in damaged if chosen_run in (d.id, d.run)]
    if not chosen and not broken:
        raise JournalNotFound(text(language, "no removal with id {id!r} (see fkinspect restore "
                                             "--list)", id=chosen_run))
    if chosen and not args.yes:
        if not args.json:
            for j in chosen:
                print(printable(f"{j.profile.label}: " + ntext(
                    language, "{count} cookie from {time}", "{count} cookies from {time}",
                    len(j.removed), time=f"{j.created:%Y-%m-%d %H:%M}")))
        count = sum(len(j.removed) for j in chosen)
        answer = confirm(ntext(language, "Restore {count} cookie?", "Restore {count} cookies?",
                               count), language)
        if answer is None:
            return no_terminal(text(language, "Restoring"), language)
        if not answer:
            print(text(language, "Nothing was restored."), file=sys.stderr)
            return EXIT_OK
    # One journal at a time: --home/--store/--browser may have left some of the run out.
    result = RestoreResult(tuple(o for j in chosen for o in restore(j.id).stores))
    code = _restore_code(result, broken)
    if args.json:
        write_json(_restore_json(chosen_run, result, broken, home, code, language))
    else:
        for o in result.stores:
            said = (ntext(language, "{count} cookie restored", "{count} cookies restored",
                          o.restored) if o.status == "restored" else say(o.message, language))
            print(printable(f"{o.journal.profile.label}: {said}"))
        for d in broken:
            print(printable(_damaged_message(d, language)))
    return code
