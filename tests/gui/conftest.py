"""pytest-qt fixtures for the app: offscreen, private settings, demo records and windows.

    records        (Scan, Policy) built from the demo's cookie lists without reading
                   files: for model, summary and dialog tests that need no stores
    records_with_safari  the same and a Safari file with two analytics cookies
    window         a MainWindow in Swedish (nothing scanned yet)
    demo_window    a MainWindow in demo mode after its first real scan of the demo home
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

# Before Qt is imported anywhere: no display but a laptop's 1366×768 screen (offscreen's
# own is 800×800, smaller than the window is made for), and settings in a private folder.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="fkinspect-gui-config-")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    SCREEN_FILE = Path(os.environ["XDG_CONFIG_HOME"]) / "screen.json"
    SCREEN_FILE.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_FILE}"

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication

from fkinspect import demo
from fkinspect.classify import Classifier
from fkinspect.model import (
    Cookie,
    Family,
    Profile,
    Scan,
    Source,
    StoreFormat,
    StoreLocation,
    StoreResult,
    StoreStatus,
)
from fkinspect.policy import Policy, load_policy
from fkinspect.synth import SynthCookie
from ui.i18n import Translations
from ui.main_window import MainWindow

# A real folder: the clean's running check tests the Firefox profile's lock file,
# and without one it would ask whether any Firefox process runs on this machine.
HOME = Path(tempfile.mkdtemp(prefix="fkinspect-gui-home-"))


def _store(profile: Profile, name: str, fmt: StoreFormat, synth: list[SynthCookie],
           running: bool = False) -> StoreResult:
    location = StoreLocation(profile, profile.directory / name, fmt)
    sqlite = fmt is not StoreFormat.SAFARI_BINARY  # Safari's file has no row ids
    cookies = tuple(
        Cookie(s.host, s.name, s.path, s.expires, s.created, None, s.secure, s.http_only,
               s.same_site, s.partition, "Arbete" if s.container else None,
               Source.SQLITE if sqlite else Source.BINARYCOOKIES,
               location, (s.host, s.name, s.path, i), i if sqlite else None)
        for i, s in enumerate(synth, start=1))
    return StoreResult(location, StoreStatus.OK, cookies=cookies, running=running)


def build_records(now: datetime | None = None, safari: bool = False) -> tuple[Scan, Policy]:
    """The demo's cookies in Chromium, Brave and a running Firefox; with `safari`, also
    two analytics cookies in Safari's file, which fkinspect can only read."""
    now = now or datetime.now(UTC)
    policy = load_policy()

    def profile(browser_id: str, name: str, family: Family, folder: str) -> Profile:
        return Profile(browser_id, name, family, "Person 1" if family is Family.CHROMIUM
                       else "default-esr", HOME / folder, HOME / folder)

    chromium = profile("chromium", "Chromium", Family.CHROMIUM, ".config/chromium/Default")
    brave = profile("brave", "Brave", Family.CHROMIUM,
                    ".config/BraveSoftware/Brave-Browser/Default")
    firefox = profile("firefox-esr", "Firefox ESR", Family.FIREFOX,
                      ".config/mozilla/firefox/x.default-esr")
    firefox.directory.mkdir(parents=True, exist_ok=True)
    (firefox.directory / ".parentlock").touch()  # as Firefox leaves it: there, not held
    stores = (
        _store(chromium, "Cookies", StoreFormat.CHROMIUM_SQLITE, demo.chromium_cookies(now)),
        _store(brave, "Cookies", StoreFormat.CHROMIUM_SQLITE, demo.brave_cookies(now)),
        _store(firefox, "cookies.sqlite", StoreFormat.FIREFOX_SQLITE,
               demo.firefox_cookies(now), running=True),
        StoreResult(StoreLocation(firefox, firefox.directory / "sessionstore.jsonlz4",
                                  StoreFormat.FIREFOX_SESSION), StoreStatus.CORRUPT,
                    "Damaged session store."),
    )
    if safari:
        apple = Profile("safari", "Safari", Family.SAFARI, "Safari",
                        HOME / "Library/Containers/com.apple.Safari/Data/Library/Cookies",
                        HOME / "Library/Containers/com.apple.Safari")
        stores += (_store(apple, "Cookies.binarycookies", StoreFormat.SAFARI_BINARY,
                          [SynthCookie(demo.AGENCY, "_ga", created=now),
                           SynthCookie(demo.WWW, f"_pk_id.{demo.MATOMO_SITE}", created=now)]),)
    cookies = Classifier(policy).classify_all(c for s in stores for c in s.cookies)
    return Scan(stores, cookies, now, policy), policy


@pytest.fixture
def records() -> tuple[Scan, Policy]:
    return build_records()


@pytest.fixture
def records_with_safari() -> tuple[Scan, Policy]:
    return build_records(safari=True)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    tr = Translations()
    tr.apply("sv")
    yield tr
    tr.apply("sv")


@pytest.fixture
def window(qtbot, translations: Translations) -> Iterator[MainWindow]:
    win = MainWindow(translations)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty home of this user's for the window (discovery reads HOME and the XDG
    folders); a module that needs browsers in it gives its own `home`."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


@pytest.fixture
def started(qtbot, translations: Translations, home: Path) -> Iterator[MainWindow]:
    """The window on the `home` fixture of the module that asks (its own real home)."""
    win = MainWindow(translations)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


@pytest.fixture
def demo_window(qtbot, translations: Translations) -> Iterator[MainWindow]:
    win = MainWindow(translations, demo=True)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.scan_finished, timeout=20_000):
        win.start()
    yield win
    win.close()
