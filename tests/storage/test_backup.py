"""Backups of the room's SQLite record: made while kapdesk runs, encrypted as asked, verified,
listed newest first and rotated; a folder that is gone, read-only or full says so plainly."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import socket
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

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
from kapdesk.core.journey import Dose, EventKind, JourneyEvent
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
    record_source,
    rotate,
    same_disk_problem,
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
        assert backup_encryption(storage, unencrypted=True) is Encryption.DATABASE_KEY
        with pytest.raises(BackupError, match="encrypted with its own key"):
            make_backup(
                storage, folder, room="", clock=clock, passphrase=None, encryption=Encryption.NONE
            )
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


@pytest.mark.parametrize("links", [True, False])
def test_two_backups_in_one_second_both_stay(
    room: Storage, folder: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, *, links: bool
) -> None:
    if not links:  # a FAT drive has no hard links

        def no_links(source: Path, target: Path) -> None:
            raise OSError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
    first = _plain(room, folder, clock)
    second = _plain(room, folder, clock)
    assert verify_backup(first, None).name == first.name
    assert verify_backup(second, None).name == second.name
    assert not [name for name in os.listdir(folder) if name.endswith(".partial")]
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


def test_two_pcs_sharing_a_folder_and_a_room_name_never_rotate_each_others_backups(
    room: Storage, folder: Path, clock: FakeClock, tmp_path: Path
) -> None:
    # Another room PC, named the same (or, as often, not named at all), backs up into the
    # same share.
    elsewhere = open_storage(AppPaths.resolve(tmp_path / "other-pc"), None)
    try:
        _a_session(elsewhere, clock)
        theirs = _plain(elsewhere, folder, clock)
        clock.advance(timedelta(days=1).total_seconds())
        policy = RotationPolicy(daily=1, weekly=0, monthly=0)
        ours = []
        for _ in range(3):
            ours.append(_plain(room, folder, clock, policy=policy))
            clock.advance(timedelta(days=1).total_seconds())
    finally:
        elsewhere.engine.dispose()
    assert [path for path, _ in list_backups(folder)] == [ours[2], theirs]
    assert verify_backup(theirs, None).counts.sessions == 1
    (_path, facts), (_other, their_facts) = list_backups(folder)
    assert facts is not None
    assert their_facts is not None
    assert facts.source != their_facts.source
    assert len(facts.source) == 16


def test_room_pcs_cloned_from_one_image_are_told_apart_by_the_machines_id(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Same name, same data folder's path: only the installation's own id differs.
    monkeypatch.setattr(socket, "gethostname", lambda: "room-pc")
    monkeypatch.setattr(backup_module, "_machine_id", lambda: "3d1219c7c4c5404a")
    first = record_source(paths.database)
    assert record_source(paths.database) == first  # the same PC, every time
    monkeypatch.setattr(backup_module, "_machine_id", lambda: "9f00aa41b2e64c07")
    assert record_source(paths.database) != first


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


# -- backups while a session records -----------------------------------------------------------


class NoteWriter:
    """A sitter typing notes without pause, each waited for until saved (the recorder writes
    on its own thread), on a thread of its own; what was handed over and what saved is
    counted so a snapshot can be checked against it."""

    def __init__(self, storage: Storage, clock: FakeClock) -> None:
        self.opened = JourneyStore(storage, clock).open_session(
            PATIENT, make_protocol(), "Robin Hale"
        )
        self.opened.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
        self._lock = threading.Condition()
        self._saved: set[int] = set()
        self.handed = 0  # notes handed to the journey (an upper bound of those committed)
        self.opened.recorder.on_saved(self._heard)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._write, name="notes")

    def _heard(self, event: JourneyEvent) -> None:
        text = str(event.data.get("text", ""))
        if text.startswith("note "):
            with self._lock:
                self._saved.add(int(text.split()[1]))
                self._lock.notify_all()

    def saved(self) -> set[int]:
        with self._lock:
            return set(self._saved)

    def saves_more(self, count: int) -> None:
        """Wait until ``count`` more notes are saved (the sitter goes on typing)."""
        with self._lock:
            wanted = len(self._saved) + count
            assert self._lock.wait_for(lambda: len(self._saved) >= wanted, timeout=30)

    def _write(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                number = self.handed
                self.handed += 1
            self.opened.journey.record_observation(
                EventKind.NOTE, note_data(f"note {number}", [], "")
            )
            assert self.opened.recorder.flush(timeout=10)

    def __enter__(self) -> NoteWriter:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=30)
        self.opened.recorder.close()


NOTE_ROWS = (
    "SELECT id, session_id, seq, kind, wall_at, data, chain FROM session_events "
    "WHERE kind = 'note' AND data LIKE '%\"text\": \"note %'"
)


def _numbered(rows: Sequence[Any]) -> dict[int, tuple[object, ...]]:
    return {int(json.loads(str(row[5]))["text"].split()[1]): tuple(row) for row in rows}


def _notes_in(backup: Path, key: str | None) -> dict[int, tuple[object, ...]]:
    """The writer's notes a backup holds: number -> the whole row."""
    connection = backup_module._connect(backup, key)
    try:
        return _numbered(connection.execute(NOTE_ROWS).fetchall())
    finally:
        connection.close()


