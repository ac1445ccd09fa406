"""Counts and sizes read as staff would write them."""

from __future__ import annotations

import pytest

from kapdesk.core.wording import counted, size_text


@pytest.mark.parametrize(
    ("count", "text"), [(0, "0 tracks"), (1, "1 track"), (2, "2 tracks"), (-1, "-1 tracks")]
)
def test_a_count_takes_the_noun_in_its_number(count: int, text: str) -> None:
    assert counted(count, "track") == text


def test_a_noun_of_its_own_plural() -> None:
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (1, "1 byte"),
        (999, "999 bytes"),
        (1_000, "1 kB"),
        (999_499, "999 kB"),
        (999_999, "1.0 MB"),  # never "1000 kB"
        (1_000_000, "1.0 MB"),
        (1_234_567, "1.2 MB"),
        (45_900_000, "45.9 MB"),
        (999_999_999, "1.00 GB"),  # never "1000.0 MB"
        (1_200_000_000, "1.20 GB"),
    ],
)
def test_a_size_reads_the_same_on_every_page_and_command(size: int, text: str) -> None:
    assert size_text(size) == text
