"""A long record costs little: which checks a reading meets, and an entry as corrected, are
found without going over the whole record for each (the journey screen asks every second, a
chart or a printed record for every reading). The answers are the same as the plain reading
of their definitions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind, Journey, JourneyEvent
from kapdesk.core.protocols import CheckMoment, Measure
from kapdesk.core.vitals import CheckState, CheckStatus, PlannedCheck, check_statuses
from tests.conftest import make_protocol


def _plainly(
    checks: Sequence[PlannedCheck],
    now: float | None,
    readings: Sequence[float | None],
    discharge_from: float | None,
) -> list[CheckStatus]:
    """check_statuses as it was first written: every reading against every open check."""

    def due(check: PlannedCheck) -> float | None:
        return discharge_from if check.moment is CheckMoment.BEFORE_DISCHARGE else check.at

    def counts(check: PlannedCheck, at: float | None) -> bool:
        if check.moment is CheckMoment.BEFORE_DOSING:
            return at is None
        when = due(check)
        return at is not None and when is not None and at >= when - check.early

    done: dict[int, float | None] = {}
    for at in sorted(readings, key=lambda a: -1.0 if a is None else a):
        for n, check in enumerate(checks):
            if n not in done and counts(check, at):
                done[n] = at
    result = []
    for n, check in enumerate(checks):
        if n in done:
            result.append(CheckStatus(check, CheckState.DONE, done[n]))
            continue
        when = due(check)
        if check.moment is CheckMoment.BEFORE_DOSING:
            state = CheckState.DUE if now is None else CheckState.OVERDUE
            result.append(CheckStatus(check, state, late_by=0.0 if now is None else now))
        elif now is None or when is None or now < when:
            result.append(CheckStatus(check, CheckState.UPCOMING))
        elif now < when + check.grace:
            result.append(CheckStatus(check, CheckState.DUE))
        else:
            result.append(CheckStatus(check, CheckState.OVERDUE, late_by=now - when))
    return result


SECONDS = st.floats(min_value=0, max_value=20_000, allow_nan=False)
MEASURES = (Measure.BLOOD_PRESSURE,)
CHECKS = st.one_of(
    st.builds(
        PlannedCheck,
        label=st.just("At"),
        at=SECONDS,
        moment=st.none(),
        measures=st.just(MEASURES),
        grace=st.floats(0, 600),
        early=st.floats(0, 600),
    ),
    st.builds(
        PlannedCheck,
        label=st.just("Moment"),
        at=st.none(),
        moment=st.sampled_from(CheckMoment),
        measures=st.just(MEASURES),
    ),
)


@settings(max_examples=400, deadline=2000)
@given(
    checks=st.lists(CHECKS, max_size=12),
    now=st.one_of(st.none(), SECONDS),
    readings=st.lists(st.one_of(st.none(), SECONDS), max_size=30),
    discharge_from=st.one_of(st.none(), SECONDS),
)
def test_check_statuses_answer_as_their_definition_does(
    checks: list[PlannedCheck],
    now: float | None,
    readings: list[float | None],
    discharge_from: float | None,
) -> None:
    assert check_statuses(checks, now, readings, discharge_from=discharge_from) == _plainly(
        checks, now, readings, discharge_from
    )


def _corrected_plainly(events: Sequence[JourneyEvent], seq: int) -> Mapping[str, Any]:
    data: Mapping[str, Any] = events[seq].data
    for event in events[seq + 1 :]:
        if event.kind is EventKind.AMENDMENT and event.data.get("amends") == seq:
            changes = event.data.get("data")
            if isinstance(changes, Mapping):
                data = {**data, **changes}
    return data


@settings(max_examples=200, deadline=2000)
@given(
    st.lists(
        st.one_of(
            st.builds(lambda n: ("note", n), st.integers(0, 99)),
            st.builds(lambda target, n: ("amend", target, n), st.integers(-2, 40), st.integers()),
        ),
        max_size=40,
    )
)
def test_an_entry_as_corrected_is_what_its_amendments_make_it(
    steps: list[tuple[Any, ...]],
) -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    events = [JourneyEvent(EventKind.OPENED, start, None, None, {})]
    for n, step in enumerate(steps):
        wall = start + timedelta(seconds=n)
        if step[0] == "note":
            events.append(JourneyEvent(EventKind.NOTE, wall, None, None, {"text": step[1]}))
        else:
            data = {"amends": step[1], "data": {"text": step[2]}, "reason": "typo"}
            events.append(JourneyEvent(EventKind.AMENDMENT, wall, None, None, data))
    journey = Journey.replay(make_protocol(), FakeClock(start=start), events)
    for seq in range(len(events)):
        assert journey.corrected(seq) == _corrected_plainly(events, seq)


@settings(max_examples=100, deadline=2000)
@given(
    st.lists(st.sampled_from([EventKind.NOTE, EventKind.VITALS, EventKind.DISCHARGE]), max_size=30)
)
def test_the_events_of_a_kind_are_those_of_the_record(kinds: list[EventKind]) -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    events = [JourneyEvent(EventKind.OPENED, start, None, None, {})]
    events += [JourneyEvent(kind, start, None, None, {"n": n}) for n, kind in enumerate(kinds)]
    journey = Journey.replay(make_protocol(), FakeClock(start=start), events)
    for kind in EventKind:
        assert journey.of_kind(kind) == [e for e in events if e.kind is kind]
