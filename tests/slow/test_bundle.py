"""The PyInstaller folder app builds here and runs without this checkout or its venv."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import fkinspect
from tests.slow.bundle_support import ROOT, clean_env

pytestmark = pytest.mark.slow


def test_bundle_has_both_programs_and_the_resources(bundle: Path) -> None:
    for name in ("fkinspect", "fkinspect-cli"):
        assert os.access(bundle / name, os.X_OK), name
    resources = bundle / "_internal" / "resources"
    assert (resources / "policy.toml").is_file()
    assert (resources / "linux" / "se.fkinspect.FkInspect.desktop").is_file()
    assert (resources / "icons" / "fkinspect.svg").is_file()
    qt = bundle / "_internal" / "PySide6"
    assert not list(qt.glob("QtNetwork*")) and not list(qt.glob("QtQml*"))
    translations = {p.name for p in (qt / "Qt" / "translations").glob("*.qm")}
    assert "qtbase_sv.qm" in translations and "qtbase_de.qm" not in translations


def test_bundle_carries_the_licences_beside_the_programs(bundle: Path) -> None:
    # Beside the programs for people, in _internal/ for the About box (sys._MEIPASS).
    for folder in (bundle, bundle / "_internal"):
        assert (folder / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()
        notices = (folder / "THIRD-PARTY-NOTICES").read_text(encoding="utf-8")
        assert "PySide6_Essentials" in notices and "GNU LESSER GENERAL PUBLIC LICENSE" in notices
    # The Qt libraries stay separate shared libraries a user can replace (LGPL-3.0).
    assert list((bundle / "_internal" / "PySide6" / "Qt" / "lib").glob("libQt6Widgets.so.6*"))


def test_bundled_cli_answers_policy_from_another_folder(bundle: Path, tmp_path: Path) -> None:
    out = subprocess.run([str(bundle / "fkinspect-cli"), "policy", "--json"],
                         capture_output=True, text=True, check=False, cwd=tmp_path,
                         env=clean_env(tmp_path / "home"), timeout=60)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["source"]["updated"] == "2025-02-12"
    assert len(data["entries"]) == 36


def test_bundled_cli_says_the_checkouts_version(bundle: Path, tmp_path: Path) -> None:
    out = subprocess.run([str(bundle / "fkinspect-cli"), "--version"], capture_output=True,
                         text=True, check=False, cwd=tmp_path,
                         env=clean_env(tmp_path / "home"), timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == f"fkinspect {fkinspect.__version__}"


def test_bundled_cli_writes_a_report(bundle: Path, tmp_path: Path) -> None:
    from fkinspect.browsers.firefox_session import write_session_store

    store = tmp_path / "profile" / "sessionstore.jsonlz4"
    write_session_store(store, [{"host": ".forsakringskassan.se", "name": "JSESSIONID",
                                 "value": "bundle-secret-4711", "path": "/",
                                 "originAttributes": {}}])
    report = tmp_path / "rapport.html"
    out = subprocess.run([str(bundle / "fkinspect-cli"), "report", "--store", str(store),
                          "-o", str(report)],
                         capture_output=True, text=True, check=False, cwd=tmp_path,
                         env=clean_env(tmp_path / "home"), timeout=60)
    assert out.returncode == 0, out.stderr
    text = report.read_text(encoding="utf-8")
    assert "JSESSIONID" in text and "bundle-secret-4711" not in text


def test_bundled_app_loads_qt_and_its_modules(bundle: Path, tmp_path: Path) -> None:
    # --help runs after the app's modules (the checkout's ui package, as main.py imports
    # it) and PySide6 are imported: a missing module or Qt library in the bundle fails
    # here, before any window.
    out = subprocess.run([str(bundle / "fkinspect"), "--help"], capture_output=True, text=True,
                         check=False, cwd=tmp_path, env=clean_env(tmp_path / "home"),
                         timeout=60)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "--demo" in out.stdout


def test_bundled_app_starts_offscreen_shows_the_demo_and_exits(bundle: Path,
                                                                tmp_path: Path) -> None:
    out = subprocess.run([str(bundle / "fkinspect"), "--demo", "--smoke-test"],
                         capture_output=True, text=True, check=False, cwd=tmp_path,
                         env=clean_env(tmp_path / "home"), timeout=120)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "window shown (demo)" in out.stdout


def test_release_smoke_script_passes_on_the_bundle(bundle: Path) -> None:
    # The release workflow's smoke step, as it runs on each system.
    out = subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke.py"),
                          "--dist", str(bundle.parent)],
                         capture_output=True, text=True, check=False, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "smoke test passed" in out.stdout


def test_release_zip_holds_the_folder_its_links_and_licences(bundle: Path) -> None:
    out = subprocess.run([sys.executable, str(ROOT / "packaging" / "archive.py"),
                          "--dist", str(bundle.parent)],
                         capture_output=True, text=True, check=False, timeout=300)
    assert out.returncode == 0, out.stderr
    (made,) = bundle.parent.glob(f"fkinspect-{fkinspect.__version__}-linux-*.zip")
    with zipfile.ZipFile(made) as archive:
        infos = {info.filename: info for info in archive.infolist()}
        for name in ("fkinspect/fkinspect", "fkinspect/fkinspect-cli", "fkinspect/LICENSE",
                     "fkinspect/THIRD-PARTY-NOTICES", "fkinspect/_internal/resources/policy.toml"):
            assert name in infos, name
        assert stat.S_IMODE(infos["fkinspect/fkinspect"].external_attr >> 16) & 0o111
        links = {name: archive.read(info).decode() for name, info in infos.items()
                 if stat.S_ISLNK(info.external_attr >> 16)}
    on_disk = {p.relative_to(bundle.parent).as_posix(): os.readlink(p)
               for p in bundle.rglob("*") if p.is_symlink()}
    assert links == on_disk
    made.unlink()
