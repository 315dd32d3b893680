"""Child processes for the running-browser tests: a real fcntl lock, a live pid.

    holding_lock(path)   context manager: another process holds Firefox's kind of
                         lock (an fcntl write lock on the whole file) on `path`
    Child(code, *args)   a python child driven line by line (expect, step, finish)
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Takes the lock, says so, holds it until told to let go, then says that too.
HOLD_LOCK = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
print("locked", flush=True)
sys.stdin.readline()
fcntl.lockf(fd, fcntl.LOCK_UN)
print("unlocked", flush=True)
sys.stdin.readline()
"""

# Only waits: a live pid for a SingletonLock, optionally with a process name (comm)
# like a browser's.
WAIT = """
import ctypes, sys
if len(sys.argv) > 1:
    ctypes.CDLL(None).prctl(15, sys.argv[1].encode(), 0, 0, 0)  # PR_SET_NAME
print("ready", flush=True)
sys.stdin.readline()
"""


class Child:
    """A python child process driven line by line over stdin/stdout."""

    def __init__(self, code: str, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.pid = self.proc.pid

    def expect(self, word: str) -> None:
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == word

    def step(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()

    def finish(self) -> None:
        """End the child and reap it, so its pid is really gone (not a zombie)."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()


@contextmanager
def holding_lock(path: Path) -> Iterator[Child]:
    """Another process holds `path` locked (as a running Firefox its .parentlock)."""
    child = Child(HOLD_LOCK, str(path))
    try:
        child.expect("locked")
        yield child
    finally:
        child.finish()
