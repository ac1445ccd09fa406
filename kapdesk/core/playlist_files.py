"""Playlist files: reading M3U, M3U8, PLS and XSPF playlists.

Playlists reach the treatment room from everywhere: Winamp on a clinic laptop, VLC, a phone
app, a music therapist's script. Reading one never stops at a bad line. Every entry keeps its
place and carries what is wrong with it (``missing: /music/a.mp3``, a stream URL, a Windows
path), and lines that are no entry at all become :class:`PlaylistProblem` s with their line
number. Only a file that cannot be read, or that is no playlist at all, raises: one
:class:`PlaylistError` with a plain message, never another exception type.

What is read:

- M3U and M3U8, plain or extended (``#EXTM3U``, ``#EXTINF:<seconds>[ attributes],<label>``,
  ``#PLAYLIST:<title>``; other ``#`` lines are comments). A label ``Artist - Title`` is split at
  its first `` - ``.
- PLS (``[playlist]``, ``FileN=``, ``TitleN=``, ``LengthN=``, ``NumberOfEntries=``,
  ``Version=``): keys in any case, entries in the order of N, gaps allowed.
- XSPF (``http://xspf.org/ns/0/``): ``<track>`` with ``<location>`` (a URI; of several, the
  first that names an existing file), ``<title>``, ``<creator>`` and ``<duration>`` (ms).

Locations are found as :mod:`kapdesk.core.playlist_locations` says. Lengths that are not
numbers are ignored (with a problem noted); ``-1`` means unknown.

Text encodings: ``.m3u8`` is UTF-8. ``.m3u`` and ``.pls`` are tried as UTF-8 (with or without a
byte-order mark), as UTF-16/32 when they start with that mark, then as Windows-1252 (with
Latin-1 for the five bytes it leaves undefined), which cannot fail. XSPF follows its XML
declaration.

Writing them is :mod:`kapdesk.core.playlist_writing`; what a playlist is, its entries and
problems, is :mod:`kapdesk.core.playlists`.
"""

from __future__ import annotations

import codecs
import math
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from kapdesk.core.playlist_locations import resolve_location
from kapdesk.core.playlists import (
    PlaylistEntry,
    PlaylistError,
    PlaylistFile,
    PlaylistFormat,
    PlaylistProblem,
    named_format,
    playlist_format,
)
from kapdesk.core.safe_files import PLAYLIST_LIMIT, SafeFileError, read_file
from kapdesk.core.words import QT_TRANSLATE_NOOP

#: A line longer than this is no file name; it is reported and skipped.
MAX_LINE = 4096
#: A file larger than this is not read as a playlist at all.
MAX_BYTES = PLAYLIST_LIMIT
MAX_DEPTH = 32  # XSPF needs 5 levels; deeper nesting is refused, not walked
XSPF_NAMESPACE = "http://xspf.org/ns/0/"

# Why a file is no playlist kapdesk can read, said to staff (the library page's import).
EMPTY = QT_TRANSLATE_NOOP("PlaylistFiles", "{name} is empty")
AUDIO_FILE = QT_TRANSLATE_NOOP("PlaylistFiles", "{name} is an audio file, not a playlist")
NO_FILE_NAMES = QT_TRANSLATE_NOOP(
    "PlaylistFiles",
    "{name} does not look like a playlist: {count} of its lines are no file names ({first})",
)
NO_PLS = QT_TRANSLATE_NOOP(
    "PlaylistFiles", "{name} does not look like a playlist: no [playlist] and no File1="
)
NOT_XML = QT_TRANSLATE_NOOP("PlaylistFiles", "{name} is not valid XML: line {line}: {reason}")
UNKNOWN_ENCODING = QT_TRANSLATE_NOOP(
    "PlaylistFiles", "{name} declares a text encoding kapdesk does not know ({error})"
)
UNREADABLE_XML = QT_TRANSLATE_NOOP("PlaylistFiles", "{name} cannot be read as XML: {error}")
TOO_DEEP = QT_TRANSLATE_NOOP(
    "PlaylistFiles",
    "{name} nests its XML more than {levels} levels deep (line {line}); it is not an XSPF playlist",
)
NOT_XSPF = QT_TRANSLATE_NOOP(
    "PlaylistFiles", "{name} is XML but not an XSPF playlist (it starts with <{element}>)"
)
PLAYLIST_FILE = QT_TRANSLATE_NOOP("PlaylistFiles", "playlist file")
LONG_LINE = QT_TRANSLATE_NOOP(
    "PlaylistFiles", "a line of {count} characters, too long to be a file name; skipped"
)
CONTROL_CHARACTERS = QT_TRANSLATE_NOOP(
    "PlaylistFiles", "control characters (binary data?) where a file name should be; skipped"
)
ENTITIES = QT_TRANSLATE_NOOP(
    "PlaylistFiles", "{name} declares XML entities, which kapdesk does not read"
)

