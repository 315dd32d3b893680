"""Which browsers fkinspect knows, and where each one keeps its profiles.

Data only: `fkinspect.browsers.discovery` walks these roots. A root is a base
folder (the home, the XDG config folder, %LOCALAPPDATA%, %APPDATA% or macOS's
Application Support) plus fixed path parts, for one platform.

Browser ids (stable: they appear in `--browser`, in `--json` output and in logs),
in catalog order, which is also the order of discovery's results:

    chrome        Google Chrome
    chrome-beta   Google Chrome Beta
    chrome-dev    Google Chrome Dev
    chromium      Chromium (also Flatpak and Snap)
    edge          Microsoft Edge
    edge-beta     Microsoft Edge Beta
    edge-dev      Microsoft Edge Dev
    brave         Brave
    opera         Opera
    opera-gx      Opera GX
    vivaldi       Vivaldi
    firefox       Firefox
    firefox-esr   Firefox ESR
    firefox-dev   Firefox Developer Edition
    librewolf     LibreWolf
    safari        Safari (macOS)

A Flatpak or Snap install keeps the native browser's id; its name for people
says which install it is: "Chromium (Flatpak)", "Firefox (Snap)" (`display_name`).

Firefox, Firefox ESR and Developer Edition share their profile roots: a
profile's folder suffix (`.default-esr`, `.dev-edition-default`,
`.default-release`) says which edition made it (`FIREFOX_EDITIONS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from fkinspect.model import Family

LINUX, WINDOWS, MACOS = "linux", "win32", "darwin"


class Base(Enum):
    """The folder a root's path parts start from."""

    HOME = "home"
    CONFIG = "config"  # $XDG_CONFIG_HOME, default ~/.config
    LOCAL_APPDATA = "local_appdata"  # %LOCALAPPDATA%, default ~/AppData/Local
    APPDATA = "appdata"  # %APPDATA%, default ~/AppData/Roaming
    APP_SUPPORT = "app_support"  # ~/Library/Application Support


@dataclass(frozen=True, slots=True)
class Root:
    """Where a browser keeps its profiles on one platform.

    Chromium: the user-data-dir. Firefox: the folder holding profiles.ini.
    Safari: the folder holding Cookies.binarycookies.
    """

    platform: str  # LINUX stands for every XDG-style system
    base: Base
    parts: tuple[str, ...]
    # Firefox roots shared by its editions: the profile folder suffix decides.
    editions: bool = False
    # "Flatpak", "Snap": an install of its own beside the native one, named in
    # the browser's name for people ("Chromium (Flatpak)"); "" for the native one.
    install: str = ""


@dataclass(frozen=True, slots=True)
class Browser:
    id: str
    name: str
    family: Family
    roots: tuple[Root, ...]


def _path(text: str) -> tuple[str, ...]:
    return tuple(text.split("/"))


FLATPAK, SNAP = "Flatpak", "Snap"


def _linux(folder: str, flatpak: str | None = None, snap: str | None = None) -> tuple[Root, ...]:
    """A Chromium browser under ~/.config, in its Flatpak sandbox and as a Snap."""
    roots = [Root(LINUX, Base.CONFIG, _path(folder))]
    if flatpak:
        roots.append(Root(LINUX, Base.HOME, (".var", "app", flatpak, "config", *_path(folder)),
                          install=FLATPAK))
    if snap:
        roots.append(Root(LINUX, Base.HOME, _path(snap), install=SNAP))
    return tuple(roots)


def _windows(folder: str, base: Base = Base.LOCAL_APPDATA) -> Root:
    return Root(WINDOWS, base, _path(folder))


def _macos(folder: str, base: Base = Base.APP_SUPPORT) -> Root:
    return Root(MACOS, base, _path(folder))


def _chromium(id_: str, name: str, *roots: Root | tuple[Root, ...]) -> Browser:
    flat: list[Root] = []
    for root in roots:
        flat.extend((root,) if isinstance(root, Root) else root)
    return Browser(id_, name, Family.CHROMIUM, tuple(flat))


def _firefox(id_: str, name: str, *roots: Root) -> Browser:
    return Browser(id_, name, Family.FIREFOX, roots)


_MOZILLA = (
    Root(LINUX, Base.HOME, (".mozilla", "firefox"), editions=True),
    # Firefox 147+ on a new home (seen with ESR 153: it chose this one).
    Root(LINUX, Base.CONFIG, ("mozilla", "firefox"), editions=True),
    Root(LINUX, Base.HOME, _path(".var/app/org.mozilla.firefox/.mozilla/firefox"), editions=True,
         install=FLATPAK),
    Root(LINUX, Base.HOME, _path(".var/app/org.mozilla.firefox/config/mozilla/firefox"),
         editions=True, install=FLATPAK),
    Root(LINUX, Base.HOME, _path("snap/firefox/common/.mozilla/firefox"), editions=True,
         install=SNAP),
    Root(WINDOWS, Base.APPDATA, ("Mozilla", "Firefox"), editions=True),
    Root(MACOS, Base.APP_SUPPORT, ("Firefox",), editions=True),
)  # fmt: skip

