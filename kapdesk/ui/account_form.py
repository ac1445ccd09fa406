"""The form for a staff account: the person's name, their roles and their PIN (typed twice).

The same form makes the clinic's first account (the admin, at the first start) and, for an
admin, every account after it. It checks what it can before the store does: a name, a role,
a PIN that :func:`kapdesk.core.staff.pin_problem` accepts, typed the same twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from kapdesk.core.staff import Role, pin_problem

ROLE_WORDS = {
    Role.SITTER: "Sitter",
    Role.NURSE: "Nurse",
    Role.PRESCRIBER: "Prescriber",
    Role.THERAPIST: "Therapist",
    Role.ADMIN: "Admin",
}


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
        self.name.setPlaceholderText("First and last name, as colleagues know them")
        self.name.setMaxLength(80)
        self.name.setText(name)
        self.name.setReadOnly(self._existing)
        form.addRow("Name", self.name)
        roles = QHBoxLayout()
        roles.setSpacing(28)  # each name clear of the next box: a tick is never misread
        self.roles: dict[Role, QCheckBox] = {}
        for role, words in ROLE_WORDS.items():
            box = QCheckBox(words)
            box.setChecked(role in fixed or role in ticked)
            box.setEnabled(role not in fixed)
            self.roles[role] = box
            roles.addWidget(box)
        roles.addStretch()
        form.addRow("Roles", roles)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(
            "Empty keeps the PIN; or a new one" if self._existing else "4 to 8 digits"
        )
        form.addRow("PIN", self.pin)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setMaxLength(8)
        self.again.setPlaceholderText("The same PIN again")
        form.addRow("PIN again", self.again)

    def entry(self) -> AccountEntry | str:
        """The checked entry, or a sentence saying what to put right. For an existing account
        left without a new PIN, the entry's PIN is empty."""
        name = " ".join(self.name.text().split())
        if not name:
            return "Type the person's name."
        roles = frozenset(role for role, box in self.roles.items() if box.isChecked())
        if not roles:
            return "Tick at least one role."
        pin = self.pin.text()
        if self._existing and not pin and not self.again.text():
            return AccountEntry(name, roles, "")
        problem = pin_problem(pin, name=name)
        if problem:
            return problem
        if pin != self.again.text():
            return "The two PINs are not the same; type them again."
        return AccountEntry(name, roles, pin)

    def clear(self) -> None:
        self.name.clear()
        self.pin.clear()
        self.again.clear()
