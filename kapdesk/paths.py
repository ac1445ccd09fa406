"""Where kapdesk keeps things: the data folder (database, clinic protocols) and the logs.

The platformdirs user data folder by default; ``--data-dir`` or ``KAPDESK_DATA_DIR`` move it.
Practice (``kapdesk --practice``) keeps a folder of its own inside it (``AppPaths.for_practice``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import import_module
from pathlib import Path
from typing import NamedTuple

APP_NAME = "kapdesk"


def package_folder(package: str, name: str) -> Path:
    """A folder of kapdesk's own data inside ``package``, found as package data the same way
    from a checkout, an installed wheel and the frozen build: never relative to a checkout.
    It is read with Path's calls, so it must be a real folder (kapdesk is never run from a
    zip).

    The package's folder is the one its ``__init__`` was loaded from, which is what
    ``importlib.resources.files`` gives for a package on disk (Python's own loader and the
    frozen build's alike), without importing importlib.resources before the first frame."""
    origin = import_module(package).__file__
    folder = Path(origin).parent if origin else None
    if folder is None or not folder.is_dir():
        raise RuntimeError(f"kapdesk's bundled data is not in a folder: {origin or package}")
    return folder / name


# kapdesk's own data: protocols, sounds, settings, icons.
ASSETS_DIR = package_folder("kapdesk", "assets")
BUNDLED_PROTOCOLS_DIR = ASSETS_DIR / "protocols"
BUNDLED_SOUNDS_DIR = ASSETS_DIR / "sounds"
BUNDLED_CLINIC_SETTINGS = ASSETS_DIR / "clinic.toml"


class AppPaths(NamedTuple):
    """The folders one kapdesk installation uses.

    A NamedTuple rather than a frozen dataclass: the same immutable value, without importing
    dataclasses before the first frame."""

    data_dir: Path
    log_dir: Path
    config_dir: Path | None = None  # this PC's own settings (room.toml); the data folder if None
    # Where the clinic's settings, protocols and quick tags are read; the data folder if None.
    clinic_dir: Path | None = None
    practice: bool = False  # the practice record, never the clinic's (see for_practice)

    @classmethod
    def resolve(
        cls, data_dir: str | Path | None, environ: Mapping[str, str] = os.environ
    ) -> AppPaths:
        chosen = data_dir or environ.get("KAPDESK_DATA_DIR")
        if chosen:
            base = Path(chosen).expanduser().resolve()
            return cls(data_dir=base, log_dir=base / "logs")  # room.toml in the folder too
        import platformdirs  # noqa: PLC0415  (only for the default folders)

        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        )

    def for_practice(self) -> AppPaths:
        """The places of practice: a ``practice`` folder inside the data folder with its own
        record, locks, heartbeat, room settings and logs, which reads the clinic's settings,
        protocols and quick tags but writes nothing beside them. It never names a clinic
        server (its room.toml is its own), so practice always runs on its own SQLite file."""
        from kapdesk.core.practice import PRACTICE_FOLDER  # noqa: PLC0415

        if self.practice:
            return self
        folder = self.data_dir / PRACTICE_FOLDER
        return AppPaths(
            data_dir=folder,
            log_dir=self.log_dir / PRACTICE_FOLDER,
            config_dir=None,
            clinic_dir=self.clinic_folder,
            practice=True,
        )

    @property
    def clinic_folder(self) -> Path:
        """The folder of the clinic's settings, protocols and quick tags."""
        return self.clinic_dir or self.data_dir

    @property
    def database(self) -> Path:
        return self.data_dir / "kapdesk.sqlite3"

    @property
    def outbox(self) -> Path:
        """What a room on a clinic server keeps while the server cannot be reached."""
        return self.data_dir / "outbox.sqlite"

    @property
    def set_aside(self) -> Path:
        """Entries a SQLite record could not take (another kapdesk wrote in their place)."""
        return self.data_dir / "set-aside.sqlite"

    @property
    def clinic_settings(self) -> Path:
        """The clinic's own settings (``clinic.toml``), over kapdesk's bundled ones."""
        return self.clinic_folder / "clinic.toml"

    @property
    def room_settings(self) -> Path:
        """This room PC's settings (``room.toml``): room name, kiosk, autostart, lock, volume."""
        return (self.config_dir or self.data_dir) / "room.toml"

    @property
    def clinic_protocols_dir(self) -> Path:
        return self.clinic_folder / "protocols"

    def kept_places(self, database: Path | None = None) -> tuple[Path, ...]:
        """kapdesk's own places, which no export or print ever writes over.

        The data folder (database, WAL, outbox, clinic settings, protocols), this PC's
        settings folder (room.toml), the log folder, and ``database`` (a ``--db`` SQLite file
        elsewhere) with the sidecars SQLite keeps beside it.
        """
        from kapdesk.core.safe_files import sqlite_family  # noqa: PLC0415

        places = [self.data_dir, self.log_dir]
        if self.clinic_dir is not None:  # practice: the clinic's data folder, its record too
            places.append(self.clinic_dir)
        if self.config_dir is not None:
            places.append(self.config_dir)
        places += sqlite_family(self.database)
        if database is not None:
            places += sqlite_family(database)
        return tuple(places)

    def ensure_private(self) -> None:
        """Create the data folder readable by its owner only (0700); in practice, the
        clinic's data folder around it first."""
        for folder in (self.clinic_dir, self.data_dir):
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                os.chmod(folder, 0o700)
