"""The admin's page: staff accounts (add, change roles, set a new PIN, make inactive), the
audit trail (sign-ins, locks, every record, exports, account changes), newest first, and this
room PC's settings (room name, kiosk, autostart, idle lock, volume limit, backups).

Only an admin reaches it; the store checks again (:func:`kapdesk.core.staff.require`), so a
button is never the only guard. Reading the trail here is itself written to it.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.room import LONGEST_NAME, RoomSettings
from kapdesk.core.staff import PermissionDeniedError, Role
from kapdesk.ui import formats
from kapdesk.ui.account_form import ROLE_WORDS, AccountEntry, AccountForm
from kapdesk.ui.backup_section import BackupSection, CalmNotice
from kapdesk.ui.widgets import (
    ActionButton,
    FormBody,
    dialog_footer,
    fill_table,
    in_place_of,
    label,
    read_only_table,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from kapdesk.core.staff import StaffMember
    from kapdesk.storage.staff import AuditLine, StaffStore
    from kapdesk.ui.storage_ops import StorageOps

AUDIT_DAYS = 30  # the trail opens on the last month


def detail_text(detail: Mapping[str, object]) -> str:
    """``roles: admin, nurse; active: no`` from an audit line's details."""

    def words(value: object) -> str:
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return str(value)

    return "; ".join(f"{key}: {words(value)}" for key, value in detail.items())


