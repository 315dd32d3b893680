"""`fkinspect report`: the scan as a file support staff can share (html, csv, json)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from fkinspect.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_STORE,
    EXIT_USAGE,
    not_a_store,
    scan_request,
)
from fkinspect.cli.policy import command_policy
from fkinspect.errors import StoreError
from fkinspect.i18n import text
from fkinspect.report import build_report, report_bytes, write_report
from fkinspect.scan import run_scan
from fkinspect.serialize import REPORT_FORMATS as FORMATS
from fkinspect.textsafe import printable


def register(subparsers: Any, store_options: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "report", parents=[store_options],
        help="write a shareable report of what was found (never a cookie value)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="html, csv or json (default: from the file name, else html)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                   help="where to write the report ('-' for standard output)")
    p.set_defaults(handler=run)


def report_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = args.output.suffix.lower().lstrip(".")
    return "html" if suffix in ("htm", "") else suffix if suffix in FORMATS else "html"


def run(args: argparse.Namespace) -> int:
    if str(args.output) != "-" and args.output.is_dir():
        return _folder_given(args.output, args.lang)  # said before the scan, not after it
    policy = command_policy(args.lang)
    request = scan_request(args)
    try:
        scan = run_scan(request, policy)
    except StoreError as exc:  # --store named something that is not a cookie store
        return not_a_store(exc, args.lang)
    home = request.environment.home
    report = build_report(scan, policy, args.lang, home=home)
    fmt = report_format(args)
    if str(args.output) == "-":  # the same bytes as a file would get
        sys.stdout.flush()
        sys.stdout.buffer.write(report_bytes(report, fmt))
        sys.stdout.buffer.flush()
        return EXIT_STORE if scan.failed else EXIT_OK
    try:
        write_report(report, args.output, fmt)
    except IsADirectoryError:
        return _folder_given(args.output, args.lang)
    except OSError as exc:
        print(text(args.lang, "fkinspect: cannot write {path}: {why}",
                   path=printable(str(args.output)), why=exc.strerror or type(exc).__name__),
              file=sys.stderr)
        return EXIT_ERROR
    print(printable(text(args.lang, "{path}: {cookies} cookies, {stores} cookie files "
                         "({failed} could not be read)", path=args.output,
                         cookies=len(report.cookies), stores=len(report.stores),
                         failed=len(scan.failed))), file=sys.stderr)
    # Like `list`: the report is written, and the exit code still says a store failed.
    return EXIT_STORE if scan.failed else EXIT_OK


def _folder_given(path: Path, language: str) -> int:
    example = path / text(language, "report.html")
    print(text(language, "fkinspect: cannot write the report to {path}: it is a folder; name a "
               "file in it (e.g. {example})", path=printable(str(path)),
               example=printable(str(example))), file=sys.stderr)
    return EXIT_USAGE
