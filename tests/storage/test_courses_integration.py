"""Courses (session N of M), questionnaires kept and corrected without overwriting, and the
integration plan: drafted once, ticked, assigned and booked with every change kept."""

from __future__ import annotations

from datetime import date

import pytest

from kapdesk.core.clinic import load_clinic
from kapdesk.core.clock import FakeClock
from kapdesk.core.integration import ItemKind, draft_plan
from kapdesk.core.protocols import Protocol
from kapdesk.core.questionnaires import GAD7, PHQ9, score
from kapdesk.paths import BUNDLED_CLINIC_SETTINGS
from kapdesk.storage.courses import CourseStore
from kapdesk.storage.db import Storage
from kapdesk.storage.integration import IntegrationStore
from kapdesk.storage.journeys import JourneyStore


def test_sessions_of_a_course_are_numbered_n_of_m(
    storage: Storage, store: JourneyStore, clock: FakeClock, protocol: Protocol
) -> None:
    courses = CourseStore(storage, clock)
    course = courses.start("P-0042", 6, "Treatment-resistant depression")
    ids = []
    for _ in range(3):
        opened = store.open_session("P-0042", protocol, "Alex Kim")
        courses.join(course.id, opened.session_id)
        ids.append(opened.session_id)
        clock.advance(2 * 24 * 3600)
    other = store.open_session("P-0042", protocol, "Alex Kim")  # not part of the course
    found = courses.of_session(ids[1])
    assert found is not None
    assert (found.number_of(ids[1]), found.planned_sessions) == (2, 6)
    assert found.left_after(ids[2]) == 3
    assert found.open
    assert courses.of_session(other.session_id) is None
    assert [c.id for c in courses.of_patient("P-0042")] == [course.id]
    assert courses.of_patient("P-9999") == []
    with pytest.raises(ValueError, match="from 1 to 50"):
        courses.start("P-0042", 0)


def test_questionnaires_are_kept_and_a_correction_stands_in_for_the_original(
    storage: Storage, clock: FakeClock
) -> None:
    courses = CourseStore(storage, clock)
    course = courses.start("P-0042", 6)
    first = courses.record(
        "P-0042",
        score(PHQ9, (3, 3, 2, 2, 2, 1, 1, 1, 0)),
        "preparation",
        by="Dr Lin",
        course_id=course.id,
    )
    courses.record("P-0042", score(GAD7, (2, 2, 2, 2, 1, 1, 0)), "preparation", by="Dr Lin")
    clock.advance(7 * 24 * 3600)
    courses.record("P-0042", score(PHQ9, (1, 1, 1, 1, 1, 0, 0, 0, 0)), "follow-up", by="Dr Lin")
    clock.advance(3600)
    with pytest.raises(ValueError, match="say why"):
        courses.record("P-0042", score(PHQ9, (0,) * 9), "preparation", replaces=first)
    courses.record(
        "P-0042",
        score(PHQ9, (3, 3, 2, 2, 2, 1, 1, 1, 1)),
        "preparation",
        replaces=first,
        reason="item 9 was read out wrongly",
        by="Dr Lin",
    )
    phq = courses.results("P-0042", "phq9")
    assert [(r.total, r.band) for r in phq] == [(16, "moderately severe"), (5, "mild")]
    assert phq[0].corrected
    assert phq[0].taken_at < phq[1].taken_at  # the correction keeps the original's date
    assert [r.instrument for r in courses.results("P-0042")] == ["phq9", "gad7", "phq9"]
    with pytest.raises(ValueError, match="preparation or follow-up"):
        courses.record("P-0042", score(GAD7, (0,) * 7), "whenever")


def test_the_integration_plan_is_drafted_once_and_changes_are_appended(
    storage: Storage, store: JourneyStore, clock: FakeClock, protocol: Protocol
) -> None:
    settings, _ = load_clinic(BUNDLED_CLINIC_SETTINGS, None)
    opened = store.open_session("P-0042", protocol, "Alex Kim")
    plans = IntegrationStore(storage, clock)
    friday = date(2026, 11, 20)
    items = plans.draft(opened.session_id, draft_plan(settings, friday, sessions_left=2))
    again = plans.draft(opened.session_id, draft_plan(settings, friday, sessions_left=0))
    assert [i.id for i in again] == [i.id for i in items]  # drafted once
    follow_up = next(i for i in items if i.key == "integration")
    assert follow_up.kind is ItemKind.FOLLOW_UP
    assert (follow_up.due_from, follow_up.due_by) == (date(2026, 11, 23), date(2026, 11, 23))

    plans.update(follow_up.id, "Alex Kim", assigned_to="Dr Lin")
    clock.advance(600)
    plans.update(follow_up.id, "Dr Lin", booked_on=date(2026, 11, 23), note="10:00, room 2")
    clock.advance(600)
    state = plans.update(follow_up.id, "Dr Lin", done=True)
    assert (state.done, state.assigned_to, state.booked_on) == (True, "Dr Lin", date(2026, 11, 23))
    assert state.notes == ("10:00, room 2",)
    assert state.booking == "10:00, room 2"  # the note given with the date: for the handout
    assert state.done_by == "Dr Lin"
    assert [c.by for c in state.history] == ["Alex Kim", "Dr Lin", "Dr Lin"]
    state = plans.update(follow_up.id, "Dr Lin", done=False, note="patient cancelled")
    assert not state.done
    assert len(state.history) == 4
    assert state.booking == "10:00, room 2"  # a later note is not the booking's
    state = plans.update(follow_up.id, "Dr Lin", booked_on=date(2026, 11, 24))
    assert state.booking == ""  # moved without a time: the old time is not the new one's
    with pytest.raises(ValueError, match="nothing to change"):
        plans.update(follow_up.id, "Dr Lin")

    waiting = plans.open_items()
    assert waiting[0].state.id == follow_up.id  # the soonest due first
    assert waiting[0].patient_code == "P-0042"
    assert len(waiting) == len(items)


def test_a_session_cancelled_before_its_dose_does_not_use_up_the_course(
    storage: Storage, store: JourneyStore, clock: FakeClock, protocol: Protocol
) -> None:
    courses = CourseStore(storage, clock)
    course = courses.start("P-0050", 2)
    first = store.open_session("P-0050", protocol, "")
    courses.join(course.id, first.session_id)
    first.journey.close("BP 172/108 at baseline; rebooked")
    assert first.recorder.flush(timeout=5)
    second = store.open_session("P-0050", protocol, "")
    courses.join(course.id, second.session_id)
    found = courses.get(course.id)
    assert found.session_ids == (second.session_id,)
    assert found.number_of(second.session_id) == 1
    assert found.open
    assert found.left_after(second.session_id) == 1
