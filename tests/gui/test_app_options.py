"""The app's command-line options that do their work and exit."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from fkinspect import APP_ID
from ui.app import main


def test_install_and_remove_the_menu_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--install-desktop-entry"]) == 0
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    icon = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert entry.is_file() and icon.is_file()
    assert "application menu" in capsys.readouterr().out
    text = entry.read_text(encoding="utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert Path(exec_line.removeprefix("Exec=").strip('"')).name == "fkinspect-gui"
    validator = shutil.which("desktop-file-validate")
    if validator:  # Debian package desktop-file-utils, installed by .ci/run
        done = subprocess.run([validator, str(entry)], capture_output=True, text=True,
                              check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    assert main(["--remove-desktop-entry"]) == 0
    assert not entry.exists() and not icon.exists()
