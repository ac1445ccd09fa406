"""The first start: the clinic's admin account, before anything else.

The admin adds the rest of the staff and reads the audit trail; the roles they also hold in
the room (most often nurse or prescriber) are ticked here too. A session left open behind this
page goes on (timer, music), and shows once the admin has signed in.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kapdesk.core.staff import Role
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui.account_form import AccountEntry, AccountForm
from kapdesk.ui.widgets import ActionButton, label
from kapdesk.ui.words import say, say_button

WELCOME = QT_TRANSLATE_NOOP("FirstAdminView", "Welcome to kapdesk")
INTRO = QT_TRANSLATE_NOOP(
    "FirstAdminView",
    "First, the clinic's admin account. The admin adds the rest of the staff, each with their own "
    "PIN, and can read the audit trail. Tick the roles this person also has in the room: "
    "recording a dose takes a nurse or a prescriber.",
)
CREATE = QT_TRANSLATE_NOOP("FirstAdminView", "Create the admin account")


class FirstAdminView(QWidget):
    """Makes the first account; ``create_requested(entry)`` when the form is right."""

    create_requested = Signal(object)  # AccountEntry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(80, 48, 80, 48)
        outer.setSpacing(14)
        title = label("", "title")
        say(title, WELCOME)
        outer.addWidget(title)
        intro = label("", "muted")
        say(intro, INTRO)
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.form = AccountForm(fixed=frozenset({Role.ADMIN}), ticked=frozenset({Role.NURSE}))
        outer.addWidget(self.form)
        self.error = label("", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        outer.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch()
        self.create_button = ActionButton("", "Ctrl+S", self.submit, self, primary=True)
        say_button(self.create_button, CREATE)
        self.create_button.setMinimumHeight(64)
        row.addWidget(self.create_button)
        outer.addLayout(row)
        outer.addStretch()
        self.form.again.returnPressed.connect(self.submit)

    def submit(self) -> None:
        entry = self.form.entry()
        if isinstance(entry, str):
            self.show_error(entry)
            return
        self.error.hide()
        self.create_requested.emit(entry)

    def show_error(self, text: str) -> None:
        """``text``: kapdesk's words (the form's or the core's), in the language spoken."""
        say(self.error, text)
        self.error.show()

    def start(self) -> None:
        self.form.clear()
        self.error.hide()
        self.form.name.setFocus()


__all__ = ["AccountEntry", "FirstAdminView"]
