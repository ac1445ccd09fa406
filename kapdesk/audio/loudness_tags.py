"""The loudness a sound file's own tags already state: ReplayGain or Opus R128 gains.

Used only for a file this PC cannot measure (``audio.measuring.loudness_of``): a tag written
before a remaster or re-encoding states the old loudness, so a measurement always wins. Read
with mutagen, and only believed when sane:

- FLAC and OGG Vorbis: the Vorbis comments ``REPLAYGAIN_TRACK_GAIN`` ("-7.31 dB") and
  ``REPLAYGAIN_TRACK_PEAK`` (linear, 1.0 = full scale), in any case.
- Opus: ``R128_TRACK_GAIN``, a whole number of 256ths of a dB that brings the track to
  -23 LUFS. The header's output gain is left alone: decoders apply it, so the measured
  loudness includes it too.
- MP3, WAV and AIFF (ID3): ``TXXX`` frames named ``REPLAYGAIN_TRACK_GAIN``/``_PEAK`` in any
  case (as most taggers write them), else an ``RVA2`` frame named ``track``. mutagen's "easy"
  view reads only RVA2, so the frames are read directly.

The LAME header's own gain uses an older reference and is not believed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import mutagen
from mutagen.id3 import ID3

from kapdesk.audio.probe import check_file
from kapdesk.core.loudness import Loudness, loudness_from_r128, loudness_from_replaygain

_TRACK_GAIN = "REPLAYGAIN_TRACK_GAIN"
_TRACK_PEAK = "REPLAYGAIN_TRACK_PEAK"
_R128_TRACK_GAIN = "R128_TRACK_GAIN"
_MASTER_VOLUME = 1  # RVA2's channel number for the whole mix


def tagged_loudness(path: Path) -> Loudness | None:
    """The loudness the file's tags state, or None when it has none, they are not sane, or the
    file cannot be read. Never raises."""
    if check_file(path) is not None:
        return None
    try:
        audio = mutagen.File(path)
    except Exception:  # mutagen raises many kinds of errors on damaged files
        return None
    if audio is None or audio.tags is None:
        return None
    try:
        return _from_tags(audio)
    except Exception:  # a frame of an unexpected shape
        return None


def _from_tags(audio: Any) -> Loudness | None:
    tags = audio.tags
    if isinstance(tags, ID3):
        return _from_id3(tags)
    if type(audio).__name__ == "OggOpus":
        q78 = _whole_number(_comment(tags, _R128_TRACK_GAIN))
        return None if q78 is None else loudness_from_r128(q78)
    gain = _decibels(_comment(tags, _TRACK_GAIN))
    if gain is None:
        return None
    return loudness_from_replaygain(gain, _decibels(_comment(tags, _TRACK_PEAK)))


def _from_id3(tags: Any) -> Loudness | None:  # mutagen's ID3 methods are not typed
    texts = {frame.desc.upper(): frame.text for frame in tags.getall("TXXX")}
    gain = _decibels(_first(texts.get(_TRACK_GAIN)))
    if gain is not None:
        return loudness_from_replaygain(gain, _decibels(_first(texts.get(_TRACK_PEAK))))
    for frame in tags.getall("RVA2"):
        if frame.desc.lower() == "track" and frame.channel == _MASTER_VOLUME:
            return loudness_from_replaygain(float(frame.gain), float(frame.peak) or None)
    return None


def _comment(tags: Any, key: str) -> str | None:
    """A Vorbis comment's first value; the keys are matched in any case."""
    for name, value in tags.items() if hasattr(tags, "items") else ():
        if isinstance(name, str) and name.upper() == key:
            return _first(value)
    return None


def _first(values: Iterable[Any] | str | None) -> str | None:
    if values is None:
        return None
    if isinstance(values, str):
        return values
    for value in values:
        return str(value)
    return None


def _decibels(text: str | None) -> float | None:
    """A number such as "-7.31 dB" or "0.988"; None when it is not a finite number."""
    if text is None:
        return None
    cleaned = text.strip()
    if cleaned[-2:].lower() == "db":
        cleaned = cleaned[:-2].strip()
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _whole_number(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        return None
    return value if -32768 <= value <= 32767 else None
