"""The meter's accuracy: EBU Tech 3341's sine reads -23.0 LUFS, and on sines and pink noise at
several levels, as WAV, FLAC, OGG, MP3 and Opus, kapdesk agrees with a second, independent meter
(ffmpeg's ebur128 filter) within 0.5 LU, and on true peak within 0.5 dB.

The signals are made here (10 s each, standard library only) and encoded by ffmpeg, which the
test set-up installs for this purpose only; kapdesk itself never runs ffmpeg.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kapdesk.audio.loudness_meter import measure
from tests.audio import signals
from tests.support.ci import IN_CI

SECONDS = 10
FRAMES = signals.RATE * SECONDS
PINK_LEVELS = (-12, -20, -30, -40)  # dBFS RMS per channel
FORMATS = (".wav", ".flac", ".ogg", ".mp3", ".opus")
AGREE_LU = 0.5
AGREE_PEAK_DB = 0.5


def _need_ffmpeg() -> None:
    if signals.have_ffmpeg():
        return
    if IN_CI:
        pytest.fail("ffmpeg, the reference meter, is not installed (bootstrap.sh test installs it)")
    pytest.skip("ffmpeg, the reference meter, is not installed (./bootstrap.sh test installs it)")


def test_tech_3341_sine_reads_minus_23_lufs(tmp_path: Path) -> None:
    tone = signals.sine(FRAMES, 1000, 10 ** (-23 / 20))
    wav = signals.write_wav(tmp_path / "sine.wav", [tone, tone])

    loudness = measure(wav)

    assert loudness.integrated == pytest.approx(-23.0, abs=0.1)
    assert loudness.true_peak == pytest.approx(-23.0, abs=0.2)


@pytest.fixture(scope="module")
def wavs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The reference signals as WAV: a -23 dBFS sine and stereo pink noise at each level."""
    folder = tmp_path_factory.mktemp("loudness")
    tone = signals.sine(FRAMES, 1000, 10 ** (-23 / 20))
    made = {"sine": signals.write_wav(folder / "sine.wav", [tone, tone])}
    left, right = signals.pink_noise(FRAMES, seed=1), signals.pink_noise(FRAMES, seed=2)
    for level in PINK_LEVELS:
        made[f"pink{level}"] = signals.write_wav(
            folder / f"pink{level}.wav", [left, right], gain=10 ** (level / 20)
        )
    return made


SIGNALS = ("sine", *(f"pink{level}" for level in PINK_LEVELS))


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("signal", SIGNALS)
def test_agrees_with_ffmpeg(wavs: dict[str, Path], signal: str, suffix: str) -> None:
    _need_ffmpeg()
    wav = wavs[signal]
    path = wav if suffix == ".wav" else signals.encode(wav, suffix)

    ours = measure(path)
    theirs = signals.ffmpeg_loudness(path)

    assert ours.integrated == pytest.approx(theirs.integrated, abs=AGREE_LU)
    assert ours.true_peak == pytest.approx(theirs.true_peak, abs=AGREE_PEAK_DB)


@pytest.mark.parametrize("suffix", FORMATS)
def test_mono_agrees_with_ffmpeg_counting_both_ears(
    tmp_path_factory: pytest.TempPathFactory, suffix: str
) -> None:
    """A mono track plays in both ears, so both meters count it twice (dual mono)."""
    _need_ffmpeg()
    folder = tmp_path_factory.mktemp("mono")
    wav = signals.write_wav(folder / "pink.wav", [signals.pink_noise(FRAMES, seed=3)], gain=0.1)
    path = wav if suffix == ".wav" else signals.encode(wav, suffix)

    ours = measure(path)
    theirs = signals.ffmpeg_loudness(path, dual_mono=True)

    assert ours.integrated == pytest.approx(theirs.integrated, abs=AGREE_LU)
    assert ours.true_peak == pytest.approx(theirs.true_peak, abs=AGREE_PEAK_DB)


@pytest.mark.parametrize("level", PINK_LEVELS)
def test_pink_noise_follows_its_level(wavs: dict[str, Path], level: int) -> None:
    """Each level reads its RMS level per channel, plus 3 dB for two channels, less a little
    for the K-weighting of pink noise; the steps between levels are exact."""
    quietest = measure(wavs[f"pink{PINK_LEVELS[-1]}"]).integrated

    loudness = measure(wavs[f"pink{level}"])

    assert loudness.integrated - quietest == pytest.approx(level - PINK_LEVELS[-1], abs=0.2)
    assert loudness.integrated == pytest.approx(level + 3, abs=0.5)
