"""A room's outbox: journey events recorded while the clinic server cannot be reached.

When a room PC runs on a shared server and a write fails, the event goes into a small SQLite
file in the room's own data folder (``synchronous=FULL``, readable by the owner only), so it
survives the room PC losing power while it is offline too. The event recorder delivers the
outbox in order once the server answers again, and at the next start kapdesk delivers whatever
is left before it resumes the room's sessions. An event the server already has (its write was
committed but the answer was lost with the network) is recognised by its place in the session
and not written twice.

Entries are kept per database: the id the database was given once (migration 0007), not the
URL's text, so the same server reached by another name or with its password from another place
is still the same, and another server, or a database made anew, never receives them. Each entry
also names its session's opening time: an entry whose session the server no longer has (it was
restored from an older backup) is set aside in the file, with why, for an admin, never written
into another patient's session.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kapdesk.core.journey import EventKind, JourneyEvent
from kapdesk.core.words import QT_TRANSLATE_NOOP

# Why the outbox cannot be used, as the start window or the banner says it.
CANNOT_USE = QT_TRANSLATE_NOOP("Storage", "the outbox {path} cannot be used: {error}")
CANNOT_WRITE = QT_TRANSLATE_NOOP("Storage", "the outbox {path} cannot be written: {error}")
CANNOT_READ = QT_TRANSLATE_NOOP("Storage", "the outbox {path} cannot be read: {error}")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    server TEXT NOT NULL,
    session_id INTEGER NOT NULL,
    session_opened TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    wall_at TEXT NOT NULL,
    elapsed_s REAL,
    phase_index INTEGER,
    data TEXT NOT NULL,
    problem TEXT,
    UNIQUE (server, session_id, seq)
)
"""


_AUDIT_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    server TEXT NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL
)
"""


class OutboxError(Exception):
    """The outbox file cannot be used (a full disk, a read-only folder)."""


@dataclass(frozen=True)
class Kept:
    """One event waiting in the outbox."""

    session_id: int
    session_opened: datetime  # the session's first event's wall time: which session it is
    seq: int
    event: JourneyEvent


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
            self._db.execute(_AUDIT_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise OutboxError(CANNOT_USE.format(path=path, error=exc)) from exc

    def put(self, kept: Kept, problem: str | None = None) -> None:
        """Keep one event until it is delivered; on disk when this returns. With ``problem``
        it is set aside from the start: kept, with why, for an admin, never delivered."""
        event = kept.event
        with self._lock:
            try:
                self._db.execute(
                    "INSERT INTO outbox (server, session_id, session_opened, seq, kind, "
                    "wall_at, elapsed_s, phase_index, data, problem) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        self.server,
                        kept.session_id,
                        kept.session_opened.isoformat(),
                        kept.seq,
                        event.kind.value,
                        event.wall.isoformat(),
                        event.elapsed,
                        event.phase_index,
                        json.dumps(dict(event.data)),
                        problem,
                    ),
                )
            except sqlite3.Error as exc:
                raise OutboxError(CANNOT_WRITE.format(path=self.path, error=exc)) from exc

    def delivered(self, session_id: int, seq: int) -> None:
        # Left in the outbox on failure, it is recognised as already delivered next time.
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.execute(
                "DELETE FROM outbox WHERE server = ? AND session_id = ? AND seq = ?",
                (self.server, session_id, seq),
            )

    def set_aside(self, session_id: int, seq: int, problem: str) -> None:
        """Keep an entry that cannot be delivered, with why, out of the way of the others."""
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.execute(
                "UPDATE outbox SET problem = ? WHERE server = ? AND session_id = ? AND seq = ?",
                (problem, self.server, session_id, seq),
            )

    def waiting(self) -> list[Kept]:
        """Every event waiting for this database, in the order recorded."""
        with self._lock:
            rows = self._db.execute(
                "SELECT session_id, session_opened, seq, kind, wall_at, elapsed_s, phase_index, "
                "data FROM outbox WHERE server = ? AND problem IS NULL ORDER BY id",
                (self.server,),
            ).fetchall()
        return [
            Kept(
                session_id,
                datetime.fromisoformat(opened),
                seq,
                JourneyEvent(
                    kind=EventKind(kind),
                    wall=datetime.fromisoformat(wall),
                    elapsed=elapsed,
                    phase_index=phase,
                    data=json.loads(data),
                ),
            )
            for session_id, opened, seq, kind, wall, elapsed, phase, data in rows
        ]

    def set_aside_count(self) -> int:
        """Entries an admin must look at: they could not be delivered (see ``problem``)."""
        with self._lock:
            found = self._db.execute(
                "SELECT count(*) FROM outbox WHERE problem IS NOT NULL"
            ).fetchone()
        return int(found[0]) if found else 0

    def other_databases(self) -> int:
        """Entries and audit lines waiting for another database than this one (the PC was
        moved to it)."""
        with self._lock:
            found = self._db.execute(
                "SELECT (SELECT count(*) FROM outbox WHERE server != ? AND problem IS NULL)"
                " + (SELECT count(*) FROM audit WHERE server != ?)",
                (self.server, self.server),
            ).fetchone()
        return int(found[0]) if found else 0

    # -- audit lines (sign-ins, locks) the server could not take --------------------------------

    def put_audit(
        self, at: datetime, who: str, action: str, subject: str, detail: dict[str, object]
    ) -> int:
        """Keep one audit line until it is written; its place in the outbox."""
        with self._lock:
            try:
                cursor = self._db.execute(
                    "INSERT INTO audit (server, at, who, action, subject, detail) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (self.server, at.isoformat(), who, action, subject, json.dumps(detail)),
                )
            except sqlite3.Error as exc:
                raise OutboxError(CANNOT_WRITE.format(path=self.path, error=exc)) from exc
            return int(cursor.lastrowid or 0)

    def audit_waiting(self) -> list[tuple[int, datetime, str, str, str, dict[str, object]]]:
        """The audit lines kept for this database, oldest first, with their places."""
        try:
            with self._lock:
                rows = self._db.execute(
                    "SELECT id, at, who, action, subject, detail FROM audit WHERE server = ? "
                    "ORDER BY id",
                    (self.server,),
                ).fetchall()
            return [
                (place, datetime.fromisoformat(at), who, action, subject, json.loads(detail))
                for place, at, who, action, subject, detail in rows
            ]
        except (sqlite3.Error, ValueError) as exc:
            raise OutboxError(CANNOT_READ.format(path=self.path, error=exc)) from exc

    def audit_delivered(self, places: list[int]) -> None:
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.executemany("DELETE FROM audit WHERE id = ?", [(p,) for p in places])

    def close(self) -> None:
        with self._lock:
            self._db.close()
