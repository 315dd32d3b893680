"""Which cookies are the agency's business: exact host and partition scoping.

Never a substring match: `notforsakringskassan.se` and
`forsakringskassan.se.evil.example` are other sites.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote


def normalize_host(host: str) -> str:
    """Lower case, no leading dot (domain cookie), no trailing dot (FQDN form)."""
    return host.strip().lower().lstrip(".").rstrip(".")


def host_in(host: str, domain: str) -> bool:
    """True when `host` is `domain` or one of its subdomains."""
    h = normalize_host(host)
    return h == domain or h.endswith("." + domain)


def site_of_partition(raw: str | None) -> str | None:
    """The host of a partition key, from either browser's spelling.

    Chromium top_frame_site_key: "https://forsakringskassan.se".
    Firefox partitionKey (decoded): "(https,forsakringskassan.se)" or with a port.
    """
    if not raw:
        return None
    text = unquote(raw).strip()
    if text.startswith("(") and text.endswith(")"):
        parts = text[1:-1].split(",")
        return normalize_host(parts[1]) if len(parts) >= 2 else None
    if "://" in text:
        text = text.split("://", 1)[1]
    return normalize_host(text.split("/", 1)[0].split(":", 1)[0]) or None


def partition_url(raw: str | None) -> str | None:
    """A partition key in one spelling for display and JSON: "https://site"."""
    if not raw:
        return None
    text = unquote(raw).strip()
    if text.startswith("(") and text.endswith(")"):
        parts = text[1:-1].split(",")
        if len(parts) >= 2:
            scheme, host = parts[0] or "https", normalize_host(parts[1])
            port = f":{parts[2]}" if len(parts) >= 3 and parts[2] else ""
            return f"{scheme}://{host}{port}"
        return None
    return text


@dataclass(frozen=True, slots=True)
class Scope:
    """The agency's domain and the third-party sites its page names."""

    agency_domain: str
    named_sites: tuple[str, ...] = ()

    @classmethod
    def of(cls, agency_domain: str, named_sites: Iterable[str] = ()) -> Scope:
        return cls(normalize_host(agency_domain), tuple(normalize_host(s) for s in named_sites))

    def is_agency_host(self, host: str) -> bool:
        return host_in(host, self.agency_domain)

    def named_site_of(self, host: str) -> str | None:
        for site in self.named_sites:
            if host_in(host, site):
                return site
        return None

    def is_agency_partition(self, partition: str | None) -> bool:
        site = site_of_partition(partition)
        return site is not None and host_in(site, self.agency_domain)

    def wants(self, host: str, partition: str | None) -> bool:
        """Is this cookie in scope: the agency's, in its partition, or a named site's?"""
        return (
            self.is_agency_host(host)
            or self.is_agency_partition(partition)
            or self.named_site_of(host) is not None
        )

    def host_suffixes(self) -> tuple[str, ...]:
        """Every domain in scope, for a cheap pre-filter before the exact check."""
        return (self.agency_domain, *self.named_sites)
