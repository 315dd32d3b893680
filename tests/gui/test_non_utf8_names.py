"""The app's scan of a home whose folder names are not UTF-8: read like any other."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fkinspect.synth import SynthCookie, write_chromium_store
from ui.main_window import MainWindow

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="byte file names")

LATER = datetime.now(UTC) + timedelta(days=30)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home whose own name, and one of its Chromium profiles' names, are not UTF-8."""
    folder = tmp_path / os.fsdecode(b"home \xff")
    root = folder / ".config" / "chromium"
    for profile in ("Default", os.fsdecode(b"Profile \xe9")):
        write_chromium_store(root / profile / "Cookies",
                             [SynthCookie("www.forsakringskassan.se", "_pk_id.1.ab",
                                          expires=LATER)])  # fmt: skip
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


def test_scan_reads_every_store_of_a_home_with_non_utf8_names(qtbot, started: MainWindow) -> None:
    with qtbot.waitSignal(started.scan_finished, timeout=20_000):
        started.start()
    scan = started.state.scan
    assert scan is not None and not started.state.demo
    assert [s.status.value for s in scan.stores] == ["ok", "ok"]
    assert started.body.model.rowCount() == 2
    stores = started.body.stores
    texts = [stores.item(i).text() for i in range(stores.count())]
    assert sum(t.startswith("Chromium (Profile ") for t in texts) == 1, texts
    # The byte that is not UTF-8 is shown as its escape (Qt would drop it silently).
    assert any("Chromium (Profile \\udce9)" in t for t in texts), texts
