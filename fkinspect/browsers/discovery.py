"""Find every cookie store of every profile of every installed browser.

The home folder, the environment and the platform are passed in, so the
Windows and macOS layouts are tested on Linux. Discovery only looks: it opens
no database (except to tell a file given by path by its content) and never
raises for what it finds on disk; an unreadable folder, a broken ini or JSON
file or a symlink loop costs that item only.

Order of `discover()`: browsers in catalog order (fkinspect.browsers.catalog
lists the ids), then their roots in catalog order, then the default profile
first and the others by name; inside a profile `Cookies` before
`Network/Cookies`, `cookies.sqlite` before the session store.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import sys
from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from fkinspect.browsers.catalog import (
    BROWSER_IDS,
    BROWSERS,
    CATALOG,
    CHROMIUM_SKIPPED_PROFILES,
    FIREFOX_CONTAINER_NAMES,
    FIREFOX_EDITIONS,
    MACOS,
    SAFARI_FILE,
    WINDOWS,
    Base,
    Browser,
    Root,
)
from fkinspect.browsers.detect import UnknownStore, detect_format, read_head, why_unknown
from fkinspect.browsers.session_files import BACKUPS, live_session_file
from fkinspect.errors import FkInspectError
from fkinspect.model import Family, Profile, StoreFormat, StoreLocation
from fkinspect.running import FIREFOX_LOCK, FIREFOX_WINDOWS_LOCK, running_evidence

CHROMIUM_STORES = (Path("Cookies"), Path("Network", "Cookies"))
FIREFOX_STORE = "cookies.sqlite"
LOCAL_STATE = "Local State"
PROFILES_INI = "profiles.ini"
INSTALLS_INI = "installs.ini"
CONTAINERS_JSON = "containers.json"
# Config files are small; a huge one is not what we think it is.
_MAX_CONFIG_BYTES = 16 * 1024 * 1024
_PROFILE_SECTION = re.compile(r"Profile\d+", re.IGNORECASE)


class UnknownBrowser(FkInspectError):
    """--browser named an id that is not in the catalog."""

    def __init__(self, names: Collection[str]) -> None:
        super().__init__(
            f"unknown browser {', '.join(sorted(names))}; known: {', '.join(BROWSER_IDS)}"
        )
        self.names = tuple(sorted(names))


class Environment(NamedTuple):
    """The home folder, environment variables and platform to look in."""

    home: Path
    env: Mapping[str, str]
    platform: str  # "linux", "win32", "darwin" (sys.platform spelling)

    @classmethod
    def current(cls) -> Environment:
        return cls(Path.home(), dict(os.environ), sys.platform)

    @classmethod
    def of_home(cls, home: Path, platform: str | None = None) -> Environment:
        """A copied or foreign home: its own default folders, not this user's XDG paths."""
        return cls(home, {}, platform or sys.platform)

    def variable(self, name: str) -> str | None:
        value = self.env.get(name)
        if value is None and self.platform == WINDOWS:  # names are case-insensitive there
            wanted = name.casefold()
            value = next((v for k, v in self.env.items() if k.casefold() == wanted), None)
        return value or None

    def base(self, base: Base) -> Path:
        if base is Base.CONFIG:
            xdg = self.variable("XDG_CONFIG_HOME")
            # The XDG spec: a relative value is invalid and ignored.
            return Path(xdg) if xdg and Path(xdg).is_absolute() else self.home / ".config"
        if base is Base.LOCAL_APPDATA:
            return _windows_folder(self.variable("LOCALAPPDATA"), self.home / "AppData" / "Local")
        if base is Base.APPDATA:
            return _windows_folder(self.variable("APPDATA"), self.home / "AppData" / "Roaming")
        if base is Base.APP_SUPPORT:
            return self.home / "Library" / "Application Support"
        return self.home

    def runs(self, root: Root) -> bool:
        """Does this root belong to this platform? (Any other Unix uses the XDG layout.)"""
        if self.platform in (WINDOWS, MACOS):
            return root.platform == self.platform
        return root.platform not in (WINDOWS, MACOS)

    def path(self, root: Root) -> Path:
        return self.base(root.base).joinpath(*root.parts)


def _windows_folder(value: str | None, default: Path) -> Path:
    return Path(value) if value else default


