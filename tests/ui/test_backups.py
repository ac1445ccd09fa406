"""This room PC's backups as an admin and the room see them: the settings saved on "This room
PC", "Back up now" making a verified backup off the window's thread, a backup after every
session that closes and once a day, the admin's calm notice, and a backup that cannot be made
said plainly while the session goes on."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.backup_keeper import UNEXPECTED, LastGoodBackup
from kapdesk.core.backups import BACKUP_SUFFIX
from kapdesk.core.clock import FakeClock
from kapdesk.core.room import RoomSettings, load_room_settings
from kapdesk.core.staff import Role, StaffMember
from kapdesk.paths import AppPaths
from kapdesk.storage import backup as backup_engine
from kapdesk.storage import encryption
from kapdesk.storage.backup import verify_backup
from kapdesk.storage.db import Storage
from kapdesk.storage.encryption import BACKUP_PASSPHRASE_ENV
from kapdesk.ui import theme
from kapdesk.ui.backup_schedule import BackupSchedule
from kapdesk.ui.backup_section import PassphraseDialog
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.widgets import ActionButton
from tests.support.forms import choose_path
from tests.support.keyring import MemoryKeyring
from tests.support.ops import settle
from tests.ui.conftest import sign_in, sign_in_account

NURSE = StaffMember(0, "Nia Park", frozenset({Role.NURSE}))
WAIT_MS = 20_000  # a backup of a small record, with a slow CI machine


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _tick(qtbot: QtBot, box: QAbstractButton) -> None:
    """Click a check box on its box."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _room_tab(qtbot: QtBot, window: MainWindow) -> None:
    """From set-up, as an admin: Staff, then the "This room PC" tab."""
    _click(qtbot, window.setup_view.staff_button)
    settle(window)
    page = window.staff_view
    assert window.pages.currentWidget() is page
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert page.tabs.currentIndex() == 2


