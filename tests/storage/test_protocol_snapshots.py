"""A session whose stored protocol cannot be used (unreadable, or with numbers from before
kapdesk held protocols to clinical bounds) still opens: its timer, its record, its phases by
hand, and a plain message; never a hang."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, JourneyState
from kapdesk.core.protocols import Advance, Protocol
from kapdesk.core.vitals import planned_checks
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import JourneyStore, OpenJourney

# What passed `kapdesk protocols check` before the bounds: a check every billionth of a minute
# and a phase of 10^20 minutes. The window hung on them, at every start.
ABSURD = """\
[protocol]
id = "absurd"
name = "Absurd IM"
route = "IM"
advance = "timed"

[[phases]]
name = "Onset"
minutes = 5

[[phases]]
name = "Peak"
minutes = 99999999999999999999

[[vitals.intervals]]
every_minutes = 1e-9
"""

UNREADABLE = "[protocol\nthis is not TOML"


def _within(seconds: float, work: Callable[[], list[OpenJourney]]) -> list[OpenJourney]:
    """``work()``, or a failure (not a hung test run) when it takes longer than ``seconds``."""
    result: list[list[OpenJourney]] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as exc:  # handed to the test below
            failure.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"resuming took more than {seconds} s: a hang"
    if failure:
        raise failure[0]
    return result[0]


@pytest.mark.parametrize("snapshot", [ABSURD, UNREADABLE], ids=["absurd", "unreadable"])
def test_a_session_left_open_under_an_unusable_snapshot_resumes_with_a_plain_message(
    storage: Storage, protocol: Protocol, clock: FakeClock, snapshot: str
) -> None:
    # The session was opened by an older kapdesk that accepted the protocol as it was.
    older = dataclasses.replace(protocol, text=snapshot, advance=Advance.TIMED)
    opened = JourneyStore(storage, clock).open_session("P-9", older, "Jo")
    opened.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    clock.advance(300)
    opened.journey.advance_phase()
    assert opened.recorder.flush(timeout=10)  # written by its thread
    clock.advance(600)

    restarted = FakeClock(start=clock.now(), monotonic_start=5.0)
    resumed = _within(30, JourneyStore(storage, restarted).resume_open_sessions)

    assert [r.session_id for r in resumed] == [opened.session_id]
    journey = resumed[0].journey
    assert journey.state is JourneyState.RUNNING
    assert journey.elapsed() == pytest.approx(900)
    assert journey.current_phase is not None
    assert journey.current_phase.name == "Peak"
    problem = journey.protocol.problem
    assert problem.startswith("This session's protocol cannot be used (")
    assert "move through the phases by hand" in problem
    assert journey.protocol.text == snapshot  # the record keeps what it ran under
    assert planned_checks(journey.protocol) == []
    restarted.advance(10 * 3600)
    assert journey.tick() == []  # no phase change by time on a protocol that cannot be used
    # The session goes on: staff record, and the record takes it.
    journey.record_observation(EventKind.NOTE, {"text": "Calm", "tags": []})
    assert resumed[0].recorder.flush(timeout=10)
    assert resumed[0].recorder.pending == 0
    _, again = JourneyStore(storage, restarted).load(opened.session_id)
    assert again.events[-1].data["text"] == "Calm"


def test_the_absurd_snapshot_names_the_key_that_cannot_be_used(
    storage: Storage, protocol: Protocol, clock: FakeClock
) -> None:
    older = dataclasses.replace(protocol, text=ABSURD)
    opened = JourneyStore(storage, clock).open_session("P-9", older, "Jo")
    _, journey = JourneyStore(storage, clock).load(opened.session_id)
    assert "phases[1].minutes must be a number of minutes from 1 to 480" in journey.protocol.problem
    assert "and 1 more problem" in journey.protocol.problem


def test_a_snapshot_without_the_phases_its_record_names_opens_under_a_stand_in(
    storage: Storage, protocol: Protocol, clock: FakeClock
) -> None:
    one_phase = protocol.text.split("[[phases]]")[0] + '[[phases]]\nname = "Onset"\nminutes = 5\n'
    older = dataclasses.replace(protocol, text=one_phase)
    opened = JourneyStore(storage, clock).open_session("P-9", older, "Jo")
    opened.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    opened.journey.advance_phase()  # "Peak": phase 1, which the stored text does not have
    assert opened.recorder.flush(timeout=10)  # written by its thread
    (resumed,) = _within(30, JourneyStore(storage, clock).resume_open_sessions)
    journey = resumed.journey
    assert journey.current_phase is not None
    assert journey.current_phase.name == "Peak"
    assert "the session's record names phases it does not have" in journey.protocol.problem
