"""The real sound device: SDL through pygame's mixer; the only module of kapdesk importing pygame.

- The **music** layer is ``pygame.mixer.music``: one track streamed from its file.
- The **bed** layer is a ``pygame.mixer.Sound`` (decoded once) looped on a reserved channel. An
  Ogg Vorbis bed is decoded straight into the Sound's buffer (:mod:`kapdesk.audio.vorbis_bed`,
  the same decoder and the same samples as SDL_mixer's), so it is held once while it loads, not
  twice.

The mixer is opened at 44.1 kHz, 16-bit, stereo, with a 1024-frame buffer (23 ms). SDL converts
whatever the device wants, so the format is the same on every machine (and in SDL's disk driver,
which the tests read).

Every file goes through :func:`kapdesk.audio.probe.require_playable` first (missing, a folder,
unreadable, empty, unsupported, damaged or cut short: refused with a plain reason before SDL
sees it); whatever SDL still refuses becomes :class:`AudioError` too, never a pygame error.

Starting part-way: SDL_mixer 2.6 here ignores the start position for WAV and AIFF music (it
plays them from the beginning; OGG, MP3, FLAC and Opus seek). For those two, the music layer
hands SDL the file as if it began at ``start``: the original header with its sizes corrected,
then the rest of the sound, read from the file as SDL asks for it (:class:`_PcmFromOffset`).

Signals: SDL is told to leave SIGINT and SIGTERM alone (``SDL_NO_SIGNAL_HANDLERS``, set before
pygame loads): they are kapdesk's, to close the orderly way (:mod:`kapdesk.shutdown`).

Positions: SDL's own counter (``music.get_pos``) ignores ``start`` and counts what was mixed,
not what was heard, so :meth:`MusicLayer.position` is kept here from the monotonic clock:
``start`` plus the seconds since :meth:`MusicLayer.play`, while the music is sounding.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# SDL would take SIGINT and SIGTERM over when the mixer opens, to post a quit event nobody reads:
# a shutdown could then end kapdesk only by SIGKILL. kapdesk handles them (kapdesk.shutdown).
os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"

import io
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final

from kapdesk.audio.backend import AudioError
from kapdesk.audio.probe import (
    AIFF_FORMAT,
    CUT_SHORT,
    FOLDER,
    MISSING,
    NO_SOUND,
    UNREADABLE,
    UNSUPPORTED,
    VORBIS,
    WAV,
    require_playable,
)
from kapdesk.core.clock import Clock, SystemClock
from kapdesk.core.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

    from kapdesk.audio.vorbis_bed import VorbisDecoder


def _import_pygame_lean() -> None:
    """Import pygame without the optional modules it would load and kapdesk never uses.

    pygame's ``__init__`` imports numpy (for surfarray and sndarray) and pkg_resources (for
    ``pkgdata``) whenever they are installed: some 20 MB of memory on the room PC for nothing.
    A ``None`` in ``sys.modules`` makes their import fail, which pygame expects and handles;
    the entries are removed again afterwards, so anything else may still import them.
    """
    blocked = [name for name in ("numpy", "pkg_resources") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import pygame  # noqa: F401, PLC0415
    finally:
        for name in blocked:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]


if "pygame" not in sys.modules:
    _import_pygame_lean()

import pygame  # noqa: E402

FREQUENCY: Final = 44100
BUFFER_FRAMES: Final = 1024
BED_CHANNEL: Final = 0

CLOSED: Final = QT_TRANSLATE_NOOP("SoundDevice", "the sound device is closed")
NOTHING_LOADED: Final = QT_TRANSLATE_NOOP("SoundDevice", "nothing is loaded to play")
TOO_LARGE: Final = QT_TRANSLATE_NOOP("SoundDevice", "the file is too large to load")
NO_START_PART_WAY: Final = QT_TRANSLATE_NOOP(
    "SoundDevice", "kapdesk cannot start this file part-way through"
)
ALREADY_OPEN: Final = QT_TRANSLATE_NOOP(
    "SoundDevice", "the sound device is already open in kapdesk"
)
NOT_OPENED: Final = QT_TRANSLATE_NOOP(
    "SoundDevice", "the sound device could not be opened ({error})"
)

# Fragments of SDL_mixer's messages that mean "this decoder does not exist here".
_UNSUPPORTED_HINTS: Final = (
    "unrecognized audio format",
    "unknown wave",
    "not supported",
    "unsupported",
    "modplug",
    "no such decoder",
)


def _clamp(volume: float) -> float:
    return min(1.0, max(0.0, float(volume)))


def _reason(error: BaseException) -> str:
    """A plain reason for whatever pygame or the OS raised while loading or starting a file."""
    if isinstance(error, FileNotFoundError):
        return MISSING
    if isinstance(error, PermissionError):
        return UNREADABLE
    if isinstance(error, IsADirectoryError):
        return FOLDER
    if isinstance(error, MemoryError):
        return TOO_LARGE
    text = str(error).lower()
    if any(hint in text for hint in _UNSUPPORTED_HINTS):
        return UNSUPPORTED
    return CUT_SHORT


class _Device:
    """Whether the mixer is still open; shared by the two layers and the backend."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.open = True

    def check(self) -> None:
        if not self.open:
            raise AudioError(CLOSED)


