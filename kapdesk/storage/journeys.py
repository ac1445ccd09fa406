"""Sessions on disk: opening them, recording every journey event as it happens, picking them up
again after a crash, and reading them back.

Each event is its own unit of work, committed before anyone else hears of it: the recorder is
the journey's first listener, so the screen only ever shows what is already on disk. When a
write fails (read-only database, full disk) the event is held in memory, in order, and written
as soon as a later attempt succeeds; the recorder says what went wrong meanwhile, and whether
each entry is saved (:meth:`EventRecorder.is_saved`), so nothing is called "Saved" before its
row is committed. A SQLite WAL never grows past the room its disk has
left (:mod:`kapdesk.storage.sqlite_room`), and a full disk first gets room back from it.

An entry the record cannot take because another writer holds its place (two kapdesks writing
to one session) is set aside, fsynced, in a file of its own, and said plainly: in the outbox on
a clinic server, in the data folder's ``set-aside.sqlite`` beside a SQLite database.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from kapdesk.core.clock import Clock
from kapdesk.core.downtime import Heartbeat, SessionBeat, judge_downtime
from kapdesk.core.journey import EventKind, Journey, JourneyEvent, JourneyState
from kapdesk.core.protocol_files import parse_protocol, stand_in_protocol
from kapdesk.core.protocols import Protocol, ProtocolError
from kapdesk.core.staff import StaffMember
from kapdesk.storage.db import (
    UNREACHABLE,
    ServerAway,
    Storage,
    database_identity,
    failure_reason,
)
from kapdesk.storage.errors import StorageError
from kapdesk.storage.failures import DATABASE_FAILURES, plainly, write_failure_reason
from kapdesk.storage.heartbeat import HeartbeatFile
from kapdesk.storage.models import JourneySession
from kapdesk.storage.outbox import Kept, Outbox, OutboxError
from kapdesk.storage.repositories import (
    JourneyEventRepository,
    PatientRepository,
    ProtocolSnapshotRepository,
    SessionRepository,
    SessionSummary,
    StaffRepository,
)
from kapdesk.storage.sqlite_room import free_wal_room, is_disk_full, keep_wal_room

log = logging.getLogger(__name__)

StatusListener = Callable[[str | None], None]

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


class EventConflictError(Exception):
    """The database holds another event at this place in the session (two writers)."""


AsideBox = Callable[[], Outbox]  # opens the file set-aside entries go to (OutboxError if not)


class EventRecorder:
    """Writes a session's journey events to the database, one transaction per event.

    With an :class:`~kapdesk.storage.outbox.Outbox` (a room on a shared server), a write that
    fails puts the room offline: the event and every one after it go to the outbox on this
    PC, and a thread of the recorder's own delivers them in order until the server answers.
    Without one (the embedded SQLite file), a failed write is held in memory and retried by
    :meth:`flush`; an entry that meets another writer's is set aside in ``aside``'s file.
    """

    def __init__(
        self,
        engine: Engine,
        session_id: int,
        next_seq: int,
        outbox: Outbox | None = None,
        *,
        opened_at: datetime | None = None,
        retry_seconds: float = 1.0,
        away: ServerAway | None = None,
        aside: AsideBox | None = None,
    ) -> None:
        self._engine = engine
        self._aside = aside
        self._aside_box: Outbox | None = None
        self._aside_lost = 0  # set aside, and the file could not take them: memory only
        self._not_saved: set[int] = set()  # ids of events taken and not (yet) in the record
        self.session_id = session_id
        self._next_seq = next_seq
        self._pending: list[tuple[int, JourneyEvent]] = []
        self.problem: str | None = None
        self._status_listeners: list[StatusListener] = []
        self._outbox = outbox
        self._opened_at = opened_at
        self._retry_seconds = retry_seconds
        self._away = away if away is not None else ServerAway()
        self._lock = threading.Lock()
        self._offline: str | None = None  # why the room is offline, in a sentence
        self._write_problem: str | None = None  # SQLite: why the last write failed
        self._memory_only = False  # the outbox could not take an entry: only memory holds it
        self._conflicts = 0
        self._delivery: threading.Thread | None = None
        self._closing = threading.Event()

    def on_status(self, listener: StatusListener) -> None:
        """``listener(problem)`` hears of every change: a message, or None when all is saved.

        With an outbox it may be called from the delivery thread.
        """
        self._status_listeners.append(listener)

    def off_status(self, listener: StatusListener) -> None:
        if listener in self._status_listeners:
            self._status_listeners.remove(listener)

    @property
    def pending(self) -> int:
        """Events taken but not yet in the database."""
        with self._lock:
            return len(self._pending)

    @property
    def offline(self) -> bool:
        """The server could not be reached and events wait in the outbox."""
        return self._offline is not None

    @property
    def memory_only(self) -> bool:
        """Some entries are held only in memory: closing kapdesk now would lose them."""
        if self._aside_lost:
            return True
        if self._outbox is None:
            return self.pending > 0  # SQLite: what waits for the disk waits in memory
        return self._memory_only and self.pending > 0

    @property
    def set_aside(self) -> int:
        """Entries this recorder could not add to the record (another writer held their place)."""
        return self._conflicts

    def is_saved(self, event: JourneyEvent) -> bool:
        """Whether ``event`` (one this recorder took) is committed to the record."""
        with self._lock:
            return id(event) not in self._not_saved

    def __call__(self, event: JourneyEvent) -> None:
        with self._lock:
            item = (self._next_seq, event)
            self._not_saved.add(id(event))
            self._pending.append(item)
            self._next_seq += 1
            if self._offline is not None:
                # On disk before anyone hears of it, as a write to the server would be.
                self._keep(item)
                return
        self.flush()

    def flush(self) -> bool:
        """Write what is pending, in order; True when nothing is left unsaved.

        Offline, the delivery thread does the writing and this only says how it stands.
        """
        if self._offline is not None:
            return False
        self._write_problem = None
        while True:
            with self._lock:
                if not self._pending:
                    break
                seq, event = self._pending[0]
            try:
                written = self._write_with_room(seq, event)
            except DATABASE_FAILURES as exc:
                if self._outbox is not None:
                    self._go_offline(exc)
                    return False
                self._write_problem = describe_write_failure(exc, self.pending, self._where())
                break
            with self._lock:
                self._pending.pop(0)
                if written:
                    self._not_saved.discard(id(event))
        self._refresh()
        return self._write_problem is None

    def close(self) -> None:
        """Stop delivering (the app is closing); what waits stays in the outbox.

        Never waits for the delivery thread: a write it has under way either commits or is
        rolled back by the server, and the outbox keeps the entry until it is confirmed.
        """
        self._closing.set()

    def _where(self) -> str | None:
        """The SQLite file written to, for telling staff which disk; None for a server."""
        if self._engine.dialect.name != "sqlite":
            return None
        return self._engine.url.database or None

    def _write_with_room(self, seq: int, event: JourneyEvent) -> bool:
        """:meth:`_write_or_set_aside`; on a full SQLite disk, once more after the WAL gave
        its room back (a small disk never reaches SQLite's own checkpoint)."""
        try:
            written = self._write_or_set_aside(seq, event)
        except DATABASE_FAILURES as exc:
            if not is_disk_full(exc) or not free_wal_room(self._engine):
                raise
            written = self._write_or_set_aside(seq, event)
        keep_wal_room(self._engine)
        return written

    def _write_or_set_aside(self, seq: int, event: JourneyEvent) -> bool:
        """Write one event: True when it is in the record, False when it was set aside (a
        different one holds its place); a database failure is raised."""
        try:
            write_event(self._engine, self.session_id, seq, event)
        except EventConflictError as exc:
            self._set_aside(seq, event, str(exc))
            return False
        return True

    def _kept(self, seq: int, event: JourneyEvent) -> Kept:
        opened = self._opened_at if self._opened_at is not None else event.wall
        return Kept(self.session_id, opened, seq, event)

    def _keep(self, item: tuple[int, JourneyEvent]) -> None:
        assert self._outbox is not None
        try:
            self._outbox.put(self._kept(*item))
        except OutboxError as exc:
            # Still held in memory, in order; said plainly, since a power cut would lose it.
            log.error("outbox: %s", exc)
            self._memory_only = True
            self._refresh()

    def _set_aside(self, seq: int, event: JourneyEvent, why: str) -> None:
        """An entry the record cannot take: kept on this PC's disk with why, for an admin."""
        log.error("session %s: entry %s set aside: %s", self.session_id, seq, why)
        self._conflicts += 1
        if self._outbox is not None:
            with contextlib.suppress(OutboxError):
                self._outbox.put(self._kept(seq, event))
            self._outbox.set_aside(self.session_id, seq, why)
            return
        try:
            if self._aside_box is None:
                if self._aside is None:
                    raise OutboxError("no file to set entries aside in")
                self._aside_box = self._aside()
            self._aside_box.put(self._kept(seq, event), problem=why)
        except OutboxError as exc:
            log.error("set aside: %s", exc)
            self._aside_lost += 1

    def _go_offline(self, exc: BaseException) -> None:
        with self._lock:
            waiting = list(self._pending)
            self._offline = describe_offline(exc)
        for item in waiting:
            self._keep(item)
        log.warning("room offline: %s", type(exc).__name__)
        self._away.failed()
        self._refresh()
        self._delivery = threading.Thread(
            target=self._deliver, name=f"kapdesk-outbox-{self.session_id}", daemon=True
        )
        self._delivery.start()

    def _deliver(self) -> None:
        """The delivery thread: the outbox, in order, until it is empty or the app closes."""
        assert self._outbox is not None
        while not self._closing.is_set():
            with self._lock:
                if not self._pending:
                    self._offline = None
                    self._memory_only = False
                    break
                seq, event = self._pending[0]
            try:
                written = self._write_or_set_aside(seq, event)
                if written:
                    self._outbox.delivered(self.session_id, seq)
            except DATABASE_FAILURES:
                self._closing.wait(self._retry_seconds)
                continue
            with self._lock:
                self._pending.pop(0)
                if written:
                    self._not_saved.discard(id(event))
        if self._offline is None:
            log.info("room back online: the outbox is delivered")
            self._away.answered()
            self._refresh()

    def _refresh(self) -> None:
        """Say how things stand, the most pressing first."""
        if self._memory_only and self._offline is not None:
            problem: str | None = (
                "Working offline, and this PC cannot keep entries on its disk either: they "
                "are held in memory until the clinic server is back. Keep kapdesk open."
            )
        elif self._conflicts and self._outbox is not None:
            problem = (
                f"{self._conflicts} entr{'y' if self._conflicts == 1 else 'ies'} could not be "
                "added to this session's record: another PC recorded at the same place in it "
                "(two PCs with one room name?). Kept on this PC for an admin; see the log."
            )
        elif self._conflicts:
            problem = describe_set_aside(self._conflicts, self._aside_lost, self._aside_box)
        else:
            problem = self._offline or self._write_problem
        if problem == self.problem:
            return
        self.problem = problem
        for listener in list(self._status_listeners):
            listener(problem)


def write_event(engine: Engine, session_id: int, seq: int, event: JourneyEvent) -> None:
    """Write one event in a transaction of its own.

    The same event already at that place (its write committed, and the answer was lost with
    the network) is not written twice; a different one raises :class:`EventConflictError`.
    """
    try:
        with engine.begin() as connection:
            JourneyEventRepository(connection).append(session_id, seq, event)
    except IntegrityError:
        with engine.connect() as connection:
            stored = JourneyEventRepository(connection).stored(session_id, seq)
        if stored is None:
            raise
        if not same_event(stored, event):
            raise EventConflictError(
                f"session {session_id} already holds a different {stored.kind.value} at {seq}"
            ) from None


def same_event(one: JourneyEvent, other: JourneyEvent) -> bool:
    """The same event, as stored and as recorded (times to the millisecond)."""
    return (
        one.kind is other.kind
        and abs((one.wall - other.wall).total_seconds()) < 0.001
        and dict(one.data) == dict(other.data)
    )


def describe_offline(exc: BaseException) -> str:
    """A sentence for staff when the room works without its server."""
    reason = failure_reason(exc)
    said = (
        "the clinic server cannot be reached"
        if reason == UNREACHABLE
        else (f"the clinic server {reason or 'cannot be written'}")
    )
    return (
        f"Offline: {said}. The timer, the music and everything you record go on; "
        "entries are kept on this PC and sent, in order, when the server is back."
    )


def describe_set_aside(count: int, lost: int, box: Outbox | None) -> str:
    """A sentence for staff about entries another writer kept out of a SQLite record."""
    entries = f"{count} entr{'y' if count == 1 else 'ies'}"
    said = (
        f"Not saved: {entries} could not be added to this session's record, because another "
        "kapdesk wrote to the same place in it (two kapdesks on one database). "
    )
    if lost:
        return said + (
            f"{lost} of them could not be kept on disk either and are held in memory only: "
            "keep kapdesk open and tell an admin now."
        )
    where = f" in {box.path}" if box is not None else ""
    return said + f"They are set aside{where} for an admin: record in one kapdesk only."


def describe_write_failure(exc: BaseException, waiting: int = 0, where: str | None = None) -> str:
    """A sentence for staff about entries waiting to be saved (held in memory meanwhile)."""
    count = (
        f"{waiting} entr{'y waits' if waiting == 1 else 'ies wait'}" if waiting else "entries wait"
    )
    held = "they are held in memory only, not on disk: keep kapdesk open"
    if is_disk_full(exc):
        disk = f"the disk holding {where}" if where else "the database's disk"
        return (
            f"Not saved yet: the disk is full and {count} to be saved. Free space on {disk}; "
            f"kapdesk tries again every second. Until then {held}."
        )
    return (
        f"Not saved yet: {write_failure_reason(exc)} and {count} to be saved. Until they are, "
        f"{held}."
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
        reason = f"{first.field or 'the text'} {first.message}" if first else "it cannot be read"
        if more:
            reason += f"; and {more} more problem{'s' if more > 1 else ''}"
    else:
        if all(0 <= index < len(protocol.phases) for index in recorded):
            return protocol
        log.warning("session %s: its record names phases its protocol has not", session_id)
        reason = "the session's record names phases it does not have"
    return stand_in_protocol(
        text,
        f"This session's protocol cannot be used ({reason}). The timer and the record go on; "
        "move through the phases by hand; no vital signs fall due by schedule, and kapdesk's "
        "default limits flag the readings.",
        recorded,
    )


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
    ) -> None:
        self._engine = storage.engine
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
        self.heartbeat = heartbeat
        self._beat_failed = False

    def _recorder(self, session_id: int, next_seq: int, opened_at: datetime) -> EventRecorder:
        return EventRecorder(
            self._engine,
            session_id,
            next_seq,
            self.outbox,
            opened_at=opened_at,
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
        self._live[opened.session_id] = opened
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
            for opened in self._live.values()
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
            with plainly("Entries kept on this PC while offline cannot be sent yet"):
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
        with plainly("The session could not be opened"):
            try:
                session_id, sitter_name = self._create(code, sitter, protocol, opened)
            except IntegrityError:
                # Another room added the same patient, sitter or protocol text at the same
                # moment: theirs is there now, and this room's session uses it.
                session_id, sitter_name = self._create(code, sitter, protocol, opened)
        recorder = self._recorder(session_id, 1, opened.wall)
        journey.subscribe(recorder)
        return self._keep_live(OpenJourney(session_id, code, sitter_name, journey, recorder))

    def _create(
        self, code: str, sitter: str, protocol: Protocol, opened: JourneyEvent
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
                patient, staff, snapshot, opened.wall, self.room
            )
            JourneyEventRepository(session).append(row.id, 0, opened)
            return row.id, staff.name if staff else ""

    def resume_open_sessions(self) -> list[OpenJourney]:
        """Every session left open (by a crash, a kill, a power cut), running again."""
        self.deliver_outbox()
        room = self.room if self.shared else None
        with plainly("Sessions left open cannot be read"), self._factory() as session:
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
        """A session's summary and its journey rebuilt from its events, under its own protocol."""
        with plainly(f"Session {session_id} cannot be read"), self._factory() as session:
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
