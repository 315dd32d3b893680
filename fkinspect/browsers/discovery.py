"""Find every cookie store of every profile of every installed browser.

The home folder, the environment and the platform are passed in, so the
Windows and macOS layouts are tested on Linux. Discovery only looks: it opens
no database (except to tell a file given by path by its content) and never
raises for what it finds on disk. A broken ini or JSON file or a symlink loop
costs that item only; a folder or settings file that exists but cannot be read
(permission denied, a FIFO in its place, a 100 MB `Local State`) becomes a
location with `problem` set, so that it is listed as unreadable rather than
left out. A store reached through a link is reported where it really is.

Order of `discover()`: browsers in catalog order (fkinspect.browsers.catalog
lists the ids), then their roots in catalog order, then the default profile
first and the others by name; inside a profile `Cookies` before
`Network/Cookies`, `cookies.sqlite` before the session store.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fkinspect.browsers.catalog import (
    BROWSER_IDS,
    BROWSERS,
    CATALOG,
    CHROMIUM_SKIPPED_PROFILES,
    FIREFOX_EDITIONS,
    MACOS,
    SAFARI_FILE,
    WINDOWS,
    Base,
    Browser,
    Root,
    display_name,
)
from fkinspect.browsers.detect import UnknownStore, detect_format, read_head, why_unknown
from fkinspect.browsers.firefox_profiles import (
    CONTAINERS_JSON,
    INSTALLS_INI,
    PROFILES_INI,
    IniProfile,
    containers,
    edition,
    read_profiles,
)
from fkinspect.browsers.folders import (
    Unreadable,
    exists,
    folder_denied,
    is_dir,
    is_file,
    read_json,
    real,
    reason,
    store_file,
    subfolders,
)
from fkinspect.browsers.session_files import BACKUPS, current_session_file
from fkinspect.errors import FkInspectError
from fkinspect.model import Family, Profile, StoreFormat, StoreLocation

CHROMIUM_STORES = (Path("Cookies"), Path("Network", "Cookies"))
FIREFOX_STORE = "cookies.sqlite"
LOCAL_STATE = "Local State"
# Folders Chromium makes for profiles; another unreadable subfolder (Crashpad ...) is no news.
_CHROMIUM_PROFILE_FOLDER = re.compile(r"Default|Profile \d+")
# What is unknown when a settings file cannot be read.
_LOST = {
    LOCAL_STATE: "the profiles' names and which one is the default are unknown",
    PROFILES_INI: "the profiles it lists are unknown",
    INSTALLS_INI: "which profile each install uses is unknown",
    CONTAINERS_JSON: "the containers' names are unknown",
}
CR, FF = StoreFormat.CHROMIUM_SQLITE, StoreFormat.FIREFOX_SQLITE


class UnknownBrowser(FkInspectError):
    """--browser named an id that is not in the catalog."""

    def __init__(self, names: Collection[str]) -> None:
        super().__init__(
            f"unknown browser {', '.join(sorted(names))}; known: {', '.join(BROWSER_IDS)}"
        )
        self.names = tuple(sorted(names))


@dataclass(frozen=True, slots=True)
class Environment:
    """The home folder, environment variables and platform to look in."""

    home: Path
    env: Mapping[str, str] = field(hash=False)  # a dict: compared, not hashed
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

    def matches_platform(self, root: Root) -> bool:
        """Does this root belong to this platform? (Any other Unix uses the XDG layout.)"""
        if self.platform in (WINDOWS, MACOS):
            return root.platform == self.platform
        return root.platform not in (WINDOWS, MACOS)

    def path(self, root: Root) -> Path:
        return self.base(root.base).joinpath(*root.parts)


def _windows_folder(value: str | None, default: Path) -> Path:
    return Path(value) if value else default


# ------------------------------------------------------------------ problems


def _settings_problem(profile: Profile, fmt: StoreFormat, exc: Unreadable) -> StoreLocation:
    """A settings file that cannot be read; its whole folder when that is closed to us."""
    if exc.reason == "permission denied" and folder_denied(exc.path):
        return _folder_problem(profile, exc.path.parent, fmt)
    text = f"{exc.path.name} cannot be read ({exc.reason}); {_LOST[exc.path.name]}."
    return StoreLocation(profile, exc.path, fmt, problem=text)


def _folder_problem(profile: Profile, folder: Path, fmt: StoreFormat,
                    why: str = "permission denied") -> StoreLocation:  # fmt: skip
    what = "profile folder" if folder == profile.directory != profile.root else "browser's folder"
    unknown = "" if what == "profile folder" else "; its profiles are unknown"
    return StoreLocation(profile, folder, fmt,
                         problem=f"The {what} cannot be read ({why}){unknown}.")


def _store_problem(profile: Profile, path: Path, why: str, fmt: StoreFormat) -> StoreLocation:
    """Something in a cookie file's place that cannot be read, or its closed folder."""
    if why == "permission denied":
        return _folder_problem(profile, profile.directory, fmt)
    return StoreLocation(profile, path, fmt, problem=f"The cookie file cannot be read ({why}).")