def _live_notes(storage: Storage) -> dict[int, tuple[object, ...]]:
    """The same, from the live record, through kapdesk's own connection (a second one to the
    witnessed file must never be opened)."""
    raw = storage.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(NOTE_ROWS)
        return _numbered(cursor.fetchall())
    finally:
        raw.close()


def test_each_backup_holds_exactly_the_notes_saved_before_its_snapshot(
    room: Storage, folder: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3")
    seen: list[tuple[set[int], int]] = []  # per snapshot: saved before it, handed after it
    real_read = backup_module._read_snapshot

    def witnessed_read(connection: object, at: FakeClock) -> object:
        saved_before = writer.saved()
        snapshot = real_read(connection, at)
        seen.append((saved_before, writer.handed))
        return snapshot

    monkeypatch.setattr(backup_module, "_read_snapshot", witnessed_read)
    made: list[tuple[Path, str | None]] = []
    with NoteWriter(room, clock) as writer:
        for turn in range(8):
            kind = Encryption.NONE if turn % 2 else Encryption.BACKUP_PASSPHRASE
            key = None if kind is Encryption.NONE else PASSPHRASE
            path, _ = make_backup(
                room, folder, room="Room 1", clock=clock, passphrase=key, encryption=kind
            )
            made.append((path, key))
            clock.advance(5)
            writer.saves_more(3)  # the sitter goes on between backups
    live = _live_notes(room)
    held_counts = []
    for (path, key), (saved_before, handed_after) in zip(made, seen, strict=True):
        assert verify_backup(path, key).counts.events >= len(saved_before)
        held = _notes_in(path, key)
        # Every note saved before the snapshot is in it, none typed after it, no gap, and each
        # row is the live record's row as it stands.
        assert saved_before <= set(held)
        assert set(held) == set(range(len(held)))
        assert len(held) <= handed_after
        assert all(live[number] == row for number, row in held.items())
        held_counts.append(len(held))
    assert held_counts == sorted(held_counts)
    assert held_counts[-1] > held_counts[0]  # the record grew while the backups were made


def _mount(where: Path, options: str) -> bool:
    """A tmpfs at ``where`` (a real full or read-only file system); False where this process
    may not mount one (a CI container without the right)."""
    where.mkdir(exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@pytest.fixture
def mounts(tmp_path: Path) -> Iterator[list[Path]]:
    mounted: list[Path] = []
    yield mounted
    for where in reversed(mounted):
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def _sitter_goes_on(writer: NoteWriter) -> None:
    """The session records as before: a note typed now is saved, and nothing is said."""
    writer.saves_more(2)
    assert writer.opened.recorder.problem is None


@pytest.mark.parametrize("trouble", ["gone", "read-only", "full"])
def test_a_real_folder_gone_read_only_or_full_leaves_the_session_recording(
    room: Storage, tmp_path: Path, clock: FakeClock, mounts: list[Path], trouble: str
) -> None:
    usb = tmp_path / "usb"
    if not _mount(usb, "size=4m,mode=0700"):
        pytest.skip("this machine does not let the tests mount a file system")
    mounts.append(usb)
    with NoteWriter(room, clock) as writer:
        earlier = _plain(room, usb, clock)
        kept = _sha(earlier)
        clock.advance(60)
        if trouble == "gone":
            subprocess.run(["umount", str(usb)], check=True)
            mounts.remove(usb)
            usb.rmdir()  # as the desktop does with the mount point of a drive pulled out
            words = "is not there (drive unplugged"
        elif trouble == "read-only":
            subprocess.run(["mount", "-o", "remount,ro", str(usb)], check=True)
            words = "cannot be written"
        else:
            filler = usb / "filler"
            with filler.open("wb", buffering=0) as file, contextlib.suppress(OSError):
                while True:
                    file.write(b"\0" * 65536)
                    file.flush()
            words = "is full"
        assert words in _refused(room, usb, clock)
        _sitter_goes_on(writer)
    if trouble != "gone":
        assert _sha(earlier) == kept
        assert [path for path, _ in list_backups(usb)] == [earlier]
        assert not [name for name in os.listdir(usb) if name.endswith(".partial")]


def test_a_full_folder_said_by_the_os_leaves_the_session_recording(
    room: Storage, folder: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with NoteWriter(room, clock) as writer:
        earlier = _plain(room, folder, clock)
        clock.advance(60)
        _failing_write(monkeypatch, errno.ENOSPC)
        assert "is full" in _refused(room, folder, clock)
        _sitter_goes_on(writer)
    assert [path for path, _ in list_backups(folder)] == [earlier]


def test_the_plain_snapshot_of_a_passphrase_backup_stays_private_in_the_data_folder(
    room: Storage, folder: Path, clock: FakeClock, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3")
    plain_places: list[tuple[Path, int]] = []
    real = backup_module._snapshot_into

    def watched(storage: Storage, target: Path, key: str | None, at: FakeClock) -> object:
        if key is None:
            plain_places.append((target.parent, target.stat().st_mode & 0o777))
        return real(storage, target, key, at)

    monkeypatch.setattr(backup_module, "_snapshot_into", watched)
    make_backup(
        room,
        folder,
        room="Room 1",
        clock=clock,
        passphrase=PASSPHRASE,
        encryption=Encryption.BACKUP_PASSPHRASE,
    )
    assert plain_places == [(paths.data_dir, 0o600)]


def test_partials_a_kill_left_are_removed_once_an_hour_old(
    room: Storage, folder: Path, clock: FakeClock
) -> None:
    old = folder / ".kapdesk-0123.kapdesk-backup.partial"
    young = folder / ".kapdesk-4567.kapdesk-backup.partial"
    for partial in (old, young):
        partial.write_bytes(b"half a backup")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    _plain(room, folder, clock)
    assert not old.exists()
    assert young.exists()  # perhaps another backup's, still being written


def test_a_folder_on_the_records_own_disk_is_named(
    room: Storage, folder: Path, tmp_path: Path, paths: AppPaths, mounts: list[Path]
) -> None:
    said = same_disk_problem(folder, paths.database)
    assert said is not None
    assert "same disk as the record" in said
    usb = tmp_path / "usb-drive"
    if not _mount(usb, "size=1m,mode=0700"):
        pytest.skip("this machine does not let the tests mount a file system")
    mounts.append(usb)
    assert same_disk_problem(usb, paths.database) is None


def test_a_disk_that_fills_while_sqlcipher_writes_leaves_no_partial(
    room: Storage, folder: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlcipher3 = pytest.importorskip("sqlcipher3")
    earlier = _plain(room, folder, clock)
    clock.advance(60)

    def full(plain: Path, partial: Path, key: str) -> None:
        partial.write_bytes(b"\0" * 4096)
        raise sqlcipher3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup_module, "_export_encrypted", full)
    with pytest.raises(BackupError, match="is full"):
        make_backup(
            room,
            folder,
            room="Room 1",
            clock=clock,
            passphrase=PASSPHRASE,
            encryption=Encryption.BACKUP_PASSPHRASE,
        )
    assert sorted(os.listdir(folder)) == [earlier.name, facts_name(earlier.name)]
