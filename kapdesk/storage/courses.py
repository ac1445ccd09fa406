"""Courses of sessions and the questionnaires that follow them.

A course is a patient's planned run of dosing sessions; each session may belong to one, and is
"session N of M" by its place among the course's sessions. PHQ-9 and GAD-7 results are kept per
patient (with the course and the session they were taken for), never overwritten: a correction
is a new result naming the one it replaces, and the trend shows the corrected value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kapdesk.core.clock import Clock
from kapdesk.core.journey import JourneyState
from kapdesk.core.questionnaires import INSTRUMENTS, Score
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.db import Storage
from kapdesk.storage.failures import plainly
from kapdesk.storage.models import Course, JourneySession, Patient, QuestionnaireResult
from kapdesk.storage.repositories import PatientRepository


@dataclass(frozen=True)
class CourseInfo:
    """A course as the screens show it."""

    id: int
    patient_code: str
    planned_sessions: int
    started_at: datetime
    session_ids: tuple[int, ...]  # in the order they were opened
    ended_at: datetime | None = None

    @property
    def sessions_held(self) -> int:
        return len(self.session_ids)

    @property
    def open(self) -> bool:
        return self.ended_at is None and self.sessions_held < self.planned_sessions

    def number_of(self, session_id: int) -> int | None:
        """N in "session N of M"."""
        if session_id not in self.session_ids:
            return None
        return self.session_ids.index(session_id) + 1

    def left_after(self, session_id: int) -> int:
        """Dosing sessions still planned after this one."""
        number = self.number_of(session_id) or self.sessions_held
        return max(self.planned_sessions - number, 0)


@dataclass(frozen=True)
class QuestionnaireEntry:
    """A questionnaire result as it stands (a correction stands in for what it replaces)."""

    id: int
    instrument: str
    total: int
    band: str
    answers: tuple[int, ...]
    moment: str
    taken_at: datetime
    session_id: int | None
    course_id: int | None
    entered_by: str
    corrected: bool  # this result replaced an earlier one
    form_language: str = "en"  # the published form's language it was asked in


MOMENTS = ("preparation", "follow-up")


class CourseStore:
    """Courses and questionnaires; each call is one unit of work."""

    def __init__(self, storage: Storage, clock: Clock) -> None:
        self._factory = storage.factory
        self._clock = clock

    def start(self, patient_code: str, planned_sessions: int, note: str = "") -> CourseInfo:
        if not 1 <= planned_sessions <= 50:
            raise ValueError(QT_TRANSLATE_NOOP("Storage", "a course has from 1 to 50 sessions"))
        now = self._clock.now()
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The course could not be started")),
            self._factory.begin() as session,
        ):
            patient = PatientRepository(session).get_or_create(patient_code.strip(), now)
            course = Course(
                patient_id=patient.id,
                planned_sessions=planned_sessions,
                started_at=now,
                note=note.strip(),
            )
            session.add(course)
            session.flush()
            course_id = course.id
        return self.get(course_id)

    def join(self, course_id: int, session_id: int) -> None:
        """Make a session part of a course."""
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The session could not join the course")),
            self._factory.begin() as session,
        ):
            row = session.get(JourneySession, session_id)
            if row is None or session.get(Course, course_id) is None:
                raise LookupError("there is no such session or course")
            row.course_id = course_id

    def get(self, course_id: int) -> CourseInfo:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The course cannot be read")),
            self._factory() as session,
        ):
            course = session.get(Course, course_id)
            if course is None:
                raise LookupError(f"there is no course {course_id}")
            return self._info(session, course)

    def of_session(self, session_id: int) -> CourseInfo | None:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The course cannot be read")),
            self._factory() as session,
        ):
            row = session.get(JourneySession, session_id)
            if row is None or row.course_id is None:
                return None
            course = session.get(Course, row.course_id)
            return self._info(session, course) if course is not None else None

    def of_patient(self, patient_code: str) -> list[CourseInfo]:
        """The patient's courses, newest first."""
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Courses cannot be read")),
            self._factory() as session,
        ):
            patient = PatientRepository(session).find(patient_code)
            if patient is None:
                return []
            courses = session.scalars(
                select(Course).where(Course.patient_id == patient.id).order_by(Course.id.desc())
            )
            return [self._info(session, course) for course in courses]

    def _info(self, session: Session, course: Course) -> CourseInfo:
        # A session cancelled before its dose (closed, never dosed) was not a dosing session
        # of the course: it neither takes a number nor uses up one of the planned sessions.
        cancelled = (JourneySession.state == JourneyState.CLOSED.value) & (
            JourneySession.dosed_at.is_(None)
        )
        ids = session.scalars(
            select(JourneySession.id)
            .where(JourneySession.course_id == course.id, ~cancelled)
            .order_by(JourneySession.opened_at, JourneySession.id)
        )
        code = session.scalar(select(Patient.clinic_code).where(Patient.id == course.patient_id))
        return CourseInfo(
            course.id,
            code or "",
            course.planned_sessions,
            course.started_at,
            tuple(ids),
            course.ended_at,
        )

    # -- questionnaires -----------------------------------------------------------------------

    def record(
        self,
        patient_code: str,
        scored: Score,
        moment: str,
        *,
        by: str = "",
        session_id: int | None = None,
        course_id: int | None = None,
        replaces: int | None = None,
        reason: str = "",
        form_language: str = "en",
    ) -> int:
        """Keep a scored questionnaire; returns its id. ``replaces`` corrects an earlier one;
        ``form_language``: the published form's language it was asked in."""
        if moment not in MOMENTS:
            raise ValueError(f"a questionnaire is taken at {' or '.join(MOMENTS)}")
        if replaces is not None and not reason.strip():
            raise ValueError(
                QT_TRANSLATE_NOOP("Storage", "say why the earlier answers are corrected")
            )
        now = self._clock.now()
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The questionnaire could not be saved")),
            self._factory.begin() as session,
        ):
            patient = PatientRepository(session).get_or_create(patient_code.strip(), now)
            row = QuestionnaireResult(
                patient_id=patient.id,
                course_id=course_id,
                session_id=session_id,
                instrument=scored.instrument.id,
                answers=list(scored.answers),
                total=scored.total,
                band=scored.band,
                moment=moment,
                taken_at=now,
                entered_by=by.strip(),
                replaces_id=replaces,
                reason=reason.strip(),
                form_language=form_language,
            )
            session.add(row)
            session.flush()
            return row.id

    def results(self, patient_code: str, instrument: str | None = None) -> list[QuestionnaireEntry]:
        """The patient's results as they stand, oldest first; corrected ones replaced."""
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Questionnaires cannot be read")),
            self._factory() as session,
        ):
            patient = PatientRepository(session).find(patient_code)
            if patient is None:
                return []
            query = select(QuestionnaireResult).where(QuestionnaireResult.patient_id == patient.id)
            if instrument is not None:
                query = query.where(QuestionnaireResult.instrument == instrument)
            rows: Sequence[QuestionnaireResult] = session.scalars(
                query.order_by(QuestionnaireResult.taken_at, QuestionnaireResult.id)
            ).all()
        replaced = {row.replaces_id for row in rows if row.replaces_id is not None}
        # A correction takes the place (date and order) of the first result it stands for.
        root: dict[int, QuestionnaireResult] = {}
        for row in rows:
            earlier = root.get(row.replaces_id) if row.replaces_id is not None else None
            root[row.id] = earlier or row
        standing: list[tuple[int, QuestionnaireEntry]] = []
        for row in rows:
            if row.id in replaced or row.instrument not in INSTRUMENTS:
                continue
            first = root[row.id]
            entry = QuestionnaireEntry(
                row.id,
                row.instrument,
                row.total,
                row.band,
                tuple(row.answers),
                row.moment,
                first.taken_at,
                row.session_id,
                row.course_id,
                row.entered_by,
                row.replaces_id is not None,
                row.form_language or "en",
            )
            standing.append((first.id, entry))
        standing.sort(key=lambda pair: (pair[1].taken_at, pair[0]))
        return [entry for _, entry in standing]
