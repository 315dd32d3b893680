"""Counting, grouping, ordering and explaining scan results for people.

The app and any other view share this: how many cookies per category, which
browsers hold them, what the agency says about one, when it ends relative to
now. No words that need translating live here except the agency's own texts
from the policy and wording's category names; sentences are built by the view in
its language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from fkinspect.i18n import text
from fkinspect.lifetime import Lifetime
from fkinspect.model import (
    Category,
    Classification,
    ClassifiedCookie,
    Cookie,
    FindingCode,
    Profile,
)
from fkinspect.serialize import display_path
from fkinspect.textsafe import printable
from fkinspect.wording import category_label

if TYPE_CHECKING:  # the policy module loads with the first scan
    from fkinspect.policy import Policy

# The order categories are shown in: what the site needs first, what can go last.
CATEGORY_ORDER = (
    Category.NECESSARY,
    Category.WEBMEETING,
    Category.ANALYTICS,
    Category.THIRD_PARTY,
    Category.UNDOCUMENTED,
)


def shown_category(found: Classification) -> Category:
    """The category a cookie is counted, filtered and shown under: what a clean treats it
    as. A cookie the agency's list leaves out but the classifier recognises as a tool's
    (an undocumented Google Analytics cookie) goes with analytics, because the button
    removes it with them; so the chip, the filter, the headline, the button and the
    confirmation all count the same cookies."""
    return found.clean_as or found.category


def unlisted(found: Classification) -> bool:
    """Counted under shown_category although the agency's list does not name it."""
    return found.category is Category.UNDOCUMENTED and found.clean_as is not None


def shown_label(found: Classification, language: str = "sv") -> str:
    """The words for shown_category, and when the agency's list does not name the cookie,
    that too: "Webbanalys, inte dokumenterad" (the category names are wording's)."""
    label = category_label(shown_category(found), language)
    if unlisted(found):
        label += ", " + category_label(Category.UNDOCUMENTED, language).lower()
    return label


# What the window's clean button removes (the CLI's default clean too).
BUTTON_CATEGORY = Category.ANALYTICS


def button_removes(category: Category) -> bool:
    """Does the clean button touch the cookies counted under `category` (shown_category)?"""
    return category is BUTTON_CATEGORY


def is_expired(cookie: Cookie, now: datetime) -> bool:
    """Past its expiry: the browser no longer sends it and removes it by itself."""
    return cookie.expires is not None and cookie.expires <= now


def live(cookies: Iterable[ClassifiedCookie], now: datetime) -> tuple[ClassifiedCookie, ...]:
    """The cookies that still count: every one not expired by `now`."""
    return tuple(item for item in cookies if not is_expired(item.cookie, now))


@dataclass(frozen=True, slots=True)
class Overview:
    """The numbers on top of the window: live cookies only, each under its
    shown_category; the agency's own apart from other sites' stored on its pages."""

    total: int  # the agency's own cookies (every category but third party)
    browsers: int  # distinct browsers (by browser_id) that hold at least one of them
    per_category: tuple[tuple[Category, int], ...]  # third party included
    # Of the analytics cookies, those the agency's list does not name (known tools).
    unlisted_analytics: int = 0
    unlisted_tools: tuple[str, ...] = ()  # the tools they belong to, first seen first
    other_sites: tuple[str, ...] = ()  # the sites of the third-party cookies, first seen
    expired: int = 0  # left out of every number above

    def in_category(self, category: Category) -> int:
        return dict(self.per_category).get(category, 0)

    @property
    def analytics(self) -> int:
        """What the clean button removes: the same number as the analytics chip."""
        return self.in_category(Category.ANALYTICS)

    @property
    def others(self) -> int:
        """Cookies of other sites (YouTube ...) stored while visiting the agency's pages."""
        return self.in_category(Category.THIRD_PARTY)