# --------------------------------------------------------------- tolerant I/O


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _key(path: Path) -> Path:
    """The same folder reached by two roots (a symlink, ~/.config twice) compares equal."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
        return path.absolute()


def _subfolders(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            return sorted(Path(e.path) for e in entries if _is_dir(Path(e.path)))
    except OSError:
        return []


def _read_text(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_CONFIG_BYTES + 1)
    except OSError:
        return None
    if len(data) > _MAX_CONFIG_BYTES:
        return None
    return data.decode("utf-8-sig", errors="replace")


def _read_json(path: Path) -> Any:
    text = _read_text(path)
    if text is None:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _read_ini(path: Path) -> configparser.ConfigParser | None:
    text = _read_text(path)
    if text is None:
        return None
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep "Path", "Name"
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error:
        return None
    return parser


def _get(section: Mapping[str, str], name: str) -> str | None:
    """A key of an ini section, whatever its case (Firefox reads them case-sensitively,
    but hand-edited files differ)."""
    value = section.get(name)
    if value is None:
        wanted = name.casefold()
        value = next((v for k, v in section.items() if k.casefold() == wanted), None)
    return value.strip() if value is not None else None


def _profile_order(profile: Profile) -> tuple[bool, str, str]:
    """Inside a root: the default profile first, then by name."""
    return (not profile.is_default, profile.name.casefold(), str(profile.directory))


# ------------------------------------------------------------------ Chromium


class _LocalState(NamedTuple):
    names: Mapping[str, str]  # profile folder -> display name
    last_used: str | None


def _local_state(root: Path) -> _LocalState:
    data = _read_json(root / LOCAL_STATE)
    profile = data.get("profile") if isinstance(data, dict) else None
    if not isinstance(profile, dict):
        return _LocalState({}, None)
    cache = profile.get("info_cache")
    names: dict[str, str] = {}
    if isinstance(cache, dict):
        for folder, info in cache.items():
            name = info.get("name") if isinstance(info, dict) else None
            if isinstance(name, str) and name.strip():
                names[folder] = name.strip()
    last = profile.get("last_used")
    return _LocalState(names, last if isinstance(last, str) and last else None)


def _chromium_stores(folder: Path) -> list[Path]:
    return [folder / rel for rel in CHROMIUM_STORES if _is_file(folder / rel)]


def _chromium_default(state: _LocalState, folders: Collection[str]) -> str | None:
    for candidate in (state.last_used, "Default"):
        if candidate is not None and candidate in folders:
            return candidate
    return None


def _chromium_profiles(browser: Browser, root: Path) -> list[tuple[Profile, list[Path]]]:
    """Every profile of one user-data-dir that holds a cookie file, with those files."""
    state = _local_state(root)
    found: list[tuple[Path, list[Path]]] = []
    # Opera's user-data-dir is itself the profile (its Network/ is no profile).
    own = _chromium_stores(root)
    if own:
        found.append((root, own))
    for folder in [] if own else _subfolders(root):
        if folder.name in CHROMIUM_SKIPPED_PROFILES:
            continue
        stores = _chromium_stores(folder)
        if stores:
            found.append((folder, stores))
    default = _chromium_default(state, {f.name for f, _ in found if f != root})
    profiles = []
    for folder, stores in found:
        if folder == root:
            name, is_default = "Default", True
        else:
            name, is_default = state.names.get(folder.name, folder.name), folder.name == default
        profile = Profile(browser.id, browser.name, Family.CHROMIUM, name, folder, root,
                          is_default=is_default)  # fmt: skip
        profiles.append((profile, stores))
    profiles.sort(key=lambda item: _profile_order(item[0]))
    return profiles


# ------------------------------------------------------------------- Firefox


def _containers(profile_dir: Path) -> dict[int, str]:
    data = _read_json(profile_dir / CONTAINERS_JSON)
    identities = data.get("identities") if isinstance(data, dict) else None
    names: dict[int, str] = {}
    if not isinstance(identities, list):
        return names
    for identity in identities:
        if not isinstance(identity, dict) or identity.get("public") is False:
            continue  # internal ones: thumbnails, extension storage
        context = identity.get("userContextId")
        if not isinstance(context, int) or isinstance(context, bool):
            continue
        name = identity.get("name")
        if not isinstance(name, str) or not name.strip():
            l10n = identity.get("l10nId", identity.get("l10nID"))
            name = FIREFOX_CONTAINER_NAMES.get(l10n) if isinstance(l10n, str) else None
        if name:
            names[context] = name.strip()
    return names


def _edition(root_browser: Browser, editions: bool, folder: Path) -> Browser:
    """Firefox, ESR and Developer Edition share roots: the folder suffix tells them apart."""
    if not editions:
        return root_browser
    _, dot, tail = folder.name.partition(".")
    if dot:
        for prefix, browser_id in FIREFOX_EDITIONS:
            if tail.startswith(prefix):
                return BROWSERS[browser_id]
    return root_browser


def _ini_path(root: Path, value: str, relative: bool) -> Path:
    if relative:
        # Firefox writes "Profiles/abc.default-release" with a slash on every system.
        return root.joinpath(*re.split(r"[\\/]", value))
    return Path(value)


def _install_defaults(root: Path, profiles_ini: configparser.ConfigParser) -> set[Path]:
    """The profiles the installs use: [Install<hash>] of profiles.ini and installs.ini."""
    sections = [profiles_ini[s] for s in profiles_ini.sections() if s.startswith("Install")]
    installs = _read_ini(root / INSTALLS_INI)
    if installs is not None:
        sections += [installs[s] for s in installs.sections()]
    defaults = set()
    for section in sections:
        value = _get(section, "Default")
        if value:
            absolute = Path(value).is_absolute() or re.match(r"[A-Za-z]:[\\/]", value)
            defaults.add(_key(_ini_path(root, value, relative=not absolute)))
    return defaults


class _IniProfile(NamedTuple):
    name: str
    directory: Path
    is_default: bool


def _ini_profiles(root: Path) -> list[_IniProfile]:
    """Every [ProfileN] of a root's profiles.ini; [] when there is none or it is broken."""
    ini = _read_ini(root / PROFILES_INI)
    if ini is None:
        return []
    installs = _install_defaults(root, ini)
    found = []
    for section_name in ini.sections():
        if not _PROFILE_SECTION.fullmatch(section_name):
            continue
        section = ini[section_name]
        path = _get(section, "Path")
        if not path:
            continue
        relative = _get(section, "IsRelative") != "0"
        directory = _ini_path(root, path, relative)
        name = _get(section, "Name") or directory.name
        # Default=1 alone is not the profile in use: a first run leaves it empty.
        in_use = _key(directory) in installs
        is_default = in_use if installs else _get(section, "Default") == "1"
        found.append(_IniProfile(name, directory, is_default))
    return found


