"""kapdesk's words in the staff's language: English, Spanish or French.

kapdesk's text goes through Qt's translation system: its words are marked with
``QT_TRANSLATE_NOOP(context, source)`` (:mod:`kapdesk.core.words`, the core's messages too) and
shown through :mod:`kapdesk.ui.words`. The catalogues live in ``kapdesk/i18n``: the
``.ts`` sources, which translators edit, and the ``.qm`` files compiled from them
(``python packaging/catalogues.py``), shipped in the package. Qt's own catalogue (``qtbase``)
comes with PySide6 and gives its standard dialogs the same language.

The language is the clinic's (clinic.toml ``[locale] language``), else the PC's own. Staff can
switch it while kapdesk runs, from the sign-in pad (:mod:`kapdesk.ui.language_row`): every text
given through :func:`kapdesk.ui.words.say` is shown again in the new language, so nothing typed
or shown is lost.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from kapdesk.core.units import LANGUAGES
from kapdesk.paths import package_folder
from kapdesk.ui.words import say_again

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"  # the words in the code are English: no catalogue needed for it
CATALOGUES = package_folder("kapdesk", "i18n")
_spoken = [SOURCE_LANGUAGE]  # what the last switch installed: the words staff read now


def language_of(wanted: str, system: QLocale | None = None) -> str:
    """The language kapdesk speaks: ``wanted`` (the clinic's) if set, else the PC's own if
    kapdesk has its words, else English."""
    if wanted in LANGUAGES:
        return wanted
    own = (system or QLocale.system()).name().split("_")[0]
    return own if own in LANGUAGES else SOURCE_LANGUAGE


class Language(QObject):
    """The translators installed in the application: kapdesk's and Qt's, for one language."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.code = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []

    def speak(self, code: str) -> bool:
        """Switch to ``code`` (one of :data:`kapdesk.core.units.LANGUAGES`); False, and English
        kept, when its catalogue cannot be loaded (the log says why)."""
        if code == self.code:
            return True
        loaded = self._load(code) if code != SOURCE_LANGUAGE else []
        if loaded is None:
            return False
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = loaded
        for translator in loaded:
            QCoreApplication.installTranslator(translator)
        self.code = _spoken[0] = code
        say_again()  # what every page shows, in the new language, nothing else changed
        log.info("speaking %s", code)
        return True

    def _load(self, code: str) -> list[QTranslator] | None:
        own = QTranslator(self)
        if not own.load(f"kapdesk_{code}", str(CATALOGUES)):
            log.warning("kapdesk's %s catalogue could not be loaded from %s", code, CATALOGUES)
            return None
        found = [own]
        qt = QTranslator(self)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            found.append(qt)  # Qt's own dialogs' buttons; without it they stay English
        return found


def spoken() -> str:
    """The language kapdesk speaks now: the one a :class:`Language` last switched to."""
    return _spoken[0]
