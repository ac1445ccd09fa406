"""A room PC on a clinic server says it is there, every half minute, on a thread of its own.

The clinic board reads these lines to tell a room that has gone quiet (nothing to record)
from a room whose PC cannot reach the server (working offline) or is off. Failures are
ignored: a room that cannot say it is there is exactly what the board is told by silence.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kapdesk.core.clock import Clock
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import DATABASE_FAILURES
from kapdesk.storage.models import RoomPresence

log = logging.getLogger(__name__)

EVERY_SECONDS = 30.0


def say_present(engine: Engine, room: str, at: datetime) -> None:
    """Record that ``room``'s PC is there at ``at`` (one row per room, overwritten)."""
    insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
    statement = insert(RoomPresence).values(room=room, seen_at=at)
    statement = statement.on_conflict_do_update(
        index_elements=["room"], set_={"seen_at": statement.excluded.seen_at}
    )
    with engine.begin() as connection:
        connection.execute(statement)


class PresenceBeacon:
    """Says the room is there now and every :data:`EVERY_SECONDS`, until stopped."""

    def __init__(
        self, storage: Storage, clock: Clock, room: str, every: float = EVERY_SECONDS
    ) -> None:
        self._engine = storage.engine
        self._clock = clock
        self.room = room  # the window changes it when the room is renamed
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
                say_present(self._engine, self.room, self._clock.now())
            except DATABASE_FAILURES as exc:
                log.debug("presence not said: %s", type(exc).__name__)
            self._stopped.wait(self._every)
