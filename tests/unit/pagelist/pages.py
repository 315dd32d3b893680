"""Saved pages made from the seed page: its text, HTML renderings and edited variants."""

from __future__ import annotations

from html import escape

from fkinspect.pagelist.reader import SECTIONS
from fkinspect.resources import resource_path

NBSP = "\u00a0"


def seed_text() -> str:
    return resource_path("source", "kakor-2025-02-12.txt").read_text(encoding="utf-8")


def as_html(text: str, encoding: str, *, declare: str = "meta") -> bytes:
    """The page text as a browser-saved HTML page: a <title>, headings, paragraphs, and
    the things a saved page also holds (scripts, styles, a menu) that are not its text."""
    lines = text.splitlines()
    body = []
    for line in lines[1:]:
        words = line.strip()
        if not words:
            continue
        tag = "h2" if words in SECTIONS else "h1" if words == "Kakor (Cookies)" else "p"
        body.append(f"<{tag}>\n    {escape(line, quote=False)}\n</{tag}>")
    charset = (f'<meta charset="{encoding}">' if declare == "meta" else
               f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">')
    page = "\n".join([
        "<!DOCTYPE html>", '<html lang="sv">', "<head>", charset,
        f"<title>{escape(lines[0])}</title>",
        "<style>p { color: black } /* Nödvändiga kakor */</style>",
        "<script>var t = 'Kakor för webbanalys'; var x = 1 < 2;</script>",
        "</head>", "<body>",
        '<nav><ul><li><a href="/">Start</a></li><li>Om webbplatsen</li></ul></nav>',
        "<main>", *body, "</main>",
        "<footer><p>Försäkringskassan</p></footer>",
        "</body>", "</html>",
    ])
    return page.encode(encoding)


def replace_line(text: str, old: str, new: str | None) -> str:
    """The text with the line `old` replaced by `new` (None: removed)."""
    lines = text.split("\n")
    index = lines.index(old)
    if new is None:
        del lines[index]
    else:
        lines[index] = new
    return "\n".join(lines)


def insert_after(text: str, after: str, new: str) -> str:
    lines = text.split("\n")
    lines.insert(lines.index(after) + 1, new)
    return "\n".join(lines)


NEW_COOKIE = "fk_ny_kaka används för att prova nya sidor. Den sparas tillfälligt."
FINGERPRINT = ("fingerprint används i assistansräkning vid ansökan och signering. "
               "Den sparas tillfälligt.")
DIGEST = "DigestTracker används för cachehantering och sparas tillfälligt."
LKVT = f"vngage.lkvt används för att tjänsten ska fungera och sparas i 90{NBSP}dagar."
OPTIN = f"statistics_optin sparas i 27{NBSP}år."
DATE = "12 februari 2025"

VARIANTS = {
    "added": lambda t: insert_after(t, FINGERPRINT, NEW_COOKIE),
    "removed": lambda t: replace_line(t, DIGEST, None),
    "lifetime": lambda t: replace_line(t, LKVT, LKVT.replace("90", "30")),
    "moved": lambda t: insert_after(replace_line(t, OPTIN, None), FINGERPRINT, OPTIN),
    "date": lambda t: t.replace(DATE, "3 mars 2026"),
}
