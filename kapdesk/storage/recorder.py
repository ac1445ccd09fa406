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
import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from kapdesk.core.journey import JourneyEvent
from kapdesk.storage import recording_words as words
from kapdesk.storage.chain import Link
from kapdesk.storage.db import ServerAway
from kapdesk.storage.event_writes import (
    EventConflictError,
    describe_offline,
    describe_set_aside,
    describe_write_failure,
    write_event,
)
from kapdesk.storage.failures import DATABASE_FAILURES
from kapdesk.storage.outbox import Kept, Outbox, OutboxError
from kapdesk.storage.sqlite_room import free_wal_room, is_disk_full, keep_wal_room

log = logging.getLogger(__name__)

StatusListener = Callable[[str | None], None]
EntryListener = Callable[[JourneyEvent], None]

# A write that has not committed by then puts a room with an outbox offline: a server that
# stops answering (frozen, its kernel still acknowledging) never makes TCP's timeouts fire.
WRITE_LIMIT_S = 3.0
CLOSE_WAIT_S = 1.0  # what closing kapdesk gives a write under way
AsideBox = Callable[[], Outbox]  # opens the file set-aside entries go to (OutboxError if not)


class EventRecorder:
    """Writes a session's journey events to the database, one transaction per event, on a
    thread of its own: taking an event (``recorder(event)``, as the journey's listener) only
    queues it, so the window's thread never waits on the disk or the network.

    The writer thread writes in order and marks an entry saved only once it is committed;
    :meth:`on_saved` listeners hear of each one. With an :class:`~kapdesk.storage.outbox.Outbox`
    (a room on a shared server), a write that fails, or that has not committed within
    ``write_limit`` seconds (a server that stopped answering), puts the room offline: every
    entry waiting goes to the outbox on this PC, and the writer thread delivers them in order
    once the server answers. Without one (the embedded SQLite file), a failed write is held in
    memory and retried by the writer thread; an entry that meets another writer's is set aside
    in ``aside``'s file.
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
        write_limit: float = WRITE_LIMIT_S,
        away: ServerAway | None = None,
        aside: AsideBox | None = None,
    ) -> None:
        self._engine = engine
        self._aside = aside
        self._aside_box: Outbox | None = None
        self._aside_lost = 0  # set aside, and the file could not take them: memory only
        self._aside_kept: set[int] = set()  # places set aside at close, not yet written
        self._not_saved: set[int] = set()  # ids of events taken and not (yet) in the record
        self.session_id = session_id
        self._next_seq = next_seq
        self._pending: list[tuple[int, JourneyEvent]] = []
        self._seq_of: dict[int, int] = {}  # id of a pending event -> its place
        self._kept: dict[int, bool] = {}  # place -> on this PC's disk (False: the outbox failed)
        self.problem: str | None = None
        self._status_listeners: list[StatusListener] = []
        self._saved_listeners: list[EntryListener] = []
        self._kept_listeners: list[EntryListener] = []
        self._outbox = outbox
        self._opened_at = opened_at
        self._retry_seconds = retry_seconds
        self._write_limit = write_limit
        self._away = away if away is not None else ServerAway()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)  # pending, offline, a write begun/done
        self._keeping = threading.Lock()  # taken before _lock: an entry kept or written, never both
        self._saying = threading.Lock()  # one status change at a time, in order
        self._offline: str | None = None  # why the room is offline, in a sentence
        self._write_problem: str | None = None  # SQLite: why the last write failed
        self._memory_only = False  # the outbox could not take an entry: only memory holds it
        self._writing_since: float | None = None  # monotonic start of the write under way
        self._conflicts = 0
        # The writer thread's own: the chain link of the entry it committed last, which it
        # chains the next one onto without reading it back (a committed row never changes).
        # Forgotten on any write that fails or is not its own, so the record is read again.
        self._last_link: Link | None = None
        self._threads: list[threading.Thread] = []
        self._closing = threading.Event()

    def on_status(self, listener: StatusListener) -> None:
        """``listener(problem)`` hears of every change: a message, or None when all is saved.

        Called from the recorder's own threads.
        """
        self._status_listeners.append(listener)

    def off_status(self, listener: StatusListener) -> None:
        if listener in self._status_listeners:
            self._status_listeners.remove(listener)

    def on_saved(self, listener: EntryListener) -> None:
        """``listener(event)`` hears of each entry once it is committed (from the writer thread)."""
        self._saved_listeners.append(listener)

    def off_saved(self, listener: EntryListener) -> None:
        if listener in self._saved_listeners:
            self._saved_listeners.remove(listener)

    def on_kept(self, listener: EntryListener) -> None:
        """``listener(event)`` hears of each entry kept on this PC's disk while offline."""
        self._kept_listeners.append(listener)

    def off_kept(self, listener: EntryListener) -> None:
        if listener in self._kept_listeners:
            self._kept_listeners.remove(listener)

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
            # SQLite: what cannot be written waits in memory.
            return self._write_problem is not None and self.pending > 0
        return self._memory_only and self.pending > 0

    @property
    def held_in_memory(self) -> bool:
        """Some entries are on no disk yet, so closing kapdesk must ask first: those of
        :attr:`memory_only`, and on SQLite every entry not yet committed (a write under way
        may wait seconds on another process's lock), until :meth:`close` sets it aside."""
        if self._outbox is not None or self._aside_lost:
            return self.memory_only
        with self._lock:
            return any(seq not in self._aside_kept for seq, _ in self._pending)

    @property
    def set_aside(self) -> int:
        """Entries this recorder could not add to the record (another writer held their place)."""
        return self._conflicts

    def is_saved(self, event: JourneyEvent) -> bool:
        """Whether ``event`` (one this recorder took) is committed to the record."""
        with self._lock:
            return id(event) not in self._not_saved

    def waits(self, event: JourneyEvent) -> bool:
        """Whether ``event`` still waits to be written (not yet committed nor set aside)."""
        with self._lock:
            return id(event) in self._seq_of

    def is_kept(self, event: JourneyEvent) -> bool:
        """Whether ``event`` waits on this PC's disk for the server (offline)."""
        with self._lock:
            seq = self._seq_of.get(id(event))
            return seq is not None and self._kept.get(seq, False)

    def __call__(self, event: JourneyEvent) -> None:
        """Take an event: queued, in order, for the writer thread; never waits."""
        with self._changed:
            item = (self._next_seq, event)
            self._not_saved.add(id(event))
            self._seq_of[id(event)] = item[0]
            self._pending.append(item)
            self._next_seq += 1
            if not self._threads and not self._closing.is_set():
                self._start_threads()
            self._changed.notify_all()

    def flush(self, timeout: float) -> bool:
        """Wait at most ``timeout`` seconds for what is pending to be committed; True when
        nothing is left unsaved. For shutting down and scripts: the window never waits."""
        deadline = time.monotonic() + timeout
        with self._changed:
            self._changed.notify_all()
            while self._pending:
                if self._offline is not None:
                    return False  # the outbox holds them; the writer delivers them later
                left = deadline - time.monotonic()
                if left <= 0 or not self._threads or self._closing.is_set():
                    return False
                self._changed.wait(left)
        return True

    wait_until_saved = flush

    def close(self) -> None:
        """Stop writing (the app is closing). What waits gets a moment (``CLOSE_WAIT_S``) to be
        committed; with an outbox, what still waits is then kept on this PC's disk for the
        next start to deliver; on SQLite it is set aside in ``aside``'s file, on disk before
        this returns, for an admin (the writer thread stops and would lose it at exit).

        Never waits for the server beyond that: a write under way either commits or is
        rolled back by the server, and the outbox keeps the entry until it is confirmed.
        """
        if self._threads and not self._closing.is_set() and self._offline is None:
            self.flush(min(CLOSE_WAIT_S, self._write_limit))
        self._closing.set()
        with self._changed:
            self._changed.notify_all()
            waiting = self._unkept() if self._outbox is not None else list(self._pending)
        if waiting and self._outbox is not None:
            self._keep(waiting)
        elif waiting:
            self._put_aside_at_close(waiting)

    def _put_aside_at_close(self, items: list[tuple[int, JourneyEvent]]) -> None:
        """SQLite, closing: what the record has not taken yet goes to the set-aside file."""
        why = (
            "kapdesk closed before this entry could be written (the database was busy or "
            "could not be written); if its place in the record is empty, add it from here"
        )
        for seq, event in items:
            with self._keeping:  # the writer's commit of it, if one ends now, is said first
                with self._lock:
                    if seq not in self._seq_of.values():
                        continue
                try:
                    if self._aside_box is None:
                        if self._aside is None:
                            raise OutboxError("no file to set entries aside in")
                        self._aside_box = self._aside()
                    self._aside_box.put(self._kept_entry(seq, event), problem=why)
                except OutboxError as exc:
                    log.error("session %s: entry %s lost at close: %s", self.session_id, seq, exc)
                    continue
                with self._lock:
                    self._aside_kept.add(seq)
                log.warning("session %s: entry %s set aside at close", self.session_id, seq)

    # -- the writer thread --------------------------------------------------------------------

    def _start_threads(self) -> None:
        name = f"kapdesk-recorder-{self.session_id}"
        self._threads.append(threading.Thread(target=self._write_all, name=name, daemon=True))
        if self._outbox is not None:
            watch = threading.Thread(target=self._watch, name=f"{name}-watch", daemon=True)
            self._threads.append(watch)
        for thread in self._threads:
            thread.start()

    def _next(self) -> tuple[int, JourneyEvent] | None:
        """The first entry waiting, once there is one; None when the app closes."""
        with self._changed:
            while not self._pending and not self._closing.is_set():
                self._changed.wait()
            if self._closing.is_set():
                return None
            self._writing_since = time.monotonic()
            if self._outbox is not None:
                # The watch starts timing this write. (Without one, nobody waits for a write to
                # begin: flush() would only wake to find the entry still pending, and take the
                # interpreter from this thread as it writes.)
                self._changed.notify_all()
            return self._pending[0]

    def _write_all(self) -> None:
        """The writer thread: every entry, in order, one transaction each, until the app closes."""
        backoff = self._retry_seconds / 4
        while (item := self._next()) is not None:
            seq, event = item
            try:
                written = self._write_with_room(seq, event)
            except DATABASE_FAILURES as exc:
                self._failed(exc)
                self._closing.wait(backoff)
                backoff = min(backoff * 2, self._retry_seconds)
                continue
            backoff = self._retry_seconds / 4
            self._written(seq, event, written)

    def _failed(self, exc: BaseException) -> None:
        with self._changed:
            self._writing_since = None
            if self._outbox is None:
                self._write_problem = describe_write_failure(exc, len(self._pending), self._where())
                went_offline = False
            else:
                went_offline = self._offline is None
                if went_offline:
                    self._offline = describe_offline(exc)
        if went_offline:
            log.warning("room offline: %s", type(exc).__name__)
            self._away.failed()
        self._refresh()  # offline is said before any entry is said to be kept
        with self._changed:
            self._changed.notify_all()  # the watch keeps what waits on this PC's disk

    def _written(self, seq: int, event: JourneyEvent, written: bool) -> None:
        """An entry is in the record (or set aside): off the list, and said."""
        with self._keeping:
            with self._changed:
                self._writing_since = None
                self._pending.pop(0)
                self._seq_of.pop(id(event), None)
                if written:
                    self._not_saved.discard(id(event))
                was_kept = self._kept.pop(seq, False)
                self._aside_kept.discard(seq)
                self._write_problem = None
                back = self._offline is not None and not self._pending
                if back:
                    self._offline = None
                    self._memory_only = False
                    self._away.answered()  # before anyone sees the list empty
                self._changed.notify_all()
            if was_kept and written and self._outbox is not None:
                self._outbox.delivered(self.session_id, seq)  # on disk: not under _lock
        if written:
            self._tell(self._saved_listeners, event)
        if back:
            log.info("room back online: the outbox is delivered")
        self._refresh()

    # -- the watch (a room with an outbox) ----------------------------------------------------

    def _watch(self) -> None:
        """A write that has not committed within the limit puts the room offline; offline,
        every entry waiting is kept on this PC's disk at once."""
        while True:
            with self._changed:
                if self._closing.is_set():
                    return
                hung = self._offline is None and self._hung_for() >= self._write_limit
                if hung:
                    self._offline = describe_offline(None)
                waiting = self._unkept() if self._offline is not None else []
                if not hung and not waiting:
                    self._changed.wait(self._watch_wait())
                    continue
            if hung:
                log.warning("room offline: a write has not committed in %ss", self._write_limit)
                self._away.failed()
                self._refresh()
            self._keep(waiting)

    def _hung_for(self) -> float:
        since = self._writing_since
        return 0.0 if since is None else time.monotonic() - since

    def _watch_wait(self) -> float | None:
        """How long the watch may sleep: until the write under way reaches the limit."""
        if self._offline is not None or self._writing_since is None:
            return None
        return max(0.0, self._write_limit - self._hung_for()) + 0.01

    def _unkept(self) -> list[tuple[int, JourneyEvent]]:
        return [item for item in self._pending if item[0] not in self._kept]

    def _keep(self, items: list[tuple[int, JourneyEvent]]) -> None:
        """Put entries in the outbox on this PC's disk, unless the writer committed them first."""
        assert self._outbox is not None
        for seq, event in items:
            with self._keeping:
                with self._lock:
                    if seq not in self._seq_of.values() or seq in self._kept:
                        continue
                try:
                    self._outbox.put(self._kept_entry(seq, event))
                except OutboxError as exc:
                    # Still held in memory, in order; said plainly: a power cut would lose it.
                    log.error("outbox: %s", exc)
                    with self._lock:
                        self._kept[seq] = False
                        self._memory_only = True
                    self._refresh()
                    continue
                with self._lock:
                    self._kept[seq] = True
            self._tell(self._kept_listeners, event)

    def _tell(self, listeners: list[EntryListener], event: JourneyEvent) -> None:
        """Listeners hear of an entry; one that fails is logged, and writing goes on."""
        for listener in list(listeners):
            try:
                listener(event)
            except Exception:
                log.exception("session %s: a listener failed on an entry", self.session_id)

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
        known, self._last_link = self._last_link, None
        try:
            link = write_event(self._engine, self.session_id, seq, event, known)
        except EventConflictError as exc:
            self._set_aside(seq, event, str(exc))
            return False
        self._last_link = link
        return True

    def _kept_entry(self, seq: int, event: JourneyEvent) -> Kept:
        opened = self._opened_at if self._opened_at is not None else event.wall
        return Kept(self.session_id, opened, seq, event)

    def _set_aside(self, seq: int, event: JourneyEvent, why: str) -> None:
        """An entry the record cannot take: kept on this PC's disk with why, for an admin."""
        log.error("session %s: entry %s set aside: %s", self.session_id, seq, why)
        self._conflicts += 1
        if self._outbox is not None:
            with contextlib.suppress(OutboxError):
                self._outbox.put(self._kept_entry(seq, event))
            self._outbox.set_aside(self.session_id, seq, why)
            return
        try:
            if self._aside_box is None:
                if self._aside is None:
                    raise OutboxError("no file to set entries aside in")
                self._aside_box = self._aside()
            self._aside_box.put(self._kept_entry(seq, event), problem=why)
        except OutboxError as exc:
            log.error("set aside: %s", exc)
            self._aside_lost += 1

    def _refresh(self) -> None:
        """Say how things stand, the most pressing first (from whichever thread changed it)."""
        with self._saying:
            self._say(self._status())

    def _say(self, problem: str | None) -> None:
        if problem == self.problem:
            return
        self.problem = problem
        for listener in list(self._status_listeners):
            try:
                listener(problem)
            except Exception:
                log.exception("session %s: a listener failed on a status", self.session_id)

    def _status(self) -> str | None:
        if self._memory_only and self._offline is not None:
            problem: str | None = words.MEMORY_ONLY_OFFLINE.format()
        elif self._conflicts and self._outbox is not None:
            problem = words.TWO_ROOMS.format(count=self._conflicts)
        elif self._conflicts:
            problem = describe_set_aside(self._conflicts, self._aside_lost, self._aside_box)
        else:
            problem = self._offline or self._write_problem
        return problem
