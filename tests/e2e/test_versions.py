"""The e2e expectations' version logic, without a browser: ESR 140 and 153 as seen."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e_harness.versions import (
    CHROMIUM_SCHEMAS,
    FIREFOX_SCHEMAS,
    firefox_browser_id,
    firefox_expiry_seconds,
    firefox_profile_suffix,
    firefox_profiles_root,
    parse_version,
    unsupported,
)

from fkinspect.synth import CHROMIUM_META_VERSIONS, FIREFOX_USER_VERSIONS

ESR_140 = parse_version("Mozilla Firefox 140.12.0esr\n")
ESR_153 = parse_version("Mozilla Firefox 153.8.0esr\n")
RELEASE_150 = parse_version("Mozilla Firefox 150.0.1\n")
CHROMIUM_156 = parse_version("Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)\n")


def test_versions_are_read_from_what_the_binaries_print() -> None:
    assert ESR_140.numbers == (140, 12, 0) and ESR_140.esr
    assert ESR_153.major == 153 and ESR_153.esr
    assert not RELEASE_150.esr
    assert CHROMIUM_156.numbers == (156, 0, 8078)
    with pytest.raises(ValueError, match="no version"):
        parse_version("firefox: command failed")


def test_profile_root_follows_the_version(tmp_path: Path) -> None:
    assert firefox_profiles_root(tmp_path, ESR_140) == tmp_path / ".mozilla" / "firefox"
    assert firefox_profiles_root(tmp_path, ESR_153) == tmp_path / ".config" / "mozilla" / "firefox"
    # An existing ~/.mozilla/firefox keeps every version in the old place.
    assert firefox_profiles_root(tmp_path, ESR_153, legacy=True) == tmp_path / ".mozilla/firefox"


def test_profile_suffix_and_browser_id_follow_the_edition() -> None:
    assert firefox_profile_suffix(ESR_140) == ".default-esr"
    assert firefox_browser_id(ESR_153) == "firefox-esr"
    assert firefox_profile_suffix(RELEASE_150) == ".default-release"
    assert firefox_browser_id(RELEASE_150) == "firefox"


def test_expiry_unit_follows_the_schema() -> None:
    # ESR 140 writes user_version 15 (seconds), ESR 153 user_version 17 (milliseconds).
    assert firefox_expiry_seconds(1_800_000_000, 15) == 1_800_000_000
    assert firefox_expiry_seconds(1_800_000_000_000, 16) == 1_800_000_000
    assert firefox_expiry_seconds(1_800_000_000_000, 17) == 1_800_000_000


def test_a_schema_fkinspect_does_not_know_is_a_reason_to_skip() -> None:
    assert unsupported("firefox", ESR_140, 15) is None
    assert unsupported("firefox", ESR_153, 17) is None
    assert unsupported("chromium", CHROMIUM_156, 24) is None
    reason = unsupported("firefox", parse_version("Mozilla Firefox 170.0esr"), 18)
    assert reason == "Mozilla Firefox 170.0esr wrote cookies.sqlite user_version 18; " \
        "fkinspect knows 12-17"
    assert unsupported("chromium", CHROMIUM_156, 25) is not None


def test_known_schemas_are_the_ones_the_project_reproduces() -> None:
    assert (CHROMIUM_SCHEMAS.start, CHROMIUM_SCHEMAS.stop - 1) == (
        min(CHROMIUM_META_VERSIONS), max(CHROMIUM_META_VERSIONS))
    assert (FIREFOX_SCHEMAS.start, FIREFOX_SCHEMAS.stop - 1) == (
        min(FIREFOX_USER_VERSIONS), max(FIREFOX_USER_VERSIONS))
