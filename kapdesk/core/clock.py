"""Time sources for the journey.

A journey measures elapsed time with a monotonic clock, so that a wall-clock jump (NTP, daylight
saving, a nurse fixing the date) never moves the timer. Wall time is still recorded with every
event, always as a timezone-aware UTC datetime.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """What the journey needs to know about time."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start; never goes backwards, ignores wall-clock changes."""
        ...

    def now(self) -> datetime:
        """The wall time, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The real clocks of the machine."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock the test (or benchmark) moves by hand.

    ``advance`` moves both clocks together, as real time passing does; ``jump_wall`` moves only
    the wall clock, as a nurse correcting the date or an NTP step would.
    """

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._wall = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        if self._wall.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._mono = monotonic_start

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time does not run backwards; use jump_wall for wall-clock steps")
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        self._wall += timedelta(seconds=seconds)
