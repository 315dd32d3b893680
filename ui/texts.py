"""Translated words for values the core hands over as numbers (times, counts)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from fkinspect.model import Cookie
from fkinspect.presentation import RelativeTime, TimeUnit, relative_time

_CONTEXT = "Texts"


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, None, n)


def relative_text(rel: RelativeTime) -> str:
    n = rel.amount
    if rel.past:
        past = {
            TimeUnit.MINUTES: QCoreApplication.translate("Texts", "%n minute(s) ago", None, n),
            TimeUnit.HOURS: QCoreApplication.translate("Texts", "%n hour(s) ago", None, n),
            TimeUnit.DAYS: QCoreApplication.translate("Texts", "%n day(s) ago", None, n),
            TimeUnit.MONTHS: QCoreApplication.translate("Texts", "%n month(s) ago", None, n),
            TimeUnit.YEARS: QCoreApplication.translate("Texts", "%n year(s) ago", None, n),
        }
        return past[rel.unit]
    future = {
        TimeUnit.MINUTES: QCoreApplication.translate("Texts", "in %n minute(s)", None, n),
        TimeUnit.HOURS: QCoreApplication.translate("Texts", "in %n hour(s)", None, n),
        TimeUnit.DAYS: QCoreApplication.translate("Texts", "in %n day(s)", None, n),
        TimeUnit.MONTHS: QCoreApplication.translate("Texts", "in %n month(s)", None, n),
        TimeUnit.YEARS: QCoreApplication.translate("Texts", "in %n year(s)", None, n),
    }
    return future[rel.unit]


def date_text(moment: datetime) -> str:
    """A date in the UI's locale (QLocale default is set with the language)."""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp.date(), QLocale.FormatType.ShortFormat)


def datetime_text(moment: datetime) -> str:
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def expires_text(cookie: Cookie, now: datetime | None = None) -> str:
    """"när webbläsaren stängs", or "2026-05-02 (om 11 månader)"."""
    if cookie.expires is None:
        return QCoreApplication.translate("Texts", "when the browser closes")
    rel = relative_time(cookie.expires, now or datetime.now(UTC))
    return f"{date_text(cookie.expires)} ({relative_text(rel)})"
