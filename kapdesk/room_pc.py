"""This room PC's own settings as kept on it: its room.toml, saved whole by an admin and
audited, and the autostart entry that starts kapdesk at the room's login.

Plain Python: the window asks, applies what was saved, and shows the sentence when something
failed. Nothing here touches Qt.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from kapdesk.core.room import RoomSettings, RoomSettingsError
from kapdesk.core.staff import Action, PermissionDeniedError, StaffMember, require
from kapdesk.core.words import QT_TRANSLATE_NOOP, joined

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)

AUTOSTART_NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "RoomPC", "Saved, but the autostart entry could not be written: {why}."
)
CANNOT_SAVE_HERE = QT_TRANSLATE_NOOP("RoomPC", "This room's settings cannot be saved here.")
RENAME_LATER = QT_TRANSLATE_NOOP(
    "RoomPC", "The room's name can change once no session is open in it."
)
REFUSED = QT_TRANSLATE_NOOP("RoomPC", "{reason}.")
NOT_WRITTEN = QT_TRANSLATE_NOOP("RoomPC", "The settings could not be written to {file}: {error}.")


class AuditLog(Protocol):
    """Where the change is audited (:class:`kapdesk.storage.staff.StaffStore`)."""

    def record(self, who: str, action: str, subject: str = "", **detail: object) -> None: ...


@dataclass
class RoomPC:
    """This PC's room settings as read at start (or saved since), and the file they live in."""

    room: RoomSettings = field(default_factory=RoomSettings)
    problem: RoomSettingsError | None = None  # why the room.toml found is not used
    file: Path | None = None


def autostart_exists() -> bool:
    """Whether this account starts kapdesk at login already (however that entry was made)."""
    if not sys.platform.startswith("linux"):
        return False
    from kapdesk.desktop_entry import entry_places  # noqa: PLC0415

    return entry_places()["autostart"].exists()


def place_autostart(autostart: bool, start_arguments: list[str]) -> str | None:
    """Put the autostart entry in place (with ``start_arguments``) or take it away; a
    sentence when that failed."""
    if not sys.platform.startswith("linux"):
        return None  # Windows: the Startup shortcut, docs/room-pc.md
    from kapdesk import desktop_entry  # noqa: PLC0415

    try:
        if autostart:
            desktop_entry.install(start_arguments, autostart=True)
        else:
            desktop_entry.entry_places()["autostart"].unlink(missing_ok=True)
    except OSError as exc:
        return AUTOSTART_NOT_WRITTEN.format(why=exc.strerror or str(exc))
    return None


def _write(path: Path, data: bytes) -> None:
    """The one place room.toml is written: whole or not at all."""
    from kapdesk.core.safe_files import write_atomically  # noqa: PLC0415

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)


def save_room(
    pc: RoomPC,
    room: RoomSettings,
    member: StaffMember,
    audit: AuditLog,
    *,
    autostart_problem: str = "",
    may_rename: bool = True,
) -> str | None:
    """``member`` saves ``room`` as this PC's settings: checked, written whole, audited, and
    kept in ``pc``. A sentence when it was not saved.

    ``autostart_problem``: why this start cannot be repeated at login (refused when autostart
    is asked for and no entry exists yet); ``may_rename``: False while a session of a shared
    record is open in this room (the room picks its sessions up after a restart by its name).
    """
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415

    if pc.file is None:
        return CANNOT_SAVE_HERE
    try:
        require(member, Action.EDIT_SETTINGS)
    except PermissionDeniedError as exc:
        said = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
        return REFUSED.format(reason=said)
    if room.autostart and not autostart_exists() and autostart_problem:
        return autostart_problem
    problems = room.problems()
    if problems:
        return joined(problems, " ")
    if room.room_name != pc.room.room_name and not may_rename:
        return RENAME_LATER
    text = room.to_toml().encode("utf-8")
    try:
        _write(pc.file, text)
    except OSError as exc:
        return NOT_WRITTEN.format(file=pc.file, error=str(exc.strerror or exc))
    changed = room.changed_keys(pc.room)
    try:
        audit.record(
            member.name,
            "settings_changed",
            "room.toml",
            sha256=hashlib.sha256(text).hexdigest(),
            file="changed",
            keys=changed,
        )
    except StorageError as exc:
        log.warning("the settings change could not be audited: %s", exc)
    pc.room, pc.problem = room, None
    return None


def follow_autostart(autostart: bool, start_arguments: list[str]) -> str | None:
    """The autostart entry as the saved settings ask, unless it is so already; a sentence
    when it could not be put in place or taken away."""
    if autostart == autostart_exists():
        return None
    return place_autostart(autostart, start_arguments)
