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
from kapdesk.core.loudness import Loudness, mixer_volume
from kapdesk.core.soundtrack import Bed, Playlist, Soundtrack, Switch, Track

Heard = list[tuple[EventKind, dict[str, Any]]]

# Mastered at the clinic's default target: played at the soundtrack's own volumes, no gain.
ON_TARGET = Loudness(-26.0, -12.0)
LOUD = Loudness(-6.0, -0.5)  # a modern master: 20 dB down at -26
QUIET = Loudness(-32.0, -14.0)  # an old ambient record: 6 LU short of -26, played as it is


def _list(name: str, *seconds: float) -> Playlist:
    return Playlist(
        name,
        tuple(
            Track(f"/m/{name}{i}.ogg", f"{name}{i}", "", s, ON_TARGET)
            for i, s in enumerate(seconds)
        ),
    )


SETTLE = _list("settle", 100, 100)
DEEP = _list("deep", 300, 300)
GENTLE = _list("gentle", 200)


def _soundtrack(switch: Switch = Switch.FADE) -> Soundtrack:
    return Soundtrack(
        name="Test",
        bed=Bed("/s/rain.ogg", "Rain", ON_TARGET),
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
             "artist": "", "offset": 0.0, "gain_db": 0.0, "loudness_lufs": -26.0},
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
    assert backend.music.volume == mixer_volume(0.5 * 0.12)  # 8/128, the mixer's nearest step
    assert backend.bed.volume == mixer_volume(0.5 * 0.12)
    player.set_quiet(False)
    _run(player, clock, 3.1)
    assert backend.music.volume == pytest.approx(0.5)
    assert [d["on"] for k, d in heard if k is EventKind.QUIET] == [True, False]


def test_no_layer_ever_exceeds_the_master_limit(backend: FakeBackend, clock: FakeClock) -> None:
    player = Player(backend, clock, Settings(master_limit=0.6))
    player.start(_soundtrack(), None)
    player.set_volumes(music=1.0, bed=3.0)
    assert backend.music.volume == 76 / 128  # the step under 0.6, not the nearest one above
    assert backend.bed.volume == 76 / 128
    assert backend.music.volume <= 0.6


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


# --- loudness: every track at the clinic's target ---------------------------------------------


def _mixed(*loudness: Loudness | None, name: str = "mixed") -> Playlist:
    return Playlist(
        name,
        tuple(
            Track(f"/m/{name}{i}.ogg", f"{name}{i}", "", 100, lu) for i, lu in enumerate(loudness)
        ),
    )


def _mixed_soundtrack(settling: Playlist, peak: Playlist | None = None) -> Soundtrack:
    return Soundtrack(
        name="Mixed",
        bed=Bed("/s/rain.ogg", "Rain", Loudness(-16.0, -6.0)),  # 10 dB down at -26
        settling=settling,
        phases={"Peak": peak or DEEP},
        fade_seconds=8.0,
        music_volume=0.5,
        bed_volume=0.5,
    )


def _volume_at_play(backend: FakeBackend, path: str) -> float | None:
    """The music volume the layer had when ``path`` last started to play."""
    volume = found = None
    for call in backend.history:
        if call.layer == "music" and call.action == "set_volume":
            volume = call.volume
        if call.layer == "music" and call.action == "play" and call.path == Path(path):
            found = volume
    return found


def _started(heard: Heard) -> list[tuple[str, float, float | None]]:
    return [
        (d["title"], d["gain_db"], d["loudness_lufs"]) for k, d in heard if k is EventKind.TRACK
    ]


def test_a_loud_master_comes_down_and_a_quiet_record_plays_as_it_is(
    player: Player, backend: FakeBackend, clock: FakeClock, heard: Heard
) -> None:
    player.start(_mixed_soundtrack(_mixed(LOUD, QUIET)), None)
    assert backend.music.volume == mixer_volume(0.5 * 0.1)  # -20 dB: 6/128
    assert _volume_at_play(backend, "/m/mixed0.ogg") == 6 / 128  # the fade-in rises to it
    assert backend.bed.volume == mixer_volume(0.5 * 10 ** (-10 / 20)) == 20 / 128
    _run(player, clock, 101)
    assert player.now_playing is not None
    assert player.now_playing.title == "mixed1"
    assert _volume_at_play(backend, "/m/mixed1.ogg") == 0.5  # set before it began, not after
    assert backend.music.volume == 0.5
    assert _started(heard) == [("mixed0", -20.0, -6.0), ("mixed1", 0.0, -32.0)]


