"""Sentences for people about a clean or a restore, as Words a front says in its language.

The English msgids are here; the Swedish is in the core's catalog. Technical
detail (SQLite's words, paths) goes in a separate `detail` field.
"""

from __future__ import annotations

from fkinspect.i18n import N_, Words
from fkinspect.model import Profile
from fkinspect.sqlite.errors import Failure


def _of(msgid: str, profile: Profile, **values: object) -> Words:
    return Words.of(msgid, browser=profile.browser_name, profile=profile.name, **values)


def close_browser(profile: Profile) -> Words:
    return _of("Close {browser} (profile {profile}) and try again", profile)


def session_damaged(profile: Profile) -> Words:
    return _of("The session file of {browser} (profile {profile}) is damaged or has a format "
               "fkinspect does not know. Nothing was removed.", profile)


def session_gone(profile: Profile) -> Words:
    return _of("{browser} (profile {profile}) has ended the session since the removal and the "
               "session file is gone, so the session cookies would have gone anyway. Nothing "
               "was restored.", profile)


def not_writable(profile: Profile) -> Words:
    return _of("{browser} (profile {profile}): this cookie file can only be read.", profile)


def outside_profile(profile: Profile, *, restoring: bool = False) -> Words:
    if restoring:
        return _of("The cookie file of {browser} (profile {profile}) is a link or lies outside "
                   "the browser's profile folder, so fkinspect does not change it. Nothing was "
                   "restored.", profile)
    return _of("The cookie file of {browser} (profile {profile}) is a link or lies outside the "
               "browser's profile folder, so fkinspect does not change it. Nothing was "
               "removed.", profile)


def no_row_ids(profile: Profile) -> Words:
    return _of("{browser} (profile {profile}): the rows could not be pointed out exactly.",
               profile)


def store_changed(profile: Profile) -> Words:
    return _of("The cookie file of {browser} (profile {profile}) has changed since it was read. "
               "Nothing was removed; read again and try once more.", profile)


_BACKUP_WHY = {
    Failure.FULL: N_("The backup of {browser} (profile {profile}) could not be written: the disk "
                  "is full. Nothing was removed."),
    Failure.UNREADABLE: N_("The backup of {browser} (profile {profile}) could not be written: the "
                        "backup folder cannot be written to. Nothing was removed."),
    Failure.READ_ONLY: N_("The backup of {browser} (profile {profile}) could not be written: the "
                       "backup folder cannot be written to. Nothing was removed."),
    Failure.IO: N_("The backup of {browser} (profile {profile}) could not be written: the disk "
                "reported a read or write error. Nothing was removed."),
}
_BACKUP_OTHER = N_("The backup of {browser} (profile {profile}) could not be written or "
                  "checked. Nothing was removed.")


def backup_failed(profile: Profile, failure: Failure = Failure.OTHER) -> Words:
    """The backup (or its journal) could not be made; said by what went wrong."""
    if failure in (Failure.SCHEMA, Failure.CORRUPT, Failure.LOCKED):
        return cannot_write(profile, failure)  # the store's own problem, met while copying it
    return _of(_BACKUP_WHY.get(failure, _BACKUP_OTHER), profile)


def store_not_read(profile: Profile, why: str = "") -> Words:
    if why:
        return _of("The cookie file of {browser} (profile {profile}) could not be read ({why}); "
                   "nothing is removed from it.", profile, why=why)
    return _of("The cookie file of {browser} (profile {profile}) could not be read; nothing is "
               "removed from it.", profile)


def journal_failed(profile: Profile) -> Words:
    return _of("What was to be removed from {browser} (profile {profile}) could not be noted "
               "down so that it can be undone. Nothing was removed.", profile)


