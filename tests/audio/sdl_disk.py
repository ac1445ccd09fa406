"""Reading what SDL's disk audio driver wrote, and making sine-wave test files.

With ``SDL_AUDIODRIVER=disk`` SDL writes everything it would send to the sound card into
``SDL_DISKAUDIOFILE``: raw signed 16-bit little-endian stereo frames at 44.1 kHz (the format
the pygame backend opens the mixer with), at about the pace of real time. :class:`DiskOutput`
tells how much has been written so far (tests wait on that) and reads it back as
:class:`Samples`: RMS, peak and tone levels (a Goertzel filter) over windows of time.

Standard library only (``array``, ``wave``): numpy is not a test dependency.
"""

from __future__ import annotations

import array
import math
import struct
import sys
import time
import wave
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from kapdesk.audio.pygame_backend import PygameBackend

RATE = 44_100
CHANNELS = 2
FRAME_BYTES = 2 * CHANNELS
FULL_SCALE = 32_768.0
SILENCE = 0.002
"""RMS (of full scale) below which a window counts as silent: about -54 dBFS."""


def wait_until(condition: Callable[[], bool], timeout: float, interval: float = 0.005) -> float:
    """Poll ``condition`` until it holds; returns the seconds it took. Fails the test (with
    AssertionError) if it does not hold within ``timeout`` seconds."""
    began = time.monotonic()
    while True:
        if condition():
            return time.monotonic() - began
        if time.monotonic() - began > timeout:
            raise AssertionError(f"condition still false after {timeout} s")
        time.sleep(interval)


@dataclass(frozen=True)
class Samples:
    """Mono samples (the mean of left and right), as floats of full scale, from ``offset``
    seconds into the device's output."""

    values: Sequence[float]
    offset: float = 0.0

    @property
    def seconds(self) -> float:
        return len(self.values) / RATE

    def window(self, start: float, end: float) -> Samples:
        """The samples between ``start`` and ``end`` seconds of the device's output."""
        first = max(0, round((start - self.offset) * RATE))
        last = max(first, round((end - self.offset) * RATE))
        return Samples(self.values[first:last], self.offset + first / RATE)

    def rms(self) -> float:
        if not self.values:
            return 0.0
        return math.sqrt(math.fsum(v * v for v in self.values) / len(self.values))

    def peak(self) -> float:
        return max((abs(v) for v in self.values), default=0.0)

    def audible(self, threshold: float = SILENCE) -> bool:
        return self.rms() > threshold

    def rms_windows(self, width: float) -> list[float]:
        """RMS of consecutive windows ``width`` seconds long."""
        step = max(1, round(width * RATE))
        return [
            Samples(self.values[i : i + step]).rms()
            for i in range(0, len(self.values) - step + 1, step)
        ]

    def onset(self, threshold: float = 0.01) -> float | None:
        """Seconds into the output of the first sample louder than ``threshold``."""
        for i, value in enumerate(self.values):
            if abs(value) > threshold:
                return self.offset + i / RATE
        return None

    def tone(self, frequency: float) -> float:
        """Amplitude (of full scale) of a sine at ``frequency`` in these samples (Goertzel)."""
        n = len(self.values)
        if n == 0:
            return 0.0
        coefficient = 2 * math.cos(2 * math.pi * frequency / RATE)
        before = twice_before = 0.0
        for value in self.values:
            before, twice_before = value + coefficient * before - twice_before, before
        power = before * before + twice_before * twice_before - coefficient * before * twice_before
        return 2 * math.sqrt(max(power, 0.0)) / n


