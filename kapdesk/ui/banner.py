"""The one status banner across the top of the window: every true state at once.

Each part of kapdesk speaks under a topic of its own (saving, a page that could not load, a
refusal, ...) and says ``None`` when its state no longer holds. The banner shows every topic
that has something to say, one line each, the most pressing first, and hides when none has:
"Past sessions cannot be read" never takes the place of "Offline" while the room is still
offline. A refusal may offer "Switch user", for a colleague who may to sign in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from kapdesk.core.words import joined
from kapdesk.ui.notices import DIM
from kapdesk.ui.widgets import label
from kapdesk.ui.words import say

SAVING = "saving"  # the recorder's word: offline, kept on this PC, not saved
PAGE = "page"  # a page or what it reads could not be loaded
REFUSAL = "refusal"  # the member signed in may not do what they asked
CLOSING = "closing"  # why kapdesk did not close (kiosk mode, entries only in memory)
NOTICE = "notice"  # something staff should pass on to an admin
NEWS = "news"  # good news, such as an upgrade that kept every record: shown calmly

# The most pressing first; a topic not named here comes after these, in the order first said.
ORDER = (SAVING, PAGE, REFUSAL, CLOSING, NOTICE, NEWS)
CALM = frozenset({NEWS})  # a banner that says only these is not a problem's colour

Retry = Callable[[], None]


class StatusBanner(QFrame):
    """What staff must know now, one line per topic, the most pressing first."""

    switch_pressed = Signal()  # "Switch user" on a refusal (:attr:`retry` is what to try again)

    def __init__(self, switch_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        row = QHBoxLayout(self)
        self.text_label = label("", "")
        self.text_label.setWordWrap(True)
        row.addWidget(self.text_label, 1)
        self.switch = QPushButton()
        say(self.switch, switch_text)
        self.switch.setProperty("role", "compact")
        self.switch.clicked.connect(self.switch_pressed)
        self.switch.hide()
        row.addWidget(self.switch)
        self._said: dict[str, str] = {}
        self._offered = False  # the refusal said offers to switch user
        self._calm = False
        self.retry: Retry | None = None  # what the refusal's switch tries again
        self.hide()

    def say(self, topic: str, text: str | None) -> None:
        """``topic`` now says ``text``; ``None`` (or nothing) when it has nothing to say."""
        if text:
            self._said[topic] = text
        else:
            self._said.pop(topic, None)
        if topic == REFUSAL:
            self._offered, self.retry = False, None
        self._show()

    def offer_switch(self, text: str, retry: Retry | None) -> None:
        """A refusal, with "Switch user": a colleague signs in and ``retry`` runs as them."""
        self.say(REFUSAL, text)
        self._offered, self.retry = True, retry
        self._show()

    def said(self, topic: str) -> str | None:
        return self._said.get(topic)

    def text(self) -> str:
        """Every line shown, the most pressing first."""
        return self.text_label.text()

    @property
    def switch_offered(self) -> bool:
        """A refusal offers "Switch user" (hidden over the calm screen, still offered)."""
        return self._offered

    def set_calm(self, calm: bool) -> None:
        """Over the calm screen: dim, with nothing to press."""
        self._calm = calm
        self.setStyleSheet(DIM if calm else "")
        self._show()

    def _rank(self, topic: str) -> int:
        return ORDER.index(topic) if topic in ORDER else len(ORDER)

    def _show(self) -> None:
        topics = sorted(self._said, key=self._rank)  # stable: unnamed ones as first said
        say(self.text_label, joined([self._said[topic] for topic in topics], "\n"))
        self.switch.setVisible(self._offered and REFUSAL in self._said and not self._calm)
        tone = "calm" if CALM.issuperset(topics) else "problem"
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            self.style().polish(self)
        self.setVisible(bool(topics))
