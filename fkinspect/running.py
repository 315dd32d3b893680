"""Is the browser that owns a profile running? Test the lock, not the file.

- Firefox: `.parentlock` carries an fcntl (POSIX record) lock while Firefox runs
  (Windows: `parent.lock` is held open without sharing). The files stay after
  a clean quit, so only the lock means anything. We ask with F_GETLK, which
  reports a conflicting lock without taking one, so a Firefox starting at that
  moment is never refused its own lock.
- Chromium: `SingletonLock` in the user-data-dir is a symlink to
  `<hostname>-<pid>`, removed on a clean exit and left stale after a crash
  (Windows: `lockfile`, held open while running). As Chromium itself does, a
  lock counts only when that pid is a browser process of this host: a pid
  reused by another program is stale. Flatpak runs the browser in a pid
  namespace of its own, so the lock's pid may be the browser's pid in there.
- Safari, and Firefox profiles without a lock file: look for the processes.
"""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fkinspect.errors import BrowserRunning
from fkinspect.model import Family, Profile
from fkinspect.safe_open import open_regular

if sys.platform != "win32":  # POSIX record locks; Windows holds the lock file open instead
    import fcntl

FIREFOX_LOCK = ".parentlock"
FIREFOX_WINDOWS_LOCK = "parent.lock"
CHROMIUM_LOCK = "SingletonLock"
CHROMIUM_WINDOWS_LOCK = "lockfile"

# Executable / process names per family, for the fallback process scan.
_FIREFOX_NAMES = "firefox firefox-bin firefox-esr firefox-developer-edition librewolf"
# Every Chromium-family name counts for every Chromium-family lock: a little
# stricter than Chromium (which wants its own name), never less.
_CHROMIUM_NAMES = (
    "chrome chromium chromium-browser google-chrome google-chrome-beta"
    " google-chrome-unstable brave brave-browser msedge microsoft-edge microsoft-edge-beta"
    " microsoft-edge-dev opera opera-beta opera-developer vivaldi vivaldi-bin"
)
PROCESS_NAMES: dict[Family, frozenset[str]] = {
    Family.FIREFOX: frozenset(_FIREFOX_NAMES.split()),
    Family.CHROMIUM: frozenset(_CHROMIUM_NAMES.split()),
    Family.SAFARI: frozenset({"Safari"}),
}

_SHARING_VIOLATION = 32  # ERROR_SHARING_VIOLATION
_LOCK_VIOLATION = 33  # ERROR_LOCK_VIOLATION


@dataclass(frozen=True, slots=True)
class RunningEvidence:
    """Why we believe the profile's browser is running, in plain words."""

    browser_name: str
    profile_name: str
    how: str
    pid: int | None = None  # the process that holds the profile, when known


# ---------------------------------------------------------------- fcntl locks


def _posix_lock_holder(path: Path) -> int | None:
    """The pid holding a write-conflicting fcntl lock on `path`, 0 if unknown, None if free.

    Raises OSError when the file cannot be opened or is not a regular file (a
    FIFO would block an ordinary open for ever).
    """
    fd = open_regular(path)
    try:
        answer = _getlk(fd)
        return _try_lock_and_release(fd) if answer is _UNKNOWN_LAYOUT else answer
    finally:
        os.close(fd)


_UNKNOWN_LAYOUT = -1


def _getlk(fd: int) -> int | None:
    """F_GETLK for a whole-file write lock: holder pid or None; _UNKNOWN_LAYOUT elsewhere.

    struct flock differs per system; only the layouts of 64-bit Linux and
    macOS are spelled out here.
    """
    if struct.calcsize("P") != 8:
        return _UNKNOWN_LAYOUT
    if sys.platform.startswith("linux"):
        # short l_type, short l_whence, off_t l_start, off_t l_len, pid_t l_pid; 32 bytes
        fmt = "@hhqqi"
        query = struct.pack(fmt, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0).ljust(32, b"\0")
        lock_type, _, _, _, pid = struct.unpack_from(fmt, fcntl.fcntl(fd, fcntl.F_GETLK, query))
    elif sys.platform == "darwin":
        # off_t l_start, off_t l_len, pid_t l_pid, short l_type, short l_whence; 24 bytes
        fmt = "@qqihh"
        query = struct.pack(fmt, 0, 0, 0, fcntl.F_WRLCK, os.SEEK_SET)
        _, _, pid, lock_type, _ = struct.unpack_from(fmt, fcntl.fcntl(fd, fcntl.F_GETLK, query))
    else:
        return _UNKNOWN_LAYOUT
    return None if lock_type == fcntl.F_UNLCK else int(pid)


