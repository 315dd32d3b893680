"""Temporary copies of a store hold every value: private, and never left behind.

A store is copied when it cannot be read in place (a write-ahead log, a lock, the
browser running). SIGKILL during `list` used to leave the copy in $TMPDIR, mode 0644,
for good. Copies are now 0600 in 0700 folders under `$TMPDIR/fkinspect-<uid>/`,
removed at the end of the run (SIGTERM included), and a killed run's folder is
removed by the next run.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fkinspect.synth import SynthCookie, write_firefox_store
from fkinspect.tempcopy import copy_private
from tests.unit.children import holding_lock

LATER = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30)
ROWS = 10_000  # enough agency rows that the read of the copy takes a while


def _big_firefox_store(folder: Path) -> Path:
    """A real cookies.sqlite with ROWS analytics cookies (hostile in size, but valid)."""
    path = folder / "abcd1234.default-release" / "cookies.sqlite"
    write_firefox_store(path, [SynthCookie(".forsakringskassan.se", "_pk_id.1.abcd",
                                           "secret-value", expires=LATER)])
    with closing(sqlite3.connect(path)) as con:
        columns = ", ".join(r[1] for r in con.execute("PRAGMA table_info(moz_cookies)")
                            if r[1] not in ("id", "name"))
        con.execute(f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                    f"WHERE i < {ROWS}) INSERT INTO moz_cookies (name, {columns}) "
                    f"SELECT '_pk_id.1.' || i, {columns} FROM moz_cookies, n")
        con.commit()
    (path.parent / ".parentlock").touch()
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    """The big store, with Firefox's profile lock held: reading it needs a copy."""
    path = _big_firefox_store(tmp_path / "firefox")
    with holding_lock(path.parent / ".parentlock"):
        yield path


def _env(tmp_path: Path) -> dict[str, str]:
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(temp), "XDG_STATE_HOME": str(tmp_path / "state")}


def _start_list(tmp_path: Path, store: Path) -> subprocess.Popen[bytes]:
    code = ("import os, sys\nos.umask(0)\nfrom fkinspect.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    return subprocess.Popen([sys.executable, "-c", code, "list", "--store", str(store),
                             "--json"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=_env(tmp_path))


def _wait_for_copy(tmp_path: Path, proc: subprocess.Popen[bytes]) -> Path:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = [p for p in (tmp_path / "tmp").rglob("cookies.sqlite") if p.stat().st_size]
        if found:
            return found[0]
        assert proc.poll() is None, "the run ended before its copy was seen"
        time.sleep(0.002)
    raise AssertionError("no copy appeared")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_killed_list_leaves_a_private_copy_that_the_next_run_removes(
        tmp_path: Path, store: Path) -> None:
    proc = _start_list(tmp_path, store)
    copy = _wait_for_copy(tmp_path, proc)
    try:
        temp = tmp_path / "tmp"
        assert _mode(copy) == 0o600, "a copy of the store holds every value"
        for folder in copy.relative_to(temp).parents:
            if folder != Path("."):
                assert _mode(temp / folder) == 0o700, folder
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
    assert copy.exists()  # nothing runs after SIGKILL: what the next run is for
    run = copy.parent.parent
    next_run = subprocess.run([sys.executable, "-m", "fkinspect", "policy"],
                              capture_output=True, env=_env(tmp_path), timeout=60)
    assert next_run.returncode == 0, next_run.stderr
    assert not run.exists()
    assert list((tmp_path / "tmp").rglob("cookies.sqlite*")) == []


def test_sigterm_ends_the_run_and_its_copies_go(tmp_path: Path, store: Path) -> None:
    proc = _start_list(tmp_path, store)
    copy = _wait_for_copy(tmp_path, proc)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in err
    assert not copy.exists() and not copy.parent.parent.exists()
    assert [p.name for p in (tmp_path / "tmp").iterdir()] == [f"fkinspect-{os.getuid()}"]


def test_a_finished_list_leaves_nothing(tmp_path: Path, store: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "fkinspect", "list", "--store", str(store),
                           "--json"], capture_output=True, env=_env(tmp_path), timeout=120)
    assert done.returncode == 0, done.stderr
    assert b'"method": "copy"' in done.stdout
    assert [p for p in (tmp_path / "tmp").rglob("*") if not p.is_dir()] == []


def test_another_users_temp_folder_is_not_used(tmp_path: Path) -> None:
    """A link planted at $TMPDIR/fkinspect-<uid>: copies go elsewhere, nothing into it."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _env(tmp_path)
    (tmp_path / "tmp" / f"fkinspect-{os.getuid()}").symlink_to(elsewhere)
    path = _big_firefox_store(tmp_path / "firefox")
    with holding_lock(path.parent / ".parentlock"):
        done = subprocess.run([sys.executable, "-m", "fkinspect", "list", "--store",
                               str(path), "--json"], capture_output=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert b'"method": "copy"' in done.stdout and b"not a folder" in done.stderr
    assert list(elsewhere.iterdir()) == []


def test_copy_private_is_0600_under_any_umask_and_refuses_a_fifo(tmp_path: Path) -> None:
    source = tmp_path / "Cookies"
    source.write_bytes(b"SQLite format 3\x00" + b"x" * 5000)
    old = os.umask(0)
    try:
        copy_private(source, tmp_path / "copy")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "copy") == 0o600
    assert (tmp_path / "copy").read_bytes() == source.read_bytes()
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(OSError, match="not a regular file"):
        copy_private(tmp_path / "fifo", tmp_path / "copy2")  # at once, never blocks
