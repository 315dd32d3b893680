"""How Chromium encrypts a cookie value, per platform, and where each key comes from.

Linux: `v10` + AES-128-CBC with the fixed "peanuts" key (no keyring: needs no D-Bus
session at all), `v11` with the key from the desktop keyring. macOS: `v10` with the
keychain's key (1003 PBKDF2 rounds). Windows: DPAPI, or `v10` + AES-256-GCM with a
key from `Local State` that DPAPI unwraps; Chrome 127+ `v20` (app-bound) values
cannot be decrypted by other programs. From the store's meta version 24 the
plaintext starts with SHA-256(host_key).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json

from fkinspect.browsers.folders import MAX_SETTINGS_BYTES
from fkinspect.errors import ValueUnavailable
from fkinspect.i18n import N_
from fkinspect.model import Profile
from fkinspect.safe_open import read_regular_file
from fkinspect.values.keystore import dpapi_unprotect, keychain_password, keyring_password

HOST_HASH_FROM_META = 24
_SALT = b"saltysalt"
_IV = b" " * 16
LINUX_FIXED_PASSWORD = b"peanuts"

# browser id prefix -> (Linux keyring application, macOS keychain service, account),
# as each browser names its "Safe Storage" secret. "chromium" must come before "chrome".
_SECRETS: tuple[tuple[str, tuple[str, str, str]], ...] = (
    ("chromium", ("chromium", "Chromium Safe Storage", "Chromium")),
    ("chrome", ("chrome", "Chrome Safe Storage", "Chrome")),
    ("brave", ("brave", "Brave Safe Storage", "Brave")),
    ("edge", ("chromium", "Microsoft Edge Safe Storage", "Microsoft Edge")),
    ("msedge", ("chromium", "Microsoft Edge Safe Storage", "Microsoft Edge")),
    ("opera", ("chromium", "Opera Safe Storage", "Opera")),
    ("vivaldi", ("chrome", "Vivaldi Safe Storage", "Vivaldi")),
)
_UNKNOWN = N_("This value is encrypted in a way fkinspect does not know.")


def _secrets_for(browser_id: str) -> tuple[str, str, str]:
    for prefix, secrets in _SECRETS:
        if browser_id.startswith(prefix):
            return secrets
    return _SECRETS[0][1]


def _pbkdf2_key(password: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha1", password, _SALT, iterations, 16)


def _aes_cbc(key: bytes, data: bytes) -> bytes | None:
    """AES-128-CBC with Chromium's IV; None when the padding shows a wrong key."""
    # Cryptodome costs ~20-25 ms to import: loaded only when a value is shown.
    from Cryptodome.Cipher import AES
    from Cryptodome.Util.Padding import unpad

    if not data or len(data) % 16:
        return None
    try:
        out: bytes = unpad(AES.new(key, AES.MODE_CBC, _IV).decrypt(data), 16)
    except ValueError:
        return None
    return out


def encrypt_linux(plaintext: bytes, password: bytes = LINUX_FIXED_PASSWORD,
                  prefix: bytes = b"v10") -> bytes:
    """`v10` + AES-CBC with the fixed key, as Chromium on Linux without a keyring
    (`v11` and the keyring's password: with one). For tests, the demo and synth."""
    from Cryptodome.Cipher import AES  # see _aes_cbc
    from Cryptodome.Util.Padding import pad

    body: bytes = AES.new(_pbkdf2_key(password, 1), AES.MODE_CBC, _IV).encrypt(pad(plaintext, 16))
    return prefix + body


def value_text(encrypted: bytes, host_key: bytes, meta_version: int, *, platform: str,
               profile: Profile) -> str:
    """The text of an `encrypted_value` of this row, written on `platform` by `profile`'s
    browser into a store of `meta_version`."""
    data = decrypt(encrypted, platform=platform, profile=profile)
    if meta_version >= HOST_HASH_FROM_META:
        if data[:32] != hashlib.sha256(host_key).digest():
            raise ValueUnavailable(N_("The value did not decrypt correctly (wrong key)."))
        data = data[32:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueUnavailable(N_("The value did not decrypt to text (wrong key).")) from None


def decrypt(encrypted: bytes, *, platform: str, profile: Profile) -> bytes:
    """The plaintext of an `encrypted_value` written on `platform` by `profile`'s browser."""
    prefix, body = encrypted[:3], encrypted[3:]
    if prefix == b"v20":
        raise ValueUnavailable(N_("This value is protected by the browser's app-bound "
                                  "encryption and cannot be read by other programs."))
    if platform == "win32":
        return _decrypt_windows(prefix, body, encrypted, profile)
    application, service, account = _secrets_for(profile.browser_id)
    if platform == "darwin":
        if prefix != b"v10":
            raise ValueUnavailable(_UNKNOWN)
        out = _aes_cbc(_pbkdf2_key(keychain_password(service, account), 1003), body)
        if out is None:
            raise ValueUnavailable(N_("The keychain did not give the right key for this value."))
        return out
    if prefix == b"v10":
        out = _aes_cbc(_pbkdf2_key(LINUX_FIXED_PASSWORD, 1), body)
        if out is None:
            raise ValueUnavailable(N_("The value did not decrypt with the browser's fixed key."))
        return out
    if prefix == b"v11":
        # b"": the key of Chromiums that stored an empty keyring secret.
        for password in (keyring_password(application), b""):
            out = _aes_cbc(_pbkdf2_key(password, 1), body)
            if out is not None:
                return out
        raise ValueUnavailable(N_("The keyring did not give the right key for this value."))
    raise ValueUnavailable(_UNKNOWN)


def _windows_key(profile: Profile) -> bytes:
    """The AES key in `Local State`, unwrapped by DPAPI."""
    state_file = profile.root / "Local State"  # regular files only: no FIFO
    try:
        local_state = json.loads(read_regular_file(state_file, MAX_SETTINGS_BYTES))
        wrapped = base64.b64decode(local_state["os_crypt"]["encrypted_key"])
    except (OSError, ValueError, binascii.Error, KeyError, TypeError):
        raise ValueUnavailable(
            N_("Windows did not give the browser's key for this value.")) from None
    return dpapi_unprotect(wrapped.removeprefix(b"DPAPI"))


def _decrypt_windows(prefix: bytes, body: bytes, whole: bytes, profile: Profile) -> bytes:
    if prefix != b"v10":  # before Chrome 80: the whole value is a DPAPI blob
        return dpapi_unprotect(whole)
    from Cryptodome.Cipher import AES  # see _aes_cbc

    nonce, ciphertext, tag = body[:12], body[12:-16], body[-16:]
    try:
        out: bytes = AES.new(_windows_key(profile), AES.MODE_GCM, nonce=nonce).decrypt_and_verify(
            ciphertext, tag
        )
    except ValueError:
        raise ValueUnavailable(N_("The value did not decrypt with the browser's key.")) from None
    return out
