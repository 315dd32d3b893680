"""Help → Compare with a saved page…: the comparison in words, adopt or cancel, and the
quiet line on the list's age. The config folder is each test's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from fkinspect.model import Category
from fkinspect.pagelist.stored import policy_file, policy_in_use
from fkinspect.policy import load_policy
from tests.unit.pagelist.pages import VARIANTS, as_html, seed_text
from ui.main_window import MainWindow
from ui.page_compare import ListAgeNote, PageCompareDialog


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("FKINSPECT_CONFIG_DIR", str(folder))
    return folder


def _page(tmp_path: Path, variant: str | None, text: str | None = None) -> Path:
    path = tmp_path / "kakor.html"
    text = text or (seed_text() if variant is None else VARIANTS[variant](seed_text()))
    path.write_bytes(as_html(text, "windows-1252"))
    return path


def test_the_comparison_in_words_then_use_this_list(qtbot, window: MainWindow,
                                                    tmp_path: Path, config: Path) -> None:
    dialog = PageCompareDialog(window, _page(tmp_path, "moved"), "sv")
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert len(text.splitlines()) == 3 and "\\n" not in text  # one line each, no escapes
    assert "statistics_optin har flyttats: Webbanalys → Nödvändig." in text
    assert "statistics_optin är inte längre en kaka för webbanalys" in text
    assert dialog.use_button.text() == "Använd den här listan"
    assert dialog.cancel_button.text() == "Avbryt"
    assert dialog.use_button.isEnabled() and dialog.cancel_button.isDefault()
    with qtbot.waitSignal(dialog.adopted, timeout=2000):
        dialog.use_button.click()
    assert policy_file(config).is_file()
    adopted = policy_in_use().policy
    assert adopted.source.imported
    assert adopted.entry("statistics_optin").category is Category.NECESSARY  # type: ignore[union-attr]


def test_cancel_keeps_the_list_in_use(qtbot, window: MainWindow, tmp_path: Path,
                                      config: Path) -> None:
    dialog = PageCompareDialog(window, _page(tmp_path, "added"), "en")
    qtbot.addWidget(dialog)
    dialog.open()
    assert "New on the page: fk_ny_kaka (Necessary)." in dialog.text.text()
    dialog.cancel_button.click()
    assert not policy_file(config).exists()
    assert not policy_in_use().imported


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (seed_text().replace("Försäkringskassan", "Skatteverket"),
         "Filen är inte Försäkringskassans sida om kakor"),
        (None, "Sidan och listan som används säger samma sak."),
    ],
)
def test_nothing_to_use_leaves_only_cancel(qtbot, window: MainWindow, tmp_path: Path,
                                           config: Path, text: str | None, said: str) -> None:
    dialog = PageCompareDialog(window, _page(tmp_path, None, text), "sv")
    qtbot.addWidget(dialog)
    assert said in dialog.text.text()
    assert not dialog.use_button.isEnabled()


def test_help_menu_opens_the_comparison_and_an_adopted_list_is_read_at_once(
        qtbot, demo_window: MainWindow, tmp_path: Path, config: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    win = demo_window
    assert win.compare_action in win.help_menu.actions()
    assert win.compare_action.text() == "&Jämför med en sparad sida…"
    page = _page(tmp_path, "moved")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(page), "")))
    win.compare_action.trigger()
    dialog = win.page_dialog
    assert isinstance(dialog, PageCompareDialog) and dialog.isVisible()
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        dialog.use_button.click()
    scan = win.state.scan
    assert scan is not None and scan.policy.source.imported
    optin = [c for c in scan.cookies if c.cookie.name == "statistics_optin"]
    assert optin and all(c.classification.category is Category.NECESSARY for c in optin)
    win.show_about()
    assert "Listan som används: hämtad från den sparade sidan kakor.html" in \
        win.about_box.informativeText()
    win.about_box.close()


def test_the_about_box_names_the_built_in_list(window: MainWindow, config: Path) -> None:
    window.show_about()
    assert "Listan som används: den inbyggda listan, uppdaterad 2025-02-12." in \
        window.about_box.informativeText()
    window.about_box.close()


def test_a_quiet_line_when_the_list_is_over_a_year_old(qtbot, window: MainWindow) -> None:
    note = ListAgeNote(window)
    qtbot.addWidget(note)
    note.show_for(load_policy(), "sv", today=date(2026, 2, 13))
    assert not note.isHidden()
    assert note.text() == "Listan är över ett år gammal: se Hjälp → Jämför med en sparad sida…"
    assert "Hjälp → Jämför med en sparad sida…" in note.text()
    note.show_for(load_policy(), "en", today=date(2026, 2, 12))
    assert note.isHidden() and note.text() == ""


def test_the_window_shows_the_line_by_todays_date(window: MainWindow, records) -> None:
    scan, _policy = records
    window.show_scan(scan)
    old = date.today() > date(2026, 2, 12)
    assert window.list_note.isHidden() is not old
