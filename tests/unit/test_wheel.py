"""A wheel built from this checkout works when installed elsewhere and run from elsewhere."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import zipfile
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest

import fkinspect

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    (found,) = out.glob("fkinspect-*.whl")
    return found


def test_the_wheel_carries_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "fkinspect/resources/policy.toml" in names
    assert "fkinspect/resources/source/kakor-2025-02-12.txt" in names
    # The app installs as fkinspect_ui: a top-level "ui" would collide with other projects.
    assert "fkinspect_ui/__init__.py" in names and "fkinspect_ui/app.py" in names
    assert {name.split("/")[0] for name in names} == {
        "fkinspect", "fkinspect_ui", "fkinspect-0.1.0.dist-info"}
    assert not any(name.endswith(".pyc") for name in names)
    for legal in ("LICENSE", "THIRD-PARTY-NOTICES"):  # pyproject's license-files
        assert f"fkinspect-{fkinspect.__version__}.dist-info/licenses/{legal}" in names


def _dependencies(name: str, found: dict[str, Path]) -> None:
    """Every installed module `name` needs, by distribution metadata (platform-only ones
    that are not installed here, like dbus-python, are skipped)."""
    try:
        dist = distribution(name)
    except PackageNotFoundError:
        return
    for requirement in dist.requires or []:
        if "extra ==" in requirement:
            continue
        wanted = re.split(r"[ ;<>=!\[~(]", requirement, maxsplit=1)[0]
        try:
            needed = distribution(wanted)
        except PackageNotFoundError:
            continue
        tops = {str(f).split("/")[0] for f in needed.files or [] if not str(f).startswith("..")}
        for top in tops - {t for t in tops if t.endswith((".dist-info", ".pth"))}:
            found[top] = Path(str(needed.locate_file(top)))
        _dependencies(wanted, found)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed (not editable); its dependencies are linked
    in from this environment, so no network is needed."""
    venv = tmp_path_factory.mktemp("installed") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True, text=True)
    purelib = Path(sysconfig.get_path("purelib", vars={"base": str(venv)}))
    deps: dict[str, Path] = {}
    _dependencies("fkinspect", deps)
    for top, source in deps.items():
        os.symlink(source, purelib / top)
    return venv


@pytest.mark.slow
def test_installed_wheel_answers_policy_from_another_folder(installed: Path,
                                                            tmp_path: Path) -> None:
    venv = installed
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = subprocess.run([str(venv / "bin" / "fkinspect"), "policy", "--json"], cwd=elsewhere,
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["entries"]) == 36
    located = subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         "from fkinspect.resources import resource_dir; print(resource_dir())"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    )
    assert Path(located.stdout.strip()).is_relative_to(venv)


@pytest.mark.slow
def test_installed_wheel_lists_and_finds_its_licences(installed: Path, tmp_path: Path) -> None:
    shown = subprocess.run([str(installed / "bin" / "python"), "-m", "pip", "show", "-f",
                            "fkinspect"], capture_output=True, text=True, check=True).stdout
    files = {line.strip() for line in shown.splitlines()}
    for legal in ("LICENSE", "THIRD-PARTY-NOTICES"):
        assert f"fkinspect-{fkinspect.__version__}.dist-info/licenses/{legal}" in files
        found = subprocess.run(
            [str(installed / "bin" / "python"), "-c",
             f"from fkinspect.legal import legal_file; print(legal_file({legal!r}))"],
            cwd=tmp_path, capture_output=True, text=True, check=True,
            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"}).stdout.strip()
        assert Path(found).is_relative_to(installed)
        assert Path(found).read_bytes() == (ROOT / legal).read_bytes()


@pytest.mark.slow
def test_installed_gui_starts_offscreen_from_another_folder(installed: Path,
                                                            tmp_path: Path) -> None:
    home = tmp_path / "home"  # no browser at all: the app opens its demo by itself
    home.mkdir()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
           "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    out = subprocess.run([str(installed / "bin" / "fkinspect-gui"), "--smoke-test"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, check=False,
                         timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "window shown (demo)" in out.stdout
    located = subprocess.run(
        [str(installed / "bin" / "python"), "-c",
         "import importlib.util, fkinspect_ui.app; print(fkinspect_ui.app.__file__); "
         "print(importlib.util.find_spec('ui'))"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    app_file, ui_spec = located.stdout.split()
    assert Path(app_file).is_relative_to(installed) and ui_spec == "None"
