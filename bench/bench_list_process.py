"""The whole `fkinspect list --json` process beside a browser-cookie3 script, same stores.

Run (browser-cookie3 needs a D-Bus session bus for Chromium):

    dbus-run-session -- .venv/bin/python bench/bench_list_process.py \
        [--rows 3000,100000] [--heavy] [--runs 9] [--real] [--checkout DIR]

For each size it lays out a home folder as on Linux, with one Chromium profile
(~/.config/chromium/Default/Cookies) and one Firefox profile
(~/.mozilla/firefox/<profile>/cookies.sqlite, with profiles.ini), both stores
of that many rows (schema-faithful, fkinspect.synth; cached in
/tmp/fkinspect-bench-home). --heavy adds the issue's heavy home: six stores at the
browsers' cap of 3,300 rows (three Chromium profiles, Brave, two Firefox profiles).
Then it times whole processes, interleaved so that drift on the machine hits all alike:

  ours  fkinspect list --json --home H   (the installed command: discovery, every store,
        the agency's and the named sites' cookies, classification, JSON)
  bc3   python -c "<script>": browser_cookie3.chromium/brave/firefox(cookie_file=...,
        domain_name="forsakringskassan.se") for each store, cookie count printed
  then  (--checkout DIR) the same command with another checkout's fkinspect first on
        PYTHONPATH, e.g. the commit before a change: before and after in one run

With --real it also times a home in which real Chromium and Firefox ESR (Debian's
`chromium`, `firefox-esr`) visited a local copy of the agency's pages, made with the
end-to-end tests' harness: real stores of a few dozen rows, Firefox's session file
included.

Prints the median wall time of each and ours/bc3. The guard (issue 12), ours <= 1.0x, is
for the heavy home when it is built; otherwise the real home with --real, otherwise the
generated ones.
Compiled modules are cached as after an install (PYTHONDONTWRITEBYTECODE is
dropped for the children).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fkinspect.synth import generate_bulk_chromium, generate_bulk_firefox

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path("/tmp/fkinspect-bench-home")
AGENCY = "forsakringskassan.se"
FIREFOX_PROFILE = "b3nch0ff.default-release"
TARGET = 1.0
HEAVY_ROWS = 3300  # Chromium's kMaxCookies: a browser keeps no more per store

# argv: pairs of (reader, cookie file); the reader is browser_cookie3's function's name.
BC3 = """
import sys, browser_cookie3
found = 0
for reader, path in zip(sys.argv[1::2], sys.argv[2::2]):
    found += len(getattr(browser_cookie3, reader)(cookie_file=path,
                                                  domain_name="forsakringskassan.se"))
