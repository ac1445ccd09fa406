"""Restoring a backup: verified first, never while kapdesk runs on the folder, never deleting
the database it replaces, refusing an older backup without force, upgrading an older schema,
and giving back every session exactly as it was."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kapdesk.core.backups import BackupFacts, Encryption
from kapdesk.core.clock import FakeClock
from kapdesk.demo import record_demo_session
from kapdesk.paths import AppPaths
from kapdesk.reports.exports import export_session
from kapdesk.storage import backup_files, db, encryption, restore
from kapdesk.storage.backup import make_backup
from kapdesk.storage.db import Storage, make_engine, open_storage, session_factory
from kapdesk.storage.db import sqlite_url as url_of
from kapdesk.storage.errors import DatabaseError, StorageError
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.restore import RestoreError, restore_backup
from kapdesk.storage.schema_revision import SCHEMA_HEAD
from kapdesk.storage.staff import StaffStore
from kapdesk.storage.writer_lock import WriterLock
from tests.support.keyring import MemoryKeyring

PASSPHRASE = "lantern meadow 42 quiet"
FIRST_DAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encryption, "_keyring", MemoryKeyring)
    monkeypatch.delenv(encryption.BACKUP_PASSPHRASE_ENV, raising=False)
    monkeypatch.delenv(encryption.PASSPHRASE_ENV, raising=False)


def _exports(storage: Storage) -> dict[int, bytes]:
    """Every session's JSON export, by session number."""
    store = JourneyStore(storage, FakeClock())
    exported = {}
    for row in store.summaries(limit=None, only_open=False):
        summary, journey = store.load(row.id)
        exported[row.id] = export_session(summary, journey, "json")
    return exported


def _with_sessions(storage: Storage, days: int, first: datetime = FIRST_DAY) -> None:
    """One demo session (doses, notes, vital signs, a correction) a day for ``days`` days."""
    for day in range(days):
        record_demo_session(storage, first + timedelta(days=day))


@pytest.fixture
def room(paths: AppPaths) -> Iterator[Storage]:
    """The room's record: three sessions."""
    storage = open_storage(paths, None)
    _with_sessions(storage, 3)
    yield storage
    storage.engine.dispose()


def _backup(storage: Storage, folder: Path, clock: FakeClock, **how: object) -> Path:
    encryption_chosen = how.get("encryption", Encryption.BACKUP_PASSPHRASE)
    assert isinstance(encryption_chosen, Encryption)
    passphrase = PASSPHRASE if encryption_chosen is Encryption.BACKUP_PASSPHRASE else None
    made, _facts = make_backup(
        storage,
        folder,
        room="Room 2",
        clock=clock,
        passphrase=passphrase,
        encryption=encryption_chosen,
    )
    return made


def _audit_actions(storage: Storage) -> list[tuple[str, str, str]]:
    return [
        (line.who, line.action, line.subject)
        for line in StaffStore(storage, FakeClock()).audit_trail()
    ]


def test_a_restore_into_a_fresh_folder_gives_back_every_session_byte_for_byte(
    room: Storage, tmp_path: Path, clock: FakeClock
) -> None:
    before = _exports(room)
    assert len(before) == 3
    made = _backup(room, tmp_path, clock)
    fresh = AppPaths.resolve(tmp_path / "new-pc")

    done = restore_backup(fresh, made, passphrase=PASSPHRASE, force=False, clock=clock, by="Ada")

    assert done.database == fresh.database
    assert done.kept_aside == ()
    assert done.migrated_from is None
    restored = open_storage(fresh, None)
    try:
        assert _exports(restored) == before
        assert ("Ada", "backup_restored", made.name) in _audit_actions(restored)
    finally:
        restored.engine.dispose()
    assert not encryption.is_encrypted(fresh.database)  # the backup passphrase's: plain again


