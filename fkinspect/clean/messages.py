"""Sentences for people about a clean or a restore (Swedish, the CLI's language).

Technical detail (SQLite's words, paths) goes in a separate `detail` field.
"""

from __future__ import annotations

from fkinspect.model import Profile
from fkinspect.sqlite.errors import Failure


def close_browser(profile: Profile) -> str:
    return f"Stäng {profile.browser_name} (profil {profile.name}) och försök igen"


def session_damaged(profile: Profile) -> str:
    return (
        f"Sessionsfilen för {profile.browser_name} (profil {profile.name}) är skadad eller "
        "har ett format som fkinspect inte känner till. Inget togs bort."
    )


def session_gone(profile: Profile) -> str:
    return (
        f"{profile.browser_name} (profil {profile.name}) har avslutat sessionen sedan "
        "rensningen och sessionsfilen finns inte längre, så sessionskakorna hade ändå "
        "försvunnit. Inget lades tillbaka."
    )


def not_writable(profile: Profile) -> str:
    return f"{profile.browser_name} (profil {profile.name}): den här kakfilen kan bara läsas."


def outside_profile(profile: Profile, *, restoring: bool = False) -> str:
    nothing = "Inget återställdes" if restoring else "Inget togs bort"
    return (
        f"Kakfilen för {profile.browser_name} (profil {profile.name}) är en länk eller ligger "
        f"utanför webbläsarens profilmapp, så fkinspect ändrar den inte. {nothing}."
    )


def no_row_ids(profile: Profile) -> str:
    return f"{profile.browser_name} (profil {profile.name}): raderna kunde inte pekas ut exakt."


def store_changed(profile: Profile) -> str:
    return (
        f"Kakfilen för {profile.browser_name} (profil {profile.name}) har ändrats sedan den "
        "lästes. Inget togs bort; läs in igen och försök på nytt."
    )


def backup_failed(profile: Profile, failure: Failure = Failure.OTHER) -> str:
    """The backup (or its journal) could not be made; said by what went wrong."""
    if failure in (Failure.SCHEMA, Failure.CORRUPT, Failure.LOCKED):
        return cannot_write(profile, failure)  # the store's own problem, met while copying it
    why = {
        Failure.FULL: ": disken är full",
        Failure.UNREADABLE: ": mappen för säkerhetskopior går inte att skriva i",
        Failure.READ_ONLY: ": mappen för säkerhetskopior går inte att skriva i",
        Failure.IO: ": disken rapporterade ett läs- eller skrivfel",
    }.get(failure, " eller kontrolleras")
    return (
        f"Säkerhetskopian för {profile.browser_name} (profil {profile.name}) kunde inte "
        f"skrivas{why}. Inget togs bort."
    )


def store_not_read(profile: Profile, why: str = "") -> str:
    return (
        f"Kakfilen för {profile.browser_name} (profil {profile.name}) kunde inte läsas"
        f"{f' ({why})' if why else ''}; inget tas bort ur den."
    )


def journal_failed(profile: Profile) -> str:
    return (
        f"Det som skulle tas bort ur {profile.browser_name} (profil {profile.name}) gick inte "
        "att anteckna så att det kan ångras. Inget togs bort."
    )


def cannot_write(profile: Profile, failure: Failure, *, restoring: bool = False) -> str:
    """The store could not be changed, and so was not (a rolled-back transaction)."""
    nothing = "Inget återställdes" if restoring else "Inget togs bort"
    store = f"kakfilen för {profile.browser_name} (profil {profile.name})"
    first = f"K{store[1:]}"  # the same words starting a sentence
    sentence = {
        Failure.LOCKED: f"Ett annat program skriver i {store}. {nothing}; försök igen om en stund",
        Failure.UNREADABLE: f"{first} går inte att skriva i. {nothing}",
        Failure.READ_ONLY: f"{first} går inte att skriva i. {nothing}",
        Failure.CORRUPT: f"{first} är skadad. {nothing}",
        Failure.SCHEMA: f"{first} har ett format som fkinspect inte känner till. {nothing}",
        Failure.FULL: f"Disken är full, så {store} kunde inte ändras. {nothing}",
        Failure.IO: f"Disken rapporterade ett läs- eller skrivfel, så {store} kunde inte "
                    f"ändras. {nothing}",
    }.get(failure, f"{first} kunde inte skrivas eller kontrolleras. {nothing}")
    return f"{sentence}."


def store_busy(profile: Profile) -> str:
    return cannot_write(profile, Failure.LOCKED)


def store_read_only(profile: Profile) -> str:
    return cannot_write(profile, Failure.READ_ONLY)


def write_failed(profile: Profile) -> str:
    return cannot_write(profile, Failure.OTHER)


def verify_failed(profile: Profile, journal_id: str) -> str:
    return (
        f"Kakorna togs bort ur {profile.browser_name} (profil {profile.name}), men "
        f"kontrollen efteråt stämde inte. Återställ med: fkinspect restore {journal_id}"
    )


def newer_cookie(names: list[str]) -> str:
    shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
    return (
        f"Webbläsaren har fått nya kakor med samma namn sedan rensningen ({shown}); de skrivs "
        "inte över. Inget återställdes."
    )


def backup_missing() -> str:
    return "Säkerhetskopian saknas eller är skadad. Inget återställdes."


def backup_damaged() -> str:
    return "Säkerhetskopian är skadad, så inget återställdes; kakfilen är som den var."


def nothing_removed() -> str:
    return "Rensningen blev aldrig klar; inget hade tagits bort, så inget behöver återställas."


def session_damaged_restore(profile: Profile) -> str:
    return (
        f"Sessionsfilen för {profile.browser_name} (profil {profile.name}) är skadad eller "
        "har ett format som fkinspect inte känner till. Inget återställdes."
    )


def store_changed_restore(profile: Profile) -> str:
    return (
        f"Kakfilen för {profile.browser_name} (profil {profile.name}) ändrades medan den "
        "återställdes. Inget återställdes; försök igen."
    )
