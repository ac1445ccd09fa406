"""Words the record keeps in English, said again: a kept line matched back to the template that
made it, so that the window can say it in the language it speaks.

The record keeps what kapdesk said as plain English (a flag's words, a reason): read back, it is
no longer a :class:`~kapdesk.core.words.Said`. :func:`said_again` finds the template that makes
exactly those words and fills it in again; its English is the kept line, unchanged.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence

from kapdesk.core.words import Template

_PATTERNS: dict[tuple[object, ...], re.Pattern[str]] = {}


def said_again(
    text: str, templates: Iterable[Template], words: Mapping[str, Sequence[str]] | None = None
) -> str:
    """``text`` as the one of ``templates`` that makes exactly it says it (the longest first:
    ``{x} at or above {y}`` before ``{x} above {y}``); ``text`` as it is when none does.
    ``words`` gives, for a field, the marked words it holds (a measure's name): its value is
    one of them, said as those words, so it is translated too."""
    marked = words or {}
    for template in sorted(templates, key=len, reverse=True):
        found = _pattern(template, marked).fullmatch(text)
        if found is None:
            continue
        values: dict[str, object] = {}
        for name, value in found.groupdict().items():
            values[name] = next((w for w in marked.get(name, ()) if w == value), value)
        said = template.format(**values)
        if said == text:
            return said
    return text


def _pattern(template: Template, words: Mapping[str, Sequence[str]]) -> re.Pattern[str]:
    key = (template.context, str(template), tuple((k, tuple(v)) for k, v in sorted(words.items())))
    pattern = _PATTERNS.get(key)
    if pattern is None:
        parts: list[str] = []
        seen: set[str] = set()
        for literal, field, _spec, _conversion in string.Formatter().parse(str(template)):
            parts.append(re.escape(literal))
            if field is None:
                continue
            if field in seen:
                parts.append(f"(?P={field})")
            elif field in words:
                choices = "|".join(
                    re.escape(w) for w in sorted(words[field], key=len, reverse=True)
                )
                parts.append(f"(?P<{field}>{choices})")
            else:
                parts.append(f"(?P<{field}>.+?)")
            seen.add(field)
        pattern = _PATTERNS[key] = re.compile("".join(parts), re.DOTALL)
    return pattern
