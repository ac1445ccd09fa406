"""Counts read as staff would write them."""

from __future__ import annotations

import pytest

from kapdesk.core.wording import counted


@pytest.mark.parametrize(
    ("count", "text"), [(0, "0 tracks"), (1, "1 track"), (2, "2 tracks"), (-1, "-1 tracks")]
)
def test_a_count_takes_the_noun_in_its_number(count: int, text: str) -> None:
    assert counted(count, "track") == text


def test_a_noun_of_its_own_plural() -> None:
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"
