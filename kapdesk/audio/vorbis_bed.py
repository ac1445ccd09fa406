"""An Ogg Vorbis bed decoded straight into the buffer it will play from, one block at a time.

Asked for a whole Ogg file (``pygame.mixer.Sound``), SDL_mixer 2.6 decodes it into a list of
4 KB pieces, then copies them into one buffer and frees them: while a bed loads, its sound is
held twice (the 75 s rain bed: 13 MB decoded, 26 MB at the peak), and the freed pieces stay in
the process's heap afterwards. Decoding into the sound's own buffer holds it once.

The decoder is the libvorbisfile SDL_mixer itself decodes Ogg with, already loaded into this
process beside it (found among the process's mapped files; Linux), called through ctypes with
the arguments SDL_mixer passes (``ov_read``: 16-bit, signed, the machine's byte order): the
samples are the very ones SDL_mixer would have made. Whenever that cannot be promised, the
backend lets SDL_mixer load the file as before: no such library loaded here
(:meth:`VorbisDecoder.find` returns None), a file of more than one Vorbis stream or one it
cannot open (:meth:`VorbisDecoder.open` returns None), a stream shorter or longer than it
declared (:meth:`VorbisStream.read_into` returns False), or one not in the mixer's format,
which SDL_mixer would convert (the backend checks).

No pygame here (the pygame backend is the only module importing it): the backend makes the
buffer, this module fills it.
"""

from __future__ import annotations

import ctypes
import mmap
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import Any, Final

# OggVorbis_File is 944 bytes in 64-bit libvorbisfile 1.3; it is only ever passed by pointer.
_FILE_STRUCT_BYTES: Final = 4096
_SAMPLE_BYTES: Final = 2  # ov_read's 16-bit words, as SDL_mixer asks for them
_BLOCK_BYTES: Final = 64 * 1024  # the most one ov_read may write (it writes at most a packet)
_MAPS: Final = Path("/proc/self/maps")


class _VorbisInfo(ctypes.Structure):
    """The head of libvorbis's ``vorbis_info`` (the fields read here)."""

    _fields_ = [("version", ctypes.c_int), ("channels", ctypes.c_int), ("rate", ctypes.c_long)]


def _loaded_library(maps: Path = _MAPS) -> str | None:
    """The path of the libvorbisfile mapped into this process (SDL_mixer's), or None."""
    try:
        lines = maps.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:  # not Linux, or no /proc
        return None
    for line in lines:
        path = line.split(maxsplit=5)[5:]
        if path and os.path.basename(path[0]).startswith("libvorbisfile"):
            return path[0]
    return None


class VorbisDecoder:
    """libvorbisfile, as SDL_mixer loaded it. :meth:`find` returns None when it is not loaded."""

    def __init__(self, library: Any) -> None:
        c_void_p, c_int = ctypes.c_void_p, ctypes.c_int
        library.ov_fopen.argtypes = [ctypes.c_char_p, c_void_p]
        library.ov_fopen.restype = c_int
        library.ov_clear.argtypes = [c_void_p]
        library.ov_clear.restype = c_int
        library.ov_streams.argtypes = [c_void_p]
        library.ov_streams.restype = ctypes.c_long
        library.ov_info.argtypes = [c_void_p, c_int]
        library.ov_info.restype = ctypes.POINTER(_VorbisInfo)
        library.ov_pcm_total.argtypes = [c_void_p, c_int]
        library.ov_pcm_total.restype = ctypes.c_int64
        library.ov_read.argtypes = [
            c_void_p,
            c_void_p,
            c_int,
            c_int,
            c_int,
            c_int,
            ctypes.POINTER(c_int),
        ]
        library.ov_read.restype = ctypes.c_long
        self._library = library

    @classmethod
    def find(cls, maps: Path = _MAPS) -> VorbisDecoder | None:
        """The decoder SDL_mixer has loaded into this process, or None (not loaded, not Linux,
        or a library without the functions called here)."""
        path = _loaded_library(maps)
        if path is None:
            return None
        try:
            return cls(ctypes.CDLL(path))
        except (OSError, AttributeError):
            return None

    def open(self, path: Path) -> VorbisStream | None:
        """The file as one Vorbis stream, or None when it is not one this decoder opens."""
        handle = ctypes.create_string_buffer(_FILE_STRUCT_BYTES)
        if self._library.ov_fopen(os.fsencode(path), handle) != 0:
            return None  # ov_fopen leaves nothing open when it fails
        stream = VorbisStream(self._library, handle)
        if self._library.ov_streams(handle) != 1:
            stream.close()
            return None
        return stream


class VorbisStream:
    """One open Ogg Vorbis stream; close it (or use ``with``) when done."""

    def __init__(self, library: Any, handle: ctypes.Array[ctypes.c_char]) -> None:
        self._library = library
        self._handle: ctypes.Array[ctypes.c_char] | None = handle
        info = library.ov_info(handle, -1).contents
        self.channels: int = info.channels
        self.rate: int = info.rate
        self.frames: int = max(0, library.ov_pcm_total(handle, -1))

    @property
    def size(self) -> int:
        """Bytes of 16-bit samples the whole stream decodes to."""
        return self.frames * self.channels * _SAMPLE_BYTES

    def read_into(self, buffer: Any) -> bool:
        """Decode the whole stream into ``buffer`` (writable, :attr:`size` bytes): True when it
        filled it exactly and the stream ended there, False otherwise (damaged, or not the
        length it declared: the buffer is then not the file's sound)."""
        if self._handle is None:
            raise ValueError("the stream is closed")
        size = self.size
        with memoryview(buffer) as view:
            if view.readonly or view.nbytes != size or not view.c_contiguous:
                raise ValueError("the buffer must be writable, contiguous and of the stream's size")
            target = (ctypes.c_char * size).from_buffer(view)
            try:
                return self._decode(ctypes.addressof(target), size)
            finally:
                del target  # before the view is released: it holds the buffer too

    def _decode(self, address: int, size: int) -> bool:
        read = self._library.ov_read
        handle = self._handle
        big_endian = int(sys.byteorder == "big")
        section = ctypes.c_int()
        done = 0
        while done < size:
            got = read(
                handle,
                address + done,
                min(size - done, _BLOCK_BYTES),
                big_endian,
                _SAMPLE_BYTES,
                1,
                ctypes.byref(section),
            )
            if got <= 0:
                return False  # ended early (0), or a hole or a damaged packet (< 0)
            done += got
        spare = ctypes.create_string_buffer(_SAMPLE_BYTES * max(1, self.channels))
        end = read(handle, spare, len(spare), big_endian, _SAMPLE_BYTES, 1, ctypes.byref(section))
        return bool(end == 0)

    def close(self) -> None:
        if self._handle is not None:
            self._library.ov_clear(self._handle)
            self._handle = None

    def __enter__(self) -> VorbisStream:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def blank_buffer(size: int) -> mmap.mmap:
    """``size`` bytes of zeros that take no memory until written: fresh private pages, which
    the kernel maps to its one page of zeros while they are only read (a copy of them costs
    the copy alone). Raises MemoryError when the system has no room for them."""
    try:
        return mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE)
    except OSError as error:
        raise MemoryError(str(error)) from error
