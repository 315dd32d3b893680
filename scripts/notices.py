"""Write THIRD-PARTY-NOTICES from the installed distributions' metadata.

    python scripts/notices.py                  # rewrite ./THIRD-PARTY-NOTICES
    python scripts/notices.py --output FILE    # elsewhere (the bundle build does this)

Which distributions: pyproject.toml's runtime dependencies whose markers hold on this
machine, and theirs, as installed (test tools are not shipped, so not listed). Per
distribution: name, version, licence, homepage and the full text of every licence file its
metadata names. PySide6 and shiboken6 name no file in their metadata: their LGPL-3.0 text
comes from packaging/licenses/. The standalone app adds the Python runtime and
PyInstaller's boot loader, which it carries too.

The committed file is the Linux one; tests/slow/test_notices.py checks it is current. The
bundle build writes its own for the platform it runs on (macOS adds keyring, Windows
pywin32-ctypes).
"""

from __future__ import annotations

import argparse
import sys
import sysconfig
import tomllib
from dataclasses import dataclass
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LICENSES = ROOT / "packaging" / "licenses"
NOTICES = "THIRD-PARTY-NOTICES"
RULE = "=" * 78

# Distributions whose metadata declares the licence but names no licence file.
TEXTS_FROM_PACKAGING = {
    "pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
}
# Which licence applies where the metadata offers a choice or says too little.
USED_UNDER = {
    "pyside6-essentials": "used under LGPL-3.0-only",
    "shiboken6": "used under LGPL-3.0-only",
    "browser-cookie3": "its LICENSE file is the LGPL-3.0",
    "pyinstaller": "the app carries its boot loader under the exception in COPYING.txt",
}
# Carried by the standalone app, not installed by pip as fkinspect's dependencies.
BUNDLE_EXTRAS = ("pyinstaller",)

HEADER = """\
THIRD-PARTY NOTICES for fkinspect
{rule}

fkinspect itself is under the MIT License (the file LICENSE). It uses the software
below, which pip installs with it and the standalone app carries. Each keeps its own
licence; the full texts follow the list.

PySide6, shiboken6, the Qt libraries inside PySide6, and browser-cookie3 are under the
GNU Lesser General Public License version 3 (LGPL-3.0), which builds on the GNU GPL
version 3 (both texts are below). fkinspect does not change them. In the standalone
app they stay separate shared libraries and Python modules in the app's folder
(_internal/, or Contents/Frameworks in the macOS app), so you may replace them with
your own builds of the same version; docs/distribution.md says how. Their source code
is at the homepages listed below.

Qt contains code under further permissive licences (ICU, HarfBuzz, PCRE2, zlib,
libpng, FreeType and others); Qt lists them at
https://doc.qt.io/qt-6/licenses-used-in-qt.html. The Linux app also carries shared
libraries of the build system (GTK 3, GLib, Pango, Cairo and their dependencies,
mostly LGPL-2.1-or-later); their licences are in /usr/share/doc/<package>/copyright of
the distribution it was built on.

This file is made by scripts/notices.py from the installed distributions' metadata
({platform}).
"""


@dataclass(frozen=True)
class Notice:
    name: str
    version: str
    licence: str
    homepage: str
    texts: tuple[tuple[str, str], ...]  # (file name, full text)


def runtime_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[Requirement]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return [Requirement(line) for line in project["dependencies"]]


def applies(requirement: Requirement) -> bool:
    return requirement.marker is None or requirement.marker.evaluate({"extra": ""})


def _installed(name: str) -> Distribution:
    try:
        return distribution(name)
    except PackageNotFoundError:
        sys.exit(f"{name} is not installed: pip install -e '.[test]' first")


def shipped(extras: tuple[str, ...] = ()) -> list[Distribution]:
    """The runtime dependencies and theirs that hold here, installed, sorted by name; then
    `extras` alone (the app carries PyInstaller's boot loader, not its dependencies)."""
    found: dict[str, Distribution] = {}
    todo = [r for r in runtime_requirements() if applies(r)]
    while todo:
        requirement = todo.pop()
        key = canonicalize_name(requirement.name)
        if key in found:
            continue
        found[key] = _installed(requirement.name)
        todo += [r for r in map(Requirement, found[key].requires or []) if applies(r)]
    ordered = sorted(found.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))
    return ordered + [_installed(name) for name in extras]


