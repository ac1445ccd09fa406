"""Roles are enforced by the journey itself, not by hidden buttons: a refused action records
nothing and says who may; every record a member makes carries their name."""

from __future__ import annotations

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, Journey, NotAllowedError
from kapdesk.core.observations import note_data
from kapdesk.core.preparation import decision_data, intention_data
from kapdesk.core.protocols import Advance, Protocol
from kapdesk.core.staff import Action, PermissionDeniedError, Role, StaffMember
from tests.conftest import make_protocol

SITTER = StaffMember(1, "Robin Hale", frozenset({Role.SITTER}))
NURSE = StaffMember(2, "Jo Okafor", frozenset({Role.NURSE}))
THERAPIST = StaffMember(3, "Dr Lin", frozenset({Role.THERAPIST}))
ADMIN = StaffMember(4, "Ana Moreno", frozenset({Role.ADMIN}))
GONE = StaffMember(5, "Kim Lee", frozenset({Role.NURSE}), active=False)
DOSE = Dose(0.75, "mg/kg", "IM", lot_number="LK-1", weight_kg=70)


def test_a_sitter_may_not_record_a_dose_and_nothing_is_recorded(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock, actor=SITTER)
    heard: list[object] = []
    journey.subscribe(heard.append)
    with pytest.raises(NotAllowedError) as refused:
        journey.record_dose(DOSE)
    assert str(refused.value) == (
        "Recording a dose takes a nurse or a prescriber; Robin Hale is a sitter"
    )
    assert isinstance(refused.value, PermissionDeniedError)
    assert not journey.dosed
    assert heard == []
    assert journey.refusal(Action.RECORD_DOSE) == str(refused.value)
    assert journey.refusal(Action.OBSERVE) is None


def test_a_nurse_doses_and_every_record_carries_who_made_it(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock, actor=SITTER)
    journey.record_preparation(EventKind.INTENTION, intention_data("To rest", "typed name"))
    journey.act_as(NURSE)  # the nurse signs in at the screen
    journey.record_dose(DOSE)
    journey.act_as(SITTER)
    journey.record_observation(EventKind.NOTE, note_data("Eyes closed", [], ""))
    clock.advance(20 * 60)
    journey.advance_phase()
    by = [(e.kind, e.data.get("by")) for e in journey.events]
    assert by == [
        (EventKind.OPENED, "Robin Hale"),
        (EventKind.INTENTION, "Robin Hale"),  # the member signed in, not what a form typed
        (EventKind.DOSE, "Jo Okafor"),
        (EventKind.PHASE, "Jo Okafor"),  # the dose starts the first phase
        (EventKind.NOTE, "Robin Hale"),
        (EventKind.PHASE, "Robin Hale"),
    ]


def test_phases_the_clock_starts_carry_no_one_s_name(clock: FakeClock) -> None:
    journey = Journey.open(make_protocol(Advance.TIMED), clock, actor=NURSE)
    journey.record_dose(DOSE)
    clock.advance(60 * 60)
    automatic = journey.tick()
    assert automatic
    assert all("by" not in event.data for event in automatic)


def test_each_action_takes_its_roles(protocol: Protocol, clock: FakeClock) -> None:
    journey = Journey.open(protocol, clock, actor=NURSE)
    journey.record_dose(DOSE)
    journey.act_as(SITTER)
    with pytest.raises(NotAllowedError, match="The discharge check takes"):
        journey.record_discharge({"ready": False})
    journey.act_as(THERAPIST)
    journey.record_discharge({"ready": False})
    journey.act_as(ADMIN)  # an admin alone runs the clinic's settings, not the room
    with pytest.raises(NotAllowedError, match="Ana Moreno is an admin"):
        journey.record_observation(EventKind.NOTE, note_data("A note", [], ""))
    with pytest.raises(NotAllowedError):
        journey.close()
    journey.act_as(GONE)
    with pytest.raises(NotAllowedError, match="Kim Lee is no longer active here"):
        journey.record_observation(EventKind.NOTE, note_data("A note", [], ""))
    journey.act_as(SITTER)
    with pytest.raises(NotAllowedError, match="Closing a session early takes a nurse or a"):
        journey.close("Journey ended")
    journey.act_as(NURSE)
    journey.close("The patient asked to stop")
    assert journey.closed


def test_an_admin_alone_may_not_open_a_session(protocol: Protocol, clock: FakeClock) -> None:
    with pytest.raises(NotAllowedError, match="Opening a session takes"):
        Journey.open(protocol, clock, actor=ADMIN)


def test_dosing_after_a_high_baseline_takes_a_prescriber(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock, actor=NURSE)
    journey.record_observation(
        EventKind.VITALS, {"values": {"systolic": 165, "diastolic": 95}, "flags": []}
    )
    with pytest.raises(NotAllowedError, match="Deciding to dose after a high baseline takes"):
        journey.record_preparation(EventKind.DOSING_DECISION, decision_data(journey, "Ok", ""))
    journey.act_as(StaffMember(6, "Dr Adeyemi", frozenset({Role.PRESCRIBER})))
    journey.record_preparation(
        EventKind.DOSING_DECISION, decision_data(journey, "White-coat pattern, known", "")
    )
    journey.record_dose(DOSE)
    assert journey.dosed
