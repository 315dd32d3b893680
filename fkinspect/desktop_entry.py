"""Put fkinspect into the Linux desktop's application menu for this user.

After `pip install` or `pipx install`, the app has a script but no menu entry. This
copies the .desktop file, the AppStream metainfo and the icon into the user's XDG
data folder, with Exec= pointing at the installed `fkinspect-gui` script, so the menu
entry keeps working whatever the current folder or PATH is.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from fkinspect import APP_ID
from fkinspect.errors import FkInspectError
from fkinspect.outfile import write_output
from fkinspect.resources import resource_path

GUI_SCRIPT = "fkinspect-gui"

# Characters the Desktop Entry spec reserves in Exec arguments: such an argument is quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def default_data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (the spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local/share"


def gui_executable() -> Path:
    """The program the menu entry starts: the frozen app itself, or the installed script."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable)
    script = Path(sys.executable).parent / GUI_SCRIPT  # the venv's or pipx's bin folder
    if not script.is_file():
        raise FkInspectError(
            f"{GUI_SCRIPT} was not found next to {sys.executable}: install fkinspect with "
            "pip or pipx first, then add the menu entry")
    return script


def exec_quote(argument: str) -> str:
    """One Exec= argument, quoted and escaped as the Desktop Entry spec asks."""
    text = argument.replace("%", "%%")
    if any(c in _RESERVED for c in text):
        text = '"' + re.sub(r'(["`$\\])', r"\\\1", text) + '"'
    return text.replace("\\", "\\\\")  # the string escape of the key file itself


def desktop_entry_text(executable: Path) -> str:
    """The packaged .desktop file with Exec= and TryExec= set to `executable`."""
    template = resource_path("linux", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_quote(str(executable))}"
        elif line.startswith("TryExec="):
            line = "TryExec=" + str(executable).replace("\\", "\\\\")
        elif line.startswith("# install_desktop_entry()"):
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def installed_paths(base: Path) -> tuple[Path, Path, Path]:
    """Where the .desktop file, the metainfo and the icon go under a data folder."""
    return (base / "applications" / f"{APP_ID}.desktop",
            base / "metainfo" / f"{APP_ID}.metainfo.xml",
            base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg")


def install_desktop_entry(data_home: Path | None = None,
                          executable: Path | None = None) -> list[Path]:
    """Write the menu entry, metainfo and icon for this user; return the files written.

    `data_home` defaults to $XDG_DATA_HOME; `executable` to the installed script.
    """
    base = data_home or default_data_home()
    program = (executable or gui_executable()).absolute()
    desktop, metainfo, icon = installed_paths(base)
    _write(desktop, desktop_entry_text(program).encode("utf-8"))
    _write(metainfo, resource_path("linux", f"{APP_ID}.metainfo.xml").read_bytes())
    _write(icon, resource_path("icons", "fkinspect.svg").read_bytes())
    _refresh(base)
    return [desktop, metainfo, icon]


def remove_desktop_entry(data_home: Path | None = None) -> list[Path]:
    """Remove what install_desktop_entry wrote; return the files that were removed."""
    base = data_home or default_data_home()
    removed = []
    for path in installed_paths(base):
        if path.is_file():
            path.unlink()
            removed.append(path)
    _refresh(base)
    return removed


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Replaced in one rename (a menu never reads half a file), through a new file no
    # link can be planted at; a link the user keeps there (dotfiles) stays a link.
    write_output(path, data)
    os.chmod(path, 0o644)


def _refresh(base: Path) -> None:
    """Tell the desktop's caches; menus that watch the folder need nothing more."""
    tool = shutil.which("update-desktop-database")
    applications = base / "applications"
    if tool and applications.is_dir():
        with contextlib.suppress(subprocess.TimeoutExpired):  # a cache refresh, not worth a hang
            subprocess.run([tool, "-q", str(applications)], check=False, timeout=30,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    icons = base / "icons" / "hicolor"
    if icons.is_dir():
        os.utime(icons)  # icon themes without an index rescan when the folder changes


def run(remove: bool = False) -> int:
    """Add (or remove) the menu entry and say which files: `fkinspect-gui
    --install-desktop-entry` and `python -m fkinspect.desktop_entry [--remove]`."""
    try:
        paths = remove_desktop_entry() if remove else install_desktop_entry()
    except (FkInspectError, OSError) as exc:
        print(f"fkinspect: {exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    if not remove:
        print("fkinspect is now in the application menu (it may take a moment to appear).")
    return 0


def main() -> int:
    """`python -m fkinspect.desktop_entry [--remove]`."""
    return run(remove="--remove" in sys.argv[1:])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
