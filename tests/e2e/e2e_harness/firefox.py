"""Drive headless Firefox ESR over Marionette (TCP, messages `<length>:<json>`).

The profile is made the way a real first run makes it: `firefox-esr --screenshot`
on an empty HOME writes `profiles.ini`, `installs.ini` and two profiles (an empty
`default` marked Default=1 and the `<salt>.default-esr` in use, named by the
`[Install<hash>]` section). ESR 153 puts them in `~/.config/mozilla/firefox` for a
new user, or in `~/.mozilla/firefox` when that folder already exists (`legacy=True`).
Then the harness adds a `user.js` (loopback names, Marionette on a free port, no
telemetry or update traffic) and trusts the test CA with certutil.

`quit()` sends `Marionette:Quit`: a clean shutdown, after which the session cookies
are in `sessionstore.jsonlz4` (never in cookies.sqlite). SIGTERM is not clean.
"""

from __future__ import annotations

import configparser
import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Collection
from pathlib import Path
from typing import Any

from . import procs
from .site import MAPPED_HOSTS, AgencySite

FIREFOX_CANDIDATES = ("firefox-esr", "firefox")
# Another build to test against, e.g. an older ESR unpacked from its .deb.
FIREFOX_VARIABLE = "FKINSPECT_FIREFOX"


def find_firefox() -> str | None:
    """$FKINSPECT_FIREFOX when set, else the first Firefox on PATH."""
    chosen = os.environ.get(FIREFOX_VARIABLE)
    if chosen:
        return chosen
    for name in FIREFOX_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def profiles_root(home: Path) -> Path | None:
    """Where this HOME's profiles.ini is (ESR 153 keeps using ~/.mozilla/firefox if it exists)."""
    for root in (home / ".mozilla" / "firefox", home / ".config" / "mozilla" / "firefox"):
        if (root / "profiles.ini").is_file():
            return root
    return None


def profile_in_use(root: Path) -> Path:
    """The profile named by installs.ini (the one Firefox really uses), not Default=1."""
    installs = configparser.ConfigParser(strict=False, interpolation=None)
    installs.optionxform = str  # type: ignore[assignment,method-assign]
    installs.read(root / "installs.ini")
    for section in installs.sections():
        path = installs[section].get("Default")
        if path:
            return root / path
    raise FileNotFoundError(f"no [Install...] profile in {root / 'installs.ini'}")


def session_store(profile: Path) -> Path:
    return profile / "sessionstore.jsonlz4"


def recovery_store(profile: Path) -> Path:
    return profile / "sessionstore-backups" / "recovery.jsonlz4"


# Firefox writes its live session state every 15 s by default; tests that wait for
# it set this pref, so a loaded machine is not racing a 15 s timer.
FAST_SESSION_WRITES: dict[str, object] = {"browser.sessionstore.interval": 500}


def wait_for_recovery(profile: Path, names: Collection[str], timeout: float = 60) -> set[str]:
    """The cookie names in recovery.jsonlz4 as soon as it holds all of `names`.

    At the timeout: what it holds then (the caller's assertion says what is missing).
    Firefox replaces the file by a rename, so a read sees a whole file or none.
    """
    recovery = recovery_store(profile)
    found: set[str] = set()
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = {c["name"] for c in read_mozlz4(recovery).get("cookies", [])}
        except (OSError, ValueError):  # not written yet, or moved to recovery.baklz4
            found = set()
        if set(names) <= found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def read_mozlz4(path: Path) -> Any:
    """Decode a mozLz4 file (`mozLz40\\0`, little-endian u32 size, one LZ4 block)."""
    import lz4.block

    data = path.read_bytes()
    if data[:8] != b"mozLz40\0":
        raise ValueError(f"{path} is not mozLz4")
    size = int.from_bytes(data[8:12], "little")
    return json.loads(lz4.block.decompress(data[12:], uncompressed_size=size))


