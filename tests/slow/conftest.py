"""One bundle build per test run, shared by the bundle and the .deb tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.slow.bundle_support import build_bundle


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_bundle(tmp_path_factory.mktemp("bundle"))
