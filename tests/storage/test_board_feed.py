"""The clinic board's reading of the database, and the feed that keeps it current, on both
databases; the feed's threads are real, so the tests wait on conditions with a deadline."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from kapdesk.core.board import Board, BoardSession, RoomCard
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.protocols import Protocol
from kapdesk.paths import AppPaths
from kapdesk.storage.board import BoardFeed, BoardReader, BoardUpdate
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.journeys import JourneyStore, OpenJourney
from kapdesk.storage.repositories import JourneyEventRepository
from tests.support.postgres import postgres_instance

DOSE = Dose(amount=0.75, unit="mg/kg", route="IM", given_by="Nurse Ana", weight_kg=70)
READING = {"values": {"systolic": 128, "diastolic": 82}, "flags": [], "by": "Nurse Ana"}
DAY = 24 * 3600.0


def open_in(
    storage: Storage, clock: FakeClock, protocol: Protocol, room: str, code: str
) -> OpenJourney:
    return JourneyStore(storage, clock, room=room).open_session(code, protocol, "Sam")


def by_id(update: BoardUpdate) -> dict[int, BoardSession]:
    return {s.session_id: s for s in update.sessions}


def kinds(session: BoardSession) -> list[EventKind]:
    return [e.kind for e in session.events]


def cards(update: BoardUpdate, clock: FakeClock) -> dict[str, RoomCard]:
    """The board's cards for this reading, by room."""
    board = Board(clock)
    board.update(update.sessions, update.rooms)
    return {card.room: card for card in board.cards(clock.now())}


