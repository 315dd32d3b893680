"""Firefox's own lists of its profiles: profiles.ini, installs.ini and containers.json.

A profiles root holds `profiles.ini` (one [ProfileN] section per profile, with
Name, Path, IsRelative and Default) and, since Firefox 67, `installs.ini`
(one section per install naming the profile it uses). Reading is tolerant: a
damaged file counts as empty, as Firefox itself starts afresh from one; a file
that exists but cannot be read is a problem to report.
"""

from __future__ import annotations

import configparser
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from fkinspect.browsers.catalog import BROWSERS, FIREFOX_CONTAINER_NAMES, FIREFOX_EDITIONS, Browser
from fkinspect.browsers.folders import Unreadable, read_ini, read_json, real

PROFILES_INI = "profiles.ini"
INSTALLS_INI = "installs.ini"
CONTAINERS_JSON = "containers.json"
_PROFILE_SECTION = re.compile(r"Profile\d+", re.IGNORECASE)
_WINDOWS_ABSOLUTE = re.compile(r"[A-Za-z]:[\\/]")


@dataclass(frozen=True, slots=True)
class IniProfile:
    name: str
    directory: Path
    is_default: bool
    # IsRelative=1: under the root (Firefox's own profiles). IsRelative=0: anywhere the
    # user chose in Firefox's profile manager; Firefox uses it as written.
    relative: bool = True


@dataclass(frozen=True, slots=True)
class ProfilesIni:
    profiles: list[IniProfile]
    problems: list[Unreadable]  # profiles.ini or installs.ini exists but cannot be read


def _get(section: Mapping[str, str], name: str) -> str | None:
    """A key of an ini section, whatever its case (Firefox reads them case-sensitively,
    but hand-edited files differ)."""
    value = section.get(name)
    if value is None:
        wanted = name.casefold()
        value = next((v for k, v in section.items() if k.casefold() == wanted), None)
    return value.strip() if value is not None else None


def _path_value(section: Mapping[str, str], name: str) -> str | None:
    """A key that names a folder; None when it holds a NUL byte, which no file system
    allows in a name (Firefox never writes one; a damaged file may)."""
    value = _get(section, name)
    return None if value is None or "\0" in value else value


def _is_absolute(value: str) -> bool:
    return Path(value).is_absolute() or bool(_WINDOWS_ABSOLUTE.match(value))


def _ini_path(root: Path, value: str, relative: bool) -> Path:
    if not relative:
        return Path(value)
    # Firefox writes "Profiles/abc.default-release" with a slash on every system.
    parts = re.split(r"[\\/]", value)
    path = root.joinpath(*parts)
    # "../x" leaves the root: say where the profile really is.
    return real(path) if ".." in parts else path


def _install_defaults(root: Path, profiles_ini: configparser.ConfigParser,
                      problems: list[Unreadable]) -> set[Path]:  # fmt: skip
    """The profiles the installs use: [Install<hash>] of profiles.ini and installs.ini."""
    sections = [profiles_ini[s] for s in profiles_ini.sections() if s.startswith("Install")]
    try:
        installs = read_ini(root / INSTALLS_INI)
    except Unreadable as exc:
        problems.append(exc)
        installs = None
    if installs is not None:
        sections += [installs[s] for s in installs.sections()]
    defaults = set()
    for section in sections:
        value = _path_value(section, "Default")
        if value:
            defaults.add(real(_ini_path(root, value, relative=not _is_absolute(value))))
    return defaults


def read_profiles(root: Path) -> ProfilesIni:
    """Every [ProfileN] of a root's profiles.ini; none when there is none or it is broken."""
    problems: list[Unreadable] = []
    try:
        ini = read_ini(root / PROFILES_INI)
    except Unreadable as exc:
        return ProfilesIni([], [exc])
    if ini is None:
        return ProfilesIni([], [])
    installs = _install_defaults(root, ini, problems)
    found = []
    for section_name in ini.sections():
        if not _PROFILE_SECTION.fullmatch(section_name):
            continue
        section = ini[section_name]
        path = _path_value(section, "Path")
        if not path:
            continue
        relative = _get(section, "IsRelative") != "0"
        if not relative and not _is_absolute(path):
            continue  # Firefox cannot use it; never read a path relative to our own folder
        directory = _ini_path(root, path, relative)
        name = _get(section, "Name") or directory.name
        # Default=1 alone is not the profile in use: a first run leaves it empty.
        in_use = real(directory) in installs
        is_default = in_use if installs else _get(section, "Default") == "1"
        found.append(IniProfile(name, directory, is_default, relative))
    return ProfilesIni(found, problems)


def chosen_elsewhere(root: Path, directory: Path) -> bool:
    """Does the root's profiles.ini name `directory` by an absolute path (IsRelative=0)?

    Such a profile was put there by the user in Firefox's profile manager and
    Firefox uses it where it is, so it is as much Firefox's as one in the root.
    """
    wanted = real(directory)
    try:
        listed = read_profiles(root).profiles
    except (OSError, ValueError):
        return False
    return any(not p.relative and real(p.directory) == wanted for p in listed)


def containers(profile_dir: Path) -> dict[int, str]:
    """Container names by userContextId from containers.json. Raises Unreadable."""
    data = read_json(profile_dir / CONTAINERS_JSON)
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


def edition(root_browser: Browser, editions: bool, folder: Path) -> Browser:
    """Firefox, ESR and Developer Edition share roots: the folder suffix tells them apart."""
    if not editions:
        return root_browser
    _, dot, tail = folder.name.partition(".")
    if dot:
        for prefix, browser_id in FIREFOX_EDITIONS:
            if tail.startswith(prefix):
                return BROWSERS[browser_id]
    return root_browser
