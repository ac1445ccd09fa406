"""This room PC's settings file: defaults that work, a round trip through room.toml, and a
file with problems refused with each problem located."""

from __future__ import annotations

from pathlib import Path

import pytest

from kapdesk.core.room import (
    RoomSettings,
    RoomSettingsError,
    load_room_settings,
    parse_room_settings,
)


def test_no_file_means_the_defaults_and_a_saved_file_reads_back_the_same(tmp_path: Path) -> None:
    settings, problem = load_room_settings(tmp_path / "room.toml")
    assert (settings, problem) == (RoomSettings(), None)
    assert settings.lock_minutes is None  # the clinic's idle lock applies
    chosen = RoomSettings('Room "2"', kiosk=True, autostart=True, lock_minutes=3, volume_limit=0.6)
    (tmp_path / "room.toml").write_text(chosen.to_toml(), encoding="utf-8")
    assert load_room_settings(tmp_path / "room.toml") == (chosen, None)
    assert chosen.changed_keys(RoomSettings()) == [
        "room_name",
        "kiosk",
        "autostart",
        "lock_minutes",
        "volume_limit",
    ]


def test_a_file_with_problems_names_each_and_the_defaults_apply(tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    path.write_text('kiosk = "yes"\nvolume_limit = 3\nlock_minuts = 2\n', encoding="utf-8")
    settings, problem = load_room_settings(path)
    assert settings == RoomSettings()
    assert isinstance(problem, RoomSettingsError)
    text = str(problem)
    assert "line 1, kiosk: must be true or false, not text" in text
    assert "line 2, volume_limit: must be 0.05 to 1.0" in text
    assert 'line 3, lock_minuts: unknown key "lock_minuts" (did you mean "lock_minutes"?)' in text
    with pytest.raises(RoomSettingsError, match="Invalid value"):
        parse_room_settings("room_name = [", "room.toml")
    assert RoomSettings(volume_limit=2.0, lock_minutes=-1).problems() == [
        "The idle lock is 0 (never) to 240 minutes.",
        "The volume limit is 5% to 100%.",
    ]


def test_the_backup_keys_read_back_and_a_wrong_one_is_named(tmp_path: Path) -> None:
    assert (RoomSettings().backup_dir, RoomSettings().backup_unencrypted) == ("", False)
    chosen = RoomSettings(
        backup_dir="/media/usb/kapdesk backups",
        backup_unencrypted=True,
        backup_keep_daily=3,
        backup_keep_weekly=0,
        backup_keep_monthly=24,
    )
    path = tmp_path / "room.toml"
    path.write_text(chosen.to_toml(), encoding="utf-8")
    assert load_room_settings(path) == (chosen, None)
    assert chosen.changed_keys(RoomSettings()) == [
        "backup_dir",
        "backup_unencrypted",
        "backup_keep_daily",
        "backup_keep_weekly",
        "backup_keep_monthly",
    ]
    path.write_text(
        'backup_dir = "usb"\nbackup_keep_daily = -1\nbackup_keep_weekly = 1.5\n', encoding="utf-8"
    )
    settings, problem = load_room_settings(path)
    assert settings == RoomSettings()
    text = str(problem)
    assert "line 1, backup_dir: must be a whole path" in text
    assert "line 2, backup_keep_daily: must be 0 to 999, not -1" in text
    assert "line 3, backup_keep_weekly: must be a whole number" in text
    assert RoomSettings(
        backup_dir="usb", backup_keep_daily=0, backup_keep_weekly=0, backup_keep_monthly=0
    ).problems() == [
        "The backup folder is a whole path, such as /media/usb/kapdesk.",
        "At least one backup is kept: daily, weekly or monthly.",
    ]
