"""Journey times as staff read them."""

from __future__ import annotations

import pytest

from kapdesk.core.timefmt import clock_text, minutes_text


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
