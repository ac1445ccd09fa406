"""An Ogg Vorbis bed is decoded into the Sound it plays from (kapdesk/audio/vorbis_bed.py): the
device plays the very samples SDL_mixer makes of the file, the sound is held once while it
loads (SDL_mixer's own load holds it twice), and SDL_mixer still loads whatever this cannot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from kapdesk.audio import vorbis_bed
from kapdesk.audio.pygame_backend import PygameBackend
from kapdesk.audio.vorbis_bed import VorbisDecoder
from tests.audio.sdl_disk import FRAME_BYTES, RATE, DiskOutput

ROOT = Path(__file__).resolve().parents[2]
SOUNDS = ROOT / "kapdesk" / "assets" / "sounds"
RAIN = SOUNDS / "rain.ogg"
MONO_TONE = Path(__file__).resolve().parent / "data" / "tone.ogg"  # mono, 22.05 kHz
LINUX = sys.platform.startswith("linux")
linux_only = pytest.mark.skipif(not LINUX, reason="the decoder is found in /proc/self/maps")


@pytest.fixture
def backend() -> Iterator[PygameBackend]:
    opened = PygameBackend()
    try:
        yield opened
    finally:
        opened.close()


def sdl_decoded(path: Path) -> bytes:
    """The file's samples as SDL_mixer's own load makes them (the mixer must be open)."""
    return bytes(pygame.mixer.Sound(str(path)).get_raw())


def bed_samples(backend: PygameBackend) -> bytes:
    sound = backend.bed._sound
    assert sound is not None
    return bytes(sound.get_raw())


@linux_only
def test_the_decoder_is_the_one_sdl_mixer_loaded(backend: PygameBackend) -> None:
    decoder = VorbisDecoder.find()
    assert decoder is not None
    stream = decoder.open(RAIN)
    assert stream is not None
    with stream:
        assert (stream.rate, stream.channels, stream.frames) == (RATE, 2, 75 * RATE)
        buffer = bytearray(stream.size)
        assert stream.read_into(buffer)
    assert bytes(buffer) == sdl_decoded(RAIN)


BUNDLED = sorted(path.name for path in SOUNDS.glob("*.ogg"))  # the four beds, the three chimes


@pytest.mark.parametrize("name", BUNDLED)
def test_a_bed_holds_the_samples_sdl_mixer_makes_of_it(backend: PygameBackend, name: str) -> None:
    backend.bed.load(SOUNDS / name)
    assert bed_samples(backend) == sdl_decoded(SOUNDS / name)


def test_the_device_plays_the_beds_own_samples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = DiskOutput(tmp_path / "device.raw")
    monkeypatch.setenv("SDL_AUDIODRIVER", "disk")
    monkeypatch.setenv("SDL_DISKAUDIOFILE", str(output.path))
    backend = PygameBackend()
    try:
        expected = sdl_decoded(RAIN)[: RATE // 4 * FRAME_BYTES]  # its first quarter second
        backend.bed.load(RAIN)
        backend.bed.play()  # full volume, no fade: the mixer passes the samples on as they are
        output.wait_for(0.5)
        written = output.path.read_bytes()
    finally:
        backend.close()
    assert expected in written


def test_a_file_not_in_the_mixers_format_is_loaded_by_sdl_mixer(backend: PygameBackend) -> None:
    # Mono at 22.05 kHz: SDL_mixer converts it to the mixer's stereo at 44.1 kHz.
    backend.bed.load(MONO_TONE)
    assert backend.bed.duration == pytest.approx(1.0, abs=0.001)
    assert bed_samples(backend) == sdl_decoded(MONO_TONE)


def test_without_the_decoder_sdl_mixer_loads_the_bed(
    backend: PygameBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(VorbisDecoder, "find", classmethod(lambda cls, maps=None: None))
    backend.bed.load(SOUNDS / "chime-soft.ogg")
    assert backend.bed.duration == pytest.approx(5.0, abs=0.001)
    assert bed_samples(backend) == sdl_decoded(SOUNDS / "chime-soft.ogg")


def test_the_decoder_is_looked_for_among_the_mapped_files(tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    line = "7f2e-7f2f r-xp 00002000 08:01 1234"
    maps.write_text(f"{line}   /usr/lib/libogg.so.0\n{line}   /opt/a b/libvorbisfile-8ac.so.3\n")
    assert vorbis_bed._loaded_library(maps) == "/opt/a b/libvorbisfile-8ac.so.3"
    maps.write_text(f"{line}   /usr/lib/libogg.so.0\n{line}\n")
    assert vorbis_bed._loaded_library(maps) is None
    assert VorbisDecoder.find(maps) is None
    assert VorbisDecoder.find(tmp_path / "absent") is None


@linux_only
def test_a_stream_fills_only_a_buffer_of_its_size(backend: PygameBackend) -> None:
    decoder = VorbisDecoder.find()
    assert decoder is not None
    stream = decoder.open(SOUNDS / "chime-soft.ogg")
    assert stream is not None
    with stream:
        with pytest.raises(ValueError, match="size"):
            stream.read_into(bytearray(stream.size - FRAME_BYTES))
        with pytest.raises(ValueError, match="writable"):
            stream.read_into(bytes(stream.size))
    with pytest.raises(ValueError, match="closed"):
        stream.read_into(bytearray(stream.size))
    assert decoder.open(MONO_TONE.with_suffix(".opus")) is None  # Ogg, but not Vorbis


PEAK_SCRIPT = """
import json, sys
from pathlib import Path
from kapdesk.audio.pygame_backend import PygameBackend

def status(name):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1]) * 1024

backend = PygameBackend()
Path("/proc/self/clear_refs").write_text("5")  # the peak (VmHWM) starts again from here
before = status("VmRSS")
backend.bed.load(Path(sys.argv[1]))
print(json.dumps({"rise": status("VmHWM") - before, "sound": len(backend.bed._sound.get_raw())}))
"""


@linux_only
def test_a_bed_is_held_once_while_it_loads() -> None:
    # SDL_mixer's own load of an Ogg file holds the sound twice at its peak (about 2.0x).
    env = {**os.environ, "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    done = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, str(RAIN)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=120,
    )
    if done.returncode != 0 and "clear_refs" in done.stderr:
        pytest.skip("this system does not let a process reset its peak memory")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["sound"] == 75 * RATE * FRAME_BYTES
    assert found["rise"] < 1.25 * found["sound"]
