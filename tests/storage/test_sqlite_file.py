"""The SQLite file examined before SQLite opens it: a WAL that does not belong is not merged, a
damaged or emptied file is never opened (nor made a new database), and both are set aside,
untouched, with a README; a WAL a kill left behind is merged as before."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from kapdesk.cli import main
from kapdesk.paths import AppPaths
from kapdesk.storage import sqlite_file, sqlite_witness
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.encryption import PassphraseNeededError, is_encrypted
from kapdesk.storage.errors import DatabaseError
from kapdesk.storage.sqlite_file import HOLD, SET_ASIDE, RecordSetAsideError, integrity_problem
from kapdesk.storage.sqlite_witness import wal_generation, wal_of, witness_of

ROOT = Path(__file__).resolve().parents[2]


def _paths(folder: Path) -> AppPaths:
    return AppPaths.resolve(folder)


def _add(storage: Storage, *codes: str) -> None:
    for code in codes:
        with storage.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO patients (clinic_code, created_at) VALUES (:c, :t)"),
                {"c": code, "t": "2026-12-01 09:00:00"},
            )


def _codes(paths: AppPaths) -> list[str]:
    storage = open_storage(paths, None)
    try:
        with storage.engine.connect() as conn:
            return list(
                conn.execute(text("SELECT clinic_code FROM patients ORDER BY id")).scalars()
            )
    finally:
        storage.engine.dispose()


def _record(folder: Path, *codes: str) -> AppPaths:
    """A data folder whose record holds patients ``codes``, closed as kapdesk closes it."""
    paths = _paths(folder)
    storage = open_storage(paths, None)
    _add(storage, *codes)
    storage.engine.dispose()
    return paths


def _as_killed(live: AppPaths, folder: Path) -> AppPaths:
    """The files a SIGKILL would leave of the record open at ``live``: copied as they are (a
    commit is on disk in the WAL when it returns; nothing more is written at a kill)."""
    folder.mkdir(mode=0o700)
    database = live.database
    for source in (
        database,
        wal_of(database),
        sqlite_witness.shm_of(database),
        witness_of(database),
    ):
        if source.exists():
            shutil.copyfile(source, folder / source.name)
    return _paths(folder)


def _set_aside_folders(paths: AppPaths) -> list[Path]:
    return sorted((paths.data_dir / SET_ASIDE).iterdir())


# -- 1. A WAL that does not belong --------------------------------------------------------


def test_a_wal_from_another_database_is_not_merged_both_are_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours = _record(tmp_path / "ours", *(f"OURS-{n}" for n in range(6)))
    other = _paths(tmp_path / "other")
    other_storage = open_storage(other, None)
    _add(other_storage, "STRANGER-1", "STRANGER-2")
    foreign_wal = wal_of(other.database).read_bytes()  # another room's WAL, full of frames
    other_storage.engine.dispose()
    database_before = ours.database.read_bytes()
    wal_of(ours.database).write_bytes(foreign_wal)  # copied back by hand beside our record

    code = main(["--data-dir", str(ours.data_dir), "sessions", "list"])  # a read-only command

    err = capsys.readouterr().err
    assert code != 0
    assert "another database wrote" in err
    assert "README.txt" in err
    [folder] = _set_aside_folders(ours)
    assert (folder / ours.database.name).read_bytes() == database_before  # untouched
    assert (folder / wal_of(ours.database).name).read_bytes() == foreign_wal  # kept, unmerged
    assert "what to do" in (folder / "README.txt").read_text().lower()
    assert not ours.database.exists()
    # Nor is a new, empty record started in its place as if nothing had happened.
    with pytest.raises(DatabaseError, match=re.escape(f"set aside in {folder}") + f".*{HOLD}"):
        open_storage(ours, None)
    # Put back without the stranger, the record holds every patient it held.
    shutil.copyfile(folder / ours.database.name, ours.database)
    assert _codes(ours) == [f"OURS-{n}" for n in range(6)]


def test_an_older_copy_of_the_database_under_its_newer_wal_is_not_merged(
    tmp_path: Path,
) -> None:
    paths = _record(tmp_path / "room", "P-1")
    older = paths.database.read_bytes()  # a backup, taken here
    storage = open_storage(paths, None)
    _add(storage, "P-2", "P-3")
    storage.engine.dispose()  # closed: checkpointed into the file
    storage = open_storage(paths, None)
    _add(storage, "P-4")  # in the WAL
    killed = _as_killed(paths, tmp_path / "killed")
    storage.engine.dispose()
    killed.database.write_bytes(older)  # the backup restored over the file, its WAL left
    wal_before = wal_of(killed.database).read_bytes()

    with pytest.raises(RecordSetAsideError, match="older copy") as refused:
        open_storage(killed, None)

    folder = refused.value.folder
    assert (folder / killed.database.name).read_bytes() == older
    assert (folder / wal_of(killed.database).name).read_bytes() == wal_before


def test_a_wal_left_by_a_kill_is_merged_as_before(tmp_path: Path) -> None:
    paths = _paths(tmp_path / "room")
    storage = open_storage(paths, None)
    _add(storage, "P-1", "P-2")
    killed = _as_killed(paths, tmp_path / "killed")
    storage.engine.dispose()
    assert wal_generation(killed.database) is not None  # the commits are only in the WAL
    assert _codes(killed) == ["P-1", "P-2"]
    assert not (killed.data_dir / SET_ASIDE).exists()


def test_kills_around_kapdesk_checkpoints_never_set_the_record_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kapdesk checkpoints its WAL itself (past a few MB, here a few KB): a kill before, in the
    middle of and after each checkpoint leaves a WAL that is merged, with every commit."""
    monkeypatch.setattr(sqlite_witness, "CHECKPOINT_BYTES", 16 * 1024)
    paths = _paths(tmp_path / "room")
    storage = open_storage(paths, None)
    written: list[str] = []
    generations = set()
    for batch in range(12):
        codes = [f"P-{batch}-{n}-" + "x" * 200 for n in range(10)]
        _add(storage, *codes)
        written += codes
        generations.add(wal_generation(paths.database))
        killed = _as_killed(paths, tmp_path / f"killed-{batch}")
        assert _codes(killed) == written
    storage.engine.dispose()
    assert len(generations - {None}) > 2  # the WAL began again several times


