"""Whether a sound file is whole: its frames and pages checked from their bytes, not decoded.

A copy or download cut off part-way, or a file of repeated headers with no sound behind them,
reads as a good file to its tags; SDL then fails on it, or goes silent, in the middle of a
session. These checks read a few kilobytes (the first MP3 frames, the last Ogg pages and FLAC
frames) so :mod:`kapdesk.audio.probe` can refuse such a file before it is played.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any, BinaryIO, Final

# --- MP3 --------------------------------------------------------------------------------------

_MP3_BITRATES: Final = {  # kbit/s by bitrate index; (MPEG-1 Layer III, MPEG-2/2.5 Layer III)
    True: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    False: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MP3_RATES: Final = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_MP3_FRAMES_CHECKED: Final = 32


class _Bits:
    """Reads big-endian bit fields from bytes (for an MP3 frame's side information)."""

    def __init__(self, data: bytes) -> None:
        self._value = int.from_bytes(data, "big")
        self._left = len(data) * 8

    def take(self, count: int) -> int:
        self._left -= count
        return (self._value >> self._left) & ((1 << count) - 1)


def _mp3_side_info_ok(side: bytes, mpeg1: bool, channels: int) -> tuple[bool, int]:
    """(whether a Layer III frame's side information is one a decoder accepts, main_data_begin).

    The checks are mpg123's: no granule with more than 288 big values, no window switching
    with block type 0. A file of repeated frame headers fails them on every frame.
    """
    bits = _Bits(side)
    main_data_begin = bits.take(9 if mpeg1 else 8)
    bits.take((5 if channels == 1 else 3) if mpeg1 else (1 if channels == 1 else 2))
    if mpeg1:
        bits.take(4 * channels)  # scfsi
    for _granule in range(2 if mpeg1 else 1):
        for _channel in range(channels):
            bits.take(12)  # part2_3_length
            if bits.take(9) > 288:  # big_values
                return False, main_data_begin
            bits.take(8)  # global gain
            bits.take(4 if mpeg1 else 9)  # scalefac_compress
            if bits.take(1):  # window switching
                if bits.take(2) == 0:  # block type 0 is not allowed here
                    return False, main_data_begin
                bits.take(1 + 10 + 9)
            else:
                bits.take(15 + 4 + 3)
            bits.take(3 if mpeg1 else 2)
    return True, main_data_begin


def mp3_frames_decode(path: Path, offset: int) -> bool:
    """Whether the first frames from ``offset`` hold sound a decoder can read (Layer III).

    Frames are followed header to header; each Layer III frame's side information must pass
    :func:`_mp3_side_info_ok` and start its data within the bytes the frames before it left
    (the bit reservoir). At least half of the frames checked must. Layers I and II, and free
    bitrate streams, are taken as they are.
    """
    with path.open("rb") as f:
        f.seek(offset)
        data = f.read(_MP3_FRAMES_CHECKED * 1441 + 4)
    pos = checked = decodable = reservoir = 0
    first: tuple[int, int] | None = None
    while checked < _MP3_FRAMES_CHECKED and pos + 4 <= len(data):
        b0, b1, b2, b3 = data[pos : pos + 4]
        version, layer = (b1 >> 3) & 3, (b1 >> 1) & 3
        bitrate_index, rate_index = b2 >> 4, (b2 >> 2) & 3
        if b0 != 0xFF or b1 & 0xE0 != 0xE0 or version == 1 or rate_index == 3:
            break
        if layer != 1 or bitrate_index == 0:  # not Layer III, or free bitrate: not judged
            return True
        if bitrate_index == 15 or (first is not None and first != (version, rate_index)):
            break
        first = (version, rate_index)
        mpeg1 = version == 3
        rate = _MP3_RATES[version][rate_index]
        bitrate = _MP3_BITRATES[mpeg1][bitrate_index] * 1000
        length = (144 if mpeg1 else 72) * bitrate // rate + ((b2 >> 1) & 1)
        channels = 1 if b3 >> 6 == 3 else 2
        side_length = (17 if channels == 1 else 32) if mpeg1 else (9 if channels == 1 else 17)
        side_start = pos + 4 + (0 if b1 & 1 else 2)
        side = data[side_start : side_start + side_length]
        if len(side) < side_length:
            break
        ok, begin = _mp3_side_info_ok(side, mpeg1, channels)
        checked += 1
        if ok and begin <= reservoir:
            decodable += 1
        reservoir = min(reservoir + max(length - (side_start - pos) - side_length, 0), 511)
        pos += length
    return checked == 0 or (decodable > 0 and 2 * decodable >= checked)


# --- Ogg (Vorbis, Opus) -----------------------------------------------------------------------

_OGG_MAX_PAGE: Final = 27 + 255 + 255 * 255
_BITSWAP: Final = bytes(int(f"{i:08b}"[::-1], 2) for i in range(256))


def _ogg_page_length(data: bytes, pos: int) -> int | None:
    """Length of the Ogg page at ``pos``; -1 if its header is cut off; None if none starts there."""
    if data[pos : pos + 4] != b"OggS":
        return None
    if pos + 27 > len(data):
        return -1
    segments = data[pos + 26]
    if pos + 27 + segments > len(data):
        return -1
    return 27 + segments + sum(data[pos + 27 : pos + 27 + segments])


def _ogg_crc_ok(page: bytes) -> bool:
    zeroed = page[:22] + b"\0\0\0\0" + page[26:]
    crc = (~zlib.crc32(zeroed.translate(_BITSWAP), -1)) & 0xFFFFFFFF
    return crc.to_bytes(4, "big").translate(_BITSWAP) == page[22:26]


def ogg_cut_short(f: BinaryIO, size: int) -> bool:
    """True when the file ends part-way through an Ogg page (a copy or download cut off)."""
    window = min(size, 2 * _OGG_MAX_PAGE)
    f.seek(size - window)
    tail = f.read(window)
    # Find a whole page with a good checksum, then walk page by page to the end of the file.
    pos = tail.find(b"OggS")
    while pos != -1:
        length = _ogg_page_length(tail, pos)
        if (
            length is not None
            and 0 < length <= len(tail) - pos
            and _ogg_crc_ok(tail[pos : pos + length])
        ):
            break
        pos = tail.find(b"OggS", pos + 1)
    else:
        return True
    while pos < len(tail):
        length = _ogg_page_length(tail, pos)
        if length is None:
            rest = tail[pos : pos + 4]
            return b"OggS".startswith(
                rest
            )  # the next page's header cut off, or other trailing data
        if length < 0 or pos + length > len(tail):
            return True
        pos += length
    return False


# --- FLAC -------------------------------------------------------------------------------------


def _crc8_table() -> bytes:
    table = bytearray(256)
    for i in range(256):
        crc = i
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
        table[i] = crc
    return bytes(table)


_CRC8: Final = _crc8_table()


def _flac_frame(data: bytes, pos: int, fixed_blocksize: int) -> tuple[int, int] | None:
    """(first sample, sample after the last) of the FLAC frame whose header starts at ``pos``,
    or None if no valid frame header (checked with its CRC-8) starts there."""
    if len(data) < pos + 6 or data[pos] != 0xFF or data[pos + 1] not in (0xF8, 0xF9):
        return None
    block_code, rate_code = data[pos + 2] >> 4, data[pos + 2] & 0x0F
    channels, depth, reserved = data[pos + 3] >> 4, (data[pos + 3] >> 1) & 7, data[pos + 3] & 1
    if block_code == 0 or rate_code == 0x0F or channels > 10 or depth == 3 or reserved:
        return None
    coded = _flac_coded_number(data, pos + 4)
    if coded is None:
        return None
    number, i = coded
    blocksize, i = _flac_blocksize(data, i, block_code)
    if rate_code == 12:
        i += 1
    elif rate_code in (13, 14):
        i += 2
    if i >= len(data):
        return None
    crc = 0
    for byte in data[pos:i]:
        crc = _CRC8[crc ^ byte]
    if crc != data[i]:
        return None
    first = number if data[pos + 1] == 0xF9 else number * fixed_blocksize
    return first, first + blocksize


def _flac_coded_number(data: bytes, i: int) -> tuple[int, int] | None:
    """The frame or sample number coded at ``i`` (as UTF-8 codes a character), and where the
    header goes on after it; None if no such number is coded there."""
    lead = data[i]
    ones = 8 - (~lead & 0xFF).bit_length()  # leading 1 bits: how many bytes code the number
    if ones in (1, 8):
        return None
    count = max(ones - 1, 0)
    number = lead & (0x7F >> ones)
    if len(data) < i + 1 + count:
        return None
    for byte in data[i + 1 : i + 1 + count]:
        if byte & 0xC0 != 0x80:
            return None
        number = (number << 6) | (byte & 0x3F)
    return number, i + 1 + count


def _flac_blocksize(data: bytes, i: int, block_code: int) -> tuple[int, int]:
    """The frame's number of samples, and where the header goes on after it (at ``i``, the
    size may be written out in one or two bytes)."""
    if block_code == 6:
        return data[i] + 1, i + 1
    if block_code == 7:
        return int.from_bytes(data[i : i + 2], "big") + 1, i + 2
    if block_code == 1:
        return 192, i
    if block_code <= 5:
        return 576 << (block_code - 2), i
    return 256 << (block_code - 8), i


def flac_end_sample(f: BinaryIO, size: int, info: Any) -> int:
    """The last sample the frames at the end of the file reach.

    Frame headers are recognised by their sync code and CRC-8, and trusted only when another
    frame ends where they start (or they start the stream), so stray bytes in the sound data
    (or in a cover picture) are not taken for a frame.
    """
    max_frame = int(info.max_framesize or 0)
    window = min(size, max(3 * max_frame, 1 << 16) if max_frame else 1 << 20)
    f.seek(size - window)
    tail = f.read(window)
    fixed = int(info.max_blocksize)
    frames: list[tuple[int, int]] = []
    pos = tail.find(b"\xff")
    while pos != -1:
        frame = _flac_frame(tail, pos, fixed)
        if frame is not None:
            frames.append(frame)
        pos = tail.find(b"\xff", pos + 1)
    ends = {end for _, end in frames}
    reached = [end for start, end in frames if start == 0 or start in ends]
    return max(reached, default=0)