def _session_store(profile_dir: Path) -> Path | None:
    """The session file that holds the profile's session state now (session_files)."""
    if live_session_file(profile_dir, running=False) is None:
        return None  # no session file at all: whether Firefox runs does not matter
    return live_session_file(profile_dir, running=_firefox_runs(profile_dir))


def _firefox_runs(profile_dir: Path) -> bool:
    # Only the profile's own lock tells: without one (a copied profile, or one this
    # Firefox never ran) a Firefox process elsewhere says nothing about these files.
    locks = (profile_dir / FIREFOX_LOCK, profile_dir / FIREFOX_WINDOWS_LOCK)
    if not any(os.path.lexists(lock) for lock in locks):
        return False
    probe = Profile("firefox", "Firefox", Family.FIREFOX, profile_dir.name, profile_dir,
                    profile_dir.parent)  # fmt: skip
    return running_evidence(probe) is not None


def _firefox_locations(profile: Profile) -> list[StoreLocation]:
    store = profile.directory / FIREFOX_STORE
    if not _is_file(store):
        return []
    found = [StoreLocation(profile, store, StoreFormat.FIREFOX_SQLITE)]
    session = _session_store(profile.directory)
    if session is not None:
        found.append(StoreLocation(profile, session, StoreFormat.FIREFOX_SESSION))
    return found


def _firefox_profile(browser: Browser, root: Path, entry: _IniProfile, editions: bool) -> Profile:
    edition = _edition(browser, editions, entry.directory)
    return Profile(edition.id, edition.name, Family.FIREFOX, entry.name, entry.directory, root,
                   is_default=entry.is_default,
                   containers=_containers(entry.directory))  # fmt: skip


# -------------------------------------------------------------------- Safari


def _safari_store(folder: Path) -> Path | None:
    """The cookie file when it exists, or when macOS privacy (TCC) hides it from us."""
    path = folder / SAFARI_FILE
    try:
        path.stat()
    except PermissionError:
        return path  # the reader says "give Full Disk Access"
    except OSError:
        return None
    return path if _is_file(path) else None


# ------------------------------------------------------------------ discover


