"""Firefox's session store: its layout, an entry's identity, the scan, one value, and
the file as the clean rewrites it.

Firefox never writes session cookies to cookies.sqlite. After a clean quit they
are in `<profile>/sessionstore.jsonlz4`, while it runs in
`sessionstore-backups/recovery.jsonlz4`: mozLz4-compressed JSON whose
top-level "cookies" list holds one object per cookie (see Firefox's
SessionCookies.sys.mjs: host, value, path, name, secure, httponly, expiry,
originAttributes, sameSite, schemeMap, isPartitioned; defaults are omitted).
Which file holds the live state, and the older copies, is session_files.py's.

An entry is named by (name, host, path, originAttributes suffix): the suffix is
what cookies.sqlite stores, so a session cookie's key has the same shape as a
Firefox SQLite cookie's. A clean changes only the top-level "cookies" list and
writes every other field back as it was read (`SessionFile`, `without`, `encode`).
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from fkinspect.browsers.mozlz4 import MAX_SIZE, MozLz4Error, compress, decompress
from fkinspect.browsers.reading import NOT_READ, failed, failure_message, failure_words
from fkinspect.errors import MAX_STORE_COOKIES, FkInspectError, FormatError, StoreTooLarge
from fkinspect.i18n import N_
from fkinspect.model import (
    Cookie,
    ReadMethod,
    SameSite,
    Source,
    StoreLocation,
    StoreResult,
    StoreStatus,
    Words,
)
from fkinspect.safe_open import read_regular_head
from fkinspect.scope import Scope, partition_url

SCHEMA = "mozLz4"
TABLE = "cookies"  # the JSON list, recorded in a clean's journal as its "table"
KEY_COLUMNS = ("name", "host", "path", "originAttributes")

SessionKey = tuple[str, str, str, str]

# nsICookie SAMESITE_*: an absent field is 0 (Firefox omits falsy values).
_SAME_SITE = {0: SameSite.NONE, 1: SameSite.LAX, 2: SameSite.STRICT, 256: SameSite.UNSPECIFIED}

# Firefox 142 switched nsICookie.expiry from seconds to milliseconds; a value
# this large in seconds would be after the year 5000, so it must be ms.
_MS_THRESHOLD = 100_000_000_000
# Beyond datetime's range (Firefox uses Number.MAX_SAFE_INTEGER for "never").
_MAX_SECONDS = 253_402_300_799  # 9999-12-31T23:59:59Z


class SessionStoreError(FormatError):
    """The file is not a session store we understand (damaged, or another format)."""


class SessionChanged(FkInspectError):
    """The file is not as a clean planned (entries missing, or it changed meanwhile)."""


# CreateSuffix (caps/OriginAttributes.cpp): fixed order, default values omitted,
# ':' sanitized to '+' in domain-like fields, then URLParams form encoding.
_SUFFIX_FIELDS: tuple[tuple[str, str, bool], ...] = (
    # (JSON field, suffix name, sanitize ':')
    ("userContextId", "userContextId", False),
    ("privateBrowsingId", "privateBrowsingId", False),
    ("firstPartyDomain", "firstPartyDomain", True),
    ("geckoViewSessionContextId", "geckoViewUserContextId", False),
    ("partitionKey", "partitionKey", True),
)
_FORM_SAFE = frozenset(b"*-._0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _form_encode(text: str) -> str:
    """URLParams::SerializeString: like quote_plus, but '~' is encoded too."""
    out = []
    for byte in text.encode("utf-8"):
        if byte == 0x20:
            out.append("+")
        elif byte in _FORM_SAFE:
            out.append(chr(byte))
        else:
            out.append(f"%{byte:02X}")
    return "".join(out)


def origin_attributes_suffix(attrs: Mapping[str, object]) -> str:
    """The string cookies.sqlite stores in `originAttributes` for these attributes.

    {"userContextId": 1, "partitionKey": "(https,forsakringskassan.se)"} ->
    "^userContextId=1&partitionKey=%28https%2Cforsakringskassan.se%29".
    Geckoview's field is named differently in the suffix, as in Firefox.
    """
    params: list[str] = []
    for field, name, sanitize in _SUFFIX_FIELDS:
        value = attrs.get(field)
        if value is None or isinstance(value, bool):
            continue
        if isinstance(value, int):
            if value == 0:
                continue
            text = str(value)
        elif isinstance(value, str):
            if not value:
                continue
            text = value.replace(":", "+") if sanitize else value
        else:
            continue
        params.append(f"{_form_encode(name)}={_form_encode(text)}")
    return "^" + "&".join(params) if params else ""


def _load(path: Path) -> list[Any]:
    """The raw "cookies" list of a session store file.

    Raises OSError for the file system, MozLz4Error / SessionStoreError for content.
    """
    data = read_regular_head(path, MAX_SIZE + 1)  # a FIFO must not block: regular files only
    return parse_session_store(data)[1]


def _not_json(word: str) -> NoReturn:
    # Python's json reads NaN and Infinity; JSON has no such words, and Firefox's
    # JSON.parse rejects the file, so Firefox cannot read it either.
    raise SessionStoreError(f"the JSON holds {word}, which is not JSON")


def parse_session_store(data: bytes) -> tuple[dict[str, Any], list[Any]]:
    """The whole session state of a session store file's bytes, and its "cookies" list.

    Raises MozLz4Error / SessionStoreError when the content is not one we understand.
    """
    if len(data) > MAX_SIZE:
        raise SessionStoreError("the file is larger than any session store")
    text = decompress(data)
    try:
        state = json.loads(text, parse_constant=_not_json)
    except SessionStoreError:
        raise
    except RecursionError as exc:  # Firefox's own state is a few levels deep
        raise SessionStoreError("the JSON is nested deeper than any session store") from exc
    except ValueError as exc:  # not UTF-8, not JSON, or a number of over 4,300 digits
        raise SessionStoreError("the decompressed content is not JSON Firefox writes") from exc
    if not isinstance(state, dict):
        raise SessionStoreError("the JSON is not a session store object")
    cookies = state.get("cookies", [])
    if not isinstance(cookies, list):
        raise SessionStoreError('"cookies" is not a list')
    return state, cookies


def _text(entry: Mapping[str, Any], field: str, index: int) -> str:
    value = entry.get(field, "")
    if not isinstance(value, str):
        raise SessionStoreError(f'cookie {index}: "{field}" is not text')
    return value


def _expires(raw: object, index: int) -> datetime | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise SessionStoreError(f'cookie {index}: "expiry" is not a number')
    try:
        seconds = raw / 1000 if raw >= _MS_THRESHOLD else float(raw)
    except OverflowError:  # an integer no float holds ("1e400" reads as inf)
        return None
    if not math.isfinite(seconds) or seconds > _MAX_SECONDS:
        return None  # "never": Firefox drops it at the end of the session anyway
    return datetime.fromtimestamp(max(seconds, 0.0), UTC)


def _identity(entry: Mapping[str, Any], index: int) -> tuple[str, str, str, Mapping[str, Any]]:
    """(host, name, path, originAttributes) of one entry, type-checked."""
    host = _text(entry, "host", index)
    if not host:
        raise SessionStoreError(f'cookie {index} has no "host"')
    attrs = entry.get("originAttributes", {})
    if not isinstance(attrs, dict):
        raise SessionStoreError(f'cookie {index}: "originAttributes" is not an object')
    return host, _text(entry, "name", index), _text(entry, "path", index), attrs


def entry_key(entry: object, index: int) -> SessionKey:
    """(name, host, path, originAttributes suffix): the entry's identity, its Cookie.key."""
    if not isinstance(entry, dict):
        raise SessionStoreError(f"cookie {index} is not an object")
    host, name, path, attrs = _identity(entry, index)
    return name, host, path, origin_attributes_suffix(attrs)


