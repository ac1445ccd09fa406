"""A room on a clinic server goes on when the server goes away: what it records waits in the
outbox on the room PC and reaches the server in order, once, when it is back."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, JourneyEvent
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.records import outbox_notices
from kapdesk.storage.db import (
    Storage,
    database_identity,
    open_storage,
)
from kapdesk.storage.event_writes import EventConflictError, write_event
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.models import SessionEvent
from kapdesk.storage.outbox import Kept, Outbox, OutboxError
from kapdesk.storage.presence import PresenceBeacon
from kapdesk.storage.staff import StaffStore
from tests.conftest import make_protocol
from tests.support.postgres import PostgresServer, postgres_instance

DOSE = Dose(amount=0.5, unit="mg/kg", route="IV", given_by="Sam", weight_kg=70)


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Wait for the recorder's own delivery thread (a real thread on a real server)."""
    pause = threading.Event()
    waited = 0.0
    while not condition():
        if waited > timeout:
            raise AssertionError("the condition did not come true in time")
        pause.wait(0.05)
        waited += 0.05


@pytest.fixture
def server() -> Iterator[PostgresServer]:
    with postgres_instance() as running:
        yield running


@pytest.fixture
def room_storage(server: PostgresServer, paths: AppPaths) -> Iterator[Storage]:
    storage = open_storage(paths, server.url)
    yield storage
    storage.engine.dispose()


def _notes(storage: Storage, session_id: int) -> list[tuple[int, str]]:
    with storage.factory() as session:
        rows = session.execute(
            select(SessionEvent.seq, SessionEvent.data)
            .where(SessionEvent.session_id == session_id, SessionEvent.kind == "note")
            .order_by(SessionEvent.seq)
        )
        return [(seq, str(data["text"])) for seq, data in rows]


@pytest.fixture
def identity(room_storage: Storage) -> str:
    """The database's own id, which the room's outbox keys its entries by."""
    return database_identity(room_storage.engine)


@pytest.fixture
def outbox(paths: AppPaths, identity: str) -> Outbox:
    return _outbox(paths, identity)


def _outbox(paths: AppPaths, identity: str) -> Outbox:
    return Outbox(paths.outbox, identity)


def test_the_room_goes_on_offline_and_delivers_in_order_when_the_server_is_back(
    server: PostgresServer,
    room_storage: Storage,
    paths: AppPaths,
    clock: FakeClock,
    identity: str,
) -> None:
    store = JourneyStore(room_storage, clock, "Room 2", _outbox(paths, identity))
    opened = store.open_session("P-7", make_protocol(), "Sam")
    journey = opened.journey
    heard: list[str | None] = []
    opened.recorder.on_status(heard.append)
    journey.record_dose(DOSE)
    journey.record_observation(EventKind.NOTE, {"text": "before", "tags": [], "by": "Sam"})
    assert opened.recorder.flush(timeout=10)

    server.stop()
    for number in range(5):
        clock.advance(30)
        journey.record_observation(EventKind.NOTE, {"text": f"offline {number}", "tags": []})
    # the writer thread meets the stopped server; the room's outbox keeps them all
    wait_until(lambda: [seq for seq, _ in _kept(paths, identity)] == [4, 5, 6, 7, 8])
    assert opened.recorder.offline
    assert opened.recorder.pending == 5
    assert heard
    assert heard[-1] is not None
    assert heard[-1].startswith("Offline")
    assert "cannot be reached" in heard[-1]

    server.start()
    wait_until(lambda: opened.recorder.pending == 0 and heard[-1] is None)
    journey.record_observation(EventKind.NOTE, {"text": "after", "tags": []})
    assert opened.recorder.flush(timeout=10)
    notes = _notes(room_storage, opened.session_id)
    assert [text for _, text in notes] == [
        "before",
        *(f"offline {n}" for n in range(5)),
        "after",
    ]
    assert [seq for seq, _ in notes] == list(range(3, 10))  # in order, none twice, no gaps
    assert opened.recorder.problem is None  # back online: the banner goes
    assert _kept(paths, identity) == []


def _kept(paths: AppPaths, identity: str) -> list[tuple[int, str]]:
    outbox = _outbox(paths, identity)
    try:
        return [(kept.seq, kept.event.kind.value) for kept in outbox.waiting()]
    finally:
        outbox.close()


