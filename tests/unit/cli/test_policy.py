"""`fkinspect policy` as support staff call it: a separate process, text and JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fkinspect", *args], capture_output=True,
                          text=True, cwd=cwd, check=False)


def test_policy_json_lists_the_36_entries_with_both_texts() -> None:
    out = run("policy", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["source"]["updated_text"] == "Senast uppdaterad 12 februari 2025"
    assert data["source"]["updated"] == "2025-02-12"
    entries = data["entries"]
    assert len(entries) == 36
    for entry in entries:
        assert entry["category"] in ("necessary", "webmeeting", "analytics")
        assert entry["lifetime"]
        assert entry["purpose_sv"] and entry["purpose_en"]
        assert (entry["name"] is None) != (entry["pattern"] is None)
    by_id = {e["id"]: e for e in entries}
    assert by_id["_pk_id"]["pattern"] == "_pk_id.*"
    assert by_id["_pk_id"]["lifetime"] == "P13M"
    assert by_id["psB"]["lifetime"] == "unstated"
    assert by_id["vngage.vid"]["meant"] == "vngage.vid"
    assert {t["clean_as"] for t in data["known_tools"]} == {"analytics"}


def test_policy_text_names_the_source(tmp_path: Path) -> None:
    out = run("policy", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Senast uppdaterad 12 februari 2025" in out.stdout
    assert "_pk_ses.*" in out.stdout and "30 minuter" in out.stdout


def test_usage_errors_exit_2() -> None:
    assert run().returncode == 2
    assert run("no-such-command").returncode == 2
    assert run("list", "--category", "tasty").returncode == 2
