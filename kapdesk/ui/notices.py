"""The window's notices: a line across the top for what staff must know (saving, the PC not
kept awake, a damaged record file).

In a dim room the calm screen must stay the calmest thing there: over it a notice is dim
(muted words on the page's own colour, no red) and offers nothing to press. A notice staff
know about may offer "Noted": it then stays away until what it says changes, or until
:meth:`Notice.forget` (the session ends).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui import theme
from kapdesk.ui.widgets import label
from kapdesk.ui.words import said, say

# Over the calm screen: the page's own background, a hairline, smaller muted words.
DIM = (
    f'QFrame[role="banner"] {{ background: {theme.BACKGROUND}; border: 1px solid '
    f"{theme.SURFACE_RAISED}; border-radius: 8px; }} "
    f"QLabel {{ color: {theme.TEXT_MUTED}; font-size: 15px; }}"
)


class Notice(QFrame):
    """A banner with words and, if ``notable``, a "Noted" button that puts it away."""

    noted = Signal(str)  # the words staff said they know

    def __init__(self, parent: QWidget | None = None, *, notable: bool = False) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        row = QHBoxLayout(self)
        self.text = label("", "")
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.noted_button = QPushButton()
        say(self.noted_button, QT_TRANSLATE_NOOP("Notice", "Noted"))
        self.noted_button.setProperty("role", "compact")
        say(
            self.noted_button,
            QT_TRANSLATE_NOOP("Notice", "Known: put it away until it changes or the session ends"),
            "setToolTip",
        )
        self.noted_button.clicked.connect(self._noted_pressed)
        self.noted_button.setVisible(notable)
        row.addWidget(self.noted_button)
        self._notable = notable
        self._known = ""  # the words staff said they know, while they hold
        self._calm = False
        self.hide()

    def say(self, text: str) -> None:
        """Show ``text``; not if staff have noted these very words already."""
        say(self.text, text)
        self.setVisible(bool(text) and text != self._known)

    def clear(self) -> None:
        say(self.text, "")
        self.hide()

    def forget(self) -> None:
        """What was noted no longer holds (the session it was about has ended)."""
        self._known = ""

    def set_calm(self, calm: bool) -> None:
        """Dim over the calm screen, with nothing to press; as usual otherwise."""
        if calm == self._calm:
            return
        self._calm = calm
        self.setStyleSheet(DIM if calm else "")
        self.noted_button.setVisible(self._notable and not calm)

    def _noted_pressed(self) -> None:
        if self._calm or not self.text.text():
            return
        self._known = said(self.text)  # the English words, whatever the language spoken
        self.hide()
        self.noted.emit(self._known)
