"""One of Firefox's session files (browsers/session_files.py): read, back up, rewrite.

Firefox keeps session cookies (no expiry) in memory and in this file, and a
Firefox set to open its previous windows and tabs restores them from it at
the next start. So a clean removes the planned entries here too, but only
while Firefox is closed: a running Firefox rewrites the file from memory.

The file is mozLz4-compressed JSON; only the top-level "cookies" list is
changed, every other field is written back as it was read. An entry is named
by (name, host, path, originAttributes suffix), exactly the key the reader
gives a Cookie. The new file is written beside the old one under a private
temporary name, flushed, and renamed over it: a kill at any moment leaves
either the old file or the complete new one.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fkinspect.browsers.firefox_session import (
    SessionStoreError,
    origin_attributes_suffix,
    parse_session_store,
)
from fkinspect.browsers.mozlz4 import MAX_SIZE, MozLz4Error, compress
from fkinspect.clean.files import write_atomically
from fkinspect.errors import MAX_STORE_COOKIES

SCHEMA = "mozLz4"
TABLE = "cookies"  # the JSON list, recorded in the journal's "table"
KEY_COLUMNS = ("name", "host", "path", "originAttributes")
PARTIAL_SUFFIX = ".fkinspect-partial"  # never Firefox's own ".tmp" name

SessionKey = tuple[str, str, str, str]


class SessionFileError(ValueError):
    """The file is not a session store we understand (damaged, or another format)."""


class SessionChanged(Exception):
    """The file is not as planned (entries missing, or it changed while we worked)."""


@dataclass(frozen=True, slots=True)
class SessionFile:
    """One read of a session file: its exact bytes, its JSON and its cookies' keys.

    `counts` answers "how many entries have this key" in one lookup: a clean
    asks it once per planned entry, and a scan per question made that quadratic.
    """

    data: bytes
    state: dict[str, Any]
    keys: tuple[SessionKey, ...]
    counts: Mapping[tuple[object, ...], int]

    @property
    def cookies(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.state.get("cookies", [])
        return found

    def count(self, key: Sequence[object]) -> int:
        return self.counts.get(tuple(key), 0)


def entry_key(entry: object, index: int) -> SessionKey:
    """(name, host, path, originAttributes suffix): firefox_session's Cookie.key."""
    if not isinstance(entry, dict):
        raise SessionFileError(f"cookie {index} is not an object")
    fields = []
    for name in ("name", "host", "path"):
        value = entry.get(name, "")
        if not isinstance(value, str):
            raise SessionFileError(f'cookie {index}: "{name}" is not text')
        fields.append(value)
    if not fields[1]:
        raise SessionFileError(f'cookie {index} has no "host"')
    attrs = entry.get("originAttributes", {})
    if not isinstance(attrs, dict):
        raise SessionFileError(f'cookie {index}: "originAttributes" is not an object')
    return fields[0], fields[1], fields[2], origin_attributes_suffix(attrs)


def parse(data: bytes) -> SessionFile:
    """The session file in `data`; SessionFileError when it is not one we understand."""
    try:
        state, cookies = parse_session_store(data)
    except (MozLz4Error, SessionStoreError) as exc:
        raise SessionFileError(f"not a readable session store: {exc}") from exc
    if len(cookies) > MAX_STORE_COOKIES:
        raise SessionFileError(f"over {MAX_STORE_COOKIES:,} cookies: more than any browser keeps")
    keys = tuple(entry_key(entry, i) for i, entry in enumerate(cookies))
    return SessionFile(data, state, keys, Counter[tuple[object, ...]](keys))


def read_session_file(path: Path) -> SessionFile:
    """Read and parse; OSError for the file system, SessionFileError for the content."""
    with path.open("rb") as handle:
        data = handle.read(MAX_SIZE + 1)
    return parse(data)


