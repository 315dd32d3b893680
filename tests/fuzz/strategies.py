"""Structure-aware inputs: nearly valid files with hostile values where parsers look.

Random bytes rarely get past a magic number; these start from what the browsers
write (JSON trees, mozLz4 and binarycookies layouts, ini files, real SQLite stores
made by fkinspect.synth) and then lie about one size, offset, type or encoding.
"""

from __future__ import annotations

import json
import struct
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from fkinspect.browsers.mozlz4 import MAGIC, MAX_SIZE, compress
from fkinspect.browsers.safari import BinaryCookie, encode_binarycookies
from fkinspect.model import SameSite

AGENCY_HOSTS = ("www.forsakringskassan.se", ".forsakringskassan.se", "forsakringskassan.se",
                "FORSAKRINGSKASSAN.SE.", "notforsakringskassan.se", "www.youtube.com")  # fmt: skip
PARTITIONS = ("(https,forsakringskassan.se)", "(https,forsakringskassan.se,8443)", "(", "()",
              "(,)", "https://forsakringskassan.se",
              "%28https%2Cforsakringskassan.se%29")  # fmt: skip

# ------------------------------------------------------------------- JSON values

# Text with everything JSON can carry, lone surrogates and control characters included.
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=20)
hostile_numbers = st.one_of(
    st.integers(min_value=-(2**64), max_value=2**64),
    st.sampled_from([0, -1, 2**31, 2**53 + 1, 10**20, 10**300, -(10**300), 10**400, -(10**400)]),
    st.floats(allow_nan=True, allow_infinity=True),
)
# The values that break parsers most often, drawn often.
nasty = st.sampled_from([float("nan"), float("inf"), float("-inf"), 10**400, -1, 2**63, "",
                         "\udcff", "\x00", None, True])  # fmt: skip
hostile_scalars = st.one_of(nasty, st.none(), st.booleans(), hostile_numbers, any_text)


def json_trees(leaves: st.SearchStrategy[Any] = hostile_scalars) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=3)
        | st.dictionaries(any_text, inner, max_size=3),
        max_leaves=8,
    )


hostile_values = st.one_of(hostile_scalars, json_trees())


def json_text(value: Any, *, ascii_only: bool) -> bytes:
    """`value` as JSON bytes; NaN/Infinity as Python writes them, surrogates escaped or raw."""
    text = json.dumps(value, ensure_ascii=ascii_only, allow_nan=True)
    return text.encode("utf-8", errors="surrogatepass")


def deep_nesting(depth: int, opener: str = "[") -> bytes:
    closer = {"[": "]", "{": "}"}[opener]
    if opener == "{":
        return ('{"a":' * depth + "0" + closer * depth).encode()
    return (opener * depth + closer * depth).encode()


# ----------------------------------------------------------------- session store

# Numbers where a number belongs: the right type, any size (NaN, inf, 10**400 ...).
any_numbers = st.one_of(st.integers(min_value=0, max_value=2**63), hostile_numbers)

origin_attributes = st.fixed_dictionaries(
    {},
    optional={
        "userContextId": st.one_of(st.integers(min_value=0, max_value=5), any_numbers),
        "privateBrowsingId": st.integers(min_value=0, max_value=1),
        "firstPartyDomain": st.sampled_from(["", "forsakringskassan.se", "a:b"]),
        "partitionKey": st.one_of(st.sampled_from(PARTITIONS), any_text),
        "geckoViewSessionContextId": st.sampled_from(["", "x:y"]),
    },
)
_COOKIE_FIELDS = {
    "host": st.one_of(st.sampled_from(AGENCY_HOSTS), any_text),
    "name": st.one_of(st.sampled_from(["JSESSIONID", "_pk_ses.1.abcd", "_pk_ses.1.\udcff"]),
                      any_text),
    "path": st.sampled_from(["/", "", "/a b"]),
    "value": st.just("secret"),
    "expiry": any_numbers,
    "originAttributes": origin_attributes,
    "sameSite": st.one_of(st.sampled_from([0, 1, 2, 256]), any_numbers),
    "secure": st.booleans(),
    "httponly": st.booleans(),
    "isPartitioned": st.booleans(),
    "schemeMap": st.integers(min_value=0, max_value=7),
}  # fmt: skip
# As Firefox writes them (defaults omitted), with any number where a number belongs.
plausible_cookie = st.fixed_dictionaries(
    {"host": st.sampled_from(AGENCY_HOSTS)},
    optional={k: v for k, v in _COOKIE_FIELDS.items() if k != "host"},
)


