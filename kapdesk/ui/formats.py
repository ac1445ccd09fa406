"""Dates, times and numbers as the clinic's region writes them (QLocale): a 12- or 24-hour
clock, the day and month in its order, its decimal separator, on screen and in the printed
record.

:func:`use_region` makes the clinic's region (``clinic.toml``'s ``[locale] region``; "" this
PC's own) Qt's default locale, so Qt's own widgets follow it too, and installs the same way in
:mod:`kapdesk.core.wall_text`, where the core's words and the printed record find it. The window
calls it once the records, and so the clinic's settings, are open. A region Qt does not know,
and the C locale, keep plain Python's way (24-hour clock, "07 Mar 2025", decimal point).

The functions below are what the pages call; each says a moment in this PC's time zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QLocale

from kapdesk.core import wall_text
from kapdesk.core.wall_text import Day, WallText
from kapdesk.reports.locale_text import LocaleText

__all__ = [
    "Day",
    "LocaleText",
    "day",
    "day_month_format",
    "day_time",
    "edit_format",
    "number",
    "time",
    "use_region",
]

_SHORT = QLocale.FormatType.ShortFormat
_SHORT_YEAR = re.compile(r"(?<!y)y{1,2}(?!y)")  # yy: a year typed in full in a date field


def use_region(region: str) -> QLocale:
    """Make ``region`` ("en_US"; "" this PC's own) the default locale, and say times, days and
    numbers its way from now on; the locale is returned."""
    locale = QLocale(region) if region else QLocale.system()
    QLocale.setDefault(locale)
    known = locale.language() != QLocale.Language.C
    wall_text.use(LocaleText(locale) if known else WallText())
    return locale


def time(moment: datetime, *, seconds: bool = False) -> str:
    """The time of day: 2:05 PM (en_US), 14:05 (fr_FR); with ``seconds``, 2:05:09 PM."""
    return wall_text.current().time(moment, seconds=seconds)


def day(moment: date, form: Day = Day.SHORT) -> str:
    """The day, in one of the :class:`Day` forms: 3/7/25 (en_US), 07/03/2025 (fr_FR)."""
    return wall_text.current().day(moment, form)


def day_time(moment: datetime, *, seconds: bool = False) -> str:
    """The day and the time: 3/7/25, 2:05 PM (en_US), 07/03/2025, 14:05 (fr_FR)."""
    return wall_text.current().day_time(moment, seconds=seconds)


def number(value: float, decimals: int) -> str:
    """A number with ``decimals`` decimals: 1.5 (en_US), 1,5 (fr_FR)."""
    return wall_text.current().number(value, decimals)


def edit_format(plain: str, *, weekday: bool = False) -> str:
    """The display format of a date field (QDateEdit): the region's short date, its year in
    full, after the short weekday name with ``weekday``; ``plain`` (a Qt format) where no
    region is known."""
    way = wall_text.current()
    if not isinstance(way, LocaleText):
        return f"ddd {plain}" if weekday else plain
    short = _SHORT_YEAR.sub("yyyy", way.locale.dateFormat(_SHORT))
    return f"ddd {short}" if weekday else short


def day_month_format(plain: str) -> str:
    """A Qt format for a day and month (a chart's date axis): the region's, like 'M/d' in en_US
    and 'dd/MM' in fr_FR; ``plain`` where no region is known."""
    way = wall_text.current()
    return way.day_month_format if isinstance(way, LocaleText) else plain
