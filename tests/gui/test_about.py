"""The About box: the version, and the licences (MIT and the third-party notices) in it."""

from __future__ import annotations

from pathlib import Path

import fkinspect
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_about_box_names_the_version_and_shows_the_licences(window: MainWindow) -> None:
    window.show_about()
    box = window.about_box
    assert box.text() == f"fkinspect {fkinspect.__version__}"
    notices = ROOT / "THIRD-PARTY-NOTICES"
    assert "fri programvara under MIT-licensen" in box.informativeText()
    assert str(notices) in box.informativeText()
    details = box.detailedText()
    assert details.startswith((ROOT / "LICENSE").read_text(encoding="utf-8"))
    assert details.endswith(notices.read_text(encoding="utf-8"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in details
    box.close()
