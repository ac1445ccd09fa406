"""The Backups part of the admin's "This room PC" tab: where backups go, whether they are
encrypted (and with which passphrase), how many are kept, "Back up now", the last good backup,
and the calm notice an admin sees when backups need a look (on the admin's page and set-up).

It only shows and asks: the window's :class:`kapdesk.ui.backup_schedule.BackupSchedule` makes
the backups off the window's thread, and the room's settings are saved with the rest of the tab.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.room import MOST_KEPT
from kapdesk.core.wall_text import Day
from kapdesk.core.wording import size_text
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui import formats
from kapdesk.ui.widgets import dialog_footer, label
from kapdesk.ui.words import say

if TYPE_CHECKING:
    from collections.abc import Callable

    from kapdesk.backup_keeper import BackupOutcome, LastGoodBackup
    from kapdesk.core.room import RoomSettings
    from kapdesk.ui.backup_schedule import BackupLook

UNENCRYPTED_WARNING = QT_TRANSLATE_NOOP(
    "BackupSection",
    "Anyone who has the drive or the share can read every patient's record in an unencrypted "
    "backup. Leave this off unless the backup folder is itself locked away.",
)

# Why no backup was made, by why one was started (one sentence each: word order differs).
NOT_MADE = {
    "session closed": QT_TRANSLATE_NOOP(
        "BackupSection", "No backup was made after the last session closed. {problem}"
    ),
    "daily": QT_TRANSLATE_NOOP("BackupSection", "No backup was made today. {problem}"),
}
NOT_MADE_NOW = QT_TRANSLATE_NOOP("BackupSection", "No backup was made. {problem}")
NOT_MADE_ON = QT_TRANSLATE_NOOP("BackupSection", "No backup was made on {when}. {problem}")
MADE = QT_TRANSLATE_NOOP("BackupSection", "Backed up and checked: {file}.")
NONE_YET = QT_TRANSLATE_NOOP("BackupSection", "None yet.")
SESSIONS = QT_TRANSLATE_NOOP(
    "BackupSection",
    "{when} · {size} · %n session|{when} · {size} · %n sessions",
)
PLACE = QT_TRANSLATE_NOOP("BackupSection", "{file}, in {folder}")
BACK_UP_NOW = QT_TRANSLATE_NOOP("BackupSection", "Back up now")
BACKING_UP = QT_TRANSLATE_NOOP("BackupSection", "Backing up…")
ON_SERVER = QT_TRANSLATE_NOOP(
    "BackupSection",
    "The clinic server's own tools back up this room's records (see docs/backup.md).",
)
BACKUP_FOLDER = QT_TRANSLATE_NOOP("BackupSection", "Backup folder")
PASSPHRASE = QT_TRANSLATE_NOOP("BackupSection", "Passphrase")


def row_label(words: str, role: str = "") -> QLabel:
    """A form row's name, said in the language spoken."""
    line = label("", role)
    say(line, words)
    return line


def last_good_text(last: LastGoodBackup | None) -> str:
    """The last good backup in a line: when, how big, how many sessions it holds."""
    if last is None:
        return NONE_YET
    when = formats.day_time(last.made_at)
    return SESSIONS.format(when=when, size=size_text(last.size), count=last.sessions)


def last_place_text(last: LastGoodBackup | None) -> str:
    """Where the last good backup is: its file, in its folder."""
    return PLACE.format(file=last.file, folder=last.folder) if last is not None else ""


