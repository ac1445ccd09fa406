"""The player on the fake device and a fake clock: phases, fades, quiet, bad files, resume."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from kapdesk.audio.fake import FakeBackend
from kapdesk.audio.player import Player, Settings
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind
from kapdesk.core.soundtrack import Bed, Playlist, Soundtrack, Switch, Track

Heard = list[tuple[EventKind, dict[str, Any]]]


def _list(name: str, *seconds: float) -> Playlist:
    return Playlist(
        name, tuple(Track(f"/m/{name}{i}.ogg", f"{name}{i}", "", s) for i, s in enumerate(seconds))
    )


SETTLE = _list("settle", 100, 100)
DEEP = _list("deep", 300, 300)
GENTLE = _list("gentle", 200)


def _soundtrack(switch: Switch = Switch.FADE) -> Soundtrack:
    return Soundtrack(
        name="Test",
        bed=Bed("/s/rain.ogg", "Rain"),
        settling=SETTLE,
        phases={"Peak": DEEP, "Onset": DEEP},
        default=GENTLE,
        switch=switch,
        fade_seconds=8.0,
        music_volume=0.5,
        bed_volume=0.5,
    )


@pytest.fixture
def backend(clock: FakeClock) -> FakeBackend:
    durations = {Path(t.path): t.duration or 0 for p in (SETTLE, DEEP, GENTLE) for t in p.tracks}
    return FakeBackend(clock, durations=durations, default_duration=60)


@pytest.fixture
def heard() -> Heard:
    return []


@pytest.fixture
def player(backend: FakeBackend, clock: FakeClock, heard: Heard) -> Player:
    def record(kind: EventKind, data: Mapping[str, Any]) -> None:
        heard.append((kind, dict(data)))

    return Player(backend, clock, Settings(master_limit=1.0), on_event=record)


def _run(player: Player, clock: FakeClock, seconds: float) -> None:
    """Let the player's timer fire as it asks, for ``seconds`` of fake time."""
    end = clock.monotonic() + seconds
    while clock.monotonic() < end:
        clock.advance(min(player.tick(), end - clock.monotonic()))
    player.tick()


def _tracks(heard: Heard) -> list[str]:
    return [data["title"] for kind, data in heard if kind is EventKind.TRACK]


def test_start_brings_the_bed_and_the_settling_music_in_with_fades(
    player: Player, backend: FakeBackend, heard: Heard
) -> None:
    player.start(_soundtrack(), None)
    assert backend.bed.loaded == Path("/s/rain.ogg")
    assert backend.bed.fade_in_ms == 6000
    assert backend.music.loaded == Path("/m/settle0.ogg")
    assert backend.music.fade_in_ms == 2000
    assert backend.music.level() == 0.0  # rising from silence, never abrupt
    assert heard == [
        (
            EventKind.TRACK,
            {"playlist": "settle", "index": 0, "path": "/m/settle0.ogg", "title": "settle0",
             "artist": "", "offset": 0.0},
        )
    ]  # fmt: skip


def test_tracks_follow_each_other_then_the_music_runs_out_and_the_bed_goes_on(
    player: Player, backend: FakeBackend, clock: FakeClock, heard: Heard
) -> None:
    player.start(_soundtrack(), None)
    _run(player, clock, 150)
    second = player.now_playing
    assert second == SETTLE.tracks[1]
    assert player.position == pytest.approx(50, abs=0.6)
    _run(player, clock, 60)
    assert player.now_playing is None
    assert player.ran_out
    assert heard[-1] == (EventKind.MUSIC_ENDED, {"playlist": "settle"})
    assert backend.bed.playing


def test_a_phase_change_fades_the_music_out_then_the_new_playlist_in(
    player: Player, backend: FakeBackend, clock: FakeClock, heard: Heard
) -> None:
    player.start(_soundtrack(Switch.FADE), None)
    _run(player, clock, 30)
    player.phase_changed("Peak")
    assert backend.music.fading_out
    assert backend.music.fade_out_ms == 8000
    _run(player, clock, 4)
    assert backend.music.loaded == Path("/m/settle0.ogg")  # still fading
    _run(player, clock, 5)
    assert backend.music.loaded == Path("/m/deep0.ogg")
    assert _tracks(heard) == ["settle0", "deep0"]


def test_at_end_of_track_the_switch_waits_for_the_track_to_finish(
    player: Player, backend: FakeBackend, clock: FakeClock, heard: Heard
) -> None:
    player.start(_soundtrack(Switch.END_OF_TRACK), None)
    _run(player, clock, 30)
    player.phase_changed("Return")
    assert player.up_next == GENTLE.tracks[0]
    _run(player, clock, 60)
    assert player.now_playing == SETTLE.tracks[0]
    assert not backend.music.fading_out
    _run(player, clock, 15)
    assert player.now_playing == GENTLE.tracks[0]
    assert _tracks(heard) == ["settle0", "gentle0"]


def test_phases_that_share_a_playlist_keep_it_playing(
    player: Player, clock: FakeClock, heard: Heard
) -> None:
    player.start(_soundtrack(), "Onset")
    _run(player, clock, 100)
    player.phase_changed("Peak")
    _run(player, clock, 30)
    assert player.now_playing == DEEP.tracks[0]
    assert player.position == pytest.approx(130, abs=0.6)
    assert _tracks(heard) == ["deep0"]


