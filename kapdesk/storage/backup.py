"""Making backups of the room's SQLite record (checking, listing and rotating them is
:mod:`kapdesk.storage.backup_files`, whose names this module offers too).

A backup is a consistent snapshot taken while kapdesk runs: SQLite's online backup API, through
the storage engine's own connection, inside one read transaction that also reads the counts
the backup is checked against. (No second connection to the live file is opened: kapdesk's
file is witnessed, and a stray connection closing last would checkpoint it behind the witness's
back.) It is written whole or not at all: to a hidden partial name, synced, verified, renamed,
and the folder synced; its facts (counts only) are written beside it last.

Encrypted as the admin chose (:class:`~kapdesk.core.backups.Encryption`): with the database's
own SQLCipher key, with a backup passphrase (a plain database: the snapshot passes through a
private file in the data folder, never through the backup folder), or not at all. How is marked
in the backup file itself (its SQLite application_id) before it is verified and hashed, so a
backup whose facts are lost is still restored as what it is. Rotation runs only after the new
backup was verified, and removes only this room's backups.

A backup killed part-way leaves its partial, and perhaps the plain snapshot, behind. Every
backup holds the record's backup lock (``<record>.backup.kapdesk-lock``, an ``flock`` as the
writer lock's) while it runs, so whoever takes that lock knows no backup of the record is under
way, in any process: the next backup, and the window at start (:func:`sweep_leftovers`), then
remove this PC's leftovers whatever their age, with their SQLite sidecars (their names start
with a mark of this PC and record). Another PC's partial in a shared folder goes once an hour
old. The plain snapshot is nameless (unlinked, still open) while it is encrypted, so a kill then
leaves nothing of it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import socket
import sqlite3
import sys
import time
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from kapdesk import __version__
from kapdesk.core.backups import (
    BACKUP_SUFFIX,
    BackupFacts,
    Encryption,
    RecordCounts,
    RotationPolicy,
    backup_name,
    facts_name,
)
from kapdesk.core.clock import Clock
from kapdesk.core.safe_files import (
    SQLITE_FILES,
    remove_sqlite_files,
    sync_folder,
    write_atomically,
)
from kapdesk.storage import backup_words as words
from kapdesk.storage.backup_files import (
    ENCRYPTION_MARKS,
    BackupError,
    database_errors,
    examine_backup,
    file_sha256,
    folder_problem,
    is_encrypted_backup,
    list_backups,
    newest_record_at,
    one_value,
    quoted,
    read_counts,
    rotate,
    same_disk_problem,
    verify_backup,
)
from kapdesk.storage.db import Storage
from kapdesk.storage.errors import DatabaseError
from kapdesk.storage.writer_lock import DatabaseInUseError, WriterLock, held_here

__all__ = [
    "BackupError",
    "backup_encryption",
    "file_sha256",
    "folder_problem",
    "is_encrypted_backup",
    "list_backups",
    "make_backup",
    "read_counts",
    "rotate",
    "same_disk_problem",
    "sweep_leftovers",
    "verify_backup",
]
log = logging.getLogger(__name__)

PARTIAL_SUFFIX = ".partial"
PLAIN_SUFFIX = ".backup-plain"  # the private plain snapshot of a passphrase backup
BACKUP_LOCK = ".backup"  # beside the record, + ".kapdesk-lock": held while a backup of it runs
LEFTOVER_AGE = 3600.0  # seconds before another PC's partial, left by a kill, is removed
LOCK_WAIT = 30 * 60.0  # seconds a backup waits for another process's backup of the record
LOCK_RETRY = 0.25  # seconds between looks at the backup lock
PAGES_PER_STEP = 4096  # the backup copies this many pages per step, the GIL let go meanwhile
SERVER_WORDS = words.SERVER_WORDS


@dataclass(frozen=True)
class _Snapshot:
    """What was read of the database in the snapshot's read transaction."""

    made_at: datetime
    schema: str
    counts: RecordCounts
    newest_record_at: datetime | None


