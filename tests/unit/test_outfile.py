"""`report -o PATH` behaves like a shell's `> PATH`, and never replaces what is not a file.

It used to write `.NAME.partial` and rename it over PATH whatever PATH was: as root,
`report -o /dev/full` turned the device into a CSV file, and a FIFO or a symlink at
PATH became a regular file.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from fkinspect.cli import main
from fkinspect.demo import build_demo_home
from fkinspect.logs import close_logging

as_root = pytest.mark.skipif(getattr(os, "geteuid", lambda: -1)() != 0,
                             reason="making a device node needs root")


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "home"
    folder.mkdir()
    with build_demo_home(folder, running_firefox=False) as demo:
        yield demo.home
    close_logging()


def _report(home: Path, out: str, *extra: str) -> int:
    return main(["report", "--home", str(home), "--format", "csv", "-o", out, *extra])


def _is_report(data: bytes) -> bool:
    return data.startswith(b"\xef\xbb\xbfbrowser;browser_name;") and len(data) > 1000


def test_a_new_file_and_a_regular_file_are_written_whole(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "rapport.csv"
    assert _report(home, str(out)) == 0
    assert _is_report(out.read_bytes())
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()  # as `>` would make it
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    inode = out.stat().st_ino
    assert _report(home, str(out)) == 0
    assert _is_report(out.read_bytes())
    assert out.stat().st_ino != inode  # replaced in one rename, not rewritten in place
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # the file keeps its mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "rapport.csv"]


def _umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


def test_a_character_device_is_written_into_not_replaced(home: Path) -> None:
    before = os.stat("/dev/null")
    assert _report(home, "/dev/null") == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert after.st_ino == before.st_ino


@as_root
def test_a_full_device_is_an_error_and_stays_a_device(home: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # a private /dev/full
    assert _report(home, str(full)) == 1
    # The system's own words (in its language once Qt has set the locale, as the app does).
    assert os.strerror(errno.ENOSPC) in capsys.readouterr().err
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_a_fifo_is_written_into(home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert _report(home, str(fifo)) == 0
    reader.join(timeout=30)
    assert received and _is_report(received[0])
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symlink_is_followed_and_kept(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "reports" / "real.csv"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert _report(home, str(link)) == 0
    assert link.is_symlink() and link.readlink() == target
    assert _is_report(target.read_bytes())
    dangling = tmp_path / "new.csv"
    dangling.symlink_to(tmp_path / "reports" / "made.csv")
    assert _report(home, str(dangling)) == 0  # `>` creates what the link names
    assert dangling.is_symlink() and _is_report((tmp_path / "reports" / "made.csv").read_bytes())


def test_a_folder_is_a_clear_usage_error(home: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert _report(home, str(folder)) == 2
    err = capsys.readouterr().err
    assert "det är en mapp" in err and "Traceback" not in err
    assert list(folder.iterdir()) == []


def test_dash_is_standard_output(home: Path, tmp_path: Path,
                                 capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert _report(home, "-") == 0
    out = capsysbinary.readouterr().out
    assert _is_report(out)  # the same bytes as a file gets, BOM included
    assert _report(home, str(tmp_path / "r.csv")) == 0
    assert (tmp_path / "r.csv").read_bytes().split(b"\r\n")[0] == out.split(b"\r\n")[0]


def test_a_planted_partial_link_is_never_written_through(home: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / ".rapport.csv.partial").symlink_to(victim)  # the old, predictable name
    assert _report(home, str(shared / "rapport.csv")) == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert _is_report((shared / "rapport.csv").read_bytes())


def test_the_app_export_keeps_working(tmp_path: Path) -> None:
    """write_report is what the app's export calls: same rules."""
    from fkinspect.policy import load_policy
    from fkinspect.report import build_report, write_report
    from fkinspect.scan import ScanRequest, run_scan

    folder = tmp_path / "h"
    folder.mkdir()
    with build_demo_home(folder, running_firefox=False) as demo:
        scan = run_scan(ScanRequest.for_home(demo.home), load_policy())
        report = build_report(scan, load_policy(), "en", home=demo.home)
    with pytest.raises(IsADirectoryError):
        write_report(report, tmp_path, "html")
    write_report(report, tmp_path / "r.html", "html")
    assert (tmp_path / "r.html").read_text("utf-8").startswith("<!DOCTYPE html>")
