"""The clinic board's reading of the database, kept current on a thread of its own.

On PostgreSQL the feed LISTENs on the channel the ``session_events`` trigger notifies (see
migration 0006): an event recorded in any room wakes it at once, and it reads again only the
sessions that changed. On SQLite (one room PC) it looks at the newest event's id once a second,
which costs one indexed read. Nothing here touches Qt: the feed hands each reading to a
callback, from its thread, and the board window carries it over to its own.

When the server cannot be reached the feed says so in the update it delivers (the board keeps
showing what it knew, marked as such) and tries again every couple of seconds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from kapdesk.core.board import BoardSession, RoomHeard
from kapdesk.core.clock import Clock
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template
from kapdesk.paths import AppPaths
from kapdesk.storage.db import (
    NO_RECORDS,
    UNREACHABLE,
    Storage,
    failure_reason,
    make_engine,
    open_storage,
    session_factory,
)
from kapdesk.storage.failures import DATABASE_FAILURES
from kapdesk.storage.models import JourneySession, RoomPresence, SessionEvent
from kapdesk.storage.repositories import SessionRepository
from kapdesk.storage.server import configured_server, with_password

log = logging.getLogger(__name__)

# Why the board could not read the sessions: each a whole sentence, said in the board's language.
NOT_REACHED = QT_TRANSLATE_NOOP("Board", "The clinic board cannot reach the clinic server.")
NO_RECORDS_YET = QT_TRANSLATE_NOOP(
    "Board",
    "The clinic board finds no kapdesk records yet: they appear once a room PC has started on "
    "them.",
)
NOT_READ = Template("Board", "The clinic board cannot read the database: it {reason}.")
THE_DATABASE_IT: dict[str, Template] = {
    "is damaged or not a kapdesk database": QT_TRANSLATE_NOOP(
        "Board",
        "The clinic board cannot read the database: it is damaged or not a kapdesk database.",
    ),
    "has become read-only": QT_TRANSLATE_NOOP(
        "Board", "The clinic board cannot read the database: it has become read-only."
    ),
    "is on a full disk": QT_TRANSLATE_NOOP(
        "Board", "The clinic board cannot read the database: it is on a full disk."
    ),
    "is busy": QT_TRANSLATE_NOOP("Board", "The clinic board cannot read the database: it is busy."),
    "failed": QT_TRANSLATE_NOOP("Board", "The clinic board cannot read the database: it failed."),
}

CHANNEL = "kapdesk_board"
ROOMS_FROM_DAYS = 30  # a room that ran a session this recently shows on the board, even free
RETRY_SECONDS = 2.0
QUIET_READ_SECONDS = 10


@dataclass(frozen=True)
class BoardUpdate:
    """One reading of the clinic: the open sessions, the rooms known, and any problem."""

    sessions: tuple[BoardSession, ...]
    rooms: tuple[str, ...]
    read_at: datetime
    problem: str | None = None  # the server cannot be reached: the sessions are as last read
    changed: frozenset[int] = field(default_factory=frozenset)  # sessions read again this time
    heard: dict[str, RoomHeard] = field(default_factory=dict)  # room -> what its PC last said


class BoardReader:
    """Reads the open sessions of every room, again only for those that changed."""

    def __init__(self, storage: Storage, clock: Clock) -> None:
        self._factory = storage.factory
        self._clock = clock
        self._cache: dict[int, BoardSession] = {}
        self._rooms: tuple[str, ...] = ()
        self._presence_known = True
        self._on_server = storage.engine.dialect.name == "postgresql"

    def read(self, changed: Iterable[int] | None = None) -> BoardUpdate:
        """What is open now; ``changed`` None reads every session again."""
        now = self._clock.now()
        with self._factory() as session:
            repo = SessionRepository(session)
            open_rows = repo.summaries(only_open=True)
            since = now - timedelta(days=ROOMS_FROM_DAYS)
            rooms = tuple(
                session.scalars(
                    select(JourneySession.room).where(JourneySession.opened_at >= since).distinct()
                )
            )
            stale = set(changed) if changed is not None else None
            fresh: dict[int, BoardSession] = {}
            for row in open_rows:
                kept = self._cache.get(row.id)
                if kept is not None and stale is not None and row.id not in stale:
                    fresh[row.id] = kept
                    continue
                fresh[row.id] = BoardSession(
                    session_id=row.id,
                    room=row.room,
                    patient_code=row.patient_code,
                    protocol_text=repo.snapshot_text(row.id),
                    events=tuple(repo.events(row.id)),
                )
        heard = self._heard()
        read_again = frozenset(i for i in fresh if fresh[i] is not self._cache.get(i))
        self._cache = fresh
        self._rooms = tuple(sorted({*rooms, *(s.room for s in fresh.values())}))
        return BoardUpdate(tuple(fresh.values()), self._rooms, now, changed=read_again, heard=heard)

    def _heard(self) -> dict[str, RoomHeard]:
        """What each room PC last said, aged by the server's own clock; nothing on SQLite (one
        room) or on a server whose schema predates it (a board updated before the rooms)."""
        if not (self._on_server and self._presence_known):
            return {}
        query = select(
            RoomPresence.room,
            RoomPresence.waiting,
            func.extract("epoch", func.now() - RoomPresence.seen_at),
        )
        try:
            with self._factory() as session:
                rows = session.execute(query).all()
        except ProgrammingError:
            self._presence_known = False  # no such table here yet
            return {}
        return {room: RoomHeard(float(ago), int(waiting)) for room, waiting, ago in rows}

    def last(self, problem: str) -> BoardUpdate:
        """What was read last (free rooms too), marked with why it could not be read again."""
        # No word of the room PCs: it is the board that cannot reach the server, not they.
        return BoardUpdate(tuple(self._cache.values()), self._rooms, self._clock.now(), problem)


def board_storage(paths: AppPaths, db_url: str | None) -> Storage:
    """The database a board reads: ``db_url``, the clinic server this PC is connected to, or
    the data folder's own file. A server is not asked anything yet (the board says when it
    cannot be reached, and keeps trying); a board never changes a server's schema.
    """
    server = configured_server(paths) if db_url is None else None
    if db_url is not None and db_url.startswith("postgresql"):
        server = with_password(make_url(db_url))
    if server is None:
        return open_storage(paths, db_url)
    engine = make_engine(server)
    return Storage(engine, session_factory(engine))


def newest_event_id(storage: Storage) -> int:
    with storage.factory() as session:
        return int(session.scalar(select(func.max(SessionEvent.id))) or 0)


def sessions_with_events_after(storage: Storage, event_id: int) -> set[int]:
    """The sessions that recorded anything since event ``event_id``."""
    with storage.factory() as session:
        return set(
            session.scalars(
                select(SessionEvent.session_id).where(SessionEvent.id > event_id).distinct()
            )
        )


class BoardFeed:
    """Delivers a :class:`BoardUpdate` at start and after every change, from its own thread.

    Each start runs a reading of its own (its stop flag, its cache, its listening connection,
    which only its thread touches), so a stop never waits on the network for long and a start
    right after it never shares anything with the reading that is ending.
    """

    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        deliver: Callable[[BoardUpdate], None],
        *,
        poll_seconds: float = 1.0,
    ) -> None:
        self._storage = storage
        self._clock = clock
        self._deliver = deliver
        self._poll = poll_seconds
        self._run: _Reading | None = None
        self.listens = storage.engine.dialect.name == "postgresql"

    def start(self) -> None:
        """Read now and after every change, until :meth:`stop` (it may start again)."""
        if self._run is None:
            self._run = _Reading(self._storage, self._clock, self._deliver, self._poll)
            self._run.start()

    def stop(self, wait: float = 2.0) -> None:
        """Stop; wait up to ``wait`` seconds for the thread (it ends on its own after that)."""
        run, self._run = self._run, None
        if run is not None:
            run.stop(wait)


class _Reading:
    """One run of the feed, on its own thread."""

    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        deliver: Callable[[BoardUpdate], None],
        poll_seconds: float,
    ) -> None:
        self._storage = storage
        self._reader = BoardReader(storage, clock)
        self._deliver_to = deliver
        self._poll = poll_seconds
        self._stopped = threading.Event()
        self._listener: Any = None
        self._thread = threading.Thread(target=self._loop, name="kapdesk-board", daemon=True)
        self.listens = storage.engine.dialect.name == "postgresql"
        # The driver's own errors too: the listening connection is used without SQLAlchemy.
        driver = storage.engine.dialect.dbapi
        self._failures = (*DATABASE_FAILURES, driver.Error) if driver else DATABASE_FAILURES

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait: float) -> None:
        self._stopped.set()
        self._thread.join(timeout=wait)

    def _deliver(self, update: BoardUpdate) -> None:
        if not self._stopped.is_set():
            self._deliver_to(update)

    def _loop(self) -> None:
        try:
            self._read_until_stopped()
        finally:
            self._close_listener()

    def _read_until_stopped(self) -> None:
        changed: set[int] | None = None  # None: read everything
        marker = -1
        while not self._stopped.is_set():
            try:
                if self.listens and self._listener is None:
                    self._listen()
                    changed = None  # what happened while no one listened is unknown
                if not self.listens:
                    newest = newest_event_id(self._storage)
                    if newest == marker and changed is not None:
                        self._stopped.wait(self._poll)
                        continue
                    if changed is not None:
                        changed = sessions_with_events_after(self._storage, marker)
                    marker = newest
                self._deliver(self._reader.read(changed))
                changed = self._wait_for_news() if self.listens else set()
            except self._failures as exc:
                self._close_listener()
                log.info("board: the database cannot be read (%s)", type(exc).__name__)
                self._deliver(self._reader.last(_reason(exc)))
                changed = None
                self._stopped.wait(RETRY_SECONDS)
            except Exception as exc:  # the last guard: a board that stops silently misleads
                self._close_listener()
                log.exception("board: reading the rooms failed")
                self._deliver(
                    self._reader.last(f"The clinic board met a problem ({type(exc).__name__}).")
                )
                changed = None
                self._stopped.wait(RETRY_SECONDS)

    def _listen(self) -> None:
        raw = self._storage.engine.raw_connection()
        connection = raw.driver_connection
        if connection is None:
            raw.close()
            raise RuntimeError("the database driver gave no connection to listen on")
        try:
            raw.detach()  # the feed's own from now on, never handed back to the pool
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            connection.close()
            raise
        self._listener = connection

    def _wait_for_news(self) -> set[int]:
        """The sessions notified, gathered for a moment after the first one arrives."""
        ids: set[int] = set()
        connection = self._listener
        waited = 0
        while not ids and not self._stopped.is_set():
            # Short waits keep stop() prompt; a lost connection raises here.
            # stop_after, not a break: psycopg hands out a whole packet of notifications, and
            # leaving the loop early would drop the rest of it.
            for note in connection.notifies(timeout=1.0, stop_after=1):
                ids.add(int(note.payload))
            waited += 1
            if not ids and waited >= QUIET_READ_SECONDS:
                # A quiet clinic: read again anyway (which rooms' PCs are still there; and a
                # quiet server and a dead one look alike until asked).
                return ids
        for note in connection.notifies(timeout=0.05):
            ids.add(int(note.payload))
        return ids

    def _close_listener(self) -> None:
        connection, self._listener = self._listener, None
        if connection is not None:
            try:
                connection.close()
            except Exception:  # closing a dead connection may fail in any way
                log.debug("board: listener closed with an error", exc_info=True)


def _reason(exc: BaseException) -> str:
    """Why the board could not read the sessions, as a sentence staff read on the board."""
    reason = failure_reason(exc)
    if reason == UNREACHABLE:
        return NOT_REACHED.format()
    if reason == NO_RECORDS:
        return NO_RECORDS_YET.format()
    phrase = reason or "failed"
    return THE_DATABASE_IT.get(phrase, NOT_READ).format(reason=phrase)
