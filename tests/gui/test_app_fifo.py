"""The app on a home whose Chromium `Local State` is a FIFO: it reads, shows and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fkinspect.synth import SynthCookie, write_chromium_store

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_smoke_test_finishes_with_a_fifo_local_state(tmp_path: Path) -> None:
    home = tmp_path / "home"
    root = home / ".config" / "chromium"
    write_chromium_store(root / "Default" / "Cookies",
                         [SynthCookie("www.forsakringskassan.se", "JSESSIONID")])
    os.mkfifo(root / "Local State")
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}  # fmt: skip
    done = subprocess.run([sys.executable, str(REPO / "main.py"), "--smoke-test"], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "window shown (this computer): 1 cookies in 2 stores, 1 unreadable" in done.stdout
