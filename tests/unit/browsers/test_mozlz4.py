"""mozLz4: round trip, and every kind of damage becomes MozLz4Error."""

from __future__ import annotations

import struct

import lz4.block
import pytest

from fkinspect.browsers.mozlz4 import MAGIC, MozLz4Error, compress, decompress

PAYLOAD = b'{"cookies":[{"host":".forsakringskassan.se","name":"JSESSIONID"}]}' * 20


def test_round_trip() -> None:
    packed = compress(PAYLOAD)
    assert packed.startswith(MAGIC)
    assert struct.unpack_from("<I", packed, 8)[0] == len(PAYLOAD)
    assert decompress(packed) == PAYLOAD


def test_layout_is_magic_size_and_one_raw_block() -> None:
    # Built independently of compress(): what Firefox writes.
    block = lz4.block.compress(PAYLOAD, store_size=False)
    firefox_bytes = MAGIC + struct.pack("<I", len(PAYLOAD)) + block
    assert decompress(firefox_bytes) == PAYLOAD


def test_empty_payload() -> None:
    assert decompress(compress(b"")) == b""


@pytest.mark.parametrize("data", [b"", b"mozLz40", b"mozLz40\0", b"mozLz41\0\x05\0\0\0abcde"])
def test_bad_magic_or_short_header(data: bytes) -> None:
    with pytest.raises(MozLz4Error):
        decompress(data)


def test_every_truncation_is_an_error_not_a_crash() -> None:
    packed = compress(PAYLOAD)
    for end in range(len(packed)):
        with pytest.raises(MozLz4Error):
            decompress(packed[:end])


@pytest.mark.parametrize("delta", [-1, 1, 1000])
def test_size_that_lies(delta: int) -> None:
    packed = compress(PAYLOAD)
    lying = packed[:8] + struct.pack("<I", len(PAYLOAD) + delta) + packed[12:]
    with pytest.raises(MozLz4Error):
        decompress(lying)


def test_huge_declared_size_is_refused_before_allocating() -> None:
    packed = compress(PAYLOAD)
    huge = packed[:8] + struct.pack("<I", 0xFFFFFFFF) + packed[12:]
    with pytest.raises(MozLz4Error, match="limit"):
        decompress(huge)
    small_limit = compress(b"x" * 2000)
    with pytest.raises(MozLz4Error):
        decompress(small_limit, max_size=1000)


def test_garbage_block() -> None:
    garbage = MAGIC + struct.pack("<I", 100) + bytes(range(256))
    with pytest.raises(MozLz4Error):
        decompress(garbage)


def test_is_a_value_error() -> None:
    assert issubclass(MozLz4Error, ValueError)
