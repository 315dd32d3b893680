"""Drive headless Chromium over --remote-debugging-pipe (CDP, NUL-separated JSON).

The browser reads commands on its fd 3 and writes replies and events on its fd 4.
The profile lives where a real user's would: `$HOME/.config/chromium/Default`.
`close()` sends `Browser.close`, the only way found to get cookies flushed to disk
(SIGTERM loses them; without a clean close writes reach disk only ~30 s later).
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from . import procs
from .site import AGENCY_DOMAIN, MAPPED_HOSTS, AgencySite

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser")
# Another build to test against.
CHROMIUM_VARIABLE = "FKINSPECT_CHROMIUM"


def find_chromium() -> str | None:
    """$FKINSPECT_CHROMIUM when set, else the first Chromium on PATH."""
    chosen = os.environ.get(CHROMIUM_VARIABLE)
    if chosen:
        return chosen
    for name in CHROMIUM_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def user_data_dir(home: Path) -> Path:
    return home / ".config" / "chromium"


def cookies_db(home: Path, profile: str = "Default") -> Path:
    return user_data_dir(home) / profile / "Cookies"


_TRAMPOLINE = """
import fcntl, os, sys
r, w = (fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) for fd in sys.argv[1:3])
os.dup2(r, 3)
os.dup2(w, 4)
for fd in {r, w, int(sys.argv[1]), int(sys.argv[2])} - {3, 4}:
    os.close(fd)
