"""Schema-faithful cookie stores for tests, the benchmark and the demo mode.

Never pointed at a real profile: every writer refuses an existing file.

Chromium schemas follow net/extras/sqlite/sqlite_persistent_cookie_store.cc
(CreateV20Schema ... CreateV24Schema and its version notes):
  18  adds last_update_utc; still has is_same_party;
      unique index (host_key, top_frame_site_key, name, path)
  20  unique index adds source_scheme, source_port
  21  drops is_same_party
  22  adds source_type
  23  adds has_cross_site_ancestor, also in the unique index (24 = same schema)
  24  encrypted plaintext starts with SHA-256(host_key)
Firefox schemas follow netwerk/cookie/CookiePersistentStorage.cpp (UpgradeDB):
  11  drops baseDomain; has rawSameSite
  12  adds schemeMap
  13  adds isPartitionedAttributeSet (14: expiry capped to 400 days, same columns)
  15  drops rawSameSite
  16  expiry in milliseconds (seconds before)
  17  adds updateTime
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fkinspect.browsers.firefox_session import origin_attributes_suffix
from fkinspect.model import SameSite
from fkinspect.values.chromium_crypto import HOST_HASH_FROM_META, encrypt_linux

CHROMIUM_META_VERSIONS = (18, 20, 22, 24)
FIREFOX_USER_VERSIONS = (12, 14, 16, 17)
AGENCY = "forsakringskassan.se"
AGENCY_SITE = "https://forsakringskassan.se"

CHROMIUM_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class SynthCookie:
    """One cookie to write into a generated store."""

    host: str
    name: str
    value: str = field(default="x", repr=False)
    path: str = "/"
    expires: datetime | None = None  # None: a session cookie
    created: datetime | None = None
    secure: bool = True
    http_only: bool = False
    same_site: SameSite = SameSite.LAX
    partition: str | None = None  # top-level site, "https://forsakringskassan.se"
    container: int | None = None  # Firefox userContextId
    source_scheme: int = 2  # Chromium CookieSourceScheme: 2 = secure
    source_port: int = 443
    # Chromium 156 wrote 1 on every row it stored, first-party included.
    has_cross_site_ancestor: bool = True


# --- Chromium -----------------------------------------------------------------

_CHROMIUM_COLUMNS: dict[int, tuple[str, ...]] = {}
_BASE = (
    "creation_utc", "host_key", "top_frame_site_key", "name", "value", "encrypted_value",
    "path", "expires_utc", "is_secure", "is_httponly", "last_access_utc", "has_expires",
    "is_persistent", "priority", "samesite", "source_scheme", "source_port",
)  # fmt: skip
_CHROMIUM_COLUMNS[18] = (*_BASE, "is_same_party", "last_update_utc")
_CHROMIUM_COLUMNS[20] = _CHROMIUM_COLUMNS[18]
_CHROMIUM_COLUMNS[22] = (*_BASE, "last_update_utc", "source_type")
_CHROMIUM_COLUMNS[24] = (*_CHROMIUM_COLUMNS[22], "has_cross_site_ancestor")

_CHROMIUM_TYPES = {
    "host_key": "TEXT", "top_frame_site_key": "TEXT", "name": "TEXT", "value": "TEXT",
    "encrypted_value": "BLOB", "path": "TEXT",
}  # fmt: skip

_CHROMIUM_INDEX: dict[int, str] = {
    18: "host_key, top_frame_site_key, name, path",
    20: "host_key, top_frame_site_key, name, path, source_scheme, source_port",
    22: "host_key, top_frame_site_key, name, path, source_scheme, source_port",
    24: "host_key, top_frame_site_key, has_cross_site_ancestor, name, path, "
    "source_scheme, source_port",
}


def _chromium_ddl(version: int) -> list[str]:
    columns = ",".join(
        f"{c} {_CHROMIUM_TYPES.get(c, 'INTEGER')} NOT NULL" for c in _CHROMIUM_COLUMNS[version]
    )
    return [
        "CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR)",
        f"CREATE TABLE cookies({columns})",
        f"CREATE UNIQUE INDEX cookies_unique_index ON cookies({_CHROMIUM_INDEX[version]})",
    ]


def chromium_time(moment: datetime | None) -> int:
    """Microseconds since 1601-01-01 UTC; 0 for none."""
    if moment is None:
        return 0
    return (moment - CHROMIUM_EPOCH) // timedelta(microseconds=1)


def encrypt_chromium_value(value: str, host_key: str, meta_version: int) -> bytes:
    """"v10" + AES-128-CBC with the peanuts key, as Chromium on Linux without a keyring."""
    plain = value.encode("utf-8")
    if meta_version >= HOST_HASH_FROM_META:
        plain = hashlib.sha256(host_key.encode("utf-8")).digest() + plain
    return encrypt_linux(plain)


_CHROMIUM_SAME_SITE = {
    SameSite.UNSPECIFIED: -1, SameSite.NONE: 0, SameSite.LAX: 1, SameSite.STRICT: 2,
}  # fmt: skip


def _chromium_row(c: SynthCookie, version: int, now: datetime) -> tuple[object, ...]:
    created = chromium_time(c.created or now)
    persistent = c.expires is not None
    values: dict[str, object] = {
        "creation_utc": created,
        "host_key": c.host,
        "top_frame_site_key": c.partition or "",
        "name": c.name,
        "value": "",
        "encrypted_value": encrypt_chromium_value(c.value, c.host, version),
        "path": c.path,
        "expires_utc": chromium_time(c.expires),
        "is_secure": int(c.secure),
        "is_httponly": int(c.http_only),
        "last_access_utc": created,
        "has_expires": int(persistent),
        "is_persistent": int(persistent),
        "priority": 1,
        "samesite": _CHROMIUM_SAME_SITE[c.same_site],
        "source_scheme": c.source_scheme,
        "source_port": c.source_port,
        "is_same_party": 0,
        "last_update_utc": created,
        "source_type": 1,
        "has_cross_site_ancestor": int(c.has_cross_site_ancestor),
    }
    return tuple(values[col] for col in _CHROMIUM_COLUMNS[version])


def _fresh(path: Path) -> None:
    if path.exists():
        raise FileExistsError(f"{path} exists; generated stores are never written over a file")
    path.parent.mkdir(parents=True, exist_ok=True)


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    # Table and column names come from the fixed schemas above, never from data.
    marks = ",".join("?" * len(columns))
    return f"INSERT INTO {table}({','.join(columns)}) VALUES ({marks})"  # noqa: S608


def write_chromium_store(
    path: Path, cookies: Iterable[SynthCookie], *, meta_version: int = 24
) -> None:
    """A Chromium `Cookies` file of this meta version holding these cookies."""
    if meta_version not in _CHROMIUM_COLUMNS:
        raise ValueError(f"meta version {meta_version} is not one of {CHROMIUM_META_VERSIONS}")
    _fresh(path)
    now = datetime.now(UTC)
    with closing(sqlite3.connect(path)) as con:
        for statement in _chromium_ddl(meta_version):
            con.execute(statement)
        con.executemany(
            "INSERT INTO meta(key, value) VALUES (?, ?)",
            [("mmap_status", "-1"), ("version", str(meta_version)),
             ("last_compatible_version", str(meta_version))],
        )  # fmt: skip
        con.executemany(
            _insert_sql("cookies", _CHROMIUM_COLUMNS[meta_version]),
            (_chromium_row(c, meta_version, now) for c in cookies),
        )
        con.commit()


# --- Firefox ------------------------------------------------------------------

_FF_BASE = (
    ("id", "INTEGER PRIMARY KEY"), ("originAttributes", "TEXT NOT NULL DEFAULT ''"),
    ("name", "TEXT"), ("value", "TEXT"), ("host", "TEXT"), ("path", "TEXT"),
    ("expiry", "INTEGER"), ("lastAccessed", "INTEGER"), ("creationTime", "INTEGER"),
    ("isSecure", "INTEGER"), ("isHttpOnly", "INTEGER"),
    ("inBrowserElement", "INTEGER DEFAULT 0"), ("sameSite", "INTEGER DEFAULT 0"),
)  # fmt: skip
_RAW = (("rawSameSite", "INTEGER DEFAULT 0"),)
_SCHEME = (("schemeMap", "INTEGER DEFAULT 0"),)
_PART = (("isPartitionedAttributeSet", "INTEGER DEFAULT 0"),)
_FIREFOX_COLUMNS: dict[int, tuple[tuple[str, str], ...]] = {
    12: (*_FF_BASE, *_RAW, *_SCHEME),
    14: (*_FF_BASE, *_RAW, *_SCHEME, *_PART),
    16: (*_FF_BASE, *_SCHEME, *_PART),
    17: (*_FF_BASE, *_SCHEME, *_PART, ("updateTime", "INTEGER")),
}

# nsICookie SAMESITE_*; before user_version 15 there was no UNSET: an absent
# attribute was rawSameSite 0 with sameSite LAX (lax by default), which the
# 14 -> 15 migration turned into 256.
_FF_SAME_SITE = {SameSite.NONE: 0, SameSite.LAX: 1, SameSite.STRICT: 2, SameSite.UNSPECIFIED: 256}


def firefox_origin_attributes(cookie: SynthCookie) -> str:
    """The originAttributes suffix Firefox stores for this cookie's container/partition."""
    attrs: dict[str, object] = {}
    if cookie.container:
        attrs["userContextId"] = cookie.container
    if cookie.partition:
        scheme, _, host = cookie.partition.partition("://")
        attrs["partitionKey"] = f"({scheme},{host})"
    return origin_attributes_suffix(attrs)


