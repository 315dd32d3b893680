"""A release has one version: fkinspect/__init__.py's, as --version, the report, the wheel,
the changelog, the metainfo and the bundle's metadata say it."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import fkinspect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from release_info import (  # noqa: E402
    project_version,
    version_numbers,
    windows_version_resource,
)

sys.path.insert(0, str(ROOT / "scripts"))
import changelog  # noqa: E402

SPEC = ROOT / "packaging" / "fkinspect.spec"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "fkinspect", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False, timeout=60)


def test_the_version_is_written_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "fkinspect/__init__.py"
    assert project_version() == fkinspect.__version__
    version_numbers(fkinspect.__version__)  # a plain major.minor.patch, as Windows needs
    spec = SPEC.read_text(encoding="utf-8")
    assert '"0.' not in spec and "VERSION = project_version()" in spec


def test_version_option_and_report_say_the_version(tmp_path: Path) -> None:
    out = _run("--version", cwd=tmp_path)
    assert out.returncode == 0 and out.stdout.strip() == f"fkinspect {fkinspect.__version__}"
    home = tmp_path / "home"
    home.mkdir()
    report = tmp_path / "rapport.html"
    out = _run("report", "--home", str(home), "-o", str(report), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    html = report.read_text(encoding="utf-8")
    assert f'<meta name="generator" content="fkinspect {fkinspect.__version__}">' in html


def test_macos_plist_and_windows_resource_take_the_version() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    plist = next(node for node in ast.walk(tree) if isinstance(node, ast.Dict)
                 and any(isinstance(k, ast.Constant) and k.value == "CFBundleName"
                         for k in node.keys))
    values = {k.value: v for k, v in zip(plist.keys, plist.values, strict=True)
              if isinstance(k, ast.Constant)}
    for key in ("CFBundleShortVersionString", "CFBundleVersion"):
        assert isinstance(values[key], ast.Name) and values[key].id == "VERSION", key
    exes = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id == "EXE"]
    assert len(exes) == 2
    for exe in exes:
        version = next(k.value for k in exe.keywords if k.arg == "version")
        assert isinstance(version, ast.Call) and ast.unparse(version.func) == "version_file"
    # The resource is a Python expression PyInstaller evaluates on Windows.
    text = windows_version_resource("1.2.3", "fkinspect", "fkinspect")
    call = ast.parse(text, mode="eval").body
    assert isinstance(call, ast.Call) and ast.unparse(call.func) == "VSVersionInfo"
    assert "filevers=(1, 2, 3, 0)" in text and "StringStruct('ProductVersion', '1.2.3')" in text


def test_changelog_top_and_metainfo_newest_release_are_the_version() -> None:
    text = changelog.CHANGELOG.read_text(encoding="utf-8")
    releases = changelog.parse(text)
    assert releases and releases[0].version == fkinspect.__version__
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.MULTILINE)
    assert next(h for h in headings if h != "Unreleased") == fkinspect.__version__
    metainfo = changelog.METAINFO.read_text(encoding="utf-8")
    newest = re.search(r'<release version="([^"]+)" date="([^"]+)"', metainfo)
    assert newest and newest.groups() == (releases[0].version, releases[0].date)
    dates = [r.date for r in releases]
    assert dates == sorted(dates, reverse=True), "newest first"


def test_metainfo_releases_are_made_from_the_changelog() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "changelog.py"), "--check"],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr


def test_changelog_parser_reads_keep_a_changelog() -> None:
    text = """# Changelog

## [Unreleased]

### Added

- Not yet out.

## [1.1.0] - 2027-02-01

Summary line one
and two.

### Fixed

- A `code` mark and a [link](https://example.invalid) are plain text,
  and an indented line continues the bullet.
- Second <one> & more.

## [1.0.0] - 2027-01-01

### Added

- First.
"""
    releases = changelog.parse(text)
    assert [(r.version, r.date) for r in releases] == [("1.1.0", "2027-02-01"),
                                                      ("1.0.0", "2027-01-01")]
    assert releases[0].summary == ["Summary line one", "and two."]
    assert releases[0].sections == {"Fixed": [
        "A code mark and a link are plain text, and an indented line continues the bullet.",
        "Second <one> & more."]}
    xml = changelog.releases_xml(releases)
    assert "<li>Second &lt;one&gt; &amp; more.</li>" in xml
    assert "Not yet out" not in xml
    with pytest.raises(ValueError, match="heading"):
        changelog.parse("## 1.0.0\n")


def test_metainfo_names_no_address_the_project_does_not_own() -> None:
    metainfo = changelog.METAINFO.read_text(encoding="utf-8")
    assert "http" not in metainfo.replace("http://www.w3.org", "")
    assert "<url" not in metainfo and "<screenshot" not in metainfo
