"""The window on demo records: summary, details, clean button, dialogs, languages, keys."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from fkinspect.clean import CleanResult, Status, StoreOutcome
from fkinspect.model import Category, ClassifiedCookie, StoreLocation
from fkinspect.presentation import Naming, cleanable, overview
from ui.clean_dialogs import CleanResultDialog
from ui.cookie_model import RECORD_ROLE, Column
from ui.main_window import MainWindow


def test_window_shows_at_once_with_a_busy_state(window: MainWindow) -> None:
    assert window.isVisible()
    assert window.state.scan is None
    assert window.body.summary.sentence.text() == "Letar efter kakor från Försäkringskassan…"
    assert not window.body.clean_button.isEnabled()
    assert window.body.clean_reason.text() == "Väntar på att webbläsarna ska läsas."
    # Before start() the window already says it reads, with the menus and their keys.
    assert window.body.busy_bar.isVisible()
    assert window.body.empty_title.text() == "Läser dina webbläsare…"
    assert not window.body.busy_label.isVisible()  # said once, in the centre
    assert [m.title() for m in (window.file_menu, window.view_menu, window.help_menu)] == [
        "&Arkiv", "&Visa", "&Hjälp"]
    assert "F5" in [key.toString() for key in window.refresh_action.shortcuts()]
    # The busy line names profiles, which are the user's own text, not markup.
    assert window.body.busy_label.textFormat() is Qt.TextFormat.PlainText


def test_summary_counts_and_sentence(window: MainWindow, records) -> None:
    scan, _policy = records
    window.show_scan(scan)
    view = overview(scan.cookies, scan.finished)
    # The agency's own: not YouTube's or Facebook's, and Facebook's fr has expired.
    assert view.total == 22 and view.others == 3 and view.expired == 1
    assert view.browsers == 3 and view.analytics == 8
    assert window.body.summary.sentence.text() == (
        "Försäkringskassan har sparat 22 kakor i 3 webbläsare. 8 av dem är för webbanalys.")
    for category, button in window.body.summary.buttons.items():
        assert button.text().endswith(f": {view.in_category(category)}")
        assert not button.icon().isNull()  # icon and text, never colour alone
        assert button.accessibleName()
    assert window.body.proxy.rowCount() == len(scan.cookies)
    window.body.summary.buttons[Category.ANALYTICS].click()
    assert window.body.proxy.rowCount() == view.in_category(Category.ANALYTICS)
    assert window.body.category_box.currentData() == Category.ANALYTICS
    window.body.summary.buttons[Category.ANALYTICS].click()  # again: everything
    assert window.body.proxy.rowCount() == len(scan.cookies)


def test_profile_sidebar_filters_and_shows_status(window: MainWindow, records) -> None:
    scan, _policy = records
    window.show_scan(scan)
    texts = [window.body.stores.item(i).text() for i in range(window.body.stores.count())]
    assert texts[0] == "Alla webbläsare (26 kakor)"
    firefox = next(t for t in texts if t.startswith("Firefox ESR"))
    assert "Filen är skadad" in firefox and "Webbläsaren är igång" in firefox
    window.body.stores.setCurrentRow(2)  # Brave
    assert window.body.proxy.rowCount() == sum(
        1 for i in scan.cookies if i.cookie.store.profile.browser_id == "brave") == 4


def test_details_show_the_agency_text_and_no_value_unasked(window: MainWindow,
                                                           records) -> None:
    scan, policy = records
    window.show_scan(scan)
    window.body.select_cookie("_pk_id.1.3f2a")
    details = window.body.details
    assert details.title.text() == "_pk_id.1.3f2a"
    assert details.says.text() == policy.entry("_pk_id").page_text
    assert details.documented.text() == "Försäkringskassans sida anger: 13 månader. Det stämmer."
    assert not details.value_field.isVisible()
    assert details.value_field.text() == ""
    window.body.select_cookie("VISITOR_INFO1_LIVE")
    assert details.says.text() == policy.third_party_text_sv
    assert "https://forsakringskassan.se" in details.context.text()
    window.body.select_cookie("_pk_ref.1.3f2a")
    assert details.says_heading.text() == "Finns inte på Försäkringskassans sida"
    assert details.says.text() == policy.known_tool("matomo-ref").note("sv")


def test_clean_button_counts_and_is_disabled_with_a_reason(window: MainWindow, records) -> None:
    scan, _policy = records
    window.show_scan(scan)
    assert window.body.clean_button.isEnabled()
    assert window.body.clean_button.text() == "&Ta bort analyskakor (8)"
    assert not window.body.clean_reason.isVisible()
    kept = tuple(i for i in scan.cookies if i.classification.clean_as is not Category.ANALYTICS)
    window.show_scan(replace(scan, cookies=kept))
    assert not window.body.clean_button.isEnabled()
    assert not window.clean_action.isEnabled()
    assert window.body.clean_button.text() == "&Ta bort analyskakor (0)"
    assert window.body.clean_reason.text() == "Det finns inga analyskakor att ta bort."


def _tree_texts(tree) -> dict[str, list[str]]:
    out = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        out[top.text(0)] = [top.child(j).text(0) for j in range(top.childCount())]
    return out


def test_confirmation_lists_what_goes_and_what_stays(window: MainWindow, records,
                                                     qtbot) -> None:
    scan, _policy = records
    scan = replace(scan, stores=tuple(replace(s, running=False) for s in scan.stores))
    window.show_scan(scan)
    with qtbot.waitSignal(window.cleaning.confirming):
        window.cleaning.start()  # the plan is made off the GUI thread
    dialog = window.cleaning.confirm_dialog
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
        "Firefox ESR (default-esr): 2 kakor": [  # the twin in a container told apart
            "_pk_id.1.3f2a  (www.forsakringskassan.se)",
            "_pk_id.1.3f2a  (www.forsakringskassan.se · Arbete)"],
    }
    assert sorted(dialog.goes_names()) == sorted(i.cookie.name for i in cleanable(scan.cookies))
    stays = _tree_texts(dialog.stays_tree)
    # What is not removed, but the expired fr: the browser removes that one by itself.
    assert sum(len(v) for v in stays.values()) == len(scan.cookies) - 8 - 1
    assert "Nödvändig: 11" in stays
    assert dialog.remove_button.isVisible() and not dialog.retry_button.isVisible()
    assert not dialog.running_panel.isVisible()
    assert not dialog.refused_tree.isVisible()  # nothing asked for is left out
    dialog.reject()


def test_the_confirmation_is_the_plan_what_cannot_go_is_not_listed_as_going(
        window: MainWindow, records_with_safari, qtbot) -> None:
    """Safari's file can only be read: its analytics cookies are shown as not removed,
    with why, never among what will be removed (the plan refuses them)."""
    scan, _policy = records_with_safari
    window.show_scan(scan)
    assert window.body.clean_button.text() == "&Ta bort analyskakor (10)"  # what is on screen
    with qtbot.waitSignal(window.cleaning.confirming):
        window.cleaning.start()
    dialog = window.cleaning.confirm_dialog
    assert dialog is not None
    assert "Safari (Safari): 2 kakor" not in _tree_texts(dialog.goes_tree)
    assert _tree_texts(dialog.refused_tree) == {"Safari (Safari): 2 kakor": [
        "_ga  (forsakringskassan.se)", "_pk_id.1.3f2a  (www.forsakringskassan.se)"]}
    assert dialog.findChild(QLabel, "goesHeading").text().startswith("De här 8 kakorna tas bort")
    assert dialog.findChild(QLabel, "refusedHeading").text() == "De här 2 kakorna tas inte bort:"
    assert dialog.refused_reasons.text() == (
        "Safari (Safari): fkinspect kan bara läsa den här webbläsarens kakfil. Ta bort dem i "
        "webbläsarens egna inställningar.")
    assert dialog.remove_button.text() == "&Ta bort 8 kakor"
    assert dialog.plan.to_remove == 8 and len(dialog.goes) == 8
    dialog.reject()


def test_running_browser_is_named_and_retry_offered(demo_window: MainWindow, qtbot) -> None:
    with qtbot.waitSignal(demo_window.cleaning.confirming):
        demo_window.cleaning.start()  # the demo's Firefox holds its profile lock
    dialog = demo_window.cleaning.confirm_dialog
    assert dialog is not None
    assert dialog.running_panel.isVisible()
    assert dialog.running_title.text() == "Firefox ESR (default-esr) är igång"
    assert "stäng webbläsaren och tryck på ”Försök igen”" in dialog.running_text.text()
    assert dialog.retry_button.isVisible() and dialog.retry_button.text() == "&Försök igen"
    assert dialog.remove_button.isVisible()  # what the others hold can go now
    assert list(_tree_texts(dialog.refused_tree)) == ["Firefox ESR (default-esr): 2 kakor"]
    assert not dialog.refused_reasons.isVisible()  # the running panel says why
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
    assert dialog.running_notice.title.text() == "Firefox ESR (default-esr) är igång"
    assert "Firefox ESR" not in labels["cleanProblems"]  # said once, in the notice
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
    scan, _policy = records
    window.show_scan(scan)
    assert window.file_menu.title() == "&Arkiv"
    window.language_actions["en"].trigger()
    assert window.file_menu.title() == "&File"
    assert window.body.summary.sentence.text() == (
        "Försäkringskassan has stored 22 cookies in 3 browsers. 8 of them are for web "
        "analytics.")
    assert window.body.clean_button.text() == "&Remove analytics cookies (8)"
    assert window.body.model.headerData(Column.EXPIRES, Qt.Orientation.Horizontal) == "Expires"
    assert window.body.model.index(0, Column.CATEGORY).data() == "Necessary"
    from ui.i18n import saved_language

    assert saved_language() == "en"
    window.language_actions["sv"].trigger()
    assert window.file_menu.title() == "&Arkiv"
    assert saved_language() == "sv"


def test_qt_standard_buttons_are_swedish(window: MainWindow, records, qtbot) -> None:
    scan, _policy = records
    window.show_scan(scan)
    with qtbot.waitSignal(window.cleaning.confirming):
        window.cleaning.start()
    assert window.cleaning.confirm_dialog is not None
    texts = [b.text() for b in window.cleaning.confirm_dialog.buttons.buttons()]
    assert "&Avbryt" in texts or "Avbryt" in texts
    window.cleaning.confirm_dialog.reject()


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
    body = window.body
    for widget in (body.table, body.search, body.category_box, body.stores, body.details,
                   window.banner, body.details.value_field, *body.summary.buttons.values()):
        assert widget.accessibleName(), widget.objectName()
    assert window.body.search_label.buddy() is window.body.search
    assert window.body.category_label.buddy() is window.body.category_box
    assert window.refresh_action.shortcut().toString() == "F5"
    assert window.clean_action.shortcut().toString() == "Del"
    assert window.find_action.shortcut().toString() == "Ctrl+F"


def test_tab_order(window: MainWindow, records, qtbot) -> None:
    scan, _policy = records
    window.show_scan(scan)
    window.body.select_cookie("SMSESSION")
    window.activateWindow()
    window.body.stores.setFocus()
    order = [window.body.stores]
    for _ in range(6):
        window.focusNextChild()
        order.append(QApplication.focusWidget())
    body = window.body
    assert order == [body.stores, body.search, body.category_box, body.table,
                     body.details.technical_toggle, body.details.value_button,
                     body.clean_button]


def test_ctrl_f_and_escape(window: MainWindow, records, qtbot) -> None:
    scan, _policy = records
    window.show_scan(scan)
    window.activateWindow()
    window.body.table.setFocus()
    window.find_action.trigger()
    assert QApplication.focusWidget() is window.body.search
    qtbot.keyClicks(window.body.search, "pk_ses")
    assert window.body.proxy.rowCount() == 1
    assert window.body.proxy.index(0, 0).data(RECORD_ROLE).cookie.name == "_pk_ses.1.3f2a"
    qtbot.keyClick(window.body.search, Qt.Key.Key_Escape)
    assert window.body.search.text() == ""
    assert window.body.proxy.rowCount() == len(scan.cookies)


def test_presentation_mode_hides_profile_names_and_folders(window: MainWindow,
                                                           records) -> None:
    scan, _policy = records
    window.show_scan(scan)
    real_names = {s.location.profile.name for s in scan.stores}
    window.present_action.trigger()

    def shown() -> str:
        cells = [window.body.proxy.index(r, c).data() for r in range(window.body.proxy.rowCount())
                 for c in Column]
        panel = [window.body.stores.item(i).text() for i in range(window.body.stores.count())]
        return "\n".join([*map(str, cells), *panel, window.body.details.where.text()])

    window.body.select_cookie("SMSESSION")
    text = shown()
    assert not any(name in text for name in real_names)
    assert "Chromium (Profil 1)" in text and "Firefox ESR (Profil 1)" in text
    assert window.body.details.where.text() == "Chromium (Profil 1), i …/Cookies"
    assert not window.body.details.value_button.isEnabled()  # no real value on a shared screen
    window.body.details.show_value()
    assert not window.body.details.value_field.isVisible()
    window.body.search.setText("default-esr")  # a hidden name is not found either
    assert window.body.proxy.rowCount() == 0
    window.body.search.clear()
    window.present_action.trigger()
    assert "Firefox ESR (default-esr)" in shown()
    window.body.select_cookie("SMSESSION")
    assert window.body.details.value_button.isEnabled()


def test_window_opened_in_english_is_english_throughout(qtbot, translations,
                                                        records) -> None:
    translations.apply("en")  # as --lang en or the saved choice does before the window
    win = MainWindow(translations)
    qtbot.addWidget(win)
    scan, _policy = records
    win.show_scan(scan)
    assert win.body.summary.buttons[Category.NECESSARY].text().startswith("Necessary: ")
    assert win.body.stores.item(0).text().startswith("All browsers")
    assert win.body.model.index(0, Column.CATEGORY).data() == "Necessary"
    chromium = next(win.body.stores.item(i).text() for i in range(win.body.stores.count())
                    if win.body.stores.item(i).text().startswith("Chromium"))
    assert chromium.endswith("\nRead")


def test_a_new_scan_keeps_the_same_row_selected(window: MainWindow, records) -> None:
    scan, _policy = records
    window.show_scan(scan)
    proxy, table = window.body.proxy, window.body.table
    items = [proxy.index(row, 0).data(RECORD_ROLE) for row in range(proxy.rowCount())]
    # A name that more than one store holds: the selection must stay in its own store.
    name = next(i.cookie.name for i in items
                if sum(j.cookie.name == i.cookie.name for j in items) > 1)
    row = min(r for r, i in enumerate(items) if i.cookie.name == name)
    table.selectRow(row)
    chosen = window.body.details.current()
    assert chosen is items[row]
    window.show_scan(replace(scan, cookies=tuple(reversed(scan.cookies))))  # read again
    selected = table.selectionModel().selectedRows()
    assert [index.data(RECORD_ROLE) for index in selected] == [chosen]
    assert window.body.details.current() == chosen