# --- reading -----------------------------------------------------------------------------------


def read_playlist(path: Path) -> PlaylistFile:
    """Read the playlist file at ``path``; relative entries are found from its folder.

    The format comes from the extension; a file with another extension (or whose contents are
    plainly another format) is recognised by its contents. Raises :class:`PlaylistError` only.
    """
    source = str(path)
    try:  # a regular file only (never a FIFO or a device), and no larger than a playlist gets
        data = read_file(path, limit=MAX_BYTES, what=PLAYLIST_FILE)
    except SafeFileError as error:
        raise PlaylistError(error.args[0]) from None  # its words, to be said in any language
    base_dir = Path(os.path.abspath(path)).parent
    return parse_playlist(data, fmt=playlist_format(path), base_dir=base_dir, source=source)


def parse_playlist(
    data: str | bytes,
    *,
    fmt: PlaylistFormat | str | None = None,
    base_dir: Path | None = None,
    source: str = "",
) -> PlaylistFile:
    """Read a playlist held in memory.

    ``fmt`` is the format the name suggests (None: tell by the contents). Relative entries are
    found from ``base_dir``; without one they get a problem. ``source`` names the playlist in
    messages. Raises :class:`PlaylistError` only.
    """
    name = source or "the playlist"
    wanted = named_format(fmt)
    bad_utf8_line: int | None = None
    if isinstance(data, bytes):
        _reject_audio(data, name)
        text, bad_utf8_line = _decode(data)
    else:
        text = data.removeprefix("\ufeff")
    text = text.rstrip("\x1a")  # the DOS end-of-file mark some old tools add
    if not text.strip():
        raise PlaylistError(EMPTY.format(name=name))

    problems: list[PlaylistProblem] = []
    sniffed = _sniff(text)
    chosen = wanted or sniffed or PlaylistFormat.M3U
    if wanted and sniffed and _family(sniffed) is not _family(wanted):
        problems.append(
            PlaylistProblem(
                None,
                f"the name says {wanted.name} but it holds a {sniffed.name} playlist; "
                f"read as {sniffed.name}",
            )
        )
        chosen = sniffed
    if base_dir is not None:
        base_dir = Path(os.path.abspath(base_dir))

    if chosen is PlaylistFormat.XSPF:
        return _XspfReader(name, source, base_dir, problems).read(data)
    if bad_utf8_line is not None and chosen is PlaylistFormat.M3U8:
        problems.append(
            PlaylistProblem(
                bad_utf8_line,
                "not valid UTF-8, as an .m3u8 file should be; read as Windows-1252",
            )
        )
    if chosen is PlaylistFormat.PLS:
        return _read_pls(text, name, source, base_dir, problems)
    return _read_m3u(text, chosen, name=name, source=source, base_dir=base_dir, problems=problems)


def _family(fmt: PlaylistFormat) -> PlaylistFormat:
    return PlaylistFormat.M3U if fmt is PlaylistFormat.M3U8 else fmt