# -- reading a database ----------------------------------------------------------------------


def _read_snapshot(connection: Any, clock: Clock) -> _Snapshot:
    counts = read_counts(connection)  # the first read: it fixes the snapshot
    return _Snapshot(
        made_at=clock.now().astimezone(UTC),
        schema=str(one_value(connection, "SELECT version_num FROM alembic_version") or ""),
        counts=counts,
        newest_record_at=newest_record_at(connection),
    )


# -- the folder ------------------------------------------------------------------------------


def _write_problem(exc: BaseException, folder: Path) -> str:
    """The plain sentence for a failure to write a backup into ``folder``."""
    number = exc.errno if isinstance(exc, OSError) else None
    # SQLite says what went wrong only in words (an OSError's words may hold any path).
    said = "" if isinstance(exc, OSError) else str(exc).lower()
    if number in (errno.ENOSPC, errno.EDQUOT) or "full" in said:
        return words.FOLDER_FULL.format(folder=folder)
    if number in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in said:
        return words.FOLDER_READ_ONLY.format(folder=folder)
    if number in (errno.ENOENT, errno.ENODEV, errno.EIO, errno.ENOTDIR):
        return words.FOLDER_GONE.format(folder=folder)
    return words.WRITE_FAILED.format(folder=folder, error=str(exc))


# -- what killed backups leave -----------------------------------------------------------------


def record_source(source: Path) -> str:
    """This PC's record ``source``, told apart from any other PC's (a digest of the machine's
    id, its name and the record's real path): the facts keep it, and rotation removes only
    its backups. The machine's id tells apart room PCs cloned from one image, which share a
    name and a data folder's path."""
    seen = f"{_machine_id()}\n{socket.gethostname()}\n{os.path.realpath(source)}".encode()
    return hashlib.sha256(seen).hexdigest()[:16]


def _machine_id() -> str:
    """The operating system's id of this installation ("" where there is none to read)."""
    if sys.platform == "win32":
        try:
            import winreg  # noqa: PLC0415  (Windows only)

            with winreg.OpenKey(
                winreg.HKEY_LOCAL_MACHINE,
                r"SOFTWARE\Microsoft\Cryptography",
            ) as key:
                return str(winreg.QueryValueEx(key, "MachineGuid")[0])
        except OSError:
            return ""
    for place in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            return Path(place).read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            continue
    return ""


def _owner(source: Path) -> str:
    """The start of the names this PC's backups of ``source`` give their passing files: only
    they come under the backup lock (another PC may write partials into a shared folder)."""
    return f".kapdesk-{record_source(source)[:12]}-"


def _backup_lock(source: Path) -> WriterLock:
    """The lock held while a backup of ``source`` runs, in any process (not yet taken); one
    lock for the record, whatever name or link it is reached by."""
    real = Path(os.path.realpath(source))
    return WriterLock(real.with_name(real.name + BACKUP_LOCK))


def _take_backup_lock(source: Path) -> WriterLock | None:
    """The backup lock of ``source``, once the backup another process may be making ends; None
    when its file cannot be made (a read-only data folder: no sweep then, the backup goes on)."""
    lock = _backup_lock(source)
    waited_until = time.monotonic() + LOCK_WAIT
    while True:
        try:
            lock.acquire()
        except DatabaseInUseError as exc:
            if time.monotonic() > waited_until:
                raise BackupError(words.LONG_UNDER_WAY.format()) from exc
            time.sleep(LOCK_RETRY)
            continue
        except DatabaseError:
            return None
        return lock


