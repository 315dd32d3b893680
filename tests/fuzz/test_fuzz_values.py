"""Showing one cookie's value: whatever a store holds in `value` and `encrypted_value`,
the answer is the text or a plain ValueUnavailable, and nothing is written."""

from __future__ import annotations

import hashlib

from fuzz_checks import check_values
from fuzz_support import Template, Workspace
from hypothesis import given
from hypothesis import strategies as st
from strategies import any_text

from fkinspect.model import StoreFormat
from fkinspect.values.chromium_crypto import encrypt_linux

# What a value column may hold: text, bytes, numbers, NULL (SQLite keeps any type).
stored_values = st.one_of(
    st.none(), st.just(""), st.integers(-(2**63), 2**63 - 1), st.binary(max_size=16),
    any_text.map(lambda t: t.encode("utf-8", "replace").decode()),  # SQLite takes no surrogate
)  # fmt: skip


@st.composite
def encrypted_values(draw: st.DrawFn, host: str) -> bytes:
    """`v10` values as Chromium on Linux writes them, with the host hash or not, of
    any plaintext; or bodies, prefixes and lengths no Chromium writes."""
    kind = draw(st.sampled_from(["v10"] * 4 + ["body", "prefix", "empty"]))
    if kind == "v10":
        plain = draw(st.binary(max_size=40))
        if draw(st.booleans()):
            plain = hashlib.sha256(host.encode()).digest() + plain
        return encrypt_linux(plain)
    if kind == "body":
        return b"v10" + draw(st.binary(max_size=64))
    if kind == "prefix":
        prefix = draw(st.sampled_from([b"v20", b"v12", b"v1", b"", b"\x00\x00\x00"]))
        return prefix + draw(st.binary(max_size=48))
    return b""


@given(st.data())
def test_showing_a_value_gives_text_or_a_plain_refusal(
    ws: Workspace, templates: dict[str, Template], data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(["chromium-18", "chromium-24", "firefox-16", "firefox-17"]))
    fmt, files = templates[name]
    value = data.draw(stored_values, label="value")
    encrypted = None
    if fmt is StoreFormat.CHROMIUM_SQLITE:
        encrypted = data.draw(encrypted_values("www.forsakringskassan.se"), label="encrypted")
    check_values(ws, fmt, files, value, encrypted)
