"""This room PC's settings saved whole, checked and audited, and its autostart entry, without a
window (kapdesk.room_pc)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kapdesk import room_pc
from kapdesk.core.room import RoomSettings, load_room_settings
from kapdesk.core.staff import Role, StaffMember
from kapdesk.room_pc import RoomPC, follow_autostart, save_room

ADMIN = StaffMember(1, "Ana Moreno", frozenset({Role.ADMIN}))
NURSE = StaffMember(2, "Lee Park", frozenset({Role.NURSE}))


class Audit:
    """What was audited, line by line."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str, str, dict[str, object]]] = []

    def record(self, who: str, action: str, subject: str = "", **detail: object) -> None:
        self.lines.append((who, action, subject, detail))


@pytest.fixture
def pc(tmp_path: Path) -> RoomPC:
    return RoomPC(file=tmp_path / "config" / "room.toml")


def test_an_admin_saves_the_room_whole_and_audited(pc: RoomPC) -> None:
    audit = Audit()
    room = RoomSettings(room_name="Room 2", lock_minutes=3.0)
    assert save_room(pc, room, ADMIN, audit) is None
    assert pc.file is not None
    assert load_room_settings(pc.file) == (room, None)
    assert pc.room == room
    ((who, action, subject, detail),) = audit.lines
    assert (who, action, subject) == ("Ana Moreno", "settings_changed", "room.toml")
    assert detail["keys"] == ["room_name", "lock_minutes"]


def test_a_member_without_the_role_saves_nothing(pc: RoomPC) -> None:
    audit = Audit()
    said = save_room(pc, RoomSettings(room_name="Room 2"), NURSE, audit)
    assert said is not None
    assert said.endswith(".")
    assert pc.file is not None
    assert not pc.file.exists()
    assert audit.lines == []
    assert pc.room == RoomSettings()


def test_bad_values_are_said_and_nothing_is_written(pc: RoomPC) -> None:
    said = save_room(pc, RoomSettings(volume_limit=2.0), ADMIN, Audit())
    assert said is not None
    assert said
    assert pc.file is not None
    assert not pc.file.exists()


def test_the_room_keeps_its_name_while_a_shared_session_is_open(pc: RoomPC) -> None:
    said = save_room(pc, RoomSettings(room_name="Room 9"), ADMIN, Audit(), may_rename=False)
    assert said == room_pc.RENAME_LATER
    assert save_room(pc, RoomSettings(kiosk=True), ADMIN, Audit(), may_rename=False) is None


def test_a_pc_without_a_settings_file_cannot_save(tmp_path: Path) -> None:
    assert save_room(RoomPC(), RoomSettings(), ADMIN, Audit()) == room_pc.CANNOT_SAVE_HERE


def test_a_folder_that_cannot_be_written_is_said(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    pc = RoomPC(file=blocked / "room.toml")
    said = save_room(pc, RoomSettings(room_name="Room 2"), ADMIN, Audit())
    assert said is not None
    assert said.startswith(f"The settings could not be written to {pc.file}")
    assert pc.room == RoomSettings()


def test_autostart_refused_where_this_start_cannot_be_repeated(
    pc: RoomPC, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(room_pc, "autostart_exists", lambda: False)
    why = "Practice does not start at login."
    said = save_room(pc, RoomSettings(autostart=True), ADMIN, Audit(), autostart_problem=why)
    assert said == why


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="XDG autostart")
def test_the_autostart_entry_follows_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "kapdesk.desktop"
    assert not room_pc.autostart_exists()
    assert follow_autostart(True, ["--kiosk"]) is None
    assert entry.exists()
    assert room_pc.autostart_exists()
    assert "--kiosk" in entry.read_text(encoding="utf-8")
    made = entry.read_text(encoding="utf-8")
    assert follow_autostart(True, []) is None  # there already: left as it was
    assert entry.read_text(encoding="utf-8") == made
    assert follow_autostart(False, []) is None
    assert not entry.exists()