@st.composite
def session_cookie(draw: st.DrawFn) -> Any:
    """Mostly a plausible entry; else one field of the wrong type, or not an object."""
    kind = draw(st.sampled_from(["plausible"] * 10 + ["field", "field", "entry"]))
    if kind == "entry":
        return draw(hostile_values)
    entry = draw(plausible_cookie)
    if kind == "field":
        entry[draw(st.sampled_from(sorted(_COOKIE_FIELDS)))] = draw(hostile_values)
    return entry


_STATE = st.fixed_dictionaries(
    {"cookies": st.lists(session_cookie(), max_size=6)},
    optional={"version": st.just(["sessionrestore", 1]), "windows": hostile_values,
              "session": json_trees()},
)  # fmt: skip


@st.composite
def session_states(draw: st.DrawFn) -> Any:
    """Mostly Firefox's shape; sometimes "cookies" or the whole state is something else."""
    kind = draw(st.sampled_from(["state"] * 8 + ["cookies", "top"]))
    if kind == "cookies":
        return {"cookies": draw(hostile_values)}
    return draw(hostile_values) if kind == "top" else draw(_STATE)


# JSON a serializer would never write: literals and shapes only a hand or a bug makes.
_RAW_JSON = (
    b'{"cookies":[{"host":"www.forsakringskassan.se","expiry":' + b"9" * 5000 + b"}]}",
    b'{"cookies":[{"host":"www.forsakringskassan.se","expiry":1e999}]}',
    b'{"cookies":[{"host":"www.forsakringskassan.se","name":"\\udcff"}]}',
    b'{"cookies":[{"host":"www.forsakringskassan.se","name":"\xed\xb3\xbf"}]}',
    b'{"cookies":[],"cookies":{}}',
    b'\xef\xbb\xbf{"cookies":[]}',
    b'{"cookies":[]}\x00',
    b"",
)


@st.composite
def session_json(draw: st.DrawFn) -> bytes:
    """The decompressed payload of a session store."""
    kind = draw(st.sampled_from(["tree"] * 8 + ["raw", "deep", "bytes"]))
    if kind == "tree":
        return json_text(draw(session_states()), ascii_only=draw(st.booleans()))
    if kind == "raw":
        return draw(st.sampled_from(_RAW_JSON))
    if kind == "deep":
        depth = draw(st.sampled_from([100, 900, 5000, 50_000]))
        inner = deep_nesting(depth, draw(st.sampled_from(["[", "{"])))
        return b'{"cookies":' + inner + b"}" if draw(st.booleans()) else inner
    return draw(st.binary(max_size=64))


@st.composite
def mozlz4_files(draw: st.DrawFn, payloads: st.SearchStrategy[bytes] | None = None) -> bytes:
    """A mozLz4 file around a payload, often with a header that lies about it."""
    payload = draw(payloads if payloads is not None else st.binary(max_size=256))
    good = compress(payload)
    kind = draw(st.sampled_from(["valid"] * 6 + ["size", "truncated", "magic", "tail"]))
    if kind == "size":
        size = draw(st.one_of(
            st.sampled_from([0, 1, len(payload) - 1, len(payload) + 1, MAX_SIZE, MAX_SIZE + 1,
                             2**32 - 1]),
            st.integers(min_value=0, max_value=2**32 - 1),
        ))  # fmt: skip
        return MAGIC + struct.pack("<I", max(size, 0)) + good[len(MAGIC) + 4 :]
    if kind == "truncated":
        return good[: draw(st.integers(min_value=0, max_value=len(good)))]
    if kind == "magic":
        return draw(st.sampled_from([b"mozLz40", b"mozLz41\0", b"MOZLZ40\0", b""])) + good[8:]
    if kind == "tail":
        return good + draw(st.binary(min_size=1, max_size=32))
    return good


