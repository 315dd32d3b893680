"""SIGKILL a clean of Firefox's session file at every step: the old file or the exact new one.

A child cleans a session file of a few thousand cookies (a few hundred of
them analytics) and reports each step before it runs; the parent kills it
while it waits at a step, or a short random time after a step began. The
file must then read as a session store holding either every original entry
or exactly the original minus the planned ones, with every other field as it
was; a backup under its final name is the original bytes; and restore brings
the original entries back.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from fault_support import clean_and_kill

from fkinspect.browsers.mozlz4 import compress, decompress
from fkinspect.clean import JournalState, RestoreStatus, Step, list_journals, restore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]

STEPS = [s.value for s in Step if s is not Step.LOCK]  # a session file takes no lock
RNG = random.Random(20250212)
CASES = (
    [(s, None) for s in STEPS]  # killed while waiting at the step: 7
    + [(s, RNG.uniform(0, 0.004)) for s in STEPS for _ in "ab"]  # 14
    + [(None, RNG.uniform(0.15, 0.5)) for _ in range(4)]
)  # 25 runs
WWW = "www.forsakringskassan.se"


def _state() -> dict[str, Any]:
    cookies = []
    for i in range(3000):
        host = WWW if i % 2 else f"site{i}.example.com"
        name = f"_pk_ses.{i}.abcd" if i % 10 == 1 else f"c{i}"
        cookies.append({"host": host, "value": f"v{i}" * 8, "path": "/", "name": name,
                        "originAttributes": {"userContextId": i % 3}})  # fmt: skip
    return {
        "version": ["sessionrestore", 1],
        "windows": [{"tabs": [{"entries": [{"url": f"https://{WWW}/", "title": "x" * 50}]}]}],
        "session": {"lastUpdate": 1},
        "cookies": cookies,
    }


def _entry_id(c: dict[str, Any]) -> str:
    return json.dumps(c, sort_keys=True)


@pytest.mark.parametrize(("step", "delay"), CASES)
def test_kill_leaves_the_old_file_or_the_exact_new_one(
    tmp_path: Path, step: str | None, delay: float | None
) -> None:
    profile = tmp_path / "firefox" / "x.default"
    profile.mkdir(parents=True)
    (profile / ".parentlock").touch()
    path = profile / "sessionstore.jsonlz4"
    original = _state()
    original_bytes = compress(json.dumps(original, separators=(",", ":")).encode())
    path.write_bytes(original_bytes)
    cleaned = {
        **original,
        "cookies": [c for c in original["cookies"] if not c["name"].startswith("_pk_ses.")],
    }
    root = tmp_path / "backups"
    seen = clean_and_kill(path, root, step, delay)
    if step is not None:
        assert step in seen

    now = json.loads(decompress(path.read_bytes()))
    assert now in (original, cleaned), f"neither the old nor the exact new file after {seen}"
    if Step.COMMIT.value not in seen:
        assert now == original
    journals = list_journals(root)
    for folder in root.glob("*") if root.exists() else ():
        backup = folder / path.name
        if backup.exists():  # under its final name: the complete original
            assert backup.read_bytes() == original_bytes
        if (folder / "journal.json").exists():
            assert backup.exists()  # a journal only after its backup
    for journal in journals:
        assert journal.state in (JournalState.PENDING, JournalState.DONE)
        if journal.state is JournalState.DONE:
            assert now == cleaned

    # Undo after the kill: the file ends as it began (entries may be in another order).
    if journals:
        back = restore(journals[0].run, backup_root=root, check_running=lambda _p: None)
        expect = RestoreStatus.NOTHING if now == original else RestoreStatus.RESTORED
        assert back.stores[0].status is expect, back.stores[0].detail
        final = json.loads(decompress(path.read_bytes()))
        assert sorted(map(_entry_id, final["cookies"])) == sorted(
            map(_entry_id, original["cookies"])
        )
        assert {k: v for k, v in final.items() if k != "cookies"} == {
            k: v for k, v in original.items() if k != "cookies"
        }
    else:
        assert now == original
