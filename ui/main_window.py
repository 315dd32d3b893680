"""The one window: summary, browsers, table, details, and the clean action.

It is built in two steps. The frame (title, menus, actions and the busy line saying what
is being read) is all the first frame needs. The body (summary, browsers, table, details)
follows once that frame has been painted: its modules read Qt's namespace enums, whose
first use alone costs about 20 ms, and the table, summary and details take as long again.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QFileSystemWatcher,
    QItemSelection,
    QModelIndex,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

import fkinspect
from fkinspect.model import Category, ClassifiedCookie, Profile, Scan, StoreLocation
from fkinspect.presentation import CATEGORY_ORDER, Naming, cleanable, overview
from fkinspect.serialize import REPORT_FORMATS, display_path
from fkinspect.wording import category_label
from ui.i18n import LANGUAGES, Translations, save_language
from ui.icons import app_icon, category_icon, icon
from ui.ops import Op, Ops

if TYPE_CHECKING:
    # The body's modules load with the body (see MainWindow.build_body), the cleaner and
    # its dialogs when first used: the window is on screen sooner.
    from fkinspect.clean import CleanResult, RestoreResult
    from ui.clean_dialogs import CleanResultDialog, ConfirmCleanDialog

log = logging.getLogger(__name__)

REFRESH_DELAY_MS = 1500  # a browser writes its store in bursts: wait for the last one
_LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


def _demo_banner(parent: QWidget) -> QLabel:
    """Dark text on yellow in a frame, in light and dark mode alike.

    A palette and a frame, not a style sheet: a style sheet costs the window
    several milliseconds before it can first be painted.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QFrame

    banner = QLabel(parent)
    banner.setObjectName("demoBanner")
    banner.setTextFormat(Qt.TextFormat.PlainText)
    banner.setWordWrap(True)
    banner.setFrameShape(QFrame.Shape.Box)
    banner.setLineWidth(2)
    banner.setMargin(6)
    palette = banner.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#fff3c4"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#3d2e00"))
    banner.setPalette(palette)
    banner.setAutoFillBackground(True)
    font = banner.font()
    font.setBold(True)
    banner.setFont(font)
    banner.setVisible(False)
    return banner


