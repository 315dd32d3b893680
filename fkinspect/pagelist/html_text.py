"""A saved HTML page as lines of text, as a browser would lay them out (stdlib html.parser)."""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

# Elements that start a new line of text (the rest flow inside a line).
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "label", "legend", "li", "main", "nav", "ol",
    "option", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
})
# Elements whose content is not text on the page.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "select"})
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|p|h[1-6]|div)\b",
                         re.IGNORECASE)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's white space: not the no-break space
# WHATWG: these labels mean windows-1252 in a browser.
_AS_1252 = {"latin1", "iso-8859-1", "iso8859-1", "l1", "us-ascii", "ascii", "iso_8859-1",
            "cp819", "ibm819", "x-cp1252"}


def is_html(head: str) -> bool:
    return _HTML_START.search(head) is not None


def sniff_encoding(data: bytes) -> str | None:
    """The encoding the page declares in a <meta> near its start, as Python names it."""
    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _AS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.title: list[str] = []
        self._line: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self._line.append(data)

    def _break(self) -> None:
        line = _WHITESPACE.sub(" ", "".join(self._line)).strip()
        if line:
            self.lines.append(line)
        self._line = []


def html_lines(text: str) -> tuple[str, list[str]]:
    """(the page's <title>, its visible text one block per line, stripped)."""
    parser = _Lines()
    parser.feed(text)
    parser.close()
    parser._break()
    title = _WHITESPACE.sub(" ", "".join(parser.title)).strip()
    if not title and parser.lines:
        title = parser.lines[0]
    return title, parser.lines
