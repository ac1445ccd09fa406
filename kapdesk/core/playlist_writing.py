"""Writing playlists: extended M3U/M3U8, PLS (version 2) or XSPF, all UTF-8.

Through a temporary file and :func:`os.replace`, so a crash never leaves half a playlist.
"""

from __future__ import annotations

import math
import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote_from_bytes
from xml.sax.saxutils import escape

from kapdesk.core.playlist_files import XSPF_NAMESPACE
from kapdesk.core.playlist_locations import ON_WINDOWS
from kapdesk.core.playlists import (
    PlaylistEntry,
    PlaylistError,
    PlaylistFormat,
    named_format,
    playlist_format,
)
from kapdesk.core.safe_files import SafeFileError, write_file
from kapdesk.core.words import QT_TRANSLATE_NOOP

UNKNOWN_FORMAT = QT_TRANSLATE_NOOP(
    "PlaylistWriting",
    "cannot tell the playlist format from the name {name}; use .m3u, .m3u8, .pls or .xspf",
)


def write_playlist(
    entries: Iterable[PlaylistEntry],
    target: Path,
    *,
    fmt: PlaylistFormat | str | None = None,
    relative: bool = True,
    title: str = "",
    kept: Iterable[Path] = (),
    force: bool = False,
) -> None:
    """Write ``entries`` to ``target`` as a playlist, atomically.

    As every file kapdesk writes where it is asked (:func:`kapdesk.core.safe_files.write_file`):
    never into ``kept`` (kapdesk's own places), never over a device, pipe or folder, and over
    an existing playlist only with ``force``.

    The format is ``fmt``, else the target's extension. Every format is written as UTF-8 —
    ``.m3u`` too, which is what current players expect (some very old ones assume the Windows
    code page). With ``relative``, paths are written relative to the target's folder (with
    ``/``) when the two share a folder below the root, else absolute. Entries without a path
    (a stream URL, a Windows path from elsewhere) are written with their original location.

    M3U and PLS keep whole seconds, and write a label ``Artist - Title``, which is read back
    split at its first `` - ``. A path that could not be read back as plain text (a name with
    control characters, trailing blanks, or bytes that are not UTF-8) is written as a
    percent-encoded ``file://`` URL. Raises :class:`PlaylistError` with a plain message when
    the file cannot be written; the file that was there before is then left as it was.
    """
    chosen = named_format(fmt) or playlist_format(target)
    if chosen is None:
        raise PlaylistError(UNKNOWN_FORMAT.format(name=repr(target.name)))
    base_dir = Path(os.path.abspath(target)).parent if relative else None
    text = format_playlist(entries, chosen, base_dir=base_dir, title=title)
    try:
        write_file(target, text.encode("utf-8"), kept=kept, force=force, mode=None)
    except SafeFileError as error:
        raise PlaylistError(error.args[0]) from None  # its words, to be said in any language


def format_playlist(
    entries: Iterable[PlaylistEntry],
    fmt: PlaylistFormat | str,
    *,
    base_dir: Path | None = None,
    title: str = "",
) -> str:
    """The text of a playlist; paths relative to ``base_dir`` where possible (None: absolute)."""
    chosen = named_format(fmt)
    base = os.path.abspath(base_dir) if base_dir is not None else None
    if chosen is PlaylistFormat.PLS:
        return _format_pls(list(entries), base)
    if chosen is PlaylistFormat.XSPF:
        return _format_xspf(list(entries), base, title)
    return _format_m3u(list(entries), base, title)


def _format_m3u(entries: list[PlaylistEntry], base: str | None, title: str) -> str:
    lines = ["#EXTM3U"]
    if title := _clean(title):
        lines.append(f"#PLAYLIST:{title}")
    for entry in entries:
        label = _label(entry)
        if label or entry.duration is not None:
            lines.append(f"#EXTINF:{_whole_seconds(entry.duration)},{label}")
        lines.append(_plain_location(entry, base))
    return "\n".join(lines) + "\n"


