"""Scan records as plain data for JSON output (a public interface: keep fields stable).

Never a cookie value: the records this module sees do not carry one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fkinspect.lifetime import Lifetime
from fkinspect.model import ClassifiedCookie, Finding, StoreResult
from fkinspect.wording import finding_text

if TYPE_CHECKING:  # annotations only: reading the policy is not needed to format
    from fkinspect.policy import KnownTool, Policy, PolicyEntry


# The files a report can be written as (`fkinspect report --format`).
REPORT_FORMATS = ("html", "csv", "json")

def iso_utc(moment: datetime | None) -> str | None:
    """ISO 8601 with an explicit UTC designator: 2027-12-26T17:10:28Z."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def utf8_text(text: str) -> str:
    """`text` as UTF-8 can carry it: a lone surrogate (a byte of a name that is not
    UTF-8, kept as data) is written as its escape, \\udcff, as JSON would write it."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def display_path(path: Path, home: Path | None = None) -> str:
    """A path with the home folder written as ~, for anything a person may share."""
    home = home or Path.home()
    try:
        return str(Path("~") / path.relative_to(home))
    except ValueError:
        return str(path)


def finding_record(finding: Finding, language: str = "en") -> dict[str, Any]:
    return {"code": str(finding.code), "detail": dict(finding.detail),
            "text": finding_text(finding, language)}


def store_record(result: StoreResult, home: Path | None = None) -> dict[str, Any]:
    profile = result.location.profile
    path = display_path(result.location.path, home) if home else str(result.location.path)
    return {
        "browser": profile.browser_id,
        "browser_name": profile.browser_name,
        "profile": profile.name,
        "path": path,
        "format": str(result.location.format),
        "status": str(result.status),
        "message": result.message,
        "method": str(result.method) if result.method else None,
        "schema": result.schema,
        "running": result.running,
        "cookies": len(result.cookies),
    }


def cookie_record(item: ClassifiedCookie, home: Path | None = None) -> dict[str, Any]:
    cookie, found = item.cookie, item.classification
    profile = cookie.store.profile
    store = display_path(cookie.store.path, home) if home else str(cookie.store.path)
    return {
        "browser": profile.browser_id,
        "profile": profile.name,
        "store": store,
        "host": cookie.host,
        "name": cookie.name,
        "path": cookie.path,
        "category": str(found.category),
        "clean_as": str(found.clean_as) if found.clean_as else None,
        "rule": found.rule,
        "findings": [finding_record(f) for f in found.findings],
        "expires": iso_utc(cookie.expires),
        "session": cookie.session,
        "secure": cookie.secure,
        "http_only": cookie.http_only,
        "same_site": str(cookie.same_site),
        "partition": cookie.partition,
        "container": cookie.container,
        "source": str(cookie.source),
    }


def _lifetime(lifetime: Lifetime) -> str:
    return lifetime.code


def entry_record(entry: PolicyEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.name,
        "pattern": entry.pattern,
        "meant": entry.meant,
        "category": str(entry.category),
        "lifetime": _lifetime(entry.lifetime),
        "purpose_sv": entry.page_text,
        "purpose_en": entry.purpose_en,
    }


def tool_record(tool: KnownTool) -> dict[str, Any]:
    return {
        "id": tool.id,
        "name": tool.name,
        "pattern": tool.pattern,
        "tool": tool.tool,
        "category": "undocumented",
        "clean_as": str(tool.clean_as),
        "typical_lifetime": _lifetime(tool.typical_lifetime),
        "note_sv": tool.note_sv,
        "note_en": tool.note_en,
    }


def policy_record(policy: Policy) -> dict[str, Any]:
    return {
        "source": {
            "title": policy.source.title,
            "updated": policy.source.updated.isoformat(),
            "updated_text": policy.source.updated_text,
        },
        "agency_domain": policy.agency_domain,
        "entries": [entry_record(e) for e in policy.entries],
        "known_tools": [tool_record(t) for t in policy.known_tools],
        "third_party": [
            {"id": s.id, "name": s.name, "domains": list(s.domains)} for s in policy.third_party
        ],
    }
