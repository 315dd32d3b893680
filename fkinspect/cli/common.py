"""What the commands share: exit codes, the store options, the JSON writer, asking.

Below main.py and every command module, so that main can import the commands and
they can use these without an import cycle.

Exit codes (a public interface, documented in the README):
  0 ok, 1 error, 2 usage (or a question nobody can answer), 3 refused because a
  browser is running, 4 a store could not be read or written.
"""

from __future__ import annotations

import argparse
import codecs
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from fkinspect.errors import StoreError
from fkinspect.i18n import text
from fkinspect.scan import ScanRequest
from fkinspect.serialize import display_path
from fkinspect.textsafe import json_safe, printable

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_RUNNING = 3
EXIT_STORE = 4

YES = frozenset({"j", "ja", "y", "yes"})


def store_options() -> argparse.ArgumentParser:
    """--home/--store/--browser, shared by every command that reads stores."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", type=Path, metavar="DIR",
                        help="read the browsers of this home folder (e.g. a copied profile)")
    common.add_argument("--store", type=Path, action="append", default=[], metavar="PATH",
                        help="read this cookie file or profile folder (repeatable)")
    common.add_argument("--browser", action="append", default=[], metavar="ID",
                        help="only this browser (chrome, chromium, firefox, ...; repeatable)")
    return common


def scan_request(args: argparse.Namespace) -> ScanRequest:
    """What --home/--store/--browser ask for: only --store means "just these files"."""
    if args.home:
        return ScanRequest.for_home(args.home, stores=args.store, browsers=args.browser)
    if args.store:
        return ScanRequest.for_folder(*args.store)
    return ScanRequest(browsers=args.browser)


def home_of(args: argparse.Namespace) -> Path:
    """The home folder --home names, else the user's."""
    return Path(args.home) if args.home else Path.home()


def shown_path(path: Path, home: Path) -> str:
    """A path as the commands print it: the home folder written as ~."""
    return display_path(path, home)


def confirm(question: str, language: str) -> bool | None:
    """True/False from the person at the terminal; None when there is nobody to ask."""
    if not sys.stdin.isatty():
        return None
    answers = text(language, "[y/N]")
    sys.stderr.write(f"{question} {answers} ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    return answer in YES


def no_terminal(what: str, language: str) -> int:
    """`what` ("Removing cookies") needs an answer and there is no terminal to ask on."""
    print(text(language, "fkinspect: {what} without asking needs --yes (no terminal to ask "
                         "on).", what=what), file=sys.stderr)
    return EXIT_USAGE


def not_a_store(error: StoreError, language: str) -> int:
    """--store named something that cannot be read as a cookie store: say so (the detail
    is the system's, in English), exit 4."""
    print(printable(text(language, "fkinspect: {path} cannot be read as a cookie file ({why})",
                         path=error.path, why=error.detail or error.status)), file=sys.stderr)
    return EXIT_STORE


def _utf8(out: TextIO) -> bool:
    """Can `out` carry any character? (A stream of str with no encoding can.)"""
    encoding = getattr(out, "encoding", None)
    try:
        return encoding is None or codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def write_json(data: Any, out: TextIO | None = None) -> None:
    """An object's lists with one record per line: readable, greppable, and quick.

    Quick because each record goes through json's C encoder; asking it to indent
    switches to the pure-Python one, five times slower on a long list. Text that is
    not UTF-8 (a lone surrogate) is written as its \\uXXXX escape, as is all non-ASCII
    text when the output is not UTF-8: the output is always valid JSON.
    """
    stream = out or sys.stdout
    utf8 = _utf8(stream)
    encode = json.JSONEncoder(ensure_ascii=not utf8).encode
    if not isinstance(data, dict):
        text = encode(data)
    else:
        fields = []
        for key, value in data.items():
            if isinstance(value, list) and value:
                value_text = "[\n    " + ",\n    ".join(map(encode, value)) + "\n  ]"
            else:
                value_text = encode(value)
            fields.append(f"  {encode(key)}: {value_text}")
        text = "{\n" + ",\n".join(fields) + "\n}"
    # Not UTF-8: ensure_ascii already wrote every non-ASCII character as an escape.
    stream.write((json_safe(text) if utf8 else text) + "\n")
