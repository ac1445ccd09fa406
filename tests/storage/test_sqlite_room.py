"""A SQLite WAL never holds more than its disk has left: kapdesk checkpoints it itself, since
on a small or nearly full disk SQLite's own checkpoint (at about 4 MB) would never come and the
full WAL would leave no room even for one."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind
from kapdesk.core.observations import note_data
from kapdesk.paths import AppPaths
from kapdesk.storage import sqlite_witness
from kapdesk.storage.db import open_storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.sqlite_room import free_wal_room
from tests.conftest import make_protocol


class _Usage(NamedTuple):
    total: int
    used: int
    free: int


def _wal(paths: AppPaths) -> int:
    wal = Path(f"{paths.database}-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_the_wal_is_checkpointed_once_it_is_larger_than_the_room_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.resolve(tmp_path / "room")
    storage = open_storage(paths, None)
    opened = JourneyStore(storage, FakeClock()).open_session("P-1", make_protocol(), "Sam")
    journey = opened.journey
    journey.record_observation(EventKind.NOTE, note_data("plenty of room", []))
    assert opened.recorder.flush(timeout=10)
    assert _wal(paths) > 0  # a roomy disk: SQLite's own checkpoint in its time
    room = {"free": shutil.disk_usage(tmp_path).free}
    # The seam: how much room the disk has left (a real small disk is in tests/ui/test_faults).
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: _Usage(0, 0, room["free"]))
    room["free"] = _wal(paths) + 10_000_000
    journey.record_observation(EventKind.NOTE, note_data("still room", []))
    assert opened.recorder.flush(timeout=10)
    assert _wal(paths) > 0
    room["free"] = 100  # less room left than the WAL holds
    event = journey.record_observation(EventKind.NOTE, note_data("little room", []))
    assert opened.recorder.flush(timeout=10)
    assert opened.recorder.is_saved(event)
    assert _wal(paths) == 0  # copied into the database and truncated: its room given back
    storage.engine.dispose()


def test_giving_the_wal_room_back_keeps_its_witness_true(tmp_path: Path) -> None:
    """A checkpoint made for room on a full disk goes through kapdesk's own, so the witness of
    the WAL (kapdesk.storage.sqlite_witness) knows the file it left, at once, and even when the
    witness could not be noted before it (the disk was full)."""
    paths = AppPaths.resolve(tmp_path / "room")
    storage = open_storage(paths, None)
    opened = JourneyStore(storage, FakeClock()).open_session("P-1", make_protocol(), "Sam")
    opened.journey.record_observation(EventKind.NOTE, note_data("before the disk filled", []))
    assert opened.recorder.flush(timeout=10)
    assert _wal(paths) > 0
    noted = sqlite_witness.write_witness
    calls = {"n": 0}

    def full_disk_first(*args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        noted(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sqlite_witness, "write_witness", full_disk_first)
        assert free_wal_room(storage.engine)
    assert calls["n"] == 2  # refused before the checkpoint, kept after it
    assert _wal(paths) == 0
    witness = sqlite_witness.read_witness(paths.database)
    assert witness is not None
    assert witness.db == sqlite_witness.fingerprint(paths.database)
    storage.engine.dispose()
