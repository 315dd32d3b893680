"""`fkinspect policy`: the agency's cookie list as fkinspect knows it; compare it with a
page the user saved, adopt that page's list, or go back to the built-in list."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from fkinspect.cli.common import EXIT_ERROR, EXIT_OK, confirm, no_terminal, write_json
from fkinspect.errors import PolicyError
from fkinspect.i18n import text
from fkinspect.lifetime import describe
from fkinspect.model import Category
from fkinspect.pagelist.reader import NotThePage
from fkinspect.pagelist.saved import SavedPage, adopt, open_saved_page
from fkinspect.pagelist.stored import InUse, policy_in_use, reset
from fkinspect.pagelist.words import (
    comparison_lines,
    list_in_use,
    not_the_page,
    outdated,
    outdated_line,
    problem_line,
)
from fkinspect.policy import Policy
from fkinspect.serialize import policy_record
from fkinspect.textsafe import printable
from fkinspect.wording import category_label


def register(subparsers: Any, _store_options: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("policy", help="the agency's cookie list as fkinspect knows it")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--compare", type=Path, metavar="PAGE",
                        help="compare the list in use with the cookie page saved from a browser")
    action.add_argument("--import", dest="import_page", type=Path, metavar="PAGE",
                        help="adopt the list of a saved cookie page (after showing what changes)")
    action.add_argument("--reset", action="store_true", help="go back to the built-in list")
    p.add_argument("--yes", action="store_true", help="--import without asking")
    p.set_defaults(handler=run)


def command_policy(language: str) -> Policy:
    """The list `list`, `clean`, `report` and `policy` use: the adopted one when it is
    usable, else the built-in one; an ignored adopted list is said on stderr."""
    return _in_use(language).policy


def _in_use(language: str) -> InUse:
    return _warn(policy_in_use(), language)


def _warn(in_use: InUse, language: str) -> InUse:
    warning = problem_line(in_use, language)
    if warning:
        print(f"fkinspect: {printable(warning)}", file=sys.stderr)
    return in_use


def run(args: argparse.Namespace) -> int:
    language = args.lang
    if args.reset:
        return _reset(language)
    if args.compare is not None:
        return _compare(args.compare, args.json, language)
    if args.import_page is not None:
        return _import(args.import_page, args.yes, language)
    return _show(_in_use(language), args.json, language)


def _open(path: Path, language: str) -> SavedPage | None:
    """The saved page compared with the list in use (an ignored adopted list said on
    stderr); None (said on stderr) when it cannot be read or is not that page."""
    try:
        saved = open_saved_page(path)
        _warn(saved.in_use, language)
        return saved
    except OSError as exc:
        print(printable(f"fkinspect: {path}: {exc.strerror or type(exc).__name__}"),
              file=sys.stderr)
    except NotThePage as exc:
        print(printable(f"fkinspect: {path}: {not_the_page(exc.reason, language)}"),
              file=sys.stderr)
    return None


def _compare(path: Path, as_json: bool, language: str) -> int:
    saved = _open(path, language)
    if saved is None:
        return EXIT_ERROR
    if as_json:
        write_json(saved.comparison.record())
    else:
        _print_comparison(saved, language)
    return EXIT_OK


def _print_comparison(saved: SavedPage, language: str) -> None:
    for line in comparison_lines(saved.comparison, language):
        print(printable(line))


def _import(path: Path, yes: bool, language: str) -> int:
    saved = _open(path, language)
    if saved is None:
        return EXIT_ERROR
    _print_comparison(saved, language)
    if saved.comparison.unplaced:
        return _failed(language, "the page has sentences fkinspect cannot read; "
                                 "the list was not adopted.")
    if saved.comparison.same:
        print(text(language, "Nothing to adopt: the list in use already says what the page says."))
        return EXIT_OK
    if not yes:
        answer = confirm(text(language, "Use this list?"), language)
        if answer is None:
            return no_terminal(text(language, "Adopting a list"), language)
        if not answer:
            print(text(language, "The list in use is unchanged."), file=sys.stderr)
            return EXIT_OK
    try:
        adopted = adopt(saved)
    except PolicyError as exc:
        return _failed(language, "the page's list cannot be used: {reason}", reason=exc)
    except OSError as exc:
        return _failed(language, "the list could not be saved: {reason}",
                       reason=exc.strerror or type(exc).__name__)
    print(printable(list_in_use(adopted, language)))
    print(text(language, "Nothing was deleted; the next clean follows this list."))
    return EXIT_OK


def _reset(language: str) -> int:
    try:
        removed = reset()
    except OSError as exc:
        return _failed(language, "the list could not be saved: {reason}",
                       reason=exc.strerror or type(exc).__name__)
    print(text(language, "Back to the built-in list.") if removed
          else text(language, "The built-in list is already in use."))
    return EXIT_OK


def _failed(language: str, msgid: str, **values: object) -> int:
    print(printable("fkinspect: " + text(language, msgid, **values)), file=sys.stderr)
    return EXIT_ERROR


def in_use_record(policy: Policy, today: date) -> dict[str, Any]:
    """`policy --json`'s "in_use": which list, from where, and whether it is old."""
    source = policy.source
    return {
        "origin": "imported" if source.imported else "built-in",
        "updated": source.updated.isoformat(),
        "source_file": source.text_file if source.imported else None,
        "page_sha256": source.page_sha256 or None,
        "outdated": outdated(policy, today),
    }


def _show(in_use: InUse, as_json: bool, language: str) -> int:
    policy, today = in_use.policy, date.today()
    if as_json:
        write_json({**policy_record(policy), "in_use": in_use_record(policy, today)})
        return EXIT_OK
    print(printable(f"{policy.source.title} — {policy.source.updated_text}"))
    print(printable(list_in_use(policy, language)))
    old = outdated_line(policy, today, language)
    if old:
        print(printable(old))
    for category in (Category.NECESSARY, Category.WEBMEETING, Category.ANALYTICS):
        entries = policy.by_category(category)
        print(f"\n{category_label(category, language)} ({len(entries)})")
        for entry in entries:
            meant = f" (= {entry.meant})" if entry.meant else ""
            print(f"  {entry.label + meant:<32} {describe(entry.lifetime, language)}")
    print("\n" + text(language, "Not on the page, but known tools ({count})",
                             count=len(policy.known_tools)))
    for tool in policy.known_tools:
        print(f"  {tool.label:<32} {tool.tool}")
    print("\n" + text(language, "Other sites the page names"))
    for site in policy.third_party:
        print(f"  {site.name:<32} {', '.join(site.domains)}")
    return EXIT_OK