# ----------------------------------------------------------------- binarycookies

_NEAR = datetime(2026, 1, 1, tzinfo=UTC)
binary_cookie = st.builds(
    BinaryCookie,
    domain=st.sampled_from((*AGENCY_HOSTS[:3], "example.com")),
    name=st.text(st.characters(exclude_characters="\0", codec="utf-8"), max_size=8),
    path=st.sampled_from(["/", "/x"]),
    value=st.just("secret"),
    expires=st.integers(min_value=-700_000, max_value=2_900_000).map(
        lambda d: _NEAR + timedelta(days=d)),
    created=st.just(_NEAR),
    secure=st.booleans(),
    http_only=st.booleans(),
    same_site=st.sampled_from(list(SameSite)),
)  # fmt: skip


def _layout(data: bytes) -> tuple[list[int], list[int], list[int], int]:
    """Offsets of the u32 fields, the f64 times and the text bytes of a file we made,
    and where its big-endian file header ends."""
    u32 = [4]
    pages = struct.unpack_from(">I", data, 4)[0]
    sizes = [struct.unpack_from(">I", data, 8 + 4 * i)[0] for i in range(pages)]
    u32 += [8 + 4 * i for i in range(pages)]
    f64: list[int] = []
    text: list[int] = []
    at = 8 + 4 * pages
    for size in sizes:
        count = struct.unpack_from("<I", data, at + 4)[0]
        u32 += [at + 4] + [at + 8 + 4 * i for i in range(count)]
        for i in range(count):
            record = at + struct.unpack_from("<I", data, at + 8 + 4 * i)[0]
            u32 += [record + 4 * k for k in range(10)]  # size, version, flags, port, offsets
            f64 += [record + 40, record + 48]
            length = struct.unpack_from("<I", data, record)[0]
            text += list(range(record + 56, record + length))
        at += size
    return u32, f64, text, 8 + 4 * pages


_HOSTILE_U32 = st.one_of(
    st.sampled_from([0, 1, 3, 4, 12, 55, 56, 57, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF]),
    st.integers(min_value=0, max_value=2**32 - 1),
)
_HOSTILE_F64 = st.floats(allow_nan=True, allow_infinity=True)


@st.composite
def binarycookies_files(draw: st.DrawFn) -> bytes:
    """Safari's layout with up to three fields lying: sizes, offsets, times or text."""
    cookies = draw(st.lists(binary_cookie, max_size=5))
    data = bytearray(encode_binarycookies(cookies, per_page=draw(st.integers(1, 3))))
    u32, f64, text, header_end = _layout(bytes(data))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        kind = draw(st.sampled_from(["u32", "u32", "f64", "text", "cut", "tail", "byte"]))
        if kind == "u32":
            at, value = draw(st.sampled_from(u32)), draw(_HOSTILE_U32)
            struct.pack_into(">I" if at < header_end else "<I", data, at, value)
        elif kind == "f64" and f64:
            struct.pack_into("<d", data, draw(st.sampled_from(f64)), draw(_HOSTILE_F64))
        elif kind == "text" and text:
            data[draw(st.sampled_from(text))] = draw(st.sampled_from([0, 0xFF, 0xC3, 0x80]))
        elif kind == "cut":
            del data[draw(st.integers(min_value=0, max_value=len(data))) :]
            break  # the offsets above may now point past the end
        elif kind == "tail":
            data += draw(st.binary(min_size=1, max_size=16))
        elif kind == "byte" and data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


# ------------------------------------------------------------------- ini files