def overview(cookies: Sequence[ClassifiedCookie], now: datetime | None = None) -> Overview:
    """Count what is on screen as of `now` (the scan's time; the clock when None)."""
    shown = live(cookies, now or datetime.now(UTC))
    counts = {c: 0 for c in CATEGORY_ORDER}
    tools: dict[str, None] = {}
    sites: dict[str, None] = {}
    unlisted_analytics = 0
    browsers: set[str] = set()
    for item in shown:
        found = item.classification
        category = shown_category(found)
        counts[category] += 1
        if category is Category.THIRD_PARTY:
            sites[item.cookie.domain] = None
        else:
            browsers.add(item.cookie.store.profile.browser_id)
        if category is Category.ANALYTICS and unlisted(found):
            unlisted_analytics += 1
            tools.update((f.detail["tool"], None) for f in found.findings
                         if f.code is FindingCode.LIKELY_TOOL and "tool" in f.detail)
    return Overview(
        total=len(shown) - counts[Category.THIRD_PARTY],
        browsers=len(browsers),
        per_category=tuple(counts.items()),
        unlisted_analytics=unlisted_analytics,
        unlisted_tools=tuple(tools),
        other_sites=tuple(sites),
        expired=len(cookies) - len(shown),
    )


def cleanable(
    cookies: Iterable[ClassifiedCookie], category: Category = Category.ANALYTICS
) -> tuple[ClassifiedCookie, ...]:
    """The cookies a clean of `category` removes: documented ones and known tools alike
    (the plan's rule, clean_as; for analytics the same cookies as shown_category's)."""
    return tuple(item for item in cookies if item.classification.clean_as is category)


@dataclass(frozen=True, slots=True)
class Copies:
    """One cookie for people, and every file of its profile that holds it (Firefox keeps
    a session cookie in its live session file and in the older ones it falls back to)."""

    item: ClassifiedCookie  # as first seen
    paths: tuple[Path, ...]


def each_once(cookies: Iterable[ClassifiedCookie]) -> tuple[Copies, ...]:
    """`cookies` counted as people count them: a cookie that is in several files of one
    profile (by its full key in the same format) once, with those files, first seen first.
    A plan still removes it from every file; only the number shown is of cookies."""
    found: dict[tuple[object, ...], tuple[ClassifiedCookie, list[Path]]] = {}
    for item in cookies:
        cookie = item.cookie
        ident = (cookie.store.profile, cookie.store.format, tuple(cookie.key))
        paths = found.setdefault(ident, (item, []))[1]
        if cookie.store.path not in paths:
            paths.append(cookie.store.path)
    return tuple(Copies(item, tuple(paths)) for item, paths in found.values())


def group_by_profile(
    cookies: Iterable[ClassifiedCookie],
) -> list[tuple[Profile, tuple[ClassifiedCookie, ...]]]:
    """Cookies grouped by the profile that holds them, in the order first seen."""
    groups: dict[Profile, list[ClassifiedCookie]] = {}
    for item in cookies:
        groups.setdefault(item.cookie.store.profile, []).append(item)
    return [(profile, tuple(items)) for profile, items in groups.items()]


def expiry_sort_key(item: ClassifiedCookie) -> float:
    """Session cookies end first (when the browser closes), then by expiry time."""
    expires = item.cookie.expires
    return -1.0 if expires is None else expires.timestamp()


class TimeUnit(StrEnum):
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"


@dataclass(frozen=True, slots=True)
class RelativeTime:
    """"in 11 months" / "3 days ago" as numbers; the view words it."""

    amount: int
    unit: TimeUnit
    past: bool


def relative_time(moment: datetime, now: datetime | None = None) -> RelativeTime:
    """The largest whole unit between now and `moment` (at least 1 of the smallest)."""
    now = now or datetime.now(UTC)
    delta = moment - now
    past = delta < timedelta(0)
    span = abs(delta)
    days = span / timedelta(days=1)
    if days >= 365.25 * 2 - 15:  # 23.5 months reads better as "2 years" than "24 months"
        return RelativeTime(round(days / 365.25), TimeUnit.YEARS, past)
    if days >= 45:
        return RelativeTime(round(days / 30.44), TimeUnit.MONTHS, past)
    if days >= 1.5:
        return RelativeTime(round(days), TimeUnit.DAYS, past)
    hours = span / timedelta(hours=1)
    if hours >= 1.5:
        return RelativeTime(round(hours), TimeUnit.HOURS, past)
    return RelativeTime(max(1, round(span / timedelta(minutes=1))), TimeUnit.MINUTES, past)


