"""What differs between a saved page and a list, and the page made into a list.

Names are matched as the built-in list matches them: the page's known typos
(`vgage.vid` written for `vngage.vid`) stand for the name they mean, and a name that
differs only in case is the same cookie (the page writes `Fk_` and `fk_`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fkinspect.model import Category
from fkinspect.pagelist.reader import PageCookie, PageList, without_lifetime
from fkinspect.policy import KnownTool, Policy, PolicyEntry, ThirdPartySite

FIELDS = ("name", "category", "lifetime", "text")


@dataclass(frozen=True, slots=True)
class Listed:
    name: str
    category: Category


@dataclass(frozen=True, slots=True)
class Change:
    name: str
    field: str  # one of FIELDS
    was: str
    now: str


@dataclass(frozen=True, slots=True)
class Comparison:
    page_date: date
    policy_date: date
    added: tuple[Listed, ...]
    removed: tuple[Listed, ...]
    changed: tuple[Change, ...]
    unplaced: tuple[str, ...]

    @property
    def same(self) -> bool:
        return (self.page_date == self.policy_date and not self.added and not self.removed
                and not self.changed and not self.unplaced)

    def category_changes(self, category: Category, *, leaving: bool) -> tuple[Change, ...]:
        """Cookies that move out of (leaving) or into `category`."""
        side = "was" if leaving else "now"
        return tuple(c for c in self.changed
                     if c.field == "category" and getattr(c, side) == category.value)

    def record(self) -> dict[str, Any]:
        """The JSON of `policy --compare --json` (a public interface: see the README)."""
        return {
            "same": self.same,
            "page_date": self.page_date.isoformat(),
            "policy_date": self.policy_date.isoformat(),
            "added": [{"name": a.name, "category": a.category.value} for a in self.added],
            "removed": [{"name": r.name, "category": r.category.value} for r in self.removed],
            "changed": [{"name": c.name, "field": c.field, "was": c.was, "now": c.now}
                        for c in self.changed],
            "unplaced": list(self.unplaced),
        }


def live_name(label: str, known: Policy) -> tuple[str, str | None]:
    """(the name as written, the name it stands for when the known list records a typo)."""
    entry = next((e for e in known.entries if e.label == label and e.meant), None)
    return label, entry.meant if entry else None


def _key(label: str, meant: str | None) -> str:
    return (meant or label).casefold()


def _entry_key(entry: PolicyEntry) -> str:
    return _key(entry.label, entry.meant)


def site_of(name: str, known: Policy) -> ThirdPartySite | None:
    """The known site the page names ("Twitter" is the site written "Twitter/X")."""
    wanted = name.casefold()
    return next((s for s in known.third_party
                 if wanted in {p.strip().casefold() for p in (s.name, *s.name.split("/"))}),
                None)


def compare(page: PageList, policy: Policy, known: Policy) -> Comparison:
    """The page against `policy` (the list in use); `known` (built-in) gives the quirks."""
    entries = {_entry_key(e): e for e in policy.entries}
    seen: set[str] = set()
    added: list[Listed] = []
    changed: list[Change] = []
    for cookie in page.cookies:
        key = _key(*live_name(cookie.label, known))
        entry = entries.get(key)
        if entry is None:
            added.append(Listed(cookie.label, cookie.category))
            continue
        seen.add(key)
        changed += _changes(cookie, entry)
    removed = [Listed(e.label, e.category) for k, e in entries.items() if k not in seen]
    unplaced = list(page.unplaced)
    site_ids: set[str] = set()
    for name in page.sites:
        site = site_of(name, known)
        if site is None:
            unplaced.append(name)  # a site whose domains fkinspect does not know
        else:
            site_ids.add(site.id)
            if all(s.id != site.id for s in policy.third_party):
                added.append(Listed(name, Category.THIRD_PARTY))
    removed += [Listed(s.name, Category.THIRD_PARTY) for s in policy.third_party
                if s.id not in site_ids]
    if page.sites_sentence and page.sites_sentence != policy.third_party_text_sv:
        changed.append(Change(Category.THIRD_PARTY.value, "text", policy.third_party_text_sv,
                              page.sites_sentence))
    return Comparison(page.updated, policy.source.updated, tuple(added), tuple(removed),
                      tuple(changed), tuple(unplaced))


def _changes(cookie: PageCookie, entry: PolicyEntry) -> list[Change]:
    pairs = (
        ("name", entry.label, cookie.label),
        ("category", entry.category.value, cookie.category.value),
        ("lifetime", entry.lifetime.code, cookie.lifetime),
    )
    changes = [Change(cookie.label, field, was, now) for field, was, now in pairs if was != now]
    # Not a new text: other lifetime words, or a name's case ("Fk_" for "fk_").
    if without_lifetime(entry.page_text).casefold() != \
            without_lifetime(cookie.sentence).casefold():
        changes.append(Change(cookie.label, "text", entry.page_text, cookie.sentence))
    return changes


def page_policy_data(page: PageList, known: Policy, source_file: str) -> dict[str, Any]:
    """The page as policy data (shaped as policy.toml). What the page does not say comes
    from `known`: the ids, English texts for unchanged sentences, the tools, the domains."""
    by_key = {_entry_key(e): e for e in known.entries}
    page_keys = {_key(*live_name(c.label, known)) for c in page.cookies}
    # A new cookie's id is its name, unless a known entry the page still lists has it.
    taken = {e.id for k, e in by_key.items() if k in page_keys} | {t.id for t in known.known_tools}
    cookies = []
    for cookie in page.cookies:
        label, meant = live_name(cookie.label, known)
        old = by_key.get(_key(label, meant))
        raw: dict[str, Any] = {
            "id": old.id if old else _new_id(label, taken),
            "pattern" if cookie.is_pattern else "name": label,
            "category": cookie.category.value,
            "lifetime": cookie.lifetime,
            "page_text": cookie.sentence,
            # No translation of a new sentence exists: the page's own words stand in.
            "purpose_en": old.purpose_en if old and old.page_text == cookie.sentence
            else cookie.sentence,
        }
        if meant:
            raw["meant"] = meant
        cookies.append(raw)
    sites = [site for site in (site_of(n, known) for n in page.sites) if site is not None]
    same_text = page.sites_sentence == known.third_party_text_sv
    return {
        "source": {"title": page.title, "heading": page.heading, "updated": page.updated,
                   "updated_text": page.updated_text, "text_file": source_file},
        "agency": {"domain": known.agency_domain, "name": known.agency_name},
        "cookie": cookies,
        "known_tool": [_tool_data(t) for t in known.known_tools],
        "third_party_page": {
            "page_text": page.sites_sentence,
            "purpose_en": known.third_party_text_en if same_text else page.sites_sentence,
        },
        "third_party": [{"id": s.id, "name": s.name, "domains": list(s.domains)}
                        for s in sites],
    }


def _new_id(label: str, taken: set[str]) -> str:
    new, n = label, 1
    while new in taken:
        n += 1
        new = f"{label}-{n}"
    taken.add(new)
    return new


def _tool_data(tool: KnownTool) -> dict[str, Any]:
    return {
        "id": tool.id, "pattern" if tool.pattern else "name": tool.pattern or tool.name,
        "tool": tool.tool, "clean_as": tool.clean_as.value,
        "typical_lifetime": tool.typical_lifetime.code,
        "note_sv": tool.note_sv, "note_en": tool.note_en,
    }
