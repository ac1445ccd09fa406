"""The event recorder writes on a thread of its own: taking an entry never waits on the
database, entries are written in order and called saved only once committed, and a server that
stops answering puts a room with an outbox offline within the limit, with nothing lost or
written twice."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, select, text
from sqlalchemy.pool import NullPool

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind, JourneyEvent
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage, database_identity, make_engine, open_storage, sqlite_url
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.models import SessionEvent
from kapdesk.storage.outbox import Outbox
from kapdesk.storage.recorder import EventRecorder
from tests.conftest import make_protocol
from tests.support.postgres import PostgresServer, postgres_instance


def wait_until(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    """Wait for the recorder's own threads (real threads, a real database)."""
    pause = threading.Event()
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not come true in time"
        pause.wait(0.01)


def _in_memory(recorder: EventRecorder) -> bool:
    """Whether closing now must ask first (a function: mypy would narrow the property)."""
    return recorder.held_in_memory


def _note(clock: FakeClock, words: str) -> JourneyEvent:
    clock.advance(7)
    return JourneyEvent(EventKind.NOTE, clock.now(), None, 0, {"text": words, "tags": []})


def _rows(storage: Storage, session_id: int) -> list[tuple[int, str, Any]]:
    with storage.factory() as session:
        found = session.execute(
            select(SessionEvent.seq, SessionEvent.kind, SessionEvent.wall_at, SessionEvent.data)
            .where(SessionEvent.session_id == session_id)
            .order_by(SessionEvent.seq)
        )
        return [(seq, kind, (wall, data.get("text"))) for seq, kind, wall, data in found]


@pytest.fixture
def sqlite_storage(paths: AppPaths) -> Iterator[Storage]:
    storage = open_storage(paths, None)
    yield storage
    storage.engine.dispose()


def _gated_engine(paths: AppPaths, gate: threading.Event, on: str) -> Engine:
    """An engine on the same file whose ``on`` ("connect" or "begin") waits for ``gate``."""
    engine = make_engine(sqlite_url(paths.database))
    engine.pool = NullPool(engine.pool._creator)  # a fresh connection per unit of work
    if on == "connect":
        event.listen(engine, "do_connect", lambda *_args: gate.wait() and None)
    else:
        event.listen(engine, "begin", lambda _conn: gate.wait() and None)
    return engine


