"""What killed backups leave (a plain snapshot of the whole record in the data folder, a partial
in the backup folder, and the SQLite sidecars of either) is removed by the next backup whatever
its age, and at start, unless a backup of the record is under way in another process; another
PC's partial in a shared folder is left to its own backups for an hour."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kapdesk.core.backups import BACKUP_SUFFIX, Encryption
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage import backup as backup_module
from kapdesk.storage.backup import BackupError, make_backup, sweep_leftovers
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.writer_lock import WriterLock
from tests.storage.test_backup import PASSPHRASE, _a_session

SIDECARS = ("", "-journal", "-wal", "-shm")


@pytest.fixture
def room(paths: AppPaths, clock: FakeClock) -> Iterator[Storage]:
    storage = open_storage(paths, None)
    _a_session(storage, clock)
    yield storage
    storage.engine.dispose()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "usb"
    made.mkdir()
    return made


def _leave(place: Path, name: str, *, hours_old: float = 0.0) -> list[Path]:
    """A leftover and its SQLite sidecars, as a kill leaves them."""
    left = [place / f"{name}{suffix}" for suffix in SIDECARS]
    for path in left:
        path.write_bytes(b"SQLite format 3\0 the record, in the clear")
        if hours_old:
            then = time.time() - hours_old * 3600
            os.utime(path, (then, then))
    return left


def _ours(paths: AppPaths) -> str:
    return backup_module._owner(paths.database)


def _left_by_kills(paths: AppPaths, folder: Path) -> list[Path]:
    owner = _ours(paths)
    return [
        *_leave(paths.data_dir, f"{owner}0a1b.backup-plain"),
        *_leave(folder, f"{owner}2c3d{BACKUP_SUFFIX}.partial"),
    ]


def _backup(room: Storage, folder: Path, clock: FakeClock) -> None:
    make_backup(
        room, folder, room="Room 1", clock=clock, passphrase=None, encryption=Encryption.NONE
    )


def test_the_next_backup_removes_what_kills_left_however_young(
    room: Storage, paths: AppPaths, folder: Path, clock: FakeClock
) -> None:
    left = _left_by_kills(paths, folder)
    # Left by an older kapdesk, whose names said nothing of their PC: gone once an hour old.
    left += _leave(paths.data_dir, ".kapdesk-4e5f.backup-plain", hours_old=2)
    left += _leave(folder, f".kapdesk-6a7b{BACKUP_SUFFIX}.partial", hours_old=2)
    _backup(room, folder, clock)
    assert [path.name for path in left if path.exists()] == []


def test_another_pcs_young_partial_in_a_shared_folder_is_left_alone(
    room: Storage, folder: Path, clock: FakeClock
) -> None:
    theirs = _leave(folder, f".kapdesk-0123456789ab-4567{BACKUP_SUFFIX}.partial")
    _backup(room, folder, clock)
    assert all(path.exists() for path in theirs)  # perhaps still being written over there


def test_the_sweep_at_start_removes_what_kills_left(
    room: Storage, paths: AppPaths, folder: Path
) -> None:
    left = _left_by_kills(paths, folder)
    sweep_leftovers(room, folder)
    assert [path.name for path in left if path.exists()] == []


def test_nothing_is_swept_while_a_backup_of_the_record_is_under_way(
    room: Storage, paths: AppPaths, folder: Path
) -> None:
    left = _left_by_kills(paths, folder)  # as the backup under way has them now
    under_way = backup_module._backup_lock(paths.database)
    under_way.acquire()  # another process's backup, as far as the lock knows
    try:
        sweep_leftovers(room, folder)
        assert all(path.exists() for path in left)
    finally:
        under_way.release()
    sweep_leftovers(room, folder)  # that backup ended: what is left now is left over
    assert not any(path.exists() for path in left)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows keeps an open file's name")
def test_the_plain_snapshot_has_no_name_while_it_is_encrypted(
    room: Storage, paths: AppPaths, folder: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3")
    named_after_export: list[str] = []
    real = backup_module._export_encrypted

    def watched(plain: Path, partial: Path, key: str) -> None:
        real(plain, partial, key)
        named_after_export.extend(n for n in os.listdir(paths.data_dir) if "backup-plain" in n)

    monkeypatch.setattr(backup_module, "_export_encrypted", watched)
    made, facts = make_backup(
        room,
        folder,
        room="Room 1",
        clock=clock,
        passphrase=PASSPHRASE,
        encryption=Encryption.BACKUP_PASSPHRASE,
    )
    assert named_after_export == []  # a kill from then on leaves no plain copy behind
    assert facts.counts.sessions == 1
    assert made.exists()


def test_a_backup_waits_for_another_backup_of_the_record_to_end(
    room: Storage, paths: AppPaths, folder: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    left = _left_by_kills(paths, folder)
    waiting = threading.Event()

    class Waits:
        """The backup module's time, telling the test when the backup waits."""

        monotonic = staticmethod(time.monotonic)
        time = staticmethod(time.time)

        @staticmethod
        def sleep(_seconds: float) -> None:
            waiting.set()
            under_way.release()  # the other backup ends while this one waits

    monkeypatch.setattr(backup_module, "time", Waits)
    under_way = backup_module._backup_lock(paths.database)
    under_way.acquire()
    _backup(room, folder, clock)
    assert waiting.is_set()
    assert not any(path.exists() for path in left)  # swept once the other one ended


