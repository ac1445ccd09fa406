"""Time sources for the journey.

A journey measures elapsed time with a monotonic clock, so that a wall-clock jump (NTP, daylight
saving, a nurse fixing the date) never moves the timer. Wall time is still recorded with every
event, always as a timezone-aware UTC datetime.

Across a restart of kapdesk the monotonic clock of the run before is gone, and the wall clock can
lie (a PC that boots an hour off before its time syncs). Two more readings let kapdesk check it
(:mod:`kapdesk.core.downtime`): which boot of the machine this is, and the seconds since that
boot, counting time spent suspended. Where the system cannot say, both are None.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

BOOT_ID = Path("/proc/sys/kernel/random/boot_id")  # Linux: a new random id at every boot
MOST_SPEED = 100.0  # the fastest a practice clock (SpeedClock) may run


class Clock(Protocol):
    """What the journey needs to know about time."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start; never goes backwards, ignores wall-clock changes."""
        ...

    def now(self) -> datetime:
        """The wall time, timezone-aware, in UTC."""
        ...

    def boot_id(self) -> str | None:
        """What names this boot of the machine (the same until it restarts); None: unknown."""
        ...

    def since_boot(self) -> float | None:
        """Seconds since the machine booted, suspended time included; None: unknown."""
        ...


class SystemClock:
    """The real clocks of the machine."""

    def __init__(self) -> None:
        self._boot_id: str | None = None
        self._boot_read = False

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def boot_id(self) -> str | None:
        # Read once: a process does not outlive its boot, and a file read lets other threads
        # run between readings of the clocks that must be taken together.
        if not self._boot_read:
            self._boot_read = True
            try:
                self._boot_id = BOOT_ID.read_text(encoding="ascii").strip() or None
            except (OSError, UnicodeDecodeError):
                self._boot_id = None  # not Linux, or /proc is not there
        return self._boot_id

    def since_boot(self) -> float | None:
        boottime = getattr(time, "CLOCK_BOOTTIME", None)  # Linux only
        if boottime is None:
            return None
        try:
            return time.clock_gettime(boottime)
        except OSError:
            return None


class FakeClock:
    """A clock the test (or benchmark) moves by hand.

    ``advance`` moves every clock together, as real time passing does; ``jump_wall`` moves only
    the wall clock, as a nurse correcting the date or an NTP step would; ``suspend`` moves the
    wall and the time since boot, not the monotonic clock, as a PC asleep does. :meth:`restart`
    and :meth:`reboot` give the clock a new run of kapdesk sees after a kill or a power cut.
    """

    def __init__(
        self,
        start: datetime | None = None,
        monotonic_start: float = 1000.0,
        *,
        boot_id: str | None = "fake-boot-1",
        since_boot: float | None = None,
    ) -> None:
        self._wall = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        if self._wall.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._mono = monotonic_start
        self._boot_id = boot_id
        # On Linux the monotonic clock counts from boot too (less the time suspended).
        self._since_boot = monotonic_start if since_boot is None else since_boot
        self._boots = 1

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._wall

    def boot_id(self) -> str | None:
        return self._boot_id

    def since_boot(self) -> float | None:
        return None if self._boot_id is None else self._since_boot

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time does not run backwards; use jump_wall for wall-clock steps")
        self._mono += seconds
        self._since_boot += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        self._wall += timedelta(seconds=seconds)

    def suspend(self, seconds: float) -> None:
        """The PC sleeps: wall time and time since boot go on, the monotonic clock stops."""
        self._since_boot += seconds
        self._wall += timedelta(seconds=seconds)

    def restart(self, downtime: float, *, wall_step: float = 0.0) -> FakeClock:
        """The clock of kapdesk started again on the same boot, ``downtime`` seconds later, with
        the wall clock stepped by ``wall_step`` meanwhile."""
        again = FakeClock(
            self._wall + timedelta(seconds=downtime + wall_step),
            self._mono + downtime,
            boot_id=self._boot_id,
            since_boot=self._since_boot + downtime,
        )
        again._boots = self._boots
        return again

    def reboot(
        self, downtime: float, *, wall_step: float = 0.0, up_for: float | None = None
    ) -> FakeClock:
        """The clock of kapdesk started after the PC restarted: ``downtime`` seconds later in
        truth, up for ``up_for`` seconds (all of the downtime if not said), with its wall clock
        off by ``wall_step``."""
        up = downtime if up_for is None else min(up_for, downtime)
        again = FakeClock(
            self._wall + timedelta(seconds=downtime + wall_step),
            up,
            boot_id=None if self._boot_id is None else f"fake-boot-{self._boots + 1}",
            since_boot=up,
        )
        again._boots = self._boots + 1
        return again


class SpeedClock:
    """Practice time: a clock that runs at a chosen speed over another, for training.

    From its start it runs ``speed`` times as fast as the clock beneath it: its monotonic
    clock, its wall time and its time since boot move together, so a journey on it reads as
    a journey (a 90-minute session at 30x takes three minutes and its record says 90 minutes,
    wall times included). A change of speed takes effect from that moment: no reading jumps,
    and nothing ever runs backwards. Only practice uses it; the real record never does.
    """

    def __init__(self, beneath: Clock, speed: float = 1.0) -> None:
        _check_speed(speed)
        self.beneath = beneath
        self._speed = float(speed)
        self._from = beneath.monotonic()  # the clock beneath's reading at the last change
        self._mono = self._from  # this clock's monotonic reading then
        self._wall = beneath.now()  # and its wall time then
        self._since_boot = beneath.since_boot()  # and its time since boot then (None: unknown)
        # Print jobs and the records opener read it off the UI thread while the trainer
        # changes speed on it: a reading never sees a change half made.
        self._lock = threading.RLock()

    @property
    def speed(self) -> float:
        return self._speed

    def set_speed(self, speed: float) -> None:
        """Run at ``speed`` from now on; every reading goes on from where it is."""
        _check_speed(speed)
        with self._lock:
            run = self._run()
            self._mono += run
            self._wall += timedelta(seconds=run)
            if self._since_boot is not None:
                self._since_boot += run
            self._from = self.beneath.monotonic()
            self._speed = float(speed)

    def catch_up(self, moment: datetime) -> float:
        """Move practice time on to ``moment`` if it is behind it (never back); the seconds
        moved. Practice that ran fast wrote times ahead of the real clock: a practice
        kapdesk started again goes on from the last of them, not back before them."""
        with self._lock:
            behind = (moment - self.now()).total_seconds()
            if not behind > 0:
                return 0.0
            self._mono += behind
            self._wall += timedelta(seconds=behind)
            if self._since_boot is not None:
                self._since_boot += behind
            return behind

    def _run(self) -> float:
        """Practice seconds since the last change of speed."""
        return max(0.0, self.beneath.monotonic() - self._from) * self._speed

    def monotonic(self) -> float:
        with self._lock:
            return self._mono + self._run()

    def now(self) -> datetime:
        with self._lock:
            return self._wall + timedelta(seconds=self._run())

    def boot_id(self) -> str | None:
        return self.beneath.boot_id()

    def since_boot(self) -> float | None:
        with self._lock:
            return None if self._since_boot is None else self._since_boot + self._run()


def _check_speed(speed: float) -> None:
    if not 0 < speed <= MOST_SPEED:
        raise ValueError(f"a practice clock runs above 0 and up to {MOST_SPEED:g}x, not {speed!r}")
