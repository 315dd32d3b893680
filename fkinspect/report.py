"""A report of one scan that support staff can share: HTML, CSV or JSON.

What it holds: every store (with its status), every cookie's metadata, its category,
the agency's own explanation, the findings, and the policy's source and date. What it
never holds: a cookie's value (the records carry none), the home folder (written `~`)
or the user's login name (scrubbed from every text that comes from the machine).
"""

from __future__ import annotations

import contextlib
import csv
import getpass
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from fkinspect.i18n import say
from fkinspect.lifetime import describe
from fkinspect.model import Category, ClassifiedCookie, Scan, StoreResult
from fkinspect.outfile import write_output
from fkinspect.pagelist.words import in_use_words
from fkinspect.policy import Policy
from fkinspect.presentation import (
    CATEGORY_ORDER,
    documented_lifetime,
    explanation,
    is_documented,
)
from fkinspect.report_html import report_html
from fkinspect.serialize import (
    REPORT_FORMATS,
    cookie_record,
    display_path,
    iso_utc,
    store_record,
    utf8_text,
)
from fkinspect.textsafe import json_safe, printable
from fkinspect.wording import LANGUAGES, category_label, finding_text, status_label

FORMATS = REPORT_FORMATS
USER_PLACEHOLDER = "[user]"

# CSV columns, in order (documented in docs/distribution.md: keep them stable).
CSV_COLUMNS = (
    "browser", "browser_name", "profile", "store", "host", "name", "path", "category",
    "category_label", "explanation", "documented_lifetime", "findings", "finding_codes",
    "expires", "session", "secure", "http_only", "same_site", "partition", "container",
    "source", "clean_as", "rule", "policy_source", "policy_updated",
)


@dataclass(frozen=True, slots=True)
class ReportFinding:
    code: str
    text: str


@dataclass(frozen=True, slots=True)
class ReportCookie:
    """One cookie as the report shows it: metadata and words, never a value."""

    browser: str
    browser_name: str
    profile: str
    store: str
    host: str
    name: str
    path: str
    category: Category
    category_label: str
    explanation: str  # the page's own sentence, a known tool's note, or the third-party text
    documented_lifetime: str  # "" when the page does not list the cookie
    findings: tuple[ReportFinding, ...]
    expires: str | None
    session: bool
    secure: bool
    http_only: bool
    same_site: str
    partition: str | None
    container: str | None
    source: str
    clean_as: str | None
    rule: str
    record: dict[str, Any] = field(hash=False, compare=False)  # `list --json` fields


