"""What the window shows while the records open, or why they cannot be opened.

It is on screen from the first frame, so it needs nothing but Qt: no clinical core, no database,
and not even the ``Qt`` namespace of enums, whose first use costs some 40 ms (Python builds a
hundred enum classes): its labels are centred by the theme, and the widgets that explain a
failure are built only when there is one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit

from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui.widgets import ActionButton, centred, label
from kapdesk.ui.words import say, say_button

OPENING = QT_TRANSLATE_NOOP("StartView", "Opening the record…")
OPENING_AGAIN = QT_TRANSLATE_NOOP("StartView", "Opening the records…")
CANNOT = QT_TRANSLATE_NOOP("StartView", "kapdesk cannot open its records")
NOTHING_CHANGED = QT_TRANSLATE_NOOP(
    "StartView", "Nothing was changed: what is already saved stays in the database."
)
ADVICE = QT_TRANSLATE_NOOP(
    "StartView",
    "Put right what is named above and try again (a clinic server that was away may be back), "
    "or close kapdesk. If it keeps happening, give your clinic's IT support this message and "
    "the log in {folder}.",
)


class StartView(QWidget):
    """ "Opening the record…", calmly; or the reason kapdesk cannot start and a way out."""

    quit_requested = Signal()
    retry_requested = Signal()  # try opening the records again (a server back, a disk freed)
    passphrase_given = Signal(str)  # typed to open an encrypted record

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.setSpacing(16)
        outer.addStretch(2)
        self.title = centred(label("kapdesk", "title"))
        outer.addWidget(self.title)
        self.status = centred(label("", "muted"))
        say(self.status, OPENING)
        outer.addWidget(self.status)
        self._problem = QVBoxLayout()
        self._problem.setSpacing(16)
        outer.addLayout(self._problem)
        outer.addStretch(3)
        self.reason: QLabel | None = None
        self.advice: QLabel | None = None
        self.quit_button: ActionButton | None = None
        self.retry_button: ActionButton | None = None
        self.passphrase: QLineEdit | None = None

    def _retry(self) -> None:
        say(self.title, OPENING_AGAIN)
        say(self.status, "")
        for shown in (self.reason, self.advice, self.retry_button, self.quit_button):
            if shown is not None:
                shown.hide()
        self.retry_requested.emit()

    def ask_passphrase(self, why: str) -> None:
        """The record is encrypted and no passphrase is kept on this PC: ask for it."""
        from PySide6.QtWidgets import QLineEdit  # noqa: PLC0415  (see the module's docstring)

        say(self.status, why, shaped=_capitalized)
        if self.passphrase is None:
            self.passphrase = QLineEdit()
            self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
            say(
                self.passphrase,
                QT_TRANSLATE_NOOP("StartView", "Passphrase"),
                "setPlaceholderText",
            )
            self.passphrase.setFixedWidth(420)
            self.passphrase.returnPressed.connect(self._give_passphrase)
            row = QHBoxLayout()
            row.addStretch()
            row.addWidget(self.passphrase)
            self.open_button = ActionButton("", "Return", self._give_passphrase, self)
            say_button(self.open_button, QT_TRANSLATE_NOOP("StartView", "Open"))
            row.addWidget(self.open_button)
            row.addStretch()
            self._problem.addLayout(row)
            self.passphrase.show()
            self.open_button.show()
        self.passphrase.setEnabled(True)
        self.passphrase.clear()
        self.passphrase.setFocus()

    def _give_passphrase(self) -> None:
        if self.passphrase is None or not self.passphrase.text():
            return
        typed = self.passphrase.text()
        self.passphrase.clear()
        self.passphrase.setEnabled(False)  # until the record opens, or the passphrase fails
        say(self.status, OPENING)
        self.passphrase_given.emit(typed)

    def show_problem(self, reason: str, log_hint: str) -> None:
        """Say that the records cannot be opened, why, and what to do; offer to close."""
        from PySide6.QtCore import Qt  # noqa: PLC0415  (see the module's docstring)

        say(self.title, CANNOT)
        say(self.status, NOTHING_CHANGED)
        if self.reason is None or self.advice is None or self.quit_button is None:
            self.reason = centred(label("", "error"))
            self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.advice = centred(label("", "muted"))
            row = QHBoxLayout()
            row.addStretch()
            self.retry_button = ActionButton("", "Ctrl+R", self._retry, self, primary=True)
            say_button(self.retry_button, QT_TRANSLATE_NOOP("StartView", "Try again"))
            row.addWidget(self.retry_button)
            self.quit_button = ActionButton("", "Ctrl+Q", self.quit_requested.emit, self)
            say_button(self.quit_button, QT_TRANSLATE_NOOP("StartView", "Close kapdesk"))
            row.addWidget(self.quit_button)
            row.addStretch()
            self._problem.addWidget(self.reason)
            self._problem.addWidget(self.advice)
            self._problem.addLayout(row)
        for shown in (self.reason, self.advice, self.retry_button, self.quit_button):
            if shown is not None:
                shown.show()  # added to a shown page, they would show on the next turn only
        say(self.reason, reason, shaped=_capitalized)
        say(self.advice, ADVICE.format(folder=log_hint))
        self.quit_button.setFocus()


def _capitalized(words: str) -> str:
    """A reason the core says as a clause ("the database … is in use"), as a sentence."""
    return words[:1].upper() + words[1:]
