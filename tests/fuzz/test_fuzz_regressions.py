"""Every crash the fuzzer found, as one explicit example that must now get an answer.

The examples run without tolerance: each one crashed once (a traceback or a hang in
the parser named beside it) and must now come back with a status, writing nothing.
A new finding that is not fixed yet goes into fuzz_support.KNOWN_DEFECTS, whose
examples run below as strict xfails until the fix lands.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from fuzz_checks import check_home, check_journals, check_session_file
from fuzz_support import KNOWN_DEFECTS, KnownDefect, Template, Workspace, known_defect
from strategies import FIREFOX_PROFILE, GOOD_JOURNAL

from fkinspect.browsers.mozlz4 import compress

Example = Callable[[Workspace, dict[str, Template]], None]
AGENCY = "www.forsakringskassan.se"


def _session(text: str) -> Example:
    return lambda ws, _templates: check_session_file(ws, compress(text.encode()),
                                                     tolerate_known=False)  # fmt: skip


def _profiles_ini(text: str) -> Example:
    def run(ws: Workspace, templates: dict[str, Template]) -> None:
        store = templates["firefox-17"][1]["cookies.sqlite"]
        files = {".mozilla/firefox/profiles.ini": text.encode(),
                 f".mozilla/firefox/{FIREFOX_PROFILE}/cookies.sqlite": store}  # fmt: skip
        check_home(ws, files, tolerate_known=False)

    return run


def _journal(data: bytes) -> Example:
    return lambda ws, _templates: check_journals(ws, GOOD_JOURNAL, data, tolerate_known=False)


def _journal_with(path: tuple[str | int, ...], literal: str) -> Example:
    record = json.loads(json.dumps(GOOD_JOURNAL))
    record["id"], record["run"] = "damaged-id", "damaged-run"
    marker = "\u0000marker\u0000"
    target = record
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = marker
    return _journal(json.dumps(record).replace(json.dumps(marker), literal).encode())


# Found by the fuzzer; where each crashed: firefox_session._expires (NaN, 10**400),
# parse_session_store (nesting, long integers), discovery._key (NUL), journal.read_journal.
REGRESSIONS: dict[str, Example] = {
    "session store: NaN expiry": _session(f'{{"cookies":[{{"host":"{AGENCY}","expiry":NaN}}]}}'),
    "session store: an expiry too large for a float":
        _session(f'{{"cookies":[{{"host":"{AGENCY}","expiry":1{"0" * 400}}}]}}'),
    "session store: deep nesting": _session('{"cookies":' + "[" * 5000 + "]" * 5000 + "}"),
    "session store: an integer literal of more than 4,300 digits":
        _session(f'{{"cookies":[{{"host":"{AGENCY}","expiry":{"9" * 5000}}}]}}'),
    "profiles.ini: a Path holding a NUL byte":
        _profiles_ini(f"[Profile0]\nName=x\nIsRelative=1\nPath={FIREFOX_PROFILE}\n"
                      "[Install4F96D1932A9F858E]\nDefault=x\x00y\n"),
    "journal: top level is not an object": _journal(b"null"),
    "journal: deep nesting": _journal(b"[" * 50_000 + b"]" * 50_000),
    "journal: Infinity as a row id": _journal_with(("removed", 0, "rowid"), "Infinity"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(REGRESSIONS))
def test_a_crash_found_once_gets_an_answer(ws: Workspace, templates: dict[str, Template],
                                           name: str) -> None:
    REGRESSIONS[name](ws, templates)


@pytest.mark.parametrize("defect", [
    pytest.param(d, id=d.name, marks=pytest.mark.xfail(
        strict=True, raises=d.exception, reason=f"{d.name}: fixed on {d.fixed_by}"))
    for d in KNOWN_DEFECTS
])  # fmt: skip
def test_known_defect(ws: Workspace, templates: dict[str, Template], defect: KnownDefect) -> None:
    try:
        REGRESSIONS[defect.name](ws, templates)
    except Exception as exc:
        # The property tests set exactly this crash aside: the example must be it.
        assert known_defect(exc) is defect, f"{defect.name}: raised {exc!r} elsewhere"
        raise
