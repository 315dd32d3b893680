"""The whole app on the demo home's real stores: scan in a worker, details, value, clean, undo."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from fkinspect.model import Category, FindingCode
from fkinspect.presentation import cleanable, overview
from ui.cookie_model import Column
from ui.main_window import MainWindow


def _names(db: Path, table: str = "cookies") -> list[str]:
    uri = f"file:{db}?immutable=1"
    with closing(sqlite3.connect(uri, uri=True)) as con:
        return sorted(r[0] for r in con.execute(f"SELECT name FROM {table}"))


def test_scan_runs_in_a_worker_and_fills_the_window(qtbot, translations) -> None:
    win = MainWindow(translations, demo=True)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.start()
        assert win.state.scan is None  # start() returned before the scan was done
        assert win.body.busy_bar.isVisible()
    scan = win.state.scan
    assert scan is not None and win.state.demo_home is not None
    assert win.body.model.rowCount() == len(scan.cookies) > 20
    view = overview(scan.cookies)
    assert all(view.in_category(c) > 0 for c in Category)
    for category, button in win.body.summary.buttons.items():
        assert button.text().endswith(f": {view.in_category(category)}")
    codes = {f.code for i in scan.cookies for f in i.classification.findings}
    assert {FindingCode.KNOWN_TYPO, FindingCode.CASE_DIFFERS, FindingCode.BROWSER_CAP,
            FindingCode.LONGER_THAN_DOCUMENTED, FindingCode.PERSISTENT_BUT_SESSION,
            FindingCode.UNDOCUMENTED, FindingCode.LIKELY_TOOL,
            FindingCode.PARTITIONED_THIRD_PARTY} <= codes
    assert any(i.cookie.container == "Arbete" for i in scan.cookies)
    assert any(r.running for r in scan.stores)  # the demo Firefox holds its lock
    win.close()
    assert not win.state.demo_home  # closing the window removes the demo home


def test_details_and_value_only_on_request(demo_window: MainWindow, qtbot, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    win = demo_window
    win.body.search.setText("SMSESSION")
    assert win.body.select_cookie("SMSESSION").isValid()
    details = win.body.details
    assert details.says.text().startswith("SMSESSION och LtpaToken2")
    assert not details.value_field.isVisible() and details.value_field.text() == ""
    qtbot.mouseClick(details.value_button, Qt.MouseButton.LeftButton)
    assert details.value_field.text() == ""  # read off the GUI thread, shown when read
    qtbot.waitUntil(details.value_field.isVisible)
    value = details.value_field.text()
    assert value.startswith("demo-")
    # Nowhere else: not in any role of any cell, not in the log.
    for row in range(win.body.model.rowCount()):
        for column in Column:
            for role in range(0, 300):
                data = win.body.model.index(row, column).data(role)
                assert not (isinstance(data, str) and value in data)
    assert value not in caplog.text
    win.body.search.clear()
    win.body.select_cookie("fk_test_cookie")
    assert not details.value_field.isVisible() and details.value_field.text() == ""


def test_a_value_read_for_a_cookie_no_longer_chosen_is_not_shown(demo_window: MainWindow,
                                                                  qtbot) -> None:
    details = demo_window.body.details
    assert demo_window.body.select_cookie("SMSESSION").isValid()
    details.show_value()
    assert demo_window.body.select_cookie("fk_test_cookie").isValid()  # before it is read
    qtbot.wait(300)
    assert demo_window.ops.wait()
    assert not details.value_field.isVisible() and details.value_field.text() == ""
    details.show_value()  # the one now chosen
    qtbot.waitUntil(details.value_field.isVisible)
    assert details.value_field.text().startswith("demo-")


def test_clean_refuses_while_running_then_removes_and_undoes(demo_window: MainWindow,
                                                             qtbot) -> None:
    win = demo_window
    home = win.state.demo_home.home
    chromium = home / ".config/chromium/Default/Cookies"
    before = _names(chromium)
    goes = {i.cookie.name for i in cleanable(win.state.scan.cookies)}
    with qtbot.waitSignal(win.cleaning.confirming, timeout=20_000):
        win.body.clean_button.click()
    dialog = win.cleaning.confirm_dialog
    assert dialog is not None and dialog.retry_button.isVisible()
    assert "Firefox ESR" in dialog.running_title.text()
    with qtbot.waitSignal(win.cleaning.confirming, timeout=20_000):
        dialog.demo_close_button.click()  # "quit" the demo Firefox, read again, plan again
    dialog = win.cleaning.confirm_dialog
    assert dialog is not None and dialog.remove_button.isVisible()
    with qtbot.waitSignal(win.cleaning.finished, timeout=20_000):
        dialog.remove_button.click()
    qtbot.waitUntil(lambda: win.state.scan is not None and not cleanable(win.state.scan.cookies),
                    timeout=20_000)
    after = _names(chromium)
    assert not set(after) & goes
    assert after == sorted(n for n in before if n not in goes)  # the others are intact
    result_dialog = win.cleaning.result_dialog
    assert result_dialog is not None and result_dialog.undo_button.isEnabled()
    with qtbot.waitSignal(win.cleaning.restored, timeout=20_000):
        result_dialog.undo_button.click()
    assert _names(chromium) == before


def _add_analytics_cookie(db: Path, name: str) -> None:
    """A new Matomo cookie in a Chromium store, as a visit to the site would write it."""
    with closing(sqlite3.connect(db)) as con:
        columns = [row[1] for row in con.execute("PRAGMA table_info(cookies)")]
        row = dict(zip(columns, con.execute(
            "SELECT * FROM cookies WHERE name = '_pk_id.1.3f2a'").fetchone(), strict=True))
        row["name"] = name
        con.execute(f"INSERT INTO cookies ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})", list(row.values()))
        con.commit()


def test_remove_runs_the_plan_that_was_shown(demo_window: MainWindow, qtbot) -> None:
    """A reading between the confirmation and "Remove" changes what is on screen, not
    the plan: a cookie that arrived meanwhile was never shown, so it stays."""
    win = demo_window
    win.state.demo_home.close_browser()
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.refresh()
    chromium = win.state.demo_home.home / ".config/chromium/Default/Cookies"
    with qtbot.waitSignal(win.cleaning.confirming, timeout=20_000):
        win.body.clean_button.click()
    dialog = win.cleaning.confirm_dialog
    assert dialog is not None
    shown = {i.cookie.name for i in dialog.goes if i.cookie.store.path == chromium}
    assert len(shown) == 5
    _add_analytics_cookie(chromium, "_pk_id.9.beef")
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.refresh()  # as the store watcher does
    assert "_pk_id.9.beef" in {i.cookie.name for i in cleanable(win.state.scan.cookies)}
    with qtbot.waitSignal(win.cleaning.finished, timeout=20_000):
        dialog.remove_button.click()
    after = _names(chromium)
    assert "_pk_id.9.beef" in after and not shown & set(after)
    result = win.cleaning.result_dialog
    assert result is not None
    assert result.findChild(QLabel, "removedHeading").text() == (
        f"{dialog.plan.to_remove} kakor togs bort.")


def test_undo_from_the_file_menu_after_the_dialog_is_closed(demo_window: MainWindow,
                                                            qtbot) -> None:
    win = demo_window
    chromium = win.state.demo_home.home / ".config/chromium/Default/Cookies"
    before = _names(chromium)
    win.cleaning.update_undo_action()
    assert not win.undo_action.isEnabled()  # nothing removed yet in this demo
    win.state.demo_home.close_browser()
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.refresh()
    with qtbot.waitSignal(win.cleaning.confirming, timeout=20_000):
        win.body.clean_button.click()
    assert win.cleaning.confirm_dialog is not None
    with qtbot.waitSignal(win.cleaning.finished, timeout=20_000):
        win.cleaning.confirm_dialog.remove_button.click()
    assert _names(chromium) != before
    assert win.cleaning.result_dialog is not None
    win.cleaning.result_dialog.reject()
    win.cleaning.update_undo_action()
    assert win.undo_action.isEnabled()
    with qtbot.waitSignal(win.cleaning.restored, timeout=20_000):
        win.undo_action.trigger()
    assert _names(chromium) == before
    win.cleaning.update_undo_action()
    assert not win.undo_action.isEnabled()


def test_export_report_of_the_demo_without_values_or_home(demo_window: MainWindow,
                                                          tmp_path: Path) -> None:
    from fkinspect.values import read_value

    win = demo_window
    values = {read_value(i.cookie) for i in win.state.scan.cookies if i.cookie.name == "SMSESSION"}
    assert values
    target = tmp_path / "rapport.html"
    assert win.export_to(target, "html")
    text = target.read_text(encoding="utf-8")
    assert "Webbanalys" in text and "SMSESSION" in text
    assert not any(v in text for v in values)
    assert str(win.state.demo_home.home) not in text
    assert win.statusBar().currentMessage().startswith("Rapporten sparades i ")
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    assert not win.export_to(folder, "csv")  # a folder cannot be written as a file
    assert win.error_box.objectName() == "exportError" and win.error_box.isVisible()
    win.error_box.close()
