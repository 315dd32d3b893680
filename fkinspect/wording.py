"""Plain words for categories, findings and store statuses, in Swedish and English.

The CLI, the report and the app all say the same thing the same way, so the
sentences live here, beside the data they describe.
"""

from __future__ import annotations

from fkinspect.errors import PolicyError
from fkinspect.lifetime import Lifetime, describe
from fkinspect.model import Category, Family, Finding, FindingCode, StoreStatus

LANGUAGES = ("sv", "en")  # every sentence here exists in these languages

CATEGORY = {
    Category.NECESSARY: ("Nödvändig", "Necessary"),
    Category.WEBMEETING: ("Personligt webbmöte", "Personal web meeting"),
    Category.ANALYTICS: ("Webbanalys", "Web analytics"),
    Category.THIRD_PARTY: ("Annan webbplats", "Third party"),
    Category.UNDOCUMENTED: ("Inte dokumenterad", "Undocumented"),
}

_FINDING = {
    FindingCode.UNDOCUMENTED: (
        "Står inte i Försäkringskassans lista över kakor.",
        "Not in Försäkringskassan's list of cookies.",
    ),
    FindingCode.LIKELY_TOOL: (
        "Troligen en kaka från {tool} ({pattern}).",
        "Most likely a {tool} cookie ({pattern}).",
    ),
    FindingCode.LONGER_THAN_DOCUMENTED: (
        "Sparas längre än sidan anger ({documented}): {stored}.",
        "Stored longer than the page says ({documented}): {stored}.",
    ),
    FindingCode.PERSISTENT_BUT_SESSION: (
        "Sidan säger att den sparas tillfälligt, men den ligger kvar efter att "
        "webbläsaren stängs.",
        "The page says it is temporary, but it stays after the browser closes.",
    ),
    FindingCode.BROWSER_CAP: (
        "Sidan anger {documented}; webbläsaren sparar ingen kaka längre än 400 dagar.",
        "The page says {documented}; the browser keeps no cookie longer than 400 days.",
    ),
    FindingCode.CASE_DIFFERS: (
        "Sidan skriver namnet {documented}.",
        "The page spells the name {documented}.",
    ),
    FindingCode.KNOWN_TYPO: (
        "Sidan skriver {documented}, men menar {meant}.",
        "The page writes {documented} but means {meant}.",
    ),
    FindingCode.PARTITIONED_THIRD_PARTY: (
        "Kaka från {owner}, sparad när du besökte {site}.",
        "A {owner} cookie, stored while you visited {site}.",
    ),
    FindingCode.NAMED_THIRD_PARTY: (
        "Kaka från {site}, en webbplats som Försäkringskassans sida nämner.",
        "A cookie of {site}, a site Försäkringskassan's page names.",
    ),
    FindingCode.PARTITIONED_ELSEWHERE: (
        "Sparad när du besökte {site}.",
        "Stored while you visited {site}.",
    ),
}

_STATUS = {
    StoreStatus.OK: ("Läst", "Read"),
    StoreStatus.MISSING: ("Filen finns inte längre", "The file is gone"),
    StoreStatus.UNREADABLE: ("Får inte läsas", "Not allowed to read"),
    StoreStatus.LOCKED: ("Låst av ett annat program", "Locked by another program"),
    StoreStatus.CORRUPT: ("Filen är skadad", "The file is damaged"),
    StoreStatus.UNSUPPORTED: ("Okänt format", "Unknown format"),
    StoreStatus.ERROR: ("Kunde inte läsas", "Could not be read"),
}


# What a person can do about a store that failed (the technical detail stays in the
# store's message, for support staff).
_STATUS_HINT = {
    StoreStatus.MISSING: ("Uppdatera för att läsa igen.", "Refresh to read again."),
    StoreStatus.UNREADABLE: ("Ditt konto får inte läsa filen.",
                             "Your account may not read the file."),
    StoreStatus.LOCKED: ("Stäng webbläsaren och uppdatera.", "Close the browser and refresh."),
    StoreStatus.CORRUPT: ("Den går inte att läsa som en kakfil.",
                          "It cannot be read as a cookie file."),
    StoreStatus.UNSUPPORTED: ("Den här versionen av fkinspect känner inte igen formatet.",
                              "This version of fkinspect does not know the format."),
    StoreStatus.ERROR: ("Uppdatera för att försöka igen.", "Refresh to try again."),
}
_SAFARI_ACCESS = (
    "Ge fkinspect Fullständig skivåtkomst i Systeminställningar > Integritet och säkerhet, "
    "och starta om fkinspect.",
    "Give fkinspect Full Disk Access in System Settings > Privacy & Security, then "
    "restart fkinspect.",
)


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "sv" else pair[1]


def category_label(category: Category, language: str = "sv") -> str:
    return _pick(CATEGORY[category], language)


def finding_text(finding: Finding, language: str = "sv") -> str:
    template = _pick(_FINDING[finding.code], language)
    values = dict(finding.detail)
    if finding.code in _LIFETIME_DETAIL:
        # The detail keeps the policy's codes ("P27Y") for machines; people read "27 år".
        for key in ("documented", "stored"):
            if key in values:
                values[key] = _lifetime_words(str(values[key]), language)
    try:
        return template.format_map(values)
    except KeyError:  # a finding made without its details still reads as a sentence
        return template.split(":")[0].split("{")[0].strip()


_LIFETIME_DETAIL = (FindingCode.BROWSER_CAP, FindingCode.LONGER_THAN_DOCUMENTED)


def _lifetime_words(code: str, language: str) -> str:
    try:
        return describe(Lifetime.parse(code), language)
    except (ValueError, PolicyError):
        return code


def status_label(status: StoreStatus, language: str = "sv") -> str:
    return _pick(_STATUS[status], language)


def status_hint(status: StoreStatus, family: Family, language: str = "sv") -> str:
    """One sentence on what to do about a store that could not be read ("" when read)."""
    if status is StoreStatus.UNREADABLE and family is Family.SAFARI:
        return _pick(_SAFARI_ACCESS, language)
    hint = _STATUS_HINT.get(status)
    return _pick(hint, language) if hint else ""