def test_an_unmeasured_track_plays_as_the_loudest_master_would(
    player: Player, backend: FakeBackend, heard: Heard
) -> None:
    player.start(_mixed_soundtrack(_mixed(None)), None)
    assert backend.music.volume == mixer_volume(0.5 * 10 ** (-21 / 20)) == 6 / 128
    assert _started(heard) == [("mixed0", -21.0, None)]


def test_the_clinics_target_sets_the_gain(backend: FakeBackend, clock: FakeClock) -> None:
    heard: Heard = []
    player = Player(
        backend,
        clock,
        Settings(master_limit=1.0, target_loudness=-18.0),
        on_event=lambda kind, data: heard.append((kind, dict(data))),
    )
    player.start(_mixed_soundtrack(_mixed(LOUD)), None)
    assert _started(heard) == [("mixed0", -12.0, -6.0)]
    assert backend.bed.volume == mixer_volume(0.5 * 10 ** (-2 / 20))


def test_quiet_and_the_limit_multiply_with_the_gain_and_never_silence_it(
    backend: FakeBackend, clock: FakeClock
) -> None:
    player = Player(backend, clock, Settings(master_limit=0.8))
    player.start(_mixed_soundtrack(_mixed(LOUD)), None)
    _run(player, clock, 5)
    assert backend.music.volume == mixer_volume(0.5 * 0.8 * 0.1)  # 5/128
    player.set_quiet(True)
    _run(player, clock, 1.5)
    assert 1 / 128 <= backend.music.volume < 5 / 128  # on its way down
    _run(player, clock, 2)
    assert backend.music.volume == 1 / 128  # 0.0048 wanted: a murmur, never silence
    assert backend.bed.volume == mixer_volume(0.5 * 0.8 * 0.12 * 10 ** (-10 / 20))
    player.set_quiet(False)
    _run(player, clock, 3.1)
    assert backend.music.volume == 5 / 128


def test_a_skip_fades_out_at_the_old_gain_and_the_next_rises_to_its_own(
    player: Player, backend: FakeBackend, clock: FakeClock, heard: Heard
) -> None:
    player.start(_mixed_soundtrack(_mixed(QUIET, LOUD)), None)
    _run(player, clock, 5)
    player.skip()
    _run(player, clock, 1)
    assert backend.music.fading_out
    assert backend.music.volume == 0.5  # the fade-out is not cut short by the next gain
    _run(player, clock, 1.5)
    assert _volume_at_play(backend, "/m/mixed1.ogg") == 6 / 128
    assert backend.music.fade_in_ms == 2000  # still a fade
    assert _started(heard) == [("mixed0", 0.0, -32.0), ("mixed1", -20.0, -6.0)]


def test_a_phase_change_brings_the_new_playlist_in_at_its_own_gain(
    player: Player, backend: FakeBackend, clock: FakeClock, heard: Heard
) -> None:
    player.start(_mixed_soundtrack(_mixed(QUIET), _mixed(LOUD, name="peak")), None)
    _run(player, clock, 10)
    player.phase_changed("Peak")
    _run(player, clock, 4)
    assert backend.music.volume == 0.5  # fading out at its own level
    _run(player, clock, 5)
    assert backend.music.loaded == Path("/m/peak0.ogg")
    assert _volume_at_play(backend, "/m/peak0.ogg") == 6 / 128
    assert _started(heard)[-1] == ("peak0", -20.0, -6.0)


def test_resume_plays_the_track_it_picks_up_at_that_tracks_gain(
    player: Player, backend: FakeBackend, heard: Heard
) -> None:
    player.start(_mixed_soundtrack(_mixed(QUIET, LOUD)), None, resume=(0, 130.0))
    assert backend.music.loaded == Path("/m/mixed1.ogg")
    assert _volume_at_play(backend, "/m/mixed1.ogg") == 6 / 128
    assert heard[-1][1]["offset"] == 30.0
    assert _started(heard) == [("mixed1", -20.0, -6.0)]
