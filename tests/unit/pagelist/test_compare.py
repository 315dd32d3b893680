"""Comparing a saved page with the list in use: each change reported exactly, nothing else."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from fkinspect.model import Category
from fkinspect.pagelist.compare import compare, page_policy_data
from fkinspect.pagelist.reader import read_page
from fkinspect.pagelist.words import comparison_lines, outdated
from fkinspect.policy import load_policy, policy_from_data
from tests.unit.pagelist.pages import OPTIN, VARIANTS, as_html, insert_after, seed_text

NOTHING: dict[str, Any] = {"same": False, "page_date": "2025-02-12",
                           "policy_date": "2025-02-12", "added": [], "removed": [],
                           "changed": [], "unplaced": []}
EXPECTED: dict[str, dict[str, Any]] = {
    "added": {"added": [{"name": "fk_ny_kaka", "category": "necessary"}]},
    "removed": {"removed": [{"name": "DigestTracker", "category": "necessary"}]},
    "lifetime": {"changed": [{"name": "vngage.lkvt", "field": "lifetime", "was": "P90D",
                              "now": "P30D"}]},
    "moved": {"changed": [{"name": "statistics_optin", "field": "category",
                           "was": "analytics", "now": "necessary"}]},
    "date": {"page_date": "2026-03-03"},
}


def _record(text: str) -> dict[str, Any]:
    built_in = load_policy()
    page = read_page(as_html(text, "windows-1252"), built_in.agency_name)
    return compare(page, built_in, built_in).record()


def test_the_seed_page_is_the_same_as_the_built_in_list() -> None:
    assert _record(seed_text()) == {**NOTHING, "same": True}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_each_change_is_reported_exactly_and_nothing_else(variant: str) -> None:
    assert _record(VARIANTS[variant](seed_text())) == {**NOTHING, **EXPECTED[variant]}


def test_the_page_fixing_a_typo_is_a_changed_name_of_the_same_cookie() -> None:
    changed = _record(seed_text().replace("vgage.vid", "vngage.vid"))["changed"]
    assert {"name": "vngage.vid", "field": "name", "was": "vgage.vid",
            "now": "vngage.vid"} in changed
    # The sentence all five share has changed: each of them says so, and nothing else.
    assert {(c["name"], c["field"]) for c in changed if c["field"] != "name"} == {
        (n, "text") for n in ("vngage.sId", "vngage.session", "vngage.vid", "vgage.srvid",
                              "psCurrentState")}
    assert len(changed) == 6


def test_a_site_the_page_names_and_fkinspect_does_not_know_is_unplaced() -> None:
    text = seed_text().replace("Facebook eller Twitter", "Facebook, Twitter eller Mastodon")
    record = _record(text)
    assert record["unplaced"] == ["Mastodon"]
    assert [c["field"] for c in record["changed"]] == ["text"]
    assert record["added"] == record["removed"] == []


def test_a_cookie_leaving_analytics_is_said_before_adopting() -> None:
    built_in = load_policy()
    page = read_page(VARIANTS["moved"](seed_text()).encode(), built_in.agency_name)
    comparison = compare(page, built_in, built_in)
    assert comparison.category_changes(Category.ANALYTICS, leaving=True)[0].name == \
        "statistics_optin"
    en = comparison_lines(comparison, "en")
    assert en[-1] == ("statistics_optin is no longer an analytics cookie: after you adopt "
                      "this list, cleaning no longer removes it.")
    sv = comparison_lines(comparison, "sv")
    assert sv[-1].startswith("statistics_optin är inte längre en kaka för webbanalys")


def test_an_adopted_list_compares_the_same_with_its_page() -> None:
    built_in = load_policy()
    page = read_page(VARIANTS["moved"](seed_text()).encode(), built_in.agency_name)
    adopted = policy_from_data(page_policy_data(page, built_in, "kakor.html"), "x")
    assert compare(page, adopted, built_in).same
    assert adopted.entry("statistics_optin").category is Category.NECESSARY  # type: ignore[union-attr]
    assert adopted.known_tools == built_in.known_tools


def test_a_list_is_outdated_a_year_and_a_day_after_its_date() -> None:
    policy = load_policy()  # 2025-02-12
    assert not outdated(policy, date(2026, 2, 12))
    assert outdated(policy, date(2026, 2, 13))


def test_a_name_in_other_case_is_the_same_cookie_written_differently() -> None:
    text = seed_text().replace("Fk_sokfras", "fk_sokfras")
    assert _record(text)["changed"] == [
        {"name": "fk_sokfras", "field": "name", "was": "Fk_sokfras", "now": "fk_sokfras"}]


def test_a_new_cookie_named_as_an_existing_id_gets_its_own_id() -> None:
    built_in = load_policy()
    text = insert_after(seed_text(), OPTIN, "_pk_ses sparas i 30\u00a0minuter.")
    page = read_page(text.encode(), built_in.agency_name)
    adopted = policy_from_data(page_policy_data(page, built_in, "kakor.html"), "x")
    assert adopted.entry("_pk_ses").pattern == "_pk_ses.*"  # type: ignore[union-attr]
    assert adopted.entry("_pk_ses-2").name == "_pk_ses"  # type: ignore[union-attr]
