"""Measure a sound file's loudness (EBU R128 / ITU-R BS.1770-4): integrated loudness, loudness
range and true peak.

The work is done by two C libraries the system already packages, called through ctypes:
libsndfile decodes (WAV, AIFF, FLAC, OGG Vorbis, Opus and, from 1.1, MP3) and libebur128
measures. The file is streamed through them a block at a time, so memory stays flat however
long the track; no Python package beyond the standard library is needed (the Python wrappers
of these libraries either need numpy or have no wheels for newer Pythons).

Measuring a long track takes seconds of CPU, so the app runs it in a child process
(``kapdesk.audio.measuring``); this module itself is plain and synchronous. The libraries are
loaded on first use: a PC without them can still play, and :func:`meter_missing` says why it
cannot measure.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import math
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from kapdesk.audio import probe as probing
from kapdesk.audio.probe import check_file
from kapdesk.core.loudness import Loudness, LoudnessSource
from kapdesk.core.words import QT_TRANSLATE_NOOP

# Plain reasons, for the sitter (the library page), each marked for translation.
NOT_MEASURABLE: Final = QT_TRANSLATE_NOOP(
    "Measuring", "the file is damaged or is not a sound file kapdesk can measure"
)
CUT_SHORT: Final = QT_TRANSLATE_NOOP("Measuring", "the file is damaged or cut short")
CANNOT_READ: Final = QT_TRANSLATE_NOOP(
    "Measuring", "this PC's sound library cannot read {format} files to measure them"
)
CANNOT_DECODE: Final = QT_TRANSLATE_NOOP(
    "Measuring", "this PC's sound library cannot read the kind of sound in this file to measure it"
)
SILENT: Final = QT_TRANSLATE_NOOP("Measuring", "the track is silent")
TOO_SHORT: Final = QT_TRANSLATE_NOOP(
    "Measuring", "the track is too short to measure (under half a second)"
)
NO_METER: Final = QT_TRANSLATE_NOOP(
    "Measuring",
    "kapdesk cannot measure loudness on this computer: the sound libraries "
    "libebur128 and libsndfile are not installed",
)
NO_LIBRARY: Final = QT_TRANSLATE_NOOP(
    "Measuring",
    "kapdesk cannot measure loudness on this computer: the sound library {library} is not "
    "installed",
)
TOO_OLD: Final = QT_TRANSLATE_NOOP(
    "Measuring",
    "kapdesk cannot measure loudness on this computer: its sound libraries libebur128 and "
    "libsndfile are too old",
)

BLOCK_FRAMES: Final = 65536  # frames decoded and measured at a time: 1.5 s at 44.1 kHz

# libsndfile
_SFM_READ: Final = 0x10
_SF_ERR_UNRECOGNISED_FORMAT: Final = 1
_SFC_GET_CHANNEL_MAP_INFO: Final = 0x1100
_SFC_GET_FORMAT_MAJOR_COUNT, _SFC_GET_FORMAT_MAJOR = 0x1030, 0x1031
_SFC_GET_FORMAT_SUBTYPE_COUNT, _SFC_GET_FORMAT_SUBTYPE = 0x1032, 0x1033
_SF_FORMAT_TYPEMASK: Final = 0x0FFF0000
_SF_FORMAT_OGG: Final = 0x200000
# What libsndfile must list among the formats it reads (major, and codec where it has several)
# to decode each format the player plays; the names are the probe's.
_NEEDS: Final = {
    probing.WAV: (0x010000,),
    probing.AIFF_FORMAT: (0x020000,),
    probing.FLAC_FORMAT: (0x170000,),
    probing.VORBIS: (_SF_FORMAT_OGG, 0x0060),
    probing.OPUS: (_SF_FORMAT_OGG, 0x0064),
    probing.MP3_FORMAT: (0x230000, 0x0082),  # from libsndfile 1.1
}
_SF_ERR_UNSUPPORTED_ENCODING: Final = 4
# libebur128 (ebur128.h): each mode includes the ones it needs
_MODE_M: Final = 1 << 0
_MODE_S: Final = (1 << 1) | _MODE_M
_MODE_I: Final = (1 << 2) | _MODE_M
_MODE_LRA: Final = (1 << 3) | _MODE_S
_MODE_SAMPLE_PEAK: Final = (1 << 4) | _MODE_M
_MODE_TRUE_PEAK: Final = (1 << 5) | _MODE_M | _MODE_SAMPLE_PEAK
# libebur128's channels (enum channel), which BS.1770 weighs by where each loudspeaker stands:
# left, right, centre, left and right surround (M+110, M-110), rear centre (M+180)
_UNUSED, _L, _R, _C, _LS, _RS, _CS = 0, 1, 2, 3, 4, 5, 15
_LFE: Final = _UNUSED
_DUAL_MONO: Final = 6  # counted twice
_UP000, _UP030, _UM030, _UP135, _UM135, _UP180, _TP000 = 16, 17, 18, 25, 26, 27, 28
_SUCCESS: Final = 0
_MAX_CHANNELS: Final = 64  # libebur128 refuses more

# libsndfile's channel names (SF_CHANNEL_MAP_*) as libebur128's. The LFE carries no loudness;
# rears and sides are the surrounds; a name not here counts as a front loudspeaker.
_FROM_SNDFILE: Final = {
    1: _C,  # mono
    2: _L,
    3: _R,
    4: _C,
    5: _L,  # front left
    6: _R,
    7: _C,
    8: _CS,  # rear centre
    9: _LS,  # rear left
    10: _RS,
    11: _UNUSED,  # LFE
    12: _L,  # front left of centre
    13: _R,
    14: _LS,  # side left
    15: _RS,
    16: _TP000,  # top centre
    17: _UP030,  # top front left
    18: _UM030,
    19: _UP000,
    20: _UP135,  # top rear left
    21: _UM135,
    22: _UP180,
}
# The order of a file that names no channels, by how many it has: WAV's and FLAC's, and Ogg's
# (Vorbis and Opus order the front centre between the left and right, and the LFE last).
_WAV_ORDER: Final = {
    3: (_L, _R, _C),
    4: (_L, _R, _LS, _RS),
    5: (_L, _R, _C, _LS, _RS),
    6: (_L, _R, _C, _LFE, _LS, _RS),
    7: (_L, _R, _C, _LFE, _CS, _LS, _RS),
    8: (_L, _R, _C, _LFE, _LS, _RS, _LS, _RS),
}
_OGG_ORDER: Final = {
    3: (_L, _C, _R),
    4: (_L, _R, _LS, _RS),
    5: (_L, _C, _R, _LS, _RS),
    6: (_L, _C, _R, _LS, _RS, _LFE),
    7: (_L, _C, _R, _LS, _RS, _CS, _LFE),
    8: (_L, _C, _R, _LS, _RS, _LS, _RS, _LFE),
}


class MeasureError(Exception):
    """A file could not be measured; the message is a plain reason for staff."""


class UnreadableError(MeasureError):
    """This PC's meter cannot read the file at all (its libraries are missing, or its
    libsndfile does not decode the format): the file itself may be fine, so a loudness its
    tags state is the best there is."""


class _SfInfo(ctypes.Structure):
    _fields_ = [
        ("frames", ctypes.c_int64),
        ("samplerate", ctypes.c_int),
        ("channels", ctypes.c_int),
        ("format", ctypes.c_int),
        ("sections", ctypes.c_int),
        ("seekable", ctypes.c_int),
    ]


class _FormatInfo(ctypes.Structure):
    _fields_ = [
        ("format", ctypes.c_int),
        ("name", ctypes.c_char_p),
        ("extension", ctypes.c_char_p),
    ]


@dataclass(frozen=True)
class _Libraries:
    sndfile: Any
    ebur128: Any
    reads: frozenset[int]  # the major formats and codecs this libsndfile decodes


_lock = threading.Lock()
_loaded: _Libraries | None = None
_missing: str | None = None


def meter_missing() -> str | None:
    """A sentence saying why loudness cannot be measured here, or None when it can."""
    try:
        _libraries()
    except MeasureError as error:
        return str(error)
    return None


def _libraries() -> _Libraries:
    global _loaded, _missing  # noqa: PLW0603  (loaded once, on first use)
    with _lock:
        if _loaded is not None:
            return _loaded
        if _missing is not None:
            raise UnreadableError(_missing)
        sndfile = _load("libsndfile.so.1", "sndfile")
        ebur128 = _load("libebur128.so.1", "ebur128")
        if sndfile is None or ebur128 is None:
            absent = [n for n, lib in (("libebur128", ebur128), ("libsndfile", sndfile)) if not lib]
            _missing = NO_METER if len(absent) == 2 else NO_LIBRARY.format(library=absent[0])
            raise UnreadableError(_missing)
        try:
            _declare(sndfile, ebur128)
        except AttributeError:  # a library too old to have a function we call
            _missing = TOO_OLD
            raise UnreadableError(_missing) from None
        _loaded = _Libraries(sndfile, ebur128, _formats_read(sndfile))
        return _loaded


def _formats_read(sndfile: Any) -> frozenset[int]:
    """Every major format and codec this libsndfile was built to read."""
    found: set[int] = set()
    for count_command, item_command in (
        (_SFC_GET_FORMAT_MAJOR_COUNT, _SFC_GET_FORMAT_MAJOR),
        (_SFC_GET_FORMAT_SUBTYPE_COUNT, _SFC_GET_FORMAT_SUBTYPE),
    ):
        count = ctypes.c_int()
        sndfile.sf_command(None, count_command, ctypes.byref(count), ctypes.sizeof(count))
        for index in range(count.value):
            info = _FormatInfo(format=index)
            if sndfile.sf_command(None, item_command, ctypes.byref(info), ctypes.sizeof(info)) == 0:
                found.add(info.format)
    return frozenset(found)


def _load(soname: str, name: str) -> Any:
    """The library by its soname (the one the frozen build ships beside kapdesk first), else
    wherever the system's linker finds it; None when nowhere."""
    candidates: list[str] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        candidates.append(os.path.join(bundle, soname))
    candidates.append(soname)
    found = ctypes.util.find_library(name)
    if found:
        candidates.append(found)
    for candidate in candidates:
        try:
            return ctypes.CDLL(candidate)
        except OSError:
            continue
    return None


