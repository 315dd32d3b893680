"""The window's body: summary and clean button, the busy line, browsers, search and table
(or why it is empty), and the chosen cookie's details. A view of the WindowState."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fkinspect.model import Category, ClassifiedCookie, Profile, Scan
from fkinspect.presentation import CATEGORY_ORDER, overview
from fkinspect.wording import category_label

from .cookie_model import RECORD_ROLE, Column, CookieFilter, CookieTableModel
from .details import DetailsPane
from .icons import category_icon, icon
from .ops import Ops
from .state import WindowState
from .stores_panel import StoresPanel
from .summary import SummaryView
from .table_fit import ColumnFitter

# The table's columns, most important first: where the table is narrow the last ones
# are hidden (the details pane shows them for the chosen cookie).
COLUMN_PRIORITY = (Column.NAME, Column.CATEGORY, Column.EXPIRES, Column.PROFILE, Column.SITE,
                   Column.DOCUMENTED, Column.NOTES)


def _plain(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # profile and cookie names are not markup
    return label


class WindowBody(QWidget):
    clean_requested = Signal()
    demo_requested = Signal()
    folder_requested = Signal()

    def __init__(self, state: WindowState, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("windowBody")
        self.state = state
        self._cleaning = False
        self.model = CookieTableModel(None, self)
        self.model.naming = state.naming
        self.proxy = CookieFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.top = QWidget(self)
        self.top.setObjectName("top")
        top = self._build_top()
        top.setContentsMargins(0, 0, 0, 0)
        self.top.setLayout(top)
        layout.addWidget(self.top)
        layout.addLayout(self._build_busy_line())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.stores = StoresPanel(self.splitter)
        self.stores.naming = state.naming
        self.stores.profile_chosen.connect(self._profile_chosen)
        middle = self._build_middle(self.splitter)
        self.details = DetailsPane(ops, self.splitter)
        self.details.naming = state.naming
        for widget in (self.stores, middle, self.details):
            self.splitter.addWidget(widget)
        for column, stretch in enumerate((0, 1, 0)):  # the table takes what is left
            self.splitter.setStretchFactor(column, stretch)
        self.splitter.setSizes([210, 800, 300])
        layout.addWidget(self.splitter, 1)
        # Keyboard order: browsers, search, category, table, technical facts, value, clean.
        chain = (self.stores, self.search, self.category_box, self.table,
                 self.details.technical_toggle, self.details.value_button, self.clean_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self._escape_search)
        self.set_language(state.naming.language)

    # ------------------------------------------------------------------ building
    def _build_top(self) -> QHBoxLayout:
        """The summary, and beside it the clean button with why it cannot be used."""
        self.summary = SummaryView(self)
        self.summary.category_chosen.connect(self._category_from_summary)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        self.clean_button = QPushButton(self)
        self.clean_button.setObjectName("cleanButton")
        self.clean_button.setIcon(category_icon(Category.ANALYTICS))
        self.clean_button.setDefault(True)
        self.clean_button.clicked.connect(self.clean_requested)
        self.clean_reason = _plain(self, "cleanReason")
        self.clean_reason.setWordWrap(True)
        self.clean_reason.setMaximumWidth(300)
        clean_box = QVBoxLayout()
        clean_box.addWidget(self.clean_button)
        clean_box.addWidget(self.clean_reason)
        clean_box.addStretch(1)
        top.addLayout(clean_box)
        return top

    def _build_busy_line(self) -> QHBoxLayout:
        """What is being read now, while a reading runs."""
        busy = QHBoxLayout()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_label = _plain(self, "busyLabel")
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label, 1)
        return busy

    def _build_middle(self, parent: QWidget) -> QWidget:
        """Search and category filter above the table, or above why there is no table."""
        middle = QWidget(parent)
        layout = QVBoxLayout(middle)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filters = QWidget(middle)
        self.filters.setObjectName("filters")
        filters = QHBoxLayout(self.filters)
        filters.setContentsMargins(0, 0, 0, 0)
        self.search_label = QLabel(middle)
        self.search = QLineEdit(middle)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.search_label.setBuddy(self.search)
        self.category_label = QLabel(middle)
        self.category_box = QComboBox(middle)
        self.category_box.setObjectName("categoryFilter")
        self.category_box.currentIndexChanged.connect(self._category_from_box)
        self.category_label.setBuddy(self.category_box)
        filters.addWidget(self.search_label)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.category_label)
        filters.addWidget(self.category_box, 1)
        layout.addWidget(self.filters)
        self.pages = QStackedWidget(middle)
        self.pages.addWidget(self._build_table(self.pages))
        self.pages.addWidget(self._build_empty(self.pages))
        layout.addWidget(self.pages, 1)
        return middle

    def _build_table(self, parent: QWidget) -> QTableView:
        self.table = QTableView(parent)
        self.table.setObjectName("cookieTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # Grouped by browser and profile (the sidebar's order), then by category and name.
        self.table.sortByColumn(Column.PROFILE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.columns = ColumnFitter(self.table, COLUMN_PRIORITY)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        return self.table

    def _build_empty(self, parent: QWidget) -> QWidget:
        """Instead of the table: why there is nothing to show, and what to do."""
        self.empty = QWidget(parent)
        self.empty.setObjectName("emptyState")
        self.empty_title = _plain(self.empty, "emptyTitle")
        font = self.empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_text = _plain(self.empty, "emptyText")
        self.empty_text.setWordWrap(True)
        self.empty_demo = QPushButton(self.empty)
        self.empty_demo.setObjectName("emptyDemo")
        self.empty_demo.setIcon(icon("demo"))
        self.empty_demo.clicked.connect(self.demo_requested)
        self.empty_folder = QPushButton(self.empty)
        self.empty_folder.setObjectName("emptyFolder")
        self.empty_folder.clicked.connect(self.folder_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_demo)
        buttons.addWidget(self.empty_folder)
        buttons.addStretch(1)
        # One column of readable width in the middle, however wide the window is.
        column = QWidget(self.empty)
        column.setMaximumWidth(640)
        words = QVBoxLayout(column)
        words.setSpacing(10)
        words.addWidget(self.empty_title)
        words.addWidget(self.empty_text)
        words.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self.empty)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return self.empty

    # ------------------------------------------------------------------ texts
    def set_language(self, language: str) -> None:
        """The language chosen (the translator is installed by the window)."""
        self.model.set_language(language)
        self.summary.set_language(language)
        self.stores.set_language(language)
        self.details.set_context(self.state.scan, language)
        self.retranslate()

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Name, site or browser"))
        self.search.setAccessibleName(self.tr("Search cookies"))
        for button in self.search.findChildren(QToolButton):  # the clear button Qt adds
            button.setAccessibleName(self.tr("Clear the search"))
            button.setToolTip(self.tr("Clear the search"))
        self.category_label.setText(self.tr("&Category:"))
        self.category_box.setAccessibleName(self.tr("Category filter"))
        current = self.proxy.category()
        self.category_box.blockSignals(True)
        self.category_box.clear()
        self.category_box.addItem(self.tr("All categories"), None)
        for category in CATEGORY_ORDER:
            self.category_box.addItem(category_icon(category),
                                      category_label(category, self.state.naming.language),
                                      category)
        self.category_box.setCurrentIndex(_category_index(current))
        self.category_box.blockSignals(False)
        self.table.setAccessibleName(self.tr("Cookies"))
        self.table.setAccessibleDescription(self.tr(
            "One row per cookie Försäkringskassan's site has stored. Choose a row to see "
            "its details."))
        self.clean_button.setAccessibleDescription(self.tr(
            "Shows exactly which cookies go before anything is removed"))
        self.busy_bar.setAccessibleName(self.tr("Reading"))
        self.empty_demo.setText(self.tr("Open the &demo"))
        self.empty_folder.setText(self.tr("Choose a &profile folder…"))
        self.update_view()

    def update_view(self, cleaning: bool | None = None) -> None:
        """The clean button, the summary and the page, from the state (and whether a
        clean runs: None, as last told)."""
        if cleaning is not None:
            self._cleaning = cleaning
        state = self.state
        n = len(state.analytics())
        self.clean_button.setText(self.tr("&Remove analytics cookies (%n)", "", n))
        reason = ""
        if state.scan is None:
            reason = self.tr("Waiting for the browsers to be read.")
        elif n == 0:
            reason = self.tr("There are no analytics cookies to remove.")
        self.clean_button.setEnabled(n > 0 and not self._cleaning)
        self.clean_reason.setText(reason)
        self.clean_reason.setVisible(bool(reason))
        self.clean_button.setAccessibleName(self.clean_button.text().replace("&", ""))
        policy = state.policy
        scan = state.scan
        self.summary.set_overview(overview(scan.cookies, scan.finished) if scan else None,
                                  policy.agency_name if policy else "Försäkringskassan")
        self._update_page()

    def _update_page(self) -> None:
        scan = self.state.scan
        self.empty_demo.setVisible(False)
        self.empty_folder.setVisible(False)
        if self.state.problem:
            self._show_empty(self.tr("The cookie list could not be loaded"), self.state.problem)
        elif scan is None:
            self._show_empty(self.tr("Reading your browsers…"),
                             self.tr("This takes a moment. Nothing is changed while reading."))
        elif not scan.stores:
            self._show_empty(self.tr("No browsers found"), self.tr(
                "fkinspect looked for Chrome, Chromium, Edge, Brave, Opera, Vivaldi, Firefox "
                "and Safari in your home folder and found no browser data. You can open the "
                "demo to see how fkinspect works, or choose a browser profile folder."))
            self.empty_demo.setVisible(not self.state.demo)
            self.empty_folder.setVisible(True)
        elif not scan.cookies and len(scan.failed) == len(scan.stores):
            self._show_empty(self.tr("No browser could be read"), self.tr(
                "Every cookie file that was found failed to read. The list on the left says "
                "why for each one."))
            self.empty_folder.setVisible(True)
        elif not scan.cookies:
            self._show_empty(self.tr("No cookies from {site}").format(
                site=scan.policy.agency_domain), self.tr(
                "%n browser profile(s) were read. None of them holds a cookie from "
                "Försäkringskassan's site.", "", len({s.location.profile for s in scan.stores})))
        else:
            self.pages.setCurrentWidget(self.table)
        self._one_state()

    def _one_state(self) -> None:
        """Without cookies to show, the centre alone says why: no counts of zero, no
        search, no details pane waiting for a choice. The browsers list stays when it
        says what was read (and why a file failed)."""
        table = self.pages.currentWidget() is self.table
        for widget in (self.top, self.filters, self.details):
            widget.setVisible(table)
        scan = self.state.scan
        self.stores.setVisible(table or (scan is not None and bool(scan.stores)
                                         and not self.state.problem))

    def _show_empty(self, title: str, text: str) -> None:
        self.empty_title.setText(title)
        self.empty_text.setText(text)
        self.pages.setCurrentWidget(self.empty)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ feeding
    def show_busy(self, text: str) -> None:
        """The busy line: the bar, and `text` beside it unless the centre already says it
        (the first reading, before there is a table)."""
        self.busy_bar.setVisible(True)
        self.busy_label.setText(text)
        self.busy_label.setVisible(self.state.scan is not None)

    def show_reading(self, profile: Profile) -> None:
        """Which browser is being read: its name, never a file path (the demo's lies in
        a temporary folder that means nothing to a reader)."""
        self.show_busy(self.tr("Reading {profile}…").format(
            profile=self.state.naming.profile_label(profile)))
        self.busy_label.setVisible(True)  # which browser: news the centre does not give

    def stop_busy(self) -> None:
        self.busy_bar.setVisible(False)
        self.busy_label.setVisible(False)

    def show_scan(self, scan: Scan | None) -> None:
        """Fill the table, browsers and details (None: empty them); keeps the selection."""
        selected = self.details.current()
        self.model.set_cookies(scan.cookies if scan else (), scan.policy if scan else None,
                               scan.finished if scan else None)
        self.stores.set_scan(scan)
        self.details.set_context(scan, self.state.naming.language)
        self.details.show_cookie(None)
        if scan is not None:
            self._reselect(selected)

    def names_changed(self) -> None:
        """Presentation mode changed: every name on screen may read differently."""
        self.model.names_changed()
        self.proxy.invalidate()
        self.stores.retranslate()
        self.details.hide_value()
        self.details.show_cookie(self.details.current())

    # ------------------------------------------------------------------ filters, selection
    @Slot(object)
    def _category_from_summary(self, category: object) -> None:
        self.set_category_filter(category if isinstance(category, Category) else None)

    @Slot(int)
    def _category_from_box(self, index: int) -> None:
        value = self.category_box.itemData(index)  # PySide hands a StrEnum back as its str
        self.set_category_filter(Category(value) if value in set(Category) else None)

    def set_category_filter(self, category: Category | None) -> None:
        self.proxy.set_category(category)
        self.summary.set_checked(category)
        self.category_box.blockSignals(True)
        self.category_box.setCurrentIndex(_category_index(category))
        self.category_box.blockSignals(False)

    @Slot(object)
    def _profile_chosen(self, profile: object) -> None:
        self.proxy.set_profile(profile if isinstance(profile, Profile) else None)

    @Slot()
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @Slot()
    def _escape_search(self) -> None:
        self.search.clear()
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        item = rows[0].data(RECORD_ROLE) if rows else None
        self.details.show_cookie(item if isinstance(item, ClassifiedCookie) else None)

    def select_cookie(self, name: str) -> QModelIndex:
        """Select the first visible row with this cookie name (keyboard-free helper)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, Column.NAME)
            if index.data() == name:
                self.table.selectRow(row)
                return index
        return QModelIndex()

    def _reselect(self, previous: ClassifiedCookie | None) -> None:
        if previous is None:
            return
        wanted = previous.cookie.identity
        for row in range(self.proxy.rowCount()):
            item = self.proxy.index(row, 0).data(RECORD_ROLE)
            if isinstance(item, ClassifiedCookie) and item.cookie.identity == wanted:
                self.table.selectRow(row)
                return


def _category_index(category: Category | None) -> int:
    return 0 if category is None else CATEGORY_ORDER.index(category) + 1
