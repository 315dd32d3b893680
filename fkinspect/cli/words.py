"""The CLI's language: which one (--lang, else the locale, else Swedish) and its --help.

argparse writes its own headings ("usage: ", "options", ...) and our help texts in
English; the formatter here says every one of them through the core's catalog, which
holds argparse's msgids beside ours (see the README's "Languages"). The parser is
built in English; only what is printed is translated.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, NoReturn

from fkinspect import i18n


def language_of(argv: Iterable[str], environ: Mapping[str, str] | None = None) -> str:
    """The language asked for by --lang anywhere before `--`, else the locale's."""
    words = list(argv)
    for i, word in enumerate(words):
        if word == "--":
            break
        value = word.removeprefix("--lang=") if word.startswith("--lang=") else None
        if word == "--lang" and i + 1 < len(words):
            value = words[i + 1]
        if value in i18n.LANGUAGES:
            return value
    return i18n.language_from_environment(os.environ if environ is None else environ)


@cache
def parser_class(language: str) -> type[argparse.ArgumentParser]:
    """An ArgumentParser whose help, usage and errors are in `language`."""
    words = i18n.catalog(language)

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                      groups: Iterable[Any], prefix: str | None = None) -> None:
            # argparse passes "" when it only wants the bare usage (a subcommand's prog).
            said = "" if prefix == "" else words.gettext(prefix or "usage: ")
            super().add_usage(usage, actions, groups, said)

        def start_section(self, heading: str | None) -> None:
            super().start_section(words.gettext(heading) if heading else heading)

        def add_text(self, text: str | None) -> None:
            super().add_text(words.gettext(text) if text else text)

        def _get_help_string(self, action: argparse.Action) -> str | None:
            return words.gettext(action.help) if action.help else action.help

    class Parser(argparse.ArgumentParser):
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs.setdefault("formatter_class", Formatter)
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

        def error(self, message: str) -> NoReturn:
            self.print_usage(sys.stderr)
            self.exit(2, i18n.text(language, "{prog}: error: {message}\n", prog=self.prog,
                                   message=message))

    return Parser