def _declare(sndfile: Any, ebur128: Any) -> None:
    """Every function's argument and result types, so ctypes never guesses an int."""
    c_void_p, c_int, c_uint, c_double = (
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_double,
    )
    double_p = ctypes.POINTER(c_double)
    sndfile.sf_open.argtypes = [ctypes.c_char_p, c_int, ctypes.POINTER(_SfInfo)]
    sndfile.sf_open.restype = c_void_p
    sndfile.sf_readf_float.argtypes = [c_void_p, ctypes.POINTER(ctypes.c_float), ctypes.c_int64]
    sndfile.sf_readf_float.restype = ctypes.c_int64
    sndfile.sf_error.argtypes = [c_void_p]
    sndfile.sf_error.restype = c_int
    sndfile.sf_strerror.argtypes = [c_void_p]
    sndfile.sf_strerror.restype = ctypes.c_char_p
    sndfile.sf_command.argtypes = [c_void_p, c_int, c_void_p, c_int]
    sndfile.sf_command.restype = c_int
    sndfile.sf_close.argtypes = [c_void_p]
    sndfile.sf_close.restype = c_int
    ebur128.ebur128_init.argtypes = [c_uint, ctypes.c_ulong, c_int]
    ebur128.ebur128_init.restype = c_void_p
    ebur128.ebur128_destroy.argtypes = [ctypes.POINTER(c_void_p)]
    ebur128.ebur128_destroy.restype = None
    ebur128.ebur128_set_channel.argtypes = [c_void_p, c_uint, c_int]
    ebur128.ebur128_set_channel.restype = c_int
    ebur128.ebur128_add_frames_float.argtypes = [
        c_void_p,
        ctypes.POINTER(ctypes.c_float),
        ctypes.c_size_t,
    ]
    ebur128.ebur128_add_frames_float.restype = c_int
    ebur128.ebur128_loudness_global.argtypes = [c_void_p, double_p]
    ebur128.ebur128_loudness_global.restype = c_int
    ebur128.ebur128_loudness_range.argtypes = [c_void_p, double_p]
    ebur128.ebur128_loudness_range.restype = c_int
    ebur128.ebur128_true_peak.argtypes = [c_void_p, c_uint, double_p]
    ebur128.ebur128_true_peak.restype = c_int


