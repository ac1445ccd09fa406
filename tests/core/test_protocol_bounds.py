"""Every number in a protocol within clinical bounds; schedules bounded whatever a protocol
says; a protocol that cannot be used replaced by a stand-in that keeps the session going."""

from __future__ import annotations

import dataclasses
import math
import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kapdesk.core.clinic import MOST_BREATH_STEPS, ClinicError, parse_clinic
from kapdesk.core.clock import FakeClock
from kapdesk.core.discharge import discharge_of
from kapdesk.core.journey import Dose, EventKind, Journey, JourneyEvent
from kapdesk.core.protocol_files import parse_protocol, stand_in_protocol
from kapdesk.core.protocols import (
    EVERY_MINUTES,
    LONGEST_SESSION_MINUTES,
    MOST_PHASES,
    PHASE_MINUTES,
    Advance,
    Phase,
    Protocol,
    ProtocolError,
    VitalsCheck,
    VitalsInterval,
    VitalsSchedule,
)
from kapdesk.core.room import RoomSettingsError, parse_room_settings
from kapdesk.core.vitals import planned_checks

# Every number of a protocol file: (the line that carries it, as a template).
BASE = """\
[protocol]
id = "bounds"
name = "Bounds"
route = "IM"
advance = "timed"
monitoring_minutes = {monitoring_minutes}

[dose]
amount = {amount}
unit = "mg/kg"
over_minutes = {over_minutes}
usual_min = {usual_min}
usual_max = {usual_max}
hard_limit = {hard_limit}

[[phases]]
name = "Onset"
minutes = {minutes}

[[phases]]
name = "Return"
minutes = 20

[[vitals.intervals]]
every_minutes = {every_minutes}
from_minute = {from_minute}
until_minute = {until_minute}

[[vitals.checks]]
at_minute = {at_minute}

[discharge]
ready_score = {ready_score}
"""
GOOD = {
    "monitoring_minutes": "90",
    "amount": "0.75",
    "usual_min": "0.5",
    "usual_max": "1.5",
    "hard_limit": "2.0",
    "over_minutes": "40",
    "minutes": "40",
    "every_minutes": "15",
    "from_minute": "0",
    "until_minute": "60",
    "at_minute": "40",
    "ready_score": "10",
}
FIELDS = {
    "monitoring_minutes": "protocol.monitoring_minutes",
    "amount": "dose.amount",
    "usual_min": "dose.usual_min",
    "usual_max": "dose.usual_max",
    "hard_limit": "dose.hard_limit",
    "over_minutes": "dose.over_minutes",
    "minutes": "phases[0].minutes",
    "every_minutes": "vitals.intervals[0].every_minutes",
    "from_minute": "vitals.intervals[0].from_minute",
    "until_minute": "vitals.intervals[0].until_minute",
    "at_minute": "vitals.checks[0].at_minute",
    "ready_score": "discharge.ready_score",
}


def _text(**numbers: str) -> str:
    return BASE.format(**{**GOOD, **numbers})


def _problems(text: str) -> list[str]:
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(text)
    return [f"{p.field}: {p.message}" for p in caught.value.problems]


def test_the_base_protocol_is_good() -> None:
    protocol = parse_protocol(_text())
    assert protocol.phases[0].minutes == 40


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("every_minutes", "1e-9", "from 1 to 240"),  # the issue's hang
        ("minutes", "99999999999999999999", "from 1 to 480"),  # the issue's hang
        ("minutes", "0.01", "from 1 to 480"),
        ("monitoring_minutes", "100000", "from 0 to 720"),
        ("every_minutes", "100000", "from 1 to 240"),
        ("from_minute", "1e300", "from 0 to 720"),
        ("until_minute", "99999999999999999999", "from 0 to 720"),
        ("at_minute", "5000", "from 0 to 720"),
        ("over_minutes", "1e9", "from 1 to 240"),
        ("amount", "1e12", "at most 10000"),
        ("amount", "0", "above 0"),
        ("usual_min", "0", "above 0"),
        ("usual_min", "-0.5", "above 0"),
        ("usual_max", "inf", "at most 10000"),
        ("hard_limit", "1e12", "at most 10000"),
        ("hard_limit", "nan", "at most 10000"),
        ("ready_score", "10.5", "whole number"),
        ("ready_score", "99999999999999999999", "from 1 to 12"),
        ("every_minutes", "nan", "from 1 to 240"),
        ("minutes", "inf", "from 1 to 480"),
        ("monitoring_minutes", "-inf", "from 0 to 720"),
    ],
)
def test_a_number_beyond_its_bounds_is_refused_naming_the_key_and_range(
    key: str, value: str, allowed: str
) -> None:
    problems = _problems(_text(**{key: value}))
    assert any(p.startswith(f"{FIELDS[key]}: must be") and allowed in p for p in problems), problems


