"""`fkinspect policy --compare/--import/--reset` as support staff run them: a separate
process, real saved pages, a real Chromium store; the config folder is the test's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from fkinspect.synth import SynthCookie
from tests.unit.clean.support import LATER, WWW, chromium_store
from tests.unit.pagelist.pages import NEW_COOKIE, VARIANTS, as_html, seed_text


def _run(tmp_path: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FKINSPECT_CONFIG_DIR": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "LANGUAGE": lang,
           "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "fkinspect", *args], capture_output=True,
                          text=True, env=env, stdin=subprocess.DEVNULL, timeout=120,
                          check=False)


def _json(done: subprocess.CompletedProcess[str]) -> Any:
    assert done.returncode in (0, 4), done.stderr
    return json.loads(done.stdout)


def _page(tmp_path: Path, variant: str | None = None, name: str = "kakor.html") -> Path:
    text = seed_text() if variant is None else VARIANTS[variant](seed_text())
    path = tmp_path / name
    path.write_bytes(as_html(text, "windows-1252"))
    return path


def test_compare_the_seed_page_is_the_same(tmp_path: Path) -> None:
    done = _run(tmp_path, "policy", "--compare", str(_page(tmp_path)), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"same": True, "page_date": "2025-02-12",
                                       "policy_date": "2025-02-12", "added": [],
                                       "removed": [], "changed": [], "unplaced": []}
    words = _run(tmp_path, "policy", "--compare", str(_page(tmp_path)), lang="sv")
    assert words.stdout.splitlines()[-1] == "Sidan och listan som används säger samma sak."


def test_compare_says_a_cookie_leaves_analytics(tmp_path: Path) -> None:
    done = _run(tmp_path, "policy", "--compare", str(_page(tmp_path, "moved")))
    assert done.returncode == 0, done.stderr
    assert "statistics_optin has moved: Web analytics → Necessary." in done.stdout
    assert done.stdout.splitlines()[-1].startswith(
        "statistics_optin is no longer an analytics cookie")


def test_a_page_from_another_site_exits_1_with_a_plain_message(tmp_path: Path) -> None:
    other = tmp_path / "other.html"
    other.write_bytes(as_html(seed_text().replace("Försäkringskassan", "Skatteverket"), "utf-8"))
    done = _run(tmp_path, "policy", "--compare", str(other), "--json")
    assert done.returncode == 1 and done.stdout == ""
    assert "is not Försäkringskassan's cookie page" in done.stderr
    assert "Traceback" not in done.stderr
    missing = _run(tmp_path, "policy", "--compare", str(tmp_path / "nope.html"))
    assert missing.returncode == 1 and "nope.html" in missing.stderr
    assert "Traceback" not in missing.stderr


def _names(tmp_path: Path, store: Path) -> dict[str, str]:
    listed = _json(_run(tmp_path, "list", "--store", str(store), "--json"))
    return {c["name"]: c["category"] for c in listed["cookies"]}


def test_import_then_list_classifies_by_the_imported_list_and_reset_goes_back(
        tmp_path: Path) -> None:
    store = chromium_store(tmp_path, cookies=[SynthCookie(WWW, "fk_ny_kaka", expires=LATER),
                                              SynthCookie(WWW, "JSESSIONID", expires=LATER)])
    before = store.read_bytes()
    assert _names(tmp_path, store)["fk_ny_kaka"] == "undocumented"
    page = _page(tmp_path, "added")
    asked = _run(tmp_path, "policy", "--import", str(page))  # nobody to ask
    assert asked.returncode == 2 and "--yes" in asked.stderr
    assert not (tmp_path / "config").exists()
    done = _run(tmp_path, "policy", "--import", str(page), "--yes")
    assert done.returncode == 0, done.stderr
    assert "New on the page: fk_ny_kaka (Necessary)." in done.stdout
    assert "Nothing was deleted" in done.stdout
    assert _names(tmp_path, store) == {"fk_ny_kaka": "necessary", "JSESSIONID": "necessary"}
    shown = _json(_run(tmp_path, "policy", "--json"))
    assert shown["in_use"]["origin"] == "imported"
    assert shown["in_use"]["source_file"] == "kakor.html"
    assert shown["in_use"]["updated"] == "2025-02-12"
    assert NEW_COOKIE in [e["purpose_sv"] for e in shown["entries"]]
    same = _run(tmp_path, "policy", "--compare", str(page), "--json")
    assert json.loads(same.stdout)["same"] is True
    assert _run(tmp_path, "policy", "--reset").returncode == 0
    assert _names(tmp_path, store)["fk_ny_kaka"] == "undocumented"
    assert _json(_run(tmp_path, "policy", "--json"))["in_use"]["origin"] == "built-in"
    assert store.read_bytes() == before  # adopting and resetting never touch a store


def test_a_tampered_list_gives_a_warning_and_the_built_in_list(tmp_path: Path) -> None:
    store = chromium_store(tmp_path, cookies=[SynthCookie(WWW, "fk_ny_kaka", expires=LATER)])
    assert _run(tmp_path, "policy", "--import", str(_page(tmp_path, "added")),
                "--yes").returncode == 0
    stored = tmp_path / "config" / "policy.json"
    stored.write_text(stored.read_text("utf-8").replace("fk_ny_kaka", "fk_annan"), "utf-8")
    listed = _run(tmp_path, "list", "--store", str(store), "--json")
    assert json.loads(listed.stdout)["cookies"][0]["category"] == "undocumented"
    assert "The adopted cookie list is not used (it is damaged" in listed.stderr
    assert "the built-in list is used instead" in listed.stderr
    shown = _json(_run(tmp_path, "policy", "--json"))
    assert shown["in_use"]["origin"] == "built-in"


def test_after_adopting_a_list_that_moves_a_cookie_out_of_analytics_clean_leaves_it(
        tmp_path: Path) -> None:
    store = chromium_store(tmp_path, cookies=[
        SynthCookie(WWW, "statistics_optin", expires=LATER),
        SynthCookie(WWW, "_pk_id.1.abcd", expires=LATER)])
    before = store.read_bytes()
    plan = _json(_run(tmp_path, "clean", "--store", str(store), "--dry-run", "--json"))
    assert {c["name"] for c in plan["stores"][0]["cookies"]} == {"statistics_optin",
                                                                "_pk_id.1.abcd"}
    adopted = _run(tmp_path, "policy", "--import", str(_page(tmp_path, "moved")), "--yes")
    assert "statistics_optin is no longer an analytics cookie" in adopted.stdout
    assert store.read_bytes() == before  # adopting deleted nothing
    plan = _json(_run(tmp_path, "clean", "--store", str(store), "--dry-run", "--json"))
    assert {c["name"] for c in plan["stores"][0]["cookies"]} == {"_pk_id.1.abcd"}
