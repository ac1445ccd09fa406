"""Synthesises kapdesk's bundled sounds from code and writes them, with their manifest, to the
package's kapdesk/assets/sounds/.

.venv/bin/python scripts/make_sounds.py [--out DIR]

Needs the ``sounds`` extra (numpy, soundfile); the app itself never does. Every random
choice comes from a fixed seed, so each run makes the same audio. The Ogg stream serial
number, which libsndfile picks at random, is rewritten to a fixed value so the files come
out byte for byte the same too. The loudness figures in the manifest come from
scripts/measure_sounds.py, which can also rewrite them alone.

The beds are built as periodic signals over the loop length, so the last sample flows
into the first: noise is made in the frequency domain (random phases on the bins of a
spectrum one loop long, then one inverse FFT), slow sinusoids are snapped to a whole
number of cycles per loop, and anything made of events (bowl strikes, raindrops) is
folded round the loop so a tail running past the end carries on at the start.

- rain: pink noise, band-limited to about 120 Hz - 3 kHz, partly shared between the ears
  and partly separate, under a slow swelling of intensity; over it, a quiet patter of
  soft drops (band-passed noise gated by a sparse train of short decays).
- drone: A1 (55 Hz) and a partner 0.25 Hz above it, so the pair beats once every four
  seconds, with soft harmonics that each beat at their own slow rate and breathe in and
  out over the loop; a trace of dark noise underneath softens it.
- bowls: three singing bowls (inharmonic partials at about 1, 2.7, 5.1, 8.1 and 11.9
  times the fundamental, each partial a close pair so it wobbles as real bowls do) struck
  with a soft mallet every 11-13 s, panned about, ringing on for up to a minute.
- ocean: dark noise under swells about 10 s apart (three close periods so no two waves
  are quite alike), brighter wash at each crest, the right ear a moment behind the left
  so each wave drifts across.
- chimes: soft bell tones (a few near-harmonic partials, 60 ms attack, decays of about
  two seconds) faded fully to silence; one note, two rising, three settling downward.
"""

from __future__ import annotations

import argparse
import math
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import soundfile as sf
from measure_sounds import remeasure  # this script's folder is on the path

Signal = npt.NDArray[np.float64]

RATE = 44_100
# libsndfile maps compression level c to Vorbis quality 1 - c: 0.65 gives quality 0.35,
# roughly 100-130 kbit/s for these textures.
COMPRESSION_LEVEL = 0.65
OGG_SERIAL = 0x6B617064  # "kapd"
WRITE_BLOCK = 8192

BED_RMS_DBFS = -23.0
BED_PEAK_DBFS = -8.0  # leaves room for the codec's small overshoot under -6 dBFS
BED_KNEE_DBFS = -12.0
CHIME_PEAK_DBFS = -15.0

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Sound:
    id: str
    title: str
    kind: str  # "bed" or "chime"
    description: str
    make: Callable[[], Signal]

    @property
    def file(self) -> str:
        return f"{self.id}.ogg"

    @property
    def loop(self) -> bool:
        return self.kind == "bed"


# --- building blocks -----------------------------------------------------------------


def db(value: float) -> float:
    return float(10.0 ** (value / 20.0))


def times(n: int) -> Signal:
    return np.arange(n, dtype=np.float64) / RATE


def snap(freq: float, n: int) -> float:
    """The frequency nearest ``freq`` that fits a whole number of cycles into n samples."""
    seconds = n / RATE
    return max(1, round(freq * seconds)) / seconds


def lfo(n: int, period: float, phase: float = 0.0) -> Signal:
    """A sine of about ``period`` seconds, snapped so it is periodic over n samples."""
    return np.sin(2 * np.pi * snap(1.0 / period, n) * times(n) + phase)


def lowpass(f: Signal, cutoff: float, order: int = 2) -> Signal:
    return 1.0 / np.sqrt(1.0 + (f / cutoff) ** (2 * order))


