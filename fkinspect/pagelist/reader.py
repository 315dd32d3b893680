"""Read the agency's cookie page as a browser saves it: its cookies, sections and date.

The input is the page saved with "Spara sida som…" (HTML in the encoding it declares,
or UTF-8, or windows-1252) or the page's text. The page is read line by line: a
section heading sets the category, each sentence in a section names one or more
cookies and perhaps how long they are kept. What the reader cannot place is kept in
`unplaced`, word for word, and never guessed at.

The Swedish words below are the page's own structure (its headings, verbs and units),
matched in what it says; they are never shown to anyone.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import pairwise

from fkinspect.errors import FkInspectError
from fkinspect.model import Category
from fkinspect.pagelist.html_text import html_lines, is_html, sniff_encoding

THIRD_PARTY_SECTION = "Kakor från andra webbplatser"
SECTIONS: dict[str, Category] = {
    "Nödvändiga kakor": Category.NECESSARY,
    "Personligt webbmöte": Category.WEBMEETING,
    "Kakor för webbanalys": Category.ANALYTICS,
    THIRD_PARTY_SECTION: Category.THIRD_PARTY,
}
UPDATED = "Senast uppdaterad"
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")
_UNITS = {"minut": "PT{}M", "minuter": "PT{}M", "timme": "PT{}H", "timmar": "PT{}H",
          "dag": "P{}D", "dagar": "P{}D", "månad": "P{}M", "månader": "P{}M", "år": "P{}Y"}

_SPACE = r"[ \u00a0]"
# The names, then a verb; the page may glue them ("_pk_id.*sparas").
_SENTENCE = re.compile(r"^(?P<names>.+?)\s*(?<=[\s*])"
                       r"(?:används|sparas|sätts|döljer|möjliggör)(?=[\s.,]|$)")
_NAME = re.compile(r"^[A-Za-z0-9_.*\-]+$")
_JOIN = re.compile(r",\s*|\s+och\s+")
_KEPT = re.compile(rf"(?:sparas|sätts){_SPACE}+i{_SPACE}+(?P<n>\d+){_SPACE}+(?P<unit>\w+)")
_KEPT_ANY = re.compile(rf"(?:sparas|sätts){_SPACE}+i{_SPACE}")
_TEMPORARY = re.compile(rf"(?:sparas|sätts){_SPACE}+tillfälligt")
_SITES = re.compile(r"\bpå\s+(?P<sites>[A-ZÅÄÖ][\w.]*(?:(?:,\s*|\s+(?:och|eller)\s+)"
                    r"[A-ZÅÄÖ][\w.]*)*)")
_DATE = re.compile(r"(?P<d>\d{1,2})\s+(?P<m>[a-zåäö]+)\s+(?P<y>\d{4})|"
                   r"(?P<iso>\d{4}-\d{2}-\d{2})")


class Unusable(StrEnum):
    """Why a file is not the agency's cookie page (the fronts say it in words)."""

    UNREADABLE = "unreadable"  # empty, or not text
    OTHER_SITE = "other_site"  # its title does not name the agency
    NO_LIST = "no_list"  # no section of the list is there
    NO_DATE = "no_date"  # no "Senast uppdaterad" date


class NotThePage(FkInspectError):
    def __init__(self, reason: Unusable, title: str = "") -> None:
        super().__init__(f"not the agency's cookie page: {reason}")
        self.reason = reason
        self.title = title  # what the file calls itself, when it has a title


@dataclass(frozen=True, slots=True)
class PageCookie:
    """One cookie name or pattern as the page writes it."""

    label: str
    category: Category
    lifetime: str  # "session", "unstated" or ISO 8601, as in the policy file
    lifetime_words: str  # the page's words: "sparas i 27 år", "sparas tillfälligt", ""
    sentence: str  # the page's sentence, verbatim

    @property
    def is_pattern(self) -> bool:
        return "*" in self.label


@dataclass(frozen=True, slots=True)
class PageList:
    title: str
    heading: str
    updated: date
    updated_text: str  # "Senast uppdaterad 12 februari 2025"
    cookies: tuple[PageCookie, ...]
    sites: tuple[str, ...]  # the other sites the page names, as it writes them
    sites_sentence: str
    unplaced: tuple[str, ...]  # sentences in the list that could not be read


def decode_page(data: bytes) -> tuple[str, bool]:
    """The page's text and whether it is HTML: BOM, then the declared charset (HTML),
    then UTF-8, then windows-1252 (what browsers take for "latin-1" and for no label)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            return text, is_html(text[:4096])
    html = is_html(data[:4096].decode("ascii", errors="replace"))
    declared = sniff_encoding(data) if html else None
    for codec in [declared or "utf-8", "utf-8"]:
        try:
            return data.decode(codec), html
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1252", errors="replace"), html


def read_page(data: bytes, agency_name: str) -> PageList:
    """The list on the page; NotThePage when the file is not the agency's cookie page."""
    text, html = decode_page(data)
    if not text.strip() or "\x00" in text:
        raise NotThePage(Unusable.UNREADABLE)
    if html:
        title, lines = html_lines(text)
    else:
        lines = [line.strip() for line in text.splitlines()]
        lines = [line for line in lines if line]
        title = lines[0] if lines else ""
    return read_lines(title, lines, agency_name)


