"""Which category a cookie is in according to the agency's page, and why.

Pure: a cookie's host, name, expiry and partition in, a Classification out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from fkinspect.lifetime import BROWSER_CAP, Lifetime
from fkinspect.model import (
    Category,
    Classification,
    ClassifiedCookie,
    Cookie,
    Finding,
    FindingCode,
)
from fkinspect.policy import KnownTool, Policy, PolicyEntry, glob_match
from fkinspect.scope import partition_url

# A browser stores the cap give or take the seconds between the server's clock and
# its own; a day either side is still "the browser capped it".
_CAP_SLACK = timedelta(days=1)


class _NameIndex:
    """The policy's entries by name, so that a cookie is not tried against each in turn.

    Finds what a scan of the entries in policy order would: the first entry whose
    name (or typo's live name) or pattern matches. `fold` compares casefolded.
    """

    def __init__(self, entries: Iterable[PolicyEntry], *, fold: bool) -> None:
        self.fold = fold
        self.names: dict[str, tuple[int, PolicyEntry]] = {}
        self.patterns: list[tuple[int, str, PolicyEntry]] = []
        for position, entry in enumerate(entries):
            if entry.pattern is not None:
                self.patterns.append((position, self._key(entry.pattern), entry))
                continue
            for name in (entry.name, entry.meant):
                if name:
                    self.names.setdefault(self._key(name), (position, entry))

    def _key(self, text: str) -> str:
        return text.casefold() if self.fold else text

    def find(self, name: str) -> PolicyEntry | None:
        key = self._key(name)
        named = self.names.get(key)
        for position, pattern, entry in self.patterns:
            if named is not None and named[0] < position:
                break
            if glob_match(key, pattern):
                return entry
        return named[1] if named is not None else None


class Classifier:
    """Classifies cookies against one loaded policy."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.scope = policy.scope()
        self._exact = _NameIndex(policy.entries, fold=False)
        self._folded = _NameIndex(policy.entries, fold=True)

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
