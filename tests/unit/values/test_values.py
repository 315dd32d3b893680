"""One cookie's value on request: real stores, real encryption, plain failures."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.browsers.safari import BinaryCookie, encode_binarycookies
from fkinspect.errors import ValueUnavailable
from fkinspect.model import (
    Cookie,
    Family,
    Profile,
    SameSite,
    Source,
    StoreFormat,
    StoreLocation,
)
from fkinspect.values import read_value
from fkinspect.values.chromium_crypto import encrypt_linux

# Chromium 156, meta version 24 (as listed in /work/shared/stores.md).
CHROMIUM_SCHEMA = """
CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR);
CREATE TABLE cookies(creation_utc INTEGER NOT NULL,host_key TEXT NOT NULL,
 top_frame_site_key TEXT NOT NULL,name TEXT NOT NULL,value TEXT NOT NULL,
 encrypted_value BLOB NOT NULL,path TEXT NOT NULL,expires_utc INTEGER NOT NULL,
 is_secure INTEGER NOT NULL,is_httponly INTEGER NOT NULL,last_access_utc INTEGER NOT NULL,
 has_expires INTEGER NOT NULL,is_persistent INTEGER NOT NULL,priority INTEGER NOT NULL,
 samesite INTEGER NOT NULL,source_scheme INTEGER NOT NULL,source_port INTEGER NOT NULL,
 last_update_utc INTEGER NOT NULL,source_type INTEGER NOT NULL,
 has_cross_site_ancestor INTEGER NOT NULL);
CREATE UNIQUE INDEX cookies_unique_index ON cookies(host_key, top_frame_site_key,
 has_cross_site_ancestor, name, path, source_scheme, source_port);
"""

# Firefox 142+, user_version 17.
FIREFOX_SCHEMA = """
CREATE TABLE moz_cookies (id INTEGER PRIMARY KEY, originAttributes TEXT NOT NULL DEFAULT '',
 name TEXT, value TEXT, host TEXT, path TEXT, expiry INTEGER, lastAccessed INTEGER,
 creationTime INTEGER, isSecure INTEGER, isHttpOnly INTEGER,
 inBrowserElement INTEGER DEFAULT 0, sameSite INTEGER DEFAULT 0, schemeMap INTEGER DEFAULT 0,
 isPartitionedAttributeSet INTEGER DEFAULT 0, updateTime INTEGER,
 CONSTRAINT moz_uniqueid UNIQUE (name, host, path, originAttributes));
