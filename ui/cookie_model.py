"""One table model over the scan's classified cookies, and the proxy that filters it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from fkinspect.lifetime import Lifetime, describe
from fkinspect.model import Category, ClassifiedCookie, Profile
from fkinspect.policy import Policy
from fkinspect.presentation import (
    CATEGORY_ORDER,
    Distinction,
    Naming,
    documented_lifetime,
    expiry_sort_key,
    is_documented,
    is_expired,
    look_alikes,
    matches_text,
    shown_category,
    table_order,
    tool_lifetime,
    top_site,
    unlisted,
)
from fkinspect.textsafe import printable
from fkinspect.wording import category_label, finding_text

from .icons import category_icon
from .texts import datetime_text, expired_note, expires_text

Index = QModelIndex | QPersistentModelIndex

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the ClassifiedCookie itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a typed key for sorting
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 3  # its shown_category ("analytics")


class Column(IntEnum):
    NAME = 0
    CATEGORY = 1
    PROFILE = 2
    SITE = 3
    EXPIRES = 4
    DOCUMENTED = 5
    NOTES = 6


def profile_text(item: ClassifiedCookie, naming: Naming,
                 distinction: Distinction | None = None) -> str:
    """The profile, its Firefox container, and the file when another row of the same
    cookie lies in another file of the profile."""
    cookie = item.cookie
    parts = [naming.profile_label(cookie.store.profile)]
    if cookie.container:
        parts.append(printable(cookie.container))
    if distinction is not None and distinction.file is not None:
        parts.append(naming.path(distinction.file).rsplit("/", 1)[-1])
    return " · ".join(parts)


class CookieTableModel(QAbstractTableModel):
    """Read-only rows, one per cookie; never holds a value (the records have none)."""

    def __init__(self, policy: Policy | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._policy = policy
        self._rows: tuple[ClassifiedCookie, ...] = ()
        self._language = "sv"
        self._now = datetime.now(UTC)
        self._alike: dict[tuple[object, ...], Distinction] = {}
        self._order = table_order(())
        self.naming = Naming()  # the window shares its own: presentation mode hides names

    # -- feeding
    def set_cookies(self, cookies: Sequence[ClassifiedCookie], policy: Policy | None,
                    now: datetime | None = None) -> None:
        """`now`: the time they were read, which decides what has expired (the clock
        when None)."""
        self.beginResetModel()
        self._rows = tuple(cookies)
        self._policy = policy
        self._now = now or datetime.now(UTC)
        self._alike = look_alikes(self._rows)
        # Profiles in the order they were read: the table's groups follow the sidebar.
        self._order = table_order(list(dict.fromkeys(i.cookie.store.profile
                                                     for i in self._rows)))
        self.endResetModel()

    def order_key(self, item: ClassifiedCookie) -> tuple[object, ...]:
        """The table's one order: by profile, category, name ... (presentation.table_order)."""
        return self._order(item)

    def expired(self, item: ClassifiedCookie) -> bool:
        return is_expired(item.cookie, self._now)

    def set_language(self, language: str) -> None:
        self._language = language
        self.names_changed()

    def names_changed(self) -> None:
        """Language or presentation mode changed: every cell may read differently."""
        if self._rows:
            last = self.index(len(self._rows) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def cookies(self) -> tuple[ClassifiedCookie, ...]:
        return self._rows

    # -- Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles()[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips().get(Column(section))
        return None

    def _titles(self) -> dict[Column, str]:
        return {
            Column.NAME: self.tr("Name"),
            Column.CATEGORY: self.tr("Category"),
            Column.PROFILE: self.tr("Browser"),
            Column.SITE: self.tr("Site"),
            Column.EXPIRES: self.tr("Expires"),
            Column.DOCUMENTED: self.tr("Documented lifetime"),
            Column.NOTES: self.tr("Notes"),
        }

    def _header_tips(self) -> dict[Column, str]:
        return {
            Column.EXPIRES: self.tr("When the browser deletes the cookie by itself"),
            Column.DOCUMENTED: self.tr("How long Försäkringskassan's page says it is kept"),
            Column.NOTES: self.tr("Where the stored cookie differs from what the page says"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(Column):
            return None
        item = self._rows[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(item, column)
        if role == RECORD_ROLE:
            return item
        if role == CATEGORY_ROLE:
            return shown_category(item.classification)
        if role == SORT_ROLE:
            return self._sort_key(item, column)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.CATEGORY:
            return category_icon(shown_category(item.classification))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        return None

    def _display(self, item: ClassifiedCookie, column: Column) -> str:
        cookie, found = item.cookie, item.classification
        lang = self._language
        if column is Column.NAME:
            return printable(cookie.name)  # a name is data: a control character is shown
        if column is Column.CATEGORY:
            # The unlisted say so in their tooltip and notes: the column stays narrow.
            return category_label(shown_category(found), lang)
        if column is Column.PROFILE:
            return profile_text(item, self.naming, self._alike.get(cookie.identity))
        if column is Column.SITE:
            return self._site(item)
        if column is Column.EXPIRES:
            return expires_text(cookie, self._now)
        if column is Column.DOCUMENTED:
            lifetime = self._page_lifetime(item)
            return describe(lifetime, lang) if lifetime is not None else "–"
        notes = [finding_text(f, lang) for f in found.findings]
        return " ".join([expired_note(), *notes] if self.expired(item) else notes)

    def _page_lifetime(self, item: ClassifiedCookie) -> Lifetime | None:
        """What the page says (a known tool's default is not the page's: its tooltip)."""
        found, policy = item.classification, self._policy
        if policy is None or not is_documented(policy, found):
            return None
        return documented_lifetime(policy, found)

    def _site(self, item: ClassifiedCookie) -> str:
        """The cookie's site, its path when that is what tells it from another row, and
        the site it is kept for when it is partitioned."""
        cookie = item.cookie
        site = cookie.domain
        distinction = self._alike.get(cookie.identity)
        if distinction is not None and distinction.cookie_path is not None:
            site += distinction.cookie_path
        if cookie.partition:
            return self.tr("{site} (on {top})").format(
                site=printable(site), top=printable(top_site(cookie.partition)))
        return printable(site)

    def _sort_key(self, item: ClassifiedCookie, column: Column) -> Any:
        if column is Column.PROFILE:
            return self._order(item)[0]  # the order profiles were read in
        if column is Column.EXPIRES:
            return expiry_sort_key(item)
        if column is Column.CATEGORY:
            # The order categories are shown in; the unlisted after the listed of each.
            found = item.classification
            return CATEGORY_ORDER.index(shown_category(found)) * 2 + unlisted(found)
        if column is Column.DOCUMENTED:
            lifetime = self._page_lifetime(item)
            if lifetime is None or not lifetime.is_stated:
                return -2.0
            return -1.0 if lifetime.is_session else lifetime.approx().total_seconds()
        return self._display(item, column).casefold()

    def _tooltip(self, item: ClassifiedCookie, column: Column) -> str | None:
        # Never a value here: the records carry none, and only metadata is formatted.
        if column is Column.NOTES:
            return self._display(item, column) or None
        if column is Column.CATEGORY and unlisted(item.classification):
            return self.tr("Not in Försäkringskassan's list, but recognised as a known "
                           "tool's cookie, so it is counted and removed with “{category}”."
                           ).format(category=category_label(shown_category(item.classification),
                                                            self._language))
        if column is Column.EXPIRES and item.cookie.expires is not None:
            return datetime_text(item.cookie.expires)
        tool = tool_lifetime(self._policy, item.classification) if self._policy else None
        if column is Column.DOCUMENTED and tool is not None:
            return self.tr("Not on the page; {tool} usually keeps it for {lifetime}.").format(
                tool=tool[0], lifetime=describe(tool[1], self._language))
        if column is Column.PROFILE:
            return self.tr("Stored in {path}").format(path=self.naming.path(
                item.cookie.store.path))
        return None


class CookieFilter(QSortFilterProxyModel):
    """Filters on typed fields (category, profile) and on escaped, plain search text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._category: Category | None = None
        self._profile: Profile | None = None
        self._text = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_category(self, category: Category | None) -> None:
        self.beginFilterChange()
        self._category = category
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def category(self) -> Category | None:
        return self._category

    def set_profile(self, profile: Profile | None) -> None:
        self.beginFilterChange()
        self._profile = profile
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def profile(self) -> Profile | None:
        return self._profile

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, left: Index, right: Index) -> bool:
        """The sorted column first; rows it does not tell apart keep the table's one
        order (by profile, category, name ...), so they never swap between sorts."""
        first, second = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if first != second:
            return bool(first < second)
        model = self.sourceModel()
        one, other = left.data(RECORD_ROLE), right.data(RECORD_ROLE)
        if not isinstance(model, CookieTableModel) or not isinstance(one, ClassifiedCookie) \
                or not isinstance(other, ClassifiedCookie):
            return False
        if self.sortOrder() is Qt.SortOrder.DescendingOrder:
            one, other = other, one  # Qt asks with the two swapped: ties keep the one order
        return model.order_key(one) < model.order_key(other)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        item = model.data(model.index(source_row, 0, source_parent), RECORD_ROLE)
        if not isinstance(item, ClassifiedCookie):
            return False
        expired = model.expired(item) if isinstance(model, CookieTableModel) else False
        if self._category is not None and (
                expired or shown_category(item.classification) is not self._category):
            return False  # a category holds what its count counts: the live cookies
        if self._profile is not None and item.cookie.store.profile != self._profile:
            return False
        naming = model.naming if isinstance(model, CookieTableModel) else None
        return matches_text(item, self._text, naming)
