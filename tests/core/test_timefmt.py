"""Journey times as staff read them."""

from __future__ import annotations

import pytest

from kapdesk.core.timefmt import clock_text, minutes_text, seconds_between


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (59.99, "00:59"),
        (61, "01:01"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3909.4, "1:05:09"),
        (-3, "00:00"),
    ],
)
def test_clock_text(seconds: float, text: str) -> None:
    assert clock_text(seconds) == text


@pytest.mark.parametrize(
    ("minutes", "text"), [(40, "40 min"), (120, "2 h"), (90, "1 h 30 min"), (0.5, "30 s")]
)
def test_minutes_text(minutes: float, text: str) -> None:
    assert minutes_text(minutes) == text


@pytest.mark.parametrize("fraction", [0.4, 0.6])
def test_phase_time_turns_over_with_the_big_timer(fraction: float) -> None:
    """A phase that began at 20:00.7 has run 05:00 when the timer reads 25:00, whatever the
    fraction of the second now: the two are never a second apart."""
    started, now = 1200.7, 1500 + fraction
    assert clock_text(now) == "25:00"
    assert clock_text(started) == "20:00"
    assert clock_text(seconds_between(started, now)) == "05:00"


@pytest.mark.parametrize(("start", "end", "whole"), [(0.9, 1.1, 1), (3.2, 3.9, 0), (5, 2, 0)])
def test_seconds_between_counts_the_seconds_the_clock_shows(
    start: float, end: float, whole: int
) -> None:
    assert seconds_between(start, end) == whole