"""

HOST = ".forsakringskassan.se"
PARTITION = "https://forsakringskassan.se"
CHROME_TIME = 13_400_000_000_000_000  # µs since 1601


def _profile(tmp_path: Path, family: Family, browser_id: str = "chromium") -> Profile:
    return Profile(browser_id, browser_id.title(), family, "Default", tmp_path / "Default",
                   tmp_path)  # fmt: skip


def _cookie(
    location: StoreLocation,
    host: str,
    name: str,
    key: tuple[str | int, ...],
    *,
    partition: str | None = None,
    rowid: int | None = None,
    path: str = "/",
) -> Cookie:
    source = {
        StoreFormat.FIREFOX_SESSION: Source.SESSION_STORE,
        StoreFormat.SAFARI_BINARY: Source.BINARYCOOKIES,
    }.get(location.format, Source.SQLITE)
    return Cookie(host, name, path, None, None, None, False, False, SameSite.UNSPECIFIED,
                  partition, None, source, location, key, rowid)  # fmt: skip


def _chromium_value(plaintext: str, host_key: str, meta_version: int) -> bytes:
    prefix = hashlib.sha256(host_key.encode()).digest() if meta_version >= 24 else b""
    return encrypt_linux(prefix + plaintext.encode())


def _chromium_store(
    tmp_path: Path,
    rows: Sequence[tuple[str, str, str, bytes, str]],
    meta_version: int = 24,
) -> StoreLocation:
    """rows: (host_key, top_frame_site_key, name, encrypted_value, value)."""
    profile = _profile(tmp_path, Family.CHROMIUM)
    profile.directory.mkdir(parents=True, exist_ok=True)
    db = profile.directory / "Cookies"
    with closing(sqlite3.connect(db)) as conn:
        conn.executescript(CHROMIUM_SCHEMA)
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("version", str(meta_version)), ("last_compatible_version", str(meta_version)),
             ("mmap_status", "-1")],
        )  # fmt: skip
        for host_key, top_frame, name, encrypted, value in rows:
            conn.execute(
                "INSERT INTO cookies VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (CHROME_TIME, host_key, top_frame, name, value, encrypted, "/",
                 CHROME_TIME + 10**12, 1, 0, CHROME_TIME, 1, 1, 1, -1, 2, 443, CHROME_TIME,
                 1, 1),
            )  # fmt: skip
        conn.commit()
    return StoreLocation(profile, db, StoreFormat.CHROMIUM_SQLITE)


def _chromium_key(host_key: str, top_frame: str, name: str) -> tuple[str | int, ...]:
    return (host_key, top_frame, 1, name, "/", 2, 443)


def test_chromium_v10_meta_24_twins_by_full_key(tmp_path: Path) -> None:
    location = _chromium_store(
        tmp_path,
        [
            (HOST, "", "_pk_id.1.abcd", _chromium_value("first-party", HOST, 24), ""),
            (HOST, PARTITION, "_pk_id.1.abcd", _chromium_value("partitioned", HOST, 24), ""),
        ],
    )
    first = _cookie(location, HOST, "_pk_id.1.abcd", _chromium_key(HOST, "", "_pk_id.1.abcd"))
    twin = _cookie(location, HOST, "_pk_id.1.abcd",
                   _chromium_key(HOST, PARTITION, "_pk_id.1.abcd"), partition=PARTITION)
    assert read_value(first, platform="linux") == "first-party"
    assert read_value(twin, platform="linux") == "partitioned"


def test_chromium_partial_key_uses_partition(tmp_path: Path) -> None:
    location = _chromium_store(
        tmp_path,
        [
            (HOST, "", "a", _chromium_value("one", HOST, 24), ""),
            (HOST, PARTITION, "a", _chromium_value("two", HOST, 24), ""),
        ],
    )
    twin = _cookie(location, HOST, "a", (HOST, "a", "/"), partition=PARTITION)
    assert read_value(twin, platform="linux") == "two"


def test_chromium_before_meta_24_has_no_hash_prefix(tmp_path: Path) -> None:
    location = _chromium_store(
        tmp_path, [(HOST, "", "JSESSIONID", _chromium_value("åäö-text", HOST, 23), "")], 23
    )
    cookie = _cookie(location, HOST, "JSESSIONID", _chromium_key(HOST, "", "JSESSIONID"))
    assert read_value(cookie, platform="linux") == "åäö-text"


def test_chromium_plain_value_column(tmp_path: Path) -> None:
    location = _chromium_store(tmp_path, [(HOST, "", "old", b"", "in-the-clear")])
    cookie = _cookie(location, HOST, "old", _chromium_key(HOST, "", "old"))
    assert read_value(cookie, platform="linux") == "in-the-clear"


def test_chromium_hash_of_another_host_is_refused(tmp_path: Path) -> None:
    wrong = _chromium_value("SECRET-VALUE", ".example.org", 24)
    location = _chromium_store(tmp_path, [(HOST, "", "x", wrong, "")])
    cookie = _cookie(location, HOST, "x", _chromium_key(HOST, "", "x"))
    with pytest.raises(ValueUnavailable) as raised:
        read_value(cookie, platform="linux")
    assert "SECRET" not in str(raised.value)


def test_chromium_wrong_key_is_refused_plainly(tmp_path: Path) -> None:
    # Encrypted with a keyring key, but marked v10 (fixed key): padding fails.
    from Cryptodome.Cipher import AES
    from Cryptodome.Util.Padding import pad

    key = hashlib.pbkdf2_hmac("sha1", b"not-peanuts", b"saltysalt", 1, 16)
    body = AES.new(key, AES.MODE_CBC, b" " * 16).encrypt(pad(b"SECRET-VALUE" * 3, 16))
    location = _chromium_store(tmp_path, [(HOST, "", "x", b"v10" + body, "")])
    cookie = _cookie(location, HOST, "x", _chromium_key(HOST, "", "x"))
    with pytest.raises(ValueUnavailable) as raised:
        read_value(cookie, platform="linux")
    assert "SECRET" not in str(raised.value) and str(raised.value)


def test_chromium_app_bound_v20(tmp_path: Path) -> None:
    location = _chromium_store(tmp_path, [(HOST, "", "x", b"v20" + os.urandom(60), "")])
    cookie = _cookie(location, HOST, "x", _chromium_key(HOST, "", "x"))
    with pytest.raises(ValueUnavailable, match="cannot be read by other programs"):
        read_value(cookie, platform="win32")


def test_chromium_v11_without_a_session_bus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real situation browser-cookie3 crashed on: no D-Bus session here.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    location = _chromium_store(tmp_path, [(HOST, "", "x", b"v11" + os.urandom(32), "")])
    cookie = _cookie(location, HOST, "x", _chromium_key(HOST, "", "x"))
    with pytest.raises(ValueUnavailable, match="keyring"):
        read_value(cookie, platform="linux")


# A real Secret Service: gnome-keyring-daemon in a D-Bus session of its own, its
# keyrings in the test's own home. The child unlocks it, stores (or not) the secret
# as Chromium's libsecret backend does, and asks fkinspect for one v11 value.
_KEYRING_CHILD = """
import json, subprocess, sys
from pathlib import Path
import secretstorage
from fkinspect.errors import ValueUnavailable
from fkinspect.model import *
from fkinspect.values import read_value

subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"],
               input=b"login-password", check=True, stdout=subprocess.DEVNULL, timeout=30)
mode, db, host = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
with secretstorage.dbus_init() as connection:
    collection = secretstorage.get_default_collection(connection)
    if mode != "empty":
        collection.create_item("Chromium Safe Storage", {
            "application": "chromium", "xdg:schema": "chrome_libsecret_os_crypt_password_v2",
        }, b"keyring-secret")
    if mode == "locked":
        collection.lock()
p = Profile("chromium", "Chromium", Family.CHROMIUM, "Default", db.parent, db.parent.parent)
loc = StoreLocation(p, db, StoreFormat.CHROMIUM_SQLITE)
c = Cookie(host, "x", "/", None, None, None, False, False, SameSite.UNSPECIFIED, None, None,
           Source.SQLITE, loc, (host, "", 1, "x", "/", 2, 443))
try:
    print(json.dumps({"value": read_value(c, platform="linux")}))
except ValueUnavailable as exc:
    print(json.dumps({"unavailable": str(exc)}))
"""
_KEYRING_TOOLS = ("dbus-run-session", "gnome-keyring-daemon")


def _value_with_keyring(tmp_path: Path, mode: str) -> dict[str, str]:
    """Read a v11 value (keyed by "keyring-secret") with a real Secret Service in `mode`."""
    missing = [tool for tool in _KEYRING_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: gnome-keyring, dbus)")
    plain = hashlib.sha256(HOST.encode()).digest() + b"from-the-keyring"
    encrypted = encrypt_linux(plain, password=b"keyring-secret", prefix=b"v11")
    location = _chromium_store(tmp_path, [(HOST, "", "x", encrypted, "")])
    home, runtime = tmp_path / "home", tmp_path / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    for name in ("DBUS_SESSION_BUS_ADDRESS", "XDG_DATA_HOME", "GNOME_KEYRING_CONTROL"):
        env.pop(name, None)
    done = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", _KEYRING_CHILD, mode,
         str(location.path), HOST],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    answer: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def test_chromium_v11_with_the_key_from_the_secret_service(tmp_path: Path) -> None:
    assert _value_with_keyring(tmp_path, "unlocked") == {"value": "from-the-keyring"}


def test_chromium_v11_with_a_locked_keyring_says_so(tmp_path: Path) -> None:
    answer = _value_with_keyring(tmp_path, "locked")
    assert "keyring is locked" in answer.get("unavailable", ""), answer


def test_chromium_v11_with_an_empty_keyring_says_locked_or_empty(tmp_path: Path) -> None:
    answer = _value_with_keyring(tmp_path, "empty")
    assert "keyring is locked or empty" in answer.get("unavailable", ""), answer


def test_chromium_row_gone(tmp_path: Path) -> None:
    location = _chromium_store(tmp_path, [(HOST, "", "x", _chromium_value("v", HOST, 24), "")])
    cookie = _cookie(location, HOST, "y", _chromium_key(HOST, "", "y"))
    with pytest.raises(ValueUnavailable, match="no longer"):
        read_value(cookie, platform="linux")


def test_chromium_read_leaves_no_trace(tmp_path: Path) -> None:
    location = _chromium_store(tmp_path, [(HOST, "", "x", _chromium_value("v", HOST, 24), "")])
    before = sorted(p.name for p in location.path.parent.iterdir())
    content = location.path.read_bytes()
    cookie = _cookie(location, HOST, "x", _chromium_key(HOST, "", "x"))
    assert read_value(cookie, platform="linux") == "v"
    assert sorted(p.name for p in location.path.parent.iterdir()) == before
    assert location.path.read_bytes() == content


def test_v10_needs_neither_dbus_nor_browser_cookie3(tmp_path: Path) -> None:
    location = _chromium_store(tmp_path, [(HOST, "", "x", _chromium_value("ok", HOST, 24), "")])
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from fkinspect.model import *\n"
        "from fkinspect.values import read_value\n"
        "db = Path(sys.argv[1])\n"
        "p = Profile('chromium', 'Chromium', Family.CHROMIUM, 'Default', db.parent,"
        " db.parent.parent)\n"
        "loc = StoreLocation(p, db, StoreFormat.CHROMIUM_SQLITE)\n"
        "c = Cookie(sys.argv[2], 'x', '/', None, None, None, False, False,"
        " SameSite.UNSPECIFIED, None, None, Source.SQLITE, loc,"
        " (sys.argv[2], '', 1, 'x', '/', 2, 443))\n"
        "assert read_value(c, platform='linux') == 'ok'\n"
        "print('browser_cookie3' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(location.path), HOST],
        capture_output=True, text=True, env=env, check=True, timeout=60,
    )  # fmt: skip
    assert done.stdout.strip() == "False"


def test_importing_values_is_lean() -> None:
    code = (
        "import sys, fkinspect.values\n"
        "print(sorted(m for m in ('browser_cookie3', 'Cryptodome', 'secretstorage',"
        " 'jeepney', 'keyring') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)  # fmt: skip
    assert done.stdout.strip() == "[]"


# ------------------------------------------------------------------ Firefox


@pytest.fixture
def firefox_store(tmp_path: Path) -> Iterator[tuple[StoreLocation, sqlite3.Connection]]:
    """A WAL store like Firefox's, with one row only in the -wal (writer kept open)."""
    profile = _profile(tmp_path, Family.FIREFOX, "firefox-esr")
    profile.directory.mkdir(parents=True)
    db = profile.directory / "cookies.sqlite"
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.executescript(FIREFOX_SCHEMA + "PRAGMA user_version=17;")
    rows = [
        ("", "JSESSIONID", "plain-1", "www.forsakringskassan.se"),
        ("^userContextId=1", "JSESSIONID", "container-1", "www.forsakringskassan.se"),
    ]
    for attrs, name, value, host in rows:
        writer.execute(
            "INSERT INTO moz_cookies (originAttributes, name, value, host, path, expiry,"
            " lastAccessed, creationTime, isSecure, isHttpOnly) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (attrs, name, value, host, "/", 1_900_000_000_000, 1, 1, 1, 1),
        )
    writer.commit()
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute(
        "INSERT INTO moz_cookies (originAttributes, name, value, host, path) VALUES (?,?,?,?,?)",
        ("^partitionKey=%28https%2Cforsakringskassan.se%29", "YSC", "only-in-wal",
         ".youtube.com", "/"),
    )  # fmt: skip
    writer.commit()
    try:
        yield StoreLocation(profile, db, StoreFormat.FIREFOX_SQLITE), writer
    finally:
        writer.close()