def test_taking_an_entry_returns_at_once_and_it_is_saved_later(
    sqlite_storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    opened = JourneyStore(sqlite_storage, clock).open_session("P-1", make_protocol(), "")
    gate = threading.Event()
    engine = _gated_engine(paths, gate, "connect")
    recorder = EventRecorder(engine, opened.session_id, len(opened.journey.events))
    note = _note(clock, "calm")
    began = time.monotonic()
    recorder(note)  # the database cannot even be connected to until the gate opens
    assert time.monotonic() - began < 0.5
    assert not recorder.is_saved(note)
    assert recorder.waits(note)
    assert recorder.pending == 1
    assert not recorder.memory_only  # not a failure: a write under way
    assert _in_memory(recorder)  # SQLite: until committed, only memory holds it
    assert [kind for _, kind, _ in _rows(sqlite_storage, opened.session_id)] == ["session_opened"]
    gate.set()
    assert recorder.flush(timeout=10)
    assert recorder.is_saved(note)
    assert not _in_memory(recorder)
    assert _rows(sqlite_storage, opened.session_id)[-1][2] == (note.wall, "calm")
    recorder.close()
    engine.dispose()


def test_entries_are_written_in_order_each_committed_before_it_is_called_saved(
    sqlite_storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    opened = JourneyStore(sqlite_storage, clock).open_session("P-2", make_protocol(), "")
    recorder = opened.recorder
    heard: list[tuple[str, bool]] = []

    def committed(saved: JourneyEvent) -> None:
        # Read through a connection of its own: on disk, not only in the writer's transaction.
        with sqlite3.connect(paths.database) as reader:
            found = reader.execute(
                "SELECT count(*) FROM session_events WHERE data LIKE ?",
                (f'%"{saved.data["text"]}"%',),
            ).fetchone()
        heard.append((str(saved.data["text"]), found == (1,)))

    recorder.on_saved(committed)
    notes = [
        opened.journey.record_observation(EventKind.NOTE, {"text": f"n{n}", "tags": []})
        for n in range(20)
    ]
    assert recorder.flush(timeout=20)
    wait_until(lambda: len(heard) == 20)  # the listeners hear after the commit
    assert heard == [(f"n{n}", True) for n in range(20)]  # in order, each once, committed
    assert all(recorder.is_saved(note) for note in notes)
    rows = _rows(sqlite_storage, opened.session_id)
    assert [seq for seq, _, _ in rows] == list(range(21))
    assert [shown for _, _, shown in rows[1:]] == [(n.wall, n.data["text"]) for n in notes]
    with sqlite_storage.engine.connect() as connection:
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_a_hung_server_puts_the_room_offline_within_the_limit_and_nothing_is_written_twice(
    sqlite_storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    """A write that never answers (a frozen server) stands for the server in this test."""
    opened = JourneyStore(sqlite_storage, clock).open_session("P-3", make_protocol(), "")
    gate = threading.Event()
    engine = _gated_engine(paths, gate, "begin")
    outbox = Outbox(paths.outbox, database_identity(sqlite_storage.engine))
    limit = 0.5
    recorder = EventRecorder(
        engine, opened.session_id, 1, outbox, write_limit=limit, retry_seconds=0.2
    )
    heard: list[str | None] = []
    saved: list[JourneyEvent] = []
    recorder.on_status(heard.append)
    recorder.on_saved(saved.append)
    notes = [_note(clock, f"typed {n}") for n in range(3)]
    began = time.monotonic()
    for note in notes:
        recorder(note)
    assert time.monotonic() - began < 0.5  # never waits on the hung write
    wait_until(lambda: recorder.offline)
    assert time.monotonic() - began < limit + 2.0
    wait_until(lambda: [kept.seq for kept in outbox.waiting()] == [1, 2, 3])
    assert all(recorder.is_kept(note) for note in notes)
    assert heard[-1] is not None
    assert heard[-1].startswith("Offline: the clinic server does not answer")
    assert not recorder.memory_only
    assert saved == []

    gate.set()  # the server answers: the stuck write commits, then the others are delivered
    wait_until(lambda: recorder.pending == 0 and recorder.problem is None)
    assert saved == notes  # each once, in order
    assert outbox.waiting() == []
    rows = _rows(sqlite_storage, opened.session_id)
    assert [seq for seq, _, _ in rows] == [0, 1, 2, 3]
    assert [shown for _, _, shown in rows[1:]] == [(n.wall, n.data["text"]) for n in notes]
    recorder.close()
    outbox.close()
    engine.dispose()


def _parent(pid: int) -> int:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return -1
    return int(stat.rsplit(")", 1)[1].split()[1])


@contextmanager
def frozen(server: PostgresServer) -> Iterator[Callable[[], None]]:
    """The server and every backend stopped with SIGSTOP (the kernel still acknowledges, as a
    hung server's does); yields what thaws it (thawed on the way out in any case)."""
    postmaster = int((server.data / "postmaster.pid").read_text().split()[0])
    children = [
        int(p) for p in os.listdir("/proc") if p.isdigit() and _parent(int(p)) == postmaster
    ]
    pids = [postmaster, *children]
    thawed = threading.Event()

    def thaw() -> None:
        if not thawed.is_set():
            thawed.set()
            for pid in pids:
                os.kill(pid, signal.SIGCONT)

    for pid in reversed(pids):
        os.kill(pid, signal.SIGSTOP)
    try:
        yield thaw
    finally:
        thaw()


def test_a_server_frozen_with_sigstop_puts_the_room_offline_and_loses_nothing(
    paths: AppPaths, clock: FakeClock
) -> None:
    with postgres_instance() as server:
        storage = open_storage(paths, server.url)
        outbox = Outbox(paths.outbox, database_identity(storage.engine))
        store = JourneyStore(storage, clock, "Room 2", outbox)
        opened = store.open_session("P-4", make_protocol(), "Sam")
        journey, recorder = opened.journey, opened.recorder
        first = journey.record_observation(EventKind.NOTE, {"text": "before", "tags": []})
        assert recorder.flush(timeout=10)
        try:
            with frozen(server) as thaw:
                began = time.monotonic()
                typed = []
                for number in range(3):
                    clock.advance(20)
                    typed.append(
                        journey.record_observation(
                            EventKind.NOTE, {"text": f"frozen {number}", "tags": []}
                        )
                    )
                assert time.monotonic() - began < 0.5  # taken at once, stamped as typed
                wait_until(lambda: recorder.offline, timeout=store.write_limit + 5)
                assert time.monotonic() - began < store.write_limit + 2.0
                wait_until(lambda: len(outbox.waiting()) == 3)
                assert not any(recorder.is_saved(note) for note in typed)
                thaw()
                wait_until(lambda: recorder.pending == 0 and recorder.problem is None, 60)
            rows = _rows(storage, opened.session_id)
            notes = [(seq, shown) for seq, kind, shown in rows if kind == "note"]
            assert [shown for _, shown in notes] == [
                (note.wall, note.data["text"]) for note in (first, *typed)
            ]
            assert [seq for seq, _ in notes] == [1, 2, 3, 4]  # in order, none twice, no gaps
            assert outbox.waiting() == []
            assert not storage.away.is_away
        finally:
            recorder.close()
            outbox.close()
            storage.engine.dispose()


def _set_aside_notes(paths: AppPaths, session_id: int) -> list[str]:
    if not paths.set_aside.exists():
        return []
    with contextlib.closing(sqlite3.connect(paths.set_aside)) as aside:
        rows = aside.execute(
            "SELECT data FROM outbox WHERE session_id = ? AND problem IS NOT NULL", (session_id,)
        ).fetchall()
    return [json.loads(data).get("text") for (data,) in rows]


def test_closing_while_another_process_holds_the_write_lock_loses_no_entry(
    sqlite_storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    opened = JourneyStore(sqlite_storage, clock, set_aside=paths.set_aside).open_session(
        "P-1", make_protocol(), ""
    )
    holder = sqlite3.connect(paths.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process's write: SQLite's write lock is taken
    try:
        note = opened.journey.record_observation(EventKind.NOTE, {"text": "calm", "tags": []})
        assert _in_memory(opened.recorder)  # waits in memory: the window asks before closing
        opened.recorder.close()
        assert not _in_memory(opened.recorder)  # on disk, in the set-aside file
        writers = list(opened.recorder._threads)
        # The write under way gives up at the busy timeout, and the writer thread stops.
        wait_until(lambda: not any(thread.is_alive() for thread in writers))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    recorded = [words for _, _, (_, words) in _rows(sqlite_storage, opened.session_id)]
    kept = _set_aside_notes(paths, opened.session_id)
    assert "calm" in recorded or "calm" in kept, "the note is gone"
    assert note.data["text"] == "calm"
