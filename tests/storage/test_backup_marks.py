"""A backup says how it is encrypted in its own file: one whose facts are lost (only the backup
file copied, or a kill before its facts were written) is still restored as what it is, never an
encrypted record restored in the clear."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kapdesk.core.backups import Encryption, facts_name
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage import encryption
from kapdesk.storage.backup import BackupError, make_backup, verify_backup
from kapdesk.storage.backup_files import ENCRYPTION_MARKS
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.restore import restore_backup
from tests.storage.test_backup import PASSPHRASE, _a_session
from tests.support.keyring import MemoryKeyring

SQLITE_HEADER = b"SQLite format 3"


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encryption, "_keyring", MemoryKeyring)
    monkeypatch.delenv(encryption.BACKUP_PASSPHRASE_ENV, raising=False)
    monkeypatch.delenv(encryption.PASSPHRASE_ENV, raising=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "usb"
    made.mkdir()
    return made


@pytest.fixture
def plain_room(paths: AppPaths, clock: FakeClock) -> Iterator[Storage]:
    storage = open_storage(paths, None)
    _a_session(storage, clock)
    yield storage
    storage.engine.dispose()


@pytest.fixture
def encrypted_room(paths: AppPaths, clock: FakeClock) -> Iterator[Storage]:
    pytest.importorskip("sqlcipher3")
    storage = open_storage(paths, None)
    _a_session(storage, clock)
    storage.engine.dispose()
    encryption.encrypt_file(paths.database, PASSPHRASE)
    storage = open_storage(paths, None, PASSPHRASE)
    yield storage
    storage.engine.dispose()


def _backup(storage: Storage, folder: Path, clock: FakeClock, how: Encryption) -> Path:
    passphrase = PASSPHRASE if how is Encryption.BACKUP_PASSPHRASE else None
    made, facts = make_backup(
        storage, folder, room="Room 1", clock=clock, passphrase=passphrase, encryption=how
    )
    assert facts.encryption is how
    return made


def _facts_lost(made: Path) -> None:
    (made.parent / facts_name(made.name)).unlink()


def _sessions(paths: AppPaths, key: str | None) -> int:
    storage = open_storage(paths, None, key)
    try:
        with storage.engine.connect() as connection:
            return int(connection.exec_driver_sql("SELECT count(*) FROM sessions").scalar_one())
    finally:
        storage.engine.dispose()


def test_an_encrypted_databases_backup_without_facts_is_restored_encrypted(
    encrypted_room: Storage, folder: Path, clock: FakeClock, tmp_path: Path
) -> None:
    made = _backup(encrypted_room, folder, clock, Encryption.DATABASE_KEY)
    _facts_lost(made)
    assert verify_backup(made, PASSPHRASE).encryption is Encryption.DATABASE_KEY
    fresh = AppPaths.resolve(tmp_path / "new-pc")
    done = restore_backup(fresh, made, passphrase=PASSPHRASE, force=False, clock=clock)
    assert done.facts.encryption is Encryption.DATABASE_KEY
    assert not fresh.database.read_bytes().startswith(SQLITE_HEADER)  # still encrypted
    assert _sessions(fresh, PASSPHRASE) == 1
    # The restored record backs up as itself again, marked by its new backup.
    clock.advance(60)
    storage = open_storage(fresh, None, PASSPHRASE)
    try:
        again = _backup(storage, folder, clock, Encryption.DATABASE_KEY)
    finally:
        storage.engine.dispose()
    _facts_lost(again)
    assert verify_backup(again, PASSPHRASE).encryption is Encryption.DATABASE_KEY


def test_a_passphrase_backup_without_facts_is_restored_plain(
    plain_room: Storage, folder: Path, clock: FakeClock, tmp_path: Path
) -> None:
    pytest.importorskip("sqlcipher3")
    made = _backup(plain_room, folder, clock, Encryption.BACKUP_PASSPHRASE)
    _facts_lost(made)
    assert verify_backup(made, PASSPHRASE).encryption is Encryption.BACKUP_PASSPHRASE
    fresh = AppPaths.resolve(tmp_path / "new-pc")
    restore_backup(fresh, made, passphrase=PASSPHRASE, force=False, clock=clock)
    assert fresh.database.read_bytes().startswith(SQLITE_HEADER)
    assert _sessions(fresh, None) == 1
    with sqlite3.connect(fresh.database) as restored:  # no backup's mark on the live record
        assert restored.execute("PRAGMA application_id").fetchone()[0] == 0


def test_a_plain_backup_is_marked_plain(
    plain_room: Storage, folder: Path, clock: FakeClock
) -> None:
    made = _backup(plain_room, folder, clock, Encryption.NONE)
    with sqlite3.connect(made) as opened:
        mark = opened.execute("PRAGMA application_id").fetchone()[0]
    assert mark == ENCRYPTION_MARKS[Encryption.NONE]
    _facts_lost(made)
    assert verify_backup(made, None).encryption is Encryption.NONE


def test_a_backup_made_before_marks_is_taken_as_before(
    encrypted_room: Storage, folder: Path, clock: FakeClock
) -> None:
    import sqlcipher3  # noqa: PLC0415

    made = _backup(encrypted_room, folder, clock, Encryption.DATABASE_KEY)
    _facts_lost(made)
    unmarked = sqlcipher3.connect(str(made), isolation_level=None)
    try:
        unmarked.execute(f"PRAGMA key = '{PASSPHRASE}'")
        unmarked.execute("PRAGMA application_id = 0")
    finally:
        unmarked.close()
    assert verify_backup(made, PASSPHRASE).encryption is Encryption.BACKUP_PASSPHRASE


def test_facts_that_name_another_encryption_are_found_out(
    plain_room: Storage, folder: Path, clock: FakeClock
) -> None:
    made = _backup(plain_room, folder, clock, Encryption.NONE)
    facts_file = made.parent / facts_name(made.name)
    facts_file.write_text(
        facts_file.read_text().replace('"none"', '"backup-passphrase"'), encoding="utf-8"
    )
    with pytest.raises(BackupError, match="encrypted as none, its facts say backup-passphrase"):
        verify_backup(made, None)