_AUDIO_MAGIC = (b"ID3", b"fLaC", b"OggS", b"RIFF", b"FORM", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")


def _reject_audio(data: bytes, name: str) -> None:
    # Audio headers hold NUL bytes within their first bytes; a playlist naming "ID3 test.mp3"
    # on its first line does not.
    looks_like_audio = data.startswith(_AUDIO_MAGIC) or data[4:8] == b"ftyp"
    if looks_like_audio and b"\x00" in data[:64]:
        raise PlaylistError(AUDIO_FILE.format(name=name))


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes) -> tuple[str, int | None]:
    """The text of a playlist, and the first line that is not UTF-8 (None if all of it is)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # A file that announces its encoding and then breaks it: keep what can be read.
            return data.decode(encoding, errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        bad_line = data.count(b"\n", 0, error.start) + 1
    # Windows-1252, with Latin-1 for the five bytes it leaves undefined (0x81, 0x8D, ...).
    text = data.decode("cp1252", errors="surrogateescape")
    return _ESCAPED_BYTE.sub(lambda m: chr(ord(m.group()) - 0xDC00), text), bad_line


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _sniff(text: str) -> PlaylistFormat | None:
    """The format the contents announce, if they announce one."""
    head = text.lstrip()[:16].lower()
    if head.startswith("[playlist]"):
        return PlaylistFormat.PLS
    if head.startswith("<"):
        return PlaylistFormat.XSPF
    if head.startswith("#extm3u"):
        return PlaylistFormat.M3U
    return None


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _lines(text: str) -> Iterable[tuple[int, str]]:
    """(line number, stripped text) of each non-blank line."""
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        line = raw.strip()
        if line:
            yield number, line


def _junk(text: str) -> str | None:
    """Why this text cannot be an entry (binary data, an absurd length), or None."""
    if len(text) > MAX_LINE:
        return LONG_LINE.format(count=len(text))
    if any(c != "\t" and unicodedata.category(c) == "Cc" for c in text):
        return CONTROL_CHARACTERS
    return None


def _number(
    text: str, line: int, problems: list[PlaylistProblem], *, what: str, per_second: float = 1.0
) -> float | None:
    """A length in seconds; None for unknown (negative) and for text that is no length."""
    try:
        value = float(text) / per_second
    except ValueError:
        value = math.nan
    if math.isnan(value) or value >= 1e7:
        problems.append(PlaylistProblem(line, f"the {what} {text!r} is not a length; ignored"))
        return None
    return value if value >= 0 else None


def _in_order(problems: list[PlaylistProblem]) -> list[PlaylistProblem]:
    """Problems about the whole file first, then by line."""
    return sorted(problems, key=lambda p: -1 if p.line is None else p.line)


def _split_label(label: str) -> tuple[str, str]:
    """(artist, title) from ``Artist - Title``; a label without `` - `` is all title."""
    artist, sep, title = label.partition(" - ")
    if sep and artist.strip() and title.strip():
        return artist.strip(), title.strip()
    return "", label.strip()


@dataclass
class _Info:
    """What an ``#EXTINF`` line (or PLS keys) tell about the next entry."""

    line: int
    duration: float | None = None
    artist: str = ""
    title: str = ""


def _entry(
    location: str, line: int, base_dir: Path | None, info: _Info | None, *, uri: bool
) -> PlaylistEntry:
    path, problem = resolve_location(location, base_dir, uri=uri)
    info = info or _Info(line)
    return PlaylistEntry(location, path, info.title, info.artist, info.duration, line, problem)


# --- M3U ---------------------------------------------------------------------------------------


def _read_m3u(
    text: str,
    fmt: PlaylistFormat,
    *,
    name: str,
    source: str,
    base_dir: Path | None,
    problems: list[PlaylistProblem],
) -> PlaylistFile:
    entries: list[PlaylistEntry] = []
    junk: list[PlaylistProblem] = []
    extended = False
    title = ""
    pending: _Info | None = None
    for number, line in _lines(text):
        if (why := _junk(line)) is not None:
            junk.append(PlaylistProblem(number, why))
            problems.append(junk[-1])
            pending = None  # it described the entry that turned out to be junk
            continue
        if line.startswith("#"):
            head = line[:10].upper()
            if head.startswith("#EXTM3U"):
                extended = True
            elif head.startswith("#EXTINF:"):
                if pending is not None:
                    problems.append(_dangling(pending))
                pending = _extinf(line, number, problems)
            elif head.startswith("#PLAYLIST:"):
                title = line[len("#PLAYLIST:") :].strip()
            continue
        entries.append(_entry(line, number, base_dir, pending, uri=False))
        pending = None
    if pending is not None:
        problems.append(_dangling(pending))
    if junk and not extended and len(junk) > len(entries):
        raise PlaylistError(NO_FILE_NAMES.format(name=name, count=len(junk), first=junk[0].said))
    return PlaylistFile(source, fmt, entries, _in_order(problems), title)


def _dangling(info: _Info) -> PlaylistProblem:
    return PlaylistProblem(info.line, "an #EXTINF line with no file after it; ignored")


_EXTINF_LENGTH = re.compile(r"\s*([^\s,]*)")


