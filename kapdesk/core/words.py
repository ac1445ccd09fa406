"""The core's words, marked for translation without knowing Qt.

The core says things staff read (a PIN refused, a dose refused, a check due) in English. To
let the window say them in the staff's language, the core marks each message's template with
:func:`QT_TRANSLATE_NOOP` (the name Qt's ``lupdate`` looks for, so the template lands in the
catalogues under its context) and fills it in with :meth:`Template.format`. What comes out is
still an ordinary English ``str``, so logs, the command line and every caller read it as before,
and it carries its context, template and values, so the window can say it again in the language
it speaks (:func:`kapdesk.ui.language.translated`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Template(str):
    """An English template marked for translation: ``{name}`` fields, filled by :meth:`format`."""

    context: str

    def __new__(cls, context: str, source: str) -> Template:
        made = super().__new__(cls, source)
        made.context = context
        return made

    def format(self, *args: object, **values: Any) -> Said:
        if args:
            raise TypeError("a template's fields are named: {name}, not {}")
        return Said(self, values)


class Said(str):
    """A message said in English, with what it takes to say it in another language."""

    template: Template
    values: Mapping[str, object]

    def __new__(cls, template: Template, values: Mapping[str, object]) -> Said:
        made = super().__new__(cls, str.format(template, **values))
        made.template = template
        made.values = dict(values)
        return made


def QT_TRANSLATE_NOOP(context: str, source: str) -> Template:
    """Mark ``source`` for translation under ``context``: lupdate finds it by this name."""
    return Template(context, source)