def highpass(f: Signal, cutoff: float, order: int = 2) -> Signal:
    ratio = np.divide(cutoff, f, out=np.full_like(f, np.inf), where=f > 0)
    return 1.0 / np.sqrt(1.0 + ratio ** (2 * order))


def periodic_noise(rng: np.random.Generator, n: int, shape: Callable[[Signal], Signal]) -> Signal:
    """Gaussian noise with magnitude spectrum ``shape(f)``, exactly periodic over n samples."""
    f = np.fft.rfftfreq(n, 1.0 / RATE).astype(np.float64)
    spectrum = shape(f) * (rng.standard_normal(f.size) + 1j * rng.standard_normal(f.size))
    spectrum[0] = 0.0
    noise = np.fft.irfft(spectrum, n).astype(np.float64)
    return noise / float(np.sqrt(np.mean(noise**2)))


def pink(f: Signal) -> Signal:
    return 1.0 / np.sqrt(np.maximum(f, 1.0))


def brown(f: Signal) -> Signal:
    return 1.0 / np.maximum(f, 1.0)


def fold(n: int, start: int, event: Signal) -> Signal:
    """``event`` placed at ``start`` in a loop of n samples, its tail wrapped round."""
    index = (start + np.arange(event.size)) % n
    return np.bincount(index, weights=event, minlength=n).astype(np.float64)


def circular_convolve(a: Signal, b: Signal) -> Signal:
    kernel = np.zeros_like(a)
    kernel[: b.size] = b
    return np.fft.irfft(np.fft.rfft(a) * np.fft.rfft(kernel), a.size)


def pan(mono: Signal, position: float) -> Signal:
    """Constant-power pan: position 0 is left, 0.5 centre, 1 right."""
    angle = position * np.pi / 2
    return np.stack([mono * np.cos(angle), mono * np.sin(angle)], axis=1)


def raised_cosine(n: int) -> Signal:
    return 0.5 - 0.5 * np.cos(np.pi * np.arange(n) / n)


def soft_limit(x: Signal, knee: float, ceiling: float) -> Signal:
    """Leaves samples below ``knee`` alone and bends the rare ones above it under ``ceiling``."""
    over = np.abs(x) - knee
    bent = np.sign(x) * (knee + (ceiling - knee) * np.tanh(over / (ceiling - knee)))
    return np.where(over > 0, bent, x)


def level_bed(stereo: Signal) -> Signal:
    """Scale to the bed RMS; the few noise peaks far above it are bent under the peak limit.

    Gaussian noise over a minute peaks some 14 dB above its RMS; bending the handful of
    samples above the knee is inaudible and lets the beds sit at a comfortable level.
    """
    stereo = stereo * (db(BED_RMS_DBFS) / float(np.sqrt(np.mean(stereo**2))))
    return soft_limit(stereo, db(BED_KNEE_DBFS), db(BED_PEAK_DBFS))


# --- beds ----------------------------------------------------------------------------


def rain() -> Signal:
    n = 75 * RATE
    rng = np.random.default_rng(1001)

    def body(f: Signal) -> Signal:
        return pink(f) * highpass(f, 120.0) * lowpass(f, 2800.0, order=3)

    shared = periodic_noise(rng, n, body)
    sides = [periodic_noise(rng, n, body) for _ in range(2)]

    # Patter: drops as a sparse train of short soft decays gating band-passed noise.
    def drop_band(f: Signal) -> Signal:
        return highpass(f, 700.0) * lowpass(f, 3000.0, order=3)

    # Each drop: a 2 ms rise (no click) and an 8 ms decay, faded out by 30 ms.
    decay = np.exp(-np.arange(int(0.030 * RATE)) / (0.008 * RATE))
    rise = int(0.002 * RATE)
    decay[:rise] *= raised_cosine(rise)
    decay *= raised_cosine(decay.size)[::-1] ** 0.25
    patter = []
    for _ in range(2):
        drops = np.zeros(n)
        count = int(n / RATE * 25)
        drops[rng.integers(0, n, count)] = rng.lognormal(0.0, 0.6, count)
        gate = circular_convolve(drops, decay)
        noise = periodic_noise(rng, n, drop_band) * gate
        patter.append(noise / np.sqrt(np.mean(noise**2)))

    intensity = 1.0 + 0.18 * lfo(n, 25.0, 0.4) + 0.10 * lfo(n, 11.0, 2.1) + 0.06 * lfo(n, 7.0)
    channels = []
    for side, drops, phase in zip(sides, patter, (0.0, 1.3), strict=True):
        drift = 1.0 + 0.05 * lfo(n, 18.75, phase)
        channels.append((0.6 * shared + 0.8 * side) * intensity * drift + 0.22 * drops)
    return level_bed(np.stack(channels, axis=1))


