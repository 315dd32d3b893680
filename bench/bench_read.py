"""Read the agency's cookies: fkinspect's readers beside browser-cookie3, same files, one run.

Run (browser-cookie3 needs a D-Bus session bus for Chromium, even though the
generated values only need the fixed "peanuts" key):

    dbus-run-session -- .venv/bin/python bench/bench_read.py [--sizes 3000,100000] [--runs 7]

Stores are generated once (schema-faithful, fkinspect.synth) and cached in
/tmp/fkinspect-bench; delete that folder to rebuild them. Runs of ours and of
browser-cookie3 alternate, so that drift on the machine (other processes)
hits both alike; medians are printed. Two scopes:
  agency  forsakringskassan.se and its partition: browser-cookie3 does one
          `host LIKE '%forsakringskassan.se%'` read.
  policy  the agency plus the sites the page names (YouTube, Facebook, X ...):
          browser-cookie3 needs one read per domain.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import browser_cookie3

from fkinspect.browsers.chromium import read_chromium
from fkinspect.browsers.firefox import read_firefox
from fkinspect.model import Family, Profile, StoreFormat, StoreLocation, StoreStatus
from fkinspect.scope import Scope
from fkinspect.synth import generate_bulk_chromium, generate_bulk_firefox

CACHE = Path("/tmp/fkinspect-bench")
AGENCY = "forsakringskassan.se"
NAMED = ("youtube.com", "youtube-nocookie.com", "facebook.com", "twitter.com", "x.com")


def _store(kind: str, rows: int) -> Path:
    path = CACHE / f"{kind}-{rows}.sqlite"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        (generate_bulk_chromium if kind == "chromium" else generate_bulk_firefox)(partial, rows)
        partial.rename(path)
    return path


# The targets for the agency scope: browser-cookie3 time / ours, per store.
TARGETS = {3000: {"chromium": 4.0, "firefox": 1.5}, 1_000_000: {"chromium": 1.5, "firefox": 1.5}}


def _medians(
    ours: Callable[[], int], theirs: Callable[[], int], runs: int
) -> tuple[float, int, float, int]:
    """Median ms and count of each, their runs alternating (and which goes first)."""
    found = {"ours": ours(), "theirs": theirs()}  # warm the page cache for both alike
    times: dict[str, list[float]] = {"ours": [], "theirs": []}
    for i in range(runs):
        pair = [("ours", ours), ("theirs", theirs)]
        for name, fn in pair if i % 2 == 0 else reversed(pair):
            start = time.perf_counter()
            found[name] = fn()
            times[name].append(time.perf_counter() - start)
    return (statistics.median(times["ours"]) * 1000, found["ours"],
            statistics.median(times["theirs"]) * 1000, found["theirs"])  # fmt: skip


def _ours(kind: str, path: Path, scope: Scope) -> Callable[[], int]:
    family = Family.CHROMIUM if kind == "chromium" else Family.FIREFOX
    fmt = StoreFormat.CHROMIUM_SQLITE if kind == "chromium" else StoreFormat.FIREFOX_SQLITE
    profile = Profile(kind, kind, family, "bench", path.parent, path.parent)
    location = StoreLocation(profile, path, fmt)
    reader = read_chromium if kind == "chromium" else read_firefox

    def run() -> int:
        result = reader(location, scope)
        assert result.status is StoreStatus.OK, result.message
        return len(result.cookies)

    return run


def _theirs(kind: str, path: Path, domains: tuple[str, ...]) -> Callable[[], int]:
    def run() -> int:
        total = 0
        for domain in domains:
            if kind == "chromium":
                jar = browser_cookie3.Chrome(cookie_file=str(path), domain_name=domain).load()
            else:
                jar = browser_cookie3.Firefox(cookie_file=str(path), domain_name=domain).load()
            total += len(jar)
        return total

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3000,100000,1000000")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    scopes = {
        "agency": (Scope.of(AGENCY), (AGENCY,)),
        "policy": (Scope.of(AGENCY, NAMED), (AGENCY, *NAMED)),
    }
    print(f"{'rows':>9} {'browser':9} {'scope':7} {'ours ms':>9} {'bc3 ms':>9} "
          f"{'bc3/ours':>9} {'ours n':>7} {'bc3 n':>6}  target")  # fmt: skip
    for rows in sizes:
        for kind in ("chromium", "firefox"):
            path = _store(kind, rows)
            for name, (scope, domains) in scopes.items():
                ours, n_ours, theirs, n_theirs = _medians(
                    _ours(kind, path, scope), _theirs(kind, path, domains), args.runs
                )
                target = TARGETS.get(rows, {}).get(kind) if name == "agency" else None
                verdict = ""
                if target is not None:
                    verdict = f">= {target}x " + ("met" if theirs / ours >= target else "MISSED")
                print(f"{rows:>9} {kind:9} {name:7} {ours:9.2f} {theirs:9.2f} "
                      f"{theirs / ours:8.2f}x {n_ours:>7} {n_theirs:>6}  {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
