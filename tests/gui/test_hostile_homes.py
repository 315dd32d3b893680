"""The app on homes with things in them that cannot be read: it reads, shows and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from fkinspect.model import Scan, StoreResult, StoreStatus
from fkinspect.policy import Policy
from fkinspect.synth import SynthCookie, write_chromium_store
from ui.main_window import MainWindow

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


def test_a_store_path_that_cannot_be_looked_at_leaves_the_others_watched(
    window: MainWindow, records: tuple[Scan, Policy], tmp_path: Path
) -> None:
    # stat() fails on this path (ENAMETOOLONG here, EACCES for a folder closed to us).
    scan, _policy = records
    readable = tmp_path / "Cookies"
    readable.write_bytes(b"")
    closed = tmp_path / ("x" * 300) / "Cookies"
    first = scan.stores[0]
    stores = (replace(first, location=replace(first.location, path=readable)),
              StoreResult(replace(first.location, path=closed, problem="closed"),
                          StoreStatus.UNREADABLE, "closed"), *scan.stores[1:])  # fmt: skip
    window.show_scan(replace(scan, stores=stores))
    assert str(readable) in window.watcher.files()
