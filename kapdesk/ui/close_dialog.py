"""The form staff open to close a session, early or on time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui import theme
from kapdesk.ui.widgets import fit_in_room, label, scrolling_form
from kapdesk.ui.words import redraw_when_spoken, say, translated

CLOSE_EARLY_TITLE = QT_TRANSLATE_NOOP("CloseDialog", "Close the session early")
CLOSE_TITLE = QT_TRANSLATE_NOOP("CloseDialog", "Close the session")
CLOSE_EARLY_ASK = QT_TRANSLATE_NOOP("CloseDialog", "Close the session early?")
CLOSE_ASK = QT_TRANSLATE_NOOP("CloseDialog", "Close the session?")
WHY_EARLY_HINT = QT_TRANSLATE_NOOP("CloseDialog", "Why it closes early (goes on the record)")
REASON_NEEDED_HINT = QT_TRANSLATE_NOOP("CloseDialog", "Reason (needed to close early)")
NOTE_HINT = QT_TRANSLATE_NOOP("CloseDialog", "Note (optional)")
KEEP_OPEN = QT_TRANSLATE_NOOP("CloseDialog", "Keep it open   Esc")
CLOSE_EARLY = QT_TRANSLATE_NOOP("CloseDialog", "Close early   Enter")
CLOSE_SESSION = QT_TRANSLATE_NOOP("CloseDialog", "Close session   Enter")
SWITCH_KEEPS_CLOSE = QT_TRANSLATE_NOOP(
    "CloseDialog", "{refusal}. Switch user (Ctrl+Shift+L): what is typed here is kept."
)
SAY_WHY_EARLY = QT_TRANSLATE_NOOP(
    "CloseDialog", "Say why the session ends early; it goes on the record."
)


class CloseDialog(QDialog):
    """Confirms closing a session, with a reason when it ends early; an early close names why
    it is early, so whoever decides it sees what the record will say."""

    def __init__(
        self,
        message: str,
        reason_needed: bool,
        parent: QWidget,
        *,
        concerns: Sequence[str] = (),
        refusal: Callable[[], str | None] = lambda: None,
    ) -> None:
        """``refusal``: asked when Close is pressed, why the member signed in then may not
        close it this way (a form kept across a switch of user meets someone new)."""
        super().__init__(parent)
        self._refusal = refusal
        self.refused_now = False
        say(self, CLOSE_EARLY_TITLE if concerns else CLOSE_TITLE, "setWindowTitle")
        self.setModal(True)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        title = label("", "title")
        say(title, CLOSE_EARLY_ASK if concerns else CLOSE_ASK)
        layout.addWidget(title)
        self._concerns = tuple(concerns)
        if concerns:
            self.concerns = label("", "")
            self._draw_concerns()
            redraw_when_spoken(self._draw_concerns)
            self.concerns.setStyleSheet(f"color: {theme.OVERRUN};")
            # Every reason is read whole: the form grows rather than squeeze the list.
            self.concerns.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            layout.addWidget(self.concerns)
        said = label("", "muted")
        say(said, message)
        layout.addWidget(said)
        self.reason = QLineEdit()
        hint = WHY_EARLY_HINT if concerns else REASON_NEEDED_HINT if reason_needed else NOTE_HINT
        say(self.reason, hint, "setPlaceholderText")
        layout.addWidget(self.reason)
        self._reason_needed = reason_needed
        footer = scrolling_form(self, layout)  # a long list of reasons scrolls
        self.error = label("", "error")
        self.error.hide()
        footer.addWidget(self.error)
        buttons = QHBoxLayout()
        keep = QPushButton()
        say(keep, KEEP_OPEN)
        keep.clicked.connect(self.reject)
        self.confirm = QPushButton()
        say(self.confirm, CLOSE_EARLY if concerns else CLOSE_SESSION)
        self.confirm.setProperty("role", "primary")
        self.confirm.setDefault(True)
        self.confirm.clicked.connect(self._accept_if_valid)
        buttons.addWidget(keep)
        buttons.addStretch()
        buttons.addWidget(self.confirm)
        footer.addLayout(buttons)
        self.reason.setFocus()

    def _draw_concerns(self) -> None:
        """The reasons it is early, a list with a hanging indent (a reason that wraps stays
        under its own bullet), in the language spoken: the journey's own words, each a
        sentence; the markup around them is not words."""
        said = (translated(concern) for concern in self._concerns)
        items = "".join(f"<li>{escape(words[:1].upper() + words[1:])}</li>" for words in said)
        listed = f"<ul style='margin: 0; -qt-list-indent: 1;'>{items}</ul>"
        self.concerns.setText(listed)

    def _accept_if_valid(self) -> None:
        refused = self._refusal()
        self.refused_now = bool(refused)
        if refused:
            say(self.error, SWITCH_KEEPS_CLOSE.format(refusal=refused))
            self.error.show()
            fit_in_room(self)  # room for the refusal under everything already there
            return
        if self._reason_needed and not self.reason.text().strip():
            say(self.error, SAY_WHY_EARLY)
            self.error.show()
            fit_in_room(self)
            self.reason.setFocus()
            return
        self.accept()
