"""No early close by accident, and phases that end early say so: the rules in the core."""

from __future__ import annotations

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.discharge import READINESS_ITEMS, assess
from kapdesk.core.journey import (
    Dose,
    EventKind,
    Journey,
    JourneyError,
    NotAllowedError,
    event_text,
)
from kapdesk.core.protocol_files import parse_protocol
from kapdesk.core.protocols import Protocol
from kapdesk.core.staff import Role, StaffMember

SITTER = StaffMember(1, "Robin Hale", frozenset({Role.SITTER}))
THERAPIST = StaffMember(3, "Dr Lin", frozenset({Role.THERAPIST}))
NURSE = StaffMember(2, "Jo Okafor", frozenset({Role.NURSE}))
PRESCRIBER = StaffMember(6, "Dr Rao", frozenset({Role.PRESCRIBER}))
ALL_WELL = {item.id: 2 for item in READINESS_ITEMS}


def _bp(journey: Journey, systolic: float = 128, diastolic: float = 82) -> None:
    values = {"systolic": systolic, "diastolic": diastolic, "heart_rate": 76}
    journey.record_observation(EventKind.VITALS, {"values": values, "flags": []})


def _pulse_only(journey: Journey) -> None:
    journey.record_observation(EventKind.VITALS, {"values": {"heart_rate": 80}, "flags": []})


def _discharge(journey: Journey, *, ready: bool = True) -> None:
    scores = ALL_WELL if ready else {**ALL_WELL, "walking": 0}
    readiness = assess(scores, escort=True, ready_score=10)
    journey.record_discharge(readiness.to_json("", {}))


def _to_last_phase(journey: Journey, clock: FakeClock) -> None:
    while journey.next_phase is not None:
        span = journey.current_span
        assert span is not None
        clock.advance(max(0.0, span.started + span.planned_seconds - (journey.elapsed() or 0)))
        journey.tick()
        if journey.next_phase is not None and journey.current_span is span:
            journey.advance_phase()


def _dosed_esketamine(esketamine: Protocol, clock: FakeClock, actor: StaffMember) -> Journey:
    journey = Journey.open(esketamine, clock, actor=NURSE)
    _bp(journey)  # the baseline, before dosing
    journey.record_dose(Dose(56, "mg", "intranasal"))
    journey.act_as(actor)
    return journey


def test_the_issue_s_esketamine_close_at_1_32_is_early(
    esketamine: Protocol, clock: FakeClock
) -> None:
    """Ready at 12 of 12, but at 1:32 of the two hours and with the 40-minute pressure missing."""
    journey = _dosed_esketamine(esketamine, clock, NURSE)
    _to_last_phase(journey, clock)
    clock.advance(92 * 60 - (journey.elapsed() or 0))
    _bp(journey)  # before discharge
    _discharge(journey)
    concerns = journey.close_concerns()
    assert concerns == [
        "1:32:00 since dosing, of the 2 h the protocol asks in the room",
        "vital-signs check not taken: Peak (about 40 min)",
    ]
    with pytest.raises(JourneyError, match="Closing early needs a reason"):
        journey.close("")
    assert not journey.closed
    journey.act_as(SITTER)
    with pytest.raises(NotAllowedError, match="Closing a session early takes a nurse or a"):
        journey.close("the patient wants to go")
    journey.act_as(THERAPIST)
    with pytest.raises(NotAllowedError):
        journey.close("the patient wants to go")
    assert not journey.closed
    journey.act_as(PRESCRIBER)
    event = journey.close("stable; leaves with escort against advice")
    assert event.data["early"] == concerns
    assert event.data["by"] == "Dr Rao"
    assert event_text(event) == (
        "Session closed early (1:32:00 since dosing, of the 2 h the protocol asks in the room; "
        "vital-signs check not taken: Peak (about 40 min)): "
        "stable; leaves with escort against advice"
    )
    replayed = Journey.replay(esketamine, clock, journey.events)
    assert replayed.closed
    assert replayed.events[-1].data["early"] == concerns


def test_each_missing_piece_is_named(esketamine: Protocol, clock: FakeClock) -> None:
    journey = Journey.open(esketamine, clock, actor=NURSE)
    _pulse_only(journey)  # no blood pressure: not the baseline the REMS asks for
    journey.record_dose(Dose(56, "mg", "intranasal"))
    clock.advance(30 * 60)
    journey.tick()
    concerns = journey.close_concerns()
    assert concerns == [
        "30:00 since dosing, of the 2 h the protocol asks in the room",
        "still in Peak dissociation, before the last phase",
        "vital-signs checks not taken: Baseline, Before discharge",
        "no discharge check recorded",
    ]


