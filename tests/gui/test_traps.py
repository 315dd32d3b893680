"""The traps a citizen could fall into: Enter undoing a clean, one open browser blocking
the whole clean, and numbers that disagree from one place on screen to the next.

Real widgets on real stores: the demo home, a Firefox profile locked by another process
as Firefox locks it, and a profile whose older session file holds the same cookie.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.demo import build_demo_home
from fkinspect.model import Category
from fkinspect.policy import load_policy
from fkinspect.presentation import cleanable
from fkinspect.scan import ScanRequest, run_scan
from fkinspect.synth import SynthCookie, write_firefox_store
from ui.main_window import MainWindow

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fcntl locks")

# Another process takes Firefox's kind of lock (fcntl, whole file) and holds it until told.
_HOLD_LOCK = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
print("locked", flush=True)
sys.stdin.readline()
"""


@contextmanager
def _firefox_holds(lock: Path) -> Iterator[None]:
    child = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(lock)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        yield
    finally:
        child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()


def _bytes(paths: list[Path]) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in paths if p.is_file()}


def _store_files(home: Path) -> list[Path]:
    """Every file of every store in a home (with SQLite's side files)."""
    return sorted(p for p in home.rglob("*") if p.is_file()
                  and (p.name.startswith(("Cookies", "cookies.sqlite")) or "lz4" in p.name))


def _confirm(win: MainWindow, qtbot):
    with qtbot.waitSignal(win.cleaning.confirming, timeout=20_000):
        win.body.clean_button.click()
    assert win.cleaning.confirm_dialog is not None
    return win.cleaning.confirm_dialog


def _clean(win: MainWindow, qtbot):
    dialog = _confirm(win, qtbot)
    with qtbot.waitSignal(win.cleaning.finished, timeout=20_000):
        dialog.remove_button.click()
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        pass  # the reading after the clean
    assert win.cleaning.result_dialog is not None
    return win.cleaning.result_dialog


def _close_demo_firefox(win: MainWindow, qtbot) -> None:
    win.state.demo_home.close_browser()
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.refresh()


# ------------------------------------------------------------------ 1. Enter undoes
def test_enter_on_the_result_closes_it_and_changes_nothing(demo_window: MainWindow,
                                                           qtbot) -> None:
    win = demo_window
    _close_demo_firefox(win, qtbot)
    result = _clean(win, qtbot)
    qtbot.waitUntil(result.isVisible)
    home = win.state.demo_home.home
    after_clean = _bytes(_store_files(home))
    assert after_clean
    focus = result.focusWidget() or result
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert not result.isVisible()
    qtbot.wait(200)
    assert not win.ops.busy("restore")
    assert win.ops.wait()
    assert _bytes(_store_files(home)) == after_clean
    win.cleaning.update_undo_action()
    assert win.undo_action.isEnabled()  # undo is still there, for a deliberate choice
    assert result.close_button.isDefault() and not result.undo_button.autoDefault()


# ------------------------------------------------------------------ 2. one browser open
def test_an_open_browser_keeps_its_cookies_while_the_others_go(demo_window: MainWindow,
                                                               qtbot) -> None:
    win = demo_window
    home = win.state.demo_home.home
    firefox = win.state.demo_home.firefox_profile
    win.state.demo_home.close_browser()
    with _firefox_holds(firefox / ".parentlock"):  # as a running Firefox, in its own process
        with qtbot.waitSignal(win.scan_finished, timeout=20_000):
            win.refresh()
        firefox_before = _bytes(_store_files(firefox))
        dialog = _confirm(win, qtbot)
        assert dialog.remove_button.isVisible() and dialog.retry_button.isVisible()
        assert dialog.running_panel.isVisible()
        assert not dialog.running_icon.pixmap().isNull()
        assert dialog.running_title.text() == "Firefox ESR (default-esr) är igång"
        assert dialog.running_text.text() == (
            "2 av kakorna kan inte tas bort medan webbläsaren är igång, eftersom den skriver "
            "tillbaka dem när den stängs. Du kan ta bort de andra 6 nu. Resten tar du bort "
            "senare: stäng webbläsaren och tryck på ”Försök igen”.")
        assert dialog.findChild(QLabel, "goesHeading").text().startswith(
            "De här 6 kakorna tas bort nu")
        assert dialog.findChild(QLabel, "refusedHeading").text() == (
            "De här 2 kakorna tas inte bort nu:")
        assert dialog.remove_button.text() == "&Ta bort 6 kakor nu"
        with qtbot.waitSignal(win.cleaning.finished, timeout=20_000):
            dialog.remove_button.click()
        assert _bytes(_store_files(firefox)) == firefox_before  # byte for byte
    qtbot.waitUntil(lambda: not win.ops.busy("scan"), timeout=20_000)
    left = {i.cookie.store.profile.browser_id for i in cleanable(win.state.scan.cookies)}
    assert left == {"firefox-esr"}  # Chromium's and Brave's went
    result = win.cleaning.result_dialog
    assert result is not None
    assert result.findChild(QLabel, "removedHeading").text() == "6 kakor togs bort."
    notice = result.running_notice
    assert notice.isVisible() and not notice.icon.pixmap().isNull()
    assert notice.title.text() == "Firefox ESR (default-esr) är igång"  # once, not per file
    assert "tryck sedan på ”Försök igen”" in notice.text.text()
    assert "Firefox ESR" not in result.findChild(QLabel, "cleanProblems").text()
    assert result.retry_button.isVisible()
    assert home.is_dir()