def _firefox_row(c: SynthCookie, version: int, now: datetime) -> tuple[object, ...]:
    if c.expires is None:
        raise ValueError("Firefox never writes session cookies to cookies.sqlite")
    created = c.created or now
    created_us = int(created.timestamp() * 1_000_000)
    expiry_s = int(c.expires.timestamp())
    same_site = _FF_SAME_SITE[c.same_site]
    raw_same_site = same_site
    if c.same_site is SameSite.UNSPECIFIED:
        same_site, raw_same_site = 1, 0
    values: dict[str, object] = {
        "id": None,
        "originAttributes": firefox_origin_attributes(c),
        "name": c.name,
        "value": c.value,
        "host": c.host,
        "path": c.path,
        "expiry": expiry_s * 1000 if version >= 16 else expiry_s,
        "lastAccessed": created_us,
        "creationTime": created_us,
        "isSecure": int(c.secure),
        "isHttpOnly": int(c.http_only),
        "inBrowserElement": 0,
        "sameSite": _FF_SAME_SITE[c.same_site] if version >= 15 else same_site,
        "rawSameSite": raw_same_site,
        "schemeMap": 2 if c.secure else 1,  # nsICookie SCHEME_HTTPS / SCHEME_HTTP
        "isPartitionedAttributeSet": int(c.partition is not None),
        "updateTime": created_us,
    }
    return tuple(values[name] for name, _ in _FIREFOX_COLUMNS[version])


