"""The one window: menus and actions, the demo banner, the body, and the readings.

What is shown lives in a WindowState; the body (ui/body.py) draws it; removing and
undoing are a CleanFlow (ui/clean_flow.py); every reading, clean and undo runs as an
Op (ui/ops.py) off the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QFileSystemWatcher,
    QLocale,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QIcon,
    QKeySequence,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

import fkinspect
from fkinspect.errors import PolicyError
from fkinspect.legal import LICENSE, NOTICES, legal_file
from fkinspect.model import Category, Scan, StoreLocation
from fkinspect.pagelist.stored import policy_in_use
from fkinspect.presentation import Naming
from fkinspect.report import build_report, write_report
from fkinspect.scan import store_files
from fkinspect.serialize import REPORT_FORMATS, display_path

from . import window_geometry
from .body import WindowBody
from .clean_flow import CleanFlow
from .i18n import LANGUAGES, Translations, save_language
from .icons import app_icon, category_icon, icon
from .ops import Op, Ops
from .page_compare import ListAgeNote, about_list_lines, open_page_compare
from .state import DemoReading, WindowState, read, read_demo

REFRESH_DELAY_MS = 1500  # a browser writes its store in bursts: wait for the last one
_LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


# Banner colours (background, text), the same in light and dark mode; contrast well
# above WCAG AA (tests/gui/test_contrast.py).
DEMO_COLOURS = ("#fff3c4", "#3d2e00")  # yellow: made-up cookies
PRESENTING_COLOURS = ("#dcebfb", "#0b2e59")  # blue: real cookies, names hidden


def _banner(parent: QWidget, name: str, colours: tuple[str, str]) -> QLabel:
    """Dark text on a light colour in a frame, in light and dark mode alike."""
    banner = QLabel(parent)
    banner.setObjectName(name)
    banner.setTextFormat(Qt.TextFormat.PlainText)
    banner.setWordWrap(True)
    banner.setFrameShape(QFrame.Shape.Box)
    banner.setLineWidth(2)
    banner.setMargin(6)
    palette = banner.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colours[0]))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colours[1]))
    banner.setPalette(palette)
    banner.setAutoFillBackground(True)
    font = banner.font()
    font.setBold(True)
    banner.setFont(font)
    banner.setVisible(False)
    return banner


class MainWindow(QMainWindow):
    scan_finished = Signal()  # after a scan's results are shown (tests wait on it)

    def __init__(self, translations: Translations, demo: bool = False,
                 presenting: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panes_moved = False  # once the person drags a pane's edge, theirs it stays
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.translations = translations
        # One naming for every view; presentation mode hides profile names and folders.
        naming = Naming(Path.home(), hidden=presenting, language=translations.language)
        self.state = WindowState(naming, demo=demo)
        self.ops = Ops(self)
        self.cleaning = CleanFlow(self, self.state, self.ops)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.banner = _banner(central, "demoBanner", DEMO_COLOURS)
        self.presenting_banner = _banner(central, "presentingBanner", PRESENTING_COLOURS)
        self.body = WindowBody(self.state, self.ops, central)
        self.body.clean_requested.connect(self.cleaning.start)
        self.body.demo_requested.connect(self._open_demo)
        self.body.folder_requested.connect(self.open_profile_folder)
        layout.addWidget(self.banner)
        layout.addWidget(self.presenting_banner)
        layout.addWidget(self.body, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_menus()
        self.list_note = ListAgeNote(self)
        self.statusBar().addPermanentWidget(self.list_note)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._store_changed)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self._guard_values()
        self.retranslate()
        self.body.show_busy(self.tr("Reading your browsers…"))  # until start() has read
        window_geometry.restore(self)
        self.body.splitter.splitterMoved.connect(self._panes_moved_by_hand)
        self._share_width()

    @Slot()
    def _panes_moved_by_hand(self) -> None:
        self._panes_moved = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._panes_moved:  # a splitter alone would give all the change to the table
            self._share_width()

    def _share_width(self) -> None:
        """The browsers and details panes in proportion to the window, so that on a small
        screen the table keeps room for its main columns."""
        width = max(self.width(), window_geometry.SMALLEST.width())
        side = min(max(int(width * 0.16), 170), 240)
        details = min(max(int(width * 0.21), 215), 340)
        self.body.splitter.setSizes([side, width - side - details, details])

    # ------------------------------------------------------------------ building
    def _action(self, slot: Callable[..., object], keys: QKeySequence.StandardKey | None = None,
                picture: QIcon | None = None, checked: bool | None = None) -> QAction:
        """An action (its text comes with retranslate); `checked` makes it a toggle."""
        action = QAction(picture, "", self) if picture is not None else QAction(self)
        if keys is not None:
            action.setShortcuts(keys)  # each platform's own keys
        if checked is None:
            action.triggered.connect(slot)
        else:
            action.setCheckable(True)
            action.setChecked(checked)
            action.toggled.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.refresh_action = self._action(self.refresh, keys.Refresh, icon("refresh"))
        self.find_action = self._action(self.body.focus_search, keys.Find)
        self.clean_action = self._action(self.cleaning.start, keys.Delete,
                                         category_icon(Category.ANALYTICS))
        self.open_action = self._action(self.open_profile_folder, keys.Open)
        self.undo_action = self._action(self.cleaning.undo_latest, keys.Undo)
        self.export_action = self._action(self.export_report)
        self.quit_action = self._action(self.close, keys.Quit)
        self.demo_action = self._action(self.set_demo, None, icon("demo"), self.state.demo)
        self.present_action = self._action(self.set_presenting, None, None,
                                           self.state.naming.hidden)
        self.about_action = self._action(self.show_about, None, app_icon())
        self.compare_action = self._action(self.compare_page)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for language in LANGUAGES:
            action = QAction(_LANGUAGE_NAMES[language], self)
            action.setCheckable(True)
            action.setChecked(language == self.state.naming.language)
            action.setData(language)
            self.language_group.addAction(action)
            self.language_actions[language] = action
        self.language_group.triggered.connect(self._language_chosen)
        for action in (self.refresh_action, self.find_action, self.clean_action):
            self.addAction(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (self.open_action, self.export_action, self.clean_action,
                       self.undo_action):
            self.file_menu.addAction(action)
        self.file_menu.aboutToShow.connect(self.cleaning.update_undo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        for action in (self.refresh_action, self.find_action, self.demo_action,
                       self.present_action):
            self.view_menu.addAction(action)
        self.language_menu = self.view_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.compare_action)
        self.help_menu.addAction(self.about_action)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        # Qt adds the application's display name ("… — fkinspect") where the platform
        # shows one; the title itself names only what the window shows.
        self.setWindowTitle(self.tr("Försäkringskassan's cookies on this computer"))
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
        self.compare_action.setText(self.tr("&Compare with a saved page…"))
        self.list_note.show_for(self.state.policy, self.state.naming.language)
        self.banner.setAccessibleName(self.tr("Demo mode"))
        self.presenting_banner.setAccessibleName(self.tr("Presentation mode"))
        self.presenting_banner.setText(self.tr(
            "Presentation mode: folders and profile names are hidden, and so are this "
            "computer's cookie values. Turn it off in the View menu."))
        self._banner_text()
        self.body.retranslate()
        self.update_state()

    def _banner_text(self) -> None:
        banner = self.tr(
            "Demo mode: these are made-up cookies in a temporary folder, not yours. "
            "Everything works as for real, removing included.")
        if self.state.demo_because_empty:
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
        self.state.naming.language = language
        save_language(language)
        self.language_actions[language].setChecked(True)
        self.translations.apply(language)  # LanguageChange reaches every widget
        self.body.set_language(language)
        self.retranslate()

    def update_state(self) -> None:
        """Banner, clean action and the body, after the state changed."""
        cleaning = self.cleaning.busy()
        self.banner.setVisible(self.state.demo)
        self.presenting_banner.setVisible(self.state.naming.hidden)
        n = len(self.state.analytics())
        self.clean_action.setText(self.tr("Remove analytics cookies (%n)", "", n))
        self.clean_action.setEnabled(n > 0 and not cleaning)
        self.body.update_view(cleaning)

    # ------------------------------------------------------------------ reading
    def start(self) -> None:
        """Begin the first reading (the window is already shown)."""
        if self.state.demo:
            self.set_demo(True)
        else:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read again what the state names (after a running reading, if one runs)."""
        if self.cleaning.busy():
            return
        if self.ops.busy("scan"):
            self.state.refresh_pending = True
            return
        self.state.refresh_pending = False
        self.body.show_busy(self.tr("Reading your browsers…"))
        self.statusBar().showMessage(self.tr("Reading…"))
        request = self.state.request()
        if request is None:
            op = Op(read_demo).on_done(self._demo_read).on_discarded(self._demo_discarded)
        else:
            op = Op(read, request).on_done(self._scan_done)
        op.on_progress(self._scan_progress).on_failed(self._scan_failed).start(self.ops, "scan")

    @Slot(object)
    def _scan_progress(self, location: object) -> None:
        if isinstance(location, StoreLocation):
            self.body.show_reading(location.profile)

    @Slot(object)
    def _demo_read(self, reading: object) -> None:
        if isinstance(reading, DemoReading):
            self.state.demo_home = reading.home
            self._scan_done(reading.scan)

    @Slot(object)
    def _demo_discarded(self, reading: object) -> None:
        if isinstance(reading, DemoReading):
            reading.home.close()  # built for a reading nobody waits for any more

    @Slot(object)
    def _scan_done(self, scan: object) -> None:
        if not isinstance(scan, Scan):
            return
        state = self.state
        state.problem = ""
        first, state.scanned_once = not state.scanned_once, True
        self.show_scan(scan)
        if first and not state.demo and state.folder is None and not scan.stores:
            # Nothing to show from this computer: show what fkinspect does instead.
            state.demo_because_empty = True
            self.set_demo(True)
        elif state.refresh_pending:
            self.refresh()
        self.scan_finished.emit()

    @Slot(object)
    def _scan_failed(self, error: object) -> None:
        if isinstance(error, PolicyError):
            self.state.problem = self.tr(
                "fkinspect's copy of Försäkringskassan's cookie list is missing or damaged, "
                "so nothing is shown or removed. Reinstalling fkinspect repairs it.")
        else:
            self.state.problem = self.tr(
                "Reading stopped because of an unexpected error ({kind}).").format(
                kind=type(error).__name__)
        self.body.stop_busy()
        self.update_state()
        self.scan_finished.emit()

    def show_scan(self, scan: Scan) -> None:
        self.state.scan = scan
        naming = self.state.naming
        naming.home = self.state.home()
        naming.learn(s.location.profile for s in scan.stores)
        self.body.show_scan(scan)
        self.body.stop_busy()
        self.update_state()
        self._watch(scan)
        stamp = QDateTime.fromSecsSinceEpoch(int(scan.finished.timestamp()))
        when = self.tr("Read at {time}.").format(
            time=QLocale().toString(stamp.time(), QLocale.FormatType.ShortFormat))
        if scan.failed:
            when += " " + self.tr("%n file(s) could not be read.", "", len(scan.failed))
        self.statusBar().showMessage(when)
        self.list_note.show_for(scan.policy, naming.language)

    def _watch(self, scan: Scan) -> None:
        old = self.watcher.files()
        if old:
            self.watcher.removePaths(old)
        # os.path.isfile: False, not an error, for a path in a folder closed to us.
        paths = [str(path) for result in scan.stores for path in store_files(result.location)
                 if os.path.isfile(path)]
        if paths:
            self.watcher.addPaths(paths)

    @Slot(str)
    def _store_changed(self, _path: str) -> None:
        if not self.cleaning.busy():
            self.refresh_timer.start()  # restarts: one refresh after the burst ends

    # ------------------------------------------------------------------ modes, folders
    @Slot(bool)
    def set_presenting(self, on: bool) -> None:
        """Presentation mode: for showing the app on a real machine without its names."""
        self.state.naming.hidden = on
        self._guard_values()
        self.present_action.blockSignals(True)
        self.present_action.setChecked(on)
        self.present_action.blockSignals(False)
        self.body.names_changed()
        self.presenting_banner.setVisible(on)
        self.statusBar().clearMessage()

    def _guard_values(self) -> None:
        """Presentation mode on this computer's cookies: no value is ever put on screen
        (the demo's made-up values may still be shown)."""
        self.body.details.values_hidden = self.state.naming.hidden and not self.state.demo

    @Slot(bool)
    def set_demo(self, on: bool) -> None:
        state = self.state
        state.demo = on
        self.demo_action.blockSignals(True)
        self.demo_action.setChecked(on)
        self.demo_action.blockSignals(False)
        if not on:
            state.drop_demo()
            state.demo_because_empty = False
        self._guard_values()
        self._banner_text()
        self._read_anew(folder=None)

    @Slot()
    def _open_demo(self) -> None:
        self.set_demo(True)

    @Slot()
    def open_profile_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a browser profile folder"), str(Path.home()))
        if folder:
            self.scan_folder(Path(folder))

    def scan_folder(self, folder: Path) -> None:
        if self.state.demo:
            self.set_demo(False)
        self._read_anew(folder)

    def _read_anew(self, folder: Path | None) -> None:
        """Forget what is shown and what is being read; read what the state now names."""
        self.state.scan = None
        self.state.folder = folder
        self.body.show_scan(None)
        self.ops.supersede("scan")  # the result of a reading still running is ignored
        self.update_state()
        self.refresh()

    # ------------------------------------------------------------------ report, about
    @Slot()
    def export_report(self) -> None:
        """File → Export report: HTML, CSV or JSON, without values or the home folder."""
        if self.state.scan is None:
            return
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
        scan = self.state.scan
        if scan is None:
            return False
        try:
            write_report(build_report(scan, scan.policy, self.state.naming.language,
                                      self.state.home()), target, fmt)
        except OSError as exc:
            self.warn(self.tr("Export report"),
                      self.tr("The report could not be saved: {reason}").format(
                          reason=exc.strerror or type(exc).__name__), "exportError")
            return False
        self.statusBar().showMessage(self.tr("Report saved in {path}").format(
            path=display_path(target)))
        return True

    @Slot()
    def compare_page(self) -> None:
        """Help → Compare with a saved page…; an adopted list is read at once."""
        self.page_dialog = open_page_compare(self, self.state.naming.language)
        if self.page_dialog is not None:
            self.page_dialog.adopted.connect(self.refresh)

    @Slot()
    def show_about(self) -> None:
        try:
            source = policy_in_use().policy.source
            # The page's title is quoted as it stands; its date in the window's language.
            updated = QLocale().toString(QDate(source.updated.year, source.updated.month,
                                               source.updated.day), "d MMMM yyyy")
            policy_line = "\n".join([self.tr("Cookie list: “{title}”, last updated {date}.").format(
                title=source.title, date=updated),
                *about_list_lines(self.state.naming.language)])
        except PolicyError:  # the about box must open even when the list is broken
            policy_line = self.tr("The cookie list could not be loaded.")
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
            self.tr("fkinspect is free software under the MIT License. The licences of the "
                    "software it uses are in {path} (Show Details).").format(
                        path=legal_file(NOTICES) or NOTICES),
        ]))
        # The licences themselves, MIT and third-party, readable without leaving the box.
        box.setDetailedText("\n\n".join(path.read_text(encoding="utf-8") for path in
                                         filter(None, map(legal_file, (LICENSE, NOTICES)))))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.open()
        self.about_box = box

    def warn(self, title: str, text: str, name: str) -> None:
        """A window-modal warning in plain text (reasons may quote file names)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName(name)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        self.error_box = box

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        self.ops.supersede()  # what still runs is discarded (a demo built for it is closed)
        self.ops.wait()
        self.state.drop_demo()
        window_geometry.save(self)
        super().closeEvent(event)
