"""Putting a backup back: the restore drill's one step that changes the data folder.

:func:`restore_backup` checks the backup first (it opens, its integrity check is ok, its counts
and checksum are its facts'), and changes nothing when it is not whole. It refuses while a
kapdesk records into the data folder (the database file's writer lock, which the window holds),
and refuses a backup whose newest record is older than the database it would replace unless
``force`` is given: restoring it would take the newer records out of use.

The current database is never deleted, and a database is in place at every moment, so a restore
killed at any point leaves either the record before it or the restored one, never none. Under
the writer lock the current database is first settled: a WAL holding records is checked the way
kapdesk's start-up checks it and written back into the file, so the file alone is the whole
record. The file then gains a second name, ``kapdesk.sqlite3.before-restore-<UTC time>`` (a
hard link, or a synced copy where the disk has none), and the rest of its family (``-wal``,
``-shm``, ``-journal``, the witness ``-kapdesk.json``) moves to the same name plus the same
endings: no WAL of the database before is ever left beside the restored one, where SQLite would
replay it. The backup is copied (or, for a backup made with the backup passphrase, decrypted to
the plain database it was) to a hidden name in the data folder, synced, and renamed over the
database in one step; the folder is synced. kapdesk then opens it the way it opens any database
(:func:`~kapdesk.storage.db.open_storage`), which upgrades an older schema, and notes the
restore in the audit trail. When the restored copy cannot be opened, it is removed and the kept
database is put back.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kapdesk.core.backups import BackupFacts, Encryption
from kapdesk.core.clock import Clock
from kapdesk.core.safe_files import RECORD_FILES, sync_folder
from kapdesk.paths import AppPaths
from kapdesk.storage.backup_files import quoted, stored_time
from kapdesk.storage.errors import DatabaseError, StorageError
from kapdesk.storage.sqlite_file import RecordSetAsideError
from kapdesk.storage.sqlite_witness import wal_generation

BEFORE_RESTORE = ".before-restore-"
# The family of the database that moves aside with it (never the writer lock, held here).
SIDECARS = RECORD_FILES[1:]  # the family but the file itself
RESTORING = ".restoring"
COPYING = ".copying"  # a copy of the database being kept aside, where there are no hard links
RESTORED_BY = "command line"
BACKUP_ACTIONS = ("backup_made", "backup_failed", "backup_verified", "backup_restored")


class RestoreError(StorageError):
    """A restore that was not made; the message says why and that nothing was changed."""


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore did."""

    database: Path  # the database now in use
    # The names kept aside: the database before it (a second name) first, when there was
    # one, then its family (or only files found beside no database).
    kept_aside: tuple[Path, ...]
    facts: BackupFacts  # the restored backup's, as verified
    migrated_from: str | None  # the backup's schema when it was upgraded, else None
    # Why the audit trail could not note the restore (which is done all the same), or "".
    audit_problem: str = ""
    database_kept_as: Path | None = None  # the dated name of the database before it, if any


@dataclass(frozen=True)
class KeptAside:
    """What :func:`keep_aside` did: the database's dated second name (None when there was no
    database), and each member of its family moved, as (where it was, where it is now)."""

    database: Path | None
    moved: tuple[tuple[Path, Path], ...]

    @property
    def names(self) -> tuple[Path, ...]:
        """Every name kept aside, the database's first."""
        first = () if self.database is None else (self.database,)
        return (*first, *(aside for _source, aside in self.moved))


def restore_backup(
    paths: AppPaths,
    file: Path,
    *,
    passphrase: str | None,
    force: bool,
    clock: Clock,
    by: str = RESTORED_BY,
) -> RestoreOutcome:
    """Restore the backup ``file`` into the data folder of ``paths`` (module docstring).

    ``passphrase`` opens an encrypted backup (the database's key for a database-key backup,
    the backup passphrase otherwise); ``by`` is who restores, for the audit trail (when it
    cannot note it, the restore stands and the outcome says why). Raises
    :class:`RestoreError` (nothing changed), or a StorageError naming what went wrong once the
    files moved (the database before it put back)."""
    from kapdesk.storage.backup_files import BackupError, verify_backup  # noqa: PLC0415
    from kapdesk.storage.writer_lock import sqlite_file, take_writer_lock  # noqa: PLC0415

    database = sqlite_file(paths, None)
    if database is None:
        raise RestoreError(
            "this PC records on a clinic server: a server is restored with its own tools "
            "(pg_restore, pgBackRest), see docs/backup.md. Nothing was changed"
        )
    try:
        facts = verify_backup(file, passphrase)
    except BackupError as exc:
        raise RestoreError(f"{exc} Nothing was restored; nothing was changed") from exc
    _refuse_a_newer_schema(facts)
    try:
        writer = take_writer_lock(paths, None)
    except DatabaseError as exc:
        raise RestoreError(
            f"{exc}. A restore needs kapdesk closed on this data folder; nothing was changed"
        ) from exc
    try:
        if not force:
            _refuse_an_older_backup(database, facts, passphrase)
        return _put_in_place(
            paths, database, file, facts, passphrase=passphrase, clock=clock, by=by
        )
    finally:
        if writer is not None:
            writer.release()


