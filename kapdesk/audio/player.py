"""The player: the soundtrack made sound, following the journey's phases, never abrupt.

Two layers go to the backend: the **bed** loops under everything; the **music** plays the
playlist of the current phase, one track after another. Every change is a fade: tracks start
rising from silence, phase changes fade the music out and the next playlist in (or wait for the
end of the track, as the soundtrack says), "quiet" lowers everything to a murmur so the sitter
can speak and brings it back, and closing the session fades all of it away.

The player keeps its own clock of where the music is (the mixer's counter is unreliable): the
moment a track started and how far into it it started. It does nothing on its own: whoever owns
it calls :meth:`Player.tick` when :meth:`Player.tick` last asked to be called again (a Qt timer
in the window), which keeps it free of threads and testable with a fake clock.

Every track and the bed play at the clinic's target loudness: each layer's volume is multiplied
by the gain that brings its sound down to the target (:func:`kapdesk.core.loudness.matching`),
inside the same sum as the fades, quiet and the room's limit, and rounded to the mixer's 128
steps. A new track's gain is set before it starts, so its fade-in rises to its own level.

Everything the patient heard is reported through ``on_event`` (a track started, was skipped,
could not play; the music ran out; quiet on or off) for the session record.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path
from typing import Any

from kapdesk.audio.backend import AudioBackend, AudioError
from kapdesk.core.clock import Clock
from kapdesk.core.journey import EventKind
from kapdesk.core.loudness import DEFAULT_TARGET, Loudness, gain_factor, matching, mixer_volume
from kapdesk.core.soundtrack import Playlist, Soundtrack, Switch, Track
from kapdesk.core.words import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

# What the sitter reads on the sound card when a sound cannot play (the reason as the device
# gave it).
BED_CANNOT_PLAY = QT_TRANSLATE_NOOP("Player", "The bed “{bed}” cannot play: {reason}")
TRACK_SKIPPED = QT_TRANSLATE_NOOP("Player", "“{track}” was skipped: {reason}")

SoundListener = Callable[[EventKind, Mapping[str, Any]], None]

FADE_TICK = 0.05  # seconds between volume steps while a fade runs
PLAY_TICK = 0.5  # how often to look for the end of a track


@dataclass(frozen=True)
class Settings:
    """How loud and how slow: the clinic's choices for headphones in a quiet room."""

    master_limit: float = 0.8  # no layer ever goes above this, whatever its own volume
    quiet_level: float = 0.12  # what "quiet" leaves of the sound
    quiet_seconds: float = 3.0  # how long quiet takes to fade down, and back up
    track_fade_seconds: float = 2.0  # every track rises from silence over this
    bed_fade_seconds: float = 6.0  # the bed rises from silence over this
    close_fade_seconds: float = 20.0  # at the end of the session, everything fades over this
    target_loudness: float = DEFAULT_TARGET  # LUFS every track and bed is brought down to


@dataclass(frozen=True)
class _Ramp:
    """A straight line from one gain to another over a stretch of monotonic time."""

    start: float
    end: float
    began: float
    seconds: float

    def at(self, now: float) -> float:
        if self.seconds <= 0 or now >= self.began + self.seconds:
            return self.end
        share = max(0.0, now - self.began) / self.seconds
        return self.start + (self.end - self.start) * share

    def done(self, now: float) -> bool:
        return now >= self.began + self.seconds


class _Music(Enum):
    IDLE = auto()  # nothing to play (no playlist, or not started)
    PLAYING = auto()
    SWITCHING = auto()  # fading out before the next playlist comes in
    ENDED = auto()  # the playlist ran out; the bed goes on
    FINISHED = auto()  # the session closed


