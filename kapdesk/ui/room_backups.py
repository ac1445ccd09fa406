"""The window's part in backups: the keeper and its schedule made over the open records, a
backup after every session that closes, and what backups say shown where an admin looks (the
admin's page, and the set-up page while an admin is signed in), never during a journey.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kapdesk.backup_keeper import BackupKeeper
from kapdesk.core.staff import Role
from kapdesk.ui.backup_schedule import BackupSchedule
from kapdesk.ui.backup_section import PassphraseDialog

if TYPE_CHECKING:
    from kapdesk.backup_keeper import BackupOutcome
    from kapdesk.core.room import RoomSettings
    from kapdesk.paths import AppPaths
    from kapdesk.ui.backup_schedule import BackupLook
    from kapdesk.ui.window_parts import WindowParts


class RoomBackups(QObject):
    """Backups for the window ``window`` over its records kept in ``paths``' data folder."""

    def __init__(self, window: WindowParts, paths: AppPaths) -> None:
        super().__init__(window)
        self.window = window
        records = window.records
        self.keeper = BackupKeeper(
            records.storage, paths, records.room_pc.room, records.clock, window.staff
        )
        self.schedule = BackupSchedule(self.keeper, self)
        self.dialog: PassphraseDialog | None = None
        self.section = window.staff_view.backups
        self.section.back_up_requested.connect(self.back_up_now)
        self.section.passphrase_requested.connect(self.ask_passphrase)
        self.schedule.started.connect(self._started)
        self.schedule.finished.connect(self._finished)
        self.schedule.looked.connect(self._show)
        self.schedule.passphrase_kept.connect(self._passphrase_kept)
        window.journey_view.session_closed.connect(lambda _id: self.schedule.after_session())
        window.pages.currentChanged.connect(lambda _index: self._page_turned())
        self.schedule.sweep_leftovers()  # a backup killed with an earlier window left them
        self.schedule.look()

    def room_saved(self, room: RoomSettings) -> None:
        """The admin saved the room's settings: backups follow them from now on."""
        self.keeper.room = room
        self.schedule.look()

    def back_up_now(self) -> None:
        member = self.window.member
        self.schedule.back_up_now(member.name if member else "")

    def ask_passphrase(self) -> None:
        from kapdesk.storage.encryption import passphrase_problem  # noqa: PLC0415

        self.dialog = PassphraseDialog(passphrase_problem, self.window.staff_view)
        self.dialog.accepted.connect(self._passphrase_typed)
        self.dialog.open()

    def _passphrase_typed(self) -> None:
        dialog, member = self.dialog, self.window.member
        if dialog is None:
            return
        self.section.show_passphrase_state("Keeping it in the OS keyring…")
        self.schedule.keep_passphrase(dialog.passphrase, member.name if member else "")
        dialog.passphrase = ""

    def _passphrase_kept(self, problem: str | None) -> None:
        if problem is None:
            self.section.show_passphrase_state("Kept in the OS keyring.")
            return
        self.section.show_passphrase_state(
            f"Not kept: {problem}. Without a keyring on this PC kapdesk cannot make encrypted "
            "backups by itself; ask IT to set KAPDESK_BACKUP_PASSPHRASE for kapdesk."
        )

    def _started(self, _why: str) -> None:
        self.section.working()

    def _finished(self, outcome: BackupOutcome) -> None:
        if self.schedule.running == 0:
            self.section.done(outcome)

    def _show(self, look: BackupLook) -> None:
        self.section.show_look(look)
        if look.needs_passphrase and not self.section.passphrase_state.text():
            self.section.show_passphrase_state(
                "Kept in the OS keyring."
                if look.passphrase_kept
                else "None set yet: no encrypted backup can be made until one is."
            )
        self.window.staff_view.backup_notice.say(look.notice)
        self._show_notice()

    def _page_turned(self) -> None:
        if self.window.pages.currentWidget() is self.window.staff_view:
            self.schedule.look()  # what the admin's page shows is as it is now
        self._show_notice()

    def _show_notice(self) -> None:
        """The calm notice on the set-up page, for an admin only (never on the journey)."""
        member, look = self.window.member, self.schedule.last_look
        admin = member is not None and Role.ADMIN in member.roles
        notice = look.notice if look is not None and admin else None
        self.window.setup_view.backup_notice.say(notice)