def _extinf(line: str, number: int, problems: list[PlaylistProblem]) -> _Info:
    """``#EXTINF:<seconds>[ key="value" ...],<Artist - Title>``."""
    body = line[len("#EXTINF:") :]
    match = _EXTINF_LENGTH.match(body)
    length = match.group(1) if match else ""
    rest = body[match.end() if match else 0 :]
    comma = _first_unquoted_comma(rest)
    label = rest[comma + 1 :] if comma >= 0 else ""
    duration = _number(length, number, problems, what="length") if length else None
    artist, title = _split_label(label)
    return _Info(number, duration, artist, title)


def _first_unquoted_comma(text: str) -> int:
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            return index
    return text.find(",")  # an unclosed quote: fall back on the first comma


# --- PLS ---------------------------------------------------------------------------------------

_PLS_KEY = re.compile(r"([A-Za-z_-]+)(\d*)\s*=(.*)")


@dataclass
class _PlsKeys:
    """What the lines of a PLS file say: File, Title and Length by number, and the count."""

    header: bool = False  # a [playlist] line was seen
    keyed: dict[str, dict[int, tuple[int, str]]] = field(
        default_factory=lambda: {"file": {}, "title": {}, "length": {}}
    )  # key -> number -> (line, value)
    declared: tuple[int, str] | None = None  # NumberOfEntries=: (line, value)


def _read_pls(
    text: str, name: str, source: str, base_dir: Path | None, problems: list[PlaylistProblem]
) -> PlaylistFile:
    keys = _pls_keys(text, problems)
    files = keys.keyed["file"]
    if not keys.header and not files:
        raise PlaylistError(NO_PLS.format(name=name))
    if not keys.header:
        problems.append(PlaylistProblem(None, "no [playlist] line at the top; read anyway"))
    for key in ("title", "length"):
        for index, (number, _) in keys.keyed[key].items():
            if index not in files:
                message = f"{key.capitalize()}{index} has no File{index}; ignored"
                problems.append(PlaylistProblem(number, message))
    entries = _pls_entries(keys, base_dir, problems)
    if keys.declared is not None:
        number, value = keys.declared
        if not value.isdigit():
            message = f"NumberOfEntries={value} is not a number; ignored"
            problems.append(PlaylistProblem(number, message))
        elif int(value) != len(files):
            message = f"NumberOfEntries says {int(value)}, but the file lists {len(files)}"
            problems.append(PlaylistProblem(number, message))
    return PlaylistFile(source, PlaylistFormat.PLS, entries, _in_order(problems))


def _pls_keys(text: str, problems: list[PlaylistProblem]) -> _PlsKeys:
    keys = _PlsKeys()
    in_playlist = True  # keys before any [section] are read too
    for number, line in _lines(text):
        if (why := _junk(line)) is not None:
            problems.append(PlaylistProblem(number, why))
            continue
        if line.startswith((";", "#")):
            continue
        if line.startswith("["):
            in_playlist = line.lower().startswith("[playlist]")
            keys.header = keys.header or in_playlist
            continue
        match = _PLS_KEY.fullmatch(line)
        if match is None:
            problems.append(PlaylistProblem(number, "not a Key=value line; ignored"))
            continue
        if in_playlist:
            _pls_key(keys, match, number, problems)
    return keys


def _pls_key(
    keys: _PlsKeys, match: re.Match[str], number: int, problems: list[PlaylistProblem]
) -> None:
    key, index, value = match.group(1).lower(), match.group(2), match.group(3).strip()
    if key == "numberofentries" and not index:
        keys.declared = (number, value)
    elif key in keys.keyed and not index:
        written = match.group(1)
        message = f"{written}= without a number ({written}1=, {written}2=, ...); ignored"
        problems.append(PlaylistProblem(number, message))
    elif key in keys.keyed:
        seen = keys.keyed[key]
        if int(index) in seen:
            written = match.group(1) + index
            message = f"{written} appears twice (first on line {seen[int(index)][0]}); ignored"
            problems.append(PlaylistProblem(number, message))
        else:
            seen[int(index)] = (number, value)
    # Version and keys of other programs are not needed.


def _pls_entries(
    keys: _PlsKeys, base_dir: Path | None, problems: list[PlaylistProblem]
) -> list[PlaylistEntry]:
    entries: list[PlaylistEntry] = []
    files, titles, lengths = (keys.keyed[key] for key in ("file", "title", "length"))
    for index in sorted(files):
        number, location = files[index]
        if not location:
            problems.append(PlaylistProblem(number, f"File{index} has no file name; skipped"))
            continue
        info = _Info(number)
        if index in titles:
            info.artist, info.title = _split_label(titles[index][1])
        if index in lengths:
            length_line, length = lengths[index]
            if length:
                info.duration = _number(length, length_line, problems, what="length")
        entries.append(_entry(location, number, base_dir, info, uri=False))
    return entries