# ------------------------------------------------------------------ 3. one number
def _number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found, (pattern, text)
    return int(found.group(1))


def test_the_counts_agree_everywhere_on_the_demo(demo_window: MainWindow, qtbot) -> None:
    win = demo_window
    body = win.body
    removes = len(cleanable(win.state.scan.cookies))
    assert removes == 8  # 6 on the agency's list, _pk_ref and _ga recognised as tools
    headline = _number(r"(\d+) av dem är för webbanalys", body.summary.sentence.text())
    button = _number(r"\((\d+)\)", body.clean_button.text())
    chip = _number(r": (\d+)$", body.summary.buttons[Category.ANALYTICS].text())
    body.set_category_filter(Category.ANALYTICS)
    rows = body.proxy.rowCount()
    body.set_category_filter(None)
    box = body.category_box
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemData(i) == "analytics"))
    box_rows = body.proxy.rowCount()
    body.set_category_filter(None)
    _close_demo_firefox(win, qtbot)
    dialog = _confirm(win, qtbot)
    shown = _number(r"De här (\d+) kakorna tas bort", dialog.findChild(
        QLabel, "goesHeading").text())
    remove = _number(r"(\d+)", dialog.remove_button.text())
    dialog.reject()
    assert (headline, button, chip, rows, box_rows, shown, remove) == (removes,) * 7
    # The two the list leaves out are said to be among them, with their own note ...
    note = body.summary.meanings[Category.ANALYTICS].text()
    assert "2 av analyskakorna står inte i Försäkringskassans lista" in note
    assert "Google Analytics" in note and "Matomo" in note
    assert body.summary.meanings[Category.ANALYTICS].isVisible()
    # ... and not counted a second time as undocumented.
    assert body.summary.buttons[Category.UNDOCUMENTED].text() == "Inte dokumenterad: 1"
    row = body.select_cookie("_ga")
    assert row.isValid()
    category = row.siblingAtColumn(1)
    assert category.data() == "Webbanalys"
    assert "inte i Försäkringskassans lista" in category.data(Qt.ItemDataRole.ToolTipRole)
    assert body.details.category.text() == "Webbanalys, inte dokumenterad"


def test_after_the_clean_undocumented_keeps_its_count(demo_window: MainWindow, qtbot) -> None:
    win = demo_window
    _close_demo_firefox(win, qtbot)
    chips = win.body.summary.buttons
    assert chips[Category.UNDOCUMENTED].text() == "Inte dokumenterad: 1"
    _clean(win, qtbot).reject()
    assert chips[Category.ANALYTICS].text() == "Webbanalys: 0"
    assert chips[Category.UNDOCUMENTED].text() == "Inte dokumenterad: 1"  # fk_beta_feedback


# ------------------------------------------------------------------ one cookie, two files
WWW, AGENCY = "www.forsakringskassan.se", ".forsakringskassan.se"


def _session_entry(name: str, host: str, n: int) -> dict[str, object]:
    return {"host": host, "name": name, "value": f"secret-{n}", "path": "/", "secure": True,
            "httponly": False, "sameSite": 1, "originAttributes": {"userContextId": 0}}


def _home_with_session_copies(home: Path) -> Path:
    """A closed Firefox whose live session file and its crash copy hold the same _ga."""
    root = home / ".mozilla" / "firefox"
    profile = root / "k3m9q2xa.default-esr"
    (profile / "sessionstore-backups").mkdir(parents=True)
    (root / "profiles.ini").write_text(
        "[Profile0]\nName=default-esr\nIsRelative=1\nPath=k3m9q2xa.default-esr\n\n"
        "[General]\nStartWithLastProfile=1\nVersion=2\n", encoding="utf-8")
    write_firefox_store(profile / "cookies.sqlite",
                        [SynthCookie(AGENCY, "Fk_hide_cookie_warning", value="1",
                                     expires=datetime.now(UTC) + timedelta(days=30))])
    (profile / ".parentlock").touch()
    for n, relative in enumerate(("sessionstore.jsonlz4",
                                  "sessionstore-backups/recovery.jsonlz4")):
        write_session_store(profile / relative, [_session_entry("SMSESSION", WWW, n),
                                                 _session_entry("_ga", AGENCY, n)])
    return profile


