"""The shareable report: everything found, in words, and nothing private."""

from __future__ import annotations

import csv
import getpass
import io
import json
import re
from pathlib import Path

import pytest

from fkinspect.model import Category, FindingCode
from fkinspect.policy import load_policy
from fkinspect.report import CSV_COLUMNS, build_report, render, write_report
from fkinspect.serialize import cookie_record, store_record
from fkinspect.wording import category_label, finding_text
from tests.unit.test_report_samples import USER, demo_scan

LANGS = ("sv", "en")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / USER


def _all_formats(home: Path, language: str) -> dict[str, str]:
    report = build_report(demo_scan(home), load_policy(), language, home=home)
    return {fmt: render(report, fmt) for fmt in ("html", "csv", "json")}


def _words(text: str, fmt: str) -> str:
    """The report's text as a reader sees it (HTML unescaped, JSON decoded)."""
    if fmt == "html":
        import html

        return html.unescape(re.sub(r"<[^>]+>", " ", text))
    if fmt == "json":
        return json.dumps(json.loads(text), ensure_ascii=False)
    return text


@pytest.mark.parametrize("language", LANGS)
def test_every_category_finding_and_explanation_is_in_every_format(home: Path,
                                                                    language: str) -> None:
    policy = load_policy()
    scan = demo_scan(home)
    for fmt, text in _all_formats(home, language).items():
        words = _words(text, fmt)
        for category in Category:
            assert category_label(category, language) in words, (fmt, category)
        for item in scan.cookies:
            for finding in item.classification.findings:
                assert finding_text(finding, language) in words, (fmt, finding.code)
        for item in scan.cookies:
            assert item.cookie.name in words, (fmt, item.cookie.name)
        used = {c.classification.entry_id for c in scan.cookies}
        for entry in policy.entries:
            if entry.id in used:
                assert entry.purpose(language) in words, (fmt, entry.id)
        for tool in policy.known_tools:
            if tool.id in used:
                assert tool.note(language) in words, (fmt, tool.id)
        third = policy.third_party_text_sv if language == "sv" else policy.third_party_text_en
        assert third in words, fmt
        assert policy.source.title in words, fmt
        if fmt == "csv":  # one row per cookie: the list's title and date on every row
            assert policy.source.updated.isoformat() in words
        else:
            assert policy.source.updated_text in words, fmt


@pytest.mark.parametrize("language", LANGS)
def test_no_home_path_and_no_user_name_anywhere(home: Path, language: str) -> None:
    for fmt, text in _all_formats(home, language).items():
        assert str(home) not in text, fmt
        assert USER not in text, fmt
        login = getpass.getuser()
        assert not re.search(rf"(?<![\w.-]){re.escape(login)}(?![\w-])", text), (fmt, login)
        assert "~/.config/google-chrome/Default/Cookies" in _words(text, fmt), fmt


def test_store_statuses_and_messages_are_reported(home: Path) -> None:
    report = build_report(demo_scan(home), load_policy(), "sv", home=home)
    locked = next(s for s in report.stores if s.status == "locked")
    assert locked.status_label == "Låst av ett annat program"
    assert locked.message == "~/.config/chromium/Default/Cookies: locked by another program " \
                             "(user [user])"
    text = render(report, "html")
    assert "Låst av ett annat program" in text
    assert "webbläsaren var igång" in text  # the Firefox store was read while it ran


def test_report_is_grouped_per_browser_and_profile(home: Path) -> None:
    report = build_report(demo_scan(home), load_policy(), "en", home=home)
    groups = [(g.browser_name, g.profile, len(g.cookies)) for g in report.groups]
    assert groups == [("Google Chrome", "Person 1 ([user])", 10),
                      ("Firefox ESR", "abc123.default-esr", 3), ("Chromium", "Default", 0)]
    html = render(report, "html")
    assert html.index("Google Chrome") < html.index("Firefox ESR") < html.index("Chromium —")


def test_html_is_self_contained_escaped_and_printable(home: Path) -> None:
    text = _all_formats(home, "sv")["html"]
    assert text.startswith("<!DOCTYPE html>\n<html lang=\"sv\">")
    for loads_something in ("<script", "src=", "href=", "url(", "@import", "<link", "<img"):
        assert loads_something not in text.lower(), loads_something
    assert "@media print" in text
    assert "mystery&lt;b&gt;cookie&lt;/b&gt;" in text
    assert "<b>cookie</b>" not in text
    english = _all_formats(home, "en")["html"]
    assert "<html lang=\"en\">" in english


def test_csv_has_a_bom_one_row_per_cookie_and_swedish_characters(home: Path,
                                                                  tmp_path: Path) -> None:
    report = build_report(demo_scan(home), load_policy(), "sv", home=home)
    out = tmp_path / "rapport.csv"
    write_report(report, out, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + len(report.cookies)
    by_name = {r[CSV_COLUMNS.index("name")]: dict(zip(CSV_COLUMNS, r, strict=True))
               for r in rows[1:]}
    assert by_name["vngage.vid"]["category_label"] == "Personligt webbmöte"
    assert "known_typo" in by_name["vngage.vid"]["finding_codes"]
    assert by_name["fk_sokfras"]["explanation"].startswith("Fk_sokfras")
    english = render(build_report(demo_scan(home), load_policy(), "en", home=home), "csv")
    assert english.splitlines()[0] == ",".join(CSV_COLUMNS)


def test_json_has_the_fields_of_list_json_and_the_policy_source(home: Path) -> None:
    scan = demo_scan(home)
    data = json.loads(_all_formats(home, "en")["json"])
    assert data["policy"]["source"] == {
        "title": "Kakor (Cookies) - Försäkringskassan",
        "updated": "2025-02-12",
        "updated_text": "Senast uppdaterad 12 februari 2025",
    }
    cookie_keys = set(cookie_record(scan.cookies[0], home))
    store_keys = set(store_record(scan.stores[0], home))
    assert all(cookie_keys <= set(c) for c in data["cookies"])
    assert all(store_keys <= set(s) for s in data["stores"])
    assert len(data["cookies"]) == len(scan.cookies)
    assert {s["status"] for s in data["stores"]} == {"ok", "locked"}
    codes = {f["code"] for c in data["cookies"] for f in c["findings"]}
    assert codes == {str(c) for c in FindingCode}
    assert data["report"]["scanned"] == "2026-11-28T12:00:00Z"


def test_write_report_replaces_the_file_whole(home: Path, tmp_path: Path) -> None:
    report = build_report(demo_scan(home), load_policy(), "sv", home=home)
    out = tmp_path / "r.html"
    out.write_text("old", encoding="utf-8")
    write_report(report, out, "html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    with pytest.raises(ValueError, match="format"):
        write_report(report, out, "pdf")
    with pytest.raises(ValueError, match="language"):
        build_report(demo_scan(home), load_policy(), "de")


def test_spreadsheet_formulas_are_not_executed(home: Path) -> None:
    from fkinspect.report import report_csv

    report = build_report(demo_scan(home), load_policy(), "en", home=home)
    rows = list(csv.reader(io.StringIO(report_csv(report))))
    assert not any(cell[:1] in "=+@" and cell for row in rows for cell in row)
