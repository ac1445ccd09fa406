"""Look at a sound file without playing it: can kapdesk play it, how long is it, what is it called.

Used by the library scan (thousands of files, off the UI thread), by ``kapdesk audio check`` and
by the backends before they hand a file to SDL. Pure Python with mutagen: no pygame, no decoding.
It reads headers and the last few kilobytes of a file, so a probe costs a few milliseconds.

What the pygame backend here (pygame 2.6, SDL_mixer 2.6) really plays, and so what this module
calls playable:

- WAV (``.wav``, ``.wave``): PCM 8/16/24/32-bit, IEEE float, A-law, µ-law. Not ADPCM or GSM.
- AIFF (``.aif``, ``.aiff``, ``.aifc``).
- MP3 (``.mp3``).
- OGG Vorbis (``.ogg``, ``.oga``).
- Opus (``.opus`` only: SDL takes a ``.ogg`` name to mean Vorbis and fails on Opus inside).
- FLAC (``.flac``).

Not playable: AAC/M4A, WMA, Ogg FLAC, Speex, MOD (libmodplug is not shipped with pygame), and
anything else. A file whose name says one format while it holds another is refused with a
reason that says so, since SDL goes by the name.

A probe never raises for a bad file: it comes back with ``playable=False`` and a ``reason`` in
a few plain words, for the sitter.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Final, Literal

import mutagen
from mutagen.aiff import AIFF
from mutagen.flac import FLAC
from mutagen.mp3 import MP3
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

from kapdesk.audio.backend import AudioError
from kapdesk.audio.whole_file import flac_end_sample, mp3_frames_decode, ogg_cut_short
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template

# Plain reasons, for the sitter (the sound card, the library page), each marked for translation.
MISSING: Final = QT_TRANSLATE_NOOP("SoundFiles", "the file is missing")
FOLDER: Final = QT_TRANSLATE_NOOP("SoundFiles", "this is a folder, not a sound file")
COMPRESSED_WAV: Final = QT_TRANSLATE_NOOP(
    "SoundFiles", "a compressed WAV kapdesk cannot play; save it as plain (PCM) WAV"
)
NOT_A_FILE: Final = QT_TRANSLATE_NOOP("SoundFiles", "this is not an ordinary file")
UNREADABLE: Final = QT_TRANSLATE_NOOP("SoundFiles", "the file cannot be read (permission denied)")
EMPTY: Final = QT_TRANSLATE_NOOP("SoundFiles", "the file is empty")
UNSUPPORTED: Final = QT_TRANSLATE_NOOP("SoundFiles", "not a sound file kapdesk can play")
UNSUPPORTED_KIND: Final = QT_TRANSLATE_NOOP(
    "SoundFiles", "not a sound file kapdesk can play ({kind})"
)
NOT_SOUND: Final = QT_TRANSLATE_NOOP(
    "SoundFiles", "the file is damaged or is not really a sound file"
)
CUT_SHORT: Final = QT_TRANSLATE_NOOP("SoundFiles", "the file is damaged or cut short")
NO_SOUND: Final = QT_TRANSLATE_NOOP("SoundFiles", "the file holds no sound (its length is zero)")
WRONG_NAME: Final = QT_TRANSLATE_NOOP(
    "SoundFiles", "the file is named {suffix} but holds {format} sound; rename it to {right}"
)
OS_UNREADABLE: Final = QT_TRANSLATE_NOOP("SoundFiles", "the file cannot be read ({detail})")
_PLAIN: Final[dict[str, Template]] = {
    str(reason): reason
    for reason in (
        *(MISSING, FOLDER, NOT_A_FILE, UNREADABLE, EMPTY),
        *(UNSUPPORTED, NOT_SOUND, CUT_SHORT, NO_SOUND, COMPRESSED_WAV),
    )
}


def reason_words(reason: str) -> str:
    """A reason a file cannot play as kapdesk's words, where it is one of the plain reasons
    (a reason kept in the library is plain text again): to be said in any language."""
    return _PLAIN.get(reason, reason)


WAV: Final = "WAV"
AIFF_FORMAT: Final = "AIFF"
MP3_FORMAT: Final = "MP3"
VORBIS: Final = "OGG Vorbis"
OPUS: Final = "Opus"
FLAC_FORMAT: Final = "FLAC"

# The names each playable format may carry (SDL picks its decoder by the name).
_SUFFIXES: Final[dict[str, tuple[str, ...]]] = {
    WAV: (".wav", ".wave"),
    AIFF_FORMAT: (".aif", ".aiff", ".aifc"),
    MP3_FORMAT: (".mp3",),
    VORBIS: (".ogg", ".oga"),
    OPUS: (".opus",),
    FLAC_FORMAT: (".flac",),
}
SUPPORTED_SUFFIXES: Final[frozenset[str]] = frozenset(
    suffix for suffixes in _SUFFIXES.values() for suffix in suffixes
)
"""File name endings (lower case, with the dot) that kapdesk plays; the library scan looks at
these and nothing else."""

_FORMAT_BY_SUFFIX: Final = {s: fmt for fmt, suffixes in _SUFFIXES.items() for s in suffixes}

# Formats mutagen knows and SDL_mixer here cannot play, by mutagen's class name.
_UNPLAYABLE_NAMES: Final = {
    "MP4": "MP4/AAC",
    "EasyMP4": "MP4/AAC",
    "AAC": "AAC",
    "AC3": "AC-3",
    "ASF": "WMA",
    "MonkeysAudio": "Monkey's Audio",
    "APEv2File": "APE",
    "WavPack": "WavPack",
    "Musepack": "Musepack",
    "OptimFROG": "OptimFROG",
    "TrueAudio": "TrueAudio",
    "EasyTrueAudio": "TrueAudio",
    "TAK": "TAK",
    "DSF": "DSD",
    "DSDIFF": "DSD",
    "SMF": "MIDI",
    "OggFLAC": "Ogg FLAC",
    "OggSpeex": "Speex",
    "OggTheora": "Ogg Theora",
}

# WAV codes SDL_mixer streams: PCM, IEEE float, A-law, µ-law (and the same in an EXTENSIBLE fmt).
_WAV_CODECS: Final = frozenset({1, 3, 6, 7})
_WAVE_FORMAT_EXTENSIBLE: Final = 0xFFFE


@dataclass(frozen=True, slots=True)
class Probe:
    """What kapdesk makes of one file.

    ``duration`` is in seconds (None when it cannot be known); ``title`` falls back to the file
    name without its suffix; ``format`` is what the first bytes say ("WAV", "MP3", "OGG Vorbis",
    "Opus", "FLAC", "AIFF", or the name of a format kapdesk cannot play, such as "MP4/AAC"),
    else the suffix in capitals ("TXT"), else "". ``reason`` is None exactly when ``playable``.
    """

    path: Path
    playable: bool
    duration: float | None
    title: str
    artist: str | None
    format: str
    reason: str | None


class _RefusedError(Exception):
    def __init__(self, reason: str, fmt: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.format = fmt


@dataclass(slots=True)
class _Read:
    format: str
    duration: float | None
    title: str | None = None
    artist: str | None = None


def check_file(path: Path) -> str | None:
    """The cheap checks, before anything reads the sound: the reason a file cannot be opened
    (missing, a folder, not an ordinary file, unreadable, empty), or None."""
    try:
        info = path.stat()
    except OSError as error:
        return _os_reason(error)
    except ValueError:  # a NUL character in the name
        return MISSING
    if stat.S_ISDIR(info.st_mode):
        return FOLDER
    if not stat.S_ISREG(info.st_mode):
        return NOT_A_FILE  # a FIFO or a device: opening it could block forever
    try:  # non-blocking, and checked again: a FIFO swapped in after the stat never blocks
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return NOT_A_FILE
        finally:
            os.close(fd)
    except OSError as error:
        return _os_reason(error)
    if info.st_size == 0:
        return EMPTY
    return None


def probe(path: Path) -> Probe:
    """Probe one file. Never raises for a bad file; see :class:`Probe`."""
    suffix = path.suffix.lower()
    guess = _FORMAT_BY_SUFFIX.get(suffix, suffix.lstrip(".").upper())

    def refused(reason: str, fmt: str | None = None) -> Probe:
        return Probe(path, False, None, path.stem, None, fmt or guess, reason)

    reason = check_file(path)
    if reason is not None:
        return refused(reason)
    if suffix not in SUPPORTED_SUFFIXES:
        return refused(UNSUPPORTED)
    try:
        read = _read(path, suffix)
    except _RefusedError as refusal:
        return refused(refusal.reason, refusal.format)
    except PermissionError:
        return refused(UNREADABLE)
    except OSError as error:
        return refused(_os_reason(error))
    except Exception:
        # mutagen and struct raise many kinds of errors on bytes that are not what they seem.
        return refused(NOT_SOUND)
    if suffix not in _SUFFIXES[read.format]:
        right = _SUFFIXES[read.format][0]
        return refused(
            WRONG_NAME.format(suffix=suffix, format=read.format, right=right), read.format
        )
    if read.duration is not None and read.duration <= 0:
        return refused(NO_SOUND, read.format)
    return Probe(
        path,
        True,
        read.duration,
        read.title or path.stem,
        read.artist or None,
        read.format,
        None,
    )


def probe_all(paths: Iterable[Path]) -> Iterator[Probe]:
    """Probe each path in turn, lazily (a scan can report progress and stop between files)."""
    for path in paths:
        yield probe(path)


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return MISSING
    if isinstance(error, PermissionError):
        return UNREADABLE
    detail = (error.strerror or type(error).__name__).lower()
    return OS_UNREADABLE.format(detail=detail)


def _read(path: Path, suffix: str) -> _Read:
    size = path.stat().st_size
    with path.open("rb") as f:
        kind = _sniff(f)
        sniffed = kind is not None
        if kind is None and suffix == ".mp3":
            kind = MP3_FORMAT  # mpg123 skips junk before the first frame, and so does mutagen
        if kind == WAV:
            return _read_wav(path, f, size)
        if kind == AIFF_FORMAT:
            return _read_aiff(path, f, size)
        if kind == MP3_FORMAT:
            return _read_mp3(path, size, sniffed)
        if kind in (VORBIS, OPUS):
            return _read_ogg(path, f, size, kind)
        if kind == FLAC_FORMAT:
            return _read_flac(path, f, size)
    # Not something SDL plays: name it if mutagen knows it.
    other = mutagen.File(path)
    if other is None:
        raise _RefusedError(NOT_SOUND)
    name = type(other).__name__
    label = _UNPLAYABLE_NAMES.get(name, name)
    raise _RefusedError(UNSUPPORTED_KIND.format(kind=label), label)


def _sniff(f: BinaryIO) -> str | None:
    head = f.read(64)
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return WAV
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return AIFF_FORMAT
    if head[:4] == b"OggS":
        if head[28:35] == b"\x01vorbis":
            return VORBIS
        if head[28:36] == b"OpusHead":
            return OPUS
        return None
    offset = 0
    while head[:3] == b"ID3" and len(head) >= 10:
        # skip ID3v2 tags (some taggers stack several) to see what follows
        size = 0
        for byte in head[6:10]:
            size = (size << 7) | (byte & 0x7F)
        offset += 10 + size + (10 if head[5] & 0x10 else 0)
        f.seek(offset)
        head = f.read(64)
        if head[:4] != b"fLaC" and head[:3] != b"ID3":
            return MP3_FORMAT
    if head[:4] == b"fLaC":
        return FLAC_FORMAT
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return MP3_FORMAT
    return None


def _load(kind: Callable[[Path], Any], path: Path) -> Any:
    """Open ``path`` with one of mutagen's file types (mutagen is only partly typed)."""
    return kind(path)