def drone() -> Signal:
    n = 72 * RATE
    t = times(n)
    rng = np.random.default_rng(1002)
    base = 55.0
    # The beating partner is quieter than its tone, so each throb swells by about 12 dB
    # rather than falling away to nothing.
    partner = 0.6
    # (harmonic, amplitude, beat in Hz, period of its slow swell in seconds)
    partials = [
        (1, 1.00, 0.25, 36.0),
        (2, 0.55, 0.18, 24.0),
        (3, 0.22, 0.32, 18.0),
        (4, 0.12, 0.14, 14.4),
        (6, 0.05, 0.21, 12.0),
    ]
    channels = []
    for side in range(2):
        out = np.zeros(n)
        for harmonic, amplitude, beat, swell in partials:
            low = snap(base * harmonic, n)
            high = snap(base * harmonic + beat, n)
            # The pair starts in antiphase, so every pair is at a beat null at the loop point:
            # the seam falls in the drone's quietest moment, where the codec's error is least.
            phase = rng.uniform(0, 2 * np.pi)
            pair = np.sin(2 * np.pi * low * t + phase) + partner * np.sin(
                2 * np.pi * high * t + phase + np.pi
            )
            breathe = 1.0 + 0.25 * lfo(n, swell, side * 1.1 + harmonic)
            out += amplitude * breathe * pair
        channels.append(out)

    def dark(f: Signal) -> Signal:
        return brown(f) * highpass(f, 40.0) * lowpass(f, 400.0)

    air = [periodic_noise(rng, n, dark) for _ in range(2)]
    stereo = np.stack(channels, axis=1)
    stereo /= np.sqrt(np.mean(stereo**2))
    stereo += 0.12 * np.stack(air, axis=1)
    return level_bed(stereo)


BOWL_RATIOS = (1.0, 2.71, 5.05, 8.11, 11.9)
BOWL_LEVELS = (1.0, 0.5, 0.22, 0.09, 0.04)


def bowl_strike(rng: np.random.Generator, fundamental: float, seconds: float) -> Signal:
    n = int(seconds * RATE)
    t = times(n)
    out = np.zeros(n)
    for ratio, level in zip(BOWL_RATIOS, BOWL_LEVELS, strict=True):
        freq = fundamental * ratio
        tau = 11.0 / ratio**0.8
        split = rng.uniform(0.6, 1.8) * ratio**0.5
        phase = rng.uniform(0, 2 * np.pi, 2)
        pair = np.sin(2 * np.pi * freq * t + phase[0]) + 0.8 * np.sin(
            2 * np.pi * (freq + split) * t + phase[1]
        )
        out += level * np.exp(-t / tau) * pair
    attack = int(0.06 * RATE)
    out[:attack] *= raised_cosine(attack)
    release = int(1.0 * RATE)
    out[-release:] *= raised_cosine(release)[::-1]
    return out


