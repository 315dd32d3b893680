"""Folders fkinspect makes are the user's alone, and backups it did not make are not used.

Under `umask 000` the data and log folders used to come out 0777: another local user
could then plant a backup and journal that `restore --latest --yes` put into the
victim's browser. Every folder is now made 0700 explicitly, and a backup folder that
another user owns or can write is skipped with a warning.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fkinspect.clean import list_journals, prune
from fkinspect.clean.journal import JOURNAL_NAME
from fkinspect.private import check_private, private_folder
from tests.unit.clean.support import ANALYTICS, agency_names, chromium_store

OTHER_UID = 65534  # nobody
as_root = pytest.mark.skipif(getattr(os, "geteuid", lambda: -1)() != 0,
                             reason="giving a file to another user needs root")


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_STATE_HOME": str(tmp_path / "state"), "PYTHONDONTWRITEBYTECODE": "1"}


def _run(tmp_path: Path, *args: str, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    code = ("import os, sys\n"
            f"if {umask!r} is not None: os.umask({umask!r})\n"
            "from fkinspect.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=_env(tmp_path), stdin=subprocess.DEVNULL, timeout=120)


def _json(done: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(done.stdout)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _backups(tmp_path: Path) -> Path:
    return tmp_path / "data" / "fkinspect" / "backups"


def test_every_folder_is_private_under_umask_000(tmp_path: Path) -> None:
    chrome = chromium_store(tmp_path)
    done = _run(tmp_path, "clean", "--store", str(chrome), "--yes", umask=0)
    assert done.returncode == 0, done.stderr
    backups = _backups(tmp_path)
    (folder,) = backups.iterdir()
    for made in (tmp_path / "data", tmp_path / "data" / "fkinspect", backups, folder,
                 tmp_path / "state", tmp_path / "state" / "fkinspect",
                 tmp_path / "state" / "fkinspect" / "log"):
        assert _mode(made) == 0o700, made
    files = [*folder.iterdir(), tmp_path / "state" / "fkinspect" / "log" / "fkinspect.log"]
    assert {f.name for f in folder.iterdir()} == {"Cookies", JOURNAL_NAME}
    for file in files:
        assert _mode(file) == 0o600, file


def test_private_folder_makes_missing_parents_0700_and_leaves_existing_ones(
        tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        (tmp_path / "there").mkdir(mode=0o755)
        made = private_folder(tmp_path / "there" / "a" / "b" / "c")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "there") == 0o755  # not fkinspect's: left as it was
    for folder in (made.parent.parent, made.parent, made):
        assert _mode(folder) == 0o700
    with pytest.raises(NotADirectoryError):
        (tmp_path / "file").write_text("x")
        private_folder(tmp_path / "file")
    assert _mode(tmp_path / "file") != 0o700  # a file in the way is not chmod-ed


def _clean(tmp_path: Path) -> tuple[Path, Path]:
    chrome = chromium_store(tmp_path)
    done = _run(tmp_path, "clean", "--store", str(chrome), "--yes")
    assert done.returncode == 0, done.stderr
    (folder,) = _backups(tmp_path).iterdir()
    return chrome, folder


def test_a_journal_folder_others_can_write_is_skipped_then_trusted_again(
        tmp_path: Path) -> None:
    chrome, folder = _clean(tmp_path)
    cleaned = chrome.read_bytes()
    folder.chmod(0o777)
    listed = _run(tmp_path, "restore", "--list", "--json")
    assert listed.returncode == 0 and _json(listed) == {"journals": []}
    assert "not trusted" in listed.stderr and "writable by other users" in listed.stderr
    human = _run(tmp_path, "restore", "--list")
    assert human.returncode == 0 and "not trusted" in human.stderr
    latest = _run(tmp_path, "restore", "--latest", "--yes")
    assert latest.returncode == 0 and "ingen borttagning att ångra" in latest.stdout
    assert chrome.read_bytes() == cleaned
    by_id = _run(tmp_path, "restore", folder.name, "--yes")
    assert by_id.returncode == 1 and chrome.read_bytes() == cleaned
    folder.chmod(0o700)  # the user's own again: the undo works
    back = _run(tmp_path, "restore", "--latest", "--yes", "--json")
    assert back.returncode == 0 and _json(back)["restored"] == len(ANALYTICS)
    assert set(agency_names(chrome)) >= ANALYTICS


def _plant(folder: Path, name: str) -> Path:
    """Another user's copy of a real journal folder, newer, under a run id of its own."""
    planted = folder.parent / name
    shutil.copytree(folder, planted)
    data = json.loads((planted / JOURNAL_NAME).read_text("utf-8"))
    later = datetime.now(UTC) + timedelta(minutes=5)
    data.update(id=name, run=name[:22], created=later.strftime("%Y-%m-%dT%H:%M:%S.%fZ"))
    (planted / JOURNAL_NAME).write_text(json.dumps(data), encoding="utf-8")
    return planted


