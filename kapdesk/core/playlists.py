"""Playlists as kapdesk holds them: their formats, their entries, and what is wrong in them.

Reading a playlist file is :mod:`kapdesk.core.playlist_files`; writing one is
:mod:`kapdesk.core.playlist_writing`; where an entry's location is on this computer is
:mod:`kapdesk.core.playlist_locations`.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from kapdesk.core.said_again import said_again
from kapdesk.core.words import QT_TRANSLATE_NOOP


class PlaylistFormat(StrEnum):
    """The playlist formats kapdesk reads and writes; the value is the usual file extension."""

    M3U = "m3u"
    M3U8 = "m3u8"
    PLS = "pls"
    XSPF = "xspf"


#: File extensions (lower case, with the dot) and the format each stands for.
PLAYLIST_SUFFIXES: dict[str, PlaylistFormat] = {f".{f.value}": f for f in PlaylistFormat}

#: The problem of an entry that names a stream rather than a file.
STREAM_URL = QT_TRANSLATE_NOOP("Playlists", "a stream URL; kapdesk plays files only")
#: The start of the problem of an entry whose file does not exist.
MISSING = "missing: "
# An entry's problems, as the library page says them (kept in the record as English text).
MISSING_FILE = QT_TRANSLATE_NOOP("Playlists", "missing: {path}")
RELATIVE = QT_TRANSLATE_NOOP(
    "Playlists", "a relative path, and the playlist has no folder to find it from"
)
FOLDER_NOT_FILE = QT_TRANSLATE_NOOP("Playlists", "a folder, not a file: {folder}")
# A Windows path in a playlist, on a PC that is not Windows: the path shown as written.
NETWORK_PATH = QT_TRANSLATE_NOOP(
    "Playlists", "a Windows network path ({path}) that this computer cannot open"
)
WINDOWS_PATH = QT_TRANSLATE_NOOP(
    "Playlists", "a Windows path ({path}) that does not exist on this computer"
)
NOT_FOUND = QT_TRANSLATE_NOOP("Playlists", "not found")
_FIXED = {str(problem): problem for problem in (STREAM_URL, RELATIVE, NOT_FOUND)}
_FOLDER_START = "a folder, not a file: "


def problem_words(problem: str) -> str:
    """An entry's problem as kapdesk's words, where it is one of kapdesk's own (a problem kept
    in the library is plain text again): to be said in any language."""
    if problem in _FIXED:
        return _FIXED[problem]
    if problem.startswith(MISSING):
        return MISSING_FILE.format(path=problem.removeprefix(MISSING))
    if problem.startswith(_FOLDER_START):
        return FOLDER_NOT_FILE.format(folder=problem.removeprefix(_FOLDER_START))
    return said_again(problem, (NETWORK_PATH, WINDOWS_PATH))


@dataclass(frozen=True)
class PlaylistEntry:
    """One entry of a playlist.

    ``location`` is the entry as the file wrote it; ``path`` is where that is on this computer
    (absolute), or None when it cannot be a local file (a stream URL, a Windows path elsewhere).
    ``problem`` is None for an entry that can be played; an entry whose file does not exist is
    kept, with the problem ``missing: <path>``. ``line`` is where the entry is written in the
    file (0 for entries that come from no file).
    """

    location: str
    path: Path | None
    title: str = ""
    artist: str = ""
    duration: float | None = None  # seconds; None when unknown
    line: int = 0
    problem: str | None = None

    @classmethod
    def for_file(
        cls, path: Path, *, title: str = "", artist: str = "", duration: float | None = None
    ) -> PlaylistEntry:
        """An entry for a file the caller knows (from the library, say), ready to be written."""
        absolute = Path(os.path.abspath(path))
        return cls(str(absolute), absolute, title, artist, duration)

    @property
    def ok(self) -> bool:
        """The entry names an existing file."""
        return self.problem is None

    @property
    def missing(self) -> bool:
        """The entry names a file on this computer that does not exist (any more)."""
        return self.problem is not None and self.problem.startswith(MISSING)


@dataclass(frozen=True)
class PlaylistProblem:
    """Something in a playlist file that is not an entry or not quite right; never fatal."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return self.said

    @property
    def said(self) -> str:
        """The problem with its line, as kapdesk's words (to be said in any language)."""
        if self.line is None:
            return self.message
        return AT_LINE.format(line=self.line, message=self.message)


AT_LINE = QT_TRANSLATE_NOOP("Playlists", "line {line}: {message}")


@dataclass(frozen=True)
class PlaylistFile:
    """A playlist as read from a file: its entries in order, and what was wrong in it."""

    source: str
    format: PlaylistFormat
    entries: list[PlaylistEntry]
    problems: list[PlaylistProblem] = field(default_factory=list)
    title: str = ""  # from ``#PLAYLIST:`` or the XSPF ``<title>``; PLS has none

    @property
    def playable(self) -> list[PlaylistEntry]:
        """The entries that name an existing file."""
        return [entry for entry in self.entries if entry.ok]


class PlaylistError(Exception):
    """A playlist file that cannot be read or written at all, with a plain message."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def playlist_format(path: Path) -> PlaylistFormat | None:
    """The format a file name stands for (by its extension), or None."""
    return PLAYLIST_SUFFIXES.get(path.suffix.lower())


def named_format(fmt: PlaylistFormat | str | None) -> PlaylistFormat | None:
    """The format ``fmt`` names (``"m3u"``, ``".pls"``); None for None; else PlaylistError."""
    if fmt is None:
        return None
    try:
        return PlaylistFormat(str(fmt).lower().removeprefix("."))
    except ValueError:
        known = ", ".join(f.value for f in PlaylistFormat)
        raise PlaylistError(f"unknown playlist format {fmt!r} (known: {known})") from None


# --- for a terminal ----------------------------------------------------------------------------


def describe_entry(entry: PlaylistEntry) -> str:
    """One line about an entry, for ``kapdesk playlist check``::

        ok       Artist – Title (4:05)  /music/a.mp3
        MISSING  Artist – Title (4:05)  /music/b.mp3
        PROBLEM  http://radio.example/live — a stream URL; kapdesk plays files only

    Control characters from the file are shown as ``�`` so a playlist cannot drive the terminal.
    """
    artist, title = entry.artist.strip(), entry.title.strip()
    label = f"{artist} – {title}" if artist and title else artist or title
    if entry.duration is not None:
        label = f"{label} ({duration_text(entry.duration)})".strip()
    if entry.problem is None:
        status, where = "ok", str(entry.path)
    elif entry.missing:
        status, where = "MISSING", str(entry.path)
    else:
        status, where = "PROBLEM", f"{entry.location} — {entry.problem}"
    line = "  ".join(part for part in (f"{status:<7}", label, where) if part)
    return _printable(line)


def duration_text(seconds: float) -> str:
    """``4:05``; ``1:02:03`` from an hour on."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _printable(text: str) -> str:
    return "".join(
        "\ufffd" if unicodedata.category(c) in ("Cc", "Cs") and c != "\t" else c for c in text
    )
