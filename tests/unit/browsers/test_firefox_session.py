"""Firefox session store: session cookies with their full identity, and damage."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fkinspect.browsers.firefox_session import (
    find_value,
    origin_attributes_suffix,
    read_session_cookies,
    write_session_store,
)
from fkinspect.browsers.mozlz4 import compress
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

SCOPE = Scope.of("forsakringskassan.se", ["youtube.com", "facebook.com"])
PARTITION = "(https,forsakringskassan.se)"


def _location(tmp_path: Path, name: str = "sessionstore.jsonlz4") -> StoreLocation:
    profile = Profile(
        browser_id="firefox-esr",
        browser_name="Firefox ESR",
        family=Family.FIREFOX,
        name="abc.default-esr",
        directory=tmp_path,
        root=tmp_path.parent,
        containers={1: "Arbete"},
    )
    return StoreLocation(profile, tmp_path / name, StoreFormat.FIREFOX_SESSION)


# As Firefox's SessionCookies.sys.mjs writes them: defaults omitted.
COOKIES: list[dict[str, object]] = [
    {
        "host": "www.forsakringskassan.se",
        "value": "SECRET-1",
        "path": "/",
        "name": "JSESSIONID",
        "secure": True,
        "httponly": True,
        "originAttributes": {
            "firstPartyDomain": "",
            "geckoViewSessionContextId": "",
            "partitionKey": "",
            "privateBrowsingId": 0,
            "userContextId": 0,
        },
        "sameSite": 1,
        "schemeMap": 2,
    },
    {  # the same cookie in a container: a twin, not a duplicate
        "host": "www.forsakringskassan.se",
        "value": "SECRET-2",
        "path": "/",
        "name": "JSESSIONID",
        "originAttributes": {"userContextId": 1, "partitionKey": ""},
    },
    {  # an unnamed container
        "host": ".forsakringskassan.se",
        "value": "SECRET-3",
        "path": "/",
        "name": "_pk_ses.1.abcd",
        "originAttributes": {"userContextId": 7},
        "expiry": 1_900_000_000_000,  # milliseconds (Firefox 142+)
    },
    {  # a YouTube cookie in the agency's partition
        "host": ".youtube.com",
        "value": "SECRET-4",
        "path": "/",
        "name": "YSC",
        "secure": True,
        "originAttributes": {"partitionKey": PARTITION, "userContextId": 1},
        "sameSite": 0,
        "isPartitioned": True,
    },
    {  # look-alike host: out of scope
        "host": "notforsakringskassan.se",
        "value": "SECRET-5",
        "path": "/",
        "name": "JSESSIONID",
        "originAttributes": {},
    },
    {  # another site, another partition: out of scope
        "host": "example.org",
        "value": "SECRET-6",
        "name": "x",
        "originAttributes": {"partitionKey": "(https,example.com)"},
    },
]


def test_reads_session_cookies_with_identity(tmp_path: Path) -> None:
    location = _location(tmp_path)
    write_session_store(location.path, COOKIES)
    result = read_session_cookies(location, SCOPE)
    assert result.status is StoreStatus.OK, result.message
    assert result.method is ReadMethod.FILE
    assert result.schema == "mozLz4"
    by_key = {c.key: c for c in result.cookies}
    assert set(by_key) == {
        ("JSESSIONID", "www.forsakringskassan.se", "/", ""),
        ("JSESSIONID", "www.forsakringskassan.se", "/", "^userContextId=1"),
        ("_pk_ses.1.abcd", ".forsakringskassan.se", "/", "^userContextId=7"),
        (
            "YSC",
            ".youtube.com",
            "/",
            "^userContextId=1&partitionKey=%28https%2Cforsakringskassan.se%29",
        ),
    }
    first = by_key[("JSESSIONID", "www.forsakringskassan.se", "/", "")]
    assert first.session and first.expires is None
    assert first.secure and first.http_only
    assert first.same_site is SameSite.LAX
    assert first.container is None and first.partition is None
    assert first.source is Source.SESSION_STORE
    assert first.rowid is None and first.created is None
    twin = by_key[("JSESSIONID", "www.forsakringskassan.se", "/", "^userContextId=1")]
    assert twin.container == "Arbete"
    assert not twin.secure and twin.same_site is SameSite.NONE
    unnamed = by_key[("_pk_ses.1.abcd", ".forsakringskassan.se", "/", "^userContextId=7")]
    assert unnamed.container == "#7"
    assert unnamed.expires == datetime.fromtimestamp(1_900_000_000, UTC)
    youtube = next(c for c in result.cookies if c.name == "YSC")
    assert youtube.partition == "https://forsakringskassan.se"
    assert youtube.container == "Arbete"


def test_no_value_anywhere_in_the_result(tmp_path: Path) -> None:
    location = _location(tmp_path)
    write_session_store(location.path, COOKIES)
    result = read_session_cookies(location, SCOPE)
    assert "SECRET" not in repr(result)


def test_find_value_by_full_key(tmp_path: Path) -> None:
    path = tmp_path / "sessionstore.jsonlz4"
    write_session_store(path, COOKIES)
    key = ("JSESSIONID", "www.forsakringskassan.se", "/", "^userContextId=1")
    assert find_value(path, key) == "SECRET-2"
    assert find_value(path, ("JSESSIONID", "www.forsakringskassan.se", "/", "")) == "SECRET-1"
    assert find_value(path, ("nope", "www.forsakringskassan.se", "/", "")) is None


@pytest.mark.parametrize(
    ("attrs", "suffix"),
    [
        ({}, ""),
        ({"userContextId": 0, "partitionKey": "", "privateBrowsingId": 0}, ""),
        ({"userContextId": 2}, "^userContextId=2"),
        ({"partitionKey": PARTITION}, "^partitionKey=%28https%2Cforsakringskassan.se%29"),
        # Firefox's order, whatever the JSON order; ':' sanitized to '+', then encoded.
        (
            {"partitionKey": "(http,localhost,8080)", "privateBrowsingId": 1, "userContextId": 3},
            "^userContextId=3&privateBrowsingId=1&partitionKey=%28http%2Clocalhost%2C8080%29",
        ),
        ({"firstPartyDomain": "a:b c~"}, "^firstPartyDomain=a%2Bb+c%7E"),
        ({"geckoViewSessionContextId": "x"}, "^geckoViewUserContextId=x"),
    ],
)
def test_origin_attributes_suffix_matches_firefox(attrs: dict[str, object], suffix: str) -> None:
    assert origin_attributes_suffix(attrs) == suffix


def test_missing_cookies_list_is_an_empty_store(tmp_path: Path) -> None:
    location = _location(tmp_path)
    location.path.write_bytes(compress(b'{"version":["sessionrestore",1],"windows":[]}'))
    result = read_session_cookies(location, SCOPE)
    assert result.status is StoreStatus.OK and result.cookies == ()


def test_missing_file(tmp_path: Path) -> None:
    result = read_session_cookies(_location(tmp_path), SCOPE)
    assert result.status is StoreStatus.MISSING
    assert result.message


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not mozlz4 at all",
        compress(b"{not json"),
        compress(b"\xff\xfe"),
        compress(b"[1, 2]"),
        compress(b'{"cookies": {"a": 1}}'),
        compress(b'{"cookies": [1]}'),
        compress(b'{"cookies": [{"name": "x"}]}'),
        compress(b'{"cookies": [{"host": 5, "name": "x"}]}'),
        compress(b'{"cookies": [{"host": "a.se", "originAttributes": "^userContextId=1"}]}'),
        compress(b'{"cookies": [{"host": "forsakringskassan.se", "expiry": "soon"}]}'),
    ],
)
def test_damaged_store_is_corrupt_not_an_exception(tmp_path: Path, content: bytes) -> None:
    location = _location(tmp_path)
    location.path.write_bytes(content)
    result = read_session_cookies(location, SCOPE)
    assert result.status is StoreStatus.CORRUPT
    assert result.message and result.cookies == ()


_AG = b'{"host": "www.forsakringskassan.se", "name": "_pk_ses.1.ab", "expiry": '


@pytest.mark.parametrize(("content", "words"), [
    (compress(b'{"cookies": [' + _AG + b'NaN}]}'), "holds NaN, which is not JSON"),
    (compress(b'{"cookies": [' + _AG + b'-Infinity}]}'), "holds -Infinity"),
    (compress(b'{"windows": ' + b"[" * 100_000 + b"]" * 100_000 + b', "cookies": []}'),
     "nested deeper than any session store"),
])  # fmt: skip
def test_what_firefox_could_not_read_either_is_corrupt_with_a_reason(
    tmp_path: Path, content: bytes, words: str
) -> None:
    """Python's json reads NaN and nests until RecursionError; both were tracebacks."""
    location = _location(tmp_path)
    location.path.write_bytes(content)
    result = read_session_cookies(location, SCOPE)
    assert result.status is StoreStatus.CORRUPT and words in result.message, result.message


