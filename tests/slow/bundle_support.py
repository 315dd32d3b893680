"""The folder app, built once per test run, and a clean environment to start it in."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def clean_env(home: Path) -> dict[str, str]:
    """No PYTHONPATH, no venv, a fresh HOME: the bundle must carry everything itself."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(home / "run")}
    (home / "run").mkdir(mode=0o700, parents=True, exist_ok=True)
    return env


def build_bundle(out: Path) -> Path:
    """packaging/build_bundle.py into `out`, then moved away from the build folders so
    nothing can be found through them."""
    started = time.monotonic()
    built = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_bundle.py"),
         "--dist", str(out / "dist"), "--work", str(out / "work")],
        capture_output=True, text=True, check=False, cwd=out,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    print(f"bundle built in {time.monotonic() - started:.0f} s: {built.stdout.strip()}")
    moved = out / "elsewhere" / "fkinspect"
    shutil.move(out / "dist" / "fkinspect", moved)
    shutil.rmtree(out / "work")
    return moved
