"""Where a playlist entry's location is on this computer.

Locations may be absolute or relative paths (relative to the playlist's folder), ``~/…``,
``file://`` URLs (percent-decoded), or Windows paths: ``..\\music\\b.ogg`` is read with ``/`` for
``\\``; a drive-letter (``C:\\…``) or network (``\\\\server\\…``) path cannot be opened on a
non-Windows computer and says so. ``http://`` and other URLs are streams, which kapdesk does not
play.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote_to_bytes

from kapdesk.core.playlists import (
    FOLDER_NOT_FILE,
    MISSING_FILE,
    NETWORK_PATH,
    RELATIVE,
    STREAM_URL,
    WINDOWS_PATH,
)

#: Whether this computer is Windows, whose paths and file names follow their own rules.
ON_WINDOWS = os.name == "nt"

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+):")
_DRIVE = re.compile(r"([A-Za-z]):(?:[\\/]|$)")  # C:\ or C:/ (not a:b.mp3, a POSIX name)
_URL_DRIVE = re.compile(r"/?([A-Za-z]):(?:[\\/]|$)")


def resolve_location(
    location: str, base_dir: Path | None, *, uri: bool
) -> tuple[Path | None, str | None]:
    """(path, problem) for an entry's location. In ``uri`` mode (XSPF) the location is a URI:
    any ``scheme:`` is a URL and a relative reference is percent-decoded."""
    if scheme := _SCHEME.match(location):
        if scheme.group(1).lower() == "file":
            return _resolve_file_url(location)
        if uri or location[scheme.end() :].startswith("//"):
            return None, STREAM_URL
    if not ON_WINDOWS and (foreign := _windows_problem(location)):
        return None, foreign
    forms = [location]
    if uri:
        decoded = _percent_decoded(location)
        forms = [decoded, location] if decoded != location else forms
    elif location.startswith("~"):
        forms = [os.path.expanduser(location)]
    if not ON_WINDOWS:
        # Backslashes are Windows folder separators, unless a file really has one in its name.
        forms = [v for f in forms for v in ((f, f.replace("\\", "/")) if "\\" in f else (f,))]
    report = forms[0].replace("\\", "/") if not ON_WINDOWS else forms[0]
    if not Path(report).is_absolute() and base_dir is None:
        return None, RELATIVE
    paths = [_absolute(form, base_dir) for form in forms]
    return _existing(paths, _absolute(report, base_dir))


def _absolute(text: str, base_dir: Path | None) -> Path:
    path = Path(text)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    return Path(os.path.abspath(path))


def _existing(paths: list[Path], report: Path) -> tuple[Path, str | None]:
    """The first of ``paths`` that is a file; else ``report``, with what is wrong with it."""
    folder: Path | None = None
    for path in paths:
        try:
            if path.is_file():
                return path, None
            if folder is None and path.is_dir():
                folder = path
        except (OSError, ValueError):  # a name too long for the file system, say
            continue
    if folder is not None:
        return folder, FOLDER_NOT_FILE.format(folder=folder)
    return report, MISSING_FILE.format(path=report)


def _windows_problem(location: str) -> str | None:
    """Why a Windows path cannot be opened here (on a computer that is not Windows)."""
    if location.startswith("\\\\"):
        server = location[2:].split("\\", 1)[0]
        return NETWORK_PATH.format(path=f"\\\\{server}\\…")
    if drive := _DRIVE.match(location):
        return WINDOWS_PATH.format(path=f"{drive.group(1).upper()}:\\…")
    if location.startswith("\\"):
        return WINDOWS_PATH.format(path="\\…")
    return None


def _percent_decoded(text: str) -> str:
    # Through bytes, so names that are not UTF-8 come back as the same bytes (surrogateescape).
    raw = unquote_to_bytes(text)
    try:
        return os.fsdecode(raw)
    except UnicodeDecodeError:  # Windows decodes file names strictly
        return raw.decode("utf-8", errors="replace")


def _resolve_file_url(location: str) -> tuple[Path | None, str | None]:
    """``file:///home/x/a%20b.mp3``, ``file://localhost/...``, ``file:/x``. Everything after the
    host is the path, ``#`` and ``?`` included: players write those unencoded."""
    rest = location[len("file:") :]
    host = ""
    if rest.startswith("//"):
        host, slash, after = rest[2:].partition("/")
        rest = slash + after
    text = _percent_decoded(rest)
    if host and host.lower() != "localhost":
        if not ON_WINDOWS:
            return None, f"a network file URL (file://{host}/…) that this computer cannot open"
        text = f"\\\\{host}{text}"
    elif drive := _URL_DRIVE.match(text):
        if not ON_WINDOWS:
            letter = drive.group(1).upper()
            return None, f"a Windows path ({letter}:\\…) that does not exist on this computer"
        text = text.lstrip("/")
    if not Path(text).is_absolute():
        return None, "a file URL without a full path"
    path = Path(os.path.abspath(text))
    return _existing([path], path)
