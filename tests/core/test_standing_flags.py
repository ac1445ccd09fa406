"""Which flags stand now: shown until seen or until a newer reading of the same measure is in
range; the same after a restart; a corrected reading judged as corrected."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import (
    Dose,
    EventKind,
    Journey,
    JourneyError,
    JourneyEvent,
    NotAllowedError,
    event_text,
)
from kapdesk.core.observations import amendment_data
from kapdesk.core.protocols import Measure, Protocol, Thresholds
from kapdesk.core.staff import Role, StaffMember
from kapdesk.core.standing_flags import StandingFlag, by_reading, standing_flags
from kapdesk.core.timeline import timeline
from kapdesk.core.vitals import Reading, flags, measure_flags

DOSE = Dose(amount=0.75, unit="mg/kg", route="IM", given_by="Nurse Ana", weight_kg=70)
NURSE = StaffMember(1, "Nurse Ana", frozenset({Role.NURSE}))
MINUTE = 60.0
HIGH = {"systolic": 182, "diastolic": 112, "heart_rate": 88, "spo2": 91, "respiratory_rate": 8}
WORDS = ["BP 182/112 above 180/110", "SpO2 91 % below 92 %", "RR 8 below 10"]


def _vitals(journey: Journey, values: Mapping[str, float]) -> int:
    reading = Reading.from_values(values)
    raised = flags(reading, journey.protocol.thresholds, dosed=journey.dosed)
    event = journey.record_observation(
        EventKind.VITALS, {"values": dict(values), "flags": raised, "by": "Nurse Ana"}
    )
    return journey.events.index(event)


def _standing(journey: Journey) -> list[str]:
    return [f.words for f in standing_flags(journey.events, journey.protocol.thresholds)]


@pytest.fixture
def journey(protocol: Protocol, clock: FakeClock) -> Journey:
    opened = Journey.open(protocol, clock, actor=NURSE)
    opened.record_dose(DOSE)
    clock.advance(10 * MINUTE)
    return opened


def test_each_measure_beyond_its_threshold_is_said_in_a_few_words() -> None:
    limits = Thresholds()
    said = measure_flags(Reading.from_values(HIGH), limits, dosed=True)
    assert said == {
        Measure.BLOOD_PRESSURE: "BP 182/112 above 180/110",
        Measure.SPO2: "SpO2 91 % below 92 %",
        Measure.RESPIRATORY_RATE: "RR 8 below 10",
    }
    at_limit = Reading(systolic=180, diastolic=100)
    assert measure_flags(at_limit, limits, dosed=True) == {
        Measure.BLOOD_PRESSURE: "BP 180/100 at or above 180/110"
    }
    assert measure_flags(Reading(systolic=150, diastolic=95), limits, dosed=False) == {
        Measure.BLOOD_PRESSURE: "BP 150/95 above 140/90 before dosing"
    }
    others = Reading(systolic=85, diastolic=50, heart_rate=130, temperature=38.4)
    assert measure_flags(others, limits, dosed=True) == {
        Measure.BLOOD_PRESSURE: "BP 85/50, systolic below 90",
        Measure.HEART_RATE: "HR 130 above 120",
        Measure.TEMPERATURE: "T 38.4 °C above 38.0 °C",
    }
    assert measure_flags(Reading(spo2=91.5), limits, dosed=True) == {
        Measure.SPO2: "SpO2 91.5 % below 92 %"  # never rounded into "92 % below 92 %"
    }
    # The record's words are unchanged.
    assert flags(at_limit, limits, dosed=True) == ["Systolic BP 180 mmHg is at or above 180 mmHg"]


def test_a_flagged_reading_stands_with_its_time_and_place(
    journey: Journey, clock: FakeClock
) -> None:
    seq = _vitals(journey, HIGH)
    standing = standing_flags(journey.events, journey.protocol.thresholds)
    wall = journey.events[seq].wall
    assert standing == (
        StandingFlag(Measure.BLOOD_PRESSURE, seq, wall, 600.0, WORDS[0]),
        StandingFlag(Measure.SPO2, seq, wall, 600.0, WORDS[1]),
        StandingFlag(Measure.RESPIRATORY_RATE, seq, wall, 600.0, WORDS[2]),
    )
    clock.advance(30 * MINUTE)  # time alone clears nothing
    journey.record_observation(EventKind.NOTE, {"text": "Resting", "tags": []})
    assert _standing(journey) == WORDS
    ((first, words),) = by_reading(standing)
    assert first.reading == seq
    assert words == WORDS


def test_an_acknowledgement_clears_the_flags_it_names_and_is_signed(journey: Journey) -> None:
    seq = _vitals(journey, HIGH)
    event = journey.acknowledge_flags(seq, WORDS[:2])
    assert event.kind is EventKind.FLAG_SEEN
    assert event.data == {"reading": seq, "words": WORDS[:2], "by": "Nurse Ana"}
    assert _standing(journey) == [WORDS[2]]  # what was not shown to them still stands
    assert event_text(event) == (
        f"Flag seen by Nurse Ana: BP 182/112 above 180/110 · SpO2 91 % below 92 % "
        f"(the reading of entry {seq})"
    )
    (line,) = [e for e in timeline(journey.events) if e.kind is EventKind.FLAG_SEEN]
    assert line.text == event_text(event)
    assert line.flags == ()  # an acknowledgement is not itself shown as a problem


def test_a_newer_reading_in_range_clears_only_its_own_measures(
    journey: Journey, clock: FakeClock
) -> None:
    _vitals(journey, HIGH)
    clock.advance(5 * MINUTE)
    _vitals(journey, {"heart_rate": 72})  # a pulse alone does not clear the blood pressure
    assert _standing(journey) == WORDS
    _vitals(journey, {"spo2": 97, "respiratory_rate": 14})
    assert _standing(journey) == [WORDS[0]]
    _vitals(journey, {"systolic": 150, "diastolic": 90})
    assert _standing(journey) == []


def test_a_newer_reading_still_out_of_range_raises_its_own_flag(
    journey: Journey, clock: FakeClock
) -> None:
    seq = _vitals(journey, {"systolic": 182, "diastolic": 112})
    journey.acknowledge_flags(seq, [WORDS[0]])
    assert _standing(journey) == []
    clock.advance(5 * MINUTE)
    newer = _vitals(journey, {"systolic": 190, "diastolic": 100})
    (flag,) = standing_flags(journey.events, journey.protocol.thresholds)
    assert (flag.reading, flag.words) == (newer, "BP 190/100 above 180/110")


def test_acknowledged_flags_stay_acknowledged_after_a_restart(
    journey: Journey, protocol: Protocol, clock: FakeClock
) -> None:
    seq = _vitals(journey, HIGH)
    journey.acknowledge_flags(seq, [WORDS[0]])
    clock.advance(2 * MINUTE)
    restored = Journey.replay(protocol, FakeClock(start=clock.now()), journey.events)
    assert _standing(restored) == WORDS[1:]
    restored.act_as(NURSE)
    restored.acknowledge_flags(seq, WORDS[1:])
    assert _standing(Journey.replay(protocol, clock, restored.events)) == []


def test_a_corrected_reading_is_judged_as_corrected(journey: Journey, clock: FakeClock) -> None:
    typo = _vitals(journey, {"systolic": 128, "diastolic": 82, "spo2": 61})
    assert _standing(journey) == ["SpO2 61 % below 92 %"]

    def correct(values: Mapping[str, float], why: str) -> None:
        clock.advance(MINUTE)
        journey.amend(amendment_data(typo, {"values": dict(values)}, why, "Nurse Ana"))

    correct({"systolic": 128, "diastolic": 82, "spo2": 96}, "typed 61 for 96")
    assert _standing(journey) == []  # corrected into range: gone
    correct({"systolic": 182, "diastolic": 82, "spo2": 96}, "typed 128 for 182")
    assert _standing(journey) == ["BP 182/82 above 180/110"]  # corrected out of range: stands
    journey.acknowledge_flags(typo, ["BP 182/82 above 180/110"])
    assert _standing(journey) == []
    correct({"systolic": 192, "diastolic": 82, "spo2": 96}, "typed 182 for 192")
    assert _standing(journey) == ["BP 192/82 above 180/110"]  # not what was seen: again


def test_a_decision_to_dose_answers_the_high_baseline_it_was_about(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock)
    _vitals(journey, {"systolic": 150, "diastolic": 95, "spo2": 90})
    assert _standing(journey) == ["BP 150/95 above 140/90 before dosing", "SpO2 90 % below 92 %"]
    journey.record_preparation(
        EventKind.DOSING_DECISION, {"reading": "150/95", "reason": "usual for her", "by": "Dr"}
    )
    journey.record_dose(DOSE)
    assert _standing(journey) == ["SpO2 90 % below 92 %"]  # the decision was about the BP


def test_only_a_reading_s_flags_can_be_acknowledged_by_whoever_may_observe(
    journey: Journey,
) -> None:
    seq = _vitals(journey, HIGH)
    with pytest.raises(JourneyError, match="no such reading"):
        journey.acknowledge_flags(0, WORDS)
    with pytest.raises(JourneyError, match="no flag"):
        journey.acknowledge_flags(seq, [])
    journey.act_as(StaffMember(2, "Admin Lee", frozenset({Role.ADMIN})))
    with pytest.raises(NotAllowedError):
        journey.acknowledge_flags(seq, WORDS)
    journey.act_as(NURSE)
    journey.close("ended early for this test")
    with pytest.raises(JourneyError, match="closed"):
        journey.acknowledge_flags(seq, WORDS)
    assert not any(e.kind is EventKind.FLAG_SEEN for e in journey.events)


def test_events_without_readings_raise_no_flag(journey: Journey) -> None:
    odd: JourneyEvent = journey.record_observation(EventKind.VITALS, {"values": "junk"})
    assert odd.kind is EventKind.VITALS
    assert _standing(journey) == []
