"""The core's catalogs: compiled from their .po, found at run time, chosen by locale."""

from __future__ import annotations

import argparse
import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fkinspect import i18n
from fkinspect.cli.main import build_parser
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
    source = "Not in {agency}'s list of cookies."
    assert i18n.catalog("sv").gettext(source) == "Står inte i {agency}s lista över kakor."
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


ROOT = Path(__file__).resolve().parents[2]
SV_PO = ROOT / "resources" / "locale" / "sv" / "LC_MESSAGES" / "fkinspect.po"
# How the code hands a msgid to the catalog (fkinspect.i18n): text(lang, msgid),
# ntext(lang, one, many, n), Words.of(msgid), clean.messages._of(msgid), N_(msgid).
KEYWORDS = ("-kN_:1", "-ktext:2", "-kntext:2,3", "-kof:1", "-k_of:1")


def _msgids(po_text: str) -> set[str]:
    catalog: set[str] = set()
    for match in re.finditer(r'^msgid(?:_plural)? ((?:".*"\n)+)', po_text, re.M):
        parts = re.findall(r'^"(.*)"$', match.group(1), re.M)
        catalog.add("".join(parts).encode().decode("unicode_escape").encode("latin-1")
                    .decode("utf-8"))
    catalog.discard("")
    return catalog


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_every_sentence_in_the_code_has_its_swedish(tmp_path: Path) -> None:
    sources = sorted(str(p) for p in (ROOT / "fkinspect").rglob("*.py"))
    pot = tmp_path / "fkinspect.pot"
    subprocess.run(["xgettext", "--language=Python", "--from-code=UTF-8", "-k", *KEYWORDS,
                    "-o", str(pot), *sources], check=True)
    missing = _msgids(pot.read_text("utf-8")) - _msgids(SV_PO.read_text("utf-8"))
    assert not missing, f"add to {SV_PO.name} (then scripts/catalogs.py): {sorted(missing)}"


def _help_texts(parser: argparse.ArgumentParser) -> set[str]:
    found = {parser.description or ""}
    for action in parser._actions:
        found.add(action.help or "")
        if isinstance(action, argparse._SubParsersAction):
            found |= {choice.help or "" for choice in action._choices_actions}
            for command in action.choices.values():
                found |= _help_texts(command)
    return found - {"", argparse.SUPPRESS}


def test_every_help_text_and_argparse_heading_has_its_swedish() -> None:
    sv = i18n.catalog("sv")
    wanted = _help_texts(build_parser("sv")) | {
        "usage: ", "options", "positional arguments", "show this help message and exit"}
    assert not {t for t in wanted if sv.gettext(t) == t}


def test_each_swedish_sentence_names_the_values_its_english_names() -> None:
    """text() fills {named} values after translating: a Swedish sentence that lost or
    misspelt one would fail at run time, in front of the user."""
    names = re.compile(r"\{(\w+)[^}]*\}")
    with (SV_PO.with_suffix(".mo")).open("rb") as file:
        entries = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    for key, swedish in entries.items():
        english = key[0] if isinstance(key, tuple) else key
        if english:
            assert set(names.findall(swedish)) <= set(names.findall(english)) | {"count"}, key
            assert set(names.findall(english)) - {"count"} <= set(names.findall(swedish)), key
