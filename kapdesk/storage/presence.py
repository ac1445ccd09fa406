"""A room PC on a clinic server says it is there, on a thread of its own.

Every half minute (every few seconds while the server is away) it writes, in the server's own
time, that it is there and how many of its entries still wait on the PC. The clinic board
reads these lines to tell a room that is quiet (nothing to record) from one that is working
offline or whose PC is off. It is also how the room learns, off the window's thread, that a
server found away is back (see :class:`kapdesk.storage.db.ServerAway`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine, Executable, func

from kapdesk.storage.db import Storage
from kapdesk.storage.failures import DATABASE_FAILURES
from kapdesk.storage.models import RoomPresence

log = logging.getLogger(__name__)

EVERY_SECONDS = 30.0
WHILE_AWAY_SECONDS = 5.0


def say_present(engine: Engine, room: str, waiting: int = 0) -> None:
    """Record that ``room``'s PC is there now, by the server's clock (one row per room)."""
    values = {"room": room, "seen_at": func.now(), "waiting": waiting}
    again = {"seen_at": func.now(), "waiting": waiting}
    statement: Executable
    # Each dialect's upsert is imported by the room that uses it: a SQLite room never loads
    # the PostgreSQL dialect (and its drivers' modules) for a statement it cannot run.
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert  # noqa: PLC0415

        pg = pg_insert(RoomPresence).values(values)
        statement = pg.on_conflict_do_update(index_elements=["room"], set_=again)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert  # noqa: PLC0415

        lite = sqlite_insert(RoomPresence).values(values)
        statement = lite.on_conflict_do_update(index_elements=["room"], set_=again)
    with engine.begin() as connection:
        connection.execute(statement)


class PresenceBeacon:
    """Says the room is there now and every :data:`EVERY_SECONDS`, until stopped."""

    def __init__(self, storage: Storage, room: str, every: float = EVERY_SECONDS) -> None:
        self._engine = storage.engine
        self._away = storage.away
        self.room = room  # the window changes it when the room is renamed
        self.waiting: Callable[[], int] = lambda: 0  # the window's: entries not yet sent
        self._every = every
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="kapdesk-presence", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()

    def _run(self) -> None:
        while not self._stopped.is_set():
            try:
                say_present(self._engine, self.room, self.waiting())
                self._away.answered()
            except DATABASE_FAILURES as exc:
                log.debug("presence not said: %s", type(exc).__name__)
                self._away.failed()
            except Exception:  # the last guard: a beacon that stops makes the room look gone
                log.exception("presence: unexpected failure")
            self._stopped.wait(WHILE_AWAY_SECONDS if self._away.is_away else self._every)
