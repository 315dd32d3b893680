"""Firefox's own lists of its profiles, as discovery reads them: damage costs an entry only."""

from __future__ import annotations

from pathlib import Path

from fkinspect.browsers.discovery import locations_for_paths
from fkinspect.browsers.firefox_profiles import read_profiles
from tests.unit.browsers.test_discovery import firefox_profile


def test_a_path_holding_a_nul_byte_names_no_profile(tmp_path: Path) -> None:
    # No file system allows a NUL in a name and Firefox never writes one; a hand-edited
    # or damaged file may. Such a value is ignored, never a ValueError for the whole root.
    root = tmp_path / "firefox"
    firefox_profile(root / "a.default")
    firefox_profile(root / "b.other")
    (root / "profiles.ini").write_text(
        "[Install4F96D1932A9F858E]\nDefault=a.default\x00x\n\n"
        "[Profile0]\nName=a\nIsRelative=1\nPath=a.default\n\n"
        "[Profile1]\nName=nul\nIsRelative=1\nPath=b.other\x00y\n\n"
        "[Profile2]\nName=b\nIsRelative=1\nPath=b.other\n", encoding="utf-8")
    listed = read_profiles(root)
    assert [(p.name, p.directory) for p in listed.profiles] == [
        ("a", root / "a.default"), ("b", root / "b.other")]
    assert listed.problems == []
    # `--store ROOT` lists the root's stores.
    assert sorted(location.path for location in locations_for_paths([root])) == [
        root / "a.default" / "cookies.sqlite", root / "b.other" / "cookies.sqlite"]
