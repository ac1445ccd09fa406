"""A wall clock that moved while kapdesk was closed: the journey time comes from what kapdesk can
vouch for (the heartbeat and the PC's uptime), phases by time are never written for a gap nothing
vouches for, and staff are told plainly by how much the clock moved."""

from __future__ import annotations

import json

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.downtime import (
    Heartbeat,
    HeartbeatError,
    SessionBeat,
    Witness,
    judge_downtime,
    span_text,
)
from kapdesk.core.journey import Dose, EventKind, Journey, JourneyError, event_text
from kapdesk.core.protocols import Advance
from tests.conftest import make_protocol

TIMED = make_protocol(Advance.TIMED)  # Onset 5 min, Peak 40 min, Return 15 min
DOSE = Dose(amount=0.75, unit="mg/kg", route="IM", weight_kg=70)
SESSION = 7


def _running(clock: FakeClock, seconds: float) -> Journey:
    """A timed journey dosed ``seconds`` ago."""
    journey = Journey.open(TIMED, clock)
    journey.record_dose(DOSE)
    clock.advance(seconds)
    journey.tick()
    return journey


def _beat(journey: Journey, clock: FakeClock) -> Heartbeat:
    """The heartbeat kapdesk writes while the session is open."""
    return Heartbeat(
        clock.now(),
        clock.boot_id(),
        clock.since_boot(),
        (SessionBeat(SESSION, journey.events[0].wall, journey.elapsed()),),
    )


def _restarted(journey: Journey, beat: Heartbeat | None, again: FakeClock) -> Journey:
    """kapdesk started again with ``again``: the journey replayed and resumed as storage does."""
    restored = Journey.replay(TIMED, again, journey.events)
    last = restored.events[-1]
    session = beat.session(SESSION, journey.events[0].wall) if beat is not None else None
    restored.resume(judge_downtime(last.wall, last.elapsed, beat, session, again))
    return restored


def _phases(journey: Journey) -> list[tuple[str, float | None]]:
    return [(str(e.data["name"]), e.elapsed) for e in journey.events if e.kind is EventKind.PHASE]


def test_same_boot_clock_an_hour_forward_keeps_the_true_time(clock: FakeClock) -> None:
    journey = _running(clock, 290)
    beat = _beat(journey, clock)
    again = clock.restart(9, wall_step=3600)  # killed; back 9 s later, the clock an hour fast
    restored = _restarted(journey, beat, again)
    assert restored.elapsed() == pytest.approx(299)
    assert restored.time_vouched
    assert restored.tick() == []  # Onset runs to 300 s: nothing by time yet
    assert _phases(restored) == [("Onset", 0.0)]
    notice = restored.downtime.text() if restored.downtime else None
    assert notice is not None
    assert "moved 1 h 00 min forward" in notice
    assert "uptime" in notice
    resumed = restored.events[-1]
    assert resumed.kind is EventKind.RESUMED
    assert resumed.data["seconds"] == pytest.approx(9)
    assert resumed.data["clock_moved"] == pytest.approx(3600)
    assert "moved 1 h 00 min forward" in event_text(resumed)
    again.advance(1)
    assert _phases(restored)[-1:] == [("Onset", 0.0)]
    assert [e.elapsed for e in restored.tick()] == [300.0]  # Peak at its true second


def test_same_boot_clock_back_keeps_the_downtime_and_its_phases(clock: FakeClock) -> None:
    journey = _running(clock, 200)
    beat = _beat(journey, clock)
    again = clock.restart(1200, wall_step=-3600)  # 20 min closed, the clock set back an hour
    restored = _restarted(journey, beat, again)
    assert restored.elapsed() == pytest.approx(1400)  # not 200: the downtime is not lost
    assert restored.time_vouched
    # Onset ended at 300 s, in a gap the uptime vouches for: that phase change is true.
    assert [(e.data["name"], e.elapsed) for e in restored.tick()] == [("Peak", 300.0)]
    notice = restored.downtime.text() if restored.downtime else ""
    assert "moved 1 h 00 min back" in str(notice)


