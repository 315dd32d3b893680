"""`fkinspect clean` and `fkinspect restore`: the commands that write to a store.

Both ask before writing unless given --yes; with no terminal to ask on, they
refuse (exit 2). Exit codes: 0 done (also: nothing to remove), 2 not
confirmed with no terminal, 3 a browser that holds something to remove (or
restore) is running, 4 a store could not be read, written or verified
(nothing changed there, unless its message says otherwise) or holds
something to remove in a file fkinspect only reads; 4 wins over 3.

JSON (`--json`), never a cookie value:

clean -> {
  "dry_run": bool (true only with --dry-run), "categories": [str], "run": str |
  null (the id `restore` takes to undo the whole clean), "removed": int (rows
  removed in all stores: the sum of theirs), "exit": int,
  "stores": [{
    "browser": str (id), "browser_name": str, "profile": str,
    "path": str (the store file; home written as ~),
    "format": "chromium_sqlite" | "firefox_sqlite" | "firefox_session" | ...,
    "status": "would_remove" (dry run) | "done" | "nothing" | "refused_running"
              | "refused" (a format fkinspect only reads, e.g. Safari's)
              | "failed" (also a store that could not be read: kept null,
              no cookies) | "unverified". A Firefox session file
              ("firefox_session") is cleaned like the SQLite stores when
              Firefox is closed and refused_running while it runs,
    "removed": int (removed: 0 for a store not written; in a dry run, to be
    removed), "kept": int | null (the agency's cookies that stay; null when
    the store could not be read), "rows_after": int | null (every row left in
    the file, all sites), "backup": str | null (backup file), "journal": str |
    null (this store's journal id), "message": str (Swedish, for people),
    "detail": str (technical),
    "cookies": [{"name", "host", "path", "partition", "container",
                 "category", "clean_as"}]   (the rows removed; for a store
                 not written, and in a dry run, the rows planned)
  }]
}

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
from typing import TYPE_CHECKING, Any

from fkinspect.model import Category, ClassifiedCookie, StoreLocation, StoreResult, StoreStatus
from fkinspect.textsafe import printable

if TYPE_CHECKING:
    from fkinspect.clean import (
        CleanResult,
        DamagedJournal,
        Journal,
        Plan,
        RestoreResult,
        StorePlan,
    )

# `restore --list`'s state for a journal that cannot be used (clean.journal.DamagedJournal).
DAMAGED = "damaged"

YES = frozenset({"j", "ja", "y", "yes"})


def register(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "clean",
        parents=[common_parent],
        help="remove the analytics cookies (with a backup you can restore)",
    )
    p.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="CATEGORY",
        choices=[Category.ANALYTICS.value, Category.WEBMEETING.value],
        help="what to remove (default: analytics; repeatable)",
    )
    p.add_argument("--dry-run", action="store_true", help="only show what would be removed")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask before removing")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run_clean_command)

    p = subparsers.add_parser(
        "restore", parents=[common_parent], help="put back what a clean removed"
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("id", nargs="?", metavar="ID", help="a clean's id (from --list)")
    which.add_argument("--list", action="store_true", help="list the cleans that can be undone")
    which.add_argument("--latest", action="store_true", help="undo the newest clean")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask before restoring")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run_restore_command)


# ------------------------------------------------------------------ helpers


def _home(args: argparse.Namespace) -> Path:
    return Path(args.home) if args.home else Path.home()


def _path(path: Path, home: Path) -> str:
    from fkinspect.serialize import display_path

    return display_path(path, home)


def _confirm(question: str) -> bool | None:
    """True/False from the person at the terminal; None when there is nobody to ask."""
    if not sys.stdin.isatty():
        return None
    sys.stderr.write(f"{question} [j/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    return answer in YES


def _no_terminal(what: str) -> int:
    from fkinspect.cli import EXIT_USAGE

    print(
        f"fkinspect: {what} utan fråga kräver --yes (ingen terminal att fråga i).", file=sys.stderr
    )
    return EXIT_USAGE


def _cookie_record(item: ClassifiedCookie) -> dict[str, Any]:
    c, found = item.cookie, item.classification
    return {
        "name": c.name,
        "host": c.host,
        "path": c.path,
        "partition": c.partition,
        "container": c.container,
        "category": str(found.category),
        "clean_as": str(found.clean_as) if found.clean_as else None,
    }


def _kind(item: ClassifiedCookie) -> str:
    from fkinspect.wording import category_label

    found = item.classification
    label = category_label(found.clean_as or found.category)
    if found.clean_as and found.category is not found.clean_as:
        label += f", {category_label(found.category).lower()}"
    return label


def _where(item: ClassifiedCookie) -> str:
    c = item.cookie
    extra = [f"partition {c.partition}"] if c.partition else []
    extra += [f"behållare {c.container}"] if c.container else []
    return f"{c.host}{c.path if c.path != '/' else ''}" + (
        f" ({', '.join(extra)})" if extra else ""
    )


# ------------------------------------------------------------------ clean


def _plan_status(store: StorePlan) -> str:
    if not store.remove:
        return "nothing"
    if store.refusal is None:
        return "would_remove"
    return "refused_running" if store.refusal == "running" else "refused"


def _store_json(location: StoreLocation, home: Path) -> dict[str, Any]:
    """The fields every store of `clean --json` starts with: which file of which profile."""
    p = location.profile
    return {
        "browser": p.browser_id,
        "browser_name": p.browser_name,
        "profile": p.name,
        "path": _path(location.path, home),
        "format": str(location.format),
    }


def _unread_message(store: StoreResult) -> str:
    from fkinspect.clean import messages
    from fkinspect.wording import status_label

    why = "" if store.status is StoreStatus.ERROR else status_label(store.status).lower()
    return messages.store_not_read(store.location.profile, why)


def _unread_json(unread: Sequence[StoreResult], home: Path) -> list[dict[str, Any]]:
    """Stores the scan could not read: nothing is removed from them, and it is said."""
    return [
        {
            **_store_json(s.location, home),
            "status": "failed",
            "removed": 0,
            "kept": None,
            "rows_after": None,
            "backup": None,
            "journal": None,
            "message": _unread_message(s),
            "detail": s.message,
            "cookies": [],
        }
        for s in unread
    ]


def _plan_json(
    plan: Plan, unread: Sequence[StoreResult], home: Path, code: int
) -> dict[str, Any]:
    stores = []
    for s in plan.stores:
        stores.append(
            {
                **_store_json(s.location, home),
                "status": _plan_status(s),
                "removed": len(s.remove),
                "kept": len(s.keep),
                "rows_after": None,
                "backup": None,
                "journal": None,
                "message": s.message,
                "detail": s.evidence,
                "cookies": [_cookie_record(i) for i in s.remove],
            }
        )
    return {
        "dry_run": True,
        "categories": [str(c) for c in plan.categories],
        "run": None,
        "removed": 0,
        "exit": code,
        "stores": stores + _unread_json(unread, home),
    }


def _result_json(
    plan: Plan, result: CleanResult, unread: Sequence[StoreResult], home: Path, code: int
) -> dict[str, Any]:
    stores = []
    for s, o in zip(plan.stores, result.stores, strict=True):
        stores.append(
            {
                **_store_json(s.location, home),
                "status": str(o.status),
                "removed": len(o.removed),  # only what went; a refused store's is 0
                "kept": o.kept,
                "rows_after": o.rows_after,
                "backup": str(o.backup) if o.backup else None,
                "journal": o.journal_id,
                "message": o.message,
                "detail": o.detail,
                "cookies": [_cookie_record(i) for i in (o.removed or s.remove)],
            }
        )
    return {
        "dry_run": False,
        "categories": [str(c) for c in plan.categories],
        "run": result.journal_id,
        "removed": result.removed,
        "exit": code,
        "stores": stores + _unread_json(unread, home),
    }


def _print_unread(unread: Sequence[StoreResult], home: Path) -> None:
    for s in unread:
        print(printable(f"{_unread_message(s)} — {_path(s.location.path, home)}"))


def _print_plan(plan: Plan, unread: Sequence[StoreResult], home: Path) -> None:
    if plan.empty:
        where = " i kakfilerna som gick att läsa" if unread else ""
        print(f"Det finns inga kakor att ta bort{where}.")
    for s in plan.stores:
        if not s.remove:
            continue
        print("\n" + printable(f"{s.profile.label} — {_path(s.path, home)}"))
        if s.refusal is not None:
            print(printable(f"  {s.message}"))
        for item in s.remove:
            print(printable(f"  - {item.cookie.name:<28} {_where(item):<34} {_kind(item)}"))
        print(f"  Kvar: {len(s.keep)} av webbplatsens kakor.")
    if unread:
        print()
        _print_unread(unread, home)


def _print_result(result: CleanResult, unread: Sequence[StoreResult], home: Path) -> None:
    for o in result.stores:
        label = o.location.profile.label
        if o.status == "done":
            print(printable(
                f"{label}: {len(o.removed)} kakor borttagna; säkerhetskopia i "
                f"{_path(o.backup.parent if o.backup else home, home)}."
            ))
        elif o.status != "nothing":
            print(printable(f"{label}: {o.message}"))
    _print_unread(unread, home)
    if result.journal_id:
        print(f"Ångra med: fkinspect restore {result.journal_id}")


def _clean_code(plan: Plan, result: CleanResult | None, unread: Sequence[StoreResult]) -> int:
    """4 when a store could not be read, written or verified, or is one fkinspect only
    reads; else 3 when a browser holding something to remove runs; else 0."""
    from fkinspect.cli import EXIT_OK, EXIT_RUNNING, EXIT_STORE

    refusals = {str(s.refusal) for s in plan.stores if s.remove and s.refusal is not None}
    if unread or refusals - {"running"} or (result is not None and result.failed):
        return EXIT_STORE
    running = "running" in refusals
    if result is not None:
        running = running or any(o.planned for o in result.refused_running)
    return EXIT_RUNNING if running else EXIT_OK


def run_clean_command(args: argparse.Namespace) -> int:
    from fkinspect.clean import make_plan, run_clean
    from fkinspect.cli import EXIT_STORE, scan_request, write_json
    from fkinspect.errors import StoreError
    from fkinspect.policy import load_policy
    from fkinspect.scan import run_scan

    home = _home(args)
    categories = [Category(c) for c in args.category] or [Category.ANALYTICS]
    try:
        scan = run_scan(scan_request(args), load_policy())
    except StoreError as exc:  # --store named something that is not a cookie store
        print(f"fkinspect: {printable(str(exc))}", file=sys.stderr)
        return EXIT_STORE
    plan = make_plan(scan, categories)
    unread = [s for s in scan.stores if s.status is not StoreStatus.OK]
    if args.dry_run:
        code = _clean_code(plan, None, unread)
        if args.json:
            write_json(_plan_json(plan, unread, home, code))
        else:
            _print_plan(plan, unread, home)
        return code
    if plan.to_remove and not args.yes:
        if not args.json:
            _print_plan(plan, unread, home)
        answer = _confirm(f"Ta bort {plan.to_remove} kakor?")
        if answer is None:
            return _no_terminal("Att ta bort kakor")
        if not answer:
            print("Inget togs bort.", file=sys.stderr)
            return _clean_code(plan, None, unread)
    result = run_clean(plan)  # writes nothing when no store may be written
    code = _clean_code(plan, result, unread)
    if args.json:
        write_json(_result_json(plan, result, unread, home, code))
    elif plan.to_remove:
        _print_result(result, unread, home)
    else:
        _print_plan(plan, unread, home)  # nothing could go: what there is, and why it stays
    return code


# ------------------------------------------------------------------ restore


def _wanted(journal: Journal, args: argparse.Namespace) -> bool:
    """--home/--store/--browser narrow which cleans are shown and undone."""
    if args.browser and journal.profile.browser_id not in args.browser:
        return False
    places = [Path(p).absolute() for p in (*([args.home] if args.home else []), *args.store)]
    return not places or any(journal.store.is_relative_to(p) for p in places)


def _journal_record(j: Journal, home: Path) -> dict[str, Any]:
    from fkinspect.clean.journal import iso_z

    p = j.profile
    return {
        "id": j.id,
        "run": j.run,
        "created": iso_z(j.created),
        "state": str(j.state),
        "browser": p.browser_id,
        "browser_name": p.browser_name,
        "profile": p.name,
        "path": _path(j.store, home),
        "removed": len(j.removed),
        "backup": str(j.backup_path),
        "reason": "",
    }


def _damaged_record(d: DamagedJournal) -> dict[str, Any]:
    """A journal that cannot be used: what is known of it, and why."""
    from fkinspect.clean.journal import iso_z

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


def _damaged_message(d: DamagedJournal) -> str:
    return f"Journalen {d.id} är skadad och hoppas över ({d.reason})."


def _restore_json(
    run: str, result: RestoreResult, damaged: Sequence[DamagedJournal], home: Path, code: int
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
                "path": _path(o.path, home),
                "status": str(o.status),
                "restored": o.restored,
                "message": o.message,
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
                "message": _damaged_message(d),
                "detail": d.reason,
            }
        )
    return {"run": run, "restored": result.restored, "exit": code, "stores": stores}


def _restore_code(result: RestoreResult, damaged: Sequence[DamagedJournal]) -> int:
    from fkinspect.cli import EXIT_OK, EXIT_RUNNING, EXIT_STORE

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
    from fkinspect.cli import EXIT_OK, write_json

    if args.json:
        records = [_journal_record(j, home) for j in journals]
        write_json({"journals": records + [_damaged_record(d) for d in damaged]})
        return EXIT_OK
    if not journals and not damaged:
        print("Det finns inga rensningar att ångra.")
    for j in journals:
        print(printable(
            f"{j.run}  {j.created:%Y-%m-%d %H:%M}  {j.profile.label:<32} "
            f"{len(j.removed):>3} kakor  {j.state}"
        ))
    for d in damaged:
        print(printable(
            f"{d.run or '-':<22}  {d.created:%Y-%m-%d %H:%M}  {_damaged_message(d)}  {DAMAGED}"
        ))
    return EXIT_OK


def _latest(journals: Sequence[Journal]) -> str | None:
    from fkinspect.clean import JournalState

    open_runs = [j.run for j in journals if j.state is not JournalState.RESTORED]
    return open_runs[0] if open_runs else None


def run_restore_command(args: argparse.Namespace) -> int:
    from fkinspect.clean import JournalNotFound, RestoreResult, load_journals, restore
    from fkinspect.cli import EXIT_OK, write_json

    home = _home(args)
    usable, damaged = load_journals()
    journals = [j for j in usable if _wanted(j, args)]
    if args.list:
        return _list(journals, damaged, args, home)
    run = _latest(journals) if args.latest else str(args.id)
    if run is None:
        if args.json:
            write_json({"run": None, "restored": 0, "exit": EXIT_OK, "stores": []})
        else:
            print("Det finns ingen rensning att ångra.")
        return EXIT_OK
    chosen = [j for j in journals if run in (j.id, j.run)]
    # A damaged journal of this clean cannot be undone; it is named, not skipped silently.
    broken = [d for d in damaged if run in (d.id, d.run)]
    if not chosen and not broken:
        raise JournalNotFound(f"ingen rensning med id {run!r} (se fkinspect restore --list)")
    if chosen and not args.yes:
        if not args.json:
            for j in chosen:
                print(printable(f"{j.profile.label}: {len(j.removed)} kakor från "
                                f"{j.created:%Y-%m-%d %H:%M}"))
        answer = _confirm(f"Lägga tillbaka {sum(len(j.removed) for j in chosen)} kakor?")
        if answer is None:
            return _no_terminal("Att återställa")
        if not answer:
            print("Inget återställdes.", file=sys.stderr)
            return EXIT_OK
    # One journal at a time: --home/--store/--browser may have left some of the run out.
    result = RestoreResult(tuple(o for j in chosen for o in restore(j.id).stores))
    code = _restore_code(result, broken)
    if args.json:
        write_json(_restore_json(run, result, broken, home, code))
    else:
        for o in result.stores:
            label = o.journal.profile.label
            text = f"{o.restored} kakor tillbaka" if o.status == "restored" else o.message
            print(printable(f"{label}: {text}"))
        for d in broken:
            print(printable(_damaged_message(d)))
    return code
