"""Every file kapdesk reads, fed any bytes: a result or the reader's own error, nothing else.

Protocols, the clinic's settings and room.toml (TOML), playlists (M3U, M3U8, PLS, XSPF) and the
quick tags (sound files: tests/audio/test_probe.py). Hypothesis writes arbitrary bytes, and
bytes built to hurt (deep nesting, odd encodings such as UTF-16 without a BOM, NUL bytes, huge
numbers, entity declarations), into a real file read through the function the app uses.
"""

from __future__ import annotations

import codecs
import contextlib
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kapdesk.core.clinic import ClinicError, load_clinic
from kapdesk.core.observations import TAGS_FILE, load_tags
from kapdesk.core.playlist_files import read_playlist
from kapdesk.core.playlists import PlaylistError
from kapdesk.core.protocol_files import load_protocol_file
from kapdesk.core.protocols import ProtocolError
from kapdesk.core.room import load_room_settings
from kapdesk.paths import BUNDLED_CLINIC_SETTINGS, BUNDLED_PROTOCOLS_DIR

FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1")


def _encoded(text: str) -> st.SearchStrategy[bytes]:
    """``text`` in each encoding kapdesk may meet: UTF-16 without a BOM among them."""
    return st.sampled_from(ENCODINGS).map(lambda enc: text.encode(enc, errors="replace"))


def _hostile(samples: list[str], deep: bytes, *odd: bytes) -> st.SearchStrategy[bytes]:
    samples_bytes = [s.encode("utf-8") for s in samples]
    return st.one_of(
        st.sampled_from([deep, *odd]),
        st.binary(max_size=3000),
        st.sampled_from(samples).flatmap(_encoded),
        st.sampled_from(samples_bytes).flatmap(
            lambda b: st.binary(max_size=40).map(lambda junk: b[: len(b) // 2] + junk + b)
        ),
        st.just(deep),
        st.just(b"\x00" * 5000),
        st.just(codecs.BOM_UTF16_LE + b"\xff\xfe\x00"),
        st.integers(min_value=0, max_value=5).map(lambda n: deep[: 10**n]),  # cut anywhere
        st.sampled_from(samples_bytes).map(lambda b: b.replace(b"1", b"1" + b"0" * 400)),
    )


def _read(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


PROTOCOL = (BUNDLED_PROTOCOLS_DIR / "iv-ketamine.toml").read_text(encoding="utf-8")
CLINIC = BUNDLED_CLINIC_SETTINGS.read_text(encoding="utf-8")
ROOM = 'room_name = "Room 1"\nkiosk = true\nvolume = 0.5\ndatabase = ""\n'
M3U = "#EXTM3U\n#EXTINF:123,Artist - Title\nmusic/a.mp3\nhttp://x/y\nC:\\\\a.mp3\n"
PLS = "[playlist]\nFile1=a.mp3\nTitle1=A\nLength1=12\nNumberOfEntries=1\nVersion=2\n"
XSPF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<playlist version="1" xmlns="http://xspf.org/ns/0/">'
    "<title>T</title><trackList><track><location>file:///a.mp3</location><title>A</title>"
    "<duration>1000</duration></track></trackList></playlist>\n"
)
TOML_DEEP = b"a = " + b"[" * 50_000
XML_DEEP = b'<?xml version="1.0"?><playlist>' + b"<a>" * 100_000


@pytest.fixture(scope="module")
def folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="kapdesk-fuzz-"))


@FUZZ
@given(data=_hostile([PROTOCOL], TOML_DEEP))
def test_protocol_files(folder: Path, data: bytes) -> None:
    with contextlib.suppress(ProtocolError):
        load_protocol_file(_read(folder, "p.toml", data))


@FUZZ
@given(data=_hostile([CLINIC], TOML_DEEP))
def test_clinic_files(folder: Path, data: bytes) -> None:
    path = _read(folder, "clinic.toml", data)
    settings_, problems = load_clinic(BUNDLED_CLINIC_SETTINGS, path)
    assert settings_ is not None
    assert all(isinstance(p, ClinicError) for p in problems)


@FUZZ
@given(data=_hostile([ROOM], TOML_DEEP))
def test_room_files(folder: Path, data: bytes) -> None:
    room, problem = load_room_settings(_read(folder, "room.toml", data))
    assert room is not None
    assert problem is None or problem.problems


@FUZZ
@given(
    data=_hostile(
        [M3U, PLS, XSPF],
        XML_DEEP,
        b'<?xml version="1.0" encoding="x-no-such-encoding"?><playlist/>',
        b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><playlist>&a;</playlist>',
        XSPF.encode("utf-16-le"),
        b"[playlist]\nNumberOfEntries=99999999999999999999\nFile99999999999999=a\nLength1=1e309\n",
    ),
    suffix=st.sampled_from([".m3u", ".m3u8", ".pls", ".xspf", ".txt"]),
)
def test_playlist_files(folder: Path, data: bytes, suffix: str) -> None:
    with contextlib.suppress(PlaylistError):
        read_playlist(_read(folder, f"p{suffix}", data))


@FUZZ
@given(data=_hostile(["calm\n# comment\nCrying\n" * 3], b"x" * 100_000))
def test_tag_files(folder: Path, data: bytes) -> None:
    _read(folder, TAGS_FILE, data)
    tags = load_tags(folder)
    assert tags
    assert all(isinstance(tag, str) and tag for tag in tags)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("deep.xspf", b'<?xml version="1.0"?><playlist>' + b"<a>" * 200_000),
        ("unknown.xspf", b'<?xml version="1.0" encoding="x-no-such-encoding"?><playlist/>'),
        ("bomb.xspf", b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "a">]><playlist/>'),
        ("deep.m3u8", b"#EXTM3U\n" + b"#EXTINF:" + b"9" * 100_000 + b",x\na.mp3\n"),
        ("huge.pls", b"[playlist]\nFile99999999999999999999999=a.mp3\nLength1=1e999\n"),
    ],
)
def test_a_hostile_playlist_is_refused_at_once(folder: Path, name: str, data: bytes) -> None:
    """A plain PlaylistError (or a playlist) in well under a second: 200,000 levels of XML
    nesting once took minutes, an unknown encoding raised LookupError."""
    started = time.monotonic()
    with contextlib.suppress(PlaylistError):
        read_playlist(_read(folder, name, data))
    assert time.monotonic() - started < 2