def test_a_cookie_in_two_session_files_is_one_cookie_for_people(
        window: MainWindow, qtbot, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    profile = _home_with_session_copies(tmp_path)
    copies = [profile / "sessionstore.jsonlz4", profile / "sessionstore-backups/recovery.jsonlz4"]
    before = _bytes(copies)
    with qtbot.waitSignal(window.scan_finished, timeout=20_000):
        window.refresh()
    assert window.body.clean_button.text() == "&Ta bort analyskakor (1)"
    dialog = _confirm(window, qtbot)
    assert len(dialog.plan.stores) == 3 and dialog.plan.to_remove == 2  # both files go
    assert dialog.findChild(QLabel, "goesHeading").text().startswith("Den här kakan tas bort")
    assert dialog.remove_button.text() == "&Ta bort 1 kaka"
    top = dialog.goes_tree.topLevelItem(0)
    assert top.text(0) == "Firefox ESR (default-esr): 1 kaka"
    cookie = top.child(0)
    assert cookie.text(0) == "_ga  (forsakringskassan.se) · i 2 filer"
    assert [cookie.child(i).text(0) for i in range(cookie.childCount())] == [
        "~/.mozilla/firefox/k3m9q2xa.default-esr/sessionstore.jsonlz4",
        "~/.mozilla/firefox/k3m9q2xa.default-esr/sessionstore-backups/recovery.jsonlz4"]
    with qtbot.waitSignal(window.cleaning.finished, timeout=20_000):
        dialog.remove_button.click()
    result = window.cleaning.result_dialog
    assert result is not None
    assert result.findChild(QLabel, "removedHeading").text() == "1 kaka togs bort."
    assert not result.running_notice.isVisible() and not result.retry_button.isVisible()
    assert result.findChild(QLabel, "removedList").text() == (
        "Firefox ESR (default-esr): 1 kaka (ur 2 filer)")
    after = _bytes(copies)
    assert all(after[p] != before[p] for p in copies)  # it went from both
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=20_000)


# ------------------------------------------------------------------ 4. what is true
def test_the_headline_counts_the_agency_s_own_cookies_that_still_count(
        demo_window: MainWindow) -> None:
    """The demo's facebook.com cookie expired as it was written (90 days after a visit
    90 days ago): it is shown, marked, and counted nowhere; YouTube's are told apart."""
    body = demo_window.body
    scan = demo_window.state.scan
    own = [i for i in scan.cookies if i.classification.category is not Category.THIRD_PARTY]
    assert len(own) == 22 and len(scan.cookies) == 26
    assert body.summary.sentence.text() == (
        "Försäkringskassan har sparat 22 kakor i 3 webbläsare. 8 av dem är för webbanalys.")
    assert body.summary.meanings[Category.THIRD_PARTY].text() == (
        "Andra webbplatser har också sparat 3 kakor när du besökte Försäkringskassans "
        "sidor: youtube.com.")
    assert body.summary.note.text() == ("1 kaka har redan upphört och räknas inte: "
                                        "webbläsaren tar bort den själv.")
    assert body.summary.buttons[Category.THIRD_PARTY].text() == "Annan webbplats: 3"
    assert body.proxy.rowCount() == 26  # every cookie is in the table ...
    row = body.select_cookie("fr")
    assert row.siblingAtColumn(4).data().startswith("upphörde ")  # ... the expired marked
    assert row.siblingAtColumn(6).data().startswith("Har upphört")
    assert body.details.notes.text().startswith("Har upphört")
    body.set_category_filter(Category.THIRD_PARTY)
    assert body.proxy.rowCount() == 3  # a category holds what its count counts
    body.set_category_filter(None)


def test_an_expired_analytics_cookie_is_not_counted_nor_removed(window: MainWindow, qtbot,
                                                                tmp_path: Path) -> None:
    """An hour after the demo's visit its _pk_ses (30 minutes) has expired: the button,
    the chip and the confirmation say 7, and the clean leaves the expired row to the
    browser, which removes it by itself."""
    with build_demo_home(tmp_path, running_firefox=False,
                         now=datetime.now(UTC) - timedelta(hours=1)) as demo:
        window.show_scan(run_scan(ScanRequest.for_demo(demo), load_policy()))
        body = window.body
        assert body.clean_button.text() == "&Ta bort analyskakor (7)"
        assert body.summary.buttons[Category.ANALYTICS].text() == "Webbanalys: 7"
        assert "7 av dem är för webbanalys" in body.summary.sentence.text()
        with qtbot.waitSignal(window.cleaning.confirming, timeout=20_000):
            window.cleaning.start()
        dialog = window.cleaning.confirm_dialog
        assert dialog is not None
        assert dialog.remove_button.text() == "&Ta bort 7 kakor"
        assert "_pk_ses.1.3f2a" not in dialog.goes_names()
        with qtbot.waitSignal(window.cleaning.finished, timeout=20_000):
            dialog.remove_button.click()
        chromium = demo.home / ".config/chromium/Default/Cookies"
        with closing(sqlite3.connect(f"file:{chromium}?immutable=1", uri=True)) as con:
            left = {r[0] for r in con.execute("SELECT name FROM cookies")}
        assert "_pk_ses.1.3f2a" in left and "_pk_id.1.3f2a" not in left
        window.ops.supersede()
        assert window.ops.wait()