class MainWindow(QMainWindow):
    scan_finished = Signal()  # after a scan's results are shown (tests wait on it)
    clean_finished = Signal()
    restore_finished = Signal()

    def __init__(self, translations: Translations, demo: bool = False,
                 presenting: bool = False, parent: QWidget | None = None, *,
                 lazy_body: bool = False) -> None:
        """The window; with `lazy_body` only its frame, until build_body() is called."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.translations = translations
        self.language = translations.language
        self.ops = Ops(self)
        self.scan: Scan | None = None
        self.policy: Any = None
        self.problem = ""  # the scan as a whole failed: why
        self.demo_home: Any = None  # fkinspect.demo.DemoHome while in demo mode
        self.demo = demo
        # The first scan found no browser at all, so the demo opened by itself.
        self.demo_because_empty = False
        self._scanned_once = False
        self.store_paths: tuple[Path, ...] = ()  # --store / "Open profile folder"
        self._pending_refresh = False
        self._last_journal: str | None = None
        self.confirm_dialog: ConfirmCleanDialog | None = None
        self.result_dialog: CleanResultDialog | None = None
        self.body_built = False

        # One naming for every view; presentation mode hides profile names and folders.
        self.naming = Naming(Path.home(), hidden=presenting, language=self.language)
        self._build_frame()
        self._build_actions()
        self._build_menus()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._store_changed)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.retranslate()
        # The first scan starts once this window has been painted: say so from the first frame.
        self._show_busy(self.tr("Reading your browsers…"))
        self.resize(1360, 820)
        if not lazy_body:
            self.build_body()

    # ------------------------------------------------------------------ building
    def _build_frame(self) -> None:
        """The busy line, alone until the body is built around it."""
        self._central = central = QWidget(self)
        self._layout = QVBoxLayout(central)
        busy = QHBoxLayout()
        self.busy_bar = QProgressBar(central)
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_label = QLabel(central)
        self.busy_label.setObjectName("busyLabel")
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label, 1)
        self._layout.addLayout(busy)
        self._layout.addStretch(1)  # where the body goes
        self.setCentralWidget(central)

    def build_body(self) -> None:
        """Summary, clean button, browsers, table and details (once; the app calls it
        right after the first paint, everything else builds the whole window at once)."""
        if self.body_built:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QShortcut

        from ui.cookie_model import CookieFilter, CookieTableModel

        # From here on the busy line names profiles, which are the user's own text.
        self.busy_label.setTextFormat(Qt.TextFormat.PlainText)
        self.model = CookieTableModel(None, self)
        self.model.naming = self.naming
        self.proxy = CookieFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build_widgets()
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self._escape_search)
        for view in (self.model, self.summary, self.stores):
            view.set_language(self.language)  # the language chosen before the window
        self.body_built = True
        self.retranslate()

    def _build_widgets(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import (
            QAbstractItemView,
            QComboBox,
            QHeaderView,
            QLineEdit,
            QPushButton,
            QSplitter,
            QStackedWidget,
            QTableView,
        )

        from ui.cookie_model import Column
        from ui.details import DetailsPane
        from ui.stores_panel import StoresPanel
        from ui.summary import SummaryView

        central = self._central
        self.banner = _demo_banner(central)

        self.summary = SummaryView(central)
        self.summary.category_chosen.connect(self._category_from_summary)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        clean_box = QVBoxLayout()
        self.clean_button = QPushButton(central)
        self.clean_button.setObjectName("cleanButton")
        self.clean_button.setIcon(category_icon(Category.ANALYTICS))
        self.clean_button.setDefault(True)
        self.clean_button.clicked.connect(self.start_clean)
        self.clean_reason = QLabel(central)
        self.clean_reason.setObjectName("cleanReason")
        self.clean_reason.setTextFormat(Qt.TextFormat.PlainText)
        self.clean_reason.setWordWrap(True)
        self.clean_reason.setMaximumWidth(300)
        clean_box.addWidget(self.clean_button)
        clean_box.addWidget(self.clean_reason)
        clean_box.addStretch(1)
        top.addLayout(clean_box)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.stores = StoresPanel(self.splitter)
        self.stores.naming = self.naming
        self.stores.profile_chosen.connect(self._profile_chosen)
        middle = QWidget(self.splitter)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
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
        middle_layout.addLayout(filters)
        self.pages = QStackedWidget(middle)
        self.table = QTableView(self.pages)
        self.table.setObjectName("cookieTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.CATEGORY, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.NAME, 165), (Column.CATEGORY, 160),
                              (Column.PROFILE, 175), (Column.SITE, 170),
                              (Column.EXPIRES, 175), (Column.DOCUMENTED, 110)):
            header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.pages.addWidget(self.table)
        self.empty = QWidget(self.pages)
        self.empty.setObjectName("emptyState")
        empty_layout = QVBoxLayout(self.empty)
        self.empty_title = QLabel(self.empty)
        self.empty_title.setObjectName("emptyTitle")
        self.empty_title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_text = QLabel(self.empty)
        self.empty_text.setObjectName("emptyText")
        self.empty_text.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_text.setWordWrap(True)
        self.empty_demo = QPushButton(self.empty)
        self.empty_demo.setObjectName("emptyDemo")
        self.empty_demo.setIcon(icon("demo"))
        self.empty_demo.clicked.connect(self._start_demo_from_empty)
        self.empty_folder = QPushButton(self.empty)
        self.empty_folder.setObjectName("emptyFolder")
        self.empty_folder.clicked.connect(self.open_profile_folder)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_demo)
        buttons.addWidget(self.empty_folder)
        buttons.addStretch(1)
        empty_layout.addLayout(buttons)
        empty_layout.addStretch(2)
        self.pages.addWidget(self.empty)
        middle_layout.addWidget(self.pages, 1)
        self.details = DetailsPane(self.splitter)
        self.details.naming = self.naming
        self.details.values_hidden = self.naming.hidden and not self.demo
        self.splitter.addWidget(self.stores)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([210, 800, 300])
        # Above the busy line the banner and the summary; below it, instead of the
        # frame's stretch, the splitter.
        self._layout.insertWidget(0, self.banner)
        self._layout.insertLayout(1, top)
        self._layout.takeAt(self._layout.count() - 1)
        self._layout.addWidget(self.splitter, 1)

        # Keyboard order: browsers, search, category, table, value button, clean.
        self.setTabOrder(self.stores, self.search)
        self.setTabOrder(self.search, self.category_box)
        self.setTabOrder(self.category_box, self.table)
        self.setTabOrder(self.table, self.details.value_button)
        self.setTabOrder(self.details.value_button, self.clean_button)

    def _build_actions(self) -> None:
        self.refresh_action = QAction(icon("running"), "", self)
        self.refresh_action.setShortcuts(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.find_action = QAction(self)
        self.find_action.setShortcuts(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.clean_action = QAction(category_icon(Category.ANALYTICS), "", self)
        self.clean_action.setShortcuts(QKeySequence.StandardKey.Delete)
        self.clean_action.triggered.connect(self.start_clean)
        self.open_action = QAction(self)
        self.open_action.setShortcuts(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_profile_folder)
        self.undo_action = QAction(self)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_latest)
        self.export_action = QAction(self)
        self.export_action.triggered.connect(self.export_report)
        self.quit_action = QAction(self)
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.demo_action = QAction(icon("demo"), "", self)
        self.demo_action.setCheckable(True)
        self.demo_action.setChecked(self.demo)
        self.demo_action.toggled.connect(self.set_demo)
        self.present_action = QAction(self)
        self.present_action.setCheckable(True)
        self.present_action.setChecked(self.naming.hidden)
        self.present_action.toggled.connect(self.set_presenting)
        self.about_action = QAction(app_icon(), "", self)
        self.about_action.triggered.connect(self.show_about)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for language in LANGUAGES:
            action = QAction(_LANGUAGE_NAMES[language], self)
            action.setCheckable(True)
            action.setChecked(language == self.language)
            action.setData(language)
            self.language_group.addAction(action)
            self.language_actions[language] = action
        self.language_group.triggered.connect(self._language_chosen)
        for action in (self.refresh_action, self.find_action, self.clean_action):
            self.addAction(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.clean_action)
        self.file_menu.addAction(self.undo_action)
        self.file_menu.aboutToShow.connect(self._update_undo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.demo_action)
        self.view_menu.addAction(self.present_action)
        self.language_menu = self.view_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self._retranslate_frame()
        if self.body_built:
            self._retranslate_body()

    def _retranslate_frame(self) -> None:
        self.setWindowTitle(self.tr("fkinspect – Försäkringskassan's cookies on this "
                                    "computer"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.open_action.setText(self.tr("&Open profile folder…"))
        self.export_action.setText(self.tr("&Export report…"))
        self.undo_action.setText(self.tr("&Undo the last removal"))
        self.quit_action.setText(self.tr("&Quit"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.find_action.setText(self.tr("&Search"))
        self.demo_action.setText(self.tr("&Demo mode"))
        self.present_action.setText(self.tr("&Presentation mode (hide folders and profile "
                                            "names)"))
        self.about_action.setText(self.tr("&About fkinspect"))
        self.busy_bar.setAccessibleName(self.tr("Reading"))

    def _retranslate_body(self) -> None:
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Name, site or browser"))
        self.search.setAccessibleName(self.tr("Search cookies"))
        self.category_label.setText(self.tr("&Category:"))
        self.category_box.setAccessibleName(self.tr("Category filter"))
        current = self.proxy.category()
        self.category_box.blockSignals(True)
        self.category_box.clear()
        self.category_box.addItem(self.tr("All categories"), None)
        for category in CATEGORY_ORDER:
            self.category_box.addItem(category_icon(category),
                                      category_label(category, self.language), category)
        self.category_box.setCurrentIndex(self._category_index(current))
        self.category_box.blockSignals(False)
        self.table.setAccessibleName(self.tr("Cookies"))
        self.table.setAccessibleDescription(self.tr(
            "One row per cookie Försäkringskassan's site has stored. Choose a row to see "
            "its details."))
        self.clean_button.setAccessibleDescription(self.tr(
            "Shows exactly which cookies go before anything is removed"))
        self._banner_text()
        self.banner.setAccessibleName(self.tr("Demo mode"))
        self.empty_demo.setText(self.tr("Open the &demo"))
        self.empty_folder.setText(self.tr("Choose a &profile folder…"))
        self._update_state()

    def _banner_text(self) -> None:
        banner = self.tr(
            "Demo mode: these are made-up cookies in a temporary folder, not yours. "
            "Everything works as for real, removing included.")
        if self.demo_because_empty:
            banner = self.tr("No browser data was found on this computer, so fkinspect "
                             "shows its demo.") + " " + banner
        self.banner.setText(banner)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(QAction)
    def _language_chosen(self, action: QAction) -> None:
        self.set_language(str(action.data()))

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            return
        self.language = language
        self.naming.language = language
        save_language(language)
        self.language_actions[language].setChecked(True)
        self.model.set_language(language)
        self.summary.set_language(language)
        self.stores.set_language(language)
        self.details.set_context(self.policy, language)
        self.translations.apply(language)  # LanguageChange reaches every widget
        self.retranslate()

    # ------------------------------------------------------------------ state
    def _home(self) -> Path:
        return Path(self.demo_home.home) if self.demo_home is not None else Path.home()

    def _backup_root(self) -> Path | None:
        """The demo keeps its backups in its own home, never among the user's real ones."""
        if self.demo_home is None:
            return None
        return Path(self.demo_home.home) / ".local" / "share" / "fkinspect" / "backups"

    def _category_index(self, category: Category | None) -> int:
        return 0 if category is None else CATEGORY_ORDER.index(category) + 1

    def analytics(self) -> tuple[ClassifiedCookie, ...]:
        return cleanable(self.scan.cookies) if self.scan else ()

    def _update_state(self) -> None:
        scanning = self.ops.busy("scan") and self.scan is None
        self.banner.setVisible(self.demo)
        n = len(self.analytics())
        self.clean_button.setText(self.tr("&Remove analytics cookies (%n)", "", n))
        self.clean_action.setText(self.tr("Remove analytics cookies (%n)", "", n))
        reason = ""
        if self.scan is None:
            reason = self.tr("Waiting for the browsers to be read.")
        elif n == 0:
            reason = self.tr("There are no analytics cookies to remove.")
        cleaning = self.ops.busy("clean")
        self.clean_button.setEnabled(n > 0 and not cleaning)
        self.clean_action.setEnabled(n > 0 and not cleaning)
        self.clean_reason.setText(reason)
        self.clean_reason.setVisible(bool(reason))
        self.clean_button.setAccessibleName(self.clean_button.text().replace("&", ""))
        self.summary.set_overview(overview(self.scan.cookies) if self.scan else None,
                                  self.policy.agency_name if self.policy else "Försäkringskassan")
        self._update_page(scanning)

    def _update_page(self, scanning: bool) -> None:
        scan = self.scan
        self.empty_demo.setVisible(False)
        self.empty_folder.setVisible(False)
        if self.problem:
            self._show_empty(self.tr("The cookie list could not be loaded"), self.problem)
        elif scan is None:
            self._show_empty(self.tr("Reading your browsers…"),
                             self.tr("This takes a moment. Nothing is changed while reading."))
        elif not scan.stores:
            self._show_empty(self.tr("No browsers found"), self.tr(
                "fkinspect looked for Chrome, Chromium, Edge, Brave, Opera, Vivaldi, Firefox "
                "and Safari in your home folder and found no browser data. You can open the "
                "demo to see how fkinspect works, or choose a browser profile folder."))
            self.empty_demo.setVisible(not self.demo)
            self.empty_folder.setVisible(True)
        elif not scan.cookies and len(scan.failed) == len(scan.stores):
            self._show_empty(self.tr("No browser could be read"), self.tr(
                "Every cookie file that was found failed to read. The list on the left says "
                "why for each one."))
            self.empty_folder.setVisible(True)
        elif not scan.cookies:
            domain = self.policy.agency_domain if self.policy else "forsakringskassan.se"
            self._show_empty(self.tr("No cookies from {site}").format(site=domain), self.tr(
                "%n browser profile(s) were read. None of them holds a cookie from "
                "Försäkringskassan's site.", "", len({s.location.profile for s in scan.stores})))
        else:
            self.pages.setCurrentWidget(self.table)
        del scanning

    def _show_empty(self, title: str, text: str) -> None:
        self.empty_title.setText(title)
        self.empty_text.setText(text)
        self.pages.setCurrentWidget(self.empty)

    # ------------------------------------------------------------------ scanning
    def start(self) -> None:
        """Begin the first scan (the window is already shown)."""
        if self.demo:
            self.set_demo(True)
        else:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        if self.ops.busy("clean"):
            return
        if self.ops.busy("scan"):
            self._pending_refresh = True
            return
        self._pending_refresh = False
        self._show_busy(self.tr("Reading your browsers…"))
        self.statusBar().showMessage(self.tr("Reading…"))
        demo_root = None
        if self.demo and self.demo_home is None:
            demo_root = True
        Op(_scan_job, demo_root, self.demo_home, self.store_paths) \
            .on_progress(self._scan_progress).on_done(self._scan_done) \
            .on_failed(self._scan_failed).on_discarded(self._scan_discarded) \
            .start(self.ops, "scan")

    @Slot(object)
    def _scan_progress(self, location: object) -> None:
        if isinstance(location, StoreLocation):
            self.busy_label.setText(self.tr("Reading {store}").format(
                store=self._describe_store(location)))

    @Slot(object)
    def _scan_discarded(self, result: object) -> None:
        if isinstance(result, ScanOutcome) and result.demo_home is not None \
                and result.demo_home is not self.demo_home:
            result.demo_home.close()  # built for a scan nobody waits for any more

    @Slot(object)
    def _scan_done(self, result: object) -> None:
        if not isinstance(result, ScanOutcome):
            return
        if result.demo_home is not None:
            self.demo_home = result.demo_home
        self.problem = ""
        first, self._scanned_once = not self._scanned_once, True
        self.show_scan(result.scan, result.policy)
        if first and not self.demo and not self.store_paths and not result.scan.stores:
            # Nothing to show from this computer: show what fkinspect does instead.
            self.demo_because_empty = True
            self.set_demo(True)
        elif self._pending_refresh:
            self.refresh()
        self.scan_finished.emit()

    @Slot(object)
    def _scan_failed(self, error: object) -> None:
        from fkinspect.errors import PolicyError

        if isinstance(error, PolicyError):
            self.problem = self.tr("fkinspect's copy of Försäkringskassan's cookie list is "
                                   "missing or damaged, so nothing is shown or removed. "
                                   "Reinstalling fkinspect repairs it.")
        else:
            self.problem = self.tr("Reading stopped because of an unexpected error ({kind}).") \
                .format(kind=type(error).__name__)
        self._stop_busy()
        self._update_state()
        self.scan_finished.emit()

    def _show_busy(self, text: str) -> None:
        self.busy_bar.setVisible(True)
        self.busy_label.setText(text)
        self.busy_label.setVisible(True)

    def _stop_busy(self) -> None:
        self.busy_bar.setVisible(False)
        self.busy_label.setVisible(False)

    def _describe_store(self, location: StoreLocation) -> str:
        """What the busy line says is being read."""
        return f"{self.naming.profile_label(location.profile)}: {self.naming.path(location.path)}"

    @Slot(bool)
    def set_presenting(self, on: bool) -> None:
        """Presentation mode: for showing the app on a real machine without its names."""
        self.naming.hidden = on
        self._guard_values()
        self.present_action.blockSignals(True)
        self.present_action.setChecked(on)
        self.present_action.blockSignals(False)
        self.model.names_changed()
        self.proxy.invalidate()
        self.stores.retranslate()
        self.details.hide_value()
        self.details.show_cookie(self.details.current())
        self.statusBar().clearMessage()

    def _guard_values(self) -> None:
        """Presentation mode on this computer's cookies: no value is ever put on screen
        (the demo's made-up values may still be shown)."""
        self.details.values_hidden = self.naming.hidden and not self.demo

    def show_scan(self, scan: Scan, policy: Any) -> None:
        self.scan = scan
        self.policy = policy
        self.naming.home = self._home()
        self.naming.learn(s.location.profile for s in scan.stores)
        selected = self.details.current()
        self.model.set_cookies(scan.cookies, policy)
        self.model.set_language(self.language)
        self.stores.set_scan(scan)
        self.details.set_context(policy, self.language)
        self.details.show_cookie(None)
        self._stop_busy()
        self._update_state()
        self._watch(scan)
        self._reselect(selected)
        failed = len(scan.failed)
        when = self.tr("Read at {time}.").format(time=_time_text(scan))
        if failed:
            when += " " + self.tr("%n file(s) could not be read.", "", failed)
        self.statusBar().showMessage(when)

    def _reselect(self, previous: ClassifiedCookie | None) -> None:
        from ui.cookie_model import RECORD_ROLE

        if previous is None:
            return
        for row in range(self.proxy.rowCount()):
            item = self.proxy.index(row, 0).data(RECORD_ROLE)
            if isinstance(item, ClassifiedCookie) and item.cookie.key == previous.cookie.key \
                    and item.cookie.store.path == previous.cookie.store.path:
                self.table.selectRow(row)
                return

    def _watch(self, scan: Scan) -> None:
        old = self.watcher.files()
        if old:
            self.watcher.removePaths(old)
        paths = []
        for result in scan.stores:
            path = result.location.path
            for candidate in (path, path.with_name(path.name + "-wal")):
                if candidate.is_file():
                    paths.append(str(candidate))
        if paths:
            self.watcher.addPaths(paths)

    @Slot(str)
    def _store_changed(self, _path: str) -> None:
        if not self.ops.busy("clean"):
            self.refresh_timer.start()  # restarts: one refresh after the burst ends

    # ------------------------------------------------------------------ filters
    @Slot(object)
    def _category_from_summary(self, category: object) -> None:
        chosen = category if isinstance(category, Category) else None
        self.set_category_filter(chosen)

    @Slot(int)
    def _category_from_box(self, index: int) -> None:
        value = self.category_box.itemData(index)
        self.set_category_filter(value if isinstance(value, Category) else None)

    def set_category_filter(self, category: Category | None) -> None:
        self.proxy.set_category(category)
        self.summary.set_checked(category)
        self.category_box.blockSignals(True)
        self.category_box.setCurrentIndex(self._category_index(category))
        self.category_box.blockSignals(False)

    @Slot(object)
    def _profile_chosen(self, profile: object) -> None:
        self.proxy.set_profile(profile if isinstance(profile, Profile) else None)

    @Slot()
    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @Slot()
    def _escape_search(self) -> None:
        from PySide6.QtCore import Qt

        self.search.clear()
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        from ui.cookie_model import RECORD_ROLE

        rows = self.table.selectionModel().selectedRows()
        item = rows[0].data(RECORD_ROLE) if rows else None
        self.details.show_cookie(item if isinstance(item, ClassifiedCookie) else None)

    def select_cookie(self, name: str) -> QModelIndex:
        """Select the first visible row with this cookie name (keyboard-free helper)."""
        from ui.cookie_model import Column

        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, Column.NAME)
            if index.data() == name:
                self.table.selectRow(row)
                return index
        return QModelIndex()

    # ------------------------------------------------------------------ demo, folders
    @Slot(bool)
    def set_demo(self, on: bool) -> None:
        self.demo = on
        self.demo_action.blockSignals(True)
        self.demo_action.setChecked(on)
        self.demo_action.blockSignals(False)
        if not on:
            self._drop_demo()
            self.demo_because_empty = False
        self._guard_values()
        self._banner_text()
        self.scan = None
        self.store_paths = ()
        self.model.set_cookies((), self.policy)
        self.stores.set_scan(None)
        self.details.show_cookie(None)
        self.ops.supersede("scan")  # the result of a scan still running is ignored
        self._update_state()
        self.refresh()

    def _drop_demo(self) -> None:
        if self.demo_home is not None:
            self.demo_home.close()
            self.demo_home = None

    @Slot()
    def _start_demo_from_empty(self) -> None:
        self.set_demo(True)

    @Slot()
    def open_profile_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # dialogs load when used: a quicker start

        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a browser profile "
                                                                "folder"), str(Path.home()))
        if folder:
            self.scan_folder(Path(folder))

    def scan_folder(self, folder: Path) -> None:
        self.set_demo(False) if self.demo else None
        self.store_paths = (folder,)
        self.scan = None
        self.ops.supersede("scan")
        self._update_state()
        self.refresh()

    @Slot()
    def export_report(self) -> None:
        """File → Export report: HTML, CSV or JSON, without values or the home folder."""
        if self.scan is None or self.policy is None:
            return
        from PySide6.QtWidgets import QFileDialog

        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), str(Path.home() / "fkinspect-rapport.html"),
            self.tr("Web page (*.html);;Spreadsheet (*.csv);;JSON (*.json)"))
        if not path:
            return
        target = Path(path)
        fmt = target.suffix.lstrip(".").lower()
        if fmt not in REPORT_FORMATS:
            fmt = "csv" if "csv" in chosen else "json" if "json" in chosen else "html"
            target = target.with_suffix("." + fmt)
        self.export_to(target, fmt)

    def export_to(self, target: Path, fmt: str) -> bool:
        """Write the report of what is on screen; say where, or why not."""
        if self.scan is None or self.policy is None:
            return False
        from fkinspect.report import build_report, write_report

        try:
            write_report(build_report(self.scan, self.policy, self.language, self._home()),
                         target, fmt)
        except OSError as exc:
            self._warn(self.tr("Export report"),
                       self.tr("The report could not be saved: {reason}").format(
                           reason=exc.strerror or type(exc).__name__), "exportError")
            return False
        self.statusBar().showMessage(self.tr("Report saved in {path}").format(
            path=display_path(target)))
        return True

    @Slot()
    def show_about(self) -> None:
        from PySide6.QtCore import Qt

        from fkinspect.policy import load_policy

        try:
            source = load_policy().source
            policy_line = self.tr("Cookie list: “{title}”, {updated}.").format(
                title=source.title, updated=source.updated_text)
        except Exception:  # the about box must open even when the list is broken
            policy_line = self.tr("The cookie list could not be loaded.")
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(self.tr("About fkinspect"))
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("fkinspect {version}").format(version=fkinspect.__version__))
        box.setInformativeText("\n\n".join([
            self.tr("Shows which cookies forsakringskassan.se has stored in your browsers, "
                    "what each is for according to Försäkringskassan's own list, and removes "
                    "the analytics cookies safely."),
            policy_line,
            self.tr("Nothing leaves this computer: fkinspect makes no network connection. "
                    "Cookie values are never stored, logged or exported."),
        ]))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.open()
        self.about_box = box

    # ------------------------------------------------------------------ cleaning
    def _running_profiles(self, goes: tuple[ClassifiedCookie, ...]) -> list[Profile]:
        if self.scan is None:
            return []
        holding = {item.cookie.store.profile for item in goes}
        running = []
        for result in self.scan.stores:
            profile = result.location.profile
            if result.running and profile in holding and profile not in running:
                running.append(profile)
        return running

    @Slot()
    def start_clean(self) -> None:
        goes = self.analytics()
        if not goes or self.scan is None or self.ops.busy("clean"):
            return
        keys = {_identity(i) for i in goes}
        stays = tuple(i for i in self.scan.cookies if _identity(i) not in keys)
        if self.confirm_dialog is not None:
            self.confirm_dialog.close()
        from ui.clean_dialogs import ConfirmCleanDialog

        dialog = ConfirmCleanDialog(goes, stays, self._running_profiles(goes), self.naming,
                                    self.demo_home is not None, self)
        dialog.accepted.connect(self._clean_confirmed)
        dialog.retry_requested.connect(self._retry_clean)
        dialog.close_demo_browser.connect(self._close_demo_browser)
        self.confirm_dialog = dialog
        dialog.open()

    @Slot()
    def _retry_clean(self) -> None:
        """Read again (the browser may be closed now), then ask again."""
        from PySide6.QtCore import Qt

        if self.confirm_dialog is not None:
            self.confirm_dialog.close()
            self.confirm_dialog = None
        self.scan_finished.connect(self._reopen_confirm, Qt.ConnectionType.SingleShotConnection)
        self.refresh()

    @Slot()
    def _reopen_confirm(self) -> None:
        self.start_clean()

    @Slot()
    def _close_demo_browser(self) -> None:
        if self.demo_home is not None:
            self.demo_home.close_browser()
        self._retry_clean()

    @Slot()
    def _clean_confirmed(self) -> None:
        if self.scan is None:
            return
        self._show_busy(self.tr("Removing analytics cookies…"))
        Op(_clean_job, self.scan, self._backup_root()).on_done(self._clean_done) \
            .on_failed(self._clean_failed).start(self.ops, "clean")
        self._update_state()

    @Slot(object)
    def _clean_done(self, result: object) -> None:
        from fkinspect.clean import CleanResult
        from ui.clean_dialogs import CleanResultDialog

        if not isinstance(result, CleanResult):
            return
        self._stop_busy()
        self._last_journal = result.journal_id
        dialog = CleanResultDialog(result, self.naming,
                                   self.policy.agency_domain if self.policy else
                                   "forsakringskassan.se", self)
        dialog.undo_requested.connect(self.undo_clean)
        self.result_dialog = dialog
        dialog.open()
        self.clean_finished.emit()
        self.refresh()

    @Slot(object)
    def _clean_failed(self, error: object) -> None:
        """An error outside any one store (the backup folder): nothing was removed."""
        self._stop_busy()
        self._update_state()
        self._warn(self.tr("Remove analytics cookies"),
                   self.tr("Nothing was removed: {reason}").format(reason=_reason(error)),
                   "cleanError")
        self.clean_finished.emit()
        self.refresh()

    @Slot()
    @Slot()
    def _update_undo_action(self) -> None:
        """Undo is offered while the newest clean still has something to put back."""
        from fkinspect.clean import latest_run

        try:
            self._last_journal = latest_run(self._backup_root())
        except OSError:
            self._last_journal = None
        self.undo_action.setEnabled(self._last_journal is not None)

    @Slot()
    def undo_latest(self) -> None:
        """File → Undo the last removal: also after the result dialog was closed, or later."""
        self._update_undo_action()
        if self._last_journal is None:
            self.statusBar().showMessage(self.tr("There is no removal to undo."))
            return
        self.undo_clean()

    def undo_clean(self) -> None:
        journal = self._last_journal
        if journal is None or self.ops.busy("restore"):
            return
        if self.result_dialog is not None:
            self.result_dialog.undo_button.setEnabled(False)
        Op(_restore_job, journal, self._backup_root()).on_done(self._restore_done) \
            .on_failed(self._restore_failed).start(self.ops, "restore")

    @Slot(object)
    def _restore_done(self, result: object) -> None:
        from fkinspect.clean import RestoreResult
        from ui.clean_dialogs import restore_problems

        if not isinstance(result, RestoreResult):
            return
        problems = restore_problems(result, self.naming)
        if problems:
            # Some stores stayed as they were: undo may be tried again (e.g. after closing
            # the browser); what went back stays back.
            if self.result_dialog is not None:
                self.result_dialog.undo_button.setEnabled(True)
            self._warn(self.tr("Undo"), "\n\n".join([
                self.tr("%n cookie(s) were put back.", "", result.restored), *problems]),
                "restoreError")
        else:
            self._last_journal = None
            if self.result_dialog is not None:
                self.result_dialog.close()
            self.statusBar().showMessage(
                self.tr("%n cookie(s) were put back.", "", result.restored))
        self.restore_finished.emit()
        self.refresh()

    @Slot(object)
    def _restore_failed(self, error: object) -> None:
        self._warn(self.tr("Undo"), self.tr("The cookies could not be put back: {reason}")
                   .format(reason=_reason(error)), "restoreError")
        self.restore_finished.emit()

    def _warn(self, title: str, text: str, name: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName(name)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        self.error_box = box

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        self.ops.supersede()  # what is still running is discarded
        self.ops.wait()
        self._drop_demo()
        super().closeEvent(event)


class ScanOutcome:
    """A scan with the policy it was classified by, and the demo home if one was built."""

    def __init__(self, scan: Scan, policy: Any, demo_home: Any) -> None:
        self.scan = scan
        self.policy = policy
        self.demo_home = demo_home


def _scan_job(build_demo: bool | None, demo_home: Any, store_paths: tuple[Path, ...],
              progress: Any) -> ScanOutcome:
    """Runs in a worker thread: build the demo if asked, then scan."""
    from fkinspect.policy import load_policy
    from fkinspect.scan import ScanRequest, run_scan

    if build_demo:
        from fkinspect.demo import build_demo_home

        demo_home = build_demo_home()
    if demo_home is not None:
        from fkinspect.demo import PLATFORM

        request = ScanRequest.for_home(demo_home.home, platform=PLATFORM)
    elif store_paths:
        request = ScanRequest(stores=store_paths, discover_home=False)
    else:
        request = ScanRequest()
    policy = load_policy()
    return ScanOutcome(run_scan(request, policy, progress=progress), policy,
                       demo_home if build_demo else None)


def _identity(item: ClassifiedCookie) -> tuple[object, ...]:
    return (item.cookie.store.path, *item.cookie.key)


def _time_text(scan: Scan) -> str:
    from PySide6.QtCore import QDateTime, QLocale

    stamp = QDateTime.fromSecsSinceEpoch(int(scan.finished.timestamp()))
    return QLocale().toString(stamp.time(), QLocale.FormatType.ShortFormat)


def _reason(error: object) -> str:
    text = str(error) if isinstance(error, Exception) else ""
    return text or type(error).__name__


def _clean_job(scan: Scan, backup_root: Path | None) -> CleanResult:
    from fkinspect.clean import make_plan, run_clean

    return run_clean(make_plan(scan, categories=(Category.ANALYTICS,)), backup_root=backup_root)


def _restore_job(journal_id: str, backup_root: Path | None) -> RestoreResult:
    from fkinspect.clean import restore

    return restore(journal_id, backup_root=backup_root)