def test_a_growing_wal_is_written_over_after_its_checkpoint_and_emptied_at_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checkpoint a growing WAL gets leaves the WAL file its size: the next generation
    writes over the last one's frames (a commit that overwrites is synced more cheaply than one
    that appends), a kill then still merges every commit, and closing empties the WAL whole."""
    monkeypatch.setattr(sqlite_witness, "CHECKPOINT_BYTES", 16 * 1024)
    paths = _paths(tmp_path / "room")
    storage = open_storage(paths, None)
    written: list[str] = []
    first = None
    for n in range(200):
        written.append(f"P-{n}-" + "x" * 200)
        _add(storage, written[-1])
        salts = wal_generation(paths.database)
        if first is None:
            first = salts
        elif salts != first:
            break  # the first commit of the generation after a checkpoint
    else:
        pytest.fail("the WAL was never checkpointed")
    assert wal_of(paths.database).stat().st_size > 16 * 1024  # not emptied: written over
    killed = _as_killed(paths, tmp_path / "killed")
    assert _codes(killed) == written
    storage.engine.dispose()
    assert not wal_of(paths.database).exists()
    assert _codes(paths) == written


def test_a_wal_grown_by_one_large_transaction_is_emptied_and_checkpoints_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A WAL is written over only while it is small: one large transaction (a migration, an
    import) leaves it emptied, so later checkpoints come at the usual size, not past its peak."""
    monkeypatch.setattr(sqlite_witness, "CHECKPOINT_BYTES", 16 * 1024)
    monkeypatch.setattr(sqlite_witness, "KEEP_WAL_BYTES", 64 * 1024)
    paths = _paths(tmp_path / "room")
    storage = open_storage(paths, None)
    big = [f"P-big-{n}-" + "x" * 200 for n in range(1000)]
    with storage.engine.begin() as conn:  # about 250 kB of WAL in one commit
        for code in big:
            conn.execute(
                text("INSERT INTO patients (clinic_code, created_at) VALUES (:c, :t)"),
                {"c": code, "t": "2026-12-01 09:00:00"},
            )
    assert wal_of(paths.database).stat().st_size == 0  # checkpointed and emptied
    first = None
    small: list[str] = []
    for n in range(200):
        small.append(f"P-{n}-" + "x" * 200)
        _add(storage, small[-1])
        salts = wal_generation(paths.database)
        first = first or salts
        if salts != first:
            break  # checkpointed again at the usual size
    else:
        pytest.fail("no checkpoint after the large transaction's")
    assert wal_of(paths.database).stat().st_size <= 64 * 1024
    storage.engine.dispose()
    assert _codes(paths) == big + small


