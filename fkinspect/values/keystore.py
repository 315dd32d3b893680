"""Where a browser keeps the key to its cookie values: the system's own key stores.

- Linux: the Secret Service (gnome-keyring, KWallet 6, KeePassXC ...) through
  `secretstorage`. Chromium's libsecret backend stores its "Safe Storage" secret
  as an item with the attribute `application` = chromium, chrome, brave ...
- macOS: the login keychain through `keyring`'s macOS backend (a generic password,
  service "Chrome Safe Storage", account "Chrome").
- Windows: DPAPI's CryptUnprotectData through ctypes (the user's own key).

A locked or empty key store is said plainly: never a silent guess at another key,
which would only turn into a "wrong key" later.
"""

from __future__ import annotations

import sys
from contextlib import closing

from fkinspect.errors import ValueUnavailable
from fkinspect.i18n import N_


def keyring_password(application: str) -> bytes:
    """The secret stored for `application` in the Secret Service.

    ValueUnavailable when there is no session bus or no Secret Service, when the
    keyring is locked, or when it holds no such item (a locked collection may
    answer a search with nothing: "locked or empty").
    """
    # ~50 ms with jeepney and cryptography: loaded only when a value is shown.
    import secretstorage

    try:
        with closing(secretstorage.dbus_init()) as connection:
            items = list(secretstorage.search_items(connection, {"application": application}))
            unlocked = [item for item in items if not item.is_locked()]
            secret = unlocked[0].get_secret() if unlocked else None
    except Exception:  # no bus, no Secret Service, an error reply (jeepney's), a lost socket
        raise ValueUnavailable(N_("The system keyring could not be reached; unlock it (log in to "
                                  "the desktop) and try again.")) from None
    if secret is None and items:
        raise ValueUnavailable(N_("The keyring is locked; unlock it (log in to the desktop) and "
                                  "try again."))
    if secret is None:
        raise ValueUnavailable(N_("The keyring is locked or empty: it gave no key for this "
                                  "browser; unlock it (log in to the desktop) and try again."))
    return bytes(secret)


def keychain_password(service: str, account: str) -> bytes:
    """The generic password `service`/`account` from the macOS login keychain."""
    # ~120 ms with its backends: loaded only when a value is shown.
    import keyring.errors

    try:
        password = keyring.get_password(service, account)
    except (keyring.errors.KeyringError, OSError):
        raise ValueUnavailable(
            N_("The keychain could not be asked for the browser's key.")) from None
    if password is None:
        raise ValueUnavailable(N_("The keychain holds no key for this browser."))
    return str(password).encode("utf-8")


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    class _Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    def dpapi_unprotect(data: bytes) -> bytes:
        """`data` decrypted with the Windows user's DPAPI key (CryptUnprotectData)."""
        buffer = ctypes.create_string_buffer(data, len(data))
        blob_in = _Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
        blob_out = _Blob()
        ok = ctypes.windll.crypt32.CryptUnprotectData(
            ctypes.byref(blob_in), None, None, None, None, 0, ctypes.byref(blob_out)
        )
        if not ok:
            raise ValueUnavailable(N_("Windows did not give the browser's key for this value."))
        try:
            return ctypes.string_at(blob_out.pbData, blob_out.cbData)
        finally:
            ctypes.windll.kernel32.LocalFree(blob_out.pbData)

else:

    def dpapi_unprotect(data: bytes) -> bytes:
        """DPAPI exists on Windows only: a Windows store's value is not readable here."""
        raise ValueUnavailable(N_("Windows' key store can only be asked on Windows."))
