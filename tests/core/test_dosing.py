"""Doses that make sense: each protocol states its unit, usual range and hard limit; a per-kg
dose needs the weight and records its total in mg; a dose outside the usual range takes a
prescriber's decision with a reason; above the hard limit nothing is recorded; a recorded dose
is corrected by an amendment, the original kept."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.dosing import Verdict, check_dose, range_text
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
from kapdesk.core.protocol_files import ProtocolLibrary, parse_protocol, stand_in_protocol
from kapdesk.core.protocols import LARGEST_DOSE, Protocol, ProtocolError
from kapdesk.core.staff import Role, StaffMember
from kapdesk.core.timeline import timeline
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR

NURSE = StaffMember(2, "Jo Okafor", frozenset({Role.NURSE}))
PRESCRIBER = StaffMember(6, "Dr Sam Reyes", frozenset({Role.PRESCRIBER}))
SITTER = StaffMember(1, "Robin Hale", frozenset({Role.SITTER}))


def bundled(protocol_id: str) -> Protocol:
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get(protocol_id)
    assert protocol is not None
    return protocol


def dose_protocol(dose: str) -> str:
    return f"""
[protocol]
id = "dose-test"
name = "Dose test"
route = "IM"

[dose]
{dose}

[[phases]]
name = "Journey"
minutes = 60
"""


def problems(dose: str) -> list[str]:
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(dose_protocol(dose))
    return [f"{p.field}: {p.message}" for p in caught.value.problems]


# -- the protocol's dose ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("protocol_id", "unit", "usual", "limit"),
    [
        ("iv-ketamine", "mg/kg", (0.5, 0.75), 1.0),
        ("im-ketamine", "mg/kg", (0.5, 1.5), 2.0),
        ("sublingual-ketamine", "mg", (100, 300), 400),
        ("esketamine-intranasal", "mg", (28, 84), 84),
    ],
)
def test_each_bundled_protocol_states_its_dose(
    protocol_id: str, unit: str, usual: tuple[float, float], limit: float
) -> None:
    rules = bundled(protocol_id).dose
    assert (rules.unit, (rules.usual_min, rules.usual_max), rules.hard_limit) == (
        unit,
        usual,
        limit,
    )
    assert rules.per_kg is unit.endswith("/kg")
    text = (BUNDLED_PROTOCOLS_DIR / f"{protocol_id}.toml").read_text(encoding="utf-8")
    assert "# Dose:" in text  # the header says where the numbers come from


def test_a_protocol_that_contradicts_its_own_dose_is_refused_with_each_problem() -> None:
    assert problems("usual_min = 1.0\nusual_max = 0.5\nhard_limit = 2") == [
        "dose.usual_max: must be at least usual_min (1 mg)"
    ]
    assert problems('unit = "mg/kg"\nusual_min = 0.5\nusual_max = 1.5\nhard_limit = 1') == [
        "dose.hard_limit: must be at least usual_max (1.5 mg/kg)"
    ]
    assert problems("amount = 120\nusual_min = 56\nusual_max = 84\nhard_limit = 84") == [
        "dose.amount: must be within the usual range, 56 to 84 mg"
    ]
    assert problems("amount = 90\nhard_limit = 84") == [
        "dose.amount: must be at most the hard limit (84 mg)"
    ]
    assert problems("usual_min = 56") == [
        "dose.usual_min: needs usual_max too: the usual range has two ends"
    ]
    assert problems("hard_limit = 0") == [
        "dose.hard_limit: must be a number above 0 and at most 10000"
    ]


def test_a_clinic_protocol_without_a_range_still_loads_and_asks_nothing() -> None:
    rules = parse_protocol(dose_protocol('unit = "mg"')).dose
    assert (rules.usual_min, rules.usual_max, rules.hard_limit) == (None, None, None)
    assert rules.limit == LARGEST_DOSE
    assert check_dose(rules, 5000).verdict is Verdict.FINE
    assert check_dose(rules, LARGEST_DOSE + 1).verdict is Verdict.REFUSED
    assert range_text(rules) == ""
    assert range_text(bundled("iv-ketamine").dose) == "usual 0.5–0.75 mg/kg, limit 1 mg/kg"


# -- the verdict on a proposed dose -------------------------------------------------------------


def test_the_verdict_says_in_words_why_a_dose_is_asked_about_or_refused() -> None:
    esketamine = bundled("esketamine-intranasal").dose
    iv = bundled("iv-ketamine").dose
    assert check_dose(esketamine, 56) == check_dose(esketamine, 56, given=0.0)
    assert check_dose(esketamine, 56).verdict is Verdict.FINE
    assert check_dose(esketamine, 14).why == "14 mg is below the usual 28–84 mg"
    assert check_dose(esketamine, 28).verdict is Verdict.FINE  # one device, noted as used
    assert check_dose(esketamine, 120).verdict is Verdict.REFUSED
    assert check_dose(esketamine, 120).why == (
        "120 mg in this session would pass the protocol's hard limit of 84 mg"
    )
    assert check_dose(esketamine, 28, given=84).verdict is Verdict.REFUSED
    assert check_dose(esketamine, 28, given=28).verdict is Verdict.FINE  # 56 in all
    high = check_dose(iv, 0.9, 70)
    assert (high.verdict, high.why) == (
        Verdict.DECIDE,
        "0.9 mg/kg is above the usual 0.5–0.75 mg/kg",
    )
    assert high.total_mg == pytest.approx(63)
    more = check_dose(iv, 0.3, 70, given=0.5)
    assert more.why == (
        "0.3 mg/kg more makes 0.8 mg/kg in this session, which is above the usual 0.5–0.75 mg/kg"
    )
    assert check_dose(iv, 0.5, given=0.5).verdict is Verdict.REFUSED  # no weight
    assert check_dose(iv, 0.5, 70, given=0.5).verdict is Verdict.DECIDE  # 1.0 is the limit
    assert check_dose(iv, 0.1, 70, given=0.2 + 0.7).verdict is Verdict.DECIDE  # 1.0, not 1.0000001
    assert check_dose(iv, 0.5, 70, unit="mg").why == (
        "this protocol doses in mg/kg; a dose in mg cannot be recorded"
    )
    assert check_dose(iv, 0.5, None).why == "a dose in mg/kg needs the patient's weight in kg"
    assert "20 to 300 kg" in check_dose(iv, 0.5, 7).why
    assert check_dose(iv, 0).why == "a dose needs an amount above zero"


# -- recording doses ----------------------------------------------------------------------------


def test_a_per_kg_dose_records_the_weight_and_the_total_in_mg(clock: FakeClock) -> None:
    journey = Journey.open(bundled("iv-ketamine"), clock, actor=NURSE)
    event = journey.record_dose(Dose(0.5, "mg/kg", "IV", lot_number="K-1", weight_kg=70))
    assert (event.data["weight_kg"], event.data["total_mg"], event.data["by"]) == (
        70,
        35,
        "Jo Okafor",
    )
    assert "outside_usual" not in event.data
    assert event_text(event) == "Dose: 0.5 mg/kg IV (70 kg, 35 mg total), lot K-1"
    assert journey.doses[0][1].describe() == "0.5 mg/kg IV (70 kg, 35 mg total), lot K-1"
    assert journey.last_weight() == 70


def test_a_per_kg_dose_without_a_weight_or_in_another_unit_is_never_recorded(
    clock: FakeClock,
) -> None:
    journey = Journey.open(bundled("iv-ketamine"), clock, actor=NURSE)
    heard: list[JourneyEvent] = []
    journey.subscribe(heard.append)
    with pytest.raises(JourneyError, match="needs the patient's weight"):
        journey.record_dose(Dose(0.5, "mg/kg", "IV"))
    with pytest.raises(JourneyError, match="weight of 700 kg"):
        journey.record_dose(Dose(0.5, "mg/kg", "IV", weight_kg=700))
    with pytest.raises(JourneyError, match="this protocol doses in mg/kg; a dose in mg"):
        journey.record_dose(Dose(35, "mg", "IV", weight_kg=70))
    assert heard == []
    assert not journey.dosed


def test_the_im_dose_of_5000_mg_is_refused_with_why(clock: FakeClock) -> None:
    journey = Journey.open(bundled("im-ketamine"), clock, actor=PRESCRIBER)
    with pytest.raises(JourneyError, match="doses in mg/kg"):
        journey.record_dose(Dose(5000, "mg", "IM"))
    with pytest.raises(JourneyError) as refused:
        journey.record_dose(Dose(5000 / 70, "mg/kg", "IM", weight_kg=70), "as ordered")
    assert "pass the protocol's hard limit of 2 mg/kg" in str(refused.value)
    assert not journey.dosed


def test_the_hard_limit_holds_for_the_session_total(clock: FakeClock) -> None:
    journey = Journey.open(bundled("esketamine-intranasal"), clock, actor=PRESCRIBER)
    journey.record_dose(Dose(56, "mg", "intranasal"))
    clock.advance(300)
    journey.record_dose(Dose(28, "mg", "intranasal"))  # 84 in all: the label's most
    clock.advance(300)
    with pytest.raises(JourneyError) as refused:
        journey.record_dose(Dose(28, "mg", "intranasal"), "the patient asked")
    assert str(refused.value) == (
        "112 mg in this session would pass the protocol's hard limit of 84 mg"
    )
    assert [d.amount for _, d in journey.doses] == [56, 28]
    assert journey.dose_given() == 84


def test_a_dose_outside_the_usual_range_takes_a_prescribers_decision_with_a_reason(
    clock: FakeClock,
) -> None:
    journey = Journey.open(bundled("iv-ketamine"), clock, actor=NURSE)
    high = Dose(0.9, "mg/kg", "IV", weight_kg=80)
    with pytest.raises(NotAllowedError) as refused:
        journey.record_dose(high, "partial response last time")
    assert str(refused.value) == (
        "A dose outside the usual range takes a prescriber's decision; Jo Okafor is a nurse"
    )
    assert journey.range_refusal() == str(refused.value)
    journey.act_as(PRESCRIBER)
    assert journey.range_refusal() is None
    with pytest.raises(JourneyError, match=r"above the usual 0\.5–0\.75 mg/kg: say why"):
        journey.record_dose(high)
    assert not journey.dosed
    event = journey.record_dose(high, "  partial response   last time ")
    assert event.data["outside_usual"] == "0.9 mg/kg is above the usual 0.5–0.75 mg/kg"
    assert event.data["decision_reason"] == "partial response last time"
    assert event.data["by"] == "Dr Sam Reyes"
    assert event.data["total_mg"] == pytest.approx(72)
    assert "Outside the usual range: 0.9 mg/kg is above" in event_text(event)
    assert "given because: partial response last time" in event_text(event)


def test_a_dose_in_range_needs_no_decision_from_a_nurse(clock: FakeClock) -> None:
    journey = Journey.open(bundled("iv-ketamine"), clock, actor=NURSE)
    journey.record_dose(Dose(0.5, "mg/kg", "IV", weight_kg=70))
    assert journey.dosed


# -- correcting a dose --------------------------------------------------------------------------


def test_a_dose_is_corrected_by_an_amendment_the_original_kept(clock: FakeClock) -> None:
    journey = Journey.open(bundled("iv-ketamine"), clock, actor=NURSE)
    event = journey.record_dose(Dose(0.5, "mg/kg", "IV", lot_number="K-1", weight_kg=70))
    seq = journey.events.index(event)
    clock.advance(600)
    journey.amend(amendment_data(seq, {"weight_kg": 72, "lot_number": "K-2"}, "weighed again", "x"))
    (_, dose) = journey.doses[0]
    assert (dose.amount, dose.weight_kg, dose.total_mg, dose.lot_number) == (0.5, 72, 36, "K-2")
    assert journey.events[seq].data["weight_kg"] == 70  # the original is untouched
    entry = next(e for e in timeline(journey.events) if e.kind is EventKind.DOSE)
    assert entry.amended
    original, correction = entry.versions
    assert original.text == "Dose: 0.5 mg/kg IV (70 kg, 35 mg total), lot K-1"
    assert correction.text == "Dose: 0.5 mg/kg IV (72 kg, 36 mg total), lot K-2"
    assert (correction.by, correction.reason) == ("Jo Okafor", "weighed again")
    assert journey.last_weight() == 72

    replayed = Journey.replay(journey.protocol, clock, journey.events)
    assert replayed.doses == journey.doses


def test_totals_use_the_corrected_dose_and_a_correction_cannot_pass_the_limit(
    clock: FakeClock,
) -> None:
    journey = Journey.open(bundled("esketamine-intranasal"), clock, actor=NURSE)
    first = journey.record_dose(Dose(56, "mg", "intranasal"))
    seq = journey.events.index(first)
    with pytest.raises(JourneyError, match="112 mg in this session would pass"):
        journey.record_dose(Dose(56, "mg", "intranasal"))
    journey.act_as(PRESCRIBER)
    journey.amend(amendment_data(seq, {"amount": 28}, "one device, not two", ""))
    assert journey.dose_given() == 28  # the corrected amount counts, not the original
    journey.act_as(NURSE)
    journey.record_dose(Dose(56, "mg", "intranasal"))  # 84 in all now
    with pytest.raises(JourneyError, match="112 mg in this session would pass"):
        journey.amend(amendment_data(seq, {"amount": 56}, "it was two after all", ""))
    assert journey.dose_given() == 84
    assert [d.amount for _, d in journey.doses] == [28, 56]


def test_correcting_a_dose_takes_someone_who_may_dose_and_a_reason(clock: FakeClock) -> None:
    journey = Journey.open(bundled("iv-ketamine"), clock, actor=NURSE)
    seq = journey.events.index(journey.record_dose(Dose(0.5, "mg/kg", "IV", weight_kg=70)))
    journey.act_as(SITTER)
    with pytest.raises(NotAllowedError, match="Recording a dose takes"):
        journey.amend(amendment_data(seq, {"lot_number": "K-9"}, "typo", ""))
    journey.act_as(NURSE)
    with pytest.raises(JourneyError, match="say why"):
        journey.amend({"amends": seq, "data": {"lot_number": "K-9"}, "reason": " ", "by": ""})
    with pytest.raises(NotAllowedError, match="takes a prescriber's decision"):
        journey.amend(amendment_data(seq, {"amount": 0.9}, "typed 0.5 for 0.9", ""))
    with pytest.raises(JourneyError, match="its unit cannot be corrected"):
        journey.amend(amendment_data(seq, {"amount": 35, "unit": "mg"}, "it was mg", ""))
    with pytest.raises(JourneyError, match="needs the patient's weight"):
        journey.amend(amendment_data(seq, {"weight_kg": None}, "no weight", ""))
    assert journey.of_kind(EventKind.AMENDMENT) == []
    journey.act_as(PRESCRIBER)
    journey.amend(amendment_data(seq, {"amount": 0.9}, "typed 0.5 for 0.9", ""))
    corrected = journey.corrected(seq)
    assert corrected["outside_usual"] == "0.9 mg/kg is above the usual 0.5–0.75 mg/kg"
    assert corrected["decision_reason"] == "typed 0.5 for 0.9"
    assert corrected["total_mg"] == pytest.approx(63)


def test_dose_events_written_before_weights_still_replay(clock: FakeClock) -> None:
    protocol = bundled("iv-ketamine")
    start = clock.now()
    events = [
        JourneyEvent(EventKind.OPENED, start, None, None, {"protocol_id": "iv-ketamine"}),
        JourneyEvent(
            EventKind.DOSE,
            start + timedelta(seconds=5),
            0.0,
            None,
            {"amount": 35, "unit": "mg", "route": "IV", "lot_number": "OLD", "first": True},
        ),
        JourneyEvent(
            EventKind.DOSE,
            start + timedelta(seconds=9),
            4.0,
            None,
            {"amount": 0.5, "unit": "mg/kg", "route": "IV", "first": False},
        ),
    ]
    journey = Journey.replay(protocol, clock, events)
    assert journey.dosed
    assert [d.describe() for _, d in journey.doses] == [
        "35 mg IV, lot OLD",
        "0.5 mg/kg IV (no weight)",
    ]
    assert event_text(events[1]) == "Dose: 35 mg IV, lot OLD"
    assert journey.dose_given() == 0.5  # the old dose in mg does not count as mg/kg


def test_a_new_weight_alone_asks_no_decision_and_keeps_what_was_decided(
    clock: FakeClock,
) -> None:
    journey = Journey.open(bundled("iv-ketamine"), clock, actor=PRESCRIBER)
    seq = journey.events.index(journey.record_dose(Dose(0.5, "mg/kg", "IV", weight_kg=70)))
    journey.record_dose(Dose(0.3, "mg/kg", "IV", weight_kg=70), "partial response")
    journey.act_as(NURSE)
    journey.amend(amendment_data(seq, {"weight_kg": 74}, "weighed again", ""))
    corrected = journey.corrected(seq)
    assert (corrected["total_mg"], corrected.get("outside_usual")) == (37, None)


def test_a_session_under_a_stand_in_protocol_goes_on_dosing_in_its_own_unit(
    clock: FakeClock,
) -> None:
    snapshot = dose_protocol('unit = "mg/kg"\nusual_min = 5\nusual_max = 1')  # cannot be used
    with pytest.raises(ProtocolError):
        parse_protocol(snapshot)
    stand_in = stand_in_protocol(snapshot, "its usual range is upside down")
    assert (stand_in.dose.unit, stand_in.dose.usual_min, stand_in.dose.limit) == (
        "mg/kg",
        None,
        LARGEST_DOSE,
    )
    journey = Journey.open(stand_in, clock)
    journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    assert journey.doses[0][1].total_mg == pytest.approx(52.5)
