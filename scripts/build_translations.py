"""Regenerate the Qt Linguist files from ui/ and build the .qm files shipped in resources/.

    python scripts/build_translations.py           # lupdate + lrelease
    python scripts/build_translations.py --release # lrelease only (no source scan)

Uses pyside6-lupdate / pyside6-lrelease from the PySide6 wheel. lupdate keeps
every existing translation; new strings arrive as "unfinished" and must be
translated in the .ts (Qt Linguist or an editor) before the tests pass.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("sv", "en")


def tool(name: str) -> str:
    """pyside6-<name> beside this Python, on PATH, or the binary inside the wheel."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    inside = Path(PySide6.__file__).parent / name
    if inside.exists():
        return str(inside)
    raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.py"))


def update() -> None:
    for language in LANGUAGES:
        ts = I18N / f"fkinspect_{language}.ts"
        subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none",
                        "-target-language", language, *sources(), "-ts", str(ts)],
                       cwd=ROOT, check=True)


def release() -> None:
    for language in LANGUAGES:
        ts = I18N / f"fkinspect_{language}.ts"
        qm = I18N / f"fkinspect_{language}.qm"
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only build the .qm files")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    if not args.release:
        update()
    release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