def documented_lifetime(policy: Policy, found: Classification) -> Lifetime | None:
    """What the page says about how long it is kept; a known tool's own default."""
    if found.entry_id is None:
        return None
    entry = policy.entry(found.entry_id)
    if entry is not None:
        return entry.lifetime
    tool = policy.known_tool(found.entry_id)
    return tool.typical_lifetime if tool is not None else None


def explanation(policy: Policy, found: Classification, language: str) -> str:
    """The agency's own words about this cookie (empty when the page says nothing)."""
    if found.category is Category.THIRD_PARTY:
        return policy.third_party_text_sv if language == "sv" else policy.third_party_text_en
    if found.entry_id is None:
        return ""
    entry = policy.entry(found.entry_id)
    if entry is not None:
        return entry.purpose(language)
    tool = policy.known_tool(found.entry_id)
    return tool.note(language) if tool is not None else ""


def is_documented(policy: Policy, found: Classification) -> bool:
    """True when the text from `explanation` is the page's own, not a note about a tool."""
    if found.category is Category.THIRD_PARTY:
        return True
    return found.entry_id is not None and policy.entry(found.entry_id) is not None


def matches_text(item: ClassifiedCookie, text: str, naming: Naming | None = None) -> bool:
    """Search: the words typed, case-folded, as a plain substring (no patterns), over what
    is shown (so a hidden profile name is not found in presentation mode)."""
    needle = text.strip().casefold()
    if not needle:
        return True
    cookie = item.cookie
    label = naming.profile_label(cookie.store.profile) if naming else cookie.store.profile.label
    fields = (cookie.name, cookie.host, label, cookie.partition or "", cookie.container or "")
    return any(needle in f.casefold() for f in fields)


class Naming:
    """How profiles and files are named on screen.

    Normally a profile is "Chromium (Person 1)" and a file is shown from the home
    folder ("~/.config/..."). In presentation mode (support staff showing the app
    on a real machine) profile names become "Profil 1", "Profil 2" per browser, in
    scan order, and only a file's own name is shown.
    """

    def __init__(self, home: Path | None = None, hidden: bool = False,
                 language: str = "sv") -> None:
        self.home = home
        self.hidden = hidden
        self.language = language
        self._numbers: dict[Profile, int] = {}

    def learn(self, profiles: Iterable[Profile]) -> None:
        """Number the profiles in this order (the scan's), so numbers do not follow sorting."""
        for profile in profiles:
            self._number(profile)

    def _number(self, profile: Profile) -> int:
        if profile not in self._numbers:
            same = sum(1 for p in self._numbers if p.browser_id == profile.browser_id)
            self._numbers[profile] = same + 1
        return self._numbers[profile]

    def profile_name(self, profile: Profile) -> str:
        if not self.hidden:
            return printable(profile.name)  # from Local State or a folder name: data
        return text(self.language, "Profile {number}", number=self._number(profile))

    def profile_label(self, profile: Profile) -> str:
        return f"{profile.browser_name} ({self.profile_name(profile)})"

    def path(self, path: Path) -> str:
        shown = f"…/{path.name}" if self.hidden else display_path(path, self.home)
        return printable(shown)


class Removal(StrEnum):
    """Whether the clean button removes one cookie, and the reason people are told."""

    LISTED = "listed"  # removed: the agency's list says it is for web analytics
    KNOWN_TOOL = "known_tool"  # removed: not on the list, but a known analytics tool's
    READ_ONLY = "read_only"  # would be, but fkinspect can only read its browser's file
    EXPIRED = "expired"  # left: the browser removes it by itself
    OTHER_SITE = "other_site"  # left: another site's cookie, not the agency's to judge
    KEPT = "kept"  # left: its category is not one the button removes

    @property
    def removed(self) -> bool:
        return self in (Removal.LISTED, Removal.KNOWN_TOOL)


def removal(item: ClassifiedCookie, now: datetime, writable: bool = True) -> Removal:
    """What the clean button does with this cookie as read at `now`; `writable`: whether
    a clean may write its file at all (the plan's rule, fkinspect.clean.plan.can_write)."""
    found = item.classification
    category = shown_category(found)
    if is_expired(item.cookie, now):
        return Removal.EXPIRED
    if not button_removes(category) or found.clean_as is not BUTTON_CATEGORY:
        return Removal.OTHER_SITE if category is Category.THIRD_PARTY else Removal.KEPT
    if not writable:
        return Removal.READ_ONLY
    return Removal.KNOWN_TOOL if unlisted(found) else Removal.LISTED