def test_phases_together_may_last_at_most_a_long_session() -> None:
    text = _text(minutes="480") + '\n[[phases]]\nname = "Long"\nminutes = 480\n'
    problems = _problems(text)
    assert any(p.startswith("phases: the phases add up to 980 minutes") for p in problems)


def test_too_many_phases_are_refused() -> None:
    many = "".join(f'\n[[phases]]\nname = "P{n}"\nminutes = 1\n' for n in range(MOST_PHASES))
    problems = _problems(_text() + many)
    assert any(p.startswith(f"phases: at most {MOST_PHASES} phases") for p in problems)


NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(
        lambda x: (
            "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf") if math.isinf(x) else repr(x)
        )
    ),
)


@settings(max_examples=300, deadline=2000)
@given(key=st.sampled_from(sorted(GOOD)), value=NUMBERS)
def test_any_number_either_is_refused_or_gives_a_small_schedule(key: str, value: str) -> None:
    """Whatever number stands in any key: a plain refusal naming the key, or a protocol whose
    schedule is a few hundred checks at most, within a long session."""
    try:
        protocol = parse_protocol(_text(**{key: value}))
    except ProtocolError as exc:
        refused = [p.field for p in exc.problems]
    else:
        refused = []
    if refused:
        # the dose's numbers keep an order: the one out of order may be named instead
        named = "dose." if FIELDS[key].startswith("dose.") else FIELDS[key].split("[")[0]
        assert any(field.startswith(named) for field in refused)
        return
    assert all(PHASE_MINUTES[0] <= p.minutes <= PHASE_MINUTES[1] for p in protocol.phases)
    assert protocol.planned_minutes <= LONGEST_SESSION_MINUTES
    assert 0 <= protocol.monitoring_minutes <= LONGEST_SESSION_MINUTES
    for interval in protocol.vitals.intervals:
        assert EVERY_MINUTES[0] <= interval.every_minutes <= EVERY_MINUTES[1]
    checks = planned_checks(protocol)
    assert len(checks) <= LONGEST_SESSION_MINUTES / EVERY_MINUTES[0] + 2
    assert all(0 <= (c.at or 0) <= LONGEST_SESSION_MINUTES * 60 for c in checks)


# -- schedules bounded in themselves (a protocol made before the bounds) ----------------------

ANY_FLOAT = st.floats(allow_nan=True, allow_infinity=True)


@settings(max_examples=300, deadline=2000)
@given(
    every=ANY_FLOAT,
    start=ANY_FLOAT,
    until=st.one_of(st.none(), ANY_FLOAT),
    minutes=ANY_FLOAT,
    monitoring=ANY_FLOAT,
    at_minute=ANY_FLOAT,
)
def test_the_schedule_is_bounded_whatever_the_protocol_holds(  # noqa: PLR0917
    every: float,
    start: float,
    until: float | None,
    minutes: float,
    monitoring: float,
    at_minute: float,
) -> None:
    protocol = Protocol(
        id="old",
        name="Old",
        route="IM",
        phases=(Phase("Long", minutes),),
        monitoring_minutes=monitoring,
        vitals=VitalsSchedule(
            intervals=(VitalsInterval(every, start, until),) * 3,
            checks=(VitalsCheck("At", at_minute=at_minute),),
        ),
    )
    checks = planned_checks(protocol)
    assert len(checks) <= LONGEST_SESSION_MINUTES / EVERY_MINUTES[0] + 2
    assert all(0 <= (c.at or 0) <= LONGEST_SESSION_MINUTES * 60 for c in checks)


def test_the_issues_protocols_give_a_bounded_schedule_at_once() -> None:
    tiny = Protocol(
        "x",
        "x",
        "IM",
        (Phase("P", 60),),
        vitals=VitalsSchedule(intervals=(VitalsInterval(1e-9),)),
    )
    huge = Protocol(
        "x",
        "x",
        "IM",
        (Phase("P", 99999999999999999999.0),),
        vitals=VitalsSchedule(intervals=(VitalsInterval(5),)),
    )
    assert planned_checks(tiny) == []  # checks closer than a minute apart: no schedule
    assert len(planned_checks(huge)) == LONGEST_SESSION_MINUTES / 5 + 1


