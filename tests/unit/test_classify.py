"""The classifier, table-driven: every entry, pattern, quirk, host and lifetime case."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from fkinspect.classify import Classifier, lifetime_findings
from fkinspect.lifetime import Lifetime
from fkinspect.model import Category, FindingCode
from fkinspect.policy import load_policy

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
AGENCY = "www.forsakringskassan.se"
PARTITION = "https://forsakringskassan.se"
FF_PARTITION = "(https,forsakringskassan.se)"


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(load_policy())


def _live_name(label: str) -> str:
    return label.replace("*", "abc123")


def test_every_documented_entry_classifies_as_its_category(classifier: Classifier) -> None:
    for entry in classifier.policy.entries:
        name = _live_name(entry.label)
        found = classifier.classify(AGENCY, name, None, created=NOW, now=NOW)
        assert (found.category, found.entry_id) == (entry.category, entry.id), name
        assert found.clean_as is entry.category
        assert not found.has(FindingCode.UNDOCUMENTED)


@pytest.mark.parametrize(
    ("name", "category", "rule"),
    [
        ("_pk_ses.1.a2b3", Category.ANALYTICS, "_pk_ses.*"),
        ("_pk_id.7.ffff", Category.ANALYTICS, "_pk_id.*"),
        ("_pk_ses.", Category.ANALYTICS, "_pk_ses.*"),  # '*' may be empty
        ("_pk_ses", Category.UNDOCUMENTED, ""),  # the dot is part of the pattern
        ("_pk_idx.1", Category.UNDOCUMENTED, ""),
        ("MINA-SIDOR-XSRF-TOKEN", Category.NECESSARY, "*-XSRF-TOKEN"),
        ("-XSRF-TOKEN", Category.NECESSARY, "*-XSRF-TOKEN"),
        ("XSRF-TOKEN", Category.UNDOCUMENTED, ""),  # the hyphen is required
        ("statistics_optin", Category.ANALYTICS, "statistics_optin"),
    ],
)
def test_patterns(classifier: Classifier, name: str, category: Category, rule: str) -> None:
    found = classifier.classify(AGENCY, name, None)
    assert (found.category, found.rule) == (category, rule)


@pytest.mark.parametrize(
    ("name", "documented", "code"),
    [
        ("vngage.vid", "vgage.vid", FindingCode.KNOWN_TYPO),
        ("vngage.srvid", "vgage.srvid", FindingCode.KNOWN_TYPO),
        ("fk_sokfras", "Fk_sokfras", FindingCode.CASE_DIFFERS),
        ("fk_hide_cookie_warning", "Fk_hide_cookie_warning", FindingCode.CASE_DIFFERS),
        ("FK_INLOGGNING", "fk_inloggning", FindingCode.CASE_DIFFERS),
        ("mina-xsrf-token", "*-XSRF-TOKEN", FindingCode.CASE_DIFFERS),
    ],
)
def test_quirks_match_and_are_reported(
    classifier: Classifier, name: str, documented: str, code: FindingCode
) -> None:
    found = classifier.classify(AGENCY, name, None)
    assert found.category is not Category.UNDOCUMENTED
    assert [f.code for f in found.findings] == [code]
    assert found.findings[0].detail["documented"] == documented


def test_the_pages_own_spelling_matches_without_a_finding(classifier: Classifier) -> None:
    for name in ("vgage.vid", "Fk_sokfras", "fk_inloggning"):
        assert classifier.classify(AGENCY, name, None).findings == ()


@pytest.mark.parametrize(
    ("host", "agency"),
    [
        ("forsakringskassan.se", True),
        (".forsakringskassan.se", True),
        ("www.forsakringskassan.se", True),
        ("minasidor.forsakringskassan.se", True),
        ("A.B.Forsakringskassan.SE", True),
        ("forsakringskassan.se.", True),
        ("notforsakringskassan.se", False),
        ("forsakringskassan.se.evil.example", False),
        ("forsakringskassan.sex", False),
        ("evil-forsakringskassan.se", False),
        ("forsakringskassan.com", False),
    ],
)
def test_host_scoping_is_exact(classifier: Classifier, host: str, agency: bool) -> None:
    found = classifier.classify(host, "JSESSIONID", None)
    assert (found.category is Category.NECESSARY) is agency


@pytest.mark.parametrize("partition", [PARTITION, FF_PARTITION, "https://www.forsakringskassan.se"])
def test_other_sites_partitioned_under_the_agency_are_third_party(
    classifier: Classifier, partition: str
) -> None:
    found = classifier.classify(".youtube-nocookie.com", "VISITOR_INFO1_LIVE", None, partition)
    assert found.category is Category.THIRD_PARTY
    assert found.has(FindingCode.PARTITIONED_THIRD_PARTY)
    assert found.findings[0].detail["owner"] == "YouTube"
    unknown = classifier.classify("cdn.example.net", "x", None, partition)
    assert unknown.category is Category.THIRD_PARTY
    assert unknown.findings[0].detail["owner"] == "cdn.example.net"


def test_named_sites_are_third_party_and_look_alikes_are_not(classifier: Classifier) -> None:
    for host, site in [(".youtube.com", "YouTube"), ("www.facebook.com", "Facebook"),
                       (".x.com", "Twitter/X"), ("twitter.com", "Twitter/X")]:
        found = classifier.classify(host, "any", None)
        assert found.category is Category.THIRD_PARTY
        assert found.findings[0].detail == {"site": site}
        assert found.clean_as is None  # third-party cookies are never cleaned by default
    assert classifier.classify("notyoutube.com", "any", None).category is Category.UNDOCUMENTED


def test_agency_cookie_in_another_sites_partition(classifier: Classifier) -> None:
    found = classifier.classify(AGENCY, "JSESSIONID", None, "(https,example.org)")
    assert found.category is Category.NECESSARY
    assert found.has(FindingCode.PARTITIONED_ELSEWHERE)


@pytest.mark.parametrize(
    ("name", "tool"),
    [("_pk_ref.1.abcd", "Matomo"), ("_pk_cvar.1.abcd", "Matomo"), ("_pk_hsr.1.abcd", "Matomo"),
     ("_pk_testcookie.1", "Matomo"), ("mtm_consent", "Matomo"),
     ("mtm_consent_removed", "Matomo"), ("_ga", "Google Analytics"),
     ("_ga_ABC123", "Google Analytics"), ("_gid", "Google Analytics")],
)
def test_known_tools_are_undocumented_but_cleaned_as_analytics(
    classifier: Classifier, name: str, tool: str
) -> None:
    found = classifier.classify(AGENCY, name, None)
    assert found.category is Category.UNDOCUMENTED
    assert found.clean_as is Category.ANALYTICS
    assert [f.code for f in found.findings] == [FindingCode.UNDOCUMENTED, FindingCode.LIKELY_TOOL]
    assert found.findings[1].detail["tool"] == tool


def test_unknown_agency_cookie_is_undocumented_and_never_cleaned(classifier: Classifier) -> None:
    found = classifier.classify(AGENCY, "something_new", NOW + timedelta(days=3), created=NOW)
    assert found.category is Category.UNDOCUMENTED
    assert found.clean_as is None
    assert found.rule == ""
    assert [f.code for f in found.findings] == [FindingCode.UNDOCUMENTED]


DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("lifetime", "stored", "codes"),
    [
        ("session", None, []),
        ("session", DAY, [FindingCode.PERSISTENT_BUT_SESSION]),
        ("unstated", 5000 * DAY, []),
        ("unstated", None, []),
        ("PT30M", timedelta(minutes=30), []),
        ("PT30M", timedelta(minutes=30, seconds=30), []),  # clock slack
        ("PT30M", timedelta(hours=2), [FindingCode.LONGER_THAN_DOCUMENTED]),
        ("PT12H", timedelta(hours=12), []),
        ("PT12H", timedelta(hours=13), [FindingCode.LONGER_THAN_DOCUMENTED]),
        ("P90D", 90 * DAY, []),
        ("P90D", 120 * DAY, [FindingCode.LONGER_THAN_DOCUMENTED]),
        ("P180D", 180 * DAY, []),
        ("P13M", 393 * DAY, []),  # Matomo's own 13 months
        ("P13M", 396 * DAY, []),  # calendar months from 28 Nov
        ("P13M", 420 * DAY, [FindingCode.LONGER_THAN_DOCUMENTED]),
        ("P27Y", 400 * DAY, [FindingCode.BROWSER_CAP]),
        ("P30Y", 400 * DAY - timedelta(hours=1), [FindingCode.BROWSER_CAP]),
        ("P27Y", 30 * DAY, []),  # shorter than documented is not a finding
        ("P90D", None, []),  # a session cookie is never longer than documented
    ],
)
def test_lifetime_findings(lifetime: str, stored: timedelta | None,
                           codes: list[FindingCode]) -> None:
    expires = None if stored is None else NOW + stored
    found = lifetime_findings(Lifetime.parse(lifetime), expires, NOW)
    assert [f.code for f in found] == codes


def test_lifetime_findings_through_the_classifier(classifier: Classifier) -> None:
    capped = classifier.classify(AGENCY, "Fk_hide_cookie_warning", NOW + 400 * DAY, created=NOW)
    assert [f.code for f in capped.findings] == [FindingCode.BROWSER_CAP]
    assert capped.findings[0].detail == {"documented": "P27Y", "stored_days": "400"}
    longer = classifier.classify(AGENCY, "vngage.lkvt", NOW + 200 * DAY, created=NOW)
    assert [f.code for f in longer.findings] == [FindingCode.LONGER_THAN_DOCUMENTED]
    both = classifier.classify(AGENCY, "fk_sokfras", NOW + DAY, created=NOW)
    assert [f.code for f in both.findings] == [FindingCode.CASE_DIFFERS,
                                              FindingCode.PERSISTENT_BUT_SESSION]


def test_without_a_creation_time_the_remaining_time_is_compared(classifier: Classifier) -> None:
    found = classifier.classify(AGENCY, "BREADCRUMB-ID", NOW + 2 * DAY, now=NOW)
    assert found.has(FindingCode.LONGER_THAN_DOCUMENTED)
    assert not classifier.classify(AGENCY, "BREADCRUMB-ID", NOW + timedelta(hours=1),
                                   now=NOW).findings


def test_the_first_entry_in_policy_order_wins_and_exact_case_before_folded() -> None:
    policy = load_policy()
    jsession = policy.entry("JSESSIONID")
    assert jsession is not None
    wide = replace(jsession, id="wide", name=None, pattern="*SESSION*")
    lower = replace(jsession, id="lower", name=None, pattern="*session*")
    wide_first = Classifier(replace(policy, entries=(wide, *policy.entries)))
    wide_last = Classifier(replace(policy, entries=(*policy.entries, wide)))
    lower_first = Classifier(replace(policy, entries=(lower, *policy.entries)))
    assert wide_first.classify(AGENCY, "JSESSIONID", None).entry_id == "wide"
    assert wide_last.classify(AGENCY, "JSESSIONID", None).entry_id == "JSESSIONID"
    assert wide_last.classify(AGENCY, "MYSESSION1", None).entry_id == "wide"
    assert wide_last.classify(AGENCY, "jsessionid", None).entry_id == "JSESSIONID"
    assert lower_first.classify(AGENCY, "JSESSIONID", None).entry_id == "JSESSIONID"
    folded = lower_first.classify(AGENCY, "SMSESSION", None)
    assert (folded.entry_id, folded.has(FindingCode.CASE_DIFFERS)) == ("SMSESSION", False)
    assert lower_first.classify(AGENCY, "MYSESSION1", None).entry_id == "lower"
