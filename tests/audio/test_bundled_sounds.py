"""The bundled sounds (kapdesk/assets/sounds/) match their manifest, fit the size budget, and
behave.

Only what the app installs is used here (mutagen, pygame, kapdesk's loudness meter and the
standard library), so the checks run wherever the suite does; scripts/make_sounds.py, which
needs numpy, makes them.
"""

from __future__ import annotations

import array
import itertools
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest
from mutagen.oggvorbis import OggVorbis

from kapdesk.audio.loudness_meter import measure

SOUNDS = Path(__file__).resolve().parents[2] / "kapdesk" / "assets" / "sounds"
MANIFEST = SOUNDS / "sounds.toml"
RATE = 44_100
MAX_TOTAL_BYTES = 25 * 1024 * 1024
# Full scale for int16 samples; -40 dBFS is about 328.
QUIET = 328
PEAK_LIMIT = 16_423  # -6 dBFS


def _entries() -> list[dict[str, Any]]:
    with MANIFEST.open("rb") as file:
        entries: list[dict[str, Any]] = tomllib.load(file)["sound"]
    return entries


ENTRIES = _entries()
BEDS = [entry for entry in ENTRIES if entry["kind"] == "bed"]
CHIMES = [entry for entry in ENTRIES if entry["kind"] == "chime"]


def _ids(entries: list[dict[str, Any]]) -> list[str]:
    return [str(entry["id"]) for entry in entries]


@pytest.fixture(scope="module")
def mixer() -> Iterator[None]:
    pygame.mixer.init(frequency=RATE, size=-16, channels=2)
    assert pygame.mixer.get_init() == (RATE, -16, 2)
    yield
    pygame.mixer.quit()


def _decode(entry: dict[str, Any]) -> tuple[array.array[int], array.array[int]]:
    """The file's left and right channels as int16 samples, decoded by SDL_mixer."""
    samples = array.array("h")
    samples.frombytes(pygame.mixer.Sound(str(SOUNDS / entry["file"])).get_raw())
    if sys.byteorder == "big":
        samples.byteswap()  # get_raw gives the mixer's native format
    return samples[0::2], samples[1::2]


def test_manifest_lists_every_sound_once() -> None:
    ids = _ids(ENTRIES)
    assert len(ids) == len(set(ids))
    assert len(BEDS) >= 4
    assert len(CHIMES) >= 2
    for entry in ENTRIES:
        assert set(entry) == {
            "id",
            "title",
            "kind",
            "file",
            "seconds",
            "lufs",
            "true_peak",
            "range",
            "loop",
            "description",
        }
        assert entry["loop"] is (entry["kind"] == "bed")
        assert entry["title"]
        assert entry["description"]


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_the_shipped_loudness_is_what_kapdesk_measures(entry: dict[str, Any]) -> None:
    """The figures the app plays the sounds by are kapdesk's own meter's (within rounding);
    scripts/measure_sounds.py writes them again if the meter changes."""
    fresh = measure(SOUNDS / entry["file"])
    assert entry["lufs"] == pytest.approx(fresh.integrated, abs=0.2)
    assert entry["true_peak"] == pytest.approx(fresh.true_peak, abs=0.2)
    assert fresh.range is not None
    assert entry["range"] == pytest.approx(fresh.range, abs=0.2)


def test_every_ogg_in_the_folder_is_listed() -> None:
    assert {path.name for path in SOUNDS.glob("*.ogg")} == {e["file"] for e in ENTRIES}


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_file_is_stereo_vorbis_of_the_listed_length(entry: dict[str, Any]) -> None:
    path = SOUNDS / entry["file"]
    assert path.is_file()
    # mutagen declares FileType.info as None at class level; the loaded file has its StreamInfo.
    info: Any = OggVorbis(path).info
    assert info is not None
    assert info.sample_rate == RATE
    assert info.channels == 2
    assert info.length == pytest.approx(entry["seconds"], abs=0.1)
    if entry["kind"] == "bed":
        assert 60.0 <= info.length <= 90.0
    else:
        assert 3.0 <= info.length <= 8.0


def test_sounds_fit_the_size_budget() -> None:
    total = sum(path.stat().st_size for path in SOUNDS.rglob("*") if path.is_file())
    assert total <= MAX_TOTAL_BYTES


@pytest.mark.usefixtures("mixer")
@pytest.mark.parametrize("entry", BEDS, ids=_ids(BEDS))
def test_bed_loops_without_a_click(entry: dict[str, Any]) -> None:
    for channel in _decode(entry):
        assert len(channel) == pytest.approx(entry["seconds"] * RATE, abs=0.1 * RATE)
        assert max(map(abs, channel)) <= PEAK_LIMIT
        jumps = sorted(abs(b - a) for a, b in itertools.pairwise(channel))
        typical = jumps[int(len(jumps) * 0.999)]
        wrap = abs(channel[0] - channel[-1])
        assert wrap <= typical, f"jump at the loop point {wrap} > 99.9th percentile {typical}"


@pytest.mark.usefixtures("mixer")
@pytest.mark.parametrize("entry", CHIMES, ids=_ids(CHIMES))
def test_chime_starts_and_ends_in_silence(entry: dict[str, Any]) -> None:
    ten_ms = RATE // 100
    for channel in _decode(entry):
        assert max(map(abs, channel)) <= PEAK_LIMIT
        assert max(map(abs, channel[:ten_ms])) <= QUIET
        assert max(map(abs, channel[-10 * ten_ms :])) <= QUIET
