"""The .deb of the folder app: built with dpkg-deb, inspected, and (as root) installed with
dpkg -i, started from the menu entry's command, and removed with dpkg -r."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import fkinspect
from tests.slow.bundle_support import ROOT, clean_env

sys.path.insert(0, str(ROOT / "packaging"))
import build_deb

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="no dpkg-deb here")]

APP_ID = fkinspect.APP_ID
INSTALLED = [Path("/opt/fkinspect/fkinspect"), Path("/opt/fkinspect/fkinspect-cli"),
             Path("/usr/bin/fkinspect-gui"), Path("/usr/bin/fkinspect"),
             Path(f"/usr/share/applications/{APP_ID}.desktop"),
             Path(f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"),
             Path(f"/usr/share/metainfo/{APP_ID}.metainfo.xml"),
             Path("/usr/share/doc/fkinspect/THIRD-PARTY-NOTICES")]
# What lintian says of any self-contained app in /opt that carries its own Python, Qt and
# the libraries they load, unstripped as PyInstaller leaves them: true, and the point of
# a bundle. Every other tag fails the test.
BUNDLE_TAGS = {
    "dir-or-file-in-opt", "embedded-library", "shared-library-is-executable",
    "unstripped-binary-or-object", "custom-library-search-path", "hardening-no-pie",
    "library-not-linked-against-libc", "shared-library-lacks-prerequisites",
    "missing-depends-on-sensible-utils",  # libmount's pager, never run by the app
    "no-manual-page",  # the commands' --help and the README are the manual
}


@pytest.fixture(scope="module")
def deb(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deb")
    # As the release workflow runs it.
    built = subprocess.run([sys.executable, str(ROOT / "packaging" / "build_deb.py"),
                            "--bundle", str(bundle), "--out", str(out), "--work",
                            str(out / "work")],
                           capture_output=True, text=True, check=False, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    print(built.stdout.strip())
    (made,) = out.glob("*.deb")
    return made


def _dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True,
                          check=True).stdout


def test_deb_control_names_the_version_and_the_qt_libraries(deb: Path) -> None:
    arch = build_deb.architecture()
    assert deb.name == f"fkinspect_{fkinspect.__version__}_{arch}.deb"
    fields = dict(line.split(": ", 1) for line in _dpkg_deb(
        "--field", str(deb), "Package", "Version", "Architecture", "Depends").splitlines())
    depends = fields["Depends"].split(", ")
    assert depends[0].startswith("libc6 (>= ") and "libxcb-cursor0" in depends


def test_deb_installs_the_app_menu_entry_and_icon_owned_by_root(deb: Path) -> None:
    rows = [line.split(maxsplit=5) for line in _dpkg_deb("--contents", str(deb)).splitlines()]
    paths = {row[5].split(" -> ")[0].removeprefix(".") : row for row in rows}
    for path in INSTALLED:
        assert str(path) in paths, path
    assert {row[1] for row in rows} == {"root/root"}
    for mode, *_ in rows:  # nothing group- or world-writable (a link's own mode is moot)
        assert mode[0] == "l" or (mode[5] != "w" and mode[8] != "w"), mode
    assert paths["/usr/bin/fkinspect-gui"][0] == "-rwxr-xr-x"


def test_deb_files_are_valid_and_the_unpacked_app_runs(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    desktop = root / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    out = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                         text=True, check=False)
    assert out.returncode == 0, out.stdout
    out = subprocess.run(["appstreamcli", "validate", "--no-net", "--no-color",
                          str(root / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml")],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout
    assert (root / "usr/bin/fkinspect-gui").read_text() == (
        '#!/bin/sh\nexec /opt/fkinspect/fkinspect "$@"\n')
    doc = root / "usr" / "share" / "doc" / "fkinspect"
    assert "License: Expat" in (doc / "copyright").read_text(encoding="utf-8")
    assert "GNU LESSER" in (doc / "THIRD-PARTY-NOTICES").read_text(encoding="utf-8")
    changes = gzip.decompress((doc / "changelog.gz").read_bytes()).decode("utf-8")
    assert changes.startswith(f"fkinspect ({fkinspect.__version__}) stable; urgency=medium\n")
    out = subprocess.run([str(root / "opt" / "fkinspect" / "fkinspect-cli"), "--version"],
                         capture_output=True, text=True, check=False,
                         env=clean_env(tmp_path / "home"), timeout=60)
    assert out.stdout.strip() == f"fkinspect {fkinspect.__version__}", out.stderr


@pytest.mark.skipif(shutil.which("lintian") is None,
                    reason="lintian is not installed (apt-get install lintian)")
def test_lintian_finds_nothing_but_what_every_bundle_is(deb: Path) -> None:
    out = subprocess.run(["lintian", "--tag-display-limit", "0", str(deb)],
                         capture_output=True, text=True, check=False, timeout=600)
    tags = [line.split()[2] for line in out.stdout.splitlines()
            if line[:2] in ("E:", "W:") and len(line.split()) > 2]
    assert tags, out.stdout + out.stderr  # lintian ran and looked
    assert not set(tags) - BUNDLE_TAGS, out.stdout


def _dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["dpkg", *args], capture_output=True, text=True, check=False,
                          timeout=300)


def _installed() -> bool:
    status = _dpkg("-s", "fkinspect")
    return status.returncode == 0 and "Status: install ok installed" in status.stdout


@pytest.mark.skipif(os.geteuid() != 0,
                    reason="dpkg -i and dpkg -r need root; the .deb was built and inspected")
def test_deb_installs_starts_from_the_menu_command_and_removes(deb: Path,
                                                                tmp_path: Path) -> None:
    if _installed():
        pytest.skip("a fkinspect package is installed on this machine: not replacing it")
    out = _dpkg("-i", str(deb))
    try:
        assert out.returncode == 0, out.stdout + out.stderr
        for path in INSTALLED:
            assert path.is_file(), path
        entry = Path(f"/usr/share/applications/{APP_ID}.desktop").read_text(encoding="utf-8")
        assert "\nName=fkinspect\n" in entry and "\nExec=fkinspect-gui\n" in entry
        env = clean_env(tmp_path / "home")  # PATH=/usr/bin:/bin, as a desktop session has
        started = subprocess.run(["fkinspect-gui", "--demo", "--smoke-test"], env=env,
                                 cwd=tmp_path, capture_output=True, text=True, check=False,
                                 timeout=120)
        assert started.returncode == 0, started.stdout[-3000:] + started.stderr[-3000:]
        assert "window shown (demo)" in started.stdout
        cli = subprocess.run(["fkinspect", "--version"], env=env, capture_output=True,
                             text=True, check=False, timeout=60)
        assert cli.stdout.strip() == f"fkinspect {fkinspect.__version__}", cli.stderr
    finally:
        removed = _dpkg("-r", "fkinspect")
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not _installed()
    for path in INSTALLED:
        assert not path.exists(), path
    assert not Path("/opt/fkinspect").exists()
