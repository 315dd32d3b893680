"""One word per thing (docs/glossary.md): the words the glossary turns down appear in no
catalog, no translation of the window, and no report or CLI output, in either language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fkinspect.cli import main
from fkinspect.resources import resource_dir
from tests.unit.clean.support import chromium_store, firefox_store

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"


def _rejected() -> dict[str, list[str]]:
    """{"sv": [...], "en": [...]}: the glossary table's last two columns."""
    found: dict[str, list[str]] = {"sv": [], "en": []}
    for line in GLOSSARY.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in ("Thing", "---"):
            continue
        for language, cell in (("sv", cells[3]), ("en", cells[4])):
            found[language] += [w.strip() for w in cell.split(",") if w.strip() not in ("", "—")]
    return found


REJECTED = _rejected()


def _offending(text: str, language: str) -> list[str]:
    return [w for w in REJECTED[language]
            if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)]


def _po_texts() -> tuple[str, str]:
    """The core's English (msgids) and Swedish (msgstrs), as what a person reads."""
    po = (resource_dir() / "locale" / "sv" / "LC_MESSAGES" / "fkinspect.po").read_text("utf-8")
    english, swedish = [], []
    for key, text in re.findall(r'^(msgid(?:_plural)?|msgstr(?:\[\d\])?) "(.*)"$', po, re.M):
        (english if key.startswith("msgid") else swedish).append(text)
    return "\n".join(english), "\n".join(swedish)


def _ts_translations(language: str) -> str:
    tree = ET.parse(resource_dir() / "i18n" / f"fkinspect_{language}.ts")
    return "\n".join(t.text or "" for t in tree.iter() if t.tag in ("translation",
                                                                      "numerusform"))


def test_the_glossary_turns_words_down_in_both_languages() -> None:
    assert "Verkligt slutdatum" in REJECTED["sv"] and "Noteringar" in REJECTED["sv"]
    assert "Real expiry" in REJECTED["en"]


def test_no_catalog_uses_a_word_the_glossary_turns_down() -> None:
    english, swedish = _po_texts()
    assert not _offending(swedish, "sv")
    assert not _offending(english, "en")
    assert not _offending(_ts_translations("sv"), "sv")
    assert not _offending(_ts_translations("en"), "en")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_report_and_the_cli_use_the_glossarys_words(
        language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stores = ["--store", str(chromium_store(tmp_path)), "--store", str(firefox_store(tmp_path))]
    report = tmp_path / "report.html"
    assert main(["report", *stores, "-o", str(report), "--lang", language]) == 0
    main(["list", *stores, "--lang", language])
    main(["clean", *stores, "--dry-run", "--lang", language])
    shown = report.read_text("utf-8") + capsys.readouterr().out
    assert not _offending(shown, language)
    words = {"sv": ("Upphör", "Anmärkningar", "Lagringstid enligt sidan"),
             "en": ("Expires", "Notes", "Documented lifetime")}[language]
    assert all(word in shown for word in words)