def test_firefox_value_by_key_including_wal_rows(
    firefox_store: tuple[StoreLocation, sqlite3.Connection],
) -> None:
    location, _writer = firefox_store
    wal = location.path.with_name("cookies.sqlite-wal")
    assert wal.stat().st_size > 0
    host = "www.forsakringskassan.se"
    plain = _cookie(location, host, "JSESSIONID", ("JSESSIONID", host, "/", ""))
    twin = _cookie(location, host, "JSESSIONID", ("JSESSIONID", host, "/", "^userContextId=1"))
    in_wal = _cookie(location, ".youtube.com", "YSC",
                     ("YSC", ".youtube.com", "/",
                      "^partitionKey=%28https%2Cforsakringskassan.se%29"))  # fmt: skip
    before = sorted(p.name for p in location.path.parent.iterdir())
    assert read_value(plain) == "plain-1"
    assert read_value(twin) == "container-1"
    assert read_value(in_wal) == "only-in-wal"
    assert sorted(p.name for p in location.path.parent.iterdir()) == before


def test_firefox_without_wal_reads_in_place_without_trace(tmp_path: Path) -> None:
    profile = _profile(tmp_path, Family.FIREFOX, "firefox")
    profile.directory.mkdir(parents=True)
    db = profile.directory / "cookies.sqlite"
    with closing(sqlite3.connect(db)) as conn:
        conn.executescript(FIREFOX_SCHEMA)
        conn.execute("INSERT INTO moz_cookies (name, value, host, path) VALUES (?,?,?,?)",
                     ("a", "value-a", "forsakringskassan.se", "/"))  # fmt: skip
        conn.commit()
    location = StoreLocation(profile, db, StoreFormat.FIREFOX_SQLITE)
    cookie = _cookie(location, "forsakringskassan.se", "a", ("a", "forsakringskassan.se", "/", ""))
    assert read_value(cookie) == "value-a"
    assert sorted(p.name for p in profile.directory.iterdir()) == ["cookies.sqlite"]


