"""The cookie table model and its filter proxy, on demo records."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon

from fkinspect.model import Category, ClassifiedCookie, Scan
from fkinspect.policy import Policy
from fkinspect.presentation import is_expired, matches_text, shown_category
from ui.cookie_model import (
    CATEGORY_ROLE,
    RECORD_ROLE,
    SORT_ROLE,
    Column,
    CookieFilter,
    CookieTableModel,
)


def _model(records: tuple[Scan, Policy]) -> CookieTableModel:
    scan, policy = records
    model = CookieTableModel(policy)
    model.set_cookies(scan.cookies, policy)
    return model


def test_model_passes_qt_model_tester(qtmodeltester, records) -> None:
    qtmodeltester.check(_model(records))


def test_proxy_passes_qt_model_tester(qtmodeltester, records) -> None:
    proxy = CookieFilter()
    proxy.setSourceModel(_model(records))
    proxy.set_category(Category.ANALYTICS)
    proxy.sort(Column.EXPIRES)
    qtmodeltester.check(proxy)


def test_rows_and_roles_match_the_scan(records) -> None:
    scan, _ = records
    model = _model(records)
    assert model.rowCount() == len(scan.cookies)
    assert model.columnCount() == len(Column)
    assert model.rowCount(model.index(0, 0)) == 0  # a table: rows have no children
    for row, item in enumerate(scan.cookies):
        assert model.index(row, Column.NAME).data() == item.cookie.name
        assert model.index(row, Column.SITE).data().startswith(item.cookie.domain)
        assert model.index(row, 0).data(RECORD_ROLE) is item
        assert model.index(row, 0).data(CATEGORY_ROLE) == shown_category(item.classification)
        icon = model.index(row, Column.CATEGORY).data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon) and not icon.isNull()
    assert model.data(QModelIndex()) is None


def test_session_and_dated_expiry_texts(records, translations) -> None:
    scan, _ = records
    model = _model(records)
    texts = {item.cookie.name: model.index(row, Column.EXPIRES).data()
             for row, item in enumerate(scan.cookies) if item.cookie.store.profile.browser_id
             == "chromium"}
    assert texts["SMSESSION"] == "tills webbläsaren stängs"
    assert texts["_pk_id.1.3f2a"].endswith("(om 12 månader)")  # 395 days, 30 of them gone
    model.set_language("en")  # relative words follow the installed translator, not this
    assert model.index(0, Column.CATEGORY).data() in {"Necessary", "Personal web meeting",
                                                      "Web analytics", "Third party",
                                                      "Undocumented"}


def test_notes_column_names_the_findings(records) -> None:
    scan, _ = records
    model = _model(records)
    notes = {item.cookie.name: model.index(row, Column.NOTES).data()
             for row, item in enumerate(scan.cookies)}
    assert "vgage.vid" in notes["vngage.vid"]  # the page's typo
    assert "Fk_sokfras" in notes["fk_sokfras"]  # the page's case
    assert "400 dagar" in notes["statistics_optin"]  # capped by the browser
    assert "Matomo" in notes["_pk_ref.1.3f2a"]
    assert "Står inte" in notes["fk_beta_feedback"]
    assert "ligger kvar" in notes["fk_menu-keepopen"]
    assert "120 dagar" in notes["vngage.lkvt"]


def test_sorting_by_expiry_puts_session_cookies_first(records) -> None:
    proxy = CookieFilter()
    proxy.setSourceModel(_model(records))
    proxy.sort(Column.EXPIRES, Qt.SortOrder.AscendingOrder)
    keys = [proxy.index(r, Column.EXPIRES).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert keys == sorted(keys)
    first: ClassifiedCookie = proxy.index(0, 0).data(RECORD_ROLE)
    last: ClassifiedCookie = proxy.index(proxy.rowCount() - 1, 0).data(RECORD_ROLE)
    assert first.cookie.session
    assert not last.cookie.session
    proxy.sort(Column.EXPIRES, Qt.SortOrder.DescendingOrder)
    top: ClassifiedCookie = proxy.index(0, 0).data(RECORD_ROLE)
    assert top.cookie.expires == last.cookie.expires


@pytest.mark.parametrize(("category", "text", "browser"), [
    (None, "", None),
    (Category.ANALYTICS, "", None),
    (Category.NECESSARY, "", None),
    (Category.THIRD_PARTY, "", None),
    (Category.UNDOCUMENTED, "", None),
    (None, "_PK_", None),  # case-folded
    (None, "youtube", None),
    (None, "[a-z]*", None),  # typed text is plain text, never a pattern
    (None, "Brave", None),
    (None, "", "firefox-esr"),
    (Category.ANALYTICS, "pk_id", "chromium"),
    (Category.WEBMEETING, "nothing-like-this", None),
])
def test_filters(records, category, text, browser) -> None:
    scan, _ = records
    proxy = CookieFilter()
    proxy.setSourceModel(_model(records))
    profile = next((s.location.profile for s in scan.stores
                    if s.location.profile.browser_id == browser), None)
    now = datetime.now(UTC)  # the model's: a category holds only the live cookies
    proxy.set_category(category)
    proxy.set_text(text)
    proxy.set_profile(profile)
    shown = [proxy.index(r, 0).data(RECORD_ROLE) for r in range(proxy.rowCount())]
    expected = [i for i in scan.cookies
                if (category is None or (shown_category(i.classification) is category
                                         and not is_expired(i.cookie, now)))
                and (profile is None or i.cookie.store.profile == profile)
                and matches_text(i, text)]
    assert shown == expected
    if text == "[a-z]*":
        assert shown == []
    if (category, text, browser) == (None, "", None):
        assert len(shown) == len(scan.cookies)
