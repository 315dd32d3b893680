"""The menu entry and AppStream file: valid for the desktop's own tools, installable per user."""

from __future__ import annotations

import configparser
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fkinspect import __version__
from fkinspect.desktop_entry import (
    APP_ID,
    desktop_entry_text,
    exec_quote,
    install_desktop_entry,
    installed_paths,
    remove_desktop_entry,
)
from fkinspect.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml"


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: apt-get install {package}")
    return found


def _validate_desktop(path: Path) -> None:
    out = subprocess.run([_tool("desktop-file-validate", "desktop-file-utils"), str(path)],
                         capture_output=True, text=True, check=False)
    problems = [line for line in out.stdout.splitlines() if ": hint: " not in line]
    assert out.returncode == 0 and not problems, out.stdout + out.stderr


def _validate_metainfo(path: Path) -> None:
    out = subprocess.run([_tool("appstreamcli", "appstream"), "validate", "--no-net",
                          "--no-color", str(path)],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    # Warnings and errors fail; infos (e.g. <developer>, newer than 0.16) are fine.
    assert not [line for line in out.stdout.splitlines() if line[:2] in ("W:", "E:")], out.stdout


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_packaged_desktop_file_is_valid_and_bilingual() -> None:
    _validate_desktop(DESKTOP)
    entry = _entry(DESKTOP)
    assert entry["Name"] == "fkinspect"
    assert "Försäkringskassan" in entry["Comment"]
    assert "Försäkringskassans kakor" in entry["Comment[sv]"]
    assert entry["GenericName[sv]"] and entry["GenericName"]
    assert entry["Categories"] == "Utility;Security;"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_packaged_metainfo_is_valid() -> None:
    _validate_metainfo(METAINFO)
    text = METAINFO.read_text(encoding="utf-8")
    for needed in (f"<id>{APP_ID}</id>", f'<launchable type="desktop-id">{APP_ID}.desktop',
                   f'<release version="{__version__}"', "<content_rating",
                   "<binary>fkinspect-gui</binary>", '<developer id="se.fkinspect">',
                   'xml:lang="sv"'):
        assert needed in text, needed


def test_install_writes_valid_files_pointing_at_the_program(tmp_path: Path) -> None:
    program = tmp_path / "my apps" / "bin" / "fkinspect-gui"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    data = tmp_path / "share"
    written = install_desktop_entry(data, executable=program)
    assert [p.relative_to(data).as_posix() for p in written] == [
        f"applications/{APP_ID}.desktop",
        f"metainfo/{APP_ID}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
    ]
    desktop, metainfo, icon = written
    _validate_desktop(desktop)
    _validate_metainfo(metainfo)
    entry = _entry(desktop)
    assert entry["Exec"] == f'"{program}"'
    assert entry["TryExec"] == str(program)
    assert icon.read_bytes() == resource_path("icons", "fkinspect.svg").read_bytes()
    # update-desktop-database ran over the folder (it is in desktop-file-utils).
    assert (data / "applications" / "mimeinfo.cache").is_file()
    assert not [p for p in data.rglob(".*.partial")]
    assert sorted(p.name for p in remove_desktop_entry(data)) == sorted(p.name for p in written)
    assert not any(p.exists() for p in written)


def test_default_is_the_script_next_to_python_and_xdg_data_home(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = Path(sys.executable).parent / "fkinspect-gui"
    if not script.is_file():
        pytest.fail(f"{script} is missing: pip install -e . installs it")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    desktop = install_desktop_entry()[0]
    assert desktop == tmp_path / "xdg" / "applications" / f"{APP_ID}.desktop"
    assert _entry(desktop)["Exec"] == exec_quote(str(script))
    assert Path(_entry(desktop)["TryExec"]).is_absolute()


@pytest.mark.parametrize(("argument", "quoted"), [
    ("/usr/bin/fkinspect-gui", "/usr/bin/fkinspect-gui"),
    ("/home/a b/fkinspect-gui", '"/home/a b/fkinspect-gui"'),
    ("/opt/100%/x", "/opt/100%%/x"),
    ('/opt/"q"$x/y', '"/opt/\\\\"q\\\\"\\\\$x/y"'),
])
def test_exec_quoting_follows_the_spec(argument: str, quoted: str) -> None:
    assert exec_quote(argument) == quoted


def test_entry_text_never_keeps_the_placeholder(tmp_path: Path) -> None:
    text = desktop_entry_text(tmp_path / "fkinspect-gui")
    assert "Exec=fkinspect-gui" not in text
    assert "install_desktop_entry()" not in text


def test_install_writes_through_no_planted_link_and_keeps_the_users_link(
        tmp_path: Path) -> None:
    program = tmp_path / "bin" / "fkinspect-gui"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    data = tmp_path / "share"
    desktop, metainfo, _icon = installed_paths(data)
    desktop.parent.mkdir(parents=True)
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    (desktop.parent / f".{desktop.name}.partial").symlink_to(victim)
    dotfiles = tmp_path / "dotfiles" / metainfo.name  # the user keeps it elsewhere
    dotfiles.parent.mkdir()
    dotfiles.write_text("old", encoding="utf-8")
    metainfo.parent.mkdir(parents=True)
    metainfo.symlink_to(dotfiles)
    install_desktop_entry(data, executable=program)
    assert victim.read_text(encoding="utf-8") == "keep me"
    _validate_desktop(desktop)
    assert metainfo.is_symlink() and "<component" in dotfiles.read_text(encoding="utf-8")
    assert stat.S_IMODE(desktop.stat().st_mode) == 0o644