@pytest.mark.parametrize("expiry", [b"1e400", b"1" * 400, b"-" + b"9" * 400, b"2e300"])
def test_an_expiry_beyond_any_date_reads_as_none(tmp_path: Path, expiry: bytes) -> None:
    location = _location(tmp_path)
    location.path.write_bytes(compress(b'{"cookies": [' + _AG + expiry + b"}]}"))
    result = read_session_cookies(location, SCOPE)
    assert result.status is StoreStatus.OK, result.message
    (cookie,) = result.cookies
    assert cookie.expires is None


def test_every_truncation_is_corrupt(tmp_path: Path) -> None:
    location = _location(tmp_path)
    write_session_store(location.path, COOKIES)
    whole = location.path.read_bytes()
    for end in range(len(whole)):
        location.path.write_bytes(whole[:end])
        assert read_session_cookies(location, SCOPE).status is StoreStatus.CORRUPT


def test_lying_size_header_is_corrupt(tmp_path: Path) -> None:
    location = _location(tmp_path)
    write_session_store(location.path, COOKIES)
    whole = location.path.read_bytes()
    location.path.write_bytes(whole[:8] + struct.pack("<I", 0xFFFFFFF0) + whole[12:])
    assert read_session_cookies(location, SCOPE).status is StoreStatus.CORRUPT


