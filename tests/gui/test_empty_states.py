"""Empty and error states on real homes: no browser, no agency cookies, nothing readable."""

from __future__ import annotations

from pathlib import Path

import pytest

from fkinspect.synth import SynthCookie, write_chromium_store
from ui.main_window import MainWindow


def _first_reading(qtbot, win: MainWindow) -> None:
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.start()


def test_no_browser_opens_the_demo_and_says_why(qtbot, started: MainWindow) -> None:
    win = started
    _first_reading(qtbot, win)
    qtbot.waitUntil(lambda: win.state.scan is not None and win.state.demo_home is not None,
                    timeout=20_000)
    assert win.state.demo and win.banner.isVisible()
    assert win.banner.text().startswith("Inga webbläsardata hittades på den här datorn")
    assert win.body.pages.currentWidget() is win.body.table and win.body.model.rowCount() > 20
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.demo_action.trigger()  # leave the demo: the honest empty state
    assert not win.state.demo and not win.banner.isVisible()
    assert win.body.pages.currentWidget() is win.body.empty
    assert win.body.empty_title.text() == "Inga webbläsare hittades"
    assert win.body.empty_demo.isVisible() and win.body.empty_folder.isVisible()
    assert not win.body.clean_button.isEnabled()


def test_browser_without_agency_cookies(qtbot, started: MainWindow, home: Path) -> None:
    write_chromium_store(home / ".config/chromium/Default/Cookies",
                         [SynthCookie(".example.se", "id"),
                          SynthCookie("forsakringskassan.se.example.org", "trap")])
    _first_reading(qtbot, started)
    assert not started.state.demo
    assert started.body.empty_title.text() == "Inga kakor från forsakringskassan.se"
    assert started.body.empty_text.text().startswith("1 webbläsarprofil lästes.")
    assert started.body.clean_reason.text() == "Det finns inga analyskakor att ta bort."


def test_every_store_failing_says_so(qtbot, started: MainWindow, home: Path) -> None:
    store = home / ".config/chromium/Default/Cookies"
    store.parent.mkdir(parents=True)
    store.write_bytes(b"this is not a cookie database" * 200)
    _first_reading(qtbot, started)
    assert started.body.empty_title.text() == "Ingen webbläsare kunde läsas"
    assert started.body.empty_folder.isVisible()
    statuses = [started.body.stores.item(i).text() for i in range(started.body.stores.count())]
    assert statuses[1] == ("Chromium (Default)\n0 kakor\n"
                           "Cookies: Filen är skadad. Den går inte att läsa som en kakfil.")
    tip = started.body.stores.item(1).toolTip().splitlines()
    assert tip[0] == "Kakfilen är skadad, avkortad eller ingen databas."  # the window's language
    assert tip[1].startswith("Teknisk information: ")  # then SQLite's words, for support staff
    assert "not an SQLite database" in tip[1]


def test_a_scan_done_before_start_returns_still_reaches_the_window(
        qtbot, started: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a busy machine a short scan can end before the code that started it runs on;
    its result must still arrive (it once got lost, and the window waited for ever)."""
    from PySide6.QtCore import QThreadPool

    start = QThreadPool.start

    def start_and_finish(pool: QThreadPool, *args: object) -> None:
        start(pool, *args)
        pool.waitForDone()  # the worker has run and emitted before start() returns

    monkeypatch.setattr(QThreadPool, "start", start_and_finish)
    with qtbot.waitSignal(started.scan_finished, timeout=5_000):
        started.start()