def _cookie(
    entry: Mapping[str, Any], index: int, location: StoreLocation, scope: Scope
) -> Cookie | None:
    host, name, path, attrs = _identity(entry, index)
    raw_partition = attrs.get("partitionKey")
    partition = partition_url(raw_partition) if isinstance(raw_partition, str) else None
    if not scope.wants(host, partition):
        return None
    context = attrs.get("userContextId", 0)
    container = None
    if isinstance(context, int) and not isinstance(context, bool) and context > 0:
        container = location.profile.containers.get(context, f"#{context}")
    same_site = entry.get("sameSite", 0)
    return Cookie(
        host=host.lower(),
        name=name,
        path=path,
        expires=_expires(entry.get("expiry"), index),
        created=None,
        last_access=None,
        secure=entry.get("secure") is True,
        http_only=entry.get("httponly") is True,
        same_site=_SAME_SITE.get(same_site, SameSite.UNSPECIFIED)
        if isinstance(same_site, int)
        else SameSite.UNSPECIFIED,
        partition=partition,
        container=container,
        source=Source.SESSION_STORE,
        store=location,
        key=(name, host, path, origin_attributes_suffix(attrs)),
        rowid=None,
    )


def too_large_message(location: StoreLocation, limit: int) -> str:
    return failure_message(StoreTooLarge(location.path, f"over {limit:,} cookies"))


