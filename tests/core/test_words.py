"""The core's marked words stay what they say in English, and keep what it takes to say them in
another language through a copy, a pickle and a list said one after the other."""

from __future__ import annotations

import copy
import pickle

import pytest

from kapdesk.core.words import QT_TRANSLATE_NOOP, Counted, Said, Template, joined

LATE = QT_TRANSLATE_NOOP("Tests", "{what} is {minutes} min late")


def test_a_said_message_survives_a_copy_and_a_pickle() -> None:
    said = LATE.format(what="Baseline", minutes=12)
    for again in (copy.copy(said), copy.deepcopy(said), pickle.loads(pickle.dumps(said))):
        assert again == "Baseline is 12 min late"
        assert isinstance(again, Said)
        assert again.template.context == "Tests"
        assert dict(again.values) == {"what": "Baseline", "minutes": 12}
    kept = pickle.loads(pickle.dumps(LATE))
    assert isinstance(kept, Template)
    assert kept.context == "Tests"
    assert copy.deepcopy({"reason": LATE})["reason"] is LATE


def test_parts_joined_read_as_the_english_join_and_keep_their_words() -> None:
    parts = [LATE.format(what="A", minutes=1), "Patient K-1", LATE.format(what="B", minutes=2)]
    for separator in ("; ", "\n", "   ·   ", "{odd}"):
        assert joined(parts, separator) == separator.join(parts)
    both = joined(parts, "; ")
    assert isinstance(both, Said)
    assert both.values["first"] is parts[0]
    assert joined([], "; ") == ""
    assert joined(["one"], "; ") == "one"


COURSE = QT_TRANSLATE_NOOP(
    "Tests", "Course of %n session for {patient}|Course of %n sessions for {patient}"
)


def test_counted_words_say_one_and_many_in_english_and_keep_the_count() -> None:
    assert isinstance(COURSE, Counted)
    assert COURSE.format(count=1, patient="K-1") == "Course of 1 session for K-1"
    for count in (0, 2, 12):
        said = COURSE.format(count=count, patient="K-1")
        assert said == f"Course of {count} sessions for K-1"
        assert dict(said.values) == {"count": count, "patient": "K-1"}
    kept = pickle.loads(pickle.dumps(COURSE.format(count=3, patient="K-2")))
    assert kept == "Course of 3 sessions for K-2"
    assert isinstance(kept.template, Counted)
    assert not isinstance(LATE, Counted)  # words without %n are plain templates


@pytest.mark.parametrize("source", ["%n session", "%n session|many sessions", "%n a|%n b|%n c"])
def test_counted_words_give_one_form_and_the_other(source: str) -> None:
    with pytest.raises(ValueError, match="counted words"):
        QT_TRANSLATE_NOOP("Tests", source)


@pytest.mark.parametrize("count", [2.0, "3", None, True])
def test_counted_words_take_a_whole_count(count: object) -> None:
    with pytest.raises(TypeError, match="whole count"):
        COURSE.format(count=count, patient="K-1")