def _try_lock_and_release(fd: int) -> int | None:
    """Fallback without F_GETLK: take a shared lock for an instant and give it back.

    A shared lock conflicts with Firefox's write lock but not with another
    reader. lockf uses the same fcntl locks as Firefox (flock would not see them).
    """
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return 0
    fcntl.lockf(fd, fcntl.LOCK_UN)
    return None


# ------------------------------------------------------------- Windows locks


def _windows_lock_held(path: Path) -> bool | None:
    """True when another process holds `path` open without sharing; None when absent.

    Only meaningful on Windows, where Firefox opens parent.lock and Chromium
    lockfile with no (or no delete) sharing: our ordinary open then fails with a
    sharing violation. Elsewhere an open always succeeds, so never call it there.
    """
    try:
        with path.open("rb"):
            return False
    except FileNotFoundError:
        return None
    except PermissionError as exc:
        return getattr(exc, "winerror", None) in (_SHARING_VIOLATION, _LOCK_VIOLATION)


# ---------------------------------------------------------------- processes


def pid_alive(pid: int) -> bool:
    """Is there a process with this pid on this machine?"""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it belongs to someone else
    except OSError:
        return False
    return True


_COMM_LENGTH = 15  # the kernel keeps a process name (comm) to 15 bytes


def _process_names(pid: int, *, argv0: bool = True) -> list[str] | None:
    """What a Linux process calls itself: its executable's name, argv[0]'s (unless
    `argv0` is False: the scan of every process skips it, a third of its cost) and its
    `comm`; None when none of them can be read (gone, or hidden from us)."""
    proc = Path("/proc", str(pid))
    names = []
    with contextlib.suppress(OSError):
        # " (deleted)": the browser was upgraded while it runs.
        names.append(os.path.basename(os.readlink(proc / "exe")).removesuffix(" (deleted)"))
    with contextlib.suppress(OSError):
        first = proc.joinpath("cmdline").read_bytes().split(b"\0", 1)[0] if argv0 else b""
        if first:
            names.append(os.path.basename(os.fsdecode(first)))
    with contextlib.suppress(OSError):
        names.append(proc.joinpath("comm").read_text(errors="replace").strip())
    return names or None


def _is_one_of(names: Iterable[str], wanted: frozenset[str]) -> bool:
    return any(
        name in wanted
        or (len(name) == _COMM_LENGTH and any(w.startswith(name) for w in wanted))
        for name in names
    )


def _proc_pids() -> list[int]:
    try:
        return [int(entry) for entry in os.listdir("/proc") if entry.isdigit()]
    except OSError:
        return []


def _linux_processes(names: frozenset[str]) -> list[int]:
    """Pids whose executable or process name is one of `names` (Linux /proc)."""
    return sorted(p for p in _proc_pids()
                  if _is_one_of(_process_names(p, argv0=False) or (), names))  # fmt: skip


def _nested_pid(pid: int, names: frozenset[str]) -> int | None:
    """A process named one of `names` that is `pid` inside a pid namespace of its own
    (a Flatpak sandbox): its pid here. /proc/<pid>/status lists its pid per namespace."""
    for candidate in _proc_pids():
        with contextlib.suppress(OSError):
            status = Path("/proc", str(candidate), "status").read_text(errors="replace")
            line = next((x for x in status.splitlines() if x.startswith("NSpid:")), "")
            ids = line.split()[1:]
            if len(ids) > 1 and ids[-1] == str(pid) \
                    and _is_one_of(_process_names(candidate) or (), names):
                return candidate
    return None


def _mac_processes(names: Iterable[str]) -> list[int]:
    found: list[int] = []
    for name in names:
        try:
            done = subprocess.run(
                ["/usr/bin/pgrep", "-x", name], capture_output=True, text=True, timeout=10
            )
        except (OSError, subprocess.SubprocessError):
            continue
        found += [int(p) for p in done.stdout.split() if p.isdigit()]
    return sorted(set(found))


def browser_processes(family: Family, platform: str = sys.platform) -> list[int]:
    """Pids of this family's browser processes; [] where we cannot look."""
    names = PROCESS_NAMES[family]
    if platform.startswith("linux") and sys.platform.startswith("linux"):
        return [p for p in _linux_processes(names) if p != os.getpid()]
    if platform == "darwin" and sys.platform == "darwin":
        return _mac_processes(names)
    return []


# ---------------------------------------------------------------- per family


