"""Compile the core's gettext catalogs: resources/locale/*/LC_MESSAGES/*.po -> .mo.

Run after editing a .po file; tests/unit/test_i18n.py checks that every
committed .mo is what GNU msgfmt makes of its .po.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_catalog(po: Path, mo: Path) -> None:
    subprocess.run(["msgfmt", "--check-format", "--output-file", str(mo), str(po)], check=True)


def main() -> int:
    for po in sorted((ROOT / "resources" / "locale").glob("*/LC_MESSAGES/*.po")):
        compile_catalog(po, po.with_suffix(".mo"))
        print(f"compiled {po.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
