"""One rotating log file for the CLI and the app, in the platform's log folder.

What goes in: counts, categories, statuses and errors. What never goes in: a cookie's
value or a full cookie row. No filter can recognise a value it has never seen, so the
guarantee is made where records are written: nothing here (or in the core) formats a
Cookie, and the records that flow through the core carry no value at all.

The file is written here, line by line, not by the logging module: importing logging
(with traceback, linecache, tokenize and textwrap) would cost every `fkinspect list` about
9 ms, a tenth of its run, for the few lines a scan writes. Code that has the logging
module loaded anyway (the app, other libraries) reaches the same file through
`connect_logging`, and the core asks `logger()` for a Logger only when it has an
exception to report.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fkinspect.model import Scan
from fkinspect.serialize import display_path, utf8_text

if TYPE_CHECKING:
    import logging

LOG_NAME = "fkinspect.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
# The logging module's numbers, so that its records need no translation.
INFO, WARNING, ERROR, CRITICAL = 20, 30, 40, 50
_LEVEL_NAMES = {INFO: "INFO", WARNING: "WARNING", ERROR: "ERROR", CRITICAL: "CRITICAL"}
_REPORT = "fkinspect.report"


class RotatingFile:
    """A log file that rolls over before it passes MAX_BYTES, keeping BACKUPS old ones.

    Named like logging.handlers.RotatingFileHandler's (fkinspect.log.1 is the newest old
    one). Opened on the first line, readable by the user alone, flushed line by line.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream: TextIO | None = None

    def write(self, line: str) -> None:
        if self._stream is None:
            self._stream = self._open()
        size = self._stream.tell()
        if size and size + len(line.encode("utf-8")) > MAX_BYTES:
            self._roll_over()
            self._stream = self._open()
        self._stream.write(line)
        self._stream.flush()

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def _open(self) -> TextIO:
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return open(fd, "a", encoding="utf-8")  # kept open until close()

    def _roll_over(self) -> None:
        self.close()
        name = str(self.path)
        for number in range(BACKUPS - 1, 0, -1):
            older = f"{name}.{number}"
            if os.path.exists(older):
                os.replace(older, f"{name}.{number + 1}")
        if os.path.exists(name):
            os.replace(name, f"{name}.1")


class _Sink:
    """Where lines go: the file (INFO and up) and, when asked, stderr."""

    def __init__(self) -> None:
        self.lock = threading.Lock()  # the app's scans write from a worker thread
        self.file: RotatingFile | None = None
        self.console_level: int | None = None  # None: nothing on stderr

    def write(self, level: int, source: str, message: str) -> None:
        if level >= INFO:
            line = utf8_text(
                f"{_timestamp()} {_LEVEL_NAMES.get(level, 'LOG')} {source}: {message}\n"
            )
            # A full disk or a vanished folder must not stop the command.
            with self.lock, contextlib.suppress(OSError):
                if self.file is not None:
                    self.file.write(line)
        if self.console_level is not None and level >= self.console_level:
            print(f"fkinspect: {message}", file=sys.stderr)


_sink = _Sink()


def _timestamp() -> str:
    now = time.time()
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(now)) + f",{int(now % 1 * 1000):03d}"


def write(level: int, source: str, message: str) -> None:
    """One line in the log: INFO, WARNING or ERROR, who says it, and what."""
    _sink.write(level, source, message)


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("fkinspect", appauthor=False))


def setup_logging(verbose: bool = False, console: bool = True,
                  directory: Path | None = None) -> Path:
    """Write to the rotating file (and to stderr when `console`); return the file.

    The file keeps INFO and up; the console shows INFO with `verbose`, else warnings.
    Calling it again replaces what it set up before. Raises OSError when the folder
    cannot be made, after setting up the console alone.
    """
    close_logging()
    _sink.console_level = (INFO if verbose else WARNING) if console else None
    folder = directory or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    with _sink.lock:
        _sink.file = RotatingFile(path)
    return path


def close_logging() -> None:
    """Close the file and stop writing (tests; setup_logging before it sets up again)."""
    with _sink.lock:  # not while a worker thread writes a line
        if _sink.file is not None:
            _sink.file.close()
        _sink.file = None
    _sink.console_level = None


def connect_logging() -> None:
    """Send the logging module's records to this log: our own at INFO, others' when
    they warn. For code that has logging loaded anyway; calling it again changes nothing."""
    from fkinspect.logs_bridge import connect

    connect(_sink.write)


def logger(name: str) -> logging.Logger:
    """A logging.Logger whose records reach this log (for reporting an exception)."""
    import logging

    connect_logging()
    return logging.getLogger(name)


def log_scan(scan: Scan, home: Path | None = None) -> None:
    """One line per store and one summary: statuses, counts and categories only."""
    for store in scan.stores:
        profile = store.location.profile
        write(INFO, _REPORT, f"store {profile.browser_id}/{store.location.format!s} "
                             f"{display_path(store.location.path, home)}: {store.status!s}, "
                             f"{len(store.cookies)} cookies"
                             f"{' (browser running)' if store.running else ''}")
    categories = Counter(str(c.classification.category) for c in scan.cookies)
    findings = Counter(str(f.code) for c in scan.cookies for f in c.classification.findings)
    write(INFO, _REPORT, f"scan: {len(scan.stores)} stores ({len(scan.failed)} failed), "
                         f"{len(scan.cookies)} cookies; categories "
                         f"{dict(sorted(categories.items()))}; findings "
                         f"{dict(sorted(findings.items()))}")
