"""Firefox's mozLz4 container: magic, little-endian size, one LZ4 block.

Used by the session store (`sessionstore.jsonlz4`, `recovery.jsonlz4`).
"""

from __future__ import annotations

import struct

import lz4.block

from fkinspect.errors import FormatError

MAGIC = b"mozLz40\0"
HEADER_SIZE = len(MAGIC) + 4
# A session store is a few MiB at most; a corrupt header must not make us
# allocate gigabytes before LZ4 notices the data is short.
MAX_SIZE = 256 * 1024 * 1024


class MozLz4Error(FormatError):
    """The bytes are not a valid mozLz4 file."""


def decompress(data: bytes, *, max_size: int = MAX_SIZE) -> bytes:
    """The payload of a mozLz4 file; MozLz4Error when it is not one."""
    if len(data) < HEADER_SIZE or not data.startswith(MAGIC):
        raise MozLz4Error("not a mozLz4 file (bad magic or too short)")
    (size,) = struct.unpack_from("<I", data, len(MAGIC))
    if size > max_size:
        raise MozLz4Error(f"declared size {size} is larger than the limit {max_size}")
    try:
        out: bytes = lz4.block.decompress(data[HEADER_SIZE:], uncompressed_size=size)
    except lz4.block.LZ4BlockError as exc:
        raise MozLz4Error("the LZ4 block is damaged or truncated") from exc
    if len(out) != size:  # lz4 accepts a shorter result; the header said otherwise
        raise MozLz4Error(f"declared size {size} but the block holds {len(out)} bytes")
    return out


def compress(data: bytes) -> bytes:
    """A mozLz4 file holding `data`, as Firefox writes it."""
    if len(data) > MAX_SIZE:
        raise MozLz4Error(f"{len(data)} bytes is larger than the limit {MAX_SIZE}")
    block: bytes = lz4.block.compress(data, store_size=False)
    return MAGIC + struct.pack("<I", len(data)) + block