def _failure(location: StoreLocation, status: StoreStatus, message: str,
             words: Words | None = None) -> StoreResult:
    """`message` is English with the detail; `words` (default: the message) for people."""
    return failed(location, status, message, words or Words(message), method=ReadMethod.FILE,
                  schema=SCHEMA)


_GONE = N_("The session store file is gone.")
_DENIED = N_("Permission denied reading the session store.")
_FOLDER = N_("This is a folder, not a session store.")
_DAMAGED = Words(N_("The session store is damaged."))


def read_session_cookies(
    location: StoreLocation, scope: Scope, *, limit: int = MAX_STORE_COOKIES
) -> StoreResult:
    """The in-scope session cookies of one session store file; never raises for a bad file.

    A file with more than `limit` cookies (of any site) is reported as too large.
    """
    try:
        entries = _load(location.path)
        if len(entries) > limit:
            return _failure(location, StoreStatus.CORRUPT, too_large_message(location, limit),
                            failure_words(StoreTooLarge(location.path)))
        cookies = []
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                raise SessionStoreError(f"cookie {index} is not an object")
            cookie = _cookie(entry, index, location, scope)
            if cookie is not None:
                cookies.append(cookie)
    except FileNotFoundError:
        return _failure(location, StoreStatus.MISSING, _GONE)
    except PermissionError:
        return _failure(location, StoreStatus.UNREADABLE, _DENIED)
    except IsADirectoryError:
        return _failure(location, StoreStatus.CORRUPT, _FOLDER)
    except OSError as exc:
        return _failure(
            location, StoreStatus.ERROR, f"The session store could not be read ({exc.strerror}).",
            NOT_READ,
        )
    except MozLz4Error as exc:
        return _failure(location, StoreStatus.CORRUPT, f"Not a readable session store: {exc}.",
                        _DAMAGED)
    except SessionStoreError as exc:
        return _failure(location, StoreStatus.CORRUPT, f"Damaged session store: {exc}.",
                        _DAMAGED)
    return StoreResult(
        location,
        StoreStatus.OK,
        method=ReadMethod.FILE,
        schema=SCHEMA,
        cookies=tuple(cookies),
    )


def find_value(path: Path, key: tuple[str | int, ...]) -> str | None:
    """The value of the cookie with this key (name, host, path, suffix), or None.

    Only for showing one value on request. Raises OSError, MozLz4Error or
    SessionStoreError when the file cannot be read.
    """
    for index, entry in enumerate(_load(path)):
        if not isinstance(entry, dict):
            continue
        host, name, cookie_path, attrs = _identity(entry, index)
        if (name, host, cookie_path, origin_attributes_suffix(attrs)) == tuple(key):
            value = entry.get("value", "")
            return value if isinstance(value, str) else None
    return None


# ------------------------------------------------- the file as a clean rewrites it