def _refuse_a_newer_schema(facts: BackupFacts) -> None:
    from kapdesk.storage.schema_revision import KNOWN_REVISIONS, SCHEMA_HEAD  # noqa: PLC0415

    if facts.schema != SCHEMA_HEAD and facts.schema not in KNOWN_REVISIONS:
        raise RestoreError(
            f"the backup was written by a newer kapdesk (schema {facts.schema}); this version "
            f"knows schemas up to {SCHEMA_HEAD}: update kapdesk first. Nothing was changed"
        )


def _refuse_an_older_backup(database: Path, facts: BackupFacts, passphrase: str | None) -> None:
    """RestoreError when the current database holds sessions and records newer than the
    backup's newest (a database with no session yet holds nothing a restore would hide)."""
    if not database.exists():
        return
    try:
        sessions, newest = current_records(database, passphrase)
    except StorageError as exc:
        raise RestoreError(
            f"the current database cannot be read to compare it with the backup ({exc}); give "
            "--force to restore all the same (the current database is kept aside). Nothing "
            "was changed"
        ) from exc
    if sessions == 0 or newest is None:
        return
    backup_newest = facts.newest_record_at
    if backup_newest is None or backup_newest < newest:
        made = "holds no records" if backup_newest is None else f"ends {_stamp_text(backup_newest)}"
        raise RestoreError(
            f"the backup {made}, but the current database has records up to "
            f"{_stamp_text(newest)}: restoring it would take the newer ones out of use. Give "
            "--force to restore it all the same (the current database is kept aside). Nothing "
            "was changed"
        )


def current_records(database: Path, passphrase: str | None) -> tuple[int, datetime | None]:
    """The sessions in ``database`` and the time of its newest session event or audit line
    (but those about backups), read without writing to it. StorageError when it cannot be
    read."""
    # The lines that note backups themselves come after the snapshot they speak of: they
    # would make every database newer than its own latest backup.
    notes = ", ".join(f"'{action}'" for action in BACKUP_ACTIONS)
    query = (
        "SELECT (SELECT count(*) FROM sessions), "
        "max(coalesce((SELECT max(wall_at) FROM session_events), ''), "
        f"coalesce((SELECT max(at) FROM audit_log WHERE action NOT IN ({notes})), ''))"
    )
    try:
        with _read_only(database, passphrase) as connection:
            sessions, newest = connection.execute(query).fetchone()
    except (sqlite3.Error, OSError) as exc:
        raise DatabaseError(f"{database}: {exc}") from exc
    except Exception as exc:  # sqlcipher3's errors are its own classes
        raise DatabaseError(f"{database}: {exc}") from exc
    return int(sessions), stored_time(newest)


@contextlib.contextmanager
def _read_only(database: Path, passphrase: str | None) -> Iterator[sqlite3.Connection]:
    """A read-only connection to ``database`` (SQLCipher when it is encrypted), closed after."""
    from kapdesk.storage.encryption import chosen_passphrase, is_encrypted  # noqa: PLC0415

    uri = f"{database.resolve().as_uri()}?mode=ro"
    # Reading a WAL database makes its -wal and -shm if they are not there: gone again after.
    made = [_member(database, ending) for ending in ("-wal", "-shm")]
    made = [path for path in made if not path.exists()]
    if is_encrypted(database):
        import sqlcipher3  # noqa: PLC0415

        # Its own passphrase (set or kept) first; the one given may be the backup's.
        keys = [key for key in (chosen_passphrase(database, None), passphrase) if key]
        key = next((key for key in keys if passphrase_opens(database, key)), None)
        if key is None:
            raise DatabaseError("it is encrypted and no passphrase at hand opens it")
        connection = sqlcipher3.connect(uri, uri=True, timeout=5)
        connection.execute("PRAGMA key = " + quoted(key))
    else:
        connection = sqlite3.connect(uri, uri=True, timeout=5)
    try:
        yield connection
    finally:
        connection.close()
        for path in made:
            with contextlib.suppress(OSError):
                if path.name.endswith("-shm") or path.stat().st_size == 0:
                    path.unlink()


