"""Start the app: QApplication, translations, icon, the window; then scan in the background.

`python main.py [--demo] [--lang sv|en]` or the `fkinspect-gui` script.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.i18n import APPLICATION, LANGUAGES, ORGANIZATION, Translations, saved_language


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fkinspect-gui",
                                     description="See and clean Försäkringskassan's cookies.")
    parser.add_argument("--demo", action="store_true",
                        help="show made-up demo cookies instead of this computer's")
    parser.add_argument("--lang", choices=LANGUAGES, help="language (default: the saved one)")
    return parser.parse_args(list(argv))


def _start_logging() -> None:
    from fkinspect.logs import setup_logging

    with contextlib.suppress(OSError):  # no log folder: the app still works
        setup_logging(console=False)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("fkinspect")
    app.setDesktopFileName("fkinspect")

    from ui.icons import app_icon
    from ui.main_window import MainWindow

    app.setWindowIcon(app_icon())
    translations = Translations()
    translations.apply(args.lang or saved_language())
    window = MainWindow(translations, demo=args.demo)
    if os.environ.get("FKINSPECT_BENCH"):
        from ui.bench_probe import attach

        attach(window)
    window.show()
    # Logging and the first scan start once the window has been painted.
    QTimer.singleShot(0, _start_logging)
    QTimer.singleShot(0, window.start)
    return app.exec()
