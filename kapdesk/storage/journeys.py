"""Sessions on disk: opening them, recording every journey event as it happens, picking them up
again after a crash, and reading them back.

Each event is its own unit of work, committed before anyone else hears of it: the recorder is
the journey's first listener, so the screen only ever shows what is already on disk. When a
write fails (read-only database, full disk) the event is kept in memory, in order, and written
as soon as a later attempt succeeds; the recorder says what went wrong meanwhile.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from kapdesk.core.clock import Clock
from kapdesk.core.journey import Journey, JourneyEvent
from kapdesk.core.protocols import Protocol, ProtocolError, parse_protocol
from kapdesk.core.staff import StaffMember
from kapdesk.storage.db import Storage, failure_reason
from kapdesk.storage.errors import StorageError
from kapdesk.storage.repositories import (
    JourneyEventRepository,
    PatientRepository,
    ProtocolSnapshotRepository,
    SessionRepository,
    SessionSummary,
    StaffRepository,
)

StatusListener = Callable[[str | None], None]

# What a failed read or write can raise, from SQLAlchemy, the driver underneath it or the disk.
DATABASE_FAILURES = (SQLAlchemyError, sqlite3.Error, OSError)


class EventRecorder:
    """Writes a session's journey events to the database, one transaction per event."""

    def __init__(self, engine: Engine, session_id: int, next_seq: int) -> None:
        self._engine = engine
        self.session_id = session_id
        self._next_seq = next_seq
        self._pending: list[tuple[int, JourneyEvent]] = []
        self.problem: str | None = None
        self._status_listeners: list[StatusListener] = []

    def on_status(self, listener: StatusListener) -> None:
        """``listener(problem)`` hears of every change: a message, or None when all is saved."""
        self._status_listeners.append(listener)

    @property
    def pending(self) -> int:
        """Events taken but not yet on disk."""
        return len(self._pending)

    def __call__(self, event: JourneyEvent) -> None:
        self._pending.append((self._next_seq, event))
        self._next_seq += 1
        self.flush()

    def flush(self) -> bool:
        """Write what is pending, in order; True when nothing is left unsaved."""
        problem: str | None = None
        while self._pending:
            seq, event = self._pending[0]
            try:
                with self._engine.begin() as connection:
                    JourneyEventRepository(connection).append(self.session_id, seq, event)
            except DATABASE_FAILURES as exc:
                problem = describe_write_failure(exc)
                break
            self._pending.pop(0)
        if problem != self.problem:
            self.problem = problem
            for listener in list(self._status_listeners):
                listener(problem)
        return not self._pending


def write_failure_reason(exc: BaseException) -> str:
    """Why a write failed, in a few plain words for staff."""
    return f"the database {failure_reason(exc) or 'cannot be written'}"


def describe_write_failure(exc: BaseException) -> str:
    """A sentence for staff about an event that is waiting to be saved."""
    return (
        f"Not saved yet: {write_failure_reason(exc)}. "
        "What you record is kept and will be saved when it can be."
    )


@contextmanager
def plainly(action: str) -> Iterator[None]:
    """Turn a database failure during ``action`` into a StorageError that says it plainly."""
    try:
        yield
    except DATABASE_FAILURES as exc:
        raise StorageError(f"{action}: {write_failure_reason(exc)}") from exc


@dataclass
class OpenJourney:
    """A session that is open in this app: its journey and the recorder that keeps it."""

    session_id: int
    patient_code: str
    sitter: str
    journey: Journey
    recorder: EventRecorder

    @property
    def author(self) -> str:
        """Who is recording now: the member signed in, or the sitter when no one is."""
        actor = self.journey.actor
        return actor.name if actor is not None else self.sitter


