"""Documented cookie lifetimes as data: ISO 8601 durations, "session" or "unstated"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from fkinspect.errors import PolicyError

SESSION = "session"
UNSTATED = "unstated"

# Chromium (since 104) and Firefox (network.cookie.maxageCap) store no persistent
# cookie for longer than this, whatever the site asked for.
BROWSER_CAP = timedelta(days=400)

_DURATION = re.compile(r"^P(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<D>\d+)D)?"
                       r"(?:T(?:(?P<H>\d+)H)?(?:(?P<MI>\d+)M)?(?:(?P<S>\d+)S)?)?$")


@dataclass(frozen=True, slots=True)
class Lifetime:
    """A documented lifetime: `code` is the policy's spelling ("P13M", "session" ...)."""

    code: str
    years: int = 0
    months: int = 0
    days: int = 0
    seconds: int = 0

    @classmethod
    def parse(cls, code: str) -> Lifetime:
        if code in (SESSION, UNSTATED):
            return cls(code)
        match = _DURATION.match(code)
        if not match or code in ("P", "PT"):
            raise PolicyError(f"lifetime {code!r} is not 'session', 'unstated' or ISO 8601")
        part = {k: int(v) for k, v in match.groupdict(default="0").items()}
        seconds = part["H"] * 3600 + part["MI"] * 60 + part["S"]
        return cls(code, part["Y"], part["M"], part["D"], seconds)

    @property
    def is_session(self) -> bool:
        return self.code == SESSION

    @property
    def is_stated(self) -> bool:
        return self.code != UNSTATED

    @property
    def is_duration(self) -> bool:
        return self.code not in (SESSION, UNSTATED)

    def end_from(self, start: datetime) -> datetime:
        """When a cookie set at `start` expires, counting months and years on the calendar."""
        month_index = start.month - 1 + self.months + 12 * self.years
        year, month = start.year + month_index // 12, month_index % 12 + 1
        day = min(start.day, _days_in_month(year, month))
        shifted = start.replace(year=year, month=month, day=day)
        return shifted + timedelta(days=self.days, seconds=self.seconds)

    def approx(self) -> timedelta:
        """The duration without a start date (a month as 30.44 days), for sorting and caps."""
        days = self.years * 365.25 + self.months * 30.44 + self.days
        return timedelta(days=days, seconds=self.seconds)


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (datetime(year, month + 1, 1) - datetime(year, month, 1)).days


def describe(lifetime: Lifetime, language: str = "sv") -> str:
    """Plain words: "30 minuter", "13 months", "tills webbläsaren stängs"."""
    sv = language == "sv"
    if lifetime.is_session:
        return "tills webbläsaren stängs" if sv else "until the browser closes"
    if not lifetime.is_stated:
        return "anges inte" if sv else "not stated"
    units = (
        (lifetime.years, ("år", "år"), ("year", "years")),
        (lifetime.months, ("månad", "månader"), ("month", "months")),
        (lifetime.days, ("dag", "dagar"), ("day", "days")),
        (lifetime.seconds // 3600, ("timme", "timmar"), ("hour", "hours")),
        (lifetime.seconds % 3600 // 60, ("minut", "minuter"), ("minute", "minutes")),
    )
    words = []
    for amount, sv_names, en_names in units:
        if amount:
            names = sv_names if sv else en_names
            words.append(f"{amount} {names[0] if amount == 1 else names[1]}")
    return (" och " if sv else " and ").join(words)
