"""The journey screen's words: every line the page shows, decided from the journey alone."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.discharge import READINESS_ITEMS, assess
from kapdesk.core.downtime import Heartbeat, SessionBeat, judge_downtime
from kapdesk.core.journey import Journey
from kapdesk.core.journey_events import Dose, EventKind
from kapdesk.core.journey_screen import (
    CONFIRM_EARLY_S,
    NO_BREAK,
    BarPart,
    Buttons,
    EarlyQuestion,
    Keys,
    PhaseText,
    ScreenFacts,
    TimeNotice,
    TimerText,
    Tone,
    calm_words,
    close_question,
    early_question,
    flag_lines,
    journey_screen,
)
from kapdesk.core.protocol_files import parse_protocol
from kapdesk.core.protocols import Advance, Protocol
from kapdesk.core.staff import Role, StaffMember
from kapdesk.core.standing_flags import standing_flags
from tests.conftest import make_protocol

DOSE = Dose(amount=0.75, unit="mg/kg", route="IM", weight_kg=70)
FACTS = ScreenFacts(patient_code="K-17")
ANA = StaffMember(1, "Ana Lind", frozenset({Role.NURSE}))
JO = StaffMember(2, "Jo Okafor", frozenset({Role.NURSE}))
MINUTE = 60.0

INFUSION = parse_protocol(
    """
[protocol]
id = "test-iv"
name = "Test IV"
route = "IV"
advance = "manual"
summary = "An infusion over 40 minutes, then rest."

[dose]
amount = 0.5
unit = "mg/kg"
route = "IV"

[[phases]]
name = "Infusion"
minutes = 40
guidance = "Watch the line."
dosing = true

