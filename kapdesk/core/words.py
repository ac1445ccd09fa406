"""The core's words, marked for translation without knowing Qt.

The core says things staff read (a PIN refused, a dose refused, a check due) in English. To
let the window say them in the staff's language, the core marks each message's template with
:func:`QT_TRANSLATE_NOOP` (the name Qt's ``lupdate`` looks for, so the template lands in the
catalogues under its context) and fills it in with :meth:`Template.format`. What comes out is
still an ordinary English ``str``, so logs, the command line and every caller read it as before,
and it carries its context, template and values, so the window can say it again in the language
it speaks (:func:`kapdesk.ui.language.translated`).

Words that change with a count are one template holding ``%n`` (Qt's mark for the count) and
its English forms for one and for many, ``"%n file|%n files"``: :class:`Counted`. The
catalogues keep it as a plural message, so Qt gives each language its own forms by its own rule
(French says "0 fichier"), and English takes its form here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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

    def english(self, values: Mapping[str, object]) -> str:
        """The English words with ``values`` filled in."""
        return str.format(self, **values)

    # Words do not change: a copy is the words themselves, and a pickle keeps the context.
    def __copy__(self) -> Template:
        return self

    def __deepcopy__(self, memo: object) -> Template:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.context, str(self)))


COUNT = "%n"  # where a count goes in counted words, as Qt marks it


class Counted(Template):
    """Words that change with a count: ``%n`` for the count, and the English for one and for
    many after each other, split by ``|`` ("%n track, {length}|%n tracks, {length}"). Filled
    with ``count=`` and the named fields."""

    def __new__(cls, context: str, source: str) -> Counted:
        if source.count("|") != 1 or not all(COUNT in form for form in source.split("|")):
            raise ValueError(f"counted words are '%n one|%n many': {source!r}")
        made = super().__new__(cls, context, source)
        return made  # type: ignore[return-value]

    def format(self, *args: object, **values: Any) -> Said:
        count = values.get("count")
        if not isinstance(count, int) or isinstance(count, bool):
            raise TypeError(f"counted words are filled with a whole count=, not {count!r}")
        return super().format(*args, **values)

    def english(self, values: Mapping[str, object]) -> str:
        count = values["count"]
        one, many = str(self).split("|")
        form = one if count == 1 else many
        return str.format(form.replace(COUNT, str(count)), **values)


class Said(str):
    """A message said in English, with what it takes to say it in another language."""

    template: Template
    values: Mapping[str, object]

    def __new__(cls, template: Template, values: Mapping[str, object]) -> Said:
        made = super().__new__(cls, template.english(values))
        made.template = template
        made.values = dict(values)
        return made

    def __copy__(self) -> Said:
        return self

    def __deepcopy__(self, memo: object) -> Said:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Said, (self.template, dict(self.values)))


def QT_TRANSLATE_NOOP(context: str, source: str) -> Template:
    """Mark ``source`` for translation under ``context``: lupdate finds it by this name. Words
    holding ``%n`` are :class:`Counted`."""
    return Counted(context, source) if COUNT in source else Template(context, source)


def joined(parts: Sequence[str], separator: str, context: str = "joined") -> str:
    """``parts`` one after the other with ``separator`` between them, as
    ``separator.join(parts)`` says it in English, keeping each part's own words so that the
    window says each in its language (the separator is not words: it is not translated)."""
    if len(parts) <= 1:
        return parts[0] if parts else ""
    both = Template(context, "{first}" + separator.replace("{", "{{").replace("}", "}}") + "{rest}")
    return both.format(first=parts[0], rest=joined(parts[1:], separator, context))