class LifetimeFit(StrEnum):
    """How the cookie's real expiry compares with what the page says about it."""

    NOT_STATED = "not_stated"  # the page gives no lifetime (or does not list the cookie)
    AS_STATED = "as_stated"  # within what the page says
    LONGER = "longer"  # kept longer than the page says
    KEPT_AFTER_CLOSE = "kept_after_close"  # the page says session, it is saved to disk
    BROWSER_CAP = "browser_cap"  # the page says more than the browser allows (400 days)


def page_lifetime(policy: Policy, found: Classification) -> Lifetime | None:
    """The lifetime the agency's page itself states for this cookie (never a tool's)."""
    if found.entry_id is None or found.category is Category.THIRD_PARTY:
        return None
    entry = policy.entry(found.entry_id)
    return entry.lifetime if entry is not None and entry.lifetime.is_stated else None


def tool_lifetime(policy: Policy, found: Classification) -> tuple[str, Lifetime] | None:
    """For a cookie the page leaves out but a known tool sets: the tool and its default."""
    if found.entry_id is None or policy.entry(found.entry_id) is not None:
        return None
    tool = policy.known_tool(found.entry_id)
    return (tool.tool, tool.typical_lifetime) if tool is not None else None


def lifetime_fit(policy: Policy, found: Classification) -> LifetimeFit:
    """The classifier's findings about lifetimes, as one answer for the page's lifetime."""
    if page_lifetime(policy, found) is None:
        return LifetimeFit.NOT_STATED
    if found.has(FindingCode.BROWSER_CAP):
        return LifetimeFit.BROWSER_CAP
    if found.has(FindingCode.PERSISTENT_BUT_SESSION):
        return LifetimeFit.KEPT_AFTER_CLOSE
    if found.has(FindingCode.LONGER_THAN_DOCUMENTED):
        return LifetimeFit.LONGER
    return LifetimeFit.AS_STATED


def table_order(
    profiles: Sequence[Profile],
) -> Callable[[ClassifiedCookie], tuple[object, ...]]:
    """The one order rows are listed in, and ties broken in under any sorted column:
    by browser and profile (in `profiles`' order, the scan's), then category as shown,
    the listed before the unlisted, then name, site, container, partition, cookie path
    and file, so that no two rows ever swap places between two sorts."""
    rank = {profile: i for i, profile in enumerate(profiles)}

    def key(item: ClassifiedCookie) -> tuple[object, ...]:
        cookie, found = item.cookie, item.classification
        return (rank.get(cookie.store.profile, len(rank)), cookie.store.profile.label,
                CATEGORY_ORDER.index(shown_category(found)), unlisted(found),
                cookie.name.casefold(), cookie.name, cookie.domain, cookie.container or "",
                cookie.partition or "", cookie.path, str(cookie.store.path))
    return key


def top_site(partition: str) -> str:
    """The site a partitioned cookie is kept for, as people write it: "forsakringskassan.se"
    for "https://forsakringskassan.se" (the browsers store the scheme too)."""
    for scheme in ("https://", "http://"):
        if partition.startswith(scheme):
            return partition[len(scheme):]
    return partition


@dataclass(frozen=True, slots=True)
class Distinction:
    """What tells a row apart from others that read the same (name, site, profile,
    container, partition): its cookie path, its file, or both; None where they agree."""

    cookie_path: str | None = None
    file: Path | None = None


def look_alikes(cookies: Iterable[ClassifiedCookie]) -> dict[tuple[object, ...], Distinction]:
    """For each cookie (by identity) that would read like another in the table, what
    tells it apart; cookies that read uniquely are not in the result."""
    groups: dict[tuple[object, ...], list[Cookie]] = {}
    for item in cookies:
        c = item.cookie
        groups.setdefault((c.name, c.domain, c.store.profile, c.container, c.partition),
                          []).append(c)
    found: dict[tuple[object, ...], Distinction] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        paths = len({c.path for c in group}) > 1
        files = len({c.store.path for c in group}) > 1
        for c in group:
            found[c.identity] = Distinction(c.path if paths else None,
                                            c.store.path if files else None)
    return found
