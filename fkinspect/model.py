"""The immutable records that flow one way: discover -> read -> classify -> show.

Nothing here does I/O. Every stage takes these values and returns new ones
(`dataclasses.replace` makes a changed copy).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # policy.py imports this module
    from fkinspect.policy import Policy


@dataclass(frozen=True, slots=True)
class Words:
    """A sentence for people that the core returns before anyone picks a language:
    its English msgid and the values it names. fkinspect.i18n.say() says it."""

    msgid: str
    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, msgid: str, /, **values: object) -> Words:
        return cls(msgid, tuple((k, str(v)) for k, v in values.items()))

    def __bool__(self) -> bool:
        return bool(self.msgid)


NOTHING = Words("")  # no sentence: what a store that went well says


class Family(StrEnum):
    """Store format family: decides which reader and which lock test apply."""

    CHROMIUM = "chromium"
    FIREFOX = "firefox"
    SAFARI = "safari"


class StoreFormat(StrEnum):
    CHROMIUM_SQLITE = "chromium_sqlite"
    FIREFOX_SQLITE = "firefox_sqlite"
    FIREFOX_SESSION = "firefox_session"  # sessionstore.jsonlz4 / recovery.jsonlz4
    SAFARI_BINARY = "safari_binary"


class Source(StrEnum):
    """Where a cookie record was read from (a public JSON field)."""

    SQLITE = "sqlite"
    SESSION_STORE = "session_store"
    BINARYCOOKIES = "binarycookies"


class Category(StrEnum):
    NECESSARY = "necessary"
    WEBMEETING = "webmeeting"
    ANALYTICS = "analytics"
    THIRD_PARTY = "third_party"
    UNDOCUMENTED = "undocumented"


class SameSite(StrEnum):
    UNSPECIFIED = "unspecified"
    NONE = "none"
    LAX = "lax"
    STRICT = "strict"


class StoreStatus(StrEnum):
    """Outcome of reading one store (a public JSON field)."""

    OK = "ok"
    MISSING = "missing"  # vanished between discovery and reading
    UNREADABLE = "unreadable"  # permission denied (Safari: Full Disk Access)
    LOCKED = "locked"  # another program holds it and no copy could be made
    CORRUPT = "corrupt"  # not a database / truncated / malformed
    UNSUPPORTED = "unsupported"  # a schema we do not understand
    ERROR = "error"  # anything else, with a message


class ReadMethod(StrEnum):
    """How a store was read without leaving a trace in the profile."""

    IMMUTABLE = "immutable"  # opened in place with immutable=1: nothing written
    COPY = "copy"  # db (+ -wal/-journal) copied to a private temp folder first
    FILE = "file"  # a plain file read in full (session store, binarycookies)


@dataclass(frozen=True, slots=True)
class Profile:
    """One browser profile found on disk."""

    browser_id: str  # stable id: "chromium", "chrome", "firefox-esr", "safari" ...
    browser_name: str  # for people: "Chromium", "Google Chrome", "Firefox ESR" ...
    family: Family
    name: str  # display name ("Person 1", "default-esr")
    directory: Path  # the profile folder
    root: Path  # Chromium user-data-dir / Firefox profiles root / Safari cookie folder
    is_default: bool = False
    # Firefox containers: userContextId -> name (from containers.json). A dict cannot
    # hash, so a profile hashes by its other fields (it is a key in scans and views).
    containers: Mapping[int, str] = field(default_factory=dict, hash=False)

    @property
    def label(self) -> str:
        return f"{self.browser_name} ({self.name})"



@dataclass(frozen=True, slots=True)
class StoreLocation:
    """A cookie file of a profile, before it is read.

    `problem` is set when discovery found something it could not read (a
    profile folder, a browser's folder, or a settings file such as `Local State`
    or `profiles.ini`): `path` is then that folder or file, `format` the kind of
    store looked for, and the location is reported unreadable, never read.
    """

    profile: Profile
    path: Path
    format: StoreFormat
    problem: str = ""  # why it could not be read, in plain words


@dataclass(frozen=True, slots=True)
class Cookie:
    """One row of a store: metadata only, never the value.

    `key` is the row's full identity in its store (Chromium: host_key,
    top_frame_site_key, has_cross_site_ancestor, name, path, source_scheme,
    source_port as far as the schema has them; Firefox: name, host, path,
    originAttributes), so partition and container twins stay apart. `rowid`
    is the SQLite rowid (None outside SQLite); the cleaner deletes by both.
    """

    host: str  # as stored, lower case; a leading dot marks a domain cookie
    name: str
    path: str
    expires: datetime | None  # UTC; None for a session cookie
    created: datetime | None
    last_access: datetime | None
    secure: bool
    http_only: bool
    same_site: SameSite
    partition: str | None  # top-level site it is partitioned under, "https://example.se"
    container: str | None  # Firefox container name (or "#N" when unnamed)
    source: Source
    store: StoreLocation
    key: tuple[str | int, ...]
    rowid: int | None = None

    @property
    def identity(self) -> tuple[object, ...]:
        """Which row this is, across scans and stores: its store, full key and row id."""
        return (self.store.path, self.store.format, self.key, self.rowid)

    @property
    def session(self) -> bool:
        return self.expires is None

    @property
    def domain(self) -> str:
        """The host without the leading dot of a domain cookie."""
        return self.host.lstrip(".")


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What reading one store gave: its status, and its cookies when it read."""

    location: StoreLocation
    status: StoreStatus
    message: str = ""  # why, when status is not OK: English, for JSON, logs and support
    method: ReadMethod | None = None
    schema: str = ""  # e.g. "meta 24", "user_version 17", "mozLz4"
    cookies: tuple[Cookie, ...] = ()
    running: bool = False  # the owning browser was running while we read
    words: Words = NOTHING  # `message` for people, said in their language (i18n.say)