class MusicLayer:
    """The music layer: ``pygame.mixer.music``, one track streamed at a time, played once."""

    def __init__(self, device: _Device) -> None:
        self._device = device
        self._loaded: Path | None = None
        self._format = ""
        self._duration: float | None = None
        self._volume = 1.0
        self._played_at: float | None = None
        self._start = 0.0
        self._from_offset: io.BufferedReader[_PcmFromOffset] | None = None  # SDL streams this
        self._whole_file = False  # SDL holds the whole loaded file (not a part of it, or nothing)

    @property
    def loaded(self) -> Path | None:
        """The file loaded, or None (nothing loaded yet, or the last load failed)."""
        return self._loaded

    @property
    def duration(self) -> float | None:
        """Length in seconds of the loaded file, as its headers state it."""
        return self._duration

    @property
    def volume(self) -> float:
        """The volume last set (clamped to 0.0–1.0)."""
        return self._volume

    def load(self, path: Path) -> None:
        self._device.check()
        # Stop at once: pygame frees the old music on load, and SDL waits for a fade-out to end
        # before it frees music that is fading, which would block the caller.
        self._halt()
        found = require_playable(path)
        try:
            pygame.mixer.music.load(str(path))
        except (pygame.error, OSError, MemoryError) as error:
            raise AudioError(_reason(error)) from error
        self._loaded = path
        self._format = found.format
        self._duration = found.duration
        self._whole_file = True

    def play(self, *, start: float = 0.0, fade_ms: int = 0) -> None:
        self._device.check()
        path = self._loaded
        if path is None:
            raise AudioError(NOTHING_LOADED)
        start = max(0.0, float(start))
        self._played_at = self._device.clock.monotonic()
        self._start = start
        if self._duration is not None and start >= self._duration:
            pygame.mixer.music.stop()  # nothing left to play: the track is over at once
            return
        seek = start
        try:
            if self._format in (WAV, AIFF_FORMAT) and start > 0:
                self._reload(path, start)
                seek = 0.0
            elif not self._whole_file:
                self._reload(path, 0.0)
            pygame.mixer.music.set_volume(self._volume)
            pygame.mixer.music.play(loops=0, start=seek, fade_ms=max(0, int(fade_ms)))
        except (pygame.error, OSError) as error:
            self._played_at = None
            raise AudioError(_reason(error)) from error
        except AudioError:
            self._played_at = None
            raise

    def stop(self, *, fade_ms: int = 0) -> None:
        if not self._device.open:
            return
        if fade_ms > 0 and pygame.mixer.music.get_busy():
            pygame.mixer.music.fadeout(int(fade_ms))
        else:
            pygame.mixer.music.stop()

    def set_volume(self, volume: float) -> None:
        self._volume = _clamp(volume)
        if self._device.open:
            pygame.mixer.music.set_volume(self._volume)

    def busy(self) -> bool:
        return self._device.open and pygame.mixer.music.get_busy()

    def position(self) -> float | None:
        """Seconds into the track: ``start`` plus the time since :meth:`play` (monotonic clock),
        while the music is sounding (a fade-out included); None otherwise."""
        if self._played_at is None or not self.busy():
            return None
        return self._start + (self._device.clock.monotonic() - self._played_at)

    def _reload(self, path: Path, start: float) -> None:
        """Load ``path`` again for SDL, as if it began ``start`` seconds in (WAV and AIFF)."""
        pygame.mixer.music.stop()
        pygame.mixer.music.unload()
        self._whole_file = False
        self._close_from_offset()
        if start <= 0:
            pygame.mixer.music.load(str(path))
            self._whole_file = True
            return
        source = io.BufferedReader(_PcmFromOffset.open(path, start, self._format), 1 << 16)
        try:
            pygame.mixer.music.load(source, "wav" if self._format == WAV else "aiff")
        except BaseException:
            source.close()
            raise
        self._from_offset = source

    def _close_from_offset(self) -> None:
        if self._from_offset is not None:
            self._from_offset.close()
            self._from_offset = None

    def _halt(self) -> None:
        pygame.mixer.music.stop()
        pygame.mixer.music.unload()
        self._whole_file = False
        self._close_from_offset()
        self._loaded = None
        self._format = ""
        self._duration = None
        self._played_at = None


