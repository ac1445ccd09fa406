"""Making, checking, listing and rotating backups of the room's SQLite record.

A backup is a consistent snapshot taken while kapdesk runs: SQLite's online backup API, through
the storage engine's own connection, inside one read transaction that also reads the counts
the backup is checked against. (No second connection to the live file is opened: kapdesk's
file is witnessed, and a stray connection closing last would checkpoint it behind the witness's
back.) It is written whole or not at all: to a hidden partial name, synced, verified, renamed,
and the folder synced; its facts (counts only) are written beside it last.

Encrypted as the admin chose (:class:`~kapdesk.core.backups.Encryption`): with the database's
own SQLCipher key, with a backup passphrase (a plain database: the snapshot passes through a
private file in the data folder, never through the backup folder), or not at all. Rotation runs
only after the new backup was verified, and removes only this room's backups.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import sqlite3
import time
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
    parse_backup_name,
    room_slug,
    to_keep,
)
from kapdesk.core.clock import Clock
from kapdesk.core.safe_files import sync_folder, write_atomically
from kapdesk.storage.db import Storage
from kapdesk.storage.errors import StorageError

log = logging.getLogger(__name__)

PARTIAL_SUFFIX = ".partial"
PLAIN_SUFFIX = ".backup-plain"  # the private plain snapshot of a passphrase backup
LEFTOVER_AGE = 3600.0  # seconds before a partial left by a kill is removed
PAGES_PER_STEP = 4096  # the backup copies this many pages per step, the GIL let go meanwhile
SERVER_WORDS = (
    "on PostgreSQL the server's own tools back it up (pg_dump, pgBackRest): see docs/backup.md"
)
SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(StorageError):
    """A backup could not be made, checked or listed; the message says why in plain words."""


@dataclass(frozen=True)
class _Snapshot:
    """What was read of the database in the snapshot's read transaction."""

    made_at: datetime
    schema: str
    counts: RecordCounts
    newest_record_at: datetime | None


# -- reading a database ----------------------------------------------------------------------


def read_counts(connection: Any) -> RecordCounts:
    """Sessions, events, doses and audit lines the DBAPI ``connection`` sees."""
    cursor = connection.cursor()
    try:
        found = []
        for table in ("sessions", "session_events", "doses", "audit_log"):
            cursor.execute(f"SELECT count(*) FROM {table}")
            found.append(int(cursor.fetchone()[0]))
    finally:
        cursor.close()
    return RecordCounts(*found)


def _one(connection: Any, sql: str) -> Any:
    cursor = connection.cursor()
    try:
        cursor.execute(sql)
        row = cursor.fetchone()
    finally:
        cursor.close()
    return None if row is None else row[0]


def _stored_time(value: Any) -> datetime | None:
    """A time as SQLite keeps kapdesk's (UTC, without its zone), aware."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _newest_record_at(connection: Any) -> datetime | None:
    times = [
        _stored_time(_one(connection, "SELECT max(wall_at) FROM session_events")),
        _stored_time(_one(connection, "SELECT max(at) FROM audit_log")),
    ]
    known = [moment for moment in times if moment is not None]
    return max(known) if known else None


def _read_snapshot(connection: Any, clock: Clock) -> _Snapshot:
    counts = read_counts(connection)  # the first read: it fixes the snapshot
    return _Snapshot(
        made_at=clock.now().astimezone(UTC),
        schema=str(_one(connection, "SELECT version_num FROM alembic_version") or ""),
        counts=counts,
        newest_record_at=_newest_record_at(connection),
    )


# -- the folder ------------------------------------------------------------------------------


def folder_problem(folder: Path) -> str | None:
    """Why backups cannot go to ``folder`` (a whole sentence), or None."""
    try:
        if not folder.exists():
            return (
                f"The backup folder {folder} is not there (drive unplugged or share not mounted)."
            )
        if not folder.is_dir():
            return f"The backup folder {folder} is not a folder."
    except OSError as exc:
        return f"The backup folder {folder} cannot be reached ({exc.strerror})."
    return None


def _write_problem(exc: BaseException, folder: Path) -> str:
    """The plain sentence for a failure to write a backup into ``folder``."""
    number = exc.errno if isinstance(exc, OSError) else None
    # SQLite says what went wrong only in words (an OSError's words may hold any path).
    words = "" if isinstance(exc, OSError) else str(exc).lower()
    if number in (errno.ENOSPC, errno.EDQUOT) or "full" in words:
        return (
            f"The backup folder {folder} is full: make room there or choose another folder. "
            "The earlier backups were kept."
        )
    if number in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in words:
        return (
            f"The backup folder {folder} cannot be written (it is read-only or kapdesk may not "
            "write there). The earlier backups were kept."
        )
    if number in (errno.ENOENT, errno.ENODEV, errno.EIO, errno.ENOTDIR):
        return (
            f"The backup folder {folder} went away while the backup was written (drive "
            "unplugged or share lost). The earlier backups were kept."
        )
    return f"The backup to {folder} failed ({exc}). The earlier backups were kept."


def _remove_leftovers(folder: Path, suffix: str, now: float) -> None:
    """Partials a killed backup left behind, once they are an hour old (a backup running in
    another process may be writing a younger one)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(".kapdesk-") and entry.name.endswith(suffix):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > LEFTOVER_AGE:
                        os.unlink(entry.path)


