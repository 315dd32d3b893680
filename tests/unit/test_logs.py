"""The rotating log holds counts and statuses; no cookie value reaches it or any report."""

from __future__ import annotations

import logging
import os
import secrets
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fkinspect.browsers.firefox_session import read_session_cookies, write_session_store
from fkinspect.classify import Classifier
from fkinspect.logs import (
    BACKUPS,
    LOG_NAME,
    MAX_BYTES,
    close_logging,
    connect_logging,
    log_dir,
    log_scan,
    logger,
    setup_logging,
)
from fkinspect.model import Family, Profile, Scan, StoreFormat, StoreLocation, StoreStatus
from fkinspect.policy import load_policy
from fkinspect.report import build_report, write_report
from tests.unit.test_report_samples import USER, demo_scan


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    yield folder
    close_logging()


def test_log_folder_is_the_platform_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert log_dir() == tmp_path / "state" / "fkinspect" / "log"


def test_file_keeps_info_console_only_when_verbose(logs: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = setup_logging(verbose=False, console=True, directory=logs)
    test_log = logging.getLogger("fkinspect.test")
    test_log.info("quiet line")
    test_log.warning("loud line")
    assert capsys.readouterr().err == "fkinspect: loud line\n"
    setup_logging(verbose=True, console=True, directory=logs)  # replaces, never duplicates
    test_log.info("chatty line")
    assert capsys.readouterr().err == "fkinspect: chatty line\n"
    text = path.read_text(encoding="utf-8")
    assert path.name == LOG_NAME
    assert [line.split(" ", 2)[2] for line in text.splitlines()] == [
        "INFO fkinspect.test: quiet line", "WARNING fkinspect.test: loud line",
        "INFO fkinspect.test: chatty line"]
    assert path.stat().st_mode & 0o777 == 0o600  # the user's alone, like the backups


def test_no_log_folder_leaves_stderr_working(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the log folder would go")
    with pytest.raises(OSError):
        setup_logging(verbose=True, console=True, directory=blocked / "log")
    logging.getLogger("fkinspect.test").info("still said")
    close_logging()
    assert capsys.readouterr().err == "fkinspect: still said\n"


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    """The logging module's root as it was before the test connected it."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)


def test_the_logging_modules_records_reach_the_same_file(
        logs: Path, root_logger: logging.Logger, capsys: pytest.CaptureFixture[str]) -> None:
    path = setup_logging(verbose=False, console=True, directory=logs)
    connect_logging()
    handlers = list(root_logger.handlers)
    connect_logging()  # a second call adds no second handler
    assert root_logger.handlers == handlers
    logging.getLogger("ui.main_window").info("ours at info")
    logging.getLogger("somelibrary").info("theirs at info")
    logging.getLogger("somelibrary").warning("theirs when they warn")
    try:
        raise ValueError("a reader bug")
    except ValueError:
        logger("fkinspect.scan").exception("reading a store failed")
    close_logging()
    text = path.read_text(encoding="utf-8")
    assert "INFO ui.main_window: ours at info" in text
    assert "theirs at info" not in text
    assert "WARNING somelibrary: theirs when they warn" in text
    # The traceback is indented under its record: only records start at the margin.
    assert "ERROR fkinspect.scan: reading a store failed\n  Traceback" in text
    assert "\n  ValueError: a reader bug" in text
    err = capsys.readouterr().err
    assert err.startswith("fkinspect: theirs when they warn\nfkinspect: reading a store failed")


def test_the_log_rotates_at_one_megabyte_keeping_three(logs: Path) -> None:
    path = setup_logging(verbose=False, console=False, directory=logs)
    line = "x" * 1000
    for _ in range(5 * MAX_BYTES // 1000):
        logging.getLogger("fkinspect.test").info(line)
    close_logging()
    files = sorted(p.name for p in logs.iterdir())
    assert files == [LOG_NAME] + [f"{LOG_NAME}.{n}" for n in range(1, BACKUPS + 1)]
    assert all((logs / f).stat().st_size <= MAX_BYTES for f in files)
    assert path.stat().st_size > 0


def _session_store_with_random_values(home: Path) -> tuple[StoreLocation, list[str]]:
    profile = Profile("firefox-esr", "Firefox ESR", Family.FIREFOX, "abc.default-esr",
                      home / ".mozilla/firefox/abc.default-esr", home / ".mozilla/firefox")
    location = StoreLocation(profile, profile.directory / "sessionstore-backups/recovery.jsonlz4",
                             StoreFormat.FIREFOX_SESSION)
    names = ["JSESSIONID", "fk_test_cookie", "_pk_ses.1.ab12", "vngage.vid", "mystery",
             "_pk_ref.1.ab12", "Fk_Sokfras"]
    values = [f"v{secrets.token_hex(16)}" for _ in names]
    cookies: list[dict[str, object]] = [
        {"host": ".forsakringskassan.se", "name": n, "value": v, "path": "/",
         "originAttributes": {"userContextId": 0}}
        for n, v in zip(names, values, strict=True)
    ]
    yt_value = f"v{secrets.token_hex(16)}"
    cookies.append({"host": ".youtube.com", "name": "YSC", "value": yt_value, "path": "/",
                    "originAttributes": {"partitionKey": "(https,forsakringskassan.se)"}})
    write_session_store(location.path, cookies)
    return location, [*values, yt_value]


def test_no_value_reaches_the_log_or_any_report(logs: Path, tmp_path: Path) -> None:
    home = tmp_path / USER
    location, values = _session_store_with_random_values(home)
    policy = load_policy()
    path = setup_logging(verbose=True, console=False, directory=logs)
    result = read_session_cookies(location, policy.scope())
    assert result.status is StoreStatus.OK and len(result.cookies) == len(values)
    sample = demo_scan(home)
    scan = Scan((result, *sample.stores),
                Classifier(policy).classify_all(result.cookies) + sample.cookies,
                datetime.now(UTC), policy)
    log_scan(scan, home)
    written = [path]
    for language in ("sv", "en"):
        report = build_report(scan, policy, language, home=home)
        for fmt in ("html", "csv", "json"):
            out = tmp_path / f"report-{language}.{fmt}"
            write_report(report, out, fmt)
            written.append(out)
    close_logging()
    log_text = path.read_text(encoding="utf-8")
    assert "store firefox-esr/firefox_session ~/.mozilla/firefox/abc.default-esr/" in log_text
    assert "8 cookies" in log_text and "locked" in log_text
    for file in written:
        text = file.read_text(encoding="utf-8-sig")
        assert "YSC" in text or file == path
        for value in values:
            assert value not in text, f"a cookie value leaked into {file.name}"
            assert value[1:13] not in text, f"part of a cookie value leaked into {file.name}"
        assert str(home) not in text


def test_no_value_from_sqlite_stores_reaches_the_log_or_any_report(logs: Path,
                                                                   tmp_path: Path) -> None:
    from fkinspect.browsers.chromium import read_chromium
    from fkinspect.browsers.firefox import read_firefox
    from fkinspect.synth import SynthCookie, write_chromium_store, write_firefox_store

    home = tmp_path / USER
    names = ["JSESSIONID", "_pk_id.1.ab12", "vngage.vid", "mystery", "_pk_ref.1.ab12"]
    made: dict[str, str] = {}
    later = datetime.now(UTC) + timedelta(days=30)  # cookies.sqlite holds no session rows

    def cookies(prefix: str) -> list[SynthCookie]:
        out = []
        for name in names:
            value = f"{prefix}{secrets.token_hex(16)}"
            made[f"{prefix}{name}"] = value
            out.append(SynthCookie(".forsakringskassan.se", name, value, expires=later))
        return out

    chrome = Profile("chromium", "Chromium", Family.CHROMIUM, "Default",
                     home / ".config/chromium/Default", home / ".config/chromium")
    firefox = Profile("firefox", "Firefox", Family.FIREFOX, "x.default",
                      home / ".mozilla/firefox/x.default", home / ".mozilla/firefox")
    c_loc = StoreLocation(chrome, chrome.directory / "Cookies", StoreFormat.CHROMIUM_SQLITE)
    f_loc = StoreLocation(firefox, firefox.directory / "cookies.sqlite",
                          StoreFormat.FIREFOX_SQLITE)
    c_loc.path.parent.mkdir(parents=True)
    f_loc.path.parent.mkdir(parents=True)
    write_chromium_store(c_loc.path, cookies("c"))
    write_firefox_store(f_loc.path, cookies("f"), wal_cookies=[
        SynthCookie("www.forsakringskassan.se", "psB", made.setdefault(
            "wal", f"w{secrets.token_hex(16)}"), expires=later)])
    # The Firefox values are in the file in plain text: the check below is not vacuous.
    assert made["fJSESSIONID"].encode() in f_loc.path.read_bytes()
    policy = load_policy()
    path = setup_logging(verbose=True, console=False, directory=logs)
    results = (read_chromium(c_loc, policy.scope()), read_firefox(f_loc, policy.scope()))
    assert [r.status for r in results] == [StoreStatus.OK, StoreStatus.OK]
    scan = Scan(results, Classifier(policy).classify_all(c for r in results for c in r.cookies),
                datetime.now(UTC), policy)
    assert len(scan.cookies) == 2 * len(names) + 1
    log_scan(scan, home)
    texts = []
    for language in ("sv", "en"):
        report = build_report(scan, policy, language, home=home)
        for fmt in ("html", "csv", "json"):
            out = tmp_path / f"r-{language}.{fmt}"
            write_report(report, out, fmt)
            texts.append(out.read_text(encoding="utf-8-sig"))
    close_logging()
    texts.append(path.read_text(encoding="utf-8"))
    for text in texts:
        for value in made.values():
            assert value not in text


def _list(home: Path, state: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_STATE_HOME": str(state)}
    return subprocess.run([sys.executable, "-m", "fkinspect", "list", "--home", str(home)],
                          capture_output=True, text=True, env=env, timeout=60)


def test_a_symlink_at_the_log_path_is_not_followed(tmp_path: Path) -> None:
    state = tmp_path / "state"
    folder = state / "fkinspect" / "log"
    folder.mkdir(parents=True)
    victim = tmp_path / "Local State"
    victim.write_text('{"profile": {}}', encoding="utf-8")
    before = victim.read_bytes()
    (folder / LOG_NAME).symlink_to(victim)
    done = _list(tmp_path / "home", state)
    assert done.returncode == 0, done.stderr
    assert victim.read_bytes() == before
    assert (folder / LOG_NAME).is_symlink()  # left as it was
    assert "symbolic link" in done.stderr and "Traceback" not in done.stderr


def test_a_fifo_at_the_log_path_neither_blocks_nor_is_written(tmp_path: Path) -> None:
    state = tmp_path / "state"
    folder = state / "fkinspect" / "log"
    folder.mkdir(parents=True)
    os.mkfifo(folder / LOG_NAME)
    done = _list(tmp_path / "home", state)
    assert done.returncode == 0, done.stderr
    assert "not a regular file" in done.stderr
    assert stat.S_ISFIFO((folder / LOG_NAME).lstat().st_mode)


def test_rotation_moves_a_planted_link_and_never_writes_through_it(logs: Path,
                                                                   tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me\n", encoding="utf-8")
    logs.mkdir()
    for n in range(1, BACKUPS + 1):
        (logs / f"{LOG_NAME}.{n}").symlink_to(victim)
    setup_logging(console=False, directory=logs)
    for _ in range(3 * MAX_BYTES // 1000):
        logging.getLogger("fkinspect.test").info("x" * 1000)
    close_logging()
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert all(not (logs / f"{LOG_NAME}.{n}").is_symlink() for n in range(1, BACKUPS + 1))


def test_log_folders_are_private_whatever_the_umask(tmp_path: Path) -> None:
    state = tmp_path / "state"
    code = ("import os, sys\nos.umask(0)\nfrom fkinspect.cli import main\n"
            f"sys.exit(main(['list', '--home', {str(tmp_path / 'home')!r}]))\n")
    env = {**os.environ, "XDG_STATE_HOME": str(state)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    for folder in (state, state / "fkinspect", state / "fkinspect" / "log"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    log_file = state / "fkinspect" / "log" / LOG_NAME
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600


def test_an_older_log_readable_by_others_is_made_private(logs: Path) -> None:
    logs.mkdir(mode=0o755)
    (logs / LOG_NAME).write_text("from an older version\n", encoding="utf-8")
    (logs / LOG_NAME).chmod(0o644)
    path = setup_logging(console=False, directory=logs)
    logging.getLogger("fkinspect.test").info("a line")
    close_logging()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(logs.stat().st_mode) == 0o700


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_another_users_log_folder_is_not_written(tmp_path: Path) -> None:
    state = tmp_path / "state"
    folder = state / "fkinspect" / "log"
    folder.mkdir(parents=True, mode=0o777)
    folder.chmod(0o777)
    os.chown(folder, 65534, 65534)
    done = _list(tmp_path / "home", state)
    assert done.returncode == 0, done.stderr
    assert "belongs to another user (uid 65534)" in done.stderr
    assert list(folder.iterdir()) == []
    assert stat.S_IMODE(folder.stat().st_mode) == 0o777  # not ours to change either
