"""probe(): what kapdesk makes of a sound file, without playing it.

Good files of each format give their title, artist and length; every kind of bad file gives
``playable=False`` and a plain reason, and never an exception.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mutagen.id3 import TIT2, TPE1
from mutagen.wave import WAVE

from kapdesk.audio import probe as reasons
from kapdesk.audio.backend import AudioError
from kapdesk.audio.probe import SUPPORTED_SUFFIXES, Probe, probe, probe_all, require_playable
from tests.audio.sdl_disk import write_sine_wav, write_tones

DATA = Path(__file__).parent / "data"
ARTIST = "Élise Kapdesk"  # what tests/audio/data/make_fixtures.py tagged the files with


@pytest.mark.parametrize(
    ("name", "fmt", "title"),
    [
        ("tone.ogg", "OGG Vorbis", "Still Water (OGG)"),
        ("tone.mp3", "MP3", "Still Water (MP3)"),
        ("tone.flac", "FLAC", "Still Water (FLAC)"),
        ("tone.opus", "Opus", "Still Water (OPUS)"),
    ],
)
def test_tagged_file_of_each_format(name: str, fmt: str, title: str) -> None:
    found = probe(DATA / name)
    assert found == Probe(DATA / name, True, found.duration, title, ARTIST, fmt, None)
    assert found.duration == pytest.approx(1.0, abs=0.05)


def test_wav_with_riff_info_tags(tmp_path: Path) -> None:
    path = write_sine_wav(tmp_path / "breath.wav", 440, 1.5, title="Breath — slow", artist="Room 2")
    found = probe(path)
    assert found.playable
    assert found.format == "WAV"
    assert found.duration == pytest.approx(1.5)
    assert (found.title, found.artist) == ("Breath — slow", "Room 2")


def test_wav_with_id3_tags(tmp_path: Path) -> None:
    path = write_sine_wav(tmp_path / "tagged.wav", 440, 0.5)
    audio = WAVE(path)
    audio.add_tags()
    tags: Any = audio.tags  # mutagen declares it None at class level
    tags.add(TIT2(encoding=3, text="Evening"))
    tags.add(TPE1(encoding=3, text="Harp"))
    audio.save()
    found = probe(path)
    assert (found.playable, found.title, found.artist) == (True, "Evening", "Harp")


def test_untagged_file_is_named_after_its_file(tmp_path: Path) -> None:
    found = probe(write_sine_wav(tmp_path / "Ocean at dusk.wav", 220, 0.5, stereo=False))
    assert (found.playable, found.title, found.artist) == (True, "Ocean at dusk", None)
    assert found.duration == pytest.approx(0.5)


def test_aiff(tmp_path: Path) -> None:
    found = probe(write_tones(tmp_path / "bowl.aiff", [(330, 0.75)]))
    assert (found.playable, found.format, found.title) == (True, "AIFF", "bowl")
    assert found.duration == pytest.approx(0.75)


# --- bad files --------------------------------------------------------------------------------


def _cut(source: Path, to: Path, fraction: float) -> Path:
    data = source.read_bytes()
    to.write_bytes(data[: int(len(data) * fraction)])
    return to


def test_missing_file(tmp_path: Path) -> None:
    found = probe(tmp_path / "gone.mp3")
    assert found == Probe(tmp_path / "gone.mp3", False, None, "gone", None, "MP3", reasons.MISSING)


def test_folder(tmp_path: Path) -> None:
    (tmp_path / "album.flac").mkdir()
    assert probe(tmp_path / "album.flac").reason == reasons.FOLDER


def test_zero_byte_file(tmp_path: Path) -> None:
    (tmp_path / "nothing.ogg").write_bytes(b"")
    assert probe(tmp_path / "nothing.ogg").reason == reasons.EMPTY


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write_sine_wav(tmp_path / "locked.wav", 440, 0.2)
    path.chmod(0)
    try:
        assert probe(path).reason == reasons.UNREADABLE
    finally:
        path.chmod(0o600)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.wav")
    assert probe(tmp_path / "pipe.wav").reason == reasons.NOT_A_FILE


@pytest.mark.parametrize("name", ["notes.txt", "song.m4a", "song.aac", "song.wma", "README"])
def test_unsupported_names(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("not sound\n", encoding="utf-8")
    found = probe(tmp_path / name)
    assert (found.playable, found.reason) == (False, reasons.UNSUPPORTED)
    assert found.title == Path(name).stem


@pytest.mark.parametrize("name", ["noise.mp3", "noise.ogg", "noise.flac", "noise.wav"])
def test_corrupt_bytes_under_a_sound_name(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(random.Random(name).randbytes(5000))
    assert probe(tmp_path / name).reason == reasons.NOT_SOUND


def test_text_under_a_sound_name(tmp_path: Path) -> None:
    (tmp_path / "lyrics.mp3").write_text("la la la\n" * 100, encoding="utf-8")
    assert probe(tmp_path / "lyrics.mp3").reason == reasons.NOT_SOUND


def test_truncated_wav(tmp_path: Path) -> None:
    whole = write_sine_wav(tmp_path / "whole.wav", 440, 1.0)
    assert probe(_cut(whole, tmp_path / "cut.wav", 0.6)).reason == reasons.CUT_SHORT


def test_truncated_aiff(tmp_path: Path) -> None:
    whole = write_tones(tmp_path / "whole.aiff", [(440, 1.0)])
    assert probe(_cut(whole, tmp_path / "cut.aiff", 0.6)).reason == reasons.CUT_SHORT


@pytest.mark.parametrize("name", ["tone.ogg", "tone.opus", "tone.flac", "tone.mp3"])
@pytest.mark.parametrize("fraction", [0.3, 0.6])
def test_truncated_compressed_file(tmp_path: Path, name: str, fraction: float) -> None:
    cut = _cut(DATA / name, tmp_path / name, fraction)
    assert probe(cut).reason == reasons.CUT_SHORT


def test_compressed_wav_is_unsupported(tmp_path: Path) -> None:
    path = write_sine_wav(tmp_path / "adpcm.wav", 440, 0.5)
    data = bytearray(path.read_bytes())
    data[20:22] = (2).to_bytes(2, "little")  # the fmt chunk's codec: Microsoft ADPCM
    path.write_bytes(bytes(data))
    found = probe(path)
    assert not found.playable
    assert found.reason is not None
    assert "compressed WAV" in found.reason


def test_wav_with_no_sound(tmp_path: Path) -> None:
    path = write_sine_wav(tmp_path / "silent.wav", 440, 0.0)  # a header, and no frames
    assert path.stat().st_size > 0
    assert probe(path).reason == reasons.NO_SOUND


def test_name_that_does_not_match_the_sound(tmp_path: Path) -> None:
    # SDL picks its decoder by the name: Opus named .ogg would not play.
    (tmp_path / "tone.ogg").write_bytes((DATA / "tone.opus").read_bytes())
    found = probe(tmp_path / "tone.ogg")
    assert (found.playable, found.format) == (False, "Opus")
    assert found.reason == "the file is named .ogg but holds Opus sound; rename it to .opus"


# --- the module -------------------------------------------------------------------------------


def test_supported_suffixes() -> None:
    assert {".wav", ".mp3", ".ogg", ".flac", ".opus"} <= SUPPORTED_SUFFIXES
    assert not {".m4a", ".aac", ".wma", ".txt", ".mid"} & SUPPORTED_SUFFIXES


def test_probe_all_is_lazy_and_in_order(tmp_path: Path) -> None:
    good = write_sine_wav(tmp_path / "a.wav", 440, 0.2)
    paths = iter([good, tmp_path / "missing.wav", DATA / "tone.flac"])
    found = probe_all(paths)
    assert next(found).path == good
    assert next(paths) == tmp_path / "missing.wav"  # not read ahead: still there to take
    assert [p.path for p in found] == [DATA / "tone.flac"]


def test_require_playable_raises_the_plain_reason(tmp_path: Path) -> None:
    with pytest.raises(AudioError) as refused:
        require_playable(tmp_path / "gone.wav")
    assert str(refused.value) == reasons.MISSING
    assert require_playable(DATA / "tone.ogg").playable


def test_probing_imports_no_pygame() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kapdesk.audio.probe import probe\n"
        f"assert probe(Path({str(DATA / 'tone.ogg')!r})).playable\n"
        "print('pygame' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def _wav_with(path: Path, **fields: int) -> Path:
    """A 16-bit stereo 44.1 kHz WAV with one second of silence, some header fields replaced."""
    import struct  # noqa: PLC0415

    values = {"codec": 1, "channels": 2, "rate": 44100, "byte_rate": 176400, "block": 4}
    values |= {"bits": 16} | fields
    fmt = struct.pack(
        "<HHIIHH",
        values["codec"],
        values["channels"],
        values["rate"],
        values["byte_rate"],
        values["block"],
        values["bits"],
    )
    data = bytes(176400)
    body = b"WAVE" + b"fmt " + len(fmt).to_bytes(4, "little") + fmt
    body += b"data" + len(data).to_bytes(4, "little") + data
    path.write_bytes(b"RIFF" + len(body).to_bytes(4, "little") + body)
    return path


@pytest.mark.parametrize("field", ["rate", "channels", "bits", "block", "byte_rate"])
def test_a_wav_header_with_a_zero_is_refused(tmp_path: Path, field: str) -> None:
    """SDL refuses these ("Invalid sample rate", "Unknown PCM format with 0 bits"): say so first."""
    assert probe(_wav_with(tmp_path / "good.wav")).playable
    found = probe(_wav_with(tmp_path / "zero.wav", **{field: 0}))
    assert (found.playable, found.format, found.reason) == (False, "WAV", reasons.NOT_SOUND)


@pytest.mark.parametrize(
    "header",
    [
        b"\xff\xfb\x94\x64",  # MPEG-1 Layer III, 128 kbit/s, 48 kHz: 384-byte frames that chain
        b"\xff\xfb\x94\x00",
        b"\xff\xfb\x90\x64",
        b"\xff\xf3\x94\x64",  # MPEG-2
    ],
)
def test_an_mp3_of_repeated_frame_headers_is_refused(tmp_path: Path, header: bytes) -> None:
    """Frame headers with nothing a decoder can read between them are not sound."""
    path = tmp_path / "headers.mp3"
    path.write_bytes(header * 20_000)
    found = probe(path)
    assert found.playable is False
    assert found.reason in (reasons.NOT_SOUND, reasons.CUT_SHORT)


SOUND_HEADS = [
    b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00",
    b"FORM\x00\x00\x00\x00AIFF",
    b"OggS\x00\x02" + bytes(22) + b"\x01vorbis",
    b"OggS\x00\x02" + bytes(22) + b"OpusHead",
    b"fLaC\x00\x00\x00\x22",
    b"ID3\x04\x00\x00\x00\x00\x00\x10",
    b"\xff\xfb\x94\x64",
]


@settings(max_examples=80, deadline=None, database=None)
@given(
    head=st.sampled_from([b"", *SOUND_HEADS]),
    body=st.binary(max_size=4000),
    suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)),
)
def test_any_bytes_under_a_sound_name(
    tmp_path_factory: pytest.TempPathFactory, head: bytes, body: bytes, suffix: str
) -> None:
    """Whatever the bytes, a probe comes back (never an exception), ok exactly without a reason."""
    path = tmp_path_factory.getbasetemp() / f"fuzz{suffix}"
    path.write_bytes(head + body)
    found = probe(path)
    assert found.playable == (found.reason is None)