_SECTIONS = st.one_of(
    st.sampled_from(["General", "Profile0", "Profile1", "profile2", "Profile99999999999999999999",
                     "Install4F96D1932A9F858E", "InstallX", "DEFAULT", "Profile0 ", "Backup"]),
    st.text(st.characters(exclude_characters="]\r\n"), max_size=10),
)  # fmt: skip
_KEYS = st.one_of(
    st.sampled_from(["Name", "Path", "IsRelative", "Default", "StartWithLastProfile",
                     "Version", "Locked", "path", "PATH", "isrelative"]),
    st.text(st.characters(exclude_characters="=:[\r\n"), min_size=1, max_size=8),
)  # fmt: skip
_VALUES = st.one_of(
    st.sampled_from(["abc.default-esr", "Profiles/x.default-release", "..", "../../../etc",
                     "/", "/nonexistent/x", "C:\\Users\\x", "0", "1", "", "%(x)s", "x\x00y",
                     "x" * 300, "a/" * 200, "\udcff"]),
    st.text(st.characters(codec=None, exclude_characters="\r\n"), max_size=12),
)  # fmt: skip


FIREFOX_PROFILE = "abc.default-esr"  # the profile folder of the fuzzed homes
_PROFILES_INI = (("Profile0", (("Name", "default-esr"), ("IsRelative", "1"),
                               ("Path", FIREFOX_PROFILE), ("Default", "1"))),
                 ("General", (("StartWithLastProfile", "1"), ("Version", "2"))),
                 ("Install4F96D1932A9F858E", (("Default", FIREFOX_PROFILE), ("Locked", "1"))))


@st.composite
def ini_files(draw: st.DrawFn) -> bytes:
    """profiles.ini / installs.ini as Firefox writes them, and as hands and bugs do."""
    odd = st.sampled_from([False] * 4 + [True])  # one line in five is odd
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    if not draw(odd):  # mostly Firefox's own layout, a value or two changed
        for name, pairs in _PROFILES_INI:
            sections.append((name, [(k, draw(_VALUES) if draw(odd) else v)
                                    for k, v in pairs]))  # fmt: skip
    for section in draw(st.lists(_SECTIONS, max_size=2)):
        sections.append((section, draw(st.lists(st.tuples(_KEYS, _VALUES), max_size=4))))
    lines: list[str] = []
    if draw(odd):
        lines.append(draw(st.sampled_from(["Name=orphan", "; comment", "# comment", "  indented"])))
    for section, pairs in sections:
        lines.append(f"[{section}]")
        for key, value in pairs:
            lines.append(f"{key}{draw(st.sampled_from(['=', ' = ', ':', '=']))}{value}")
        if draw(odd):
            lines.append(draw(st.sampled_from(["  continued", "[broken", "=novalue", ""])))
    text = draw(st.sampled_from(["\n"] * 4 + ["\r\n", "\r"])).join(lines)
    encoding = draw(st.sampled_from(["utf-8"] * 5 + ["utf-8-sig", "utf-16", "latin-1", "raw"]))
    if encoding == "raw":
        return text.encode("utf-8", errors="surrogatepass")  # lone surrogates: invalid UTF-8
    return text.encode(encoding, errors="replace")


# ------------------------------------------------------------- SQLite mutations

# (offset, struct format) of the database header fields (sqlite.org/fileformat.html).
SQLITE_HEADER_FIELDS = (
    (16, ">H"), (18, ">B"), (19, ">B"), (20, ">B"), (21, ">B"), (22, ">B"), (23, ">B"),
    (24, ">I"), (28, ">I"), (32, ">I"), (36, ">I"), (40, ">I"), (44, ">I"), (48, ">I"),
    (52, ">I"), (56, ">I"), (60, ">I"), (64, ">I"), (68, ">I"), (92, ">I"), (96, ">I"),
)  # fmt: skip
_FIELD_MAX = {">H": 2**16 - 1, ">B": 255, ">I": 2**32 - 1}


