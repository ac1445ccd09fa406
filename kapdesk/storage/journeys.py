"""Sessions on disk: opening them, picking them up again after a crash, and reading them back.

Each session open in this app has one :class:`~kapdesk.storage.recorder.EventRecorder`, the
journey's first listener, which writes every event as it happens.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from kapdesk.core.clock import Clock
from kapdesk.core.downtime import Heartbeat, SessionBeat, judge_downtime
from kapdesk.core.journey import EventKind, Journey, JourneyEvent, JourneyState
from kapdesk.core.protocol_files import parse_protocol, stand_in_protocol
from kapdesk.core.protocols import Protocol, ProtocolError
from kapdesk.core.staff import StaffMember
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template
from kapdesk.storage.db import Storage, database_identity
from kapdesk.storage.errors import StorageError
from kapdesk.storage.event_writes import EventConflictError, write_event
from kapdesk.storage.failures import plainly
from kapdesk.storage.heartbeat import HeartbeatFile
from kapdesk.storage.models import JourneySession
from kapdesk.storage.outbox import Kept, Outbox, OutboxError
from kapdesk.storage.recorder import WRITE_LIMIT_S, EventRecorder
from kapdesk.storage.repositories import (
    JourneyEventRepository,
    PatientRepository,
    ProtocolSnapshotRepository,
    SessionRepository,
    SessionSummary,
    StaffRepository,
)

log = logging.getLogger(__name__)

# Events after which the heartbeat is written at once (besides every few seconds).
BEAT_ON = frozenset(
    {
        EventKind.DOSE,
        EventKind.CLOSED,
        EventKind.RESUMED,
        EventKind.TIME_CORRECTED,
        EventKind.TIME_CONFIRMED,
    }
)


def session_protocol(session_id: int, text: str, events: list[JourneyEvent]) -> Protocol:
    """The protocol a session runs under: its snapshot, or, when the snapshot cannot be used
    (unreadable, with numbers beyond the bounds kapdesk now holds protocols to, or without
    the phases the session's record names), a stand-in that keeps the session's timer, record
    and phases by hand, and says why."""
    recorded = {
        int(event.phase_index): str(event.data.get("name") or "")
        for event in events
        if event.kind is EventKind.PHASE and isinstance(event.phase_index, int)
    }
    try:
        protocol = parse_protocol(text, source=f"snapshot of session {session_id}")
    except ProtocolError as exc:
        log.warning("session %s: its protocol cannot be used (%s)", session_id, exc.problems[:1])
        first = exc.problems[0] if exc.problems else None
        more = len(exc.problems) - 1
        reason: str = _CANNOT_BE_READ
        if first is not None and first.field:
            reason = _FIELD_SAYS.format(field=first.field, message=first.message)
        elif first is not None:
            reason = _TEXT_SAYS.format(message=first.message)
        if more:
            reason = _MORE.format(reason=reason, count=more)
    else:
        if all(0 <= index < len(protocol.phases) for index in recorded):
            return protocol
        log.warning("session %s: its record names phases its protocol has not", session_id)
        reason = _PHASES_NOT_THERE
    return stand_in_protocol(text, _STAND_IN.format(reason=reason), recorded)


# Why a session's own protocol is not used, said on its journey page.
_FIELD_SAYS = Template("Storage", "{field} {message}")  # no words of its own
_TEXT_SAYS = QT_TRANSLATE_NOOP("Storage", "the text {message}")
_CANNOT_BE_READ = QT_TRANSLATE_NOOP("Storage", "it cannot be read")
_MORE = QT_TRANSLATE_NOOP(
    "Storage",
    "{reason}; and %n more problem|{reason}; and %n more problems",
)
_PHASES_NOT_THERE = QT_TRANSLATE_NOOP(
    "Storage", "the session's record names phases it does not have"
)
_STAND_IN = QT_TRANSLATE_NOOP(
    "Storage",
    "This session's protocol cannot be used ({reason}). The timer and the record go on; move "
    "through the phases by hand; no vital signs fall due by schedule, and kapdesk's default "
    "limits flag the readings.",
)


# How long a read of a session this store records waits for what it took to be written.
READ_OWN_WRITES_S = 5.0


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

    Database failures come out as :class:`StorageError` with a sentence for staff. With a
    ``heartbeat`` file, the store keeps it written while sessions are open (:meth:`beat`) and
    resumes a session from the time it can vouch for (:mod:`kapdesk.core.downtime`).
    """

    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        room: str = "",
        outbox: Outbox | None = None,
        *,
        set_aside: Path | None = None,
        heartbeat: HeartbeatFile | None = None,
        write_limit: float = WRITE_LIMIT_S,
    ) -> None:
        self._engine = storage.engine
        self.write_limit = write_limit  # a write not committed by then puts the room offline
        # SQLite: where entries another writer kept out of the record go (opened when needed).
        self.set_aside_path = set_aside
        self._aside_box: Outbox | None = None
        self._factory = storage.factory
        self._away = storage.away
        self._clock = clock
        self.room = room
        self.outbox = outbox
        # On a server several rooms share, a room picks up only its own sessions.
        self.shared = storage.engine.dialect.name != "sqlite"
        # One journey and one recorder per session in this app: a second recorder would
        # number its events from the database and collide with the first one's backlog.
        self._live: dict[int, OpenJourney] = {}
        self._live_lock = threading.Lock()  # editable() adds from a worker thread
        self.heartbeat = heartbeat
        self._beat_failed = False

    def _recorder(self, session_id: int, next_seq: int, opened_at: datetime) -> EventRecorder:
        return EventRecorder(
            self._engine,
            session_id,
            next_seq,
            self.outbox,
            opened_at=opened_at,
            write_limit=self.write_limit,
            away=self._away,
            aside=self._set_aside_box if self.set_aside_path is not None else None,
        )

    def _set_aside_box(self) -> Outbox:
        """The set-aside file, opened once (OutboxError if it cannot be)."""
        if self._aside_box is None:
            assert self.set_aside_path is not None
            try:
                identity = database_identity(self._engine)
            except StorageError as exc:
                raise OutboxError(str(exc)) from exc
            self._aside_box = Outbox(self.set_aside_path, identity)
        return self._aside_box

    def _keep_live(self, opened: OpenJourney) -> OpenJourney:
        """``opened``, now live; or the journey another thread made live for it first."""
        with self._live_lock:
            first = self._live.setdefault(opened.session_id, opened)
        if first is not opened:
            opened.journey.unsubscribe(opened.recorder)  # never started: nothing to stop
            return first
        if self.heartbeat is not None:
            opened.journey.subscribe(self._beat_after)
        return opened

    def _beat_after(self, event: JourneyEvent) -> None:
        if event.kind in BEAT_ON:
            self.beat()

    def beat(self) -> None:
        """Write the heartbeat: the clocks now and the journey time of each open session.

        Called every few seconds while a session is open; a disk that says no is logged (the
        next restart then rests on the wall clock, and says so), never raised.
        """
        if self.heartbeat is None:
            return
        live = [
            opened
            for opened in self._open_now()
            if opened.journey.state is not JourneyState.CLOSED and opened.journey.events
        ]
        if not live:
            return
        clock = self._clock
        boot = clock.boot_id()
        # The clocks and the journey times, read together: nothing in between lets another
        # thread run, or the heartbeat would vouch for time that was not there.
        up, now = clock.since_boot(), clock.now()
        sessions = tuple(
            SessionBeat(opened.session_id, opened.journey.events[0].wall, opened.journey.elapsed())
            for opened in live
        )
        beat = Heartbeat(now, boot, up, sessions)
        try:
            self.heartbeat.write(beat)
        except OSError as exc:
            if not self._beat_failed:
                log.warning("heartbeat cannot be written: %s", exc)
            self._beat_failed = True
            return
        self._beat_failed = False

    def _open_now(self) -> list[OpenJourney]:
        """Every session this app has a recorder for: the one on screen and past ones opened
        for corrections."""
        with self._live_lock:
            return list(self._live.values())

    def release(self, session_id: int, timeout: float = 0.0) -> bool:
        """Staff left a past session's timeline: its recorder stops and the session is no
        longer live, once what it took is committed (waiting at most ``timeout`` seconds; the
        window passes 0 and never waits). True when released; otherwise the recorder goes on
        writing, and the next :meth:`editable` hands back the same journey, still recorded."""
        with self._live_lock:
            opened = self._live.get(session_id)
        if opened is None:
            return True
        if not opened.recorder.flush(timeout) and opened.recorder.pending:
            return False
        with self._live_lock:
            if self._live.get(session_id) is opened:
                del self._live[session_id]
        opened.recorder.close()
        with contextlib.suppress(ValueError):  # already let go of
            opened.journey.unsubscribe(opened.recorder)
        return True

    def flush_all(self, timeout: float) -> bool:
        """Wait at most ``timeout`` seconds in all for every open session's recorder to commit
        what waits; True when nothing is left unsaved. For shutting down: the window never
        waits."""
        deadline = time.monotonic() + timeout
        saved = True
        for opened in self._open_now():
            left = max(0.0, deadline - time.monotonic())
            saved = opened.recorder.flush(left) and saved
        return saved

    def held_in_memory(self) -> bool:
        """Whether any open session's recorder holds entries on no disk yet: closing kapdesk
        must ask first (:attr:`EventRecorder.held_in_memory`)."""
        return any(opened.recorder.held_in_memory for opened in self._open_now())

    def close_all(self) -> None:
        """kapdesk is closing: every recorder stops, keeping what waits on this PC's disk."""
        for opened in self._open_now():
            opened.recorder.close()

    def deliver_outbox(self) -> int:
        """Write what the outbox kept from an earlier run, in order; how many were written.

        An entry whose session the database does not have as it was (a server restored from
        an older backup) is set aside in the outbox, with why, never written elsewhere.
        Raises :class:`StorageError` when the server cannot take them yet (they stay kept).
        """
        if self.outbox is None:
            return 0
        written = 0
        checked: dict[int, bool] = {}
        for kept in self.outbox.waiting():
            with plainly(
                QT_TRANSLATE_NOOP(
                    "Storage", "Entries kept on this PC while offline cannot be sent yet"
                )
            ):
                if kept.session_id not in checked:
                    checked[kept.session_id] = self._same_session(kept)
                if not checked[kept.session_id]:
                    log.error("outbox: session %s is not on the server as kept", kept.session_id)
                    self.outbox.set_aside(
                        kept.session_id,
                        kept.seq,
                        "its session is not on the server as it was (restored from a backup?)",
                    )
                    continue
                try:
                    write_event(self._engine, kept.session_id, kept.seq, kept.event)
                except EventConflictError as exc:
                    self.outbox.set_aside(kept.session_id, kept.seq, str(exc))
                    continue
            self.outbox.delivered(kept.session_id, kept.seq)
            written += 1
        return written

    def _same_session(self, kept: Kept) -> bool:
        with self._factory() as session:
            row = session.get(JourneySession, kept.session_id)
        if row is None:
            return False
        return abs((row.opened_at - kept.session_opened).total_seconds()) < 0.001

    def open_session(
        self,
        patient_code: str,
        protocol: Protocol,
        sitter: str,
        actor: StaffMember | None = None,
        handout_language: str = "",
    ) -> OpenJourney:
        """Create a session and its first event in one transaction; raise if it cannot be saved.

        ``actor`` is the member of staff opening it, who acts on the journey from then on
        (:class:`kapdesk.core.journey.NotAllowedError` if their roles do not allow it).
        ``handout_language`` is the language the patient's handout prints in ("es"); "" the
        clinic's.
        """
        code = patient_code.strip()
        if not code:
            raise ValueError(
                QT_TRANSLATE_NOOP("Storage", "a session needs the patient's clinic code")
            )
        journey = Journey.open(protocol, self._clock, actor=actor)
        opened = journey.events[0]
        with plainly(QT_TRANSLATE_NOOP("Storage", "The session could not be opened")):
            try:
                session_id, sitter_name = self._create(
                    code, sitter, protocol, opened, handout_language
                )
            except IntegrityError:
                # Another room added the same patient, sitter or protocol text at the same
                # moment: theirs is there now, and this room's session uses it.
                session_id, sitter_name = self._create(
                    code, sitter, protocol, opened, handout_language
                )
        recorder = self._recorder(session_id, 1, opened.wall)
        journey.subscribe(recorder)
        return self._keep_live(OpenJourney(session_id, code, sitter_name, journey, recorder))

    def _create(
        self,
        code: str,
        sitter: str,
        protocol: Protocol,
        opened: JourneyEvent,
        handout_language: str = "",
    ) -> tuple[int, str]:
        """The session row and its first event, in one transaction: its id and sitter."""
        with self._factory.begin() as session:
            patient = PatientRepository(session).get_or_create(code, opened.wall)
            staff = (
                StaffRepository(session).get_or_create(sitter, opened.wall)
                if sitter.strip()
                else None
            )
            snapshot = ProtocolSnapshotRepository(session).snapshot(protocol, opened.wall)
            row = SessionRepository(session).create(
                patient, staff, snapshot, opened.wall, self.room, handout_language=handout_language
            )
            JourneyEventRepository(session).append(row.id, 0, opened)
            return row.id, staff.name if staff else ""

    def resume_open_sessions(self) -> list[OpenJourney]:
        """Every session left open (by a crash, a kill, a power cut), running again."""
        self.deliver_outbox()
        room = self.room if self.shared else None
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Sessions left open cannot be read")),
            self._factory() as session,
        ):
            ids = SessionRepository(session).open_ids(room)
        beat = self.heartbeat.read() if self.heartbeat is not None else None
        resumed = []
        for session_id in ids:
            summary, journey = self.load(session_id)
            recorder = self._recorder(session_id, len(journey.events), summary.opened_at)
            journey.subscribe(recorder)
            downtime = None
            if journey.events:
                last = journey.events[-1]
                mine = beat.session(session_id, journey.events[0].wall) if beat else None
                downtime = judge_downtime(last.wall, last.elapsed, beat, mine, self._clock)
            journey.resume(downtime)
            resumed.append(
                self._keep_live(
                    OpenJourney(session_id, summary.patient_code, summary.sitter, journey, recorder)
                )
            )
        self.beat()
        return resumed

    def editable(self, session_id: int) -> OpenJourney:
        """A session (closed or not) with a recorder, to add corrections to its record; the
        journey this app already has for it, if any."""
        with self._live_lock:
            live = self._live.get(session_id)
        if live is not None:
            return live
        summary, journey = self.load(session_id)
        recorder = self._recorder(session_id, len(journey.events), summary.opened_at)
        journey.subscribe(recorder)
        return self._keep_live(
            OpenJourney(session_id, summary.patient_code, summary.sitter, journey, recorder)
        )

    def load(self, session_id: int) -> tuple[SessionSummary, Journey]:
        """A session's summary and its journey rebuilt from its events, under its own protocol.

        A session this store is recording is read once its recorder has written what it took
        (a bounded wait, on the caller's thread, which is never the window's), so a record
        read right after an entry holds it."""
        live = self._live.get(session_id)
        if live is not None:
            live.recorder.flush(timeout=READ_OWN_WRITES_S)
        with (
            plainly(
                QT_TRANSLATE_NOOP("Storage", "Session {number} cannot be read").format(
                    number=session_id
                )
            ),
            self._factory() as session,
        ):
            repo = SessionRepository(session)
            found = repo.summaries(session_id=session_id)
            if not found:
                raise LookupError(f"there is no session {session_id}")
            text = repo.snapshot_text(session_id)
            events = repo.events(session_id)
        return found[0], Journey.replay(
            session_protocol(session_id, text, events), self._clock, events
        )

    def summaries(
        self, limit: int | None = 500, only_open: bool = False, patient_code: str | None = None
    ) -> list[SessionSummary]:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Past sessions cannot be read")),
            self._factory() as session,
        ):
            return SessionRepository(session).summaries(
                limit=limit, only_open=only_open, patient_code=patient_code
            )

    def patient_codes(self) -> list[str]:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Patient codes cannot be read")),
            self._factory() as session,
        ):
            return PatientRepository(session).codes()

    def staff_names(self) -> list[str]:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Staff names cannot be read")),
            self._factory() as session,
        ):
            return StaffRepository(session).names()