def _new_private_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def _remove_family(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


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
        raise BackupError(f"This database is not backed up by kapdesk: {SERVER_WORDS}.")
    database = url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError("This database is not a file kapdesk can back up.")
    return Path(database)


def _key_for(storage: Storage, encryption: Encryption, passphrase: str | None) -> str | None:
    """The key the backup is written with (None: plain), or BackupError."""
    encrypted_db = storage.engine.url.get_driver_name() == "pysqlcipher"
    if encryption is Encryption.DATABASE_KEY:
        if not encrypted_db:
            raise BackupError(
                "The database is not encrypted, so it has no key of its own: a backup "
                "passphrase is needed to encrypt its backups."
            )
        return str(make_url(storage.engine.url).password or "")
    if encrypted_db:
        raise BackupError(
            "The database is encrypted: its backups are encrypted with its own key "
            f"(asked for {encryption.value})."
        )
    if encryption is Encryption.BACKUP_PASSPHRASE:
        if not passphrase:
            raise BackupError(
                'No backup passphrase is set: an admin sets one on "This room PC" (or '
                "chooses unencrypted backups)."
            )
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
        raise BackupError(problem)
    _remove_leftovers(folder, PARTIAL_SUFFIX, time.time())
    _remove_leftovers(source.parent, PLAIN_SUFFIX, time.time())
    # The partial's name is unique to this attempt: the real name is known only once the
    # snapshot's moment is.
    partial = folder / f".kapdesk-{uuid.uuid4().hex}{BACKUP_SUFFIX}{PARTIAL_SUFFIX}"
    try:
        _new_private_file(partial)
    except OSError as exc:
        raise BackupError(_write_problem(exc, folder)) from exc
    try:
        snapshot = _copy(
            storage, source, partial=partial, encryption=encryption, key=key, clock=clock
        )
        _fsync(partial)
        facts = _checked(partial, key, snapshot, room=room, encryption=encryption, clock=clock)
        final = _free_name(folder, room, snapshot.made_at)
        facts = replace(facts, name=final.name)
        os.replace(partial, final)
    except BackupError:
        _remove_family(partial)
        raise
    except (OSError, sqlite3.Error) as exc:
        _remove_family(partial)
        raise BackupError(_write_problem(exc, folder)) from exc
    except BaseException:
        _remove_family(partial)
        raise
    try:
        sync_folder(folder)
        write_atomically(folder / facts_name(final.name), facts.to_json(), mode=0o600)
    except OSError as exc:
        # The backup itself is whole and verified; without its facts it counts as unverified.
        raise BackupError(_write_problem(exc, folder)) from exc
    if policy is not None:
        rotate(folder, room, policy)
    return final, facts


def _free_name(folder: Path, room: str, made_at: datetime) -> Path:
    """The backup's real name; a second backup within the same second waits for the next."""
    at = made_at
    while True:
        final = folder / backup_name(room, at)
        if not os.path.lexists(final):
            return final
        at = at.replace(microsecond=0) + timedelta(seconds=1)


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
        plain = source.parent / f".kapdesk-{uuid.uuid4().hex}{PLAIN_SUFFIX}"
        _new_private_file(plain)
        try:
            snapshot = _snapshot_into(storage, plain, None, clock)
            _export_encrypted(plain, partial, str(key))
        finally:
            _remove_family(plain)
        return snapshot
    return _snapshot_into(storage, partial, key, clock)


def _connect(path: Path, key: str | None) -> Any:
    """A connection to the backup file at ``path``: SQLCipher keyed by ``key``, else plain."""
    if key is None:
        return sqlite3.connect(path, isolation_level=None)
    import sqlcipher3  # noqa: PLC0415  (only for encrypted backups)

    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute("PRAGMA key = " + _quoted(key))
    return connection


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


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
        finally:
            target.close()
    finally:
        raw.close()
    return snapshot


def _export_encrypted(plain: Path, partial: Path, key: str) -> None:
    """Write the plain snapshot ``plain`` into ``partial`` encrypted with ``key``."""
    import sqlcipher3  # noqa: PLC0415  (only for encrypted backups)

    connection = sqlcipher3.connect(str(plain), isolation_level=None)
    try:
        connection.execute("ATTACH DATABASE ? AS backup KEY ?", (str(partial), key))
        connection.execute("SELECT sqlcipher_export('backup')")
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        connection.execute(f"PRAGMA backup.user_version = {version}")
        connection.execute("DETACH DATABASE backup")
    finally:
        connection.close()


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
    found = _examine(partial, key, partial.name)
    if found.counts != snapshot.counts or found.schema != snapshot.schema:
        raise BackupError(
            f"The backup just written does not hold what the database held ({found.counts} "
            f"instead of {snapshot.counts}); it was not kept."
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


# -- checking one ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    schema: str
    counts: RecordCounts
    newest_record_at: datetime | None


def _examine(path: Path, key: str | None, shown: str) -> _Found:
    """Open the backup read-only, check its integrity and read what it holds."""
    uri = f"file:{quote(str(path))}?mode=ro&immutable=1"
    try:
        if key is None:
            connection: Any = sqlite3.connect(uri, uri=True, isolation_level=None)
        else:
            import sqlcipher3  # noqa: PLC0415  (only for encrypted backups)

            connection = sqlcipher3.connect(uri, uri=True, isolation_level=None)
            connection.execute("PRAGMA key = " + _quoted(key))
    except Exception as exc:
        raise BackupError(f"The backup {shown} cannot be opened ({exc}).") from exc
    try:
        checked = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
        if checked != ["ok"]:
            raise BackupError(f"The backup {shown} is damaged ({'; '.join(checked)[:200]}).")
        return _Found(
            schema=str(_one(connection, "SELECT version_num FROM alembic_version") or ""),
            counts=read_counts(connection),
            newest_record_at=_newest_record_at(connection),
        )
    except BackupError:
        raise
    except Exception as exc:
        words = str(exc)
        if key is not None and "not a database" in words:
            words = "the passphrase does not open it, or it is damaged"
        raise BackupError(f"The backup {shown} cannot be read ({words}).") from exc
    finally:
        connection.close()


def is_encrypted_backup(file: Path) -> bool:
    """Whether the backup at ``file`` is not plain SQLite (SQLCipher: random from byte 0)."""
    with file.open("rb") as opened:
        return opened.read(len(SQLITE_HEADER)) != SQLITE_HEADER


def verify_backup(file: Path, passphrase: str | None, *, clock: Clock | None = None) -> BackupFacts:
    """Check the backup at ``file``: it opens (with ``passphrase`` when encrypted), its
    integrity check is ok, and its counts, size and SHA-256 equal its facts' when it has them.
    The facts of the file as it is, with ``verified_at`` set; BackupError saying what is
    wrong."""
    try:
        if not file.is_file():
            raise BackupError(f"There is no backup file at {file}.")
        encrypted = is_encrypted_backup(file)
    except OSError as exc:
        raise BackupError(f"The backup {file} cannot be read ({exc.strerror}).") from exc
    if encrypted and not passphrase:
        raise BackupError(f"The backup {file.name} is encrypted: its passphrase is needed.")
    kept = _facts_of(file)
    found = _examine(file, passphrase if encrypted else None, file.name)
    size, sha256 = file.stat().st_size, file_sha256(file)
    now = (clock.now() if clock else datetime.now(UTC)).astimezone(UTC)
    if kept is not None:
        wrong = _differences(kept, found, size, sha256)
        if wrong:
            raise BackupError(
                f"The backup {file.name} is not the one its facts describe ({', '.join(wrong)})."
            )
        return replace(kept, verified_at=now)
    named = parse_backup_name(file.name)
    return BackupFacts(
        name=file.name,
        made_at=named[1] if named else datetime.fromtimestamp(file.stat().st_mtime, UTC),
        room=named[0] if named else "",
        kapdesk_version="",
        schema=found.schema,
        encryption=Encryption.NONE if not encrypted else Encryption.BACKUP_PASSPHRASE,
        size=size,
        sha256=sha256,
        counts=found.counts,
        newest_record_at=found.newest_record_at,
        verified_at=now,
    )


def _differences(kept: BackupFacts, found: _Found, size: int, sha256: str) -> list[str]:
    wrong = []
    if kept.counts != found.counts:
        wrong.append(f"it holds {found.counts}, its facts say {kept.counts}")
    if kept.size != size:
        wrong.append(f"{size} bytes instead of {kept.size}")
    if kept.sha256 != sha256:
        wrong.append("its SHA-256 differs")
    if kept.schema != found.schema:
        wrong.append(f"schema {found.schema} instead of {kept.schema}")
    return wrong


def _facts_of(file: Path) -> BackupFacts | None:
    """The facts kept beside ``file``; None when there are none or they cannot be read."""
    try:
        return BackupFacts.from_json(
            (file.parent / facts_name(file.name)).read_text(encoding="utf-8")
        )
    except (OSError, UnicodeDecodeError, ValueError):
        return None


# -- the folder's backups --------------------------------------------------------------------


def list_backups(folder: Path) -> list[tuple[Path, BackupFacts | None]]:
    """The backups in ``folder``, newest first, each with its facts (None: not verified)."""
    problem = folder_problem(folder)
    if problem:
        raise BackupError(problem)
    found: list[tuple[datetime, str, Path]] = []
    try:
        for entry in os.scandir(folder):
            named = parse_backup_name(entry.name)
            if named is not None and entry.is_file(follow_symlinks=False):
                found.append((named[1], entry.name, Path(entry.path)))
    except OSError as exc:
        raise BackupError(f"The backup folder {folder} cannot be read ({exc.strerror}).") from exc
    found.sort(reverse=True)
    return [(path, _facts_of(path)) for _, _, path in found]


def rotate(folder: Path, room: str, policy: RotationPolicy) -> list[Path]:
    """Remove this room's backups the policy no longer keeps, older than the newest verified
    one; the files removed."""
    slug = room_slug(room)
    ours = [
        (path, facts)
        for path, facts in list_backups(folder)
        if (named := parse_backup_name(path.name)) is not None and named[0] == slug
    ]
    verified = [
        parse_backup_name(path.name)[1]  # type: ignore[index]
        for path, facts in ours
        if facts is not None and facts.verified_at is not None
    ]
    if not verified:
        return []
    newest = max(verified)
    keep = to_keep(verified, policy)
    removed = []
    for path, _facts in ours:
        made = parse_backup_name(path.name)[1]  # type: ignore[index]
        if made >= newest or made in keep:
            continue
        try:
            path.unlink()
            (folder / facts_name(path.name)).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot remove the old backup %s: %s", path, exc)
            continue
        removed.append(path)
    if removed:
        with contextlib.suppress(OSError):
            sync_folder(folder)
    return removed