def _backups(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{BACKUP_SUFFIX}"))


def _with_room(paths: AppPaths, room: RoomSettings) -> None:
    paths.room_settings.parent.mkdir(parents=True, exist_ok=True)
    paths.room_settings.write_text(room.to_toml(), encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "usb" / "kapdesk"
    made.mkdir(parents=True)
    return made


OpenRoom = Callable[[RoomSettings], MainWindow]


@pytest.fixture
def open_room(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> OpenRoom:
    """Opens the window on a room with the settings given, its daily check left to the test."""

    def opened(room: RoomSettings) -> MainWindow:
        _with_room(paths, room)
        theme.apply(qapp)
        built = build_window(storage, paths, clock)
        qtbot.addWidget(built)
        built.resize(1280, 800)
        built.show()
        qtbot.waitUntil(built.isVisible)
        _schedule(built).due_check.stop()
        return built

    return opened


def _schedule(window: MainWindow) -> BackupSchedule:
    assert window.backups is not None
    return window.backups.schedule


def _unencrypted_to(folder: Path) -> RoomSettings:
    return RoomSettings(backup_dir=str(folder), backup_unencrypted=True)


def test_an_admin_sets_where_backups_go_and_backs_up_now(
    qtbot: QtBot, window: MainWindow, paths: AppPaths, folder: Path
) -> None:
    sign_in_account(window, "Ana Moreno", "5820", frozenset({Role.NURSE}))
    _room_tab(qtbot, window)
    section = window.staff_view.backups
    assert not section.unencrypted.isChecked()  # encrypted unless the admin says so
    assert "Anyone who has the drive" in section.unencrypted_warning.text()
    _click(qtbot, section.choose_button)
    choose_path(qtbot, section.file_dialog, folder)
    qtbot.waitUntil(lambda: section.folder.text() == str(folder))
    _tick(qtbot, section.unencrypted)
    section.keep_daily.selectAll()
    qtbot.keyClicks(section.keep_daily, "3")
    _click(qtbot, window.staff_view.room_save)
    assert window.staff_view.room_note.text().startswith("Saved.")
    saved, problem = load_room_settings(paths.room_settings)
    assert problem is None
    assert (saved.backup_dir, saved.backup_unencrypted, saved.backup_keep_daily) == (
        str(folder),
        True,
        3,
    )
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # Back, and in again: as saved
    assert window.pages.currentWidget() is window.setup_view
    _room_tab(qtbot, window)
    assert (section.folder.text(), section.unencrypted.isChecked()) == (str(folder), True)
    assert section.keep_daily.value() == 3

    _click(qtbot, section.now_button)
    assert not section.now_button.isEnabled()  # not pressed twice
    assert section.now_button.text() == "Backing up…"
    qtbot.waitUntil(section.now_button.isEnabled, timeout=WAIT_MS)
    (made,) = _backups(folder)
    assert section.outcome.text() == f"Backed up and checked: {made.name}."
    qtbot.waitUntil(lambda: made.name in section.last_place.text(), timeout=WAIT_MS)
    assert section.last_place.text() == f"{made.name}, in {folder}"
    assert "0 sessions" in section.last_good.text()
    facts = json.loads(Path(f"{made}.json").read_text(encoding="utf-8"))
    assert facts["verified_at"] is not None
    state = json.loads((paths.data_dir / "backups.json").read_text(encoding="utf-8"))
    assert state["last_good"]["file"] == made.name
    assert window.staff is not None
    (line,) = [a for a in window.staff.audit_log() if a.action == "backup_made"]
    assert (line.who, line.subject, line.detail["why"]) == ("Ana Moreno", made.name, "asked")


def _open_and_close_session(qtbot: QtBot, window: MainWindow) -> None:
    """Open a session at set-up and close it at once, with a reason, as staff do."""
    setup = window.setup_view
    line = setup.patient.lineEdit()
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "P-0042")
    setup.protocols.setCurrentRow(0)
    _click(qtbot, setup.open_button)
    settle(window)
    view = window.journey_view
    assert window.pages.currentWidget() is view
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.reason, "Patient chose to stop")
    _click(qtbot, dialog.confirm)


def test_a_session_that_closes_is_backed_up_while_the_window_goes_on(
    qtbot: QtBot,
    open_room: OpenRoom,
    folder: Path,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = sign_in(open_room(_unencrypted_to(folder)))
    held = threading.Event()
    real = backup_engine.make_backup
    threads: list[str] = []

    def slow_backup(*args: Any, **kwargs: Any) -> Any:  # a large record: many seconds
        threads.append(threading.current_thread().name)
        assert held.wait(WAIT_MS / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(backup_engine, "make_backup", slow_backup)
    _open_and_close_session(qtbot, window)
    qtbot.waitUntil(lambda: bool(threads), timeout=WAIT_MS)
    assert threads != [threading.main_thread().name]
    # The window's thread goes on while the backup runs: its timers keep firing.
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5)
    assert _backups(folder) == []
    held.set()
    qtbot.waitUntil(lambda: len(_backups(folder)) == 1, timeout=WAIT_MS)
    state_file = paths.data_dir / "backups.json"
    qtbot.waitUntil(state_file.exists, timeout=WAIT_MS)
    state = json.loads(state_file.read_text(encoding="utf-8"))
    assert state["last_good"]["sessions"] == 1
    staff = window.staff
    assert staff is not None
    qtbot.waitUntil(
        lambda: any(a.action == "backup_made" for a in staff.audit_log()), timeout=WAIT_MS
    )
    (line,) = [a for a in staff.audit_log() if a.action == "backup_made"]
    assert line.detail["why"] == "session closed"


def test_the_daily_backup_is_made_when_one_is_due(
    qtbot: QtBot, open_room: OpenRoom, folder: Path, clock: FakeClock
) -> None:
    window = sign_in(open_room(_unencrypted_to(folder)))
    schedule = _schedule(window)
    schedule.due_check.start(20)  # the window asks often here; the clock says when
    qtbot.waitUntil(lambda: len(_backups(folder)) == 1, timeout=WAIT_MS)  # none yet: due
    qtbot.waitUntil(lambda: not schedule._checking, timeout=WAIT_MS)
    clock.advance(12 * 3600)
    for _ in range(5):  # half a day later: not due, however often the window asks
        qtbot.waitUntil(lambda: schedule._checking, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not schedule._checking, timeout=WAIT_MS)
    assert len(_backups(folder)) == 1
    clock.advance(12 * 3600 + 60)
    qtbot.waitUntil(lambda: len(_backups(folder)) == 2, timeout=WAIT_MS)


def test_a_fault_that_escapes_a_backup_never_stops_the_next_one(
    qtbot: QtBot, open_room: OpenRoom, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = sign_in(open_room(_unencrypted_to(folder)))
    schedule = _schedule(window)

    def fault(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a fault no one foresaw")

    monkeypatch.setattr(schedule.keeper, "back_up", fault)
    monkeypatch.setattr(schedule.keeper, "back_up_if_due", fault)
    _room_tab(qtbot, window)
    section = window.staff_view.backups
    _click(qtbot, section.now_button)
    qtbot.waitUntil(section.now_button.isEnabled, timeout=WAIT_MS)  # never stuck "Backing up…"
    assert section.outcome.text() == f"No backup was made. {UNEXPECTED}"
    schedule.due_check.start(20)
    qtbot.waitUntil(lambda: schedule._checking, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not schedule._checking, timeout=WAIT_MS)  # the check ends too
    schedule.due_check.stop()
    assert schedule.running == 0

    monkeypatch.delattr(schedule.keeper, "back_up")  # the keeper's own again
    _click(qtbot, section.now_button)
    qtbot.waitUntil(lambda: len(_backups(folder)) == 1, timeout=WAIT_MS)


def test_a_folder_that_hangs_holds_one_look_however_often_the_page_is_opened(
    qtbot: QtBot, open_room: OpenRoom, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = sign_in(open_room(_unencrypted_to(folder)))
    schedule = _schedule(window)
    qtbot.waitUntil(lambda: not schedule._looking, timeout=WAIT_MS)
    hung = threading.Event()
    real = schedule.keeper.notice
    asked: list[int] = []

    def hanging_share(last: LastGoodBackup | None) -> str | None:  # a share that hangs
        asked.append(1)
        assert hung.wait(WAIT_MS / 1000)
        return real(last)

    monkeypatch.setattr(schedule.keeper, "notice", hanging_share)
    for _ in range(3):
        _room_tab(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        assert window.pages.currentWidget() is window.setup_view
    qtbot.waitUntil(lambda: asked == [1], timeout=WAIT_MS)  # the one look reached the share
    looks = [t for t in threading.enumerate() if t.name == "kapdesk backup look"]
    assert len(looks) == 1
    assert asked == [1]
    hung.set()
    # The page was opened again meanwhile: one more look follows, then none is out.
    qtbot.waitUntil(lambda: len(asked) == 2 and not schedule._looking, timeout=WAIT_MS)


def _last_good_days_ago(paths: AppPaths, clock: FakeClock, folder: Path, days: int) -> None:
    made = clock.now() - timedelta(days=days)
    state = {
        "last_good": {
            "made_at": made.isoformat(),
            "folder": str(folder),
            "file": "kapdesk-room-20260227-090000.kapdesk-backup",
            "size": 1_234_567,
            "sessions": 42,
        }
    }
    (paths.data_dir / "backups.json").write_text(json.dumps(state), encoding="utf-8")


def test_an_admin_is_told_calmly_when_the_last_backup_is_three_days_old(
    qtbot: QtBot, open_room: OpenRoom, paths: AppPaths, clock: FakeClock, folder: Path
) -> None:
    _last_good_days_ago(paths, clock, folder, 3)
    window = sign_in(open_room(_unencrypted_to(folder)))  # an admin
    notice = window.setup_view.backup_notice
    qtbot.waitUntil(notice.isVisible, timeout=WAIT_MS)
    assert notice.text.text() == (
        "The last good backup is 3 days old: check the backup folder is there and has room."
    )
    assert not window.status_banner.isVisible()  # never a problem's banner, never a sound
    _room_tab(qtbot, window)
    section = window.staff_view.backups
    assert window.staff_view.backup_notice.isVisible()
    assert window.staff_view.backup_notice.text.text() == notice.text.text()
    qtbot.waitUntil(lambda: "1.2 MB · 42 sessions" in section.last_good.text())

    window.lock()
    window.signed_in(NURSE)  # not an admin
    settle(window)
    assert window.pages.currentWidget() is window.setup_view
    assert not notice.isVisible()


def test_an_admin_is_told_when_the_backup_folder_is_gone_and_a_backup_says_why(
    qtbot: QtBot, open_room: OpenRoom, tmp_path: Path
) -> None:
    gone = tmp_path / "unplugged"
    window = sign_in(open_room(_unencrypted_to(gone)))
    notice = window.setup_view.backup_notice
    qtbot.waitUntil(notice.isVisible, timeout=WAIT_MS)
    assert notice.text.text() == (
        f"The backup folder {gone} is not there (drive unplugged or share not mounted)."
    )
    _room_tab(qtbot, window)
    section = window.staff_view.backups
    _click(qtbot, section.now_button)
    qtbot.waitUntil(section.now_button.isEnabled, timeout=WAIT_MS)
    assert section.outcome.text().startswith("No backup was made. The backup folder")
    assert str(gone) in section.outcome.text()
    assert not gone.exists()  # never made by a backup: the drive may come back


@pytest.fixture
def read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``folder`` made read-only. Root writes through a folder's mode, so as root it is a
    read-only file system mounted there, or where the tests may not mount one, the
    kernel's "read-only file system" answer given to every file made in it."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mount = shutil.which("mount")
    mounted = mount is not None and (
        subprocess.run(
            [mount, "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    if mounted:
        yield folder
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
        return
    real = backup_engine._new_private_file

    def refuse(path: Path) -> None:
        if path.parent == folder:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        real(path)

    monkeypatch.setattr(backup_engine, "_new_private_file", refuse)
    yield folder


def test_a_read_only_folder_is_said_plainly_and_the_session_goes_on(
    qtbot: QtBot, open_room: OpenRoom, paths: AppPaths, read_only: Path
) -> None:
    window = sign_in(open_room(_unencrypted_to(read_only)))
    _open_and_close_session(qtbot, window)
    state_file = paths.data_dir / "backups.json"
    qtbot.waitUntil(state_file.exists, timeout=WAIT_MS)
    state = json.loads(state_file.read_text(encoding="utf-8"))
    assert state["failure"]["why"] == "session closed"
    # The session ended as staff closed it and its record came; nothing alarming.
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.summary_view)
    assert not window.status_banner.isVisible()
    assert _backups(read_only) == []

    _click(qtbot, window.summary_view.new_button)
    settle(window)
    _room_tab(qtbot, window)
    section = window.staff_view.backups
    assert section.outcome.text() == (
        "No backup was made after the last session closed. "
        f"The backup folder {read_only} cannot be written (it is read-only or kapdesk may not "
        "write there). The earlier backups were kept."
    )


def _passphrase_dialog(qtbot: QtBot, window: MainWindow) -> PassphraseDialog:
    section = window.staff_view.backups
    qtbot.waitUntil(section.passphrase_button.isVisible, timeout=WAIT_MS)
    _click(qtbot, section.passphrase_button)
    backups = window.backups
    assert backups is not None
    dialog = backups.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)  # open and taking keys
    return dialog


def test_an_admin_sets_the_backup_passphrase_and_backups_are_encrypted_with_it(
    qtbot: QtBot, open_room: OpenRoom, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = MemoryKeyring()
    monkeypatch.setattr(encryption, "_keyring", lambda: kept)
    monkeypatch.delenv(BACKUP_PASSPHRASE_ENV, raising=False)
    window = sign_in(open_room(RoomSettings(backup_dir=str(folder))))  # encrypted, plain record
    _room_tab(qtbot, window)
    section = window.staff_view.backups
    qtbot.waitUntil(lambda: section.passphrase_state.text().startswith("None set yet"))

    dialog = _passphrase_dialog(qtbot, window)
    qtbot.keyClicks(dialog.first, "short")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.problems.text() == "A passphrase has at least 12 characters."
    dialog.first.clear()
    qtbot.keyClicks(dialog.first, "river stones at dusk")
    qtbot.keyClicks(dialog.again, "river stones at dawn")
    _click(qtbot, dialog.save_button)
    assert dialog.problems.text() == "The two passphrases are not the same."
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, "river stones at dusk")
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: section.passphrase_state.text() == "Kept in the OS keyring.")
    assert list(kept.kept.values()) == ["river stones at dusk"]

    _click(qtbot, section.now_button)
    qtbot.waitUntil(section.now_button.isEnabled, timeout=WAIT_MS)
    (made,) = _backups(folder)
    assert verify_backup(made, "river stones at dusk").encryption.value == "backup-passphrase"

    dialog = _passphrase_dialog(qtbot, window)  # a second look, put away unchanged
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    dialog = _passphrase_dialog(qtbot, window)
    (cancel,) = [b for b in dialog.findChildren(ActionButton) if b.text().startswith("Cancel")]
    _click(qtbot, cancel)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert list(kept.kept.values()) == ["river stones at dusk"]


def test_a_keyring_that_cannot_keep_the_passphrase_is_said_plainly(
    qtbot: QtBot, open_room: OpenRoom, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Locked:
        def get_password(self, service: str, account: str) -> str:
            raise RuntimeError("locked")

        def set_password(self, service: str, account: str, password: str) -> None:
            raise RuntimeError("locked")

    monkeypatch.setattr(encryption, "_keyring", Locked)
    monkeypatch.delenv(BACKUP_PASSPHRASE_ENV, raising=False)
    window = sign_in(open_room(RoomSettings(backup_dir=str(folder))))
    _room_tab(qtbot, window)
    section = window.staff_view.backups
    dialog = _passphrase_dialog(qtbot, window)
    qtbot.keyClicks(dialog.first, "river stones at dusk")
    qtbot.keyClicks(dialog.again, "river stones at dusk")
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: section.passphrase_state.text().startswith("Not kept"))
    assert "the OS keyring cannot keep it" in section.passphrase_state.text()
    _click(qtbot, section.now_button)
    qtbot.waitUntil(section.now_button.isEnabled, timeout=WAIT_MS)
    assert section.outcome.text().startswith("No backup was made. No backup passphrase is set")
    assert _backups(folder) == []


def test_a_room_on_the_clinic_server_leaves_backups_to_the_server(
    qtbot: QtBot, window: MainWindow, paths: AppPaths
) -> None:
    window.records.room_pc.room = RoomSettings(database="postgresql://kapdesk@clinic/kapdesk")
    _room_tab(qtbot, window)
    section = window.staff_view.backups
    assert not section.now_button.isEnabled()
    assert not section.folder.isEnabled()
    assert "The clinic server's own tools back up" in section.outcome.text()


def test_the_window_sweeps_what_a_killed_backup_left(
    qtbot: QtBot, open_room: OpenRoom, paths: AppPaths, folder: Path
) -> None:
    owner = backup_engine._owner(paths.database)
    plain = paths.data_dir / f"{owner}9f8e.backup-plain"  # the whole record, in the clear
    partial = folder / f"{owner}7d6c{BACKUP_SUFFIX}.partial"
    for left in (plain, partial):
        left.write_bytes(b"SQLite format 3\0")
    open_room(_unencrypted_to(folder))
    qtbot.waitUntil(lambda: not plain.exists() and not partial.exists(), timeout=WAIT_MS)
    assert _backups(folder) == []  # swept, not backed up: nothing was asked for
