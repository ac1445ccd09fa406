"""Makes the small tagged sound files in this folder, which tests/audio reads.

.venv/bin/python tests/audio/data/make_fixtures.py

Run by hand (it needs numpy and soundfile, from the ``sounds`` extra); the suite only reads
what it wrote. Each file is a quiet sine (amplitude 0.1, 1 s, mono, 22.05 kHz, faded in and
out over 20 ms) tagged with a title and an artist through mutagen:

- tone.ogg   OGG Vorbis, 660 Hz
- tone.mp3   MP3 (LAME through libsndfile), 660 Hz, ID3v2 tags
- tone.flac  FLAC, 660 Hz
- tone.opus  Opus (48 kHz, as Opus always is), 660 Hz
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import soundfile as sf  # type: ignore[import-untyped]
from mutagen.flac import FLAC
from mutagen.id3 import ID3, TIT2, TPE1
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

HERE = Path(__file__).resolve().parent
FREQUENCY = 660.0
SECONDS = 1.0
RATE = 22_050
# libsndfile's lowest bitrates: plenty for a sine, and the files stay a few KB.
SMALL = 1.0
AMPLITUDE = 0.1
ARTIST = "Élise Kapdesk"


def tone(rate: int) -> npt.NDArray[np.float32]:
    t = np.arange(round(SECONDS * rate)) / rate
    signal = AMPLITUDE * np.sin(2 * np.pi * FREQUENCY * t)
    ramp = round(0.02 * rate)
    envelope = np.ones_like(signal)
    envelope[:ramp] = np.linspace(0, 1, ramp)
    envelope[-ramp:] = np.linspace(1, 0, ramp)
    return (signal * envelope).astype(np.float32)


def title(fmt: str) -> str:
    return f"Still Water ({fmt})"


def main() -> None:
    ogg, mp3, flac, opus = (HERE / f"tone.{ext}" for ext in ("ogg", "mp3", "flac", "opus"))
    sf.write(ogg, tone(RATE), RATE, format="OGG", subtype="VORBIS", compression_level=SMALL)
    sf.write(mp3, tone(RATE), RATE, format="MP3", subtype="MPEG_LAYER_III")
    sf.write(flac, tone(RATE), RATE, format="FLAC", subtype="PCM_16", compression_level=SMALL)
    sf.write(opus, tone(48_000), 48_000, format="OGG", subtype="OPUS", compression_level=SMALL)

    for path, kind in ((ogg, OggVorbis), (opus, OggOpus), (flac, FLAC)):
        audio = kind(path)
        audio["title"] = title(path.suffix[1:].upper())
        audio["artist"] = ARTIST
        audio.save()

    tags = ID3()
    tags.add(TIT2(encoding=3, text=title("MP3")))
    tags.add(TPE1(encoding=3, text=ARTIST))
    tags.save(mp3)

    for path in (ogg, mp3, flac, opus):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
