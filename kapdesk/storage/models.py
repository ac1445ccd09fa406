"""SQLAlchemy 2 typed models of the clinical record.

Rows here are never deleted or rewritten: a session's history is its ``session_events``, in
order; the ``sessions`` row also carries its current state so lists and recovery need no replay.
All datetimes are timezone-aware UTC, whatever the database stores.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """A datetime stored as UTC and always read back timezone-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("kapdesk stores only timezone-aware datetimes")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so migrations can name every constraint."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[int]: JSON(),
    }


class Patient(Base):
    """A patient, known by the clinic's code; name and birth date are optional."""

    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_code: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]


class Staff(Base):
    """A member of staff who sits, doses or observes. With a PIN, an account that signs in;
    without one, a name typed at set-up."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[str] = mapped_column(String(120), default="sitter")  # roles, comma-separated
    created_at: Mapped[datetime]
    pin_hash: Mapped[str | None] = mapped_column(Text)  # kapdesk.core.staff.hash_pin
    failed_pins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(default=True)


class ProtocolSnapshot(Base):
    """The exact protocol text a session ran under, stored once per distinct text."""

    __tablename__ = "protocol_snapshots"

    id: Mapped[int] = mapped_column(primary_key=True)
    protocol_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class JourneySession(Base):
    """One treatment session: who, under which protocol, and where it stands now."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    sitter_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    protocol_snapshot_id: Mapped[int] = mapped_column(ForeignKey("protocol_snapshots.id"))
    protocol_id: Mapped[str] = mapped_column(String(64))
    protocol_name: Mapped[str] = mapped_column(String(200))
    room: Mapped[str] = mapped_column(String(120), default="")
    state: Mapped[str] = mapped_column(String(16), index=True)
    phase_index: Mapped[int | None] = mapped_column(Integer)
    opened_at: Mapped[datetime]
    dosed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    close_reason: Mapped[str] = mapped_column(Text, default="")
    course_id: Mapped[int | None] = mapped_column(ForeignKey("courses.id"), index=True)
    # The patient's handout's language ("es"); NULL or "" the clinic's (sessions before 0013).
    handout_language: Mapped[str | None] = mapped_column(String(8), default="")


