"""The generated stores have each browser generation's real schema."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from Cryptodome.Cipher import AES
from Cryptodome.Util.Padding import unpad

from fkinspect.synth import (
    CHROMIUM_META_VERSIONS,
    FIREFOX_USER_VERSIONS,
    SynthCookie,
    generate_bulk_chromium,
    generate_bulk_firefox,
    write_chromium_store,
    write_firefox_store,
)

LATER = datetime.now(UTC) + timedelta(days=30)
# Chromium's fixed Linux key when no keyring is used ("v10"): PBKDF2-HMAC-SHA1, 1 round.
PEANUTS_KEY = hashlib.pbkdf2_hmac("sha1", b"peanuts", b"saltysalt", 1, 16)
AGENCY = SynthCookie(".forsakringskassan.se", "JSESSIONID", value="secret", expires=LATER)


def _columns(path: Path, table: str) -> list[str]:
    with closing(sqlite3.connect(path)) as con:
        return [r[1] for r in con.execute(f"PRAGMA table_info({table})")]


def _index_columns(path: Path, index: str) -> list[str]:
    with closing(sqlite3.connect(path)) as con:
        return [r[2] for r in con.execute(f"PRAGMA index_info({index})")]


@pytest.mark.parametrize("version", CHROMIUM_META_VERSIONS)
def test_chromium_schema_per_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / "Cookies"
    write_chromium_store(path, [AGENCY], meta_version=version)
    columns = _columns(path, "cookies")
    index = _index_columns(path, "cookies_unique_index")
    with closing(sqlite3.connect(path)) as con:
        meta = dict(con.execute("SELECT key, value FROM meta"))
        journal = con.execute("PRAGMA journal_mode").fetchone()[0]
    assert meta["version"] == str(version)
    assert journal == "delete"
    assert ("is_same_party" in columns) is (version < 21)
    assert ("source_type" in columns) is (version >= 22)
    assert ("has_cross_site_ancestor" in columns) is (version >= 23)
    assert "last_update_utc" in columns
    assert index[:2] == ["host_key", "top_frame_site_key"]
    assert ("source_port" in index) is (version >= 20)
    assert ("has_cross_site_ancestor" in index) is (version >= 23)
    if version == 24:
        assert len(columns) == 20


@pytest.mark.parametrize("version", CHROMIUM_META_VERSIONS)
def test_chromium_value_decrypts_with_peanuts(tmp_path: Path, version: int) -> None:
    path = tmp_path / "Cookies"
    write_chromium_store(path, [AGENCY], meta_version=version)
    with closing(sqlite3.connect(path)) as con:
        value, blob = con.execute("SELECT value, encrypted_value FROM cookies").fetchone()
    assert value == ""
    assert blob[:3] == b"v10"
    plain = unpad(AES.new(PEANUTS_KEY, AES.MODE_CBC, iv=b" " * 16).decrypt(blob[3:]), 16)
    if version >= 24:
        assert plain[:32] == hashlib.sha256(b".forsakringskassan.se").digest()
        plain = plain[32:]
    assert plain == b"secret"


def test_chromium_session_row(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    write_chromium_store(path, [SynthCookie("forsakringskassan.se", "s")])
    with closing(sqlite3.connect(path)) as con:
        row = con.execute("SELECT expires_utc, has_expires, is_persistent FROM cookies").fetchone()
    assert row == (0, 0, 0)


@pytest.mark.parametrize("version", FIREFOX_USER_VERSIONS)
def test_firefox_schema_per_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / "cookies.sqlite"
    write_firefox_store(path, [AGENCY], user_version=version)
    columns = _columns(path, "moz_cookies")
    with closing(sqlite3.connect(path)) as con:
        user_version = con.execute("PRAGMA user_version").fetchone()[0]
        journal = con.execute("PRAGMA journal_mode").fetchone()[0]
        expiry = con.execute("SELECT expiry FROM moz_cookies").fetchone()[0]
    assert user_version == version
    assert journal == "wal"
    assert "baseDomain" not in columns
    assert "schemeMap" in columns
    assert ("rawSameSite" in columns) is (version < 15)
    assert ("isPartitionedAttributeSet" in columns) is (version >= 13)
    assert ("updateTime" in columns) is (version >= 17)
    seconds = int(LATER.timestamp())
    assert expiry == (seconds * 1000 if version >= 16 else seconds)


def test_firefox_origin_attributes(tmp_path: Path) -> None:
    path = tmp_path / "cookies.sqlite"
    part = "https://forsakringskassan.se"
    write_firefox_store(path, [
        SynthCookie("a.se", "plain", expires=LATER),
        SynthCookie("a.se", "box", expires=LATER, container=2),
        SynthCookie("a.se", "part", expires=LATER, partition=part),
        SynthCookie("a.se", "both", expires=LATER, container=2, partition=part),
    ])  # fmt: skip
    with closing(sqlite3.connect(path)) as con:
        attrs = dict(con.execute("SELECT name, originAttributes FROM moz_cookies"))
    assert attrs == {
        "plain": "",
        "box": "^userContextId=2",
        "part": "^partitionKey=%28https%2Cforsakringskassan.se%29",
        "both": "^userContextId=2&partitionKey=%28https%2Cforsakringskassan.se%29",
    }


def test_firefox_refuses_session_cookie(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="session"):
        write_firefox_store(tmp_path / "cookies.sqlite", [SynthCookie("a.se", "s")])


def test_firefox_wal_row_only_in_wal(tmp_path: Path) -> None:
    path = tmp_path / "cookies.sqlite"
    late = SynthCookie("www.forsakringskassan.se", "late", expires=LATER)
    write_firefox_store(path, [AGENCY], wal_cookies=[late])
    assert Path(f"{path}-wal").stat().st_size > 0
    alone = tmp_path / "alone" / "cookies.sqlite"
    alone.parent.mkdir()
    shutil.copyfile(path, alone)
    with closing(sqlite3.connect(alone)) as con:
        assert [r[0] for r in con.execute("SELECT name FROM moz_cookies")] == ["JSESSIONID"]
    with_wal = tmp_path / "with" / "cookies.sqlite"
    with_wal.parent.mkdir()
    shutil.copyfile(path, with_wal)
    shutil.copyfile(f"{path}-wal", f"{with_wal}-wal")
    with closing(sqlite3.connect(with_wal)) as con:
        names = sorted(r[0] for r in con.execute("SELECT name FROM moz_cookies"))
    assert names == ["JSESSIONID", "late"]


def test_writers_refuse_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "Cookies"
    path.write_bytes(b"keep")
    with pytest.raises(FileExistsError):
        write_chromium_store(path, [AGENCY])
    assert path.read_bytes() == b"keep"


def test_bulk_generators(tmp_path: Path) -> None:
    generate_bulk_chromium(tmp_path / "Cookies", 3000)
    generate_bulk_firefox(tmp_path / "cookies.sqlite", 3000)
    with closing(sqlite3.connect(tmp_path / "Cookies")) as con:
        assert con.execute("SELECT count(*) FROM cookies").fetchone()[0] == 3000
        hosts = {r[0] for r in con.execute("SELECT DISTINCT host_key FROM cookies")}
    with closing(sqlite3.connect(tmp_path / "cookies.sqlite")) as con:
        assert con.execute("SELECT count(*) FROM moz_cookies").fetchone()[0] == 3000
    assert {"notforsakringskassan.se", "forsakringskassan.se.evil.example"} <= hosts
    assert "www.forsakringskassan.se" in hosts
