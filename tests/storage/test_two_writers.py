"""Two writers on one SQLite file, forced past the writer lock (an older kapdesk, a lock file
deleted by hand): whatever either one was told is saved is in the record, and what the record
could not take is set aside in a file on disk, said plainly, never called saved."""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind, JourneyEvent
from kapdesk.core.observations import note_data
from kapdesk.paths import AppPaths
from kapdesk.records import set_aside_notices
from kapdesk.storage.db import Storage, database_identity, open_storage
from kapdesk.storage.journeys import JourneyStore, OpenJourney
from kapdesk.storage.models import SessionEvent
from kapdesk.storage.outbox import Outbox
from tests.conftest import make_protocol


def _notes_in_record(storage: Storage) -> set[str]:
    with storage.factory() as session:
        rows = session.scalars(select(SessionEvent).where(SessionEvent.kind == "note"))
        return {str(row.data["text"]) for row in rows}


def _notes_set_aside(paths: AppPaths, storage: Storage) -> set[str]:
    box = Outbox(paths.set_aside, database_identity(storage.engine))
    try:
        rows = box._db.execute("SELECT data, problem FROM outbox").fetchall()
    finally:
        box.close()
    assert all(problem for _data, problem in rows)  # each with why, never to be delivered
    return {str(json.loads(data)["text"]) for data, _problem in rows}


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        assert time.monotonic() < deadline, "the condition did not come true in time"
        pause.wait(0.01)


def test_nothing_a_second_writer_was_told_is_saved_is_lost(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "room")
    clock = FakeClock()
    first_storage, second_storage = open_storage(paths, None), open_storage(paths, None)
    first_store = JourneyStore(first_storage, clock, set_aside=paths.set_aside)
    first = first_store.open_session("P-1", make_protocol(), "Sam")
    assert first.recorder.flush(timeout=10.0)  # the session is in the record for the second
    # The second picks up the same open session, as a second window would at its start.
    (second,) = JourneyStore(
        second_storage, clock, set_aside=paths.set_aside
    ).resume_open_sessions()
    assert second.session_id == first.session_id
    assert second.recorder.flush(timeout=10.0)  # its resumption is in the record before any note

    chooser = random.Random(15)
    told: dict[str, bool] = {}  # each note typed, and whether its writer said it is saved
    writers: list[OpenJourney] = [first, second]
    typed: list[tuple[str, OpenJourney, JourneyEvent]] = []
    for number in range(400):
        writer = chooser.choice(writers)
        text = f"note {number} by {'first' if writer is first else 'second'}"
        event: JourneyEvent = writer.journey.record_observation(EventKind.NOTE, note_data(text, []))
        typed.append((text, writer, event))
    for writer in writers:
        writer.recorder.flush(timeout=60)  # each writer thread has taken all it was given
    for text, writer, event in typed:
        told[text] = writer.recorder.is_saved(event)

    in_record, set_aside = _notes_in_record(first_storage), _notes_set_aside(paths, first_storage)
    assert {t for t, saved in told.items() if saved} == in_record  # saved means in the record
    assert in_record.isdisjoint(set_aside)
    assert in_record | set_aside == set(told)  # and nothing at all is lost
    assert set_aside  # the two did collide
    refused = [w for w in writers if w.recorder.set_aside]
    for writer in refused:
        problem = writer.recorder.problem
        assert problem is not None
        assert problem.startswith(f"Not saved: {writer.recorder.set_aside} entr")
        assert f"set aside in {paths.set_aside}" in problem
        assert "kept on this PC" not in problem.lower()
        assert not writer.recorder.memory_only  # on disk: closing kapdesk loses nothing
    # The next start tells staff, plainly, where they are.
    (notice,) = set_aside_notices(paths.set_aside)
    assert notice.startswith(f"{len(set_aside)} entries could not be added to the record")
    assert str(paths.set_aside) in notice
    first_storage.engine.dispose()
    second_storage.engine.dispose()


def test_a_set_aside_file_that_cannot_be_written_keeps_the_entry_in_memory_and_says_so(
    tmp_path: Path,
) -> None:
    paths = AppPaths.resolve(tmp_path / "room")
    clock = FakeClock()
    storage, other = open_storage(paths, None), open_storage(paths, None)
    paths.set_aside.mkdir()  # a folder where the file should be: it cannot be opened
    first = JourneyStore(storage, clock, set_aside=paths.set_aside).open_session(
        "P-1", make_protocol(), "Sam"
    )
    assert first.recorder.flush(timeout=10.0)  # the session is in the record for the second
    # The second's start took the place the first would write its next entry at.
    for resumed in JourneyStore(other, clock, set_aside=paths.set_aside).resume_open_sessions():
        assert resumed.recorder.flush(timeout=10.0)  # its entry holds that place now
    event = first.journey.record_observation(EventKind.NOTE, note_data("first's", []))
    # The writer thread met the other's entry, and says so.
    wait_until(lambda: first.recorder.memory_only and first.recorder.problem is not None)
    assert not first.recorder.is_saved(event)
    assert first.recorder.memory_only  # closing now would lose it: the window asks twice
    assert first.recorder.problem is not None
    assert "held in memory only" in first.recorder.problem
    storage.engine.dispose()
    other.engine.dispose()
