"""Reading backups: what a backup database holds, checking one against its facts, the backups
in a folder, and rotating them (:mod:`kapdesk.storage.backup` makes them).

A backup is opened read-only and immutable: nothing is ever written beside it, not even a
journal.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kapdesk.core.backups import (
    BackupFacts,
    Encryption,
    RecordCounts,
    RotationPolicy,
    facts_name,
    parse_backup_name,
    room_slug,
    to_keep,
)
from kapdesk.core.clock import Clock
from kapdesk.core.safe_files import sync_folder
from kapdesk.storage import backup_words as words
from kapdesk.storage.errors import StorageError

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
# How a backup is encrypted, written into the backup file itself (SQLite's application_id, in
# its header) so that it is known when its facts are lost: "KDBN", "KDBK", "KDBP".
ENCRYPTION_MARKS = {
    Encryption.NONE: 0x4B44424E,
    Encryption.DATABASE_KEY: 0x4B44424B,
    Encryption.BACKUP_PASSPHRASE: 0x4B444250,
}


class BackupError(StorageError):
    """A backup could not be made, checked or listed; the message says why in plain words."""


def database_errors(sqlcipher: bool) -> tuple[type[Exception], ...]:
    """What SQLite raises: the standard module's errors, and with ``sqlcipher`` SQLCipher's
    too (its own classes, not the standard ones)."""
    found: tuple[type[Exception], ...] = (sqlite3.Error,)
    if sqlcipher:
        try:
            import sqlcipher3  # noqa: PLC0415  (only for encrypted backups)
        except ImportError:
            return found
        found = (*found, sqlcipher3.Error)
    return found


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


def one_value(connection: Any, sql: str) -> Any:
    cursor = connection.cursor()
    try:
        cursor.execute(sql)
        row = cursor.fetchone()
    finally:
        cursor.close()
    return None if row is None else row[0]


def stored_time(value: object) -> datetime | None:
    """A time as SQLite keeps kapdesk's (UTC text, without its zone), aware; None for none
    (NULL, or the empty text a ``coalesce`` gives)."""
    if not value:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def newest_record_at(connection: Any) -> datetime | None:
    times = [
        stored_time(one_value(connection, "SELECT max(wall_at) FROM session_events")),
        stored_time(one_value(connection, "SELECT max(at) FROM audit_log")),
    ]
    known = [moment for moment in times if moment is not None]
    return max(known) if known else None


# -- the folder ------------------------------------------------------------------------------


def folder_problem(folder: Path) -> str | None:
    """Why backups cannot go to ``folder`` (a whole sentence), or None."""
    try:
        if not folder.exists():
            return words.FOLDER_MISSING.format(folder=folder)
        if not folder.is_dir():
            return words.FOLDER_NOT_FOLDER.format(folder=folder)
    except OSError as exc:
        return words.FOLDER_UNREACHABLE.format(folder=folder, error=exc.strerror)
    return None


def same_disk_problem(folder: Path, database: Path) -> str | None:
    """A sentence when ``folder`` is on the record's own file system: a drive unplugged leaves
    its empty mount point behind, and backups written there die with the record's disk."""
    try:
        same = os.stat(folder).st_dev == os.stat(database).st_dev
    except OSError:
        return None
    if not same:
        return None
    return words.SAME_DISK.format(folder=folder)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def quoted(text: str) -> str:
    """``text`` as an SQL string literal (for ``PRAGMA key``, which takes no parameter)."""
    return "'" + text.replace("'", "''") + "'"


# -- checking one ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupContents:
    """What a backup database holds, as read from it."""

    schema: str
    counts: RecordCounts
    newest_record_at: datetime | None
    encryption: Encryption | None  # as marked in it; None for a backup made before marks


def marked_encryption(mark: object) -> Encryption | None:
    """The encryption an application_id ``mark`` stands for, or None (not a backup's mark)."""
    return next((kind for kind, value in ENCRYPTION_MARKS.items() if value == mark), None)


def examine_backup(path: Path, key: str | None, shown: str) -> BackupContents:
    """Open the backup read-only, check its integrity and read what it holds."""
    uri = f"file:{quote(str(path))}?mode=ro&immutable=1"
    try:
        if key is None:
            connection: Any = sqlite3.connect(uri, uri=True, isolation_level=None)
        else:
            import sqlcipher3  # noqa: PLC0415  (only for encrypted backups)

            connection = sqlcipher3.connect(uri, uri=True, isolation_level=None)
            connection.execute("PRAGMA key = " + quoted(key))
    except Exception as exc:
        raise BackupError(words.CANNOT_OPEN.format(name=shown, error=str(exc))) from exc
    try:
        checked = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
        if checked != ["ok"]:
            found = "; ".join(checked)[:200]
            raise BackupError(words.DAMAGED.format(name=shown, found=found))
        return BackupContents(
            schema=str(one_value(connection, "SELECT version_num FROM alembic_version") or ""),
            counts=read_counts(connection),
            newest_record_at=newest_record_at(connection),
            encryption=marked_encryption(one_value(connection, "PRAGMA application_id")),
        )
    except BackupError:
        raise
    except Exception as exc:
        error: str = str(exc)
        if key is not None and "not a database" in error:
            error = words.WRONG_PASSPHRASE
        raise BackupError(words.CANNOT_READ.format(name=shown, error=error)) from exc
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
    found = examine_backup(file, passphrase if encrypted else None, file.name)
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
        encryption=_encryption_of(encrypted, found.encryption),
        size=size,
        sha256=sha256,
        counts=found.counts,
        newest_record_at=found.newest_record_at,
        verified_at=now,
    )


def _encryption_of(encrypted: bool, marked: Encryption | None) -> Encryption:
    """How a backup without facts is encrypted: a plain file is plain whatever its mark says;
    an encrypted one as it is marked, or, made before backups were marked, taken for a backup
    passphrase's (the database's own key leaves no other trace)."""
    if not encrypted:
        return Encryption.NONE
    if marked is None or marked is Encryption.NONE:
        return Encryption.BACKUP_PASSPHRASE
    return marked


def _differences(kept: BackupFacts, found: BackupContents, size: int, sha256: str) -> list[str]:
    wrong = []
    if kept.counts != found.counts:
        wrong.append(f"it holds {found.counts}, its facts say {kept.counts}")
    if kept.size != size:
        wrong.append(f"{size} bytes instead of {kept.size}")
    if kept.sha256 != sha256:
        wrong.append("its SHA-256 differs")
    if kept.schema != found.schema:
        wrong.append(f"schema {found.schema} instead of {kept.schema}")
    if found.encryption is not None and found.encryption is not kept.encryption:
        wrong.append(
            f"encrypted as {found.encryption.value}, its facts say {kept.encryption.value}"
        )
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


def rotate(folder: Path, room: str, policy: RotationPolicy, *, source: str = "") -> list[Path]:
    """Remove this room's backups the policy no longer keeps, older than the newest verified
    one; the files removed. Given this PC's ``source`` (:func:`kapdesk.storage.backup.
    record_source`), only backups whose facts name it count as this room's: another PC in a
    folder they share, under the same room name or none, keeps every one of its own."""
    slug = room_slug(room)
    ours = [
        (path, facts)
        for path, facts in list_backups(folder)
        if (named := parse_backup_name(path.name)) is not None
        and named[0] == slug
        and (not source or (facts is not None and facts.source in (source, "")))
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
