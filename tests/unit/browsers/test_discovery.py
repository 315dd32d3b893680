"""Discovery over fake homes laid out as Linux, Windows and macOS leave them.

Local State, profiles.ini, installs.ini and containers.json are written the way
the browsers write them; the cookie files are real stores (fkinspect.synth).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fkinspect.browsers.catalog import BROWSER_IDS
from fkinspect.browsers.detect import UnknownStore
from fkinspect.browsers.discovery import (
    Environment,
    UnknownBrowser,
    discover,
    locations_for_paths,
)
from fkinspect.browsers.firefox_session import write_session_store
from fkinspect.browsers.safari import BinaryCookie, encode_binarycookies
from fkinspect.model import Family, StoreFormat, StoreLocation, StoreStatus
from fkinspect.synth import SynthCookie, write_chromium_store, write_firefox_store

NOW = datetime.now(UTC).replace(microsecond=0)
COOKIE = SynthCookie("www.forsakringskassan.se", "JSESSIONID", expires=NOW + timedelta(days=9))
REPO = Path(__file__).resolve().parents[3]

CR, FF, FS, SB = (StoreFormat.CHROMIUM_SQLITE, StoreFormat.FIREFOX_SQLITE,
                  StoreFormat.FIREFOX_SESSION, StoreFormat.SAFARI_BINARY)  # fmt: skip


# ------------------------------------------------------------------ builders


def chromium_profile(user_data: Path, folder: str, *, network: bool = False,
                     classic: bool = True) -> Path:  # fmt: skip
    profile = user_data / folder
    if classic:
        write_chromium_store(profile / "Cookies", [COOKIE])
    if network:
        write_chromium_store(profile / "Network" / "Cookies", [COOKIE])
    return profile


def local_state(user_data: Path, names: dict[str, str], last_used: str | None) -> None:
    cache = {folder: {"active_time": 1767225600.0, "avatar_icon":
                      "chrome://theme/IDR_PROFILE_AVATAR_26", "is_using_default_name": True,
                      "managed_user_id": "", "name": name}
             for folder, name in names.items()}  # fmt: skip
    profile: dict[str, object] = {"info_cache": cache, "profiles_order": list(names),
                                  "profile_counts_reported": "13410000000000000"}  # fmt: skip
    if last_used is not None:
        profile["last_used"] = last_used
        profile["last_active_profiles"] = [last_used]
    state = {"browser": {"enabled_labs_experiments": []}, "profile": profile,
             "user_experience_metrics": {"stability": {}}}  # fmt: skip
    user_data.mkdir(parents=True, exist_ok=True)
    (user_data / "Local State").write_text(json.dumps(state), encoding="utf-8")


def firefox_root(root: Path, profiles: list[tuple[str, str]], *, install: str | None,
                 default_flag: str | None = None, relative: bool = True) -> None:  # fmt: skip
    """profiles.ini (+ installs.ini when `install` names the profile in use).

    `profiles` are (Name, Path); Path is relative to root unless relative=False.
    """
    lines = []
    if install is not None:
        lines += ["[Install4F96D1932A9F858E]", f"Default={install}", "Locked=1", ""]
    for i, (name, path) in enumerate(profiles):
        lines += [f"[Profile{i}]", f"Name={name}", f"IsRelative={int(relative)}", f"Path={path}"]
        if path == default_flag:
            lines.append("Default=1")
        lines.append("")
    lines += ["[General]", "StartWithLastProfile=1", "Version=2", ""]
    root.mkdir(parents=True, exist_ok=True)
    (root / "profiles.ini").write_text("\n".join(lines), encoding="utf-8")
    if install is not None:
        (root / "installs.ini").write_text(
            f"[4F96D1932A9F858E]\nDefault={install}\nLocked=1\n\n", encoding="utf-8")


def firefox_profile(folder: Path, *, cookies: bool = True, session: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "prefs.js").write_text("// Mozilla User Preferences\n", encoding="utf-8")
    if cookies:
        write_firefox_store(folder / "cookies.sqlite", [COOKIE])
    if session == "quit":
        write_session_store(folder / "sessionstore.jsonlz4", [])
    elif session == "running":
        write_session_store(folder / "sessionstore-backups" / "recovery.jsonlz4", [])
    return folder


def containers_v4(folder: Path) -> None:
    """containers.json as Firefox up to version 4 of the file wrote it (l10nID)."""
    def builtin(cid: int, key: str, icon: str, color: str) -> dict[str, object]:
        return {"icon": icon, "color": color, "l10nID": f"userContext{key}.label",
                "accessKey": f"userContext{key}.accesskey", "public": True, "userContextId": cid}

    data = {"version": 4, "lastUserContextId": 6, "identities": [
        builtin(1, "Personal", "fingerprint", "blue"), builtin(2, "Work", "briefcase", "orange"),
        builtin(3, "Banking", "dollar", "green"), builtin(4, "Shopping", "cart", "pink"),
        {"public": False, "icon": "", "color": "", "name": "userContextIdInternal.thumbnail",
         "accessKey": "", "userContextId": 5},
        {"icon": "", "color": "", "name": "userContextIdInternal.webextStorageLocal",
         "public": False, "accessKey": "", "userContextId": 4294967295},
        {"icon": "circle", "color": "purple", "name": "Försäkringskassan", "public": True,
         "userContextId": 6},
    ]}  # fmt: skip
    (folder / "containers.json").write_text(json.dumps(data), encoding="utf-8")


def containers_v5(folder: Path) -> None:
    """containers.json as current Firefox writes it (Fluent ids, l10nId)."""
    data = {"version": 5, "lastUserContextId": 7, "identities": [
        {"icon": "fingerprint", "color": "blue", "l10nId": "user-context-personal",
         "public": True, "userContextId": 1},
        {"icon": "briefcase", "color": "orange", "l10nId": "user-context-work",
         "public": True, "userContextId": 2},
        {"icon": "fence", "color": "red", "name": "Arbete", "public": True, "userContextId": 7},
        {"icon": "", "color": "", "name": "userContextIdInternal.thumbnail", "public": False,
         "userContextId": 5},
    ]}  # fmt: skip
    (folder / "containers.json").write_text(json.dumps(data), encoding="utf-8")


def safari_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode_binarycookies([BinaryCookie(
        ".forsakringskassan.se", "a", "/", "v", NOW + timedelta(days=1), NOW)]))


def rows(locations: Iterable[StoreLocation], home: Path) -> list[tuple[str, str, bool, str, str]]:
    return [(loc.profile.browser_id, loc.profile.name, loc.profile.is_default,
             loc.path.relative_to(home).as_posix(), loc.format.value) for loc in locations]


def env(home: Path, platform: str = "linux", **variables: str) -> Environment:
    return Environment(home, variables, platform)


# ------------------------------------------------------------------- Linux


@pytest.fixture
def linux_home(tmp_path: Path) -> Path:
    home = tmp_path / "anna"
    config = home / ".config"
    chrome = config / "google-chrome"
    local_state(chrome, {"Default": "Person 1", "Profile 1": "Arbete"}, last_used="Profile 1")
    chromium_profile(chrome, "Default")
    chromium_profile(chrome, "Profile 1", network=True)  # both Cookies and Network/Cookies
    (chrome / "Profile 2").mkdir()  # created but never used: no cookie file
    chromium_profile(chrome, "System Profile")
    chromium_profile(chrome, "Guest Profile")
    (chrome / "Crashpad").mkdir()
    chromium_profile(config / "BraveSoftware" / "Brave-Browser", "Default")  # no Local State
    chromium_profile(home / ".var/app/org.chromium.Chromium/config/chromium", "Default")
    chromium_profile(home / "snap/chromium/common/chromium", "Default")

    # The old layout, used by a Firefox release install.
    old = home / ".mozilla" / "firefox"
    firefox_root(old, [("default", "a1b2c3d4.default"),
                       ("default-release", "e5f6g7h8.default-release")],
                 install="e5f6g7h8.default-release", default_flag="a1b2c3d4.default")
    (old / "a1b2c3d4.default").mkdir()  # Default=1 but empty: never used
    containers_v4(firefox_profile(old / "e5f6g7h8.default-release", session="quit"))

    # The new layout (Firefox 147+ on a new home), here from Firefox ESR.
    new = config / "mozilla" / "firefox"
    firefox_root(new, [("default", "p7d2w1zc.default"),
                       ("default-esr", "k3m9q2xa.default-esr")],
                 install="k3m9q2xa.default-esr", default_flag="p7d2w1zc.default")
    firefox_profile(new / "p7d2w1zc.default", cookies=False)
    containers_v5(firefox_profile(new / "k3m9q2xa.default-esr", session="running"))

    flatpak = home / ".var/app/org.mozilla.firefox/.mozilla/firefox"
    firefox_root(flatpak, [("default-release", "zz99yy88.default-release")],
                 install="zz99yy88.default-release")
    firefox_profile(flatpak / "zz99yy88.default-release")
    snap = home / "snap/firefox/common/.mozilla/firefox"
    firefox_root(snap, [("default", "qq11ww22.default")], install=None,
                 default_flag="qq11ww22.default")
    firefox_profile(snap / "qq11ww22.default")
    return home


def test_linux_home(linux_home: Path) -> None:
    found = discover(env(linux_home))
    assert rows(found, linux_home) == [
        ("chrome", "Arbete", True, ".config/google-chrome/Profile 1/Cookies", CR),
        ("chrome", "Arbete", True, ".config/google-chrome/Profile 1/Network/Cookies", CR),
        ("chrome", "Person 1", False, ".config/google-chrome/Default/Cookies", CR),
        ("chromium", "Default", True,
         ".var/app/org.chromium.Chromium/config/chromium/Default/Cookies", CR),
        ("chromium", "Default", True, "snap/chromium/common/chromium/Default/Cookies", CR),
        ("brave", "Default", True, ".config/BraveSoftware/Brave-Browser/Default/Cookies", CR),
        ("firefox", "default-release", True,
         ".mozilla/firefox/e5f6g7h8.default-release/cookies.sqlite", FF),
        ("firefox", "default-release", True,
         ".mozilla/firefox/e5f6g7h8.default-release/sessionstore.jsonlz4", FS),
        ("firefox", "default-release", True,
         ".var/app/org.mozilla.firefox/.mozilla/firefox/zz99yy88.default-release/cookies.sqlite",
         FF),
        ("firefox", "default", True, "snap/firefox/common/.mozilla/firefox/qq11ww22.default/"
         "cookies.sqlite", FF),
        ("firefox-esr", "default-esr", True,
         ".config/mozilla/firefox/k3m9q2xa.default-esr/cookies.sqlite", FF),
        ("firefox-esr", "default-esr", True,
         ".config/mozilla/firefox/k3m9q2xa.default-esr/sessionstore-backups/recovery.jsonlz4",
         FS),
    ]  # fmt: skip
    profiles = {loc.profile.directory.name: loc.profile for loc in found}
    assert profiles["e5f6g7h8.default-release"].containers == {
        1: "Personal", 2: "Work", 3: "Banking", 4: "Shopping", 6: "Försäkringskassan"}
    assert profiles["k3m9q2xa.default-esr"].containers == {1: "Personal", 2: "Work", 7: "Arbete"}
    assert profiles["Profile 1"].containers == {}
    chrome = linux_home / ".config" / "google-chrome"
    assert profiles["Profile 1"].root == chrome
    assert profiles["Profile 1"].family is Family.CHROMIUM
    assert profiles["k3m9q2xa.default-esr"].root == linux_home / ".config/mozilla/firefox"
    assert profiles["k3m9q2xa.default-esr"].browser_name == "Firefox ESR"


def test_flatpak_and_snap_installs_are_named(linux_home: Path) -> None:
    # Three Chromiums are three browsers to close: each says which install it is.
    names = {loc.path.relative_to(linux_home).as_posix(): (loc.profile.browser_id,
                                                          loc.profile.browser_name)
             for loc in discover(env(linux_home)) if loc.format is not FS}  # fmt: skip
    assert names == {
        ".config/google-chrome/Default/Cookies": ("chrome", "Google Chrome"),
        ".config/google-chrome/Profile 1/Cookies": ("chrome", "Google Chrome"),
        ".config/google-chrome/Profile 1/Network/Cookies": ("chrome", "Google Chrome"),
        ".var/app/org.chromium.Chromium/config/chromium/Default/Cookies":
            ("chromium", "Chromium (Flatpak)"),
        "snap/chromium/common/chromium/Default/Cookies": ("chromium", "Chromium (Snap)"),
        ".config/BraveSoftware/Brave-Browser/Default/Cookies": ("brave", "Brave"),
        ".mozilla/firefox/e5f6g7h8.default-release/cookies.sqlite": ("firefox", "Firefox"),
        ".var/app/org.mozilla.firefox/.mozilla/firefox/zz99yy88.default-release/cookies.sqlite":
            ("firefox", "Firefox (Flatpak)"),
        "snap/firefox/common/.mozilla/firefox/qq11ww22.default/cookies.sqlite":
            ("firefox", "Firefox (Snap)"),
        ".config/mozilla/firefox/k3m9q2xa.default-esr/cookies.sqlite":
            ("firefox-esr", "Firefox ESR"),
    }  # fmt: skip
    given = linux_home / ".var/app/org.chromium.Chromium/config/chromium/Default/Cookies"
    (found,) = locations_for_paths([given])
    assert found.profile.browser_name == "Chromium (Flatpak)"
    assert found.profile.label == "Chromium (Flatpak) (Default)"
    snap = linux_home / "snap/firefox/common/.mozilla/firefox"
    assert {loc.profile.browser_name for loc in locations_for_paths([snap])} == {"Firefox (Snap)"}


def test_xdg_config_home_is_where_chromium_and_new_firefox_live(linux_home: Path,
                                                                tmp_path: Path) -> None:
    xdg = tmp_path / "xdg"
    chromium_profile(xdg / "vivaldi", "Default")
    firefox_root(xdg / "mozilla" / "firefox", [("default-esr", "x1.default-esr")],
                 install="x1.default-esr")
    firefox_profile(xdg / "mozilla" / "firefox" / "x1.default-esr")
    found = discover(env(linux_home, XDG_CONFIG_HOME=str(xdg)))
    paths = [loc.path for loc in found]
    assert xdg / "vivaldi" / "Default" / "Cookies" in paths
    assert xdg / "mozilla/firefox/x1.default-esr/cookies.sqlite" in paths
    # The browsers use $XDG_CONFIG_HOME instead of ~/.config, so do we ...
    assert not any(linux_home / ".config" in p.parents for p in paths)
    # ... but ~/.mozilla is not a config folder and stays.
    assert linux_home / ".mozilla/firefox/e5f6g7h8.default-release/cookies.sqlite" in paths
    # A relative XDG_CONFIG_HOME is invalid (XDG spec): ~/.config is used.
    relative = discover(env(linux_home, XDG_CONFIG_HOME="xdg"))
    assert linux_home / ".config/google-chrome/Default/Cookies" in [x.path for x in relative]


def test_browsers_filter(linux_home: Path) -> None:
    only_esr = discover(env(linux_home), browsers=["firefox-esr"])
    assert {loc.profile.browser_id for loc in only_esr} == {"firefox-esr"}
    assert len(only_esr) == 2
    two = discover(env(linux_home), browsers={"brave", "chrome"})
    assert [loc.profile.browser_id for loc in two] == ["chrome"] * 3 + ["brave"]
    assert discover(env(linux_home), browsers=["safari"]) == []
    with pytest.raises(UnknownBrowser, match="unknown browser chrom, fierfox; known: chrome,"):
        discover(env(linux_home), browsers=["fierfox", "chrom"])


def test_an_empty_home_has_no_stores(tmp_path: Path) -> None:
    for platform in ("linux", "win32", "darwin", "freebsd14"):
        assert discover(env(tmp_path, platform)) == []
    assert discover(env(tmp_path / "no such home")) == []


def test_firefox_default_is_the_install_default_not_default_1(tmp_path: Path) -> None:
    root = tmp_path / ".mozilla" / "firefox"
    firefox_root(root, [("default", "aa.default"), ("default-release", "bb.default-release"),
                        ("work", "cc.work")],
                 install="bb.default-release", default_flag="aa.default")  # fmt: skip
    for folder in ("aa.default", "bb.default-release", "cc.work"):
        firefox_profile(root / folder)  # here even the Default=1 one has cookies
    found = discover(env(tmp_path))
    assert [(p.profile.name, p.profile.is_default) for p in found] == [
        ("default-release", True), ("default", False), ("work", False)]


def test_firefox_default_1_counts_when_there_is_no_install_section(tmp_path: Path) -> None:
    root = tmp_path / ".mozilla" / "firefox"
    firefox_root(root, [("zeta", "aa.zeta"), ("alpha", "bb.alpha"), ("Beta", "cc.beta")],
                 install=None, default_flag="aa.zeta")
    for folder in ("aa.zeta", "bb.alpha", "cc.beta"):
        firefox_profile(root / folder)
    found = discover(env(tmp_path))
    assert [(p.profile.name, p.profile.is_default) for p in found] == [
        ("zeta", True), ("alpha", False), ("Beta", False)]


def test_firefox_editions_by_profile_folder(tmp_path: Path) -> None:
    root = tmp_path / ".mozilla" / "firefox"
    folders = ["a.default-release", "b.default-esr", "c.dev-edition-default", "d.default",
               "e.default-esr115", "default-esr"]  # the last: no salt, no dot
    firefox_root(root, [(f, f) for f in folders], install="a.default-release")
    for folder in folders:
        firefox_profile(root / folder)
    librewolf = tmp_path / ".librewolf"
    firefox_root(librewolf, [("default-default", "f.default-default"),
                             ("esr-named", "g.default-esr")], install="f.default-default")
    firefox_profile(librewolf / "f.default-default")
    firefox_profile(librewolf / "g.default-esr")  # LibreWolf's own: no edition hint
    found = {loc.profile.directory.name: loc.profile.browser_id for loc in discover(env(tmp_path))}
    assert found == {"a.default-release": "firefox", "d.default": "firefox",
                     "default-esr": "firefox", "b.default-esr": "firefox-esr",
                     "e.default-esr115": "firefox-esr", "c.dev-edition-default": "firefox-dev",
                     "f.default-default": "librewolf", "g.default-esr": "librewolf"}  # fmt: skip
    order = [loc.profile.browser_id for loc in discover(env(tmp_path))]
    assert order == sorted(order, key=BROWSER_IDS.index)


def test_session_store_while_running_and_after_quit(tmp_path: Path) -> None:
    root = tmp_path / ".mozilla" / "firefox"
    names = ["both-recovery-newer", "both-quit-newer", "only-recovery", "only-quit", "none"]
    firefox_root(root, [(n, n) for n in names], install=None)
    for name in names:
        profile = firefox_profile(root / name)
        if name.startswith("both") or name == "only-quit":
            write_session_store(profile / "sessionstore.jsonlz4", [])
        if name.startswith("both") or name == "only-recovery":
            write_session_store(profile / "sessionstore-backups" / "recovery.jsonlz4", [])
    older, newer = 1_700_000_000, 1_700_000_600
    os.utime(root / names[0] / "sessionstore.jsonlz4", (older, older))
    os.utime(root / names[0] / "sessionstore-backups/recovery.jsonlz4", (newer, newer))
    os.utime(root / names[1] / "sessionstore.jsonlz4", (newer, newer))
    os.utime(root / names[1] / "sessionstore-backups/recovery.jsonlz4", (older, older))
    sessions = {loc.profile.name: loc.path.relative_to(loc.profile.directory).as_posix()
                for loc in discover(env(tmp_path)) if loc.format is FS}  # fmt: skip
    # No profile lock, so Firefox is closed: it starts from sessionstore.jsonlz4 whatever
    # is newer (test_session_files has the running case, with a real lock).
    assert sessions == {
        "both-recovery-newer": "sessionstore.jsonlz4",
        "both-quit-newer": "sessionstore.jsonlz4",
        "only-recovery": "sessionstore-backups/recovery.jsonlz4",
        "only-quit": "sessionstore.jsonlz4",
    }


def test_a_firefox_profile_without_cookies_sqlite_is_skipped(tmp_path: Path) -> None:
    root = tmp_path / ".mozilla" / "firefox"
    firefox_root(root, [("fresh", "a.fresh"), ("gone", "b.gone")], install="a.fresh")
    firefox_profile(root / "a.fresh", cookies=False, session="quit")  # b.gone: no folder at all
    assert discover(env(tmp_path)) == []


def test_the_same_profile_reached_by_two_roots_is_listed_once(tmp_path: Path) -> None:
    home = tmp_path
    old = home / ".mozilla" / "firefox"
    firefox_root(old, [("default-release", "a.default-release")], install="a.default-release")
    firefox_profile(old / "a.default-release")
    # The new root lists the old profile by absolute path.
    new = home / ".config" / "mozilla" / "firefox"
    firefox_root(new, [("same", str(old / "a.default-release"))], install=None, relative=False)
    # The Flatpak root is a symlink to the old one; so is a Chromium Flatpak config.
    flatpak = home / ".var/app/org.mozilla.firefox/.mozilla"
    flatpak.mkdir(parents=True)
    (flatpak / "firefox").symlink_to(old)
    chromium_profile(home / ".config" / "chromium", "Default")
    chromium_flatpak = home / ".var/app/org.chromium.Chromium/config"
    chromium_flatpak.mkdir(parents=True)
    (chromium_flatpak / "chromium").symlink_to(home / ".config" / "chromium")
    found = discover(env(home))
    assert rows(found, home) == [
        ("chromium", "Default", True, ".config/chromium/Default/Cookies", CR),
        ("firefox", "default-release", True, ".mozilla/firefox/a.default-release/cookies.sqlite",
         FF),
    ]  # fmt: skip


def test_broken_files_and_loops_never_raise(tmp_path: Path) -> None:
    home = tmp_path
    chrome = home / ".config" / "google-chrome"
    chromium_profile(chrome, "Default")
    chromium_profile(chrome, "Profile 1")
    (chrome / "Local State").write_text('{"profile": {"info_cache": ', encoding="utf-8")
    (chrome / "Profile 9").symlink_to(chrome / "Profile 9")  # a symlink loop
    (chrome / "Profile 8").mkdir()
    (chrome / "Profile 8" / "Cookies").symlink_to(chrome / "Profile 8" / "Cookies")
    edge = home / ".config" / "microsoft-edge"
    chromium_profile(edge, "Default")
    (edge / "Local State").write_text('{"profile": [1, 2]}', encoding="utf-8")
    brave = home / ".config" / "BraveSoftware" / "Brave-Browser"
    chromium_profile(brave, "Profile 3")
    (brave / "Local State").write_text(json.dumps({"profile": {
        "info_cache": {"Profile 3": {"name": 7}}, "last_used": None}}), encoding="utf-8")
    vivaldi = home / ".config" / "vivaldi"
    vivaldi.mkdir(parents=True)
    (vivaldi / "Default").symlink_to(home / "nowhere")  # dangling
    ff = home / ".mozilla" / "firefox"
    ff.mkdir(parents=True)
    (ff / "profiles.ini").write_bytes(b"\x00\xff garbage without a section\n[[[")
    new = home / ".config" / "mozilla" / "firefox"
    firefox_root(new, [("loop", "loop.default"), ("ok", "b.default-release")],
                 install="b.default-release")
    (new / "loop.default").symlink_to(new / "loop.default")
    profile = firefox_profile(new / "b.default-release")
    (profile / "containers.json").write_text('{"identities": [{"userContextId": "1"}, 3, '
                                             '{"userContextId": 2, "l10nId": "unknown"}]}',
                                             encoding="utf-8")  # fmt: skip
    (new / "installs.ini").write_text("Default=no section header\n", encoding="utf-8")
    librewolf = home / ".librewolf"
    librewolf.mkdir()
    (librewolf / "profiles.ini").mkdir()  # a folder where a file should be
    found = discover(env(home))
    assert rows(found, home) == [
        ("chrome", "Default", True, ".config/google-chrome/Default/Cookies", CR),
        ("chrome", "Profile 1", False, ".config/google-chrome/Profile 1/Cookies", CR),
        ("edge", "Default", True, ".config/microsoft-edge/Default/Cookies", CR),
        ("brave", "Profile 3", False, ".config/BraveSoftware/Brave-Browser/Profile 3/Cookies",
         CR),
        ("firefox", "ok", True, ".config/mozilla/firefox/b.default-release/cookies.sqlite", FF),
    ]  # fmt: skip
    assert found[-1].profile.containers == {}


# ----------------------------------------------------------------- Windows


def test_windows_layout(tmp_path: Path) -> None:
    home = tmp_path / "Users" / "anna"
    local, roaming = tmp_path / "Local", tmp_path / "Roaming"
    chrome = local / "Google" / "Chrome" / "User Data"
    local_state(chrome, {"Default": "Anna", "Profile 2": "Jobb"}, last_used="Default")
    chromium_profile(chrome, "Default", network=True, classic=False)
    chromium_profile(chrome, "Profile 2", network=True, classic=False)
    chromium_profile(local / "Google" / "Chrome Beta" / "User Data", "Default", network=True,
                     classic=False)  # fmt: skip
    chromium_profile(local / "Microsoft" / "Edge" / "User Data", "Default", network=True)
    opera = roaming / "Opera Software" / "Opera Stable"  # the profile itself
    local_state(opera, {}, last_used=None)
    chromium_profile(opera.parent, opera.name, network=True, classic=False)
    chromium_profile(roaming / "Opera Software", "Opera GX Stable", network=True, classic=False)
    mozilla = roaming / "Mozilla" / "Firefox"
    firefox_root(mozilla, [("default", "Profiles/a1.default"),
                           ("default-release", "Profiles/b2.default-release"),
                           ("old", "Profiles\\c3.old")],
                 install="Profiles/b2.default-release", default_flag="Profiles/a1.default")
    (mozilla / "Profiles" / "a1.default").mkdir(parents=True)
    firefox_profile(mozilla / "Profiles" / "b2.default-release")
    firefox_profile(mozilla / "Profiles" / "c3.old")
    librewolf = roaming / "librewolf"
    firefox_root(librewolf, [("default-default", "Profiles/d4.default-default")],
                 install="Profiles/d4.default-default")
    firefox_profile(librewolf / "Profiles" / "d4.default-default")
    # Linux stores in the same home are not Windows ones.
    chromium_profile(home / ".config" / "chromium", "Default")

    found = discover(env(home, "win32", LOCALAPPDATA=str(local), AppData=str(roaming)))
    assert rows(found, tmp_path) == [
        ("chrome", "Anna", True, "Local/Google/Chrome/User Data/Default/Network/Cookies", CR),
        ("chrome", "Jobb", False, "Local/Google/Chrome/User Data/Profile 2/Network/Cookies", CR),
        ("chrome-beta", "Default", True,
         "Local/Google/Chrome Beta/User Data/Default/Network/Cookies", CR),
        ("edge", "Default", True, "Local/Microsoft/Edge/User Data/Default/Cookies", CR),
        ("edge", "Default", True, "Local/Microsoft/Edge/User Data/Default/Network/Cookies", CR),
        ("opera", "Default", True, "Roaming/Opera Software/Opera Stable/Network/Cookies", CR),
        ("opera-gx", "Default", True, "Roaming/Opera Software/Opera GX Stable/Network/Cookies",
         CR),
        ("firefox", "default-release", True,
         "Roaming/Mozilla/Firefox/Profiles/b2.default-release/cookies.sqlite", FF),
        ("firefox", "old", False, "Roaming/Mozilla/Firefox/Profiles/c3.old/cookies.sqlite", FF),
        ("librewolf", "default-default", True,
         "Roaming/librewolf/Profiles/d4.default-default/cookies.sqlite", FF),
    ]  # fmt: skip
    opera_profile = found[5].profile
    assert opera_profile.directory == opera_profile.root == opera
    assert found[0].profile.root == chrome


def test_windows_defaults_under_home_without_variables(tmp_path: Path) -> None:
    chromium_profile(tmp_path / "AppData/Local/BraveSoftware/Brave-Browser/User Data", "Default",
                     network=True, classic=False)  # fmt: skip
    mozilla = tmp_path / "AppData/Roaming/Mozilla/Firefox"
    firefox_root(mozilla, [("default-esr", "Profiles/e.default-esr")], install=None)
    firefox_profile(mozilla / "Profiles/e.default-esr")
    found = discover(env(tmp_path, "win32"))
    assert rows(found, tmp_path) == [
        ("brave", "Default", True,
         "AppData/Local/BraveSoftware/Brave-Browser/User Data/Default/Network/Cookies", CR),
        ("firefox-esr", "default-esr", False,
         "AppData/Roaming/Mozilla/Firefox/Profiles/e.default-esr/cookies.sqlite", FF),
    ]  # fmt: skip


# ------------------------------------------------------------------- macOS


def test_macos_layout(tmp_path: Path) -> None:
    home = tmp_path
    support = home / "Library" / "Application Support"
    local_state(support / "Google" / "Chrome", {"Default": "Anna"}, last_used="Default")
    chromium_profile(support / "Google" / "Chrome", "Default")
    chromium_profile(support / "Microsoft Edge", "Profile 1")
    chromium_profile(support, "com.operasoftware.Opera")
    firefox_root(support / "Firefox", [("default-release", "Profiles/x.default-release")],
                 install="Profiles/x.default-release")
    firefox_profile(support / "Firefox" / "Profiles" / "x.default-release", session="quit")
    container = home / "Library/Containers/com.apple.Safari/Data/Library/Cookies"
    safari_file(container / "Cookies.binarycookies")
    safari_file(home / "Library/Cookies/Cookies.binarycookies")
    chromium_profile(home / ".config" / "google-chrome", "Default")  # not a macOS place

    found = discover(env(home, "darwin"))
    assert rows(found, home) == [
        ("chrome", "Anna", True, "Library/Application Support/Google/Chrome/Default/Cookies", CR),
        ("edge", "Profile 1", False,
         "Library/Application Support/Microsoft Edge/Profile 1/Cookies", CR),
        ("opera", "Default", True, "Library/Application Support/com.operasoftware.Opera/Cookies",
         CR),
        ("firefox", "default-release", True,
         "Library/Application Support/Firefox/Profiles/x.default-release/cookies.sqlite", FF),
        ("firefox", "default-release", True,
         "Library/Application Support/Firefox/Profiles/x.default-release/sessionstore.jsonlz4",
         FS),
        ("safari", "Safari", True,
         "Library/Containers/com.apple.Safari/Data/Library/Cookies/Cookies.binarycookies", SB),
        ("safari", "Safari", False, "Library/Cookies/Cookies.binarycookies", SB),
    ]  # fmt: skip
    assert found[-2].profile.root == found[-2].profile.directory == container
    assert discover(env(home, "linux"), browsers=["safari"]) == []


def _as_nobody() -> list[str]:
    """A command prefix that drops root, so that chmod 000 denies."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root and setpriv is missing: cannot be denied a folder")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_safari_behind_macos_privacy_is_still_listed(tmp_path: Path) -> None:
    # TCC denies listing the container; the reader then asks for Full Disk Access.
    # An unreadable Chromium profile folder is listed with what is wrong.
    prefix = _as_nobody()
    code = (
        "import sys; from pathlib import Path\n"
        "from fkinspect.browsers.discovery import Environment, discover\n"
        "for loc in discover(Environment(Path(sys.argv[1]), {}, sys.argv[2])):\n"
        "    print(loc.profile.browser_id, loc.path.relative_to(sys.argv[1]), loc.problem)\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        home.chmod(0o755)
        cookies = home / "Library/Containers/com.apple.Safari/Data/Library/Cookies"
        safari_file(cookies / "Cookies.binarycookies")
        chrome = home / "Library/Application Support/Google/Chrome"
        chromium_profile(chrome, "Default")
        chromium_profile(chrome, "Profile 1")
        for folder_ in home.rglob("*"):
            folder_.chmod(0o755 if folder_.is_dir() else 0o644)
        try:
            for locked in (cookies, chrome / "Profile 1"):
                locked.chmod(0)
            done = subprocess.run(
                [*prefix, sys.executable, "-c", code, str(home), "darwin"],
                capture_output=True, text=True, check=True, timeout=60, cwd=REPO,
                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            )  # fmt: skip
            outputs = done.stdout.splitlines()
        finally:
            cookies.chmod(0o755)
            (chrome / "Profile 1").chmod(0o755)
    assert outputs == [
        "chrome Library/Application Support/Google/Chrome/Default/Cookies ",
        "chrome Library/Application Support/Google/Chrome/Profile 1 "
        "The profile folder cannot be read (permission denied).",
        "safari Library/Containers/com.apple.Safari/Data/Library/Cookies/Cookies.binarycookies ",
    ]


# ------------------------------------------------------ --store: given paths


def test_a_file_is_known_by_its_content_not_its_name(tmp_path: Path) -> None:
    renamed = tmp_path / "x.bin"
    write_chromium_store(renamed, [COOKIE])
    firefox_named_cookies = tmp_path / "support" / "Cookies"
    write_firefox_store(firefox_named_cookies, [COOKIE])
    session = tmp_path / "sess"
    write_session_store(session, [])
    safari = tmp_path / "cookies.sqlite"  # a Safari file under a Firefox name
    safari_file(safari)
    found = locations_for_paths([renamed, firefox_named_cookies, session, safari])
    assert [(loc.path, loc.format, loc.profile.family, loc.profile.browser_id) for loc in found] \
        == [(renamed, CR, Family.CHROMIUM, "chromium"),
            (firefox_named_cookies, FF, Family.FIREFOX, "firefox"),
            (session, FS, Family.FIREFOX, "firefox"),
            (safari, SB, Family.SAFARI, "safari")]  # fmt: skip
    assert found[1].profile.directory == tmp_path / "support"
    assert found[1].profile.name == "support"


def test_garbage_and_missing_paths_are_unknown_stores(tmp_path: Path) -> None:
    garbage = tmp_path / "Cookies"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(UnknownStore) as raised:
        locations_for_paths([garbage])
    assert raised.value.status is StoreStatus.UNSUPPORTED
    assert raised.value.path == garbage
    assert "not a cookie store fkinspect knows" in str(raised.value)
    with pytest.raises(UnknownStore, match="no such file or folder"):
        locations_for_paths([tmp_path / "missing"])
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    with pytest.raises(UnknownStore, match="no cookie store in this folder"):
        locations_for_paths([empty_folder])


def test_a_chromium_profile_folder_given_by_path(linux_home: Path) -> None:
    chrome = linux_home / ".config" / "google-chrome"
    found = locations_for_paths([chrome / "Profile 1"])
    assert [(loc.profile.browser_id, loc.profile.name, loc.profile.is_default,
             loc.path.relative_to(chrome).as_posix()) for loc in found] == [
        ("chrome", "Arbete", True, "Profile 1/Cookies"),
        ("chrome", "Arbete", True, "Profile 1/Network/Cookies"),
    ]  # fmt: skip
    assert found[0].profile.root == chrome
    # The same profiles as discovery finds: a store given twice is one store to scan.
    discovered = [loc for loc in discover(env(linux_home)) if loc.profile.browser_id == "chrome"]
    assert found == discovered[:2]
    # A whole user-data-dir: every profile of it.
    assert locations_for_paths([chrome]) == discovered


def test_a_firefox_profile_folder_and_session_file_given_by_path(linux_home: Path) -> None:
    root = linux_home / ".config" / "mozilla" / "firefox"
    profile = root / "k3m9q2xa.default-esr"
    expected = [loc for loc in discover(env(linux_home)) if loc.profile.directory == profile]
    assert len(expected) == 2
    assert locations_for_paths([profile]) == expected
    assert locations_for_paths([profile / "sessionstore-backups" / "recovery.jsonlz4"]) \
        == expected[1:]
    assert locations_for_paths([root]) == expected  # the profiles root: its profiles
    located = locations_for_paths([profile / "cookies.sqlite"])[0].profile
    assert (located.browser_id, located.name, located.is_default) == (
        "firefox-esr", "default-esr", True)
    assert located.containers == {1: "Personal", 2: "Work", 7: "Arbete"}


def test_a_safari_file_given_by_path(tmp_path: Path) -> None:
    path = tmp_path / "Cookies.binarycookies"
    safari_file(path)
    (found,) = locations_for_paths([tmp_path])
    assert (found.path, found.format, found.profile.browser_id) == (path, SB, "safari")
    assert found.profile.directory == found.profile.root == tmp_path
