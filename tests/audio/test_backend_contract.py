"""One contract for every audio backend: the fake, and pygame through SDL's disk driver.

The same tests run against both (parametrised by the ``rig`` fixture). A rig lets time pass
the backend's way: the fake's clock is moved by hand; the pygame backend plays in real time into
SDL's disk driver, and the tests wait on conditions (the layer going quiet, the device having
written so many more seconds of sound), never on a fixed sleep.

After the contract, tests for the pygame backend alone read the samples SDL wrote: a fade-in
rises, a stop leaves silence, the bed and the music are both heard, half volume is half the
amplitude, the bed loops without a gap, and each supported format is really heard.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import pytest

from kapdesk.audio import probe as reasons
from kapdesk.audio.backend import AudioBackend, AudioError
from kapdesk.audio.fake import FakeBackend, FakeLayer
from kapdesk.audio.pygame_backend import BedLayer, MusicLayer, PygameBackend
from kapdesk.core.clock import FakeClock
from tests.audio.sdl_disk import SILENCE, DiskOutput, wait_until, write_sine_wav, write_tones

DATA = Path(__file__).parent / "data"
MUSIC_HZ = 880.0
BED_HZ = 330.0
AMPLITUDE = 0.4  # two layers at full volume still sum below full scale
TONE_RMS = AMPLITUDE / 2**0.5
MUSIC_SECONDS = 0.8
BED_SECONDS = 0.3

LayerName = Literal["music", "bed"]
AnyLayer = FakeLayer | MusicLayer | BedLayer


# --- sounds -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sounds:
    music: Path  # MUSIC_HZ, MUSIC_SECONDS
    long: Path  # MUSIC_HZ, 3 s: still playing while a test looks at fades and volumes
    bed: Path  # BED_HZ, BED_SECONDS, a whole number of cycles: loops seamlessly
    bad: dict[str, tuple[Path, str]]  # kind -> (file, the reason it is refused)


@pytest.fixture(scope="module")
def sounds(tmp_path_factory: pytest.TempPathFactory) -> Sounds:
    folder = tmp_path_factory.mktemp("sounds")
    music = write_sine_wav(folder / "music.wav", MUSIC_HZ, MUSIC_SECONDS, amplitude=AMPLITUDE)
    long = write_sine_wav(folder / "long.wav", MUSIC_HZ, 3.0, amplitude=AMPLITUDE)
    bed = write_sine_wav(folder / "bed.wav", BED_HZ, BED_SECONDS, amplitude=AMPLITUDE)

    noise = random.Random(7)
    (folder / "empty.mp3").write_bytes(b"")
    (folder / "corrupt.mp3").write_bytes(noise.randbytes(4000))
    (folder / "corrupt.ogg").write_bytes(noise.randbytes(4000))
    (folder / "truncated.wav").write_bytes(music.read_bytes()[: music.stat().st_size // 3])
    ogg = (DATA / "tone.ogg").read_bytes()
    (folder / "truncated.ogg").write_bytes(ogg[: len(ogg) * 2 // 3])
    (folder / "notes.txt").write_text("bring water, dim the lights\n", encoding="utf-8")
    (folder / "folder.wav").mkdir()
    return Sounds(
        music,
        long,
        bed,
        {
            "missing": (folder / "missing.wav", reasons.MISSING),
            "empty": (folder / "empty.mp3", reasons.EMPTY),
            "corrupt-mp3": (folder / "corrupt.mp3", reasons.NOT_SOUND),
            "corrupt-ogg": (folder / "corrupt.ogg", reasons.NOT_SOUND),
            "truncated-wav": (folder / "truncated.wav", reasons.CUT_SHORT),
            "truncated-ogg": (folder / "truncated.ogg", reasons.CUT_SHORT),
            "unsupported": (folder / "notes.txt", reasons.UNSUPPORTED),
            "folder": (folder / "folder.wav", reasons.FOLDER),
        },
    )


BAD_KINDS = [
    "missing",
    "empty",
    "corrupt-mp3",
    "corrupt-ogg",
    "truncated-wav",
    "truncated-ogg",
    "unsupported",
    "folder",
]


# --- rigs -------------------------------------------------------------------------------------


class Rig(Protocol):
    name: str

    @property
    def backend(self) -> FakeBackend | PygameBackend: ...

    def wait_until(self, condition: Callable[[], bool], timeout: float) -> float:
        """Let time pass until ``condition`` holds; the seconds that passed."""
        ...

    def let_play(self, seconds: float) -> None:
        """Let the device play ``seconds`` more sound."""
        ...


@dataclass
class FakeRig:
    backend: FakeBackend
    clock: FakeClock
    name: str = "fake"
    step: float = 0.01

    def wait_until(self, condition: Callable[[], bool], timeout: float) -> float:
        waited = 0.0
        while not condition():
            if waited > timeout:
                raise AssertionError(f"condition still false after {timeout} s")
            self.clock.advance(self.step)
            waited += self.step
        return waited

    def let_play(self, seconds: float) -> None:
        self.clock.advance(seconds)


@dataclass
class PygameRig:
    backend: PygameBackend
    output: DiskOutput
    name: str = "pygame"

    def wait_until(self, condition: Callable[[], bool], timeout: float) -> float:
        return wait_until(condition, timeout)

    def let_play(self, seconds: float) -> None:
        self.output.wait_for(seconds)


@pytest.fixture
def pygame_rig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PygameRig]:
    # tests/conftest.py chose the dummy driver for the whole suite; these tests listen in.
    output = DiskOutput(tmp_path / "device.raw")
    monkeypatch.setenv("SDL_AUDIODRIVER", "disk")
    monkeypatch.setenv("SDL_DISKAUDIOFILE", str(output.path))
    backend = PygameBackend()
    try:
        yield PygameRig(backend, output)
    finally:
        backend.close()


@pytest.fixture
def fake_rig() -> Iterator[FakeRig]:
    clock = FakeClock()
    backend = FakeBackend(clock, check_files=True)
    yield FakeRig(backend, clock)
    backend.close()


@pytest.fixture(params=["fake", "pygame"])
def rig(request: pytest.FixtureRequest) -> Rig:
    chosen: Rig = request.getfixturevalue(f"{request.param}_rig")
    return chosen


@pytest.fixture(params=["music", "bed"])
def layer_name(request: pytest.FixtureRequest) -> LayerName:
    name: LayerName = request.param
    return name


def layer_of(rig: Rig, name: LayerName) -> AnyLayer:
    return rig.backend.music if name == "music" else rig.backend.bed


def tone_for(sounds: Sounds, name: LayerName) -> Path:
    return sounds.long if name == "music" else sounds.bed


def test_both_backends_are_audio_backends(fake_rig: FakeRig) -> None:
    def as_protocol(backend: FakeBackend | PygameBackend) -> AudioBackend:
        return backend  # mypy checks that both satisfy the protocol

    assert as_protocol(fake_rig.backend).music is fake_rig.backend.music


# --- the contract -----------------------------------------------------------------------------


def test_loaded_layer_is_silent_until_played(
    rig: Rig, sounds: Sounds, layer_name: LayerName
) -> None:
    layer = layer_of(rig, layer_name)
    layer.load(tone_for(sounds, layer_name))
    assert layer.loaded == tone_for(sounds, layer_name)
    assert not layer.busy()
    assert layer.position() is None


def test_play_makes_the_layer_busy(rig: Rig, sounds: Sounds, layer_name: LayerName) -> None:
    layer = layer_of(rig, layer_name)
    layer.load(tone_for(sounds, layer_name))
    layer.play()
    assert layer.busy()
    position = layer.position()
    assert position is not None
    assert 0.0 <= position < 0.1


def test_stop_at_once_is_silent_at_once(rig: Rig, sounds: Sounds, layer_name: LayerName) -> None:
    layer = layer_of(rig, layer_name)
    layer.load(tone_for(sounds, layer_name))
    layer.play()
    layer.stop()
    assert not layer.busy()
    assert layer.position() is None
    layer.stop()  # again: harmless
    layer.play()  # and what was loaded can be played again
    assert layer.busy()


def test_stop_with_a_fade_sounds_until_the_fade_ends(
    rig: Rig, sounds: Sounds, layer_name: LayerName
) -> None:
    layer = layer_of(rig, layer_name)
    layer.load(tone_for(sounds, layer_name))
    layer.play()
    rig.let_play(0.1)
    layer.stop(fade_ms=300)
    assert layer.busy()
    took = rig.wait_until(lambda: not layer.busy(), timeout=2.0)
    assert 0.2 <= took <= 0.8
    assert layer.position() is None


def test_stopping_a_silent_layer_is_harmless(
    rig: Rig, sounds: Sounds, layer_name: LayerName
) -> None:
    layer = layer_of(rig, layer_name)
    layer.stop()
    layer.stop(fade_ms=200)
    layer.load(tone_for(sounds, layer_name))
    layer.stop(fade_ms=200)
    assert not layer.busy()


def test_set_volume_clamps_to_zero_to_one(rig: Rig, layer_name: LayerName) -> None:
    layer = layer_of(rig, layer_name)
    for asked, kept in ((0.25, 0.25), (1.7, 1.0), (-0.3, 0.0), (1.0, 1.0)):
        layer.set_volume(asked)
        assert layer.volume == kept


def test_play_with_nothing_loaded_is_refused(rig: Rig, layer_name: LayerName) -> None:
    layer = layer_of(rig, layer_name)
    with pytest.raises(AudioError, match="nothing is loaded"):
        layer.play()


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_file_is_refused_plainly_and_the_layer_plays_on(
    rig: Rig, sounds: Sounds, layer_name: LayerName, kind: str
) -> None:
    layer = layer_of(rig, layer_name)
    good = tone_for(sounds, layer_name)
    layer.load(good)
    layer.play()
    path, reason = sounds.bad[kind]

    with pytest.raises(AudioError) as refused:
        layer.load(path)

    assert str(refused.value) == reason
    assert not layer.busy()  # a load replaces (and stops) what was there
    assert layer.loaded is None
    layer.load(good)
    layer.play()
    assert layer.busy()


def test_bed_loops_past_its_length(rig: Rig, sounds: Sounds) -> None:
    bed = rig.backend.bed
    bed.load(sounds.bed)
    bed.play()
    rig.let_play(BED_SECONDS * 2.5)
    assert bed.busy()
    position = bed.position()
    assert position is not None
    assert 0.0 <= position < BED_SECONDS


def test_music_plays_once(rig: Rig, sounds: Sounds) -> None:
    music = rig.backend.music
    music.load(sounds.music)
    music.play()
    took = rig.wait_until(lambda: not music.busy(), timeout=MUSIC_SECONDS + 2)
    assert MUSIC_SECONDS - 0.2 <= took <= MUSIC_SECONDS + 0.6
    assert music.position() is None


def test_music_starts_part_way_and_knows_where_it_is(rig: Rig, sounds: Sounds) -> None:
    music = rig.backend.music
    music.load(sounds.music)
    music.play(start=0.5)
    assert music.position() == pytest.approx(0.5, abs=0.05)
    rig.let_play(0.1)
    position = music.position()
    assert position is not None
    assert 0.55 <= position <= 0.75
    took = rig.wait_until(lambda: not music.busy(), timeout=2.0)
    assert took <= 0.5


def test_both_layers_sound_together(rig: Rig, sounds: Sounds) -> None:
    rig.backend.bed.load(sounds.bed)
    rig.backend.music.load(sounds.long)
    rig.backend.bed.play(fade_ms=100)
    rig.backend.music.play(fade_ms=100)
    rig.let_play(0.2)
    assert rig.backend.bed.busy()
    assert rig.backend.music.busy()
    rig.backend.music.stop()
    assert rig.backend.bed.busy()


@pytest.mark.parametrize("name", ["tone.ogg", "tone.mp3", "tone.flac", "tone.opus"])
def test_each_supported_format_plays(rig: Rig, layer_name: LayerName, name: str) -> None:
    layer = layer_of(rig, layer_name)
    layer.load(DATA / name)
    layer.play()
    assert layer.busy()


def test_close_silences_everything_and_refuses_more(rig: Rig, sounds: Sounds) -> None:
    backend = rig.backend
    backend.music.load(sounds.long)
    backend.bed.load(sounds.bed)
    backend.music.play()
    backend.bed.play()
    backend.close()
    assert not backend.music.busy()
    assert not backend.bed.busy()
    with pytest.raises(AudioError, match="closed"):
        backend.music.load(sounds.music)
    with pytest.raises(AudioError, match="closed"):
        backend.bed.play()
    backend.music.stop()  # harmless
    backend.close()  # and so is closing twice


# --- the pygame backend: what reached the device ----------------------------------------------


def test_fade_in_rises_from_silence(pygame_rig: PygameRig, sounds: Sounds) -> None:
    music, output = pygame_rig.backend.music, pygame_rig.output
    music.load(sounds.long)
    output.wait_for(0.2)
    mark = output.seconds_written()
    music.play(fade_ms=400)
    output.wait_for(0.8)
    samples = output.read()

    assert not samples.window(mark - 0.2, mark - 0.05).audible()
    ramp = [samples.window(mark + t, mark + t + 0.05).rms() for t in (0.05, 0.15, 0.25)]
    full = samples.window(mark + 0.55, mark + 0.75).rms()
    assert ramp[0] < ramp[1] < ramp[2] < full
    assert ramp[0] < 0.5 * full
    assert full == pytest.approx(TONE_RMS, rel=0.1)


def test_stop_leaves_silence(pygame_rig: PygameRig, sounds: Sounds) -> None:
    backend, output = pygame_rig.backend, pygame_rig.output
    backend.music.load(sounds.long)
    backend.bed.load(sounds.bed)
    backend.music.play()
    backend.bed.play()
    output.wait_for(0.3)
    backend.music.stop()
    backend.bed.stop()
    mark = output.seconds_written()
    output.wait_for(0.4)
    samples = output.read()

    assert samples.window(mark - 0.25, mark - 0.1).audible()
    after = samples.window(mark + 0.1, mark + 0.4)
    assert after.seconds > 0.25
    assert after.peak() < SILENCE


def test_fade_out_falls_to_silence(pygame_rig: PygameRig, sounds: Sounds) -> None:
    music, output = pygame_rig.backend.music, pygame_rig.output
    music.load(sounds.long)
    music.play()
    output.wait_for(0.3)
    mark = output.seconds_written()
    music.stop(fade_ms=400)
    wait_until(lambda: not music.busy(), timeout=2.0)
    output.wait_for(0.2)
    samples = output.read()

    before = samples.window(mark - 0.2, mark - 0.05).rms()
    fading = [samples.window(mark + t, mark + t + 0.05).rms() for t in (0.1, 0.2, 0.3)]
    assert before > fading[0] > fading[1] > fading[2]
    assert not samples.window(mark + 0.55, mark + 0.65).audible()


def test_bed_and_music_are_heard_together(pygame_rig: PygameRig, sounds: Sounds) -> None:
    backend, output = pygame_rig.backend, pygame_rig.output
    backend.bed.load(sounds.bed)
    backend.music.load(sounds.long)
    backend.bed.play()
    backend.music.play()
    together = output.wait_for(0.4)
    backend.music.stop()
    alone = output.wait_for(0.4)
    samples = output.read()

    both = samples.window(together - 0.3, together - 0.05)
    assert both.tone(BED_HZ) == pytest.approx(AMPLITUDE, rel=0.1)
    assert both.tone(MUSIC_HZ) == pytest.approx(AMPLITUDE, rel=0.1)
    bed_only = samples.window(alone - 0.25, alone - 0.05)
    assert bed_only.tone(BED_HZ) == pytest.approx(AMPLITUDE, rel=0.1)
    assert bed_only.tone(MUSIC_HZ) < 0.01


def test_half_volume_halves_the_amplitude(
    pygame_rig: PygameRig, sounds: Sounds, layer_name: LayerName
) -> None:
    layer, output = layer_of(pygame_rig, layer_name), pygame_rig.output
    layer.load(tone_for(sounds, layer_name))
    layer.play()
    full_at = output.wait_for(0.25)
    layer.set_volume(0.5)
    half_at = output.wait_for(0.3)
    layer.set_volume(4.0)  # clamped to 1.0: back to full, not louder
    clamped_at = output.wait_for(0.3)
    samples = output.read()

    full = samples.window(full_at - 0.2, full_at - 0.05).rms()
    half = samples.window(half_at - 0.2, half_at - 0.05).rms()
    clamped = samples.window(clamped_at - 0.2, clamped_at - 0.05).rms()
    assert full == pytest.approx(TONE_RMS, rel=0.1)
    assert half / full == pytest.approx(0.5, abs=0.04)
    assert clamped / full == pytest.approx(1.0, abs=0.04)


def test_volume_holds_through_fades(
    pygame_rig: PygameRig, sounds: Sounds, layer_name: LayerName
) -> None:
    layer, output = layer_of(pygame_rig, layer_name), pygame_rig.output
    layer.load(tone_for(sounds, layer_name))
    layer.play(fade_ms=300)
    layer.set_volume(0.5)  # during the fade-in ("quiet" pressed as the sound starts)
    settled = output.wait_for(0.5)
    layer.stop(fade_ms=400)
    output.wait_for(0.15)
    layer.play()  # again, cutting the fade-out short: back at the layer's volume
    again = output.wait_for(0.35)
    samples = output.read()

    assert samples.window(settled - 0.15, settled - 0.02).rms() == pytest.approx(
        TONE_RMS / 2, rel=0.1
    )
    assert samples.window(again - 0.2, again - 0.05).rms() == pytest.approx(TONE_RMS / 2, rel=0.1)


def test_bed_loops_without_a_gap(pygame_rig: PygameRig, sounds: Sounds) -> None:
    bed, output = pygame_rig.backend.bed, pygame_rig.output
    bed.load(sounds.bed)
    mark = output.seconds_written()
    bed.play()
    end = output.wait_for(BED_SECONDS * 3.5)
    samples = output.read()

    windows = samples.window(mark + 0.15, end - 0.05).rms_windows(0.02)
    assert len(windows) * 0.02 > BED_SECONDS * 2.5  # across at least two loop points
    assert min(windows) == pytest.approx(TONE_RMS, rel=0.1)
    assert max(windows) == pytest.approx(TONE_RMS, rel=0.1)


@pytest.mark.parametrize("suffix", [".wav", ".aiff"])
def test_music_starts_part_way_where_it_should(
    pygame_rig: PygameRig, tmp_path: Path, suffix: str
) -> None:
    # SDL_mixer 2.6 ignores the start for WAV and AIFF; the backend starts them itself.
    music, output = pygame_rig.backend.music, pygame_rig.output
    halves = write_tones(tmp_path / f"halves{suffix}", [(440.0, 0.5), (880.0, 0.5)])
    music.load(halves)
    mark = output.seconds_written()
    music.play(start=0.6)
    took = wait_until(lambda: not music.busy(), timeout=2.0)
    again = output.seconds_written()
    music.play()  # from the beginning once more
    output.wait_for(0.3)
    samples = output.read()

    assert 0.25 <= took <= 0.65
    late = samples.window(mark + 0.05, mark + 0.3)
    assert late.tone(880.0) == pytest.approx(0.5, rel=0.1)
    assert late.tone(440.0) < 0.01
    early = samples.window(again + 0.05, again + 0.25)
    assert early.tone(440.0) == pytest.approx(0.5, rel=0.1)
    assert early.tone(880.0) < 0.01


@pytest.mark.parametrize(
    ("name", "layer_name"),
    [
        ("tone.ogg", "music"),
        ("tone.mp3", "music"),
        ("tone.flac", "music"),
        ("tone.opus", "music"),
        ("tone.ogg", "bed"),
    ],
)
def test_each_format_is_heard(pygame_rig: PygameRig, name: str, layer_name: LayerName) -> None:
    layer, output = layer_of(pygame_rig, layer_name), pygame_rig.output
    layer.load(DATA / name)
    mark = output.seconds_written()
    layer.play()
    output.wait_for(0.5)
    heard = output.read().window(mark + 0.15, mark + 0.45)
    # the fixtures are a 660 Hz sine at amplitude 0.1 (tests/audio/data/make_fixtures.py)
    assert heard.tone(660.0) == pytest.approx(0.1, rel=0.2)


# --- the fake backend's own instruments -------------------------------------------------------


def test_fake_level_follows_volume_and_fades() -> None:
    clock = FakeClock()
    fake = FakeBackend(clock, durations={Path("slow.mp3"): 10.0})
    music = fake.music
    music.load(Path("slow.mp3"))
    music.set_volume(0.8)
    music.play(fade_ms=1000)
    assert music.level() == 0.0
    clock.advance(0.5)
    assert music.level() == pytest.approx(0.4)
    clock.advance(1.0)
    assert music.level() == pytest.approx(0.8)
    music.stop(fade_ms=2000)
    clock.advance(1.0)
    assert (music.playing, music.fading_out) == (True, True)
    assert music.level() == pytest.approx(0.4)
    clock.advance(1.0)
    assert (music.playing, music.level(), music.position()) == (False, 0.0, None)


def test_fake_lengths_come_from_durations_else_the_default() -> None:
    clock = FakeClock()
    lengths = {Path("a.ogg"): 30.0}
    fake = FakeBackend(clock, durations=lengths.get, default_duration=240.0)
    fake.music.load(Path("a.ogg"))
    fake.music.play(start=25.0)
    assert fake.music.natural_end() == pytest.approx(clock.monotonic() + 5.0)
    clock.advance(5.0)
    assert not fake.music.busy()
    fake.music.load(Path("unknown.ogg"))
    assert fake.music.duration == 240.0


def test_fake_broken_files_and_a_failed_device() -> None:
    clock = FakeClock()
    fake = FakeBackend(clock, broken={Path("bad.mp3"): "the file is damaged or cut short"})
    with pytest.raises(AudioError, match=r"^the file is damaged or cut short$"):
        fake.music.load(Path("bad.mp3"))
    fake.music.load(Path("fine.mp3"))  # check_files is off: the file need not exist
    fake.device_error = "the headphones are unplugged"
    with pytest.raises(AudioError, match="headphones"):
        fake.music.play()
    fake.device_error = None
    fake.music.play()
    assert fake.music.playing


def test_fake_history_records_what_was_asked_and_when() -> None:
    clock = FakeClock()
    fake = FakeBackend(clock)
    fake.bed.load(Path("rain.ogg"))
    fake.bed.play(fade_ms=3000)
    clock.advance(60)
    fake.bed.set_volume(2.0)
    with pytest.raises(AudioError):
        fake.music.play()
    fake.close()

    assert [(c.layer, c.action) for c in fake.history] == [
        ("bed", "load"),
        ("bed", "play"),
        ("bed", "set_volume"),
        ("music", "play"),
        ("device", "close"),
    ]
    (volume,) = fake.calls("bed", "set_volume")
    assert (volume.at, volume.volume) == (clock.monotonic(), 1.0)
    (failed,) = fake.calls("music")
    assert failed.error == "nothing is loaded to play"
