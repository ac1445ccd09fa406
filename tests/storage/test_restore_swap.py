"""What a restore does with the database it replaces before the swap: a WAL holding records is
written back into the file (so the file kept aside is the whole record by itself, and no WAL is
left to meet the restored database), an encrypted one with its own key, and a WAL that is not
the database's own is never written into it."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kapdesk.core.backups import Encryption
from kapdesk.core.clock import FakeClock
from kapdesk.demo import record_demo_session
from kapdesk.paths import AppPaths
from kapdesk.storage import encryption, sqlite_file
from kapdesk.storage.backup import make_backup
from kapdesk.storage.db import open_storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.restore import RestoreError, restore_backup
from kapdesk.storage.sqlite_witness import wal_generation
from tests.support.keyring import MemoryKeyring

PASSPHRASE = "copper kettle 31 dusk"
FIRST_DAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
FAMILY = ("kapdesk.sqlite3", "kapdesk.sqlite3-wal", "kapdesk.sqlite3-kapdesk.json")


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encryption, "_keyring", MemoryKeyring)
    monkeypatch.delenv(encryption.BACKUP_PASSPHRASE_ENV, raising=False)
    monkeypatch.delenv(encryption.PASSPHRASE_ENV, raising=False)


def _sessions(paths: AppPaths, key: str | None = None) -> int:
    storage = open_storage(paths, None, key)
    try:
        return len(JourneyStore(storage, FakeClock()).summaries(limit=None, only_open=False))
    finally:
        storage.engine.dispose()


def _open_copy(paths: AppPaths, into: Path, key: str | None) -> tuple[Path, Path]:
    """A backup of one session, and a copy of the record after two more, taken while it is
    open: their records still in the WAL beside the file. (The backup, the copy's folder.)"""
    folder = into / "usb"
    folder.mkdir(parents=True)
    storage = open_storage(paths, None, key)
    try:
        record_demo_session(storage, FIRST_DAY)
        made, _facts = make_backup(
            storage,
            folder,
            room="Room 2",
            clock=FakeClock(),
            passphrase=None,
            encryption=Encryption.DATABASE_KEY if key else Encryption.NONE,
        )
        for day in (3, 4):
            record_demo_session(storage, FIRST_DAY + timedelta(days=day))
        copy = into / "copy"
        copy.mkdir()
        for name in FAMILY:
            if (paths.data_dir / name).exists():
                shutil.copy2(paths.data_dir / name, copy / name)
    finally:
        storage.engine.dispose()
    assert wal_generation(copy / "kapdesk.sqlite3") is not None
    return made, copy


def test_an_encrypted_database_has_its_wal_written_back_before_it_is_kept_aside(
    paths: AppPaths, tmp_path: Path, clock: FakeClock
) -> None:
    open_storage(paths, None).engine.dispose()
    encryption.encrypt_file(paths.database, PASSPHRASE)
    made, copy = _open_copy(paths, tmp_path, PASSPHRASE)
    room = AppPaths.resolve(copy)

    done = restore_backup(room, made, passphrase=PASSPHRASE, force=True, clock=clock)

    assert [path.name for path in done.kept_aside if path.name.endswith("-wal")] == []
    assert _sessions(room, PASSPHRASE) == 1
    alone = AppPaths.resolve(tmp_path / "kept")
    alone.ensure_private()
    shutil.copy2(done.kept_aside[0], alone.database)  # the file by itself: every session
    assert _sessions(alone, PASSPHRASE) == 3


def test_a_wal_that_is_not_the_databases_own_is_never_written_into_it(
    paths: AppPaths, tmp_path: Path, clock: FakeClock
) -> None:
    made, copy = _open_copy(paths, tmp_path, None)
    other = AppPaths.resolve(tmp_path / "other")
    _unused, other_copy = _open_copy(other, tmp_path / "other-pc", None)
    shutil.copy2(other_copy / "kapdesk.sqlite3-wal", copy / "kapdesk.sqlite3-wal")
    room = AppPaths.resolve(copy)

    with pytest.raises(RestoreError, match="restore it again") as refused:
        restore_backup(room, made, passphrase=None, force=True, clock=clock)

    assert "set-aside" in str(refused.value)
    assert not room.database.exists()
    assert not list(copy.glob(".*restoring*"))
    assert not list(copy.glob("*before-restore*"))
    restore_backup(room, made, passphrase=None, force=True, clock=clock)
    assert _sessions(room) == 1


def test_where_the_disk_has_no_hard_links_the_database_is_kept_as_a_whole_copy(
    paths: AppPaths, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    made, copy = _open_copy(paths, tmp_path, None)
    room = AppPaths.resolve(copy)

    def no_links(*_args: object, **_how: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # as on a FAT drive

    monkeypatch.setattr(os, "link", no_links)
    done = restore_backup(room, made, passphrase=None, force=True, clock=clock)
    monkeypatch.undo()

    assert done.kept_aside[0].stat().st_nlink == 1  # a file of its own, not a second name
    assert not list(copy.glob(".*copying"))
    assert _sessions(room) == 1
    alone = AppPaths.resolve(tmp_path / "kept")
    alone.ensure_private()
    shutil.copy2(done.kept_aside[0], alone.database)
    assert _sessions(alone) == 3


def test_a_big_record_left_by_a_crash_is_settled_with_no_full_check_left_reading_it(
    paths: AppPaths, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    made, copy = _open_copy(paths, tmp_path, None)
    room = AppPaths.resolve(copy)
    timed_out: list[Path] = []
    readers: list[sqlite3.Connection] = []
    check = sqlite_file.integrity_problem

    def slow_quick_check(path: Path, quick: bool, seconds: float | None = None) -> str | None:
        try:
            return check(path, quick, seconds)
        except TimeoutError:
            timed_out.append(path)
            raise

    def full_check_under_way(path: Path, *_report: object) -> None:
        # The full check of a big record reads it for minutes: a reader on it all that time
        # (here only on the record left by the crash, whose WAL holds frames).
        if wal_generation(path) is None:
            return
        reader = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
        readers.append(reader)

    monkeypatch.setattr(sqlite_file, "QUICK_CHECK_SECONDS", 0.0)  # as on a big record
    monkeypatch.setattr(sqlite_file, "integrity_problem", slow_quick_check)
    monkeypatch.setattr(sqlite_file, "check_in_background", full_check_under_way)
    try:
        done = restore_backup(room, made, passphrase=None, force=True, clock=clock)
    finally:
        for reader in readers:
            reader.close()
    monkeypatch.undo()

    assert timed_out  # the quick check ran out of time, as on a big record
    assert readers == []
    assert _sessions(room) == 1
    alone = AppPaths.resolve(tmp_path / "kept")
    alone.ensure_private()
    assert done.database_kept_as is not None
    shutil.copy2(done.database_kept_as, alone.database)
    assert _sessions(alone) == 3


def test_a_big_backup_opens_as_the_database_while_its_full_check_reads_it(
    paths: AppPaths, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    made, _copy = _open_copy(paths, tmp_path, None)
    fresh = AppPaths.resolve(tmp_path / "new-pc")
    readers: list[sqlite3.Connection] = []

    def full_check_under_way(path: Path, *_report: object) -> None:
        # The full check of a big record reads it for minutes: a reader on it all that time.
        reader = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
        readers.append(reader)

    monkeypatch.setattr(sqlite_file, "QUICK_CHECK_SECONDS", 0.0)  # as on a big record
    monkeypatch.setattr(sqlite_file, "check_in_background", full_check_under_way)
    try:
        done = restore_backup(fresh, made, passphrase=None, force=True, clock=clock)
    finally:
        for reader in readers:
            reader.close()
    monkeypatch.undo()

    assert len(readers) == 1  # the restored database's full check went on as it opened
    assert done.database == fresh.database
    assert _sessions(fresh) == 1
