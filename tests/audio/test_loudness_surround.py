"""5.1 files: each channel weighed as the loudspeaker it is. A tone in one channel at a time,
as WAV (no channel mask: WAV's order), FLAC, OGG Vorbis and Opus (the Vorbis order, front
centre second and the LFE last), agrees with ffmpeg's ebur128 filter within 0.5 LU; the LFE
alone carries no loudness."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kapdesk.audio.loudness_meter import SILENT, MeasureError, measure
from tests.audio import signals
from tests.audio.test_loudness_accuracy import _need_ffmpeg

SECONDS = 3
LEVEL = 10 ** (-20 / 20)
# WAV's order of 5.1, which ffmpeg also reads a plain six-channel WAV as
CHANNELS = ("front left", "front right", "centre", "LFE", "rear left", "rear right")
FORMATS = (".wav", ".flac", ".ogg", ".opus")
AGREE_LU = 0.5


@pytest.mark.parametrize("channel", range(len(CHANNELS)), ids=CHANNELS)
def test_one_channel_of_five_point_one(tmp_path: Path, channel: int) -> None:
    _need_ffmpeg()
    frames = signals.RATE * SECONDS
    tone = signals.sine(frames, 1000, LEVEL)
    silence = [0.0] * frames
    wav = signals.write_wav(
        tmp_path / "surround.wav", [tone if c == channel else silence for c in range(6)]
    )

    for suffix in FORMATS:
        path = wav if suffix == ".wav" else signals.encode(wav, suffix)
        reference = signals.ffmpeg_loudness(path)
        integrated = _reading(path)
        if CHANNELS[channel] == "LFE":
            assert integrated < -60, suffix
        else:
            assert integrated == pytest.approx(reference.integrated, abs=AGREE_LU), suffix


def _reading(path: Path) -> float:
    """The integrated loudness kapdesk measures; minus infinity for a silent track."""
    try:
        return measure(path).integrated
    except MeasureError as error:
        if str(error) != SILENT:
            raise
        return -math.inf