def _sweep(source: Path, folder: Path | None, *, ours: bool) -> None:
    """Remove what killed backups left: plain snapshots beside ``source`` and partials in
    ``folder``, each with its SQLite sidecars. This PC's own at once when ``ours`` (the backup
    lock is held: none of its backups is under way); any other once an hour old. What a killed
    restore left beside ``source`` too, when this process holds its writer lock."""
    owner = _owner(source) if ours else None
    now = time.time()
    _remove_leftovers(source.parent, PLAIN_SUFFIX, owner, now)
    if held_here(source):  # no restore is under way: it would hold the writer lock
        from kapdesk.storage.restore import remove_restore_leftovers  # noqa: PLC0415

        with contextlib.suppress(OSError):
            remove_restore_leftovers(source)
    if folder is not None:
        _remove_leftovers(folder, PARTIAL_SUFFIX, owner, now)


def _remove_leftovers(place: Path, suffix: str, owner: str | None, now: float) -> None:
    with contextlib.suppress(OSError):
        for entry in os.scandir(place):
            name = entry.name
            stem = next((name[: -len(end)] for end in SQLITE_FILES[1:] if name.endswith(end)), name)
            if not (name.startswith(".kapdesk-") and stem.endswith(suffix)):
                continue
            with contextlib.suppress(OSError):
                mine = owner is not None and name.startswith(owner)
                if mine or now - entry.stat(follow_symlinks=False).st_mtime > LEFTOVER_AGE:
                    os.unlink(entry.path)


def sweep_leftovers(storage: Storage, folder: Path | None) -> None:
    """Remove what killed backups of ``storage``'s record left (plain snapshots beside it,
    partials in ``folder``), unless a backup of it is under way. Never raises."""
    try:
        source = _sqlite_file(storage)
    except BackupError:
        return
    lock = _backup_lock(source)
    try:
        lock.acquire()
    except DatabaseError:  # a backup is under way, or the data folder is read-only
        return
    try:
        _sweep(source, folder, ours=True)
    finally:
        lock.release()


def _new_private_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- making one ------------------------------------------------------------------------------


def backup_encryption(storage: Storage, unencrypted: bool) -> Encryption:
    """How a backup of ``storage`` is encrypted: an encrypted database's backups always with
    its own key (a record encrypted at rest never leaves the PC in the clear); a plain one's
    with the backup passphrase, or not at all when the admin chose so."""
    if storage.engine.url.get_driver_name() == "pysqlcipher":
        return Encryption.DATABASE_KEY
    if unencrypted:
        return Encryption.NONE
    return Encryption.BACKUP_PASSPHRASE


def _sqlite_file(storage: Storage) -> Path:
    url = storage.engine.url
    if url.get_backend_name() != "sqlite":
        raise BackupError(words.ON_SERVER.format(how=SERVER_WORDS))
    database = url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError(words.NOT_A_FILE.format())
    return Path(database)


def _key_for(storage: Storage, encryption: Encryption, passphrase: str | None) -> str | None:
    """The key the backup is written with (None: plain), or BackupError."""
    encrypted_db = storage.engine.url.get_driver_name() == "pysqlcipher"
    if encryption is Encryption.DATABASE_KEY:
        if not encrypted_db:
            raise BackupError(words.NO_KEY.format())
        return str(make_url(storage.engine.url).password or "")
    if encrypted_db:
        raise BackupError(words.OWN_KEY.format(asked=encryption.value))
    if encryption is Encryption.BACKUP_PASSPHRASE:
        if not passphrase:
            raise BackupError(words.NO_PASSPHRASE_SET.format())
        return passphrase
    return None


