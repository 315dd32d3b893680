"""The value of ONE cookie, read only when the user asks to see it.

Nothing here runs during a scan. Each store format's module finds the value
(its row or entry, by the cookie's identity key, through the same read without
a trace as the scan); a Chromium value is decrypted with the key of its platform
(chromium_crypto, keystore). A value is never logged, never put in an exception
message, never kept beyond the return.
"""

from __future__ import annotations

import sqlite3
import sys
from functools import partial

from fkinspect.browsers import chromium, firefox, firefox_session, safari
from fkinspect.errors import StoreError, StoreMissing, StoreUnreadable, ValueUnavailable
from fkinspect.i18n import N_
from fkinspect.model import Cookie, StoreFormat
from fkinspect.values import chromium_crypto


def read_value(cookie: Cookie, *, platform: str = sys.platform) -> str:
    """The cookie's value, from its store; ValueUnavailable says plainly why not.

    `platform` is the system whose browser wrote the store (it decides how a
    Chromium value is encrypted).
    """
    fmt = cookie.store.format
    path = cookie.store.path
    try:
        if fmt is StoreFormat.CHROMIUM_SQLITE:
            decrypt = partial(chromium_crypto.value_text, platform=platform,
                              profile=cookie.store.profile)  # fmt: skip
            found = chromium.find_value(cookie, decrypt)
        elif fmt is StoreFormat.FIREFOX_SQLITE:
            found = firefox.find_value(cookie)
        elif fmt is StoreFormat.FIREFOX_SESSION:
            found = firefox_session.find_value(path, cookie.key)
        else:
            found = safari.find_value(path, cookie.key)
    except (FileNotFoundError, StoreMissing):
        raise ValueUnavailable(N_("The cookie file is gone; scan again.")) from None
    except (PermissionError, StoreUnreadable):
        raise ValueUnavailable(N_("Permission denied reading the cookie file.")) from None
    except (OSError, StoreError, sqlite3.Error, ValueError):
        # ValueError covers damaged session stores and Safari files. No detail:
        # an error message could quote bytes of the file.
        raise ValueUnavailable(N_("The cookie file could not be read.")) from None
    if found is None:
        raise ValueUnavailable(N_("The cookie is no longer in its store; the browser may have "
                                  "removed it."))
    return found
