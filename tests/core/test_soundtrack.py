"""The soundtrack plan: playlists by phase, coverage against the protocol, the session record."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, Journey
from kapdesk.core.loudness import Loudness
from kapdesk.core.protocols import Protocol
from kapdesk.core.soundtrack import (
    Bed,
    Playlist,
    Soundtrack,
    Switch,
    Track,
    bundled_sounds,
    coverage,
    default_soundtracks,
    music_outlook,
    session_sound,
    soundtrack_from_json,
    with_bundled_loudness,
)


def _playlist(name: str, *minutes: float | None) -> Playlist:
    return Playlist(
        name,
        tuple(
            Track(f"/music/{name}-{i}.ogg", f"{name} {i}", "", m * 60 if m else None)
            for i, m in enumerate(minutes)
        ),
    )


def _soundtrack() -> Soundtrack:
    # The test protocol: Onset 5 min, Peak 40 min, Return 15 min.
    return Soundtrack(
        name="Evening",
        bed=Bed("/sounds/rain.ogg", "Soft rain"),
        settling=_playlist("settle", 10),
        phases={"peak": _playlist("deep", 10, 18)},
        default=_playlist("gentle", 12, 12),
        switch=Switch.END_OF_TRACK,
    )


def test_playlists_follow_phase_names_with_a_default_and_settling_before_the_dose() -> None:
    soundtrack = _soundtrack()
    assert soundtrack.playlist_for(None) == soundtrack.settling
    assert soundtrack.playlist_for("Peak") == soundtrack.phases["peak"]
    assert soundtrack.playlist_for("Return") == soundtrack.default
    assert Soundtrack("bed only").playlist_for("Peak") is None


def test_coverage_says_which_phase_is_short_and_by_how_much(protocol: Protocol) -> None:
    stretches = coverage(_soundtrack(), protocol)
    assert [(s.phases, s.playlist) for s in stretches] == [
        (("Onset",), "gentle"),
        (("Peak",), "deep"),
        (("Return",), "gentle"),
    ]
    onset, peak, back = stretches
    assert onset.short_by == 0
    assert "24 min of music for 5 min" in onset.text()
    assert peak.short_by == 12 * 60
    assert peak.text() == "Peak is 12 min short"
    assert back.short_by == 0


def test_phases_sharing_a_playlist_share_its_music(protocol: Protocol) -> None:
    soundtrack = Soundtrack("one list", default=_playlist("all", 20, 20, None))
    (stretch,) = coverage(soundtrack, protocol)
    assert stretch.phases == ("Onset", "Peak", "Return")
    assert stretch.planned == 60 * 60
    assert stretch.short_by == 20 * 60
    assert stretch.text() == "Onset + Peak + Return are 20 min short (1 track of unknown length)"


def test_a_phase_without_music_is_bed_only_not_short(protocol: Protocol) -> None:
    (stretch,) = coverage(Soundtrack("bed", bed=Bed("/b.ogg", "Bed")), protocol)
    assert stretch.short_by == 0
    assert stretch.text() == "Onset + Peak + Return: no music (bed only)"


def test_the_music_line_says_one_true_thing() -> None:
    """The live music line: runs out within this phase, or enough for this phase and where it
    runs out later, or enough; never "runs out" for this phase while there is enough for it."""
    playlist = _playlist("deep", 10, 18)  # 28 min
    # 4 min into the first track: 6 + 18 = 24 min of music left.
    assert (
        music_outlook(playlist, 0, 240, [("Peak", 30 * 60)])
        == "The music runs out 6 min before this phase ends"
    )
    assert music_outlook(playlist, 0, 240, [("Peak", 20 * 60)]) == "Enough music for this phase"
    # Enough for Peak's 20 min, not for Return's 10 after it on the same playlist.
    assert (
        music_outlook(playlist, 0, 240, [("Peak", 20 * 60), ("Return", 10 * 60)])
        == "Enough music for this phase; it runs out 6 min before Return ends"
    )
    # Short by 30 s: not "enough", and not "0 min" either; a shortfall rounds up.
    assert (
        music_outlook(playlist, 0, 240, [("Peak", 24 * 60 + 30)])
        == "The music runs out under a minute before this phase ends"
    )
    assert (
        music_outlook(playlist, 0, 240, [("Peak", 25 * 60 + 10)])
        == "The music runs out 2 min before this phase ends"
    )
    assert music_outlook(playlist, 1, 0, [("Peak", 10 * 60)]) == "Enough music for this phase"
    assert music_outlook(None, 0, 0, [("Peak", 600)]) == ""
    assert music_outlook(playlist, 2, 0, [("Peak", 600)]) == ""  # ran out: said elsewhere


def test_the_music_line_names_tracks_of_unknown_length() -> None:
    playlist = _playlist("some", 10, None)
    assert (
        music_outlook(playlist, 0, 0, [("Peak", 20 * 60)])
        == "The music runs out 10 min before this phase ends (1 track of unknown length)"
    )
    two = _playlist("some", 10, None, None)
    assert music_outlook(two, 0, 0, [("Peak", 20 * 60)]) == (
        "The music runs out 10 min before this phase ends (2 tracks of unknown length)"
    )


def test_the_json_record_round_trips_and_bad_values_fall_back_safely() -> None:
    soundtrack = _soundtrack()
    assert soundtrack_from_json(soundtrack.to_json()) == soundtrack
    odd = soundtrack_from_json(
        {
            "switch": "sideways",
            "fade_seconds": "slow",
            "music_volume": 7,
            "bed": "rain",
            "phases": {"peak": {"tracks": [{"title": "no path"}, 3]}},
        }
    )
    assert odd.switch is Switch.FADE
    assert odd.fade_seconds == 8.0
    assert odd.music_volume == 1.0
    assert odd.bed is None
    assert odd.phases["peak"].tracks == ()


def test_session_sound_says_where_the_music_was(clock: FakeClock, protocol: Protocol) -> None:
    journey = Journey.open(protocol, clock)
    soundtrack = _soundtrack()
    journey.record_sound(EventKind.SOUNDTRACK, soundtrack.to_json())
    journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    journey.record_sound(EventKind.TRACK, {"playlist": "gentle", "index": 1, "offset": 30.0})
    clock.advance(95)
    sound = session_sound(journey.events, clock.now())
    assert sound.soundtrack == soundtrack
    assert (sound.playlist, sound.index, sound.position, sound.ended) == ("gentle", 1, 125.0, False)
    journey.record_sound(EventKind.MUSIC_ENDED, {"playlist": "gentle"})
    assert session_sound(journey.events, clock.now() + timedelta(seconds=5)).ended


def test_the_music_is_placed_by_the_journey_time_not_a_clock_that_moved(
    clock: FakeClock, protocol: Protocol
) -> None:
    journey = Journey.open(protocol, clock)
    journey.record_sound(EventKind.SOUNDTRACK, _soundtrack().to_json())
    journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    clock.advance(10)
    journey.record_sound(EventKind.TRACK, {"playlist": "gentle", "index": 1, "offset": 30.0})
    clock.advance(20)
    clock.jump_wall(3600)  # the PC's clock an hour fast when kapdesk starts again
    sound = session_sound(journey.events, clock.now(), journey.elapsed())
    assert sound.position == pytest.approx(50.0)  # not an hour into a ten-minute track


def test_bundled_sounds_and_the_default_soundtracks(tmp_path: Path) -> None:
    (tmp_path / "rain.ogg").write_bytes(b"OggS")
    (tmp_path / "sounds.toml").write_text(
        """
