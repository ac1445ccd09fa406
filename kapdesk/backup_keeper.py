"""This room PC's backups as the room keeps them: made with the room's settings and the right
passphrase, the last good one remembered beside the records, each made or failed one audited.

Plain Python, no Qt: the window runs :meth:`BackupKeeper.back_up` on a thread of its own (a
large record takes many seconds) and shows what comes back. Nothing here ever raises into
its caller: a backup that cannot be made is a sentence, and the session on screen goes on.

The state file ``backups.json`` in the data folder holds no patient data: when the last good
backup was made, where, its size and how many sessions it holds, and the last failure.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kapdesk.core.backups import Encryption, RotationPolicy, backup_due, backup_notice
from kapdesk.core.safe_files import write_atomically
from kapdesk.core.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from kapdesk.core.backups import BackupFacts
    from kapdesk.core.clock import Clock
    from kapdesk.core.room import RoomSettings
    from kapdesk.paths import AppPaths
    from kapdesk.storage.db import Storage

log = logging.getLogger(__name__)

STATE_NAME = "backups.json"
NO_FOLDER = QT_TRANSLATE_NOOP(
    "Backups", "No backup folder is set: an admin sets one on “This room PC”."
)
ON_SERVER = QT_TRANSLATE_NOOP(
    "Backups",
    "This room's records are on the clinic server: the server's own tools back them up "
    "(see docs/backup.md).",
)
UNEXPECTED = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup could not be made because of an unexpected fault; kapdesk's log has the "
    "details. Earlier backups were kept.",
)
NO_PASSPHRASE = QT_TRANSLATE_NOOP(
    "Backups",
    "No backup passphrase is set: an admin sets one on “This room PC” "
    "(or chooses to keep backups unencrypted).",
)
NONE_YET = QT_TRANSLATE_NOOP(
    "Backups", "No backups are made on this PC yet: set a backup folder on “This room PC”."
)


class AuditLog(Protocol):
    """Where backups are audited (:class:`kapdesk.storage.staff.StaffStore`)."""

    def record(self, who: str, action: str, subject: str = "", **detail: object) -> None: ...


@dataclass(frozen=True)
class LastGoodBackup:
    """The newest backup made here and verified: what the admin's page shows."""

    made_at: datetime  # aware UTC
    folder: str
    file: str
    size: int  # bytes
    sessions: int


@dataclass(frozen=True)
class BackupOutcome:
    """How one backup ended: ``made`` once verified, else ``problem`` in a sentence."""

    why: str
    made: LastGoodBackup | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.made is not None