def _format_pls(entries: list[PlaylistEntry], base: str | None) -> str:
    lines = ["[playlist]"]
    for number, entry in enumerate(entries, start=1):
        lines.append(f"File{number}={_plain_location(entry, base)}")
        if label := _label(entry):
            lines.append(f"Title{number}={label}")
        lines.append(f"Length{number}={_whole_seconds(entry.duration)}")
    lines += [f"NumberOfEntries={len(entries)}", "Version=2"]
    return "\n".join(lines) + "\n"


def _format_xspf(entries: list[PlaylistEntry], base: str | None, title: str) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<playlist version="1" xmlns="{XSPF_NAMESPACE}">',
    ]
    if title := _clean(title):
        lines.append(f"  <title>{escape(title)}</title>")
    lines.append("  <trackList>")
    for entry in entries:
        lines.append("    <track>")
        lines.append(f"      <location>{escape(_uri_location(entry, base))}</location>")
        if text := _clean(entry.title):
            lines.append(f"      <title>{escape(text)}</title>")
        if text := _clean(entry.artist):
            lines.append(f"      <creator>{escape(text)}</creator>")
        if entry.duration is not None and math.isfinite(entry.duration):
            lines.append(f"      <duration>{max(0, round(entry.duration * 1000))}</duration>")
        lines.append("    </track>")
    lines += ["  </trackList>", "</playlist>"]
    return "\n".join(lines) + "\n"


def _clean(text: str) -> str:
    """Text safe on one line of any format: no control characters, no lone surrogates, nothing
    XML 1.0 forbids."""
    return "".join(
        " "
        if unicodedata.category(c) == "Cc"
        else "\ufffd"
        if "\ud800" <= c <= "\udfff" or c in "\ufffe\uffff"
        else c
        for c in text
    ).strip()


def _label(entry: PlaylistEntry) -> str:
    artist, title = _clean(entry.artist), _clean(entry.title)
    return f"{artist} - {title}" if artist and title else artist or title


def _whole_seconds(duration: float | None) -> int:
    if duration is None or not math.isfinite(duration) or duration < 0:
        return -1
    return round(duration)


def _relative_text(path: str, base: str) -> str | None:
    """``path`` relative to ``base`` with ``/``, if the two share a folder below the root."""
    try:
        common = os.path.commonpath([path, base])
    except ValueError:  # different drives
        return None
    if os.path.dirname(common) == common:  # only the root in common
        return None
    return os.path.relpath(path, base).replace(os.sep, "/")


def _reads_back(text: str) -> bool:
    """Whether ``text`` written on a line of M3U or PLS is read back as the same path."""
    if text != text.strip() or any(unicodedata.category(c) == "Cc" for c in text):
        return False
    if not ON_WINDOWS and "\\" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain_location(entry: PlaylistEntry, base: str | None) -> str:
    if entry.path is None:
        return _clean(entry.location)
    absolute = os.path.abspath(entry.path)
    relative = _relative_text(absolute, base) if base is not None else None
    if relative is not None:
        first = relative.split("/", 1)[0]
        # Keep a comment sign, a home-folder sign, a leading blank or a "scheme:" from
        # changing how the line is read.
        if relative[0] in "#~;" or relative[0].isspace() or ":" in first:
            relative = f"./{relative}"
        if _reads_back(relative):
            return relative
    if _reads_back(absolute):
        return absolute
    return Path(absolute).as_uri()


def _uri_location(entry: PlaylistEntry, base: str | None) -> str:
    if entry.path is None:
        return _clean(entry.location)
    absolute = os.path.abspath(entry.path)
    relative = _relative_text(absolute, base) if base is not None else None
    if relative is not None:
        return quote_from_bytes(os.fsencode(relative), safe="/")  # ":" too: it is no scheme
    return Path(absolute).as_uri()
