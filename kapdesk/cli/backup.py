"""The backup commands: ``backup`` (make one now, or ``--verify`` one), ``backups`` (list a
folder's) and ``restore`` (put one back), for the drill in docs/backup.md.

What a command does is noted in the audit trail ("backup_made", "backup_verified",
"backup_restored") when it may write there. While kapdesk's window runs on the same data folder
it alone writes to the record (it holds the database's writer lock): ``kapdesk backup`` then
still makes the backup (a snapshot is only read), and says the audit trail could not note it;
"Back up now" on the admin's page makes one the audit trail notes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from kapdesk.backup_keeper import BackupOutcome, last_good_backup, remember_backup
from kapdesk.cli.database import (
    ask_passphrase,
    audit_command_line,
    command_line_user,
    open_storage_or_say,
)
from kapdesk.cli.output import local_time
from kapdesk.core.wording import counted, size_text
from kapdesk.exit_codes import EXIT_PROBLEM, EXIT_USAGE
from kapdesk.paths import AppPaths

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from kapdesk.core.backups import BackupFacts
    from kapdesk.core.room import RoomSettings
    from kapdesk.storage.db import Storage
    from kapdesk.storage.writer_lock import WriterLock

BACKUP_PASSPHRASE_ENV = "KAPDESK_BACKUP_PASSPHRASE"
NO_FOLDER = (
    "there is no backup folder: give {option} DIR, or set this room PC's backup folder on the "
    "admin's page (This room PC)"
)
RUNNING = (
    "the backup is made, but the audit trail does not note it: kapdesk is running on this data "
    'folder and only it writes to the record. "Back up now" on the admin\'s page makes a '
    "backup the audit trail notes"
)


def make_backup_now(
    paths: AppPaths, db_url: str | None, *, to: Path | None, unencrypted: bool, out: TextIO
) -> int:
    """``kapdesk backup``: one backup now, of the SQLite record or (pg_dump) the server."""
    from kapdesk.core.room import load_room_settings  # noqa: PLC0415

    room, problem = load_room_settings(paths.room_settings)
    if problem is not None:
        print(f"kapdesk: {problem} (the defaults are used)", file=sys.stderr)
    folder = _folder(to, room, "--to")
    if folder is None:
        return EXIT_USAGE
    server = _server(paths, db_url)
    if server is False:
        return EXIT_PROBLEM
    if server is not None:
        return _dump_server(paths, db_url, server, folder, room=room.room_name, out=out)
    lock = _writer_lock(paths, db_url)
    if lock is False:
        return EXIT_PROBLEM
    try:
        storage = open_storage_or_say(paths, db_url)
        if storage is None:
            return EXIT_PROBLEM
        try:
            return _back_up(
                paths,
                storage,
                folder,
                room,
                rotate=to is None,
                unencrypted=unencrypted,
                running=lock == "running",
                out=out,
            )
        finally:
            storage.engine.dispose()
    finally:
        if lock is not None and lock != "running":
            lock.release()


def _back_up(
    paths: AppPaths,
    storage: Storage,
    folder: Path,
    room: RoomSettings,
    *,
    rotate: bool,
    unencrypted: bool,
    running: bool,
    out: TextIO,
) -> int:
    from kapdesk.core.backups import Encryption, RotationPolicy  # noqa: PLC0415
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.storage.backup import (  # noqa: PLC0415
        BackupError,
        backup_encryption,
        make_backup,
    )
    from kapdesk.storage.backup_files import same_disk_problem  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415

    encryption = backup_encryption(storage, unencrypted or room.backup_unencrypted)
    passphrase = None
    if encryption is Encryption.BACKUP_PASSPHRASE:
        passphrase = _new_backup_passphrase(paths)
        if passphrase is None:
            return EXIT_PROBLEM
    policy = None
    if rotate:  # only the room's own backup folder is rotated, never a folder named by hand
        policy = RotationPolicy(
            room.backup_keep_daily, room.backup_keep_weekly, room.backup_keep_monthly
        )
    try:
        made, facts = make_backup(
            storage,
            folder,
            room=room.room_name,
            clock=SystemClock(),
            passphrase=passphrase,
            encryption=encryption,
            policy=policy,
        )
    except BackupError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        if rotate:
            _remember(paths, BackupOutcome("asked", problem=str(exc)))
        if not running:
            # The audit log's subject holds 200 characters; a folder's path may be longer.
            _audit_quietly(storage, "backup_failed", str(folder)[:200], reason=str(exc))
        return EXIT_PROBLEM
    print(f"{made}: {describe(facts)}", file=out)
    if rotate:  # the admin's page shows the room folder's newest backup, wherever it was made
        _remember(paths, BackupOutcome("asked", made=last_good_backup(made, facts)))
    database = storage.engine.url.database
    if database and (same_disk := same_disk_problem(folder, Path(database))):
        print(f"kapdesk: {same_disk}", file=sys.stderr)
    if running:
        print(f"kapdesk: {RUNNING}", file=sys.stderr)
        return 0
    try:
        audit_command_line(storage, "backup_made", facts.name, **_detail(facts, folder))
    except StorageError as exc:
        print(
            f"kapdesk: the backup is made; the audit trail could not note it: {exc}",
            file=sys.stderr,
        )
    return 0


def _remember(paths: AppPaths, outcome: BackupOutcome) -> None:
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415

    remember_backup(paths, outcome, SystemClock().now())


def verify_backup_file(paths: AppPaths, db_url: str | None, file: Path, out: TextIO) -> int:
    """``kapdesk backup --verify FILE``: whether a backup is whole, and what it holds."""
    from kapdesk.storage.backup import BackupError, verify_backup  # noqa: PLC0415

    passphrase = _passphrase_for(paths, file)
    if passphrase is False:
        return EXIT_PROBLEM
    try:
        facts = verify_backup(file, passphrase)
    except BackupError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"{file}: whole: {describe(facts)}", file=out)
    _note(paths, db_url, "backup_verified", facts.name, **_detail(facts, file.parent))
    return 0


def list_backup_folder(paths: AppPaths, given: Path | None, out: TextIO) -> int:
    """``kapdesk backups``: the backups in a folder, newest first, verified or not."""
    from kapdesk.core.room import load_room_settings  # noqa: PLC0415
    from kapdesk.storage.backup import BackupError, list_backups  # noqa: PLC0415

    room, _problem = load_room_settings(paths.room_settings)
    folder = _folder(given, room, "--in")
    if folder is None:
        return EXIT_USAGE
    try:
        found = list_backups(folder)
    except BackupError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    if not found:
        print(f"No backups in {folder}.", file=out)
        return 0
    print(f"{'made':<16}  {'size':>9}  {'sessions':>8}  {'state':<12}  file", file=out)
    for path, facts in found:
        if facts is None:
            print(f"{'':<16}  {'':>9}  {'':>8}  {'not verified':<12}  {path.name}", file=out)
            continue
        sessions = facts.counts.sessions
        print(
            f"{local_time(facts.made_at):<16}  {size_text(facts.size):>9}  {sessions:>8}  "
            f"{'verified':<12}  {path.name}",
            file=out,
        )
    return 0


def restore_from(
    paths: AppPaths, db_url: str | None, file: Path, *, force: bool, out: TextIO
) -> int:
    """``kapdesk restore FILE``: the backup verified and put in place of the database."""
    from kapdesk.core.backups import Encryption  # noqa: PLC0415
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415
    from kapdesk.storage.restore import restore_backup  # noqa: PLC0415

    if db_url is not None:
        print("kapdesk: restore works on the data folder's database, not --db", file=sys.stderr)
        return EXIT_USAGE
    passphrase = _passphrase_for(paths, file)
    if passphrase is False:
        return EXIT_PROBLEM
    try:
        done = restore_backup(
            paths,
            file,
            passphrase=passphrase,
            force=force,
            clock=SystemClock(),
            by=command_line_user(),
        )
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"{file}: restored into {done.database} ({describe(done.facts)})", file=out)
    if done.database_kept_as is not None:
        print(f"The database before it is kept as {done.database_kept_as}.", file=out)
    elif done.kept_aside:
        names = ", ".join(path.name for path in done.kept_aside)
        print(f"Files found beside no database are kept as {names}.", file=out)
    if done.migrated_from:
        print(f"Its records were upgraded from schema {done.migrated_from}.", file=out)
    if done.facts.encryption is Encryption.DATABASE_KEY:
        print("The database is encrypted with the passphrase the backup was made with.", file=out)
    if done.audit_problem:
        print(
            f"kapdesk: the restore is done; the audit trail could not note it: "
            f"{done.audit_problem}",
            file=sys.stderr,
        )
    return 0


def describe(facts: BackupFacts) -> str:
    """One line of what a backup holds: when, how much, how it is encrypted."""
    counts = facts.counts
    return (
        f"made {local_time(facts.made_at)}, "
        f"{counted(counts.sessions, 'session')}, {counted(counts.events, 'event')}, "
        f"{counted(counts.doses, 'dose')}, {counted(counts.audit, 'audit line')}; "
        f"schema {facts.schema}, {size_text(facts.size)}, {ENCRYPTION_WORDS[facts.encryption]}"
    )


ENCRYPTION_WORDS = {
    "database-key": "encrypted with the database's key",
    "backup-passphrase": "encrypted with the backup passphrase",
    "none": "not encrypted",
}


def _detail(facts: BackupFacts, folder: Path) -> dict[str, object]:
    return {
        "folder": str(folder),
        "sessions": facts.counts.sessions,
        "size": facts.size,
        "encryption": str(facts.encryption),
    }


def _folder(given: Path | None, room: RoomSettings, option: str) -> Path | None:
    """The folder named on the command line, else the room's; None after saying there is none."""
    if given is not None:
        return given.expanduser().absolute()
    if room.backup_dir:
        return Path(room.backup_dir).expanduser()
    print(f"kapdesk: {NO_FOLDER.format(option=option)}", file=sys.stderr)
    return None