CATALOG: tuple[Browser, ...] = (
    _chromium("chrome", "Google Chrome",
              _linux("google-chrome", "com.google.Chrome"),
              _windows("Google/Chrome/User Data"), _macos("Google/Chrome")),
    _chromium("chrome-beta", "Google Chrome Beta",
              _linux("google-chrome-beta", "com.google.ChromeBeta"),
              _windows("Google/Chrome Beta/User Data"), _macos("Google/Chrome Beta")),
    _chromium("chrome-dev", "Google Chrome Dev",
              _linux("google-chrome-unstable", "com.google.ChromeDev"),
              _windows("Google/Chrome Dev/User Data"), _macos("Google/Chrome Dev")),
    _chromium("chromium", "Chromium",
              _linux("chromium", "org.chromium.Chromium", "snap/chromium/common/chromium"),
              _windows("Chromium/User Data"), _macos("Chromium")),
    _chromium("edge", "Microsoft Edge",
              _linux("microsoft-edge", "com.microsoft.Edge"),
              _windows("Microsoft/Edge/User Data"), _macos("Microsoft Edge")),
    _chromium("edge-beta", "Microsoft Edge Beta",
              _linux("microsoft-edge-beta"),
              _windows("Microsoft/Edge Beta/User Data"), _macos("Microsoft Edge Beta")),
    _chromium("edge-dev", "Microsoft Edge Dev",
              _linux("microsoft-edge-dev"),
              _windows("Microsoft/Edge Dev/User Data"), _macos("Microsoft Edge Dev")),
    _chromium("brave", "Brave",
              _linux("BraveSoftware/Brave-Browser", "com.brave.Browser",
                     "snap/brave/current/.config/BraveSoftware/Brave-Browser"),
              _windows("BraveSoftware/Brave-Browser/User Data"),
              _macos("BraveSoftware/Brave-Browser")),
    # Opera's user-data-dir is itself the profile (no Default subfolder).
    _chromium("opera", "Opera",
              _linux("opera", "com.opera.Opera"),
              _windows("Opera Software/Opera Stable", Base.APPDATA),
              _macos("com.operasoftware.Opera")),
    _chromium("opera-gx", "Opera GX",
              _windows("Opera Software/Opera GX Stable", Base.APPDATA),
              _macos("com.operasoftware.OperaGX")),
    _chromium("vivaldi", "Vivaldi",
              _linux("vivaldi", "com.vivaldi.Vivaldi"),
              _windows("Vivaldi/User Data"), _macos("Vivaldi")),
    _firefox("firefox", "Firefox", *_MOZILLA),
    # ESR and Developer Edition live in Firefox's roots; they are told apart by
    # the profile folder suffix (FIREFOX_EDITIONS), so they have no roots here.
    _firefox("firefox-esr", "Firefox ESR"),
    _firefox("firefox-dev", "Firefox Developer Edition"),
    _firefox("librewolf", "LibreWolf",
             Root(LINUX, Base.HOME, (".librewolf",)),
             Root(LINUX, Base.HOME, _path(".var/app/io.gitlab.librewolf-community/.librewolf"),
                  install=FLATPAK),
             Root(WINDOWS, Base.APPDATA, ("librewolf",)),
             Root(MACOS, Base.APP_SUPPORT, ("librewolf",))),
    Browser("safari", "Safari", Family.SAFARI, (
        Root(MACOS, Base.HOME, _path("Library/Containers/com.apple.Safari/Data/Library/Cookies")),
        Root(MACOS, Base.HOME, _path("Library/Cookies")),  # before the Safari sandbox
    )),
)  # fmt: skip

BROWSERS: dict[str, Browser] = {b.id: b for b in CATALOG}


def display_name(name: str, root: Root | None) -> str:
    """A browser's name for people, with the install when it is not the native one:
    native, Flatpak and Snap Chromium are three browsers to close."""
    return f"{name} ({root.install})" if root is not None and root.install else name

BROWSER_IDS: tuple[str, ...] = tuple(BROWSERS)

# Profile folder name after its first dot -> the edition that created it
# (a prefix: some ESR builds add the major version, "default-esr115").
FIREFOX_EDITIONS: tuple[tuple[str, str], ...] = (
    ("default-esr", "firefox-esr"),
    ("dev-edition-default", "firefox-dev"),
    ("default-release", "firefox"),
)

# Chromium profile folders that never hold the user's browsing.
CHROMIUM_SKIPPED_PROFILES = frozenset({"System Profile", "Guest Profile"})

# Firefox's built-in containers have no name, only a localisation id:
# containers.json version 4 wrote `l10nID`, version 5+ writes `l10nId`.
FIREFOX_CONTAINER_NAMES: dict[str, str] = {
    "userContextPersonal.label": "Personal",
    "userContextWork.label": "Work",
    "userContextBanking.label": "Banking",
    "userContextShopping.label": "Shopping",
    "user-context-personal": "Personal",
    "user-context-work": "Work",
    "user-context-banking": "Banking",
    "user-context-shopping": "Shopping",
}

SAFARI_FILE = "Cookies.binarycookies"