class BackupKeeper:
    """Makes this room's backups and remembers the last good one. Any thread may call it;
    one backup is made at a time."""

    def __init__(
        self,
        storage: Storage,
        paths: AppPaths,
        room: RoomSettings,
        clock: Clock,
        audit: AuditLog | None,
    ) -> None:
        self.storage = storage
        self.paths = paths
        self.room = room  # the window puts the settings in as an admin saves them
        self.clock = clock
        self.audit = audit
        self._one_at_a_time = threading.RLock()  # held across the check and the backup
        self._state_lock = threading.Lock()

    @property
    def state_file(self) -> Path:
        return self.paths.data_dir / STATE_NAME

    @property
    def wanted(self) -> bool:
        """Whether this room makes backups at all (a folder is set, the records are here)."""
        return bool(self.room.backup_dir) and not self.room.on_server

    def due(self) -> bool:
        """The daily backup is due: a folder is set and the last good one is a day old."""
        if not self.wanted:
            return False
        last = self.last_good()
        return backup_due(last.made_at if last else None, self.clock.now())

    def notice(self, last: LastGoodBackup | None) -> str | None:
        """The admin's calm notice, or None, given the ``last`` good backup: no folder set, the
        folder not there, the last good backup older than two days, or the folder on the
        record's own disk (a drive unplugged leaves its empty mount point behind). Looks at
        the folder: not on the window's thread."""
        from kapdesk.storage.backup import folder_problem, same_disk_problem  # noqa: PLC0415

        if self.room.on_server:
            return None
        if not self.room.backup_dir:
            return NONE_YET
        folder = Path(self.room.backup_dir).expanduser()
        problem = folder_problem(folder)
        said = backup_notice(last.made_at if last else None, problem, self.clock.now())
        database = self.storage.engine.url.database
        if said is None and problem is None and database:
            said = same_disk_problem(folder, Path(database))
        return said

    def sweep_leftovers(self) -> None:
        """Remove what backups killed earlier left (plain snapshots of the record, partials in
        the room's folder) unless a backup is under way. Never raises; looks at the folder:
        not on the window's thread."""
        from kapdesk.storage.backup import sweep_leftovers  # noqa: PLC0415

        if self.room.on_server:
            return
        folder = Path(self.room.backup_dir).expanduser() if self.room.backup_dir else None
        try:
            sweep_leftovers(self.storage, folder)
        except Exception:  # a sweep that fails is tried again by the next backup
            log.exception("what killed backups left could not be removed")

    # -- making one ---------------------------------------------------------------------------

    def back_up_if_due(self) -> BackupOutcome | None:
        """The daily backup if it is due once any backup under way has ended (one made after
        a session closed meanwhile counts), else None."""
        with self._one_at_a_time:
            return self.back_up("daily") if self.due() else None

    def back_up(self, why: str, *, by: str = "") -> BackupOutcome:
        """Make one backup now into the room's folder (``why``: "session closed", "daily",
        "asked"; ``by``: who asked). Never raises: a failure is the outcome's sentence, kept
        in the state file and audited."""
        with self._one_at_a_time:
            try:
                outcome = self._make(why)
            except Exception:  # the session on screen must never feel a backup fail
                log.exception("a backup failed in an unexpected way")
                outcome = BackupOutcome(why, problem=UNEXPECTED)
            self._remember(outcome)
            self._audit(outcome, by)
            return outcome

    def _make(self, why: str) -> BackupOutcome:
        from kapdesk.storage.backup import (  # noqa: PLC0415  (the backup engine loads late)
            BackupError,
            backup_encryption,
            folder_problem,
            make_backup,
        )

        room = self.room
        if room.on_server:
            return BackupOutcome(why, problem=ON_SERVER)
        if not room.backup_dir:
            return BackupOutcome(why, problem=NO_FOLDER)
        folder = Path(room.backup_dir).expanduser()
        missing = folder_problem(folder)  # before the passphrase: the drive is what to fix first
        if missing:
            return BackupOutcome(why, problem=missing)
        try:
            encryption = backup_encryption(self.storage, room.backup_unencrypted)
            passphrase = None
            if encryption is Encryption.BACKUP_PASSPHRASE:
                passphrase = self._backup_passphrase()
                if passphrase is None:
                    return BackupOutcome(why, problem=NO_PASSPHRASE)
            policy = RotationPolicy(
                room.backup_keep_daily, room.backup_keep_weekly, room.backup_keep_monthly
            )
            file, facts = make_backup(
                self.storage,
                folder,
                room=room.room_name,
                clock=self.clock,
                passphrase=passphrase,
                encryption=encryption,
                policy=policy,
            )
        except BackupError as exc:
            return BackupOutcome(why, problem=exc.args[0])  # its words, said in any language
        return BackupOutcome(why, made=last_good_backup(file, facts))

    def needs_passphrase(self) -> bool:
        """Backups need a passphrase of their own: the database is not encrypted and the
        admin has not chosen unencrypted backups."""
        from kapdesk.storage.backup import backup_encryption  # noqa: PLC0415

        if self.room.on_server:
            return False
        encryption = backup_encryption(self.storage, self.room.backup_unencrypted)
        return encryption is Encryption.BACKUP_PASSPHRASE

    def passphrase_kept(self) -> bool:
        return self._backup_passphrase() is not None

    def keep_passphrase(self, passphrase: str, by: str) -> str | None:
        """Keep the backup passphrase in the OS keyring; a sentence when it cannot be."""
        from kapdesk.storage.encryption import keep_backup_passphrase  # noqa: PLC0415

        problem = keep_backup_passphrase(self.paths, passphrase)
        if problem is None and self.audit is not None:
            from kapdesk.storage.errors import StorageError  # noqa: PLC0415

            try:
                self.audit.record(by, "settings_changed", "backup passphrase")
            except StorageError as exc:
                log.warning("the new backup passphrase could not be audited: %s", exc)
        return problem

    def _backup_passphrase(self) -> str | None:
        from kapdesk.storage.encryption import kept_backup_passphrase  # noqa: PLC0415

        return kept_backup_passphrase(self.paths)

    # -- the state file -----------------------------------------------------------------------

    def state(self) -> tuple[LastGoodBackup | None, tuple[datetime, str] | None]:
        """The last good backup and the last failure since, from one reading of
        ``backups.json``."""
        data = self._read()
        return _last_good_in(data, self.state_file), _failure_in(data)

    def last_good(self) -> LastGoodBackup | None:
        """The newest backup made here and verified (from ``backups.json``), or None."""
        return self.state()[0]

    def last_failure(self) -> tuple[datetime, str] | None:
        """When the last backup failed and why, if it failed after the last good one."""
        return self.state()[1]

    def _read(self) -> dict[str, Any]:
        return _read_state(self.state_file)

    def _remember(self, outcome: BackupOutcome) -> None:
        with self._state_lock:
            remember_backup(self.paths, outcome, self.clock.now())

    def _audit(self, outcome: BackupOutcome, by: str) -> None:
        if self.audit is None:
            return
        from kapdesk.storage.errors import StorageError  # noqa: PLC0415

        try:
            if outcome.made is not None:
                made = outcome.made
                self.audit.record(
                    by,
                    "backup_made",
                    made.file,
                    why=outcome.why,
                    folder=made.folder,
                    size=made.size,
                    sessions=made.sessions,
                )
            else:
                self.audit.record(by, "backup_failed", why=outcome.why, problem=outcome.problem)
        except StorageError as exc:
            log.warning("the backup could not be audited: %s", exc)


