"""Start browsers in their own process group and make sure none outlives the tests."""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

# Every browser process group started by the harness and not yet reaped.
_LIVE: dict[int, subprocess.Popen[bytes]] = {}

# Variables a browser must not inherit: the user's display, session bus and profiles.
_DROP = (
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "DBUS_SESSION_BUS_ADDRESS",
    "XAUTHORITY",
    "XDG_RUNTIME_DIR",
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
    "MOZ_HEADLESS",
    "CHROME_USER_DATA_DIR",
    "MOZ_MARIONETTE",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
)


def short_tmpdir() -> Path:
    """A private TMPDIR with a short path: Chromium's SingletonSocket lives there, and a
    Unix socket path must stay under 108 bytes (pytest's tmp_path is often longer)."""
    return Path(tempfile.mkdtemp(prefix="fke2e-"))


def browser_env(
    home: Path, tmpdir: Path | None = None, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The environment of a browser (or of fkinspect) living in the fake `home`."""
    env = {k: v for k, v in os.environ.items() if k not in _DROP}
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env["XDG_CACHE_HOME"] = str(home / ".cache")
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    else:
        env.pop("TMPDIR", None)
    if extra:
        env.update(extra)
    return env


def spawn(
    argv: Sequence[str],
    env: Mapping[str, str],
    log: Path,
    pass_fds: Sequence[int] = (),
) -> subprocess.Popen[bytes]:
    """Start `argv` as the leader of a new session (so the whole tree can be killed)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            list(argv),
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            pass_fds=tuple(pass_fds),
            start_new_session=True,
            close_fds=True,
        )
    _LIVE[proc.pid] = proc
    return proc


def log_tail(log: Path, lines: int = 15) -> str:
    """The end of a browser's log, for failure messages (D-Bus noise left out)."""
    try:
        text = log.read_text(errors="replace")
    except OSError:
        return f"(no log at {log})"
    kept = [line for line in text.splitlines() if "dbus" not in line.lower()]
    return f"{log}:\n" + "\n".join(kept[-lines:])


def group_members(pgid: int) -> list[int]:
    """Pids of live (not zombie) processes whose process group is `pgid`."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # Field 2 (comm) may contain spaces; the rest follows the last ')'.
        fields = stat.rsplit(")", 1)[1].split()
        state, pgrp = fields[0], int(fields[2])
        if pgrp == pgid and state != "Z":
            members.append(int(entry))
    return members


def kill_group(proc: subprocess.Popen[bytes], sig: int = signal.SIGKILL) -> None:
    """Kill the process group led by `proc` and reap the leader."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, sig)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=15)
    # Children that were still exiting (renderers, crash handler).
    deadline = time.monotonic() + 10
    while group_members(proc.pid) and time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    if proc.returncode is not None:
        _LIVE.pop(proc.pid, None)


def wait_exit(proc: subprocess.Popen[bytes], timeout: float) -> bool:
    """Wait for the leader to exit on its own; True when it did."""
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return True


def reap(proc: subprocess.Popen[bytes]) -> None:
    """After a clean exit: give helper processes a moment, then kill what is left."""
    deadline = time.monotonic() + 5
    while group_members(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    kill_group(proc)


def kill_all() -> list[int]:
    """Kill every group the harness started; returns the pids that were still alive."""
    alive = [pid for pid, p in _LIVE.items() if p.poll() is None or group_members(pid)]
    for proc in list(_LIVE.values()):
        kill_group(proc)
    return alive


atexit.register(kill_all)
