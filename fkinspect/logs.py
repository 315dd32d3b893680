"""One rotating log file for the CLI and the app, in the platform's log folder.

What goes in: counts, categories, statuses and errors. What never goes in: a cookie's
value or a full cookie row. No filter can recognise a value it has never seen, so the
guarantee is made where records are written: nothing here (or in the core) formats a
Cookie, and the records that flow through the core carry no value at all.
"""

from __future__ import annotations

import logging
import os
import sys
from collections import Counter
from pathlib import Path

from fkinspect.model import Scan
from fkinspect.serialize import display_path

LOG_NAME = "fkinspect.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK = "_fkinspect_handler"  # set on our handlers so a second setup replaces them

log = logging.getLogger("fkinspect.report")


class RotatingLog(logging.FileHandler):
    """A log file that rolls over before it passes MAX_BYTES, keeping BACKUPS old ones.

    Named like logging.handlers.RotatingFileHandler's (fkinspect.log.1 is the newest
    old one). That module is not used because importing it (socket, pickle, queue)
    costs about 10 ms of every command's start, a tenth of `fkinspect list`.
    """

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + self.terminator
            size = self._size()
            if size and size + len(line.encode("utf-8")) > MAX_BYTES:
                self._roll_over()
        except OSError:
            self.handleError(record)
            return
        super().emit(record)

    def _size(self) -> int:
        if self.stream is not None:
            return int(self.stream.tell())
        try:
            return os.stat(self.baseFilename).st_size
        except FileNotFoundError:
            return 0

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # reopened by emit
        for number in range(BACKUPS - 1, 0, -1):
            older = f"{self.baseFilename}.{number}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{number + 1}")
        if os.path.exists(self.baseFilename):
            os.replace(self.baseFilename, f"{self.baseFilename}.1")


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("fkinspect", appauthor=False))


def setup_logging(verbose: bool = False, console: bool = True,
                  directory: Path | None = None) -> Path:
    """Send fkinspect's records to the rotating file (and to stderr when `console`).

    The file keeps INFO and up; the console shows INFO with `verbose`, else warnings.
    Calling it again replaces the handlers it installed before. Returns the log file.
    """
    folder = directory or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    to_file = RotatingLog(path, encoding="utf-8", delay=True)
    to_file.setLevel(logging.INFO)
    to_file.setFormatter(logging.Formatter(_FORMAT))
    setattr(to_file, _MARK, True)
    root.addHandler(to_file)
    if console:
        to_stderr = logging.StreamHandler(sys.stderr)
        to_stderr.setLevel(logging.INFO if verbose else logging.WARNING)
        to_stderr.setFormatter(logging.Formatter("fkinspect: %(message)s"))
        setattr(to_stderr, _MARK, True)
        root.addHandler(to_stderr)
    # Our own records at INFO; other libraries only when they warn.
    root.setLevel(logging.INFO)
    for name in ("fkinspect", "ui"):
        logging.getLogger(name).setLevel(logging.INFO)
    return path


def close_logging() -> None:
    """Close the handlers setup_logging installed (tests, and the app on quit)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(handler)
        handler.close()


def log_scan(scan: Scan, home: Path | None = None) -> None:
    """One line per store and one summary: statuses, counts and categories only."""
    for store in scan.stores:
        profile = store.location.profile
        log.info("store %s/%s %s: %s, %d cookies%s", profile.browser_id,
                 str(store.location.format), display_path(store.location.path, home),
                 str(store.status), len(store.cookies), " (browser running)" if store.running
                 else "")
    categories = Counter(str(c.classification.category) for c in scan.cookies)
    findings = Counter(str(f.code) for c in scan.cookies for f in c.classification.findings)
    log.info("scan: %d stores (%d failed), %d cookies; categories %s; findings %s",
             len(scan.stores), len(scan.failed), len(scan.cookies),
             dict(sorted(categories.items())), dict(sorted(findings.items())))