def test_a_backup_of_an_encrypted_database_stays_encrypted_with_its_key(
    paths: AppPaths, tmp_path: Path, clock: FakeClock
) -> None:
    storage = open_storage(paths, None)
    _with_sessions(storage, 1)
    storage.engine.dispose()
    encryption.encrypt_file(paths.database, PASSPHRASE)
    storage = open_storage(paths, None, PASSPHRASE)
    before = _exports(storage)
    made = _backup(storage, tmp_path, clock, encryption=Encryption.DATABASE_KEY)
    storage.engine.dispose()
    fresh = AppPaths.resolve(tmp_path / "new-pc")

    restore_backup(fresh, made, passphrase=PASSPHRASE, force=False, clock=clock)

    assert encryption.is_encrypted(fresh.database)
    restored = open_storage(fresh, None, PASSPHRASE)
    try:
        assert _exports(restored) == before
    finally:
        restored.engine.dispose()


def test_a_restore_is_refused_while_kapdesk_runs_on_the_folder(
    room: Storage, paths: AppPaths, tmp_path: Path, clock: FakeClock
) -> None:
    made = _backup(room, tmp_path, clock)
    before = paths.database.read_bytes()
    window = WriterLock(paths.database, "kapdesk-window")
    window.acquire()
    try:
        with pytest.raises(RestoreError, match="in use by another kapdesk") as refused:
            restore_backup(paths, made, passphrase=PASSPHRASE, force=True, clock=clock)
    finally:
        window.release()
    assert "nothing was changed" in str(refused.value)
    assert paths.database.read_bytes() == before
    assert not list(paths.data_dir.glob("*before-restore*"))


def test_an_older_backup_needs_force_and_the_database_it_replaces_is_kept_aside(
    room: Storage, paths: AppPaths, tmp_path: Path, clock: FakeClock
) -> None:
    made = _backup(room, tmp_path, clock)
    _with_sessions(room, 1, FIRST_DAY + timedelta(days=10))  # a session after the backup
    newer = _exports(room)
    room.engine.dispose()  # kapdesk closed: the WAL written back into the file
    family = {
        path.name: path.read_bytes()
        for path in paths.data_dir.iterdir()
        if path.name.startswith("kapdesk.sqlite3") and not path.name.endswith("-lock")
    }

    with pytest.raises(RestoreError, match="Give --force") as refused:
        restore_backup(paths, made, passphrase=PASSPHRASE, force=False, clock=clock)
    assert "2026-03-1" in str(refused.value)  # the newer records' time is named
    assert paths.database.read_bytes() == family["kapdesk.sqlite3"]

    clock.advance(60)
    done = restore_backup(paths, made, passphrase=PASSPHRASE, force=True, clock=clock)

    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    assert done.kept_aside[0] == paths.data_dir / f"kapdesk.sqlite3.before-restore-{stamp}"
    for name, data in family.items():
        kept = paths.data_dir / name.replace("kapdesk.sqlite3", done.kept_aside[0].name, 1)
        assert kept.read_bytes() == data  # every file of the family, its bytes intact
    restored = open_storage(paths, None)
    try:
        assert len(_exports(restored)) == 3
    finally:
        restored.engine.dispose()
    kept_paths = AppPaths.resolve(tmp_path / "kept")
    kept_paths.ensure_private()
    for aside in done.kept_aside:
        (
            kept_paths.data_dir / aside.name.replace(done.kept_aside[0].name, "kapdesk.sqlite3")
        ).write_bytes(aside.read_bytes())
    reopened = open_storage(kept_paths, None)  # the kept database still opens, whole
    try:
        assert _exports(reopened) == newer
    finally:
        reopened.engine.dispose()