def test_what_the_outbox_kept_reaches_the_server_after_a_restart_of_the_room_pc(
    server: PostgresServer,
    room_storage: Storage,
    paths: AppPaths,
    clock: FakeClock,
    identity: str,
) -> None:
    store = JourneyStore(room_storage, clock, "Room 2", _outbox(paths, identity))
    opened = store.open_session("P-8", make_protocol(), "Sam")
    opened.journey.record_dose(DOSE)
    server.stop()
    opened.journey.record_observation(EventKind.NOTE, {"text": "kept", "tags": []})
    opened.recorder.close()  # the room PC loses power: only the outbox file is left
    room_storage.engine.dispose()

    server.start()
    again = open_storage(paths, server.url)
    try:
        restarted = JourneyStore(again, clock, "Room 2", _outbox(paths, identity))
        resumed = restarted.resume_open_sessions()
        assert [r.session_id for r in resumed] == [opened.session_id]
        texts = [str(e.data.get("text")) for e in resumed[0].journey.events if e.kind == "note"]
        assert texts == ["kept"]
        assert _kept(paths, identity) == []
    finally:
        again.engine.dispose()


def test_an_event_the_server_already_has_is_not_written_twice(
    room_storage: Storage, clock: FakeClock
) -> None:
    store = JourneyStore(room_storage, clock, "Room 2")
    opened = store.open_session("P-9", make_protocol(), "Sam")
    event = opened.journey.record_observation(EventKind.NOTE, {"text": "once", "tags": []})
    # The write committed but its answer was lost: the outbox sends it again.
    write_event(room_storage.engine, opened.session_id, 1, event)
    assert _notes(room_storage, opened.session_id) == [(1, "once")]


def test_rooms_on_one_server_resume_only_their_own_sessions(
    room_storage: Storage, clock: FakeClock
) -> None:
    for room in ("Room 1", "Room 2", "Room 1"):
        JourneyStore(room_storage, clock, room).open_session(f"P-{room}", make_protocol(), "")
    room_one = JourneyStore(room_storage, clock, "Room 1").resume_open_sessions()
    room_two = JourneyStore(room_storage, clock, "Room 2").resume_open_sessions()
    assert [o.patient_code for o in room_one] == ["P-Room 1", "P-Room 1"]
    assert [o.patient_code for o in room_two] == ["P-Room 2"]


def test_staff_sign_in_while_the_server_is_away_and_the_log_catches_up(
    server: PostgresServer, room_storage: Storage, clock: FakeClock, paths: AppPaths, outbox: Outbox
) -> None:
    staff = StaffStore(room_storage, clock, outbox)
    staff.create_account("Robin Hale", frozenset({Role.ADMIN, Role.NURSE}), "4862", by=None)
    assert [m.name for m in staff.accounts()] == ["Robin Hale"]  # as the lock screen reads them

    server.stop()
    assert [m.name for m in staff.accounts()] == ["Robin Hale"]  # the tiles stay
    assert room_storage.away.is_away
    asked = _count_connections(room_storage)
    clock.advance(60)
    refused = staff.sign_in("Robin Hale", "1111")
    assert refused.member is None
    assert "do not match" in refused.message
    clock.advance(60)
    signed = staff.sign_in("robin hale", "4862")
    assert signed.member is not None
    assert signed.member.name == "Robin Hale"
    assert Role.NURSE in signed.member.roles
    clock.advance(60)
    staff.record("Robin Hale", "screen_locked")
    assert staff.unsent == 3
    assert asked() == 0  # while it is away, none of that waited on the network
    # The room PC loses power: the lines are on its disk, and the next start takes them up.
    restarted = StaffStore(room_storage, clock, Outbox(paths.outbox, outbox.server))
    assert restarted.unsent == 3

    server.start()
    beacon = PresenceBeacon(room_storage, "Room 2", every=0.1)  # as the room PC's own does
    beacon.start()
    try:
        wait_until(lambda: not room_storage.away.is_away)
    finally:
        beacon.stop()
    clock.advance(60)
    restarted.record("Robin Hale", "screen_locked")
    assert restarted.unsent == 0
    assert Outbox(paths.outbox, outbox.server).audit_waiting() == []
    lines = [(line.action, line.detail.get("offline")) for line in restarted.audit_log()]
    assert lines[-4:] == [
        ("sign_in_refused", True),
        ("signed_in", True),
        ("screen_locked", True),
        ("screen_locked", None),
    ]


