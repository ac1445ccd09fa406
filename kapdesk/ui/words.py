"""Words on screen in the language kapdesk speaks, said again when it changes.

A widget's text is given as kapdesk's English words: a template marked with
``QT_TRANSLATE_NOOP(context, source)`` (:mod:`kapdesk.core.words`), a message the core said
with one, or plain text that is not kapdesk's to translate (a name, a number). :func:`say` shows
it translated and remembers it; :func:`say_again`, called when the language changes, shows every
remembered text again in the new language, so a page keeps what it shows (and what is typed in
it) through the switch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary, WeakMethod

from shiboken6 import isValid

from kapdesk.translation import said_through

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QKeySequence

    from kapdesk.ui.widgets import ActionButton

log = logging.getLogger(__name__)

Shape = Callable[[str], str]
_SAID: WeakKeyDictionary[QObject, dict[str, tuple[str, Shape | None]]] = WeakKeyDictionary()
_REDRAWS: list[WeakMethod[Callable[[], Any]]] = []


def translated(text: str) -> str:
    """``text`` in the language spoken: a marked template or core message translated (and
    filled in again, its values that are kapdesk's words translated too), anything else as it
    is (:func:`kapdesk.translation.said_through`)."""
    return said_through(text)


def words_of(error: BaseException) -> str:
    """What ``error`` says, as kapdesk's words (a core message keeps what it takes to say it in
    another language; ``str(error)`` would keep only the English)."""
    said = error.args[0] if len(error.args) == 1 else None
    return said if isinstance(said, str) else str(error)


def say(widget: QObject, text: str, setter: str = "setText", shaped: Shape | None = None) -> None:
    """Show ``text`` on ``widget`` through ``setter`` (setText, setPlaceholderText,
    setToolTip, setWindowTitle...) in the language spoken, ``shaped`` if given (a key's name
    after a button's words), and again whenever the language changes."""
    _SAID.setdefault(widget, {})[setter] = (text, shaped)
    _show(widget, setter, text, shaped)


def key_name(sequence: QKeySequence) -> str:
    """A key as the keyboard's own caps name it ("Ctrl+S"), the same in every language: Qt's
    catalogues spell the modifiers out ("Control+Mayúsculas+O") and no button would fit."""
    from PySide6.QtGui import QKeySequence  # noqa: PLC0415

    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def say_button(button: ActionButton, text: str) -> None:
    """A button's words, followed by the name of its key as it always shows it."""
    key = key_name(button.sequence)
    say(button, text, shaped=lambda words: f"{words}   {key}")


def said(widget: QObject, setter: str = "setText") -> str:
    """What :func:`say` last gave ``widget`` through ``setter``, in kapdesk's English words."""
    return _SAID.get(widget, {}).get(setter, ("", None))[0]


def redraw_when_spoken(redraw: Callable[[], Any]) -> None:
    """Call ``redraw``, a widget's own method, whenever the language changes (after every
    remembered text is said again): for a page showing words in the language spoken that are
    not kapdesk's to translate (a protocol's phase names, given in that language). Kept as long
    as its widget lives, no longer."""
    _REDRAWS.append(WeakMethod(redraw))


def say_again() -> None:
    """Every remembered text shown again, in the language now spoken; every page that asked
    (:func:`redraw_when_spoken`) drawn again."""
    for widget, setters in list(_SAID.items()):
        if not isValid(widget):
            continue
        for setter, (text, shaped) in setters.items():
            _show(widget, setter, text, shaped)
    for weak in list(_REDRAWS):
        redraw = weak()
        if redraw is None or not isValid(getattr(redraw, "__self__", None)):
            _REDRAWS.remove(weak)  # its widget is gone
            continue
        redraw()


def _show(widget: QObject, setter: str, text: str, shaped: Shape | None) -> None:
    words = translated(text)
    getattr(widget, setter)(shaped(words) if shaped is not None else words)