def _licence(dist: Distribution) -> str:
    meta = dist.metadata
    key = canonicalize_name(meta["Name"])
    declared = (meta.get("License-Expression") or meta.get("License") or "").strip()
    if not declared or "\n" in declared or len(declared) > 100:  # a whole text pasted in
        classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                       if c.startswith("License ::")]
        declared = ", ".join(classifiers) or (declared.splitlines() or [""])[0]
    if key in USED_UNDER:
        declared += f" ({USED_UNDER[key]})"
    return declared or "not declared in its metadata"


def _homepage(dist: Distribution) -> str:
    meta = dist.metadata
    if meta.get("Home-page"):
        return str(meta["Home-page"])
    urls = [u.split(",", 1) for u in meta.get_all("Project-URL") or []]
    by_label = {label.strip().lower(): url.strip() for label, url in urls}
    for label in ("homepage", "source", "source code", "repository"):
        if label in by_label:
            return by_label[label]
    return next(iter(by_label.values()), "")


def _texts(dist: Distribution) -> tuple[tuple[str, str], ...]:
    key = canonicalize_name(dist.metadata["Name"])
    named = dist.metadata.get_all("License-File") or []
    files = [f for f in dist.files or [] if ".dist-info/" in f.as_posix()
             and (f.name in {Path(n).name for n in named}
                  or f.name.upper().startswith(("LICENSE", "LICENCE", "COPYING")))]
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in sorted(files, key=str)]
    if not texts and key in TEXTS_FROM_PACKAGING:
        texts = [(n, (LICENSES / n).read_text(encoding="utf-8"))
                 for n in TEXTS_FROM_PACKAGING[key]]
    if not texts:
        sys.exit(f"{dist.metadata['Name']} ships no licence text: add it to packaging/licenses/"
                 " and TEXTS_FROM_PACKAGING")
    return tuple(texts)


def notice_of(dist: Distribution) -> Notice:
    return Notice(str(dist.metadata["Name"]), dist.version, _licence(dist), _homepage(dist),
                  _texts(dist))


def python_notice() -> Notice:
    """The interpreter the standalone app carries (its LICENSE.txt, the PSF licence)."""
    text = Path(sysconfig.get_path("stdlib"), "LICENSE.txt")
    if not text.is_file():
        text = Path(sys.base_prefix, "LICENSE.txt")  # Windows keeps it beside python.exe
    return Notice("Python", f"{sys.version_info.major}.{sys.version_info.minor}",
                  "PSF-2.0", "https://www.python.org/",
                  (("LICENSE.txt", text.read_text(encoding="utf-8")),))


def render(notices: list[Notice]) -> str:
    platform = {"linux": "Linux", "darwin": "macOS", "win32": "Windows"}.get(sys.platform,
                                                                             sys.platform)
    parts = [HEADER.format(rule=RULE[:33], platform=platform), "Contents", "-" * 8]
    parts += [f"{n.name} {n.version}: {n.licence}\n    {n.homepage}" for n in notices]
    first_seen: dict[str, str] = {}  # a text shipped by several (the GPL-3.0) is written once
    for notice in notices:
        parts += ["", RULE, f"{notice.name} {notice.version}", f"Licence: {notice.licence}",
                  f"Homepage: {notice.homepage}"]
        for file_name, text in notice.texts:
            title = f"{notice.name}: {file_name}"
            body = text.strip("\n")
            if body in first_seen:
                parts += ["", f"--- {title}: the same text as {first_seen[body]} above ---"]
                continue
            first_seen[body] = title
            parts += ["", f"--- {title} ---", "", body]
    return "\n".join(parts).replace("\r\n", "\n") + "\n"


def build_notices() -> str:
    dists = [notice_of(d) for d in shipped(BUNDLE_EXTRAS)]
    return render([*dists, python_notice()])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / NOTICES)
    args = parser.parse_args(argv)
    args.output.write_text(build_notices(), encoding="utf-8", newline="\n")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
