"""A watch on the window's thread: a short timer that notes how late each of its ticks comes.

A tick that comes late is time the window's thread spent on something else: a thread stuck
on the network or the disk shows as one very late tick. The probe keeps the longest such wait
(p99 hides a single long stall) and a histogram for the percentiles, so it costs the same
after a minute or a day. It measures with :func:`time.monotonic`, never the app's clock (which
a test or practice may move), and logs a warning each time the thread was stuck long enough
for staff to notice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer

log = logging.getLogger(__name__)

BUCKETS = 1000  # one a millisecond; later ticks go in the last one (and in ``worst``)


@dataclass(frozen=True)
class StallFigures:
    """How late the window's thread came to its ticks, in milliseconds."""

    ticks: int
    worst_ms: float
    p50_ms: float
    p99_ms: float
    stalls: int  # ticks later than the warning limit


class StallProbe(QObject):
    """A timer on the window's thread every ``interval_ms`` that records its own lateness."""

    def __init__(
        self,
        interval_ms: int = 10,
        warn_after_ms: float = 250.0,
        parent: QObject | None = None,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.interval_ms = interval_ms
        self.warn_after_ms = warn_after_ms
        self._now = now
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._due = 0.0
        self.reset()

    def start(self) -> None:
        self._due = self._now() + self.interval_ms / 1000
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def reset(self) -> None:
        """Forget what was seen so far (the next tick is measured from now)."""
        self._counts = [0] * (BUCKETS + 1)
        self._ticks = 0
        self._worst = 0.0
        self._stalls = 0
        self._due = self._now() + self.interval_ms / 1000

    def _tick(self) -> None:
        now = self._now()
        late_ms = max(0.0, (now - self._due) * 1000)
        self._due = now + self.interval_ms / 1000
        self._ticks += 1
        self._counts[min(BUCKETS, int(late_ms))] += 1
        self._worst = max(self._worst, late_ms)
        if late_ms > self.warn_after_ms:
            self._stalls += 1
            log.warning("the window's thread was stuck for %d ms", late_ms)

    def _percentile(self, fraction: float) -> float:
        """The upper edge of the bucket that holds ``fraction`` of the ticks."""
        if not self._ticks:
            return 0.0
        wanted = max(1, round(fraction * self._ticks))
        seen = 0
        for bucket, count in enumerate(self._counts):
            seen += count
            if seen >= wanted:
                return min(float(bucket + 1), self._worst)
        return self._worst

    def figures(self) -> StallFigures:
        return StallFigures(
            ticks=self._ticks,
            worst_ms=self._worst,
            p50_ms=self._percentile(0.50),
            p99_ms=self._percentile(0.99),
            stalls=self._stalls,
        )
