"""`fkinspect clean` and `fkinspect restore`: the commands that write to a store.

Both ask before writing unless given --yes; with no terminal to ask on, they
refuse (exit 2). Exit codes: 0 done (also: nothing to remove), 2 not
confirmed with no terminal, 3 a browser that holds something to remove (or
restore) is running, 4 a store could not be written or verified (nothing
changed there, unless its message says otherwise).

JSON (`--json`), never a cookie value:

clean -> {
  "dry_run": bool, "categories": [str], "run": str | null (the id `restore`
  takes to undo the whole clean), "removed": int (rows removed in all stores),
  "exit": int,
  "stores": [{
    "browser": str (id), "browser_name": str, "profile": str,
    "path": str (the store file; home written as ~),
    "format": "chromium_sqlite" | "firefox_sqlite" | "firefox_session" | ...,
    "status": "would_remove" (dry run) | "done" | "nothing" | "refused_running"
              | "refused" (a format fkinspect only reads, e.g. Safari's)
              | "failed" | "unverified". A Firefox session file
              ("firefox_session") is cleaned like the SQLite stores when
              Firefox is closed and refused_running while it runs,
    "removed": int (removed, or to be removed in a dry run), "kept": int (the
    agency's cookies that stay), "rows_after": int | null (every row left in
    the file, all sites), "backup": str | null (backup file), "journal": str |
    null (this store's journal id), "message": str (Swedish, for people),
    "detail": str (technical),
    "cookies": [{"name", "host", "path", "partition", "container",
                 "category", "clean_as"}]   (the rows removed / to remove)
  }]
}

restore --list -> {"journals": [{"id", "run", "created" (ISO Z), "state"
  ("pending" | "done" | "unverified" | "restored"), "browser", "browser_name",
  "profile", "path", "removed" (int), "backup" (str)}]}

restore ID|--latest -> {"run": str | null, "restored": int, "exit": int,
  "stores": [{"journal", "browser", "browser_name", "profile", "path",
  "status" ("restored" | "nothing" | "refused_running" | "refused_newer" |
  "failed"), "restored": int, "message", "detail"}]}
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fkinspect.model import Category, ClassifiedCookie

if TYPE_CHECKING:
    from fkinspect.clean import CleanResult, Journal, Plan, RestoreResult, StorePlan

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


def _store_json(s: StorePlan, home: Path) -> dict[str, Any]:
    """The fields every store of `clean --json` starts with: which file of which profile."""
    p = s.profile
    return {
        "browser": p.browser_id,
        "browser_name": p.browser_name,
        "profile": p.name,
        "path": _path(s.path, home),
        "format": str(s.location.format),
    }


def _plan_json(plan: Plan, home: Path, code: int) -> dict[str, Any]:
    stores = []
    for s in plan.stores:
        stores.append(
            {
                **_store_json(s, home),
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
        "stores": stores,
    }


def _result_json(plan: Plan, result: CleanResult, home: Path, code: int) -> dict[str, Any]:
    stores = []
    for s, o in zip(plan.stores, result.stores, strict=True):
        stores.append(
            {
                **_store_json(s, home),
                "status": str(o.status),
                "removed": len(o.removed),
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
        "stores": stores,
    }


def _print_plan(plan: Plan, home: Path) -> None:
    if plan.empty:
        print("Det finns inga kakor att ta bort.")
    for s in plan.stores:
        if not s.remove:
            continue
        print(f"\n{s.profile.label} — {_path(s.path, home)}")
        if s.refusal is not None:
            print(f"  {s.message}")
        for item in s.remove:
            print(f"  - {item.cookie.name:<28} {_where(item):<34} {_kind(item)}")
        print(f"  Kvar: {len(s.keep)} av webbplatsens kakor.")


def _print_result(result: CleanResult, home: Path) -> None:
    for o in result.stores:
        label = o.location.profile.label
        if o.status == "done":
            print(
                f"{label}: {len(o.removed)} kakor borttagna; säkerhetskopia i "
                f"{_path(o.backup.parent if o.backup else home, home)}."
            )
        elif o.status != "nothing":
            print(f"{label}: {o.message}")
    if result.journal_id:
        print(f"Ångra med: fkinspect restore {result.journal_id}")


def _clean_code(plan: Plan, result: CleanResult | None) -> int:
    from fkinspect.cli import EXIT_OK, EXIT_RUNNING, EXIT_STORE

    if result is not None and result.failed:
        return EXIT_STORE
    if any(s.remove and s.refusal == "outside_profile" for s in plan.stores):
        return EXIT_STORE  # may not be written here: so it was not cleaned
    running = any(s.remove and s.refusal == "running" for s in plan.stores)
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
        print(f"fkinspect: {exc}", file=sys.stderr)
        return EXIT_STORE
    plan = make_plan(scan, categories)
    if args.dry_run or plan.to_remove == 0:
        code = _clean_code(plan, None)
        if args.json:
            write_json(_plan_json(plan, home, code))
        else:
            _print_plan(plan, home)
        return code
    if not args.yes:
        if not args.json:
            _print_plan(plan, home)
        answer = _confirm(f"Ta bort {plan.to_remove} kakor?")
        if answer is None:
            return _no_terminal("Att ta bort kakor")
        if not answer:
            print("Inget togs bort.", file=sys.stderr)
            return _clean_code(plan, None) if plan.refused else 0
    result = run_clean(plan)
    code = _clean_code(plan, result)
    if args.json:
        write_json(_result_json(plan, result, home, code))
    else:
        _print_result(result, home)
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
    }


def _restore_json(run: str, result: RestoreResult, home: Path, code: int) -> dict[str, Any]:
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
    return {"run": run, "restored": result.restored, "exit": code, "stores": stores}


def _restore_code(result: RestoreResult) -> int:
    from fkinspect.cli import EXIT_OK, EXIT_RUNNING, EXIT_STORE

    statuses = {str(o.status) for o in result.stores}
    if statuses & {"failed", "refused_newer"}:
        return EXIT_STORE
    return EXIT_RUNNING if "refused_running" in statuses else EXIT_OK


def _list(journals: Sequence[Journal], args: argparse.Namespace, home: Path) -> int:
    from fkinspect.cli import EXIT_OK, write_json

    if args.json:
        write_json({"journals": [_journal_record(j, home) for j in journals]})
        return EXIT_OK
    if not journals:
        print("Det finns inga rensningar att ångra.")
    for j in journals:
        print(
            f"{j.run}  {j.created:%Y-%m-%d %H:%M}  {j.profile.label:<32} "
            f"{len(j.removed):>3} kakor  {j.state}"
        )
    return EXIT_OK


def run_restore_command(args: argparse.Namespace) -> int:
    from fkinspect.clean import (
        JournalNotFound,
        JournalState,
        RestoreResult,
        list_journals,
        restore,
    )
    from fkinspect.cli import EXIT_OK, write_json

    home = _home(args)
    journals = [j for j in list_journals() if _wanted(j, args)]
    if args.list:
        return _list(journals, args, home)
    if args.latest:
        open_runs = [j.run for j in journals if j.state is not JournalState.RESTORED]
        if not open_runs:
            if args.json:
                write_json({"run": None, "restored": 0, "exit": EXIT_OK, "stores": []})
            else:
                print("Det finns ingen rensning att ångra.")
            return EXIT_OK
        run = open_runs[0]
    else:
        run = str(args.id)
    chosen = [j for j in journals if run in (j.id, j.run)]
    if not chosen:
        raise JournalNotFound(f"ingen rensning med id {run!r} (se fkinspect restore --list)")
    if not args.yes:
        if not args.json:
            for j in chosen:
                print(f"{j.profile.label}: {len(j.removed)} kakor från {j.created:%Y-%m-%d %H:%M}")
        answer = _confirm(f"Lägga tillbaka {sum(len(j.removed) for j in chosen)} kakor?")
        if answer is None:
            return _no_terminal("Att återställa")
        if not answer:
            print("Inget återställdes.", file=sys.stderr)
            return EXIT_OK
    # One journal at a time: --home/--store/--browser may have left some of the run out.
    result = RestoreResult(tuple(o for j in chosen for o in restore(j.id).stores))
    code = _restore_code(result)
    if args.json:
        write_json(_restore_json(run, result, home, code))
    else:
        for o in result.stores:
            label = o.journal.profile.label
            text = f"{o.restored} kakor tillbaka" if o.status == "restored" else o.message
            print(f"{label}: {text}")
    return code
