"""Where a browser keeps the key to its cookie values: the system's own key stores.

Asked through browser-cookie3: the desktop keyring on Linux, the keychain on
macOS, DPAPI on Windows.
"""

from __future__ import annotations

from typing import Any

from fkinspect.errors import ValueUnavailable


def keyring_password(application: str) -> bytes:
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


def keychain_password(service: str, account: str) -> bytes:
    try:
        import browser_cookie3

        password: Any = browser_cookie3._get_osx_keychain_password(service, account)
    except Exception:
        raise ValueUnavailable("The keychain could not be asked for the browser's key.") from None
    return password.encode("utf-8") if isinstance(password, str) else bytes(password)


def dpapi_unprotect(data: bytes) -> bytes:
    try:
        import browser_cookie3

        _, out = browser_cookie3._crypt_unprotect_data(data, is_key=True)
    except Exception:
        raise ValueUnavailable("Windows did not give the browser's key for this value.") from None
    return bytes(out)
