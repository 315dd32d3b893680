"""The core's catalogs: compiled from their .po, found at run time, chosen by locale."""

from __future__ import annotations

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest

from fkinspect import i18n
from fkinspect.resources import resource_dir

PO_FILES = sorted((resource_dir() / "locale").glob("*/LC_MESSAGES/*.po"))


def _entries(mo: Path) -> dict[object, str]:
    with mo.open("rb") as file:
        return dict(gettext.GNUTranslations(file)._catalog)  # type: ignore[attr-defined]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.parts[-3])
def test_each_committed_catalog_is_what_msgfmt_makes_of_its_po(po: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(po)], check=True)
    assert _entries(po.with_suffix(".mo")) == _entries(fresh), "run: python scripts/catalogs.py"


def test_swedish_is_translated_and_english_passes_through() -> None:
    source = "Not in Försäkringskassan's list of cookies."
    assert i18n.catalog("sv").gettext(source) == "Står inte i Försäkringskassans lista över kakor."
    assert i18n.catalog("en").gettext(source) == source


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "sv"),
        ({"LANG": "C.UTF-8"}, "sv"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "de_DE.UTF-8"}, "sv"),
        ({"LANG": "sv_SE.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANGUAGE": "en:sv", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"LC_MESSAGES": "sv_FI.UTF-8", "LANG": "en_US.UTF-8"}, "sv"),
    ],
)
def test_language_follows_the_locale_variables_in_gettexts_order(
    environ: dict[str, str], language: str
) -> None:
    assert i18n.language_from_environment(environ) == language


def test_a_language_without_words_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.catalog("de")
