"""`fkinspect clean`: remove the analytics cookies, with a backup `restore` undoes.

It asks before writing unless given --yes; with no terminal to ask on, it
refuses (exit 2). Exit codes: 0 done (also: nothing to remove), 2 not
confirmed with no terminal, 3 a browser that holds something to remove is
running, 4 a store could not be read, written or verified (nothing changed
there, unless its message says otherwise) or holds something to remove in a
file fkinspect only reads; 4 wins over 3.

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
    null (this store's journal id), "message": str (for people, in --lang's language),
    "detail": str (technical),
    "cookies": [{"name", "host", "path", "partition", "container",
                 "category", "clean_as"}]   (the rows removed; for a store
                 not written, and in a dry run, the rows planned)
  }]
}
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fkinspect.clean import CleanResult, Plan, StorePlan, make_plan, messages, run_clean
from fkinspect.cli.common import (
    EXIT_OK,
    EXIT_RUNNING,
    EXIT_STORE,
    confirm,
    home_of,
    no_terminal,
    not_a_store,
    scan_request,
    shown_path,
    write_json,
)
from fkinspect.cli.policy import command_policy
from fkinspect.errors import StoreError
from fkinspect.i18n import ntext, say, text
from fkinspect.model import Category, ClassifiedCookie, StoreLocation, StoreResult, StoreStatus
from fkinspect.scan import run_scan
from fkinspect.textsafe import printable
from fkinspect.wording import category_label, status_label


def register(subparsers: Any, store_options: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "clean",
        parents=[store_options],
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
    p.set_defaults(handler=run)


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


def _kind(item: ClassifiedCookie, language: str) -> str:
    found = item.classification
    label = category_label(found.clean_as or found.category, language)
    if found.clean_as and found.category is not found.clean_as:
        label += f", {category_label(found.category, language).lower()}"
    return label


def _where(item: ClassifiedCookie, language: str) -> str:
    c = item.cookie
    extra = [text(language, "partition {site}", site=c.partition)] if c.partition else []
    extra += [text(language, "container {name}", name=c.container)] if c.container else []
    return f"{c.host}{c.path if c.path != '/' else ''}" + (
        f" ({', '.join(extra)})" if extra else ""
    )


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
        "path": shown_path(location.path, home),
        "format": str(location.format),
    }


def _unread_message(store: StoreResult, language: str) -> str:
    why = "" if store.status is StoreStatus.ERROR else status_label(store.status, language)
    return say(messages.store_not_read(store.location.profile, why.lower()), language)


def _unread_json(unread: Sequence[StoreResult], home: Path, language: str
                 ) -> list[dict[str, Any]]:
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
            "message": _unread_message(s, language),
            "detail": s.message,
            "cookies": [],
        }
        for s in unread
    ]


def _plan_json(
    plan: Plan, unread: Sequence[StoreResult], home: Path, code: int, language: str
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
                "message": say(s.message, language),
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
        "stores": stores + _unread_json(unread, home, language),
    }


def _result_json(
    plan: Plan, result: CleanResult, unread: Sequence[StoreResult], home: Path, code: int,
    language: str,
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
                "message": say(o.message, language),
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
        "stores": stores + _unread_json(unread, home, language),
    }


def _print_unread(unread: Sequence[StoreResult], home: Path, language: str) -> None:
    for s in unread:
        print(printable(f"{_unread_message(s, language)} — {shown_path(s.location.path, home)}"))


def _print_plan(plan: Plan, unread: Sequence[StoreResult], home: Path, language: str) -> None:
    if plan.empty:
        print(text(language, "There are no cookies to remove in the cookie files that could "
                             "be read.") if unread
              else text(language, "There are no cookies to remove."))
    for s in plan.stores:
        if not s.remove:
            continue
        print("\n" + printable(f"{s.profile.label} — {shown_path(s.path, home)}"))
        if s.refusal is not None:
            print(printable(f"  {say(s.message, language)}"))
        for item in s.remove:
            print(printable(f"  - {item.cookie.name:<28} {_where(item, language):<34} "
                            f"{_kind(item, language)}"))
        print("  " + text(language, "Staying: {count} of the site's cookies.",
                          count=len(s.keep)))
    if unread:
        print()
        _print_unread(unread, home, language)


def _print_totals(plan: Plan, unread: Sequence[StoreResult], language: str) -> None:
    """A dry run's last words: how much would go, how much is held back, and that
    nothing was changed (support staff read this line first)."""
    held = sum(len(s.remove) for s in plan.stores if s.refusal is not None)
    stores = sum(1 for s in plan.stores if s.remove and s.refusal is None)
    print()
    print(ntext(language, "In total: {count} cookie would be removed from {stores} cookie "
                          "file(s); {held} cannot be removed now; {unread} cookie file(s) could "
                          "not be read.",
                "In total: {count} cookies would be removed from {stores} cookie file(s); "
                "{held} cannot be removed now; {unread} cookie file(s) could not be read.",
                plan.to_remove, stores=stores, held=held, unread=len(unread)))
    print(text(language, "This was a dry run: nothing was changed."))


def _print_result(result: CleanResult, unread: Sequence[StoreResult], home: Path,
                  language: str) -> None:
    for o in result.stores:
        label = o.location.profile.label
        if o.status == "done":
            folder = shown_path(o.backup.parent if o.backup else home, home)
            print(printable(f"{label}: " + ntext(
                language, "{count} cookie removed; backup in {folder}.",
                "{count} cookies removed; backup in {folder}.", len(o.removed), folder=folder)))
        elif o.status != "nothing":
            print(printable(f"{label}: {say(o.message, language)}"))
    _print_unread(unread, home, language)
    if result.journal_id:
        print(text(language, "Undo with: fkinspect restore {run}", run=result.journal_id))


def _clean_code(plan: Plan, result: CleanResult | None, unread: Sequence[StoreResult]) -> int:
    """4 when a store could not be read, written or verified, or is one fkinspect only
    reads; else 3 when a browser holding something to remove runs; else 0."""
    refusals = {str(s.refusal) for s in plan.stores if s.remove and s.refusal is not None}
    if unread or refusals - {"running"} or (result is not None and result.failed):
        return EXIT_STORE
    running = "running" in refusals
    if result is not None:
        running = running or any(o.planned for o in result.refused_running)
    return EXIT_RUNNING if running else EXIT_OK


def run(args: argparse.Namespace) -> int:
    home = home_of(args)
    categories = [Category(c) for c in args.category] or [Category.ANALYTICS]
    try:
        scan = run_scan(scan_request(args), command_policy(args.lang))
    except StoreError as exc:  # --store named something that is not a cookie store
        return not_a_store(exc, args.lang)
    plan = make_plan(scan, categories)
    unread = [s for s in scan.stores if s.status is not StoreStatus.OK]
    lang = args.lang
    if args.dry_run:
        code = _clean_code(plan, None, unread)
        if args.json:
            write_json(_plan_json(plan, unread, home, code, lang))
        else:
            _print_plan(plan, unread, home, lang)
            _print_totals(plan, unread, lang)
        return code
    if plan.to_remove and not args.yes:
        if not args.json:
            _print_plan(plan, unread, home, lang)
        answer = confirm(ntext(lang, "Remove {count} cookie?", "Remove {count} cookies?",
                               plan.to_remove), lang)
        if answer is None:
            return no_terminal(text(lang, "Removing cookies"), lang)
        if not answer:
            print(text(lang, "Nothing was removed."), file=sys.stderr)
            return _clean_code(plan, None, unread)
    result = run_clean(plan)  # writes nothing when no store may be written
    code = _clean_code(plan, result, unread)
    if args.json:
        write_json(_result_json(plan, result, unread, home, code, lang))
    elif plan.to_remove:
        _print_result(result, unread, home, lang)
    else:
        _print_plan(plan, unread, home, lang)  # nothing could go: what there is, and why
    return code
