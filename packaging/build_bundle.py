"""Build the standalone folder app with PyInstaller: `python packaging/build_bundle.py`.

The result needs no Python on the target:
  Linux    dist/fkinspect/fkinspect (app), dist/fkinspect/fkinspect-cli
  Windows  dist\\fkinspect\\fkinspect.exe (no console window), fkinspect-cli.exe
  macOS    dist/fkinspect.app (icon, Info.plist with the Full Disk Access text)
Run it on each platform: PyInstaller does not cross-compile. Prints the build time and
the size of the folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "fkinspect.spec"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, clean: bool = True) -> Path:
    """Run PyInstaller on the spec; return the app folder (dist/fkinspect)."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work)]
    if clean:
        command.append("--clean")
    # The build reads the checkout, never the network; Qt must not look for a display.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([*command, str(SPEC)], check=True, cwd=ROOT, env=env)
    return dist / "fkinspect"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--keep-cache", action="store_true",
                        help="reuse PyInstaller's cache (faster rebuilds)")
    args = parser.parse_args(argv)
    if shutil.which("pyinstaller") is None and not _importable("PyInstaller"):
        print("PyInstaller is not installed: pip install pyinstaller", file=sys.stderr)
        return 1
    started = time.monotonic()
    folder = build(args.dist, args.work, clean=not args.keep_cache)
    seconds = time.monotonic() - started
    size = folder_size(folder)
    print(f"built {folder} in {seconds:.0f} s, {size / 1e6:.0f} MB")
    return 0


def _importable(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


if __name__ == "__main__":
    sys.exit(main())
