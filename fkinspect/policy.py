"""The agency's published cookie list, read from resources/policy.toml.

Loading fails closed: a missing or malformed file raises PolicyError, and with no
policy nothing is classified or cleaned.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path
from typing import Any

from fkinspect.errors import PolicyError
from fkinspect.lifetime import Lifetime
from fkinspect.model import Category
from fkinspect.resources import resource_path
from fkinspect.scope import Scope, host_in, normalize_host

_DOCUMENTED = (Category.NECESSARY, Category.WEBMEETING, Category.ANALYTICS)


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    heading: str
    updated: date
    updated_text: str  # the page's own words: "Senast uppdaterad 12 februari 2025"
    text_file: str  # the page text the data was made from, relative to resources/
    # A list adopted from a page the user saved (fkinspect.pagelist), not the built-in one:
    # then text_file is the saved file's name and page_sha256 the hash of its bytes.
    imported: bool = False
    page_sha256: str = ""


@dataclass(frozen=True, slots=True)
class PolicyEntry:
    """A cookie the page documents, by exact name or by glob pattern."""

    id: str
    category: Category
    lifetime: Lifetime
    page_text: str
    purpose_en: str
    name: str | None = None
    pattern: str | None = None
    meant: str | None = None  # the live name when the page has a typo

    @property
    def label(self) -> str:
        """The name or pattern as the page writes it."""
        return self.name or self.pattern or self.id

    def purpose(self, language: str) -> str:
        return self.page_text if language == "sv" else self.purpose_en


@dataclass(frozen=True, slots=True)
class KnownTool:
    """An undocumented cookie that belongs to a well-known tool (Matomo, Google Analytics)."""

    id: str
    tool: str
    clean_as: Category
    typical_lifetime: Lifetime
    note_sv: str
    note_en: str
    name: str | None = None
    pattern: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.pattern or self.id

    def matches(self, name: str) -> bool:
        if self.pattern is not None:
            return fnmatchcase(name, self.pattern)
        return name == self.name

    def note(self, language: str) -> str:
        return self.note_sv if language == "sv" else self.note_en


@dataclass(frozen=True, slots=True)
class ThirdPartySite:
    id: str
    name: str
    domains: tuple[str, ...]

    def owns(self, host: str) -> bool:
        return any(host_in(host, d) for d in self.domains)


@dataclass(frozen=True, slots=True)
class Policy:
    source: Source
    agency_domain: str
    agency_name: str
    entries: tuple[PolicyEntry, ...]
    known_tools: tuple[KnownTool, ...]
    third_party: tuple[ThirdPartySite, ...]
    third_party_text_sv: str
    third_party_text_en: str

    def scope(self) -> Scope:
        return Scope.of(self.agency_domain, (d for s in self.third_party for d in s.domains))

    def entry(self, entry_id: str) -> PolicyEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def known_tool(self, tool_id: str) -> KnownTool | None:
        return next((t for t in self.known_tools if t.id == tool_id), None)

    def site(self, host: str) -> ThirdPartySite | None:
        return next((s for s in self.third_party if s.owns(host)), None)

    def by_category(self, category: Category) -> tuple[PolicyEntry, ...]:
        return tuple(e for e in self.entries if e.category is category)


@cache
def load_policy(path: Path | None = None) -> Policy:
    """Read and check the policy file; raise PolicyError with the reason if it is unusable."""
    file = path or resource_path("policy.toml")
    try:
        with open(file, "rb") as fh:
            data = tomllib.load(fh)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PolicyError(f"the cookie policy {file} is not valid TOML: {exc}") from exc
    except OSError as exc:
        raise PolicyError(f"cannot read the cookie policy {file}: {exc.strerror}") from exc
    try:
        return _parse(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise PolicyError(f"the cookie policy {file} is malformed: {exc!r}") from exc


def policy_from_data(data: Mapping[str, Any], origin: str) -> Policy:
    """A policy from data shaped as policy.toml (`source.updated` a date); PolicyError
    naming `origin` when it is unusable."""
    try:
        return _parse(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PolicyError(f"the cookie policy {origin} is malformed: {exc!r}") from exc


def _parse(data: Mapping[str, Any]) -> Policy:
    src = data["source"]
    updated = src["updated"]
    if not isinstance(updated, date):
        raise PolicyError("source.updated must be a date")
    source = Source(src["title"], src["heading"], updated, src["updated_text"], src["text_file"])
    entries = tuple(_entry(raw) for raw in data["cookie"])
    tools = tuple(_tool(raw) for raw in data.get("known_tool", ()))
    sites = tuple(
        ThirdPartySite(s["id"], s["name"], tuple(normalize_host(d) for d in s["domains"]))
        for s in data.get("third_party", ())
    )
    page = data.get("third_party_page", {})
    policy = Policy(
        source=source,
        agency_domain=normalize_host(data["agency"]["domain"]),
        agency_name=data["agency"]["name"],
        entries=entries,
        known_tools=tools,
        third_party=sites,
        third_party_text_sv=page.get("page_text", ""),
        third_party_text_en=page.get("purpose_en", ""),
    )
    _check(policy)
    return policy


def _name_or_pattern(raw: Mapping[str, Any]) -> tuple[str | None, str | None]:
    name, pattern = raw.get("name"), raw.get("pattern")
    if (name is None) == (pattern is None):
        raise PolicyError(f"{raw.get('id')!r}: give exactly one of name and pattern")
    return name, pattern


def _entry(raw: Mapping[str, Any]) -> PolicyEntry:
    name, pattern = _name_or_pattern(raw)
    category = Category(raw["category"])
    if category not in _DOCUMENTED:
        raise PolicyError(f"{raw['id']!r}: category {category} cannot be documented")
    return PolicyEntry(
        id=raw["id"],
        category=category,
        lifetime=Lifetime.parse(raw["lifetime"]),
        page_text=raw["page_text"],
        purpose_en=raw["purpose_en"],
        name=name,
        pattern=pattern,
        meant=raw.get("meant"),
    )


def _tool(raw: Mapping[str, Any]) -> KnownTool:
    name, pattern = _name_or_pattern(raw)
    return KnownTool(
        id=raw["id"],
        tool=raw["tool"],
        clean_as=Category(raw["clean_as"]),
        typical_lifetime=Lifetime.parse(raw["typical_lifetime"]),
        note_sv=raw["note_sv"],
        note_en=raw["note_en"],
        name=name,
        pattern=pattern,
    )


def _check(policy: Policy) -> None:
    ids = [e.id for e in policy.entries] + [t.id for t in policy.known_tools]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise PolicyError(f"duplicate ids in the cookie policy: {sorted(duplicates)}")
    if not policy.by_category(Category.ANALYTICS):
        # A cleaner with nothing to match would silently do nothing; a policy without
        # analytics entries is a broken file, not a site without analytics.
        raise PolicyError("the cookie policy lists no analytics cookies")
    for entry in policy.entries:
        if not entry.page_text.strip() or not entry.purpose_en.strip():
            raise PolicyError(f"{entry.id!r}: both texts are required")
