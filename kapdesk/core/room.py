"""The room PC's own settings: which room it is, kiosk mode, starting with the room's login,
the idle lock, the loudest the headphones may go, and where its backups go.

Kept as ``room.toml`` in the config folder platformdirs names (so a clinic can also put it in
place by hand), edited on the settings page by an admin. Every key has a default that works out
of the box; a file with problems is refused as a whole with each problem located, and kapdesk
runs on the defaults meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from kapdesk.core.toml_check import (
    TomlChecker,
    TomlFileError,
    between,
    parse_toml,
    read_toml_text,
)
from kapdesk.core.words import QT_TRANSLATE_NOOP

ROOM_KEYS = (
    "room_name",
    "kiosk",
    "autostart",
    "lock_minutes",
    "volume_limit",
    "database",
    "board_shows_patients",
    "backup_dir",
    "backup_unencrypted",
    "backup_keep_daily",
    "backup_keep_weekly",
    "backup_keep_monthly",
)
LONGEST_NAME = 40
MOST_KEPT = 999  # backups of one kind kept: a limit that only catches a slip of the keyboard


class RoomSettingsError(TomlFileError):
    """A room.toml that cannot be used, with every problem found in it."""

    noun = "room settings file"


@dataclass(frozen=True)
class RoomSettings:
    """This room PC's settings. ``lock_minutes`` None: the clinic's (clinic.toml) applies."""

    room_name: str = ""
    kiosk: bool = False
    autostart: bool = False
    lock_minutes: float | None = None
    volume_limit: float = 0.8  # of full scale: no layer ever goes above it
    # The clinic server's URL, never its password (``kapdesk connect`` sets both); "" for the
    # embedded SQLite file in the data folder.
    database: str = ""
    board_shows_patients: bool = True  # the clinic board on this PC shows patient codes
    # Where backups go (a USB drive, a mounted share); "" for none. Plain only when asked.
    backup_dir: str = ""
    backup_unencrypted: bool = False
    backup_keep_daily: int = 7
    backup_keep_weekly: int = 4
    backup_keep_monthly: int = 12

    @property
    def on_server(self) -> bool:
        return bool(self.database)

    def problems(self) -> list[str]:
        """What is wrong with these values, in sentences (for the settings page)."""
        found: list[str] = []
        if len(self.room_name) > LONGEST_NAME:
            found.append(
                QT_TRANSLATE_NOOP(
                    "RoomSettings", "A room name has at most {count} characters."
                ).format(count=LONGEST_NAME)
            )
        if self.lock_minutes is not None and not 0 <= self.lock_minutes <= 240:
            found.append(
                QT_TRANSLATE_NOOP("RoomSettings", "The idle lock is 0 (never) to 240 minutes.")
            )
        if not 0.05 <= self.volume_limit <= 1.0:
            found.append(QT_TRANSLATE_NOOP("RoomSettings", "The volume limit is 5% to 100%."))
        if self.backup_dir and not Path(self.backup_dir).expanduser().is_absolute():
            found.append(
                QT_TRANSLATE_NOOP(
                    "RoomSettings",
                    "The backup folder is a whole path, such as /media/usb/kapdesk.",
                )
            )
        kept = (self.backup_keep_daily, self.backup_keep_weekly, self.backup_keep_monthly)
        if not all(0 <= count <= MOST_KEPT for count in kept):
            found.append(
                QT_TRANSLATE_NOOP(
                    "RoomSettings", "Backups kept are 0 to {count} of each kind."
                ).format(count=MOST_KEPT)
            )
        elif not any(kept):
            found.append(
                QT_TRANSLATE_NOOP(
                    "RoomSettings", "At least one backup is kept: daily, weekly or monthly."
                )
            )
        return found

    def to_toml(self) -> str:
        lines = ["# kapdesk: this room PC's settings (the settings page writes this file)"]
        lines.append(f"room_name = {_quoted(self.room_name)}")
        lines.append(f"kiosk = {str(self.kiosk).lower()}")
        lines.append(f"autostart = {str(self.autostart).lower()}")
        if self.lock_minutes is not None:
            lines.append(f"lock_minutes = {self.lock_minutes:g}")
        lines.append(f"volume_limit = {self.volume_limit:g}")
        if self.database:
            lines.append(f"database = {_quoted(self.database)}")
        lines.append(f"board_shows_patients = {str(self.board_shows_patients).lower()}")
        lines.append(f"backup_dir = {_quoted(self.backup_dir)}")
        lines.append(f"backup_unencrypted = {str(self.backup_unencrypted).lower()}")
        lines.append(f"backup_keep_daily = {self.backup_keep_daily}")
        lines.append(f"backup_keep_weekly = {self.backup_keep_weekly}")
        lines.append(f"backup_keep_monthly = {self.backup_keep_monthly}")
        return "\n".join(lines) + "\n"

    def changed_keys(self, other: RoomSettings) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)]


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


# What is wrong in room.toml, said on the admin's page: each a template.
_AT_MOST_CHARACTERS = QT_TRANSLATE_NOOP("RoomSettings", "must have at most {count} characters")
_LOCK_MINUTES = QT_TRANSLATE_NOOP("RoomSettings", "0 (never) to 240 minutes")
_FROM_TO = QT_TRANSLATE_NOOP("RoomSettings", "{low} to {high}")
_WHOLE_PATH = QT_TRANSLATE_NOOP(
    "RoomSettings", "must be a whole path (/media/usb/kapdesk), or empty for none"
)
_WHOLE_NUMBER = QT_TRANSLATE_NOOP("RoomSettings", "must be a whole number, 0 to {most}")
_NOT_KEPT = QT_TRANSLATE_NOOP("RoomSettings", "must be 0 to {most}, not {value}")
_POSTGRESQL = QT_TRANSLATE_NOOP(
    "RoomSettings", "must be a PostgreSQL URL (postgresql://user@server/database)"
)
_NO_PASSWORD = QT_TRANSLATE_NOOP(
    "RoomSettings", "must not hold the password: kapdesk connect keeps it in the OS keyring"
)


class _RoomChecker(TomlChecker):
    def read(self, data: dict[str, object]) -> RoomSettings:
        self.unknown_keys(data, "", ROOM_KEYS)
        settings = RoomSettings()
        name = self.text(data, "", "room_name")
        if len(name) > LONGEST_NAME:
            self.add("room_name", _AT_MOST_CHARACTERS.format(count=LONGEST_NAME))
            name = ""
        lock = self.number(data, "", "lock_minutes", _LOCK_MINUTES, between(0, 240))
        volume = self.number(
            data, "", "volume_limit", _FROM_TO.format(low="0.05", high="1.0"), between(0.05, 1.0)
        )
        return replace(
            settings,
            room_name=name,
            kiosk=self.flag(data, "", "kiosk"),
            autostart=self.flag(data, "", "autostart"),
            lock_minutes=lock,
            volume_limit=volume if volume is not None else settings.volume_limit,
            database=self._database(data),
            board_shows_patients=self.flag(data, "", "board_shows_patients", default=True),
            backup_dir=self._backup_dir(data),
            backup_unencrypted=self.flag(data, "", "backup_unencrypted"),
            backup_keep_daily=self._kept(data, "backup_keep_daily", settings.backup_keep_daily),
            backup_keep_weekly=self._kept(data, "backup_keep_weekly", settings.backup_keep_weekly),
            backup_keep_monthly=self._kept(
                data, "backup_keep_monthly", settings.backup_keep_monthly
            ),
        )

    def _backup_dir(self, data: dict[str, object]) -> str:
        folder = self.text(data, "", "backup_dir").strip()
        if folder and not Path(folder).expanduser().is_absolute():
            self.add("backup_dir", _WHOLE_PATH)
            return ""
        return folder

    def _kept(self, data: dict[str, object], key: str, default: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(key, _WHOLE_NUMBER.format(most=MOST_KEPT))
            return default
        if not 0 <= value <= MOST_KEPT:
            self.add(key, _NOT_KEPT.format(most=MOST_KEPT, value=value))
            return default
        return value

    def _database(self, data: dict[str, object]) -> str:
        url = self.text(data, "", "database")
        if url and not url.startswith(("postgresql:", "postgresql+")):
            self.add("database", _POSTGRESQL)
            return ""
        user_part = url.split("://", 1)[-1].split("@", 1)[0] if "@" in url else ""
        if ":" in user_part or "password=" in url.lower():
            self.add("database", _NO_PASSWORD)
            return ""
        return url


def parse_room_settings(text: str, source: str = "") -> RoomSettings:
    """The settings in ``text``; RoomSettingsError naming every problem."""
    data = parse_toml(text, RoomSettingsError, source)
    checker = _RoomChecker(text)
    settings = checker.read(data)
    if checker.problems:
        raise RoomSettingsError(checker.problems, source)
    return settings


def load_room_settings(path: Path) -> tuple[RoomSettings, RoomSettingsError | None]:
    """The settings in ``path`` (the defaults when it does not exist), or the defaults and
    why the file cannot be used."""
    if not path.exists():
        return RoomSettings(), None
    try:
        return parse_room_settings(read_toml_text(path, RoomSettingsError), str(path)), None
    except RoomSettingsError as exc:
        return RoomSettings(), exc
