"""The player on the real device: what reached SDL's disk driver while it played a soundtrack.

The player runs on the pygame backend with the real :class:`SystemClock`, so its fades happen in
real time, as the samples do. The tests drive it as the window does: call :meth:`Player.tick`,
wait as long as it asked (here: until the device has written that much more sound), and again.
Moments of the player (quiet pressed, the phase moved on, the session closed) are mapped to
positions in the device's output by :meth:`DiskOutput.seconds_written` at that moment; SDL's
buffer adds some tens of milliseconds, so the checks compare windows well before and well after
such a moment, never exact samples.

Each layer sounds at its own frequency, so :meth:`Samples.tone` tells which is heard: the bed at
220 Hz, the settling playlist at 440 Hz, the "Peak" playlist at 660 Hz (and one more settling
track at 880 Hz). Window lengths are multiples of 50 ms, a whole number of cycles of each tone,
so one tone does not leak into another's level.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kapdesk.audio.player import Player, Settings
from kapdesk.audio.pygame_backend import PygameBackend
from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import EventKind
from kapdesk.core.loudness import DEFAULT_TARGET, Loudness
from kapdesk.core.soundtrack import Bed, Playlist, Soundtrack, Track
from tests.audio.sdl_disk import (
    SILENCE,
    DiskOutput,
    Samples,
    disk_device,
    wait_until,
    write_sine_wav,
)

BED_HZ = 220.0
SETTLING_HZ = 440.0
PEAK_HZ = 660.0
LATER_HZ = 880.0

MUSIC_AMPLITUDE = 0.4  # in the files; both layers together stay well below full scale
BED_AMPLITUDE = 0.3
MUSIC_VOLUME = 0.8  # the soundtrack's own volumes
BED_VOLUME = 0.6
MUSIC_LEVEL = MUSIC_AMPLITUDE * MUSIC_VOLUME  # the tone's amplitude at the device, full up
BED_LEVEL = BED_AMPLITUDE * BED_VOLUME
GONE = 0.005  # a tone weaker than this is not there (full up, the quietest is 0.18)

# Said to be at the target, so each layer plays at the soundtrack's own volume (no gain); what the
# gain does at the output is tests/audio/test_loudness_output.py's concern.
AT_TARGET = Loudness(DEFAULT_TARGET, -8.0)

SETTINGS = Settings(
    master_limit=1.0,
    quiet_level=0.1,
    quiet_seconds=0.4,
    track_fade_seconds=0.2,
    bed_fade_seconds=0.3,
    close_fade_seconds=0.4,
)
SWITCH_FADE = 0.3  # the soundtrack's fade_seconds: how long the music takes to fade on a switch

Heard = list[tuple[EventKind, dict[str, Any]]]


# --- sounds -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sounds:
    bed: Path  # BED_HZ, 0.5 s, loops seamlessly
    settling: Path  # SETTLING_HZ, 2 s
    peak: Path  # PEAK_HZ, 2 s
    short: Path  # SETTLING_HZ, 1 s
    later: Path  # LATER_HZ, 2 s
    corrupt: Path  # random bytes named .ogg
    empty: Path  # zero bytes named .ogg


@pytest.fixture(scope="module")
def sounds(tmp_path_factory: pytest.TempPathFactory) -> Sounds:
    folder = tmp_path_factory.mktemp("player-sounds")
    corrupt = folder / "corrupt.ogg"
    corrupt.write_bytes(random.Random(11).randbytes(6000))
    empty = folder / "empty.ogg"
    empty.write_bytes(b"")
    return Sounds(
        bed=write_sine_wav(folder / "bed.wav", BED_HZ, 0.5, amplitude=BED_AMPLITUDE),
        settling=write_sine_wav(folder / "settle.wav", SETTLING_HZ, 2.0, amplitude=MUSIC_AMPLITUDE),
        peak=write_sine_wav(folder / "peak.wav", PEAK_HZ, 2.0, amplitude=MUSIC_AMPLITUDE),
        short=write_sine_wav(folder / "short.wav", SETTLING_HZ, 1.0, amplitude=MUSIC_AMPLITUDE),
        later=write_sine_wav(folder / "later.wav", LATER_HZ, 2.0, amplitude=MUSIC_AMPLITUDE),
        corrupt=corrupt,
        empty=empty,
    )


def _track(path: Path, seconds: float | None = None) -> Track:
    return Track(str(path), path.stem, "", seconds, AT_TARGET)


def _soundtrack(sounds: Sounds, settling: Playlist | None = None) -> Soundtrack:
    return Soundtrack(
        name="Tones",
        bed=Bed(str(sounds.bed), "Drone", AT_TARGET),
        settling=settling
        or Playlist("settle", (_track(sounds.settling, 2.0), _track(sounds.settling, 2.0))),
        phases={"Peak": Playlist("peak", (_track(sounds.peak, 2.0),))},
        fade_seconds=SWITCH_FADE,
        music_volume=MUSIC_VOLUME,
        bed_volume=BED_VOLUME,
    )


# --- the room: the device, the player, and the window's timer ---------------------------------


@dataclass
class Room:
    backend: PygameBackend
    output: DiskOutput
    player: Player
    heard: Heard = field(default_factory=list)

    def now(self) -> float:
        """Where the device's output is: the position of what the player does next."""
        return self.output.seconds_written()

    def run_until(self, position: float) -> float:
        """Tick the player as the window's timer does (at once, then whenever :meth:`Player.tick`
        asks) until the device has written ``position`` seconds; returns where it is then."""
        while True:
            written = self.output.seconds_written()
            if written >= position:
                return written
            due = min(position, written + self.player.tick())
            _reach(self.output, due)

    def run_until_true(self, condition: Callable[[], bool], timeout: float) -> float:
        """Tick the player the same way until ``condition`` holds after a tick; returns the
        position of that moment."""
        limit = self.now() + timeout
        while True:
            wait = self.player.tick()
            written = self.now()
            if condition():
                return written
            assert written < limit, f"condition still false after {timeout} s of sound"
            _reach(self.output, written + wait)

    def start(self, soundtrack: Soundtrack) -> float:
        """Start the soundtrack (settling); returns where in the output the sound begins."""
        mark = self.now()
        self.player.start(soundtrack, None)
        self.run_until(mark + 0.2)
        return _onset(self.output.read(), mark)

    def events(self, kind: EventKind) -> list[dict[str, Any]]:
        return [data for k, data in self.heard if k is kind]


