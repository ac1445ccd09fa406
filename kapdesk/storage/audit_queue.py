"""Audit lines written on a thread of their own, in the order they were made.

The window's thread hands a line over and goes on at once: a clinic server that stops
answering holds up the audit line, never the lock screen. Each line keeps the moment it was
made; one the database refuses is tried again after a growing pause, and every failure is
logged, so none is lost silently.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from kapdesk.core.clock import Clock
from kapdesk.storage.errors import StorageError

log = logging.getLogger(__name__)

FIRST_PAUSE_S = 0.5
LONGEST_PAUSE_S = 30.0


class AuditStore(Protocol):
    """Where the lines go: a :class:`~kapdesk.storage.staff.StaffStore`."""

    def record_at(
        self, now: datetime, who: str, action: str, subject: str = "", **detail: Any
    ) -> None: ...


@dataclass(frozen=True)
class _Line:
    at: datetime
    who: str
    action: str
    subject: str
    detail: dict[str, Any] = field(default_factory=dict, repr=False)  # not in the log


class AuditQueue:
    """Writes each ``put`` line to ``store`` on its own thread, oldest first."""

    def __init__(
        self,
        store: AuditStore,
        clock: Clock,
        *,
        first_pause: float = FIRST_PAUSE_S,
        longest_pause: float = LONGEST_PAUSE_S,
    ) -> None:
        self._store = store
        self._clock = clock
        self._first_pause = first_pause
        self._longest_pause = longest_pause
        self._lines: deque[_Line] = deque()
        self._writing: _Line | None = None  # out of the deque, on its way to the database
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    def put(self, who: str, action: str, subject: str = "", **detail: Any) -> None:
        """Hand a line over, stamped now; returns at once."""
        line = _Line(self._clock.now(), who, action, subject, dict(detail))
        with self._changed:
            self._lines.append(line)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="audit", daemon=True)
                self._thread.start()
            self._changed.notify_all()

    def idle(self) -> bool:
        """Whether every line handed over is written (or given up on, and logged)."""
        with self._changed:
            return not self._lines and self._writing is None

    def flush(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for every line to be written (at shutdown only);
        what is still unwritten then is logged."""
        with self._changed:
            done = self._changed.wait_for(
                lambda: not self._lines and self._writing is None, timeout
            )
            if not done:
                waiting = [self._writing] if self._writing is not None else []
                for line in waiting + list(self._lines):
                    log.error("audit line not written before kapdesk ended: %s", line)
            return done

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: bool(self._lines))
                line = self._lines.popleft()
                self._writing = line
            try:
                self._write_line(line)
            finally:
                with self._changed:
                    self._writing = None
                    self._changed.notify_all()

    def _write_line(self, line: _Line) -> None:
        pause = self._first_pause
        while True:
            try:
                self._store.record_at(line.at, line.who, line.action, line.subject, **line.detail)
                return
            except StorageError as exc:
                log.warning("audit line %s not written, trying again: %s", line, exc)
            except Exception:
                log.exception("audit line %s cannot be written", line)
                return
            time.sleep(pause)  # no later line overtakes this one meanwhile
            pause = min(pause * 2, self._longest_pause)
