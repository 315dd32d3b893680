"""Cookie names against the classifier, as a table: which entry each one matches, and how.

The names are every cookie of the demo home and of the generated test stores, every
policy entry's live name, and for each pattern its near misses (a character more or
less, another case). The table was written down from the classifier as it was; a change
to how names are matched (an index, fnmatch) must find the same entry for every name:
exact before case-folded, the first entry in the policy's order first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fkinspect.classify import Classifier
from fkinspect.demo import PLATFORM, build_demo_home
from fkinspect.model import Category, Classification
from fkinspect.policy import Policy, load_policy
from fkinspect.scan import ScanRequest, run_scan
from fkinspect.synth import generate_bulk_chromium, generate_bulk_firefox

AGENCY = "www.forsakringskassan.se"

# (category, rule, finding codes): the names classified so on the agency's own host.
TABLE: dict[tuple[str, str, str], tuple[str, ...]] = {
    ("necessary", "*-XSRF-TOKEN", ""): (
        "*-XSRF-TOKEN", "-XSRF-TOKEN", ".abcd-XSRF-TOKEN", "1-XSRF-TOKEN", "1.ABCD-XSRF-TOKEN",
        "1.abcd-XSRF-TOKEN", "MINA-SIDOR-XSRF-TOKEN", "X-XSRF-TOKEN", "x*-XSRF-TOKEN",
        "x-XSRF-TOKEN", "x1-XSRF-TOKEN", "x1.abcd-XSRF-TOKEN",
    ),
    ("necessary", "*-XSRF-TOKEN", "case_differs"): (
        "*-xsrf-token", "-xsrf-token", "1-xsrf-token", "1.ABCD-xsrf-token", "x-xsrf-token",
    ),
    ("necessary", "Access_token", ""): ("Access_token",),
    ("necessary", "Access_token", "case_differs"): ("ACCESS_TOKEN",),
    ("necessary", "assistansrakning_kvittens", ""): ("assistansrakning_kvittens",),
    ("necessary", "assistansrakning_kvittens", "case_differs"): ("ASSISTANSRAKNING_KVITTENS",),
    ("necessary", "BREADCRUMB-ID", ""): ("BREADCRUMB-ID",),
    ("necessary", "cookietest", ""): ("cookietest",),
    ("necessary", "cookietest", "case_differs"): ("COOKIETEST",),
    ("necessary", "DigestTracker", ""): ("DigestTracker",),
    ("necessary", "DigestTracker", "case_differs"): ("DIGESTTRACKER",),
    ("necessary", "fingerprint", ""): ("fingerprint",),
    ("necessary", "fingerprint", "case_differs"): ("FINGERPRINT",),
    ("necessary", "Fk_hide_cookie_warning", ""): ("Fk_hide_cookie_warning",),
    ("necessary", "Fk_hide_cookie_warning", "case_differs"): (
        "FK_HIDE_COOKIE_WARNING", "fk_Hide_Cookie_Warning",
    ),
    ("necessary", "fk_hide_misi_banner", ""): ("fk_hide_misi_banner",),
    ("necessary", "fk_hide_misi_banner", "case_differs"): ("FK_HIDE_MISI_BANNER",),
    ("necessary", "fk_hide_personalization_info", ""): ("fk_hide_personalization_info",),
    ("necessary", "fk_hide_personalization_info", "case_differs"): (
        "FK_HIDE_PERSONALIZATION_INFO",
    ),
    ("necessary", "fk_inloggning", ""): ("fk_inloggning",),
    ("necessary", "fk_inloggning", "case_differs"): ("FK_INLOGGNING",),
    ("necessary", "Fk_inloggning_target", ""): ("Fk_inloggning_target",),
    ("necessary", "Fk_inloggning_target", "case_differs"): ("FK_INLOGGNING_TARGET",),
    ("necessary", "fk_menu-keepopen", ""): ("fk_menu-keepopen",),
    ("necessary", "fk_menu-keepopen", "case_differs"): ("FK_MENU-KEEPOPEN",),
    ("necessary", "Fk_sokfras", ""): ("Fk_sokfras",),
    ("necessary", "Fk_sokfras", "case_differs"): ("FK_SOKFRAS", "fk_sokfras",),
    ("necessary", "Fk_tandvard_informationspaket", ""): ("Fk_tandvard_informationspaket",),
    ("necessary", "Fk_tandvard_informationspaket", "case_differs"): (
        "FK_TANDVARD_INFORMATIONSPAKET",
    ),
    ("necessary", "fk_test_cookie", ""): ("fk_test_cookie",),
    ("necessary", "fk_test_cookie", "case_differs"): ("FK_TEST_COOKIE",),
    ("necessary", "JSESSIONID", ""): ("JSESSIONID",),
    ("necessary", "JSESSIONID", "case_differs"): ("jsessionid",),
    ("necessary", "KVITTENS_INPROGRESS", ""): ("KVITTENS_INPROGRESS",),
    ("necessary", "LtpaToken2", ""): ("LtpaToken2",),
    ("necessary", "LtpaToken2", "case_differs"): ("LTPATOKEN2",),
    ("necessary", "MEKAcategory", ""): ("MEKAcategory",),
    ("necessary", "MEKAcategory", "case_differs"): ("MEKACATEGORY",),
    ("necessary", "MEKAsubcategory", ""): ("MEKAsubcategory",),
    ("necessary", "MEKAsubcategory", "case_differs"): ("MEKASUBCATEGORY",),
    ("necessary", "SMSESSION", ""): ("SMSESSION",),
    ("necessary", "SMSESSION", "case_differs"): ("smsession",),
    ("necessary", "storageSessionCookie", ""): ("storageSessionCookie",),
    ("necessary", "storageSessionCookie", "case_differs"): ("STORAGESESSIONCOOKIE",),
    ("necessary", "SV_JSESSIONID", ""): ("SV_JSESSIONID",),
    ("webmeeting", "ps_bQ", ""): ("ps_bQ",),
    ("webmeeting", "ps_bQ", "case_differs"): ("PS_BQ",),
    ("webmeeting", "ps_pQ", ""): ("ps_pQ",),
    ("webmeeting", "ps_pQ", "case_differs"): ("PS_PQ",),
    ("webmeeting", "psB", ""): ("psB",),
    ("webmeeting", "psB", "case_differs"): ("PSB",),
    ("webmeeting", "psCurrentState", ""): ("psCurrentState",),
    ("webmeeting", "psCurrentState", "case_differs"): ("PSCURRENTSTATE",),
    ("webmeeting", "vgage.srvid", ""): ("vgage.srvid",),
    ("webmeeting", "vgage.srvid", "case_differs"): ("VGAGE.SRVID", "Vgage.Srvid",),
    ("webmeeting", "vgage.srvid", "known_typo"): ("vngage.srvid",),
    ("webmeeting", "vgage.vid", ""): ("vgage.vid",),
    ("webmeeting", "vgage.vid", "case_differs"): ("VGAGE.VID", "VNGAGE.VID",),
    ("webmeeting", "vgage.vid", "known_typo"): ("vngage.vid",),
    ("webmeeting", "vngage.lkvt", ""): ("vngage.lkvt",),
    ("webmeeting", "vngage.lkvt", "case_differs"): ("VNGAGE.LKVT",),
    ("webmeeting", "vngage.session", ""): ("vngage.session",),
    ("webmeeting", "vngage.session", "case_differs"): ("VNGAGE.SESSION",),
    ("webmeeting", "vngage.sId", ""): ("vngage.sId",),
    ("webmeeting", "vngage.sId", "case_differs"): ("VNGAGE.SID",),
    ("analytics", "_pk_id.*", ""): (
        "_pk_id.", "_pk_id.*", "_pk_id.1", "_pk_id.1.3f2a", "_pk_id.1.a1b2", "_pk_id.1.ab",
        "_pk_id.1.abc", "_pk_id.1.abcd", "_pk_id.1.abcd1", "_pk_id.1.abcd17", "_pk_id.1.abcd25",
        "_pk_id.1.abcd33", "_pk_id.1.abcd9", "_pk_id.7.ffff", "_pk_id.9.wal",
    ),
    ("analytics", "_pk_id.*", "case_differs"): (
        "_PK_ID.", "_PK_ID.*", "_PK_ID.1", "_PK_ID.1.ABCD",
    ),
    ("analytics", "_pk_ses.*", ""): (
        "_pk_ses.", "_pk_ses.*", "_pk_ses.1", "_pk_ses.1.3f2a", "_pk_ses.1.a2b3",
        "_pk_ses.1.abc", "_pk_ses.1.abcd", "_pk_ses.1.abcd10", "_pk_ses.1.abcd18",
        "_pk_ses.1.abcd2", "_pk_ses.1.abcd26", "_pk_ses.1.abcd34", "_pk_ses.2.e2e",
    ),
    ("analytics", "_pk_ses.*", "case_differs"): (
        "_PK_SES.", "_PK_SES.*", "_PK_SES.1", "_PK_SES.1.ABCD", "_Pk_Ses.1.x",
    ),
    ("analytics", "statistics_optin", ""): ("statistics_optin",),
    ("analytics", "statistics_optin", "case_differs"): ("STATISTICS_OPTIN",),
    ("undocumented", "", "undocumented"): (
        "", "*", "*-XSRF-TOKE", "-XSRF-TOKE", "1-XSRF-TOKE", "1.abcd-XSRF-TOKE",
        "Fk_Cookie_Consent11", "Fk_Cookie_Consent19", "Fk_Cookie_Consent27",
        "Fk_Cookie_Consent3", "Fk_Cookie_Consent35", "JSESSIONID0", "JSESSIONID16",
        "JSESSIONID24", "JSESSIONID32", "JSESSIONID8", "JSESSIONIDx", "MTM_CONSENT",
        "MTM_CONSENT*", "MTM_CONSENT1", "MTM_CONSENT1.ABCD", "SMSESSIO", "TS01abcdef14",
        "TS01abcdef22", "TS01abcdef30", "TS01abcdef38", "TS01abcdef6", "XSRF-TOKEN",
        "XSRF-TOKEN15", "XSRF-TOKEN23", "XSRF-TOKEN31", "XSRF-TOKEN39", "XSRF-TOKEN7", "_GA",
        "_GA*", "_GA1", "_GA1.ABCD", "_GID", "_PK_CVAR.", "_PK_CVAR.*", "_PK_CVAR.1",
        "_PK_CVAR.1.ABCD", "_PK_HSR.", "_PK_HSR.*", "_PK_HSR.1", "_PK_HSR.1.ABCD", "_PK_REF.",
        "_PK_REF.*", "_PK_REF.1", "_PK_REF.1.ABCD", "_PK_TESTCOOKIE.", "_PK_TESTCOOKIE.*",
        "_PK_TESTCOOKIE.1", "_PK_TESTCOOKIE.1.ABCD", "_g", "_gidx", "_pk_cvar", "_pk_hsr",
        "_pk_id", "_pk_idx.1", "_pk_ref", "_pk_ses", "_pk_testcookie", "fJSESSIONID",
        "fk_beta_feedback", "ga", "ga*", "ga1", "ga1.abcd", "look", "mtm_consen", "pk_cvar.",
        "pk_cvar.*", "pk_cvar.1", "pk_cvar.1.abcd", "pk_hsr.", "pk_hsr.*", "pk_hsr.1",
        "pk_hsr.1.abcd", "pk_id.", "pk_id.*", "pk_id.1", "pk_id.1.abcd", "pk_ref.", "pk_ref.*",
        "pk_ref.1", "pk_ref.1.abcd", "pk_ses.", "pk_ses.*", "pk_ses.1", "pk_ses.1.abcd",
        "pk_testcookie.", "pk_testcookie.*", "pk_testcookie.1", "pk_testcookie.1.abcd",
        "tm_consent", "tm_consent*", "tm_consent1", "tm_consent1.abcd", "vgage.vidx",
        "vngage.srvid13", "vngage.srvid21", "vngage.srvid29", "vngage.srvid37", "vngage.srvid5",
        "vngage.vid12", "vngage.vid20", "vngage.vid28", "vngage.vid36", "vngage.vid4", "x_ga",
        "x_ga*", "x_ga1", "x_ga1.abcd", "x_pk_cvar.", "x_pk_cvar.*", "x_pk_cvar.1",
        "x_pk_cvar.1.abcd", "x_pk_hsr.", "x_pk_hsr.*", "x_pk_hsr.1", "x_pk_hsr.1.abcd",
        "x_pk_id.", "x_pk_id.*", "x_pk_id.1", "x_pk_id.1.abcd", "x_pk_ref.", "x_pk_ref.*",
        "x_pk_ref.1", "x_pk_ref.1.abcd", "x_pk_ses.", "x_pk_ses.*", "x_pk_ses.1",
        "x_pk_ses.1.abcd", "x_pk_testcookie.", "x_pk_testcookie.*", "x_pk_testcookie.1",
        "x_pk_testcookie.1.abcd", "xmtm_consent", "xmtm_consent*", "xmtm_consent1",
        "xmtm_consent1.abcd",
    ),
    ("undocumented", "tool:_ga*", "undocumented likely_tool"): (
        "_ga", "_ga*", "_ga1", "_ga1.abc", "_ga1.abcd", "_ga_ABC123", "_gat",
    ),
    ("undocumented", "tool:_gid", "undocumented likely_tool"): ("_gid",),
    ("undocumented", "tool:_pk_cvar.*", "undocumented likely_tool"): (
        "_pk_cvar.", "_pk_cvar.*", "_pk_cvar.1", "_pk_cvar.1.abc", "_pk_cvar.1.abcd",
    ),
    ("undocumented", "tool:_pk_hsr.*", "undocumented likely_tool"): (
        "_pk_hsr.", "_pk_hsr.*", "_pk_hsr.1", "_pk_hsr.1.abc", "_pk_hsr.1.abcd",
    ),
    ("undocumented", "tool:_pk_ref.*", "undocumented likely_tool"): (
        "_pk_ref.", "_pk_ref.*", "_pk_ref.1", "_pk_ref.1.3f2a", "_pk_ref.1.abc",
        "_pk_ref.1.abcd",
    ),
    ("undocumented", "tool:_pk_testcookie.*", "undocumented likely_tool"): (
        "_pk_testcookie.", "_pk_testcookie.*", "_pk_testcookie.1", "_pk_testcookie.1.abc",
        "_pk_testcookie.1.abcd",
    ),
    ("undocumented", "tool:mtm_consent*", "undocumented likely_tool"): (
        "mtm_consent", "mtm_consent*", "mtm_consent1", "mtm_consent1.abc", "mtm_consent1.abcd",
        "mtm_consent_removed",
    ),
}
EXPECTED = {name: row for row, names in TABLE.items() for name in names}


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(load_policy())


def _row(found: Classification) -> tuple[str, str, str]:
    return str(found.category), found.rule, " ".join(f.code for f in found.findings)


def _implied(policy: Policy, rule: str) -> tuple[str | None, Category | None]:
    """The entry id and clean category that the rule names."""
    if rule.startswith("tool:"):
        tool = next(t for t in policy.known_tools if t.label == rule.removeprefix("tool:"))
        return tool.id, tool.clean_as
    entry = next((e for e in policy.entries if e.label == rule), None)
    return (entry.id, entry.category) if entry else (None, None)


def test_every_name_matches_as_the_table_says(classifier: Classifier) -> None:
    wrong = {}
    for name, row in EXPECTED.items():
        found = classifier.classify(AGENCY, name, None)
        matched = (found.entry_id, found.clean_as)
        if _row(found) != row or matched != _implied(classifier.policy, row[1]):
            wrong[name] = (_row(found), matched)
    assert wrong == {}
    assert len(EXPECTED) == sum(len(names) for names in TABLE.values())  # no name twice


def test_the_table_holds_every_cookie_of_the_demo_and_the_generated_stores(
    tmp_path: Path,
) -> None:
    policy = load_policy()
    with build_demo_home(tmp_path / "demo", running_firefox=False) as demo:
        scans = [run_scan(ScanRequest.for_home(demo.home, platform=PLATFORM), policy)]
    chromium, firefox = tmp_path / "bulk" / "Cookies", tmp_path / "bulk" / "cookies.sqlite"
    generate_bulk_chromium(chromium, 300)
    generate_bulk_firefox(firefox, 300)
    request = ScanRequest.for_home(tmp_path / "demo", platform=PLATFORM)
    scans.append(run_scan(ScanRequest(request.environment, (chromium, firefox),
                                      discover_home=False), policy))
    agency = [item for scan in scans for item in scan.cookies
              if policy.scope().is_agency_host(item.cookie.host)]
    assert len(agency) > 80  # the demo's stores, and 40 in each generated one
    for item in agency:
        name, found = item.cookie.name, item.classification
        assert name in EXPECTED, name
        category, rule, codes = EXPECTED[name]
        assert (str(found.category), found.rule) == (category, rule), name
        assert set(codes.split()) <= {f.code for f in found.findings}, name
