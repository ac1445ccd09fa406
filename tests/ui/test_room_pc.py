"""The room PC as an appliance: kiosk mode that only staff leave, and this PC's settings page
(room name, kiosk, autostart, idle lock, volume limit) that an admin saves and that applies at
once, audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.core.room import load_room_settings
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.staff import StaffStore
from kapdesk.ui import room_backups, theme
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.start_window import StartWindow
from tests.ui.conftest import sign_in_account

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _tick(qtbot: QtBot, box: QAbstractButton) -> None:
    """Click a check box on its box."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _pin_pad(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    """Sign in on the calm screen with its keys: a tap, the name, a slip put right with C, the
    PIN, and ✓."""
    calm = window.calm
    qtbot.mouseClick(calm, Qt.MouseButton.LeftButton)
    keys = {b.text(): b for b in calm.findChildren(QPushButton) if b.isVisible()}
    qtbot.mouseClick(keys[name], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keys["9"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keys["C"], Qt.MouseButton.LeftButton)
    assert calm.pin.text() == ""
    for digit in pin:
        qtbot.mouseClick(keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keys["✓"], Qt.MouseButton.LeftButton)


def _admin(window: MainWindow) -> None:
    sign_in_account(window, "Ana Moreno", "5820", frozenset({Role.NURSE}))


def test_an_admin_saves_this_room_pcs_settings_and_they_apply_at_once(
    qtbot: QtBot,
    window: MainWindow,
    paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    _admin(window)
    window.show_staff()
    page = window.staff_view
    page.tabs.setCurrentIndex(2)
    assert page.room_note.text() == f"Kept in {paths.room_settings}."
    page.room_name.setText("Room 2")
    _tick(qtbot, page.room_autostart)
    _tick(qtbot, page.room_lock_own)
    assert page.room_lock.isEnabled()
    page.room_lock.setValue(3)
    page.room_volume.setValue(60)
    qtbot.mouseClick(page.room_save, Qt.MouseButton.LeftButton)
    assert page.room_note.text().startswith("Saved.")

    saved, problem = load_room_settings(paths.room_settings)
    assert problem is None
    assert (saved.room_name, saved.autostart, saved.lock_minutes, saved.volume_limit) == (
        "Room 2",
        True,
        3.0,
        0.6,
    )
    assert window.windowTitle() == "kapdesk · Room 2"
    assert window.lock_seconds == 180
    assert window.sound_panel.volume_limit == pytest.approx(0.6)
    assert (tmp_path / "config" / "autostart" / "kapdesk.desktop").exists()
    assert window.staff is not None
    (line,) = [a for a in window.staff.audit_log() if a.action == "settings_changed"]
    assert (line.who, line.subject) == ("Ana Moreno", "room.toml")
    assert line.detail["keys"] == ["room_name", "autostart", "lock_minutes", "volume_limit"]

    _tick(qtbot, page.room_autostart)
    page.room_volume.setValue(100)
    _tick(qtbot, page.room_board_patients)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not load_room_settings(paths.room_settings)[0].board_shows_patients  # ticked off
    assert not (tmp_path / "config" / "autostart" / "kapdesk.desktop").exists()


def test_kiosk_mode_fills_the_screen_and_only_staff_signed_in_leave_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    _admin(window)
    window.show_staff()
    page = window.staff_view
    page.tabs.setCurrentIndex(2)
    _tick(qtbot, page.room_kiosk)
    qtbot.mouseClick(page.room_save, Qt.MouseButton.LeftButton)
    assert window.kiosk
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint

    window.close()  # Alt+F4, the window manager's close, a stray click
    assert window.isVisible()
    assert window.status_banner.text() == (
        "kapdesk runs full screen here: staff close it with Ctrl+Shift+Q."
    )
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert window.locked
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL_SHIFT)  # the patient at the keyboard: nothing
    assert window.isVisible()
    _pin_pad(qtbot, window, "Ana Moreno", "5820")
    assert window.pages.currentWidget() is not window.calm  # unlocked
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL_SHIFT)
    assert not window.isVisible()


def test_kiosk_mode_lets_staff_out_before_the_records_open_and_asks_twice_mid_session(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    opening = StartWindow()  # "Opening the record…", or a database that cannot be opened
    qtbot.addWidget(opening)
    opening.enter_kiosk()
    assert opening.isFullScreen()
    assert opening.windowFlags() & Qt.WindowType.FramelessWindowHint
    qtbot.keyClick(opening, Qt.Key.Key_Q, CTRL_SHIFT)
    assert not opening.isVisible()  # nothing of a patient on screen: no lock to get past

    _admin(window)
    window.enter_kiosk()
    window.open_session("P-0701", "im-ketamine", "")
    window.leave_kiosk()
    assert window.isVisible()
    assert window.status_banner.text().startswith("A session is open: press Ctrl+Shift+Q again")
    clock.advance(2)
    window.leave_kiosk()
    assert not window.isVisible()


def test_saving_the_room_leaves_an_autostart_made_on_the_command_line_as_it_was(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kapdesk.cli import main  # noqa: PLC0415

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert main(["--kiosk", "install-desktop", "--autostart"]) == 0
    entry = tmp_path / "config" / "autostart" / "kapdesk.desktop"
    made = entry.read_text(encoding="utf-8")
    _admin(window)
    window.show_staff()
    page = window.staff_view
    assert page.room_autostart.isChecked()  # the entry is there, whoever made it
    page.tabs.setCurrentIndex(2)
    page.room_name.setText("Room 3")
    qtbot.mouseClick(page.room_save, Qt.MouseButton.LeftButton)
    assert window.windowTitle() == "kapdesk · Room 3"
    assert entry.read_text(encoding="utf-8") == made  # --kiosk and all


def test_a_room_set_to_kiosk_starts_full_screen_asking_for_a_pin_with_its_backups(
    *,
    qtbot: QtBot,
    qapp: QApplication,
    storage: Storage,
    paths: AppPaths,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The room's own kiosk setting shows the window full screen while it is still being
    built: the start goes on to the PIN pad, and the backups still begin once it is shown."""
    theme.apply(qapp)
    paths.room_settings.parent.mkdir(parents=True, exist_ok=True)
    paths.room_settings.write_text('room_name = "Room 2"\nkiosk = true\n', encoding="utf-8")
    admin = frozenset({Role.ADMIN, Role.NURSE})
    StaffStore(storage, clock).create_account("Ana Moreno", admin, "5820", by=None)
    monkeypatch.setattr(room_backups, "START_AFTER_SHOWN_MS", 0)
    window = build_window(storage, paths, clock)
    qtbot.addWidget(window)
    assert window.kiosk
    assert window.isFullScreen()
    assert window.calm.pad.isVisible()
    backups = window.backups
    assert backups is not None
    qtbot.waitUntil(lambda: backups.schedule.last_look is not None)
    _pin_pad(qtbot, window, "Ana Moreno", "5820")
    assert window.pages.currentWidget() is window.setup_view
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL_SHIFT)  # staff close kapdesk in kiosk mode
    assert not window.isVisible()
