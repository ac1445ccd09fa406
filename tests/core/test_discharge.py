"""Discharge: the readiness score, the vital-signs item from the record, ready-to-leave time."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.discharge import (
    MAX_SCORE,
    READINESS_ITEMS,
    assess,
    compare_vitals,
    discharge_of,
    readiness_words,
)
from kapdesk.core.journey import Dose, EventKind, Journey, JourneyError, event_text
from kapdesk.core.observations import amendment_data
from kapdesk.core.protocol_files import parse_protocol
from kapdesk.core.protocols import Protocol, ProtocolError

ALL_WELL = {item.id: 2 for item in READINESS_ITEMS}


def _vitals(journey: Journey, systolic: float, diastolic: float, heart_rate: float) -> int:
    values = {"systolic": systolic, "diastolic": diastolic, "heart_rate": heart_rate}
    journey.record_observation(EventKind.VITALS, {"values": values, "flags": []})
    return len(journey.events) - 1


def test_all_items_at_two_with_an_escort_is_ready() -> None:
    readiness = assess(ALL_WELL, escort=True, ready_score=10)
    assert readiness.ready
    assert readiness.total == MAX_SCORE == 12
    assert readiness.reasons == ()


def test_the_score_threshold_a_zero_and_the_escort_each_hold_the_patient_back() -> None:
    ten = {**ALL_WELL, "walking": 1, "nausea": 1}
    assert assess(ten, escort=True, ready_score=10).ready
    nine = {**ten, "alert": 1}
    readiness = assess(nine, escort=True, ready_score=10)
    assert not readiness.ready
    assert readiness.reasons == ("Score 9 of 12: 10 needed",)
    assert assess(nine, escort=True, ready_score=9).ready  # the clinic's threshold

    zero = {**ALL_WELL, "walking": 0}  # 10 points, but cannot walk
    readiness = assess(zero, escort=True, ready_score=10)
    assert readiness.total == 10
    assert readiness.reasons == ("Walking: cannot walk yet",)

    readiness = assess(ALL_WELL, escort=False, ready_score=10)
    assert readiness.reasons == ("No escort present: the patient must not leave alone",)

    missing = {**ALL_WELL, "vitals": None}
    readiness = assess(missing, escort=True, ready_score=10)
    assert readiness.reasons == ("Vital signs: not scored",)
    with pytest.raises(ValueError, match="0, 1 or 2"):
        assess({**ALL_WELL, "comfort": 3}, escort=True, ready_score=10)


@pytest.mark.parametrize(
    ("systolic", "heart_rate", "score"),
    [
        (130, 80, 2),  # unchanged
        (150, 80, 2),  # +15%
        (156, 80, 2),  # +20%: within
        (160, 80, 1),  # +23%
        (130, 48, 1),  # pulse -40%: within 40
        (130, 46, 0),  # pulse -42.5%
        (190, 80, 0),  # +46%
    ],
)
def test_the_vitals_item_compares_the_latest_reading_with_the_baseline(
    esketamine: Protocol, clock: FakeClock, systolic: float, heart_rate: float, score: int
) -> None:
    journey = Journey.open(esketamine, clock)
    _vitals(journey, 130, 80, 80)
    journey.record_dose(Dose(56, "mg", "intranasal"))
    _vitals(journey, 170, 100, 110)  # an earlier reading after dosing does not count
    _vitals(journey, systolic, 80, heart_rate)
    compared = compare_vitals(journey)
    assert compared.score == score
    assert compared.text.startswith(f"Now BP {systolic}/80 mmHg")


def test_the_vitals_item_needs_both_readings_and_counts_corrections(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    assert compare_vitals(journey).text == "No baseline reading before dosing to compare with."
    _vitals(journey, 130, 80, 80)
    journey.record_dose(Dose(56, "mg", "intranasal"))
    assert compare_vitals(journey).score is None
    assert compare_vitals(journey).text == "Take vital signs now: none since dosing."
    seq = _vitals(journey, 200, 80, 80)
    assert compare_vitals(journey).score == 0
    fixed = {"values": {"systolic": 120, "diastolic": 80, "heart_rate": 80}, "flags": []}
    journey.amend(amendment_data(seq, fixed, "typed 200 for 120"))
    assert compare_vitals(journey).score == 2


def test_ready_to_leave_is_the_first_ready_check_and_monitoring_time_still_applies(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    with pytest.raises(JourneyError, match="after the dose"):
        journey.record_discharge(assess(ALL_WELL, True, 10).to_json("", {}))
    _vitals(journey, 130, 80, 80)
    journey.record_dose(Dose(56, "mg", "intranasal", lot_number="ESK-71"))
    dosed_at = clock.now()
    clock.advance(70 * 60)
    early = assess({**ALL_WELL, "dissociation": 0}, True, 10)
    answers = {"sedation": True, "dissociation": True, "breathing": False}
    journey.record_discharge(early.to_json("Now BP 140/85 mmHg", answers, "Kim"))
    assert discharge_of(journey).ready_at is None
    clock.advance(20 * 60)  # 90 min after dosing: ready, but esketamine asks for 2 h
    journey.record_discharge(assess(ALL_WELL, True, 10).to_json("ok", answers, "Kim"))
    clock.advance(45 * 60)
    journey.record_discharge(assess(ALL_WELL, True, 10).to_json("ok", answers, "Kim"))
    discharge = discharge_of(journey)
    assert len(discharge.checks) == 3
    assert discharge.ready_at == dosed_at + timedelta(minutes=90)
    assert discharge.ready_elapsed == pytest.approx(90 * 60)
    assert discharge.free_to_leave_at == dosed_at + timedelta(minutes=120)
    clock.advance(5 * 60)
    journey.close("Left with her partner")
    assert discharge_of(journey).monitoring_seconds == pytest.approx(140 * 60)
    texts = [event_text(e) for e in journey.events if e.kind is EventKind.DISCHARGE]
    assert texts[0] == (
        "Discharge check: 10 of 12, not ready yet (Dissociation: still dissociated); "
        "sedation yes, dissociation yes, breathing no (Kim)"
    )
    assert texts[1] == (
        "Discharge check: 12 of 12, ready to leave; sedation yes, dissociation yes, "
        "breathing no (Kim)"
    )
    assert readiness_words(journey.events[-4].data)[0] == "Vital signs 2 (within 20% of baseline)"


def test_the_protocol_sets_the_score_and_the_questions_and_bad_values_are_located(
    esketamine: Protocol,
) -> None:
    assert esketamine.discharge.ready_score == 10
    assert [q.id for q in esketamine.discharge.questions] == [
        "sedation",
        "dissociation",
        "breathing",
    ]
    text = '[protocol]\nid = "x"\nname = "X"\nroute = "IM"\n\n[[phases]]\nname = "A"\nminutes = 5\n'
    assert parse_protocol(text).discharge.questions == ()
    bad = text + '\n[discharge]\nready_score = 13\n\n[[discharge.questions]]\nid = "a b"\n'
    with pytest.raises(ProtocolError) as raised:
        parse_protocol(bad)
    assert [str(p) for p in raised.value.problems] == [
        "line 11, discharge.ready_score: must be a whole number of points from 1 to 12",
        "line 13, discharge.questions[0].text: is required",
        'line 14, discharge.questions[0].id: must be a slug like "sedation"; "a b" is not',
    ]


def test_a_later_not_ready_check_takes_the_readiness_back(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    _vitals(journey, 130, 80, 80)
    journey.record_dose(Dose(56, "mg", "intranasal"))
    clock.advance(100 * 60)
    journey.record_discharge(assess(ALL_WELL, True, 10).to_json("", {}))
    assert discharge_of(journey).ready_at is not None
    clock.advance(5 * 60)
    vomiting = assess({**ALL_WELL, "nausea": 0}, True, 10)
    journey.record_discharge(vomiting.to_json("", {}))
    assert discharge_of(journey).ready_at is None
    clock.advance(20 * 60)
    journey.record_discharge(assess(ALL_WELL, True, 10).to_json("", {}))
    discharge = discharge_of(journey)
    assert discharge.ready_elapsed == pytest.approx(125 * 60)  # ready again, from now
