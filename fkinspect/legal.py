"""Where the licence files are: in a checkout, an installed wheel or the standalone app."""

from __future__ import annotations

import sys
from pathlib import Path

from fkinspect import __version__

LICENSE = "LICENSE"
NOTICES = "THIRD-PARTY-NOTICES"


def _candidates(name: str) -> list[Path]:
    here = Path(__file__).resolve().parent
    found = []
    bundle = getattr(sys, "_MEIPASS", None)  # the standalone app carries both at its root
    if bundle:
        found.append(Path(bundle) / name)
    found.append(here.parent / name)  # source checkout and editable install
    # An installed wheel: hatch puts them in the metadata folder (PEP 639 "licenses/").
    found.append(here.parent / f"fkinspect-{__version__}.dist-info" / "licenses" / name)
    return found


def legal_file(name: str) -> Path | None:
    """LICENSE or THIRD-PARTY-NOTICES, or None when this copy does not carry it."""
    return next((path for path in _candidates(name) if path.is_file()), None)
