"""Start the app: QApplication, translations, icon, the window; then scan in the background.

`python main.py [--demo] [--presentation] [--lang sv|en] [--smoke-test]
[--install-desktop-entry]`, or the `fkinspect-gui` script.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from fkinspect import APP_ID
from ui.i18n import APPLICATION, LANGUAGES, ORGANIZATION, Translations, saved_language

if TYPE_CHECKING:
    from ui.main_window import MainWindow


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

    def finished() -> None:
        if window.ops.busy("scan") or (window.scan is None and not window.problem):
            return  # e.g. the automatic demo after an empty first reading is still coming
        scan = window.scan
        if window.problem or scan is None:
            print(f"fkinspect: smoke test failed: {window.problem}", file=sys.stderr)
            app.exit(1)
            return
        mode = "demo" if window.demo else "this computer"
        print(f"fkinspect: window shown ({mode}): {len(scan.cookies)} cookies in "
              f"{len(scan.stores)} stores, {len(scan.failed)} unreadable")
        app.exit(0)

    def too_slow() -> None:
        print(f"fkinspect: smoke test failed: no reading within {timeout_s:.0f} s",
              file=sys.stderr)
        app.exit(1)

    window.scan_finished.connect(finished)
    QTimer.singleShot(int(timeout_s * 1000), too_slow)


class FirstPaint(QObject):
    """Runs `then` once `window` has painted for the first time.

    The window's body and the first scan start here rather than from a zero timer: the
    frame is then on screen before the body's modules load, and the scan's thread, which
    holds the interpreter for most of its run, cannot delay that first paint. If no paint
    comes (a window that is never exposed), `then` runs after FALLBACK_MS anyway.
    """

    FALLBACK_MS = 500

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._run)  # after this paint has reached the screen
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._window.removeEventFilter(self)  # no Python call per event from now on
            then()


def _start_logging() -> None:
    from fkinspect.logs import connect_logging, setup_logging

    with contextlib.suppress(OSError):  # no log folder: the app still works
        setup_logging(console=False)
    connect_logging()  # the ui modules report through the logging module


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.install_desktop_entry or args.remove_desktop_entry:
        from fkinspect.desktop_entry import run

        return run(remove=args.remove_desktop_entry)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("fkinspect")
    app.setDesktopFileName(APP_ID)  # Wayland and docks match the window to the menu entry

    from ui.icons import app_icon
    from ui.main_window import MainWindow

    app.setWindowIcon(app_icon())
    translations = Translations()
    translations.apply(args.lang or saved_language())
    # Only the frame now: the body is built once the frame is on screen (see begin).
    window = MainWindow(translations, demo=args.demo, presenting=args.presentation,
                        lazy_body=True)
    if os.environ.get("FKINSPECT_BENCH"):
        from ui.bench_probe import attach

        attach(window)
    if args.smoke_test:
        smoke_test(app, window)
    window.show()

    def begin() -> None:
        window.build_body()
        _start_logging()
        window.start()

    FirstPaint(window, begin)
    return app.exec()