def test_same_boot_the_time_asleep_counts(clock: FakeClock) -> None:
    journey = _running(clock, 100)
    beat = _beat(journey, clock)
    clock.suspend(600)  # kapdesk died, and the PC slept ten minutes before it was started again
    again = clock.restart(5)
    restored = _restarted(journey, beat, again)
    assert restored.elapsed() == pytest.approx(705)
    assert restored.downtime is not None
    assert restored.downtime.text() is None  # the clock agrees: nothing to say


def test_new_boot_clock_an_hour_fast_writes_no_phase_and_follows_the_clock_set_right(
    clock: FakeClock,
) -> None:
    journey = _running(clock, 290)
    beat = _beat(journey, clock)
    # A power cut; the PC is back 9 s later (in truth), its clock an hour fast.
    again = clock.reboot(9, wall_step=3600)
    restored = _restarted(journey, beat, again)
    assert not restored.time_vouched
    assert restored.downtime is not None
    assert restored.downtime.witness is Witness.WALL_CLOCK
    assert restored.elapsed() == pytest.approx(3899)  # the clock's claim, shown as not vouched
    assert restored.tick() == []  # Peak and Return are due by that clock: neither is written
    assert restored.phase_held() is not None
    assert restored.phase_held().name == "Peak"  # type: ignore[union-attr]
    notice = restored.downtime.text()
    assert notice is not None
    assert "restarted" in notice
    assert "1 h 00 min" in notice
    assert restored.events[-1].data["journey_time_vouched"] is False
    assert "not vouched" in event_text(restored.events[-1])
    # The time syncs: the clock is set right, and the timer follows it.
    again.advance(2)
    again.jump_wall(-3600)
    events = restored.tick()
    assert [e.kind for e in events] == [EventKind.TIME_CORRECTED]
    assert restored.elapsed() == pytest.approx(301)  # 290 + 9 closed + 2 since
    assert events[0].elapsed == pytest.approx(301)
    assert "set back 1 h 00 min" in event_text(events[0])
    assert "set back 1 h 00 min" in str(restored.downtime.text())
    assert _phases(restored) == [("Onset", 0.0)]  # nothing was ever written for the gap
    again.advance(30)
    assert restored.tick() == []  # one correction per step, not one per tick
    assert not restored.time_vouched  # still on the wall clock's word: staff confirm


def test_new_boot_clock_set_back_is_caught_and_nothing_is_invented(clock: FakeClock) -> None:
    journey = _running(clock, 250)
    beat = _beat(journey, clock)
    again = clock.reboot(600, wall_step=-3600, up_for=60)  # up 60 s, its clock an hour slow
    restored = _restarted(journey, beat, again)
    assert restored.downtime is not None
    assert restored.downtime.witness is Witness.NOTHING
    assert not restored.time_vouched
    assert restored.elapsed() == pytest.approx(310)  # the last entry + the PC's uptime, at least
    notice = str(restored.downtime.text())
    assert "set back" in notice
    assert "at least 1 min 00 s" in notice
    assert restored.tick() == []  # Onset's end (300 s) falls in a gap nothing vouches for
    # The clock is put right an hour forward: the journey time follows it, to the truth.
    again.jump_wall(3600)
    assert [e.kind for e in restored.tick()] == [EventKind.TIME_CORRECTED]
    assert restored.elapsed() == pytest.approx(850)


@pytest.mark.parametrize("heartbeat", ["missing", "another session", "another boot"])
def test_without_a_heartbeat_of_this_boot_the_wall_clock_is_not_vouched(
    clock: FakeClock, heartbeat: str
) -> None:
    journey = _running(clock, 290)
    beat: Heartbeat | None = None
    if heartbeat == "another session":
        beat = Heartbeat(clock.now(), clock.boot_id(), clock.since_boot(), ())
    elif heartbeat == "another boot":
        beat = Heartbeat(clock.now(), "an-older-boot", 5.0, _beat(journey, clock).sessions)
    again = clock.restart(9, wall_step=3600)
    restored = _restarted(journey, beat, again)
    assert not restored.time_vouched
    assert restored.tick() == []
    assert _phases(restored) == [("Onset", 0.0)]