def test_a_damaged_backup_is_refused_before_anything_is_touched(
    room: Storage, paths: AppPaths, tmp_path: Path, clock: FakeClock
) -> None:
    made = _backup(room, tmp_path, clock, encryption=Encryption.NONE)
    room.engine.dispose()
    data = bytearray(made.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\xff" * 64
    made.write_bytes(bytes(data))
    before = sorted((path.name, path.read_bytes()) for path in paths.data_dir.iterdir())

    with pytest.raises(RestoreError, match="Nothing was restored"):
        restore_backup(paths, made, passphrase=None, force=True, clock=clock)

    assert sorted((path.name, path.read_bytes()) for path in paths.data_dir.iterdir()) == before


def _unchanged(paths: AppPaths) -> list[tuple[str, bytes]]:
    """The data folder's files and their bytes (but the writer lock's, which a restore takes)."""
    return sorted(
        (path.name, path.read_bytes())
        for path in paths.data_dir.iterdir()
        if not path.name.endswith("-lock")
    )


def test_a_backup_whose_bytes_change_after_the_check_is_not_put_in_place(
    room: Storage,
    paths: AppPaths,
    tmp_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = _backup(room, tmp_path, clock, encryption=Encryption.NONE)
    room.engine.dispose()
    before = _unchanged(paths)
    checked = backup_files.verify_backup

    def then_damaged(file: Path, passphrase: str | None) -> BackupFacts:
        facts = checked(file, passphrase)
        with file.open("rb+") as failing:  # the drive hands back other bytes the second time
            failing.seek(facts.size // 2)
            failing.write(b"\x5a" * 16)
        return facts

    monkeypatch.setattr(backup_files, "verify_backup", then_damaged)
    with pytest.raises(RestoreError, match="is not the backup that was checked") as refused:
        restore_backup(paths, made, passphrase=None, force=True, clock=clock)

    assert "SHA-256" in str(refused.value)
    assert "Nothing was changed" in str(refused.value)
    assert _unchanged(paths) == before


def test_a_decrypted_copy_that_differs_from_the_backup_is_not_put_in_place(
    room: Storage,
    paths: AppPaths,
    tmp_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = _backup(room, tmp_path, clock)
    room.engine.dispose()
    before = _unchanged(paths)
    decrypt = restore._decrypt

    def with_a_line_more(file: Path, target: Path, passphrase: str) -> None:
        decrypt(file, target, passphrase)
        copy = sqlite3.connect(target)
        with copy:
            copy.execute(
                "INSERT INTO audit_log (at, who, action, subject, detail) "
                "VALUES ('2026-03-09 09:00:00', 'Nobody', 'export', '', '{}')"
            )
        copy.close()

    monkeypatch.setattr(restore, "_decrypt", with_a_line_more)
    with pytest.raises(RestoreError, match="is not the backup that was checked") as refused:
        restore_backup(paths, made, passphrase=PASSPHRASE, force=True, clock=clock)

    assert "audit" in str(refused.value)
    assert _unchanged(paths) == before


def test_a_restore_whose_audit_line_cannot_be_written_is_done_and_says_so(
    room: Storage,
    paths: AppPaths,
    tmp_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = _backup(room, tmp_path, clock)
    before = _exports(room)
    room.engine.dispose()
    fresh = AppPaths.resolve(tmp_path / "new-pc")

    def full_disk(*_args: object, **_detail: object) -> None:
        raise StorageError("The audit log could not be written (the disk is full)")

    monkeypatch.setattr(StaffStore, "record", full_disk)
    done = restore_backup(fresh, made, passphrase=PASSPHRASE, force=False, clock=clock)

    assert done.audit_problem == "The audit log could not be written (the disk is full)"
    monkeypatch.undo()
    restored = open_storage(fresh, None)
    try:
        assert _exports(restored) == before
    finally:
        restored.engine.dispose()


def test_a_wrong_passphrase_changes_nothing(
    room: Storage, paths: AppPaths, tmp_path: Path, clock: FakeClock
) -> None:
    made = _backup(room, tmp_path, clock)
    room.engine.dispose()
    before = paths.database.read_bytes()
    with pytest.raises(RestoreError, match="passphrase does not open it"):
        restore_backup(paths, made, passphrase="not the one at all", force=True, clock=clock)
    assert paths.database.read_bytes() == before
    assert not list(paths.data_dir.glob("*before-restore*"))
    assert not list(paths.data_dir.glob(".*restoring"))


def _at_schema_0010(paths: AppPaths) -> Storage:
    """The record as kapdesk wrote it at schema 0010 (before the table of versions): made
    now, then taken back to 0010 as an earlier kapdesk left it; not upgraded on opening."""
    from alembic import command  # noqa: PLC0415
    from alembic.config import Config  # noqa: PLC0415

    storage = open_storage(paths, None)
    _with_sessions(storage, 2)
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    with storage.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0010")  # every later migration's own way back
    storage.engine.dispose()  # the last connection: its WAL written back and removed
    engine = make_engine(url_of(paths.database))
    return Storage(engine, session_factory(engine))


def test_a_backup_of_an_earlier_schema_is_upgraded_with_nothing_lost(
    paths: AppPaths, tmp_path: Path, clock: FakeClock
) -> None:
    earlier = _at_schema_0010(paths)
    made = _backup(earlier, tmp_path, clock, encryption=Encryption.NONE)
    earlier.engine.dispose()
    db = sqlite3.connect(f"file:{made}?mode=ro", uri=True)
    try:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0010",)
    finally:
        db.close()
    fresh = AppPaths.resolve(tmp_path / "new-pc")

    done = restore_backup(fresh, made, passphrase=None, force=False, clock=clock)

    assert done.migrated_from == "0010"
    restored = open_storage(fresh, None)
    try:
        with restored.engine.connect() as connection:
            revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert revision.scalar() == SCHEMA_HEAD
        assert len(_exports(restored)) == 2
        restores = [line for line in _audit_actions(restored) if line[1] == "backup_restored"]
        assert len(restores) == 1
    finally:
        restored.engine.dispose()


def test_a_backup_older_than_a_database_with_no_session_needs_no_force(
    room: Storage, tmp_path: Path, clock: FakeClock
) -> None:
    made = _backup(room, tmp_path, clock)
    fresh = AppPaths.resolve(tmp_path / "new-pc")
    started = open_storage(fresh, None)  # kapdesk started once on the new PC: no session yet
    StaffStore(started, FakeClock(FIRST_DAY + timedelta(days=30))).record("Ada", "signed_in")
    started.engine.dispose()

    done = restore_backup(fresh, made, passphrase=PASSPHRASE, force=False, clock=clock)

    assert done.kept_aside  # kept all the same
    assert done.kept_aside[0].exists()


def test_a_restored_copy_that_does_not_open_is_removed_and_the_database_put_back(
    room: Storage,
    paths: AppPaths,
    tmp_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = _backup(room, tmp_path, clock)
    room.engine.dispose()
    WriterLock(paths.database).acquire()  # its lock file there before, as after (released)
    before = sorted((path.name, path.read_bytes()) for path in paths.data_dir.iterdir())

    def refuses(*_args: object) -> Storage:
        raise DatabaseError("the disk gave up")

    monkeypatch.setattr(db, "open_storage", refuses)
    with pytest.raises(RestoreError, match="the database before it is back in place"):
        restore_backup(paths, made, passphrase=PASSPHRASE, force=True, clock=clock)

    after = sorted((path.name, path.read_bytes()) for path in paths.data_dir.iterdir())
    assert after == before


def test_an_encrypted_database_is_compared_with_its_own_passphrase(
    paths: AppPaths, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = open_storage(paths, None)
    _with_sessions(plain, 1)
    made = _backup(plain, tmp_path, clock)  # a backup-passphrase backup of the plain record
    _with_sessions(plain, 1, FIRST_DAY + timedelta(days=10))
    plain.engine.dispose()
    encryption.encrypt_file(paths.database, "database own words 55")  # encrypted since
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, "database own words 55")

    with pytest.raises(RestoreError, match="Give --force"):  # it was read, and is newer
        restore_backup(paths, made, passphrase=PASSPHRASE, force=False, clock=clock)


def test_a_room_on_a_clinic_server_is_not_restored_from_a_file(
    room: Storage, paths: AppPaths, tmp_path: Path, clock: FakeClock
) -> None:
    made = _backup(room, tmp_path, clock)
    paths.room_settings.write_text(
        'database = "postgresql://kapdesk@127.0.0.1:1/kapdesk"\n', encoding="utf-8"
    )
    with pytest.raises(RestoreError, match="records on a clinic server") as refused:
        restore_backup(paths, made, passphrase=PASSPHRASE, force=True, clock=clock)
    assert "docs/backup.md" in str(refused.value)
    assert not list(paths.data_dir.glob("*before-restore*"))


def _strays(paths: AppPaths) -> dict[str, bytes]:
    """A data folder with no database in it, but a stray empty journal and a witness."""
    paths.ensure_private()
    strays = {"kapdesk.sqlite3-journal": b"", "kapdesk.sqlite3-kapdesk.json": b'{"db": null}'}
    for name, content in strays.items():
        (paths.data_dir / name).write_bytes(content)
    return strays


def test_files_beside_no_database_are_never_put_back_as_the_database(
    room: Storage, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _backup(room, tmp_path, clock)
    fresh = AppPaths.resolve(tmp_path / "new-pc")
    strays = _strays(fresh)

    def refuses(*_args: object) -> Storage:
        raise DatabaseError("the disk gave up")

    monkeypatch.setattr(db, "open_storage", refuses)
    with pytest.raises(RestoreError, match="the database before it is back in place"):
        restore_backup(fresh, made, passphrase=PASSPHRASE, force=True, clock=clock)

    assert not fresh.database.exists()  # no sidecar took the database's name
    for name, content in strays.items():
        assert (fresh.data_dir / name).read_bytes() == content
    assert not list(fresh.data_dir.glob("*before-restore*"))


def test_files_beside_no_database_are_kept_aside_and_named_as_what_they_are(
    room: Storage, tmp_path: Path, clock: FakeClock
) -> None:
    made = _backup(room, tmp_path, clock)
    fresh = AppPaths.resolve(tmp_path / "new-pc")
    _strays(fresh)

    done = restore_backup(fresh, made, passphrase=PASSPHRASE, force=True, clock=clock)

    assert done.database_kept_as is None
    assert sorted(path.name.rsplit("-", 1)[-1] for path in done.kept_aside) == [
        "journal",
        "kapdesk.json",
    ]
    assert all(path.exists() for path in done.kept_aside)
    restored = open_storage(fresh, None)
    try:
        (line,) = [
            line
            for line in StaffStore(restored, FakeClock()).audit_trail()
            if line.action == "backup_restored"
        ]
    finally:
        restored.engine.dispose()
    assert "kept_aside" not in line.detail


def test_a_second_name_left_on_the_database_is_dropped_and_a_kept_copy_is_not(
    room: Storage, paths: AppPaths, tmp_path: Path, clock: FakeClock
) -> None:
    made = _backup(room, tmp_path, clock)
    room.engine.dispose()
    linked = paths.data_dir / "kapdesk.sqlite3.before-restore-20260101-000000"
    os.link(paths.database, linked)  # a restore killed between its link and its swap
    copied = paths.data_dir / "kapdesk.sqlite3.before-restore-20250101-000000"
    shutil.copyfile(paths.database, copied)  # an earlier restore's kept database: its own file

    clock.advance(60)
    done = restore_backup(paths, made, passphrase=PASSPHRASE, force=True, clock=clock)

    assert not linked.exists()  # it would have become the restored database's second name
    assert copied.exists()
    assert done.database_kept_as is not None
    assert not os.path.samefile(done.database_kept_as, paths.database)


def test_a_swap_that_fails_leaves_no_second_name_on_the_database(
    room: Storage,
    paths: AppPaths,
    tmp_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = _backup(room, tmp_path, clock)
    room.engine.dispose()
    before = paths.database.read_bytes()
    rename = os.replace

    def refuses_the_swap(source: object, target: object) -> None:
        if str(source).endswith(restore.RESTORING) and target == paths.database:
            raise OSError(5, "Input/output error")
        rename(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", refuses_the_swap)
    with pytest.raises(RestoreError, match="the database before it is back in place"):
        restore_backup(paths, made, passphrase=PASSPHRASE, force=True, clock=clock)
    monkeypatch.undo()

    assert paths.database.read_bytes() == before
    assert paths.database.stat().st_nlink == 1
    assert not list(paths.data_dir.glob("*before-restore*"))