def _last_good_in(state: dict[str, Any], state_file: Path) -> LastGoodBackup | None:
    data = state.get("last_good")
    if not isinstance(data, dict):
        return None
    try:
        return LastGoodBackup(
            made_at=datetime.fromisoformat(str(data["made_at"])),
            folder=str(data["folder"]),
            file=str(data["file"]),
            size=int(data["size"]),
            sessions=int(data["sessions"]),
        )
    except (KeyError, TypeError, ValueError):
        log.warning("the last good backup in %s cannot be read", state_file)
        return None


def _failure_in(state: dict[str, Any]) -> tuple[datetime, str] | None:
    data = state.get("failure")
    if not isinstance(data, dict):
        return None
    try:
        return datetime.fromisoformat(str(data["at"])), str(data["text"])
    except (KeyError, ValueError):
        return None


def remember_backup(paths: AppPaths, outcome: BackupOutcome, now: datetime) -> None:
    """Note ``outcome`` in the data folder's ``backups.json``: the window's keeper after each
    backup, ``kapdesk backup`` after one into the room's folder, so the admin's page shows
    the newest either made. Never raises: the state file is a convenience, not the record."""
    state_file = paths.data_dir / STATE_NAME
    state = _read_state(state_file)
    if outcome.made is not None:
        made = outcome.made
        state["last_good"] = {**asdict(made), "made_at": made.made_at.isoformat()}
        state.pop("failure", None)
    else:
        state["failure"] = {
            "at": now.isoformat(),
            "text": outcome.problem or "",
            "why": outcome.why,
        }
    try:
        text = json.dumps(state, indent=2, sort_keys=True) + "\n"
        write_atomically(state_file, text.encode("utf-8"))
    except OSError as exc:
        log.warning("%s could not be written: %s", state_file, exc)


def _read_state(state_file: Path) -> dict[str, Any]:
    try:
        data = json.loads(state_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("%s cannot be read: %s", state_file, exc)
        return {}
    return data if isinstance(data, dict) else {}


def last_good_backup(file: Path, facts: BackupFacts) -> LastGoodBackup:
    """What the state file keeps of a backup just made and verified."""
    return LastGoodBackup(
        made_at=facts.made_at,
        folder=str(file.parent),
        file=file.name,
        size=facts.size,
        sessions=facts.counts.sessions,
    )
