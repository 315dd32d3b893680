"""Names from the machine never reach a terminal or the log as control characters.

A profile name in Chromium's `Local State`, a profile folder's name and a cookie's
name are written by whoever can write the files; printed raw, escape sequences
retitle or clear the terminal and a newline forges a line in fkinspect.log.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fkinspect.cli import main
from fkinspect.logs import LOG_NAME, close_logging
from fkinspect.synth import SynthCookie, write_chromium_store
from fkinspect.textsafe import json_safe, printable
from tests.unit.browsers.test_discovery import local_state

LATER = datetime.now(UTC).replace(microsecond=0) + timedelta(days=90)
TITLE = "\x1b]0;pwned\x07Anna\x1b[2J"  # sets the terminal's title, clears the screen
CSI_8BIT = "Berit\x9b31m"  # C1 CSI: a terminal reads it as ESC [
FORGED = "2026-01-01 00:00:00,000 INFO fkinspect.report: forged"
FOLDER = f"Profile 1\n{FORGED}"
COOKIE = "_pk_id.1.\x1b[2J"
# Any control character but the newlines that end lines.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def test_printable_writes_control_characters_out() -> None:
    assert printable(TITLE) == "\\x1b]0;pwned\\x07Anna\\x1b[2J"
    assert printable("a\nb\rc\td\x7fe\x9bf\x00") == "a\\nb\\rc\\td\\x7fe\\x9bf\\x00"
    assert printable("Anna Svensson — åäö ✓") == "Anna Svensson — åäö ✓"  # spaces stay
    assert printable("C:\\Users\\anna") == "C:\\Users\\anna"  # backslashes stay
    assert printable("bad\udcff") == "bad\\udcff"  # not valid UTF-8: shown, never a crash
    assert printable(printable(TITLE)) == printable(TITLE)


def test_json_safe_keeps_the_value_and_escapes_c1() -> None:
    text = json.dumps({"p": f"{TITLE}{CSI_8BIT}\udcff"}, ensure_ascii=False)
    safe = json_safe(text)
    assert not RAW.search(safe) and "\udcff" not in safe
    assert json.loads(safe) == json.loads(text)


@pytest.fixture
def hostile_home(tmp_path: Path) -> Iterator[Path]:
    """A Chromium user-data folder whose names carry escapes and a newline."""
    home = tmp_path / "home"
    user_data = home / ".config" / "chromium"
    cookies = [SynthCookie("www.forsakringskassan.se", COOKIE, expires=LATER),
               SynthCookie("www.forsakringskassan.se", "JSESSIONID", expires=LATER)]
    write_chromium_store(user_data / "Default" / "Cookies", cookies)
    write_chromium_store(user_data / FOLDER / "Cookies", cookies)
    local_state(user_data, {"Default": TITLE, FOLDER: CSI_8BIT}, "Default")
    yield home
    close_logging()


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_the_names_escaped(hostile_home: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(["list", "--home", str(hostile_home)], capsys)
    assert code == 0, err
    assert not RAW.search(out + err)
    assert "Chromium (\\x1b]0;pwned\\x07Anna\\x1b[2J)" in out
    assert "Chromium (Berit\\x9b31m)" in out
    assert f"Profile 1\\n{FORGED}/Cookies" in out
    assert "_pk_id.1.\\x1b[2J" in out
    assert not any(line.startswith("2026-01-01") for line in out.splitlines())


def test_list_json_escapes_c1_and_keeps_the_names(hostile_home: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(["list", "--home", str(hostile_home), "--json"], capsys)
    assert code == 0
    assert not RAW.search(out)
    data = json.loads(out)
    assert {s["profile"] for s in data["stores"]} == {TITLE, CSI_8BIT}
    assert COOKIE in {c["name"] for c in data["cookies"]}


def test_a_newline_in_a_folder_name_forges_no_log_line(hostile_home: Path,
                                                       tmp_path: Path) -> None:
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-m", "fkinspect", "list", "--home",
                           str(hostile_home)], capture_output=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    log = (tmp_path / "state" / "fkinspect" / "log" / LOG_NAME).read_text("utf-8")
    assert not RAW.search(log)
    lines = log.splitlines()
    assert len(lines) == 3  # two stores and the summary
    assert all(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO ", line) for line in lines)
    assert not any(line.startswith(FORGED) for line in lines)
    assert f"Profile 1\\n{FORGED}/Cookies: ok" in log


def test_clean_and_restore_show_the_names_escaped(hostile_home: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    home = ["--home", str(hostile_home)]
    code, out, err = _cli(["clean", *home, "--dry-run"], capsys)
    assert code == 0, err
    assert "_pk_id.1.\\x1b[2J" in out and "Chromium (\\x1b]0;pwned" in out
    code, out2, err2 = _cli(["clean", *home, "--yes"], capsys)
    assert code == 0, err2
    assert "Chromium (\\x1b]0;pwned" in out2
    code, out3, err3 = _cli(["restore", "--list", *home], capsys)
    assert code == 0 and "Chromium (Berit\\x9b31m)" in out3
    code, out4, err4 = _cli(["restore", "--latest", "--yes", *home], capsys)
    assert code == 0, err4
    assert "Chromium (\\x1b]0;pwned\\x07Anna\\x1b[2J): 1 kaka återställd" in out4
    for text in (out, err, out2, err2, out3, err3, out4, err4):
        assert not RAW.search(text)


def test_reports_carry_no_control_characters(hostile_home: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("html", "csv", "json"):
        out = tmp_path / f"r.{fmt}"
        code, _, err = _cli(["report", "--home", str(hostile_home), "-o", str(out)], capsys)
        assert code == 0 and not RAW.search(err)
        text = out.read_text("utf-8-sig").replace("\r\n", "\n")  # CSV lines end in CRLF
        assert not RAW.search(text), fmt
        if fmt == "json":
            assert {s["profile"] for s in json.loads(text)["stores"]} == {TITLE, CSI_8BIT}
        else:
            assert "\\x1b]0;pwned\\x07Anna\\x1b[2J" in text
    code, out_text, _ = _cli(["report", "--home", str(hostile_home), "--format", "csv",
                              "-o", "-"], capsys)
    assert code == 0 and not RAW.search(out_text.replace("\r\n", "\n"))


def test_error_messages_escape_the_path(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "x\x1b[2Jy"
    odd.write_bytes(b"not a cookie store")
    code, out, err = _cli(["list", "--store", str(odd)], capsys)
    assert code == 4
    assert "x\\x1b[2Jy" in err and not RAW.search(out + err)
