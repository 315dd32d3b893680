"""The release's facts for the build: the version (from fkinspect/__init__.py, its one
home) and the Windows version resource made from it.

Read by packaging/fkinspect.spec, packaging/build_deb.py and scripts/changelog.py; no
import of fkinspect, so a build reads the checkout's version, not an installed one.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_VERSION_FILE = ROOT / "fkinspect" / "__init__.py"
_PLAIN = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def project_version(path: Path = _VERSION_FILE) -> str:
    """`__version__` as written in fkinspect/__init__.py (hatch reads the same line)."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == "__version__"
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            return node.value.value
    raise ValueError(f"no __version__ = '...' in {path}")


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """"1.2.3" as Windows wants it, four numbers; a release is always plain major.minor.patch."""
    match = _PLAIN.match(version)
    if match is None:
        raise ValueError(f"release versions are major.minor.patch, not {version!r}")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch, 0


def windows_version_resource(version: str, program: str, description: str) -> str:
    """PyInstaller's version file (a VSVersionInfo expression) for one .exe: Explorer's
    Properties → Details shows these."""
    numbers = version_numbers(version)
    strings = {
        "CompanyName": "fkinspect contributors",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": program,
        "LegalCopyright": "MIT License, fkinspect contributors",
        "OriginalFilename": f"{program}.exe",
        "ProductName": "fkinspect",
        "ProductVersion": version,
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
          {entries}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])]),
  ],
)
"""
