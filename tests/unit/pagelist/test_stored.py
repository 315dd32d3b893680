"""The adopted list in the user's config folder: private, atomic, checked when read back."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from fkinspect.model import Category
from fkinspect.pagelist.compare import page_policy_data
from fkinspect.pagelist.reader import read_page
from fkinspect.pagelist.stored import (
    ENVIRONMENT,
    Problem,
    config_folder,
    policy_file,
    policy_in_use,
    reset,
    save_imported,
)
from fkinspect.policy import load_policy
from tests.unit.pagelist.pages import VARIANTS, seed_text


def _adopt(folder: Path, variant: str = "moved") -> bytes:
    built_in = load_policy()
    data = VARIANTS[variant](seed_text()).encode("utf-8")
    page = read_page(data, built_in.agency_name)
    save_imported(page_policy_data(page, built_in, "kakor.html"), data, "kakor.html", folder)
    return data


def test_the_config_folder_comes_from_the_environment(tmp_path: Path) -> None:
    assert config_folder({ENVIRONMENT: str(tmp_path)}) == tmp_path
    assert config_folder({}).name == "fkinspect"


def test_without_an_adopted_list_the_built_in_list_is_in_use(tmp_path: Path) -> None:
    in_use = policy_in_use(tmp_path / "config")
    assert in_use.policy == load_policy() and not in_use.imported and in_use.problem is None
    assert not (tmp_path / "config").exists()  # reading makes no folder


def test_an_adopted_list_is_private_and_used(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "config"
    old_umask = os.umask(0)
    try:
        page = _adopt(folder)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE(policy_file(folder).stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["policy.json"]  # no partial file left
    in_use = policy_in_use(folder)
    assert in_use.imported and in_use.problem is None
    assert in_use.policy.source.text_file == "kakor.html"
    record = json.loads(policy_file(folder).read_text("utf-8"))
    assert record["source_file"] == "kakor.html"
    assert record["page_sha256"] == hashlib.sha256(page).hexdigest()
    assert in_use.policy.source.page_sha256 == record["page_sha256"]
    assert in_use.policy.entry("statistics_optin").category is Category.NECESSARY  # type: ignore[union-attr]
    assert reset(folder) is True
    assert not policy_in_use(folder).imported
    assert reset(folder) is False


def _tamper(path: Path, change: str) -> None:
    record = json.loads(path.read_text("utf-8"))
    if change == "category":
        record["list"]["cookie"][0]["category"] = "analytics"
    elif change == "format":
        record["format"] = "something-else"
    elif change == "agency":
        record["list"]["agency"]["domain"] = "example.com"
        record["list_sha256"] = hashlib.sha256(json.dumps(
            record["list"], sort_keys=True, ensure_ascii=False,
            separators=(",", ":")).encode()).hexdigest()
    path.write_text(json.dumps(record), "utf-8")


@pytest.mark.parametrize(("change", "problem"), [("category", Problem.DAMAGED),
                                                 ("format", Problem.FOREIGN),
                                                 ("agency", Problem.FOREIGN)])
def test_a_tampered_list_is_ignored_for_the_built_in_one(tmp_path: Path, change: str,
                                                         problem: Problem) -> None:
    _adopt(tmp_path)
    _tamper(policy_file(tmp_path), change)
    in_use = policy_in_use(tmp_path)
    assert in_use.problem is problem and in_use.policy == load_policy()


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xfe", b"[]", b"x" * (2 << 20)])
def test_a_damaged_file_is_ignored_for_the_built_in_one(tmp_path: Path, content: bytes) -> None:
    path = policy_file(tmp_path)
    path.write_bytes(content)
    path.chmod(0o600)
    in_use = policy_in_use(tmp_path)
    assert in_use.problem is not None and in_use.policy == load_policy()


def test_a_list_others_can_write_is_ignored(tmp_path: Path) -> None:
    _adopt(tmp_path)
    policy_file(tmp_path).chmod(0o666)
    in_use = policy_in_use(tmp_path)
    assert in_use.problem is Problem.FOREIGN and not in_use.imported
