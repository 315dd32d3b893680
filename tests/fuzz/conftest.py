"""Hypothesis profiles for the fuzz suite.

"ci" (the default) is bounded and derandomized: the same examples on every run, so CI
is never flaky and the whole folder takes seconds. "long" tries thousands of random
examples, for a local hunt:

    pytest tests/fuzz --hypothesis-profile=long
    FKINSPECT_FUZZ_PROFILE=long pytest            # the same, from any folder

(`--hypothesis-profile` works when tests/fuzz is named on the command line: the
profiles are registered here, and pytest reads this file that early only then.)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fuzz_support import Templates, Workspace
from hypothesis import HealthCheck, settings

from fkinspect import tempcopy
from fkinspect.model import SameSite, StoreFormat
from fkinspect.synth import (
    CHROMIUM_META_VERSIONS,
    FIREFOX_USER_VERSIONS,
    SynthCookie,
    write_chromium_store,
    write_firefox_store,
)

PROFILE_VARIABLE = "FKINSPECT_FUZZ_PROFILE"

settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    deadline=None,  # a loaded CI machine is slow, not wrong
    database=None,  # nothing written into the checkout
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=3000,
    derandomize=False,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
if settings.get_current_profile_name() == "default":  # no --hypothesis-profile given
    settings.load_profile(os.environ.get(PROFILE_VARIABLE, "ci"))


@pytest.fixture(scope="module")
def ws() -> Iterator[Workspace]:
    """Input folders, and a private TMPDIR so that a left-over temporary copy is seen.

    Module scope: Hypothesis runs many examples per test call, each in its own folder.
    """
    base = Path(tempfile.mkdtemp(prefix="fkinspect-fuzz-"))
    inputs, tmp = base / "in", base / "tmp"
    inputs.mkdir()
    tmp.mkdir()
    saved = tempfile.tempdir
    tempfile.tempdir = str(tmp)
    # This process's run folder for copies (made once per process) must be made
    # anew inside this TMPDIR, where the checks look for a copy left behind.
    saved_run, tempcopy._run_folder = tempcopy._run_folder, None
    try:
        yield Workspace(inputs, tmp)
    finally:
        tempfile.tempdir = saved
        tempcopy._run_folder = saved_run
        shutil.rmtree(base, ignore_errors=True)


_LATER = datetime.now(UTC) + timedelta(days=30)
# What a visit to the agency leaves, and a cookie of another site.
_COOKIES = (
    SynthCookie("www.forsakringskassan.se", "JSESSIONID", http_only=True),
    SynthCookie("www.forsakringskassan.se", "_pk_id.1.abcd", expires=_LATER),
    SynthCookie(".forsakringskassan.se", "_ga", expires=_LATER, same_site=SameSite.NONE),
    SynthCookie("www.youtube-nocookie.com", "yt_chips", expires=_LATER,
                partition="https://forsakringskassan.se"),
    SynthCookie("www.forsakringskassan.se", "fk_work", expires=_LATER, container=1),
    SynthCookie("example.com", "other", expires=_LATER),
)


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    """Real stores of every schema fkinspect.synth writes, as bytes: the fuzzers' seeds.

    Firefox 17 twice: once with rows only in its -wal, as Firefox leaves them.
    """
    folder = tmp_path_factory.mktemp("fuzz-templates")
    made = Templates()

    def read(*paths: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in paths if p.exists()}

    for meta in CHROMIUM_META_VERSIONS:
        path = folder / f"chromium-{meta}" / "Cookies"
        path.parent.mkdir()
        write_chromium_store(path, _COOKIES, meta_version=meta)
        made[f"chromium-{meta}"] = (StoreFormat.CHROMIUM_SQLITE, read(path))
    persistent = [c for c in _COOKIES if c.expires is not None]  # Firefox: no session rows
    for version in FIREFOX_USER_VERSIONS:
        path = folder / f"firefox-{version}" / "cookies.sqlite"
        path.parent.mkdir()
        write_firefox_store(path, persistent, user_version=version)
        made[f"firefox-{version}"] = (StoreFormat.FIREFOX_SQLITE, read(path))
    path = folder / "firefox-wal" / "cookies.sqlite"
    path.parent.mkdir()
    write_firefox_store(path, persistent[:2], wal_cookies=persistent[2:])
    made["firefox-wal"] = (StoreFormat.FIREFOX_SQLITE, read(path, Path(f"{path}-wal")))
    return made
