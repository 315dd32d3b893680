"""Plain words for categories, findings and store statuses, in the user's language.

The core hands over codes (a Category, a FindingCode with its details, a
StoreStatus); this module says which English sentence each code is, and
fkinspect.i18n's catalog says it in Swedish. The CLI, the report and the app all
ask here, so they say the same thing the same way (docs/glossary.md).
"""

from __future__ import annotations

from fkinspect.errors import PolicyError
from fkinspect.i18n import LANGUAGES, N_, text
from fkinspect.lifetime import Lifetime, describe
from fkinspect.model import Category, Family, Finding, FindingCode, StoreStatus

__all__ = ["AGENCY", "LANGUAGES", "category_label", "finding_text", "status_hint", "status_label"]

# The agency is named, not translated: the sentences take it as {agency}.
AGENCY = "Försäkringskassan"

_CATEGORY = {
    Category.NECESSARY: N_("Necessary"),
    Category.WEBMEETING: N_("Personal web meeting"),
    Category.ANALYTICS: N_("Web analytics"),
    Category.THIRD_PARTY: N_("Third party"),
    Category.UNDOCUMENTED: N_("Undocumented"),
}

_FINDING = {
    FindingCode.UNDOCUMENTED: N_("Not in {agency}'s list of cookies."),
    FindingCode.LIKELY_TOOL: N_("Most likely a {tool} cookie ({pattern})."),
    FindingCode.LONGER_THAN_DOCUMENTED: N_("Stored longer than the page says ({documented}): "
                                        "{stored}."),
    FindingCode.PERSISTENT_BUT_SESSION: N_("The page says it is temporary, but it stays after "
                                        "the browser closes."),
    FindingCode.BROWSER_CAP: N_("The page says {documented}; the browser keeps no cookie longer "
                             "than 400 days."),
    FindingCode.CASE_DIFFERS: N_("The page spells the name {documented}."),
    FindingCode.KNOWN_TYPO: N_("The page writes {documented} but means {meant}."),
    FindingCode.PARTITIONED_THIRD_PARTY: N_("A {owner} cookie, stored while you visited {site}."),
    FindingCode.NAMED_THIRD_PARTY: N_("A cookie of {site}, a site {agency}'s page names."),
    FindingCode.PARTITIONED_ELSEWHERE: N_("Stored while you visited {site}."),
}

# What a finding says when it was made without its details (a sentence still).
_FINDING_SHORT = {
    FindingCode.LIKELY_TOOL: N_("Most likely a known tool's cookie."),
    FindingCode.LONGER_THAN_DOCUMENTED: N_("Stored longer than the page says."),
    FindingCode.BROWSER_CAP: N_("The browser keeps no cookie longer than 400 days."),
    FindingCode.CASE_DIFFERS: N_("The page spells the name differently."),
    FindingCode.KNOWN_TYPO: N_("The page misspells the name."),
    FindingCode.PARTITIONED_THIRD_PARTY: N_("A cookie of another site."),
    FindingCode.NAMED_THIRD_PARTY: N_("A cookie of a site {agency}'s page names."),
    FindingCode.PARTITIONED_ELSEWHERE: N_("Stored while you visited another site."),
}

_STATUS = {
    StoreStatus.OK: N_("Read"),
    StoreStatus.MISSING: N_("The file is gone"),
    StoreStatus.UNREADABLE: N_("Not allowed to read"),
    StoreStatus.LOCKED: N_("Locked by another program"),
    StoreStatus.CORRUPT: N_("The file is damaged"),
    StoreStatus.UNSUPPORTED: N_("Unknown format"),
    StoreStatus.ERROR: N_("Could not be read"),
}

# What a person can do about a store that failed (the technical detail stays in the
# store's message, for support staff).
_STATUS_HINT = {
    StoreStatus.MISSING: N_("Refresh to read again."),
    StoreStatus.UNREADABLE: N_("Your account may not read the file."),
    StoreStatus.LOCKED: N_("Close the browser and refresh."),
    StoreStatus.CORRUPT: N_("It cannot be read as a cookie file."),
    StoreStatus.UNSUPPORTED: N_("This version of fkinspect does not know the format."),
    StoreStatus.ERROR: N_("Refresh to try again."),
}
_SAFARI_ACCESS = N_("Give fkinspect Full Disk Access in System Settings > Privacy & Security, "
                  "then restart fkinspect.")

_LIFETIME_DETAIL = (FindingCode.BROWSER_CAP, FindingCode.LONGER_THAN_DOCUMENTED)


def category_label(category: Category, language: str = "sv") -> str:
    return text(language, _CATEGORY[category])


def finding_text(finding: Finding, language: str = "sv") -> str:
    values = {"agency": AGENCY, **finding.detail}
    if finding.code in _LIFETIME_DETAIL:
        # The detail keeps the policy's codes ("P27Y") for machines; people read "27 år".
        for key in ("documented", "stored"):
            if key in values:
                values[key] = _lifetime_words(str(values[key]), language)
    try:
        return text(language, _FINDING[finding.code], **values)
    except KeyError:  # a finding made without its details still reads as a sentence
        return text(language, _FINDING_SHORT[finding.code], agency=AGENCY)


def _lifetime_words(code: str, language: str) -> str:
    try:
        return describe(Lifetime.parse(code), language)
    except (ValueError, PolicyError):
        return code


def status_label(status: StoreStatus, language: str = "sv") -> str:
    return text(language, _STATUS[status])


def status_hint(status: StoreStatus, family: Family, language: str = "sv") -> str:
    """One sentence on what to do about a store that could not be read ("" when read)."""
    if status is StoreStatus.UNREADABLE and family is Family.SAFARI:
        return text(language, _SAFARI_ACCESS)
    hint = _STATUS_HINT.get(status)
    return text(language, hint) if hint else ""
