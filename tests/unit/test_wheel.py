"""A wheel built from this checkout works when installed elsewhere and run from elsewhere."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

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
    assert "ui/__init__.py" in names


@pytest.mark.slow
def test_installed_wheel_answers_policy_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True, text=True)
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