class BedLayer:
    """The bed layer: a ``pygame.mixer.Sound`` looped (``loops=-1``) on a reserved channel.

    The layer's volume is the Sound's own volume; the channel's volume belongs to SDL's fades.
    (SDL steps the channel volume through a fade and restores its starting value at the end, so
    a volume set on the channel during a fade-in would be lost; on the Sound it holds.)
    """

    def __init__(self, device: _Device, channel: pygame.mixer.Channel) -> None:
        self._device = device
        self._channel = channel
        self._sound: pygame.mixer.Sound | None = None
        self._loaded: Path | None = None
        self._volume = 1.0
        self._played_at: float | None = None
        self._vorbis: VorbisDecoder | None = None
        self._vorbis_looked = False

    @property
    def loaded(self) -> Path | None:
        """The file loaded, or None (nothing loaded yet, or the last load failed)."""
        return self._loaded

    @property
    def duration(self) -> float | None:
        """Length in seconds of one pass of the loop."""
        return None if self._sound is None else self._sound.get_length()

    @property
    def volume(self) -> float:
        """The volume last set (clamped to 0.0–1.0)."""
        return self._volume

    def load(self, path: Path) -> None:
        self._device.check()
        self._channel.stop()
        self._sound = None
        self._loaded = None
        self._played_at = None
        found = require_playable(path)
        try:
            sound = self._decoded(path) if found.format == VORBIS else None
            if sound is None:
                sound = pygame.mixer.Sound(str(path))
        except (pygame.error, OSError, MemoryError) as error:
            raise AudioError(_reason(error)) from error
        if sound.get_length() <= 0:
            raise AudioError(NO_SOUND)
        sound.set_volume(self._volume)
        self._sound = sound
        self._loaded = path

    def _decoded(self, path: Path) -> pygame.mixer.Sound | None:
        """An Ogg Vorbis file decoded into a Sound's own buffer, one block at a time; None
        when SDL_mixer must load it (see :mod:`kapdesk.audio.vorbis_bed`).

        The Sound is made from pages of zeros that take no memory (so pygame's copy of them is
        the only one), then filled in place: the sound is held once, as SDL's own load would leave
        it. The file must be in the mixer's format, as SDL would otherwise convert it."""
        # Here, not at the top: ctypes (a third of a megabyte) only with an Ogg Vorbis bed.
        from kapdesk.audio.vorbis_bed import VorbisDecoder, blank_buffer  # noqa: PLC0415

        if not self._vorbis_looked:
            self._vorbis = VorbisDecoder.find()
            self._vorbis_looked = True
        if self._vorbis is None:
            return None
        stream = self._vorbis.open(path)
        if stream is None:
            return None
        with stream:
            if stream.frames <= 0 or pygame.mixer.get_init() != (stream.rate, -16, stream.channels):
                return None
            with blank_buffer(stream.size) as blank:
                sound = pygame.mixer.Sound(buffer=blank)
            if not stream.read_into(sound):
                return None
        return sound

    def play(self, *, start: float = 0.0, fade_ms: int = 0) -> None:
        """Loop the bed from its beginning (``start`` is ignored: a bed has no place to resume)."""
        del start
        self._device.check()
        if self._sound is None:
            raise AudioError(NOTHING_LOADED)
        try:
            self._channel.set_volume(1.0)  # a fade-out cut short may have left it lower
            self._channel.play(self._sound, loops=-1, fade_ms=max(0, int(fade_ms)))
        except pygame.error as error:
            raise AudioError(_reason(error)) from error
        self._played_at = self._device.clock.monotonic()

    def stop(self, *, fade_ms: int = 0) -> None:
        if not self._device.open:
            return
        if fade_ms > 0 and self._channel.get_busy():
            self._channel.fadeout(int(fade_ms))
        else:
            self._channel.stop()

    def set_volume(self, volume: float) -> None:
        self._volume = _clamp(volume)
        if self._sound is not None:
            self._sound.set_volume(self._volume)

    def busy(self) -> bool:
        return self._device.open and self._channel.get_busy()

    def position(self) -> float | None:
        """Seconds into the current pass of the loop (monotonic clock since :meth:`play`, modulo
        the bed's length), while it is sounding; None otherwise."""
        if self._played_at is None or self._sound is None or not self.busy():
            return None
        elapsed = self._device.clock.monotonic() - self._played_at
        length = self._sound.get_length()
        return elapsed % length if length > 0 else 0.0