class _Found(NamedTuple):
    order: tuple[int, int, bool, str, str]
    locations: list[StoreLocation]


def _sort_key(profile: Profile, root_index: int) -> tuple[int, int, bool, str, str]:
    return (BROWSER_IDS.index(profile.browser_id), root_index, *_profile_order(profile))


def _may_hold(browser: Browser, root: Root, wanted: Collection[str]) -> bool:
    if not wanted or browser.id in wanted:
        return True
    return root.editions and any(edition in wanted for _, edition in FIREFOX_EDITIONS)


def _roots(environment: Environment) -> Iterator[tuple[int, Browser, Root, Path]]:
    index = 0
    for browser in CATALOG:
        for root in browser.roots:
            if environment.runs(root):
                yield index, browser, root, environment.path(root)
                index += 1


def _discover_root(browser: Browser, root: Root, path: Path, index: int,
                   seen: set[Path]) -> list[_Found]:  # fmt: skip
    found = []
    if browser.family is Family.SAFARI:
        store = _safari_store(path)
        if store is not None and _key(store) not in seen:
            seen.add(_key(store))
            profile = Profile(browser.id, browser.name, Family.SAFARI, browser.name, path, path,
                              is_default=root == browser.roots[0])  # fmt: skip
            location = StoreLocation(profile, store, StoreFormat.SAFARI_BINARY)
            found.append(_Found(_sort_key(profile, index), [location]))
        return found
    if not _is_dir(path) or _key(path) in seen:
        return found
    seen.add(_key(path))
    if browser.family is Family.CHROMIUM:
        for profile, stores in _chromium_profiles(browser, path):
            locations = [StoreLocation(profile, s, StoreFormat.CHROMIUM_SQLITE) for s in stores]
            found.append(_Found(_sort_key(profile, index), locations))
        return found
    for entry in _ini_profiles(path):
        if _key(entry.directory) in seen:
            continue
        seen.add(_key(entry.directory))
        profile = _firefox_profile(browser, path, entry, root.editions)
        locations = _firefox_locations(profile)
        if locations:
            found.append(_Found(_sort_key(profile, index), locations))
    return found


def discover(environment: Environment, *, browsers: Collection[str] = ()) -> list[StoreLocation]:
    """Every store of every profile of every installed browser, in a stable order.

    `browsers` keeps only these browser ids (see fkinspect.browsers.catalog);
    an id that is not in the catalog raises UnknownBrowser.
    """
    wanted = set(browsers)
    unknown = wanted - set(BROWSER_IDS)
    if unknown:
        raise UnknownBrowser(unknown)
    seen: set[Path] = set()
    found: list[_Found] = []
    for index, browser, root, path in _roots(environment):
        if not _may_hold(browser, root, wanted):
            continue
        try:
            found += _discover_root(browser, root, path, index, seen)
        except (OSError, ValueError, RecursionError):
            continue  # a folder that changed under us costs that root only
    found.sort(key=lambda f: f.order)
    return [loc for f in found for loc in f.locations
            if not wanted or loc.profile.browser_id in wanted]  # fmt: skip


# ------------------------------------------------------- --store: given paths

_LOOKED_FOR = "Cookies, Network/Cookies, cookies.sqlite, the session store, Cookies.binarycookies"


def locations_for_paths(paths: Sequence[Path]) -> list[StoreLocation]:
    """The stores of cookie files or profile folders given by path (--store).

    A file is recognised by its content, not its name. A folder may be a
    profile (the stores inside it), a Chromium user-data-dir (`Local State`)
    or a Firefox profiles root (`profiles.ini`). Anything else raises
    UnknownStore with a plain reason.
    """
    found: list[StoreLocation] = []
    for path in paths:
        found += _locations_for_path(path)
    return found


def _locations_for_path(path: Path) -> list[StoreLocation]:
    if _is_dir(path):
        found = _profile_folder(path) or _root_folder(path)
        if not found:
            raise UnknownStore(path, f"no cookie store in this folder (looked for {_LOOKED_FOR})")
        return found
    fmt = detect_format(path)
    if fmt is None and path.name == SAFARI_FILE and _denied(path):
        fmt = StoreFormat.SAFARI_BINARY  # macOS privacy: the reader asks for Full Disk Access
    if fmt is None:
        raise UnknownStore(path, why_unknown(path))
    return [_location_for_file(path, fmt)]


