"""Findings read as sentences with lifetimes in words, never the policy's ISO codes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fkinspect.classify import lifetime_findings
from fkinspect.lifetime import BROWSER_CAP, Lifetime
from fkinspect.model import Family, FindingCode, StoreStatus
from fkinspect.wording import finding_text, status_hint

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("documented", "stored", "sv", "en"),
    [
        ("P27Y", BROWSER_CAP, "Sidan anger 27 år; webbläsaren sparar ingen kaka längre än "
         "400 dagar.", "The page says 27 years; the browser keeps no cookie longer than 400 "
         "days."),
        ("P90D", timedelta(days=120), "Sparas längre än sidan anger (90 dagar): 120 dagar.",
         "Stored longer than the page says (90 days): 120 days."),
        ("PT30M", timedelta(hours=5), "Sparas längre än sidan anger (30 minuter): 5 timmar.",
         "Stored longer than the page says (30 minutes): 5 hours."),
        ("PT30M", timedelta(minutes=45),
         "Sparas längre än sidan anger (30 minuter): 45 minuter.",
         "Stored longer than the page says (30 minutes): 45 minutes."),
    ],
)
def test_lifetime_findings_in_words(documented: str, stored: timedelta, sv: str,
                                    en: str) -> None:
    (finding,) = lifetime_findings(Lifetime.parse(documented), NOW + stored, NOW, NOW)
    assert finding.code in (FindingCode.BROWSER_CAP, FindingCode.LONGER_THAN_DOCUMENTED)
    assert finding.detail["documented"] == documented  # machines keep the code
    assert finding_text(finding, "sv") == sv
    assert finding_text(finding, "en") == en


def test_safari_permission_hint_names_full_disk_access() -> None:
    assert "Fullständig skivåtkomst" in status_hint(StoreStatus.UNREADABLE, Family.SAFARI)
    assert "Full Disk Access" in status_hint(StoreStatus.UNREADABLE, Family.SAFARI, "en")
    assert "Full Disk" not in status_hint(StoreStatus.UNREADABLE, Family.CHROMIUM, "en")
    assert status_hint(StoreStatus.OK, Family.FIREFOX) == ""