class _PcmFromOffset(io.RawIOBase):
    """A WAV or AIFF file as if it began part-way through its sound.

    Reads as the file's own header (its size fields corrected) followed by the sound from the
    chosen frame on, which is read from the file only when SDL asks for it: nothing is copied
    or decoded ahead. Chunks after the sound (tags) are left out.
    """

    def __init__(self, path: Path, header: bytes, data_start: int, data_end: int) -> None:
        super().__init__()
        self._file = path.open("rb")
        self._header = header
        self._data_start = data_start
        self._length = len(header) + max(0, data_end - data_start)
        self._pos = 0

    @classmethod
    def open(cls, path: Path, start: float, fmt: str) -> _PcmFromOffset:
        with path.open("rb") as f:
            try:
                data = _wav_layout(f, start) if fmt == WAV else _aiff_layout(f, start)
            except struct.error:  # cut off since it was loaded
                data = None
        if data is None:
            raise AudioError(NO_START_PART_WAY)
        return cls(path, *data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._length}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        wanted = min(len(view), max(0, self._length - self._pos))
        done = 0
        if self._pos < len(self._header) and wanted:
            part = self._header[self._pos : self._pos + wanted]
            view[: len(part)] = part
            done = len(part)
        if done < wanted:
            self._file.seek(self._data_start + self._pos + done - len(self._header))
            done += self._file.readinto(view[done:wanted]) or 0
        self._pos += done
        return done

    def close(self) -> None:
        self._file.close()
        super().close()


