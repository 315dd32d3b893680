"""The logging module's side of fkinspect's log: a handler that hands records on.

Imported only by code that has logging loaded anyway (the app) or an exception to
report; `fkinspect.logs` explains why the log does not depend on logging itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

Write = Callable[[int, str, str], None]


class ToLog(logging.Handler):
    """Formats a record (its traceback included) and hands it to fkinspect's log."""

    def __init__(self, write: Write) -> None:
        super().__init__(logging.INFO)
        self.setFormatter(logging.Formatter("%(message)s"))
        self._write = write

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._write(record.levelno, record.name, self.format(record))
        except Exception:
            self.handleError(record)


def connect(write: Write) -> None:
    """Our own records from INFO, other libraries' from WARNING; once per process."""
    root = logging.getLogger()
    if not any(isinstance(handler, ToLog) for handler in root.handlers):
        root.addHandler(ToLog(write))
    root.setLevel(logging.WARNING)
    for name in ("fkinspect", "ui"):
        logging.getLogger(name).setLevel(logging.INFO)