def bowls() -> Signal:
    n = 84 * RATE
    rng = np.random.default_rng(1003)
    fundamentals = (146.83, 196.0, 261.63)  # D3, G3, C4
    order = (1, 0, 2, 1, 0, 2, 1)
    stereo = np.zeros((n, 2))
    spacing = n / len(order)
    for slot, which in enumerate(order):
        start = int(slot * spacing + rng.uniform(-0.8, 0.8) * RATE) % n
        strike = bowl_strike(rng, fundamentals[which], 60.0)
        strike *= rng.uniform(0.8, 1.0)
        placed = pan(strike, rng.uniform(0.3, 0.7))
        for side in range(2):
            stereo[:, side] += fold(n, start, placed[:, side])
    return level_bed(stereo)


def ocean() -> Signal:
    n = 80 * RATE
    rng = np.random.default_rng(1004)

    def deep(f: Signal) -> Signal:
        return brown(f) ** 0.8 * highpass(f, 50.0) * lowpass(f, 900.0)

    def wash(f: Signal) -> Signal:
        return pink(f) * highpass(f, 250.0) * lowpass(f, 3200.0, order=3)

    # Three close swell periods beat against each other, so no two waves match; the
    # shaping power makes each a slow rise and fall rather than a steady wobble.
    sway = lfo(n, 10.0) + 0.45 * lfo(n, 11.43, 1.7) + 0.35 * lfo(n, 8.89, 4.0)
    swell = (sway - sway.min()) / (sway.max() - sway.min())
    swell = 0.22 + 0.78 * swell**1.6
    channels = []
    for lag in (0.0, 0.7):
        envelope = np.roll(swell, int(lag * RATE))
        body = periodic_noise(rng, n, deep) * envelope
        crest = periodic_noise(rng, n, wash) * envelope**2.5
        channels.append(body + 0.45 * crest)
    return level_bed(np.stack(channels, axis=1))


# --- chimes --------------------------------------------------------------------------


CHIME_PARTIALS = ((1.0, 1.0, 2.2), (2.0, 0.22, 1.2), (3.01, 0.06, 0.7), (4.18, 0.025, 0.45))


def chime_note(freq: float, n: int, rng: np.random.Generator) -> Signal:
    t = times(n)
    out = np.zeros(n)
    for ratio, level, tau in CHIME_PARTIALS:
        phase = rng.uniform(0, 2 * np.pi)
        out += level * np.exp(-t / tau) * np.sin(2 * np.pi * freq * ratio * t + phase)
    attack = int(0.06 * RATE)
    out[:attack] *= raised_cosine(attack)
    return out


def chime(notes: list[tuple[float, float]], seconds: float, seed: int) -> Signal:
    """Notes as (start in seconds, frequency), faded to silence, padded with silence."""
    rng = np.random.default_rng(seed)
    lead = int(0.03 * RATE)
    tail = int(0.25 * RATE)
    n = int(seconds * RATE)
    body = np.zeros((n - lead - tail, 2))
    for index, (start, freq) in enumerate(notes):
        offset = int(start * RATE)
        note = chime_note(freq, body.shape[0] - offset, rng)
        body[offset:] += pan(note, 0.5 + 0.08 * (index - (len(notes) - 1) / 2))
    fade = int(1.5 * RATE)
    body[-fade:] *= raised_cosine(fade)[::-1, None]
    body *= db(CHIME_PEAK_DBFS) / float(np.max(np.abs(body)))
    return np.concatenate([np.zeros((lead, 2)), body, np.zeros((tail, 2))])


def chime_soft() -> Signal:
    return chime([(0.0, 523.25)], 5.0, 2001)  # C5


def chime_rise() -> Signal:
    return chime([(0.0, 392.0), (0.55, 523.25)], 6.0, 2002)  # G4, C5


def chime_settle() -> Signal:
    return chime([(0.0, 659.25), (0.6, 523.25), (1.2, 392.0)], 7.0, 2003)  # E5, C5, G4