[[phases]]
name = "Rest"
minutes = 20
guidance = "Let the patient rest."
""",
    source="tests",
)


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC here, so the times of day the page shows are the fake clock's."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _dosed(protocol: Protocol, clock: FakeClock, seconds: float = 0.0) -> Journey:
    journey = Journey.open(protocol, clock)
    journey.record_dose(DOSE)
    clock.advance(seconds)
    return journey


# -- before the dose ---------------------------------------------------------------------------


def test_before_the_dose_the_page_shows_the_plan_and_asks_for_the_dose(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock)
    screen = journey_screen(journey, FACTS)
    assert screen.who == "Patient K-17   ·   Test IM"
    assert screen.protocol_notice == ""
    assert not screen.show_preparation
    assert screen.timer == TimerText("Not dosed yet", "--:--", Tone.MUTED)
    assert screen.phase == PhaseText(
        "Before dosing",
        "planned 1 h in 3 phases",
        False,
        "Record the dose when it is given; the journey clock starts then.",
        "First phase: Onset · 5 min",
    )
    assert screen.monitoring == ""
    assert screen.time_notice is None
    assert screen.flags == ""
    assert screen.buttons == Buttons(
        dose="Dose given   Ctrl+D",
        dose_primary=True,
        dose_enabled=True,
        next_enabled=False,
        next_visible=False,
        discharge_visible=False,
        close_enabled=True,
    )
    assert screen.early == EarlyQuestion(False, "Next phase   Ctrl+N", "")
    assert screen.bar_plan == (("Onset", 300.0), ("Peak", 2400.0), ("Return", 900.0))
    assert (screen.bar_parts, screen.bar_now, screen.bar_index) == ((), None, None)


def test_preparation_takes_the_timer_place_and_the_summary_is_the_guidance(
    clock: FakeClock,
) -> None:
    journey = Journey.open(INFUSION, clock)
    screen = journey_screen(journey, replace(FACTS, preparing=True))
    assert screen.show_preparation
    assert screen.timer == TimerText(
        "Preparation · the journey clock starts with the dose", "--:--", Tone.MUTED
    )
    assert screen.phase.guidance == "An infusion over 40 minutes, then rest."
    assert screen.phase.time == "planned 1 h in 2 phases"


def test_a_stand_in_protocol_is_said_plainly(protocol: Protocol, clock: FakeClock) -> None:
    stand_in = replace(protocol, problem="Its own protocol cannot be read: a stand-in runs it")
    screen = journey_screen(Journey.open(stand_in, clock), FACTS)
    assert screen.protocol_notice == "Its own protocol cannot be read: a stand-in runs it"


# -- the header ---------------------------------------------------------------------------------


def test_the_header_names_the_course_the_sitter_and_who_is_signed_in(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock)
    facts = replace(FACTS, sitter="Ana Lind", course="Session 3 of 6")
    assert journey_screen(journey, facts).who == (
        "Patient K-17   ·   Session 3 of 6   ·   Test IM   ·   Sitter Ana Lind"
    )
    journey.act_as(ANA)
    assert journey_screen(journey, facts).who == (
        "Patient K-17   ·   Session 3 of 6   ·   Test IM   ·   Sitter Ana Lind (signed in)"
    )
    journey.act_as(JO)
    assert journey_screen(journey, facts).who == (
        "Patient K-17   ·   Session 3 of 6   ·   Test IM   ·   Sitter Ana Lind"
        "   ·   Signed in: Jo Okafor"
    )
    assert (
        journey_screen(journey, FACTS).who
        == "Patient K-17   ·   Test IM   ·   Signed in: Jo Okafor"
    )


# -- the timer and the phase --------------------------------------------------------------------


def test_within_its_plan_the_phase_counts_up_to_its_length(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = _dosed(protocol, clock, 125.5)
    screen = journey_screen(journey, FACTS)
    assert screen.timer == TimerText("Since dosing", "02:05", Tone.PLAIN)
    assert screen.phase == PhaseText(
        "Onset",
        "02:05 of 05:00",
        False,
        "Settle the patient.",
        "Next: Peak · 40 min (when you confirm)",
    )
    assert screen.monitoring == "In the room: 1:27:55 to go of 1 h 30 min"
    assert screen.bar_parts == (BarPart(0, 0.0, 125.5, 300.0),)
    assert (screen.bar_now, screen.bar_index) == (125.5, 0)


def test_a_phase_past_its_planned_length_says_by_how_much(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = _dosed(protocol, clock, 5 * MINUTE)
    assert journey_screen(journey, FACTS).phase.time == "05:00 of 05:00"
    clock.advance(61)
    phase = journey_screen(journey, FACTS).phase
    assert (phase.time, phase.over) == ("01:01 over its planned 5 min", True)


def test_the_phase_time_turns_over_with_the_big_timer(protocol: Protocol, clock: FakeClock) -> None:
    journey = _dosed(protocol, clock, 10.5)
    journey.advance_phase()  # Peak from 10.5 s
    clock.advance(2.75)  # 13.25 s: the timer shows 00:13, the phase 3 s (10 to 13), not 2
    screen = journey_screen(journey, FACTS)
    assert screen.timer.text == "00:13"
    assert screen.phase.time == "00:03 of 40:00"
    assert screen.bar_parts == (BarPart(0, 0.0, 10.5, 300.0), BarPart(1, 10.5, 13.25, 2400.0))


def test_the_next_phase_says_how_it_will_start(clock: FakeClock) -> None:
    timed = _dosed(make_protocol(Advance.TIMED), clock, 60)
    assert journey_screen(timed, FACTS).phase.next_line == (
        "Next: Peak · 40 min (starts by itself at its time)"
    )


def test_the_last_phase_offers_the_discharge_check_in_place_of_next_phase(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = _dosed(protocol, clock, 60)
    journey.advance_phase()
    journey.advance_phase()
    screen = journey_screen(journey, FACTS)
    assert screen.phase.name == "Return"
    assert screen.phase.next_line == "Last phase. Close the session when the patient is ready."
    assert screen.buttons == Buttons(
        dose="Extra dose   Ctrl+D",
        dose_primary=False,
        dose_enabled=True,
        next_enabled=False,
        next_visible=False,
        discharge_visible=True,
        close_enabled=True,
    )


def test_after_the_dose_the_dose_button_records_an_extra_dose(
    protocol: Protocol, clock: FakeClock
) -> None:
    screen = journey_screen(_dosed(protocol, clock), replace(FACTS, keys=Keys(dose="D")))
    assert screen.buttons == Buttons(
        dose="Extra dose   D",
        dose_primary=False,
        dose_enabled=True,
        next_enabled=True,
        next_visible=True,
        discharge_visible=False,
        close_enabled=True,
    )


def test_a_closed_session_takes_no_action_and_shows_no_flag(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = _dosed(protocol, clock, 60)
    journey.record_observation(EventKind.VITALS, {"values": {"systolic": 190, "diastolic": 100}})
    standing = standing_flags(journey.events, protocol.thresholds)
    assert journey_screen(journey, replace(FACTS, standing=standing)).flags != ""
    journey.close("Transferred to the ward")
    screen = journey_screen(journey, replace(FACTS, standing=standing))
    assert screen.flags == ""
    assert screen.timer == TimerText("Since dosing", "01:00", Tone.PLAIN)
    assert screen.buttons == Buttons(
        dose="Extra dose   Ctrl+D",
        dose_primary=False,
        dose_enabled=False,
        next_enabled=False,
        next_visible=True,
        discharge_visible=False,
        close_enabled=False,
    )


# -- time in the room and discharge ------------------------------------------------------------


def test_the_time_in_the_room_counts_down_then_is_reached(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = _dosed(protocol, clock, 90 * MINUTE - 1)
    assert journey_screen(journey, FACTS).monitoring == "In the room: 00:01 to go of 1 h 30 min"
    clock.advance(1)
    assert journey_screen(journey, FACTS).monitoring == "Time in the room of 1 h 30 min reached"


def test_no_least_time_in_the_room_says_nothing(clock: FakeClock) -> None:
    assert journey_screen(_dosed(INFUSION, clock, 60), FACTS).monitoring == ""


def test_ready_to_leave_waits_for_the_least_time_in_the_room(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = _dosed(protocol, clock, 20 * MINUTE)  # dosed at 09:00, ready at 09:20
    ready = assess({item.id: 2 for item in READINESS_ITEMS}, escort=True, ready_score=10)
    journey.record_discharge(ready.to_json("", {}))
    assert journey_screen(journey, FACTS).monitoring == "Ready since 09:20, may leave from 10:30"
    clock.advance(70 * MINUTE)
    assert journey_screen(journey, FACTS).monitoring == "Ready to leave since 10:30"


# -- the time kapdesk could not vouch for -------------------------------------------------------


def _restarted(protocol: Protocol, clock: FakeClock, seconds: float, *, beat: bool) -> Journey:
    """Dosed ``seconds`` ago, then killed and started 9 s later with the wall clock an hour
    fast; with the heartbeat of this boot the uptime vouches for the time, without it nothing
    does."""
    journey = _dosed(protocol, clock, seconds)
    journey.tick()
    heartbeat = Heartbeat(
        clock.now(),
        clock.boot_id(),
        clock.since_boot(),
        (SessionBeat(7, journey.events[0].wall, journey.elapsed()),),
    )
    again = clock.restart(9, wall_step=3600)
    restored = Journey.replay(protocol, again, journey.events)
    last = restored.events[-1]
    session = heartbeat.session(7, journey.events[0].wall) if beat else None
    restored.resume(
        judge_downtime(last.wall, last.elapsed, heartbeat if beat else None, session, again)
    )
    return restored


def test_a_time_not_vouched_is_amber_and_waits_for_staff(clock: FakeClock) -> None:
    restored = _restarted(make_protocol(Advance.TIMED), clock, 295, beat=False)
    screen = journey_screen(restored, FACTS)
    assert screen.timer == TimerText(
        "Since dosing · not vouched: kapdesk could not check it", "1:05:04", Tone.WARNING
    )
    assert screen.phase.next_line == "Next: Peak · 40 min (waits for you: journey time not vouched)"
    assert screen.time_notice == TimeNotice(
        "Nothing can check the PC's clock, which says kapdesk was closed 1 h 05 min. "
        "Journey time not vouched: phases by time wait (Peak is due by it). "
        "Check it, then confirm.",
        "Journey time is right   Ctrl+Shift+J",
    )
    restored.confirm_time()
    screen = journey_screen(restored, FACTS)
    assert screen.timer.tone is Tone.PLAIN
    assert screen.time_notice == TimeNotice(
        "Nothing can check the PC's clock, which says kapdesk was closed 1 h 05 min.",
        "Noted   Ctrl+Shift+J",
    )
    assert journey_screen(restored, replace(FACTS, noted=restored.downtime)).time_notice is None


def test_a_clock_move_the_uptime_measured_is_said_once_until_noted(
    protocol: Protocol, clock: FakeClock
) -> None:
    restored = _restarted(protocol, clock, 290, beat=True)
    screen = journey_screen(restored, replace(FACTS, keys=Keys(time="J")))
    assert screen.timer == TimerText("Since dosing", "04:59", Tone.PLAIN)
    assert screen.time_notice == TimeNotice(
        "The PC's clock moved 1 h 00 min forward while kapdesk was closed; the journey time "
        "is kept from the PC's uptime (closed 9 s).",
        "Noted   J",
    )
    noted = replace(FACTS, noted=restored.downtime)
    assert journey_screen(restored, noted).time_notice is None


# -- flags ----------------------------------------------------------------------------------------


def test_flags_stand_a_line_per_reading_and_never_break_inside_one(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = _dosed(protocol, clock, 2 * MINUTE)  # 09:02
    values = {"systolic": 182, "diastolic": 112, "spo2": 91}
    journey.record_observation(EventKind.VITALS, {"values": values})
    clock.advance(5 * MINUTE)
    journey.record_observation(EventKind.VITALS, {"values": {"heart_rate": 130}})
    standing = standing_flags(journey.events, protocol.thresholds)
    space = NO_BREAK
    assert flag_lines(standing) == (
        f"09:02  BP{space}182/112{space}above{space}180/110 · SpO2{space}91{space}%"
        f"{space}below{space}92{space}%\n"
        f"09:07  HR{space}130{space}above{space}120"
    )
    assert journey_screen(journey, replace(FACTS, standing=standing)).flags == flag_lines(standing)
    assert flag_lines(()) == ""


def test_the_calm_screen_says_the_cue_and_that_a_flag_waits_without_its_values() -> None:
    assert calm_words("", False) == ""
    assert calm_words("Vital signs due", False) == "Vital signs due"
    assert calm_words("", True) == "A flagged reading waits to be seen"
    assert calm_words("Vital signs overdue by 05:00", True) == (
        "Vital signs overdue by 05:00 · A flagged reading waits to be seen"
    )


# -- ending a dosing phase early ----------------------------------------------------------------


def test_a_first_press_of_next_phase_asks_before_a_dosing_phase_ends_early(
    clock: FakeClock,
) -> None:
    journey = _dosed(INFUSION, clock, 4 * MINUTE + 5)
    armed = replace(FACTS, early_armed=(0, journey.elapsed() or 0.0))
    assert early_question(journey, armed) == EarlyQuestion(
        True,
        "End Infusion early?   Ctrl+N again",
        "Press Next phase again to end Infusion at 04:05 of 40:00; the record will say so.",
    )
    assert journey_screen(journey, armed).early == early_question(journey, armed)
    narrow = replace(armed, narrow=True)
    assert early_question(journey, narrow).button == "End Infusion early?\nCtrl+N again"
    clock.advance(CONFIRM_EARLY_S + 1)  # the question lapses by itself
    assert early_question(journey, armed) == EarlyQuestion(False, "Next phase   Ctrl+N", "")


def test_a_first_press_no_longer_stands_in_another_phase_or_after_the_phase_time(
    clock: FakeClock,
) -> None:
    journey = _dosed(INFUSION, clock, 40 * MINUTE)
    armed = replace(FACTS, early_armed=(0, journey.elapsed() or 0.0))
    assert not early_question(journey, armed).armed  # at its planned end: not early
    journey = _dosed(INFUSION, clock, 60)
    other = replace(FACTS, early_armed=(1, journey.elapsed() or 0.0))
    assert not early_question(journey, other).armed


# -- closing --------------------------------------------------------------------------------------


def test_the_close_form_says_whether_closing_is_early_or_cancels(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock)
    assert close_question(journey, []) == (
        "No dose has been recorded. Closing now cancels the session; its record is kept.",
        True,
    )
    journey.record_dose(DOSE)
    assert close_question(journey, ["still in Onset, before the last phase"]) == (
        "This would close the session early. The record and the printed record will say so, "
        "with your reason and your name.",
        True,
    )
    assert close_question(journey, []) == (
        "The journey ends here and its record is kept. Integration follows. No discharge "
        "check has found the patient ready to leave yet.",
        False,
    )
    ready = assess({item.id: 2 for item in READINESS_ITEMS}, escort=True, ready_score=10)
    journey.record_discharge(ready.to_json("", {}))
    assert close_question(journey, []) == (
        "The journey ends here and its record is kept. Integration follows.",
        False,
    )
