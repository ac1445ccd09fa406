"""The gain that brings a track to the clinic's target, and what the tags and the mixer allow."""

from __future__ import annotations

import math

import pytest

from kapdesk.core.loudness import (
    DEFAULT_TARGET,
    Loudness,
    LoudnessSource,
    clamp_target,
    gain_factor,
    loudness_from_json,
    loudness_from_r128,
    loudness_from_replaygain,
    matching,
    mixer_volume,
    track_gain,
)
from kapdesk.core.soundtrack import Bed, Playlist, Soundtrack, Track, soundtrack_from_json


def test_a_loud_master_is_lowered_to_the_target() -> None:
    found = matching(Loudness(-8.0, -0.3), target=-26.0)
    assert found.gain == pytest.approx(-18.0)
    assert found.short_by == 0.0
    assert not found.too_quiet
    assert not found.peak_limited


def test_a_quiet_track_is_never_raised_and_says_how_far_short_it_falls() -> None:
    found = matching(Loudness(-31.5, -12.0), target=-26.0)
    assert found.gain == 0.0
    assert found.short_by == pytest.approx(5.5)
    assert found.too_quiet


def test_a_track_whose_peak_passes_the_ceiling_gets_less_gain_and_is_named() -> None:
    found = matching(Loudness(-26.0, 0.4), target=-26.0)
    assert found.gain == pytest.approx(-1.4)
    assert found.peak_limited
    assert found.short_by == pytest.approx(1.4)
    assert found.too_quiet


def test_an_unmeasured_track_plays_as_a_loud_master_would() -> None:
    found = matching(None, target=DEFAULT_TARGET)
    assert not found.measured
    assert found.gain == pytest.approx(DEFAULT_TARGET + 5.0)
    assert track_gain(None) == found.gain


@pytest.mark.parametrize(
    ("volume", "expected"),
    [(0.0, 0.0), (-0.2, 0.0), (0.001, 1 / 128), (0.05, 6 / 128), (0.0547, 7 / 128), (1.4, 1.0)],
)
def test_the_mixer_volume_is_the_nearest_128th_and_never_silences_a_sounding_layer(
    volume: float, expected: float
) -> None:
    assert mixer_volume(volume) == pytest.approx(expected)


@pytest.mark.parametrize("limit", [0.45, 0.7, 0.8, 1.0])
def test_rounding_to_the_mixer_never_passes_the_rooms_limit(limit: float) -> None:
    for n in range(1, 1001):
        volume = limit * n / 1000
        assert mixer_volume(volume, limit) <= limit
        assert mixer_volume(volume, limit) > 0.0
    assert mixer_volume(0.7) == 90 / 128  # without a limit, the nearest step (above 0.7)
    assert mixer_volume(0.7, 0.7) == 89 / 128


def test_gain_factor_never_raises() -> None:
    assert gain_factor(-20.0) == pytest.approx(0.1)
    assert gain_factor(6.0) == 1.0
    assert clamp_target(-40.0) == -30.0
    assert clamp_target(-3.0) == -18.0


def test_replaygain_and_r128_tags_become_loudness_and_wild_ones_are_refused() -> None:
    rg = loudness_from_replaygain(1.31, 0.473)
    assert rg is not None
    assert rg.source is LoudnessSource.TAG
    assert rg.integrated == pytest.approx(-19.31)
    assert rg.true_peak == pytest.approx(20 * math.log10(0.473))
    r128 = loudness_from_r128(-945)
    assert r128 is not None
    assert r128.integrated == pytest.approx(-19.309, abs=0.01)
    assert loudness_from_replaygain(-90.0, None) is None  # would be +72 LUFS
    assert loudness_from_replaygain(float("nan"), 1.0) is None
    assert loudness_from_r128(256 * 60) is None  # -83 LUFS


def test_loudness_travels_with_the_recorded_soundtrack() -> None:
    loud = Loudness(-9.5, -0.8, 6.2)
    soundtrack = Soundtrack(
        "Evening",
        bed=Bed("/s/rain.ogg", "Rain", Loudness(-19.8, -7.8, 3.4)),
        default=Playlist(
            "Calm", (Track("/m/a.flac", "A", "", 300.0, loud), Track("/m/b.mp3", "B"))
        ),
    )
    again = soundtrack_from_json(soundtrack.to_json())
    assert again == soundtrack
    assert again.default is not None
    assert again.default.tracks[0].loudness == loud
    assert again.default.tracks[1].loudness is None


@pytest.mark.parametrize(
    "raw",
    [
        None,
        {},
        {"lufs": "loud"},
        {"lufs": float("inf"), "true_peak": 0},
        {"lufs": True, "true_peak": 0},
    ],
)
def test_an_unreadable_recorded_loudness_is_taken_as_unmeasured(raw: object) -> None:
    assert loudness_from_json(raw) is None