class FindingCode(StrEnum):
    """What the agency's page does not say, or what differs from it (public JSON)."""

    UNDOCUMENTED = "undocumented"
    LIKELY_TOOL = "likely_tool"  # undocumented, but a known tool's cookie
    LONGER_THAN_DOCUMENTED = "longer_than_documented"
    PERSISTENT_BUT_SESSION = "persistent_but_session"
    BROWSER_CAP = "browser_cap"  # 27/30 years documented, browser stored 400 days
    CASE_DIFFERS = "case_differs"
    KNOWN_TYPO = "known_typo"
    PARTITIONED_THIRD_PARTY = "partitioned_third_party"
    NAMED_THIRD_PARTY = "named_third_party"
    PARTITIONED_ELSEWHERE = "partitioned_elsewhere"  # agency cookie in another site's partition


@dataclass(frozen=True, slots=True)
class Finding:
    code: FindingCode
    # Parameters for the sentence a UI or CLI builds (documented name, days ...).
    detail: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Classification:
    category: Category
    rule: str  # what matched: a policy name/pattern, "site:youtube.com", "partition:...", ""
    findings: tuple[Finding, ...] = ()
    # The category a cleaner treats it as: an undocumented Matomo cookie is analytics.
    clean_as: Category | None = None
    entry_id: str | None = None  # id of the policy entry or known tool that matched

    def has(self, code: FindingCode) -> bool:
        return any(f.code is code for f in self.findings)


@dataclass(frozen=True, slots=True)
class ClassifiedCookie:
    cookie: Cookie
    classification: Classification


@dataclass(frozen=True, slots=True)
class Scan:
    """Everything one scan found, in discovery order, and the policy it was classified by."""

    stores: tuple[StoreResult, ...]
    cookies: tuple[ClassifiedCookie, ...]
    finished: datetime
    policy: Policy

    @property
    def failed(self) -> tuple[StoreResult, ...]:
        return tuple(s for s in self.stores if s.status is not StoreStatus.OK)
