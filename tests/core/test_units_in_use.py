"""The clinic's units where values are typed and read: a temperature typed in °F is kept in °C
and judged against the same thresholds; a weight typed in pounds is kept in kg and doses the
same; what staff read is in their unit, what the record keeps is not."""

from __future__ import annotations

import pytest

from kapdesk.core.board import room_card
from kapdesk.core.clock import FakeClock
from kapdesk.core.dosing import check_dose, weight_kept, weight_problem, weight_text
from kapdesk.core.journey import Dose, EventKind, Journey
from kapdesk.core.protocols import DoseDefaults, Measure, Protocol, Thresholds
from kapdesk.core.staff import Role, StaffMember
from kapdesk.core.standing_flags import standing_flags
from kapdesk.core.timeline import timeline
from kapdesk.core.units import Temperature, Units, Weight
from kapdesk.core.vitals import Reading, flags, measure_flags, parse_reading, shown_flag

US = Units(Temperature.FAHRENHEIT, Weight.LB)
METRIC = Units()
LIMITS = Thresholds()  # temperature_max 38.0 °C
NURSE = StaffMember(1, "Nurse Ana", frozenset({Role.NURSE}))


def test_a_temperature_typed_in_fahrenheit_is_kept_in_celsius() -> None:
    assert parse_reading({"temperature": "98.6"}, US).reading.temperature == 37.0
    assert parse_reading({"temperature": "100,4"}, US).reading.temperature == 38.0
    assert parse_reading({"temperature": "37.0"}, METRIC).reading.temperature == 37.0
    assert parse_reading({"temperature": "98.6"}).ok is False  # 98.6 °C is no one's


def test_limits_are_said_in_the_unit_the_clinic_typed_in() -> None:
    refused = parse_reading({"temperature": "120"}, US)
    assert refused.errors == (
        "Temperature 120 is not possible: it must be between 86.0 °F and 109.4 °F.",
    )
    assert parse_reading({"temperature": "37"}, US).errors  # a °C value in a °F clinic
    unusual = parse_reading({"temperature": "103.5"}, US)
    assert unusual.ok
    assert unusual.unusual == ("Temperature 103.5 °F is unusual.",)


@pytest.mark.parametrize(
    ("fahrenheit", "celsius", "flagged"),
    [("100.4", "38.0", False), ("100.5", "38.1", True), ("99.0", "37.2", False)],
)
def test_thresholds_fire_at_the_same_temperature_in_either_unit(
    fahrenheit: str, celsius: str, flagged: bool
) -> None:
    typed_f = parse_reading({"temperature": fahrenheit}, US).reading
    typed_c = parse_reading({"temperature": celsius}, METRIC).reading
    assert bool(flags(typed_f, LIMITS, dosed=True)) is flagged
    assert bool(flags(typed_c, LIMITS, dosed=True)) is flagged
    assert (Measure.TEMPERATURE in measure_flags(typed_f, LIMITS, dosed=True, units=US)) is flagged


def test_flags_are_kept_in_celsius_and_shown_in_the_clinics_unit() -> None:
    reading = parse_reading({"temperature": "101.3"}, US).reading
    kept = flags(reading, LIMITS, dosed=True)
    assert kept == ["Temperature 38.5 °C is above 38.0 °C"]
    assert flags(reading, LIMITS, dosed=True, units=US) == [
        "Temperature 101.3 °F is above 100.4 °F"
    ]
    assert shown_flag(kept[0], reading, US) == "Temperature 101.3 °F is above 100.4 °F"
    assert shown_flag(kept[0], reading, METRIC) == kept[0]
    assert shown_flag("SpO2 90% is below 92%", reading, US) == "SpO2 90% is below 92%"
    words = measure_flags(reading, LIMITS, dosed=False, units=US)[Measure.TEMPERATURE]
    assert words == "T 101.3 °F above 100.4 °F"
    assert Reading(temperature=37.0).text(US) == "T 98.6 °F"


def test_a_dose_from_pounds_is_the_dose_from_the_same_kilograms() -> None:
    rules = DoseDefaults(amount=0.5, unit="mg/kg", usual_min=0.1, usual_max=1.0)
    kept = weight_kept(154, US)
    assert kept == 69.85
    from_pounds = check_dose(rules, 0.5, kept, units=US)
    from_kilograms = check_dose(rules, 0.5, 69.85)
    assert from_pounds.total_mg == from_kilograms.total_mg == 34.925
    assert weight_text(kept, US) == "154 lb"
    assert weight_text(kept) == "69.85 kg"
    assert weight_problem(None, "mg/kg", US) == "a dose in mg/kg needs the patient's weight in lb"
    assert weight_problem(500, "mg/kg", US) == (
        "a weight of 1102.3 lb is not one kapdesk can dose by; it takes 44.1 to 661.4 lb"
    )


def test_the_timeline_says_the_clinics_units_and_keeps_the_records(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock, actor=NURSE)
    journey.record_dose(Dose(0.5, "mg/kg", "IM", given_by="Nurse Ana", weight_kg=69.85))
    reading = parse_reading({"temperature": "101.3", "heart_rate": "80"}, US).reading
    raised = flags(reading, journey.protocol.thresholds, dosed=True)
    journey.record_observation(EventKind.VITALS, {"values": reading.values(), "flags": raised})
    kept = [e.text for e in timeline(journey.events)]
    said = [e.text for e in timeline(journey.events, US)]
    assert any("(69.85 kg, 34.925 mg total)" in text for text in kept)
    assert any("(154 lb, 34.925 mg total)" in text for text in said)
    assert kept[-1] == (
        "Vital signs: HR 80 /min, T 38.5 °C. Flagged: Temperature 38.5 °C is above 38.0 °C"
    )
    assert said[-1] == (
        "Vital signs: HR 80 /min, T 101.3 °F. Flagged: Temperature 101.3 °F is above 100.4 °F"
    )
    assert timeline(journey.events, US)[-1].data == timeline(journey.events)[-1].data
    standing = standing_flags(journey.events, journey.protocol.thresholds, US)
    assert [f.words for f in standing] == ["T 101.3 °F above 100.4 °F"]


def test_the_board_reads_the_clinics_units(protocol: Protocol, clock: FakeClock) -> None:
    journey = Journey.open(protocol, clock, actor=NURSE)
    reading = parse_reading({"temperature": "101.3"}, US).reading
    raised = flags(reading, journey.protocol.thresholds, dosed=False)
    journey.record_observation(EventKind.VITALS, {"values": reading.values(), "flags": raised})
    card = room_card("Room 1", 1, "P-1", journey, clock.now(), units=US)
    assert card.last_vitals.startswith("T 101.3 °F (")
    assert card.flags[0].startswith("T 101.3 °F above 100.4 °F (")


def test_a_flag_seen_on_one_pc_is_seen_on_another_whatever_its_units(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock, actor=NURSE)
    reading = parse_reading({"temperature": "101.3"}, US).reading
    raised = flags(reading, journey.protocol.thresholds, dosed=False)
    journey.record_observation(EventKind.VITALS, {"values": reading.values(), "flags": raised})
    (shown,) = standing_flags(journey.events, journey.protocol.thresholds, US)
    assert (shown.words, shown.seen_words) == (
        "T 101.3 °F above 100.4 °F",
        "T 38.5 °C above 38.0 °C",
    )
    journey.acknowledge_flags(shown.reading, [shown.seen_words])
    assert standing_flags(journey.events, journey.protocol.thresholds, US) == ()
    assert standing_flags(journey.events, journey.protocol.thresholds) == ()
