"""A room's outbox: journey events recorded while the clinic server cannot be reached.

When a room PC runs on a shared server and a write fails, the event goes into a small SQLite
file in the room's own data folder (``synchronous=FULL``, readable by the owner only), so it
survives the room PC losing power while it is offline too. The event recorder delivers the
outbox in order once the server answers again, and at the next start kapdesk delivers whatever
is left before it resumes the room's sessions. An event the server already has (its write was
committed but the answer was lost with the network) is recognised by its place in the session
and not written twice.

Entries are kept per server, so a room PC pointed at another server never sends them there.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from kapdesk.core.journey import EventKind, JourneyEvent

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    server TEXT NOT NULL,
    session_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    wall_at TEXT NOT NULL,
    elapsed_s REAL,
    phase_index INTEGER,
    data TEXT NOT NULL,
    UNIQUE (server, session_id, seq)
)
"""


class OutboxError(Exception):
    """The outbox file cannot be used (a full disk, a read-only folder)."""


class Outbox:
    """The events waiting for one server, in the order they were recorded. Thread-safe."""

    def __init__(self, path: Path, server: str) -> None:
        self.path = path
        self.server = server
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise OutboxError(f"the outbox {path} cannot be used: {exc}") from exc

    def put(self, session_id: int, seq: int, event: JourneyEvent) -> None:
        """Keep one event until it is delivered; on disk when this returns."""
        with self._lock:
            try:
                self._db.execute(
                    "INSERT OR IGNORE INTO outbox (server, session_id, seq, kind, wall_at, "
                    "elapsed_s, phase_index, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        self.server,
                        session_id,
                        seq,
                        event.kind.value,
                        event.wall.isoformat(),
                        event.elapsed,
                        event.phase_index,
                        json.dumps(dict(event.data)),
                    ),
                )
            except sqlite3.Error as exc:
                raise OutboxError(f"the outbox {self.path} cannot be written: {exc}") from exc

    def delivered(self, session_id: int, seq: int) -> None:
        # Left in the outbox on failure, it is recognised as already delivered next time.
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.execute(
                "DELETE FROM outbox WHERE server = ? AND session_id = ? AND seq = ?",
                (self.server, session_id, seq),
            )

    def waiting(self) -> list[tuple[int, int, JourneyEvent]]:
        """Every event waiting for this server: (session, place in it, event), in order."""
        with self._lock:
            rows = self._db.execute(
                "SELECT session_id, seq, kind, wall_at, elapsed_s, phase_index, data "
                "FROM outbox WHERE server = ? ORDER BY id",
                (self.server,),
            ).fetchall()
        return [
            (
                session_id,
                seq,
                JourneyEvent(
                    kind=EventKind(kind),
                    wall=datetime.fromisoformat(wall),
                    elapsed=elapsed,
                    phase_index=phase,
                    data=json.loads(data),
                ),
            )
            for session_id, seq, kind, wall, elapsed, phase, data in rows
        ]

    def close(self) -> None:
        with self._lock:
            self._db.close()
