"""Typed errors of the core. ui/ and the CLI turn them into words for people."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from fkinspect.model import StoreStatus, Words


class FkInspectError(Exception):
    """Base of every error the core raises on purpose."""


class FormatError(FkInspectError, ValueError):
    """Bytes that are not the file format they should be (mozLz4, binarycookies).

    Also a ValueError, as a parser's complaint about its input is in Python, and
    as callers that read several formats catch it.
    """


class PolicyError(FkInspectError):
    """The policy file is missing or malformed: nothing may be classified or cleaned."""


class StoreError(FkInspectError):
    """A store could not be read (or written). `status` says which kind of failure."""

    status = StoreStatus.ERROR

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(f"{path}: {detail}" if detail else str(path))
        self.path = path
        self.detail = detail


class StoreMissing(StoreError):
    status = StoreStatus.MISSING


class StoreUnreadable(StoreError):
    status = StoreStatus.UNREADABLE


class StoreLocked(StoreError):
    status = StoreStatus.LOCKED


class StoreCorrupt(StoreError):
    status = StoreStatus.CORRUPT


class UnsupportedSchema(StoreError):
    status = StoreStatus.UNSUPPORTED


# Browsers keep at most about 3,300 cookies per store (Chromium's kMaxCookies;
# Firefox's network.cookie.maxNumber 3,000 plus 10 %), so a store with more
# than this many cookies of the sites we read is broken or hostile. Above it a
# store is reported, never read whole or cleaned: time and memory stay bounded.
MAX_STORE_COOKIES = 100_000


class StoreTooLarge(StoreCorrupt):
    """More cookies in scope than MAX_STORE_COOKIES (or the reader's lower limit)."""


class BrowserRunning(FkInspectError):
    """The browser that owns a profile is running: writing is refused."""

    def __init__(self, browser_name: str, profile_name: str, evidence: str = "") -> None:
        super().__init__(f"{browser_name} ({profile_name}) is running {evidence}".strip())
        self.browser_name = browser_name
        self.profile_name = profile_name
        self.evidence = evidence


class WriteStopped(FkInspectError):
    """A clean or restore of one store stops here; the store stays as it was (unless the
    cleaner finds otherwise after a failed commit). `status` is that store's outcome
    (clean.Status or clean.RestoreStatus), `message` for people, `detail` technical."""

    def __init__(self, status: StrEnum, message: Words, detail: str = "") -> None:
        super().__init__(detail or message.msgid)
        self.status = status
        self.message = message
        self.detail = detail


class ValueUnavailable(FkInspectError):
    """One cookie's value could not be read; says why in plain words: `reason` is an
    English msgid of the core's catalog (str() of the error is that English), `words`
    what a front says in its language."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.words = Words(reason)