def encode(state: dict[str, Any]) -> bytes:
    """The mozLz4 bytes of `state`, checked to read back as the same JSON.

    Compact JSON as Firefox's JSON.stringify writes it; if the file held text
    that UTF-8 cannot carry (a lone surrogate), ASCII escapes keep it valid.
    """
    try:
        try:
            text = json.dumps(state, ensure_ascii=False, separators=(",", ":"),
                              allow_nan=False).encode("utf-8")  # fmt: skip
        except UnicodeEncodeError:
            text = json.dumps(state, ensure_ascii=True, separators=(",", ":"),
                              allow_nan=False).encode("ascii")  # fmt: skip
    except ValueError as exc:  # 1e400 reads as inf, which JSON cannot hold: never write it
        raise SessionFileError(f"the file holds a number JSON cannot write back: {exc}") from exc
    try:
        data = compress(text)
    except MozLz4Error as exc:
        raise SessionFileError(str(exc)) from exc
    if parse(data).state != state:
        raise SessionFileError("the new file would not read back as planned")
    return data


def without(current: SessionFile, planned: Collection[Sequence[object]]) -> tuple[
    dict[str, Any], tuple[int, ...]
]:
    """The state minus exactly the planned entries, and their indexes in the file.

    SessionChanged unless each planned key names exactly one entry (and the
    plan names each key once): then the count removed equals the plan.
    """
    wanted = [tuple(key) for key in planned]
    if len(set(wanted)) != len(wanted):
        raise SessionChanged("the plan names an entry twice")
    for key in wanted:
        if current.count(key) != 1:
            raise SessionChanged("a planned entry is not in the session file exactly once")
    goes = set(wanted)
    indexes = tuple(i for i, key in enumerate(current.keys) if key in goes)
    kept = [entry for entry, key in zip(current.cookies, current.keys, strict=True)
            if key not in goes]  # fmt: skip
    if len(indexes) != len(wanted) or len(kept) != len(current.keys) - len(wanted):
        raise SessionChanged("the entries to remove do not match the plan")
    return {**current.state, "cookies": kept}, indexes


def with_entries(current: SessionFile, entries: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The state with `entries` added after the cookies it holds."""
    return {**current.state, "cookies": [*current.cookies, *entries]}


def put_back(
    backup: SessionFile, current: SessionFile, keys: Sequence[Sequence[object]]
) -> tuple[bytes, dict[str, Any]]:
    """The bytes and state of the file with the entries of `keys` back from `backup`.

    If the file is still exactly what the clean wrote (the backup without those
    entries, encoded as a clean encodes it), that is the backup itself, byte for
    byte. Otherwise the file changed since: the entries go after its cookies.
    """
    cleaned, _ = without(backup, keys)
    if encode(cleaned) == current.data:
        return backup.data, backup.state
    expected = with_entries(current, entries_for(backup, keys))
    return encode(expected), expected


def entries_for(source: SessionFile, keys: Sequence[Sequence[object]]) -> list[dict[str, Any]]:
    """The one entry for each key, in the keys' order; SessionChanged when one is not there."""
    by_key: dict[tuple[object, ...], dict[str, Any]] = dict(
        zip(source.keys, source.cookies, strict=True)
    )
    found = []
    for key in keys:
        wanted = tuple(key)
        if source.count(wanted) != 1:
            raise SessionChanged("an entry to put back is not in the backup exactly once")
        found.append(by_key[wanted])
    return found


def back_up_session(data: bytes, target: Path) -> None:
    """Write the exact bytes of a session file to `target` (0600), checked, or raise OSError.

    Written under a `.partial` name, flushed, read back and compared, then
    renamed: a file under the final name is always a complete, checked copy
    (the same bytes as `data`, which the caller has parsed).
    """

    def reads_back(partial: Path) -> None:
        if partial.read_bytes() != data:
            raise OSError(f"the backup of {len(data)} bytes read back differently")

    write_atomically(target, data, check=reads_back)


def replace_session_file(path: Path, data: bytes, *, expect: bytes) -> None:
    """Put `data` in place of `path` in one rename, if `path` still holds `expect`.

    The temporary file sits beside the real one (same file system, so the
    rename is atomic) with the real file's permissions. SessionChanged when
    the file changed since it was read; OSError when it cannot be written.
    Either way the real file is left as it was.
    """

    def unchanged(_partial: Path) -> None:
        if path.read_bytes() != expect:
            raise SessionChanged("the session file changed while it was being cleaned")

    write_atomically(path, data, mode=path.stat().st_mode & 0o777, suffix=PARTIAL_SUFFIX,
                     check=unchanged)
