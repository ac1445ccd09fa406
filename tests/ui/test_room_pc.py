"""The room PC as an appliance: kiosk mode that only staff leave, and this PC's settings page
(room name, kiosk, autostart, idle lock, volume limit) that an admin saves and that applies at
once, audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.room import load_room_settings
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.ui.main_window import MainWindow
from tests.ui.conftest import sign_in_account


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
    page.room_autostart.setChecked(True)
    page.room_lock_own.setChecked(True)
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

    page.room_autostart.setChecked(False)
    page.room_volume.setValue(100)
    page.save_room()
    assert not (tmp_path / "config" / "autostart" / "kapdesk.desktop").exists()


def test_kiosk_mode_fills_the_screen_and_only_staff_signed_in_leave_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    _admin(window)
    window.show_staff()
    page = window.staff_view
    page.room_kiosk.setChecked(True)
    page.save_room()
    assert window.kiosk
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint

    window.close()  # Alt+F4, the window manager's close, a stray click
    assert window.isVisible()
    assert window.banner_text.text() == (
        "kapdesk runs full screen here: staff close it with Ctrl+Shift+Q."
    )
    window.lock()
    window.leave_kiosk()  # the patient at the keyboard while it is locked: nothing
    assert window.isVisible()
    window.unlock("Ana Moreno", "5820")
    window.leave_kiosk()
    assert not window.isVisible()


def test_kiosk_mode_lets_staff_out_before_the_records_open_and_asks_twice_mid_session(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    opening = MainWindow()  # "Opening the record…", or a database that cannot be opened
    qtbot.addWidget(opening)
    opening.enter_kiosk(asked=True)
    opening.leave_kiosk()
    assert not opening.isVisible()  # nothing of a patient on screen: no lock to get past

    _admin(window)
    window.enter_kiosk()
    window.open_session("P-0701", "im-ketamine", "")
    window.leave_kiosk()
    assert window.isVisible()
    assert window.banner_text.text().startswith("A session is open: press Ctrl+Shift+Q again")
    clock.advance(2)
    window.leave_kiosk()
    assert not window.isVisible()


def test_saving_the_room_leaves_an_autostart_made_on_the_command_line_as_it_was(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
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
    page.room_name.setText("Room 3")
    page.save_room()
    assert window.windowTitle() == "kapdesk · Room 3"
    assert entry.read_text(encoding="utf-8") == made  # --kiosk and all
