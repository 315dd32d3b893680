"""The CLI speaks the user's language: --lang (before or after the command), else the
locale, else Swedish; its --help too. Real processes on real stores."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.clean.support import chromium_store, firefox_store

# Letters and words that only Swedish text has; the agency's name is a name in both.
_SWEDISH = re.compile(r"[åäöÅÄÖ]|\b(och|kakor|kaka|inget|läst|webbläsare|profil|ingen)\b",
                      re.IGNORECASE)


# The agency's page is quoted as it is titled (policy.toml), in Swedish in both languages.
_PAGE_TITLE = re.compile(r"Kakor \(Cookies\) - Försäkringskassan — Senast uppdaterad [^<\n]*")


def _swedish(text: str) -> list[str]:
    return _SWEDISH.findall(_PAGE_TITLE.sub("", text).replace("Försäkringskassan", "FK"))


def _run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), **env}
    return subprocess.run([sys.executable, "-m", "fkinspect", *args], capture_output=True,
                          text=True, env=environ, stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture
def stores(tmp_path: Path) -> list[str]:
    return ["--store", str(chromium_store(tmp_path)), "--store", str(firefox_store(tmp_path))]


def test_english_mode_of_each_command_shows_no_swedish(tmp_path: Path,
                                                       stores: list[str]) -> None:
    runs = [
        _run(tmp_path, "--lang", "en", "list", *stores),
        _run(tmp_path, "list", *stores, "--lang=en"),
        _run(tmp_path, "clean", *stores, "--dry-run", "--lang", "en"),
        _run(tmp_path, "clean", *stores, "--lang", "en"),  # no terminal: refused, said in English
        _run(tmp_path, "report", *stores, "-o", "-", "--format", "html", "--lang", "en"),
        _run(tmp_path, "report", *stores, "-o", str(tmp_path / "r.csv"), "--lang", "en"),
        _run(tmp_path, "--lang", "en", "--help"),
        _run(tmp_path, "clean", "--help", "--lang", "en"),
    ]
    done = _run(tmp_path, "clean", *stores, "--yes")
    assert done.returncode == 0, done.stderr
    runs += [
        _run(tmp_path, "restore", "--list", "--lang", "en"),
        _run(tmp_path, "--lang", "en", "restore", "--latest", "--yes"),
        _run(tmp_path, "restore", "--latest", LANGUAGE="en_GB:sv"),  # the locale decides
    ]
    for run in runs:
        assert "Traceback" not in run.stderr, run.args
        assert not _swedish(run.stdout + run.stderr), (run.args, run.stdout, run.stderr)
    assert "without asking needs --yes" in runs[3].stderr
    assert "cookies restored" in runs[-2].stdout


def test_swedish_is_the_default_and_help_is_swedish(tmp_path: Path) -> None:
    for args in (["--help"], ["clean", "--help"], ["restore", "--help"]):
        shown = _run(tmp_path, *args, LANGUAGE="", LC_ALL="", LC_MESSAGES="", LANG="C.UTF-8")
        assert shown.returncode == 0, shown.stderr
        out = shown.stdout
        assert out.startswith("användning: fkinspect"), out
        assert "alternativ:" in out and "visa den här hjälpen och avsluta" in out
        assert "usage:" not in out and "options:" not in out and "show this help" not in out
    top = _run(tmp_path, "--help").stdout
    assert "argument:" in top and "positional arguments" not in top
    assert "ta bort analyskakorna" in top
    wrong = _run(tmp_path, "--lang", "de", "list")
    assert wrong.returncode == 2 and "fel: argument --lang" in wrong.stderr


def test_english_help_keeps_argparse_words(tmp_path: Path) -> None:
    out = _run(tmp_path, "report", "--help", LANGUAGE="en").stdout
    assert out.startswith("usage: fkinspect report") and "options:" in out
    assert "--lang {sv,en}" in out and not _swedish(out)


def test_list_piped_to_a_file_cuts_no_note(tmp_path: Path, stores: list[str]) -> None:
    # A pipe is not a terminal: even with COLUMNS=80 nothing is cut short with "…".
    shown = _run(tmp_path, "list", *stores, COLUMNS="80")
    assert shown.returncode == 0, shown.stderr
    assert "…" not in shown.stdout
    assert "Sidan säger att den sparas tillfälligt, men den ligger kvar efter att " \
           "webbläsaren stängs." in shown.stdout
    assert max(len(line) for line in shown.stdout.splitlines()) > 80


def test_dry_run_ends_with_totals_and_says_nothing_changed(tmp_path: Path,
                                                           stores: list[str]) -> None:
    before = {p: Path(p).read_bytes() for p in stores[1::2]}
    shown = _run(tmp_path, "clean", *stores, "--dry-run")
    assert shown.returncode == 0, shown.stderr
    last = shown.stdout.rstrip().splitlines()[-2:]
    assert last[0].startswith("Totalt: 11 kakor skulle tas bort ur 2 kakfil(er)"), last
    assert last[1] == "Det här var en provkörning: inget har ändrats."
    english = _run(tmp_path, "clean", *stores, "--dry-run", "--lang", "en").stdout
    assert english.rstrip().endswith("This was a dry run: nothing was changed.")
    assert {p: Path(p).read_bytes() for p in stores[1::2]} == before
