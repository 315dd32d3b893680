"""Clean on big stores (broken or hostile: browsers keep at most ~3,300 cookies per store).

    .venv/bin/python bench/bench_clean.py [--session 10000,20000,40000]
        [--rows 100000,1000000] [--too-large 200000] [--runs 3] [--code DIR]

Every measurement runs in a fresh child process, so its peak resident memory
(ru_maxrss) is that one operation's; "anon peak" samples the process's own
memory (RssAnon) too, without file pages.
Medians of the runs are printed. `--code`
points the children at another checkout (PYTHONPATH) to time the code before a
change the same way. Stores are cached in /tmp/fkinspect-bench-clean; each run
cleans a fresh copy.

  session    a session store of N entries, a third of them analytics: plan, clean
             and restore (the quadratic part was a scan per planned entry)
  sqlite     a Chromium store of a few agency cookies plus N rows of other sites:
             plan and clean (the clean held every row's key four times)
  too-large  a Chromium store of N agency cookies, past the 100,000 limit: the scan
             that reports it (it must stop at the limit, not read them all)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

CACHE = Path("/tmp/fkinspect-bench-clean")
WWW, AG = "www.forsakringskassan.se", ".forsakringskassan.se"

CHILD = r"""
import json, resource, sys, threading, time, tracemalloc
from pathlib import Path
kind, path, root = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
anon = [0]  # peak of the process's own memory: RSS less the mapped files (Linux)
def sample():
    while True:
        try:
            with open("/proc/self/status") as status:
                kb = [int(l.split()[1]) for l in status if l.startswith("RssAnon:")]
        except OSError:
            return
        anon[0] = max(anon[0], kb[0] * 1024 if kb else 0)
        time.sleep(0.005)
threading.Thread(target=sample, daemon=True).start()
from fkinspect.clean import make_plan, restore, run_clean
from fkinspect.policy import load_policy
from fkinspect.scan import ScanRequest, run_scan
never = lambda profile: None
trace = kind == "sqlite"
if trace:
    tracemalloc.start()
start = time.perf_counter()
scan = run_scan(ScanRequest(stores=(path,), discover_home=False), load_policy())
plan = make_plan(scan, check_running=never)
result = run_clean(plan, backup_root=root, check_running=never)
if kind == "session":
    restore(result.run, backup_root=root, check_running=never)
seconds = time.perf_counter() - start
python_peak = tracemalloc.get_traced_memory()[1] if trace else 0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
time.sleep(0.02)
print(json.dumps({"seconds": seconds, "rss": rss, "anon": anon[0], "python": python_peak,
                  "status": [str(s.status) for s in scan.stores],
                  "removed": sum(len(o.removed) for o in result.stores)}))
"""


def _session_store(entries: int) -> Path:
    from fkinspect.browsers.mozlz4 import compress

    path = CACHE / f"session-{entries}" / "x.default-release" / "sessionstore.jsonlz4"
    if not path.exists():
        path.parent.mkdir(parents=True)
        cookies = [{"host": WWW, "value": f"v{i}", "path": "/", "originAttributes": {},
                    "name": f"_pk_ses.{i}.abcd" if i % 3 == 0 else f"fk_other_{i}"}
                   for i in range(entries)]  # fmt: skip
        state = {"version": ["sessionrestore", 1], "windows": [], "cookies": cookies}
        path.write_bytes(compress(json.dumps(state, separators=(",", ":")).encode()))
        (path.parent / ".parentlock").touch()
    return path


def _chromium_store(name: str, other_rows: int, agency_rows: int) -> Path:
    from fkinspect.synth import SynthCookie, write_chromium_store

    path = CACHE / name / "Default" / "Cookies"
    if path.exists():
        return path
    later = datetime.now(UTC) + timedelta(days=90)
    cookies = [SynthCookie(WWW, "_pk_id.1.abcd", expires=later),
               SynthCookie(AG, "_ga", expires=later),
               SynthCookie(WWW, "JSESSIONID", expires=later),
               SynthCookie(".example.com", "template", expires=later)]  # fmt: skip
    partial = path.with_name("Cookies.partial")
    shutil.rmtree(path.parent, ignore_errors=True)
    write_chromium_store(partial, cookies)
    with closing(sqlite3.connect(partial)) as con, con:
        columns = [r[1] for r in con.execute("PRAGMA table_info(cookies)")]
        for count, host, name in ((other_rows, "'s' || i || '.example.com'", "name"),
                                  (agency_rows, f"'{WWW}'", "'_pk_ref.' || i || '.ab'")):
            if not count:
                continue
            source = ", ".join(host if c == "host_key" else name if c == "name" else c
                               for c in columns)  # fmt: skip
            numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
            insert = f"INSERT INTO cookies ({', '.join(columns)}) SELECT {source} FROM cookies, n"  # noqa: S608
            copies = f"{numbers} {insert} WHERE cookies.name = 'template'"
            con.execute(copies, (count,))
    partial.rename(path)
    return path


def _run(kind: str, store: Path, runs: int, code: str | None) -> dict[str, Any]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONPATH"] = code or str(Path(__file__).resolve().parent.parent)
    found: list[dict[str, Any]] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="fkinspect-bench-") as folder:
            copy = Path(folder) / store.parent.name / store.name
            shutil.copytree(store.parent, copy.parent)
            done = subprocess.run(  # run from the folder: `-c` puts the cwd first on sys.path
                [sys.executable, "-c", CHILD, kind, str(copy), str(Path(folder) / "backups")],
                capture_output=True, text=True, env=env, check=True, cwd=folder,
            )  # fmt: skip
            found.append(json.loads(done.stdout))
    medians = {key: statistics.median(float(r[key]) for r in found)
               for key in ("seconds", "rss", "anon", "python", "removed")}  # fmt: skip
    return {**medians, "status": found[0]["status"]}


def _mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--session", default="10000,20000,40000")
    parser.add_argument("--rows", default="100000,1000000")
    parser.add_argument("--too-large", default="200000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--code", help="another checkout to measure (PYTHONPATH)")
    args = parser.parse_args()
    sizes = {k: [int(n) for n in v.split(",") if n]
             for k, v in (("session", args.session), ("sqlite", args.rows),
                          ("too-large", args.too_large))}  # fmt: skip
    print(f"{'kind':<10} {'size':>10} {'seconds':>9} {'peak RSS':>11} {'anon peak':>11} "
          f"{'Python peak':>12}  removed  status")
    for kind, counts in sizes.items():
        for n in counts:
            if kind == "session":
                store, mode = _session_store(n), "session"
            elif kind == "sqlite":
                store, mode = _chromium_store(f"sqlite-{n}", n, 0), "sqlite"
            else:
                store, mode = _chromium_store(f"too-large-{n}", 0, n), "too-large"
            r = _run(mode, store, args.runs, args.code)
            python = _mb(r["python"]) if mode == "sqlite" else "-"
            print(f"{kind:<10} {n:>10,} {r['seconds']:>9.2f} {_mb(r['rss']):>11} "
                  f"{_mb(r['anon']):>11} {python:>12}"
                  f"  {int(r['removed']):>7}  {','.join(r['status'])}", flush=True)


if __name__ == "__main__":
    main()