def test_folder_instead_of_file(tmp_path: Path) -> None:
    location = _location(tmp_path)
    location.path.mkdir()
    assert read_session_cookies(location, SCOPE).status is StoreStatus.CORRUPT


def _status_as(user_args: list[str], path: Path) -> str:
    """Read the store in a child process that runs with the given privileges."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from fkinspect.browsers.firefox_session import read_session_cookies\n"
        "from fkinspect.model import Family, Profile, StoreFormat, StoreLocation\n"
        "from fkinspect.scope import Scope\n"
        "p = Path(sys.argv[1])\n"
        "prof = Profile('firefox', 'Firefox', Family.FIREFOX, 'x', p.parent, p.parent)\n"
        "loc = StoreLocation(prof, p, StoreFormat.FIREFOX_SESSION)\n"
        "print(str(read_session_cookies(loc, Scope.of('forsakringskassan.se')).status))\n"
    )
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [*user_args, sys.executable, "-c", code, str(path)],
        capture_output=True, text=True, check=True, env=env, timeout=60,
    )  # fmt: skip
    return done.stdout.strip()


def test_unreadable_file() -> None:
    # Root reads any file, so as root the read runs as `nobody`.
    user_args: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and setpriv is missing: cannot be denied a file")
        user_args = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    with tempfile.TemporaryDirectory() as folder:
        Path(folder).chmod(0o755)
        path = Path(folder) / "sessionstore.jsonlz4"
        write_session_store(path, COOKIES)
        path.chmod(0)
        denied = _status_as(user_args, path)
        path.chmod(0o644)
        allowed = _status_as(user_args, path)
    assert denied == StoreStatus.UNREADABLE.value
    assert allowed == StoreStatus.OK.value


def test_recovery_file_while_running(tmp_path: Path) -> None:
    location = _location(tmp_path, "sessionstore-backups/recovery.jsonlz4")
    write_session_store(location.path, COOKIES[:1])
    result = read_session_cookies(location, SCOPE)
    assert [c.name for c in result.cookies] == ["JSESSIONID"]
