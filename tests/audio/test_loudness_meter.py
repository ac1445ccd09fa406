"""measure(): a sound file's loudness through libsndfile and libebur128, or a plain reason.

Every bad file gives a MeasureError with words for the sitter, never an OSError or a ctypes
error; a PC without the libraries says so in a sentence.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from kapdesk.audio import loudness_meter
from kapdesk.audio.loudness_meter import MeasureError, UnreadableError, measure, meter_missing
from kapdesk.core.loudness import LoudnessSource
from tests.audio.meter_fakes import UNSUPPORTED_ENCODING, refusing, without_mp3
from tests.audio.sdl_disk import write_sine_wav, write_tones

DATA = Path(__file__).parent / "data"
MINUS_23_DBFS = 10 ** (-23 / 20)


def test_stereo_sine_at_minus_23_dbfs_reads_minus_23_lufs(tmp_path: Path) -> None:
    sine = write_sine_wav(tmp_path / "sine.wav", 1000, 10, amplitude=MINUS_23_DBFS)

    loudness = measure(sine)

    assert loudness.integrated == pytest.approx(-23.0, abs=0.1)
    assert loudness.true_peak == pytest.approx(-23.0, abs=0.2)
    assert loudness.range is not None
    assert loudness.range < 0.5
    assert loudness.source is LoudnessSource.MEASURED


def test_a_mono_track_is_measured_as_heard_in_both_ears(tmp_path: Path) -> None:
    mono = write_sine_wav(tmp_path / "mono.wav", 1000, 5, amplitude=MINUS_23_DBFS, stereo=False)
    stereo = write_sine_wav(tmp_path / "stereo.wav", 1000, 5, amplitude=MINUS_23_DBFS)

    assert measure(mono).integrated == pytest.approx(measure(stereo).integrated, abs=0.05)


def test_a_swell_widens_the_range(tmp_path: Path) -> None:
    steady = write_tones(tmp_path / "steady.wav", [(1000, 10), (1000, 10)], amplitude=0.05)
    quiet = write_tones(tmp_path / "quiet.wav", [(1000, 10)], amplitude=0.05)
    loud = write_tones(tmp_path / "loud.wav", [(1000, 10)], amplitude=0.05 * 10 ** (12 / 20))
    swell = _join_wavs(tmp_path / "swell.wav", quiet, loud)  # the second half 12 dB up

    flat, rising = measure(steady), measure(swell)

    assert flat.range is not None
    assert rising.range is not None
    assert rising.range > flat.range + 8
    assert rising.integrated > flat.integrated


def test_every_format_the_player_plays(tmp_path: Path) -> None:
    measured = {name: measure(DATA / name) for name in ("tone.ogg", "tone.mp3", "tone.flac")}
    opus = measure(DATA / "tone.opus")

    for loudness in (*measured.values(), opus):
        assert -60 < loudness.integrated < 0
        assert loudness.true_peak < 1
    first = next(iter(measured.values())).integrated
    assert all(abs(v.integrated - first) < 1.0 for v in measured.values())


def test_progress_rises_to_one(tmp_path: Path) -> None:
    sine = write_sine_wav(tmp_path / "long.wav", 440, 8, amplitude=0.1)  # several blocks
    seen: list[float] = []

    measure(sine, seen.append)

    assert len(seen) >= 3
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert 0 < seen[0] < 1


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "gone.wav", "the file is missing"),
        (lambda d: d, "this is a folder, not a sound file"),
        (lambda d: _text(d / "notes.wav", ""), "the file is empty"),
        (
            lambda d: _text(d / "notes.wav", "not sound at all\n" * 50),
            loudness_meter.NOT_MEASURABLE,
        ),
        (lambda d: write_sine_wav(d / "silent.wav", 1000, 3, amplitude=0.0), "the track is silent"),
        (
            lambda d: write_sine_wav(d / "blip.wav", 1000, 0.2, amplitude=0.3),
            loudness_meter.TOO_SHORT,
        ),
    ],
    ids=["missing", "folder", "empty", "text", "silent", "too-short"],
)
def test_a_bad_file_gives_a_plain_reason(tmp_path: Path, make: object, reason: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]

    with pytest.raises(MeasureError) as raised:
        measure(path)

    assert str(raised.value) == reason


def test_a_cut_short_file_says_so(tmp_path: Path) -> None:
    whole = (DATA / "tone.flac").read_bytes()
    cut = tmp_path / "cut.flac"
    cut.write_bytes(whole[: len(whole) // 2])

    with pytest.raises(MeasureError) as raised:
        measure(cut)

    assert str(raised.value) == loudness_meter.CUT_SHORT


@pytest.mark.parametrize("name", ["tone.flac", "tone.mp3", "tone.ogg", "tone.opus"])
def test_damaged_files_give_a_reading_or_a_reason(tmp_path: Path, name: str) -> None:
    """Bytes overwritten and files cut at random: only ever a loudness or a MeasureError."""
    whole = (DATA / name).read_bytes()
    chance = random.Random(name)
    outcomes: set[str] = set()
    for i in range(25):
        damaged = bytearray(whole)
        for _ in range(chance.randint(1, 40)):
            damaged[chance.randrange(len(damaged))] = chance.randrange(256)
        if i % 3 == 0:
            damaged = damaged[: chance.randrange(1, len(damaged))]
        path = tmp_path / f"{i}{Path(name).suffix}"
        path.write_bytes(bytes(damaged))
        try:
            loudness = measure(path)
        except MeasureError as error:
            outcomes.add(str(error))
        else:
            assert -120 < loudness.integrated < 10
            outcomes.add("measured")

    assert outcomes <= {
        "measured",
        loudness_meter.NOT_MEASURABLE,
        loudness_meter.CUT_SHORT,
        loudness_meter.TOO_SHORT,
        loudness_meter.SILENT,
    }


@pytest.fixture
def no_mp3_decoder(monkeypatch: pytest.MonkeyPatch) -> None:
    without_mp3(monkeypatch)


@pytest.mark.usefixtures("no_mp3_decoder")
def test_an_mp3_to_a_library_that_reads_none_says_so() -> None:
    with pytest.raises(UnreadableError) as raised:
        measure(DATA / "tone.mp3")

    assert str(raised.value) == "this PC's sound library cannot read MP3 files to measure them"


def test_a_file_refused_in_a_format_the_library_reads_is_damaged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refusing(monkeypatch, b".mp3")

    with pytest.raises(MeasureError) as raised:
        measure(DATA / "tone.mp3")

    assert not isinstance(raised.value, UnreadableError)
    assert str(raised.value) == loudness_meter.NOT_MEASURABLE


def test_a_codec_the_library_does_not_know_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sine = write_sine_wav(tmp_path / "sine.wav", 1000, 2, amplitude=0.1)
    refusing(monkeypatch, b".wav", code=UNSUPPORTED_ENCODING)

    with pytest.raises(UnreadableError) as raised:
        measure(sine)

    assert str(raised.value) == loudness_meter.CANNOT_DECODE


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_never_blocks(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.wav"
    os.mkfifo(pipe)

    with pytest.raises(MeasureError, match="not an ordinary file"):
        measure(pipe)


@pytest.fixture
def no_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loudness_meter, "_loaded", None)
    monkeypatch.setattr(loudness_meter, "_missing", None)
    real_load = loudness_meter._load
    monkeypatch.setattr(
        loudness_meter,
        "_load",
        lambda soname, name: None if name == "ebur128" else real_load(soname, name),
    )


@pytest.mark.usefixtures("no_libraries")
def test_without_the_libraries_it_says_so(tmp_path: Path) -> None:
    sine = write_sine_wav(tmp_path / "sine.wav", 1000, 2, amplitude=0.1)

    missing = meter_missing()
    with pytest.raises(MeasureError) as raised:
        measure(sine)

    assert missing is not None
    assert "libebur128" in missing
    assert "libsndfile" not in missing
    assert str(raised.value) == missing


def test_with_the_libraries_nothing_is_missing() -> None:
    assert meter_missing() is None


def _text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _join_wavs(out: Path, *parts: Path) -> Path:
    import wave  # noqa: PLC0415

    with wave.open(str(parts[0]), "rb") as first:
        params = first.getparams()
    with wave.open(str(out), "wb") as joined:
        joined.setparams(params)
        for part in parts:
            with wave.open(str(part), "rb") as reading:
                joined.writeframes(reading.readframes(reading.getnframes()))
    return out
