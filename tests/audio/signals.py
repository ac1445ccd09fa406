"""Test signals for loudness: stereo sines and pink noise as 16-bit WAV, standard library only
(``array``, ``random``, ``wave``), and ffmpeg to encode them and to measure them as a second,
independent meter (its ``ebur128`` filter)."""

from __future__ import annotations

import array
import math
import random
import re
import shutil
import subprocess
import sys
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

RATE = 44_100
FULL_SCALE = 32_767


def pink_noise(frames: int, seed: int) -> list[float]:
    """Pink noise (-3 dB per octave) by Paul Kellet's filter of white noise, scaled to an RMS
    of 1.0 (full-scale sine RMS is 0.707; scale it down before writing)."""
    rng = random.Random(seed)
    b0 = b1 = b2 = b3 = b4 = b5 = b6 = 0.0
    values: list[float] = []
    for _ in range(frames):
        white = rng.uniform(-1.0, 1.0)
        b0 = 0.99886 * b0 + white * 0.0555179
        b1 = 0.99332 * b1 + white * 0.0750759
        b2 = 0.96900 * b2 + white * 0.1538520
        b3 = 0.86650 * b3 + white * 0.3104856
        b4 = 0.55000 * b4 + white * 0.5329522
        b5 = -0.7616 * b5 - white * 0.0168980
        values.append(b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362)
        b6 = white * 0.115926
    rms = math.sqrt(math.fsum(v * v for v in values) / len(values))
    return [v / rms for v in values]


def sine(frames: int, frequency: float, amplitude: float) -> list[float]:
    return [amplitude * math.sin(2 * math.pi * frequency * i / RATE) for i in range(frames)]


def write_wav(path: Path, channels: Sequence[Sequence[float]], gain: float = 1.0) -> Path:
    """A 16-bit PCM WAV of ``channels`` (floats of full scale, times ``gain``), clipped."""
    count = len(channels)
    samples = array.array("h", bytes(2 * count * len(channels[0])))
    for c, values in enumerate(channels):
        for i, value in enumerate(values):
            samples[i * count + c] = max(
                -FULL_SCALE, min(FULL_SCALE, round(value * gain * FULL_SCALE))
            )
    if sys.byteorder == "big":
        samples.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(count)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())
    return path


def have_ffmpeg() -> bool:
    return shutil.which("ffmpeg") is not None


ENCODERS = {
    ".flac": ["-c:a", "flac"],
    ".ogg": ["-c:a", "libvorbis", "-q:a", "5"],
    ".mp3": ["-c:a", "libmp3lame", "-b:a", "192k"],
    ".opus": ["-c:a", "libopus", "-b:a", "128k"],
}


def encode(wav: Path, suffix: str) -> Path:
    """``wav`` encoded by ffmpeg into the format its ``suffix`` names, beside it."""
    out = wav.with_suffix(suffix)
    subprocess.run(
        [
            "ffmpeg",
            "-nostdin",
            "-loglevel",
            "error",
            "-y",
            "-i",
            str(wav),
            *ENCODERS[suffix],
            str(out),
        ],
        check=True,
        timeout=120,
    )
    return out


@dataclass(frozen=True)
class Reference:
    """What ffmpeg's ebur128 filter says (to 0.1): integrated loudness and true peak."""

    integrated: float
    true_peak: float


_SUMMARY = re.compile(r"Summary:.*?I:\s*(-?[\d.]+|-inf) LUFS.*?Peak:\s*(-?[\d.]+|-inf) dBFS", re.S)


def ffmpeg_loudness(path: Path, *, dual_mono: bool = False) -> Reference:
    """ffmpeg's reading; ``dual_mono``: a mono file counted in both ears, as kapdesk does."""
    meter = "ebur128=peak=true" + (":dualmono=true" if dual_mono else "")
    done = subprocess.run(
        [
            "ffmpeg",
            "-nostdin",
            "-nostats",
            "-i",
            str(path),
            "-af",
            meter,
            "-f",
            "null",
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    found = _SUMMARY.search(done.stderr)
    if found is None:
        raise AssertionError(f"no ebur128 summary from ffmpeg:\n{done.stderr[-2000:]}")
    return Reference(float(found.group(1)), float(found.group(2)))