def _server(paths: AppPaths, db_url: str | None) -> URL | Literal[False] | None:
    """The clinic server the record is on (--db, or room.toml's), None for SQLite; False
    after saying why it cannot be told."""
    from kapdesk.storage.db_url import parse_database_url  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415
    from kapdesk.storage.server import configured_server, with_password  # noqa: PLC0415

    try:
        if db_url is None:
            return configured_server(paths)
        url = parse_database_url(db_url)
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return False
    return with_password(url) if url.get_backend_name() == "postgresql" else None


def _writer_lock(
    paths: AppPaths, db_url: str | None
) -> WriterLock | Literal[False, "running"] | None:
    """The record's writer lock, taken; "running" when a running kapdesk holds it."""
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415
    from kapdesk.storage.writer_lock import DatabaseInUseError, take_writer_lock  # noqa: PLC0415

    try:
        return take_writer_lock(paths, db_url)
    except DatabaseInUseError:
        return "running"
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return False


def _dump_server(
    paths: AppPaths, db_url: str | None, server: URL, folder: Path, *, room: str, out: TextIO
) -> int:
    """``pg_dump -Fc`` of the clinic server into the folder, and an audit line for it."""
    from kapdesk.core.backups import BACKUP_SUFFIX, backup_name  # noqa: PLC0415
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.storage.server_dump import DUMP_SUFFIX, ServerDumpError, dump_server  # noqa: PLC0415

    name = backup_name(room, SystemClock().now()).removesuffix(BACKUP_SUFFIX) + DUMP_SUFFIX
    try:
        made = dump_server(server, folder, name)
    except ServerDumpError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    print(
        f"{made}: pg_dump of the clinic server, {size_text(made.stat().st_size)}. It is not "
        "encrypted: keep it where the clinic keeps patient records (docs/backup.md)",
        file=out,
    )
    _note(paths, db_url, "backup_made", made.name, folder=str(folder), kind="pg_dump")
    return 0


