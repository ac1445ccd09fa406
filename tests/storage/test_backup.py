"""Backups of the room's SQLite record: made while kapdesk runs, encrypted as asked, verified,
listed newest first and rotated; a folder that is gone, read-only or full says so plainly."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kapdesk.core.backups import (
    Encryption,
    RecordCounts,
    RotationPolicy,
    backup_name,
    facts_name,
    parse_backup_name,
)
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.observations import note_data
from kapdesk.paths import AppPaths
from kapdesk.storage import backup as backup_module
from kapdesk.storage import encryption
from kapdesk.storage.backup import (
    BackupError,
    backup_encryption,
    list_backups,
    make_backup,
    read_counts,
    rotate,
    verify_backup,
)
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.encryption import (
    BACKUP_PASSPHRASE_ENV,
    encrypt_file,
    keep_backup_passphrase,
    kept_backup_passphrase,
)
from kapdesk.storage.journeys import JourneyStore
from tests.conftest import make_protocol
from tests.support.keyring import MemoryKeyring

PASSPHRASE = "orchard window 19 amber"
PATIENT = "P-SECRET-77"
NOTE = "Told us about Jonah"


@pytest.fixture
def room(paths: AppPaths, clock: FakeClock) -> Iterator[Storage]:
    """The room's SQLite record, with one session of a dose and a note."""
    storage = open_storage(paths, None)
    _a_session(storage, clock)
    yield storage
    storage.engine.dispose()


def _a_session(storage: Storage, clock: FakeClock) -> int:
    opened = JourneyStore(storage, clock).open_session(PATIENT, make_protocol(), "Robin Hale")
    opened.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    opened.journey.record_observation(EventKind.NOTE, note_data(NOTE, [], ""))
    assert opened.recorder.flush(timeout=10)
    opened.recorder.close()
    return opened.session_id


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "usb"
    made.mkdir()
    return made


def _counts(storage: Storage) -> RecordCounts:
    raw = storage.engine.raw_connection()
    try:
        return read_counts(raw.driver_connection)
    finally:
        raw.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_plain_backup_holds_the_record_and_verifies(
    room: Storage, folder: Path, clock: FakeClock
) -> None:
    made, facts = make_backup(
        room, folder, room="Room 1", clock=clock, passphrase=None, encryption=Encryption.NONE
    )
    assert made.name == backup_name("Room 1", clock.now())
    assert facts.counts == _counts(room)
    assert facts.counts.sessions == 1
    assert facts.counts.events >= 2
    assert facts.counts.doses == 1
    assert facts.sha256 == _sha(made)
    assert facts.size == made.stat().st_size
    assert made.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(made) as opened:  # a single plain SQLite file
        assert opened.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert opened.execute("SELECT count(*) FROM patients").fetchone()[0] == 1
    assert sorted(os.listdir(folder)) == [made.name, facts_name(made.name)]
    assert verify_backup(made, None).counts == facts.counts


def test_a_passphrase_backup_holds_no_plain_patient_data(
    room: Storage, folder: Path, clock: FakeClock, paths: AppPaths
) -> None:
    pytest.importorskip("sqlcipher3")
    made, facts = make_backup(
        room,
        folder,
        room="Room 1",
        clock=clock,
        passphrase=PASSPHRASE,
        encryption=Encryption.BACKUP_PASSPHRASE,
    )
    content = made.read_bytes()
    assert PATIENT.encode() not in content
    assert NOTE.encode() not in content
    assert not content.startswith(b"SQLite format 3")
    assert facts.encryption is Encryption.BACKUP_PASSPHRASE
    assert verify_backup(made, PASSPHRASE).counts == facts.counts
    with pytest.raises(BackupError, match="passphrase is needed"):
        verify_backup(made, None)
    with pytest.raises(BackupError, match="passphrase does not open it"):
        verify_backup(made, "not the passphrase at all")
    # The plain snapshot it passed through is gone from the data folder.
    assert not [name for name in os.listdir(paths.data_dir) if "backup-plain" in name]


