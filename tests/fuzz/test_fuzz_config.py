"""Homes whose profiles.ini, installs.ini, containers.json and Local State are fuzzed:
discovery and --store find what they can, every store found reads to a status, and
nothing in the home is written."""

from __future__ import annotations

from fuzz_checks import check_home
from fuzz_support import Template, Workspace
from hypothesis import given
from hypothesis import strategies as st
from strategies import (
    FIREFOX_PROFILE,
    containers,
    ini_files,
    json_files,
    local_states,
    mozlz4_files,
    session_json,
)

FIREFOX_ROOT = ".mozilla/firefox"
CHROMIUM_ROOT = ".config/chromium"


@given(st.data())
def test_firefox_profiles_root(ws: Workspace, templates: dict[str, Template],
                               data: st.DataObject) -> None:  # fmt: skip
    _, store = templates["firefox-17"]
    files = {f"{FIREFOX_ROOT}/profiles.ini": data.draw(ini_files(), label="profiles.ini"),
             f"{FIREFOX_ROOT}/{FIREFOX_PROFILE}/cookies.sqlite": store["cookies.sqlite"]}
    if data.draw(st.booleans(), label="has installs.ini"):
        files[f"{FIREFOX_ROOT}/installs.ini"] = data.draw(ini_files(), label="installs.ini")
    if data.draw(st.booleans(), label="has containers.json"):
        files[f"{FIREFOX_ROOT}/{FIREFOX_PROFILE}/containers.json"] = data.draw(
            json_files(containers), label="containers.json")
    if data.draw(st.booleans(), label="has a session store"):
        files[f"{FIREFOX_ROOT}/{FIREFOX_PROFILE}/sessionstore.jsonlz4"] = data.draw(
            mozlz4_files(session_json()), label="sessionstore.jsonlz4")
    check_home(ws, files)


@given(st.data())
def test_chromium_user_data_dir(ws: Workspace, templates: dict[str, Template],
                                data: st.DataObject) -> None:  # fmt: skip
    _, store = templates["chromium-24"]
    files = {f"{CHROMIUM_ROOT}/Local State": data.draw(json_files(local_states),
                                                        label="Local State")}
    for folder in data.draw(st.sets(st.sampled_from(["Default", "Profile 1", "System Profile"]),
                                    min_size=1), label="profiles"):  # fmt: skip
        files[f"{CHROMIUM_ROOT}/{folder}/Cookies"] = store["Cookies"]
    check_home(ws, files)
