"""A saved page opened and adopted as the CLI and the app do it."""

from __future__ import annotations

from pathlib import Path

import pytest

from fkinspect.pagelist import saved
from fkinspect.pagelist.reader import NotThePage, Unusable
from fkinspect.pagelist.saved import adopt, open_saved_page
from fkinspect.pagelist.stored import policy_in_use
from tests.unit.pagelist.pages import VARIANTS, as_html, seed_text


def test_open_compare_adopt_then_the_same_page_is_the_same(tmp_path: Path) -> None:
    path = tmp_path / "Kakor (Cookies) - Försäkringskassan.html"
    path.write_bytes(as_html(VARIANTS["date"](seed_text()), "utf-8"))
    config = tmp_path / "config"
    first = open_saved_page(path, config)
    assert first.adoptable and not first.in_use.imported
    assert first.comparison.record()["page_date"] == "2026-03-03"
    adopted = adopt(first, config)
    assert adopted.source.text_file == path.name
    assert policy_in_use(config).policy == adopted
    again = open_saved_page(path, config)
    assert again.comparison.same and not again.adoptable


def test_a_file_larger_than_any_saved_page_is_not_read(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(as_html(seed_text(), "utf-8"))
    monkeypatch.setattr(saved, "MAX_PAGE", 1000)
    with pytest.raises(NotThePage) as caught:
        open_saved_page(path, tmp_path / "config")
    assert caught.value.reason is Unusable.UNREADABLE
