"""Accessible through the real stack: AT-SPI, the accessibility bus that Orca reads on Linux.

tests/gui/atspi_walker.py runs under Debian's /usr/bin/python3 (python3-pyatspi) inside
`dbus-run-session`, with Xvfb and at-spi2-core, and drives the app on its demo (the demo home
and every folder the app writes are in this test's tmp_path; the clean acts there). It needs
the Debian packages in packaging/debian-packages.txt; without them the test says which one
is missing and skips.
"""

from __future__ import annotations

import ctypes.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WALKER = Path(__file__).with_name("atspi_walker.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
# Now and then the headless stack (Xvfb with no window manager, the accessibility bus)
# delivers no synthesised key at all, before the app has been touched: the walker says so
# with this exit code, and the walk starts again on a fresh stack. Any other failure stands.
KEYS_LOST = 3
FRESH_STACKS = 3


def _missing() -> str:
    """Why the stack cannot run here ("" when it can)."""
    for program, package in (("Xvfb", "xvfb"), ("dbus-run-session", "dbus")):
        if shutil.which(program) is None:
            return f"{program} is missing (Debian package {package})"
    if not Path(BUS_LAUNCHER).is_file():
        return f"{BUS_LAUNCHER} is missing (Debian package at-spi2-core)"
    if ctypes.util.find_library("X11") is None:
        return "libX11 is missing (Debian package libx11-6)"
    if not Path(SYSTEM_PYTHON).is_file():
        return f"{SYSTEM_PYTHON} is missing (Debian package python3)"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True,
                           check=False, timeout=60)
    if probe.returncode != 0:
        return "pyatspi is missing for /usr/bin/python3 (Debian package python3-pyatspi)"
    return ""


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> dict:
    missing = _missing()
    if missing:
        pytest.skip(f"AT-SPI stack not installed: {missing}")
    for _attempt in range(FRESH_STACKS):
        work = tmp_path_factory.mktemp("atspi")
        done = subprocess.run(["dbus-run-session", "--", SYSTEM_PYTHON, str(WALKER),
                               sys.executable, str(ROOT), str(work)],
                              capture_output=True, text=True, timeout=600, check=False)
        if done.returncode != KEYS_LOST:
            break
    lines = done.stdout.strip().splitlines()
    seen = json.loads(lines[-1]) if lines else {}
    app_log = (work / "app.log").read_text(errors="replace") if (work / "app.log").exists() \
        else ""
    # Where it stopped first: pytest shortens a long message from its end.
    assert done.returncode == 0 and "failed" not in seen, (
        f"{seen.get('failed')} after {seen.get('steps')}; focus went "
        f"{seen.get('tab_order')}; stderr: {done.stderr[-1500:]}; app: {app_log[-1500:]}")
    seen["work"] = str(work)
    return seen


def test_every_control_has_a_name_and_a_role(walk: dict) -> None:
    assert walk["unnamed"] == []
    assert walk["confirm_unnamed"] == [] and walk["result_unnamed"] == []
    # The search field's clear button, shown once there is text, is named too.
    assert walk["clear_button"] == ["Töm sökfältet"]
    for control in ("push button: Ta bort analyskakor (8)", "text: Sök bland kakorna",
                    "table: Kakor", "list: Webbläsare och profiler",
                    "check box: Webbanalys: 8 kakor", "menu item: Arkiv"):
        assert control in walk["controls"]
    # The window's title names the app once (Qt adds it after the title).
    assert walk["title"].count("fkinspect") == 1


def test_focus_order_reaches_every_control(walk: dict) -> None:
    cycle = [f"{role}: {name}" for role, name in walk["tab_order"]]
    order = [cycle.index(c) for c in ("text: Sök bland kakorna", "combo box: Alla kategorier",
                                      "table: Kakor", "push button: Ta bort analyskakor (8)")]
    assert order == sorted(order), cycle  # search, filter, table, then the clean
    for control in ("list: Webbläsare och profiler", "check box: Nödvändig: 11 kakor",
                    "check box: Webbanalys: 8 kakor"):
        assert control in cycle
    assert all(role != "unknown" and name for role, name in walk["tab_order"]), cycle


def test_the_main_flow_by_keyboard_alone(walk: dict) -> None:
    everything, filtered = walk["rows"]
    assert 0 < filtered < everything  # typed in the search field: fewer rows
    assert walk["selected"].startswith("_pk")  # Down in the table chose a cookie
    assert walk["confirm_button"].startswith("Ta bort")  # reached by Tab, pressed by Space
    assert walk["result"].startswith("Analyskakorna är borttagna")
    # Enter closed the result and undid nothing: fewer analytics cookies than before.
    assert walk["clean_before"] == "Ta bort analyskakor (8)"
    assert walk["clean_after"] == "Ta bort analyskakor (2)"  # the running Firefox keeps 2
    # The clean acted on the demo home inside this test's folder, and backed up first.
    assert "journal.json" in walk["backups"]
    assert walk["exit_code"] == 0  # Ctrl+Q quit
