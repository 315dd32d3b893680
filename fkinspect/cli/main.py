"""The `fkinspect` command: parse the arguments, run the command, return its exit code.

Each command is a module of this package with `register()` (its options) and `run()`;
the exit codes and what the commands share are in common.py.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from types import FrameType

from fkinspect import __version__, i18n
from fkinspect.cli import clean, policy, report, restore
from fkinspect.cli import list as list_command
from fkinspect.cli.common import EXIT_ERROR, EXIT_OK, store_options
from fkinspect.cli.words import language_of, parser_class
from fkinspect.errors import FkInspectError, PolicyError
from fkinspect.logs import setup_logging
from fkinspect.tempcopy import remove_stale
from fkinspect.textsafe import printable

Handler = Callable[[argparse.Namespace], int]

# In the order `fkinspect --help` lists them.
COMMANDS = (policy, list_command, clean, restore, report)


_LANG_HELP = "the language of what is printed: sv or en (default: the locale's, else sv)"


def build_parser(language: str = i18n.DEFAULT) -> argparse.ArgumentParser:
    """The command line, its help and usage errors said in `language`."""
    parser = parser_class(language)(
        prog="fkinspect",
        description="See which forsakringskassan.se cookies your browsers keep, and why.",
    )
    parser.add_argument("--version", action="version", version=f"fkinspect {__version__}",
                        help="show the version and exit")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="log what is read to stderr (never a cookie value)")
    # Before or after the command: main() has read it already (language_of); the
    # options are here so that --help lists it and a wrong value is a usage error.
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
                        help=_LANG_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    common = store_options()
    for command in COMMANDS:
        command.register(sub, common)
    for command_parser in sub.choices.values():
        command_parser.add_argument("--lang", choices=i18n.LANGUAGES,
                                    default=argparse.SUPPRESS, help=_LANG_HELP)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _safe_stdout()
    words = list(sys.argv[1:] if argv is None else argv)
    language = language_of(words)
    parser = build_parser(language)
    args = parser.parse_args(words)
    args.lang = language
    _configure_logging(args.verbose)
    remove_stale()  # temporary copies left by runs that were killed
    handler: Handler = args.handler
    try:
        with _signals_end_the_run():
            return handler(args)
    except PolicyError as exc:
        print(i18n.text(language, "fkinspect: the cookie list could not be loaded: {why}",
                        why=printable(str(exc))), file=sys.stderr)
        return EXIT_ERROR
    except FkInspectError as exc:
        print(f"fkinspect: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _safe_stdout() -> None:
    """Text the terminal's encoding cannot carry (a name that is not UTF-8, or Swedish
    letters under LANG=C) is printed as escapes, never as a UnicodeEncodeError or as raw
    bytes a terminal could act on. stderr does so already."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError):  # not a text stream we may change
            reconfigure(errors="backslashreplace")


@contextlib.contextmanager
def _signals_end_the_run() -> Iterator[None]:
    """SIGTERM and SIGHUP end the command as an exception does, so that `finally` blocks
    and atexit run and the temporary copies go; by default Python dies on the spot.
    (SIGINT already raises KeyboardInterrupt.) A signal ignored by the caller stays so."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
            previous[signum] = signal.signal(signum, _end_run)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _end_run(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _configure_logging(verbose: bool) -> None:
    with contextlib.suppress(OSError):  # no writable log folder: stderr still says what happens
        setup_logging(verbose, console=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
