"""Empty, loading and result states that hold together: one clear state with nothing to
show, no file path while reading, a result dialog with a heading, an icon and a button to
the backup folder (named honestly in the demo). On real homes and the demo's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel

from fkinspect.synth import SynthCookie, write_chromium_store
from ui.main_window import MainWindow


def _cluttered(win: MainWindow) -> list[str]:
    """What would stand beside an empty centre and contradict or repeat it."""
    body = win.body
    widgets = {"counts": body.summary.grid, "headline": body.summary.sentence,
               "clean button": body.clean_button, "search": body.search,
               "category filter": body.category_box, "details": body.details}
    return [name for name, widget in widgets.items() if widget.isVisible()]


def test_no_browser_is_one_clear_state(qtbot, started: MainWindow) -> None:
    win = started
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.start()
    qtbot.waitUntil(lambda: win.state.demo_home is not None and win.state.scan is not None,
                    timeout=20_000)
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.demo_action.trigger()  # leave the demo that opened: nothing found here
    body = win.body
    assert body.empty.isVisible() and body.empty_title.text() == "Inga webbläsare hittades"
    assert _cluttered(win) == []
    assert not body.stores.isVisible()  # "Alla webbläsare (0 kakor)" says nothing
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        body.empty_demo.click()  # and back: the table and everything around it
    assert body.table.isVisible() and body.stores.isVisible()
    assert _cluttered(win) == ["counts", "headline", "clean button", "search",
                               "category filter", "details"]


def test_no_agency_cookies_keeps_only_what_was_read(qtbot, started: MainWindow,
                                                    home: Path) -> None:
    write_chromium_store(home / ".config/chromium/Default/Cookies",
                         [SynthCookie(".example.se", "id")])
    with qtbot.waitSignal(started.scan_finished, timeout=20_000):
        started.start()
    assert started.body.empty_title.text() == "Inga kakor från forsakringskassan.se"
    assert _cluttered(started) == []
    assert started.body.stores.isVisible()  # which profiles were read


def test_while_reading_no_counts_and_no_file_path(qtbot, window: MainWindow) -> None:
    assert window.state.scan is None
    assert window.body.empty_title.text() == "Läser dina webbläsare…"
    assert not window.body.busy_label.isVisible()  # the centre says it; not twice
    assert _cluttered(window) == []  # no zero chips, no "Välj en kaka…"
    with qtbot.waitSignal(window.scan_finished, timeout=20_000):
        window.set_demo(True)
    home = window.state.demo_home.home
    for store in window.state.scan.stores:  # what the reading reports, store by store
        window._scan_progress(store.location)
        text = window.body.busy_label.text()
        label = window.state.naming.profile_label(store.location.profile)
        assert text == f"Läser {label}…"
        assert str(home) not in text and "/" not in text and "~" not in text


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_the_result_has_a_heading_an_icon_and_opens_the_backup(qtbot,
                                                               demo_window: MainWindow) -> None:
    win = demo_window
    win.state.demo_home.close_browser()
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.refresh()
    with qtbot.waitSignal(win.cleaning.confirming, timeout=20_000):
        win.body.clean_button.click()
    with qtbot.waitSignal(win.cleaning.finished, timeout=20_000):
        win.cleaning.confirm_dialog.remove_button.click()
    result = win.cleaning.result_dialog
    qtbot.waitUntil(result.isVisible)
    assert result.heading.text() == "Analyskakorna är borttagna"
    assert result.heading.font().bold() and not result.heading_icon.pixmap().isNull()
    assert result.findChild(QLabel, "removedHeading").text() == "8 kakor togs bort."
    backup = result.findChild(QLabel, "backupPath").text()
    assert backup.startswith("En säkerhetskopia finns i demons tillfälliga mapp.")
    assert "~" not in backup  # the demo's home is not the user's
    assert result.open_backup.isVisible() and result.open_backup.isEnabled()
    assert result.open_backup.text() == "&Öppna mappen med säkerhetskopian"
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        result.open_backup.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    (url,) = opened.urls
    folder = Path(url.toLocalFile())
    assert folder.is_dir() and folder.is_relative_to(win.state.demo_home.backup_root)
    assert any(folder.rglob("*"))  # the backup files are there
    assert result.close_button.isDefault()
    result.close()