# --- tags -------------------------------------------------------------------------------------


def _id3_text(tags: Any, frame_id: str) -> str | None:
    if tags is None:
        return None
    for frame in tags.getall(frame_id):
        for text in frame.text:
            if str(text).strip():
                return str(text).strip()
    return None


def _vorbis_text(tags: object, key: str) -> str | None:
    get = getattr(tags, "get", None)
    if get is None:
        return None
    values = get(key)
    if not values:
        return None
    for value in values:
        if str(value).strip():
            return str(value).strip()
    return None


# --- WAV and AIFF -----------------------------------------------------------------------------


def _chunks(
    f: BinaryIO, size: int, byteorder: Literal["little", "big"]
) -> Iterator[tuple[bytes, int, int]]:
    """(id, data offset, declared data size) of each top-level chunk of a RIFF or IFF file."""
    pos = 12
    while pos + 8 <= size:
        f.seek(pos)
        header = f.read(8)
        if len(header) < 8:
            return
        declared = int.from_bytes(header[4:], byteorder)
        yield header[:4], pos + 8, declared
        pos += 8 + declared + (declared & 1)


def _check_declared(declared: int, offset: int, size: int, slack: int) -> None:
    if offset + declared > size + slack:
        raise _RefusedError(CUT_SHORT)


