"""One way to find resources/ from a checkout, an install, or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from fkinspect.errors import PolicyError

_MARKER = "policy.toml"


def _candidates() -> list[Path]:
    here = Path(__file__).resolve().parent
    found = []
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller unpack folder
    if bundle:
        found.append(Path(bundle) / "resources")
    if getattr(sys, "frozen", False) or "__compiled__" in globals():  # Nuitka
        found.append(Path(sys.executable).resolve().parent / "resources")
    found.append(here / "resources")  # installed wheel: force-included into the package
    found.append(here.parent / "resources")  # source checkout and editable install
    return found


@cache
def resource_dir() -> Path:
    for candidate in _candidates():
        if (candidate / _MARKER).is_file():
            return candidate
    searched = ", ".join(str(c) for c in _candidates())
    raise PolicyError(f"resources folder not found (looked in {searched})")


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