SOUNDS = (
    Sound("rain", "Soft rain", "bed", "Pink-noise rain, softly filtered, slowly swelling", rain),
    Sound(
        "drone", "Low drone", "bed", "A low drone on A1 beating slowly, with soft harmonics", drone
    ),
    Sound(
        "bowls", "Singing bowls", "bed", "Three singing bowls struck softly, long ringing", bowls
    ),
    Sound("ocean", "Ocean swell", "bed", "Waves rolling in about every ten seconds", ocean),
    Sound("chime-soft", "Soft chime", "chime", "One soft bell note", chime_soft),
    Sound("chime-rise", "Rising chime", "chime", "Two soft bell notes, rising", chime_rise),
    Sound(
        "chime-settle", "Settling chime", "chime", "Three soft bell notes, falling", chime_settle
    ),
)


# --- writing -------------------------------------------------------------------------


def _crc_table() -> list[int]:
    table = []
    for index in range(256):
        crc = index << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
        table.append(crc & 0xFFFFFFFF)
    return table


_CRC_TABLE = _crc_table()


def _ogg_crc(data: bytes) -> int:
    """The Ogg page checksum: CRC-32, polynomial 0x04C11DB7, not reflected, no final xor."""
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ _CRC_TABLE[(crc >> 24) ^ byte]
    return crc


def fix_ogg_serial(path: Path) -> None:
    """Rewrite every page's stream serial to OGG_SERIAL (and its CRC), for repeatable bytes."""
    data = bytearray(path.read_bytes())
    pos = 0
    while pos < len(data):
        if data[pos : pos + 4] != b"OggS":
            raise ValueError(f"{path}: no Ogg page at byte {pos}")
        segments = data[pos + 26]
        length = 27 + segments + sum(data[pos + 27 : pos + 27 + segments])
        struct.pack_into("<I", data, pos + 14, OGG_SERIAL)
        struct.pack_into("<I", data, pos + 22, 0)
        struct.pack_into("<I", data, pos + 22, _ogg_crc(bytes(data[pos : pos + length])))
        pos += length
    path.write_bytes(bytes(data))


def write_ogg(path: Path, audio: Signal) -> None:
    # In blocks: libsndfile's Vorbis writer crashes when handed a long buffer in one call.
    samples = audio.astype(np.float32)
    with sf.SoundFile(
        path,
        "w",
        samplerate=RATE,
        channels=samples.shape[1],
        format="OGG",
        subtype="VORBIS",
        compression_level=COMPRESSION_LEVEL,
    ) as file:
        for start in range(0, samples.shape[0], WRITE_BLOCK):
            file.write(samples[start : start + WRITE_BLOCK])
    fix_ogg_serial(path)


def manifest(entries: list[tuple[Sound, float]]) -> str:
    lines = [
        "# kapdesk's bundled sounds. Written by scripts/make_sounds.py; do not edit by hand.",
        "# Made from code by the kapdesk project; CC0-1.0. See README.md.",
    ]
    for sound, seconds in entries:
        lines += [
            "",
            "[[sound]]",
            f'id = "{sound.id}"',
            f'title = "{sound.title}"',
            f'kind = "{sound.kind}"',
            f'file = "{sound.file}"',
            f"seconds = {seconds:.3f}",
            f"loop = {'true' if sound.loop else 'false'}",
            f'description = "{sound.description}"',
        ]
    return "\n".join(lines) + "\n"


def describe(audio: Signal) -> str:
    peak = 20 * math.log10(float(np.max(np.abs(audio))))
    rms = 20 * math.log10(float(np.sqrt(np.mean(audio**2))))
    return f"{audio.shape[0] / RATE:5.1f} s  peak {peak:6.1f} dBFS  rms {rms:6.1f} dBFS"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "kapdesk" / "assets" / "sounds",
        help="default: kapdesk/assets/sounds/",
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    entries = []
    for sound in SOUNDS:
        audio = sound.make()
        write_ogg(out / sound.file, audio)
        entries.append((sound, audio.shape[0] / RATE))
        print(f"{sound.file:18} {describe(audio)}")
    (out / "sounds.toml").write_text(manifest(entries), encoding="utf-8")
    print(f"{'sounds.toml':18} {len(entries)} sounds")
    remeasure(out)  # the loudness figures, so the app ships its sounds measured


if __name__ == "__main__":
    main()