class Player:
    """Plays one session's soundtrack through an :class:`AudioBackend`."""

    def __init__(
        self,
        backend: AudioBackend,
        clock: Clock,
        settings: Settings | None = None,
        on_event: SoundListener | None = None,
    ) -> None:
        self._backend = backend
        self._clock = clock
        self.settings = settings or Settings()
        self._on_event = on_event
        self.soundtrack: Soundtrack | None = None
        self.playlist: Playlist | None = None
        self.index = 0
        self._state = _Music.IDLE
        self._started_at = 0.0  # monotonic time the current track started (at _offset)
        self._offset = 0.0
        self._switch_to: Playlist | None = None  # the next phase's playlist, once it is due
        self._switch_pending = False  # END_OF_TRACK: switch when this track ends
        self._after_fade: tuple[Playlist | None, int] = (None, 0)  # what SWITCHING leads to
        self._fade_done_at = 0.0
        self._quiet = _Ramp(1.0, 1.0, 0.0, 0.0)
        self.quiet = False
        self.music_volume = 0.7
        self.bed_volume = 0.4
        self._applied: tuple[float, float] | None = None
        self.music_gain_db = 0.0  # the gain of the track now playing (or last played)
        self.bed_gain_db = 0.0
        self.bed_problem: str | None = None
        self.problems: list[str] = []  # what the sitter should know, newest last

    # -- what the sitter sees -----------------------------------------------------------------

    @property
    def now_playing(self) -> Track | None:
        if self._state in (_Music.PLAYING, _Music.SWITCHING) and self.playlist is not None:
            return self.playlist.tracks[self.index]
        return None

    @property
    def position(self) -> float | None:
        """Seconds into the track now playing, by the player's own clock."""
        if self.now_playing is None:
            return None
        return self._offset + (self._clock.monotonic() - self._started_at)

    @property
    def up_next(self) -> Track | None:
        if self._state is _Music.FINISHED:
            return None
        if self._switch_pending:
            return self._switch_to.tracks[0] if self._switch_to and self._switch_to.tracks else None
        if self.playlist is not None and self.index + 1 < len(self.playlist.tracks):
            return self.playlist.tracks[self.index + 1]
        return None

    @property
    def ran_out(self) -> bool:
        return self._state is _Music.ENDED

    # -- what the sitter does -----------------------------------------------------------------

    def start(
        self,
        soundtrack: Soundtrack,
        phase_name: str | None,
        resume: tuple[int, float] | None = None,
    ) -> None:
        """Begin the soundtrack: the bed, and the playlist for ``phase_name`` (None: settling).

        ``resume`` is (track index, seconds into it) to pick the music up where it was.
        """
        self.soundtrack = soundtrack
        self.music_volume = soundtrack.music_volume
        self.bed_volume = soundtrack.bed_volume
        if soundtrack.bed is not None:
            self.bed_gain_db = self._gain_db(soundtrack.bed.loudness)
        self._apply_volumes(force=True)
        if soundtrack.bed is not None:
            try:
                self._backend.bed.load(Path(soundtrack.bed.path))
                self._backend.bed.play(fade_ms=_ms(self.settings.bed_fade_seconds))
                self.bed_problem = None
            except AudioError as exc:
                reason = exc.args[0] if len(exc.args) == 1 else str(exc)  # its words
                self.bed_problem = BED_CANNOT_PLAY.format(bed=soundtrack.bed.title, reason=reason)
                self._problem(self.bed_problem)
        playlist = soundtrack.playlist_for(phase_name)
        if playlist is None or not playlist.tracks:
            self.playlist = playlist
            self._state = _Music.IDLE
            return
        index, position = resume if resume is not None else (0, 0.0)
        index, position = _advance(playlist, index, position)
        if index >= len(playlist.tracks):
            self.playlist = playlist
            self.index = len(playlist.tracks) - 1
            self._state = _Music.ENDED
            return
        self._play_from(playlist, index, position)

    def phase_changed(self, phase_name: str) -> None:
        """The journey moved on: move the music to that phase's playlist, as planned."""
        if self.soundtrack is None or self._state is _Music.FINISHED:
            return
        target = self.soundtrack.playlist_for(phase_name)
        if target is not None and self.playlist is not None and target.name == self.playlist.name:
            self._switch_to = None
            self._switch_pending = False
            return  # the same playlist goes on across the phase change
        if self._state is _Music.SWITCHING:
            self._after_fade = (target, 0)  # the fade under way leads to the newest phase
            return
        if self._state is not _Music.PLAYING:
            self._switch_to = None
            self._begin(target)
            return
        if self.soundtrack.switch is Switch.END_OF_TRACK:
            self._switch_to = target
            self._switch_pending = True
        else:
            self._switch_to = None
            self._switch_pending = False
            self._fade_out_then(target, 0, self.soundtrack.fade_seconds)

    def skip(self, by: str = "") -> None:
        """Move on from the track now playing (with a short fade)."""
        track = self.now_playing
        if track is None or self.playlist is None or self._state is _Music.SWITCHING:
            return  # nothing playing, or it is already fading out
        self._emit(EventKind.TRACK_SKIPPED, {**self._track_data(track), "by": by})
        if self._switch_pending:  # the phase has moved on; skipping brings its playlist in
            self._switch_pending = False
            target, self._switch_to = self._switch_to, None
            self._fade_out_then(target, 0, self.settings.track_fade_seconds)
        else:
            self._fade_out_then(self.playlist, self.index + 1, self.settings.track_fade_seconds)

    def set_quiet(self, on: bool) -> None:
        """Fade everything down to a murmur (on) or back up (off)."""
        if on == self.quiet or self._state is _Music.FINISHED:
            return
        now = self._clock.monotonic()
        current = self._quiet.at(now)
        target = self.settings.quiet_level if on else 1.0
        share = abs(target - current) / max(1e-6, 1.0 - self.settings.quiet_level)
        self._quiet = _Ramp(current, target, now, self.settings.quiet_seconds * min(1.0, share))
        self.quiet = on
        self._emit(EventKind.QUIET, {"on": on})
        self._apply_volumes()

    def set_volumes(self, *, music: float | None = None, bed: float | None = None) -> None:
        if music is not None:
            self.music_volume = _clamp(music)
        if bed is not None:
            self.bed_volume = _clamp(bed)
        self._apply_volumes()

    def finish(self, fade_seconds: float | None = None) -> None:
        """The session closed: fade everything away, gently (over ``fade_seconds``, or the
        settings' close fade); the player is done."""
        if self._state is _Music.FINISHED:
            return
        fade = _ms(self.settings.close_fade_seconds if fade_seconds is None else fade_seconds)
        self._backend.music.stop(fade_ms=fade)
        self._backend.bed.stop(fade_ms=fade)
        self._state = _Music.FINISHED
        self._switch_to = None

    # -- the heartbeat --------------------------------------------------------------------------

    def tick(self) -> float:
        """Do what is due (next track, the switch after a fade, volume steps); returns the
        seconds until the player wants its next tick."""
        now = self._clock.monotonic()
        self._apply_volumes()
        if self._state is _Music.SWITCHING and now >= self._fade_done_at:
            playlist, index = self._after_fade
            self._begin(playlist, index)
        elif self._state is _Music.PLAYING and not self._backend.music.busy():
            self._track_ended()
        if not self._quiet.done(now) or self._state is _Music.SWITCHING:
            return FADE_TICK
        if self._state is not _Music.PLAYING:
            return 1.0
        return self._until_track_end()

    def _until_track_end(self) -> float:
        """Look again just after the track should end, so the next one follows without a gap."""
        track, position = self.now_playing, self.position
        if track is None or not track.duration or position is None:
            return PLAY_TICK
        left = track.duration - position
        if left >= PLAY_TICK or left < -2.0:  # far from the end, or the file runs long
            return PLAY_TICK
        return max(FADE_TICK / 2, left + 0.01)

    # -- internals ------------------------------------------------------------------------------

    def _fade_out_then(self, playlist: Playlist | None, index: int, seconds: float) -> None:
        """Fade the music out; when it is silent, play ``playlist`` from track ``index``."""
        self._backend.music.stop(fade_ms=_ms(seconds))
        self._state = _Music.SWITCHING
        self._after_fade = (playlist, index)
        self._fade_done_at = self._clock.monotonic() + seconds

    def _track_ended(self) -> None:
        if self._switch_pending:
            self._switch_pending = False
            target, self._switch_to = self._switch_to, None
            self._begin(target)
            return
        self._next_track()

    def _next_track(self) -> None:
        self._begin(self.playlist, self.index + 1)

    def _begin(self, playlist: Playlist | None, index: int = 0) -> None:
        if playlist is None or not playlist.tracks:
            self._backend.music.stop(fade_ms=_ms(self.settings.track_fade_seconds))
            self.playlist = playlist
            self._state = _Music.IDLE
            return
        if index >= len(playlist.tracks):
            self.playlist = playlist
            self._ran_out()
            return
        self._play_from(playlist, index, 0.0)

    def _play_from(self, playlist: Playlist, index: int, position: float) -> None:
        """Play ``playlist`` from track ``index``, skipping tracks that cannot play."""
        self.playlist = playlist
        for candidate in range(index, len(playlist.tracks)):
            track = playlist.tracks[candidate]
            start = position if candidate == index else 0.0
            try:
                self._backend.music.load(Path(track.path))
                self.music_gain_db = self._gain_db(track.loudness)
                self._apply_volumes(force=True)  # before play: the fade-in rises to this level
                self._backend.music.play(start=start, fade_ms=_ms(self.settings.track_fade_seconds))
            except AudioError as exc:
                self.index = candidate
                self._emit(EventKind.TRACK_FAILED, {**self._track_data(track), "reason": str(exc)})
                reason = exc.args[0] if len(exc.args) == 1 else str(exc)  # its words
                self._problem(TRACK_SKIPPED.format(track=track.label(), reason=reason))
                continue
            self.index = candidate
            self._state = _Music.PLAYING
            self._started_at = self._clock.monotonic()
            self._offset = start
            self._emit(EventKind.TRACK, {**self._track_data(track), **self._loudness_data(track)})
            return
        self.index = len(playlist.tracks) - 1
        self._ran_out()

    def _ran_out(self) -> None:
        self._state = _Music.ENDED
        name = self.playlist.name if self.playlist is not None else ""
        self._emit(EventKind.MUSIC_ENDED, {"playlist": name})

    def _track_data(self, track: Track) -> dict[str, Any]:
        return {
            "playlist": self.playlist.name if self.playlist is not None else "",
            "index": self.index,
            "path": track.path,
            "title": track.title,
            "artist": track.artist,
        }

    def _loudness_data(self, track: Track) -> dict[str, Any]:
        loudness = track.loudness
        return {
            "offset": round(self._offset, 3),
            "gain_db": round(self.music_gain_db, 1),
            "loudness_lufs": None if loudness is None else round(loudness.integrated, 1),
        }

    def _gain_db(self, loudness: Loudness | None) -> float:
        return matching(loudness, self.settings.target_loudness).gain

    def _apply_volumes(self, *, force: bool = False) -> None:
        limit = self.settings.master_limit
        gain = self._quiet.at(self._clock.monotonic()) * limit
        volumes = (
            mixer_volume(self.music_volume * gain * gain_factor(self.music_gain_db), limit),
            mixer_volume(self.bed_volume * gain * gain_factor(self.bed_gain_db), limit),
        )
        if force or volumes != self._applied:
            self._backend.music.set_volume(volumes[0])
            self._backend.bed.set_volume(volumes[1])
            self._applied = volumes

    def _problem(self, text: str) -> None:
        log.warning("sound: %s", text)
        self.problems.append(text)
        del self.problems[:-20]

    def _emit(self, kind: EventKind, data: Mapping[str, Any]) -> None:
        if self._on_event is not None:
            self._on_event(kind, data)


def _advance(playlist: Playlist, index: int, position: float) -> tuple[int, float]:
    """Where the music is ``position`` seconds after track ``index`` started, by known lengths."""
    index = max(0, index)
    position = max(0.0, position)
    while index < len(playlist.tracks):
        duration = playlist.tracks[index].duration
        if duration is None or position < duration:
            return index, position
        position -= duration
        index += 1
    return index, 0.0


def _ms(seconds: float) -> int:
    return max(0, round(seconds * 1000))


def _clamp(volume: float) -> float:
    return min(1.0, max(0.0, volume))