def passphrase_opens(file: Path, passphrase: str) -> bool:
    """Whether ``passphrase`` opens the SQLCipher file ``file`` (read only)."""
    import sqlcipher3  # noqa: PLC0415

    try:
        connection = sqlcipher3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
    except Exception:  # sqlcipher3's errors are its own classes
        return False
    try:
        connection.execute("PRAGMA key = " + quoted(passphrase))
        connection.execute("PRAGMA user_version").fetchone()  # page 1 alone: it decrypts
    except Exception:
        return False
    finally:
        connection.close()
    return True


def _stamp_text(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _put_in_place(
    paths: AppPaths,
    database: Path,
    file: Path,
    facts: BackupFacts,
    *,
    passphrase: str | None,
    clock: Clock,
    by: str,
) -> RestoreOutcome:
    from kapdesk.storage.db import open_storage  # noqa: PLC0415
    from kapdesk.storage.schema_revision import SCHEMA_HEAD  # noqa: PLC0415
    from kapdesk.storage.staff import StaffStore  # noqa: PLC0415

    partial = database.with_name(f".{database.name}{RESTORING}")
    _drop_second_names(database)  # a restore killed before its swap may have left one
    _copy_backup(file, partial, facts, passphrase)
    try:
        settle(database, passphrase)
        kept = keep_aside(database, clock.now())
    except RecordSetAsideError as exc:  # its WAL was another's: start-up's refusal, made here
        _remove_partial(partial)
        raise RestoreError(
            f"{exc} The backup was not restored: restore it again to put it in place"
        ) from exc
    except (OSError, StorageError) as exc:
        _remove_partial(partial)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise RestoreError(
            f"the current database could not be kept aside ({reason}); nothing was changed"
        ) from exc
    try:
        os.replace(partial, database)  # one step: the database before, or the restored one
        sync_folder(database.parent)
        key = passphrase if facts.encryption is Encryption.DATABASE_KEY else None
        storage = open_storage(paths, None, key)
    except (OSError, StorageError) as exc:
        _put_back(database, partial, kept)
        raise RestoreError(
            f"the backup could not be opened as the database ({exc}); the database before "
            "it is back in place"
        ) from exc
    try:
        migrated = storage.schema_before if storage.schema_before != SCHEMA_HEAD else None
        detail: dict[str, object] = {"made_at": facts.made_at.isoformat()}
        if facts.room:
            detail["room"] = facts.room
        if kept.database is not None:
            detail["kept_aside"] = kept.database.name
        if migrated:
            detail["schema_from"] = migrated
        problem = ""
        try:
            StaffStore(storage, clock).record(by, "backup_restored", facts.name, **detail)
        except StorageError as exc:  # the restore is done: it is said, not undone
            problem = str(exc)
    finally:
        storage.engine.dispose()
    return RestoreOutcome(database, kept.names, facts, migrated, problem, kept.database)


def _copy_backup(file: Path, partial: Path, facts: BackupFacts, passphrase: str | None) -> None:
    """The backup as the database file to be, at ``partial``: its bytes as they are, or
    decrypted to plain SQLite when the backup passphrase encrypted it; synced, and checked
    against the facts verified a moment before (the file read twice may have changed between,
    on a failing drive): its SHA-256, or for a decrypted copy its integrity and counts."""
    _remove_partial(partial)  # a restore killed before this one may have left it
    copied = ""
    try:
        if facts.encryption is Encryption.BACKUP_PASSPHRASE:
            _decrypt(file, partial, passphrase or "")
        else:
            copied = _copy_bytes(file, partial)
        with partial.open("rb+") as written:
            os.fsync(written.fileno())
        left = [_member(partial, ending) for ending in ("-wal", "-journal")]
        if any(path.exists() for path in left):
            raise RestoreError("SQLite left a journal beside the copy")
    except Exception as exc:  # an OSError, or sqlcipher3's own errors
        _remove_partial(partial)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise RestoreError(
            f"the backup could not be copied into the data folder ({reason}); nothing was changed"
        ) from exc
    if facts.encryption is Encryption.BACKUP_PASSPHRASE:
        wrong = _decrypted_differences(partial, facts)
    else:
        wrong = "its SHA-256 differs" if copied != facts.sha256 else ""
    if wrong:
        _remove_partial(partial)
        raise RestoreError(
            f"the copy of the backup {file.name} in the data folder is not the backup that was "
            f"checked ({wrong}): the backup's drive may be failing. Nothing was changed"
        )
    if facts.encryption is not Encryption.DATABASE_KEY:
        _into_wal(partial)


def _into_wal(partial: Path) -> None:
    """The plain copy at ``partial`` in WAL mode before it takes the database's place: a big
    one's full check reads it in the background as it opens, and switching then would wait
    on that reader until kapdesk gave up on the database as busy."""
    from kapdesk.storage.sqlite_file import into_wal  # noqa: PLC0415

    try:
        into_wal(partial)
    except (sqlite3.Error, OSError) as exc:
        _remove_partial(partial)
        raise RestoreError(
            f"the copy of the backup in the data folder could not be readied ({exc}); nothing "
            "was changed"
        ) from exc


def _decrypted_differences(partial: Path, facts: BackupFacts) -> str:
    """How the decrypted copy at ``partial`` differs from the backup's facts; "" if not."""
    from kapdesk.storage.backup_files import BackupError, examine_backup  # noqa: PLC0415

    try:
        found = examine_backup(partial, None, partial.name)
    except BackupError as exc:
        return str(exc).rstrip(".")
    if found.counts != facts.counts:
        return f"it holds {found.counts}, the backup {facts.counts}"
    if found.schema != facts.schema:
        return f"schema {found.schema} instead of {facts.schema}"
    return ""


def _copy_bytes(file: Path, target: Path) -> str:
    """Copy ``file`` to the new file ``target``; the SHA-256 of the bytes copied."""
    digest = hashlib.sha256()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(fd, "wb") as out, file.open("rb") as source:
        while chunk := source.read(1 << 20):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def _decrypt(file: Path, target: Path, passphrase: str) -> None:
    """The SQLCipher backup ``file`` written out as plain SQLite at ``target``."""
    import sqlcipher3  # noqa: PLC0415

    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    uri = f"{file.resolve().as_uri()}?mode=ro"
    encrypted = sqlcipher3.connect(uri, uri=True, isolation_level=None)
    try:
        encrypted.execute("PRAGMA key = " + quoted(passphrase))
        encrypted.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        encrypted.execute("SELECT sqlcipher_export('plain')")
        version = int(encrypted.execute("PRAGMA user_version").fetchone()[0])
        encrypted.execute(f"PRAGMA plain.user_version = {version}")
        encrypted.execute("DETACH DATABASE plain")
    finally:
        encrypted.close()


def settle(database: Path, passphrase: str | None) -> None:
    """Make the file ``database`` the whole record by itself: a WAL (or rollback journal)
    beside it that holds something is checked as kapdesk's start-up checks it and written
    back into the file. StorageError when it cannot be (nothing changed then but what SQLite
    itself does on opening); nothing is done when nothing beside the file holds records."""
    from kapdesk.storage.encryption import is_encrypted  # noqa: PLC0415
    from kapdesk.storage.sqlite_file import examine  # noqa: PLC0415
    from kapdesk.storage.sqlite_witness import witnessed  # noqa: PLC0415

    if not database.exists() or not _holds_more(database):
        return
    try:
        if is_encrypted(database):
            with _encrypted_connection(database, passphrase) as connection:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        else:
            # A WAL that is not this file's is never written into it; and no full check is
            # left reading the file, or the checkpoint below could not empty the WAL.
            examine(database, background_check=False)
            connection = sqlite3.connect(database, timeout=5, factory=witnessed(database))
            try:
                connection.checkpoint()
            finally:
                connection.close()  # the last connection: SQLite empties and removes the WAL
    except StorageError:
        raise
    except Exception as exc:  # sqlite3's, sqlcipher3's (its own classes) or an OSError
        raise DatabaseError(f"its WAL could not be written back into it: {exc}") from exc
    if _holds_more(database):
        raise DatabaseError(
            "its WAL still holds records after it was written back into the file (is another "
            "program reading it?)"
        )


def _holds_more(database: Path) -> bool:
    """Whether a WAL with frames or a rollback journal with content sits beside ``database``."""
    journal = _member(database, "-journal")
    return wal_generation(database) is not None or (journal.exists() and journal.stat().st_size > 0)


@contextlib.contextmanager
def _encrypted_connection(database: Path, passphrase: str | None) -> Iterator[Any]:
    """A connection that may write to the SQLCipher file ``database``, closed after."""
    from kapdesk.storage.encryption import chosen_passphrase  # noqa: PLC0415

    keys = [key for key in (chosen_passphrase(database, None), passphrase) if key]
    key = next((key for key in keys if passphrase_opens(database, key)), None)
    if key is None:
        raise DatabaseError(
            "it is encrypted, its WAL holds records, and no passphrase at hand opens it: open "
            "it in kapdesk once and close it, then restore again"
        )
    import sqlcipher3  # noqa: PLC0415

    connection = sqlcipher3.connect(str(database), timeout=5, isolation_level=None)
    try:
        connection.execute("PRAGMA key = " + quoted(key))
        yield connection
    finally:
        connection.close()


def keep_aside(database: Path, now: datetime) -> KeptAside:
    """Give the settled ``database`` its dated before-restore name as well (a hard link, or a
    synced copy), and move the rest of its family to the same name plus its ending: the
    database stays in place, with nothing of it beside it. Nothing is kept when there was
    neither database nor family. The family is put back if a step fails."""
    if not any(_member(database, ending).exists() for ending in RECORD_FILES):
        return KeptAside(None, ())
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    base = database.with_name(f"{database.name}{BEFORE_RESTORE}{stamp}")
    number = 1
    while any(_member(base, ending).exists() for ending in RECORD_FILES):
        number += 1
        base = database.with_name(f"{database.name}{BEFORE_RESTORE}{stamp}-{number}")
    named = database.exists()
    if named:
        _second_name(database, base)
    moved: list[tuple[Path, Path]] = []
    try:
        for ending in SIDECARS:
            source = _member(database, ending)
            if source.exists():
                os.replace(source, _member(base, ending))
                moved.append((source, _member(base, ending)))
        sync_folder(database.parent)
    except OSError:
        for source, aside in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(aside, source)
        if named:
            with contextlib.suppress(OSError):
                base.unlink()
        raise
    # (Files of a database with none left beside them: kept all the same, never replayed.)
    return KeptAside(base if named else None, tuple(moved))


def _second_name(database: Path, base: Path) -> None:
    """``base`` as a second name of the file ``database``: a hard link, or where the disk has
    none (FAT) a copy written whole (a hidden name, synced, renamed)."""
    try:
        os.link(database, base)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # no hard links on this disk: a copy
    copying = base.with_name(f".{base.name}{COPYING}")
    try:
        shutil.copyfile(database, copying)
        with copying.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(copying, base)
    finally:
        copying.unlink(missing_ok=True)


def _drop_second_names(database: Path) -> None:
    """Remove every dated before-restore name that is still a second name of the file
    ``database`` (a restore killed before its swap, or a swap that failed, leaves one): it
    would change with the database in use. A dated file of its own is never touched."""
    pattern = f"{glob.escape(database.name)}{BEFORE_RESTORE}*"
    for name in database.parent.glob(pattern):
        with contextlib.suppress(OSError):
            if os.path.samefile(name, database):
                name.unlink()


def _member(database: Path, ending: str) -> Path:
    return database.with_name(database.name + ending)


def _remove_partial(partial: Path) -> None:
    """The restored copy and anything SQLite made beside it: never a record in use."""
    for ending in ("", "-wal", "-shm", "-journal"):
        _member(partial, ending).unlink(missing_ok=True)


def remove_restore_leftovers(database: Path) -> None:
    """Remove what a killed restore left beside ``database``: the hidden restored copy (for a
    passphrase backup, a plain copy of every record) and, where the disk has no hard links, a
    half-made copy of the database kept aside, each with SQLite's files beside it. Only for
    the holder of the database's writer lock: a restore holds it throughout, so none is under
    way."""
    _remove_partial(database.with_name(f".{database.name}{RESTORING}"))
    pattern = f".{glob.escape(database.name)}{BEFORE_RESTORE}*{COPYING}*"
    for name in database.parent.glob(pattern):
        if any(name.name.endswith(f"{COPYING}{end}") for end in ("", "-wal", "-shm", "-journal")):
            name.unlink(missing_ok=True)


def _put_back(database: Path, partial: Path, kept: KeptAside) -> None:
    """Undo a restore that could not open: what the restored copy made beside it goes first
    (no WAL of it may meet the database before), then exactly what was kept aside comes back
    (a restored copy where there was no database goes)."""
    _remove_partial(partial)
    for ending in SIDECARS:
        _member(database, ending).unlink(missing_ok=True)
    if kept.database is not None:
        os.replace(kept.database, database)
    else:
        database.unlink(missing_ok=True)
    for source, aside in kept.moved:
        os.replace(aside, source)
    _drop_second_names(database)  # renaming a second name over its file leaves it as it was
    with contextlib.suppress(OSError):
        sync_folder(database.parent)