def _denied(path: Path) -> bool:
    try:
        read_head(path)
    except PermissionError:
        return True
    except OSError:
        return False
    return False


def _profile_folder(folder: Path) -> list[StoreLocation]:
    candidates = [folder / rel for rel in CHROMIUM_STORES]
    candidates.append(folder / FIREFOX_STORE)
    session = _session_store(folder)
    if session is not None:
        candidates.append(session)
    candidates.append(folder / SAFARI_FILE)
    found = []
    for candidate in candidates:
        if _is_file(candidate):
            fmt = detect_format(candidate)
            if fmt is not None:
                found.append(_location_for_file(candidate, fmt))
    return found


def _root_folder(folder: Path) -> list[StoreLocation]:
    if _is_file(folder / LOCAL_STATE):
        browser = _guess_browser(folder, Family.CHROMIUM)
        return [StoreLocation(profile, store, StoreFormat.CHROMIUM_SQLITE)
                for profile, stores in _chromium_profiles(browser, folder)
                for store in stores]  # fmt: skip
    if _is_file(folder / PROFILES_INI):
        browser = _guess_browser(folder, Family.FIREFOX)
        editions = browser.id == "firefox"
        profiles = [_firefox_profile(browser, folder, entry, editions)
                    for entry in _ini_profiles(folder)]  # fmt: skip
        profiles.sort(key=lambda p: (BROWSER_IDS.index(p.browser_id), *_profile_order(p)))
        return [location for profile in profiles for location in _firefox_locations(profile)]
    return []


def _location_for_file(path: Path, fmt: StoreFormat) -> StoreLocation:
    if fmt is StoreFormat.CHROMIUM_SQLITE:
        profile = _chromium_profile_of(path)
    elif fmt is StoreFormat.SAFARI_BINARY:
        profile = Profile("safari", BROWSERS["safari"].name, Family.SAFARI,
                          BROWSERS["safari"].name, path.parent, path.parent)  # fmt: skip
    else:
        profile = _firefox_profile_of(path)
    return StoreLocation(profile, path, fmt)


def _contains(parts: Sequence[str], marker: Sequence[str]) -> bool:
    width = len(marker)
    return any(list(parts[i : i + width]) == list(marker) for i in range(len(parts) - width + 1))


def _guess_browser(path: Path, family: Family) -> Browser:
    """The browser whose folder names appear in `path` (the longest match wins).

    It picks the right keyring entry for a value; a plain copy falls back to
    the family's open-source browser.
    """
    parts = [p.casefold() for p in path.absolute().parts]
    best = BROWSERS["chromium" if family is Family.CHROMIUM else "firefox"]
    best_width = 0
    for browser in CATALOG:
        if browser.family is not family:
            continue
        for root in browser.roots:
            marker = [p.casefold() for p in root.parts]
            if len(marker) > best_width and _contains(parts, marker):
                best, best_width = browser, len(marker)
    return best


def _chromium_profile_of(path: Path) -> Profile:
    directory = path.parent.parent if path.parent.name == "Network" else path.parent
    browser = _guess_browser(path, Family.CHROMIUM)
    if _is_file(directory / LOCAL_STATE):  # Opera: the user-data-dir is the profile
        return Profile(browser.id, browser.name, Family.CHROMIUM, "Default", directory,
                       directory, is_default=True)  # fmt: skip
    root = directory.parent
    name, is_default = directory.name, False
    if _is_file(root / LOCAL_STATE):
        state = _local_state(root)
        folders = {f.name for f in _subfolders(root) if _chromium_stores(f)} | {directory.name}
        name = state.names.get(directory.name, directory.name)
        is_default = _chromium_default(state, folders) == directory.name
    return Profile(browser.id, browser.name, Family.CHROMIUM, name, directory, root,
                   is_default=is_default)  # fmt: skip


def _firefox_profile_of(path: Path) -> Profile:
    directory = path.parent
    if directory.name == BACKUPS.name:
        directory = directory.parent
    browser = _guess_browser(path, Family.FIREFOX)
    editions = browser.id == "firefox"
    wanted = _key(directory)
    for root in (directory.parent, directory.parent.parent):  # Linux; Windows/macOS "Profiles/"
        for entry in _ini_profiles(root):
            if _key(entry.directory) == wanted:
                return _firefox_profile(browser, root, entry, editions)
    entry = _IniProfile(directory.name, directory, is_default=False)
    return _firefox_profile(browser, directory.parent, entry, editions)
