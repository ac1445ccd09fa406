"""Sessions on disk: every event committed as it happens, resumed after a crash, failures kept."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, JourneyState
from kapdesk.core.protocols import Protocol
from kapdesk.storage.db import Storage, make_engine, session_factory, sqlite_url, upgrade
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.models import DoseRecord, JourneySession, ProtocolSnapshot, SessionEvent
from tests.conftest import make_protocol

DOSE = Dose(amount=0.5, unit="mg/kg", route="IV", lot_number="K-77", given_by="Sam", weight_kg=70)


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not before the deadline"
        time.sleep(0.01)


def _count(storage: Storage, what: object) -> int:
    with Session(storage.engine) as session:
        return int(session.scalar(select(func.count()).select_from(what)) or 0)  # type: ignore[arg-type]


def test_opening_a_session_writes_patient_snapshot_and_first_event(
    store: JourneyStore, storage: Storage, protocol: Protocol
) -> None:
    opened = store.open_session("  P-0042 ", protocol, "Alex  Kim")
    assert opened.patient_code == "P-0042"
    assert opened.sitter == "Alex Kim"
    with Session(storage.engine) as session:
        row = session.get(JourneySession, opened.session_id)
        assert row is not None
        assert row.state == "opened"
        assert row.opened_at.tzinfo is not None
        events = session.scalars(select(SessionEvent)).all()
        assert [(e.seq, e.kind) for e in events] == [(0, "session_opened")]
    assert store.patient_codes() == ["P-0042"]
    assert store.staff_names() == ["Alex Kim"]


def test_every_event_is_committed_as_it_happens(
    store: JourneyStore, storage: Storage, protocol: Protocol, clock: FakeClock
) -> None:
    opened = store.open_session("P-1", protocol, "")
    journey = opened.journey
    journey.record_dose(DOSE)
    assert opened.recorder.flush(timeout=10)  # the writer thread's saved mark
    # visible through a brand-new connection: committed, not just flushed
    assert _count(storage, SessionEvent) == 3
    clock.advance(330)
    journey.advance_phase()
    assert opened.recorder.flush(timeout=10)
    assert _count(storage, SessionEvent) == 4
    with Session(storage.engine) as session:
        row = session.get(JourneySession, opened.session_id)
        assert row is not None
        assert (row.state, row.phase_index) == ("running", 1)
        assert row.dosed_at == journey.events[1].wall
        dose = session.scalars(select(DoseRecord)).one()
        assert (dose.amount, dose.unit, dose.lot_number, dose.given_by) == (
            0.5,
            "mg/kg",
            "K-77",
            "Sam",
        )
        last = session.scalars(select(SessionEvent).order_by(SessionEvent.seq.desc())).first()
        assert last is not None
        assert last.elapsed_s == pytest.approx(330)
        assert last.data["name"] == "Peak"
    assert opened.recorder.pending == 0


def test_sessions_left_open_are_resumed_in_the_right_phase_and_time(
    storage: Storage, protocol: Protocol, clock: FakeClock
) -> None:
    store = JourneyStore(storage, clock)
    opened = store.open_session("P-7", protocol, "Jo")
    opened.journey.record_dose(DOSE)
    clock.advance(420)
    opened.journey.advance_phase()
    assert opened.recorder.flush(timeout=10)
    clock.advance(1000)  # the power goes here; the app starts again 30 s later
    clock.advance(30)
    restarted = FakeClock(start=clock.now(), monotonic_start=1.0)
    again = JourneyStore(storage, restarted).resume_open_sessions()
    assert len(again) == 1
    resumed = again[0]
    assert resumed.session_id == opened.session_id
    assert (resumed.patient_code, resumed.sitter) == ("P-7", "Jo")
    assert resumed.journey.phase_index == 1
    assert resumed.journey.elapsed() == pytest.approx(1450)
    # the restart itself is on the record, and new events carry on the sequence
    restarted.advance(5)
    resumed.journey.advance_phase()
    assert resumed.recorder.flush(timeout=10)
    with Session(storage.engine) as session:
        kinds = [e.kind for e in session.scalars(select(SessionEvent).order_by(SessionEvent.seq))]
    assert kinds[-2:] == [EventKind.RESUMED.value, EventKind.PHASE.value]


def test_closed_sessions_are_not_resumed(store: JourneyStore, protocol: Protocol) -> None:
    opened = store.open_session("P-2", protocol, "")
    opened.journey.record_dose(DOSE)
    opened.journey.close("done")
    assert opened.recorder.flush(timeout=10)
    assert store.resume_open_sessions() == []
    summary, journey = store.load(opened.session_id)
    assert summary.state is JourneyState.CLOSED
    assert summary.close_reason == "done"
    assert journey.state is JourneyState.CLOSED


def test_a_session_replays_under_its_own_snapshot_even_after_the_protocol_changes(
    store: JourneyStore, storage: Storage, clock: FakeClock
) -> None:
    from kapdesk.core.protocol_files import parse_protocol  # noqa: PLC0415
    from kapdesk.paths import BUNDLED_PROTOCOLS_DIR  # noqa: PLC0415

    text = (BUNDLED_PROTOCOLS_DIR / "im-ketamine.toml").read_text(encoding="utf-8")
    original = parse_protocol(text)
    opened = store.open_session("P-3", original, "")
    opened.journey.record_dose(DOSE)
    store.open_session("P-4", original, "")  # same text: the snapshot is shared, not copied
    assert _count(storage, ProtocolSnapshot) == 1
    _, journey = store.load(opened.session_id)
    assert journey.protocol.text == text
    assert [p.name for p in journey.protocol.phases] == [p.name for p in original.phases]


def test_summaries_list_newest_first(
    store: JourneyStore, protocol: Protocol, clock: FakeClock
) -> None:
    for code in ("A-1", "B-2", "C-3"):
        store.open_session(code, protocol, "")
        clock.advance(60)
    assert [s.patient_code for s in store.summaries()] == ["C-3", "B-2", "A-1"]


@pytest.fixture
def flaky(tmp_path: Path) -> Iterator[tuple[Storage, list[bool]]]:
    """A real SQLite database that turns read-only while ``switch[0]`` is True."""
    switch = [False]
    url = sqlite_url(tmp_path / "flaky.sqlite3")
    upgrade(make_engine(url))
    engine = make_engine(url)
    engine.pool = NullPool(engine.pool._creator)  # a fresh connection per unit of work

    @event.listens_for(engine, "connect")
    def _query_only(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA query_only={int(switch[0])}")  # type: ignore[attr-defined]

    yield Storage(engine, session_factory(engine)), switch
    engine.dispose()


def test_a_failed_write_keeps_the_event_and_writes_it_later(
    flaky: tuple[Storage, list[bool]], clock: FakeClock
) -> None:
    storage, read_only = flaky
    store = JourneyStore(storage, clock)
    opened = store.open_session("P-9", make_protocol(), "")
    heard: list[str | None] = []
    opened.recorder.on_status(heard.append)
    read_only[0] = True
    opened.journey.record_dose(DOSE)
    clock.advance(200)
    opened.journey.advance_phase()
    said = (
        "Not saved yet: the database has become read-only and 3 entries wait to be saved. "
        "Until they are, they are held in memory only, not on disk: keep kapdesk open."
    )
    wait_until(lambda: heard[-1:] == [said])  # the writer thread tries again, and says so
    assert opened.recorder.pending == 3
    assert opened.recorder.memory_only  # closing now would lose them: the window asks twice
    assert opened.journey.phase_index == 1  # the journey itself goes on
    assert _count(storage, SessionEvent) == 1
    read_only[0] = False
    assert opened.recorder.flush(timeout=10) is True  # written by the writer thread's retry
    wait_until(lambda: heard[-1] is None)
    with Session(storage.engine) as session:
        rows = session.scalars(select(SessionEvent).order_by(SessionEvent.seq)).all()
    assert [(r.seq, r.kind) for r in rows] == [
        (0, "session_opened"),
        (1, "dose"),
        (2, "phase_started"),
        (3, "phase_started"),
    ]
    assert rows[3].elapsed_s == pytest.approx(200)


def test_two_rooms_adding_the_same_patient_at_once_both_open_their_session(
    storage: Storage, clock: FakeClock, protocol: Protocol, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Room 1 has just added P-77 when Room 2, which looked a moment earlier, adds it too."""
    from kapdesk.storage.repositories import PatientRepository  # noqa: PLC0415

    JourneyStore(storage, clock, "Room 1").open_session("P-77", protocol, "Sam")
    looked = PatientRepository.find
    calls = {"n": 0}

    def late_look(self: PatientRepository, clinic_code: str) -> object:
        calls["n"] += 1
        return None if calls["n"] == 1 else looked(self, clinic_code)

    monkeypatch.setattr(PatientRepository, "find", late_look)
    opened = JourneyStore(storage, clock, "Room 2").open_session("P-77", protocol, "Sam")
    assert calls["n"] == 2  # the unique code refused the second patient; the retry found it
    assert opened.patient_code == "P-77"
    rooms = {(s.patient_code, s.room) for s in JourneyStore(storage, clock).summaries()}
    assert rooms == {("P-77", "Room 1"), ("P-77", "Room 2")}


def test_a_released_past_session_is_recorded_again_when_opened_again(
    store: JourneyStore, storage: Storage, protocol: Protocol
) -> None:
    session_id = store.open_session("P-1", protocol, "Sam").session_id
    store.close_all()  # an earlier run of kapdesk
    first = JourneyStore(storage, FakeClock())
    past = first.editable(session_id)
    assert first.editable(session_id) is past  # one journey, one recorder per session
    past.journey.record_observation(EventKind.NOTE, {"text": "first look", "tags": []})
    assert first.release(session_id, timeout=10)  # committed, then let go of
    again = first.editable(session_id)
    assert again is not past
    again.journey.record_observation(EventKind.NOTE, {"text": "second look", "tags": []})
    assert first.flush_all(timeout=10)
    with Session(storage.engine) as session:
        texts = [
            row.data.get("text")
            for row in session.scalars(
                select(SessionEvent).where(SessionEvent.session_id == session_id)
            )
        ]
    assert texts[-2:] == ["first look", "second look"]
    first.close_all()