def test_a_session_done_in_full_closes_without_a_question(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = _dosed_esketamine(esketamine, clock, SITTER)
    clock.advance(40 * 60)
    journey.tick()
    _bp(journey)  # the peak check, at 40 minutes
    _to_last_phase(journey, clock)
    clock.advance(121 * 60 - (journey.elapsed() or 0))
    _bp(journey)
    journey.act_as(THERAPIST)
    _discharge(journey, ready=False)
    assert journey.close_concerns() == ["the last discharge check found the patient not ready"]
    _discharge(journey)
    assert journey.close_concerns() == []
    journey.act_as(SITTER)  # a sitter may close a session that is done
    event = journey.close("")
    assert "early" not in event.data
    assert event_text(event) == "Session closed"


def test_a_reading_taken_too_early_does_not_count_for_a_check(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = _dosed_esketamine(esketamine, clock, NURSE)
    clock.advance(20 * 60)
    _bp(journey)  # 20 minutes before the peak check: not it
    _to_last_phase(journey, clock)
    clock.advance(125 * 60 - (journey.elapsed() or 0))
    _bp(journey)
    _discharge(journey)
    assert journey.close_concerns() == ["vital-signs check not taken: Peak (about 40 min)"]


def test_closing_before_dosing_cancels_and_is_not_an_early_close(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock, actor=SITTER)
    assert journey.close_concerns() == []
    event = journey.close("patient unwell today")
    assert event.data["cancelled"] is True
    assert event_text(event) == "Session cancelled before dosing: patient unwell today"


def test_without_monitoring_time_or_checks_the_last_phase_is_enough(
    protocol: Protocol, clock: FakeClock
) -> None:
    bare = parse_protocol(
        "[protocol]\nid='bare'\nname='Bare'\nroute='IM'\n"
        "[[phases]]\nname='One'\nminutes=5\n[[phases]]\nname='Two'\nminutes=5\n"
    )
    journey = Journey.open(bare, clock, actor=NURSE)
    journey.record_dose(Dose(50, "mg", "IM"))
    journey.act_as(SITTER)
    assert journey.close_concerns() == ["still in One, before the last phase"]
    clock.advance(300)
    journey.advance_phase()
    assert journey.close_concerns() == []


def test_a_phase_ended_by_hand_before_its_time_is_marked(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = _dosed_esketamine(esketamine, clock, NURSE)
    clock.advance(4 * 60 + 5)
    assert journey.ends_phase_early()
    event = journey.advance_phase()
    assert event.data["ended_early"] == {
        "index": 0,
        "name": "Dosing",
        "ran_seconds": 245.0,
        "planned_minutes": 10.0,
    }
    assert event_text(event) == (
        "Phase: Peak dissociation; Dosing ended early by hand at 04:05 of 10 min"
    )
    assert journey.spans[0].ended_early
    replayed = Journey.replay(esketamine, clock, journey.events)
    assert replayed.spans[0].ended_early
    clock.advance(30 * 60)  # Peak dissociation runs its full 30 minutes
    assert not journey.ends_phase_early()


def test_a_phase_moved_on_at_or_after_its_time_is_not_early(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock)
    journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    clock.advance(protocol.phases[0].minutes * 60)
    assert not journey.ends_phase_early()
    event = journey.advance_phase()
    assert "ended_early" not in event.data
    assert not journey.spans[0].ended_early


def test_on_a_protocol_moved_by_hand_only_a_dosing_phase_is_marked_early(clock: FakeClock) -> None:
    manual = parse_protocol(
        "[protocol]\nid='hand'\nname='By hand'\nroute='IM'\n"
        "[[phases]]\nname='Dosing'\nminutes=10\ndosing=true\n"
        "[[phases]]\nname='Peak'\nminutes=30\n[[phases]]\nname='Return'\nminutes=30\n"
    )
    journey = Journey.open(manual, clock, actor=NURSE)
    journey.record_dose(Dose(50, "mg", "IM"))
    clock.advance(120)
    assert "ended_early" in journey.advance_phase().data  # the dosing phase cut short
    clock.advance(600)
    assert "ended_early" not in journey.advance_phase().data  # Peak ends when staff say


def test_a_reading_an_hour_before_the_close_is_not_the_one_before_discharge(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = _dosed_esketamine(esketamine, clock, NURSE)
    clock.advance(40 * 60)
    journey.tick()
    _bp(journey)  # the peak check
    _to_last_phase(journey, clock)  # the last phase starts at 1:30
    _bp(journey)
    clock.advance(150 * 60 - (journey.elapsed() or 0))
    _discharge(journey)
    assert journey.close_concerns() == ["vital-signs check not taken: Before discharge"]
    _bp(journey)
    assert journey.close_concerns() == []