def test_a_backup_that_waits_too_long_says_so_and_writes_nothing(
    room: Storage, paths: AppPaths, folder: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_module, "LOCK_WAIT", -1.0)
    left = _left_by_kills(paths, folder)
    under_way = backup_module._backup_lock(paths.database)
    under_way.acquire()
    try:
        with pytest.raises(BackupError, match="Another backup of this record"):
            _backup(room, folder, clock)
    finally:
        under_way.release()
    assert all(path.exists() for path in left)  # the other backup's, as far as this one knows
    assert sorted(os.listdir(folder)) == sorted(p.name for p in left if p.parent == folder)


def test_a_missing_folder_still_sweeps_the_data_folder(
    room: Storage, paths: AppPaths, tmp_path: Path, clock: FakeClock
) -> None:
    plain = _leave(paths.data_dir, f"{_ours(paths)}0a1b.backup-plain")
    with pytest.raises(BackupError, match="is not there"):
        _backup(room, tmp_path / "unplugged", clock)
    assert not any(path.exists() for path in plain)


def _left_by_a_killed_restore(paths: AppPaths) -> list[Path]:
    """A restore's decrypted copy of the record, and the half-made copy of the database it
    was keeping aside on a disk without hard links, each with its SQLite sidecars."""
    return [
        *_leave(paths.data_dir, ".kapdesk.sqlite3.restoring"),
        *_leave(paths.data_dir, ".kapdesk.sqlite3.before-restore-20260302-090000.copying"),
    ]


def test_what_a_killed_restore_left_is_swept_by_the_window_that_holds_the_record(
    room: Storage, paths: AppPaths, folder: Path, clock: FakeClock
) -> None:
    left = _left_by_a_killed_restore(paths)
    writer = WriterLock(paths.database)
    writer.acquire()  # the window's: no restore can be under way
    try:
        sweep_leftovers(room, folder)
        assert [path.name for path in left if path.exists()] == []
        left = _left_by_a_killed_restore(paths)
        _backup(room, folder, clock)  # and every backup sweeps them too
        assert [path.name for path in left if path.exists()] == []
    finally:
        writer.release()
    assert paths.database.exists()


def test_what_a_restore_has_under_way_is_never_swept(
    room: Storage, paths: AppPaths, folder: Path, clock: FakeClock
) -> None:
    left = _left_by_a_killed_restore(paths)  # as a restore in another process has them now
    sweep_leftovers(room, folder)  # this process holds no writer lock: a restore may
    _backup(room, folder, clock)
    assert all(path.exists() for path in left)
