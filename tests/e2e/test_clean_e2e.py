"""`fkinspect clean` and `restore` on homes where real Chromium and Firefox ESR visited the site.

The clean removes the analytics cookies from the browser's own store and
nothing else; restore puts exactly those rows back. With the browser still
running, the clean is refused (exit 3) and the store's bytes are unchanged.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager, closing
from pathlib import Path
from typing import Any

import pytest
from e2e_harness.homes import VisitedHome

pytestmark = pytest.mark.e2e


def _json(home: VisitedHome, *args: str, code: int = 0) -> dict[str, Any]:
    out = home.run_fkinspect(*args)
    assert out.returncode == code, (out.returncode, out.stdout[-2000:], out.stderr[-2000:])
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def _cookies(home: VisitedHome) -> list[tuple[str, str, str | None, str, str | None, str]]:
    data = _json(home, "list", "--home", str(home.home), "--json")
    return sorted(
        (c["name"], c["host"], c["partition"], c["category"], c["clean_as"], c["source"])
        for c in data["cookies"]
    )


def _integrity(path: Path) -> str:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.mark.parametrize("browser", ["chromium", "firefox"])
def test_clean_removes_analytics_only_and_restore_brings_them_back(
    browser: str, request: pytest.FixtureRequest
) -> None:
    home: VisitedHome = request.getfixturevalue(f"{browser}_home")
    before = _cookies(home)
    # Analytics in the browser's SQLite store go; session-store cookies cannot be deleted.
    goes = [c for c in before if c[4] == "analytics" and c[5] == "sqlite"]
    stays = [c for c in before if c not in goes]
    assert goes, "the visit should have left analytics cookies"
    assert any(c[3] == "necessary" for c in stays)

    data = _json(home, "clean", "--home", str(home.home), "--yes", "--json")
    assert data["dry_run"] is False and data["exit"] == 0 and data["removed"] == len(goes)
    (store,) = [s for s in data["stores"] if s["format"].endswith("sqlite")]
    assert store["status"] == "done" and store["removed"] == len(goes)
    assert store["journal"] and store["backup"] and Path(store["backup"]).is_file()
    assert Path(store["backup"]).is_relative_to(home.home / ".local" / "share" / "fkinspect")
    assert all("value" not in c for s in data["stores"] for c in s["cookies"])
    for s in data["stores"]:
        if s["format"] == "firefox_session" and s["cookies"]:
            assert s["status"] == "refused" and "stänger webbläsaren" in s["message"]

    assert _cookies(home) == stays
    assert _integrity(home.store) == "ok"

    out = home.run_fkinspect("restore", "--latest", "--yes")
    assert out.returncode == 0, out.stderr
    assert _cookies(home) == before
    assert _integrity(home.store) == "ok"
    listed = _json(home, "restore", "--list", "--json")
    assert [j["state"] for j in listed["journals"]] == ["restored"]


def test_clean_refuses_while_chromium_runs(
    chromium_home: VisitedHome, running_chromium: Callable[..., AbstractContextManager[Any]]
) -> None:
    with running_chromium(chromium_home.home, visit=False):
        # Chromium writes to its own store as it starts (it drops session cookies), so
        # the bytes are compared around the clean only, with the rows as a second check.
        analytics = [c for c in _cookies(chromium_home) if c[4] == "analytics"]
        before = chromium_home.store.read_bytes()
        out = chromium_home.run_fkinspect("clean", "--home", str(chromium_home.home), "--yes")
        after = chromium_home.store.read_bytes()
        assert out.returncode == 3, (out.stdout, out.stderr)
        assert "Stäng Chromium (profil" in out.stdout and "försök igen" in out.stdout
        data = _json(
            chromium_home, "clean", "--home", str(chromium_home.home), "--yes", "--json", code=3
        )
        (store,) = [s for s in data["stores"] if s["browser"] == "chromium"]
        assert store["status"] == "refused_running" and store["journal"] is None
        assert analytics and [c for c in _cookies(chromium_home) if c[4] == "analytics"] == (
            analytics
        )
    assert after == before or after[100:] == before[100:]  # at most Chromium's header counter
    backups = chromium_home.home / ".local" / "share" / "fkinspect" / "backups"
    assert not backups.exists() or not any(backups.iterdir())
