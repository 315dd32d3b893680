"""Which category a cookie is in according to the agency's page, and why.

Pure: a cookie's host, name, expiry and partition in, a Classification out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from fnmatch import fnmatchcase

from fkinspect.lifetime import BROWSER_CAP, Lifetime
from fkinspect.model import (
    Category,
    Classification,
    ClassifiedCookie,
    Cookie,
    Finding,
    FindingCode,
)
from fkinspect.policy import KnownTool, Policy, PolicyEntry
from fkinspect.scope import partition_url

# A browser stores the cap give or take the seconds between the server's clock and
# its own; a day either side is still "the browser capped it".
_CAP_SLACK = timedelta(days=1)


class _Entries:
    """The policy's entries in order, each with the names or the pattern it matches.

    `find` gives the first entry that matches, as the page lists them; `fold`
    compares casefolded. A policy has a few dozen entries and a scan classifies
    a few dozen cookies: trying each entry in turn costs microseconds.
    """

    def __init__(self, entries: Iterable[PolicyEntry], *, fold: bool) -> None:
        self.fold = fold
        self.rules = [(self._key(e.pattern) if e.pattern is not None else None,
                       {self._key(n) for n in (e.name, e.meant) if n}, e) for e in entries]

    def _key(self, text: str) -> str:
        return text.casefold() if self.fold else text

    def find(self, name: str) -> PolicyEntry | None:
        key = self._key(name)
        for pattern, names, entry in self.rules:
            matched = key in names if pattern is None else fnmatchcase(key, pattern)
            if matched:
                return entry
        return None


class Classifier:
    """Classifies cookies against one loaded policy."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.scope = policy.scope()
        self._exact = _Entries(policy.entries, fold=False)
        self._folded = _Entries(policy.entries, fold=True)

    def classify(
        self,
        host: str,
        name: str,
        expires: datetime | None,
        partition: str | None = None,
        created: datetime | None = None,
        now: datetime | None = None,
    ) -> Classification:
        if not self.scope.is_agency_host(host):
            return self._third_party(host, partition)
        findings: list[Finding] = []
        if partition and not self.scope.is_agency_partition(partition):
            findings.append(Finding(FindingCode.PARTITIONED_ELSEWHERE,
                                    {"site": partition_url(partition) or partition}))
        entry = self._documented(name, findings)
        if entry is not None:
            findings += lifetime_findings(entry.lifetime, expires, created, now)
            return Classification(entry.category, entry.label, tuple(findings),
                                  clean_as=entry.category, entry_id=entry.id)
        tool = self._known_tool(name)
        findings.insert(0, Finding(FindingCode.UNDOCUMENTED))
        if tool is not None:
            findings.insert(1, Finding(FindingCode.LIKELY_TOOL,
                                       {"tool": tool.tool, "pattern": tool.label}))
            return Classification(Category.UNDOCUMENTED, f"tool:{tool.label}", tuple(findings),
                                  clean_as=tool.clean_as, entry_id=tool.id)
        return Classification(Category.UNDOCUMENTED, "", tuple(findings))

    def classify_cookie(self, cookie: Cookie, now: datetime | None = None) -> ClassifiedCookie:
        found = self.classify(cookie.host, cookie.name, cookie.expires, cookie.partition,
                              cookie.created, now)
        return ClassifiedCookie(cookie, found)

    def classify_all(self, cookies: Iterable[Cookie]) -> tuple[ClassifiedCookie, ...]:
        now = datetime.now(UTC)
        return tuple(self.classify_cookie(c, now) for c in cookies)

    def _documented(self, name: str, findings: list[Finding]) -> PolicyEntry | None:
        entry = self._exact.find(name)
        if entry is not None:
            if entry.meant is not None and name == entry.meant:
                findings.append(Finding(FindingCode.KNOWN_TYPO,
                                        {"documented": entry.label, "meant": entry.meant}))
            return entry
        entry = self._folded.find(name)
        if entry is not None:
            findings.append(Finding(FindingCode.CASE_DIFFERS,
                                    {"documented": entry.label, "stored": name}))
        return entry

    def _known_tool(self, name: str) -> KnownTool | None:
        return next((t for t in self.policy.known_tools if t.matches(name)), None)

    def _third_party(self, host: str, partition: str | None) -> Classification:
        site = self.policy.site(host)
        site_id = site.id if site else None
        if self.scope.is_agency_partition(partition):
            top = partition_url(partition) or ""
            detail = {"site": top, "owner": site.name if site else host.lstrip(".")}
            return Classification(Category.THIRD_PARTY, f"partition:{top}",
                                  (Finding(FindingCode.PARTITIONED_THIRD_PARTY, detail),),
                                  entry_id=site_id)
        if site is not None:
            return Classification(Category.THIRD_PARTY, f"site:{site.id}",
                                  (Finding(FindingCode.NAMED_THIRD_PARTY, {"site": site.name}),),
                                  entry_id=site_id)
        # Out of scope: readers never return such a cookie, but say so rather than guess.
        return Classification(Category.UNDOCUMENTED, "", (Finding(FindingCode.UNDOCUMENTED),))


def lifetime_findings(
    documented: Lifetime,
    expires: datetime | None,
    created: datetime | None,
    now: datetime | None = None,
) -> list[Finding]:
    """Compare what the page says with what the browser stored."""
    if expires is None or not documented.is_stated:
        return []  # a session cookie is never longer than documented
    if documented.is_session:
        return [Finding(FindingCode.PERSISTENT_BUT_SESSION,
                        {"expires": expires.isoformat()})]
    start = created or now or datetime.now(UTC)
    stored = expires - start
    stored_days = str(round(stored / timedelta(days=1)))
    if documented.approx() > BROWSER_CAP and abs(stored - BROWSER_CAP) <= _CAP_SLACK:
        return [Finding(FindingCode.BROWSER_CAP,
                        {"documented": documented.code, "stored_days": stored_days})]
    slack = max(timedelta(minutes=1), documented.approx() / 100)
    if expires > documented.end_from(start) + slack:
        return [Finding(FindingCode.LONGER_THAN_DOCUMENTED,
                        {"documented": documented.code, "stored_days": stored_days,
                         "stored": duration_code(stored)})]
    return []


def duration_code(span: timedelta) -> str:
    """A stored lifetime in the policy's notation, in the unit people would use for it."""
    if span < timedelta(hours=2):
        return f"PT{max(1, round(span / timedelta(minutes=1)))}M"
    if span < timedelta(days=2):
        return f"PT{round(span / timedelta(hours=1))}H"
    return f"P{round(span / timedelta(days=1))}D"