# --- XSPF --------------------------------------------------------------------------------------

_TRACK = ("playlist", "trackList", "track")


@dataclass
class _Track:
    line: int
    locations: list[tuple[str, int]] = field(default_factory=list)
    title: str = ""
    creator: str = ""
    duration: tuple[str, int] | None = None


class _XspfReader:
    """Reads XSPF with expat, which knows the line of every element and honours the declared
    encoding. Entity declarations are refused (no entity-expansion bombs)."""

    def __init__(
        self, name: str, source: str, base_dir: Path | None, problems: list[PlaylistProblem]
    ) -> None:
        self.name = name
        self.source = source
        self.base_dir = base_dir
        self.problems = problems
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.parser.EntityDeclHandler = self._entity
        self.stack: list[str] = []
        self.lines: list[int] = []
        self.text: list[str] = []
        self.track: _Track | None = None
        self.tracks: list[_Track] = []
        self.title = ""

    def read(self, data: str | bytes) -> PlaylistFile:
        try:
            self.parser.Parse(data, True)
        except expat.ExpatError as error:
            reason = expat.ErrorString(error.code)
            raise PlaylistError(
                NOT_XML.format(name=self.name, line=error.lineno, reason=reason)
            ) from None
        except LookupError as error:  # an encoding Python does not know
            raise PlaylistError(UNKNOWN_ENCODING.format(name=self.name, error=error)) from None
        except (UnicodeError, ValueError) as error:
            raise PlaylistError(UNREADABLE_XML.format(name=self.name, error=error)) from None
        entries = [entry for track in self.tracks if (entry := self._entry(track))]
        problems = _in_order(self.problems)
        return PlaylistFile(self.source, PlaylistFormat.XSPF, entries, problems, self.title)

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if len(self.stack) >= MAX_DEPTH:
            raise PlaylistError(
                TOO_DEEP.format(
                    name=self.name, levels=MAX_DEPTH, line=self.parser.CurrentLineNumber
                )
            )
        if not self.stack and local != "playlist":
            raise PlaylistError(NOT_XSPF.format(name=self.name, element=local))
        self.stack.append(local)
        self.lines.append(self.parser.CurrentLineNumber)
        self.text.clear()
        if tuple(self.stack) == _TRACK:
            self.track = _Track(self.parser.CurrentLineNumber)

    def _end(self, name: str) -> None:
        where = tuple(self.stack)
        value = "".join(self.text).strip()
        line = self.lines[-1]
        track = self.track
        if where == _TRACK and track is not None:
            self.tracks.append(track)
            self.track = None
        elif len(where) == 4 and where[:3] == _TRACK and track is not None:
            if where[3] == "location":
                track.locations.append((value, line))
            elif where[3] == "title":
                track.title = track.title or value
            elif where[3] == "creator":
                track.creator = track.creator or value
            elif where[3] == "duration" and track.duration is None:
                track.duration = (value, line)
        elif where == ("playlist", "title"):
            self.title = value
        self.stack.pop()
        self.lines.pop()
        self.text.clear()

    def _text(self, data: str) -> None:
        self.text.append(data)

    def _entity(self, *_: object) -> None:
        raise PlaylistError(ENTITIES.format(name=self.name))

    def _entry(self, track: _Track) -> PlaylistEntry | None:
        candidates: list[PlaylistEntry] = []
        for location, line in track.locations:
            why = "an empty <location>; skipped" if not location else _junk(location)
            if why is not None:
                self.problems.append(PlaylistProblem(line, why))
            else:
                candidates.append(_entry(location, line, self.base_dir, None, uri=True))
        if not candidates:
            if not track.locations:
                message = "a <track> with no <location>; skipped"
                self.problems.append(PlaylistProblem(track.line, message))
            return None
        chosen = next((c for c in candidates if c.ok), candidates[0])
        duration = None
        if track.duration is not None and track.duration[0]:
            text, line = track.duration
            duration = _number(text, line, self.problems, what="duration", per_second=1000)
        return PlaylistEntry(
            chosen.location,
            chosen.path,
            track.title,
            track.creator,
            duration,
            chosen.line,
            chosen.problem,
        )