def _reach(output: DiskOutput, position: float) -> None:
    left = max(0.0, position - output.seconds_written())
    wait_until(lambda: output.seconds_written() >= position, timeout=left * 4 + 2)


def _onset(samples: Samples, mark: float) -> float:
    """Where sound begins after ``mark`` (within SDL's latency of it)."""
    onset = samples.window(mark, mark + 0.5).onset(0.001)
    assert onset is not None, "nothing was heard after the player started"
    assert mark <= onset < mark + 0.1
    return onset


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Room]:
    with disk_device(tmp_path, monkeypatch) as (output, backend):
        heard: Heard = []

        def record(kind: EventKind, data: Mapping[str, Any]) -> None:
            heard.append((kind, dict(data)))

        player = Player(backend, SystemClock(), SETTINGS, on_event=record)
        _reach(output, 0.1)  # the device is running: positions before a start are silence
        yield Room(backend, output, player, heard)


def _levels(samples: Samples, start: float, end: float) -> tuple[float, float]:
    """(music at 440 Hz, bed) between ``start`` and ``end`` seconds of the output."""
    heard = samples.window(start, end)
    return heard.tone(SETTLING_HZ), heard.tone(BED_HZ)


# --- the tests --------------------------------------------------------------------------------


def test_start_fades_the_music_in_over_the_rising_bed(room: Room, sounds: Sounds) -> None:
    mark = room.now()
    onset = room.start(_soundtrack(sounds))
    room.run_until(onset + 0.6)
    samples = room.output.read()

    assert not samples.window(mark - 0.1, mark).audible()
    rising = samples.window(onset, onset + 0.2).rms_windows(0.05)
    assert len(rising) == 4
    assert rising == sorted(rising)
    assert len(set(rising)) == 4  # strictly rising, never a step to full
    music = [samples.window(onset + t, onset + t + 0.05).tone(SETTLING_HZ) for t in (0, 0.05, 0.1)]
    bed = [samples.window(onset + t, onset + t + 0.05).tone(BED_HZ) for t in (0, 0.1, 0.2)]
    full_music, full_bed = _levels(samples, onset + 0.35, onset + 0.55)
    assert music[0] < music[1] < music[2] < full_music
    assert music[0] < 0.4 * full_music
    assert bed[0] < bed[1] < bed[2] < full_bed
    assert bed[0] < 0.4 * full_bed
    assert full_music == pytest.approx(MUSIC_LEVEL, rel=0.1)
    assert full_bed == pytest.approx(BED_LEVEL, rel=0.1)


