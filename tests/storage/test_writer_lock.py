"""One writer per SQLite file: the lock belongs to the database file, not to the data folder.

Whoever writes (the window's records, ``demo``, ``encrypt``) holds it; a second writer reaching
the same file by any name, from any data folder, is refused and told who holds it; commands
that only read go on beside the writer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kapdesk.cli import main
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind
from kapdesk.core.observations import note_data
from kapdesk.paths import AppPaths
from kapdesk.records import open_records
from kapdesk.storage.db import open_storage, sqlite_url
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.writer_lock import DatabaseInUseError, WriterLock, lock_path
from tests.conftest import make_protocol


def test_two_stores_on_one_file_the_second_cannot_take_the_writer_lock(tmp_path: Path) -> None:
    room = AppPaths.resolve(tmp_path / "room")
    first = open_records(room, None, FakeClock())
    opened = first.store.open_session("P-1", make_protocol(), "Sam")
    (tmp_path / "alias").symlink_to(room.data_dir)
    # Another data folder, and the file reached through another name for its folder.
    elsewhere = AppPaths.resolve(tmp_path / "elsewhere")
    url = sqlite_url(tmp_path / "alias" / "kapdesk.sqlite3")
    with pytest.raises(DatabaseInUseError) as refused:
        open_records(elsewhere, url, FakeClock())
    assert f"in use by another kapdesk (process {os.getpid()})" in str(refused.value)
    assert str(room.database) in str(refused.value)
    # The refused start wrote nothing and resumed nothing: the first writes on, alone.
    opened.journey.record_observation(EventKind.NOTE, note_data("still the only writer", []))
    assert opened.recorder.flush(timeout=10)  # written by its writer thread
    assert opened.recorder.pending == 0
    assert first.writer is not None
    first.writer.release()
    second = open_records(elsewhere, url, FakeClock())  # once the first lets go, it may write
    assert [o.session_id for o in second.left_open] == [opened.session_id]
    assert second.writer is not None
    second.writer.release()
    first.storage.engine.dispose()
    second.storage.engine.dispose()


def test_the_lock_is_beside_the_real_file_and_names_its_holder(tmp_path: Path) -> None:
    (tmp_path / "room").mkdir()
    (tmp_path / "alias").symlink_to(tmp_path / "room")
    held = WriterLock(tmp_path / "alias" / "kapdesk.sqlite3", window="kapdesk-0123")
    held.acquire()
    try:
        assert lock_path(tmp_path / "alias" / "kapdesk.sqlite3") == (
            tmp_path / "room" / "kapdesk.sqlite3.kapdesk-lock"
        )
        other = WriterLock(tmp_path / "room" / "kapdesk.sqlite3")
        with pytest.raises(DatabaseInUseError) as refused:
            other.acquire()
        assert refused.value.holder is not None
        assert refused.value.holder.pid == os.getpid()
        assert refused.value.holder.window == "kapdesk-0123"
    finally:
        held.release()
    other.acquire()  # let go: the next writer takes it
    other.release()


def test_writing_commands_are_refused_while_another_kapdesk_writes_reading_ones_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    room = AppPaths.resolve(tmp_path / "room")
    storage = open_storage(room, None)
    JourneyStore(storage, FakeClock()).open_session("P-1", make_protocol(), "Sam")
    storage.engine.dispose()
    held = WriterLock(room.database)  # the window, writing
    held.acquire()
    try:
        url = sqlite_url(room.database)
        for writing in (
            ["--data-dir", str(room.data_dir), "demo"],
            ["--data-dir", str(tmp_path / "other"), "--db", url, "demo"],
        ):
            assert main(writing) == 1
            said = capsys.readouterr()
            assert "in use by another kapdesk" in said.err
            assert "Demo session written" not in said.out
        assert main(["--data-dir", str(room.data_dir), "sessions", "list"]) == 0
        listed = capsys.readouterr().out
        assert "P-1" in listed
        assert "DEMO-001" not in listed  # no demo slipped in beside the writer
    finally:
        held.release()
    assert main(["--data-dir", str(room.data_dir), "demo"]) == 0


def test_encrypt_is_refused_while_another_kapdesk_writes_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sqlcipher3", reason="SQLCipher's wheels are for Linux on x86_64")
    from kapdesk.storage.encryption import PASSPHRASE_ENV, is_encrypted  # noqa: PLC0415

    room = AppPaths.resolve(tmp_path / "room")
    open_storage(room, None).engine.dispose()
    before = room.database.read_bytes()
    monkeypatch.setenv(PASSPHRASE_ENV, "harbour lantern 42 quiet")
    held = WriterLock(room.database)  # the window, writing; its connection closed meanwhile
    held.acquire()
    try:
        assert main(["--data-dir", str(room.data_dir), "encrypt"]) == 1
        assert "in use by another kapdesk" in capsys.readouterr().err
        assert not is_encrypted(room.database)
        assert room.database.read_bytes() == before
    finally:
        held.release()
