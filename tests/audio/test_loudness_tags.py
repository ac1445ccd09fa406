"""tagged_loudness(): ReplayGain and R128 tags written with mutagen into small files, read back
as a loudness; anything broken or unbelievable gives None, never an exception."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from mutagen.flac import FLAC
from mutagen.id3 import ID3, RVA2, TXXX
from mutagen.mp3 import MP3
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

from kapdesk.audio.loudness_tags import tagged_loudness
from kapdesk.core.loudness import LoudnessSource
from tests.audio.sdl_disk import write_sine_wav

DATA = Path(__file__).parent / "data"


def _copy(name: str, to: Path) -> Path:
    return Path(shutil.copyfile(DATA / name, to / name))


@pytest.mark.parametrize(("name", "kind"), [("tone.flac", FLAC), ("tone.ogg", OggVorbis)])
def test_vorbis_comments_in_any_case(tmp_path: Path, name: str, kind: type) -> None:
    path = _copy(name, tmp_path)
    audio = kind(path)
    audio["replaygain_track_gain"] = "-7.31 dB"
    audio["Replaygain_Track_Peak"] = "0.5"
    audio.save()

    loudness = tagged_loudness(path)

    assert loudness is not None
    assert loudness.integrated == pytest.approx(-18 + 7.31)
    assert loudness.true_peak == pytest.approx(-6.02, abs=0.01)
    assert loudness.source is LoudnessSource.TAG


def test_a_gain_without_a_peak_takes_full_scale(tmp_path: Path) -> None:
    path = _copy("tone.flac", tmp_path)
    audio = FLAC(path)
    audio["REPLAYGAIN_TRACK_GAIN"] = "+2.5dB"
    audio.save()

    loudness = tagged_loudness(path)

    assert loudness is not None
    assert loudness.integrated == pytest.approx(-20.5)
    assert loudness.true_peak == 0.0


def test_opus_r128_track_gain(tmp_path: Path) -> None:
    path = _copy("tone.opus", tmp_path)
    audio = OggOpus(path)
    audio["R128_TRACK_GAIN"] = "-945"
    audio.save()

    loudness = tagged_loudness(path)

    assert loudness is not None
    assert loudness.integrated == pytest.approx(-23 + 945 / 256)


def test_mp3_txxx_frames_in_lower_case(tmp_path: Path) -> None:
    path = _copy("tone.mp3", tmp_path)
    audio = MP3(path)
    tags: Any = audio.tags  # mutagen's ID3 is not typed
    assert tags is not None
    tags.add(TXXX(encoding=3, desc="replaygain_track_gain", text=["-4.00 dB"]))
    tags.add(TXXX(encoding=3, desc="replaygain_track_peak", text=["0.891251"]))
    audio.save()

    loudness = tagged_loudness(path)

    assert loudness is not None
    assert loudness.integrated == pytest.approx(-14.0)
    assert loudness.true_peak == pytest.approx(-1.0, abs=0.01)


def test_mp3_rva2_track_frame(tmp_path: Path) -> None:
    path = _copy("tone.mp3", tmp_path)
    audio = MP3(path)
    tags: Any = audio.tags  # mutagen's ID3 is not typed
    assert tags is not None
    tags.add(RVA2(desc="album", channel=1, gain=-9.0, peak=0.9))
    tags.add(RVA2(desc="track", channel=1, gain=-6.0, peak=0.5))
    audio.save()

    loudness = tagged_loudness(path)

    assert loudness is not None
    assert loudness.integrated == pytest.approx(-12.0, abs=0.01)
    assert loudness.true_peak == pytest.approx(-6.02, abs=0.01)


def test_wav_with_id3_replaygain(tmp_path: Path) -> None:
    path = write_sine_wav(tmp_path / "tone.wav", 440, 1, amplitude=0.2)
    audio = WAVE(path)
    audio.add_tags()
    tags: Any = audio.tags
    assert isinstance(tags, ID3)
    tags.add(TXXX(encoding=3, desc="REPLAYGAIN_TRACK_GAIN", text=["+3.00 dB"]))
    audio.save()

    loudness = tagged_loudness(path)

    assert loudness is not None
    assert loudness.integrated == pytest.approx(-21.0)


@pytest.mark.parametrize("gain", ["+80 dB", "-30 dB", "loud", "nan dB", "inf"])
def test_a_tag_not_believable_is_ignored(tmp_path: Path, gain: str) -> None:
    path = _copy("tone.flac", tmp_path)
    audio = FLAC(path)
    audio["REPLAYGAIN_TRACK_GAIN"] = gain
    audio.save()

    assert tagged_loudness(path) is None


def test_an_opus_gain_not_a_whole_number_is_ignored(tmp_path: Path) -> None:
    path = _copy("tone.opus", tmp_path)
    audio = OggOpus(path)
    audio["R128_TRACK_GAIN"] = "-3.5"
    audio.save()

    assert tagged_loudness(path) is None


def test_no_tags_gives_none(tmp_path: Path) -> None:
    assert tagged_loudness(_copy("tone.ogg", tmp_path)) is None
    assert tagged_loudness(write_sine_wav(tmp_path / "bare.wav", 440, 1)) is None


@pytest.mark.parametrize(
    "make",
    [
        lambda d: d / "gone.flac",
        lambda d: d,
        lambda d: _write(d / "junk.flac", b"fLaC" + b"\xff" * 64),
        lambda d: _write(d / "empty.mp3", b""),
        lambda d: _write(d / "text.ogg", b"OggS not really"),
    ],
    ids=["missing", "folder", "junk-flac", "empty", "junk-ogg"],
)
def test_a_broken_file_gives_none(tmp_path: Path, make: object) -> None:
    assert tagged_loudness(make(tmp_path)) is None  # type: ignore[operator]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