class CalmNotice(QFrame):
    """A calm line for an admin (never a sound, never a pop-up): hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.setProperty("tone", "calm")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)  # one quiet line, little height taken
        self.text = label("", "")
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.hide()

    def say(self, text: str | None) -> None:
        say(self.text, text or "")
        self.setVisible(bool(text))


class PassphraseDialog(QDialog):
    """The backup passphrase, typed twice and checked for strength before it is kept."""

    def __init__(
        self, problem_of: Callable[[str], str | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        say(self, QT_TRANSLATE_NOOP("BackupSection", "Backup passphrase"), "setWindowTitle")
        self.setMinimumWidth(560)
        self._problem_of = problem_of
        layout = QVBoxLayout(self)
        layout.addWidget(
            row_label(
                QT_TRANSLATE_NOOP(
                    "BackupSection",
                    "Backups are encrypted with this passphrase. Keep a copy on paper "
                    "somewhere safe: a backup cannot be restored without it.",
                ),
                "muted",
            )
        )
        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(row_label(PASSPHRASE), self.first)
        form.addRow(row_label(QT_TRANSLATE_NOOP("BackupSection", "Again")), self.again)
        layout.addLayout(form)
        self.problems, self.save_button = dialog_footer(
            self, layout, QT_TRANSLATE_NOOP("BackupSection", "Keep"), self.submit
        )
        self.passphrase = ""

    def submit(self) -> None:
        typed = self.first.text()
        problem = self._problem_of(typed)
        if problem is None and typed != self.again.text():
            problem = QT_TRANSLATE_NOOP("BackupSection", "The two passphrases are not the same.")
        if problem is not None:
            say(self.problems, problem)
            self.problems.show()
            return
        self.passphrase = typed
        self.accept()


class BackupSection(QObject):
    """Backups on the "This room PC" tab: rows of the tab's own form (:meth:`fill`), so they
    line up with the room's other settings."""

    back_up_requested = Signal()
    passphrase_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = QLineEdit()
        say(
            self.folder,
            QT_TRANSLATE_NOOP("BackupSection", "e.g. /media/usb/kapdesk (empty: no backups)"),
            "setPlaceholderText",
        )
        self.choose_button = QPushButton()
        say(self.choose_button, QT_TRANSLATE_NOOP("BackupSection", "Choose…"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.file_dialog: QFileDialog | None = None
        self.unencrypted = QCheckBox()
        say(self.unencrypted, QT_TRANSLATE_NOOP("BackupSection", "Keep backups unencrypted"))
        self.unencrypted_warning = row_label(UNENCRYPTED_WARNING, "muted")
        self.passphrase_button = QPushButton()
        say(
            self.passphrase_button,
            QT_TRANSLATE_NOOP("BackupSection", "Set backup passphrase…"),
        )
        self.passphrase_button.clicked.connect(self.passphrase_requested)
        self.passphrase_state = label("", "muted")
        self.passphrase_label = row_label(PASSPHRASE)
        self.last_good = row_label(NONE_YET)
        self.last_good.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_place = label("", "muted")
        self.last_place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.now_button = QPushButton()
        say(self.now_button, BACK_UP_NOW)
        self.now_button.clicked.connect(self.back_up_requested)
        self.outcome = label("", "muted")

    def fill(self, form: QFormLayout) -> None:
        """Put the Backups rows at the end of ``form``."""
        heading = row_label(QT_TRANSLATE_NOOP("BackupSection", "BACKUPS"), "section")
        heading.setContentsMargins(0, 14, 0, 0)
        form.addRow(heading)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        form.addRow(row_label(BACKUP_FOLDER), folder_row)
        # In a widget of its own, so the wrapped warning gets the height its width needs.
        encryption = QWidget()
        column = QVBoxLayout(encryption)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.unencrypted)
        column.addWidget(self.unencrypted_warning)
        form.addRow(row_label(QT_TRANSLATE_NOOP("BackupSection", "Encryption")), encryption)
        passphrase_row = QHBoxLayout()
        passphrase_row.setSpacing(16)
        passphrase_row.addWidget(self.passphrase_button)
        passphrase_row.addWidget(self.passphrase_state, 1)
        form.addRow(self.passphrase_label, passphrase_row)
        for part in (self.passphrase_label, self.passphrase_button, self.passphrase_state):
            part.hide()  # until the database is known to be plain
        form.addRow(row_label(QT_TRANSLATE_NOOP("BackupSection", "Backups kept")), self._keep_row())
        last = QVBoxLayout()
        last.setSpacing(2)
        last.addWidget(self.last_good)
        last.addWidget(self.last_place)
        form.addRow(row_label(QT_TRANSLATE_NOOP("BackupSection", "Last good backup")), last)
        now_row = QHBoxLayout()
        now_row.setSpacing(16)
        now_row.addWidget(self.now_button)
        now_row.addWidget(self.outcome, 1)
        form.addRow("", now_row)

    def _keep_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.keep_daily, self.keep_weekly, self.keep_monthly = (
            self._count(QT_TRANSLATE_NOOP("BackupSection", " daily")),
            self._count(QT_TRANSLATE_NOOP("BackupSection", " weekly")),
            self._count(QT_TRANSLATE_NOOP("BackupSection", " monthly")),
        )
        for box in (self.keep_daily, self.keep_weekly, self.keep_monthly):
            row.addWidget(box)
        row.addStretch()
        return row

    @staticmethod
    def _count(suffix: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, MOST_KEPT)
        say(box, suffix, "setSuffix")
        box.setMinimumWidth(140)
        return box

    # -- the settings -------------------------------------------------------------------------

    def show_settings(self, room: RoomSettings) -> None:
        """The room's backup settings as saved."""
        self.folder.setText(room.backup_dir)
        self.unencrypted.setChecked(room.backup_unencrypted)
        self.keep_daily.setValue(room.backup_keep_daily)
        self.keep_weekly.setValue(room.backup_keep_weekly)
        self.keep_monthly.setValue(room.backup_keep_monthly)
        on_server = room.on_server
        for part in (self.folder, self.choose_button, self.unencrypted, self.now_button):
            part.setEnabled(not on_server)
        if on_server:
            say(self.outcome, ON_SERVER)

    def entered(self, room: RoomSettings) -> RoomSettings:
        """``room`` with the backup settings as typed here."""
        return replace(
            room,
            backup_dir=self.folder.text().strip(),
            backup_unencrypted=self.unencrypted.isChecked(),
            backup_keep_daily=self.keep_daily.value(),
            backup_keep_weekly=self.keep_weekly.value(),
            backup_keep_monthly=self.keep_monthly.value(),
        )

    def choose_folder(self) -> None:
        """kapdesk's own folder dialog, open without blocking the page."""
        start = self.folder.text().strip() or str(Path.home())
        dialog = QFileDialog(self.folder, "", start)
        say(dialog, BACKUP_FOLDER, "setWindowTitle")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder.setText)
        self.file_dialog = dialog
        dialog.open()

    # -- what the backups say -----------------------------------------------------------------

    def working(self) -> None:
        """A backup is being made: the button says so and is not pressed twice."""
        self.now_button.setEnabled(False)
        say(self.now_button, BACKING_UP)
        say(
            self.outcome,
            QT_TRANSLATE_NOOP(
                "BackupSection",
                "Making a backup and checking it. The session goes on meanwhile.",
            ),
        )

    def done(self, outcome: BackupOutcome) -> None:
        self.now_button.setEnabled(True)
        say(self.now_button, BACK_UP_NOW)
        if outcome.made is not None:
            say(self.outcome, MADE.format(file=outcome.made.file))
        else:
            said = NOT_MADE.get(outcome.why, NOT_MADE_NOW)
            say(self.outcome, said.format(problem=outcome.problem))

    def show_look(self, look: BackupLook) -> None:
        for part in (self.passphrase_label, self.passphrase_button, self.passphrase_state):
            part.setVisible(look.needs_passphrase)
        say(self.last_good, last_good_text(look.last_good))
        say(self.last_place, last_place_text(look.last_good))
        if look.failure is not None and not self.outcome.text():
            at, text = look.failure
            when = f"{formats.day(at, Day.DAY_MONTH)} {formats.time(at)}"
            say(self.outcome, NOT_MADE_ON.format(when=when, problem=text))

    def show_passphrase_state(self, text: str) -> None:
        say(self.passphrase_state, text)
