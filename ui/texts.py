"""Translated words for values the core hands over as numbers (times, counts)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale, QObject

from fkinspect.model import Cookie
from fkinspect.presentation import RelativeTime, TimeUnit, is_expired, relative_time


class Texts(QObject):
    """The words, as tr() calls of a QObject (context "Texts"): every pyside6-lupdate
    sees their plural forms there, while a bare QCoreApplication.translate(..., n)
    is read as plural only by 6.12's."""

    def relative(self, rel: RelativeTime) -> str:
        n = rel.amount
        if rel.past:
            past = {
                TimeUnit.MINUTES: self.tr("%n minute(s) ago", "", n),
                TimeUnit.HOURS: self.tr("%n hour(s) ago", "", n),
                TimeUnit.DAYS: self.tr("%n day(s) ago", "", n),
                TimeUnit.MONTHS: self.tr("%n month(s) ago", "", n),
                TimeUnit.YEARS: self.tr("%n year(s) ago", "", n),
            }
            return past[rel.unit]
        future = {
            TimeUnit.MINUTES: self.tr("in %n minute(s)", "", n),
            TimeUnit.HOURS: self.tr("in %n hour(s)", "", n),
            TimeUnit.DAYS: self.tr("in %n day(s)", "", n),
            TimeUnit.MONTHS: self.tr("in %n month(s)", "", n),
            TimeUnit.YEARS: self.tr("in %n year(s)", "", n),
        }
        return future[rel.unit]

    def browser_closes(self) -> str:
        return self.tr("when the browser closes")

    def expired_on(self, date: str, relative: str) -> str:
        return self.tr("expired {date} ({relative})").format(date=date, relative=relative)

    def expired_note(self) -> str:
        return self.tr("Expired: the browser no longer sends it and removes it by itself, "
                       "so it is not counted.")


_TEXTS = Texts()


def relative_text(rel: RelativeTime) -> str:
    return _TEXTS.relative(rel)


def date_text(moment: datetime) -> str:
    """A date in the UI's locale (QLocale default is set with the language)."""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp.date(), QLocale.FormatType.ShortFormat)


def datetime_text(moment: datetime) -> str:
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def expires_text(cookie: Cookie, now: datetime | None = None) -> str:
    """"när webbläsaren stängs", "2026-05-02 (om 11 månader)", or for one that has
    expired "gick ut 2026-05-02 (för 6 dagar sedan)"."""
    if cookie.expires is None:
        return _TEXTS.browser_closes()
    now = now or datetime.now(UTC)
    rel = relative_time(cookie.expires, now)
    if is_expired(cookie, now):
        return _TEXTS.expired_on(date_text(cookie.expires), relative_text(rel))
    return f"{date_text(cookie.expires)} ({relative_text(rel)})"


def expired_note() -> str:
    return _TEXTS.expired_note()