os.execv(sys.argv[3], sys.argv[3:])
"""


class CdpError(RuntimeError):
    pass


class _CdpPipe:
    def __init__(self, to_browser: int, from_browser: int) -> None:
        self._w = to_browser
        self._r = from_browser
        self._buf = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self._replies: dict[int, dict[str, Any]] = {}
        self.closed = False

    def _read_one(self, deadline: float) -> dict[str, Any] | None:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._r], [], [], left)
            if not ready:
                return None
            chunk = os.read(self._r, 1 << 16)
            if not chunk:
                self.closed = True
                raise CdpError("browser closed the debugging pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def _pump(self, deadline: float) -> bool:
        message = self._read_one(deadline)
        if message is None:
            return False
        if "id" in message:
            self._replies[message["id"]] = message
        else:
            self._events.append(message)
        return True

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self._w, data) :]
        return self._next_id

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        timeout: float = 30,
    ) -> dict[str, Any]:
        ident = self.send(method, params, session)
        deadline = time.monotonic() + timeout
        while ident not in self._replies:
            if not self._pump(deadline):
                raise CdpError(f"{method}: no reply within {timeout} s")
        reply = self._replies.pop(ident)
        if "error" in reply:
            raise CdpError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def wait_event(
        self, method: str, session: str | None = None, timeout: float = 30
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self._events):
                if event.get("method") == method and (
                    session is None or event.get("sessionId") == session
                ):
                    del self._events[i]
                    return event
            self._events.clear()  # nothing else is waited for: keep memory flat
            if not self._pump(deadline):
                raise CdpError(f"no {method} event within {timeout} s")

    def close(self) -> None:
        for fd in (self._w, self._r):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.closed = True


class Chromium:
    """One headless Chromium on the profile under `home`.

    with Chromium(home, site) as browser:
        browser.visit(site.home_url)
        browser.close()          # clean: cookies flushed, SingletonLock removed
    Leaving the block without close() kills the process group.
    """

    def __init__(
        self,
        home: Path,
        site: AgencySite | None = None,
        binary: str | None = None,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        found = binary or find_chromium()
        if found is None:
            raise FileNotFoundError("chromium is not installed")
        self.binary = found
        self.home = home
        self.site = site
        self.extra_args = extra_args
        self.proc: subprocess.Popen[bytes] | None = None
        self.exit_code: int | None = None
        self.log = home.parent / f"{home.name}-chromium.log"
        self._pipe: _CdpPipe | None = None
        self._tmpdir: Path | None = None
        self.version: dict[str, Any] = {}
        self._session: str | None = None
        self._target: str | None = None

    @property
    def user_data_dir(self) -> Path:
        return user_data_dir(self.home)

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def argv(self) -> list[str]:
        rules = ", ".join(
            f"MAP {pattern} 127.0.0.1" for pattern in (f"*.{AGENCY_DOMAIN}", *MAPPED_HOSTS)
        )
        return [
            self.binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-breakpad",
            "--disable-crash-reporter",
            "--password-store=basic",
            "--use-mock-keychain",
            "--ignore-certificate-errors",
            "--no-proxy-server",
            f"--host-resolver-rules={rules}",
            f"--user-data-dir={self.user_data_dir}",
            "--remote-debugging-pipe",
            *self.extra_args,
            "about:blank",
        ]

    def start(self) -> Chromium:
        self.user_data_dir.mkdir(parents=True, exist_ok=True)
        to_r, to_w = os.pipe()  # we write commands, the browser reads fd 3
        from_r, from_w = os.pipe()  # the browser writes fd 4, we read
        # A tiny Python trampoline puts the pipe ends on fds 3 and 4, then becomes the
        # browser (a shell cannot: dash redirects single-digit fds only, and os.pipe()
        # may itself return 3 or 4).
        shell = [sys.executable, "-c", _TRAMPOLINE, str(to_r), str(from_w), *self.argv()]
        try:
            self._tmpdir = procs.short_tmpdir()
            env = procs.browser_env(self.home, self._tmpdir)
            self.proc = procs.spawn(shell, env, self.log, pass_fds=(to_r, from_w))
        finally:
            os.close(to_r)
            os.close(from_w)
        self._pipe = _CdpPipe(to_w, from_r)
        try:
            self.version = self._pipe.call("Browser.getVersion", timeout=60)
        except CdpError as e:
            self.kill()
            raise CdpError(f"Chromium did not start: {e}\n{procs.log_tail(self.log)}") from e
        except BaseException:
            self.kill()
            raise
        return self

    def _cdp(self) -> _CdpPipe:
        if self._pipe is None:
            raise CdpError("browser not started")
        return self._pipe

    def _page_session(self) -> str:
        if self._session is None:
            pipe = self._cdp()
            target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
                "sessionId"
            ]
            pipe.call("Page.enable", session=session)
            self._target, self._session = target, session
        return self._session

    def navigate(self, url: str, timeout: float = 30) -> None:
        """Open `url` in the harness's tab and wait for its load event."""
        pipe = self._cdp()
        session = self._page_session()
        reply = pipe.call("Page.navigate", {"url": url}, session=session, timeout=timeout)
        if reply.get("errorText"):
            raise CdpError(f"navigate {url}: {reply['errorText']}")
        pipe.wait_event("Page.loadEventFired", session=session, timeout=timeout)

    def evaluate(self, expression: str, timeout: float = 30) -> Any:
        reply = self._cdp().call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=self._page_session(),
            timeout=timeout,
        )
        if "exceptionDetails" in reply:
            raise CdpError(f"evaluate {expression!r}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise CdpError(f"{expression!r} still false after {timeout} s")
            time.sleep(0.05)

    def visit_home(self) -> None:
        """Load the agency's home page and wait until its scripts ran and its frame loaded."""
        if self.site is None:
            raise CdpError("no site given")
        self.navigate(self.site.home_url)
        self.wait_for("window.fkScriptsRan === true && window.fkFrameLoaded === true")

    def echo(self) -> list[str]:
        """Cookie names the browser sends to the agency's /echo page."""
        if self.site is None:
            raise CdpError("no site given")
        self.navigate(self.site.echo_url)
        names: list[str] = json.loads(self.evaluate("document.body.innerText"))["cookies"]
        return names

    def browser_cookies(self) -> list[dict[str, Any]]:
        """What the running browser holds in memory (CDP Storage.getCookies)."""
        cookies: list[dict[str, Any]] = self._cdp().call("Storage.getCookies")["cookies"]
        return cookies

    def close(self, timeout: float = 30) -> None:
        """Quit cleanly with Browser.close and wait until every process is gone."""
        if self.proc is None:
            return
        pipe = self._cdp()
        with contextlib.suppress(OSError):
            pipe.send("Browser.close")
        # The browser may answer or just close the pipe; either way wait for the exit.
        if not procs.wait_exit(self.proc, timeout):
            self.kill()
            raise CdpError(f"Chromium did not exit within {timeout} s of Browser.close")
        self.exit_code = self.proc.returncode
        procs.reap(self.proc)
        pipe.close()
        self.proc = None
        self._drop_tmpdir()

    def _drop_tmpdir(self) -> None:
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def kill(self) -> None:
        """Kill the whole process group (not a clean exit: batched cookie writes are lost)."""
        if self.proc is not None:
            procs.kill_group(self.proc)
            self.proc = None
        if self._pipe is not None:
            self._pipe.close()
        self._drop_tmpdir()

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def __enter__(self) -> Chromium:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.kill()
