"""Repositories: reads and writes of the clinical record on a Session the caller opened.

A repository never opens or commits a Session of its own; one unit of work is one user action,
and its caller owns it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session, aliased

from kapdesk.core.journey import EventKind, JourneyEvent, JourneyState, dose_of
from kapdesk.core.protocols import Protocol
from kapdesk.storage.chain import Link, event_link, previous_event_link
from kapdesk.storage.models import (
    DoseRecord,
    JourneySession,
    Patient,
    ProtocolSnapshot,
    SessionEvent,
    Staff,
)

# Built once: an event is written on every action in the room, and a statement built per call
# costs more than the commit itself.
_EVENTS: Table = SessionEvent.__table__  # type: ignore[assignment]
_INSERT_EVENT = insert(_EVENTS)
_INSERT_EVENT_RETURNING_ID = insert(_EVENTS).returning(_EVENTS.c.id)
# What a journey event is rebuilt from.
_EVENT_COLUMNS = (
    _EVENTS.c.kind,
    _EVENTS.c.wall_at,
    _EVENTS.c.elapsed_s,
    _EVENTS.c.phase_index,
    _EVENTS.c.data,
)
_SELECT_EVENTS = (
    select(*_EVENT_COLUMNS)
    .where(_EVENTS.c.session_id == bindparam("session_id"))
    .order_by(_EVENTS.c.seq)
)


_OPEN_STATES = [state.value for state in JourneyState if state is not JourneyState.CLOSED]


@dataclass(frozen=True)
class SessionSummary:
    """A session as lists show it."""

    id: int
    patient_code: str
    protocol_id: str
    protocol_name: str
    sitter: str
    state: JourneyState
    phase_index: int | None
    opened_at: datetime
    dosed_at: datetime | None
    closed_at: datetime | None
    close_reason: str
    room: str = ""
    handout_language: str = ""  # the patient's handout's ("es"); "" the clinic's language


class PatientRepository:
    """Patients by clinic code."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def find(self, clinic_code: str) -> Patient | None:
        return self.session.scalar(
            select(Patient).where(Patient.clinic_code == clinic_code.strip())
        )

    def get_or_create(self, clinic_code: str, now: datetime) -> Patient:
        code = clinic_code.strip()
        patient = self.find(code)
        if patient is None:
            patient = Patient(clinic_code=code, created_at=now)
            self.session.add(patient)
            self.session.flush()
        return patient

    def codes(self) -> list[str]:
        return list(self.session.scalars(select(Patient.clinic_code).order_by(Patient.clinic_code)))


class StaffRepository:
    """Staff by name."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get_or_create(self, name: str, now: datetime) -> Staff:
        clean = " ".join(name.split())
        staff = self.session.scalar(select(Staff).where(Staff.name == clean))
        if staff is None:
            staff = Staff(name=clean, role="sitter", created_at=now)
            self.session.add(staff)
            self.session.flush()
        return staff

    def names(self) -> list[str]:
        return list(self.session.scalars(select(Staff.name).order_by(Staff.name)))


class ProtocolSnapshotRepository:
    """The protocol texts sessions ran under, each distinct text stored once."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def snapshot(self, protocol: Protocol, now: datetime) -> ProtocolSnapshot:
        digest = hashlib.sha256(protocol.text.encode("utf-8")).hexdigest()
        found = self.session.scalar(
            select(ProtocolSnapshot).where(ProtocolSnapshot.sha256 == digest)
        )
        if found is None:
            found = ProtocolSnapshot(
                protocol_id=protocol.id,
                name=protocol.name,
                sha256=digest,
                text=protocol.text,
                created_at=now,
            )
            self.session.add(found)
            self.session.flush()
        return found