def _wav_layout(f: BinaryIO, start: float) -> tuple[bytes, int, int] | None:
    """(header with sizes corrected, first byte of sound to play, end of sound) of a WAV."""
    size = f.seek(0, io.SEEK_END)
    pos, fmt = 12, b""
    while pos + 8 <= size:
        f.seek(pos)
        chunk_id, length = struct.unpack("<4sI", f.read(8))
        if chunk_id == b"fmt ":
            fmt = f.read(min(length, 16))
        elif chunk_id == b"data":
            break
        pos += 8 + length + (length & 1)
    else:
        return None
    if len(fmt) < 16:
        return None
    byte_rate, block_align = struct.unpack("<IH", fmt[8:14])
    if byte_rate <= 0 or block_align <= 0:
        return None
    data_start = pos + 8
    present = min(length, size - data_start) // block_align * block_align
    skip = min(present, int(start * byte_rate) // block_align * block_align)
    f.seek(0)
    header = bytearray(f.read(data_start))
    header[data_start - 4 : data_start] = struct.pack("<I", present - skip)
    header[4:8] = struct.pack("<I", data_start - 8 + present - skip)
    return bytes(header), data_start + skip, data_start + present


_AIFC_PCM: Final = frozenset({b"NONE", b"sowt", b"twos", b"raw ", b"in24", b"in32", b"fl32"})


def _aiff_layout(f: BinaryIO, start: float) -> tuple[bytes, int, int] | None:
    """The same for AIFF: COMM's frame count and SSND's size are corrected."""
    size = f.seek(0, io.SEEK_END)
    f.seek(8)
    form_type = f.read(4)
    pos, comm_at, comm = 12, 0, b""
    while pos + 8 <= size:
        f.seek(pos)
        chunk_id, length = struct.unpack(">4sI", f.read(8))
        if chunk_id == b"COMM":
            comm_at, comm = pos + 8, f.read(min(length, 22))
        elif chunk_id == b"SSND":
            break
        pos += 8 + length + (length & 1)
    else:
        return None
    if len(comm) < 18 or (form_type == b"AIFC" and comm[18:22] not in _AIFC_PCM):
        return None  # COMM after the sound, or compressed sound: frames cannot be counted
    channels, frames, bits = struct.unpack(">HIH", comm[0:8])
    exponent = int.from_bytes(comm[8:10], "big") & 0x7FFF
    rate = int.from_bytes(comm[10:18], "big") * 2.0 ** (exponent - 16383 - 63)
    frame_bytes = channels * ((bits + 7) // 8)
    f.seek(pos + 8)
    (offset,) = struct.unpack(">I", f.read(4))
    sound_start = pos + 16 + offset
    if frame_bytes <= 0 or rate <= 0 or sound_start > size:
        return None
    present = min(frames, (size - sound_start) // frame_bytes)
    skip = min(present, int(start * rate))
    left = (present - skip) * frame_bytes
    f.seek(0)
    header = bytearray(f.read(sound_start))
    header[comm_at + 2 : comm_at + 6] = struct.pack(">I", present - skip)
    header[pos + 4 : pos + 8] = struct.pack(">I", 8 + offset + left)
    header[4:8] = struct.pack(">I", sound_start - 8 + left)
    return bytes(header), sound_start + skip * frame_bytes, sound_start + present * frame_bytes


class PygameBackend:
    """The sound device, opened on construction; :meth:`close` releases it.

    pygame's mixer is one per process: only one backend may be open at a time. Raises
    :class:`AudioError` when the device cannot be opened (no sound card, device busy...).
    """

    def __init__(
        self,
        *,
        frequency: int = FREQUENCY,
        buffer: int = BUFFER_FRAMES,
        clock: Clock | None = None,
    ) -> None:
        if pygame.mixer.get_init() is not None:
            raise AudioError(ALREADY_OPEN)
        try:
            pygame.mixer.init(
                frequency=frequency, size=-16, channels=2, buffer=buffer, allowedchanges=0
            )
        except pygame.error as error:
            raise AudioError(NOT_OPENED.format(error=str(error))) from error
        pygame.mixer.set_reserved(BED_CHANNEL + 1)
        self._device = _Device(clock or SystemClock())
        self._music = MusicLayer(self._device)
        self._bed = BedLayer(self._device, pygame.mixer.Channel(BED_CHANNEL))

    @property
    def music(self) -> MusicLayer:
        return self._music

    @property
    def bed(self) -> BedLayer:
        return self._bed

    @property
    def closed(self) -> bool:
        return not self._device.open

    def close(self) -> None:
        """Stop both layers at once and close the mixer. Closing twice is harmless."""
        if not self._device.open:
            return
        try:
            pygame.mixer.music.stop()
            pygame.mixer.stop()
        finally:
            self._device.open = False
            pygame.mixer.quit()
            self._music._close_from_offset()