def test_discharge_with_an_absurd_monitoring_time_does_not_overflow() -> None:
    protocol = dataclasses.replace(
        parse_protocol(_text()), monitoring_minutes=99999999999999999999.0
    )
    clock = FakeClock(start=datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    journey = Journey.open(protocol, clock)
    journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    journey.record_discharge({"ready": True, "total": 12, "max": 12})
    found = discharge_of(journey)
    assert found.free_to_leave_at is not None
    assert found.free_to_leave_at - clock.now() <= timedelta(minutes=LONGEST_SESSION_MINUTES)


# -- the stand-in for a protocol that cannot be used ------------------------------------------


def test_a_stand_in_keeps_the_phase_names_moves_by_hand_and_schedules_nothing() -> None:
    text = _text(every_minutes="1e-9", minutes="99999999999999999999")
    stand_in = stand_in_protocol(text, "cannot be used")
    assert stand_in.problem == "cannot be used"
    assert stand_in.name == "Bounds"
    assert [p.name for p in stand_in.phases] == ["Onset", "Return"]
    assert all(PHASE_MINUTES[0] <= p.minutes <= PHASE_MINUTES[1] for p in stand_in.phases)
    assert stand_in.advance is Advance.MANUAL
    assert planned_checks(stand_in) == []
    assert stand_in.text == text  # the snapshot itself is kept as it was


@pytest.mark.parametrize("text", ["", "not toml [[[", "x = 1", "[[phases]]\nminutes = 'a'\n"])
def test_a_stand_in_for_unreadable_text_takes_the_phases_the_record_names(text: str) -> None:
    stand_in = stand_in_protocol(text, "unreadable", {0: "Onset", 2: "Return"})
    names = [p.name for p in stand_in.phases]
    assert names[0] in ("Onset", "Phase 1")
    assert names[2] == "Return"
    assert re.fullmatch(r"[a-z0-9-]+", stand_in.id)


def test_a_journey_replays_under_a_stand_in_and_goes_on_by_hand() -> None:
    clock = FakeClock(start=datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    events = [
        JourneyEvent(EventKind.OPENED, clock.now(), None, None, {"protocol_id": "bounds"}),
        JourneyEvent(EventKind.DOSE, clock.now(), 0.0, None, {"amount": 1, "first": True}),
        JourneyEvent(EventKind.PHASE, clock.now(), 0.0, 0, {"index": 0, "name": "Onset"}),
    ]
    stand_in = stand_in_protocol("", "unreadable", {0: "Onset"})
    journey = Journey.replay(stand_in, clock, events)
    clock.advance(3600)
    assert journey.tick() == []  # nothing happens by time
    assert journey.current_phase is not None
    assert journey.current_phase.name == "Onset"


# -- the clinic's settings and room.toml: their numbers, and how many of each list -----------

CLINIC = """\
[clinic]
lock_minutes = {lock}

[[followups]]
id = "integration"
name = "Integration"
earliest_days = {earliest}
latest_days = {latest}

[[breathing]]
id = "slow"
name = "Slow"
steps = [["in", {seconds}], ["out", 6]]
"""


@settings(max_examples=200, deadline=2000)
@given(
    key=st.sampled_from(["lock", "earliest", "latest", "seconds"]),
    value=NUMBERS,
)
def test_any_number_in_the_clinic_file_is_refused_or_within_bounds(key: str, value: str) -> None:
    numbers = {"lock": "5", "earliest": "1", "latest": "2", "seconds": "4", key: value}
    try:
        found = parse_clinic(CLINIC.format(**numbers))
    except ClinicError:
        return  # refused, with its problems (the message tests say which)
    assert 0 <= found.lock_minutes <= 120
    assert all(0 <= r.earliest_days <= r.latest_days <= 365 for r in found.followups)
    assert all(0.5 <= s <= 60 for p in found.breathing for _, s in p.steps)


def test_a_breathing_pattern_of_too_many_steps_is_refused() -> None:
    steps = ", ".join('["in", 1]' for _ in range(MOST_BREATH_STEPS + 1))
    text = f'[[breathing]]\nid = "long"\nname = "Long"\nsteps = [{steps}]\n'
    with pytest.raises(ClinicError, match=f"at most {MOST_BREATH_STEPS} steps; there are 21"):
        parse_clinic(text)


@settings(max_examples=200, deadline=2000)
@given(key=st.sampled_from(["lock_minutes", "volume_limit"]), value=NUMBERS)
def test_any_number_in_room_toml_is_refused_or_within_bounds(key: str, value: str) -> None:
    try:
        room = parse_room_settings(f"{key} = {value}\n")
    except RoomSettingsError as exc:
        refused = [p.field for p in exc.problems]
    else:
        refused = []
    if refused:
        assert key in refused
        return
    assert room.problems() == []
