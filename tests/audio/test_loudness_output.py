"""Every track at the clinic's target, at the output: tracks mastered 24 dB apart, played through
the real pygame backend and the player into SDL's disk driver, come out at the same loudness.

The tracks are pink noise made by ffmpeg at about -30, -6 and -18 LUFS (the loud one clips, as a
loud master's limiter would leave it), measured by kapdesk's own meter as the library measures
them (``measuring.loudness_of``), and played in that order at a target of -30 LUFS with the
soundtrack's and the room's volume full up, so each should come out at the target itself. The
whole chain is under test: kapdesk's measurement, the gain the player takes from it, and the
samples it writes. The player runs on the real clock, ticked as the window's timer does; each
track's start is marked by where the device's output was when the player said it started, and
its steady part (after the fade-in, before its end) is measured with ffmpeg's EBU R128 meter
(``ebur128``) from the written samples. Its first second is checked too, where a gain applied
late would show: rising through the fade, it must never be louder than the steady part. Nothing
may reach full scale.

ffmpeg is a test tool here, an independent meter of the output; without it the test is skipped.
"""

from __future__ import annotations

import array
import math
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kapdesk.audio.measuring import loudness_of
from kapdesk.audio.player import Player, Settings
from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import EventKind
from kapdesk.core.loudness import Loudness
from kapdesk.core.soundtrack import Bed, Playlist, Soundtrack, Track
from tests.audio.sdl_disk import FRAME_BYTES, RATE, DiskOutput, disk_device, wait_until

FFMPEG = shutil.which("ffmpeg")
pytestmark = pytest.mark.skipif(FFMPEG is None, reason="ffmpeg is needed as a second meter")

TARGET = -30.0  # LUFS: the quietest track is just above it, so every track can reach it
SECONDS = 4.0  # each track
FADE = 0.3  # each track rises from silence over this
STEADY_AFTER = 0.6  # the steady part begins this long after a track starts (fade and latency)
STEADY_BEFORE = 0.3  # ... and ends this long before its end
TOLERANCE = 1.0  # LU, at the output
ONSET = 1.0  # seconds from a track's start checked for a burst before its gain
WINDOW = 0.1  # seconds of sound in each level measured there
ONSET_ALLOWANCE = 1.0  # dB a window of the onset may pass the steady part's loudest window by
# (name, gain in dB from ffmpeg's pink noise): about -30, -6 and -18 LUFS, quiet before loud
MASTERS = (("quiet", -14.8), ("loud", 8.7), ("middle", -3.3))

SETTINGS = Settings(
    master_limit=1.0,
    track_fade_seconds=FADE,
    bed_fade_seconds=FADE,
    close_fade_seconds=0.3,
    target_loudness=TARGET,
)


@dataclass(frozen=True)
class Measured:
    integrated: float  # LUFS
    true_peak: float  # dBTP


def _ffmpeg(*arguments: str) -> str:
    assert FFMPEG is not None
    done = subprocess.run(
        [FFMPEG, "-nostdin", "-nostats", "-hide_banner", *arguments],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stderr


def _ebur128(*source: str) -> Measured:
    """Integrated loudness and true peak of ``source`` (ffmpeg input arguments), from the
    summary ffmpeg's EBU R128 meter prints at the end."""
    summary = _ffmpeg(*source, "-af", "ebur128=peak=true", "-f", "null", "-").rpartition(
        "Summary:"
    )[2]
    integrated = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    peak = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    assert integrated is not None, summary
    assert peak is not None, summary
    return Measured(float(integrated[1]), float(peak[1]))


def _pink_noise(path: Path, gain_db: float, seed: int) -> Path:
    _ffmpeg(
        "-f",
        "lavfi",
        "-i",
        f"anoisesrc=color=pink:seed={seed}:amplitude=1.0:duration={SECONDS}:sample_rate={RATE}",
        "-af",
        f"volume={gain_db}dB",
        "-ac",
        "2",
        "-c:a",
        "pcm_s16le",
        "-y",
        str(path),
    )
    return path


@dataclass(frozen=True)
class Master:
    path: Path
    loudness: Loudness  # as kapdesk's library measures it


@pytest.fixture(scope="module")
def masters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Master]:
    folder = tmp_path_factory.mktemp("masters")
    made = {}
    for seed, (name, gain) in enumerate(MASTERS, start=3):
        path = _pink_noise(folder / f"{name}.wav", gain, seed)
        made[name] = Master(path, loudness_of(path))
    return made


