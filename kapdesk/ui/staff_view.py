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
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.room import LONGEST_NAME, RoomSettings
from kapdesk.core.staff import PermissionDeniedError, Role
from kapdesk.core.words import QT_TRANSLATE_NOOP
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
from kapdesk.ui.words import redraw_when_spoken, say, say_button, translated, words_of

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from kapdesk.core.staff import StaffMember
    from kapdesk.storage.staff import AuditLine, StaffStore
    from kapdesk.ui.storage_ops import StorageOps

AUDIT_DAYS = 30  # the trail opens on the last month

ACCOUNT_HEADS = (
    QT_TRANSLATE_NOOP("StaffView", "Name"),
    QT_TRANSLATE_NOOP("StaffView", "Roles"),
    QT_TRANSLATE_NOOP("StaffView", "State"),
)
TRAIL_HEADS = (
    QT_TRANSLATE_NOOP("StaffView", "When"),
    QT_TRANSLATE_NOOP("StaffView", "Who"),
    QT_TRANSLATE_NOOP("StaffView", "What"),
    QT_TRANSLATE_NOOP("StaffView", "Subject"),
    QT_TRANSLATE_NOOP("StaffView", "Detail"),
)
TABS = (
    QT_TRANSLATE_NOOP("StaffView", "Accounts"),
    QT_TRANSLATE_NOOP("StaffView", "Audit trail"),
    QT_TRANSLATE_NOOP("StaffView", "This room PC"),
)
ACTIVE = QT_TRANSLATE_NOOP("StaffView", "active")
INACTIVE = QT_TRANSLATE_NOOP("StaffView", "inactive")
ON_SERVER = QT_TRANSLATE_NOOP(
    "StaffView",
    "On the clinic server {database} (an admin changes it with kapdesk connect)",
)
ON_THIS_PC = QT_TRANSLATE_NOOP(
    "StaffView", "On this PC (kapdesk connect points a room at the clinic's server)"
)
ROOM_SAVED = QT_TRANSLATE_NOOP(
    "StaffView", "Saved. It applies now (the volume from the next session)."
)
REFUSED = QT_TRANSLATE_NOOP("StaffView", "{reason}.")
SAVED_ACCOUNT = QT_TRANSLATE_NOOP("StaffView", "Saved: {name}'s account.")
SAVED_ACTIVE = QT_TRANSLATE_NOOP("StaffView", "Saved: {name} is active.")
SAVED_INACTIVE = QT_TRANSLATE_NOOP("StaffView", "Saved: {name} is inactive.")
STAFF_ACCOUNTS = QT_TRANSLATE_NOOP("StaffView", "Staff accounts")
THE_TRAIL = QT_TRANSLATE_NOOP("StaffView", "The audit trail")
THE_ACCOUNT = QT_TRANSLATE_NOOP("StaffView", "The account")


def _fit_words(box: QSpinBox) -> None:
    """A spin box as wide as its suffix needs in the language spoken, never under 240 px."""
    box.setMinimumWidth(240)
    box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


