"""LICENSE and THIRD-PARTY-NOTICES: present, MIT as pyproject.toml says, and the notices as
scripts/notices.py writes them from what is installed here."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

from fkinspect.legal import LICENSE, NOTICES, legal_file

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import notices  # noqa: E402

_SECTION = re.compile(r"^(?P<name>\S+) (?P<version>\S+)\nLicence: ", re.MULTILINE)


def _sections(text: str) -> tuple[str, dict[str, tuple[str, str]]]:
    """(the header up to its list, {name: (version, the whole section)})."""
    head, *parts = text.split("\n" + notices.RULE + "\n")
    found = {}
    for part in parts:
        match = _SECTION.match(part)
        assert match, part[:200]
        found[canonicalize_name(match["name"])] = (match["version"], part)
    return head.split("\nContents\n")[0], found


def test_license_is_the_mit_licence_pyproject_names() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == [LICENSE, NOTICES]
    text = (ROOT / LICENSE).read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 fkinspect contributors\n")
    assert legal_file(LICENSE) == ROOT / LICENSE and legal_file(NOTICES) == ROOT / NOTICES


def test_notices_name_every_lgpl_component_with_its_full_text() -> None:
    text = (ROOT / NOTICES).read_text(encoding="utf-8")
    _, sections = _sections(text)
    for name in ("pyside6-essentials", "shiboken6", "browser-cookie3"):
        section = sections[name][1]
        assert "LGPL-3.0" in section and "GNU LESSER GENERAL PUBLIC LICENSE" in text, name
    assert text.count("GNU GENERAL PUBLIC LICENSE\n                       Version 3") == 1
    for name, (_, section) in sections.items():  # every one with a homepage and a text
        assert "\nHomepage: http" in section and "\n--- " in section, name
    assert not {"pytest", "ruff", "mypy", "hypothesis"} & set(sections)


@pytest.mark.skipif(sys.platform != "linux", reason="the committed notices are the Linux list")
def test_committed_notices_are_current() -> None:
    """Regenerated here, the notices must equal the committed file. Where this venv holds
    another version of a distribution than the committed file names (a fresh venv may
    resolve newer releases), that distribution's section may differ, and what only it
    pulls in may come or go; the direct dependencies must all be there either way."""
    committed_head, committed = _sections((ROOT / NOTICES).read_text(encoding="utf-8"))
    fresh_head, fresh = _sections(notices.build_notices())
    assert fresh_head == committed_head, "regenerate: python scripts/notices.py"
    moved = {n for n in committed.keys() & fresh.keys() if committed[n][0] != fresh[n][0]}
    for name in committed.keys() & fresh.keys() - moved:
        assert fresh[name] == committed[name], f"{name}: regenerate: python scripts/notices.py"
    if moved:
        direct = {canonicalize_name(r.name) for r in notices.runtime_requirements()
                  if notices.applies(r)}
        assert direct <= committed.keys() & fresh.keys()
        print(f"other versions installed here than in {NOTICES}: {sorted(moved)}")
    else:
        assert fresh.keys() == committed.keys(), "regenerate: python scripts/notices.py"