def measure(path: Path, progress: Callable[[float], None] | None = None) -> Loudness:
    """The loudness of the sound file at ``path``, measured over the whole file.

    ``progress`` is told the share done (0.0 to 1.0) after each block. Raises
    :class:`MeasureError` with a plain reason when the file cannot be measured (missing, not a
    sound file, silent, too short, or the libraries are not installed); never anything else
    for a bad file."""
    reason = check_file(path)  # also keeps a FIFO from blocking the open
    if reason is not None:
        raise MeasureError(reason)
    libs = _libraries()
    info = _SfInfo()
    handle = libs.sndfile.sf_open(os.fsencode(path), _SFM_READ, ctypes.byref(info))
    if not handle:
        raise _refused(libs, path)
    try:
        return _measure_open(libs, handle, info, progress)
    finally:
        libs.sndfile.sf_close(handle)


def _refused(libs: _Libraries, path: Path) -> MeasureError:
    """Why libsndfile would not open the file: a format it was not built to read (an MP3 to a
    libsndfile older than 1.1) or a codec it does not know, both :class:`UnreadableError`;
    else a damaged file, or not a sound file at all."""
    code = libs.sndfile.sf_error(None)
    if code not in (_SF_ERR_UNRECOGNISED_FORMAT, _SF_ERR_UNSUPPORTED_ENCODING):
        return MeasureError(NOT_MEASURABLE)
    found = probing.probe(path)
    needs = _NEEDS.get(found.format) if found.playable else None
    if needs is not None and not libs.reads.issuperset(needs):
        return UnreadableError(CANNOT_READ.format(format=found.format))
    if code == _SF_ERR_UNSUPPORTED_ENCODING:
        return UnreadableError(CANNOT_DECODE)
    return MeasureError(NOT_MEASURABLE)


