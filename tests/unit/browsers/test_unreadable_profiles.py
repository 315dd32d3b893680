"""Folders and settings files that cannot be read are listed as unreadable, never left out.

`chmod 000` denies nothing to root, so when the tests run as root the command
runs as `nobody` (setpriv) on a home that nobody owns.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.unit.browsers.test_discovery import (
    chromium_profile,
    containers_v5,
    firefox_profile,
    firefox_root,
    local_state,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
REPO = Path(__file__).resolve().parents[3]
NOBODY = 65534


@pytest.fixture
def home() -> Iterator[Path]:
    """A home with Chromium (two profiles) and Firefox (two profiles, one with containers)."""
    folder = Path(tempfile.mkdtemp(prefix="fkinspect-unreadable-"))  # nobody must reach it
    home = folder / "anna"
    chromium = home / ".config" / "chromium"
    local_state(chromium, {"Default": "Person 1", "Profile 1": "Arbete"}, last_used="Default")
    chromium_profile(chromium, "Default")
    chromium_profile(chromium, "Profile 1")
    firefox = home / ".mozilla" / "firefox"
    firefox_root(firefox, [("default-release", "ab.default-release"), ("work", "cd.work")],
                 install="ab.default-release")  # fmt: skip
    containers_v5(firefox_profile(firefox / "ab.default-release"))
    firefox_profile(firefox / "cd.work")
    try:
        yield home
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder)


def as_owner(home: Path) -> list[str]:
    """The command prefix that runs as the home's owner, for whom chmod 000 denies."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root and setpriv is missing: cannot be denied a folder")
    for path in [home.parent, *home.parent.rglob("*")]:
        os.lchown(path, NOBODY, NOBODY)
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def listed(home: Path, denied: Path) -> tuple[int, dict[str, dict[str, Any]]]:
    prefix = as_owner(home)
    denied.chmod(0)
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".data"),
           "XDG_STATE_HOME": str(home / ".state"), "PYTHONDONTWRITEBYTECODE": "1"}  # fmt: skip
    done = subprocess.run([*prefix, sys.executable, "-m", "fkinspect", "list", "--json",
                           "--home", str(home)], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=60, stdin=subprocess.DEVNULL)  # fmt: skip
    assert "Traceback" not in done.stderr, done.stderr
    stores = json.loads(done.stdout)["stores"]
    return done.returncode, {str(Path(s["path"]).relative_to(home)): s for s in stores}


CHROMIUM, FIREFOX = ".config/chromium", ".mozilla/firefox"
EVERY_STORE = {f"{CHROMIUM}/Default/Cookies", f"{CHROMIUM}/Profile 1/Cookies",
               f"{FIREFOX}/ab.default-release/cookies.sqlite", f"{FIREFOX}/cd.work/cookies.sqlite"}


@pytest.mark.parametrize(("denied", "message"), [
    (f"{CHROMIUM}/Profile 1", "The profile folder cannot be read (permission denied)."),
    (CHROMIUM, "The browser's folder cannot be read (permission denied); its profiles are "
               "unknown."),
    (f"{CHROMIUM}/Local State", "Local State cannot be read (permission denied); the profiles' "
                                "names and which one is the default are unknown."),
    (FIREFOX, "The browser's folder cannot be read (permission denied); its profiles are "
              "unknown."),
    (f"{FIREFOX}/profiles.ini", "profiles.ini cannot be read (permission denied); the profiles "
                                "it lists are unknown."),
    (f"{FIREFOX}/installs.ini", "installs.ini cannot be read (permission denied); which profile "
                                "each install uses is unknown."),
    (f"{FIREFOX}/cd.work", "The profile folder cannot be read (permission denied)."),
    (f"{FIREFOX}/ab.default-release/containers.json", "containers.json cannot be read "
     "(permission denied); the containers' names are unknown."),
])  # fmt: skip
def test_an_unreadable_folder_or_settings_file_is_listed(home: Path, denied: str,
                                                         message: str) -> None:
    code, stores = listed(home, home / denied)
    assert stores[denied]["status"] == "unreadable"
    assert stores[denied]["message"] == message
    assert code == 4  # a store could not be read
    # Everything that can still be read is read.
    hidden = {s for s in EVERY_STORE if s.startswith(denied + "/")}
    if denied.endswith("profiles.ini"):
        hidden = {s for s in EVERY_STORE if s.startswith(FIREFOX)}
    readable = {path for path, store in stores.items() if store["status"] == "ok"}
    assert readable == EVERY_STORE - hidden
