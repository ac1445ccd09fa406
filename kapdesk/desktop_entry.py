"""Putting kapdesk on the room PC's desktop for the current user: an icon, a freedesktop
``.desktop`` entry in the applications menu, and (optionally) the same entry in the autostart
folder so kapdesk starts when the room's account logs in. ``kapdesk install-desktop
[--autostart] [--kiosk]`` puts them in place; ``--uninstall`` takes them away.

Linux only (the freedesktop folders under ``XDG_DATA_HOME`` and ``XDG_CONFIG_HOME``); Windows'
Start menu and Startup shortcuts are described in docs/room-pc.md.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from kapdesk.core.safe_files import write_atomically
from kapdesk.paths import ASSETS_DIR

ENTRY_NAME = "kapdesk.desktop"
ICON_NAME = "kapdesk"
ICON_SOURCE = ASSETS_DIR / "kapdesk.svg"


def _home(environ: Mapping[str, str], key: str, fallback: str) -> Path:
    chosen = environ.get(key)
    return Path(chosen) if chosen else Path.home() / fallback


def entry_places(environ: Mapping[str, str] = os.environ) -> dict[str, Path]:
    data = _home(environ, "XDG_DATA_HOME", ".local/share")
    config = _home(environ, "XDG_CONFIG_HOME", ".config")
    return {
        "menu": data / "applications" / ENTRY_NAME,
        "icon": data / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg",
        "autostart": config / "autostart" / ENTRY_NAME,
    }


_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _exec_argument(argument: str) -> str:
    """One argument of an Exec line, quoted as the Desktop Entry spec wants (its own rules,
    not a shell's): reserved characters in double quotes, ``"`$\\`` escaped, ``%`` doubled;
    then backslashes doubled again, as in any string value of the file."""
    argument = argument.replace("%", "%%")
    if not any(ch in _RESERVED for ch in argument):
        return argument
    inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in argument)
    return '"' + inner.replace("\\", "\\\\") + '"'


def this_kapdesk() -> list[str]:
    """The command that starts this very kapdesk: the ``kapdesk`` program it was started as
    (an installed script, the frozen build, ``/usr/bin/kapdesk``), else this Python with
    ``-m kapdesk``. Never the first ``kapdesk`` on the PATH, which may be another install."""
    if getattr(sys, "frozen", False):  # the frozen build: its own program, no -m
        return [sys.executable]
    started_as = Path(sys.argv[0])
    if started_as.stem == "kapdesk" and started_as.is_file():
        return [str(started_as.absolute())]
    return [sys.executable, "-m", "kapdesk"]


def start_command(arguments: Sequence[str] = ()) -> str:
    """How the desktop starts kapdesk (:func:`this_kapdesk`), with these arguments."""
    command = this_kapdesk()
    return " ".join(_exec_argument(part) for part in [*command, *arguments])


def desktop_entry(command: str, *, autostart: bool = False) -> str:
    """The text of kapdesk's .desktop entry (the autostart copy says so)."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=kapdesk",
        "GenericName=Treatment room companion",
        "Comment=Journey timer, sound, observations and records for ketamine-assisted therapy",
        f"Exec={command}",
        f"Icon={ICON_NAME}",
        "Terminal=false",
        "Categories=Science;MedicalSoftware;",
        "Keywords=ketamine;therapy;session;journey;timer;",
        "StartupNotify=true",
    ]
    if autostart:
        lines += ["X-GNOME-Autostart-enabled=true", "X-KDE-autostart-after=panel"]
    return "\n".join(lines) + "\n"


def install(
    arguments: Sequence[str] = (),
    *,
    autostart: bool = False,
    environ: Mapping[str, str] = os.environ,
) -> list[Path]:
    """Write the icon, the menu entry and (with ``autostart``) the autostart entry; the
    autostart entry is removed when not asked for. Returns what was written."""
    places = entry_places(environ)
    command = start_command(arguments)
    written = []
    places["icon"].parent.mkdir(parents=True, exist_ok=True)
    write_atomically(places["icon"], ICON_SOURCE.read_bytes(), mode=0o644)
    written.append(places["icon"])
    places["menu"].parent.mkdir(parents=True, exist_ok=True)
    write_atomically(places["menu"], desktop_entry(command), mode=0o644)
    written.append(places["menu"])
    if autostart:
        places["autostart"].parent.mkdir(parents=True, exist_ok=True)
        write_atomically(places["autostart"], desktop_entry(command, autostart=True), mode=0o644)
        written.append(places["autostart"])
    else:
        places["autostart"].unlink(missing_ok=True)
    return written


def uninstall(environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Remove what :func:`install` wrote; returns what was there."""
    removed = []
    for path in entry_places(environ).values():
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
