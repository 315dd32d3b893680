"""Zip the built app for a release: `python packaging/archive.py [--dist dist]`.

Writes dist/fkinspect-<version>-<system>-<machine>.zip holding the folder fkinspect/
(Linux, Windows) or fkinspect.app (macOS). Symbolic links are stored as links, as
unzip and the Finder restore them: the macOS app's signature covers them, and
following them would store Qt's libraries twice. Run it after signing.
"""

from __future__ import annotations

import argparse
import os
import platform
import stat
import sys
import zipfile
from pathlib import Path

from release_info import ROOT, project_version

SYSTEMS = {"linux": "linux", "win32": "windows", "darwin": "macos"}
MACHINES = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}


def archive_name(version: str) -> str:
    machine = platform.machine().lower()
    return (f"fkinspect-{version}-{SYSTEMS.get(sys.platform, sys.platform)}-"
            f"{MACHINES.get(machine, machine)}.zip")


def _add(archive: zipfile.ZipFile, path: Path, name: str) -> None:
    if path.is_symlink():
        info = zipfile.ZipInfo(name)
        info.create_system = 3  # Unix: the mode below says "link"
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, os.readlink(path))
    else:
        archive.write(path, name)


def make_zip(source: Path, target: Path) -> Path:
    """`source` (a folder) and everything under it, named from its own name down."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        _add(archive, source, source.name)
        for folder, dirs, files in os.walk(source):  # does not go into linked folders
            here = Path(folder)
            for name in sorted(dirs) + sorted(files):
                path = here / name
                _add(archive, path, path.relative_to(source.parent).as_posix())
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    source = args.dist / ("fkinspect.app" if sys.platform == "darwin" else "fkinspect")
    if not source.is_dir():
        print(f"{source} is missing: python packaging/build_bundle.py first", file=sys.stderr)
        return 1
    target = make_zip(source, args.dist / archive_name(project_version()))
    print(f"wrote {target}, {target.stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
