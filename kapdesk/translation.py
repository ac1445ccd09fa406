"""kapdesk's marked words said through a Qt translator: one way for the window, the printed
record and the patient's handout.

The words are marked in the code (:mod:`kapdesk.core.words`): a template, a message the core
said with one (a :class:`~kapdesk.core.words.Said`, its values kept), or counted words. This
says them in a language: the template's words from the catalogue (counted words in the form
the language's plural rule gives the count), filled in again with their values, each value
that is kapdesk's words said the same way. What has no translation, or a translation that
does not fit its values, is said in English; what is not kapdesk's words (a name, a number,
the clinic's own text) is said as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from kapdesk.core.words import COUNT, Counted, Said, Template

log = logging.getLogger(__name__)

# A catalogue's words for (context, English, count or None); "" or None when it has none.
Translate = Callable[[str, str, int | None], str | None]


def installed(context: str, source: str, count: int | None) -> str | None:
    """The words of the translators installed in the application (what the window speaks)."""
    words = QCoreApplication.translate(context, source, None, -1 if count is None else count)
    untranslated = source if count is None else source.replace(COUNT, str(count))
    return None if words == untranslated else words


def said_through(text: str, translate: Translate = installed) -> str:
    """``text`` in the language ``translate`` speaks (see the module's words)."""
    if isinstance(text, Said):
        values = {
            name: said_through(value, translate) if isinstance(value, str) else value
            for name, value in text.values.items()
        }
        try:
            return _words(text.template, values, translate).format(**values)
        except (KeyError, IndexError, ValueError):
            log.warning("a translation of %r does not fit its values", str(text.template))
            return str(text)
    if isinstance(text, Template):
        return _words(text, {}, translate)
    return str(text)


def _words(template: Template, values: Mapping[str, object], translate: Translate) -> str:
    """The template's words in the language, its English where the catalogue has none."""
    if not isinstance(template, Counted):
        return translate(template.context, str(template), None) or str(template)
    count = values.get("count")
    if not isinstance(count, int):
        return str(template)
    words = translate(template.context, str(template), count)
    if words:  # a QTranslator of its own leaves %n to its caller, as Qt's translate() does not
        return words.replace(COUNT, str(count))
    one, many = str(template).split("|")
    return (one if count == 1 else many).replace(COUNT, str(count))
