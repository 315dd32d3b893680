"""fkinspect makes no network connection: reading, reporting, cleaning and the app.

Each run happens in a fresh interpreter with an audit hook that fails on any
Internet socket (connect, bind, name lookup), so every module the run imports
is covered, not only what a test happens to call.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fkinspect.demo import build_demo_home

GUARD = r"""
import socket, sys

def guard(event, args):
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        raise RuntimeError(f"network: {event} {args[0]!r}")
    if event in ("socket.connect", "socket.bind", "socket.sendto"):
        family = getattr(args[0], "family", None)
        if family in (socket.AF_INET, socket.AF_INET6):
            raise RuntimeError(f"network: {event} {args[1]!r}")

sys.addaudithook(guard)
"""


def _run(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
                   "XDG_STATE_HOME": str(tmp_path / "state"), **env}
    return subprocess.run([sys.executable, "-c", GUARD + code], capture_output=True,
                          text=True, check=False, env=environment, timeout=120)


def test_the_guard_catches_a_connection(tmp_path: Path) -> None:
    out = _run("socket.socket().connect(('127.0.0.1', 9))", tmp_path)
    assert out.returncode != 0 and "network: socket.connect" in out.stderr
    out = _run("socket.getaddrinfo('www.forsakringskassan.se', 443)", tmp_path)
    assert out.returncode != 0 and "network: socket.getaddrinfo" in out.stderr


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    build_demo_home(folder, running_firefox=False)
    return folder


def test_cli_list_report_clean_restore_stay_offline(home: Path, tmp_path: Path) -> None:
    report = tmp_path / "rapport.html"
    code = f"""
from fkinspect.cli import main
home = {str(home)!r}
codes = [main(["list", "--home", home, "--json"]),
         main(["report", "--home", home, "-o", {str(report)!r}]),
         main(["clean", "--home", home, "--yes", "--json"]),
         main(["restore", "--latest", "--yes", "--json"])]
print("CODES", codes, file=sys.stderr)
"""
    out = _run(code, tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "CODES [0, 0, 0, 0]" in out.stderr
    assert report.is_file()
    assert "network:" not in out.stderr


def test_reading_a_value_stays_offline(home: Path, tmp_path: Path) -> None:
    code = f"""
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan
from fkinspect.values import read_value
from pathlib import Path
scan = run_scan(ScanRequest.for_home(Path({str(home)!r})), load_policy())
item = next(i for i in scan.cookies if i.cookie.name == "SMSESSION")
print(len(read_value(item.cookie)) > 0)
"""
    out = _run(code, tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() == "True"


def test_the_app_stays_offline(tmp_path: Path) -> None:
    code = """
from ui.app import main
sys.exit(main(["--demo", "--smoke-test"]))
"""
    out = _run(code, tmp_path, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    assert out.returncode == 0, out.stderr[-3000:]
    assert "window shown (demo)" in out.stdout
    assert "network:" not in out.stderr