def test_quiet_fades_everything_down_and_back_up(
    player: Player, backend: FakeBackend, clock: FakeClock, heard: Heard
) -> None:
    player.start(_soundtrack(), None)
    _run(player, clock, 10)
    assert backend.music.volume == pytest.approx(0.5)
    player.set_quiet(True)
    _run(player, clock, 1.5)
    halfway = backend.music.volume
    assert 0.5 * 0.12 < halfway < 0.5  # a fade, not a jump
    _run(player, clock, 2)
    assert backend.music.volume == pytest.approx(0.5 * 0.12)
    assert backend.bed.volume == pytest.approx(0.5 * 0.12)
    player.set_quiet(False)
    _run(player, clock, 3.1)
    assert backend.music.volume == pytest.approx(0.5)
    assert [d["on"] for k, d in heard if k is EventKind.QUIET] == [True, False]


def test_no_layer_ever_exceeds_the_master_limit(backend: FakeBackend, clock: FakeClock) -> None:
    player = Player(backend, clock, Settings(master_limit=0.6))
    player.start(_soundtrack(), None)
    player.set_volumes(music=1.0, bed=3.0)
    assert backend.music.volume == pytest.approx(0.6)
    assert backend.bed.volume == pytest.approx(0.6)


def test_a_file_that_cannot_play_is_skipped_and_the_sitter_told(
    clock: FakeClock, heard: Heard
) -> None:
    backend = FakeBackend(clock, broken={Path("/m/settle0.ogg"): "the file is damaged"})
    player = Player(backend, clock, on_event=lambda kind, data: heard.append((kind, dict(data))))
    player.start(_soundtrack(), None)
    assert player.now_playing == SETTLE.tracks[1]
    assert heard[0][0] is EventKind.TRACK_FAILED
    assert heard[0][1]["reason"] == "the file is damaged"
    assert player.problems == ["“settle0” was skipped: the file is damaged"]


def test_when_nothing_can_play_the_music_has_ended_and_the_bed_plays_on(
    clock: FakeClock, heard: Heard
) -> None:
    broken = {Path(t.path): "the file is missing" for t in SETTLE.tracks}
    broken[Path("/s/rain.ogg")] = "the file is empty"
    backend = FakeBackend(clock, broken=broken)
    player = Player(backend, clock, on_event=lambda kind, data: heard.append((kind, dict(data))))
    player.start(_soundtrack(), None)
    assert player.ran_out
    assert [k for k, _ in heard] == [
        EventKind.TRACK_FAILED,
        EventKind.TRACK_FAILED,
        EventKind.MUSIC_ENDED,
    ]
    assert player.bed_problem == "The bed “Rain” cannot play: the file is empty"


def test_resume_picks_the_music_up_at_its_track_and_position(
    player: Player, backend: FakeBackend
) -> None:
    player.start(_soundtrack(), "Peak", resume=(0, 340.0))  # 40 s into the second track
    assert backend.music.loaded == Path("/m/deep1.ogg")
    assert backend.music.start == pytest.approx(40.0)
    assert player.position == pytest.approx(40.0)


def test_skip_fades_the_track_out_and_plays_the_next(
    player: Player, backend: FakeBackend, clock: FakeClock, heard: Heard
) -> None:
    player.start(_soundtrack(), None)
    _run(player, clock, 5)
    player.skip(by="Robin")
    assert backend.music.fading_out
    _run(player, clock, 2.5)
    assert player.now_playing == SETTLE.tracks[1]
    assert (EventKind.TRACK_SKIPPED, "Robin") in [(k, d.get("by")) for k, d in heard]


def test_closing_the_session_fades_everything_away(
    player: Player, backend: FakeBackend, clock: FakeClock
) -> None:
    player.start(_soundtrack(), None)
    _run(player, clock, 10)
    player.finish()
    assert backend.music.fade_out_ms == 20000
    assert backend.bed.fade_out_ms == 20000
    _run(player, clock, 21)
    assert not backend.music.playing
    assert not backend.bed.playing
    player.phase_changed("Peak")  # nothing starts again
    assert not backend.music.playing


def test_a_second_phase_change_during_the_fade_goes_to_the_newest_phase(
    player: Player, backend: FakeBackend, clock: FakeClock, heard: Heard
) -> None:
    player.start(_soundtrack(Switch.FADE), None)
    _run(player, clock, 10)
    player.phase_changed("Peak")
    _run(player, clock, 2)
    player.phase_changed("Return")  # the sitter moves on again while the music still fades
    assert backend.music.fading_out  # not cut off
    assert backend.music.loaded == Path("/m/settle0.ogg")
    _run(player, clock, 7)
    assert backend.music.loaded == Path("/m/gentle0.ogg")
    assert _tracks(heard) == ["settle0", "gentle0"]


def test_skip_during_a_phase_fade_does_not_bring_the_old_playlist_back(
    player: Player, backend: FakeBackend, clock: FakeClock, heard: Heard
) -> None:
    player.start(_soundtrack(Switch.FADE), None)
    _run(player, clock, 10)
    player.phase_changed("Peak")
    player.skip()
    _run(player, clock, 9)
    assert backend.music.loaded == Path("/m/deep0.ogg")
    assert EventKind.TRACK_SKIPPED not in [kind for kind, _ in heard]


def test_the_next_track_follows_the_last_without_a_gap(
    player: Player, clock: FakeClock, heard: Heard
) -> None:
    player.start(_soundtrack(), None)
    _run(player, clock, 99.6)
    wait = player.tick()
    assert wait < 0.5  # it looks again just after the track's end, not half a second later
    clock.advance(wait)
    player.tick()
    assert player.now_playing == SETTLE.tracks[1]
