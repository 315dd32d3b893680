"""WCAG 2.1 AA in light and dark: the colours the window draws text and icons with.

Text needs 4.5:1 against its background; icons 3:1 (their outline against the row they sit
on, selected or not). The light palette is Fusion's own (what Qt gives without a desktop
theme), the dark one a typical dark desktop's; both as the app mends them.
"""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from fkinspect.model import Category
from fkinspect.resources import resource_path
from ui import contrast
from ui.main_window import DEMO_COLOURS, PRESENTING_COLOURS

R = QPalette.ColorRole
DARK = {R.Window: "#2b2b2b", R.WindowText: "#e8e8e8", R.Base: "#1f1f1f",
        R.AlternateBase: "#2a2a2a", R.Text: "#e8e8e8", R.Button: "#353535",
        R.ButtonText: "#e8e8e8", R.Highlight: "#3d6fb0", R.HighlightedText: "#ffffff",
        R.ToolTipBase: "#353535", R.ToolTipText: "#e8e8e8", R.PlaceholderText: "#9a9a9a"}


def _light(app: QApplication) -> QPalette:
    return app.style().standardPalette()


def _dark() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> QPalette:
    return contrast.mended(_light(qapp) if request.param == "light" else _dark())


def test_ratio_matches_wcag() -> None:
    assert contrast.ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast.ratio(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)
    half = QColor(0, 0, 0, 128)  # Fusion's placeholder: half-transparent black
    assert contrast.ratio(half, QColor("white")) == pytest.approx(4.0, abs=0.05)


def test_fusion_falls_short_and_the_mended_palette_does_not(qapp: QApplication) -> None:
    raw = _light(qapp)
    assert contrast.ratio(raw.color(R.HighlightedText), raw.color(R.Highlight)) < 4.5
    assert contrast.ratio(raw.color(R.PlaceholderText), raw.color(R.Base)) < 4.5


def test_every_text_pair_meets_aa(palette: QPalette) -> None:
    for group in contrast.GROUPS:
        for text, background, _moving in contrast.TEXT_PAIRS:
            value = contrast.ratio(palette.color(group, text), palette.color(group, background))
            assert value >= 4.5, (group.name, text.name, background.name, round(value, 2))


def test_mending_keeps_what_already_reads(qapp: QApplication) -> None:
    dark = _dark()
    mended = contrast.mended(dark)
    for role in DARK:
        if role is not R.Highlight:  # white on #3d6fb0 is 4.9:1 already: nothing moves
            assert mended.color(role) == dark.color(role), role.name
    assert mended.color(R.Highlight) == dark.color(R.Highlight)


def test_banners_meet_aa() -> None:
    for background, text in (DEMO_COLOURS, PRESENTING_COLOURS):
        assert contrast.ratio(QColor(text), QColor(background)) >= 4.5


def test_the_app_mends_its_palette(qapp: QApplication) -> None:
    before = QPalette(qapp.palette())
    qapp.setPalette(_light(qapp))
    try:
        contrast.mend_application_palette()
        now = qapp.palette()
        assert contrast.ratio(now.color(R.HighlightedText), now.color(R.Highlight)) >= 4.5
        assert contrast.ratio(now.color(R.PlaceholderText), now.color(R.Base)) >= 4.5
    finally:
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(contrast._scheme_changed)
        qapp.setPalette(before)


def _colours(name: str) -> tuple[QColor, QColor, QColor, set[str]]:
    """An icon's halo, its outline (the main shape's stroke, or its fill), the shape's fill
    and the colours of the symbol drawn on it, read from its SVG."""
    tree = ElementTree.parse(resource_path("icons", f"{name}.svg"))
    shapes = [e for e in tree.getroot() if not e.tag.endswith("title")]
    halo, body, symbol = shapes[0], shapes[1], shapes[2:]
    assert halo.get("fill") == halo.get("stroke") == "#ffffff", name
    fill = body.get("fill", "")
    colours = {c for e in symbol for c in (e.get("fill"), e.get("stroke")) if c and c != "none"}
    return QColor("#ffffff"), QColor(body.get("stroke") or fill), QColor(fill), colours


ICONS = [*(str(c) for c in Category), "refresh", "ok", "error", "running"]


@pytest.mark.parametrize("name", ICONS)
def test_icons_stand_out_on_every_row(name: str, palette: QPalette) -> None:
    halo, outline, fill, symbol = _colours(name)
    # The shape is bounded by its light halo and its dark outline: one of them stands out
    # from any row it sits on, selected or not, and the outline from its own halo.
    assert contrast.ratio(outline, halo) >= contrast.LARGE, name
    for role in (R.Base, R.AlternateBase, R.Highlight, R.Window, R.Button):
        background = palette.color(role)
        best = max(contrast.ratio(halo, background), contrast.ratio(outline, background))
        assert best >= contrast.LARGE, (name, role.name, round(best, 2))
    # The symbol on the shape (the globe's lines, the chart's bars) against the shape.
    assert symbol, name
    for colour in symbol:
        assert contrast.ratio(QColor(colour), fill) >= contrast.LARGE, (name, colour)