def make_backup(
    storage: Storage,
    folder: Path,
    *,
    room: str,
    clock: Clock,
    passphrase: str | None,
    encryption: Encryption,
    policy: RotationPolicy | None = None,
) -> tuple[Path, BackupFacts]:
    """Back the database up into ``folder``, verified, and rotate by ``policy`` (None: none).

    Raises BackupError with a whole sentence; nothing is then left under a backup's name and
    the earlier backups are as they were.
    """
    source = _sqlite_file(storage)
    key = _key_for(storage, encryption, passphrase)
    problem = folder_problem(folder)
    if problem:
        sweep_leftovers(storage, None)  # the data folder's, at least
        raise BackupError(problem)
    lock = _take_backup_lock(source)
    try:
        _sweep(source, folder, ours=lock is not None)
        made = _make(
            storage, source, folder, room=room, clock=clock, key=key, encryption=encryption
        )
    finally:
        if lock is not None:
            lock.release()
    if policy is not None:
        try:
            rotate(folder, room, policy, source=record_source(source))
        except BackupError as exc:  # the new backup stands; the old ones go next time
            log.warning("backups in %s not rotated: %s", folder, exc)
    return made


def _make(
    storage: Storage,
    source: Path,
    folder: Path,
    *,
    room: str,
    clock: Clock,
    key: str | None,
    encryption: Encryption,
) -> tuple[Path, BackupFacts]:
    """The backup made, verified and named, its facts written (the backup lock held)."""
    # The partial's name is unique to this attempt: the real name is known only once the
    # snapshot's moment is.
    partial = folder / f"{_owner(source)}{uuid.uuid4().hex}{BACKUP_SUFFIX}{PARTIAL_SUFFIX}"
    try:
        _new_private_file(partial)
    except OSError as exc:
        raise BackupError(_write_problem(exc, folder)) from exc
    failures: tuple[type[Exception], ...] = (OSError, *database_errors(key is not None))
    try:
        snapshot = _copy(
            storage, source, partial=partial, encryption=encryption, key=key, clock=clock
        )
        _fsync(partial)
        facts = _checked(partial, key, snapshot, room=room, encryption=encryption, clock=clock)
        facts = replace(facts, source=record_source(source))
        final = _give_name(partial, folder, room, snapshot.made_at)
        facts = replace(facts, name=final.name)
    except BackupError:
        remove_sqlite_files(partial)
        raise
    except failures as exc:
        remove_sqlite_files(partial)
        raise BackupError(_write_problem(exc, folder)) from exc
    except BaseException:
        remove_sqlite_files(partial)
        raise
    try:
        sync_folder(folder)
        write_atomically(folder / facts_name(final.name), facts.to_json(), mode=0o600)
    except OSError as exc:
        # The backup itself is whole and verified; without its facts it counts as unverified.
        raise BackupError(_write_problem(exc, folder)) from exc
    return final, facts


def _give_name(partial: Path, folder: Path, room: str, made_at: datetime) -> Path:
    """Put the verified ``partial`` under its real name, never over another backup (one made
    within the same second, by this process or another, takes the next second's name)."""
    at = made_at
    while True:
        final = folder / backup_name(room, at)
        try:
            os.link(partial, final)  # fails if the name is taken: no backup is overwritten
        except FileExistsError:
            at = at.replace(microsecond=0) + timedelta(seconds=1)
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            # A file system without hard links (a FAT drive): look, then rename.
            if os.path.lexists(final):
                at = at.replace(microsecond=0) + timedelta(seconds=1)
                continue
            os.replace(partial, final)
            return final
        os.unlink(partial)
        return final


def _copy(
    storage: Storage,
    source: Path,
    *,
    partial: Path,
    encryption: Encryption,
    key: str | None,
    clock: Clock,
) -> _Snapshot:
    """Copy one snapshot of the database into ``partial``, encrypted by ``key``."""
    if encryption is Encryption.BACKUP_PASSPHRASE:
        plain = source.parent / f"{_owner(source)}{uuid.uuid4().hex}{PLAIN_SUFFIX}"
        _new_private_file(plain)
        try:
            snapshot = _snapshot_into(storage, plain, None, clock)
            _export_encrypted(plain, partial, str(key))
        finally:
            remove_sqlite_files(plain)
        return snapshot
    return _snapshot_into(storage, partial, key, clock)