def test_missing_and_damaged_stores(tmp_path: Path) -> None:
    profile = _profile(tmp_path, Family.FIREFOX, "firefox")
    profile.directory.mkdir(parents=True)
    db = profile.directory / "cookies.sqlite"
    location = StoreLocation(profile, db, StoreFormat.FIREFOX_SQLITE)
    cookie = _cookie(location, "forsakringskassan.se", "a", ("a", "forsakringskassan.se", "/", ""))
    with pytest.raises(ValueUnavailable, match="gone"):
        read_value(cookie)
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ValueUnavailable, match="could not be read"):
        read_value(cookie)


# ------------------------------------------------- session store and Safari


def test_session_store_value(tmp_path: Path) -> None:
    profile = _profile(tmp_path, Family.FIREFOX, "firefox")
    path = profile.directory / "sessionstore.jsonlz4"
    write_session_store(path, [
        {"host": "www.forsakringskassan.se", "name": "s", "path": "/", "value": "session-v",
         "originAttributes": {"userContextId": 2}},
    ])  # fmt: skip
    location = StoreLocation(profile, path, StoreFormat.FIREFOX_SESSION)
    host = "www.forsakringskassan.se"
    cookie = _cookie(location, host, "s", ("s", host, "/", "^userContextId=2"))
    assert read_value(cookie) == "session-v"
    other = _cookie(location, host, "s", ("s", host, "/", ""))
    with pytest.raises(ValueUnavailable, match="no longer"):
        read_value(other)
    path.write_bytes(b"mozLz40\0garbage")
    with pytest.raises(ValueUnavailable, match="could not be read"):
        read_value(cookie)


