"""The journey state machine, driven by a fake clock."""

from __future__ import annotations

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import (
    Dose,
    EventKind,
    Journey,
    JourneyError,
    JourneyEvent,
    JourneyState,
    event_text,
)
from kapdesk.core.protocols import Advance, Protocol
from tests.conftest import make_protocol

DOSE = Dose(
    amount=0.75, unit="mg/kg", route="IM", lot_number="L123", given_by="Nurse Ana", weight_kg=70
)


def test_opening_emits_one_event_and_waits_for_the_dose(
    protocol: Protocol, clock: FakeClock
) -> None:
    heard: list[JourneyEvent] = []
    journey = Journey.open(protocol, clock, [heard.append])
    assert journey.state is JourneyState.OPENED
    assert [e.kind for e in heard] == [EventKind.OPENED]
    assert heard[0].elapsed is None
    assert heard[0].wall == clock.now()
    assert journey.elapsed() is None
    assert journey.next_phase == protocol.phases[0]
    clock.advance(600)
    assert journey.elapsed() is None


def test_first_dose_starts_the_clock_and_the_first_phase(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock)
    clock.advance(120)
    journey.record_dose(DOSE)
    assert journey.state is JourneyState.RUNNING
    assert journey.elapsed() == 0.0
    assert journey.current_phase == protocol.phases[0]
    assert [e.kind for e in journey.events] == [EventKind.OPENED, EventKind.DOSE, EventKind.PHASE]
    clock.advance(61.5)
    assert journey.elapsed() == pytest.approx(61.5)
    assert journey.phase_elapsed() == pytest.approx(61.5)


def test_extra_doses_are_recorded_with_their_time(protocol: Protocol, clock: FakeClock) -> None:
    journey = Journey.open(protocol, clock)
    journey.record_dose(DOSE)
    clock.advance(900)
    event = journey.record_dose(Dose(0.25, "mg/kg", "IM", lot_number="L124", weight_kg=70))
    assert event.elapsed == pytest.approx(900)
    assert event.data["first"] is False
    assert [(t, d.amount) for t, d in journey.doses] == [(0.0, 0.75), (pytest.approx(900), 0.25)]
    assert journey.current_phase == protocol.phases[0]  # an extra dose does not move phases


def test_a_dose_needs_an_amount(protocol: Protocol, clock: FakeClock) -> None:
    journey = Journey.open(protocol, clock)
    with pytest.raises(JourneyError, match="amount"):
        journey.record_dose(Dose(0, "mg", "IM"))
    assert journey.state is JourneyState.OPENED


def test_phases_advance_when_confirmed_and_overrun_shows(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock)
    with pytest.raises(JourneyError):
        journey.advance_phase()
    journey.record_dose(DOSE)
    clock.advance(7 * 60)  # onset is planned for 5 minutes
    assert journey.tick() == []  # manual protocol: time alone changes nothing
    assert journey.phase_overrun() == pytest.approx(120)
    event = journey.advance_phase()
    assert event.kind is EventKind.PHASE
    assert event.phase_index == 1
    assert event.elapsed == pytest.approx(420)
    assert journey.phase_overrun() == 0
    assert journey.spans[0].ended == pytest.approx(420)
    journey.advance_phase()
    assert journey.next_phase is None
    with pytest.raises(JourneyError, match="last phase"):
        journey.advance_phase()


def test_timed_protocol_changes_phase_at_the_planned_second(clock: FakeClock) -> None:
    journey = Journey.open(make_protocol(Advance.TIMED), clock)
    journey.record_dose(DOSE)
    clock.advance(5 * 60 + 47 * 60)  # past onset (5) and peak (40): the tick came late
    events = journey.tick()
    assert [(e.phase_index, e.elapsed) for e in events] == [(1, 300.0), (2, 2700.0)]
    dosed_at = journey.events[1].wall
    assert (events[0].wall - dosed_at).total_seconds() == pytest.approx(300)
    assert (events[1].wall - events[0].wall).total_seconds() == pytest.approx(2400)
    assert all(e.data["auto"] for e in events)
    clock.advance(3600)
    assert journey.tick() == []  # the last phase stays, and shows its overrun
    assert journey.phase_overrun() > 0