def _connect(path: Path, key: str | None) -> Any:
    """A connection to the backup file at ``path``: SQLCipher keyed by ``key``, else plain."""
    if key is None:
        return sqlite3.connect(path, isolation_level=None)
    import sqlcipher3  # noqa: PLC0415  (only for encrypted backups)

    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute("PRAGMA key = " + quoted(key))
    return connection


def _snapshot_into(storage: Storage, target_path: Path, key: str | None, clock: Clock) -> _Snapshot:
    """Copy the database as one read transaction sees it into ``target_path`` (SQLCipher's
    backup between two connections keyed alike when ``key`` is given), reading the counts in
    that same transaction."""
    raw = storage.engine.raw_connection()
    try:
        connection: Any = raw.driver_connection
        target = _connect(target_path, key)
        try:
            connection.execute("BEGIN")
            try:
                snapshot = _read_snapshot(connection, clock)
                connection.backup(target, pages=PAGES_PER_STEP)
            finally:
                connection.rollback()  # only read: nothing to commit, and no checkpoint
            # The copy carries the source's WAL mode: a single file is what leaves the PC.
            target.execute("PRAGMA journal_mode=DELETE")
            kind = Encryption.NONE if key is None else Encryption.DATABASE_KEY
            target.execute(f"PRAGMA application_id = {ENCRYPTION_MARKS[kind]}")
        finally:
            target.close()
    finally:
        raw.close()
    return snapshot


def _export_encrypted(plain: Path, partial: Path, key: str) -> None:
    """Write the plain snapshot ``plain`` into ``partial`` encrypted with ``key``."""
    import sqlcipher3  # noqa: PLC0415  (only for encrypted backups)

    # The last close of the unlinked snapshot frees its blocks, which takes tens of ms for a
    # clinic's record; sqlcipher3's close holds the GIL (the journey's tick would wait), so
    # kapdesk holds the file too and frees them itself with os.ftruncate, which lets go of it.
    held = os.open(plain, os.O_RDWR) if sys.platform != "win32" else None
    try:
        connection = sqlcipher3.connect(str(plain), isolation_level=None)
    except BaseException:
        if held is not None:
            os.close(held)
        raise
    try:
        # Once open, the plain snapshot needs no name: gone from the folder, it ends with this
        # connection, or with the process however it is killed. (Windows keeps an open file's
        # name: there the caller removes it after.)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if sys.platform != "win32":
            os.unlink(plain)
        connection.execute("ATTACH DATABASE ? AS backup KEY ?", (str(partial), key))
        connection.execute("SELECT sqlcipher_export('backup')")
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        connection.execute(f"PRAGMA backup.user_version = {version}")
        mark = ENCRYPTION_MARKS[Encryption.BACKUP_PASSPHRASE]
        connection.execute(f"PRAGMA backup.application_id = {mark}")
        connection.execute("DETACH DATABASE backup")
    finally:
        connection.close()
        if held is not None:
            try:
                os.ftruncate(held, 0)
            finally:
                os.close(held)


def _checked(
    partial: Path,
    key: str | None,
    snapshot: _Snapshot,
    *,
    room: str,
    encryption: Encryption,
    clock: Clock,
) -> BackupFacts:
    """The facts of the written backup once it checks out against the snapshot."""
    found = examine_backup(partial, key, partial.name)
    if found.encryption is not encryption:
        raise BackupError(words.NOT_MARKED.format(asked=encryption.value))
    if found.counts != snapshot.counts or found.schema != snapshot.schema:
        raise BackupError(
            words.NOT_THE_SAME.format(found=str(found.counts), expected=str(snapshot.counts))
        )
    return BackupFacts(
        name=partial.name,
        made_at=snapshot.made_at,
        room=room,
        kapdesk_version=__version__,
        schema=snapshot.schema,
        encryption=encryption,
        size=partial.stat().st_size,
        sha256=file_sha256(partial),
        counts=snapshot.counts,
        newest_record_at=snapshot.newest_record_at,
        verified_at=clock.now().astimezone(UTC),
    )
