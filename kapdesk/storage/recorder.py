"""Recording a session's journey events as they happen, one transaction per event.

When a write fails (read-only database, full disk) the event is held in memory, in order, and
written as soon as a later attempt succeeds; the recorder says what went wrong meanwhile, and
whether each entry is saved (:meth:`EventRecorder.is_saved`), so nothing is called "Saved"
before its row is committed. A SQLite WAL never grows past the room its disk has left
(:mod:`kapdesk.storage.sqlite_room`), and a full disk first gets room back from it.

An entry the record cannot take because another writer holds its place (two kapdesks writing
to one session) is set aside, fsynced, in a file of its own, and said plainly: in the outbox on
a clinic server, in the data folder's ``set-aside.sqlite`` beside a SQLite database.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from kapdesk.core.journey import JourneyEvent
from kapdesk.storage.db import ServerAway
from kapdesk.storage.event_writes import (
    DATABASE_FAILURES,
    EventConflictError,
    describe_offline,
    describe_set_aside,
    describe_write_failure,
    write_event,
)
from kapdesk.storage.outbox import Kept, Outbox, OutboxError
from kapdesk.storage.sqlite_room import free_wal_room, is_disk_full, keep_wal_room

log = logging.getLogger(__name__)

StatusListener = Callable[[str | None], None]
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
