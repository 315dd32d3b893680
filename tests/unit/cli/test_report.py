"""`fkinspect report` end to end: the demo home's real stores, scanned and reported."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fkinspect.cli import main
from fkinspect.demo import DemoHome, build_demo_home
from fkinspect.errors import ValueUnavailable
from fkinspect.logs import LOG_NAME, close_logging, log_dir
from fkinspect.model import Category, FindingCode
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan
from fkinspect.values import read_value
from fkinspect.wording import category_label

DEMO_VALUE = re.compile(r"demo-[0-9a-f]{24}")


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoHome]:
    home = tmp_path / "annasvensson"
    home.mkdir()
    with build_demo_home(home, running_firefox=False) as made:
        yield made


def _values(home: Path) -> set[str]:
    """The demo's cookie values as the stores hold them (what must never leak)."""
    scan = run_scan(ScanRequest.for_home(home), load_policy())
    found = set()
    for item in scan.cookies:
        try:
            found.add(read_value(item.cookie))
        except ValueUnavailable:
            continue  # e.g. a Chromium value behind a keyring: still not in the report
    return found


def test_report_of_the_demo_home_in_every_format(
    demo: DemoHome, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    values = _values(demo.home)
    assert values, "no value could be read back: the leak check would prove nothing"
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    log_file = log_dir() / LOG_NAME
    outputs = {}
    try:
        for fmt in ("html", "csv", "json"):
            out = tmp_path / f"rapport.{fmt}"
            code = main(["--verbose", "report", "--home", str(demo.home), "--format", fmt,
                         "-o", str(out)])
            assert code == 0
            outputs[fmt] = out.read_text(encoding="utf-8-sig")
    finally:
        close_logging()
    logged = log_file.read_text(encoding="utf-8")
    assert "scan: 4 stores (0 failed)" in logged  # the log holds counts and statuses
    texts = [*outputs.values(), logged]
    for text in texts:
        for value in values:
            assert value not in text
        assert not DEMO_VALUE.search(text)
        assert str(demo.home) not in text and "annasvensson" not in text
    data = json.loads(outputs["json"])
    assert {c["category"] for c in data["cookies"]} == {str(c) for c in Category}
    codes = {f["code"] for c in data["cookies"] for f in c["findings"]}
    assert codes == {str(c) for c in FindingCode}
    for category in Category:
        assert category_label(category, "sv") in outputs["html"]
    rows = list(csv.reader(io.StringIO(outputs["csv"]), delimiter=";"))
    assert len(rows) == 1 + len(data["cookies"])
    assert all(s["path"].startswith("~/") for s in data["stores"])


def test_report_command_as_a_user_runs_it(demo: DemoHome, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "fkinspect", "report", "--home", str(demo.home), "--lang", "en",
         "-o", str(out)], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in text and "Web analytics" in text
    assert not DEMO_VALUE.search(text + done.stderr + done.stdout)