def test_safari_value(tmp_path: Path) -> None:
    profile = Profile("safari", "Safari", Family.SAFARI, "Safari", tmp_path, tmp_path)
    path = tmp_path / "Cookies.binarycookies"
    when = datetime(2027, 1, 1, tzinfo=UTC)
    path.write_bytes(encode_binarycookies([
        BinaryCookie(HOST, "_pk_id.1.abcd", "/", "safari-v", when, when),
    ]))  # fmt: skip
    location = StoreLocation(profile, path, StoreFormat.SAFARI_BINARY)
    cookie = _cookie(location, HOST, "_pk_id.1.abcd", (HOST, "_pk_id.1.abcd", "/"))
    assert read_value(cookie) == "safari-v"
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(ValueUnavailable, match="could not be read"):
        read_value(cookie)


# ------------------------------------------- every schema generation (synth)


@pytest.mark.parametrize("meta_version", [18, 20, 22, 24])
def test_chromium_every_meta_version(tmp_path: Path, meta_version: int) -> None:
    from fkinspect import synth
    profile = _profile(tmp_path, Family.CHROMIUM)
    db = profile.directory / "Cookies"
    synth.write_chromium_store(db, [
        synth.SynthCookie(HOST, "_pk_id.1.abcd", value="first"),
        synth.SynthCookie(HOST, "_pk_id.1.abcd", value="chips", partition=PARTITION),
    ], meta_version=meta_version)  # fmt: skip
    location = StoreLocation(profile, db, StoreFormat.CHROMIUM_SQLITE)
    with closing(sqlite3.connect(db)) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(cookies)")}
    order = ("host_key", "top_frame_site_key", "has_cross_site_ancestor", "name", "path",
             "source_scheme", "source_port")  # fmt: skip
    full = {"host_key": HOST, "top_frame_site_key": "", "has_cross_site_ancestor": 1,
            "name": "_pk_id.1.abcd", "path": "/", "source_scheme": 2, "source_port": 443}
    key = tuple(full[c] for c in order if c in columns)
    first = _cookie(location, HOST, "_pk_id.1.abcd", key)
    chips_key = tuple(PARTITION if c == "top_frame_site_key" else full[c]
                      for c in order if c in columns)  # fmt: skip
    chips = _cookie(location, HOST, "_pk_id.1.abcd", chips_key, partition=PARTITION)
    by_partition = _cookie(location, HOST, "_pk_id.1.abcd", (HOST, "_pk_id.1.abcd", "/"),
                           partition=PARTITION)  # fmt: skip
    assert read_value(first, platform="linux") == "first"
    assert read_value(chips, platform="linux") == "chips"
    assert read_value(by_partition, platform="linux") == "chips"


@pytest.mark.parametrize("user_version", [12, 14, 16, 17])
def test_firefox_every_user_version(tmp_path: Path, user_version: int) -> None:
    from fkinspect import synth
    profile = _profile(tmp_path, Family.FIREFOX, "firefox")
    db = profile.directory / "cookies.sqlite"
    later = datetime(2027, 1, 1, tzinfo=UTC)
    synth.write_firefox_store(
        db,
        [synth.SynthCookie("www.forsakringskassan.se", "a", value="plain", expires=later)],
        user_version=user_version,
        wal_cookies=[synth.SynthCookie("www.forsakringskassan.se", "a", value="in-container",
                                       expires=later, container=3)],
    )  # fmt: skip
    location = StoreLocation(profile, db, StoreFormat.FIREFOX_SQLITE)
    host = "www.forsakringskassan.se"
    assert read_value(_cookie(location, host, "a", ("a", host, "/", ""))) == "plain"
    twin = _cookie(location, host, "a", ("a", host, "/", "^userContextId=3"))
    assert read_value(twin) == "in-container"