def _prefs(extra: dict[str, object] | None = None) -> dict[str, object]:
    prefs: dict[str, object] = {
        # The fake sites resolve to 127.0.0.1 in this profile only.
        "network.dns.localDomains": ",".join(MAPPED_HOSTS),
        "network.proxy.type": 0,
        # 0: Marionette picks a free port and writes it to <profile>/MarionetteActivePort.
        "marionette.port": 0,
        # Nothing but the test site on the network.
        "app.update.auto": False,
        "app.update.enabled": False,
        "app.normandy.enabled": False,
        "browser.aboutwelcome.enabled": False,
        "browser.newtabpage.enabled": False,
        "browser.ping-centre.telemetry": False,
        "browser.safebrowsing.malware.enabled": False,
        "browser.safebrowsing.phishing.enabled": False,
        "browser.safebrowsing.downloads.enabled": False,
        "browser.safebrowsing.blockedURIs.enabled": False,
        "browser.safebrowsing.provider.mozilla.updateURL": "",
        "browser.search.update": False,
        "browser.shell.checkDefaultBrowser": False,
        "browser.startup.homepage_override.mstone": "ignore",
        "browser.startup.homepage": "about:blank",
        "browser.tabs.warnOnClose": False,
        "captivedetect.canonicalURL": "",
        "datareporting.healthreport.uploadEnabled": False,
        "datareporting.policy.dataSubmissionEnabled": False,
        "datareporting.policy.firstRunURL": "",
        "extensions.getAddons.cache.enabled": False,
        "extensions.update.enabled": False,
        "extensions.blocklist.enabled": False,
        "media.gmp-manager.url": "",
        "network.captive-portal-service.enabled": False,
        "network.connectivity-service.enabled": False,
        "services.settings.server": "data:,#remote-settings-off",
        "toolkit.telemetry.enabled": False,
        "toolkit.telemetry.reportingpolicy.firstRun": False,
        "toolkit.telemetry.server": "",
        "browser.sessionstore.resume_from_crash": False,
        # Show JSON as plain text, so /echo reads the same as in Chromium.
        "devtools.jsonview.enabled": False,
    }
    prefs.update(extra or {})
    return prefs


def _user_js(prefs: dict[str, object]) -> str:
    lines = [f"user_pref({json.dumps(k)}, {json.dumps(v)});" for k, v in prefs.items()]
    return "// fkinspect e2e harness\n" + "\n".join(lines) + "\n"


def create_profile(
    home: Path,
    ca_pem: Path | None,
    *,
    legacy: bool = False,
    binary: str | None = None,
    prefs: dict[str, object] | None = None,
    timeout: float = 60,
) -> Path:
    """Let Firefox make its first-run layout under `home`, then prepare the profile.

    Returns the profile in use. Idempotent: an existing layout is only re-prepared.
    """
    firefox = binary or find_firefox()
    if firefox is None:
        raise FileNotFoundError("firefox-esr is not installed")
    if legacy:
        # An existing ~/.mozilla/firefox (an empty ~/.mozilla is not enough) keeps the
        # old layout.
        (home / ".mozilla" / "firefox").mkdir(parents=True, exist_ok=True)
    if profiles_root(home) is None:
        tmpdir = procs.short_tmpdir()
        env = procs.browser_env(home, tmpdir)
        log = home.parent / f"{home.name}-firefox-first-run.log"
        shot = tmpdir / "first-run.png"
        proc = procs.spawn(
            [firefox, "--headless", "--no-remote", "--screenshot", str(shot), "about:blank"],
            env,
            log,
        )
        try:
            if not procs.wait_exit(proc, timeout):
                raise TimeoutError(f"Firefox first run did not finish in {timeout} s (see {log})")
        finally:
            procs.kill_group(proc)
            shutil.rmtree(tmpdir, ignore_errors=True)
    root = profiles_root(home)
    if root is None:
        raise FileNotFoundError(f"Firefox's first run made no profiles.ini under {home}")
    profile = profile_in_use(root)
    (profile / "user.js").write_text(_user_js(_prefs(prefs)))
    if ca_pem is not None:
        trust_ca(profile, ca_pem)
    return profile


