"""Safari's Cookies.binarycookies, read-only, with every offset bounds-checked.

Layout (from public readers: BinaryCookieReader, BinaryCookies/CookiesTool):
  file   "cook", u32be page count, u32be size of each page, the pages,
         u32be checksum (sum of every 4th byte of each page), 8-byte footer,
         optional binary plist.
  page   00 00 01 00, u32le cookie count, u32le offset of each cookie (from
         the page start), 00 00 00 00, the cookies.
  cookie u32le size, u32le version, u32le flags (1 secure, 4 HttpOnly,
         8/16 SameSite), u32le has-port, u32le offsets (from the cookie start)
         of domain, name, path, value, comment, comment URL, f64le expiry,
         f64le creation (seconds since 2001-01-01 UTC), then NUL-terminated text.
A file that lies about any size or offset is CORRUPT, never an exception.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path

from fkinspect.browsers.reading import NOT_READ, failed, failure_message, failure_words
from fkinspect.errors import MAX_STORE_COOKIES, FormatError, StoreTooLarge
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
from fkinspect.scope import Scope

SCHEMA = "binarycookies"
MAGIC = b"cook"
PAGE_TAG = b"\x00\x00\x01\x00"
FOOTER = bytes.fromhex("071720050000004b")
MAX_FILE_SIZE = 256 * 1024 * 1024
EPOCH = datetime(2001, 1, 1, tzinfo=UTC)
_RECORD_HEADER = struct.Struct("<IIII6Idd")  # 56 bytes, up to the strings
_LATEST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)

FLAG_SECURE = 0x1
FLAG_HTTP_ONLY = 0x4
_FLAG_SAME_SITE = 0x8
_FLAG_SAME_SITE_STRICT = 0x10

FULL_DISK_ACCESS_MESSAGE = N_(
    "macOS does not let fkinspect read Safari's cookies. Give fkinspect Full Disk Access "
    "in System Settings → Privacy & Security → Full Disk Access, then start it again."
)
_GONE = N_("Safari's cookie file is gone.")
_FOLDER = N_("This is a folder, not a cookie file.")
_DAMAGED = N_("The Safari cookie file is damaged.")


class BinaryCookiesError(FormatError):
    """The bytes are not a well-formed binarycookies file."""


@dataclass(frozen=True, slots=True)
class BinaryCookie:
    """One cookie to write with encode_binarycookies (tests and demo mode)."""

    domain: str
    name: str
    path: str
    value: str = field(repr=False)
    expires: datetime
    created: datetime
    secure: bool = False
    http_only: bool = False
    same_site: SameSite = SameSite.UNSPECIFIED


@dataclass(frozen=True, slots=True)
class _Record:
    domain: str
    name: str
    path: str
    flags: int
    expires: datetime
    created: datetime
    value_span: tuple[int, int] = field(repr=False)  # where the value lies in the file


def _u32be(data: bytes, at: int) -> int:
    if at + 4 > len(data):
        raise BinaryCookiesError(f"the file ends inside the header (byte {at})")
    value: int = struct.unpack_from(">I", data, at)[0]
    return value


def _time(seconds: float, what: str) -> datetime:
    if not math.isfinite(seconds):
        raise BinaryCookiesError(f"the {what} time is not a number")
    try:
        return EPOCH + timedelta(seconds=seconds)
    except OverflowError:
        return _LATEST if seconds > 0 else datetime.min.replace(tzinfo=UTC)


def _text(record: bytes, offset: int, start: int, what: str) -> tuple[str, tuple[int, int]]:
    """The NUL-terminated text at `offset` in the record, and its span in the record."""
    if not start <= offset < len(record):
        raise BinaryCookiesError(f"the {what} offset {offset} points outside its cookie")
    end = record.find(b"\0", offset)
    if end < 0:
        raise BinaryCookiesError(f"the {what} is not terminated inside its cookie")
    # Bytes that are not UTF-8 are data (surrogate escapes), not damage to the whole file.
    return record[offset:end].decode("utf-8", "surrogateescape"), (offset, end)


def _record(data: bytes, at: int, limit: int) -> _Record:
    """The cookie starting at `at`, which must end by `limit` (its page's end)."""
    if at + _RECORD_HEADER.size > limit:
        raise BinaryCookiesError("a cookie starts too close to the end of its page")
    (size, _version, flags, has_port, domain_at, name_at, path_at, value_at, _c, _cu,
     expiry, creation) = _RECORD_HEADER.unpack_from(data, at)  # fmt: skip
    if size < _RECORD_HEADER.size or at + size > limit:
        raise BinaryCookiesError(f"a cookie claims {size} bytes, beyond its page")
    record = data[at : at + size]
    start = _RECORD_HEADER.size + (2 if has_port else 0)
    domain, _ = _text(record, domain_at, start, "domain")
    name, _ = _text(record, name_at, start, "name")
    path, _ = _text(record, path_at, start, "path")
    _value, (v_start, v_end) = _text(record, value_at, start, "value")
    return _Record(
        domain=domain,
        name=name,
        path=path,
        flags=flags,
        expires=_time(expiry, "expiry"),
        created=_time(creation, "creation"),
        value_span=(at + v_start, at + v_end),
    )


def _records(data: bytes) -> Iterator[_Record]:
    """Every cookie of the file, in order; BinaryCookiesError on any inconsistency."""
    if not data.startswith(MAGIC):
        raise BinaryCookiesError("not a binarycookies file (no 'cook' signature)")
    pages = _u32be(data, 4)
    if 8 + 4 * pages > len(data):
        raise BinaryCookiesError(f"the file claims {pages} pages but is too short for them")
    sizes = [_u32be(data, 8 + 4 * i) for i in range(pages)]
    at = 8 + 4 * pages
    if at + sum(sizes) + 4 + len(FOOTER) > len(data):
        raise BinaryCookiesError("the file is shorter than its pages say: it is truncated")
    for size in sizes:
        page_end = at + size
        if size < 12 or data[at : at + 4] != PAGE_TAG:
            raise BinaryCookiesError("a page does not start with the page tag")
        (count,) = struct.unpack_from("<I", data, at + 4)
        if 8 + 4 * count + 4 > size:
            raise BinaryCookiesError(f"a page claims {count} cookies, more than fit in it")
        first = 8 + 4 * count + 4  # cookies come after the page's own header
        for i in range(count):
            (offset,) = struct.unpack_from("<I", data, at + 8 + 4 * i)
            if offset < first:
                raise BinaryCookiesError("a cookie offset points into its page's header")
            yield _record(data, at + offset, page_end)
        at = page_end


def _parse(data: bytes, limit: int = MAX_STORE_COOKIES) -> list[_Record]:
    """Every cookie of the file, or only the first limit + 1 when it holds more."""
    return list(islice(_records(data), limit + 1))


def _read_file(path: Path) -> bytes:
    data = read_regular_head(path, MAX_FILE_SIZE + 1)  # a FIFO must not block
    if len(data) > MAX_FILE_SIZE:
        raise BinaryCookiesError("the file is larger than any cookie file")
    return data


def _same_site(flags: int) -> SameSite:
    # As NSHTTPCookie.sameSitePolicy decodes the flags (reported, not seen here).
    if flags & _FLAG_SAME_SITE:
        return SameSite.STRICT if flags & _FLAG_SAME_SITE_STRICT else SameSite.LAX
    return SameSite.LAX if flags & _FLAG_SAME_SITE_STRICT else SameSite.UNSPECIFIED


def _failure(location: StoreLocation, status: StoreStatus, message: str,
             words: Words | None = None) -> StoreResult:
    """`message` is English with the detail; `words` (default: the message) for people."""
    return failed(location, status, message, words or Words(message), method=ReadMethod.FILE,
                  schema=SCHEMA)


def read_binarycookies(
    location: StoreLocation, scope: Scope, *, limit: int = MAX_STORE_COOKIES
) -> StoreResult:
    """The in-scope cookies of a Safari cookie file; never raises for a bad file.

    A file of more than `limit` cookies (of any site) is reported as too large.
    """
    try:
        records = _parse(_read_file(location.path), limit)
    except FileNotFoundError:
        return _failure(location, StoreStatus.MISSING, _GONE)
    except PermissionError:
        return _failure(location, StoreStatus.UNREADABLE, FULL_DISK_ACCESS_MESSAGE)
    except IsADirectoryError:
        return _failure(location, StoreStatus.CORRUPT, _FOLDER)
    except OSError as exc:
        message = f"Safari's cookie file could not be read ({exc.strerror})."
        return _failure(location, StoreStatus.ERROR, message, NOT_READ)
    except BinaryCookiesError as exc:
        return _failure(location, StoreStatus.CORRUPT, f"Damaged Safari cookie file: {exc}.",
                        Words(_DAMAGED))
    if len(records) > limit:
        too_large = StoreTooLarge(location.path, f"over {limit:,} cookies")
        return _failure(location, StoreStatus.CORRUPT, failure_message(too_large),
                        failure_words(too_large))
    cookies = tuple(
        Cookie(
            host=r.domain.lower(),
            name=r.name,
            path=r.path,
            expires=r.expires,  # the file holds persistent cookies only
            created=r.created,
            last_access=None,
            secure=bool(r.flags & FLAG_SECURE),
            http_only=bool(r.flags & FLAG_HTTP_ONLY),
            same_site=_same_site(r.flags),
            partition=None,
            container=None,
            source=Source.BINARYCOOKIES,
            store=location,
            key=(r.domain, r.name, r.path),
            rowid=None,
        )
        for r in records
        if scope.wants(r.domain, None)
    )
    return StoreResult(location, StoreStatus.OK, method=ReadMethod.FILE, schema=SCHEMA,
                       cookies=cookies)  # fmt: skip


def find_value(path: Path, key: tuple[str | int, ...]) -> str | None:
    """The value of the cookie with key (domain, name, path), or None.

    Only for showing one value on request. Raises OSError or BinaryCookiesError.
    """
    data = _read_file(path)
    for record in _parse(data):
        if (record.domain, record.name, record.path) == tuple(key):
            start, end = record.value_span
            return data[start:end].decode("utf-8", "surrogateescape")
    return None


def _flags(cookie: BinaryCookie) -> int:
    flags = (FLAG_SECURE if cookie.secure else 0) | (FLAG_HTTP_ONLY if cookie.http_only else 0)
    if cookie.same_site is SameSite.LAX:
        flags |= _FLAG_SAME_SITE
    elif cookie.same_site is SameSite.STRICT:
        flags |= _FLAG_SAME_SITE | _FLAG_SAME_SITE_STRICT
    return flags


def _encode_cookie(cookie: BinaryCookie) -> bytes:
    texts = [s.encode("utf-8") + b"\0" for s in (cookie.domain, cookie.name, cookie.path,
                                                 cookie.value)]  # fmt: skip
    offsets = []
    at = _RECORD_HEADER.size
    for text in texts:
        offsets.append(at)
        at += len(text)
    header = _RECORD_HEADER.pack(
        at, 0, _flags(cookie), 0, *offsets, 0, 0,
        (cookie.expires - EPOCH).total_seconds(), (cookie.created - EPOCH).total_seconds(),
    )  # fmt: skip
    return header + b"".join(texts)


def _encode_page(cookies: Sequence[BinaryCookie]) -> bytes:
    records = [_encode_cookie(c) for c in cookies]
    offsets = []
    at = 8 + 4 * len(records) + 4
    for record in records:
        offsets.append(at)
        at += len(record)
    head = PAGE_TAG + struct.pack(f"<I{len(offsets)}I", len(offsets), *offsets) + bytes(4)
    return head + b"".join(records)


def encode_binarycookies(cookies: Sequence[BinaryCookie], *, per_page: int = 32) -> bytes:
    """A binarycookies file holding these cookies, laid out as Safari writes it.

    For tests and the demo mode; fkinspect never writes Safari's real file.
    """
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    pages = [_encode_page(cookies[i : i + per_page]) for i in range(0, len(cookies), per_page)]
    checksum = sum(sum(page[::4]) for page in pages) & 0xFFFFFFFF
    head = MAGIC + struct.pack(f">I{len(pages)}I", len(pages), *(len(p) for p in pages))
    return head + b"".join(pages) + struct.pack(">I", checksum) + FOOTER