class JourneyStore:
    """Opens, resumes and reads back sessions; each call is one unit of work.

    Database failures come out as :class:`StorageError` with a sentence for staff.
    """

    def __init__(self, storage: Storage, clock: Clock, room: str = "") -> None:
        self._engine = storage.engine
        self._factory = storage.factory
        self._clock = clock
        self.room = room

    def open_session(
        self,
        patient_code: str,
        protocol: Protocol,
        sitter: str,
        actor: StaffMember | None = None,
    ) -> OpenJourney:
        """Create a session and its first event in one transaction; raise if it cannot be saved.

        ``actor`` is the member of staff opening it, who acts on the journey from then on
        (:class:`kapdesk.core.journey.NotAllowedError` if their roles do not allow it).
        """
        code = patient_code.strip()
        if not code:
            raise ValueError("a session needs the patient's clinic code")
        journey = Journey.open(protocol, self._clock, actor=actor)
        opened = journey.events[0]
        with plainly("The session could not be opened"), self._factory.begin() as session:
            patient = PatientRepository(session).get_or_create(code, opened.wall)
            staff = (
                StaffRepository(session).get_or_create(sitter, opened.wall)
                if sitter.strip()
                else None
            )
            snapshot = ProtocolSnapshotRepository(session).snapshot(protocol, opened.wall)
            sessions = SessionRepository(session)
            row = sessions.create(patient, staff, snapshot, opened.wall, self.room)
            JourneyEventRepository(session).append(row.id, 0, opened)
            session_id = row.id
        recorder = EventRecorder(self._engine, session_id, next_seq=1)
        journey.subscribe(recorder)
        return OpenJourney(session_id, code, staff.name if staff else "", journey, recorder)

    def resume_open_sessions(self) -> list[OpenJourney]:
        """Every session left open (by a crash, a kill, a power cut), running again."""
        with plainly("Sessions left open cannot be read"), self._factory() as session:
            ids = SessionRepository(session).open_ids()
        resumed = []
        for session_id in ids:
            summary, journey = self.load(session_id)
            recorder = EventRecorder(self._engine, session_id, next_seq=len(journey.events))
            journey.subscribe(recorder)
            journey.resume()
            resumed.append(
                OpenJourney(session_id, summary.patient_code, summary.sitter, journey, recorder)
            )
        return resumed

    def editable(self, session_id: int) -> OpenJourney:
        """A session (closed or not) with a recorder, to add corrections to its record."""
        summary, journey = self.load(session_id)
        recorder = EventRecorder(self._engine, session_id, next_seq=len(journey.events))
        journey.subscribe(recorder)
        return OpenJourney(session_id, summary.patient_code, summary.sitter, journey, recorder)

    def load(self, session_id: int) -> tuple[SessionSummary, Journey]:
        """A session's summary and its journey rebuilt from its events, under its own protocol."""
        with plainly(f"Session {session_id} cannot be read"), self._factory() as session:
            repo = SessionRepository(session)
            found = repo.summaries(session_id=session_id)
            if not found:
                raise LookupError(f"there is no session {session_id}")
            text = repo.snapshot_text(session_id)
            events = repo.events(session_id)
        try:
            protocol = parse_protocol(text, source=f"snapshot of session {session_id}")
        except ProtocolError as exc:
            raise LookupError(
                f"the protocol stored with session {session_id} cannot be read: {exc}"
            ) from exc
        return found[0], Journey.replay(protocol, self._clock, events)

    def summaries(
        self, limit: int | None = 500, only_open: bool = False, patient_code: str | None = None
    ) -> list[SessionSummary]:
        with plainly("Past sessions cannot be read"), self._factory() as session:
            return SessionRepository(session).summaries(
                limit=limit, only_open=only_open, patient_code=patient_code
            )

    def patient_codes(self) -> list[str]:
        with plainly("Patient codes cannot be read"), self._factory() as session:
            return PatientRepository(session).codes()

    def staff_names(self) -> list[str]:
        with plainly("Staff names cannot be read"), self._factory() as session:
            return StaffRepository(session).names()