class DoseRecord(Base):
    """A dose given during a session (the first one starts the journey clock)."""

    __tablename__ = "doses"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("session_events.id"), unique=True)
    wall_at: Mapped[datetime]
    elapsed_s: Mapped[float] = mapped_column(Float)
    amount: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(32))
    route: Mapped[str] = mapped_column(String(64))
    lot_number: Mapped[str] = mapped_column(String(64), default="")
    given_by: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class SessionEvent(Base):
    """One event of a session's journey, in order (``seq`` counts from 0 per session)."""

    __tablename__ = "session_events"
    __table_args__ = (UniqueConstraint("session_id", "seq", name="uq_session_events_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    wall_at: Mapped[datetime]
    elapsed_s: Mapped[float | None] = mapped_column(Float)
    phase_index: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict[str, Any]]
    # SHA-256 over the previous event's chain and this event (kapdesk.storage.chain); None for
    # events written before schema 0009.
    chain: Mapped[str | None] = mapped_column(String(64))


# -- the sound library: configuration, not clinical record (a session keeps its own copy of the
# soundtrack it played in its events) -------------------------------------------------------------


class LibraryTrack(Base):
    """A sound file the clinic added, and what a scan learnt about it."""

    __tablename__ = "library_tracks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str] = mapped_column(String(300))
    artist: Mapped[str] = mapped_column(String(300), default="")
    duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    format: Mapped[str] = mapped_column(String(16), default="")
    problem: Mapped[str | None] = mapped_column(Text, nullable=True)  # None: playable
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Loudness (migration 0012); None until measured. The file's size and st_mtime when it
    # was measured tell whether the measurement still holds.
    loudness_lufs: Mapped[float | None] = mapped_column(Float, nullable=True)
    loudness_range: Mapped[float | None] = mapped_column(Float, nullable=True)
    true_peak: Mapped[float | None] = mapped_column(Float, nullable=True)
    loudness_source: Mapped[str | None] = mapped_column(String(16), nullable=True)
    loudness_problem: Mapped[str | None] = mapped_column(Text, nullable=True)  # not measurable
    measured_size: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    measured_mtime: Mapped[float | None] = mapped_column(Float, nullable=True)


class PlaylistRow(Base):
    """A named playlist."""

    __tablename__ = "playlists"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PlaylistEntry(Base):
    """A track's place in a playlist."""

    __tablename__ = "playlist_entries"
    __table_args__ = (UniqueConstraint("playlist_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    playlist_id: Mapped[int] = mapped_column(ForeignKey("playlists.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    track_id: Mapped[int] = mapped_column(ForeignKey("library_tracks.id"))


class SoundtrackRow(Base):
    """A saved soundtrack: its bed, its playlists by phase, how it switches (as JSON)."""

    __tablename__ = "soundtracks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    plan: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Course(Base):
    """A patient's course of dosing sessions (often six over two to three weeks)."""

    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    planned_sessions: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")


class QuestionnaireResult(Base):
    """A PHQ-9 or GAD-7 as the patient answered it. A correction is a new row that names the
    one it replaces; nothing is overwritten."""

    __tablename__ = "questionnaire_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    course_id: Mapped[int | None] = mapped_column(ForeignKey("courses.id"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id"))
    instrument: Mapped[str] = mapped_column(String(16))
    answers: Mapped[list[int]] = mapped_column(JSON)
    total: Mapped[int] = mapped_column(Integer)
    band: Mapped[str] = mapped_column(String(32))
    moment: Mapped[str] = mapped_column(String(16))  # preparation | follow-up
    taken_at: Mapped[datetime]
    entered_by: Mapped[str] = mapped_column(String(120), default="")
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("questionnaire_results.id"))
    reason: Mapped[str] = mapped_column(Text, default="")  # why it replaces the other
    # The published form's language it was asked in ("es"); NULL the English (before 0014).
    form_language: Mapped[str | None] = mapped_column(String(8), nullable=True)


class IntegrationItem(Base):
    """An item of a session's integration plan, as drafted when the session closed."""

    __tablename__ = "integration_items"
    __table_args__ = (UniqueConstraint("session_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    due_from: Mapped[date | None] = mapped_column(Date)
    due_by: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]


class IntegrationUpdate(Base):
    """A change to an integration item: ticked or not, assigned, booked, a note. Appended only;
    an item stands as its updates leave it."""

    __tablename__ = "integration_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("integration_items.id"), index=True)
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(120), default="")
    done: Mapped[bool | None]
    assigned_to: Mapped[str | None] = mapped_column(String(120))
    booked_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    """Who did what and when, beyond the session records (which carry their own author):
    sign-ins, locks, exports, settings and staff changes. Appended only."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    who: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    chain: Mapped[str | None] = mapped_column(String(64))  # as SessionEvent.chain


class DatabaseIdentity(Base):
    """The id this database was given once (migration 0007): what room outboxes key by."""

    __tablename__ = "database_identity"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)


class KapdeskVersion(Base):
    """A version of kapdesk that opened the records (migration 0011): when the database was
    made, and each time another version opened it. Not a record; written once per version."""

    __tablename__ = "kapdesk_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(40))
    previous: Mapped[str] = mapped_column(String(40), server_default="")  # "" when made
    at: Mapped[datetime]


class RoomPresence(Base):
    """When a room PC last said it is there (migration 0008); overwritten, not a record."""

    __tablename__ = "room_presence"

    room: Mapped[str] = mapped_column(String(120), primary_key=True)
    seen_at: Mapped[datetime]  # the server's time, never the room PC's
    waiting: Mapped[int] = mapped_column(server_default="0")  # entries on the PC, not sent
