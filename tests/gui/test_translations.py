"""Every string of the app is translated, and the shipped .qm files match the .ts files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
sys.path.insert(0, str(ROOT / "scripts"))
from build_translations import LANGUAGES, sources, tool  # noqa: E402


def _unfinished(ts: Path) -> list[str]:
    bad = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        assert translation is not None
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or \
                not all(forms):
            bad.append(source)
    return bad


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    ts = I18N / f"fkinspect_{language}.ts"
    assert _unfinished(ts) == []
    assert len(list(ET.parse(ts).getroot().iter("message"))) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ts_covers_every_string_in_the_code(language: str, tmp_path: Path) -> None:
    ts = tmp_path / f"fkinspect_{language}.ts"
    shutil.copy(I18N / ts.name, ts)
    subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(),
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)
    assert _unfinished(ts) == [], "run scripts/build_translations.py and translate"


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_qm_is_built_from_the_ts(language: str, tmp_path: Path) -> None:
    qm = tmp_path / "built.qm"
    subprocess.run([tool("lrelease"), str(I18N / f"fkinspect_{language}.ts"), "-qm", str(qm)],
                   check=True, capture_output=True)
    assert (I18N / f"fkinspect_{language}.qm").read_bytes() == qm.read_bytes()