def test_resume_without_a_judgement_does_not_trust_the_clock(clock: FakeClock) -> None:
    """What kapdesk did before: replay, resume, tick; an hour-fast clock wrote Peak and Return."""
    journey = _running(clock, 290)
    clock.advance(9)
    clock.jump_wall(3600)
    again = FakeClock(start=clock.now(), monotonic_start=3.0)
    restored = Journey.replay(TIMED, again, journey.events)
    restored.resume()
    again.advance(1)
    restored.tick()
    assert _phases(restored) == [("Onset", 0.0)]


def test_staff_confirm_the_time_and_phases_by_time_go_on(clock: FakeClock) -> None:
    journey = _running(clock, 250)
    again = clock.reboot(120, up_for=100)  # a power cut; the clock says 2 min, rightly
    restored = _restarted(journey, None, again)
    assert restored.elapsed() == pytest.approx(370)
    assert restored.tick() == []
    confirmed = restored.confirm_time()
    assert confirmed.kind is EventKind.TIME_CONFIRMED
    assert restored.time_vouched
    assert [(e.data["name"], e.elapsed) for e in restored.tick()] == [("Peak", 300.0)]
    with pytest.raises(JourneyError):
        restored.confirm_time()
    # A later step of the wall clock no longer moves anything.
    again.jump_wall(-1800)
    again.advance(1)
    assert restored.tick() == []
    assert restored.elapsed() == pytest.approx(371)


def test_a_journey_time_not_vouched_stays_so_across_another_restart(clock: FakeClock) -> None:
    journey = _running(clock, 250)
    again = clock.reboot(60, wall_step=3600)
    restored = _restarted(journey, None, again)
    assert not restored.time_vouched
    again.advance(20)
    beat = _beat(restored, again)
    later = again.restart(5)  # same boot this time: the 5 s are vouched, the hour before not
    third = _restarted(restored, beat, later)
    assert not third.time_vouched
    assert third.events[-1].data["journey_time_vouched"] is False
    assert third.tick() == []


def test_heartbeats_read_back_and_refuse_what_is_not_one(clock: FakeClock) -> None:
    journey = _running(clock, 10)
    beat = _beat(journey, clock)
    assert Heartbeat.from_json(json.loads(json.dumps(beat.to_json()))) == beat
    bad: object
    for bad in (
        None,
        [],
        {"version": 1},
        {**beat.to_json(), "wall": "yesterday"},
        {**beat.to_json(), "since_boot": float("nan")},
        {**beat.to_json(), "since_boot": "12"},
        {**beat.to_json(), "sessions": [{"id": 2**70, "opened": beat.wall.isoformat()}]},
        {**beat.to_json(), "wall": "2026-03-02T09:00:00"},  # no time zone
    ):
        with pytest.raises(HeartbeatError):
            Heartbeat.from_json(bad)


def test_spans_read_plainly() -> None:
    assert span_text(9.4) == "9 s"
    assert span_text(245) == "4 min 05 s"
    assert span_text(3600) == "1 h 00 min"
    assert span_text(float("inf")) == "0 s"


def test_the_timeline_and_the_printed_record_read_what_the_clock_did(clock: FakeClock) -> None:
    """The timeline (the screen's and the printed record's) says it in the clinic's words."""
    from kapdesk.core.timeline import timeline  # noqa: PLC0415

    journey = _running(clock, 100)
    again = clock.reboot(9, wall_step=3600)
    restored = _restarted(journey, _beat(journey, clock), again)
    again.jump_wall(-3600)
    restored.tick()
    restored.confirm_time()
    texts = [entry.text for entry in timeline(restored.events)][-3:]
    assert texts[0].startswith("kapdesk restarted and picked the session up again after 1 h 00 min")
    assert "which nothing could check" in texts[0]
    assert texts[0].endswith("journey time not vouched")
    assert texts[1] == (
        "The PC's clock was set back 1 h 00 min; the journey time followed it (it read 1:01:49)"
    )
    assert texts[2] == "Journey time confirmed"