def _read_wav(path: Path, f: BinaryIO, size: int) -> _Read:
    fmt: bytes | None = None
    data: tuple[int, int] | None = None
    info_tags: dict[bytes, str] = {}
    has_id3 = False
    for chunk_id, offset, declared in _chunks(f, size, "little"):
        if chunk_id == b"fmt ":
            f.seek(offset)
            fmt = f.read(min(declared, 64))
        elif chunk_id == b"data" and data is None:
            data = (offset, declared)
        elif chunk_id == b"LIST" and declared <= 1 << 16:
            f.seek(offset)
            info_tags.update(_riff_info(f.read(declared)))
        elif chunk_id in (b"id3 ", b"ID3 "):
            has_id3 = True
    if fmt is None or len(fmt) < 16:
        raise _RefusedError(NOT_SOUND if data is None else CUT_SHORT, WAV)
    if data is None:
        raise _RefusedError(CUT_SHORT, WAV)
    codec = int.from_bytes(fmt[0:2], "little")
    if codec == _WAVE_FORMAT_EXTENSIBLE and len(fmt) >= 26:
        codec = int.from_bytes(fmt[24:26], "little")
    if codec not in _WAV_CODECS:
        raise _RefusedError(COMPRESSED_WAV, WAV)
    channels = int.from_bytes(fmt[2:4], "little")
    sample_rate = int.from_bytes(fmt[4:8], "little")
    byte_rate = int.from_bytes(fmt[8:12], "little")
    block_align = int.from_bytes(fmt[12:14], "little")
    bits = int.from_bytes(fmt[14:16], "little")
    if not (channels and sample_rate and byte_rate and block_align and bits):
        # SDL refuses a WAV whose rate, channels or sample size is 0: say so here, not later.
        raise _RefusedError(NOT_SOUND, WAV)
    offset, declared = data
    _check_declared(declared, offset, size, slack=max(byte_rate // 10, 64))
    title = artist = None
    if has_id3:
        tags = _load(WAVE, path).tags
        title, artist = _id3_text(tags, "TIT2"), _id3_text(tags, "TPE1")
    return _Read(
        WAV,
        declared / byte_rate,
        title or info_tags.get(b"INAM"),
        artist or info_tags.get(b"IART"),
    )


def _riff_info(body: bytes) -> dict[bytes, str]:
    """The text fields of a RIFF LIST/INFO chunk (INAM: title, IART: artist...)."""
    if body[:4] != b"INFO":
        return {}
    fields: dict[bytes, str] = {}
    pos = 4
    while pos + 8 <= len(body):
        key = body[pos : pos + 4]
        length = int.from_bytes(body[pos + 4 : pos + 8], "little")
        raw = body[pos + 8 : pos + 8 + length].split(b"\0", 1)[0]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        if text.strip():
            fields[key] = text.strip()
        pos += 8 + length + (length & 1)
    return fields


def _read_aiff(path: Path, f: BinaryIO, size: int) -> _Read:
    audio = _load(AIFF, path)
    info = audio.info
    for chunk_id, offset, declared in _chunks(f, size, "big"):
        if chunk_id == b"SSND":
            byte_rate = info.sample_rate * info.channels * ((info.bits_per_sample + 7) // 8)
            _check_declared(declared, offset, size, slack=max(byte_rate // 10, 64))
            break
    else:
        raise _RefusedError(CUT_SHORT, AIFF_FORMAT)
    tags = audio.tags
    return _Read(AIFF_FORMAT, float(info.length), _id3_text(tags, "TIT2"), _id3_text(tags, "TPE1"))


# --- MP3 --------------------------------------------------------------------------------------


def _read_mp3(path: Path, size: int, sniffed: bool) -> _Read:
    try:
        audio = _load(MP3, path)
    except Exception as error:
        # An MP3's first bytes but no run of frames after them: cut off (or mangled) early.
        raise _RefusedError(CUT_SHORT if sniffed else NOT_SOUND, MP3_FORMAT) from error
    info = audio.info
    if not mp3_frames_decode(path, int(info.frame_offset)):
        raise _RefusedError(NOT_SOUND, MP3_FORMAT)
    length = float(info.length)
    # With a Xing/VBRI header, mutagen's bitrate and length come from what the encoder wrote,
    # so they say how many bytes of sound there should be. Without one, both were estimated
    # from the file's size and this check passes by construction.
    per_second = info.bitrate / 8
    expected = per_second * length
    missing = expected - (size - info.frame_offset)
    if expected > 0 and missing > min(0.03 * expected, per_second):  # 3 %, or a second
        raise _RefusedError(CUT_SHORT, MP3_FORMAT)
    tags = audio.tags
    return _Read(MP3_FORMAT, length, _id3_text(tags, "TIT2"), _id3_text(tags, "TPE1"))


# --- Ogg (Vorbis, Opus) -----------------------------------------------------------------------


def _read_ogg(path: Path, f: BinaryIO, size: int, kind: str) -> _Read:
    try:
        audio = _load(OggVorbis if kind == VORBIS else OggOpus, path)
    except Exception as error:
        raise _RefusedError(CUT_SHORT, kind) from error
    if ogg_cut_short(f, size):
        raise _RefusedError(CUT_SHORT, kind)
    tags = audio.tags
    return _Read(
        kind, float(audio.info.length), _vorbis_text(tags, "title"), _vorbis_text(tags, "artist")
    )


# --- FLAC -------------------------------------------------------------------------------------


def _read_flac(path: Path, f: BinaryIO, size: int) -> _Read:
    try:
        audio = _load(FLAC, path)
    except Exception as error:
        raise _RefusedError(CUT_SHORT, FLAC_FORMAT) from error
    info = audio.info
    if info.total_samples and flac_end_sample(f, size, info) < info.total_samples:
        raise _RefusedError(CUT_SHORT, FLAC_FORMAT)
    tags = audio.tags
    return _Read(
        FLAC_FORMAT,
        float(info.length),
        _vorbis_text(tags, "title"),
        _vorbis_text(tags, "artist"),
    )


def require_playable(path: Path) -> Probe:
    """The probe of a file a backend is about to load; raises :class:`AudioError` with the plain
    reason when kapdesk cannot play it. Backends call this before handing a file to SDL."""
    found = probe(path)
    if not found.playable:
        raise AudioError(found.reason or UNSUPPORTED)
    return found
