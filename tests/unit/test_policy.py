"""The policy file against the agency's page: every name, pattern and lifetime."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fkinspect.errors import PolicyError
from fkinspect.lifetime import Lifetime, describe
from fkinspect.model import Category
from fkinspect.policy import load_policy
from fkinspect.resources import resource_path

SHARED_SEED = Path(__file__).resolve().parents[3] / "shared/seeds/000_bb703ee281eeeb9d.txt"
SECTIONS = {
    "Nödvändiga kakor": Category.NECESSARY,
    "Personligt webbmöte": Category.WEBMEETING,
    "Kakor för webbanalys": Category.ANALYTICS,
    "Kakor från andra webbplatser": None,
}
VERB = re.compile(r"^(?P<names>.*?)\s*(?:används|sparas|döljer|möjliggör)")
DURATION = re.compile(r"(?:sparas|sätts) i (\d+)\s(minuter|timmar|dagar|månader|år)")
UNIT = {"minuter": "PT{}M", "timmar": "PT{}H", "dagar": "P{}D", "månader": "P{}M", "år": "P{}Y"}


def page_text() -> str:
    return resource_path("source", "kakor-2025-02-12.txt").read_text(encoding="utf-8")


def documented_on_page(text: str) -> set[tuple[str, Category, str]]:
    """(name or pattern, category, lifetime) for each cookie the page text names."""
    found: set[tuple[str, Category, str]] = set()
    category: Category | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if line in SECTIONS:
            category = SECTIONS[line]
            continue
        match = VERB.match(line)
        if category is None or not match or line.startswith("De här") or line.endswith(":"):
            continue
        duration = DURATION.search(line)
        if duration:
            lifetime = UNIT[duration.group(2)].format(duration.group(1))
        elif "tillfälligt" in line:
            lifetime = "session"
        else:
            lifetime = "unstated"
        for name in re.split(r",\s*|\s+och\s+", match.group("names")):
            found.add((name, category, lifetime))
    return found


def test_the_shipped_page_copy_is_the_agencys_page() -> None:
    if not SHARED_SEED.exists():
        pytest.skip(f"the seed page is not beside this checkout ({SHARED_SEED})")
    assert page_text() == SHARED_SEED.read_text(encoding="utf-8")


def test_every_cookie_on_the_page_is_in_the_policy_and_nothing_else() -> None:
    on_page = documented_on_page(page_text())
    policy = load_policy()
    in_policy = {(e.label, e.category, e.lifetime.code) for e in policy.entries}
    assert len(on_page) == 36
    assert in_policy == on_page


def test_counts_per_category() -> None:
    policy = load_policy()
    counts = {c: len(policy.by_category(c)) for c in Category}
    assert counts[Category.NECESSARY] == 24
    assert counts[Category.WEBMEETING] == 9
    assert counts[Category.ANALYTICS] == 3


def test_page_texts_are_the_pages_own_sentences() -> None:
    lines = {line.strip() for line in page_text().splitlines()}
    policy = load_policy()
    for entry in policy.entries:
        assert entry.page_text in lines, entry.id
    assert policy.third_party_text_sv in lines
    assert policy.source.updated_text.split()[-1] in page_text()
    assert policy.source.title == page_text().splitlines()[0]


def test_typos_say_what_was_meant() -> None:
    policy = load_policy()
    typos = {e.name: e.meant for e in policy.entries if e.meant}
    assert typos == {"vgage.vid": "vngage.vid", "vgage.srvid": "vngage.srvid"}


def test_known_tools_are_kept_apart_from_the_page() -> None:
    policy = load_policy()
    labels = {t.label for t in policy.known_tools}
    assert labels == {"_pk_ref.*", "_pk_cvar.*", "_pk_hsr.*", "_pk_testcookie.*",
                      "mtm_consent*", "_ga*", "_gid"}
    assert all(t.clean_as is Category.ANALYTICS for t in policy.known_tools)
    assert not labels & {e.label for e in policy.entries}


def test_third_party_sites_named_on_the_page() -> None:
    sites = {s.name: s.domains for s in load_policy().third_party}
    assert set(sites) == {"YouTube", "Facebook", "Twitter/X"}
    assert "youtube.com" in sites["YouTube"] and "x.com" in sites["Twitter/X"]


@pytest.mark.parametrize(
    ("code", "sv", "en"),
    [
        ("session", "tills webbläsaren stängs", "until the browser closes"),
        ("unstated", "anges inte", "not stated"),
        ("PT30M", "30 minuter", "30 minutes"),
        ("PT12H", "12 timmar", "12 hours"),
        ("P90D", "90 dagar", "90 days"),
        ("P13M", "13 månader", "13 months"),
        ("P27Y", "27 år", "27 years"),
        ("P1D", "1 dag", "1 day"),
    ],
)
def test_lifetimes_in_words(code: str, sv: str, en: str) -> None:
    lifetime = Lifetime.parse(code)
    assert (describe(lifetime, "sv"), describe(lifetime, "en")) == (sv, en)


@pytest.mark.parametrize("bad", ["", "P", "30 days", "PT", "forever", "P1W"])
def test_bad_lifetimes_are_refused(bad: str) -> None:
    with pytest.raises(PolicyError):
        Lifetime.parse(bad)


BROKEN = {
    "not toml": "this is [ not toml",
    "no cookies": '[source]\ntitle="t"\nheading="h"\nupdated=2025-02-12\nupdated_text="u"\n'
    'text_file="f"\n[agency]\ndomain="forsakringskassan.se"\nname="FK"\n',
    "bad category": (resource_path("policy.toml").read_text(encoding="utf-8")
                     .replace('category = "analytics"', 'category = "tasty"', 1)),
    "no analytics": (resource_path("policy.toml").read_text(encoding="utf-8")
                     .replace('category = "analytics"', 'category = "necessary"')),
    "name and pattern": (resource_path("policy.toml").read_text(encoding="utf-8")
                         .replace('pattern = "_pk_ses.*"', 'pattern = "_pk_ses.*"\nname = "x"')),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_policy_fails_closed(tmp_path: Path, case: str) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(BROKEN[case], encoding="utf-8")
    with pytest.raises(PolicyError):
        load_policy(path)


def test_a_policy_that_is_not_utf8_fails_closed(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(resource_path("policy.toml").read_bytes().replace(b"\xc3\xb6", b"\xf6"))
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_policy(path)


def test_the_shipped_policy_is_the_toml_file() -> None:
    assert load_policy() == load_policy(resource_path("policy.toml"))
    assert load_policy().source.updated.isoformat() == "2025-02-12"
    assert not resource_path("policy.json").exists()  # one source, no generated copy


def test_a_missing_policy_fails_closed(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "nope.toml")
