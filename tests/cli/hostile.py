"""Hostile input for kapdesk's doors: special files, huge numbers, deep nesting, odd encodings.

Shared by the command-line door tests. Every file here is made in a folder the test owns, and
every path and URL is inside it or relative to the working folder (which the tests set to a
folder of their own): a regression must not be able to chmod the machine's /dev/null or create
folders at its root. The devices are nodes of our own (made with mknod as root; FIFOs else).
"""

from __future__ import annotations

import argparse
import codecs
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kapdesk.cli import build_parser

# Commands that open a window: exercised by the window's own tests, not here.
WINDOWED = frozenset({("board",)})

HUGE_NUMBERS = (
    "0",
    "-1",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "1" + "0" * 400,
    "1e309",
    "nan",
    "inf",
    "0x10",
    "1_000",
    "#12",
    "٣",  # an Arabic-Indic three: int() takes it
)
ODD_TEXT = (
    "",
    " ",
    "-",
    "--",
    "\t",
    "é",
    "\udcff",  # a byte that was not UTF-8 in argv (surrogateescape)
    "a" * 5000,
    "sub/../climbed",  # a path with `..` in it (that stays in the test's own folder)
    "~",
    "%s%n",
    "\u202e",
)
BAD_URLS = (
    "postgresql://h:abc/db",
    "postgresql://[::1/db",
    "postgresql://h:99999999/db",
    "postgresql://h:-1/db",
    "mysql://h/db",
    "oracle://h/db",
    "nosuchdb://x/y",
    "postgresql+nope://h/d",
    "sqlite:///null-device",  # relative: a device node the test made in its working folder
    "sqlite:///zero-device",
    "sqlite:///no-such-folder/at/all/x.sqlite3",
    "sqlite:///",
    "sqlite://",
    "://",
    "",
    "sqlite:///file:x?mode=ro&uri=true",
    "postgresql://127.0.0.1:1/none",
)

TOML_DEEP = b"a = " + b"[" * 100_000
XML_DEEP = b'<?xml version="1.0"?>' + b"<playlist>" + b"<a>" * 200_000
XML_UNKNOWN_ENCODING = b'<?xml version="1.0" encoding="x-no-such-encoding"?><playlist/>'
XML_ENTITIES = (
    b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><playlist>&b;</playlist>'
)
MP3_HEADERS = b"\xff\xfb\x94\x64" * 20_000


@dataclass(frozen=True)
class Hostile:
    """A folder of hostile files, by name."""

    folder: Path

    def __getitem__(self, name: str) -> Path:
        return self.folder / name

    def names(self) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir())

    def paths(self) -> list[Path]:
        found = [self.folder / name for name in self.names()]
        return [*found, self.folder / "no" / "such" / "file", self.folder]


def _wav(channels: int, rate: int, bits: int) -> bytes:
    block = channels * bits // 8
    fmt = (
        (1).to_bytes(2, "little")
        + channels.to_bytes(2, "little")
        + rate.to_bytes(4, "little")
        + (rate * block).to_bytes(4, "little")
        + block.to_bytes(2, "little")
        + bits.to_bytes(2, "little")
    )
    data = bytes(4000)
    body = b"WAVE" + b"fmt " + len(fmt).to_bytes(4, "little") + fmt
    body += b"data" + len(data).to_bytes(4, "little") + data
    return b"RIFF" + len(body).to_bytes(4, "little") + body


def make_devices(folder: Path) -> dict[str, Path]:
    """``null-device`` and ``zero-device`` in ``folder``: character devices of our own as root
    (the same drivers as /dev/null and /dev/zero), FIFOs otherwise."""
    made = {}
    for name, minor in (("null-device", 3), ("zero-device", 5)):
        path = folder / name
        if not path.exists():
            if os.geteuid() == 0:
                os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
            else:
                os.mkfifo(path)
        made[name] = path
    return made


def make_hostile_files(folder: Path) -> Hostile:
    """FIFOs, links that loop or lead nowhere, a huge sparse file, deep nesting, odd encodings."""
    folder.mkdir(parents=True, exist_ok=True)
    toml = 'id = "x"\nname = "X"\n'
    contents: dict[str, bytes] = {
        "utf16-no-bom.toml": toml.encode("utf-16-le"),
        "utf16-bom.toml": codecs.BOM_UTF16_LE + toml.encode("utf-16-le"),
        "utf32.m3u": codecs.BOM_UTF32_BE + "a.mp3\n".encode("utf-32-be"),
        "bad-utf8.toml": b'name = "\xff\xfe\xc3"\n',
        "nul.toml": b"id = \x00\x00\n\x00",
        "nul.m3u8": b"a.mp3\x00\n\x00\x00",
        "bad-utf8.m3u8": b"\xff\xfe\xfdb.mp3\n",
        "utf16-no-bom.m3u": "a.mp3\nb.mp3\n".encode("utf-16-le"),
        "deep.toml": TOML_DEEP,
        "deep.xspf": XML_DEEP,
        "unknown-encoding.xspf": XML_UNKNOWN_ENCODING,
        "entities.xspf": XML_ENTITIES,
        "utf16.xspf": '<?xml version="1.0" encoding="utf-16"?><playlist/>'.encode("utf-16"),
        "huge-number.toml": b"minutes = 99999999999999999999999999999\nevery = 1e309\n",
        "pls-huge.pls": b"[playlist]\nNumberOfEntries=99999999999999999999\nFile99999999999=a\n",
        "zero-rate.wav": _wav(2, 0, 16),
        "zero-channels.wav": _wav(0, 44100, 16),
        "zero-bits.wav": _wav(2, 44100, 0),
        "headers.mp3": MP3_HEADERS,
        "empty.toml": b"",
        "random.flac": os.urandom(3000),
        "random.ogg": b"OggS" + os.urandom(3000),
    }
    for name, data in contents.items():
        (folder / name).write_bytes(data)
    with (folder / "huge.m3u").open("wb") as sparse:  # 3 GB that take no room on disk
        sparse.truncate(3 << 30)
    if sys.platform != "win32":
        os.mkfifo(folder / "fifo.toml")
        os.mkfifo(folder / "fifo.m3u")
        os.mkfifo(folder / "fifo.wav")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    (folder / "dangling.xspf").symlink_to(folder / "nowhere.xspf")
    (folder / "zero.toml").symlink_to("/dev/zero")
    (folder / "folder.m3u").mkdir()
    make_devices(folder)
    return Hostile(folder)


# -- the command line's doors, found from the parser itself -------------------------------------


@dataclass(frozen=True)
class Door:
    """One leaf command: its words, its positionals and its options (with their choices)."""

    words: tuple[str, ...]
    positionals: tuple[argparse.Action, ...]
    options: tuple[argparse.Action, ...]


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:  # type: ignore[type-arg]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def doors(
    parser: argparse.ArgumentParser | None = None, words: tuple[str, ...] = ()
) -> Iterator[Door]:
    """Every leaf command of ``kapdesk`` (a new sub-command is found without a change here)."""
    parser = parser or build_parser()
    found = _subparsers(parser)
    if found is None:
        actions = [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]
        yield Door(
            words,
            tuple(a for a in actions if not a.option_strings),
            tuple(a for a in actions if a.option_strings),
        )
        return
    for name, sub in found.choices.items():
        yield from doors(sub, (*words, name))


def global_options() -> tuple[argparse.Action, ...]:
    parser = build_parser()
    return tuple(
        a
        for a in parser._actions
        if a.option_strings and not isinstance(a, (argparse._HelpAction, argparse._VersionAction))
    )
