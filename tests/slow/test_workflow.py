"""The release workflow cannot run here: it is checked against GitHub's workflow schema
(check-jsonschema, offline: the schema ships in the package) and by actionlint, and every
build command it runs is one these tests run on Linux."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
# The packaging scripts the workflow runs, and the tests that run each on Linux.
RUN_BY_TESTS = {
    "build_bundle": "tests/slow/bundle_support.py",
    "smoke": "tests/slow/test_bundle.py",
    "archive": "tests/slow/test_bundle.py",
    "build_deb": "tests/slow/test_deb.py",
}


def _tool(name: str) -> str | None:
    """The tool beside this Python (the test extra installs it there), or on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


def test_workflow_matches_the_github_workflow_schema() -> None:
    tool = _tool("check-jsonschema")
    if tool is None:
        pytest.fail("check-jsonschema is missing: pip install -e '.[test]'")
    out = subprocess.run([tool, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                         capture_output=True, text=True, check=False, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


def test_actionlint_finds_nothing() -> None:
    tool = _tool("actionlint")
    if tool is None:
        pytest.skip("no actionlint here (the test extra installs it on x86-64 Linux)")
    out = subprocess.run([tool, "-no-color", str(WORKFLOW)], capture_output=True, text=True,
                         check=False, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_build_command_of_the_workflow_is_run_by_the_tests() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    scripts = set(re.findall(r'"\$PYTHON" packaging/(\w+)\.py', text))
    assert scripts == set(RUN_BY_TESTS)
    for script, test in RUN_BY_TESTS.items():
        assert f'"{script}.py"' in (ROOT / test).read_text(encoding="utf-8"), script
    # Linux runs the project's CI script (the README's test command); the others the unit
    # and window tests, which that command runs too.
    assert "run: |\n          bash .ci/run\n" in text
    assert '-m pytest tests/unit tests/gui\n' in text
    for secret in ("WINDOWS_CERTIFICATE", "MACOS_CERTIFICATE", "APPLE_ID"):
        assert f"secrets.{secret} != ''" in text, secret  # signing is skipped without it
