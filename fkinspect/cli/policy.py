"""`fkinspect policy`: the agency's cookie list as fkinspect knows it."""

from __future__ import annotations

import argparse
from typing import Any

from fkinspect.cli.common import EXIT_OK, write_json
from fkinspect.lifetime import describe
from fkinspect.model import Category
from fkinspect.policy import load_policy
from fkinspect.serialize import policy_record
from fkinspect.wording import category_label


def register(subparsers: Any, _store_options: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("policy", help="the agency's cookie list as fkinspect knows it")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
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
