"""Times, days and numbers as a QLocale writes them: the clinic's region on screen and in the
record (:mod:`kapdesk.ui.formats` installs it), and the patient's language and the clinic's
country on the handout (:mod:`kapdesk.reports.handout_words`). Here, where both the window and
the printed pages reach it without the one importing the other.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

from kapdesk.core.wall_text import Day, WallText

_SHORT = QLocale.FormatType.ShortFormat
_LONG = QLocale.FormatType.LongFormat
# A run of literal text in a Qt date format: quoted ('de'), or anything not a field letter.
_LITERAL = r"(?:'[^']*'|[^dMy'])*"
_YEAR_LAST = re.compile(_LITERAL + r"y+" + _LITERAL + "$")
_YEAR_FIRST = re.compile("^" + _LITERAL + r"y+" + _LITERAL)
_ZONE = re.compile(r"('[^']*')|\s*\(?\bt+\)?")  # the time zone, unless quoted


def _without_year(pattern: str) -> str:
    """A date format without its year and the separator beside it: 'M/d/yy' -> 'M/d',
    "dddd, d 'de' MMMM 'de' yyyy" -> "dddd, d 'de' MMMM", 'yyyy-MM-dd' -> 'MM-dd'."""
    for year in (_YEAR_LAST, _YEAR_FIRST):
        pattern = year.sub("", pattern, count=1)
    return pattern


def _without_zone(pattern: str) -> str:
    """A time format without its time zone: 'h:mm:ss\u202fAp tttt' -> 'h:mm:ss\u202fAp'."""
    return _ZONE.sub(lambda found: found.group(1) or "", pattern).strip()


class LocaleText(WallText):
    """Times, days and numbers as ``locale`` writes them. Each call works on its own copy of
    the locale (a cheap, shared one): the record's rows are made on worker threads too."""

    def __init__(self, locale: QLocale) -> None:
        self.locale = QLocale(locale)
        self._seconds = _without_zone(locale.timeFormat(_LONG))
        self.day_month_format = _without_year(locale.dateFormat(_SHORT))  # also a chart's
        self._long_day_month = _without_year(locale.dateFormat(_LONG))

    def time(self, moment: datetime, *, seconds: bool = False) -> str:
        local = moment.astimezone()
        at = QTime(local.hour, local.minute, local.second)
        locale = QLocale(self.locale)
        return locale.toString(at, self._seconds) if seconds else locale.toString(at, _SHORT)

    def day(self, moment: date, form: Day = Day.SHORT) -> str:
        local = moment.astimezone() if isinstance(moment, datetime) else moment
        on = QDate(local.year, local.month, local.day)
        locale = QLocale(self.locale)
        if form is Day.LONG:
            return locale.toString(on, _LONG)
        if form is Day.LONG_DAY_MONTH:
            return locale.toString(on, self._long_day_month)
        with_year = form in (Day.SHORT, Day.WEEKDAY)
        said = (
            locale.toString(on, _SHORT) if with_year else locale.toString(on, self.day_month_format)
        )
        if form in (Day.WEEKDAY, Day.WEEKDAY_DAY_MONTH):
            return f"{locale.dayName(on.dayOfWeek(), _SHORT)} {said}"
        return said

    def number(self, value: float, decimals: int) -> str:
        return QLocale(self.locale).toString(float(value), "f", decimals)
