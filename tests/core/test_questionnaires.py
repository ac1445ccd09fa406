"""PHQ-9 and GAD-7 scored exactly, with their published severity bands."""

from __future__ import annotations

import pytest

from kapdesk.core.questionnaires import (
    GAD7,
    PHQ9,
    SELF_HARM_FLAG,
    AnswerError,
    band_of,
    score,
)


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ((0, 0, 0, 0, 0, 0, 0, 0, 0), 0, "minimal"),
        ((1, 1, 1, 1, 0, 0, 0, 0, 0), 4, "minimal"),
        ((1, 1, 1, 1, 1, 0, 0, 0, 0), 5, "mild"),
        ((2, 2, 1, 1, 1, 1, 1, 0, 0), 9, "mild"),
        ((2, 2, 2, 1, 1, 1, 1, 0, 0), 10, "moderate"),
        ((2, 2, 2, 2, 2, 2, 2, 0, 0), 14, "moderate"),
        ((3, 3, 2, 2, 2, 1, 1, 1, 0), 15, "moderately severe"),
        ((3, 3, 3, 2, 2, 2, 2, 2, 0), 19, "moderately severe"),
        ((3, 3, 3, 3, 2, 2, 2, 2, 0), 20, "severe"),
        ((3, 3, 3, 3, 3, 3, 3, 3, 3), 27, "severe"),
    ],
)
def test_phq9_totals_and_bands(answers: tuple[int, ...], total: int, band: str) -> None:
    scored = score(PHQ9, answers)
    assert (scored.total, scored.band) == (total, band)
    assert scored.flags == ((SELF_HARM_FLAG,) if answers[8] else ())


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ((0, 0, 0, 0, 0, 0, 0), 0, "minimal"),
        ((1, 1, 1, 1, 0, 0, 0), 4, "minimal"),
        ((1, 1, 1, 1, 1, 0, 0), 5, "mild"),
        ((2, 2, 2, 1, 1, 1, 0), 9, "mild"),
        ((2, 2, 2, 2, 1, 1, 0), 10, "moderate"),
        ((2, 2, 2, 2, 2, 2, 2), 14, "moderate"),
        ((3, 2, 2, 2, 2, 2, 2), 15, "severe"),
        ((3, 3, 3, 3, 3, 3, 3), 21, "severe"),
    ],
)
def test_gad7_totals_and_bands(answers: tuple[int, ...], total: int, band: str) -> None:
    scored = score(GAD7, answers)
    assert (scored.total, scored.band) == (total, band)
    assert scored.flags == ()
    assert scored.text() == f"GAD-7 {total} of 21, {band}"


def test_item_nine_is_flagged_whatever_the_total() -> None:
    scored = score(PHQ9, (0, 0, 0, 0, 0, 0, 0, 0, 1))
    assert (scored.total, scored.band) == (1, "minimal")
    assert scored.flags == (SELF_HARM_FLAG,)


def test_missing_and_impossible_answers_are_named() -> None:
    with pytest.raises(AnswerError, match="answer question 2, 7"):
        score(PHQ9, (0, None, 0, 0, 0, 0, None, 0, 0))
    with pytest.raises(AnswerError, match="question 3 is answered 0-3"):
        score(GAD7, (0, 0, 4, 0, 0, 0, 0))
    with pytest.raises(AnswerError, match="has 7 questions, not 9"):
        score(GAD7, (0,) * 9)


def test_the_instruments_have_their_published_shape() -> None:
    assert (len(PHQ9.items), PHQ9.max_total) == (9, 27)
    assert (len(GAD7.items), GAD7.max_total) == (7, 21)
    assert [band_of(PHQ9, t) for t in (4, 5, 9, 10, 14, 15, 19, 20)] == [
        "minimal",
        "mild",
        "mild",
        "moderate",
        "moderate",
        "moderately severe",
        "moderately severe",
        "severe",
    ]
