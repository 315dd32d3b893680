"""Safari binarycookies: round trip, and every lie or truncation is CORRUPT."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fkinspect.browsers.safari import (
    FULL_DISK_ACCESS_MESSAGE,
    BinaryCookie,
    encode_binarycookies,
    find_value,
    read_binarycookies,
)
from fkinspect.model import (
    Family,
    Profile,
    ReadMethod,
    SameSite,
    Source,
    StoreFormat,
    StoreLocation,
    StoreStatus,
)
from fkinspect.scope import Scope

SCOPE = Scope.of("forsakringskassan.se", ["youtube.com"])
EXPIRES = datetime(2027, 12, 26, 17, 10, 28, tzinfo=UTC)
CREATED = datetime(2026, 11, 21, 17, 10, 28, 500000, tzinfo=UTC)

COOKIES = [
    BinaryCookie(".forsakringskassan.se", "_pk_id.1.abcd", "/", "SECRET-1", EXPIRES, CREATED),
    BinaryCookie(
        "www.forsakringskassan.se", "Fk_session", "/", "SECRET-2", EXPIRES, CREATED,
        secure=True, http_only=True, same_site=SameSite.STRICT,
    ),
    BinaryCookie(".youtube.com", "VISITOR_INFO1_LIVE", "/", "SECRET-3", EXPIRES, CREATED,
                 secure=True, same_site=SameSite.LAX),
    BinaryCookie("notforsakringskassan.se", "x", "/", "SECRET-4", EXPIRES, CREATED),
    BinaryCookie(".example.org", "åäö", "/sökväg", "SECRET-5", EXPIRES, CREATED),
]


def _location(path: Path) -> StoreLocation:
    profile = Profile(
        browser_id="safari",
        browser_name="Safari",
        family=Family.SAFARI,
        name="Safari",
        directory=path.parent,
        root=path.parent,
    )
    return StoreLocation(profile, path, StoreFormat.SAFARI_BINARY)


def _store(tmp_path: Path, data: bytes) -> StoreLocation:
    path = tmp_path / "Cookies.binarycookies"
    path.write_bytes(data)
    return _location(path)


def test_layout_matches_the_documented_format() -> None:
    data = encode_binarycookies(COOKIES[:1])
    assert data[:4] == b"cook"
    assert struct.unpack_from(">I", data, 4)[0] == 1
    page_size = struct.unpack_from(">I", data, 8)[0]
    page = data[12 : 12 + page_size]
    assert page[:4] == b"\x00\x00\x01\x00"
    assert struct.unpack_from("<I", page, 4)[0] == 1
    offset = struct.unpack_from("<I", page, 8)[0]
    size, _, flags, _, domain_at = struct.unpack_from("<5I", page, offset)
    assert page[offset + domain_at :].startswith(b".forsakringskassan.se\0")
    expiry, creation = struct.unpack_from("<dd", page, offset + 40)
    assert expiry == (EXPIRES - datetime(2001, 1, 1, tzinfo=UTC)).total_seconds()
    assert creation == (CREATED - datetime(2001, 1, 1, tzinfo=UTC)).total_seconds()
    assert flags == 0
    assert size == len(page) - offset
    checksum = struct.unpack_from(">I", data, 12 + page_size)[0]
    assert checksum == sum(page[::4])
    assert data.endswith(bytes.fromhex("071720050000004b"))


@pytest.mark.parametrize("per_page", [1, 2, 32])
def test_round_trip_in_scope_only(tmp_path: Path, per_page: int) -> None:
    location = _store(tmp_path, encode_binarycookies(COOKIES, per_page=per_page))
    result = read_binarycookies(location, SCOPE)
    assert result.status is StoreStatus.OK, result.message
    assert result.method is ReadMethod.FILE
    assert [c.key for c in result.cookies] == [
        (".forsakringskassan.se", "_pk_id.1.abcd", "/"),
        ("www.forsakringskassan.se", "Fk_session", "/"),
        (".youtube.com", "VISITOR_INFO1_LIVE", "/"),
    ]
    plain, strict, lax = result.cookies
    assert plain.expires == EXPIRES and plain.created == CREATED
    assert not plain.session and not plain.secure and not plain.http_only
    assert plain.same_site is SameSite.UNSPECIFIED
    assert strict.secure and strict.http_only and strict.same_site is SameSite.STRICT
    assert lax.same_site is SameSite.LAX and lax.secure and not lax.http_only
    assert all(c.source is Source.BINARYCOOKIES and c.partition is None for c in result.cookies)
    assert "SECRET" not in repr(result)


def test_find_value_and_text_outside_ascii(tmp_path: Path) -> None:
    path = _store(tmp_path, encode_binarycookies(COOKIES)).path
    assert find_value(path, ("www.forsakringskassan.se", "Fk_session", "/")) == "SECRET-2"
    assert find_value(path, (".example.org", "åäö", "/sökväg")) == "SECRET-5"
    assert find_value(path, (".example.org", "nope", "/")) is None


def test_empty_file_with_no_pages(tmp_path: Path) -> None:
    result = read_binarycookies(_store(tmp_path, encode_binarycookies([])), SCOPE)
    assert result.status is StoreStatus.OK and result.cookies == ()


def test_value_is_not_in_repr_of_written_cookie() -> None:
    assert "SECRET" not in repr(COOKIES[0])


def test_truncation_at_every_byte_is_corrupt(tmp_path: Path) -> None:
    whole = encode_binarycookies(COOKIES[:3], per_page=2)
    path = tmp_path / "Cookies.binarycookies"
    location = _location(path)
    for end in range(len(whole)):
        path.write_bytes(whole[:end])
        result = read_binarycookies(location, SCOPE)
        assert result.status is StoreStatus.CORRUPT, end
        assert result.message and result.cookies == ()


def _set_u32(data: bytes, at: int, value: int, fmt: str = "<I") -> bytes:
    return data[:at] + struct.pack(fmt, value) + data[at + 4 :]


def _first_cookie_at(data: bytes) -> int:
    """The file offset of the first cookie of the first page."""
    pages = struct.unpack_from(">I", data, 4)[0]
    page_at = 8 + 4 * pages
    return page_at + struct.unpack_from("<I", data, page_at + 8)[0]


@pytest.mark.parametrize(
    "lie",
    [
        "page_count",
        "page_size",
        "page_tag",
        "cookie_count",
        "cookie_offset_far",
        "cookie_offset_into_header",
        "cookie_size_large",
        "cookie_size_small",
        "domain_offset",
        "name_offset_in_header",
        "value_offset",
        "unterminated",
        "nan_expiry",
    ],
)
def test_offsets_and_sizes_that_lie_are_corrupt(tmp_path: Path, lie: str) -> None:
    data = encode_binarycookies(COOKIES[:2])
    page_at = 12
    cookie_at = _first_cookie_at(data)
    size = struct.unpack_from("<I", data, cookie_at)[0]
    if lie == "page_count":
        data = _set_u32(data, 4, 0xFFFFFFFF, ">I")
    elif lie == "page_size":
        data = _set_u32(data, 8, len(data), ">I")
    elif lie == "page_tag":
        data = data[:page_at] + b"\x00\x00\x02\x00" + data[page_at + 4 :]
    elif lie == "cookie_count":
        data = _set_u32(data, page_at + 4, 1000)
    elif lie == "cookie_offset_far":
        data = _set_u32(data, page_at + 8, 0x7FFFFFF0)
    elif lie == "cookie_offset_into_header":
        data = _set_u32(data, page_at + 8, 4)
    elif lie == "cookie_size_large":
        data = _set_u32(data, cookie_at, 0xFFFFFF00)
    elif lie == "cookie_size_small":
        data = _set_u32(data, cookie_at, 12)
    elif lie == "domain_offset":
        data = _set_u32(data, cookie_at + 16, size + 100)
    elif lie == "name_offset_in_header":
        data = _set_u32(data, cookie_at + 20, 8)
    elif lie == "value_offset":
        data = _set_u32(data, cookie_at + 28, size)
    elif lie == "unterminated":
        # The last text of the record (the value) loses its NUL.
        end = cookie_at + size - 1
        data = data[:end] + b"X" + data[end + 1 :]
    elif lie == "nan_expiry":
        data = data[: cookie_at + 40] + struct.pack("<d", float("nan")) + data[cookie_at + 48 :]
    result = read_binarycookies(_store(tmp_path, data), SCOPE)
    assert result.status is StoreStatus.CORRUPT, lie
    assert result.message


def test_not_a_cookie_file(tmp_path: Path) -> None:
    result = read_binarycookies(_store(tmp_path, b"SQLite format 3\0" + bytes(100)), SCOPE)
    assert result.status is StoreStatus.CORRUPT


def test_huge_times_do_not_crash(tmp_path: Path) -> None:
    far = BinaryCookie(".forsakringskassan.se", "a", "/", "v", EXPIRES, CREATED)
    data = encode_binarycookies([far])
    at = _first_cookie_at(data)
    data = data[: at + 40] + struct.pack("<dd", 1e300, -1e300) + data[at + 56 :]
    result = read_binarycookies(_store(tmp_path, data), SCOPE)
    assert result.status is StoreStatus.OK
    (cookie,) = result.cookies
    assert cookie.expires is not None and cookie.expires.year == 9999


def test_missing_file(tmp_path: Path) -> None:
    result = read_binarycookies(_location(tmp_path / "Cookies.binarycookies"), SCOPE)
    assert result.status is StoreStatus.MISSING


def _read_as(user_args: list[str], path: Path) -> dict[str, str]:
    """Read the store in a child process that runs with the given privileges."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from fkinspect.browsers.safari import read_binarycookies\n"
        "from fkinspect.model import Family, Profile, StoreFormat, StoreLocation\n"
        "from fkinspect.scope import Scope\n"
        "p = Path(sys.argv[1])\n"
        "prof = Profile('safari', 'Safari', Family.SAFARI, 'Safari', p.parent, p.parent)\n"
        "r = read_binarycookies(StoreLocation(prof, p, StoreFormat.SAFARI_BINARY),"
        " Scope.of('forsakringskassan.se'))\n"
        "print(json.dumps({'status': str(r.status), 'message': r.message}))\n"
    )
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [*user_args, sys.executable, "-c", code, str(path)],
        capture_output=True, text=True, check=True, env=env, timeout=60,
    )  # fmt: skip
    result: dict[str, str] = json.loads(done.stdout)
    return result


def test_permission_denied_asks_for_full_disk_access() -> None:
    # macOS's privacy protection fails the same way as a chmod 000 file: PermissionError
    # on open. Root reads any file, so as root the read runs as `nobody`.
    user_args: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and setpriv is missing: cannot be denied a file")
        user_args = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    with tempfile.TemporaryDirectory() as folder:
        Path(folder).chmod(0o755)
        path = Path(folder) / "Cookies.binarycookies"
        path.write_bytes(encode_binarycookies(COOKIES))
        path.chmod(0)
        result = _read_as(user_args, path)
        path.chmod(0o644)
        readable = _read_as(user_args, path)
    assert result["status"] == StoreStatus.UNREADABLE.value
    assert result["message"] == FULL_DISK_ACCESS_MESSAGE
    assert "Full Disk Access" in result["message"] and "Privacy & Security" in result["message"]
    assert readable["status"] == StoreStatus.OK.value  # the same child reads it when allowed
