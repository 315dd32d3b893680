"""Restore is idempotent: rows (or session entries) already back count as restored.

A restore killed after its commit and before its journal update leaves the rows
back and the journal saying "done"; the next restore must finish the job, not
refuse them as newer cookies. Only a row that differs from the backed-up one
(the site set the same cookie again) is refused.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from fkinspect.browsers.mozlz4 import decompress
from tests.unit.clean.support import (
    AG,
    ANALYTICS,
    WWW,
    agency_names,
    chromium_store,
    firefox_session_file,
    firefox_store,
    rows,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

# `fkinspect restore ...`, killed by SIGKILL right after a store's commit (or the
# session file's rename), where it would mark the journal restored.
KILLED_AFTER_COMMIT = """
import importlib, os, signal, sys
from fkinspect.clean.journal import JournalState
restore_module = importlib.import_module("fkinspect.clean.restore")
real = restore_module.write_journal
def write_journal(journal):
    if journal.state is JournalState.RESTORED:
        os.kill(os.getpid(), signal.SIGKILL)
    real(journal)
restore_module.write_journal = write_journal
from fkinspect.cli import main
sys.exit(main(sys.argv[1:]))
"""


AGENCY = f"('{WWW}', '{AG}')"  # SQL: the agency's own hosts, not look-alikes


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONDONTWRITEBYTECODE": "1"}


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fkinspect", *args], capture_output=True,
                          text=True, env=_env(tmp_path), stdin=subprocess.DEVNULL,
                          timeout=120)  # fmt: skip


def _json(done: subprocess.CompletedProcess[str], code: int = 0) -> dict[str, Any]:
    assert done.returncode == code, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def _restore_killed_after_commit(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", KILLED_AFTER_COMMIT, "restore", "--latest",
                           "--yes"], capture_output=True, text=True, env=_env(tmp_path),
                          stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip
    assert done.returncode == -signal.SIGKILL, done.stderr


def _states(tmp_path: Path) -> list[str]:
    return [j["state"] for j in _json(_run(tmp_path, "restore", "--list", "--json"))["journals"]]


@pytest.mark.parametrize("family", ["chromium", "firefox"])
def test_restore_killed_after_its_commit_finishes_at_the_next_restore(
    tmp_path: Path, family: str
) -> None:
    path = chromium_store(tmp_path) if family == "chromium" else firefox_store(tmp_path)
    original = rows(path)
    cleaned = _json(_run(tmp_path, "clean", "--store", str(path), "--yes", "--json"))
    removed = cleaned["removed"]
    assert removed >= len(ANALYTICS) and not ANALYTICS & set(agency_names(path))

    _restore_killed_after_commit(tmp_path)
    assert rows(path) == original  # the rows are back...
    assert _states(tmp_path) == ["done"]  # ...but the journal does not know it

    again = _json(_run(tmp_path, "restore", "--latest", "--yes", "--json"))
    (store,) = again["stores"]
    assert store["status"] == "restored" and again["restored"] == removed, store
    assert rows(path) == original  # nothing added twice
    assert _states(tmp_path) == ["restored"]
    last = _run(tmp_path, "restore", "--latest", "--yes")
    assert last.returncode == 0 and "ingen borttagning att ångra" in last.stdout


@pytest.mark.parametrize("family", ["chromium", "firefox"])
def test_rows_partly_back_are_completed_and_a_changed_one_is_refused(
    tmp_path: Path, family: str
) -> None:
    path = chromium_store(tmp_path) if family == "chromium" else firefox_store(tmp_path)
    original = rows(path)
    _json(_run(tmp_path, "clean", "--store", str(path), "--yes", "--json"))
    backup = Path(_json(_run(tmp_path, "restore", "--list", "--json"))["journals"][0]["backup"])
    table, host, created = (("cookies", "host_key", "creation_utc") if family == "chromium"
                            else ("moz_cookies", "host", "creationTime"))  # fmt: skip
    # _pk_ses came back as it was (by a restore that died); _ga was set again since.
    with closing(sqlite3.connect(path)) as con:
        con.execute("ATTACH DATABASE ? AS bak", (str(backup),))
        cols = ", ".join(r[1] for r in con.execute(f"PRAGMA table_info({table})")
                         if r[1] != "id")  # fmt: skip
        for name in ("_pk_ses.1.abcd", "_ga"):
            con.execute(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM bak.{table} "
                        f"WHERE name = ? AND {host} IN {AGENCY}", (name,))
        con.execute(f"UPDATE main.{table} SET {created} = {created} + 1 WHERE name = '_ga' "
                    f"AND {host} IN {AGENCY}")  # fmt: skip
        con.commit()
        con.execute("DETACH DATABASE bak")
    before = path.read_bytes()
    refused = _json(_run(tmp_path, "restore", "--latest", "--yes", "--json"), code=4)
    (store,) = refused["stores"]
    assert store["status"] == "refused_newer" and "_ga" in store["message"]
    assert "_pk_ses" not in store["message"]  # that one is back, not newer
    assert path.read_bytes() == before

    # Once the site's new _ga is gone, the rest comes back, and _pk_ses is not doubled.
    with closing(sqlite3.connect(path)) as con:
        con.execute(f"DELETE FROM {table} WHERE name = '_ga' AND {host} IN {AGENCY}")
        con.commit()
    done = _json(_run(tmp_path, "restore", "--latest", "--yes", "--json"))
    assert done["stores"][0]["status"] == "restored"
    assert rows(path) == original


def _session_cookies(path: Path) -> list[dict[str, Any]]:
    cookies: list[dict[str, Any]] = json.loads(decompress(path.read_bytes()))["cookies"]
    return cookies


def test_session_restore_killed_after_its_rename_finishes_at_the_next_restore(
    tmp_path: Path,
) -> None:
    path = firefox_session_file(tmp_path)
    original = _session_cookies(path)
    _json(_run(tmp_path, "clean", "--store", str(path), "--yes", "--json"))
    assert [c["name"] for c in _session_cookies(path)] == ["SMSESSION"]

    _restore_killed_after_commit(tmp_path)
    assert sorted(_session_cookies(path), key=repr) == sorted(original, key=repr)
    assert _states(tmp_path) == ["done"]
    again = _json(_run(tmp_path, "restore", "--latest", "--yes", "--json"))
    assert again["stores"][0]["status"] == "restored" and again["restored"] == 1
    assert sorted(_session_cookies(path), key=repr) == sorted(original, key=repr)
    assert _states(tmp_path) == ["restored"]
