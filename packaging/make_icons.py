"""Render resources/icons/fkinspect.svg into the icon files each platform wants.

Windows takes an .ico and macOS an .icns; both may hold plain PNG images, so Qt's SVG
renderer is all that is needed (no Pillow, no iconutil). Run with the Qt platform
`offscreen`: `python packaging/make_icons.py SVG OUT_DIR`.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns chunk types that hold PNG data, by pixel size.
ICNS_TYPES = ((16, b"icp4"), (32, b"icp5"), (64, b"icp6"), (128, b"ic07"), (256, b"ic08"),
              (512, b"ic09"), (1024, b"ic10"))


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        png = images[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    chunks = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size]
                      for size, kind in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def make_icons(svg: Path, out: Path) -> dict[str, Path]:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    sizes = sorted(set(ICO_SIZES) | {s for s, _ in ICNS_TYPES})
    images = {size: render_png(svg, size) for size in sizes}
    out.mkdir(parents=True, exist_ok=True)
    made = {"ico": out / "fkinspect.ico", "icns": out / "fkinspect.icns",
            "png": out / "fkinspect-256.png"}
    made["ico"].write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    made["icns"].write_bytes(icns(images))
    made["png"].write_bytes(images[256])
    del app
    return made


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for kind, path in make_icons(Path(sys.argv[1]), Path(sys.argv[2])).items():
        print(kind, path)
