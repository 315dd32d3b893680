"""Languages: Swedish by default, English on request, remembered in QSettings.

Our own strings come from resources/i18n/fkinspect_<lang>.qm; Qt's standard
buttons ("Avbryt") from Qt's own qtbase_<lang>.qm.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from fkinspect.resources import resource_path

LANGUAGES = ("sv", "en")
DEFAULT = "sv"
ORGANIZATION = "fkinspect"
APPLICATION = "fkinspect"
_KEY = "ui/language"
_LOCALES = {
    "sv": QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

log = logging.getLogger(__name__)


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def saved_language() -> str:
    value = settings().value(_KEY, DEFAULT)
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT


def save_language(language: str) -> None:
    settings().setValue(_KEY, language)


def locale_for(language: str) -> QLocale:
    return _LOCALES.get(language, _LOCALES[DEFAULT])


class Translations:
    """Holds the installed translators (Qt drops a translator that is garbage collected)."""

    def __init__(self) -> None:
        self.language = DEFAULT
        self._ours = QTranslator()
        self._qt = QTranslator()
        self._installed = False

    def apply(self, language: str) -> None:
        """Install `language`; every widget gets a LanguageChange event and retranslates."""
        app = QCoreApplication.instance()
        if app is None:
            return
        if self._installed:
            app.removeTranslator(self._ours)
            app.removeTranslator(self._qt)
        self.language = language if language in LANGUAGES else DEFAULT
        QLocale.setDefault(locale_for(self.language))
        self._ours = QTranslator()
        self._qt = QTranslator()
        folder = str(resource_path("i18n"))
        if not self._ours.load(f"fkinspect_{self.language}", folder):
            log.warning("no translation file for %s in %s", self.language, folder)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        self._qt.load(f"qtbase_{self.language}", qt_folder)
        app.installTranslator(self._qt)
        app.installTranslator(self._ours)
        self._installed = True