@dataclass(frozen=True, slots=True)
class ReportStore:
    browser: str
    browser_name: str
    profile: str
    path: str
    format: str
    status: str
    status_label: str
    message: str
    method: str | None
    schema: str
    running: bool
    cookies: int
    record: dict[str, Any] = field(hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class ProfileGroup:
    """One browser profile: its stores and the cookies found in them."""

    browser_name: str
    profile: str
    stores: tuple[ReportStore, ...]
    cookies: tuple[ReportCookie, ...]


@dataclass(frozen=True, slots=True)
class PolicySource:
    title: str
    updated: date
    updated_text: str
    agency: str
    third_party_text: str
    in_use: str = ""  # which list classified the cookies, and whether it is old, in words
    imported: bool = False  # adopted from a saved page (fkinspect.pagelist), not built in
    source_file: str = ""  # that page's file name


@dataclass(frozen=True, slots=True)
class Report:
    language: str
    generated: datetime
    scanned: datetime
    policy: PolicySource
    stores: tuple[ReportStore, ...]
    cookies: tuple[ReportCookie, ...]

    @property
    def groups(self) -> tuple[ProfileGroup, ...]:
        """Per browser and profile, in discovery order."""
        order: list[tuple[str, str]] = []
        for s in self.stores:
            if (s.browser_name, s.profile) not in order:
                order.append((s.browser_name, s.profile))
        for c in self.cookies:
            if (c.browser_name, c.profile) not in order:
                order.append((c.browser_name, c.profile))
        return tuple(
            ProfileGroup(b, p,
                         tuple(s for s in self.stores if (s.browser_name, s.profile) == (b, p)),
                         tuple(c for c in self.cookies if (c.browser_name, c.profile) == (b, p)))
            for b, p in order)

    def count(self, category: Category) -> int:
        return sum(1 for c in self.cookies if c.category is category)


class Scrubber:
    """Writes the home folder as `~` and hides the login name in texts from the machine."""

    def __init__(self, home: Path, users: tuple[str, ...] = ()) -> None:
        self.home = home
        names = {n for n in (home.name, *users) if len(n) >= 2}
        # A name counts only as a whole path or word segment: "anna" in "annans" stays.
        self._pattern = (re.compile("|".join(
            rf"(?<![\w.-]){re.escape(n)}(?![\w-])" for n in sorted(names, key=len, reverse=True)))
            if names else None)

    @classmethod
    def for_home(cls, home: Path | None) -> Scrubber:
        users: tuple[str, ...] = ()
        with contextlib.suppress(KeyError, OSError):  # no name for this uid: nothing to hide
            users = (getpass.getuser(),)
        return cls(home or Path.home(), users)

    def path(self, path: Path) -> str:
        return self.text(display_path(path, self.home))

    def text(self, text: str) -> str:
        text = text.replace(str(self.home), "~")
        if self._pattern is not None:
            text = self._pattern.sub(USER_PLACEHOLDER, text)
        return text


def build_report(scan: Scan, policy: Policy, language: str = "sv",
                 home: Path | None = None) -> Report:
    """Everything a person may share about this scan, in `language` ("sv" or "en")."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}")
    scrub = Scrubber.for_home(home)
    now = datetime.now(UTC)
    stores = tuple(_store(s, scrub, language) for s in scan.stores)
    rank = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    items = sorted(scan.cookies, key=lambda c: (rank[c.classification.category],
                                               c.cookie.host, c.cookie.name, c.cookie.path))
    cookies = tuple(_cookie(c, policy, scrub, language) for c in items)
    # Stable order per profile: grouping keeps discovery order, rows stay sorted inside.
    source = PolicySource(
        title=policy.source.title,
        updated=policy.source.updated,
        updated_text=policy.source.updated_text,
        agency=policy.agency_name,
        third_party_text=(policy.third_party_text_sv if language == "sv"
                          else policy.third_party_text_en),
        in_use=in_use_words(policy, now.date(), language),
        imported=policy.source.imported,
        source_file=policy.source.text_file if policy.source.imported else "",
    )
    return Report(language, now, scan.finished, source, stores, cookies)


def _store(result: StoreResult, scrub: Scrubber, language: str) -> ReportStore:
    profile = result.location.profile
    record = store_record(result, scrub.home)
    record["path"] = scrub.path(result.location.path)
    record["profile"] = scrub.text(profile.name)
    # Why a file could not be read, in the report's language (the English detail is in
    # `list --json` and the log).
    record["message"] = scrub.text(say(result.words, language) or result.message)
    return ReportStore(
        browser=profile.browser_id,
        browser_name=profile.browser_name,
        profile=record["profile"],
        path=record["path"],
        format=str(result.location.format),
        status=str(result.status),
        status_label=status_label(result.status, language),
        message=record["message"],
        method=str(result.method) if result.method else None,
        schema=result.schema,
        running=result.running,
        cookies=len(result.cookies),
        record=record,
    )


def _cookie(item: ClassifiedCookie, policy: Policy, scrub: Scrubber,
            language: str) -> ReportCookie:
    cookie, found = item.cookie, item.classification
    profile = cookie.store.profile
    text = explanation(policy, found, language)
    # The page's own lifetime only: a known tool's typical one is not documented.
    documented = documented_lifetime(policy, found) if is_documented(policy, found) else None
    lifetime = describe(documented, language) if documented is not None else ""
    findings = tuple(ReportFinding(str(f.code), finding_text(f, language))
                     for f in found.findings)
    record = cookie_record(item, scrub.home)
    record["store"] = scrub.path(cookie.store.path)
    record["profile"] = scrub.text(profile.name)
    record["container"] = scrub.text(cookie.container) if cookie.container else None
    for finding, words in zip(record["findings"], found.findings, strict=True):
        finding["text"] = finding_text(words, language)
    record["category_label"] = category_label(found.category, language)
    record["explanation"] = text
    record["documented_lifetime"] = lifetime
    return ReportCookie(
        browser=profile.browser_id,
        browser_name=profile.browser_name,
        profile=record["profile"],
        store=record["store"],
        host=cookie.host,
        name=cookie.name,
        path=cookie.path,
        category=found.category,
        category_label=record["category_label"],
        explanation=text,
        documented_lifetime=lifetime,
        findings=findings,
        expires=iso_utc(cookie.expires),
        session=cookie.session,
        secure=cookie.secure,
        http_only=cookie.http_only,
        same_site=str(cookie.same_site),
        partition=cookie.partition,
        container=record["container"],
        source=str(cookie.source),
        clean_as=str(found.clean_as) if found.clean_as else None,
        rule=found.rule,
        record=record,
    )


def report_json(report: Report) -> dict[str, Any]:
    """`list --json`'s stores and cookies (plus words), the policy's source, the times."""
    return {
        "report": {
            "language": report.language,
            "generated": iso_utc(report.generated),
            "scanned": iso_utc(report.scanned),
        },
        "policy": {
            "source": {
                "title": report.policy.title,
                "updated": report.policy.updated.isoformat(),
                "updated_text": report.policy.updated_text,
            },
            "agency": report.policy.agency,
            "in_use": {"origin": "imported" if report.policy.imported else "built-in",
                       "source_file": report.policy.source_file or None},
        },
        "stores": [s.record for s in report.stores],
        "cookies": [c.record for c in report.cookies],
    }


def report_csv(report: Report) -> str:
    """One row per cookie. Swedish reports use `;` (what a Swedish spreadsheet expects)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if report.language == "sv" else ",",
                        lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for c in report.cookies:
        row = {
            "browser": c.browser, "browser_name": c.browser_name, "profile": c.profile,
            "store": c.store, "host": c.host, "name": c.name, "path": c.path,
            "category": str(c.category), "category_label": c.category_label,
            "explanation": c.explanation, "documented_lifetime": c.documented_lifetime,
            "findings": " | ".join(f.text for f in c.findings),
            "finding_codes": " ".join(f.code for f in c.findings),
            "expires": c.expires or "", "session": _flag(c.session),
            "secure": _flag(c.secure), "http_only": _flag(c.http_only),
            "same_site": c.same_site, "partition": c.partition or "",
            "container": c.container or "", "source": c.source,
            "clean_as": c.clean_as or "", "rule": c.rule,
            # A CSV travels alone: each row says which version of the list classified it.
            "policy_source": report.policy.title,
            "policy_updated": report.policy.updated.isoformat(),
        }
        writer.writerow([_cell(row[k]) for k in CSV_COLUMNS])
    return out.getvalue()


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _cell(text: str) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet; a cookie name is not.
    # Control characters are written out: a CSV is also read with `cat`.
    text = printable(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def render(report: Report, fmt: str) -> str:
    renderers: dict[str, Callable[[Report], str]] = {
        "json": lambda r: json_safe(json.dumps(report_json(r), ensure_ascii=False,
                                               indent=2)) + "\n",
        "csv": report_csv,
        "html": report_html,
    }
    if fmt not in renderers:
        raise ValueError(f"format must be one of {FORMATS}")
    # A name that is not UTF-8 stays readable as its \udcXX escapes, and the file valid.
    return utf8_text(renderers[fmt](report))


def write_report(report: Report, path: Path, fmt: str) -> None:
    """Write `report` as html, csv (UTF-8 with BOM) or json to `path` as a shell's `>`
    would: a file is replaced whole, a FIFO or a device written into, a link followed;
    IsADirectoryError for a folder (see fkinspect.outfile)."""
    write_output(path, report_bytes(report, fmt))


def report_bytes(report: Report, fmt: str) -> bytes:
    """The file's bytes: UTF-8, with a BOM for csv (so Excel reads Swedish letters)."""
    return render(report, fmt).encode("utf-8-sig" if fmt == "csv" else "utf-8")