@dataclass(frozen=True, slots=True)
class SessionFile:
    """One read of a session file: its exact bytes, its JSON and its cookies' keys.

    `counts` answers "how many entries have this key" in one lookup: a clean
    asks it once per planned entry, and a scan per question made that quadratic.
    """

    data: bytes
    state: dict[str, Any]
    keys: tuple[SessionKey, ...]
    counts: Mapping[tuple[object, ...], int]

    @property
    def cookies(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.state.get("cookies", [])
        return found

    def count(self, key: Sequence[object]) -> int:
        return self.counts.get(tuple(key), 0)


def parse(data: bytes) -> SessionFile:
    """The session file in `data`; SessionStoreError when it is not one we understand."""
    try:
        state, cookies = parse_session_store(data)
    except MozLz4Error as exc:
        raise SessionStoreError(f"not a readable session store: {exc}") from exc
    if len(cookies) > MAX_STORE_COOKIES:
        raise SessionStoreError(f"over {MAX_STORE_COOKIES:,} cookies: more than any browser keeps")
    keys = tuple(entry_key(entry, i) for i, entry in enumerate(cookies))
    return SessionFile(data, state, keys, Counter[tuple[object, ...]](keys))


def read_session_file(path: Path) -> SessionFile:
    """Read and parse; OSError for the file system, SessionStoreError for the content."""
    return parse(read_regular_head(path, MAX_SIZE + 1))  # a FIFO must not block


def encode(state: dict[str, Any]) -> bytes:
    """The mozLz4 bytes of `state`, checked to read back as the same JSON.

    Compact JSON as Firefox's JSON.stringify writes it; if the file held text
    that UTF-8 cannot carry (a lone surrogate), ASCII escapes keep it valid.
    """
    try:
        try:
            text = json.dumps(state, ensure_ascii=False, separators=(",", ":"),
                              allow_nan=False).encode("utf-8")  # fmt: skip
        except UnicodeEncodeError:
            text = json.dumps(state, ensure_ascii=True, separators=(",", ":"),
                              allow_nan=False).encode("ascii")  # fmt: skip
    except ValueError as exc:  # 1e400 reads as inf, which JSON cannot hold: never write it
        raise SessionStoreError(f"the file holds a number JSON cannot write back: {exc}") from exc
    try:
        data = compress(text)
    except MozLz4Error as exc:
        raise SessionStoreError(str(exc)) from exc
    if parse(data).state != state:
        raise SessionStoreError("the new file would not read back as planned")
    return data


def without(current: SessionFile, planned: Collection[Sequence[object]]) -> tuple[
    dict[str, Any], tuple[int, ...]
]:
    """The state minus exactly the planned entries, and their indexes in the file.

    SessionChanged unless each planned key names exactly one entry (and the
    plan names each key once): then the count removed equals the plan.
    """
    wanted = [tuple(key) for key in planned]
    if len(set(wanted)) != len(wanted):
        raise SessionChanged("the plan names an entry twice")
    for key in wanted:
        if current.count(key) != 1:
            raise SessionChanged("a planned entry is not in the session file exactly once")
    goes = set(wanted)
    indexes = tuple(i for i, key in enumerate(current.keys) if key in goes)
    kept = [entry for entry, key in zip(current.cookies, current.keys, strict=True)
            if key not in goes]  # fmt: skip
    if len(indexes) != len(wanted) or len(kept) != len(current.keys) - len(wanted):
        raise SessionChanged("the entries to remove do not match the plan")
    return {**current.state, "cookies": kept}, indexes


def with_entries(current: SessionFile, entries: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The state with `entries` added after the cookies it holds."""
    return {**current.state, "cookies": [*current.cookies, *entries]}


def put_back(
    backup: SessionFile, current: SessionFile, keys: Sequence[Sequence[object]]
) -> tuple[bytes, dict[str, Any]]:
    """The bytes and state of the file with the entries of `keys` back from `backup`.

    If the file is still exactly what the clean wrote (the backup without those
    entries, encoded as a clean encodes it), that is the backup itself, byte for
    byte. Otherwise the file changed since: the entries go after its cookies.
    """
    cleaned, _ = without(backup, keys)
    if encode(cleaned) == current.data:
        return backup.data, backup.state
    expected = with_entries(current, entries_for(backup, keys))
    return encode(expected), expected


def entries_for(source: SessionFile, keys: Sequence[Sequence[object]]) -> list[dict[str, Any]]:
    """The one entry for each key, in the keys' order; SessionChanged when one is not there."""
    by_key: dict[tuple[object, ...], dict[str, Any]] = dict(
        zip(source.keys, source.cookies, strict=True)
    )
    found = []
    for key in keys:
        wanted = tuple(key)
        if source.count(wanted) != 1:
            raise SessionChanged("an entry to put back is not in the backup exactly once")
        found.append(by_key[wanted])
    return found


def write_session_store(path: Path, cookies: Sequence[Mapping[str, object]]) -> None:
    """Write a session store holding these cookie objects, as Firefox lays it out.

    For tests and the demo mode; never pointed at a real profile. The file is
    written to a temporary name and renamed, so a reader never sees half of it.
    """
    state = {
        "version": ["sessionrestore", 1],
        "windows": [],
        "selectedWindow": 0,
        "_closedWindows": [],
        "session": {"lastUpdate": 0},
        "global": {},
        "cookies": [dict(c) for c in cookies],
    }
    data = compress(json.dumps(state, separators=(",", ":")).encode("utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".sessionstore-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