class AccountDialog(QDialog):
    """Adds an account, or changes one (``member``)."""

    def __init__(self, member: StaffMember | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change account" if member else "Add account")
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.form = AccountForm(
            ticked=member.roles if member else frozenset({Role.SITTER}),
            name=member.name if member else "",
        )
        layout.addWidget(self.form)
        self.problems, self.save_button = dialog_footer(self, layout, "Save", self.submit)
        self.entry: AccountEntry | None = None

    def submit(self) -> None:
        entry = self.form.entry()
        if isinstance(entry, str):
            self.refuse(entry)
            return
        self.entry = entry
        self.accept()

    def refuse(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()


class StaffView(QWidget):
    """Accounts and the audit trail, for an admin."""

    back_requested = Signal()
    accounts_changed = Signal()  # the member signed in may have changed with them

    def __init__(self, ops: StorageOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.store: StaffStore | None = None
        self.admin: StaffMember | None = None
        self.members: list[StaffMember] = []
        self.trail: list[AuditLine] = []
        self.dialog: AccountDialog | None = None
        self.room_saver: Callable[[RoomSettings], str | None] | None = None  # set by the window
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 28, 40, 28)
        outer.setSpacing(12)
        header = QHBoxLayout()
        header.addWidget(label("Staff and audit trail", "title"), 1)
        header.addWidget(ActionButton("Back", "Esc", self.back_requested.emit, self))
        outer.addLayout(header)
        self.backup_notice = CalmNotice(self)  # backups need a look (the window says)
        outer.addWidget(self.backup_notice)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        accounts = QWidget()
        column = QVBoxLayout(accounts)
        self.accounts = read_only_table(("Name", "Roles", "State"), accounts, rows_selectable=True)
        self.accounts.itemDoubleClicked.connect(lambda _item: self.change_selected())
        column.addWidget(self.accounts, 1)
        buttons = QHBoxLayout()
        self.add_button = ActionButton("Add account", "Ctrl+N", self.add, accounts, primary=True)
        self.change_button = ActionButton(
            "Change roles or PIN", "Ctrl+E", self.change_selected, accounts
        )
        self.active_button = ActionButton(
            "Make inactive / active", "Ctrl+D", self.toggle_selected, accounts
        )
        for button in (self.add_button, self.change_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch()
        column.addLayout(buttons)
        self.tabs.addTab(accounts, "Accounts")

        trail = QWidget()
        column = QVBoxLayout(trail)
        since = QHBoxLayout()
        since.addWidget(label("From", "muted"))
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat(formats.edit_format("d MMM yyyy"))
        self.since.dateChanged.connect(lambda _date: self.load_trail())
        since.addWidget(self.since)
        since.addStretch()
        column.addLayout(since)
        self.trail_table = read_only_table(
            ("When", "Who", "What", "Subject", "Detail"), trail, rows_selectable=False
        )
        column.addWidget(self.trail_table, 1)
        self.tabs.addTab(trail, "Audit trail")
        self.tabs.addTab(self._room_tab(), "This room PC")
        self.tabs.currentChanged.connect(lambda index: self.load_trail() if index == 1 else None)
        self.message = label("", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)

    def _room_tab(self) -> QWidget:
        """The room PC's settings: they scroll on a short screen, Save stays in view."""
        self._room_shown = RoomSettings()
        tab = QWidget()
        outer = QVBoxLayout(tab)
        body = FormBody(tab)
        fields = QWidget()
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.room_name = QLineEdit()
        self.room_name.setMaxLength(LONGEST_NAME)
        self.room_name.setPlaceholderText("e.g. Room 2 (shown in the title bar)")
        form.addRow("Room name", self.room_name)
        self.room_kiosk = QCheckBox(
            "Fill the screen, no window frame (staff leave with Ctrl+Shift+Q)"
        )
        form.addRow("Kiosk", self.room_kiosk)
        self.room_autostart = QCheckBox("Start kapdesk when this PC's account logs in")
        form.addRow("Autostart", self.room_autostart)
        lock_row = QHBoxLayout()
        self.room_lock_own = QCheckBox("Not the clinic's, but:")
        self.room_lock = QSpinBox()
        self.room_lock.setRange(0, 240)
        self.room_lock.setSuffix(" min (0: never)")
        self.room_lock.setFixedWidth(240)
        self.room_lock_own.toggled.connect(self.room_lock.setEnabled)
        lock_row.addWidget(self.room_lock_own)
        lock_row.addWidget(self.room_lock)
        lock_row.addStretch()
        form.addRow("Idle lock", lock_row)
        self.room_volume = QSpinBox()
        self.room_volume.setRange(5, 100)
        self.room_volume.setSuffix(" % of full volume")
        self.room_volume.setFixedWidth(240)
        form.addRow("Loudest sound", self.room_volume)
        self.room_board_patients = QCheckBox("Show patient codes on this PC's clinic board")
        form.addRow("Clinic board", self.room_board_patients)
        self.room_server = label("", "muted")
        form.addRow("Records kept", self.room_server)
        self.backups = BackupSection(self)
        self.backups.fill(form)
        column.addLayout(form)
        self.room_note = label("", "muted")
        self.room_note.setWordWrap(True)
        column.addWidget(self.room_note)
        column.addStretch()
        body.setWidget(fields)
        outer.addWidget(body, 1)
        row = QHBoxLayout()
        row.addStretch()
        self.room_save = ActionButton("Save", "Ctrl+S", self.save_room, tab, primary=True)
        row.addWidget(self.room_save)
        outer.addLayout(row)
        return tab

    def show_room(self, room: RoomSettings, note: str) -> None:
        self.room_name.setText(room.room_name)
        self.room_kiosk.setChecked(room.kiosk)
        self.room_autostart.setChecked(room.autostart)
        self.room_lock_own.setChecked(room.lock_minutes is not None)
        self.room_lock.setEnabled(room.lock_minutes is not None)
        # Whole minutes here; a hand-written 0.5 rounds up, never down to "never".
        self.room_lock.setValue(
            math.ceil(room.lock_minutes if room.lock_minutes is not None else 5)
        )
        self.room_volume.setValue(round(room.volume_limit * 100))
        self.room_board_patients.setChecked(room.board_shows_patients)
        self.room_server.setText(
            f"On the clinic server {room.database} (an admin changes it with kapdesk connect)"
            if room.database
            else "On this PC (kapdesk connect points a room at the clinic's server)"
        )
        self.backups.show_settings(room)
        self.room_note.setText(note)
        self._room_shown = room

    def room_entered(self) -> RoomSettings:
        # Settings this tab does not edit (the clinic server) are kept as they are.
        return replace(
            self.backups.entered(self._room_shown),
            board_shows_patients=self.room_board_patients.isChecked(),
            room_name=" ".join(self.room_name.text().split()),
            kiosk=self.room_kiosk.isChecked(),
            autostart=self.room_autostart.isChecked(),
            lock_minutes=float(self.room_lock.value()) if self.room_lock_own.isChecked() else None,
            volume_limit=self.room_volume.value() / 100,
        )

    def save_room(self) -> None:
        if self.room_saver is None:
            return
        problem = self.room_saver(self.room_entered())
        if problem:
            self._say(problem)
        else:
            self.message.hide()
            self.room_note.setText("Saved. It applies now (the volume from the next session).")

    # -- loading ------------------------------------------------------------------------------

    def show_for(self, store: StaffStore, admin: StaffMember, today: QDate) -> None:
        self.store, self.admin = store, admin
        self.since.blockSignals(True)
        self.since.setDate(today.addDays(-AUDIT_DAYS))
        self.since.blockSignals(False)
        self.tabs.setCurrentIndex(0)
        self.load_accounts()

    def load_accounts(self) -> None:
        """Read the accounts off the window's thread; the table fills when they come."""
        store = self.store
        if store is None:
            return
        self.ops.run(store.accounts, self._show_accounts, failed=self._say, what="Staff accounts")

    def _show_accounts(self, members: list[StaffMember]) -> None:
        self.members = members
        rows = [
            (
                m.name,
                ", ".join(ROLE_WORDS[r] for r in Role if r in m.roles),
                "active" if m.active else "inactive",
            )
            for m in self.members
        ]
        fill_table(self.accounts, rows)
        if self.members:
            self.accounts.selectRow(0)

    def load_trail(self) -> None:
        if self.store is None or self.admin is None:
            return
        day = self.since.date().toPython()
        since = datetime.combine(day, time()).astimezone()  # type: ignore[arg-type]
        store, admin = self.store, self.admin

        def read() -> list[AuditLine] | str:  # on a worker thread
            try:
                return store.audit_trail(since, reader=admin)
            except PermissionDeniedError as exc:
                return f"{exc}."

        self.ops.run(read, self._show_trail, failed=self._say, what="The audit trail")

    def _show_trail(self, trail: list[AuditLine] | str) -> None:
        if isinstance(trail, str):  # refused
            self._say(trail)
            return
        self.trail = trail
        rows = [
            (
                formats.day_time(line.at, seconds=True),
                line.who or "-",
                line.action.replace("_", " "),
                line.subject,
                detail_text(line.detail),
            )
            for line in reversed(self.trail)
        ]
        fill_table(self.trail_table, rows)

    # -- accounts -----------------------------------------------------------------------------

    def selected(self) -> StaffMember | None:
        row = self.accounts.currentRow()
        return self.members[row] if 0 <= row < len(self.members) else None

    def add(self) -> None:
        self._open(AccountDialog(None, self))

    def change_selected(self) -> None:
        member = self.selected()
        if member is not None:
            self._open(AccountDialog(member, self))

    def _open(self, dialog: AccountDialog) -> None:
        self.dialog = in_place_of(self.dialog, dialog)
        dialog.accepted.connect(self._save)
        dialog.open()

    def _save(self) -> None:
        dialog, store, admin = self.dialog, self.store, self.admin
        if dialog is None or dialog.entry is None or store is None or admin is None:
            return
        entry = dialog.entry
        existing = dialog.form.name.isReadOnly()

        def write() -> str | None:  # on a worker thread: None once saved, else why not
            try:
                if existing:
                    store.change_account(
                        entry.name, by=admin, roles=entry.roles, pin=entry.pin or None
                    )
                else:
                    store.create_account(entry.name, entry.roles, entry.pin, by=admin)
            except (ValueError, PermissionDeniedError) as exc:
                return str(exc)
            return None

        def refused(text: str) -> None:
            if dialog is not self.dialog:  # another form has opened (and released this one)
                self._say(text)
                return
            dialog.refuse(text)
            dialog.entry = None
            dialog.open()  # back to the form, as it was typed

        late = _LateWrite(self._changed, self._say)
        self.ops.run(
            write,
            lambda why: late.saved(f"{entry.name}'s account") if why is None else refused(why),
            failed=refused,
            what="The account",
            key=f"account {entry.name}",
            write=True,
            unsure=late.unsure,
        )

    def _changed(self) -> None:
        self.message.hide()
        self.load_accounts()
        self.accounts_changed.emit()

    def toggle_selected(self) -> None:
        member, store, admin = self.selected(), self.store, self.admin
        if member is None or store is None or admin is None:
            return

        def write() -> str | None:  # on a worker thread: None once saved, else why not
            try:
                store.change_account(member.name, by=admin, active=not member.active)
            except (ValueError, PermissionDeniedError) as exc:
                return str(exc)
            return None

        late = _LateWrite(self._changed, self._say)
        now = "inactive" if member.active else "active"
        self.ops.run(
            write,
            lambda why: late.saved(f"{member.name} is {now}") if why is None else self._say(why),
            failed=self._say,
            what="The account",
            key=f"account {member.name}",
            write=True,
            unsure=late.unsure,
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class _LateWrite:
    """One account write: once staff were told it is not confirmed yet, its late success is
    said plainly too (a quick one just shows the list as it now is)."""

    def __init__(self, changed: Callable[[], None], say: Callable[[str], None]) -> None:
        self.changed = changed
        self.say = say
        self.told = False

    def unsure(self, text: str) -> None:
        self.told = True
        self.say(text)

    def saved(self, what: str) -> None:
        self.changed()
        if self.told:
            self.say(f"Saved: {what}.")
