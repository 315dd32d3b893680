"""The commands on homes, folders and cookies whose names are not UTF-8, as a user runs them.

Linux lets a file name be any bytes; a program that copied a profile may leave one.
Each command must read such stores, say what it did in valid JSON or readable text
under any locale, write its log, and clean and restore them exactly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fkinspect.logs import close_logging, logger, setup_logging
from fkinspect.synth import SynthCookie, write_chromium_store, write_firefox_store
from tests.unit.clean.support import ANALYTICS, firefox_store, mixed_cookies
from tests.unit.clean.test_non_utf8 import BAD_NAME, LONE, _add_raw_rows, _session, raw_rows

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="byte file names")

LATER = datetime.now(UTC) + timedelta(days=30)
PROFILE_FF = os.fsdecode(b"Profile \xff")  # what Python makes of the folder's name
LOCALES: list[dict[str, str]] = [
    {"LC_ALL": "C"},  # Python's UTF-8 mode: stdout would pass the raw byte on
    {"LC_ALL": "C.UTF-8"},
    {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "ascii"},  # a terminal that is not UTF-8
]


def _run(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    full = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    full.update({"XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONDONTWRITEBYTECODE": "1",
                 "XDG_STATE_HOME": str(tmp_path / "state"), **(env or {})})  # fmt: skip
    return subprocess.run([sys.executable, "-m", "fkinspect", *args], capture_output=True,
                          env=full, stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip


def _ok(done: subprocess.CompletedProcess[bytes], code: int = 0) -> str:
    """stdout as text, after checking the command ended as it should and wrote valid UTF-8."""
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == code, err
    assert b"Traceback" not in done.stderr, err
    return done.stdout.decode("utf-8")  # strict: never a raw byte of a name


def _json(done: subprocess.CompletedProcess[bytes], code: int = 0) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_ok(done, code))
    return data


def _chromium_root(home: Path) -> Path:
    root = home / ".config" / "chromium"
    for profile in ("Default", PROFILE_FF):
        write_chromium_store(root / profile / "Cookies",
                             [SynthCookie("www.forsakringskassan.se", "_pk_id.1.ab", expires=LATER),
                              SynthCookie("www.forsakringskassan.se", "JSESSIONID",
                                          expires=LATER)])  # fmt: skip
    return root


@pytest.mark.parametrize("locale", LOCALES, ids=["C", "C.UTF-8", "ascii"])
def test_a_profile_folder_that_is_not_utf8_reads_reports_and_plans(
    tmp_path: Path, locale: dict[str, str]
) -> None:
    home = tmp_path / "home"
    _chromium_root(home)
    listed = _json(_run(tmp_path, "list", "--home", str(home), "--json", env=locale))
    assert [s["status"] for s in listed["stores"]] == ["ok", "ok"]
    assert {s["profile"] for s in listed["stores"]} == {"Default", PROFILE_FF}
    assert len(listed["cookies"]) == 4
    text = _ok(_run(tmp_path, "list", "--home", str(home), env=locale))
    assert "Profile \\udcff" in text

    for fmt in ("json", "csv", "html"):
        shown = _ok(_run(tmp_path, "report", "--home", str(home), "-o", "-", "--format", fmt,
                         env=locale))  # fmt: skip
        assert "Profile \\udcff" in shown
        out = tmp_path / f"report.{fmt}"
        _ok(_run(tmp_path, "report", "--home", str(home), "-o", str(out), env=locale))
        written = out.read_bytes().decode("utf-8-sig")
        assert "Profile \\udcff" in written
        if fmt == "json":
            assert PROFILE_FF in {s["profile"] for s in json.loads(written)["stores"]}

    plan = _json(_run(tmp_path, "clean", "--home", str(home), "--dry-run", "--json", env=locale))
    assert plan["dry_run"] and [s["status"] for s in plan["stores"]] == ["would_remove"] * 2
    assert "Profile \\udcff" in _ok(_run(tmp_path, "clean", "--home", str(home), "--dry-run",
                                         env=locale))  # fmt: skip
    log = (tmp_path / "state" / "fkinspect" / "log" / "fkinspect.log").read_bytes()
    assert b"Profile \\udcff/Cookies: ok, 2 cookies" in log


def test_a_home_that_is_not_utf8_is_read_cleaned_and_restored(tmp_path: Path) -> None:
    home = tmp_path / os.fsdecode(b"home\xff\xfe")
    chrome = home / ".config" / "chromium" / "Default" / "Cookies"
    write_chromium_store(chrome, mixed_cookies(chromium=True))
    _add_raw_rows(chrome)  # and a cookie named in bytes that are not UTF-8
    firefox = home / ".mozilla" / "firefox"
    write_firefox_store(firefox / "abcd.default-release" / "cookies.sqlite",
                        mixed_cookies(chromium=False))  # fmt: skip
    (firefox / "profiles.ini").write_text(
        "[Profile0]\nName=default-release\nIsRelative=1\nPath=abcd.default-release\nDefault=1\n\n"
        "[General]\nStartWithLastProfile=1\nVersion=2\n", encoding="utf-8")
    stores = [chrome, firefox / "abcd.default-release" / "cookies.sqlite"]
    before = {path: raw_rows(path) for path in stores}

    listed = _json(_run(tmp_path, "list", "--home", str(home), "--json"))
    assert [s["status"] for s in listed["stores"]] == ["ok", "ok"]
    names = {c["name"] for c in listed["cookies"]}
    assert BAD_NAME.decode("utf-8", "surrogateescape") in names

    done = _json(_run(tmp_path, "clean", "--home", str(home), "--yes", "--json"))
    assert [s["status"] for s in done["stores"]] == ["done", "done"]
    removed = {c["name"] for s in done["stores"] for c in s["cookies"]}
    assert removed == ANALYTICS | {BAD_NAME.decode("utf-8", "surrogateescape")}
    assert done["removed"] == sum(s["removed"] for s in done["stores"]) and done["run"]
    for path in stores:
        gone = [r for r in before[path] if r not in raw_rows(path)]
        assert len(gone) == next(s["removed"] for s in done["stores"]
                                 if s["path"].endswith(path.name))  # fmt: skip
        assert [r for r in before[path] if r not in gone] == raw_rows(path)

    back = _json(_run(tmp_path, "restore", "--latest", "--yes", "--json"))
    assert back["restored"] == done["removed"]
    for path in stores:
        cut = 2 if path.name == "cookies.sqlite" else 1  # without the row id (and Firefox's id)
        assert sorted(r[cut:] for r in raw_rows(path)) == sorted(r[cut:] for r in before[path])


def test_the_log_keeps_a_name_that_is_not_utf8_as_its_escape(tmp_path: Path) -> None:
    path = setup_logging(console=False, directory=tmp_path)
    try:
        logger("fkinspect.test").info("store %s", PROFILE_FF)
    finally:
        close_logging()
    assert path.read_bytes().endswith(b"INFO fkinspect.test: store Profile \\udcff\n")


def test_a_lone_surrogate_in_the_session_file_does_not_stop_the_clean(tmp_path: Path) -> None:
    """cookies.sqlite and the session file of one profile, cleaned in one run."""
    fox = firefox_store(tmp_path)
    session = _session(tmp_path)  # beside it, with "_pk_ses.1.\udcff"
    before = raw_rows(fox)
    done = _json(_run(tmp_path, "clean", "--store", str(fox), "--store", str(session),
                      "--yes", "--json"))  # fmt: skip
    assert [s["status"] for s in done["stores"]] == ["done", "done"] and done["run"]
    names = {c["name"] for s in done["stores"] for c in s["cookies"]}
    assert LONE in names
    listed = _json(_run(tmp_path, "restore", "--list", "--json"))["journals"]
    assert [j["state"] for j in listed] == ["done", "done"]
    back = _json(_run(tmp_path, "restore", "--latest", "--yes", "--json"))
    assert back["restored"] == done["removed"]
    assert sorted(r[2:] for r in raw_rows(fox)) == sorted(r[2:] for r in before)
