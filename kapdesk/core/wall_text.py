"""How a wall-clock moment, a day and a number read to staff and patients, on screen and on paper.

The core's own words (``journey_words``, ``journey_screen``) and the printed record say times
through :func:`current`, so they follow the clinic's region without the core knowing Qt: the
window installs the region's way (:mod:`kapdesk.ui.formats`, with QLocale) once the records are
open, with :func:`use`. Until then, and where no region is known (the C locale, the command
line), it is plain Python's: a 24-hour clock, "07 Mar 2025", a decimal point.

Machine formats (the database, file names, exports, what the command line prints for scripts)
never come here: they stay ISO 8601 and the decimal point whatever the region.
"""

from __future__ import annotations

import enum
from datetime import date, datetime


class Day(enum.Enum):
    """The ways a day is said."""

    SHORT = "%d %b %Y"  # 07 Mar 2025; en_US 3/7/25
    WEEKDAY = "%a %d %b %Y"  # Fri 07 Mar 2025; en_US Fri 3/7/25
    DAY_MONTH = "%d %b"  # 07 Mar; en_US 3/7
    WEEKDAY_DAY_MONTH = "%a %d %b"  # Fri 07 Mar; en_US Fri 3/7
    LONG = "%A %d %B %Y"  # Friday 07 March 2025; en_US Friday, March 7, 2025
    LONG_DAY_MONTH = "%A %d %B"  # Friday 07 March; en_US Friday, March 7


def _local(moment: date) -> date:
    """A timezone-aware moment in this PC's time zone; a plain day as it is."""
    return moment.astimezone() if isinstance(moment, datetime) else moment


class WallText:
    """Plain Python's way, the default: subclassed for a region (:mod:`kapdesk.ui.formats`)."""

    def time(self, moment: datetime, *, seconds: bool = False) -> str:
        """The time of day of ``moment`` in this PC's time zone: 14:05 (14:05:09)."""
        return moment.astimezone().strftime("%H:%M:%S" if seconds else "%H:%M")

    def day(self, moment: date, form: Day = Day.SHORT) -> str:
        """The day of ``moment`` (a timezone-aware moment in this PC's time zone, or a day)."""
        return _local(moment).strftime(form.value)

    def day_time(self, moment: datetime, *, seconds: bool = False) -> str:
        """Day and time: 07 Mar 2025, 14:05."""
        return f"{self.day(moment)}, {self.time(moment, seconds=seconds)}"

    def number(self, value: float, decimals: int) -> str:
        """``value`` with ``decimals`` decimals: 1.5."""
        return f"{value:.{decimals}f}"


_used: list[WallText] = [WallText()]


def current() -> WallText:
    """The way in use: the clinic's region once the window has set it."""
    return _used[0]


def use(way: WallText) -> WallText:
    """Say times, days and numbers ``way`` from now on; the way used before is returned (for
    a test to put back)."""
    before, _used[0] = _used[0], way
    return before


def time_of_day(moment: datetime) -> str:
    """The time of day of ``moment``, as the clinic reads it: 14:05, or 2:05 PM."""
    return _used[0].time(moment)
