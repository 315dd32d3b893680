"""The human-readable table of `fkinspect list`."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import UTC, datetime

from fkinspect.model import ClassifiedCookie, StoreResult, StoreStatus
from fkinspect.serialize import display_path
from fkinspect.textsafe import printable
from fkinspect.wording import category_label, finding_text, status_label


def _expires(item: ClassifiedCookie) -> str:
    expires = item.cookie.expires
    if expires is None:
        return "när webbläsaren stängs"
    return expires.astimezone().strftime("%Y-%m-%d")


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def print_scan(stores: Sequence[StoreResult], cookies: Sequence[ClassifiedCookie]) -> None:
    width = shutil.get_terminal_size((120, 24)).columns
    print("Webbläsare och profiler:")
    for store in stores:
        profile = store.location.profile
        state = status_label(store.status)
        if store.status is StoreStatus.OK:
            state += f", {len(store.cookies)} kakor"
        if store.running:
            state += ", webbläsaren är igång"
        failed = store.status is not StoreStatus.OK
        detail = f" — {store.message}" if store.message and failed else ""
        print(printable(f"  {profile.label}: {display_path(store.location.path)} [{state}]"
                        f"{detail}"))
    if not stores:
        print("  Inga webbläsare hittades.")
    print()
    if not cookies:
        print("Inga kakor från forsakringskassan.se.")
        return
    columns = ("Namn", "Kategori", "Webbläsare", "Webbplats", "Går ut", "Noteringar")
    rows = []
    for item in cookies:
        cookie = item.cookie
        notes = " ".join(finding_text(f) for f in item.classification.findings)
        rows.append(tuple(printable(cell) for cell in (
            cookie.name, category_label(item.classification.category),
            cookie.store.profile.label, cookie.domain, _expires(item), notes)))
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns[:-1])]
    widths = [min(w, 34) for w in widths]
    note_width = max(width - sum(widths) - 2 * len(widths), 20)
    for row in (columns, *rows):
        cells = [_fit(cell, w).ljust(w) for cell, w in zip(row, widths, strict=False)]
        print("  ".join([*cells, _fit(row[-1], note_width)]).rstrip())
    print(f"\n{len(cookies)} kakor, läst {datetime.now(UTC).astimezone():%Y-%m-%d %H:%M}.")
