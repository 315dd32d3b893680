"""A damaged journal is listed as damaged, with why, and never stops a clean or a restore."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fkinspect.clean import (
    DamagedJournal,
    Journal,
    Status,
    list_journals,
    load_journals,
    make_plan,
    prune,
    run_clean,
)
from fkinspect.clean.journal import JOURNAL_NAME, load_journal, parse_journal
from tests.unit.clean.support import (
    ANALYTICS,
    agency_names,
    chromium_store,
    firefox_store,
    not_running,
)
from tests.unit.clean.support import scan as scan_of

DEEP = 5000  # past Python's recursion limit


def _clean(path: Path, root: Path) -> Journal:
    result = run_clean(make_plan(scan_of(path), check_running=not_running),
                       backup_root=root, check_running=not_running)  # fmt: skip
    assert result.stores[0].status is Status.DONE
    (journal,) = [j for j in list_journals(root) if j.run == result.run]
    return journal


def _journal_bytes(tmp_path: Path) -> bytes:
    journal = _clean(chromium_store(tmp_path / "template"), tmp_path / "template-backups")
    return (journal.folder / JOURNAL_NAME).read_bytes()


def _break(record: dict[str, Any], path: tuple[str | int, ...], value: object) -> bytes:
    broken = json.loads(json.dumps(record))
    target = broken
    for step in path[:-1]:
        target = target[step]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return json.dumps(broken).encode("utf-8")


_DELETE = object()

# (name, how the good journal's JSON is changed): each leaves valid JSON of the wrong shape.
WRONG_FIELDS: list[tuple[str, tuple[str | int, ...], object]] = [
    ("format is text", ("format",), "1"),
    ("format is a bool", ("format",), True),
    ("format is unknown", ("format",), 2),
    ("id is missing", ("id",), _DELETE),
    ("run is a number", ("run",), 5),
    ("created is a number", ("created",), 5),
    ("created is not a time", ("created",), "yesterday"),
    ("state is unknown", ("state",), "gone"),
    ("store is a list", ("store",), []),
    ("store path is null", ("store", "path"), None),
    ("store path is empty", ("store", "path"), ""),
    ("store path holds NUL", ("store", "path"), "/tmp/a\u0000b"),
    ("store format is unknown", ("store", "format"), "opera_binary"),
    ("key_columns is text", ("store", "key_columns"), "name"),
    ("key_columns holds a number", ("store", "key_columns", 0), 3),
    ("browser is null", ("browser",), None),
    ("family is unknown", ("browser", "family"), "netscape"),
    ("profile name is a list", ("profile", "name"), ["a"]),
    ("profile directory is a dict", ("profile", "directory"), {}),
    ("backup is a path out of the folder", ("backup",), "../../Cookies"),
    ("backup is empty", ("backup",), ""),
    ("counts is text", ("counts",), "5"),
    ("counts before is a float", ("counts", "before"), 5.5),
    ("counts do not add up", ("counts", "removed"), 99),
    ("removed is an object", ("removed",), {}),
    ("a removed row is null", ("removed", 0), None),
    ("rowid is text", ("removed", 0, "rowid"), "1"),
    ("rowid is a bool", ("removed", 0, "rowid"), True),
    ("key is an object", ("removed", 0, "key"), {"a": 1}),
    ("key is short", ("removed", 0, "key"), ["x"]),
    ("key value is a list", ("removed", 0, "key", 0), ["x"]),
    ("key value is a bool", ("removed", 0, "key", 0), False),
    ("key blob is not hex", ("removed", 0, "key", 0), {"blob": "zz"}),
    ("key object is not a blob", ("removed", 0, "key", 0), {"text": "x"}),
    ("name is a number", ("removed", 0, "name"), 1),
    ("host is missing", ("removed", 0, "host"), _DELETE),
]


def _damaged_variants(good: bytes) -> dict[str, bytes]:
    record = json.loads(good)
    variants = {
        "top level null": b"null",
        "top level list": b"[1, 2]",
        "top level text": b'"journal"',
        "top level number": b"42",
        "empty file": b"",
        "nested lists": b"[" * DEEP + b"]" * DEEP,
        "nested objects": b'{"a":' * DEEP + b"1" + b"}" * DEEP,
        "nested inside the record": _break(record, ("removed", 0, "key", 0),
                                           "NEST").replace(b'"NEST"', b"[" * DEEP + b"]" * DEEP),
        "truncated": good[: len(good) // 2],
        "not UTF-8": good.replace(b'"_', b'"\xff_', 1),
        "duplicate row": _break(record, ("removed", 1), record["removed"][0]),
    }  # fmt: skip
    for name, path, value in WRONG_FIELDS:
        variants[name] = _break(record, path, value)
    return variants


def _plant(root: Path, name: str, data: bytes) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / JOURNAL_NAME).write_bytes(data)
    (folder / "Cookies").write_bytes(b"")
    return folder


def test_every_kind_of_damage_is_a_reason_never_an_exception(tmp_path: Path) -> None:
    good = _journal_bytes(tmp_path)
    root = tmp_path / "backups"
    variants = _damaged_variants(good)
    assert len(variants) > 40
    for n, (name, data) in enumerate(variants.items()):
        folder = _plant(root, f"20250101T0000000000{n:02d}Z-chromium-Default", data)
        found = load_journal(folder)
        assert isinstance(found, DamagedJournal), name
        assert found.reason and found.id == folder.name and found.folder == folder, name
        assert found.run == f"20250101T0000000000{n:02d}Z"
    usable, damaged = load_journals(root)
    assert usable == [] and len(damaged) == len(variants)
    assert list_journals(root) == []
    # The good journal itself still loads.
    assert isinstance(load_journal(_plant(root, "good", good)), Journal)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
        lambda inner: st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["format", "id", "store", "removed", "key", "path", "x"]),
            inner,
            max_size=5,
        ),
        max_leaves=20,
    )
)
def test_any_json_is_a_journal_or_a_reason(data: object) -> None:
    folder = Path("/nonexistent/20250101T000000000000Z-x")
    try:
        parse_journal(data, folder)
    except Exception as exc:  # the checks' own exception carries the reason
        assert type(exc).__name__ == "_Damaged" and str(exc)


# ------------------------------------------------------------------ as a user sees it


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "fkinspect", *args], capture_output=True,
                          text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip


def test_damaged_journals_are_listed_and_skipped_by_clean_and_restore(tmp_path: Path) -> None:
    root = tmp_path / "data" / "fkinspect" / "backups"
    variants = _damaged_variants(_journal_bytes(tmp_path))
    chrome = chromium_store(tmp_path / "home")
    fox = firefox_store(tmp_path / "home")
    first = _run(tmp_path, "clean", "--store", str(chrome), "--yes", "--json")
    assert first.returncode == 0, first.stderr
    run = json.loads(first.stdout)["run"]
    for n, data in enumerate(variants.values()):
        _plant(root, f"20990101T0000000000{n:02d}Z-chromium-Default", data)

    # A clean goes through and says its run id, though prune reads every journal after it.
    second = _run(tmp_path, "clean", "--store", str(fox), "--yes")
    assert second.returncode == 0, second.stderr
    assert "Traceback" not in second.stderr
    assert "Ångra med: fkinspect restore " in second.stdout
    assert not ANALYTICS & set(agency_names(fox))

    listed = _run(tmp_path, "restore", "--list", "--json")
    assert listed.returncode == 0, listed.stderr
    journals = json.loads(listed.stdout)["journals"]
    states = [j["state"] for j in journals]
    assert states.count("done") == 2 and states.count("damaged") == len(variants)
    for record in journals:
        if record["state"] == "damaged":
            assert record["reason"] and record["browser"] is None and record["removed"] is None
        else:
            assert record["reason"] == ""
    human = _run(tmp_path, "restore", "--list")
    assert human.returncode == 0
    assert human.stdout.count("är skadad och hoppas över") == len(variants)

    # --latest undoes the newest good clean (the Firefox one), then the Chromium one by id.
    latest = _run(tmp_path, "restore", "--latest", "--yes", "--json")
    assert latest.returncode == 0, latest.stderr
    assert json.loads(latest.stdout)["restored"] == len(ANALYTICS) + 1  # + the container twin
    assert set(agency_names(fox)) >= ANALYTICS
    by_id = _run(tmp_path, "restore", run, "--yes")
    assert by_id.returncode == 0, by_id.stderr
    assert set(agency_names(chrome)) >= ANALYTICS


def test_restoring_a_damaged_journal_by_its_id_names_it(tmp_path: Path) -> None:
    root = tmp_path / "data" / "fkinspect" / "backups"
    folder = _plant(root, "20990101T000000000000Z-chromium-Default", b"null")
    done = _run(tmp_path, "restore", folder.name, "--yes", "--json")
    assert done.returncode == 4, done.stderr
    (store,) = json.loads(done.stdout)["stores"]
    assert store["status"] == "failed" and store["journal"] == folder.name
    assert "skadad" in store["message"] and store["detail"]
    human = _run(tmp_path, "restore", "20990101T000000000000Z", "--yes")
    assert human.returncode == 4 and "skadad" in human.stdout


def test_prune_drops_a_damaged_journal_by_age_only(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    old = _plant(root, "old", b"null")
    new = _plant(root, "new", b"[]")
    then = (datetime.now(UTC) - timedelta(days=40)).timestamp()
    os.utime(old, (then, then))
    assert prune(root) == [old]
    assert not old.exists() and new.exists()


def test_a_journal_that_would_not_read_back_exactly_is_not_written(tmp_path: Path) -> None:
    from dataclasses import replace

    from fkinspect.clean.journal import JournalUnwritable, RemovedRow, encode_journal

    journal = _clean(chromium_store(tmp_path), tmp_path / "backups")
    row = journal.removed[0]
    # Lone surrogates and BLOB keys read back as they were...
    odd = replace(journal, removed=(RemovedRow(row.rowid, (b"\xff", "a\udcff", 3, None, 1.5),
                                               "n\udcff", "h"),),
                  key_columns=("a", "b", "c", "d", "e"), rows_before=1)  # fmt: skip
    data = encode_journal(odd)
    assert data.isascii()
    assert parse_journal(json.loads(data), journal.folder) == odd
    # ...but two surrogates that JSON reads back as one character would not.
    pair = replace(odd, removed=(replace(odd.removed[0], name="\ud83d\ude00"),))
    with pytest.raises(JournalUnwritable):
        encode_journal(pair)