def _note(paths: AppPaths, db_url: str | None, action: str, subject: str, **detail: object) -> None:
    """The audit line of what a command did, when it may be written; else a line saying why
    not. Never makes a database where there is none yet."""
    from kapdesk.storage.writer_lock import sqlite_file  # noqa: PLC0415

    database = sqlite_file(paths, db_url)
    if database is not None and not database.exists():
        print(
            f"kapdesk: not noted in an audit trail: there is no record at {database}",
            file=sys.stderr,
        )
        return
    lock = _writer_lock(paths, db_url)
    if lock is False:
        return
    if lock == "running":
        print(
            "kapdesk: not noted in the audit trail: kapdesk is running on this data folder and "
            "only it writes to the record",
            file=sys.stderr,
        )
        return
    try:
        storage = open_storage_or_say(paths, db_url)
        if storage is not None:
            try:
                _audit_quietly(storage, action, subject, **detail)
            finally:
                storage.engine.dispose()
    finally:
        if lock is not None:
            lock.release()


def _audit_quietly(storage: Storage, action: str, subject: str, **detail: object) -> None:
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415

    try:
        audit_command_line(storage, action, subject, **detail)
    except StorageError as exc:
        print(f"kapdesk: the audit trail could not note it: {exc}", file=sys.stderr)


