"""What the installed browser writes, derived from its version and from its files.

The e2e expectations name no browser version: the profile root comes from the
version the binary reports, the expiry unit and the columns from the schema the
browser wrote. A schema fkinspect does not know is a skip with the reason.

Firefox, seen with ESR 140 and ESR 153 on Debian 12:
  ESR 140  profiles in ~/.mozilla/firefox, cookies.sqlite user_version 15 (expiry in s)
  ESR 153  a new user's profiles in ~/.config/mozilla/firefox (Firefox 147+; ~/.mozilla
           only when ~/.mozilla/firefox already exists), user_version 17 (expiry in ms
           since user_version 16, Firefox 142)
Chromium 156 writes meta version 24.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import NamedTuple

from . import procs

# The first Firefox that puts a new user's profiles under $XDG_CONFIG_HOME.
FIREFOX_XDG_FROM = 147
# cookies.sqlite holds `expiry` in milliseconds from this user_version on, seconds before.
FIREFOX_MS_FROM = 16
# The schemas fkinspect reads, as fkinspect.synth reproduces them (18-24: meta
# versions; 12-17: user_version). tests/e2e/test_versions.py checks they agree.
CHROMIUM_SCHEMAS = range(18, 25)
FIREFOX_SCHEMAS = range(12, 18)

_NUMBER = re.compile(r"(\d+)\.(\d+)(?:\.(\d+))?")


class BrowserVersion(NamedTuple):
    """What `<binary> --version` said: "Mozilla Firefox 140.12.0esr" -> (140, 12, 0)."""

    numbers: tuple[int, ...]
    text: str

    @property
    def major(self) -> int:
        return self.numbers[0]

    @property
    def esr(self) -> bool:
        return "esr" in self.text.lower()


def parse_version(text: str) -> BrowserVersion:
    match = _NUMBER.search(text)
    if match is None:
        raise ValueError(f"no version number in {text!r}")
    numbers = tuple(int(part) for part in match.groups() if part is not None)
    return BrowserVersion(numbers, text.strip())


def browser_version(binary: str, timeout: float = 60) -> BrowserVersion:
    """The version `binary --version` prints (run in a throwaway HOME: it touches nothing)."""
    home = Path(tempfile.mkdtemp(prefix="fke2e-version-"))
    try:
        out = subprocess.run(
            [binary, "--version"],
            env=procs.browser_env(home),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)
    # Debian's chromium wrapper also prints shell noise on stderr: read stdout first.
    for text in (out.stdout, out.stderr):
        try:
            return parse_version(text)
        except ValueError:
            continue
    raise ValueError(f"{binary} --version printed no version: {out.stdout!r} {out.stderr!r}")


def firefox_profiles_root(home: Path, version: BrowserVersion, *, legacy: bool = False) -> Path:
    """Where this Firefox makes a first-run profiles.ini under `home`.

    `legacy`: ~/.mozilla/firefox existed before the first run (then every version uses it).
    """
    if legacy or version.major < FIREFOX_XDG_FROM:
        return home / ".mozilla" / "firefox"
    return home / ".config" / "mozilla" / "firefox"


def firefox_profile_suffix(version: BrowserVersion) -> str:
    """The first-run profile in use: `<salt>.default-esr`, or `.default-release`."""
    return ".default-esr" if version.esr else ".default-release"


def firefox_browser_id(version: BrowserVersion) -> str:
    """fkinspect's id for this build, told by its profile folder's suffix."""
    return "firefox-esr" if version.esr else "firefox"


def firefox_expiry_seconds(expiry: int, user_version: int) -> float:
    """moz_cookies.expiry in seconds since 1970: ms from user_version 16, s before."""
    return expiry / 1000 if user_version >= FIREFOX_MS_FROM else float(expiry)


def unsupported(browser: str, version: BrowserVersion, schema: int) -> str | None:
    """Why fkinspect cannot be checked against this browser, or None when it can."""
    if browser == "chromium":
        known, what = CHROMIUM_SCHEMAS, "Cookies meta version"
    elif browser == "firefox":
        known, what = FIREFOX_SCHEMAS, "cookies.sqlite user_version"
    else:
        raise ValueError(browser)
    if schema in known:
        return None
    return f"{version.text} wrote {what} {schema}; fkinspect knows {known.start}-{known.stop - 1}"