def test_an_encrypted_database_is_backed_up_with_its_own_key(
    paths: AppPaths, folder: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3")
    storage = open_storage(paths, None)
    _a_session(storage, clock)
    storage.engine.dispose()
    encrypt_file(paths.database, PASSPHRASE)
    storage = open_storage(paths, None, PASSPHRASE)
    try:
        assert backup_encryption(storage, unencrypted=False) is Encryption.DATABASE_KEY
        made, facts = make_backup(
            storage,
            folder,
            room="",
            clock=clock,
            passphrase=None,
            encryption=Encryption.DATABASE_KEY,
        )
    finally:
        storage.engine.dispose()
    assert made.name.startswith("kapdesk-room-")
    assert PATIENT.encode() not in made.read_bytes()
    assert verify_backup(made, PASSPHRASE).counts == facts.counts
    assert facts.counts.sessions == 1


def test_the_encryption_follows_the_database_and_the_admin(room: Storage) -> None:
    assert backup_encryption(room, unencrypted=False) is Encryption.BACKUP_PASSPHRASE
    assert backup_encryption(room, unencrypted=True) is Encryption.NONE


def test_a_passphrase_backup_without_a_passphrase_is_refused(
    room: Storage, folder: Path, clock: FakeClock
) -> None:
    with pytest.raises(BackupError, match="No backup passphrase is set"):
        make_backup(
            room,
            folder,
            room="a",
            clock=clock,
            passphrase=None,
            encryption=Encryption.BACKUP_PASSPHRASE,
        )
    with pytest.raises(BackupError, match="not encrypted"):
        make_backup(
            room, folder, room="a", clock=clock, passphrase=None, encryption=Encryption.DATABASE_KEY
        )
    assert os.listdir(folder) == []


def test_the_backup_passphrase_is_kept_in_the_keyring_or_set_for_scripts(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = MemoryKeyring()
    monkeypatch.setattr(encryption, "_keyring", lambda: kept)
    monkeypatch.delenv(BACKUP_PASSPHRASE_ENV, raising=False)
    assert kept_backup_passphrase(paths) is None
    assert keep_backup_passphrase(paths, PASSPHRASE) is None
    assert kept.kept == {("kapdesk-backup", str(paths.data_dir.resolve())): PASSPHRASE}
    assert kept_backup_passphrase(paths) == PASSPHRASE
    monkeypatch.setenv(BACKUP_PASSPHRASE_ENV, "from the environment")
    assert kept_backup_passphrase(paths) == "from the environment"


def test_a_keyring_that_fails_is_a_sentence(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken:
        def get_password(self, service: str, account: str) -> str:
            raise RuntimeError("locked")

        def set_password(self, service: str, account: str, password: str) -> None:
            raise RuntimeError("locked")

    monkeypatch.setattr(encryption, "_keyring", Broken)
    monkeypatch.delenv(BACKUP_PASSPHRASE_ENV, raising=False)
    assert kept_backup_passphrase(paths) is None
    assert (
        keep_backup_passphrase(paths, PASSPHRASE) == "the OS keyring cannot keep it (RuntimeError)"
    )


def _plain(storage: Storage, folder: Path, clock: FakeClock, **more: object) -> Path:
    made, _ = make_backup(
        storage,
        folder,
        room="Room 1",
        clock=clock,
        passphrase=None,
        encryption=Encryption.NONE,
        **more,  # type: ignore[arg-type]
    )
    return made


def test_backups_are_listed_newest_first_with_their_facts(
    room: Storage, folder: Path, clock: FakeClock
) -> None:
    first = _plain(room, folder, clock)
    clock.advance(90)
    second = _plain(room, folder, clock)
    (folder / facts_name(first.name)).unlink()
    (folder / "notes.txt").write_text("not a backup")
    listed = list_backups(folder)
    assert [path for path, _ in listed] == [second, first]
    assert listed[0][1] is not None
    assert listed[1][1] is None


def test_two_backups_in_one_second_both_stay(room: Storage, folder: Path, clock: FakeClock) -> None:
    first = _plain(room, folder, clock)
    second = _plain(room, folder, clock)
    assert first != second
    assert first.exists()
    assert second.exists()


def test_verify_finds_a_changed_or_damaged_backup(
    room: Storage, folder: Path, clock: FakeClock
) -> None:
    made = _plain(room, folder, clock)
    with made.open("r+b") as file:
        file.seek(made.stat().st_size - 100)
        file.write(b"\xff" * 50)
    with pytest.raises(BackupError, match=r"not the one its facts describe|damaged"):
        verify_backup(made, None)
    made.write_bytes(b"nothing like a database")
    with pytest.raises(BackupError, match=made.name):
        verify_backup(made, None)
    with pytest.raises(BackupError, match="no backup file"):
        verify_backup(folder / "gone.kapdesk-backup", None)


def test_rotation_keeps_the_policy_and_only_this_rooms_backups(
    room: Storage, folder: Path, clock: FakeClock
) -> None:
    other = _plain(room, folder, clock)
    other = other.rename(folder / other.name.replace("room-1", "room-2"))
    made = []
    for _ in range(5):
        made.append(_plain(room, folder, clock))
        clock.advance(timedelta(days=1).total_seconds())
    removed = rotate(folder, "Room 1", RotationPolicy(daily=2, weekly=0, monthly=0))
    assert sorted(removed) == sorted(made[:3])
    assert [path for path, _ in list_backups(folder)] == [made[4], made[3], other]
    assert not (folder / facts_name(made[0].name)).exists()


def test_rotation_removes_nothing_older_until_a_backup_is_verified(
    room: Storage, folder: Path, clock: FakeClock
) -> None:
    made = []
    for _ in range(3):
        made.append(_plain(room, folder, clock))
        clock.advance(timedelta(days=1).total_seconds())
    for path in made:
        (folder / facts_name(path.name)).unlink()
    assert rotate(folder, "Room 1", RotationPolicy(daily=1, weekly=0, monthly=0)) == []
    assert all(path.exists() for path in made)


def test_make_backup_rotates_after_the_new_one_verified(
    room: Storage, folder: Path, clock: FakeClock
) -> None:
    policy = RotationPolicy(daily=2, weekly=0, monthly=0)
    made = []
    for _ in range(4):
        made.append(_plain(room, folder, clock, policy=policy))
        clock.advance(timedelta(days=1).total_seconds())
    assert [path for path, _ in list_backups(folder)] == [made[3], made[2]]


# -- folders that cannot take a backup -------------------------------------------------------


def _refused(storage: Storage, folder: Path, clock: FakeClock) -> str:
    with pytest.raises(BackupError) as refused:
        _plain(storage, folder, clock)
    return str(refused.value)


def test_a_missing_folder_says_so(room: Storage, tmp_path: Path, clock: FakeClock) -> None:
    assert "is not there (drive unplugged" in _refused(room, tmp_path / "usb", clock)
    with pytest.raises(BackupError, match="is not there"):
        list_backups(tmp_path / "usb")


def test_a_file_is_not_a_folder(room: Storage, tmp_path: Path, clock: FakeClock) -> None:
    (tmp_path / "usb").write_text("")
    assert "is not a folder" in _refused(room, tmp_path / "usb", clock)


def test_a_database_on_a_server_is_not_backed_up_here(
    folder: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import create_engine  # noqa: PLC0415

    engine = create_engine("postgresql+psycopg://kapdesk@127.0.0.1/kapdesk")
    server = Storage(engine, None)  # type: ignore[arg-type]
    assert "server's own tools" in _refused(server, folder, clock)
    assert os.listdir(folder) == []


def _failing_write(monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """The OS refuses the backup's first write (what a full or read-only folder does; the
    tests run as root, whom a read-only mode does not stop)."""
    real = backup_module._new_private_file

    def refuse(path: Path) -> None:
        if path.name.endswith(".partial"):
            raise OSError(number, os.strerror(number), str(path))
        real(path)

    monkeypatch.setattr(backup_module, "_new_private_file", refuse)


@pytest.mark.parametrize(
    ("number", "words"), [(errno.ENOSPC, "is full"), (errno.EROFS, "cannot be written")]
)
def test_a_full_or_read_only_folder_says_so_and_keeps_earlier_backups(
    room: Storage,
    folder: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    *,
    number: int,
    words: str,
) -> None:
    earlier = _plain(room, folder, clock)
    before = _sha(earlier)
    clock.advance(60)
    _failing_write(monkeypatch, number)
    message = _refused(room, folder, clock)
    assert words in message
    assert "earlier backups were kept" in message
    assert _sha(earlier) == before
    assert sorted(os.listdir(folder)) == [earlier.name, facts_name(earlier.name)]


def test_a_disk_that_fills_during_the_copy_leaves_no_partial(
    room: Storage, folder: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = _plain(room, folder, clock)
    clock.advance(60)

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module, "_fsync", full)
    assert "is full" in _refused(room, folder, clock)
    assert sorted(os.listdir(folder)) == [earlier.name, facts_name(earlier.name)]
    assert parse_backup_name(earlier.name) is not None
