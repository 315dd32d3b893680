"""One rotating log file for the CLI and the app, in the platform's log folder.

What goes in: counts, categories, statuses and errors. What never goes in: a cookie's
value or a full cookie row. No filter can recognise a value it has never seen, so the
guarantee is made where records are written: nothing here (or in the core) formats a
Cookie, and the records that flow through the core carry no value at all.

It is the logging module's RotatingFileHandler (1 MB, 3 kept), made private: the
folder is 0700 and the file 0600 whatever the umask, the file is never opened through
a symbolic link or when it is anything but a regular file of its own (another user
who could plant a link there would have fkinspect append to a file of theirs
choosing), and every record has its control characters written out, so a folder
name with a newline cannot forge a line.
"""

from __future__ import annotations

import errno
import io
import logging
import logging.handlers
import os
import stat
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

import platformdirs

from fkinspect.errors import FkInspectError
from fkinspect.model import Scan
from fkinspect.private import FILE_MODE, ForeignFolder, private_folder
from fkinspect.serialize import display_path
from fkinspect.textsafe import printable

LOG_NAME = "fkinspect.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_OURS = ("fkinspect", "ui")  # loggers kept from INFO; every other library's from WARNING
_REPORT = "fkinspect.report"
_FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_CONSOLE_FORMAT = "fkinspect: %(message)s"

log = logging.getLogger(__name__)
_installed: list[logging.Handler] = []  # what setup_logging added to the root logger


class UnsafeLogFile(FkInspectError, OSError):
    """The log path is not a regular file of the user's own (a link, a FIFO ...)."""


class SafeFormatter(logging.Formatter):
    """Control characters written out; a traceback's lines indented under their record,
    so that every line that starts at the margin is a record fkinspect wrote."""

    def format(self, record: logging.LogRecord) -> str:
        record.message = printable(record.getMessage())
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        text = self.formatMessage(record)
        if record.exc_info:
            text += "\n" + _indented(self.formatException(record.exc_info))
        elif record.exc_text:
            text += "\n" + _indented(record.exc_text)
        if record.stack_info:
            text += "\n" + _indented(self.formatStack(record.stack_info))
        return text


def _indented(text: str) -> str:
    return "\n".join("  " + printable(line) for line in text.splitlines())


class PrivateLogFile(logging.handlers.RotatingFileHandler):
    """RotatingFileHandler that opens only a regular file of its own, 0600, never
    through a symbolic link. Its own rotation is kept: it renames and removes names,
    which moves a planted link itself and never writes through it."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")

    def _open(self) -> io.TextIOWrapper:
        _refuse_odd(self.baseFilename)  # for a plain answer; the flags below close the race
        flags = (os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_NONBLOCK", 0)  # a FIFO planted here must not block us
                 | getattr(os, "O_CLOEXEC", 0))
        fd = os.open(self.baseFilename, flags, FILE_MODE)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise UnsafeLogFile(errno.EINVAL, "not a regular file", self.baseFilename)
            if info.st_nlink > 1:  # a hard link to someone else's file
                raise UnsafeLogFile(errno.EMLINK, "has other hard links", self.baseFilename)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, FILE_MODE)  # an older log may have been made 0644
            return open(fd, "a", encoding=self.encoding, errors=self.errors)
        except BaseException:
            os.close(fd)
            raise

    def handleError(self, record: logging.LogRecord) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # a full disk or a vanished folder must not stop the command
        super().handleError(record)


def _refuse_odd(path: str) -> None:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeLogFile(errno.ELOOP, "it is a symbolic link", path)
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeLogFile(errno.EINVAL, "not a regular file", path)


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Whatever sys.stderr is when a record comes (tests and the app replace it)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("fkinspect", appauthor=False))


def connect_logging() -> None:
    """Keep our own records from INFO and other libraries' from WARNING (idempotent)."""
    logging.getLogger().setLevel(logging.WARNING)
    for name in _OURS:
        logging.getLogger(name).setLevel(logging.INFO)


def setup_logging(verbose: bool = False, console: bool = True,
                  directory: Path | None = None) -> Path:
    """Write to the rotating file (and to stderr when `console`); return the file.

    The file keeps INFO and up; the console shows INFO with `verbose`, else warnings.
    Calling it again replaces what it set up before. Raises OSError when the folder
    cannot be made, after setting up the console alone. Another user's folder, or a
    log path that is not a regular file, is left alone, with a warning, and not written.
    """
    close_logging()
    connect_logging()
    if console:
        _install(_Stderr(), logging.INFO if verbose else logging.WARNING, _CONSOLE_FORMAT)
    folder = directory or log_dir()
    path = folder / LOG_NAME
    try:
        private_folder(folder)
    except ForeignFolder as exc:  # warned, not written
        log.warning("the log folder %s is not used: %s", folder, _why(exc))
        return path
    try:
        handler = PrivateLogFile(path)
    except OSError as exc:
        log.warning("the log file %s is left alone and not written: %s", path, _why(exc))
        return path
    _install(handler, logging.INFO, _FILE_FORMAT)
    return path


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "it is a symbolic link"
    return exc.strerror or str(exc)


def _install(handler: logging.Handler, level: int, fmt: str) -> None:
    handler.setLevel(level)
    handler.setFormatter(SafeFormatter(fmt))
    logging.getLogger().addHandler(handler)
    _installed.append(handler)


def close_logging() -> None:
    """Close the file and stop writing (tests; setup_logging before it sets up again)."""
    root = logging.getLogger()
    while _installed:
        handler = _installed.pop()
        root.removeHandler(handler)
        handler.close()


def logger(name: str) -> logging.Logger:
    """The logging.Logger the core reports through."""
    return logging.getLogger(name)


def log_scan(scan: Scan, home: Path | None = None) -> None:
    """One line per store and one summary: statuses, counts and categories only."""
    report = logging.getLogger(_REPORT)
    for store in scan.stores:
        profile = store.location.profile
        report.info("store %s/%s %s: %s, %d cookies%s", profile.browser_id,
                    store.location.format, display_path(store.location.path, home),
                    store.status, len(store.cookies),
                    " (browser running)" if store.running else "")
    categories = Counter(str(c.classification.category) for c in scan.cookies)
    findings = Counter(str(f.code) for c in scan.cookies for f in c.classification.findings)
    report.info("scan: %d stores (%d failed), %d cookies; categories %s; findings %s",
                len(scan.stores), len(scan.failed), len(scan.cookies),
                dict(sorted(categories.items())), dict(sorted(findings.items())))
