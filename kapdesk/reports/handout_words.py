"""Words and dates in a given language, whatever the staff read kapdesk in: the patient's
handout is printed in the language the patient chose at set-up.

The window installs the staff's language application-wide (:mod:`kapdesk.ui.language`); the
handout must not follow it. :class:`Words` loads kapdesk's catalogue for one language into a
translator of its own, never installed, and says the handout's marked words
(``QT_TRANSLATE_NOOP``, :mod:`kapdesk.core.words`) through it, with days as that language
writes them in the clinic's country (Spanish in the United States: es_US). It imports nothing
of the window, so the command line prints the same handout.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

from kapdesk.core import wall_text
from kapdesk.core.units import LANGUAGES
from kapdesk.core.wall_text import WallText
from kapdesk.core.words import Template
from kapdesk.paths import package_folder
from kapdesk.reports.locale_text import LocaleText
from kapdesk.translation import said_through

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"  # the words in the code are English


def catalogues() -> Path:
    """Where kapdesk's compiled catalogues (kapdesk_es.qm, ...) are."""
    return package_folder("kapdesk", "i18n")


def handout_language(chosen: str, clinic: str, system_region: str) -> str:
    """The language a handout is printed in: the one ``chosen`` at set-up, else the clinic's
    (clinic.toml ``[locale] language``), else this PC's (``system_region``: "es_US"), else
    English: the language kapdesk speaks to the clinic's staff when none was chosen."""
    for code in (chosen, clinic, system_region.split("_", maxsplit=1)[0]):
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


class Words:
    """kapdesk's words and days in one language, without touching the application's."""

    def __init__(self, code: str = SOURCE_LANGUAGE, region: str = "", folder: Path | None = None):
        """``code``: "en", "es" or "fr"; ``region``: the clinic's ("en_US"; "" this PC's), whose
        country the days follow; ``folder``: where the catalogues are (kapdesk's own)."""
        self.code = code if code in LANGUAGES else SOURCE_LANGUAGE
        self._translator: QTranslator | None = None
        if self.code != SOURCE_LANGUAGE:
            translator = QTranslator()
            where = str(folder or catalogues())
            if translator.load(f"kapdesk_{self.code}", where):
                self._translator = translator
            else:
                log.warning("kapdesk's %s catalogue could not be loaded from %s", self.code, where)
        self.way = self._way(region)

    def _way(self, region: str) -> WallText:
        """Days and numbers: the clinic's own way where it writes this language (or no region
        is known and this is English), else this language's in the clinic's country."""
        current = wall_text.current()
        if isinstance(current, LocaleText):
            if current.locale.language() == QLocale(self.code).language():
                return current
            country = QLocale.territoryToCode(current.locale.territory())
        elif self.code == SOURCE_LANGUAGE:
            return current
        else:
            country = (region or QLocale.system().name()).partition("_")[2]
        locale = QLocale(f"{self.code}_{country}") if country else QLocale(self.code)
        if locale.language() != QLocale(self.code).language():
            locale = QLocale(self.code)
        return LocaleText(locale)

    def __call__(self, text: str) -> str:
        """``text`` in this language: a marked template or message translated (its values
        that are marked words too), anything else (the clinic's own words) as it is. A
        translation missing, or not fitting its values, says the English."""
        return said_through(text, self._translate)

    def knows(self, template: Template) -> bool:
        """Whether this language has ``template``'s words (English has every one)."""
        if self.code == SOURCE_LANGUAGE:
            return True
        translator = self._translator
        return translator is not None and bool(translator.translate(template.context, template))

    def _translate(self, context: str, source: str, count: int | None) -> str | None:
        if self._translator is None:
            return None
        return self._translator.translate(context, source, None, -1 if count is None else count)
