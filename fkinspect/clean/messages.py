"""Sentences for people about a clean or a restore (Swedish, the CLI's language).

Technical detail (SQLite's words, paths) goes in a separate `detail` field.
"""

from __future__ import annotations

from fkinspect.model import Profile


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


def outside_profile(profile: Profile) -> str:
    return (
        f"Kakfilen för {profile.browser_name} (profil {profile.name}) är en länk eller ligger "
        "utanför webbläsarens profilmapp, så fkinspect ändrar den inte. Inget togs bort."
    )


def no_row_ids(profile: Profile) -> str:
    return f"{profile.browser_name} (profil {profile.name}): raderna kunde inte pekas ut exakt."


def store_changed(profile: Profile) -> str:
    return (
        f"Kakfilen för {profile.browser_name} (profil {profile.name}) har ändrats sedan den "
        "lästes. Inget togs bort; läs in igen och försök på nytt."
    )


def backup_failed(profile: Profile) -> str:
    return (
        f"Säkerhetskopian för {profile.browser_name} (profil {profile.name}) kunde inte "
        "skrivas (är disken full?). Inget togs bort."
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


def store_busy(profile: Profile) -> str:
    return (
        f"Ett annat program skriver i kakfilen för {profile.browser_name} (profil "
        f"{profile.name}). Inget togs bort; försök igen om en stund."
    )


def store_read_only(profile: Profile) -> str:
    return (
        f"Kakfilen för {profile.browser_name} (profil {profile.name}) går inte att skriva i. "
        "Inget togs bort."
    )


def write_failed(profile: Profile) -> str:
    return (
        f"Kakfilen för {profile.browser_name} (profil {profile.name}) kunde inte skrivas eller "
        "kontrolleras. Inget togs bort."
    )


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
