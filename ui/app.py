"""Start the app: QApplication, translations, icon, the window; then scan in the background.

`python main.py [--demo] [--presentation] [--lang sv|en] [--smoke-test]
[--install-desktop-entry]`, or the `fkinspect-gui` script.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fkinspect import APP_ID
from fkinspect.desktop_entry import run as desktop_entry
from fkinspect.logs import connect_logging, setup_logging

from .bench_probe import attach
from .contrast import mend_application_palette
from .i18n import APPLICATION, LANGUAGES, ORGANIZATION, Translations, saved_language
from .icons import app_icon
from .main_window import MainWindow


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fkinspect-gui",
                                     description="See and clean Försäkringskassan's cookies.")
    parser.add_argument("--demo", action="store_true",
                        help="show made-up demo cookies instead of this computer's")
    parser.add_argument("--lang", choices=LANGUAGES, help="language (default: the saved one)")
    parser.add_argument("--presentation", action="store_true",
                        help="hide folders and profile names on screen (for showing the app "
                             "on a real computer)")
    parser.add_argument("--install-desktop-entry", action="store_true",
                        help="add fkinspect to this user's application menu, then exit")
    parser.add_argument("--remove-desktop-entry", action="store_true",
                        help="remove fkinspect from this user's application menu, then exit")
    parser.add_argument("--smoke-test", action="store_true",
                        help="show the window, wait for the first reading, print a summary "
                             "and exit (0 when it worked)")
    return parser.parse_args(list(argv))


def smoke_test(app: QApplication, window: MainWindow, timeout_s: float = 90) -> None:
    """Quit once the first reading is on screen: 0 if it worked, 1 if not or too slow."""

    state = window.state

    def finished() -> None:
        if window.ops.busy("scan") or (state.scan is None and not state.problem):
            return  # e.g. the automatic demo after an empty first reading is still coming
        scan = state.scan
        if state.problem or scan is None:
            print(f"fkinspect: smoke test failed: {state.problem}", file=sys.stderr)
            app.exit(1)
            return
        mode = "demo" if state.demo else "this computer"
        print(f"fkinspect: window shown ({mode}): {len(scan.cookies)} cookies in "
              f"{len(scan.stores)} stores, {len(scan.failed)} unreadable")
        app.exit(0)

    def too_slow() -> None:
        print(f"fkinspect: smoke test failed: no reading within {timeout_s:.0f} s",
              file=sys.stderr)
        app.exit(1)

    window.scan_finished.connect(finished)
    QTimer.singleShot(int(timeout_s * 1000), too_slow)


def _start_logging() -> None:
    with contextlib.suppress(OSError):  # no log folder: the app still works
        setup_logging(console=False)
    connect_logging()  # the ui modules report through the logging module


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.install_desktop_entry or args.remove_desktop_entry:
        return desktop_entry(remove=args.remove_desktop_entry)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("fkinspect")
    app.setDesktopFileName(APP_ID)  # Wayland and docks match the window to the menu entry
    app.setWindowIcon(app_icon())
    mend_application_palette()  # the system's colours, with every text pair at WCAG AA
    translations = Translations()
    translations.apply(args.lang or saved_language())
    _start_logging()
    window = MainWindow(translations, demo=args.demo, presenting=args.presentation)
    if os.environ.get("FKINSPECT_BENCH"):
        attach(window)
    if args.smoke_test:
        smoke_test(app, window)
    window.show()
    window.activateWindow()  # the keyboard goes to the new window (the WM may still decide)
    window.start()
    return app.exec()
