"""The value of ONE cookie, read only when the user asks to see it.

Nothing here runs during a scan: `fkinspect list` never imports this module's
heavy parts (browser-cookie3, the AES code). A value is never logged, never put
in an exception message, never kept beyond the return.

Chromium values are encrypted: `v10`/`v11` + AES-128-CBC on Linux (v10 with the
fixed "peanuts" key, v11 with the keyring's), `v10` with the keychain's key on
macOS, DPAPI / AES-GCM on Windows, where Chrome 127+ `v20` (app-bound) values
cannot be decrypted by other programs. From meta version 24 the plaintext
starts with SHA-256(host_key). The keyring, keychain and DPAPI secrets come
from browser-cookie3; the fixed-key v10 case needs no D-Bus session at all.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import shutil
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from fkinspect.browsers.chromium import KEY_COLUMNS as CHROMIUM_KEY_COLUMNS
from fkinspect.browsers.folders import MAX_SETTINGS_BYTES
from fkinspect.errors import ValueUnavailable
from fkinspect.model import Cookie, StoreFormat
from fkinspect.safe_open import read_regular_file
from fkinspect.scope import partition_url
from fkinspect.sqlite_open import connect, text_param
from fkinspect.tempcopy import copy_private, private_temp_folder

_SALT = b"saltysalt"
_IV = b" " * 16
_LINUX_FIXED_PASSWORD = b"peanuts"
_HOST_HASH_FROM_META = 24  # meta version that prefixes SHA-256(host_key)


# browser id prefix -> (Linux keyring application, macOS keychain service, account),
# as browser-cookie3 names them. "chromium" must come before "chrome".
_SECRETS: tuple[tuple[str, tuple[str, str, str]], ...] = (
    ("chromium", ("chromium", "Chromium Safe Storage", "Chromium")),
    ("chrome", ("chrome", "Chrome Safe Storage", "Chrome")),
    ("brave", ("brave", "Brave Safe Storage", "Brave")),
    ("edge", ("chromium", "Microsoft Edge Safe Storage", "Microsoft Edge")),
    ("msedge", ("chromium", "Microsoft Edge Safe Storage", "Microsoft Edge")),
    ("opera", ("chromium", "Opera Safe Storage", "Opera")),
    ("vivaldi", ("chrome", "Vivaldi Safe Storage", "Vivaldi")),
)


def read_value(cookie: Cookie, *, platform: str = sys.platform) -> str:
    """The cookie's value, from its store; ValueUnavailable says plainly why not.

    `platform` is the system whose browser wrote the store (it decides how a
    Chromium value is encrypted).
    """
    path = cookie.store.path
    try:
        fmt = cookie.store.format
        if fmt is StoreFormat.CHROMIUM_SQLITE:
            return _chromium_value(cookie, platform)
        if fmt is StoreFormat.FIREFOX_SQLITE:
            found = _firefox_value(cookie)
        elif fmt is StoreFormat.FIREFOX_SESSION:
            from fkinspect.browsers.firefox_session import find_value as session_value

            found = session_value(path, cookie.key)
        else:
            from fkinspect.browsers.safari import find_value as safari_value

            found = safari_value(path, cookie.key)
    except FileNotFoundError:
        raise ValueUnavailable("The cookie file is gone; scan again.") from None
    except PermissionError:
        raise ValueUnavailable("Permission denied reading the cookie file.") from None
    except (OSError, sqlite3.Error, ValueError):
        # ValueError covers damaged session stores and Safari files. No detail:
        # an error message could quote bytes of the file.
        raise ValueUnavailable("The cookie file could not be read.") from None
    if found is None:
        raise _gone()
    return found


def _gone() -> ValueUnavailable:
    return ValueUnavailable(
        "The cookie is no longer in its store; the browser may have removed it."
    )


# ------------------------------------------------------------------ SQLite


def _has_data(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


@contextlib.contextmanager
def _snapshot(db: Path) -> Iterator[sqlite3.Connection]:
    """A read connection that leaves no trace in the profile and sees committed rows.

    With no pending -wal/-journal, immutable=1 in place writes nothing. Otherwise
    the files are copied to a private temp folder, where SQLite may replay the
    WAL or roll back a hot journal on the copy.
    """
    if not db.is_file():
        raise FileNotFoundError(db)
    side = [db.with_name(db.name + suffix) for suffix in ("-wal", "-journal")]
    if not any(_has_data(p) for p in side):
        with contextlib.closing(connect(db.resolve(), mode="ro", immutable="1")) as conn:
            yield conn
        return
    folder = private_temp_folder("value-")  # 0700; the copies 0600: they hold every value
    try:
        copy = folder / db.name
        copy_private(db, copy)
        for extra in side:
            with contextlib.suppress(FileNotFoundError):
                copy_private(extra, folder / extra.name)
        with contextlib.closing(connect(copy)) as conn:
            yield conn
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _select(start: str, tests: Iterable[tuple[str, object]]) -> tuple[str, list[object]]:
    """`start` + "col = ? AND ..." (columns from this module's literals), and the values:
    text that is not UTF-8 is matched by the bytes it was read from."""
    where, params = [], []
    for column, value in tests:
        placeholder, param = text_param(value)
        where.append(f"{column} = {placeholder}")
        params.append(param)
    return start + " AND ".join(where), params


def _firefox_value(cookie: Cookie) -> str | None:
    with _snapshot(cookie.store.path) as conn:
        if len(cookie.key) == 4:
            row = conn.execute(*_select(
                "SELECT value FROM moz_cookies WHERE ",
                zip(("name", "host", "path", "originAttributes"), cookie.key, strict=True),
            )).fetchone()  # fmt: skip
        elif cookie.rowid is not None:
            row = conn.execute(*_select(
                "SELECT value FROM moz_cookies WHERE ",
                (("id", cookie.rowid), ("name", cookie.name), ("host", cookie.host)),
            )).fetchone()  # fmt: skip
        else:
            row = None
    if row is None:
        return None
    value = row[0]
    return value if isinstance(value, str) else None


def _chromium_row(conn: sqlite3.Connection, cookie: Cookie) -> sqlite3.Row | None:
    """The one row that is this cookie, by its full key where the key has every column."""
    conn.row_factory = sqlite3.Row
    rows = conn.execute(*_select(
        "SELECT rowid AS fk_rowid, * FROM cookies WHERE ",
        (("host_key", cookie.host), ("name", cookie.name), ("path", cookie.path)),
    )).fetchall()  # fmt: skip
    if not rows:
        return None
    columns = [c for c in CHROMIUM_KEY_COLUMNS if c in rows[0].keys()]  # noqa: SIM118
    if len(cookie.key) == len(columns):
        matches = [r for r in rows if tuple(r[c] for c in columns) == tuple(cookie.key)]
    else:
        matches = [
            r
            for r in rows
            if partition_url(r["top_frame_site_key"] if "top_frame_site_key" in columns else None)
            == cookie.partition
        ]
    if len(matches) > 1 and cookie.rowid is not None:
        matches = [r for r in matches if r["fk_rowid"] == cookie.rowid]
    if len(matches) > 1:
        raise ValueUnavailable("Several stored cookies match this one; cannot tell which to show.")
    return matches[0] if matches else None


def _meta_version(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", ("version",)).fetchone()
        return int(row[0]) if row is not None else 0
    except (sqlite3.Error, TypeError, ValueError):
        return 0


def _chromium_value(cookie: Cookie, platform: str) -> str:
    with _snapshot(cookie.store.path) as conn:
        version = _meta_version(conn)
        row = _chromium_row(conn, cookie)
        if row is None:
            raise _gone()
        plain, encrypted, host_key = row["value"], row["encrypted_value"], row["host_key"]
    if isinstance(plain, str) and plain:
        return plain  # stored unencrypted (old stores, some builds)
    if not isinstance(encrypted, bytes) or not encrypted:
        return ""
    data = decrypt_chromium(encrypted, platform=platform, cookie=cookie)
    if version >= _HOST_HASH_FROM_META:
        if data[:32] != hashlib.sha256(host_key.encode("utf-8", "surrogateescape")).digest():
            raise ValueUnavailable("The value did not decrypt correctly (wrong key).")
        data = data[32:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueUnavailable("The value did not decrypt to text (wrong key).") from None


# --------------------------------------------------------- Chromium crypto


def _pbkdf2_key(password: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha1", password, _SALT, iterations, 16)


def _aes_cbc(key: bytes, data: bytes) -> bytes | None:
    """AES-128-CBC with Chromium's IV; None when the padding shows a wrong key."""
    from Cryptodome.Cipher import AES
    from Cryptodome.Util.Padding import unpad

    if not data or len(data) % 16:
        return None
    try:
        out: bytes = unpad(AES.new(key, AES.MODE_CBC, _IV).decrypt(data), 16)
    except ValueError:
        return None
    return out


def encrypt_chromium_v10_linux(plaintext: bytes) -> bytes:
    """`v10` + AES-CBC with the fixed key, as Chromium on Linux without a keyring.

    For tests and the demo mode's stores.
    """
    from Cryptodome.Cipher import AES
    from Cryptodome.Util.Padding import pad

    key = _pbkdf2_key(_LINUX_FIXED_PASSWORD, 1)
    body: bytes = AES.new(key, AES.MODE_CBC, _IV).encrypt(pad(plaintext, 16))
    return b"v10" + body


def _secrets_for(browser_id: str) -> tuple[str, str, str]:
    for prefix, secrets in _SECRETS:
        if browser_id.startswith(prefix):
            return secrets
    return _SECRETS[0][1]


def decrypt_chromium(encrypted: bytes, *, platform: str, cookie: Cookie) -> bytes:
    """The plaintext of an `encrypted_value` (with any host-hash prefix still on)."""
    prefix, body = encrypted[:3], encrypted[3:]
    if prefix == b"v20":
        raise ValueUnavailable(
            "This value is protected by the browser's app-bound encryption and "
            "cannot be read by other programs."
        )
    if platform == "win32":
        return _decrypt_windows(prefix, body, encrypted, cookie)
    if platform == "darwin":
        if prefix != b"v10":
            raise ValueUnavailable("This value is encrypted in a way fkinspect does not know.")
        _, service, account = _secrets_for(cookie.store.profile.browser_id)
        out = _aes_cbc(_pbkdf2_key(_keychain_password(service, account), 1003), body)
        if out is None:
            raise ValueUnavailable("The keychain did not give the right key for this value.")
        return out
    if prefix == b"v10":
        out = _aes_cbc(_pbkdf2_key(_LINUX_FIXED_PASSWORD, 1), body)
        if out is None:
            raise ValueUnavailable("The value did not decrypt with the browser's fixed key.")
        return out
    if prefix == b"v11":
        application, _, _ = _secrets_for(cookie.store.profile.browser_id)
        for password in (_keyring_password(application), b""):  # b"": an old Chromium bug
            out = _aes_cbc(_pbkdf2_key(password, 1), body)
            if out is not None:
                return out
        raise ValueUnavailable("The keyring did not give the right key for this value.")
    raise ValueUnavailable("This value is encrypted in a way fkinspect does not know.")


def _keyring_password(application: str) -> bytes:
    """The browser's secret from the desktop keyring, through browser-cookie3."""
    try:
        import browser_cookie3

        manager: Any = browser_cookie3._LinuxPasswordManager(browser_cookie3.USE_DBUS_LINUX)
        password = manager.get_password(application)
    except Exception:  # no D-Bus session, locked keyring, missing backend ...
        raise ValueUnavailable(
            "The system keyring could not be reached; unlock it (log in to the desktop) "
            "and try again."
        ) from None
    return password.encode("utf-8") if isinstance(password, str) else bytes(password)


def _keychain_password(service: str, account: str) -> bytes:
    try:
        import browser_cookie3

        password: Any = browser_cookie3._get_osx_keychain_password(service, account)
    except Exception:
        raise ValueUnavailable("The keychain could not be asked for the browser's key.") from None
    return password.encode("utf-8") if isinstance(password, str) else bytes(password)


def _decrypt_windows(prefix: bytes, body: bytes, whole: bytes, cookie: Cookie) -> bytes:
    try:
        import browser_cookie3

        unprotect: Any = browser_cookie3._crypt_unprotect_data
        if prefix != b"v10":  # before Chrome 80: the whole value is a DPAPI blob
            _, data = unprotect(whole)
            return bytes(data)
        state_file = cookie.store.profile.root / "Local State"  # regular files only: no FIFO
        local_state = json.loads(read_regular_file(state_file, MAX_SETTINGS_BYTES))
        wrapped = base64.b64decode(local_state["os_crypt"]["encrypted_key"])[5:]  # b"DPAPI"
        _, key = unprotect(wrapped, is_key=True)
    except ValueUnavailable:
        raise
    except Exception:
        raise ValueUnavailable("Windows did not give the browser's key for this value.") from None
    from Cryptodome.Cipher import AES

    nonce, ciphertext, tag = body[:12], body[12:-16], body[-16:]
    try:
        out: bytes = AES.new(key, AES.MODE_GCM, nonce=nonce).decrypt_and_verify(ciphertext, tag)
    except ValueError:
        raise ValueUnavailable("The value did not decrypt with the browser's key.") from None
    return out