def row_label(words: str) -> QLabel:
    """A form row's name, said in the language spoken."""
    line = QLabel()
    say(line, words)
    return line


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
        say(
            self,
            QT_TRANSLATE_NOOP("StaffView", "Change account")
            if member
            else QT_TRANSLATE_NOOP("StaffView", "Add account"),
            "setWindowTitle",
        )
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.form = AccountForm(
            ticked=member.roles if member else frozenset({Role.SITTER}),
            name=member.name if member else "",
        )
        layout.addWidget(self.form)
        self.problems, self.save_button = dialog_footer(
            self, layout, QT_TRANSLATE_NOOP("StaffView", "Save"), self.submit
        )
        self.entry: AccountEntry | None = None

    def submit(self) -> None:
        entry = self.form.entry()
        if isinstance(entry, str):
            self.refuse(entry)
            return
        self.entry = entry
        self.accept()

    def refuse(self, text: str) -> None:
        say(self.problems, text)
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
        title = label("", "title")
        say(title, QT_TRANSLATE_NOOP("StaffView", "Staff and audit trail"))
        header.addWidget(title, 1)
        back = ActionButton("", "Esc", self.back_requested.emit, self)
        say_button(back, QT_TRANSLATE_NOOP("StaffView", "Back"))
        header.addWidget(back)
        outer.addLayout(header)
        self.backup_notice = CalmNotice(self)  # backups need a look (the window says)
        outer.addWidget(self.backup_notice)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        self.tabs.addTab(self._accounts_tab(), "")

        trail = QWidget()
        column = QVBoxLayout(trail)
        since = QHBoxLayout()
        since_label = label("", "muted")
        say(since_label, QT_TRANSLATE_NOOP("StaffView", "From"))
        since.addWidget(since_label)
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat(formats.edit_format("d MMM yyyy"))
        self.since.dateChanged.connect(lambda _date: self.load_trail())
        since.addWidget(self.since)
        since.addStretch()
        column.addLayout(since)
        self.trail_table = read_only_table(TRAIL_HEADS, trail, rows_selectable=False)
        column.addWidget(self.trail_table, 1)
        self.tabs.addTab(trail, "")
        self.tabs.addTab(self._room_tab(), "")
        self.tabs.currentChanged.connect(lambda index: self.load_trail() if index == 1 else None)
        self.message = label("", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        self._say_heads()
        redraw_when_spoken(self._respeak)

    def _say_heads(self) -> None:
        """The tabs' and the tables' headings, in the language spoken."""
        for index, words in enumerate(TABS):
            self.tabs.setTabText(index, translated(words))
        self.accounts.setHorizontalHeaderLabels([translated(head) for head in ACCOUNT_HEADS])
        self.trail_table.setHorizontalHeaderLabels([translated(head) for head in TRAIL_HEADS])

    def _respeak(self) -> None:
        """The language changed: the headings and the accounts' roles and states again."""
        self._say_heads()
        if self.members:
            row = self.accounts.currentRow()
            self._show_accounts(self.members)
            if 0 <= row < len(self.members):
                self.accounts.selectRow(row)

    def _accounts_tab(self) -> QWidget:
        """The accounts, and the buttons that add and change them."""
        accounts = QWidget()
        column = QVBoxLayout(accounts)
        self.accounts = read_only_table(ACCOUNT_HEADS, accounts, rows_selectable=True)
        self.accounts.itemDoubleClicked.connect(lambda _item: self.change_selected())
        column.addWidget(self.accounts, 1)
        buttons = QHBoxLayout()
        self.add_button = ActionButton("", "Ctrl+N", self.add, accounts, primary=True)
        say_button(self.add_button, QT_TRANSLATE_NOOP("StaffView", "Add account"))
        self.change_button = ActionButton("", "Ctrl+E", self.change_selected, accounts)
        say_button(self.change_button, QT_TRANSLATE_NOOP("StaffView", "Change roles or PIN"))
        self.active_button = ActionButton("", "Ctrl+D", self.toggle_selected, accounts)
        say_button(self.active_button, QT_TRANSLATE_NOOP("StaffView", "Make inactive / active"))
        for button in (self.add_button, self.change_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch()
        column.addLayout(buttons)
        return accounts

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
        say(
            self.room_name,
            QT_TRANSLATE_NOOP("StaffView", "e.g. Room 2 (shown in the title bar)"),
            "setPlaceholderText",
        )
        form.addRow(row_label(QT_TRANSLATE_NOOP("StaffView", "Room name")), self.room_name)
        self.room_kiosk = QCheckBox()
        say(
            self.room_kiosk,
            QT_TRANSLATE_NOOP(
                "StaffView", "Fill the screen, no window frame (staff leave with Ctrl+Shift+Q)"
            ),
        )
        form.addRow(row_label(QT_TRANSLATE_NOOP("StaffView", "Kiosk")), self.room_kiosk)
        self.room_autostart = QCheckBox()
        say(
            self.room_autostart,
            QT_TRANSLATE_NOOP("StaffView", "Start kapdesk when this PC's account logs in"),
        )
        form.addRow(row_label(QT_TRANSLATE_NOOP("StaffView", "Autostart")), self.room_autostart)
        lock_row = QHBoxLayout()
        self.room_lock_own = QCheckBox()
        say(self.room_lock_own, QT_TRANSLATE_NOOP("StaffView", "Not the clinic's, but:"))
        self.room_lock = QSpinBox()
        self.room_lock.setRange(0, 240)
        say(self.room_lock, QT_TRANSLATE_NOOP("StaffView", " min (0: never)"), "setSuffix")
        _fit_words(self.room_lock)
        self.room_lock_own.toggled.connect(self.room_lock.setEnabled)
        lock_row.addWidget(self.room_lock_own)
        lock_row.addWidget(self.room_lock)
        lock_row.addStretch()
        form.addRow(row_label(QT_TRANSLATE_NOOP("StaffView", "Idle lock")), lock_row)
        self.room_volume = QSpinBox()
        self.room_volume.setRange(5, 100)
        say(self.room_volume, QT_TRANSLATE_NOOP("StaffView", " % of full volume"), "setSuffix")
        _fit_words(self.room_volume)
        form.addRow(row_label(QT_TRANSLATE_NOOP("StaffView", "Loudest sound")), self.room_volume)
        self.room_board_patients = QCheckBox()
        say(
            self.room_board_patients,
            QT_TRANSLATE_NOOP("StaffView", "Show patient codes on this PC's clinic board"),
        )
        form.addRow(
            row_label(QT_TRANSLATE_NOOP("StaffView", "Clinic board")), self.room_board_patients
        )
        self.room_server = label("", "muted")
        form.addRow(row_label(QT_TRANSLATE_NOOP("StaffView", "Records kept")), self.room_server)
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
        self.room_save = ActionButton("", "Ctrl+S", self.save_room, tab, primary=True)
        say_button(self.room_save, QT_TRANSLATE_NOOP("StaffView", "Save"))
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
        say(
            self.room_server,
            ON_SERVER.format(database=room.database) if room.database else ON_THIS_PC,
        )
        self.backups.show_settings(room)
        say(self.room_note, note)
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
            say(self.room_note, ROOM_SAVED)

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
        self.ops.run(store.accounts, self._show_accounts, failed=self._say, what=STAFF_ACCOUNTS)

    def _show_accounts(self, members: list[StaffMember]) -> None:
        self.members = members
        rows = [
            (
                m.name,
                ", ".join(translated(ROLE_WORDS[r]) for r in Role if r in m.roles),
                translated(ACTIVE if m.active else INACTIVE),
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
                return REFUSED.format(reason=words_of(exc))

        self.ops.run(read, self._show_trail, failed=self._say, what=THE_TRAIL)

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
                return words_of(exc)
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
            lambda why: (
                late.saved(SAVED_ACCOUNT.format(name=entry.name)) if why is None else refused(why)
            ),
            failed=refused,
            what=THE_ACCOUNT,
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
                return words_of(exc)
            return None

        late = _LateWrite(self._changed, self._say)
        saved = (SAVED_INACTIVE if member.active else SAVED_ACTIVE).format(name=member.name)
        self.ops.run(
            write,
            lambda why: late.saved(saved) if why is None else self._say(why),
            failed=self._say,
            what=THE_ACCOUNT,
            key=f"account {member.name}",
            write=True,
            unsure=late.unsure,
        )

    def _say(self, text: str) -> None:
        say(self.message, text)
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

    def saved(self, message: str) -> None:
        """The write is done; ``message`` says what was saved ("Saved: Ana's account.")."""
        self.changed()
        if self.told:
            self.say(message)