[[sound]]
id = "rain"
title = "Soft rain"
kind = "bed"
file = "rain.ogg"
seconds = 75.0
lufs = -19.8
true_peak = -7.8
range = 3.4

[[sound]]
id = "gone"
kind = "bed"
file = "missing.ogg"

[[sound]]
id = "chime"
kind = "chime"
file = "rain.ogg"
""",
        encoding="utf-8",
    )
    sounds = bundled_sounds(tmp_path)
    assert [(s.id, s.kind) for s in sounds] == [("rain", "bed"), ("chime", "chime")]
    (only,) = default_soundtracks(sounds)
    assert only.name == "Soft rain (bed only)"
    assert only.bed == Bed(str(tmp_path / "rain.ogg"), "Soft rain", Loudness(-19.8, -7.8, 3.4))
    assert sounds[1].loudness is None  # not measured: played as if loud
    # A soundtrack saved with a bundled bed before beds kept their loudness is given it.
    saved = [Soundtrack("Old", bed=Bed(str(tmp_path / "rain.ogg"), "Soft rain"))]
    (given,) = with_bundled_loudness(saved, sounds)
    assert given.bed is not None
    assert given.bed.loudness == Loudness(-19.8, -7.8, 3.4)
    # One saved by an earlier release keeps no figure the sound itself no longer has.
    earlier = [Soundtrack("Old", bed=Bed(str(tmp_path / "rain.ogg"), "Rain", Loudness(-30, -20)))]
    (again,) = with_bundled_loudness(earlier, sounds)
    assert again.bed is not None
    assert again.bed.loudness == Loudness(-19.8, -7.8, 3.4)
    other = [Soundtrack("Mine", bed=Bed("/mine/bed.ogg", "Mine"))]
    assert with_bundled_loudness(other, sounds) == other
    (tmp_path / "sounds.toml").write_text("[[sound]\nbroken", encoding="utf-8")
    assert bundled_sounds(tmp_path) == []
    assert bundled_sounds(tmp_path / "nowhere") == []
