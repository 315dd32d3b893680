"""The report says which list classified the cookies, and when that list is old."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from fkinspect.pagelist.compare import page_policy_data
from fkinspect.pagelist.reader import read_page
from fkinspect.pagelist.words import in_use_words
from fkinspect.policy import Policy, load_policy, policy_from_data
from fkinspect.report import build_report, render
from tests.unit.pagelist.pages import VARIANTS, seed_text
from tests.unit.test_report_samples import USER, demo_scan


def _adopted() -> Policy:
    built_in = load_policy()
    page = read_page(VARIANTS["date"](seed_text()).encode(), built_in.agency_name)
    policy = policy_from_data(page_policy_data(page, built_in, "kakor.html"), "test")
    return replace(policy, source=replace(policy.source, imported=True))


def test_the_built_in_list_in_words_and_its_age() -> None:
    built_in = load_policy()
    assert in_use_words(built_in, date(2025, 6, 1), "sv") == \
        "Listan som används: den inbyggda listan, uppdaterad 2025-02-12."
    old = in_use_words(built_in, date(2026, 2, 13), "en")
    assert old.startswith("The list in use: the built-in list, updated 2025-02-12. "
                          "The list is more than a year old.")
    assert "fkinspect policy --compare PAGE" in old


def test_the_report_names_the_list_in_use(tmp_path: Path) -> None:
    home = tmp_path / USER
    scan = demo_scan(home)
    built = build_report(scan, load_policy(), "sv", home=home)
    assert "Listan som används: den inbyggda listan, uppdaterad 2025-02-12." in \
        render(built, "html")
    assert json.loads(render(built, "json"))["policy"]["in_use"] == {
        "origin": "built-in", "source_file": None}
    adopted = build_report(scan, _adopted(), "en", home=home)
    assert ("The list in use: adopted from the saved page kakor.html, updated 2026-03-03."
            in render(adopted, "html"))
    assert json.loads(render(adopted, "json"))["policy"]["in_use"] == {
        "origin": "imported", "source_file": "kakor.html"}
