"""A FIFO where a browser's settings file, lock or store should be never hangs a command.

Each command runs as a real process with a timeout: an open() that blocks on
the FIFO fails the test instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fkinspect.safe_open import FileTooLarge, NotRegularFile, read_regular_file
from tests.unit.browsers.test_discovery import (
    chromium_profile,
    firefox_profile,
    firefox_root,
    local_state,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")

REPO = Path(__file__).resolve().parents[2]
PROMPTLY = 30  # seconds; a blocked open() would wait forever


def fkinspect(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "PYTHONDONTWRITEBYTECODE": "1"}  # fmt: skip
    return subprocess.run([sys.executable, "-m", "fkinspect", *args], capture_output=True,
                          text=True, env=env, stdin=subprocess.DEVNULL, timeout=PROMPTLY,
                          cwd=REPO)  # fmt: skip


def listed(tmp_path: Path, home: Path) -> tuple[int, dict[str, Any]]:
    done = fkinspect(tmp_path, "list", "--json", "--home", str(home))
    assert "Traceback" not in done.stderr, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return done.returncode, data


def fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    os.mkfifo(path)
    return path


def by_name(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(s["path"]).name: s for s in data["stores"]}


def chromium_home(home: Path) -> Path:
    root = home / ".config" / "chromium"
    local_state(root, {"Default": "Person 1"}, last_used="Default")
    chromium_profile(root, "Default")
    return root


def firefox_home(home: Path) -> Path:
    root = home / ".mozilla" / "firefox"
    firefox_root(root, [("default-release", "ab12.default-release")],
                 install="ab12.default-release")  # fmt: skip
    firefox_profile(root / "ab12.default-release")
    return root


def test_the_helper_refuses_a_fifo_a_device_a_folder_and_a_huge_file(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "pipe")
    with pytest.raises(NotRegularFile, match=r"not a regular file: a named pipe \(FIFO\)"):
        read_regular_file(pipe, 100)
    with pytest.raises(NotRegularFile, match="a device"):
        read_regular_file(Path("/dev/null"), 100)
    with pytest.raises(IsADirectoryError):
        read_regular_file(tmp_path, 100)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLarge, match="larger than 100 bytes"):
        read_regular_file(big, 100)
    assert read_regular_file(big, 101) == b"x" * 101
    link = tmp_path / "link"
    link.symlink_to(big)
    assert read_regular_file(link, 200) == b"x" * 101  # reading follows a link


def test_local_state_fifo(tmp_path: Path) -> None:
    home = tmp_path / "home"
    root = chromium_home(home)
    fifo(root / "Local State")
    code, data = listed(tmp_path, home)
    stores = by_name(data)
    assert stores["Local State"]["status"] == "unreadable"
    assert "not a regular file" in stores["Local State"]["message"]
    assert stores["Cookies"]["status"] == "ok"  # the profile is still read
    assert code == 4


@pytest.mark.parametrize("name", ["profiles.ini", "installs.ini"])
def test_firefox_ini_fifo(tmp_path: Path, name: str) -> None:
    home = tmp_path / "home"
    root = firefox_home(home)
    fifo(root / name)
    code, data = listed(tmp_path, home)
    stores = by_name(data)
    assert stores[name]["status"] == "unreadable"
    assert "named pipe" in stores[name]["message"]
    assert code == 4


def test_containers_json_fifo(tmp_path: Path) -> None:
    home = tmp_path / "home"
    root = firefox_home(home)
    fifo(root / "ab12.default-release" / "containers.json")
    code, data = listed(tmp_path, home)
    stores = by_name(data)
    assert stores["containers.json"]["status"] == "unreadable"
    assert stores["cookies.sqlite"]["status"] == "ok"
    assert code == 4


def test_parentlock_fifo(tmp_path: Path) -> None:
    home = tmp_path / "home"
    root = firefox_home(home)
    fifo(root / "ab12.default-release" / ".parentlock")
    code, data = listed(tmp_path, home)
    assert [s["status"] for s in data["stores"]] == ["ok"]
    assert code == 0
    dry = fkinspect(tmp_path, "clean", "--dry-run", "--home", str(home))
    assert dry.returncode in (0, 3) and "Traceback" not in dry.stderr


def test_store_argument_fifo(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "Cookies")
    for command in ("list", "clean", "report"):
        extra = ["-o", str(tmp_path / "r.html")] if command == "report" else []
        done = fkinspect(tmp_path, command, "--store", str(pipe), *extra)
        assert done.returncode == 4, (command, done.stderr)
        assert "not a regular file: a named pipe (FIFO)" in done.stderr
        assert "Traceback" not in done.stderr


def test_a_huge_local_state_is_unreadable(tmp_path: Path) -> None:
    home = tmp_path / "home"
    root = chromium_home(home)
    with (root / "Local State").open("ab") as handle:
        handle.truncate(16 * 1024 * 1024 + 1)  # sparse: no 16 MB written
    code, data = listed(tmp_path, home)
    stores = by_name(data)
    assert stores["Local State"]["status"] == "unreadable"
    assert "larger than 16 MB" in stores["Local State"]["message"]
    assert code == 4
