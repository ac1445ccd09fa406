"""Preparation: the high-baseline gate on dosing, the checklist, the intention, the pacer."""

from __future__ import annotations

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, Journey, JourneyError, event_text
from kapdesk.core.observations import amendment_data
from kapdesk.core.preparation import (
    BREATH_PATTERNS,
    Breath,
    BreathPattern,
    breathwork_data,
    checklist_data,
    decision_data,
    intention_data,
    pace,
    pattern_named,
    preparation_of,
)
from kapdesk.core.protocol_files import parse_protocol
from kapdesk.core.protocols import BASELINE_STEP, DEFAULT_CHECKLIST, Protocol, ProtocolError

DOSE = Dose(56, "mg", "intranasal")


def _vitals(journey: Journey, systolic: float, diastolic: float) -> int:
    values = {"systolic": systolic, "diastolic": diastolic, "heart_rate": 72}
    journey.record_observation(EventKind.VITALS, {"values": values, "flags": [], "by": "Nurse"})
    return len(journey.events) - 1


def test_a_high_baseline_blocks_dosing_until_a_decision_with_a_reason_is_recorded(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    _vitals(journey, 152, 88)
    concern = journey.baseline_concern()
    assert concern == "Baseline blood pressure 152/88 is above the protocol's 140/90"
    with pytest.raises(JourneyError, match="record the decision to dose, with its reason"):
        journey.record_dose(DOSE)
    assert journey.doses == []

    with pytest.raises(JourneyError, match="say why"):
        journey.record_preparation(EventKind.DOSING_DECISION, decision_data(journey, "   "))
    data = decision_data(journey, "Rechecked after 10 min rest; usual for him", "Dr Reyes")
    journey.record_preparation(EventKind.DOSING_DECISION, data)
    assert journey.baseline_concern() is None
    journey.record_dose(DOSE)
    assert journey.dosed
    texts = [event_text(e) for e in journey.events]
    assert (
        "Decision to dose with baseline blood pressure BP 152/88 mmHg, HR 72 /min: "
        "Rechecked after 10 min rest; usual for him (Dr Reyes)"
    ) in texts


def test_a_new_high_reading_after_the_decision_asks_again_and_a_normal_one_clears_it(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    _vitals(journey, 150, 95)
    journey.record_preparation(EventKind.DOSING_DECISION, decision_data(journey, "Anxious"))
    _vitals(journey, 160, 100)
    assert journey.baseline_concern() == (
        "Baseline blood pressure 160/100 is above the protocol's 140/90"
    )
    _vitals(journey, 132, 84)
    assert journey.baseline_concern() is None
    journey.record_dose(DOSE)


def test_only_the_diastolic_above_its_limit_is_enough_and_the_limit_itself_is_not(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    _vitals(journey, 140, 90)  # at the limits: not above them
    assert journey.baseline_concern() is None
    _vitals(journey, 128, 94)
    assert journey.baseline_concern() is not None


def test_correcting_the_baseline_counts_the_corrected_values(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    seq = _vitals(journey, 182, 88)  # typed 182 for 128
    assert journey.baseline_concern() is not None
    corrected = {"values": {"systolic": 128, "diastolic": 88, "heart_rate": 72}, "flags": []}
    journey.amend(amendment_data(seq, corrected, "typed 182 for 128", "Nurse"))
    assert journey.baseline_concern() is None
    journey.record_dose(DOSE)

    # A correction that makes a reading high after a decision needs a new decision.
    other = Journey.open(esketamine, clock)
    seq = _vitals(other, 150, 80)
    other.record_preparation(EventKind.DOSING_DECISION, decision_data(other, "Agreed"))
    worse = {"values": {"systolic": 170, "diastolic": 80}, "flags": []}
    other.amend(amendment_data(seq, worse, "misread", "Nurse"))
    assert other.baseline_concern() is not None


def test_no_baseline_no_gate_and_no_decision_after_dosing(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    assert journey.baseline_concern() is None
    journey.record_dose(DOSE)
    _vitals(journey, 190, 110)  # during the journey: the flags speak, not the gate
    assert journey.baseline_concern() is None
    with pytest.raises(JourneyError, match="already"):
        journey.record_preparation(EventKind.DOSING_DECISION, {"reason": "late"})


def test_the_checklist_intention_and_breathwork_are_read_back_from_the_events(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    items = {item.id: item for item in esketamine.checklist}
    assert list(items)[:2] == ["rems", "consent"]
    prepared = preparation_of(journey)
    assert [t.done for t in prepared.steps] == [False] * len(items)
    assert prepared.missing == esketamine.checklist

    journey.record_preparation(EventKind.INTENTION, intention_data(" To be kinder to me ", "Ana"))
    journey.record_preparation(EventKind.CHECKLIST, checklist_data(items["consent"], True, "Lee"))
    journey.record_preparation(EventKind.CHECKLIST, checklist_data(items["rems"], True, "Lee"))
    journey.record_preparation(EventKind.CHECKLIST, checklist_data(items["rems"], False, "Lee"))
    box = pattern_named(BREATH_PATTERNS, "box")
    journey.record_preparation(EventKind.BREATHWORK, breathwork_data(box, 95.0, "Ana"))
    journey.record_preparation(EventKind.BREATHWORK, breathwork_data(box, 65.0, "Ana"))

    prepared = preparation_of(journey)
    assert prepared.intention == "To be kinder to me"
    assert prepared.intention_by == "Ana"
    done = {t.item.id: (t.done, t.by) for t in prepared.steps}
    assert done["consent"] == (True, "Lee")
    assert done["rems"] == (False, "Lee")  # unticked again
    assert [i.id for i in prepared.missing] == [
        "rems",
        "fasting",
        "medications",
        "ride-home",
        "baseline-vitals",
    ]
    assert prepared.breathwork_seconds == 160.0
    assert "Checklist: Informed consent signed for this session: done (Lee)" in [
        event_text(e) for e in journey.events
    ]
    # Ticks are no gate: dosing with steps missing is allowed (the screen asks about them).
    journey.record_dose(DOSE)


def test_a_recorded_baseline_ticks_its_checklist_step(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)

    def baseline_step() -> tuple[bool, str]:
        ticks = {t.item.id: (t.done, t.by) for t in preparation_of(journey).steps}
        return ticks[BASELINE_STEP]

    assert baseline_step() == (False, "")
    values = {"heart_rate": 72, "spo2": 98}  # no blood pressure: not a baseline
    journey.record_observation(EventKind.VITALS, {"values": values, "flags": [], "by": "Nurse"})
    assert baseline_step() == (False, "")
    _vitals(journey, 128, 82)
    assert baseline_step() == (True, "Nurse")  # taken by the nurse who took the reading
    assert BASELINE_STEP not in [item.id for item in preparation_of(journey).missing]
    step = next(item for item in esketamine.checklist if item.id == BASELINE_STEP)
    journey.record_preparation(EventKind.CHECKLIST, checklist_data(step, True, "Lee"))
    assert baseline_step() == (True, "Lee")  # ticked by hand too: the tick's author stands
    journey.record_dose(DOSE)
    _vitals(journey, 130, 80)  # during the journey: not a baseline, changes nothing
    assert baseline_step() == (True, "Lee")


def test_a_journey_without_a_baseline_leaves_its_step_to_staff(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    journey.record_dose(DOSE)
    _vitals(journey, 130, 80)  # after dosing: no baseline
    ticks = {t.item.id: t.done for t in preparation_of(journey).steps}
    assert ticks[BASELINE_STEP] is False


def test_a_protocol_without_a_checklist_gets_the_default_and_a_bad_one_is_located() -> None:
    text = '[protocol]\nid = "x"\nname = "X"\nroute = "IM"\n\n[[phases]]\nname = "A"\nminutes = 5\n'
    assert parse_protocol(text).checklist == DEFAULT_CHECKLIST
    bad = (
        text
        + '\n[[preparation.checklist]]\nid = "Ride Home"\ntext = ""\n'
        + '\n[[preparation.checklist]]\nid = "consent"\ntext = "Consent"\nrequired = "yes"\n'
        + '\n[[preparation.checklist]]\nid = "consent"\ntext = "Again"\n'
    )
    with pytest.raises(ProtocolError) as raised:
        parse_protocol(bad, "clinic.toml")
    problems = [str(p) for p in raised.value.problems]
    assert problems == [
        'line 11, preparation.checklist[0].id: must be a slug like "ride-home"; "Ride Home" is not',
        "line 12, preparation.checklist[0].text: must not be empty",
        "line 17, preparation.checklist[1].required: must be true or false, not text",
        'line 20, preparation.checklist[2].id: "consent" is already the id of another step',
    ]
    optional = text + '\n[[preparation.checklist]]\nid = "tea"\ntext = "Tea"\nrequired = false\n'
    (step,) = parse_protocol(optional).checklist
    assert not step.required


@pytest.mark.parametrize("pattern", BREATH_PATTERNS, ids=lambda p: p.id)
def test_the_pacer_grows_breathing_in_holds_full_shrinks_breathing_out_and_rests(
    pattern: BreathPattern,
) -> None:
    start = 0.0
    for breath, length in pattern.steps:
        begin, middle, end = (pace(pattern, start + f * length) for f in (0.0, 0.5, 0.999))
        assert begin.breath is middle.breath is end.breath is breath
        assert middle.progress == pytest.approx(0.5)
        assert middle.seconds_left == pytest.approx(length / 2)
        if breath is Breath.IN:
            assert begin.size == pytest.approx(0.0)
            assert middle.size == pytest.approx(0.5)
            assert end.size == pytest.approx(1.0, abs=1e-4)
        elif breath is Breath.OUT:
            assert begin.size == pytest.approx(1.0)
            assert end.size == pytest.approx(0.0, abs=1e-4)
        else:
            assert begin.size == end.size == (1.0 if breath is Breath.HOLD_FULL else 0.0)
        start += length
    again = pace(pattern, pattern.cycle_seconds * 3 + 0.1)
    assert again.cycles == 3
    assert again.breath is pattern.steps[0][0]


def test_the_4_7_8_pattern_is_19_seconds_and_says_what_to_do() -> None:
    pattern = pattern_named(BREATH_PATTERNS, "4-7-8")
    assert pattern.cycle_seconds == 19
    assert [pace(pattern, t).words for t in (1, 5, 12)] == ["Breathe in", "Hold", "Breathe out"]
    assert pattern_named(BREATH_PATTERNS, "nonsense").id == "box"


def test_a_later_reading_without_blood_pressure_does_not_hide_a_high_baseline(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    _vitals(journey, 175, 105)
    pulse_only = {"values": {"heart_rate": 80, "spo2": 98}, "flags": [], "by": "Nurse"}
    journey.record_observation(EventKind.VITALS, pulse_only)
    assert journey.baseline_concern() == (
        "Baseline blood pressure 175/105 is above the protocol's 140/90"
    )
    with pytest.raises(JourneyError):
        journey.record_dose(DOSE)
