"""The core's words: one gettext catalog per language, Swedish by default.

The core returns codes and facts; the CLI, the report and the app turn them into
words here. Source strings (msgids) are English, so English needs no catalog;
resources/locale/sv/LC_MESSAGES/fkinspect.po holds the Swedish, compiled to .mo
with `python scripts/catalogs.py` (GNU msgfmt). ui/ has its own Qt Linguist
catalog for the window's strings; see the README's "Languages".
"""

from __future__ import annotations

import gettext
import logging
from collections.abc import Mapping
from functools import cache

from fkinspect.model import NOTHING, Words
from fkinspect.resources import resource_path

__all__ = [
    "NOTHING",
    "N_",
    "Words",
    "catalog",
    "language_from_environment",
    "ntext",
    "say",
    "text",
]

LANGUAGES = ("sv", "en")
DEFAULT = "sv"
DOMAIN = "fkinspect"
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's own order

log = logging.getLogger(__name__)


@cache
def catalog(language: str) -> gettext.NullTranslations:
    """The words of one language; English is the source and passes through."""
    if language not in LANGUAGES:
        raise ValueError(f"no catalog for language {language!r}")
    if language == "en":
        return gettext.NullTranslations()
    path = resource_path("locale", language, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with path.open("rb") as file:
            return gettext.GNUTranslations(file)
    except OSError as error:  # a broken install: say so, and speak English
        log.warning("catalog %s cannot be read (%s); using English", path, error)
        return gettext.NullTranslations()


def language_from_environment(environ: Mapping[str, str]) -> str:
    """The user's language from the locale variables, as gettext reads them.

    The first variable that is set decides; a language we have no words for
    (or the C locale) gives the default, Swedish.
    """
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            wanted = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return wanted if wanted in LANGUAGES else DEFAULT
    return DEFAULT


def N_(msgid: str) -> str:  # gettext's own name for it
    """Marks an English msgid kept in a table, so the catalog's tools find it; said later."""
    return msgid


def text(language: str, msgid: str, /, **values: object) -> str:
    """One sentence in `language`, its {named} values filled in after translating."""
    said = catalog(language).gettext(msgid)
    return said.format(**values) if values else said


def ntext(language: str, singular: str, plural: str, count: int, /, **values: object) -> str:
    """As text(), the form chosen by `count` (also given to the sentence as {count})."""
    said = catalog(language).ngettext(singular, plural, count)
    return said.format(count=count, **values)




def say(words: Words, language: str) -> str:
    """The sentence in `language` ("" for NOTHING)."""
    if not words.msgid:
        return ""
    return text(language, words.msgid, **dict(words.values))