def trust_ca(profile: Path, ca_pem: Path) -> None:
    certutil = shutil.which("certutil")
    if certutil is None:
        raise FileNotFoundError("certutil is not installed (Debian package libnss3-tools)")
    subprocess.run(
        [
            certutil,
            "-A",
            "-d",
            f"sql:{profile}",
            "-n",
            "fkinspect e2e test CA",
            "-t",
            "C,,",
            "-i",
            str(ca_pem),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


class MarionetteError(RuntimeError):
    pass


class _Marionette:
    def __init__(self, port: int, timeout: float = 30) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self._buf = b""
        self._next_id = 0
        self.hello = self._read()

    def _read(self) -> Any:
        while b":" not in self._buf:
            self._recv()
        head, rest = self._buf.split(b":", 1)
        length = int(head)
        while len(rest) < length:
            self._recv()
            head, rest = self._buf.split(b":", 1)
        self._buf = rest[length:]
        return json.loads(rest[:length])

    def _recv(self) -> None:
        chunk = self.sock.recv(1 << 16)
        if not chunk:
            raise MarionetteError("Marionette closed the connection")
        self._buf += chunk

    def call(self, command: str, params: dict[str, Any] | None = None, timeout: float = 30) -> Any:
        self._next_id += 1
        data = json.dumps([0, self._next_id, command, params or {}]).encode()
        self.sock.settimeout(timeout)
        self.sock.sendall(str(len(data)).encode() + b":" + data)
        while True:
            kind, ident, error, result = self._read()
            if kind == 1 and ident == self._next_id:
                break
        if error:
            raise MarionetteError(f"{command}: {error.get('error')}: {error.get('message')}")
        return result

    def close(self) -> None:
        self.sock.close()


class Firefox:
    """One headless Firefox ESR on the profile in use under `home`.

    with Firefox(home, site) as browser:   # creates the profile on first use
        browser.visit_home()
        browser.quit()                      # clean: session store written, lock released
    Leaving the block without quit() kills the process group.
    """

    def __init__(
        self,
        home: Path,
        site: AgencySite | None = None,
        binary: str | None = None,
        *,
        legacy: bool = False,
        prefs: dict[str, object] | None = None,
    ) -> None:
        found = binary or find_firefox()
        if found is None:
            raise FileNotFoundError("firefox-esr is not installed")
        self.binary = found
        self.home = home
        self.site = site
        self.legacy = legacy
        self.prefs = prefs
        self.profile: Path | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self.exit_code: int | None = None
        self.log = home.parent / f"{home.name}-firefox.log"
        self._client: _Marionette | None = None
        self._tmpdir: Path | None = None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def start(self, timeout: float = 60) -> Firefox:
        ca = self.site.certs.ca_pem if self.site and self.site.certs else None
        self.profile = create_profile(
            self.home, ca, legacy=self.legacy, binary=self.binary, prefs=self.prefs
        )
        port_file = self.profile / "MarionetteActivePort"
        port_file.unlink(missing_ok=True)
        argv = [
            self.binary,
            "--headless",
            "--no-remote",
            "--marionette",
            "--profile",
            str(self.profile),
            "about:blank",
        ]
        self._tmpdir = procs.short_tmpdir()
        self.proc = procs.spawn(argv, procs.browser_env(self.home, self._tmpdir), self.log)
        try:
            port = self._wait_port(port_file, timeout)
            self._client = self._connect(port, timeout)
            self._client.call(
                "WebDriver:NewSession",
                {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": False}}},
            )
        except BaseException:
            self.kill()
            raise
        return self

    def _wait_port(self, port_file: Path, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise MarionetteError(
                    f"Firefox exited early ({self.proc.returncode})\n{procs.log_tail(self.log)}"
                )
            try:
                text = port_file.read_text().strip()
            except FileNotFoundError:
                text = ""
            if text.isdigit():
                return int(text)
            time.sleep(0.05)
        raise MarionetteError(
            f"no MarionetteActivePort after {timeout} s\n{procs.log_tail(self.log)}"
        )

    @staticmethod
    def _connect(port: int, timeout: float) -> _Marionette:
        deadline = time.monotonic() + timeout
        while True:
            try:
                return _Marionette(port)
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _marionette(self) -> _Marionette:
        if self._client is None:
            raise MarionetteError("browser not started")
        return self._client

    def navigate(self, url: str, timeout: float = 30) -> None:
        """Load `url` and wait for its load event (page load strategy "normal")."""
        self._marionette().call("WebDriver:Navigate", {"url": url}, timeout=timeout)

    def execute(self, script: str, *args: Any, timeout: float = 30) -> Any:
        """Run a function body in the page; `return` gives the value."""
        result = self._marionette().call(
            "WebDriver:ExecuteScript", {"script": script, "args": list(args)}, timeout=timeout
        )
        return result.get("value") if isinstance(result, dict) else result

    def wait_for(self, expression: str, timeout: float = 20) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = self.execute(f"return ({expression});")
            if value:
                return value
            if time.monotonic() > deadline:
                raise MarionetteError(f"{expression!r} still false after {timeout} s")
            time.sleep(0.05)

    def visit_home(self) -> None:
        if self.site is None:
            raise MarionetteError("no site given")
        self.navigate(self.site.home_url)
        self.wait_for("window.fkScriptsRan === true && window.fkFrameLoaded === true")

    def echo(self) -> list[str]:
        """Cookie names the browser sends to the agency's /echo page."""
        if self.site is None:
            raise MarionetteError("no site given")
        self.navigate(self.site.echo_url)
        text = self.execute("return document.body.textContent;")
        names: list[str] = json.loads(text)["cookies"]
        return names

    def quit(self, timeout: float = 60) -> None:
        """Marionette:Quit (clean shutdown), then wait until every process is gone."""
        if self.proc is None:
            return
        client = self._marionette()
        # The connection may drop before the reply comes.
        with contextlib.suppress(MarionetteError, OSError):
            client.call("Marionette:Quit", {"flags": ["eAttemptQuit"]}, timeout=timeout)
        client.close()
        self._client = None
        if not procs.wait_exit(self.proc, timeout):
            self.kill()
            raise MarionetteError(f"Firefox did not exit within {timeout} s of Marionette:Quit")
        self.exit_code = self.proc.returncode
        procs.reap(self.proc)
        self.proc = None
        self._drop_tmpdir()

    close = quit

    def _drop_tmpdir(self) -> None:
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def kill(self) -> None:
        """Kill the whole process group (not clean: no session store is written)."""
        if self._client is not None:
            self._client.close()
            self._client = None
        if self.proc is not None:
            procs.kill_group(self.proc)
            self.proc = None
        self._drop_tmpdir()

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def __enter__(self) -> Firefox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.kill()
