"""The `fkinspect` command: see the agency's cookies from a terminal or a script.

Exit codes (a public interface, documented in the README):
  0 ok, 1 error, 2 usage (or a question nobody can answer), 3 refused because a
  browser is running, 4 a store could not be read or written.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from fkinspect import __version__
from fkinspect.errors import FkInspectError, PolicyError, StoreError
from fkinspect.model import Category
from fkinspect.tempcopy import remove_stale
from fkinspect.textsafe import json_safe, printable

if TYPE_CHECKING:
    from fkinspect.scan import ScanRequest

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_RUNNING = 3
EXIT_STORE = 4

Handler = Callable[[argparse.Namespace], int]


def store_options() -> argparse.ArgumentParser:
    """--home/--store/--browser, shared by every command that reads stores."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", type=Path, metavar="DIR",
                        help="read the browsers of this home folder (e.g. a copied profile)")
    common.add_argument("--store", type=Path, action="append", default=[], metavar="PATH",
                        help="read this cookie file or profile folder (repeatable)")
    common.add_argument("--browser", action="append", default=[], metavar="ID",
                        help="only this browser (chrome, chromium, firefox, ...; repeatable)")
    return common


def scan_request(args: argparse.Namespace) -> ScanRequest:
    """What --home/--store/--browser ask for: only --store means "just these files"."""
    from fkinspect.scan import ScanRequest

    if args.home:
        return ScanRequest.for_home(args.home, stores=args.store, browsers=args.browser)
    if args.store:
        return ScanRequest.for_folder(*args.store)
    return ScanRequest(browsers=args.browser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fkinspect",
        description="See which forsakringskassan.se cookies your browsers keep, and why.",
    )
    parser.add_argument("--version", action="version", version=f"fkinspect {__version__}")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="log what is read to stderr (never a cookie value)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    common = store_options()

    p = sub.add_parser("policy", help="the agency's cookie list as fkinspect knows it")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=_policy)

    p = sub.add_parser("list", parents=[common], help="the agency's cookies in your browsers")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--category", action="append", default=[],
                   choices=[c.value for c in Category], help="only this category (repeatable)")
    p.set_defaults(handler=_list)

    for register in _extensions():
        register(sub, common)
    return parser


def _extensions() -> list[Callable[[Any, argparse.ArgumentParser], None]]:
    """Commands that live in their own modules (clean, restore, report)."""
    found = []
    for module_name in ("fkinspect.cli_clean", "fkinspect.cli_report"):
        try:
            module = __import__(module_name, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        found.append(module.register)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    _safe_stdout()
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    remove_stale()  # temporary copies left by runs that were killed
    handler: Handler = args.handler
    try:
        with _signals_end_the_run():
            return handler(args)
    except PolicyError as exc:
        print(f"fkinspect: the cookie policy could not be loaded: {printable(str(exc))}",
              file=sys.stderr)
        return EXIT_ERROR
    except FkInspectError as exc:
        print(f"fkinspect: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _safe_stdout() -> None:
    """Text the terminal's encoding cannot carry (a name that is not UTF-8, or Swedish
    letters under LANG=C) is printed as escapes, never as a UnicodeEncodeError or as raw
    bytes a terminal could act on. stderr does so already."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError):  # not a text stream we may change
            reconfigure(errors="backslashreplace")


def _utf8(out: TextIO) -> bool:
    """Can `out` carry any character? (A stream of str with no encoding can.)"""
    encoding = getattr(out, "encoding", None)
    try:
        return encoding is None or codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


@contextlib.contextmanager
def _signals_end_the_run() -> Iterator[None]:
    """SIGTERM and SIGHUP end the command as an exception does, so that `finally` blocks
    and atexit run and the temporary copies go; by default Python dies on the spot.
    (SIGINT already raises KeyboardInterrupt.) A signal ignored by the caller stays so."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
            previous[signum] = signal.signal(signum, _end_run)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _end_run(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _configure_logging(verbose: bool) -> None:
    from fkinspect.logs import setup_logging

    with contextlib.suppress(OSError):  # no writable log folder: stderr still says what happens
        setup_logging(verbose, console=True)


def write_json(data: Any, out: TextIO | None = None) -> None:
    """An object's lists with one record per line: readable, greppable, and quick.

    Quick because each record goes through json's C encoder; asking it to indent
    switches to the pure-Python one, five times slower on a long list. Text that is
    not UTF-8 (a lone surrogate) is written as its \\uXXXX escape, as is all non-ASCII
    text when the output is not UTF-8: the output is always valid JSON.
    """
    stream = out or sys.stdout
    utf8 = _utf8(stream)
    encode = json.JSONEncoder(ensure_ascii=not utf8).encode
    if not isinstance(data, dict):
        text = encode(data)
    else:
        fields = []
        for key, value in data.items():
            if isinstance(value, list) and value:
                value_text = "[\n    " + ",\n    ".join(map(encode, value)) + "\n  ]"
            else:
                value_text = encode(value)
            fields.append(f"  {encode(key)}: {value_text}")
        text = "{\n" + ",\n".join(fields) + "\n}"
    # Not UTF-8: ensure_ascii already wrote every non-ASCII character as an escape.
    stream.write((json_safe(text) if utf8 else text) + "\n")


def _policy(args: argparse.Namespace) -> int:
    from fkinspect.lifetime import describe
    from fkinspect.policy import load_policy
    from fkinspect.serialize import policy_record
    from fkinspect.wording import category_label

    policy = load_policy()
    if args.json:
        write_json(policy_record(policy))
        return EXIT_OK
    print(f"{policy.source.title} — {policy.source.updated_text}")
    for category in (Category.NECESSARY, Category.WEBMEETING, Category.ANALYTICS):
        entries = policy.by_category(category)
        print(f"\n{category_label(category)} ({len(entries)})")
        for entry in entries:
            meant = f" (= {entry.meant})" if entry.meant else ""
            print(f"  {entry.label + meant:<32} {describe(entry.lifetime)}")
    print(f"\nInte på sidan, men kända verktyg ({len(policy.known_tools)})")
    for tool in policy.known_tools:
        print(f"  {tool.label:<32} {tool.tool}")
    print("\nAndra webbplatser som sidan nämner")
    for site in policy.third_party:
        print(f"  {site.name:<32} {', '.join(site.domains)}")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from fkinspect.model import StoreStatus
    from fkinspect.policy import load_policy
    from fkinspect.scan import run_scan
    from fkinspect.serialize import cookie_record, store_record

    policy = load_policy()
    try:
        scan = run_scan(scan_request(args), policy)
    except StoreError as exc:  # --store named something that is not a cookie store
        print(f"fkinspect: {printable(str(exc))}", file=sys.stderr)
        return EXIT_STORE
    wanted = set(args.category)
    cookies = [c for c in scan.cookies if not wanted or c.classification.category in wanted]
    failed = any(s.status is not StoreStatus.OK for s in scan.stores)
    if args.json:
        write_json({"stores": [store_record(s) for s in scan.stores],
                    "cookies": [cookie_record(c) for c in cookies]})
    else:
        from fkinspect.cli_table import print_scan

        print_scan(scan.stores, cookies)
    return EXIT_STORE if failed else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