def _root_profile(browser_id: str, name: str, family: Family, root: Path, label: str) -> Profile:
    """Who a problem of a whole root belongs to: its folder or one of its settings files."""
    return Profile(browser_id, name, family, label, root, root)


def _where(path: Path, folder: Path) -> Path:
    """Where a store in `folder` really is: a link to it (or to a folder inside the
    profile) is followed, so that the path shown is the file that would be read."""
    inside = folder
    for part in path.relative_to(folder).parts:
        inside = inside / part
        if os.path.islink(inside):
            return real(path)
    return path


def _actual_folder(folder: Path) -> Path:
    """A profile folder that is a link: the folder it leads to."""
    return real(folder) if os.path.islink(folder) else folder


def _profile_order(profile: Profile) -> tuple[bool, str, str]:
    """Inside a root: the default profile first, then by name."""
    return (not profile.is_default, profile.name.casefold(), str(profile.directory))


# ------------------------------------------------------------------ Chromium


@dataclass(frozen=True, slots=True)
class _LocalState:
    names: Mapping[str, str]  # profile folder -> display name
    last_used: str | None


def _local_state(root: Path) -> _LocalState:
    """Profile names and the last used profile from `Local State`. Raises Unreadable."""
    data = read_json(root / LOCAL_STATE)
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


def _known_local_state(root: Path) -> _LocalState:
    try:
        return _local_state(root)
    except Unreadable:
        return _LocalState({}, None)


def _chromium_stores(folder: Path) -> tuple[list[Path], tuple[Path, str] | None]:
    """The cookie files in a profile folder, and the first one that cannot be read."""
    stores: list[Path] = []
    problem = None
    for rel in CHROMIUM_STORES:
        found, why = store_file(folder / rel)
        if found:
            stores.append(folder / rel)
        elif why and problem is None:
            problem = (folder / rel, why)
    return stores, problem


def _chromium_default(state: _LocalState, folders: Collection[str]) -> str | None:
    for candidate in (state.last_used, "Default"):
        if candidate is not None and candidate in folders:
            return candidate
    return None


_Profiles = list[tuple[Profile, list[StoreLocation]]]


def _chromium_profiles(browser: Browser, name: str, root: Path) -> _Profiles:
    """Every profile of one user-data-dir that holds a cookie file (or cannot be read),
    with its locations. `name` is the browser's name for people (with its install)."""
    try:
        folders = subfolders(root)
    except OSError as exc:
        profile = _root_profile(browser.id, name, Family.CHROMIUM, root, root.name)
        return [(profile, [_folder_problem(profile, root, CR, reason(exc))])]
    found: _Profiles = []
    try:
        state = _local_state(root)
    except Unreadable as exc:
        state = _LocalState({}, None)
        profile = _root_profile(browser.id, name, Family.CHROMIUM, root, LOCAL_STATE)
        found.append((profile, [_settings_problem(profile, CR, exc)]))
    # Opera's user-data-dir is itself the profile (its Network/ is no profile).
    own = _chromium_stores(root)
    candidates = [(root, root, own)] if own[0] else []
    for folder in [] if own[0] else folders:
        if folder.name in CHROMIUM_SKIPPED_PROFILES:
            continue
        actual = _actual_folder(folder)
        stores, problem = _chromium_stores(actual)
        if problem and not (_CHROMIUM_PROFILE_FOLDER.fullmatch(folder.name)
                            or folder.name in state.names):  # fmt: skip
            problem = None
        if stores or problem:
            candidates.append((folder, actual, (stores, problem)))
    default = _chromium_default(state, {f.name for f, _, _ in candidates if f != root})
    for folder, actual, (stores, problem) in candidates:
        if folder == root:
            label, is_default = "Default", True
        else:
            label, is_default = state.names.get(folder.name, folder.name), folder.name == default
        profile = Profile(browser.id, name, Family.CHROMIUM, label, actual, root,
                          is_default=is_default)  # fmt: skip
        locations = [StoreLocation(profile, _where(s, actual), CR) for s in stores]
        if problem:
            locations.append(_store_problem(profile, problem[0], problem[1], CR))
        found.append((profile, locations))
    found.sort(key=lambda item: _profile_order(item[0]))
    return found


