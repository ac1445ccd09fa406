"""What the record says of the sound the patient heard: each track and the bed with the gain it
played at, and the clinic's target."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from kapdesk.core.journey import EventKind, JourneyEvent, event_text
from kapdesk.core.loudness import Loudness
from kapdesk.core.soundtrack import Bed, Soundtrack, soundtrack_chosen

WALL = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TRACK = {
    "playlist": "Peak",
    "index": 0,
    "path": "/m/dawn.ogg",
    "title": "Dawn",
    "artist": "Ensemble",
}


def _said(**data: Any) -> str:
    return event_text(JourneyEvent(EventKind.TRACK, WALL, 60.0, 1, {**TRACK, **data}))


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"gain_db": -12.5, "loudness_lufs": -13.5}, "Music: Ensemble – Dawn (played at -12.5 dB)"),
        ({"gain_db": 0.0, "loudness_lufs": -31.0}, "Music: Ensemble – Dawn (played at 0 dB)"),
        ({"gain_db": -0.04, "loudness_lufs": -26.0}, "Music: Ensemble – Dawn (played at 0 dB)"),
        (
            {"gain_db": -21.0, "loudness_lufs": None},
            "Music: Ensemble – Dawn (loudness not measured yet: played at -21.0 dB,"
            " as the loudest master would be)",
        ),
        ({}, "Music: Ensemble – Dawn"),  # recorded before loudness was matched
        ({"gain_db": "loud"}, "Music: Ensemble – Dawn"),  # a damaged record says no more
        ({"gain_db": float("nan")}, "Music: Ensemble – Dawn"),
    ],
)
def test_the_record_says_the_gain_each_track_played_at(data: dict[str, Any], words: str) -> None:
    assert _said(**data) == words


def _chosen(soundtrack: Soundtrack, target: float = -26.0) -> str:
    data = soundtrack_chosen(soundtrack, target)
    return event_text(JourneyEvent(EventKind.SOUNDTRACK, WALL, None, None, data))


def test_the_record_says_the_target_and_the_gain_the_bed_played_at() -> None:
    rain = Bed("/s/rain.ogg", "Rain", Loudness(-19.8, -7.8))
    assert _chosen(Soundtrack("Evening", bed=rain)) == (
        "Soundtrack: Evening, every track brought to -26 LUFS (bed Rain: played at -6.2 dB)"
    )
    assert _chosen(Soundtrack("Evening", bed=Bed("/s/drone.ogg", "Drone")), -20) == (
        "Soundtrack: Evening, every track brought to -20 LUFS"
        " (bed Drone: not measured yet, played at -15.0 dB)"
    )
    assert _chosen(Soundtrack("Silence")) == "Soundtrack: Silence, every track brought to -26 LUFS"
    older = JourneyEvent(EventKind.SOUNDTRACK, WALL, None, None, Soundtrack("Old").to_json())
    assert event_text(older) == "Soundtrack: Old"