def test_the_outbox_follows_the_database_not_the_spelling_of_its_url(
    server: PostgresServer, room_storage: Storage, identity: str, paths: AppPaths
) -> None:
    other_spelling = server.url.replace("127.0.0.1", "localhost")
    again = open_storage(paths, other_spelling)
    try:
        assert database_identity(again.engine) == identity
    finally:
        again.engine.dispose()


def test_entries_whose_session_the_server_does_not_have_are_set_aside_not_misfiled(
    room_storage: Storage, paths: AppPaths, clock: FakeClock, identity: str
) -> None:
    """A server restored from an older backup: session 1 is now someone else's."""
    bob = JourneyStore(room_storage, clock, "Room 1").open_session("P-BOB", make_protocol(), "")
    outbox = _outbox(paths, identity)
    alice_opened = bob.journey.events[0].wall - timedelta(hours=2)  # another session 1
    vitals = JourneyEvent(
        EventKind.VITALS, clock.now(), 60.0, 0, {"values": {"systolic": 190}, "flags": []}
    )
    outbox.put(Kept(bob.session_id, alice_opened, 1, vitals))
    outbox.put(Kept(999, alice_opened, 1, vitals))  # a session the server never had

    store = JourneyStore(room_storage, clock, "Room 2", outbox)
    assert store.deliver_outbox() == 0
    assert [e.kind for e in store.load(bob.session_id)[1].events] == [EventKind.OPENED]
    assert outbox.waiting() == []
    assert outbox.set_aside_count() == 2  # kept on this PC, with why, for an admin
    notices = outbox_notices(outbox)
    assert notices
    assert "set aside" in notices[0]


def test_a_different_event_at_the_same_place_is_a_conflict_not_a_duplicate(
    room_storage: Storage, clock: FakeClock
) -> None:
    opened = JourneyStore(room_storage, clock, "Room 2").open_session("P-5", make_protocol(), "")
    mine = opened.journey.record_observation(EventKind.NOTE, {"text": "mine", "tags": []})
    assert opened.recorder.flush(timeout=10)
    other = JourneyEvent(EventKind.NOTE, mine.wall, None, None, {"text": "theirs", "tags": []})
    with pytest.raises(EventConflictError):
        write_event(room_storage.engine, opened.session_id, 1, other)
    write_event(room_storage.engine, opened.session_id, 1, mine)  # the same one: no harm
    assert _notes(room_storage, opened.session_id) == [(1, "mine")]


def test_one_session_has_one_recorder_in_the_app(room_storage: Storage, clock: FakeClock) -> None:
    store = JourneyStore(room_storage, clock, "Room 2")
    opened = store.open_session("P-6", make_protocol(), "")
    assert store.editable(opened.session_id) is opened  # its timeline adds to the same journey


def test_entries_only_memory_holds_are_said_plainly_and_kept_in_order(
    server: PostgresServer,
    room_storage: Storage,
    clock: FakeClock,
    outbox: Outbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = JourneyStore(room_storage, clock, "Room 2", outbox)
    opened = store.open_session("P-10", make_protocol(), "")

    def full_disk(_kept: Kept) -> None:
        raise OutboxError("the outbox cannot be written: database or disk is full")

    monkeypatch.setattr(outbox, "put", full_disk)
    server.stop()
    opened.journey.record_observation(EventKind.NOTE, {"text": "held", "tags": []})
    wait_until(lambda: opened.recorder.memory_only)
    assert opened.recorder.problem is not None
    assert "Keep kapdesk open" in opened.recorder.problem  # not hidden by the offline sentence

    server.start()
    wait_until(lambda: opened.recorder.pending == 0 and opened.recorder.problem is None)
    assert _notes(room_storage, opened.session_id) == [(1, "held")]


def _count_connections(storage: Storage) -> Callable[[], int]:
    """How many times the engine hands out a connection from now on."""
    count = [0]

    def counted(*_args: object) -> None:
        count[0] += 1

    event.listen(storage.engine, "checkout", counted)
    return lambda: count[0]