# ------------------------------------------------------------------- Firefox


def _firefox_locations(profile: Profile) -> list[StoreLocation]:
    store = profile.directory / FIREFOX_STORE
    found, why = store_file(store)
    if why:
        return [_store_problem(profile, store, why, FF)]
    if not found:
        return []
    locations = [StoreLocation(profile, _where(store, profile.directory), FF)]
    session = current_session_file(profile.directory)
    if session is not None:
        path = _where(session, profile.directory)
        locations.append(StoreLocation(profile, path, StoreFormat.FIREFOX_SESSION))
    return locations


def _firefox_profile(browser: Browser, install: Root | None, root: Path, entry: IniProfile,
                     editions: bool) -> tuple[Profile, Unreadable | None]:  # fmt: skip
    """The profile of a profiles.ini entry, and containers.json's problem if it has one."""
    made_by = edition(browser, editions, entry.directory)
    directory = _actual_folder(entry.directory)
    try:
        names, problem = containers(directory), None
    except Unreadable as exc:
        names, problem = {}, exc
    profile = Profile(made_by.id, display_name(made_by.name, install), Family.FIREFOX,
                      entry.name, directory, root, is_default=entry.is_default,
                      containers=names)  # fmt: skip
    return profile, problem


def _firefox_profiles(browser: Browser, install: Root | None, root: Path, editions: bool,
                      seen: set[Path]) -> _Profiles:  # fmt: skip
    """Every profile a profiles root lists that holds a store (or cannot be read)."""
    listed = read_profiles(root)
    found: _Profiles = []
    name = display_name(browser.name, install)
    for exc in listed.problems:
        label = root.name if folder_denied(exc.path) else exc.path.name
        profile = _root_profile(browser.id, name, Family.FIREFOX, root, label)
        found.append((profile, [_settings_problem(profile, FF, exc)]))
    for entry in listed.profiles:
        if real(entry.directory) in seen:
            continue
        seen.add(real(entry.directory))
        profile, problem = _firefox_profile(browser, install, root, entry, editions)
        locations = _firefox_locations(profile)
        if locations and problem is not None and not locations[0].problem:
            locations.append(_settings_problem(profile, FF, problem))
        if locations:
            found.append((profile, locations))
    return found


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
    return path if is_file(path) else None


# ------------------------------------------------------------------ discover


@dataclass(frozen=True, slots=True)
class _Found:
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
            if environment.matches_platform(root):
                yield index, browser, root, environment.path(root)
                index += 1


def _discover_root(browser: Browser, root: Root, path: Path, index: int,
                   seen: set[Path]) -> list[_Found]:  # fmt: skip
    if browser.family is Family.SAFARI:
        store = _safari_store(path)
        if store is None or real(store) in seen:
            return []
        seen.add(real(store))
        profile = Profile(browser.id, browser.name, Family.SAFARI, browser.name, path, path,
                          is_default=root == browser.roots[0])  # fmt: skip
        return [_Found(_sort_key(profile, index), [StoreLocation(profile, store,
                                                                 StoreFormat.SAFARI_BINARY)])]
    if not is_dir(path) or real(path) in seen:
        return []
    seen.add(real(path))
    if browser.family is Family.CHROMIUM:
        profiles = _chromium_profiles(browser, display_name(browser.name, root), path)
    else:
        profiles = _firefox_profiles(browser, root, path, root.editions, seen)
    return [_Found(_sort_key(profile, index), locations) for profile, locations in profiles]


def _kept(location: StoreLocation, wanted: Collection[str]) -> bool:
    """Only the wanted browsers; a problem of a whole shared Firefox root concerns them all."""
    profile = location.profile
    whole_root = bool(location.problem) and profile.directory == profile.root
    return not wanted or profile.browser_id in wanted or whole_root


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
    return [loc for f in found for loc in f.locations if _kept(loc, wanted)]


# ------------------------------------------------------- --store: given paths

_LOOKED_FOR = "Cookies, Network/Cookies, cookies.sqlite, the session store, Cookies.binarycookies"


def locations_for_paths(paths: Sequence[Path]) -> list[StoreLocation]:
    """The stores of cookie files or profile folders given by path (--store).

    A file is recognised by its content, not its name. A folder may be a
    profile (the stores inside it), a Chromium user-data-dir (`Local State`)
    or a Firefox profiles root (`profiles.ini`). Anything else raises
    UnknownStore with a plain reason. A file reached through a link is
    reported where it really is, but belongs to the profile the link is in.
    """
    found: list[StoreLocation] = []
    for path in paths:
        found += _locations_for_path(path)
    return found