def test_quiet_fades_everything_to_a_murmur_and_back(room: Room, sounds: Sounds) -> None:
    onset = room.start(_soundtrack(sounds))
    quiet_on = room.run_until(onset + 0.45)
    room.player.set_quiet(True)
    quiet_off = room.run_until(quiet_on + 0.65)
    room.player.set_quiet(False)
    end = room.run_until(quiet_off + 0.65)
    samples = room.output.read()

    before = _levels(samples, quiet_on - 0.15, quiet_on - 0.05)
    fading = _levels(samples, quiet_on + 0.15, quiet_on + 0.25)
    quiet = _levels(samples, quiet_off - 0.15, quiet_off - 0.05)
    rising = _levels(samples, quiet_off + 0.15, quiet_off + 0.25)
    back = _levels(samples, end - 0.15, end - 0.05)
    for layer, full in enumerate((MUSIC_LEVEL, BED_LEVEL)):
        assert before[layer] == pytest.approx(full, rel=0.1)
        assert 0.06 < quiet[layer] / before[layer] < 0.15  # about quiet_level: a murmur
        assert quiet[layer] > GONE  # ... not silence
        assert 1.5 * quiet[layer] < fading[layer] < 0.9 * before[layer]  # a fade, not a jump
        assert 1.5 * quiet[layer] < rising[layer] < 0.9 * back[layer]
        assert back[layer] == pytest.approx(full, rel=0.1)
    assert room.events(EventKind.QUIET) == [{"on": True}, {"on": False}]


def test_bed_and_music_are_heard_together(room: Room, sounds: Sounds) -> None:
    onset = room.start(_soundtrack(sounds))
    room.run_until(onset + 0.7)
    both = room.output.read().window(onset + 0.4, onset + 0.65)

    assert both.tone(SETTLING_HZ) == pytest.approx(MUSIC_LEVEL, rel=0.1)
    assert both.tone(BED_HZ) == pytest.approx(BED_LEVEL, rel=0.1)
    # ... and nothing else: the two tones make up all of the sound
    assert both.rms() == pytest.approx(((MUSIC_LEVEL**2 + BED_LEVEL**2) / 2) ** 0.5, rel=0.05)