@st.composite
def sqlite_mutations(draw: st.DrawFn, size: int) -> list[tuple[str, int, bytes]]:
    """Up to four edits of a database file of `size` bytes: (kind, offset, bytes)."""
    edits = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        kind = draw(st.sampled_from(["header", "byte", "range", "page", "cut", "tail"]))
        if kind == "header":
            at, fmt = draw(st.sampled_from(SQLITE_HEADER_FIELDS))
            value = draw(st.one_of(st.sampled_from([0, 1, 2, 3, 4, 255, 512, 1024]),
                                   st.integers(0, _FIELD_MAX[fmt])))  # fmt: skip
            edits.append(("set", at, struct.pack(fmt, min(value, _FIELD_MAX[fmt]))))
        elif kind == "byte":
            at = draw(st.integers(0, size - 1))
            edits.append(("set", at, bytes([draw(st.integers(0, 255))])))
        elif kind == "range":
            at = draw(st.integers(0, size - 1))
            edits.append(("set", at, draw(st.binary(min_size=1, max_size=64))))
        elif kind == "page":  # a whole page zeroed or filled with one byte
            page = draw(st.integers(0, max(size // 4096 - 1, 0)))
            edits.append(("set", page * 4096, bytes([draw(st.sampled_from([0, 0xFF]))]) * 4096))
        elif kind == "cut":
            edits.append(("cut", draw(st.integers(0, size)), b""))
        else:
            edits.append(("tail", 0, draw(st.binary(min_size=1, max_size=4096))))
    return edits


def apply_edits(data: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, at, chunk in edits:
        if kind == "set":
            out[at : at + len(chunk)] = chunk[: max(len(out) - at, 0)]
        elif kind == "cut":
            del out[at:]
        else:
            out += chunk
    return bytes(out)


# A -wal beside the store: empty, garbage, or a WAL header (magic, version 3007000)
# followed by whatever.
wal_files = st.one_of(
    st.none(),
    st.binary(max_size=64),
    st.binary(max_size=4096).map(lambda b: bytes.fromhex("377f0682002de218") + b),
)


# ------------------------------------------------------------- JSON settings files


@st.composite
def json_files(draw: st.DrawFn, plausible: st.SearchStrategy[Any]) -> bytes:
    """A JSON settings file: mostly the browser's shape, else anything a disk may hold."""
    kind = draw(st.sampled_from(["plausible"] * 6 + ["hostile", "deep", "bytes", "encoding"]))
    if kind == "plausible":
        return json_text(draw(plausible), ascii_only=draw(st.booleans()))
    if kind == "hostile":
        return json_text(draw(hostile_values), ascii_only=draw(st.booleans()))
    if kind == "deep":
        return deep_nesting(draw(st.sampled_from([100, 5000, 50_000])),
                            draw(st.sampled_from(["[", "{"])))  # fmt: skip
    if kind == "bytes":
        return draw(st.binary(max_size=64))
    text = json.dumps(draw(plausible), ensure_ascii=False)
    prefix = draw(st.sampled_from([b"", b"\xef\xbb\xbf"]))
    return prefix + text.encode(draw(st.sampled_from(["utf-16", "latin-1"])), errors="replace")


def _or_hostile(plausible: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly `plausible`, one time in five any JSON value."""
    return st.sampled_from([True] * 4 + [False]).flatmap(
        lambda keep: plausible if keep else hostile_values)


_PROFILE_FOLDERS = st.one_of(
    st.sampled_from(["Default", "Profile 1", "Profile 2", "System Profile", "Guest Profile",
                     "..", "../x", ""]),
    any_text,
)  # fmt: skip
local_states = st.fixed_dictionaries(
    {"profile": _or_hostile(st.fixed_dictionaries(
        {},
        optional={
            "info_cache": _or_hostile(st.dictionaries(
                _PROFILE_FOLDERS,
                _or_hostile(st.fixed_dictionaries({"name": _or_hostile(any_text)})),
                max_size=4,
            )),
            "last_used": _or_hostile(_PROFILE_FOLDERS),
        },
    ))},
    optional={"os_crypt": _or_hostile(st.fixed_dictionaries({"encrypted_key": any_text}))},
)  # fmt: skip
_IDENTITY = st.fixed_dictionaries(
    {"userContextId": _or_hostile(st.integers(min_value=0, max_value=6))},
    optional={
        "public": _or_hostile(st.booleans()),
        "name": _or_hostile(any_text),
        "l10nId": _or_hostile(st.sampled_from(["user-context-personal", "user-context-work",
                                               "userContextIdInternal.thumbnail", "nope"])),
        "l10nID": st.just("user-context-banking"),
        "icon": st.just("fingerprint"),
        "color": st.just("blue"),
    },
)  # fmt: skip
containers = st.fixed_dictionaries(
    {"version": st.just(5), "identities": _or_hostile(st.lists(_or_hostile(_IDENTITY),
                                                               max_size=5))},
    optional={"lastUserContextId": _or_hostile(st.integers(min_value=0, max_value=6))},
)  # fmt: skip


# ------------------------------------------------------------------ journals

# A journal as fkinspect.clean.journal writes it (format 1).
GOOD_JOURNAL: dict[str, Any] = {
    "format": 1,
    "id": "20261204T101500-000001-chromium-default",
    "run": "20261204T101500-000001",
    "created": "2026-12-04T10:15:00.000001Z",
    "state": "done",
    "store": {"path": "/home/anna/.config/chromium/Default/Cookies", "format": "chromium_sqlite",
              "schema": "meta 24", "table": "cookies",
              "key_columns": ["host_key", "top_frame_site_key", "name", "path"]},
    "browser": {"id": "chromium", "name": "Chromium", "family": "chromium"},
    "profile": {"name": "Person 1", "directory": "/home/anna/.config/chromium/Default",
                "root": "/home/anna/.config/chromium"},
    "backup": "Cookies.bak",
    "counts": {"before": 12, "removed": 1, "after": 11},
    "removed": [{"rowid": 7, "key": ["www.forsakringskassan.se", "", "_pk_id.1.abcd", "/"],
                 "name": "_pk_id.1.abcd", "host": "www.forsakringskassan.se"}],
}  # fmt: skip


JOURNAL_PATHS = (
    ("format",), ("id",), ("run",), ("created",), ("state",), ("store",), ("store", "path"),
    ("store", "format"), ("store", "schema"), ("store", "table"), ("store", "key_columns"),
    ("browser",), ("browser", "id"), ("browser", "name"), ("browser", "family"), ("profile",),
    ("profile", "name"), ("profile", "directory"), ("profile", "root"), ("backup",),
    ("counts",), ("counts", "before"), ("removed",), ("removed", 0), ("removed", 0, "rowid"),
    ("removed", 0, "key"), ("removed", 0, "name"), ("removed", 0, "host"),
)  # fmt: skip


def _replace(tree: Any, path: tuple[str | int, ...], value: Any) -> None:
    for step in path[:-1]:
        tree = tree[step]
    tree[path[-1]] = value


@st.composite
def damaged_journals(draw: st.DrawFn, good: dict[str, Any]) -> bytes:
    """A journal.json of another run: one field replaced, or the file itself damaged."""
    record = json.loads(json.dumps(good))
    record["id"], record["run"] = "damaged-id", "damaged-run"
    kind = draw(st.sampled_from(["field"] * 6 + ["drop", "top", "deep", "cut", "bytes"]))
    if kind == "field":
        _replace(record, draw(st.sampled_from(JOURNAL_PATHS)), draw(hostile_values))
    elif kind == "drop":
        path = draw(st.sampled_from(JOURNAL_PATHS))
        parent = record
        for step in path[:-1]:
            parent = parent[step]
        del parent[path[-1]]
    elif kind == "top":
        return json_text(draw(hostile_values), ascii_only=True)
    elif kind == "deep":
        return deep_nesting(draw(st.sampled_from([100, 5000, 50_000])),
                            draw(st.sampled_from(["[", "{"])))  # fmt: skip
    elif kind == "bytes":
        return draw(st.binary(max_size=64))
    data = json_text(record, ascii_only=draw(st.booleans()))
    if kind == "cut":
        return data[: draw(st.integers(min_value=0, max_value=len(data)))]
    return data