# The store could not be changed, and so was not (a rolled-back transaction): what
# went wrong, when removing and when restoring.
_CANNOT_WRITE = {
    Failure.LOCKED: (
        N_("Another program is writing to the cookie file of {browser} (profile {profile}). "
        "Nothing was removed; try again in a while."),
        N_("Another program is writing to the cookie file of {browser} (profile {profile}). "
        "Nothing was restored; try again in a while."),
    ),
    Failure.UNREADABLE: (
        N_("The cookie file of {browser} (profile {profile}) cannot be written to. Nothing was "
        "removed."),
        N_("The cookie file of {browser} (profile {profile}) cannot be written to. Nothing was "
        "restored."),
    ),
    Failure.CORRUPT: (
        N_("The cookie file of {browser} (profile {profile}) is damaged. Nothing was removed."),
        N_("The cookie file of {browser} (profile {profile}) is damaged. Nothing was restored."),
    ),
    Failure.SCHEMA: (
        N_("The cookie file of {browser} (profile {profile}) has a format fkinspect does not "
        "know. Nothing was removed."),
        N_("The cookie file of {browser} (profile {profile}) has a format fkinspect does not "
        "know. Nothing was restored."),
    ),
    Failure.FULL: (
        N_("The disk is full, so the cookie file of {browser} (profile {profile}) could not be "
        "changed. Nothing was removed."),
        N_("The disk is full, so the cookie file of {browser} (profile {profile}) could not be "
        "changed. Nothing was restored."),
    ),
    Failure.IO: (
        N_("The disk reported a read or write error, so the cookie file of {browser} (profile "
        "{profile}) could not be changed. Nothing was removed."),
        N_("The disk reported a read or write error, so the cookie file of {browser} (profile "
        "{profile}) could not be changed. Nothing was restored."),
    ),
}
_CANNOT_WRITE[Failure.READ_ONLY] = _CANNOT_WRITE[Failure.UNREADABLE]
_CANNOT_WRITE_OTHER = (
    N_("The cookie file of {browser} (profile {profile}) could not be written or checked. "
    "Nothing was removed."),
    N_("The cookie file of {browser} (profile {profile}) could not be written or checked. "
    "Nothing was restored."),
)


def cannot_write(profile: Profile, failure: Failure, *, restoring: bool = False) -> Words:
    """The store could not be changed, and so was not (a rolled-back transaction)."""
    removing, restoring_words = _CANNOT_WRITE.get(failure, _CANNOT_WRITE_OTHER)
    return _of(restoring_words if restoring else removing, profile)


def store_busy(profile: Profile) -> Words:
    return cannot_write(profile, Failure.LOCKED)


def store_read_only(profile: Profile) -> Words:
    return cannot_write(profile, Failure.READ_ONLY)


def write_failed(profile: Profile) -> Words:
    return cannot_write(profile, Failure.OTHER)


def verify_failed(profile: Profile, journal_id: str) -> Words:
    return _of("The cookies were removed from {browser} (profile {profile}), but the check "
               "afterwards did not match. Undo with: fkinspect restore {journal}", profile,
               journal=journal_id)


def newer_cookie(names: list[str]) -> Words:
    shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
    return Words.of("The browser has received new cookies with the same names since the "
                    "removal ({names}); they are not overwritten. Nothing was restored.",
                    names=shown)


def already_restored() -> Words:
    return Words.of("Already restored.")


def backup_missing() -> Words:
    return Words.of("The backup is missing or damaged. Nothing was restored.")


def backup_damaged() -> Words:
    return Words.of("The backup is damaged, so nothing was restored; the cookie file is as it "
                    "was.")


def nothing_removed() -> Words:
    return Words.of("The removal never finished; nothing had been removed, so nothing needs to "
                    "be restored.")


def session_damaged_restore(profile: Profile) -> Words:
    return _of("The session file of {browser} (profile {profile}) is damaged or has a format "
               "fkinspect does not know. Nothing was restored.", profile)


def store_changed_restore(profile: Profile) -> Words:
    return _of("The cookie file of {browser} (profile {profile}) changed while it was being "
               "restored. Nothing was restored; try again.", profile)