def _measure_open(
    libs: _Libraries, handle: int, info: _SfInfo, progress: Callable[[float], None] | None
) -> Loudness:
    channels, rate = info.channels, info.samplerate
    if not 0 < channels <= _MAX_CHANNELS or rate <= 0:
        raise MeasureError(NOT_MEASURABLE)
    state = libs.ebur128.ebur128_init(channels, rate, _MODE_I | _MODE_LRA | _MODE_TRUE_PEAK)
    if not state:
        raise MeasureError(NOT_MEASURABLE)  # a sample rate libebur128 refuses
    try:
        if channels == 1:
            # The player sends a mono track to both ears, so it is heard, and measured, as
            # dual mono: 3 dB louder than BS.1770's single loudspeaker.
            libs.ebur128.ebur128_set_channel(state, 0, _DUAL_MONO)
        else:
            for index, channel in enumerate(_channel_map(libs, handle, info)):
                if libs.ebur128.ebur128_set_channel(state, index, channel) != _SUCCESS:
                    libs.ebur128.ebur128_set_channel(state, index, _C)
        frames = _feed(libs, handle, state, info, progress)
        try:
            return _result(libs, state, channels, frames / rate)
        except MeasureError:
            if frames < info.frames < 2**62:  # less sound than the header promised
                raise MeasureError(CUT_SHORT) from None
            raise
    finally:
        libs.ebur128.ebur128_destroy(ctypes.byref(ctypes.c_void_p(state)))


def _channel_map(libs: _Libraries, handle: int, info: _SfInfo) -> list[int]:
    """Each channel's loudspeaker, in libebur128's terms: the file's own channel map when
    libsndfile reads one (WAV's channel mask), else the order its format prescribes. Without
    it a 5.1 Ogg file (front left, centre, front right, rears, LFE) would be weighed as
    WAV's order (left, right, centre, LFE, surrounds): its rear left not heard at all, its
    LFE counted as a surround."""
    channels = info.channels
    named = (ctypes.c_int * channels)()
    if libs.sndfile.sf_command(
        handle, _SFC_GET_CHANNEL_MAP_INFO, named, ctypes.sizeof(named)
    ) and any(named):
        return [_FROM_SNDFILE.get(name, _C) for name in named]
    is_ogg = info.format & _SF_FORMAT_TYPEMASK == _SF_FORMAT_OGG
    order = (_OGG_ORDER if is_ogg else _WAV_ORDER).get(channels)
    if order is None:  # two channels, or more than eight: all front loudspeakers
        return [_L, _R, *([_C] * (channels - 2))]
    return list(order)


def _feed(
    libs: _Libraries,
    handle: int,
    state: int,
    info: _SfInfo,
    progress: Callable[[float], None] | None,
) -> int:
    """Decode the whole file into the meter, a block at a time; the frames read."""
    buffer = (ctypes.c_float * (BLOCK_FRAMES * info.channels))()
    expected = info.frames if 0 < info.frames < 2**62 else 0
    done = 0
    while True:
        got = libs.sndfile.sf_readf_float(handle, buffer, BLOCK_FRAMES)
        if got <= 0:
            break
        if libs.ebur128.ebur128_add_frames_float(state, buffer, got) != _SUCCESS:
            raise MeasureError(NOT_MEASURABLE)
        done += got
        if progress is not None and expected:
            progress(min(1.0, done / expected))
    if libs.sndfile.sf_error(handle) != 0:
        raise MeasureError(CUT_SHORT)
    if progress is not None:
        progress(1.0)
    return done


def _result(libs: _Libraries, state: int, channels: int, seconds: float) -> Loudness:
    value = ctypes.c_double()
    if libs.ebur128.ebur128_loudness_global(state, ctypes.byref(value)) != _SUCCESS:
        raise MeasureError(NOT_MEASURABLE)
    integrated = value.value
    if not math.isfinite(integrated):
        raise MeasureError(TOO_SHORT if seconds < 0.5 else SILENT)
    spread: float | None = None
    if libs.ebur128.ebur128_loudness_range(state, ctypes.byref(value)) == _SUCCESS:
        spread = value.value if math.isfinite(value.value) else None
    peak = 0.0
    for channel in range(channels):
        if libs.ebur128.ebur128_true_peak(state, channel, ctypes.byref(value)) == _SUCCESS:
            peak = max(peak, value.value)
    peak_db = 20.0 * math.log10(peak) if peak > 0 else -120.0
    return Loudness(integrated, peak_db, spread, LoudnessSource.MEASURED)