@dataclass
class Room:
    output: DiskOutput
    player: Player = field(init=False)
    starts: list[tuple[str, float]] = field(default_factory=list)  # (title, output position)
    ended: bool = False

    def heard(self, kind: EventKind, data: Mapping[str, Any]) -> None:
        if kind is EventKind.TRACK:
            self.starts.append((str(data["title"]), self.output.seconds_written()))
        elif kind is EventKind.MUSIC_ENDED:
            self.ended = True

    def play_until_the_music_ends(self, timeout: float) -> None:
        """Tick the player as the window's timer does until its playlist has run out."""
        limit = self.output.seconds_written() + timeout
        while not self.ended:
            wait = self.player.tick()
            written = self.output.seconds_written()
            assert written < limit, f"the music still plays after {timeout} s of sound"
            self.reach(written + wait)

    def reach(self, position: float) -> None:
        """Wait until the device has written ``position`` seconds of sound."""
        left = max(0.0, position - self.output.seconds_written())
        wait_until(lambda: self.output.seconds_written() >= position, left * 4 + 2)

    def steady_part(self, start: float) -> bytes:
        """The samples written while a track that started at ``start`` played steadily."""
        return self.written(start + STEADY_AFTER, start + SECONDS - STEADY_BEFORE)

    def onset(self, start: float) -> bytes:
        """The samples written in the first second of a track that started at ``start``."""
        return self.written(start, start + ONSET)

    def written(self, begin: float, end: float) -> bytes:
        data = self.output.path.read_bytes()
        first = round(begin * RATE) * FRAME_BYTES
        last = round(end * RATE) * FRAME_BYTES
        assert last <= len(data), "the device has not written the whole track"
        return data[first:last]


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Room]:
    with disk_device(tmp_path, monkeypatch) as (output, backend):
        made = Room(output)
        made.player = Player(backend, SystemClock(), SETTINGS, on_event=made.heard)
        wait_until(lambda: output.seconds_written() >= 0.1, 5)  # the device is running
        yield made


def _output_loudness(part: bytes, folder: Path, name: str) -> Measured:
    raw = folder / f"{name}.raw"
    raw.write_bytes(part)
    return _ebur128("-f", "s16le", "-ar", str(RATE), "-ac", "2", "-i", str(raw))


def _samples(data: bytes) -> array.array[int]:
    pcm = array.array("h")
    pcm.frombytes(data[: len(data) - len(data) % 2])
    if sys.byteorder == "big":
        pcm.byteswap()
    return pcm


def _full_scale_samples(data: bytes) -> int:
    return sum(1 for value in _samples(data) if value in (32767, -32768))


def _loudest_window(data: bytes) -> float:
    """The level (dBFS RMS, both channels) of the loudest ``WINDOW`` of sound in ``data``,
    windows starting every quarter window."""
    squares = [0]
    for value in _samples(data):
        squares.append(squares[-1] + value * value)
    size = round(WINDOW * RATE) * 2
    step = size // 4
    loudest = max(
        (squares[i + size] - squares[i] for i in range(0, len(squares) - size, step)), default=0
    )
    return 10 * math.log10(max(loudest / size, 1) / 32768**2)


def _onset_bursts(room: Room, starts: list[tuple[str, float]]) -> dict[str, float]:
    """Each track whose first second had a window louder than its steady part allows, with
    how many dB louder: a gain applied after the sound began shows here."""
    bursts = {}
    for title, start in starts:
        over = _loudest_window(room.onset(start)) - _loudest_window(room.steady_part(start))
        if over > ONSET_ALLOWANCE:
            bursts[title] = round(over, 1)
    return bursts


def test_tracks_mastered_24_db_apart_play_at_the_target_and_never_clip(
    room: Room, masters: dict[str, Master], tmp_path: Path
) -> None:
    levels = {name: master.loudness.integrated for name, master in masters.items()}
    assert levels["loud"] - levels["quiet"] >= 23.5  # as far apart as the two records
    assert levels["quiet"] >= TARGET  # reachable by lowering alone
    playlist = Playlist(
        "masters",
        tuple(Track(str(m.path), name, "", SECONDS, m.loudness) for name, m in masters.items()),
    )
    soundtrack = Soundtrack(name="Masters", settling=playlist, music_volume=1.0)
    room.player.start(soundtrack, None)
    room.play_until_the_music_ends(timeout=3 * SECONDS + 6)

    assert [title for title, _ in room.starts] == ["quiet", "loud", "middle"]
    heard = {
        title: _output_loudness(room.steady_part(start), tmp_path, title).integrated
        for title, start in room.starts
    }
    off_target = {title: round(level - TARGET, 2) for title, level in heard.items()}
    assert all(abs(off) <= TOLERANCE for off in off_target.values()), off_target
    assert _onset_bursts(room, room.starts) == {}
    assert _full_scale_samples(room.output.path.read_bytes()) == 0


def test_a_loud_bed_plays_at_the_target_too(
    room: Room, masters: dict[str, Master], tmp_path: Path
) -> None:
    loud = masters["loud"]
    soundtrack = Soundtrack(
        name="Bed", bed=Bed(str(loud.path), "Loud noise", loud.loudness), bed_volume=1.0
    )
    start = room.output.seconds_written()
    room.player.start(soundtrack, None)
    room.reach(start + SECONDS)
    heard = _output_loudness(room.steady_part(start), tmp_path, "bed").integrated
    assert abs(heard - TARGET) <= TOLERANCE, heard
    assert _onset_bursts(room, [("bed", start)]) == {}
    assert _full_scale_samples(room.output.path.read_bytes()) == 0
