"""The window's part in backups: the keeper and its schedule made over the open records, a
backup after every session that closes, and what backups say shown where an admin looks (the
admin's page, and the set-up page while an admin is signed in), never during a journey.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from kapdesk.backup_keeper import BackupKeeper
from kapdesk.core.staff import Role
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui.backup_schedule import BackupSchedule

if TYPE_CHECKING:
    from kapdesk.backup_keeper import BackupOutcome
    from kapdesk.core.room import RoomSettings
    from kapdesk.paths import AppPaths
    from kapdesk.ui.backup_schedule import BackupLook
    from kapdesk.ui.backup_section import BackupSection, PassphraseDialog
    from kapdesk.ui.window_parts import WindowParts


# The leftovers' sweep and the first look wait this long after the window is shown: nothing
# competes with the first page for the window's thread (the look may load the keyring's
# modules). Nothing is said of backups before the look returns.
START_AFTER_SHOWN_MS = 3_000

KEEPING = QT_TRANSLATE_NOOP("RoomBackups", "Keeping it in the OS keyring…")
KEPT = QT_TRANSLATE_NOOP("RoomBackups", "Kept in the OS keyring.")
NOT_KEPT = QT_TRANSLATE_NOOP(
    "RoomBackups",
    "Not kept: {problem}. Without a keyring on this PC kapdesk cannot make encrypted "
    "backups by itself; ask IT to set KAPDESK_BACKUP_PASSPHRASE for kapdesk.",
)
NONE_SET = QT_TRANSLATE_NOOP(
    "RoomBackups", "None set yet: no encrypted backup can be made until one is."
)


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
        self._outcome: BackupOutcome | None = None  # the last, for the admin's page once built
        self._start_asked = False
        self.schedule.started.connect(self._started)
        self.schedule.finished.connect(self._finished)
        self.schedule.looked.connect(self._show)
        self.schedule.passphrase_kept.connect(self._passphrase_kept)
        window.when_built("journey", self._journey_built)
        window.when_built("staff", self._staff_built)
        window.when_built("setup", self._show_notice)  # what came before the page, now
        window.pages.currentChanged.connect(lambda _index: self._page_turned())

    @property
    def section(self) -> BackupSection:
        """The backups' part of the admin's page (built by reading it)."""
        return self.window.staff_view.backups

    def start_soon(self) -> None:
        """The window is shown: the sweep and the first look a few seconds from now."""
        if not self._start_asked:
            self._start_asked = True
            QTimer.singleShot(START_AFTER_SHOWN_MS, self, self.start)

    def start(self) -> None:
        self.schedule.sweep_leftovers()  # a backup killed with an earlier window left them
        self.schedule.look()

    def _journey_built(self) -> None:
        self.window.journey_view.session_closed.connect(lambda _id: self.schedule.after_session())

    def _staff_built(self) -> None:
        """The admin's page exists: it shows what backups said before it did, and asks the
        keyring whether the passphrase is kept from now on."""
        section = self.section
        section.back_up_requested.connect(self.back_up_now)
        section.passphrase_requested.connect(self.ask_passphrase)
        self.schedule.keyring_wanted = True
        if self.schedule.running:
            section.working()
        elif self._outcome is not None:
            section.done(self._outcome)
        if self.schedule.last_look is not None:
            self._show(self.schedule.last_look)

    def room_saved(self, room: RoomSettings) -> None:
        """The admin saved the room's settings: backups follow them from now on."""
        self.keeper.room = room
        self.schedule.look()

    def back_up_now(self) -> None:
        member = self.window.member
        self.schedule.back_up_now(member.name if member else "")

    def ask_passphrase(self) -> None:
        from kapdesk.storage.encryption import passphrase_problem  # noqa: PLC0415
        from kapdesk.ui.backup_section import PassphraseDialog  # noqa: PLC0415  (the page's)
        from kapdesk.ui.widgets import in_place_of  # noqa: PLC0415

        form = PassphraseDialog(passphrase_problem, self.window.staff_view)
        self.dialog = in_place_of(self.dialog, form)  # the one before is let go
        self.dialog.accepted.connect(self._passphrase_typed)
        self.dialog.open()

    def _passphrase_typed(self) -> None:
        dialog, member = self.dialog, self.window.member
        if dialog is None:
            return
        self.section.show_passphrase_state(KEEPING)
        self.schedule.keep_passphrase(dialog.passphrase, member.name if member else "")
        dialog.passphrase = ""

    def _passphrase_kept(self, problem: str | None) -> None:
        if problem is None:
            self.section.show_passphrase_state(KEPT)
            return
        self.section.show_passphrase_state(NOT_KEPT.format(problem=problem))

    def _started(self, _why: str) -> None:
        if self.window.page_built("staff"):
            self.section.working()

    def _finished(self, outcome: BackupOutcome) -> None:
        self._outcome = outcome
        if self.schedule.running == 0 and self.window.page_built("staff"):
            self.section.done(outcome)

    def _show(self, look: BackupLook) -> None:
        if self.window.page_built("staff"):
            section = self.section
            section.show_look(look)
            known = look.passphrase_kept is not None  # else the keyring was not asked yet
            if look.needs_passphrase and known and not section.passphrase_state.text():
                section.show_passphrase_state(KEPT if look.passphrase_kept else NONE_SET)
            self.window.staff_view.backup_notice.say(look.notice)
        self._show_notice()

    def _page_turned(self) -> None:
        if self.window.page_name(self.window.pages.currentWidget()) == "staff":
            self.schedule.look()  # what the admin's page shows is as it is now
        self._show_notice()

    def _show_notice(self) -> None:
        """The calm notice on the set-up page, for an admin only (never on the journey)."""
        member, look = self.window.member, self.schedule.last_look
        admin = member is not None and Role.ADMIN in member.roles
        notice = look.notice if look is not None and admin else None
        if self.window.page_built("setup"):  # else said as it is built
            self.window.setup_view.backup_notice.say(notice)
