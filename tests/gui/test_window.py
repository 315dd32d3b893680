"""The window on demo records: summary, details, clean button, dialogs, languages, keys."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from fkinspect.clean import CleanResult, Status, StoreOutcome
from fkinspect.model import Category, ClassifiedCookie, Scan, StoreLocation
from fkinspect.presentation import Naming, cleanable, overview
from ui.clean_dialogs import CleanResultDialog
from ui.cookie_model import RECORD_ROLE, Column
from ui.main_window import MainWindow


def test_window_shows_at_once_with_a_busy_state(window: MainWindow) -> None:
    assert window.isVisible()
    assert window.scan is None
    assert window.summary.sentence.text() == "Letar efter kakor från Försäkringskassan…"
    assert not window.clean_button.isEnabled()
    assert window.clean_reason.text() == "Väntar på att webbläsarna ska läsas."
    # The first scan starts after the first paint; that frame already says it reads.
    assert window.busy_bar.isVisible()
    assert window.busy_label.isVisible()
    assert window.busy_label.text() == "Läser dina webbläsare…"


def test_summary_counts_and_sentence(window: MainWindow, records) -> None:
    scan, policy = records
    window.show_scan(scan, policy)
    view = overview(scan.cookies)
    assert view.total == 26 and view.browsers == 3 and view.analytics == 8
    assert window.summary.sentence.text() == (
        "Försäkringskassan har sparat 26 kakor i 3 webbläsare. 8 av dem är för webbanalys.")
    for category, button in window.summary.buttons.items():
        assert button.text().endswith(f": {view.in_category(category)}")
        assert not button.icon().isNull()  # icon and text, never colour alone
        assert button.accessibleName()
    assert window.proxy.rowCount() == len(scan.cookies)
    window.summary.buttons[Category.ANALYTICS].click()
    assert window.proxy.rowCount() == view.in_category(Category.ANALYTICS)
    assert window.category_box.currentData() == Category.ANALYTICS
    window.summary.buttons[Category.ANALYTICS].click()  # again: everything
    assert window.proxy.rowCount() == len(scan.cookies)


def test_profile_sidebar_filters_and_shows_status(window: MainWindow, records) -> None:
    scan, policy = records
    window.show_scan(scan, policy)
    texts = [window.stores.item(i).text() for i in range(window.stores.count())]
    assert texts[0] == "Alla webbläsare (26 kakor)"
    firefox = next(t for t in texts if t.startswith("Firefox ESR"))
    assert "Filen är skadad" in firefox and "Webbläsaren är igång" in firefox
    window.stores.setCurrentRow(2)  # Brave
    assert window.proxy.rowCount() == sum(
        1 for i in scan.cookies if i.cookie.store.profile.browser_id == "brave") == 4


def test_details_show_the_agency_text_and_no_value_unasked(window: MainWindow,
                                                           records) -> None:
    scan, policy = records
    window.show_scan(scan, policy)
    window.select_cookie("_pk_id.1.3f2a")
    details = window.details
    assert details.title.text() == "_pk_id.1.3f2a"
    assert details.says.text() == policy.entry("_pk_id").page_text
    assert details.documented.text() == "13 månader"
    assert not details.value_field.isVisible()
    assert details.value_field.text() == ""
    window.select_cookie("VISITOR_INFO1_LIVE")
    assert details.says.text() == policy.third_party_text_sv
    assert "https://forsakringskassan.se" in details.context.text()
    window.select_cookie("_pk_ref.1.3f2a")
    assert details.says_heading.text() == "Finns inte på Försäkringskassans sida"
    assert details.says.text() == policy.known_tool("matomo-ref").note("sv")


def test_clean_button_counts_and_is_disabled_with_a_reason(window: MainWindow, records) -> None:
    scan, policy = records
    window.show_scan(scan, policy)
    assert window.clean_button.isEnabled()
    assert window.clean_button.text() == "&Ta bort analyskakor (8)"
    assert not window.clean_reason.isVisible()
    kept = tuple(i for i in scan.cookies if i.classification.clean_as is not Category.ANALYTICS)
    window.show_scan(replace(scan, cookies=kept), policy)
    assert not window.clean_button.isEnabled()
    assert not window.clean_action.isEnabled()
    assert window.clean_button.text() == "&Ta bort analyskakor (0)"
    assert window.clean_reason.text() == "Det finns inga analyskakor att ta bort."


def _tree_texts(tree) -> dict[str, list[str]]:
    out = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        out[top.text(0)] = [top.child(j).text(0) for j in range(top.childCount())]
    return out


def test_confirmation_lists_what_goes_and_what_stays(window: MainWindow, records) -> None:
    scan, policy = records
    scan = Scan(tuple(replace(s, running=False) for s in scan.stores), scan.cookies,
                scan.finished)
    window.show_scan(scan, policy)
    window.start_clean()
    dialog = window.confirm_dialog
    assert dialog is not None and dialog.isVisible()
    goes = _tree_texts(dialog.goes_tree)
    assert goes == {
        "Chromium (Person 1): 5 kakor": [
            "_pk_id.1.3f2a  (www.forsakringskassan.se)",
            "_pk_ses.1.3f2a  (www.forsakringskassan.se)",
            "statistics_optin  (forsakringskassan.se)",
            "_pk_ref.1.3f2a  (www.forsakringskassan.se)",
            "_ga  (forsakringskassan.se)"],
        "Brave (Person 1): 1 kaka": ["_pk_id.1.3f2a  (www.forsakringskassan.se)"],
        "Firefox ESR (default-esr): 2 kakor": ["_pk_id.1.3f2a  (www.forsakringskassan.se)"] * 2,
    }
    assert sorted(dialog.goes_names()) == sorted(i.cookie.name for i in cleanable(scan.cookies))
    stays = _tree_texts(dialog.stays_tree)
    assert sum(len(v) for v in stays.values()) == len(scan.cookies) - 8
    assert "Nödvändig: 11" in stays
    assert dialog.remove_button.isVisible() and not dialog.retry_button.isVisible()
    assert not dialog.running_label.isVisible()
    dialog.reject()


def test_running_browser_is_named_and_retry_offered(window: MainWindow, records) -> None:
    scan, policy = records
    window.show_scan(scan, policy)
    window.start_clean()
    dialog = window.confirm_dialog
    assert dialog is not None
    assert dialog.running_label.isVisible()
    assert "Stäng Firefox ESR (default-esr) först" in dialog.running_label.text()
    assert dialog.retry_button.isVisible() and dialog.retry_button.text() == "&Försök igen"
    assert not dialog.remove_button.isVisible()
    dialog.reject()


def test_result_dialog_says_what_went_what_stayed_and_offers_undo(qtbot, records,
                                                                  tmp_path: Path) -> None:
    scan, _policy = records
    goes = cleanable(scan.cookies)
    by_store: dict[StoreLocation, list[ClassifiedCookie]] = {}
    for item in goes:
        by_store.setdefault(item.cookie.store, []).append(item)
    chromium, brave, firefox = by_store
    backup = tmp_path / "backups" / "run-chromium"
    result = CleanResult((
        StoreOutcome(chromium, Status.DONE, removed=tuple(by_store[chromium]),
                     planned=len(by_store[chromium]), backup=backup / "Cookies",
                     journal_id="j1"),
        StoreOutcome(brave, Status.FAILED, planned=1),
        StoreOutcome(firefox, Status.REFUSED_RUNNING, planned=2),
    ), run="run", backup_root=tmp_path / "backups")
    dialog = CleanResultDialog(result, Naming(tmp_path), "forsakringskassan.se")
    qtbot.addWidget(dialog)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert labels["removedHeading"] == "5 kakor togs bort."
    assert labels["removedList"] == "Chromium (Person 1): 5 kakor"
    assert "Firefox ESR (default-esr) är igång" in labels["cleanProblems"]
    assert "Brave (Person 1): kakfilen kunde inte ändras" in labels["cleanProblems"]
    assert labels["backupPath"] == "En säkerhetskopia finns i ~/backups/run-chromium."
    assert "bara nödvändiga" in labels["keepAway"] or "nödvändiga kakor" in labels["keepAway"]
    assert dialog.undo_button.isEnabled() and dialog.undo_button.text() == "&Ångra"
    nothing = CleanResultDialog(CleanResult((StoreOutcome(firefox, Status.REFUSED_RUNNING,
                                                          planned=2),), "r2", tmp_path),
                                Naming(tmp_path), "forsakringskassan.se")
    qtbot.addWidget(nothing)
    assert nothing.windowTitle() == "Inget togs bort"
    assert not nothing.undo_button.isEnabled()


def test_language_switch_changes_texts_and_is_remembered(window: MainWindow, records) -> None:
    scan, policy = records
    window.show_scan(scan, policy)
    assert window.file_menu.title() == "&Arkiv"
    window.language_actions["en"].trigger()
    assert window.file_menu.title() == "&File"
    assert window.summary.sentence.text() == (
        "Försäkringskassan has stored 26 cookies in 3 browsers. 8 of them are for web "
        "analytics.")
    assert window.clean_button.text() == "&Remove analytics cookies (8)"
    assert window.model.headerData(Column.EXPIRES, Qt.Orientation.Horizontal) == "Expires"
    assert window.model.index(0, Column.CATEGORY).data() == "Necessary"
    from ui.i18n import saved_language

    assert saved_language() == "en"
    window.language_actions["sv"].trigger()
    assert window.file_menu.title() == "&Arkiv"
    assert saved_language() == "sv"


def test_qt_standard_buttons_are_swedish(window: MainWindow, records) -> None:
    scan, policy = records
    window.show_scan(scan, policy)
    window.start_clean()
    assert window.confirm_dialog is not None
    texts = [b.text() for b in window.confirm_dialog.buttons.buttons()]
    assert "&Avbryt" in texts or "Avbryt" in texts
    window.confirm_dialog.reject()


def test_demo_banner(qtbot, translations) -> None:
    win = MainWindow(translations, demo=True)
    qtbot.addWidget(win)
    win.show()
    assert win.banner.isVisible()
    assert win.banner.text().startswith("Demoläge")
    assert win.demo_action.isChecked()
    plain = MainWindow(translations)
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.banner.isVisible()


def test_accessible_names_and_shortcuts(window: MainWindow) -> None:
    for widget in (window.table, window.search, window.category_box, window.stores,
                   window.details, window.banner, window.details.value_field,
                   *window.summary.buttons.values()):
        assert widget.accessibleName(), widget.objectName()
    assert window.search_label.buddy() is window.search
    assert window.category_label.buddy() is window.category_box
    assert window.refresh_action.shortcut().toString() == "F5"
    assert window.clean_action.shortcut().toString() == "Del"
    assert window.find_action.shortcut().toString() == "Ctrl+F"


def test_tab_order(window: MainWindow, records, qtbot) -> None:
    scan, policy = records
    window.show_scan(scan, policy)
    window.select_cookie("SMSESSION")
    window.activateWindow()
    window.stores.setFocus()
    order = [window.stores]
    for _ in range(5):
        window.focusNextChild()
        order.append(QApplication.focusWidget())
    assert order == [window.stores, window.search, window.category_box, window.table,
                     window.details.value_button, window.clean_button]


def test_ctrl_f_and_escape(window: MainWindow, records, qtbot) -> None:
    scan, policy = records
    window.show_scan(scan, policy)
    window.activateWindow()
    window.table.setFocus()
    window.find_action.trigger()
    assert QApplication.focusWidget() is window.search
    qtbot.keyClicks(window.search, "pk_ses")
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, 0).data(RECORD_ROLE).cookie.name == "_pk_ses.1.3f2a"
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    assert window.proxy.rowCount() == len(scan.cookies)


def test_presentation_mode_hides_profile_names_and_folders(window: MainWindow,
                                                           records) -> None:
    scan, policy = records
    window.show_scan(scan, policy)
    real_names = {s.location.profile.name for s in scan.stores}
    window.present_action.trigger()

    def shown() -> str:
        cells = [window.proxy.index(r, c).data() for r in range(window.proxy.rowCount())
                 for c in Column]
        panel = [window.stores.item(i).text() for i in range(window.stores.count())]
        return "\n".join([*map(str, cells), *panel, window.details.where.text()])

    window.select_cookie("SMSESSION")
    text = shown()
    assert not any(name in text for name in real_names)
    assert "Chromium (Profil 1)" in text and "Firefox ESR (Profil 1)" in text
    assert window.details.where.text() == "Chromium (Profil 1), i …/Cookies"
    assert not window.details.value_button.isEnabled()  # no real value on a shared screen
    window.details.show_value()
    assert not window.details.value_field.isVisible()
    window.search.setText("default-esr")  # a hidden name is not found either
    assert window.proxy.rowCount() == 0
    window.search.clear()
    window.present_action.trigger()
    assert "Firefox ESR (default-esr)" in shown()
    window.select_cookie("SMSESSION")
    assert window.details.value_button.isEnabled()


def test_window_opened_in_english_is_english_throughout(qtbot, translations,
                                                        records) -> None:
    translations.apply("en")  # as --lang en or the saved choice does before the window
    win = MainWindow(translations)
    qtbot.addWidget(win)
    scan, policy = records
    win.show_scan(scan, policy)
    assert win.summary.buttons[Category.NECESSARY].text().startswith("Necessary: ")
    assert win.stores.item(0).text().startswith("All browsers")
    assert win.model.index(0, Column.CATEGORY).data() == "Necessary"
    chromium = next(win.stores.item(i).text() for i in range(win.stores.count())
                    if win.stores.item(i).text().startswith("Chromium"))
    assert chromium.endswith("\nRead")