def _firefox_ddl(version: int) -> str:
    columns = ", ".join(f"{n} {t}" for n, t in _FIREFOX_COLUMNS[version])
    return (
        f"CREATE TABLE moz_cookies ({columns}, "
        "CONSTRAINT moz_uniqueid UNIQUE (name, host, path, originAttributes))"
    )


def write_firefox_store(
    path: Path,
    cookies: Iterable[SynthCookie],
    *,
    user_version: int = 17,
    wal_cookies: Iterable[SynthCookie] = (),
) -> None:
    """A Firefox `cookies.sqlite` (WAL journal) of this user_version.

    `wal_cookies` end up only in `cookies.sqlite-wal`, as rows Firefox has not
    checkpointed yet: they are written in a scratch folder with checkpoints
    off, and the db and its -wal are copied while that connection is open.
    """
    if user_version not in _FIREFOX_COLUMNS:
        raise ValueError(f"user_version {user_version} is not one of {FIREFOX_USER_VERSIONS}")
    _fresh(path)
    now = datetime.now(UTC)
    names = [n for n, _ in _FIREFOX_COLUMNS[user_version]]
    insert = _insert_sql("moz_cookies", names)
    late = [_firefox_row(c, user_version, now) for c in wal_cookies]
    with tempfile.TemporaryDirectory(prefix="fk-synth-") as scratch:
        work = Path(scratch) / path.name
        with closing(sqlite3.connect(work, isolation_level=None)) as con:
            con.execute("PRAGMA journal_mode = WAL")
            con.execute(_firefox_ddl(user_version))
            con.execute(f"PRAGMA user_version = {int(user_version)}")
            con.execute("BEGIN")
            con.executemany(insert, (_firefox_row(c, user_version, now) for c in cookies))
            con.execute("COMMIT")
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if late:
                con.execute("PRAGMA wal_autocheckpoint = 0")
                con.execute("BEGIN")
                con.executemany(insert, late)
                con.execute("COMMIT")
                shutil.copyfile(work, path)
                shutil.copyfile(f"{work}-wal", f"{path}-wal")
                return
        # Closed cleanly: the WAL was checkpointed and removed, as after a quit.
        shutil.copyfile(work, path)


