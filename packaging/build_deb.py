"""Wrap the Linux folder app in a .deb: `python packaging/build_deb.py [--bundle dist/fkinspect]`.

Build the bundle first (packaging/build_bundle.py). The package installs

  /opt/fkinspect/                    the folder app as built (fkinspect, fkinspect-cli, _internal/)
  /usr/bin/fkinspect-gui, fkinspect  launchers, the same names a pip install gives
  /usr/share/applications/           the menu entry (Exec=fkinspect-gui)
  /usr/share/icons/hicolor/scalable/apps/, /usr/share/metainfo/   icon and AppStream data
  /usr/share/doc/fkinspect/          copyright, THIRD-PARTY-NOTICES, changelog.gz

No maintainer scripts: Debian's desktop-file-utils and hicolor-icon-theme refresh their
caches by dpkg triggers. Depends: the Qt runtime block of packaging/debian-packages.txt
(the system libraries the bundled Qt loads). Prints the .deb's path, size and build time.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from release_info import ROOT, project_version

sys.path.insert(0, str(ROOT / "scripts"))
from changelog import parse

APP_ID = "se.fkinspect.FkInspect"
PACKAGE = "fkinspect"
PREFIX = Path("opt") / PACKAGE
LAUNCHERS = {"fkinspect-gui": "fkinspect", "fkinspect": "fkinspect-cli"}
DESCRIPTION = """\
See and safely remove Försäkringskassan's cookies
 fkinspect shows which cookies from forsakringskassan.se your browsers keep,
 explains each one with the agency's own words from its cookie page, and
 removes the analytics cookies safely: a backup first, never while the browser
 runs, with undo. It reads Chromium-family, Firefox-family and Safari stores
 without changing them, makes no network connection, and never shows, logs or
 exports a cookie's value unless asked to show one.
 .
 This package holds the standalone app (Python, PySide6 and Qt included) in
 /opt/fkinspect."""


def qt_runtime_packages() -> list[str]:
    """The first block of packaging/debian-packages.txt: what the bundled Qt needs."""
    lines = (ROOT / "packaging" / "debian-packages.txt").read_text(encoding="utf-8").splitlines()
    wanted = []
    for line in lines[1:]:  # the first line is the file's own comment
        if line.startswith("#"):
            break
        if line.strip():
            wanted.append(line.strip())
    return wanted


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def libc_version() -> str:
    """The build machine's glibc: the bundle's programs and libraries need at least it."""
    return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libc6"], capture_output=True,
                          text=True, check=True).stdout.strip().split("-")[0]


def _size_kib(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*")) // 1024 + 1


def control(version: str, arch: str, size_kib: int) -> str:
    return (f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {arch}\n"
            f"Maintainer: {MAINTAINER}\n"
            f"Installed-Size: {size_kib}\n"
            f"Depends: libc6 (>= {libc_version()}), {', '.join(qt_runtime_packages())}\n"
            "Section: utils\nPriority: optional\n"
            f"Description: {DESCRIPTION}\n")


def copyright_text() -> str:
    mit = (ROOT / "LICENSE").read_text(encoding="utf-8").strip()
    return ("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
            "Upstream-Name: fkinspect\n\nFiles: *\nCopyright: 2026 fkinspect contributors\n"
            "License: Expat\n\n"
            "Files: opt/fkinspect/_internal/*\nCopyright: see THIRD-PARTY-NOTICES\n"
            "License: various\n the licences of Python, PySide6, Qt (LGPL-3.0) and every"
            " other component\n are in /usr/share/doc/fkinspect/THIRD-PARTY-NOTICES.\n\n"
            "License: Expat\n" + "\n".join(f" {line}" if line else " ." for line in
                                           mit.splitlines()) + "\n")


MAINTAINER = "fkinspect contributors <fkinspect@users.noreply.invalid>"


def debian_changelog() -> str:
    """CHANGELOG.md's releases in Debian's changelog form (a native package keeps one)."""
    entries = []
    for release in parse((ROOT / "CHANGELOG.md").read_text(encoding="utf-8")):
        day = datetime.strptime(release.date, "%Y-%m-%d").replace(tzinfo=UTC)
        items = [item for section in release.sections.values() for item in section]
        lines = [f"{PACKAGE} ({release.version}) stable; urgency=medium", ""]
        lines += [textwrap.fill(item, 78, initial_indent="  * ", subsequent_indent="    ")
                  for item in items]
        lines += ["", f" -- {MAINTAINER}  {format_datetime(day)}", ""]
        entries.append("\n".join(lines))
    return "\n".join(entries)


def _launcher(target: str) -> str:
    return f'#!/bin/sh\nexec /{PREFIX}/{target} "$@"\n'


def stage(bundle: Path, root: Path, version: str, arch: str) -> None:
    """The package's file tree under `root`, with DEBIAN/control."""
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    share = root / "usr" / "share"
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name, target in LAUNCHERS.items():
        (bin_dir / name).write_text(_launcher(target), encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    linux = ROOT / "resources" / "linux"
    for source, folder in ((linux / f"{APP_ID}.desktop", share / "applications"),
                           (linux / f"{APP_ID}.metainfo.xml", share / "metainfo")):
        folder.mkdir(parents=True)
        shutil.copy(source, folder / source.name)
    icons = share / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "fkinspect.svg", icons / f"{APP_ID}.svg")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(), encoding="utf-8")
    shutil.copy(bundle / "THIRD-PARTY-NOTICES", doc / "THIRD-PARTY-NOTICES")
    with gzip.GzipFile(doc / "changelog.gz", "wb", mtime=0) as out:
        out.write(debian_changelog().encode("utf-8"))
    for path in [root, *root.rglob("*")]:  # readable by all, writable by root alone
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path.stat().st_mode & 0o111 else 0o644)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(control(version, arch, _size_kib(root)),
                                             encoding="utf-8")


def build(bundle: Path, out_dir: Path, work: Path) -> Path:
    version = project_version()
    arch = architecture()
    root = work / "deb-root"
    if root.exists():
        shutil.rmtree(root)
    stage(bundle, root, version, arch)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    # xz as Debian's own packages, at level 1: 25 s and 70 MB here, where the default
    # level 6 takes 99 s for 61 MB.
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z1", "--build", str(root),
                    str(deb)], check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(root)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "fkinspect")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    args = parser.parse_args(argv)
    if shutil.which("dpkg-deb") is None:
        print("dpkg-deb is missing: apt-get install dpkg", file=sys.stderr)
        return 1
    if not (args.bundle / "fkinspect").is_file():
        print(f"no bundle in {args.bundle}: python packaging/build_bundle.py first",
              file=sys.stderr)
        return 1
    started = time.monotonic()
    deb = build(args.bundle, args.out, args.work)
    print(f"built {deb} in {time.monotonic() - started:.0f} s, "
          f"{deb.stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
