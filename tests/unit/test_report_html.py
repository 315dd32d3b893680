"""The HTML report renders in a real browser, offline, into a page with content."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from fkinspect.policy import load_policy
from fkinspect.report import build_report, write_report
from tests.unit.test_report_samples import USER, demo_scan

pytestmark = pytest.mark.slow


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium is missing: apt-get install chromium")


def _png_pixels(data: bytes) -> tuple[int, int, set[bytes]]:
    """Width, height and the distinct colours of an 8-bit RGB(A) PNG (no Pillow here)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and colour in (2, 6)
    chunks, pos = b"", 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            chunks += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(chunks)
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for i in range(stride):
            left = row[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                row[i] = (row[i] + pred) & 0xFF
        rows.append(bytes(row))
        previous = row
    colours = {r[i:i + 3] for r in rows[::4] for i in range(0, stride, bpp * 4)}
    return width, height, colours


@pytest.mark.parametrize("language", ["sv", "en"])
def test_html_report_renders_in_headless_chromium(tmp_path: Path, language: str) -> None:
    home = tmp_path / USER
    report = build_report(demo_scan(home), load_policy(), language, home=home)
    page = tmp_path / f"rapport-{language}.html"
    write_report(report, page, "html")
    shot = tmp_path / f"rapport-{language}.png"
    profile = tmp_path / "chromium-profile"
    out = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={profile}", "--hide-scrollbars", "--window-size=1280,2400",
         f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    data = shot.read_bytes()
    width, height, colours = _png_pixels(data)
    assert (width, height) == (1280, 2400)
    # Text, tables and the category badges: many colours, not a blank or an error page.
    assert len(colours) > 50, len(colours)
    assert len(data) > 50_000
    copy_to = Path("/tmp/fkinspect-report-shots")
    copy_to.mkdir(exist_ok=True)
    shutil.copy(shot, copy_to / shot.name)  # for a person to look at
