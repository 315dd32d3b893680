"""Running checks with real locks held by real child processes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fkinspect.errors import BrowserRunning
from fkinspect.model import Family, Profile
from fkinspect.running import ensure_not_running, pid_alive, running_evidence
from tests.unit.children import HOLD_LOCK, WAIT, Child

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fcntl locks and symlinks")

def _firefox_profile(directory: Path) -> Profile:
    return Profile("firefox-esr", "Firefox ESR", Family.FIREFOX, "default-esr",
                   directory, directory.parent)  # fmt: skip


def _chromium_profile(root: Path) -> Profile:
    return Profile("chromium", "Chromium", Family.CHROMIUM, "Person 1",
                   root / "Default", root)  # fmt: skip


@pytest.fixture
def children() -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        child.finish()


def test_firefox_lock_held_then_released(tmp_path: Path, children: list[Child]) -> None:
    profile = _firefox_profile(tmp_path)
    lock = tmp_path / ".parentlock"
    lock.write_bytes(b"")
    child = Child(HOLD_LOCK, str(lock))
    children.append(child)
    child.expect("locked")

    evidence = running_evidence(profile, platform="linux")
    assert evidence is not None
    assert (evidence.browser_name, evidence.profile_name) == ("Firefox ESR", "default-esr")
    assert ".parentlock" in evidence.how
    if sys.platform.startswith("linux") or sys.platform == "darwin":
        assert evidence.pid == child.pid  # F_GETLK names the holder
    with pytest.raises(BrowserRunning) as raised:
        ensure_not_running(profile, platform="linux")
    assert raised.value.browser_name == "Firefox ESR"
    assert raised.value.profile_name == "default-esr"

    child.step()
    child.expect("unlocked")  # the child lives on, the lock is gone
    assert running_evidence(profile, platform="linux") is None
    ensure_not_running(profile, platform="linux")


def test_firefox_check_takes_no_lock(tmp_path: Path, children: list[Child]) -> None:
    # Right after our check, Firefox (here: a child) must still get its lock.
    profile = _firefox_profile(tmp_path)
    lock = tmp_path / ".parentlock"
    lock.write_bytes(b"")
    assert running_evidence(profile, platform="linux") is None
    child = Child(HOLD_LOCK, str(lock))
    children.append(child)
    child.expect("locked")
    assert running_evidence(profile, platform="linux") is not None


def test_firefox_lock_files_without_a_lock_mean_not_running(tmp_path: Path) -> None:
    # After a clean quit both files stay behind; neither means anything.
    (tmp_path / ".parentlock").write_bytes(b"")
    (tmp_path / "lock").symlink_to(f"127.0.0.1:+{os.getpid()}")
    assert running_evidence(_firefox_profile(tmp_path), platform="linux") is None


def test_firefox_lock_of_a_killed_holder_is_released(tmp_path: Path, children: list[Child]) -> None:
    profile = _firefox_profile(tmp_path)
    lock = tmp_path / ".parentlock"
    child = Child(HOLD_LOCK, str(lock))
    children.append(child)
    child.expect("locked")
    assert running_evidence(profile, platform="linux") is not None
    child.finish()  # SIGKILL: the kernel drops the lock
    assert running_evidence(profile, platform="linux") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl and /proc are Linux")
def test_firefox_without_lock_file_falls_back_to_processes(
    tmp_path: Path, children: list[Child]
) -> None:
    profile = _firefox_profile(tmp_path)  # no .parentlock at all
    child = Child(WAIT, "firefox-esr")
    children.append(child)
    child.expect("ready")
    evidence = running_evidence(profile, platform="linux")
    assert evidence is not None
    assert "does not exist" in evidence.how
    assert evidence.pid is not None and pid_alive(evidence.pid)
    child.finish()
    after = running_evidence(profile, platform="linux")
    # Another Firefox may run on this machine; our child must no longer count.
    assert after is None or after.pid != child.pid


def _singleton(root: Path, target: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "SingletonLock").symlink_to(target)


def test_chromium_singleton_lock_live_pid(tmp_path: Path, children: list[Child]) -> None:
    child = Child(WAIT, "chromium")
    children.append(child)
    child.expect("ready")
    host = socket.gethostname()
    _singleton(tmp_path, f"{host}-{child.pid}")
    profile = _chromium_profile(tmp_path)
    evidence = running_evidence(profile, platform="linux")
    assert evidence is not None
    assert evidence.pid == child.pid and str(child.pid) in evidence.how
    with pytest.raises(BrowserRunning):
        ensure_not_running(profile, platform="linux")

    child.finish()  # the browser crashed: the link stays, the pid is gone
    assert (tmp_path / "SingletonLock").is_symlink()
    assert running_evidence(profile, platform="linux") is None


def test_chromium_hostname_with_dashes(tmp_path: Path, children: list[Child]) -> None:
    child = Child(WAIT, "chrome")
    children.append(child)
    child.expect("ready")
    _singleton(tmp_path, f"my-laptop-01-{child.pid}")
    evidence = running_evidence(_chromium_profile(tmp_path), platform="linux",
                                hostname="my-laptop-01")  # fmt: skip
    assert evidence is not None and evidence.pid == child.pid


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for proc in started:
        proc.kill()
        proc.wait()


def _sleep(processes: list[subprocess.Popen[bytes]], argv0: str = "sleep",
           executable: str | None = None) -> int:
    """A real `sleep`, started under another name (argv[0]) or from a renamed copy."""
    sleep = executable or shutil.which("sleep")
    assert sleep is not None
    proc = subprocess.Popen([argv0, "30"], executable=sleep)
    processes.append(proc)
    return proc.pid


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")


@linux_only
def test_chromium_lock_whose_pid_now_belongs_to_another_program_is_stale(
    tmp_path: Path, processes: list[subprocess.Popen[bytes]]
) -> None:
    # Chromium crashed; its pid went to a `sleep`. Chromium itself would start here.
    pid = _sleep(processes)
    _singleton(tmp_path, f"{socket.gethostname()}-{pid}")
    assert pid_alive(pid)
    assert running_evidence(_chromium_profile(tmp_path), platform="linux") is None
    ensure_not_running(_chromium_profile(tmp_path), platform="linux")


@linux_only
@pytest.mark.parametrize("how", ["argv0", "executable"])
def test_chromium_lock_of_a_process_named_like_the_browser(
    tmp_path: Path, processes: list[subprocess.Popen[bytes]], how: str
) -> None:
    if how == "argv0":  # as `exec -a chromium sleep 30` starts it
        pid = _sleep(processes, argv0="chromium")
    else:  # a copy of sleep called chromium, as /usr/lib/chromium/chromium
        sleep = shutil.which("sleep")
        assert sleep is not None
        copy = tmp_path / "bin" / "chromium"
        copy.parent.mkdir()
        shutil.copy2(sleep, copy)
        pid = _sleep(processes, argv0=str(copy), executable=str(copy))
    _singleton(tmp_path / "root", f"{socket.gethostname()}-{pid}")
    evidence = running_evidence(_chromium_profile(tmp_path / "root"), platform="linux")
    assert evidence is not None and evidence.pid == pid


@linux_only
def test_chromium_lock_written_inside_a_sandbox_pid_namespace(
    tmp_path: Path, processes: list[subprocess.Popen[bytes]]
) -> None:
    # Flatpak: the browser writes its pid as seen inside its own pid namespace (here 1).
    unshare = shutil.which("unshare")
    probe = subprocess.run([unshare or "unshare", "--pid", "--fork", "true"],
                           capture_output=True, check=False) if unshare else None  # fmt: skip
    if probe is None or probe.returncode != 0:
        pytest.skip("cannot make a pid namespace here (unshare needs privileges)")
    assert unshare is not None
    sleep = shutil.which("sleep")
    assert sleep is not None
    proc = subprocess.Popen([unshare, "--pid", "--fork", "--kill-child", sys.executable, "-c",
                             f"import os; os.execv({sleep!r}, ['chromium', '30'])"])  # fmt: skip
    processes.append(proc)
    _singleton(tmp_path, f"{socket.gethostname()}-1")
    profile = _chromium_profile(tmp_path)
    for _ in range(100):  # until the child has become "chromium" (bounded: 5 s)
        evidence = running_evidence(profile, platform="linux")
        if evidence is not None:
            break
        time.sleep(0.05)
    assert evidence is not None and "sandboxed" in evidence.how
    assert evidence.pid is not None and evidence.pid not in (1, proc.pid)
    proc.kill()
    proc.wait()
    for _ in range(100):  # --kill-child: the namespace goes with it
        if running_evidence(profile, platform="linux") is None:
            break
        time.sleep(0.05)
    assert running_evidence(profile, platform="linux") is None


def test_chromium_lock_of_another_computer(tmp_path: Path) -> None:
    _singleton(tmp_path, f"some-other-host-{os.getpid()}")
    evidence = running_evidence(_chromium_profile(tmp_path), platform="linux",
                                hostname="this-host")  # fmt: skip
    assert evidence is not None
    assert "another computer" in evidence.how and "some-other-host" in evidence.how
    assert evidence.pid is None


def test_chromium_without_singleton_lock_is_not_running(tmp_path: Path) -> None:
    (tmp_path / "Default").mkdir()
    assert running_evidence(_chromium_profile(tmp_path), platform="linux") is None


def test_chromium_garbled_lock_is_treated_as_running(tmp_path: Path) -> None:
    _singleton(tmp_path, "no pid here")
    evidence = running_evidence(_chromium_profile(tmp_path), platform="linux")
    assert evidence is not None and "cannot tell" in evidence.how


def test_windows_checks_do_not_run_elsewhere(tmp_path: Path) -> None:
    # parent.lock / lockfile opened normally would look free on Linux: the
    # Windows test must not run here, whatever the files say.
    (tmp_path / "parent.lock").write_bytes(b"")
    (tmp_path / "lockfile").write_bytes(b"")
    assert running_evidence(_firefox_profile(tmp_path), platform="win32") is None
    assert running_evidence(_chromium_profile(tmp_path), platform="win32") is None


def test_safari_only_on_macos(tmp_path: Path) -> None:
    profile = Profile("safari", "Safari", Family.SAFARI, "Safari", tmp_path, tmp_path)
    assert running_evidence(profile, platform="linux") is None


def test_pid_alive() -> None:
    assert pid_alive(os.getpid())
    assert pid_alive(1)  # init: someone else's process still counts
    assert not pid_alive(0) and not pid_alive(-5)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # reaped: the pid no longer exists
    assert not pid_alive(gone.pid)