@as_root
def test_a_planted_journal_of_another_user_is_never_restored(tmp_path: Path) -> None:
    chrome, folder = _clean(tmp_path)
    cleaned = chrome.read_bytes()
    planted = _plant(folder, "29991231T000000000000Z-chromium-Default")
    for item in (planted, *planted.iterdir()):
        os.chown(item, OTHER_UID, OTHER_UID)
    listed = _run(tmp_path, "restore", "--list", "--json")
    assert [j["id"] for j in _json(listed)["journals"]] == [folder.name]
    assert f"belongs to another user (uid {OTHER_UID})" in listed.stderr
    refused = _run(tmp_path, "restore", "29991231T000000000000Z", "--yes")
    assert refused.returncode == 1 and chrome.read_bytes() == cleaned
    back = _run(tmp_path, "restore", "--latest", "--yes", "--json")
    assert back.returncode == 0, back.stderr
    assert [s["journal"] for s in _json(back)["stores"]] == [folder.name]
    assert json.loads((planted / JOURNAL_NAME).read_text("utf-8"))["state"] == "done"


@as_root
def test_a_backup_file_of_another_user_makes_its_folder_untrusted(tmp_path: Path) -> None:
    chrome, folder = _clean(tmp_path)
    cleaned = chrome.read_bytes()
    os.chown(folder / "Cookies", OTHER_UID, OTHER_UID)  # the journal is still the user's
    assert list_journals(_backups(tmp_path)) == []
    back = _run(tmp_path, "restore", "--latest", "--yes")
    assert back.returncode == 0 and chrome.read_bytes() == cleaned
    assert "Cookies belongs to another user" in back.stderr


def test_a_backup_root_others_can_write_trusts_nothing_and_prune_removes_nothing(
        tmp_path: Path) -> None:
    _chrome, folder = _clean(tmp_path)
    root = _backups(tmp_path)
    stale = root / "killed-during-backup"
    stale.mkdir()
    long_ago = (datetime.now(UTC) - timedelta(days=90)).timestamp()
    os.utime(stale, (long_ago, long_ago))
    root.chmod(0o770)
    assert list_journals(root) == []
    assert prune(root, now=datetime.now(UTC) + timedelta(days=365)) == []
    assert folder.exists() and stale.exists()
    root.chmod(0o700)
    assert set(prune(root, now=datetime.now(UTC) + timedelta(days=365))) == {folder, stale}
    assert not stale.exists() and not folder.exists()


def test_check_private_says_why(tmp_path: Path) -> None:
    root = private_folder(tmp_path / "root")
    inner = private_folder(root / "a")
    (inner / "f").write_text("x")
    (inner / "f").chmod(0o600)
    assert check_private(inner / "f", root) is None
    (inner / "f").chmod(0o620)
    why = check_private(inner / "f", root)
    assert why == f"{inner / 'f'} is writable by other users (mode 0620)"
    (inner / "f").chmod(0o600)
    inner.chmod(0o702)
    assert "writable by other users" in (check_private(inner / "f", root) or "")
    inner.chmod(0o700)
    assert os.strerror(errno.ENOENT) in (check_private(inner / "gone", root) or "")


@as_root
def test_no_backup_goes_into_another_users_folder(tmp_path: Path) -> None:
    chrome = chromium_store(tmp_path)
    before = chrome.read_bytes()
    root = _backups(tmp_path)
    root.mkdir(parents=True)
    os.chown(root, OTHER_UID, OTHER_UID)
    done = _run(tmp_path, "clean", "--store", str(chrome), "--yes", "--json")
    assert done.returncode == 4, done.stderr
    (store,) = _json(done)["stores"]
    assert store["status"] == "failed" and "belongs to another user" in store["detail"]
    assert chrome.read_bytes() == before and list(root.iterdir()) == []