def test_phase_change_fades_to_the_next_playlist_over_the_bed(room: Room, sounds: Sounds) -> None:
    onset = room.start(_soundtrack(sounds))
    mark = room.run_until(onset + 0.5)
    room.player.phase_changed("Peak")
    end = room.run_until(mark + 1.0)
    samples = room.output.read()

    before = samples.window(mark - 0.2, mark - 0.05)
    assert before.tone(SETTLING_HZ) == pytest.approx(MUSIC_LEVEL, rel=0.1)
    assert before.tone(PEAK_HZ) < GONE
    fading = samples.window(mark + 0.1, mark + 0.2).tone(SETTLING_HZ)
    assert 0.05 < fading < 0.9 * before.tone(SETTLING_HZ)  # the old music fades, not cut
    after = samples.window(end - 0.25, end - 0.05)
    assert after.tone(PEAK_HZ) == pytest.approx(MUSIC_LEVEL, rel=0.1)
    assert after.tone(SETTLING_HZ) < GONE
    assert samples.window(mark + SWITCH_FADE + 0.15, end).tone(SETTLING_HZ) < GONE
    # the bed goes on under all of it, at its own level
    bed = [samples.window(t, t + 0.05).tone(BED_HZ) for t in _steps(onset + 0.35, end - 0.05, 0.05)]
    assert len(bed) > 20
    assert min(bed) == pytest.approx(BED_LEVEL, rel=0.1)
    assert max(bed) == pytest.approx(BED_LEVEL, rel=0.1)
    assert [d["playlist"] for d in room.events(EventKind.TRACK)] == ["settle", "peak"]


def test_a_bad_file_is_skipped_and_the_next_one_plays(room: Room, sounds: Sounds) -> None:
    settling = Playlist(
        "settle",
        (
            _track(sounds.corrupt),
            _track(sounds.short, 1.0),
            _track(sounds.empty),
            _track(sounds.later, 2.0),
        ),
    )
    onset = room.start(_soundtrack(sounds, settling))
    first = room.run_until(onset + 0.6)
    failed = room.events(EventKind.TRACK_FAILED)
    assert [(d["index"], d["title"]) for d in failed] == [(0, "corrupt")]
    # the end of the 1 s track is noticed on a tick (every PLAY_TICK); the empty file is skipped
    later = room.run_until_true(lambda: room.player.index == 3, timeout=2.0)
    end = room.run_until(later + 0.55)
    samples = room.output.read()

    heard = samples.window(first - 0.3, first - 0.05)  # the good track after the corrupt one
    assert heard.tone(SETTLING_HZ) == pytest.approx(MUSIC_LEVEL, rel=0.1)
    assert heard.tone(BED_HZ) == pytest.approx(BED_LEVEL, rel=0.1)
    assert heard.rms() == pytest.approx(((MUSIC_LEVEL**2 + BED_LEVEL**2) / 2) ** 0.5, rel=0.05)
    then = samples.window(end - 0.2, end - 0.05)  # the good track after the empty one
    assert then.tone(LATER_HZ) == pytest.approx(MUSIC_LEVEL, rel=0.1)
    assert then.tone(SETTLING_HZ) < GONE
    assert then.tone(BED_HZ) == pytest.approx(BED_LEVEL, rel=0.1)
    failed = room.events(EventKind.TRACK_FAILED)
    assert [(d["index"], d["title"]) for d in failed] == [(0, "corrupt"), (2, "empty")]
    assert all(d["reason"] for d in failed)
    assert [d["index"] for d in room.events(EventKind.TRACK)] == [1, 3]


def test_finish_fades_everything_to_silence(room: Room, sounds: Sounds) -> None:
    onset = room.start(_soundtrack(sounds))
    mark = room.run_until(onset + 0.5)
    room.player.finish()
    room.player.set_quiet(False)  # nothing more happens once the session is closed
    end = room.run_until(mark + 0.8)
    samples = room.output.read()

    before = samples.window(mark - 0.15, mark - 0.05).rms()
    fading = samples.window(mark + 0.1, mark + 0.3).rms_windows(0.05)
    assert before == pytest.approx(((MUSIC_LEVEL**2 + BED_LEVEL**2) / 2) ** 0.5, rel=0.1)
    assert before > fading[0] > fading[1] > fading[2] > fading[3] > 0  # a fade, not a cut
    after = samples.window(mark + SETTINGS.close_fade_seconds + 0.15, end)
    assert after.seconds > 0.2
    assert after.peak() < SILENCE
    assert not room.backend.music.busy()
    assert not room.backend.bed.busy()


def _steps(start: float, end: float, step: float) -> list[float]:
    return [start + i * step for i in range(int((end - start) / step))]