print(found)
"""


def _home(rows: int) -> Path:
    """A home with one Chromium and one Firefox profile, each store of `rows` rows."""
    home = CACHE / f"home-{rows}"
    if (home / ".complete").exists():
        return home
    partial = CACHE / f"home-{rows}.partial"
    if partial.exists():
        subprocess.run(["rm", "-rf", "--", str(partial)], check=True)
    chromium = partial / ".config" / "chromium"
    generate_bulk_chromium(chromium / "Default" / "Cookies", rows)
    state = {"profile": {"info_cache": {"Default": {"name": "Person 1"}},
                         "last_used": "Default"}}  # fmt: skip
    (chromium / "Local State").write_text(json.dumps(state), encoding="utf-8")
    firefox = partial / ".mozilla" / "firefox"
    generate_bulk_firefox(firefox / FIREFOX_PROFILE / "cookies.sqlite", rows)
    # Firefox leaves its lock file in every profile it has run; only a lock on it means
    # "running". Without the file fkinspect would fall back to looking at processes.
    (firefox / FIREFOX_PROFILE / ".parentlock").touch()
    (firefox / "profiles.ini").write_text(
        "[Profile0]\nName=default-release\nIsRelative=1\n"
        f"Path={FIREFOX_PROFILE}\nDefault=1\n\n[General]\nStartWithLastProfile=1\nVersion=2\n",
        encoding="utf-8",
    )
    (partial / ".complete").touch()
    partial.rename(home)
    return home


def _firefox_profiles(root: Path, names: list[str]) -> None:
    lines = []
    for i, name in enumerate(names):
        lines.append(f"[Profile{i}]\nName={name}\nIsRelative=1\nPath={name}\n"
                     f"{'Default=1' if i == 0 else ''}\n")  # fmt: skip
        # Firefox leaves its lock file in every profile it has run; only a lock on it
        # means "running". Without the file fkinspect would fall back to processes.
        (root / name / ".parentlock").touch()
    lines.append("[General]\nStartWithLastProfile=1\nVersion=2\n")
    (root / "profiles.ini").write_text("\n".join(lines), encoding="utf-8")


_HEAVY_CHROMIUM = (("chromium", ".config/chromium", "Default"),
                   ("chromium", ".config/chromium", "Profile 1"),
                   ("chromium", ".config/chromium", "Profile 2"),
                   ("brave", ".config/BraveSoftware/Brave-Browser", "Default"))  # fmt: skip
_HEAVY_FIREFOX = ("b3nch0ff.default-release", "h3avy0ne.work")


def _heavy_home() -> tuple[Path, list[tuple[str, Path]]]:
    """Six stores at the cap: three Chromium profiles, Brave, two Firefox profiles."""
    home = CACHE / f"home-heavy-{HEAVY_ROWS}"
    stores = [(reader, home / folder / profile / "Cookies")
              for reader, folder, profile in _HEAVY_CHROMIUM]  # fmt: skip
    stores += [("firefox", home / ".mozilla/firefox" / name / "cookies.sqlite")
               for name in _HEAVY_FIREFOX]  # fmt: skip
    if (home / ".complete").exists():
        return home, stores
    partial = CACHE / f"{home.name}.partial"
    if partial.exists():
        subprocess.run(["rm", "-rf", "--", str(partial)], check=True)
    for seed, (reader, path) in enumerate(stores, start=1):
        target = partial / path.relative_to(home)
        if reader == "firefox":
            generate_bulk_firefox(target, HEAVY_ROWS, seed=seed)
        else:
            generate_bulk_chromium(target, HEAVY_ROWS, seed=seed)
    for _reader, folder, _profile in _HEAVY_CHROMIUM:
        profiles = [p for _r, f, p in _HEAVY_CHROMIUM if f == folder]
        state = {"profile": {"info_cache": {p: {"name": p} for p in profiles},
                             "last_used": profiles[0]}}  # fmt: skip
        (partial / folder / "Local State").write_text(json.dumps(state), encoding="utf-8")
    _firefox_profiles(partial / ".mozilla" / "firefox", list(_HEAVY_FIREFOX))
    (partial / ".complete").touch()
    partial.rename(home)
    return home, stores


def _real_home() -> tuple[Path, Path, Path]:
    """A home where real Chromium and Firefox ESR visited a local copy of the agency's
    pages (the end-to-end tests' harness), and its two cookie stores. Cached."""
    sys.path.insert(0, str(ROOT / "tests" / "e2e"))
    from e2e_harness.chromium import cookies_db
    from e2e_harness.firefox import profile_in_use, profiles_root
    from e2e_harness.homes import visit_with_chromium, visit_with_firefox
    from e2e_harness.site import AgencySite

    home = CACHE / "home-real"
    if not (home / ".complete").exists():
        partial = CACHE / "home-real.partial"
        subprocess.run(["rm", "-rf", "--", str(partial), str(home)], check=True)
        with tempfile.TemporaryDirectory() as work, AgencySite(Path(work)) as site:
            visit_with_chromium(partial, site)
            visit_with_firefox(partial, site)
        (partial / ".complete").touch()
        partial.rename(home)
    root = profiles_root(home)
    if root is None:
        raise SystemExit(f"no Firefox profile in {home}; delete it to rebuild")
    return home, cookies_db(home), profile_in_use(root) / "cookies.sqlite"


def _stores(home: Path) -> tuple[Path, Path]:
    return (home / ".config" / "chromium" / "Default" / "Cookies",
            home / ".mozilla" / "firefox" / FIREFOX_PROFILE / "cookies.sqlite")  # fmt: skip


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode is cached
    # The scan log goes to a private folder, not this user's state directory.
    env["XDG_STATE_HOME"] = str(CACHE / "state")
    return env


def _time(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise SystemExit(f"{args[:4]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, done.stdout


def _fkinspect() -> list[str]:
    """The installed `fkinspect` command, as a user runs it (else `python -m fkinspect`)."""
    script = Path(sys.executable).with_name("fkinspect")
    return [str(script)] if script.exists() else [sys.executable, "-m", "fkinspect"]


def _found(stdout: str) -> str:
    data = json.loads(stdout)
    stores = ", ".join(s["status"] for s in data["stores"])
    return f"{len(data['cookies'])} cookies ({stores})"


def _bc3_args(stores: list[tuple[str, Path]]) -> list[str]:
    return [arg for reader, path in stores for arg in (reader, str(path))]


def _median_runs(commands: list[list[str]], envs: list[dict[str, str]],
                 runs: int) -> tuple[list[float], list[str]]:
    """Median ms of each command, run interleaved (the order turns each round)."""
    outputs = [_time(cmd, env)[1] for cmd, env in zip(commands, envs, strict=True)]  # warm up
    times: list[list[float]] = [[] for _ in commands]
    for i in range(runs):
        order = list(range(len(commands)))
        order = order[i % len(order):] + order[:i % len(order)]
        for k in order:
            times[k].append(_time(commands[k], envs[k])[0])
    return [statistics.median(t) for t in times], outputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="3000,100000",
                        help="rows per store, comma separated ('' for none)")
    parser.add_argument("--heavy", action="store_true",
                        help="also the heavy home: six stores at 3,300 rows (the guard's home)")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--real", action="store_true",
                        help="also a home written by real Chromium and Firefox ESR (needs both)")
    parser.add_argument("--checkout", type=Path,
                        help="also time this checkout's fkinspect (e.g. before a change)")
    args = parser.parse_args()
    env = _env()
    homes: list[tuple[str, Path, list[tuple[str, Path]]]] = []
    for rows in (int(r) for r in args.rows.split(",") if r):
        home = _home(rows)
        chromium, firefox = _stores(home)
        homes.append((str(rows), home, [("chromium", chromium), ("firefox", firefox)]))
    if args.heavy:
        homes.append(("heavy", *_heavy_home()))
    if args.real:
        home, chromium, firefox = _real_home()
        homes.append(("real", home, [("chromium", chromium), ("firefox", firefox)]))
    judge = "heavy" if args.heavy else "real" if args.real else None
    judged: dict[str, float] = {}
    then = f" {'then ms':>9} {'then/bc3':>9}" if args.checkout else ""
    print(f"{'home':>10} {'ours ms':>9} {'bc3 ms':>9} {'ours/bc3':>9}{then}  "
          "ours found; bc3 found")
    for label, home, stores in homes:
        ours_cmd = [*_fkinspect(), "list", "--json", "--home", str(home)]
        commands = [ours_cmd, [sys.executable, "-c", BC3, *_bc3_args(stores)]]
        envs = [env, env]
        if args.checkout:
            commands.append(ours_cmd)
            envs.append({**env, "PYTHONPATH": str(args.checkout.resolve())})
        medians, outputs = _median_runs(commands, envs, args.runs)
        ratio = medians[0] / medians[1]
        if judge is None or label == judge:
            judged[label] = ratio
        before = (f" {medians[2]:9.1f} {medians[2] / medians[1]:8.2f}x"
                  if args.checkout else "")  # fmt: skip
        print(f"{label:>10} {medians[0]:9.1f} {medians[1]:9.1f} {ratio:8.2f}x{before}  "
              f"{_found(outputs[0])}; {outputs[1].strip()} cookies")  # fmt: skip
    missed = any(ratio > TARGET for ratio in judged.values())
    print(f"guard: ours <= {TARGET}x bc3 on {', '.join(judged)} -> "
          f"{'missed' if missed else 'met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
