"""The overview before the table: per category what it means, how many, whether the button
touches them; the table grouped by browser and profile in one order, and rows that would
read alike told apart. On the demo's records and on a real home."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt

from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.model import Category, ClassifiedCookie
from fkinspect.presentation import CATEGORY_ORDER, cleanable, live, overview
from fkinspect.synth import SynthCookie, write_firefox_store
from ui.cookie_model import RECORD_ROLE, Column
from ui.main_window import MainWindow

WWW = "www.forsakringskassan.se"


def test_each_category_says_what_it_means_how_many_and_the_button(window: MainWindow,
                                                                   records) -> None:
    scan, _policy = records
    window.show_scan(scan)
    summary = window.body.summary
    view = overview(scan.cookies, scan.finished)
    assert summary.grid.isVisible()
    for category in CATEGORY_ORDER:
        assert summary.buttons[category].text().endswith(f": {view.in_category(category)}")
        assert summary.meanings[category].text() and summary.meanings[category].isVisible()
    assert summary.meanings[Category.NECESSARY].text() == (
        "Behövs för inloggning och för att sidan ska fungera.")
    assert summary.verdicts[Category.ANALYTICS].text() == "Tas bort av knappen"
    for category in (Category.NECESSARY, Category.WEBMEETING, Category.THIRD_PARTY,
                     Category.UNDOCUMENTED):
        assert summary.verdicts[category].text() == "Rörs inte av knappen"
    # One number: the analytics row, the headline and the button say what a clean removes.
    removes = len(cleanable(live(scan.cookies, scan.finished)))
    assert summary.buttons[Category.ANALYTICS].text() == f"Webbanalys: {removes}"
    assert f"{removes} av dem är för webbanalys" in summary.sentence.text()
    assert f"({removes})" in window.body.clean_button.text()


def test_a_category_with_none_is_left_out_but_the_button_s_row_stays(window: MainWindow,
                                                                     records) -> None:
    scan, _policy = records
    kept = tuple(i for i in scan.cookies if i.classification.category is Category.NECESSARY)
    window.show_scan(replace(scan, cookies=kept))
    summary = window.body.summary
    assert summary.buttons[Category.NECESSARY].isVisible()
    assert not summary.buttons[Category.WEBMEETING].isVisible()
    assert not summary.meanings[Category.THIRD_PARTY].isVisible()
    assert summary.buttons[Category.ANALYTICS].isVisible()  # "0": nothing to remove
    assert summary.buttons[Category.ANALYTICS].text() == "Webbanalys: 0"


def _rows(window: MainWindow) -> list[ClassifiedCookie]:
    proxy = window.body.proxy
    return [proxy.index(r, 0).data(RECORD_ROLE) for r in range(proxy.rowCount())]


def test_the_table_is_grouped_by_browser_and_profile_in_one_order(window: MainWindow,
                                                                  records) -> None:
    scan, _policy = records
    window.show_scan(scan)
    rows = _rows(window)
    profiles = [i.cookie.store.profile for i in rows]
    read_order = list(dict.fromkeys(i.cookie.store.profile for i in scan.cookies))
    assert list(dict.fromkeys(profiles)) == read_order  # each profile's rows together
    assert sum(a != b for a, b in pairwise(profiles)) == \
        len(read_order) - 1
    first = [i for i in rows if i.cookie.store.profile == read_order[0]]
    ranks = [CATEGORY_ORDER.index(i.classification.clean_as or i.classification.category)
             for i in first]
    assert ranks == sorted(ranks)
    # Sorting by another column and back gives the same rows in the same order; rows the
    # sorted column does not tell apart keep the grouped order in both directions.
    table = window.body.table
    table.sortByColumn(Column.CATEGORY, Qt.SortOrder.AscendingOrder)
    by_category = _rows(window)
    necessary = [i.cookie.store.profile for i in by_category
                 if i.classification.category is Category.NECESSARY]
    assert list(dict.fromkeys(necessary)) == read_order
    table.sortByColumn(Column.CATEGORY, Qt.SortOrder.DescendingOrder)
    necessary = [i.cookie.store.profile for i in _rows(window)
                 if i.classification.category is Category.NECESSARY]
    assert list(dict.fromkeys(necessary)) == read_order
    table.sortByColumn(Column.PROFILE, Qt.SortOrder.AscendingOrder)
    assert _rows(window) == rows



def test_rows_that_would_read_alike_are_told_apart(qtbot, started: MainWindow,
                                                   home: Path) -> None:
    """A Firefox profile with fk_sokfras on two paths, JSESSIONID both saved and in the
    session file, and _pk_id in a container and partitioned: no two rows read the same."""
    later = datetime.now(UTC) + timedelta(days=30)
    root = home / ".mozilla" / "firefox"
    profile = root / "k3m9q2xa.default-esr"
    profile.mkdir(parents=True)
    (root / "profiles.ini").write_text(
        "[Profile0]\nName=default-esr\nIsRelative=1\nPath=k3m9q2xa.default-esr\n",
        encoding="utf-8")
    (profile / ".parentlock").touch()
    write_firefox_store(profile / "cookies.sqlite", [
        SynthCookie(WWW, "fk_sokfras", path="/", expires=later),
        SynthCookie(WWW, "fk_sokfras", path="/sv/privatperson", expires=later),
        SynthCookie(WWW, "JSESSIONID", expires=later),
        SynthCookie(WWW, "_pk_id.1.3f2a", expires=later),
        SynthCookie(WWW, "_pk_id.1.3f2a", expires=later, container=2),
        SynthCookie(WWW, "_pk_id.1.3f2a", expires=later,
                    partition="https://kommunen.example")])
    write_session_store(profile / "sessionstore.jsonlz4", [
        {"host": WWW, "name": "JSESSIONID", "value": "v", "path": "/", "secure": True,
         "originAttributes": {"userContextId": 0}}])
    with qtbot.waitSignal(started.scan_finished, timeout=20_000):
        started.start()
    proxy = started.body.proxy
    shown = [tuple(proxy.index(r, c).data() for c in (Column.NAME, Column.PROFILE,
                                                      Column.SITE))
             for r in range(proxy.rowCount())]
    assert len(shown) == 7 and len(set(shown)) == 7
    sites = {site for name, _p, site in shown if name == "fk_sokfras"}
    assert sites == {f"{WWW}/", f"{WWW}/sv/privatperson"}
    files = sorted(p.rsplit(" · ", 1)[-1] for name, p, _s in shown if name == "JSESSIONID")
    assert files == ["cookies.sqlite", "sessionstore.jsonlz4"]
    firefox = "Firefox ESR (default-esr)"
    assert {(p, s) for name, p, s in shown if name == "_pk_id.1.3f2a"} == {
        (firefox, WWW), (firefox, f"{WWW} (på kommunen.example)"),
        (f"{firefox} · #2", WWW)}  # a container without a name in containers.json
    tip = proxy.index(0, Column.PROFILE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Sparad i ~/.mozilla/firefox/k3m9q2xa.default-esr/")
