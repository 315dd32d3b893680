"""Names that are not valid UTF-8 are data: cleaned, journaled and restored exactly.

A session file may hold a lone surrogate ("\\udcff" in valid JSON); an SQLite text
column may hold bytes that are not UTF-8 (SQLite does not check). Every row's bytes
are compared before and after: only the planned rows go, and restore puts them back.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from test_clean_support import AG, WWW, not_running, scan

from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.browsers.mozlz4 import decompress
from fkinspect.clean import (
    JournalState,
    RestoreStatus,
    Status,
    list_journals,
    make_plan,
    restore,
    run_clean,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX byte paths")

LONE = "_pk_ses.1.\udcff"  # what json.loads gives for "_pk_ses.1.\\udcff"


def _session(folder: Path) -> Path:
    path = folder / "firefox" / "abcd1234.default-release" / "sessionstore.jsonlz4"
    write_session_store(path, [
        {"host": WWW, "name": LONE, "path": "/", "value": "secret-1", "originAttributes": {}},
        {"host": WWW, "name": "_pk_id.1.abcd", "path": "/", "value": "secret-2",
         "originAttributes": {}},
        {"host": AG, "name": "SMSESSION", "path": "/", "value": "secret-3",
         "originAttributes": {}},
        {"host": ".example.com", "name": "_x\udc80", "path": "/", "value": "secret-4",
         "originAttributes": {}},
    ])  # fmt: skip
    (path.parent / ".parentlock").touch()
    return path


def _session_cookies(path: Path) -> list[dict[str, Any]]:
    cookies: list[dict[str, Any]] = json.loads(decompress(path.read_bytes()))["cookies"]
    return cookies


def test_lone_surrogate_in_a_session_name_is_cleaned_journaled_and_restored(
    tmp_path: Path,
) -> None:
    path = _session(tmp_path)
    root = tmp_path / "backups"
    before = _session_cookies(path)
    result = run_clean(make_plan(scan(path), check_running=not_running), backup_root=root,
                       check_running=not_running)  # fmt: skip
    (outcome,) = result.stores
    assert outcome.status is Status.DONE, outcome.detail
    assert {c.cookie.name for c in outcome.removed} == {LONE, "_pk_id.1.abcd"}
    assert [c["name"] for c in _session_cookies(path)] == ["SMSESSION", "_x\udc80"]
    (journal,) = list_journals(root)
    assert journal.state is JournalState.DONE
    assert {r.name for r in journal.removed} == {LONE, "_pk_id.1.abcd"}
    assert (journal.folder / "journal.json").read_bytes().isascii()
    undo = restore(result.run, backup_root=root, check_running=not_running)
    assert undo.stores[0].status is RestoreStatus.RESTORED and undo.restored == 2
    after = _session_cookies(path)
    assert sorted(after, key=repr) == sorted(before, key=repr)
