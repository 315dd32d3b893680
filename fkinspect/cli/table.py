"""The human-readable table of `fkinspect list`."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from datetime import UTC, datetime

from fkinspect.i18n import N_, ntext, say, text
from fkinspect.model import ClassifiedCookie, StoreResult, StoreStatus
from fkinspect.serialize import display_path
from fkinspect.textsafe import printable
from fkinspect.wording import category_label, finding_text, status_label

_COLUMNS = (N_("Name"), N_("Category"), N_("Browser"), N_("Site"), N_("Expires"), N_("Notes"))
_WIDEST = 34  # a column wider than this is cut on a terminal


def _expires(item: ClassifiedCookie, language: str) -> str:
    expires = item.cookie.expires
    if expires is None:
        return text(language, "until the browser closes")
    return expires.astimezone().strftime("%Y-%m-%d")


def _fit(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + "…"


def terminal_width() -> int | None:
    """The terminal's columns; None when the output is a file or a pipe (cut nothing)."""
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size((120, 24)).columns


def print_stores(stores: Sequence[StoreResult], language: str) -> None:
    print(text(language, "Browsers and profiles:"))
    for store in stores:
        profile = store.location.profile
        state = status_label(store.status, language)
        if store.status is StoreStatus.OK:
            state += ", " + ntext(language, "{count} cookie", "{count} cookies",
                                  len(store.cookies))
        if store.running:
            state += ", " + text(language, "the browser is running")
        failed = store.status is not StoreStatus.OK
        why = say(store.words, language) or store.message
        detail = f" — {why}" if why and failed else ""
        print(printable(f"  {profile.label}: {display_path(store.location.path)} [{state}]"
                        f"{detail}"))
    if not stores:
        print("  " + text(language, "No browsers were found."))
    print()


def print_scan(stores: Sequence[StoreResult], cookies: Sequence[ClassifiedCookie],
               language: str) -> None:
    """The stores, then one row per cookie; on a terminal, cut to its width."""
    width = terminal_width()
    print_stores(stores, language)
    if not cookies:
        print(text(language, "No cookies from forsakringskassan.se."))
        return
    columns = tuple(text(language, c) for c in _COLUMNS)
    rows = []
    for item in cookies:
        cookie = item.cookie
        notes = " ".join(finding_text(f, language) for f in item.classification.findings)
        rows.append(tuple(printable(cell) for cell in (
            cookie.name, category_label(item.classification.category, language),
            cookie.store.profile.label, cookie.domain, _expires(item, language), notes)))
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns[:-1])]
    note_width = None
    if width is not None:
        widths = [min(w, _WIDEST) for w in widths]
        note_width = max(width - sum(widths) - 2 * len(widths), 20)
    for row in (columns, *rows):
        cells = [_fit(cell, w).ljust(w) for cell, w in zip(row, widths, strict=False)]
        print("  ".join([*cells, _fit(row[-1], note_width)]).rstrip())
    read = f"{datetime.now(UTC).astimezone():%Y-%m-%d %H:%M}"
    print("\n" + ntext(language, "{count} cookie, read {time}.", "{count} cookies, read {time}.",
                       len(cookies), time=read))
