"""The details pane, plain first: the agency's words, whether the button removes this
cookie and why, the real expiry against the page's lifetime; the technical facts under
an expander. On the demo's records and its real home."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fkinspect.model import ClassifiedCookie
from ui.cookie_model import RECORD_ROLE, Column
from ui.main_window import MainWindow


def _select(window: MainWindow, name: str, browser: str = "") -> ClassifiedCookie:
    body = window.body
    for row in range(body.proxy.rowCount()):
        item = body.proxy.index(row, 0).data(RECORD_ROLE)
        if item.cookie.name == name and item.cookie.store.profile.browser_id.startswith(
                browser):
            body.table.selectRow(row)
            return item
    raise AssertionError(name)


def test_a_tool_s_cookie_does_not_say_the_page_states_its_lifetime(window: MainWindow,
                                                                  records) -> None:
    """_pk_ref said "Finns inte på Försäkringskassans sida" and then "Lagringstid enligt
    sidan: 6 månader": the 6 months are Matomo's default, and now said so."""
    window.show_scan(records[0])
    _select(window, "_pk_ref.1.3f2a")
    details = window.body.details
    assert details.says_heading.text() == "Finns inte på Försäkringskassans sida"
    assert details.documented.text() == (
        "Försäkringskassans sida säger inte hur länge den sparas. Matomo sparar den "
        "vanligtvis i 6 månader.")
    assert details.removal_heading.text() == "Tar knappen bort den?"
    assert details.removal.text() == (
        "Ja. Den står inte i Försäkringskassans lista, men känns igen som en kaka för "
        "webbanalys från Matomo, så knappen tar bort den också.")
    assert details.expires.text().startswith("Den upphör ")
    # Nor does the table's "Lagringstid enligt sidan" column: Matomo's default is a tooltip.
    row = window.body.select_cookie("_pk_ref.1.3f2a")
    cell = row.siblingAtColumn(Column.DOCUMENTED)
    assert cell.data() == "–"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == (
        "Står inte på sidan; Matomo sparar den vanligtvis i 6 månader.")


def test_the_button_s_verdict_and_why(window: MainWindow, records_with_safari) -> None:
    window.show_scan(records_with_safari[0])
    details = window.body.details
    _select(window, "_pk_id.1.3f2a", "chromium")
    assert details.removal.text().startswith("Ja. Enligt Försäkringskassans lista är den "
                                             "till för webbanalys")
    assert details.documented.text() == "Försäkringskassans sida anger: 13 månader. Det stämmer."
    _select(window, "SMSESSION", "chromium")
    assert details.removal.text() == ("Nej. Den behövs för inloggning och för att sidan ska "
                                      "fungera.")
    assert details.expires.text() == "Den sparas tills webbläsaren stängs."
    _select(window, "VISITOR_INFO1_LIVE", "chromium")
    assert details.removal.text().startswith("Nej. Den hör till en annan webbplats "
                                             "(youtube.com)")
    _select(window, "fr")  # facebook.com's, expired as it was written
    assert details.removal.text() == "Nej. Den har redan upphört: webbläsaren tar bort den själv."
    assert details.expires.text().startswith("Den upphörde ")
    _select(window, "vngage.lkvt")
    assert details.documented.text().startswith("Sparas längre än sidan anger (90 dagar): ")
    _select(window, "Fk_hide_cookie_warning", "chromium")  # said once, not twice
    assert details.documented.text() == ("Sidan anger 27 år; webbläsaren sparar ingen kaka "
                                         "längre än 400 dagar.")
    # Safari's file is only read here: its analytics cookie is counted, not removed.
    _select(window, "_ga", "safari")
    assert details.removal.text().startswith("Nej, inte härifrån: fkinspect kan bara läsa "
                                             "kakfilen för Safari.")


def test_yes_exactly_for_what_the_confirmation_removes(demo_window: MainWindow,
                                                       qtbot) -> None:
    win = demo_window
    win.state.demo_home.close_browser()
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.refresh()
    said_yes = set()
    for row in range(win.body.proxy.rowCount()):
        win.body.table.selectRow(row)
        if win.body.details.removal.text().startswith("Ja."):
            item = win.body.proxy.index(row, 0).data(RECORD_ROLE)
            said_yes.add(item.cookie.identity)
    with qtbot.waitSignal(win.cleaning.confirming, timeout=20_000):
        win.body.clean_button.click()
    dialog = win.cleaning.confirm_dialog
    assert said_yes == {item.cookie.identity for item in dialog.goes}
    assert len(said_yes) == 8
    dialog.reject()


def test_technical_facts_wait_under_an_expander(window: MainWindow, records) -> None:
    window.show_scan(records[0])
    details = window.body.details
    _select(window, "VISITOR_INFO1_LIVE", "chromium")
    assert details.technical_toggle.text() == "Teknisk information"
    assert details.technical_toggle.isVisible() and not details.technical.isVisible()
    assert "SameSite: None" in details.flags.text()
    details.technical_toggle.click()
    assert details.technical.isVisible() and details.flags.isVisible()
    assert details.technical_toggle.arrowType() is Qt.ArrowType.DownArrow
    assert "https://forsakringskassan.se" in details.context.text()
    assert "Cookies" in details.where.text()
    _select(window, "SMSESSION", "chromium")  # stays open while choosing others
    assert details.technical.isVisible()
    details.technical_toggle.click()
    assert not details.technical.isVisible()


def test_english_details_say_the_same(window: MainWindow, records) -> None:
    window.set_language("en")
    window.show_scan(records[0])
    details = window.body.details
    _select(window, "_pk_ref.1.3f2a")
    assert details.says_heading.text() == "Not on Försäkringskassan's page"
    assert details.documented.text() == (
        "Försäkringskassan's page does not say how long it is kept. Matomo usually keeps it "
        "for 6 months.")
    assert details.removal.text().startswith("Yes. It is not in Försäkringskassan's list")
    assert details.technical_toggle.text() == "Technical information"
    _select(window, "SMSESSION")  # the page's words, in fkinspect's translation
    assert details.says_heading.text() == "What Försäkringskassan says (translated)"


def test_a_running_browser_s_cookie_says_when_it_can_go(window: MainWindow, records) -> None:
    """The records' Firefox was running when read: the confirmation will hold its
    cookies back, and the details say so rather than a bare "Ja"."""
    window.show_scan(records[0])
    details = window.body.details
    _select(window, "_pk_id.1.3f2a", "firefox")
    assert details.removal.text().endswith(
        "Firefox ESR var igång när kakorna lästes: stäng webbläsaren först, så kan knappen "
        "ta bort den.")
    _select(window, "_pk_id.1.3f2a", "chromium")
    assert "igång" not in details.removal.text()
    _select(window, "Fk_hide_cookie_warning", "firefox")  # not removed anyway: no word
    assert "igång" not in details.removal.text()


def test_a_long_name_in_a_narrow_pane_is_elided_not_scrolled(qtbot, window: MainWindow,
                                                            records) -> None:
    window.show_scan(records[0])
    details = window.body.details
    window.body.splitter.setSizes([200, 600, 180])
    _select(window, "Fk_hide_cookie_warning")
    qtbot.waitUntil(lambda: details.title.text() != "Fk_hide_cookie_warning")
    assert "…" in details.title.text()
    assert details.title.toolTip() == "Fk_hide_cookie_warning"
    assert details.title.accessibleName() == "Fk_hide_cookie_warning"
    assert details.horizontalScrollBar().maximum() == 0
