"""The core's marked words stay what they say in English, and keep what it takes to say them in
another language through a copy, a pickle and a list said one after the other."""

from __future__ import annotations

import copy
import pickle

from kapdesk.core.words import QT_TRANSLATE_NOOP, Said, Template, joined

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