def wait_until(predicate: Callable[[], bool], timeout: float = 15.0) -> bool:
    """Check ``predicate`` every 20 ms until it holds or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            return False
        pause.wait(0.02)
    return True


@contextmanager
def running_feed(
    storage: Storage, clock: FakeClock
) -> Iterator[tuple[BoardFeed, list[BoardUpdate]]]:
    updates: list[BoardUpdate] = []
    feed = BoardFeed(storage, clock, updates.append, poll_seconds=0.05)
    feed.start()
    try:
        yield feed, updates
    finally:
        feed.stop()


def with_vitals(session_id: int) -> Callable[[BoardUpdate], bool]:
    def shows(update: BoardUpdate) -> bool:
        session = by_id(update).get(session_id)
        return session is not None and EventKind.VITALS in kinds(session)

    return shows


# -- reading ------------------------------------------------------------------------------------


def test_reading_lists_the_open_sessions_of_every_room_with_their_events(
    storage: Storage, clock: FakeClock, protocol: Protocol
) -> None:
    one = open_in(storage, clock, protocol, "Room 1", "P-1")
    one.journey.record_dose(DOSE)
    assert one.recorder.flush(timeout=10)  # written by its thread
    two = open_in(storage, clock, protocol, "Room 2", "P-2")
    three = open_in(storage, clock, protocol, "Room 3", "P-3")
    three.journey.close("Patient unwell, cancelled")
    assert three.recorder.flush(timeout=10)  # written by its thread
    clock.advance(5 * 60)

    update = BoardReader(storage, clock).read()

    assert update.problem is None
    assert update.read_at == clock.now()
    sessions = by_id(update)
    assert set(sessions) == {one.session_id, two.session_id}
    first, second = sessions[one.session_id], sessions[two.session_id]
    assert (first.room, first.patient_code) == ("Room 1", "P-1")
    assert (second.room, second.patient_code) == ("Room 2", "P-2")
    assert first.protocol_text == protocol.text
    assert kinds(first) == [EventKind.OPENED, EventKind.DOSE, EventKind.PHASE]
    assert kinds(second) == [EventKind.OPENED]
    assert update.rooms == ("Room 1", "Room 2", "Room 3")
    assert update.changed == {one.session_id, two.session_id}

    shown = cards(update, clock)
    assert (shown["Room 1"].patient, shown["Room 1"].phase) == ("P-1", "Onset")
    assert shown["Room 1"].elapsed == pytest.approx(5 * 60)
    assert (shown["Room 2"].patient, shown["Room 2"].phase) == ("P-2", "Not dosed yet")
    assert shown["Room 3"].session_id is None  # free: its session closed


def test_a_room_unused_for_weeks_drops_off_the_board(
    storage: Storage, clock: FakeClock, protocol: Protocol
) -> None:
    closing = open_in(storage, clock, protocol, "Old annex", "P-1")
    closing.journey.close()
    assert closing.recorder.flush(timeout=10)
    clock.advance(20 * DAY)
    closing = open_in(storage, clock, protocol, "Room 2", "P-2")
    closing.journey.close()
    assert closing.recorder.flush(timeout=10)
    clock.advance(20 * DAY)
    open_in(storage, clock, protocol, "Room 1", "P-3")

    update = BoardReader(storage, clock).read()

    assert update.rooms == ("Room 1", "Room 2")


def test_reading_again_only_the_sessions_that_changed(
    storage: Storage, clock: FakeClock, protocol: Protocol
) -> None:
    one = open_in(storage, clock, protocol, "Room 1", "P-1")
    two = open_in(storage, clock, protocol, "Room 2", "P-2")
    reader = BoardReader(storage, clock)
    first = reader.read()
    clock.advance(60)
    one.journey.record_observation(EventKind.VITALS, READING)
    assert one.recorder.flush(timeout=10)  # written by its thread
    two.journey.record_observation(EventKind.VITALS, READING)
    assert two.recorder.flush(timeout=10)  # written by its thread

    second = reader.read(changed={one.session_id})

    assert second.changed == {one.session_id}
    assert EventKind.VITALS in kinds(by_id(second)[one.session_id])
    kept = by_id(second)[two.session_id]
    assert kept is by_id(first)[two.session_id]  # not read again: still without the reading
    assert EventKind.VITALS not in kinds(kept)

    third = reader.read()

    assert third.changed == {one.session_id, two.session_id}
    assert EventKind.VITALS in kinds(by_id(third)[two.session_id])


def test_sessions_opened_or_closed_since_are_seen_whatever_is_named(
    storage: Storage, clock: FakeClock, protocol: Protocol
) -> None:
    one = open_in(storage, clock, protocol, "Room 1", "P-1")
    two = open_in(storage, clock, protocol, "Room 2", "P-2")
    reader = BoardReader(storage, clock)
    reader.read()
    two.journey.close()
    assert two.recorder.flush(timeout=10)  # written by its thread
    three = open_in(storage, clock, protocol, "Room 3", "P-3")

    update = reader.read(changed=set())

    assert set(by_id(update)) == {one.session_id, three.session_id}
    assert update.changed == {three.session_id}
    assert update.rooms == ("Room 1", "Room 2", "Room 3")
    assert cards(update, clock)["Room 2"].session_id is None


def test_what_was_last_read_is_kept_with_its_free_rooms_when_reading_fails(
    storage: Storage, clock: FakeClock, protocol: Protocol
) -> None:
    """While the server is away the board keeps every room it knew, free ones too."""
    one = open_in(storage, clock, protocol, "Room 1", "P-1")
    closing = open_in(storage, clock, protocol, "Room 2", "P-2")
    closing.journey.close()
    assert closing.recorder.flush(timeout=10)
    reader = BoardReader(storage, clock)
    read = reader.read()
    clock.advance(30)

    kept = reader.last("The clinic board cannot reach the clinic server.")

    assert kept.problem == "The clinic board cannot reach the clinic server."
    assert kept.read_at == clock.now()
    assert kept.sessions == read.sessions
    assert set(by_id(kept)) == {one.session_id}
    assert kept.rooms == ("Room 1", "Room 2")
    assert cards(kept, clock)["Room 2"].session_id is None


# -- the feed -----------------------------------------------------------------------------------


def test_the_feed_delivers_what_is_open_then_each_new_event(
    storage: Storage, clock: FakeClock, protocol: Protocol, backend: str
) -> None:
    one = open_in(storage, clock, protocol, "Room 1", "P-1")
    one.journey.record_dose(DOSE)
    assert one.recorder.flush(timeout=10)  # written by its thread
    two = open_in(storage, clock, protocol, "Room 2", "P-2")
    two.journey.record_dose(DOSE)
    assert two.recorder.flush(timeout=10)  # written by its thread

    with running_feed(storage, clock) as (feed, updates):
        assert feed.listens is (backend == "postgresql")
        assert wait_until(lambda: bool(updates)), "the feed delivered nothing"
        first = updates[0]
        assert first.problem is None
        assert set(by_id(first)) == {one.session_id, two.session_id}
        seen = len(updates)

        clock.advance(15 * 60)
        two.journey.record_observation(EventKind.VITALS, READING)
        assert two.recorder.flush(timeout=10)  # written by its thread

        news = with_vitals(two.session_id)
        assert wait_until(lambda: any(news(u) for u in updates[seen:])), (
            "the new reading never reached the board"
        )
        update = next(u for u in updates[seen:] if news(u))
    assert update.problem is None
    if backend == "postgresql":
        assert update.changed == {two.session_id}
    assert cards(update, clock)["Room 2"].last_vitals == "BP 128/82 mmHg (just now)"
    assert cards(update, clock)["Room 1"].last_vitals == "No vitals yet"


def test_the_feed_sees_a_session_opened_in_another_room(
    storage: Storage, clock: FakeClock, protocol: Protocol
) -> None:
    open_in(storage, clock, protocol, "Room 1", "P-1")
    with running_feed(storage, clock) as (_, updates):
        assert wait_until(lambda: bool(updates)), "the feed delivered nothing"
        seen = len(updates)
        fresh = open_in(storage, clock, protocol, "Room 2", "P-2")
        assert wait_until(lambda: any(fresh.session_id in by_id(u) for u in updates[seen:])), (
            "the new session never reached the board"
        )
        update = next(u for u in updates[seen:] if fresh.session_id in by_id(u))
    assert update.rooms == ("Room 1", "Room 2")
    assert cards(update, clock)["Room 2"].patient == "P-2"


def test_a_stopped_feed_leaves_no_thread_reading(
    storage: Storage, clock: FakeClock, protocol: Protocol
) -> None:
    one = open_in(storage, clock, protocol, "Room 1", "P-1")
    with running_feed(storage, clock) as (_, updates):
        assert wait_until(lambda: bool(updates)), "the feed delivered nothing"
        assert any(t.name == "kapdesk-board" for t in threading.enumerate())
    assert not any(t.name == "kapdesk-board" for t in threading.enumerate())
    seen = len(updates)
    one.journey.record_observation(EventKind.VITALS, READING)
    assert one.recorder.flush(timeout=10)  # written by its thread
    assert len(updates) == seen


def test_a_feed_whose_server_goes_away_says_so_and_recovers(
    paths: AppPaths, clock: FakeClock, protocol: Protocol
) -> None:
    with postgres_instance() as server:
        storage = open_storage(paths, server.url)
        try:
            one = open_in(storage, clock, protocol, "Room 1", "P-1")
            one.journey.record_dose(DOSE)
            assert one.recorder.flush(timeout=10)  # written by its thread
            with running_feed(storage, clock) as (feed, updates):
                assert feed.listens
                assert wait_until(lambda: bool(updates)), "the feed delivered nothing"
                before = updates[-1]
                assert before.problem is None

                server.stop()
                assert wait_until(lambda: any(u.problem for u in updates)), (
                    "the feed never said the server was gone"
                )
                trouble = next(u for u in updates if u.problem)
                assert trouble.problem is not None
                assert "clinic server" in trouble.problem
                assert trouble.sessions == before.sessions  # what was last read, kept
                card = cards(trouble, clock)["Room 1"]
                assert (card.patient, card.phase) == ("P-1", "Onset")

                server.start()
                seen = len(updates)
                assert wait_until(
                    lambda: any(u.problem is None for u in updates[seen:]), timeout=30
                ), "the feed never came back"
                back = next(u for u in updates[seen:] if u.problem is None)
                assert set(by_id(back)) == {one.session_id}

                seen = len(updates)
                one.journey.record_observation(EventKind.VITALS, READING)
                assert one.recorder.flush(timeout=10)  # written by its thread
                assert one.recorder.pending == 0
                news = with_vitals(one.session_id)
                assert wait_until(lambda: any(news(u) for u in updates[seen:])), (
                    "news stopped reaching the board after the server came back"
                )
        finally:
            storage.engine.dispose()


def test_events_of_two_rooms_committed_together_both_reach_the_board(
    storage: Storage, clock: FakeClock, protocol: Protocol
) -> None:
    """Their notifications arrive in one packet from the server; neither may be dropped."""
    one = open_in(storage, clock, protocol, "Room 1", "P-1")
    two = open_in(storage, clock, protocol, "Room 2", "P-2")
    with running_feed(storage, clock) as (_feed, updates):
        assert wait_until(lambda: bool(updates)), "the feed delivered nothing"
        seen = len(updates)
        note = one.journey.events[0]
        with storage.engine.begin() as connection:  # one transaction, two rooms' events
            for opened in (one, two):
                JourneyEventRepository(connection).append(opened.session_id, 1, note)
        both = {one.session_id, two.session_id}

        def shows_both(update: BoardUpdate) -> bool:
            return all(len(by_id(update)[i].events) == 2 for i in both)

        assert wait_until(lambda: any(shows_both(u) for u in updates[seen:])), (
            "an event committed with another room's never reached the board"
        )
        if storage.engine.dialect.name == "postgresql":
            assert set().union(*(u.changed for u in updates[seen:])) >= both


def test_the_reading_says_when_each_room_pc_was_last_heard_from(
    storage: Storage, clock: FakeClock, protocol: Protocol, backend: str
) -> None:
    from kapdesk.storage.presence import say_present  # noqa: PLC0415

    open_in(storage, clock, protocol, "Room 1", "P-1")
    say_present(storage.engine, "Room 1")
    say_present(storage.engine, "Room 1", waiting=2)  # overwritten: one row per room
    update = BoardReader(storage, clock).read()
    if backend == "sqlite":
        assert update.heard == {}  # one room PC: it is the board
        return
    assert set(update.heard) == {"Room 1"}
    assert update.heard["Room 1"].waiting == 2
    assert 0 <= update.heard["Room 1"].seconds_ago < 5  # the server's clock, both ends


def test_a_board_newer_than_the_server_still_shows_the_rooms(
    storage: Storage, clock: FakeClock, protocol: Protocol
) -> None:
    """The nurses' station updated before the room PCs: its server has no presence yet."""
    from sqlalchemy import text  # noqa: PLC0415

    opened = open_in(storage, clock, protocol, "Room 1", "P-1")
    with storage.engine.begin() as connection:
        connection.execute(text("DROP TABLE room_presence"))
    update = BoardReader(storage, clock).read()
    assert [s.session_id for s in update.sessions] == [opened.session_id]
    assert update.heard == {}