def test_a_generation_begun_just_before_a_kill_is_merged(tmp_path: Path) -> None:
    """Killed between the first commit after a checkpoint and the note of its new salts."""
    paths = _paths(tmp_path / "room")
    storage = open_storage(paths, None)
    witness_before = witness_of(paths.database).read_bytes()  # pending: nothing recorded yet
    _add(storage, "P-1")
    killed = _as_killed(paths, tmp_path / "killed")
    storage.engine.dispose()
    witness_of(killed.database).write_bytes(witness_before)
    assert _codes(killed) == ["P-1"]


def test_a_read_only_command_opens_the_record_while_the_app_writes_to_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _record(tmp_path / "room")
    child = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(paths.data_dir)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(60, child.kill)
    watchdog.start()
    try:
        assert child.stdout is not None
        assert child.stdin is not None
        assert child.stdout.readline().strip() == "written"
        assert wal_generation(paths.database) is not None  # live frames, the writer's own
        code = main(["--data-dir", str(paths.data_dir), "sessions", "list"])
        assert code == 0, capsys.readouterr().err
        assert _codes(paths) == ["LIVE-1", "LIVE-2"]
        child.stdin.write("more\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "written"
        assert _codes(paths) == ["LIVE-1", "LIVE-2", "LIVE-3"]
    finally:
        watchdog.cancel()
        child.kill()
        child.wait(timeout=30)
    assert not (paths.data_dir / SET_ASIDE).exists()


_WRITER = """
import sys
from pathlib import Path
from sqlalchemy import text
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage

storage = open_storage(AppPaths.resolve(Path(sys.argv[1])), None)
def add(*codes):
    for code in codes:
        with storage.engine.begin() as conn:
            conn.execute(text("INSERT INTO patients (clinic_code, created_at) "
                              "VALUES (:c, '2026-12-01 09:00:00')"), {"c": code})
    print("written", flush=True)
add("LIVE-1", "LIVE-2")
sys.stdin.readline()
add("LIVE-3")
sys.stdin.readline()
"""


# -- 6. A damaged file -------------------------------------------------------------------


def test_an_emptied_record_is_not_made_a_new_database(tmp_path: Path) -> None:
    paths = _record(tmp_path / "room", "P-1")
    paths.database.write_bytes(b"")  # truncated: what it held is gone from it

    with pytest.raises(RecordSetAsideError, match="empty file"):
        open_storage(paths, None)
    with pytest.raises(DatabaseError, match=HOLD):  # and not on the next start either
        open_storage(paths, None)
    [folder] = _set_aside_folders(paths)
    (folder / HOLD).unlink()  # staff decide a new record may start
    assert _codes(paths) == []


def test_an_empty_file_kapdesk_did_not_make_is_refused_and_left_in_place(
    tmp_path: Path,
) -> None:
    paths = _paths(tmp_path / "room")
    paths.data_dir.mkdir(mode=0o700)
    paths.database.write_bytes(b"")
    with pytest.raises(DatabaseError, match=r"empty file.*left untouched"):
        open_storage(paths, None)
    assert paths.database.exists()
    assert paths.database.stat().st_size == 0


def test_an_empty_file_kapdesk_made_before_a_kill_becomes_the_new_record(tmp_path: Path) -> None:
    paths = _record(tmp_path / "room")  # the witness of a new record
    witness_of(paths.database).write_text('{"db": {"size": 0}, "wal": [], "pending": true}')
    paths.database.write_bytes(b"")
    assert _codes(paths) == []


def test_zeroed_first_bytes_are_damage_not_encryption(tmp_path: Path) -> None:
    paths = _record(tmp_path / "room", *(f"P-{n}" for n in range(50)))
    with paths.database.open("r+b") as file:
        file.write(bytes(100))
    damaged = paths.database.read_bytes()
    assert not is_encrypted(paths.database)

    with pytest.raises(RecordSetAsideError, match="damaged") as refused:
        open_storage(paths, None)
    assert not isinstance(refused.value, PassphraseNeededError)
    assert (refused.value.folder / paths.database.name).read_bytes() == damaged


def test_random_bytes_in_the_middle_are_found_and_nothing_is_written(tmp_path: Path) -> None:
    paths = _record(tmp_path / "room", *(f"P-{n:04}-" + "x" * 300 for n in range(400)))
    size = paths.database.stat().st_size
    assert size > 40 * 4096
    with paths.database.open("r+b") as file:
        file.seek((size // 4096 // 2) * 4096)
        file.write(os.urandom(4096))
    damaged = paths.database.read_bytes()

    with pytest.raises(RecordSetAsideError, match=r"damaged \(SQLite's check says") as refused:
        open_storage(paths, None)
    assert (refused.value.folder / paths.database.name).read_bytes() == damaged
    assert "README.txt" in str(refused.value)


def test_the_check_at_start_is_bounded_and_the_full_one_goes_on_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    paths = _record(tmp_path / "room", *(f"P-{n:04}-" + "x" * 300 for n in range(400)))
    monkeypatch.setattr(sqlite_file, "QUICK_CHECK_SECONDS", 0.0)  # a file too big to wait for
    started: list[threading.Thread] = []
    original = sqlite_file.check_in_background

    def watched(path: Path, report: object = None) -> threading.Thread:
        thread = original(path)
        started.append(thread)
        return thread

    monkeypatch.setattr(sqlite_file, "check_in_background", watched)
    with caplog.at_level(logging.INFO, logger="kapdesk.storage.sqlite_file"):
        assert len(_codes(paths)) == 400  # the start did not wait for the whole check
        [thread] = started
        thread.join(timeout=30)
    assert "found nothing wrong" in caplog.text


def test_the_background_check_reports_damage(tmp_path: Path) -> None:
    paths = _record(tmp_path / "room", *(f"P-{n:04}-" + "x" * 300 for n in range(400)))
    size = paths.database.stat().st_size
    with paths.database.open("r+b") as file:
        file.seek((size // 4096 // 2) * 4096)
        file.write(os.urandom(4096))
    found: list[str] = []
    sqlite_file.check_in_background(paths.database, lambda _p, why: found.append(why)).join(30)
    assert found
    assert integrity_problem(paths.database, quick=True) is not None


def test_a_checkpoint_kapdesk_did_not_make_does_not_turn_the_record_foreign(
    tmp_path: Path,
) -> None:
    """A checkpoint through plain sqlite3 (a clinic's script, a backup tool) changes the file
    behind the witness; the next WAL's first commit brings it up to date, and a kill after
    that still opens with every commit."""
    paths = _paths(tmp_path / "room")
    storage = open_storage(paths, None)
    _add(storage, "P-1", "P-2")
    outsider = sqlite3.connect(paths.database)
    assert outsider.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    outsider.close()
    _add(storage, "P-3")
    killed = _as_killed(paths, tmp_path / "killed")
    storage.engine.dispose()
    assert _codes(killed) == ["P-1", "P-2", "P-3"]


def test_a_record_from_before_the_witness_has_its_wal_tried_on_a_copy(tmp_path: Path) -> None:
    paths = _paths(tmp_path / "room")
    storage = open_storage(paths, None)
    _add(storage, "P-1", "P-2")
    killed = _as_killed(paths, tmp_path / "killed")
    storage.engine.dispose()
    witness_of(killed.database).unlink()  # as an older kapdesk left it after a kill
    assert _codes(killed) == ["P-1", "P-2"]  # its own WAL: merged
    assert witness_of(killed.database).exists()  # and from now on it has a witness


def test_a_wal_that_makes_a_record_from_before_the_witness_another_is_refused(
    tmp_path: Path,
) -> None:
    ours = _record(tmp_path / "ours", "OURS-1")
    witness_of(ours.database).unlink()  # made by an older kapdesk
    other = _paths(tmp_path / "other")
    other_storage = open_storage(other, None)  # a new database: its own id is in its WAL
    foreign_wal = wal_of(other.database).read_bytes()
    other_storage.engine.dispose()
    before = ours.database.read_bytes()
    wal_of(ours.database).write_bytes(foreign_wal)

    with pytest.raises(DatabaseError, match=r"does not belong to it.*left untouched"):
        open_storage(ours, None)
    assert ours.database.read_bytes() == before
    assert wal_of(ours.database).read_bytes() == foreign_wal


_HOLDER = """
import sys
from pathlib import Path
from kapdesk.storage.writer_lock import WriterLock
lock = WriterLock(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_process_beside_a_live_writer_never_judges_its_wal(tmp_path: Path) -> None:
    """A command run while the window writes (``sessions list``, an export, the board) reads
    the WAL, the witness and the file at moments the writer's checkpoints fall between: it
    could see the witness of before a checkpoint and the file of after it, which looks like an
    older copy put back. The live writer vouches for its own WAL: nothing else judges it, and
    the record is never set aside for it."""
    paths = _paths(tmp_path / "room")
    storage = open_storage(paths, None)
    _add(storage, "P-1", "P-2")
    assert wal_generation(paths.database) is not None
    kept = sqlite_witness.read_witness(paths.database)
    assert kept is not None
    # What a reader sees between the writer's checkpoint and its note of the file it left.
    sqlite_witness.write_witness(
        paths.database,
        sqlite_witness.Witness(db={"size": 1, "sha256": "0" * 64}, wal=kept.wal, pending=False),
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(paths.database)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        sqlite_file.examine(paths.database)  # another process writes: its WAL is its own
        assert not (paths.data_dir / SET_ASIDE).exists()
        assert paths.database.exists()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    # With no writer alive, the same files are judged, and found not to belong together.
    with pytest.raises(RecordSetAsideError, match="older copy"):
        sqlite_file.examine(paths.database)
    storage.engine.dispose()


def test_a_checkpoint_by_a_command_beside_is_waited_out_not_taken_for_a_foreign_wal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two commands and no window: one checkpoints (and then notes the file it left) while the
    other looks. Between the two, the files look like an older copy under its WAL; a second
    look a moment later sees them belong together again, and nothing is set aside."""
    paths = _paths(tmp_path / "room")
    storage = open_storage(paths, None)
    _add(storage, "P-1", "P-2")
    kept = sqlite_witness.read_witness(paths.database)
    assert kept is not None
    sqlite_witness.write_witness(  # the other command's checkpoint, before it notes the file
        paths.database,
        sqlite_witness.Witness(db={"size": 1, "sha256": "0" * 64}, wal=kept.wal, pending=False),
    )
    pauses: list[float] = []

    def the_other_command_finishes(seconds: float) -> None:
        pauses.append(seconds)
        sqlite_witness.write_witness(paths.database, kept)  # it noted the file it left

    monkeypatch.setattr(time, "sleep", the_other_command_finishes)
    sqlite_file.examine(paths.database)
    assert pauses  # it looked again instead of judging at once
    assert not (paths.data_dir / SET_ASIDE).exists()
    assert _codes_now(storage) == ["P-1", "P-2"]
    storage.engine.dispose()


def _codes_now(storage: Storage) -> list[str]:
    with storage.engine.connect() as conn:
        return list(conn.execute(text("SELECT clinic_code FROM patients ORDER BY id")).scalars())
