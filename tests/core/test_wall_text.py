"""The core says wall-clock times through one seam: plain Python's 24-hour clock until the window
installs the clinic's region (kapdesk.ui.formats), and whatever way is installed after."""

from __future__ import annotations

from datetime import date, datetime

from kapdesk.core import wall_text
from kapdesk.core.journey import verdict_text
from kapdesk.core.wall_text import Day, WallText

AT = datetime(2026, 3, 2, 14, 5, 9).astimezone()  # this PC's 14:05:09, whatever its zone


def test_the_default_is_a_24_hour_clock_and_the_day_before_the_month() -> None:
    said = WallText()
    assert said.time(AT) == "14:05"
    assert said.time(AT, seconds=True) == "14:05:09"
    assert said.day(AT) == "02 Mar 2026"
    assert said.day(date(2026, 3, 9), Day.LONG_DAY_MONTH) == "Monday 09 March"
    assert said.day_time(AT) == "02 Mar 2026, 14:05"
    assert said.number(37.54, 1) == "37.5"


class _Twelve(WallText):
    def time(self, moment: datetime, *, seconds: bool = False) -> str:
        return moment.astimezone().strftime("%I:%M %p").lstrip("0")


def test_the_core_says_times_the_way_installed() -> None:
    assert verdict_text(True, AT) == "ready, may leave from 14:05"
    before = wall_text.use(_Twelve())
    try:
        assert type(before) is WallText
        assert wall_text.time_of_day(AT) == "2:05 PM"
        assert verdict_text(True, AT) == "ready, may leave from 2:05 PM"
    finally:
        wall_text.use(before)