def read_lines(title: str, lines: Sequence[str], agency_name: str) -> PageList:
    if agency_name.casefold() not in title.casefold():
        raise NotThePage(Unusable.OTHER_SITE, title)
    starts = [i for i, line in enumerate(lines) if line in SECTIONS]
    if not starts:
        raise NotThePage(Unusable.NO_LIST, title)
    end = next((i for i in range(starts[0], len(lines)) if lines[i].startswith(UPDATED)),
               len(lines))
    # The date closes the list; a page that prints it above the list is read too.
    dated = end if end < len(lines) else next(
        (i for i, line in enumerate(lines) if line.startswith(UPDATED)), end)
    updated, updated_text = _updated(lines[dated:dated + 3])
    if updated is None:
        raise NotThePage(Unusable.NO_DATE, title)
    reading = _Reading()
    bounds = [*[s for s in starts if s < end], end]
    for start, stop in pairwise(bounds):
        reading.section(SECTIONS[lines[start]], lines[start + 1:stop])
    heading = next((line for line in lines[:starts[0]] if line.startswith("Kakor på")), title)
    return PageList(title, heading, updated, updated_text, tuple(reading.cookies),
                    tuple(reading.sites), reading.sites_sentence, tuple(reading.unplaced))


class _Reading:
    def __init__(self) -> None:
        self.cookies: list[PageCookie] = []
        self.sites: list[str] = []
        self.sites_sentence = ""
        self.unplaced: list[str] = []
        self._seen: set[str] = set()

    def section(self, category: Category, lines: Sequence[str]) -> None:
        if category is Category.THIRD_PARTY:
            self._third_party(lines)
            return
        for index, line in enumerate(lines):
            cookies = _cookies(line, category)
            if cookies is None:
                if not (index == 0 or line.endswith(":")):  # a section's introduction
                    self.unplaced.append(line)
                continue
            if any(c.label in self._seen for c in cookies):  # named twice: which is right?
                self.unplaced.append(line)
                continue
            self._seen.update(c.label for c in cookies)
            self.cookies.extend(cookies)

    def _third_party(self, lines: Sequence[str]) -> None:
        for line in lines:
            match = _SITES.search(line)
            if match and not self.sites_sentence:
                self.sites_sentence = line
                self.sites.extend(_JOIN_SITES.split(match.group("sites")))
            else:
                self.unplaced.append(line)


_JOIN_SITES = re.compile(r",\s*|\s+(?:och|eller)\s+")


def _cookies(line: str, category: Category) -> list[PageCookie] | None:
    """The cookies one sentence names, or None when it is not (readably) about cookies."""
    match = _SENTENCE.match(line)
    if not match:
        return None
    names = _JOIN.split(match.group("names").strip())
    if not names or not all(_NAME.match(n) for n in names):
        return None
    lifetime = _lifetime(line)
    if lifetime is None:
        return None
    code, words = lifetime
    return [PageCookie(name, category, code, words, line) for name in names]


def _lifetime(line: str) -> tuple[str, str] | None:
    """(code, the page's words); None when the page says something we cannot read."""
    kept = list(_KEPT.finditer(line))
    temporary = list(_TEMPORARY.finditer(line))
    if len(kept) + len(temporary) > 1 or (not kept and _KEPT_ANY.search(line)):
        return None
    if temporary:
        return "session", temporary[0].group(0)
    if not kept:
        return "unstated", ""
    unit = _UNITS.get(kept[0].group("unit"))
    if unit is None:
        return None
    return unit.format(int(kept[0].group("n"))), kept[0].group(0)


def without_lifetime(sentence: str) -> str:
    """The sentence without its lifetime words: a changed lifetime is not a changed text."""
    return _TEMPORARY.sub("", _KEPT.sub("", sentence))


def _updated(lines: Iterable[str]) -> tuple[date | None, str]:
    words = " ".join(lines)
    if not words.startswith(UPDATED):
        return None, ""
    match = _DATE.search(words)
    if not match:
        return None, ""
    try:
        if match.group("iso"):
            day = date.fromisoformat(match.group("iso"))
        else:
            month = match.group("m").lower()
            if month not in MONTHS:
                return None, ""
            day = date(int(match.group("y")), MONTHS.index(month) + 1, int(match.group("d")))
    except ValueError:
        return None, ""
    return day, f"{UPDATED} {match.group(0)}"
