"""Start the built app once: `python packaging/smoke.py [--dist dist]`.

Runs the app with `--demo --smoke-test` offscreen (it shows the window, waits for the
first reading and exits 0 when it worked) and `fkinspect-cli --version`, which must say
the checkout's version. The release workflow runs this on Linux, Windows and macOS; the
tests run it on Linux. On Windows the app is a windowed program whose output goes
nowhere, so there its exit code alone counts.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from release_info import ROOT, project_version


def programs(dist: Path) -> tuple[Path, Path]:
    """(the app, the command line) inside the built folder or, on macOS, the .app."""
    if sys.platform == "darwin":
        folder = dist / "fkinspect.app" / "Contents" / "MacOS"
    else:
        folder = dist / "fkinspect"
    suffix = ".exe" if sys.platform == "win32" else ""
    return folder / f"fkinspect{suffix}", folder / f"fkinspect-cli{suffix}"


def smoke(dist: Path) -> list[str]:
    """What went wrong; empty when the app and the command line both worked."""
    app, cli = programs(dist)
    problems = []
    with tempfile.TemporaryDirectory(prefix="fkinspect-smoke-") as home:
        # A fresh home: the app writes its settings and log there, not the builder's.
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": home,
               "XDG_CONFIG_HOME": home, "XDG_STATE_HOME": home, "LOCALAPPDATA": home}
        env.pop("PYTHONPATH", None)
        started = subprocess.run([str(app), "--demo", "--smoke-test"], env=env, cwd=home,
                                 capture_output=True, text=True, check=False, timeout=180)
        shown = sys.platform == "win32" or "window shown (demo)" in started.stdout
        if started.returncode != 0 or not shown:
            problems.append(f"{app.name} --demo --smoke-test: exit {started.returncode}\n"
                            f"{started.stdout[-2000:]}{started.stderr[-2000:]}")
        version = subprocess.run([str(cli), "--version"], env=env, cwd=home,
                                 capture_output=True, text=True, check=False, timeout=60)
        if version.stdout.strip() != f"fkinspect {project_version()}":
            problems.append(f"{cli.name} --version said {version.stdout.strip()!r} "
                            f"{version.stderr[-2000:]}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    problems = smoke(args.dist)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"smoke test passed: {', '.join(p.name for p in programs(args.dist))}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