def test_wall_clock_jumps_never_move_the_journey_time(protocol: Protocol, clock: FakeClock) -> None:
    journey = Journey.open(protocol, clock)
    journey.record_dose(DOSE)
    clock.advance(600)
    clock.jump_wall(3600)
    assert journey.elapsed() == pytest.approx(600)
    clock.jump_wall(-7200)
    clock.advance(30)
    assert journey.elapsed() == pytest.approx(630)
    event = journey.advance_phase()
    assert event.elapsed == pytest.approx(630)


def test_close_freezes_the_time_and_refuses_more(protocol: Protocol, clock: FakeClock) -> None:
    journey = Journey.open(protocol, clock)
    journey.record_dose(DOSE)
    clock.advance(3000)
    journey.close("patient ready to leave")
    clock.advance(500)
    assert journey.state is JourneyState.CLOSED
    assert journey.elapsed() == pytest.approx(3000)
    assert journey.close_reason == "patient ready to leave"
    for action in (journey.advance_phase, lambda: journey.record_dose(DOSE), journey.close):
        with pytest.raises(JourneyError):
            action()


def test_a_session_can_be_cancelled_before_dosing(protocol: Protocol, clock: FakeClock) -> None:
    journey = Journey.open(protocol, clock)
    event = journey.close("blood pressure too high")
    assert event.elapsed is None
    assert journey.state is JourneyState.CLOSED
    assert journey.spans == []


def test_replay_rebuilds_state_and_time_after_a_crash(protocol: Protocol, clock: FakeClock) -> None:
    journey = Journey.open(protocol, clock)
    journey.record_dose(DOSE)
    clock.advance(400)
    journey.advance_phase()
    clock.advance(800)  # the app dies here, 1200 s into the journey ...
    clock.advance(45)  # ... and is started again 45 s later, on a new monotonic clock
    fresh = FakeClock(start=clock.now(), monotonic_start=5.0)
    restored = Journey.replay(protocol, fresh, journey.events)
    assert restored.state is JourneyState.RUNNING
    assert restored.phase_index == 1
    assert restored.elapsed() == pytest.approx(1245)
    assert restored.phase_elapsed() == pytest.approx(845)
    assert [d.lot_number for _, d in restored.doses] == ["L123"]
    heard: list[JourneyEvent] = []
    restored.subscribe(heard.append)
    event = restored.resume()
    assert event.kind is EventKind.RESUMED
    assert event.elapsed == pytest.approx(1245)
    assert event.data["seconds_since_last_event"] == pytest.approx(845)
    assert heard == [event]
    fresh.advance(10)
    assert restored.elapsed() == pytest.approx(1255)


def test_replay_of_a_closed_session_keeps_its_final_time(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock)
    journey.record_dose(DOSE)
    clock.advance(3333)
    journey.close("the patient asked to stop")
    clock.advance(99999)
    restored = Journey.replay(protocol, clock, journey.events)
    assert restored.state is JourneyState.CLOSED
    assert restored.elapsed() == pytest.approx(3333)
    with pytest.raises(JourneyError):
        restored.resume()


def test_events_read_in_the_clinic_s_words(protocol: Protocol, clock: FakeClock) -> None:
    journey = Journey.open(protocol, clock)
    journey.record_dose(DOSE)
    journey.advance_phase()
    journey.close("done")
    texts = [event_text(e) for e in journey.events]
    assert texts == [
        "Session opened",
        "Dose: 0.75 mg/kg IM (70 kg, 52.5 mg total), lot L123, given by Nurse Ana",
        "Phase: Onset",
        "Phase: Peak",  # a protocol moved on by hand: its phases end when staff say
        "Session closed early (00:00 since dosing, of the 1 h 30 min the protocol asks in the "
        "room; still in Peak, before the last phase): done",
    ]
