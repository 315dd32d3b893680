"""`fkinspect list`: the agency's cookies in your browsers, as a table or as JSON."""

from __future__ import annotations

import argparse
from typing import Any

from fkinspect.cli.common import EXIT_OK, EXIT_STORE, not_a_store, scan_request, write_json
from fkinspect.cli.policy import command_policy
from fkinspect.cli.table import print_scan
from fkinspect.errors import StoreError
from fkinspect.model import Category, StoreStatus
from fkinspect.scan import run_scan
from fkinspect.serialize import cookie_record, store_record


def register(subparsers: Any, store_options: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("list", parents=[store_options],
                              help="the agency's cookies in your browsers")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--category", action="append", default=[],
                   choices=[c.value for c in Category], help="only this category (repeatable)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    policy = command_policy(args.lang)
    try:
        scan = run_scan(scan_request(args), policy)
    except StoreError as exc:  # --store named something that is not a cookie store
        return not_a_store(exc, args.lang)
    wanted = set(args.category)
    cookies = [c for c in scan.cookies if not wanted or c.classification.category in wanted]
    failed = any(s.status is not StoreStatus.OK for s in scan.stores)
    if args.json:
        write_json({"stores": [store_record(s) for s in scan.stores],
                    "cookies": [cookie_record(c) for c in cookies]})
    else:
        print_scan(scan.stores, cookies, args.lang)
    return EXIT_STORE if failed else EXIT_OK