def _firefox(profile: Profile, platform: str) -> tuple[str, int | None] | None:
    if platform == "win32":
        if sys.platform != "win32":
            return None
        held = _windows_lock_held(profile.directory / FIREFOX_WINDOWS_LOCK)
        if held:
            return f"its profile lock ({FIREFOX_WINDOWS_LOCK}) is held open by Firefox", None
        if held is not None:
            return None
        return _by_process(profile, platform, FIREFOX_WINDOWS_LOCK)
    lock = profile.directory / FIREFOX_LOCK
    try:
        holder = _posix_lock_holder(lock)
    except FileNotFoundError:
        return _by_process(profile, platform, FIREFOX_LOCK)
    except OSError:
        return _by_process(profile, platform, FIREFOX_LOCK, unreadable=True)
    if holder is None:
        return None
    who = f" (process {holder})" if holder > 0 else ""
    return f"its profile lock ({FIREFOX_LOCK}) is held{who}", holder or None


def _by_process(
    profile: Profile, platform: str, lock_name: str, *, unreadable: bool = False
) -> tuple[str, int | None] | None:
    pids = browser_processes(profile.family, platform)
    if not pids:
        return None
    problem = "cannot be read" if unreadable else "does not exist"
    return (
        f"its profile lock ({lock_name}) {problem}, and a {profile.browser_name} process "
        f"is running (process {pids[0]}); it may be using this profile",
        pids[0],
    )


def _chromium(
    profile: Profile, platform: str, hostname: str | None
) -> tuple[str, int | None] | None:
    if platform == "win32":
        if sys.platform != "win32":
            return None
        held = _windows_lock_held(profile.root / CHROMIUM_WINDOWS_LOCK)
        if held:
            return f"its lock file ({CHROMIUM_WINDOWS_LOCK}) is held open by the browser", None
        return None
    lock = profile.root / CHROMIUM_LOCK
    try:
        target = os.readlink(lock)
    except FileNotFoundError:
        return None  # removed on every clean exit: not running
    except OSError:
        if not lock.exists() and not lock.is_symlink():
            return None
        return f"its lock ({CHROMIUM_LOCK}) exists but is not the usual link; cannot tell", None
    host, _, pid_text = target.rpartition("-")
    if not host or not pid_text.isdigit():
        return f"its lock ({CHROMIUM_LOCK}) points at {target!r}; cannot tell", None
    pid = int(pid_text)
    if hostname is None:
        hostname = socket.gethostname()
    if host != hostname:
        return (
            f"its lock ({CHROMIUM_LOCK}) says it is in use on another computer ({host}, "
            f"process {pid}); this computer cannot tell whether that is still true",
            None,
        )
    if not pid_alive(pid):
        return None  # stale lock left by a crash or a kill
    running = f"its lock ({CHROMIUM_LOCK}) names process {pid}, which is running"
    if not (sys.platform.startswith("linux") and os.path.isdir("/proc/self")):
        return running, pid  # elsewhere a live pid is all we can check
    names = PROCESS_NAMES[Family.CHROMIUM]
    seen = _process_names(pid)
    if seen is None or _is_one_of(seen, names):
        return running, pid  # the browser, or a process we may not look at: still in use
    inner = _nested_pid(pid, names)
    if inner is not None:
        return (f"its lock ({CHROMIUM_LOCK}) names process {pid} of a sandboxed browser "
                f"(process {inner} here), which is running"), inner  # fmt: skip
    return None  # the pid now belongs to another program: stale, as Chromium decides


def _safari(platform: str) -> tuple[str, int | None] | None:
    if platform != "darwin":
        return None
    pids = browser_processes(Family.SAFARI, platform)
    return (f"a Safari process is running (process {pids[0]})", pids[0]) if pids else None


def running_evidence(
    profile: Profile, *, platform: str = sys.platform, hostname: str | None = None
) -> RunningEvidence | None:
    """Evidence that the browser owning `profile` runs now, or None when it does not.

    `platform` picks the checks (a Windows lock can only be tested on Windows);
    `hostname` defaults to this machine's name, as Chromium writes it.
    """
    if profile.family is Family.FIREFOX:
        found = _firefox(profile, platform)
    elif profile.family is Family.CHROMIUM:
        found = _chromium(profile, platform, hostname)
    else:
        found = _safari(platform)
    if found is None:
        return None
    how, pid = found
    return RunningEvidence(profile.browser_name, profile.name, how, pid)


def ensure_not_running(
    profile: Profile, *, platform: str = sys.platform, hostname: str | None = None
) -> None:
    """Raise BrowserRunning when the profile's browser runs; return quietly otherwise."""
    evidence = running_evidence(profile, platform=platform, hostname=hostname)
    if evidence is not None:
        raise BrowserRunning(evidence.browser_name, evidence.profile_name, evidence.how)