# --- Bulk stores for the benchmark -------------------------------------------

LOOK_ALIKES = ("notforsakringskassan.se", "forsakringskassan.se.evil.example")
_AGENCY_NAMES = ("JSESSIONID", "_pk_id.1.abcd", "_pk_ses.1.abcd", "Fk_Cookie_Consent",
                 "vngage.vid", "vngage.srvid", "TS01abcdef", "XSRF-TOKEN")  # fmt: skip
_AGENCY_HOSTS = (AGENCY, "." + AGENCY, "www." + AGENCY, ".www." + AGENCY, "minasidor." + AGENCY)


def _bulk(n_rows: int, agency_rows: int, seed: int) -> Iterator[SynthCookie]:
    """Many hosts, a few dozen agency cookies, look-alikes and CHIPS twins."""
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    later = now + timedelta(days=180)
    special: list[SynthCookie] = []
    for i in range(agency_rows):
        host = _AGENCY_HOSTS[i % len(_AGENCY_HOSTS)]
        special.append(SynthCookie(host, f"{_AGENCY_NAMES[i % len(_AGENCY_NAMES)]}{i}",
                                   expires=later, created=now))  # fmt: skip
    special.append(SynthCookie(".youtube.com", "VISITOR_INFO1_LIVE", expires=later,
                               partition=AGENCY_SITE, same_site=SameSite.NONE))  # fmt: skip
    special += [SynthCookie(h, "look", expires=later) for h in LOOK_ALIKES]
    yield from special[:n_rows]
    for i in range(n_rows - len(special)):
        site = f"site{rng.randrange(n_rows // 8 + 1)}.example{i % 7}.com"
        host = ("." if i % 3 else "") + ("www." if i % 5 == 0 else "") + site
        yield SynthCookie(host, f"c{i}", expires=later, created=now, value="v")


def generate_bulk_chromium(
    path: Path, n_rows: int, *, agency_rows: int = 40, meta_version: int = 24, seed: int = 1
) -> None:
    """A Chromium store of `n_rows` cookies, a few of them the agency's."""
    write_chromium_store(path, _bulk(n_rows, agency_rows, seed), meta_version=meta_version)


def generate_bulk_firefox(
    path: Path, n_rows: int, *, agency_rows: int = 40, user_version: int = 17, seed: int = 1
) -> None:
    """A Firefox store of `n_rows` cookies, a few of them the agency's."""
    write_firefox_store(path, _bulk(n_rows, agency_rows, seed), user_version=user_version)
