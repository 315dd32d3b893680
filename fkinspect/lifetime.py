"""Documented cookie lifetimes as data: ISO 8601 durations, "session" or "unstated"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from fkinspect.errors import PolicyError
from fkinspect.i18n import N_, ntext, text

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
    if lifetime.is_session:
        return text(language, "until the browser closes")
    if not lifetime.is_stated:
        return text(language, "not stated")
    units = (
        (lifetime.years, N_("{count} year"), N_("{count} years")),
        (lifetime.months, N_("{count} month"), N_("{count} months")),
        (lifetime.days, N_("{count} day"), N_("{count} days")),
        (lifetime.seconds // 3600, N_("{count} hour"), N_("{count} hours")),
        (lifetime.seconds % 3600 // 60, N_("{count} minute"), N_("{count} minutes")),
    )
    words = [ntext(language, one, many, amount) for amount, one, many in units if amount]
    if len(words) < 2:
        return "".join(words)
    return text(language, "{first} and {last}", first=", ".join(words[:-1]), last=words[-1])
