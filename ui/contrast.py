"""Colour contrast by WCAG 2.1, and a palette mended to meet AA where the system's falls short.

The window uses the system's palette (light or dark); a few of its pairs may be below AA
(Fusion's white on its light blue selection is 3.7:1, its half-transparent placeholder
4.0:1). Those colours are moved towards black or white until the pair reads at 4.5:1;
the rest stays the system's.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

TEXT = 4.5  # WCAG 2.1 AA, normal text
LARGE = 3.0  # AA for large text and for the parts of icons that carry meaning

_R = QPalette.ColorRole
# (text, background, which one may be moved): the pairs the window draws text with.
TEXT_PAIRS = (
    (_R.WindowText, _R.Window, _R.WindowText),
    (_R.Text, _R.Base, _R.Text),
    (_R.Text, _R.AlternateBase, _R.Text),
    (_R.ButtonText, _R.Button, _R.ButtonText),
    (_R.HighlightedText, _R.Highlight, _R.Highlight),  # the selection's colour, not its text
    (_R.PlaceholderText, _R.Base, _R.PlaceholderText),
    (_R.ToolTipText, _R.ToolTipBase, _R.ToolTipText),
)
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)  # disabled is exempt


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.1)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def over(colour: QColor, background: QColor) -> QColor:
    """A half-transparent colour as it shows on the background."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(*(alpha * a + (1 - alpha) * b for a, b in (
        (colour.redF(), background.redF()), (colour.greenF(), background.greenF()),
        (colour.blueF(), background.blueF()))))


def ratio(foreground: QColor, background: QColor) -> float:
    light, dark = sorted((luminance(over(foreground, background)), luminance(background)),
                         reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _towards(colour: QColor, target: QColor, share: float) -> QColor:
    return QColor.fromRgbF(*(a + (b - a) * share for a, b in (
        (colour.redF(), target.redF()), (colour.greenF(), target.greenF()),
        (colour.blueF(), target.blueF()))))


def readable(moving: QColor, fixed: QColor, moving_is_text: bool,
             needed: float = TEXT) -> QColor:
    """`moving`, opaque, stepped towards black or white (away from `fixed`) until the
    pair reaches `needed`."""
    target = QColor("black") if luminance(fixed) > 0.18 else QColor("white")
    start = over(moving, fixed) if moving_is_text else QColor(moving)
    for step in range(21):
        colour = _towards(start, target, step / 20)
        pair = (colour, fixed) if moving_is_text else (fixed, colour)
        if ratio(*pair) >= needed:
            return colour
    return target


def mended(palette: QPalette) -> QPalette:
    """The palette with every text pair at AA (4.5:1) in the active and inactive groups."""
    result = QPalette(palette)
    for group in GROUPS:
        for text, background, moving in TEXT_PAIRS:
            fore, back = result.color(group, text), result.color(group, background)
            if ratio(fore, back) >= TEXT:
                continue
            if moving == text:
                result.setColor(group, text, readable(fore, back, moving_is_text=True))
            else:
                result.setColor(group, background, readable(back, fore, moving_is_text=False))
    return result


def mend_application_palette() -> None:
    """Mend the application's palette now and whenever the system's scheme changes."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    _apply(app)
    app.styleHints().colorSchemeChanged.connect(_scheme_changed)


def _apply(app: QGuiApplication) -> None:
    palette = app.palette()
    better = mended(palette)
    if better != palette:
        app.setPalette(better)


def _scheme_changed(_scheme: object) -> None:
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        app.setPalette(QPalette())  # the system's own again, then mended
        _apply(app)