class DiskOutput:
    """The file SDL's disk driver writes into."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def seconds_written(self) -> float:
        """How many seconds of sound the device has produced so far."""
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return 0.0
        return size / FRAME_BYTES / RATE

    def wait_for(self, seconds: float, timeout: float | None = None) -> float:
        """Wait until the device has produced ``seconds`` more sound; returns its new total."""
        target = self.seconds_written() + seconds
        wait_until(lambda: self.seconds_written() >= target, timeout or seconds * 3 + 2)
        return self.seconds_written()

    def read(self) -> Samples:
        """Everything written so far."""
        data = self.path.read_bytes()
        pcm = array.array("h")
        pcm.frombytes(data[: len(data) - len(data) % FRAME_BYTES])
        if sys.byteorder == "big":
            pcm.byteswap()
        left, right = pcm[0::2], pcm[1::2]
        return Samples([(a + b) / (2 * FULL_SCALE) for a, b in zip(left, right, strict=True)])


def write_sine_wav(
    path: Path,
    frequency: float,
    seconds: float,
    *,
    amplitude: float = 0.5,
    stereo: bool = True,
    rate: int = RATE,
    title: str | None = None,
    artist: str | None = None,
) -> Path:
    """A 16-bit PCM WAV of a sine (a whole number of cycles, so it loops without a click),
    with a RIFF LIST/INFO chunk naming it when ``title`` or ``artist`` is given."""
    return write_tones(
        path,
        [(frequency, seconds)],
        amplitude=amplitude,
        stereo=stereo,
        rate=rate,
        title=title,
        artist=artist,
    )


def write_tones(
    path: Path,
    tones: Sequence[tuple[float, float]],
    *,
    amplitude: float = 0.5,
    stereo: bool = True,
    rate: int = RATE,
    title: str | None = None,
    artist: str | None = None,
) -> Path:
    """16-bit PCM sines one after another, each ``(frequency, seconds)``, each a whole number of
    cycles; a WAV, or an AIFF when ``path`` ends in .aif or .aiff (title and artist: WAV only)."""
    values: list[int] = []
    for frequency, seconds in tones:
        frames = round(seconds * rate)
        cycles = max(1, round(frequency * frames / rate))
        values.extend(
            round(amplitude * (FULL_SCALE - 1) * math.sin(2 * math.pi * cycles * i / frames))
            for i in range(frames)
        )
    channels = 2 if stereo else 1
    pcm = array.array("h", (v for v in values for _ in range(channels)))
    if path.suffix.lower() in (".aif", ".aiff"):
        _write_aiff(path, pcm, channels, rate)
        return path
    if sys.byteorder == "big":
        pcm.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    if title or artist:
        _add_riff_info(path, {b"INAM": title, b"IART": artist})
    return path


def _write_aiff(path: Path, pcm: array.array[int], channels: int, rate: int) -> None:
    if sys.byteorder == "little":
        pcm.byteswap()  # AIFF sound is big-endian
    frames = len(pcm) // channels
    exponent = 16383 + 63
    mantissa = rate
    while mantissa < 1 << 63:  # an 80-bit IEEE extended float, normalised
        mantissa <<= 1
        exponent -= 1
    comm = struct.pack(">hIh", channels, frames, 16) + struct.pack(">HQ", exponent, mantissa)
    sound = pcm.tobytes()
    ssnd = struct.pack(">II", 0, 0) + sound
    body = b"AIFF" + b"COMM" + struct.pack(">I", len(comm)) + comm
    body += b"SSND" + struct.pack(">I", len(ssnd)) + ssnd
    path.write_bytes(b"FORM" + struct.pack(">I", len(body)) + body)


def _add_riff_info(path: Path, fields: dict[bytes, str | None]) -> None:
    body = b"INFO"
    for key, text in fields.items():
        if text:
            value = text.encode() + b"\0"
            body += key + struct.pack("<I", len(value)) + value + b"\0" * (len(value) & 1)
    data = bytearray(path.read_bytes()) + b"LIST" + struct.pack("<I", len(body)) + body
    data[4:8] = struct.pack("<I", len(data) - 8)
    path.write_bytes(bytes(data))


@contextmanager
def disk_device(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[DiskOutput, PygameBackend]]:
    """The real pygame backend playing into SDL's disk driver, writing into ``folder``; closed
    after. (tests/conftest.py chose the dummy driver for the whole suite; this listens in.)"""
    output = DiskOutput(folder / "device.raw")
    monkeypatch.setenv("SDL_AUDIODRIVER", "disk")
    monkeypatch.setenv("SDL_DISKAUDIOFILE", str(output.path))
    backend = PygameBackend()
    try:
        yield output, backend
    finally:
        backend.close()
