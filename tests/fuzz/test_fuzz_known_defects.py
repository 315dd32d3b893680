"""Each crash in KNOWN_DEFECTS, as one explicit example that runs without tolerance.

They are strict xfails: when the branch named in `fixed_by` lands, its example passes,
the xfail turns into a failure, and the entry is deleted from KNOWN_DEFECTS (then
the property tests stop setting that crash aside, too).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fuzz_checks import check_session_file
from fuzz_support import KNOWN_DEFECTS, KnownDefect, Template, Workspace, known_defect

from fkinspect.browsers.mozlz4 import compress

Example = Callable[[Workspace, dict[str, Template]], None]
AGENCY = "www.forsakringskassan.se"


def _session(text: str) -> Example:
    return lambda ws, _templates: check_session_file(ws, compress(text.encode()),
                                                     tolerate_known=False)  # fmt: skip


EXAMPLES: dict[str, Example] = {
    "session store: an integer literal of more than 4,300 digits":
        _session(f'{{"cookies":[{{"host":"{AGENCY}","expiry":{"9" * 5000}}}]}}'),
}  # fmt: skip


def test_every_known_defect_has_an_example() -> None:
    assert sorted(EXAMPLES) == sorted(d.name for d in KNOWN_DEFECTS)


@pytest.mark.parametrize("defect", [
    pytest.param(d, id=d.name, marks=pytest.mark.xfail(
        strict=True, raises=d.exception, reason=f"{d.name}: fixed on {d.fixed_by}"))
    for d in KNOWN_DEFECTS
])  # fmt: skip
def test_known_defect(ws: Workspace, templates: dict[str, Template], defect: KnownDefect) -> None:
    try:
        EXAMPLES[defect.name](ws, templates)
    except Exception as exc:
        # The property tests set exactly this crash aside: the example must be it.
        assert known_defect(exc) is defect, f"{defect.name}: raised {exc!r} elsewhere"
        raise
