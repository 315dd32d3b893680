"""Make the AppStream metainfo's <releases> from CHANGELOG.md (Keep a Changelog).

    python scripts/changelog.py            # rewrite <releases> in the metainfo
    python scripts/changelog.py --check    # exit 1 when the metainfo is not current

Each release `## [X.Y.Z] - YYYY-MM-DD` becomes `<release version= date=>`; its first
paragraph becomes a <p>, each `### Section` a <p> and its bullets a <ul>. `## [Unreleased]`
is left out. Bullets are one line each (an indented line continues the one above); inline
code marks are dropped and a Markdown link keeps its text.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
CHANGELOG = ROOT / "CHANGELOG.md"
METAINFO = ROOT / "resources" / "linux" / "se.fkinspect.FkInspect.metainfo.xml"

_RELEASE = re.compile(r"^## \[(?P<version>\d+\.\d+\.\d+)\] - (?P<date>\d{4}-\d{2}-\d{2})$")
_UNRELEASED = re.compile(r"^## \[Unreleased\]$")
_BLOCK = re.compile(r"(?P<indent>[ \t]*)<releases>.*?</releases>", re.DOTALL)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


@dataclass
class Release:
    version: str
    date: str
    summary: list[str] = field(default_factory=list)  # the first paragraph's lines
    sections: dict[str, list[str]] = field(default_factory=dict)


def _plain(text: str) -> str:
    return _LINK.sub(r"\1", text).replace("`", "").strip()


def parse(text: str) -> list[Release]:
    """The releases, newest first, as the file lists them."""
    releases: list[Release] = []
    current: Release | None = None
    section: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            match = _RELEASE.match(line)
            if match is None and not _UNRELEASED.match(line):
                raise ValueError(f"not a Keep a Changelog release heading: {line!r}")
            current = Release(match["version"], match["date"]) if match else None
            if current:
                releases.append(current)
            section = None
        elif current is None:
            continue
        elif line.startswith("### "):
            section = current.sections.setdefault(line[4:].strip(), [])
        elif section is None:
            if line.strip():
                current.summary.append(line.strip())
        elif line.startswith("- "):
            section.append(_plain(line[2:]))
        elif line.startswith((" ", "\t")) and line.strip() and section:
            section[-1] = f"{section[-1]} {_plain(line)}"
    return releases


def releases_xml(releases: list[Release], indent: str = "  ") -> str:
    """The <releases> element, indented as the metainfo's other children."""
    step = "  "
    lines = [f"{indent}<releases>"]
    for release in releases:
        inner = indent + step * 3
        lines += [f'{indent}{step}<release version="{release.version}" date="{release.date}">',
                  f"{indent}{step * 2}<description>"]
        if release.summary:
            lines.append(f"{inner}<p>{escape(_plain(' '.join(release.summary)))}</p>")
        for name, items in release.sections.items():
            lines += [f"{inner}<p>{escape(name)}:</p>", f"{inner}<ul>"]
            lines += [f"{inner}{step}<li>{escape(item)}</li>" for item in items]
            lines.append(f"{inner}</ul>")
        lines += [f"{indent}{step * 2}</description>", f"{indent}{step}</release>"]
    lines.append(f"{indent}</releases>")
    return "\n".join(lines)


def with_releases(metainfo: str, releases: list[Release]) -> str:
    """The metainfo text with its <releases> element made from `releases`."""
    match = _BLOCK.search(metainfo)
    if match is None:
        raise ValueError("the metainfo has no <releases> element")
    block = releases_xml(releases, match["indent"])
    return metainfo[:match.start()] + block + metainfo[match.end():]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only say whether the metainfo is current")
    args = parser.parse_args(argv)
    releases = parse(CHANGELOG.read_text(encoding="utf-8"))
    current = METAINFO.read_text(encoding="utf-8")
    wanted = with_releases(current, releases)
    if args.check:
        if wanted != current:
            print(f"{METAINFO.name} is not current: python scripts/changelog.py",
                  file=sys.stderr)
            return 1
        return 0
    METAINFO.write_text(wanted, encoding="utf-8")
    print(f"wrote the releases of {METAINFO.name}: {', '.join(r.version for r in releases)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