def _locations_for_path(path: Path) -> list[StoreLocation]:
    if is_dir(path):
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
    session = current_session_file(folder)
    if session is not None:
        candidates.append(session)
    candidates.append(folder / SAFARI_FILE)
    found = []
    for candidate in candidates:
        if is_file(candidate):
            fmt = detect_format(candidate)
            if fmt is not None:
                found.append(_location_for_file(candidate, fmt))
    return found


def _root_folder(folder: Path) -> list[StoreLocation]:
    if exists(folder / LOCAL_STATE):
        browser, install = _guess_browser(folder, Family.CHROMIUM)
        name = display_name(browser.name, install)
        return [loc for _, locations in _chromium_profiles(browser, name, folder)
                for loc in locations]  # fmt: skip
    if exists(folder / PROFILES_INI):
        browser, install = _guess_browser(folder, Family.FIREFOX)
        profiles = _firefox_profiles(browser, install, folder, browser.id == "firefox", set())
        profiles.sort(key=lambda p: (BROWSER_IDS.index(p[0].browser_id), *_profile_order(p[0])))
        return [loc for _, locations in profiles for loc in locations]
    return []


def _location_for_file(path: Path, fmt: StoreFormat) -> StoreLocation:
    if fmt is StoreFormat.CHROMIUM_SQLITE:
        profile = _chromium_profile_of(path)
    elif fmt is StoreFormat.SAFARI_BINARY:
        profile = Profile("safari", BROWSERS["safari"].name, Family.SAFARI,
                          BROWSERS["safari"].name, path.parent, path.parent)  # fmt: skip
    else:
        profile = _firefox_profile_of(path)
    return StoreLocation(profile, _where(path, path.parent), fmt)


def _contains(parts: Sequence[str], marker: Sequence[str]) -> bool:
    width = len(marker)
    return any(list(parts[i : i + width]) == list(marker) for i in range(len(parts) - width + 1))


def _guess_browser(path: Path, family: Family) -> tuple[Browser, Root | None]:
    """The browser (and its root) whose folder names appear in `path` (the longest match wins).

    It picks the right keyring entry for a value and names the install; a
    plain copy falls back to the family's open-source browser.
    """
    parts = [p.casefold() for p in path.absolute().parts]
    best = BROWSERS["chromium" if family is Family.CHROMIUM else "firefox"]
    best_root: Root | None = None
    for browser in CATALOG:
        if browser.family is not family:
            continue
        for root in browser.roots:
            marker = [p.casefold() for p in root.parts]
            if len(marker) > (len(best_root.parts) if best_root else 0) \
                    and _contains(parts, marker):
                best, best_root = browser, root
    return best, best_root


def _chromium_profile_of(path: Path) -> Profile:
    directory = path.parent.parent if path.parent.name == "Network" else path.parent
    browser, install = _guess_browser(path, Family.CHROMIUM)
    name = display_name(browser.name, install)
    if exists(directory / LOCAL_STATE):  # Opera: the user-data-dir is the profile
        return Profile(browser.id, name, Family.CHROMIUM, "Default", directory, directory,
                       is_default=True)  # fmt: skip
    root = directory.parent
    label, is_default = directory.name, False
    if exists(root / LOCAL_STATE):
        state = _known_local_state(root)
        try:
            folders = {f.name for f in subfolders(root) if _chromium_stores(f)[0]}
        except OSError:
            folders = set()
        label = state.names.get(directory.name, directory.name)
        is_default = _chromium_default(state, folders | {directory.name}) == directory.name
    return Profile(browser.id, name, Family.CHROMIUM, label, directory, root,
                   is_default=is_default)  # fmt: skip


def _firefox_profile_of(path: Path) -> Profile:
    directory = path.parent
    if directory.name == BACKUPS.name:
        directory = directory.parent
    browser, install = _guess_browser(path, Family.FIREFOX)
    editions = browser.id == "firefox"
    wanted = real(directory)
    for root in (directory.parent, directory.parent.parent):  # Linux; Windows/macOS "Profiles/"
        for entry in read_profiles(root).profiles:
            if real(entry.directory) == wanted:
                return _firefox_profile(browser, install, root, entry, editions)[0]
    entry = IniProfile(directory.name, directory, is_default=False)
    return _firefox_profile(browser, install, directory.parent, entry, editions)[0]
