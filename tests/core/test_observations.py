"""Vital signs, notes, ratings and amendments: what is refused, what is flagged, what is due."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, Journey, JourneyError
from kapdesk.core.observations import (
    DEFAULT_TAGS,
    MAX_NOTE,
    SCALES,
    amendment_data,
    load_tags,
    note_data,
    note_text,
    rating_data,
)
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.core.protocols import Thresholds
from kapdesk.core.timeline import timeline
from kapdesk.core.vitals import (
    CheckState,
    Reading,
    check_statuses,
    flags,
    parse_reading,
    planned_checks,
)
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR


def test_impossible_values_are_refused_with_the_words_the_nurse_sees() -> None:
    checked = parse_reading({"systolic": "1200", "diastolic": "80", "heart_rate": "7a"})
    assert not checked.ok
    assert checked.errors == (
        "Systolic BP 1200 is not possible: it must be between 40 mmHg and 300 mmHg.",
        "Heart rate: “7a” is not a number.",
    )
    assert parse_reading({"systolic": "120"}).errors == (
        "Blood pressure needs both numbers, systolic and diastolic.",
    )
    assert parse_reading({"systolic": "80", "diastolic": "120"}).errors == (
        "Diastolic must be lower than systolic; check the two numbers.",
    )
    assert parse_reading({}).errors == ("Enter at least one measure.",)


def test_unusual_values_need_confirming_and_usual_ones_do_not() -> None:
    unusual = parse_reading({"heart_rate": "38", "spo2": "97", "temperature": "36,9"})
    assert unusual.ok
    assert unusual.unusual == ("Heart rate 38 /min is unusual.",)
    assert unusual.reading == Reading(heart_rate=38, spo2=97, temperature=36.9)
    assert parse_reading({"systolic": "128", "diastolic": "82"}).unusual == ()


def test_thresholds_flag_in_words_with_baseline_limits_before_the_dose() -> None:
    limits = Thresholds()
    reading = Reading(systolic=184, diastolic=96, heart_rate=124, spo2=91)
    assert flags(reading, limits, dosed=True) == [
        "Systolic BP 184 mmHg is at or above 180 mmHg",
        "Heart rate 124 /min is above 120 /min",
        "SpO2 91% is below 92%",
    ]
    assert flags(Reading(systolic=150, diastolic=92), limits, dosed=False) == [
        "Systolic BP 150 mmHg is at or above 140 mmHg before dosing",
        "Diastolic BP 92 mmHg is at or above 90 mmHg before dosing",
    ]
    assert flags(Reading(systolic=130, diastolic=80, spo2=98), limits, dosed=True) == []


def _iv() -> ProtocolLibrary:
    return ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None)


def test_the_iv_schedule_every_10_min_during_infusion_then_every_15() -> None:
    iv = _iv().get("iv-ketamine")
    assert iv is not None
    checks = planned_checks(iv)
    assert checks[0].when_text() == "before dosing"
    timed = [c.at / 60 for c in checks if c.at is not None]
    assert timed[:6] == [10, 20, 30, 40, 55, 70]
    assert checks[-1].when_text() == "before discharge"


def test_a_due_check_turns_overdue_and_a_reading_satisfies_it() -> None:
    iv = _iv().get("iv-ketamine")
    assert iv is not None
    checks = planned_checks(iv)
    ten = next(i for i, c in enumerate(checks) if c.at == 600)

    def state(now: float, readings: list[float | None]) -> CheckState:
        return check_statuses(checks, now, readings)[ten].state

    assert state(9 * 60, [None]) is CheckState.UPCOMING
    assert state(10 * 60, [None]) is CheckState.DUE
    assert state(12 * 60, [None]) is CheckState.DUE
    overdue = check_statuses(checks, 16 * 60, [None])[ten]
    assert overdue.state is CheckState.OVERDUE
    assert overdue.late_by == 6 * 60
    assert state(16 * 60, [None, 16 * 60]) is CheckState.DONE
    # A reading a little before its time counts; one long before does not.
    assert state(11 * 60, [None, 8.5 * 60]) is CheckState.DONE
    assert state(11 * 60, [None, 4 * 60]) is CheckState.DUE
    baseline = check_statuses(checks, 60, [])[0]
    assert baseline.state is CheckState.OVERDUE  # dosed without a baseline reading
    assert check_statuses(checks, None, [])[0].state is CheckState.DUE


def test_quick_tags_are_clinic_editable(tmp_path: Path) -> None:
    assert load_tags(tmp_path) == DEFAULT_TAGS
    (tmp_path / "quick-tags.txt").write_text(
        "# our tags\nCalm\n  Eyes open  \nCalm\n\nShivering # cold room\n", encoding="utf-8"
    )
    assert load_tags(tmp_path) == ("Calm", "Eyes open", "Shivering")
    (tmp_path / "quick-tags.txt").write_bytes(b"\xff\xfe\x00junk")
    assert load_tags(tmp_path) == DEFAULT_TAGS


def test_notes_ratings_and_amendments_check_their_input() -> None:
    with pytest.raises(ValueError, match="Type a note or pick a tag"):
        note_data("   ", [])
    assert note_data(" eyes closed ", ["Calm", "Calm", ""], by="Robin") == {
        "text": "eyes closed",
        "tags": ["Calm"],
        "by": "Robin",
    }
    assert rating_data("distress", 3)["words"] == "3"
    assert rating_data("responsiveness", 5)["words"] == "Responds readily to name"
    with pytest.raises(ValueError, match="not a value"):
        rating_data("nausea", 11)
    assert len(SCALES["distress"].choices) == 11
    with pytest.raises(ValueError, match="Say why"):
        amendment_data(3, {"text": "x"}, "  ")


def test_an_amendment_keeps_the_original_in_the_timeline(clock: FakeClock) -> None:
    iv = _iv().get("iv-ketamine")
    assert iv is not None
    journey = Journey.open(iv, clock)
    journey.record_dose(Dose(0.5, "mg/kg", "IV", weight_kg=70))
    clock.advance(600)
    reading = journey.record_observation(
        EventKind.VITALS, {"values": {"heart_rate": 170}, "flags": ["Heart rate high"], "by": "A"}
    )
    seq = journey.events.index(reading)
    clock.advance(60)
    journey.amend(amendment_data(seq, {"values": {"heart_rate": 70}, "flags": []}, "typo", "B"))
    entries = timeline(journey.events)
    (vitals,) = [e for e in entries if e.kind is EventKind.VITALS]
    assert vitals.amended
    assert vitals.text == "Vital signs: HR 70 /min"
    assert vitals.flags == ()
    original, correction = vitals.versions
    assert original.text == "Vital signs: HR 170 /min. Flagged: Heart rate high"
    assert (correction.by, correction.reason) == ("B", "typo")
    assert [e.kind for e in entries].count(EventKind.AMENDMENT) == 0
    with pytest.raises(JourneyError, match="only notes, vital signs, ratings and doses"):
        journey.amend(amendment_data(2, {"name": "Peak"}, "wrong phase"))
    journey.close("ended early for this test")
    with pytest.raises(JourneyError, match="closed"):
        journey.record_observation(EventKind.NOTE, note_data("late", []))
    journey.amend(amendment_data(seq, {"values": {"heart_rate": 72}}, "second look", "C"))
    (vitals,) = [e for e in timeline(journey.events) if e.kind is EventKind.VITALS]
    assert len(vitals.versions) == 3  # corrections after close are kept too
    assert vitals.text == "Vital signs: HR 72 /min"


@given(st.text(max_size=20_000), st.lists(st.text(max_size=40), max_size=8))
def test_any_note_text_is_kept_trimmed_or_refused_plainly(text: str, tags: list[str]) -> None:
    refused = ""
    try:
        data = note_data(text, tags, "Sam")
    except ValueError as error:
        refused = str(error)
    if refused:
        assert refused == "Type a note or pick a tag first."
        assert not text.strip()
        return
    assert data["text"] == text.strip()[:MAX_NOTE]  # a huge paste is cut, never refused
    assert all(tag == tag.strip() and tag for tag in data["tags"])
    assert note_text(data)  # it reads as a line of the timeline, whatever was typed
