"""How fkinspect opens an SQLite file and reads its text: exactly, whatever the bytes.

A path is turned into a `file:` URI from its bytes (os.fsencode), so a folder
whose name is not UTF-8 opens like any other. SQLite does not check that TEXT
is UTF-8, so text is decoded as os.fsdecode decodes a file name: bytes that are
not UTF-8 become surrogate escapes, and `text_param` binds such text back as the
very bytes stored. One cookie with a broken name then reads, and is deleted, as
that cookie, and never stops the rest of its store.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Literal
from urllib.parse import quote_from_bytes


def file_uri(path: Path, **params: str) -> str:
    """`file:<path>?<params>`, the path percent-encoded from its bytes."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    uri = f"file:{quote_from_bytes(os.fsencode(path.absolute()), safe='/:')}"
    return f"{uri}?{query}" if query else uri


def decode_text(data: bytes) -> str:
    """SQLite TEXT as str; bytes that are not UTF-8 are kept as surrogate escapes."""
    return data.decode("utf-8", "surrogateescape")


def connect(
    path: Path,
    *,
    timeout: float = 5.0,
    isolation_level: Literal["DEFERRED", "EXCLUSIVE", "IMMEDIATE"] | None = "DEFERRED",
    **params: str,
) -> sqlite3.Connection:
    """A connection to `path` (URI parameters such as mode="ro", immutable="1")."""
    con = sqlite3.connect(
        file_uri(path, **params), uri=True, timeout=timeout, isolation_level=isolation_level
    )
    con.text_factory = decode_text
    return con


def is_utf8(text: str) -> bool:
    """Does `text` bind as it is (no surrogate escapes)?"""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text_param(value: object) -> tuple[str, object]:
    """A value to compare a column with: its placeholder and its parameter.

    Text read with surrogate escapes is bound as the bytes it was read from,
    cast back to TEXT: it equals exactly the stored value and nothing else.
    Raises UnicodeEncodeError for text that no stored bytes decode to.
    """
    if isinstance(value, str) and not is_utf8(value):
        return "CAST(? AS TEXT)", value.encode("utf-8", "surrogateescape")
    return "?", value