class SessionRepository:
    """Sessions and their events."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def create(
        self,
        patient: Patient,
        sitter: Staff | None,
        snapshot: ProtocolSnapshot,
        opened_at: datetime,
        room: str = "",
        *,
        handout_language: str = "",
    ) -> JourneySession:
        row = JourneySession(
            patient_id=patient.id,
            sitter_id=sitter.id if sitter else None,
            protocol_snapshot_id=snapshot.id,
            protocol_id=snapshot.protocol_id,
            protocol_name=snapshot.name,
            room=room,
            state=JourneyState.OPENED.value,
            phase_index=None,
            opened_at=opened_at,
            dosed_at=None,
            closed_at=None,
            close_reason="",
            handout_language=handout_language,
        )
        self.session.add(row)
        self.session.flush()
        return row

    def events(self, session_id: int) -> list[JourneyEvent]:
        """The session's events in order. Read as plain rows, not ORM objects: a session is
        replayed from them at every start, and an object per row cost most of the time."""
        rows = self.session.execute(_SELECT_EVENTS, {"session_id": session_id})
        return [JourneyEvent(EventKind(kind), *rest) for kind, *rest in rows]

    def snapshot_text(self, session_id: int) -> str:
        text = self.session.scalar(
            select(ProtocolSnapshot.text)
            .join(JourneySession, JourneySession.protocol_snapshot_id == ProtocolSnapshot.id)
            .where(JourneySession.id == session_id)
        )
        if text is None:
            raise LookupError(f"no session {session_id}")
        return text

    def open_ids(self, room: str | None = None) -> list[int]:
        """Sessions not closed, oldest first; in ``room`` alone when one is named."""
        # "IN the open states" rather than "not closed": SQLite uses the index on state for the
        # one and scans every session the clinic ever had for the other.
        query = select(JourneySession.id).where(JourneySession.state.in_(_OPEN_STATES))
        if room is not None:
            query = query.where(JourneySession.room == room)
        return list(self.session.scalars(query.order_by(JourneySession.opened_at)))

    def summaries(
        self,
        limit: int | None = None,
        session_id: int | None = None,
        only_open: bool = False,
        patient_code: str | None = None,
    ) -> list[SessionSummary]:
        sitter = aliased(Staff)
        query = (
            select(JourneySession, Patient.clinic_code, sitter.name)
            .join(Patient, Patient.id == JourneySession.patient_id)
            .outerjoin(sitter, sitter.id == JourneySession.sitter_id)
            .order_by(JourneySession.opened_at.desc(), JourneySession.id.desc())
        )
        if session_id is not None:
            query = query.where(JourneySession.id == session_id)
        if only_open:
            query = query.where(JourneySession.state.in_(_OPEN_STATES))
        if patient_code is not None:
            query = query.where(Patient.clinic_code == patient_code)
        if limit is not None:
            query = query.limit(limit)
        return [
            SessionSummary(
                id=row.id,
                patient_code=code,
                protocol_id=row.protocol_id,
                protocol_name=row.protocol_name,
                sitter=name or "",
                state=JourneyState(row.state),
                phase_index=row.phase_index,
                opened_at=row.opened_at,
                dosed_at=row.dosed_at,
                closed_at=row.closed_at,
                close_reason=row.close_reason,
                room=row.room,
                handout_language=row.handout_language or "",
            )
            for row, code, name in self.session.execute(query)
        ]


class JourneyEventRepository:
    """Appends a session's journey events, with the dose and session-row changes they carry.

    It takes either unit of work: the ORM Session that opens a session, or the Core Connection
    the event recorder opens per event (an event is written on every action in the room, and
    an ORM Session around one INSERT costs more than the commit).
    """

    def __init__(self, unit: Session | Connection) -> None:
        self.unit = unit

    def append(
        self, session_id: int, seq: int, event: JourneyEvent, known: Link | None = None
    ) -> Link:
        """Write one event, and what it changes in the session row, in the caller's unit; its
        link in the session's chain. ``known``: the link of the event before it, if the caller
        wrote that one itself (it is then not read back)."""
        row = {
            "session_id": session_id,
            "seq": seq,
            "kind": event.kind.value,
            "wall_at": event.wall,
            "elapsed_s": event.elapsed,
            "phase_index": event.phase_index,
            "data": dict(event.data),
        }
        chain = event_link(previous_event_link(self.unit, session_id, seq, known), row)
        row["chain"] = chain
        changes: dict[str, Any] = {}
        if event.kind is EventKind.DOSE:
            event_id = self.unit.execute(_INSERT_EVENT_RETURNING_ID, row).scalar_one()
            self._add_dose(session_id, event_id, event)
            if event.data.get("first"):
                changes.update(state=JourneyState.RUNNING.value, dosed_at=event.wall)
        else:
            self.unit.execute(_INSERT_EVENT, row)
        if event.kind is EventKind.PHASE:
            changes["phase_index"] = event.phase_index
        elif event.kind is EventKind.CLOSED:
            changes.update(
                state=JourneyState.CLOSED.value,
                closed_at=event.wall,
                close_reason=str(event.data.get("reason", "")),
            )
        if changes:
            self.unit.execute(
                update(JourneySession).where(JourneySession.id == session_id).values(**changes)
            )
        return Link(session_id, seq, chain)

    def stored(self, session_id: int, seq: int) -> JourneyEvent | None:
        """The event at ``seq`` of the session as written, or None."""
        row = self.unit.execute(
            select(*_EVENT_COLUMNS).where(_EVENTS.c.session_id == session_id, _EVENTS.c.seq == seq)
        ).first()
        if row is None:
            return None
        return JourneyEvent(
            EventKind(row.kind), row.wall_at, row.elapsed_s, row.phase_index, row.data
        )

    def _add_dose(self, session_id: int, event_id: int, event: JourneyEvent) -> None:
        dose = dose_of(event)
        self.unit.execute(
            insert(DoseRecord).values(
                session_id=session_id,
                event_id=event_id,
                wall_at=event.wall,
                elapsed_s=event.elapsed or 0.0,
                amount=dose.amount,
                unit=dose.unit,
                route=dose.route,
                lot_number=dose.lot_number,
                given_by=dose.given_by,
                note=dose.note,
            )
        )