def _new_backup_passphrase(paths: AppPaths) -> str | None:
    """The backup passphrase to encrypt with: set, kept, or typed twice; None after saying."""
    from kapdesk.storage.encryption import kept_backup_passphrase, passphrase_problem  # noqa: PLC0415

    chosen = os.environ.get(BACKUP_PASSPHRASE_ENV) or kept_backup_passphrase(paths)
    if not chosen:
        chosen = ask_passphrase("The backup passphrase (to encrypt the backup): ")
        if chosen is not None and ask_passphrase("The same passphrase again: ") != chosen:
            print("kapdesk: the two passphrases differ; no backup was made", file=sys.stderr)
            return None
        weak = passphrase_problem(chosen) if chosen else None
        if weak:
            print(f"kapdesk: {weak} No backup was made.", file=sys.stderr)
            return None
    if not chosen:
        print(
            "kapdesk: a backup leaves the PC encrypted, and there is no backup passphrase: set "
            f"it on the admin's page (This room PC), set {BACKUP_PASSPHRASE_ENV}, type it at a "
            "terminal, or give --unencrypted",
            file=sys.stderr,
        )
    return chosen


def _passphrase_for(paths: AppPaths, file: Path) -> str | Literal[False] | None:
    """The passphrase that opens the backup ``file`` (None: it is not encrypted): set, kept,
    the database's, or typed; False after saying none is at hand."""
    from kapdesk.storage.backup import is_encrypted_backup  # noqa: PLC0415
    from kapdesk.storage.encryption import (  # noqa: PLC0415
        PASSPHRASE_ENV,
        kept_backup_passphrase,
        kept_passphrase,
    )
    from kapdesk.storage.restore import passphrase_opens  # noqa: PLC0415

    try:
        if not file.is_file() or not is_encrypted_backup(file):
            return None  # verifying says what is wrong with a file that is not there
    except OSError:
        return None
    at_hand = [
        candidate
        for candidate in (
            os.environ.get(BACKUP_PASSPHRASE_ENV),
            kept_backup_passphrase(paths),
            os.environ.get(PASSPHRASE_ENV),
            kept_passphrase(paths.database),
        )
        if candidate
    ]
    for candidate in at_hand:
        if passphrase_opens(file, candidate):
            return candidate
    typed = ask_passphrase(
        f"kapdesk: {file.name} is encrypted. Its passphrase (the backup passphrase, or the "
        "database's for a backup of an encrypted database): "
    )
    if typed or at_hand:
        return typed or at_hand[0]  # checking the backup says what is wrong with it
    print(
        f"kapdesk: {file} is encrypted and no passphrase at hand opens it: type it at a "
        f"terminal, or set {BACKUP_PASSPHRASE_ENV}",
        file=sys.stderr,
    )
    return False
