"""The form for a staff account: the person's name, their roles and their PIN (typed twice).

The same form makes the clinic's first account (the admin, at the first start) and, for an
admin, every account after it. It checks what it can before the store does: a name, a role,
a PIN that :func:`kapdesk.core.staff.pin_problem` accepts, typed the same twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QWidget

from kapdesk.core.staff import Role, pin_problem
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui.words import say

ROLE_WORDS = {
    Role.SITTER: QT_TRANSLATE_NOOP("Roles", "Sitter"),
    Role.NURSE: QT_TRANSLATE_NOOP("Roles", "Nurse"),
    Role.PRESCRIBER: QT_TRANSLATE_NOOP("Roles", "Prescriber"),
    Role.THERAPIST: QT_TRANSLATE_NOOP("Roles", "Therapist"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Admin"),
}
ROLES_A_ROW = 3
NAME_HINT = QT_TRANSLATE_NOOP("AccountForm", "First and last name, as colleagues know them")
KEEP_PIN = QT_TRANSLATE_NOOP("AccountForm", "Empty keeps the PIN; or a new one")
PIN_HINT = QT_TRANSLATE_NOOP("AccountForm", "4 to 8 digits")
AGAIN_HINT = QT_TRANSLATE_NOOP("AccountForm", "The same PIN again")


@dataclass(frozen=True)
class AccountEntry:
    """What the form holds, checked."""

    name: str
    roles: frozenset[Role]
    pin: str


class AccountForm(QWidget):
    """Name, roles and PIN. ``fixed`` roles are ticked and cannot be unticked."""

    def __init__(
        self,
        fixed: frozenset[Role] = frozenset(),
        ticked: frozenset[Role] = frozenset(),
        parent: QWidget | None = None,
        *,
        name: str = "",
    ) -> None:
        """``name``: an existing account's, which cannot change; its PIN may stay as it is."""
        super().__init__(parent)
        self._existing = bool(name)
        form = QFormLayout(self)
        form.setVerticalSpacing(10)
        self.name = QLineEdit()
        say(self.name, NAME_HINT, "setPlaceholderText")
        self.name.setMaxLength(80)
        self.name.setText(name)
        self.name.setReadOnly(self._existing)
        form.addRow(self._row_label(QT_TRANSLATE_NOOP("AccountForm", "Name")), self.name)
        # Three to a row: the longest role names (Spanish, French) fit the smallest screen.
        roles = QGridLayout()
        roles.setHorizontalSpacing(28)  # each name clear of the next box: never misread
        roles.setVerticalSpacing(8)
        self.roles: dict[Role, QCheckBox] = {}
        for n, (role, words) in enumerate(ROLE_WORDS.items()):
            box = QCheckBox()
            say(box, words)
            box.setChecked(role in fixed or role in ticked)
            box.setEnabled(role not in fixed)
            self.roles[role] = box
            roles.addWidget(box, n // ROLES_A_ROW, n % ROLES_A_ROW)
        roles.setColumnStretch(ROLES_A_ROW, 1)
        form.addRow(self._row_label(QT_TRANSLATE_NOOP("AccountForm", "Roles")), roles)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        say(self.pin, KEEP_PIN if self._existing else PIN_HINT, "setPlaceholderText")
        form.addRow(self._row_label(QT_TRANSLATE_NOOP("AccountForm", "PIN")), self.pin)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setMaxLength(8)
        say(self.again, AGAIN_HINT, "setPlaceholderText")
        form.addRow(self._row_label(QT_TRANSLATE_NOOP("AccountForm", "PIN again")), self.again)

    @staticmethod
    def _row_label(words: str) -> QLabel:
        line = QLabel()
        say(line, words)
        return line

    def entry(self) -> AccountEntry | str:
        """The checked entry, or a sentence saying what to put right. For an existing account
        left without a new PIN, the entry's PIN is empty."""
        name = " ".join(self.name.text().split())
        if not name:
            return QT_TRANSLATE_NOOP("AccountForm", "Type the person's name.")
        roles = frozenset(role for role, box in self.roles.items() if box.isChecked())
        if not roles:
            return QT_TRANSLATE_NOOP("AccountForm", "Tick at least one role.")
        pin = self.pin.text()
        if self._existing and not pin and not self.again.text():
            return AccountEntry(name, roles, "")
        problem = pin_problem(pin, name=name)
        if problem:
            return problem
        if pin != self.again.text():
            return QT_TRANSLATE_NOOP(
                "AccountForm", "The two PINs are not the same; type them again."
            )
        return AccountEntry(name, roles, pin)

    def clear(self) -> None:
        self.name.clear()
        self.pin.clear()
        self.again.clear()
