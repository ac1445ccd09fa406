"""The soundtrack of a session: a sound-therapy bed and music playlists tied to the phases.

A soundtrack names a looping **bed** (rain, a drone, bowls) and the **playlists** for the
journey: one for settling (before the dose), one per protocol phase by the phase's name, and a
default for any phase without its own. When the sitter moves the journey on, the music moves to
the new phase's playlist, either with a fade (the current track fades out, the new playlist
fades in) or at the end of the current track, as the soundtrack says.

:func:`coverage` answers the sitter's question before the session starts: is there enough
music for each phase? Consecutive phases that share a playlist share its music: the playlist
keeps playing across the phase change.

This module is pure data and arithmetic; the player in ``kapdesk.audio`` makes it sound. The
JSON form (:meth:`Soundtrack.to_json` / :func:`soundtrack_from_json`) is what a session records,
so its record says exactly what was planned, whatever happens to the library later.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from kapdesk.core.journey import EventKind, JourneyEvent
from kapdesk.core.loudness import Loudness, clamp_target, loudness_from_json, matching
from kapdesk.core.protocols import Protocol
from kapdesk.core.timefmt import minutes_text
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template

SETTLING = "settling"  # the stretch before the dose, which is not a protocol phase


class Switch(StrEnum):
    """How the music moves to the next phase's playlist."""

    FADE = "fade"  # fade the current track out, then the new playlist in
    END_OF_TRACK = "end_of_track"  # let the current track finish first


@dataclass(frozen=True)
class Track:
    """A sound file and what is known about it."""

    path: str
    title: str
    artist: str = ""
    duration: float | None = None  # seconds; None when it could not be read
    loudness: Loudness | None = None  # None: not yet measured

    def label(self) -> str:
        return f"{self.artist} – {self.title}" if self.artist else self.title


@dataclass(frozen=True)
class Playlist:
    """Tracks in the order they play."""

    name: str
    tracks: tuple[Track, ...] = ()

    @property
    def seconds(self) -> float:
        """Known playing time; tracks of unknown length count for nothing."""
        return sum(t.duration for t in self.tracks if t.duration)

    @property
    def unknown(self) -> int:
        """Tracks whose length is not known."""
        return sum(1 for t in self.tracks if not t.duration)

    def seconds_from(self, index: int, position: float) -> float:
        """Known playing time left from ``position`` seconds into track ``index``."""
        if not 0 <= index < len(self.tracks):
            return 0.0
        current = self.tracks[index].duration or 0.0
        rest = sum(t.duration for t in self.tracks[index + 1 :] if t.duration)
        return max(0.0, current - position) + rest


@dataclass(frozen=True)
class Bed:
    """The looping sound-therapy texture under the music."""

    path: str
    title: str
    loudness: Loudness | None = None  # None: not yet measured


@dataclass(frozen=True)
class Soundtrack:
    """The sound plan of a session."""

    name: str
    bed: Bed | None = None
    settling: Playlist | None = None
    phases: Mapping[str, Playlist] = field(default_factory=dict)  # by phase name
    default: Playlist | None = None
    switch: Switch = Switch.FADE
    fade_seconds: float = 8.0
    music_volume: float = 0.7
    bed_volume: float = 0.4

    def playlist_for(self, phase_name: str | None) -> Playlist | None:
        """The playlist for a phase (None: before the dose), falling back to the default."""
        if phase_name is None:
            return self.settling
        wanted = phase_name.casefold()
        for name, playlist in self.phases.items():
            if name.casefold() == wanted:
                return playlist
        return self.default

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "bed": bed_json(self.bed),
            "settling": playlist_json(self.settling),
            "phases": {name: playlist_json(p) for name, p in self.phases.items()},
            "default": playlist_json(self.default),
            "switch": self.switch.value,
            "fade_seconds": self.fade_seconds,
            "music_volume": self.music_volume,
            "bed_volume": self.bed_volume,
        }


def soundtrack_chosen(soundtrack: Soundtrack, target: float) -> dict[str, Any]:
    """What the session records when its soundtrack is chosen: the plan, the clinic's target
    loudness, and the gain the bed plays at (None: no bed)."""
    bed = soundtrack.bed
    return {
        **soundtrack.to_json(),
        "target_loudness": target,
        "bed_gain_db": None if bed is None else round(matching(bed.loudness, target).gain, 1),
    }


def bed_json(bed: Bed | None) -> dict[str, Any] | None:
    """A bed as the session's record and a saved soundtrack plan keep it, with its loudness."""
    if bed is None:
        return None
    data: dict[str, Any] = {"path": bed.path, "title": bed.title}
    if bed.loudness is not None:
        data["loudness"] = bed.loudness.to_json()
    return data


def track_json(track: Track) -> dict[str, Any]:
    """A track as the session's record keeps it, with its loudness when it was measured."""
    data: dict[str, Any] = {
        "path": track.path,
        "title": track.title,
        "artist": track.artist,
        "duration": track.duration,
    }
    if track.loudness is not None:
        data["loudness"] = track.loudness.to_json()
    return data


def playlist_json(playlist: Playlist | None) -> dict[str, Any] | None:
    if playlist is None:
        return None
    return {"name": playlist.name, "tracks": [track_json(t) for t in playlist.tracks]}


def _playlist_from(data: Any) -> Playlist | None:
    if not isinstance(data, Mapping):
        return None
    tracks = []
    for item in data.get("tracks") or ():
        if isinstance(item, Mapping) and item.get("path"):
            duration = item.get("duration")
            tracks.append(
                Track(
                    path=str(item["path"]),
                    title=str(item.get("title") or item["path"]),
                    artist=str(item.get("artist") or ""),
                    duration=float(duration) if isinstance(duration, int | float) else None,
                    loudness=loudness_from_json(item.get("loudness")),
                )
            )
    return Playlist(str(data.get("name") or ""), tuple(tracks))


def _number(data: Mapping[str, Any], key: str, default: float, low: float, high: float) -> float:
    value = data.get(key, default)
    if not isinstance(value, int | float) or isinstance(value, bool) or math.isnan(value):
        return default
    return min(high, max(low, float(value)))


def soundtrack_from_json(data: Mapping[str, Any]) -> Soundtrack:
    """A soundtrack from its recorded JSON; anything unreadable falls back to a safe default."""
    bed = data.get("bed")
    phases = data.get("phases")
    try:
        switch = Switch(data.get("switch", Switch.FADE.value))
    except ValueError:
        switch = Switch.FADE
    return Soundtrack(
        name=str(data.get("name") or "Soundtrack"),
        bed=Bed(
            str(bed["path"]), str(bed.get("title") or ""), loudness_from_json(bed.get("loudness"))
        )
        if isinstance(bed, Mapping) and bed.get("path")
        else None,
        settling=_playlist_from(data.get("settling")),
        phases={
            str(name): playlist
            for name, raw in (phases.items() if isinstance(phases, Mapping) else ())
            if (playlist := _playlist_from(raw)) is not None
        },
        default=_playlist_from(data.get("default")),
        switch=switch,
        fade_seconds=_number(data, "fade_seconds", 8.0, 0.5, 60.0),
        music_volume=_number(data, "music_volume", 0.7, 0.0, 1.0),
        bed_volume=_number(data, "bed_volume", 0.4, 0.0, 1.0),
    )


# What :meth:`Coverage.text` says of a stretch of phases ({phases}: their names, as they are).
NO_MUSIC = QT_TRANSLATE_NOOP("Coverage", "{phases}: no music (bed only)")
SHORT_ONE = QT_TRANSLATE_NOOP("Coverage", "{phases} is {minutes} short")
SHORT_MANY = QT_TRANSLATE_NOOP("Coverage", "{phases} are {minutes} short")
MUSIC_FOR = QT_TRANSLATE_NOOP("Coverage", "{phases}: {music} of music for {planned}")
UNKNOWN = QT_TRANSLATE_NOOP(
    "Coverage", "{line} (%n track of unknown length)|{line} (%n tracks of unknown length)"
)


@dataclass(frozen=True)
class Coverage:
    """Music against plan for a stretch of phases that share one playlist."""

    phases: tuple[str, ...]
    playlist: str | None  # None: no music planned for these phases
    planned: float  # seconds the phases are planned to last
    music: float  # seconds of music known to be there for them
    unknown_tracks: int = 0

    @property
    def short_by(self) -> float:
        """Seconds of silence (music-wise) at the end of the stretch, if it runs to plan."""
        return max(0.0, self.planned - self.music) if self.playlist is not None else 0.0

    def text(self) -> str:
        """One line for the sitter, e.g. ``Peak is 12 min short``."""
        who = " + ".join(self.phases)  # the protocol's phase names, as its file gives them
        if self.playlist is None:
            return NO_MUSIC.format(phases=who)
        text: str
        if self.short_by >= 60:
            short = SHORT_MANY if len(self.phases) > 1 else SHORT_ONE
            text = short.format(phases=who, minutes=minutes_text(math.ceil(self.short_by / 60)))
        else:
            text = MUSIC_FOR.format(
                phases=who,
                music=minutes_text(round(self.music / 60)),
                planned=minutes_text(round(self.planned / 60)),
            )
        if self.unknown_tracks:
            return UNKNOWN.format(line=text, count=self.unknown_tracks)
        return text


def coverage(soundtrack: Soundtrack, protocol: Protocol) -> list[Coverage]:
    """Per stretch of the protocol's phases, whether the music lasts as long as the plan."""
    stretches: list[Coverage] = []
    for phase in protocol.phases:
        playlist = soundtrack.playlist_for(phase.name)
        name = playlist.name if playlist is not None else None
        planned = phase.minutes * 60.0
        if stretches and stretches[-1].playlist == name:
            last = stretches[-1]
            stretches[-1] = Coverage(
                (*last.phases, phase.name),
                name,
                last.planned + planned,
                last.music,
                last.unknown_tracks,
            )
            continue
        stretches.append(
            Coverage(
                (phase.name,),
                name,
                planned,
                playlist.seconds if playlist else 0.0,
                playlist.unknown if playlist else 0,
            )
        )
    return stretches


# What :func:`music_outlook` says, one template per sentence: when the music runs out (this
# phase or a later one, in minutes or under a minute), and whether tracks of unknown length
# remain (counted words: each language says one and many its own way).
_OUTLOOK: dict[tuple[bool, bool, bool], Template] = {
    (True, False, False): QT_TRANSLATE_NOOP(
        "MusicOutlook", "The music runs out {minutes} before this phase ends"
    ),
    (True, False, True): QT_TRANSLATE_NOOP(
        "MusicOutlook",
        "The music runs out {minutes} before this phase ends (%n track of unknown length)|"
        "The music runs out {minutes} before this phase ends (%n tracks of unknown length)",
    ),
    (True, True, False): QT_TRANSLATE_NOOP(
        "MusicOutlook", "The music runs out under a minute before this phase ends"
    ),
    (True, True, True): QT_TRANSLATE_NOOP(
        "MusicOutlook",
        "The music runs out under a minute before this phase ends (%n track of unknown length)|"
        "The music runs out under a minute before this phase ends (%n tracks of unknown length)",
    ),
    (False, False, False): QT_TRANSLATE_NOOP(
        "MusicOutlook", "Enough music for this phase; it runs out {minutes} before {phase} ends"
    ),
    (False, False, True): QT_TRANSLATE_NOOP(
        "MusicOutlook",
        "Enough music for this phase; it runs out {minutes} before {phase} ends "
        "(%n track of unknown length)|"
        "Enough music for this phase; it runs out {minutes} before {phase} ends "
        "(%n tracks of unknown length)",
    ),
    (False, True, False): QT_TRANSLATE_NOOP(
        "MusicOutlook",
        "Enough music for this phase; it runs out under a minute before {phase} ends",
    ),
    (False, True, True): QT_TRANSLATE_NOOP(
        "MusicOutlook",
        "Enough music for this phase; it runs out under a minute before {phase} ends "
        "(%n track of unknown length)|"
        "Enough music for this phase; it runs out under a minute before {phase} ends "
        "(%n tracks of unknown length)",
    ),
}
ENOUGH_MUSIC = QT_TRANSLATE_NOOP("MusicOutlook", "Enough music for this phase")


def music_outlook(
    playlist: Playlist | None,
    index: int,
    position: float,
    phases_left: Sequence[tuple[str, float]],
) -> str:
    """Live: one sentence on whether the music now playing lasts, or "" when there is nothing
    to say (no music playing).

    ``phases_left`` names the current phase and the planned seconds it still has to run, then
    the following phases that keep this playlist, with their planned seconds. The music either
    runs out within this phase (``The music runs out 2 min before this phase ends``), or lasts
    this phase and runs out in a later one (``Enough music for this phase; it runs out 5 min
    before Return ends``), or lasts them all (``Enough music for this phase``): never two of
    these at once. A shortfall is rounded up to the minute, and said as "under a minute" below
    one, so "enough" is only ever said when it is so.
    """
    if playlist is None or not 0 <= index < len(playlist.tracks) or not phases_left:
        return ""
    music = playlist.seconds_from(index, position)
    unknown = sum(1 for track in playlist.tracks[index:] if not track.duration)
    planned = 0.0
    for place, (name, seconds) in enumerate(phases_left):
        planned += max(0.0, seconds)
        short = planned - music
        if short <= 0:
            continue
        template = _OUTLOOK[place == 0, short < 60, unknown > 0]
        return template.format(
            minutes=minutes_text(math.ceil(short / 60)), phase=name, count=unknown
        )
    return ENOUGH_MUSIC


@dataclass(frozen=True)
class SessionSound:
    """What a session's record says about its sound: the soundtrack it chose and where the
    music was, so a restart picks it up there."""

    soundtrack: Soundtrack | None
    playlist: str | None  # the playlist the last track came from
    index: int
    position: float  # seconds into that track, now
    ended: bool  # the playlist had run out
    target_loudness: float | None = None  # LUFS the session's sound was brought to; None: older


def _recorded_target(data: Mapping[str, Any]) -> float | None:
    target = data.get("target_loudness")
    if isinstance(target, int | float) and not isinstance(target, bool) and math.isfinite(target):
        return clamp_target(float(target))
    return None


def session_sound(
    events: Sequence[JourneyEvent], now: datetime, elapsed: float | None = None
) -> SessionSound:
    """Read a session's sound back from its events; ``now`` is the wall time of the restart and
    ``elapsed`` the journey time then. A track started after the dose is placed by the journey
    time (which a restart checks, :mod:`kapdesk.core.downtime`), not by the wall clock."""
    soundtrack: Soundtrack | None = None
    target: float | None = None
    last_track: JourneyEvent | None = None
    ended = False
    for event in events:
        if event.kind is EventKind.SOUNDTRACK:
            soundtrack = soundtrack_from_json(event.data)
            target = _recorded_target(event.data)
            last_track, ended = None, False
        elif event.kind is EventKind.TRACK:
            last_track, ended = event, False
        elif event.kind is EventKind.MUSIC_ENDED:
            ended = True
    if last_track is None:
        return SessionSound(soundtrack, None, 0, 0.0, ended, target)
    data = last_track.data
    offset = float(data.get("offset") or 0.0)
    if elapsed is not None and last_track.elapsed is not None:
        since = max(0.0, elapsed - last_track.elapsed)
    else:
        since = max(0.0, (now - last_track.wall).total_seconds())
    return SessionSound(
        soundtrack,
        str(data.get("playlist", "")),
        int(data.get("index", 0)),
        offset + since,
        ended,
        target,
    )


@dataclass(frozen=True)
class BundledSound:
    """A sound kapdesk ships (kapdesk/assets/sounds/sounds.toml): a bed or a chime."""

    id: str
    title: str
    kind: str  # "bed" or "chime"
    path: str
    seconds: float
    description: str = ""
    loudness: Loudness | None = None  # measured when it was made (scripts/measure_sounds.py)

    def as_bed(self) -> Bed:
        return Bed(self.path, self.title, self.loudness)


def bundled_sounds(folder: Path) -> list[BundledSound]:
    """The sounds listed in ``folder/sounds.toml`` whose files are there; [] if none can be read."""
    try:
        manifest = tomllib.loads((folder / "sounds.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    found = []
    for item in manifest.get("sound") or ():
        if not isinstance(item, Mapping) or not item.get("file") or not item.get("id"):
            continue
        path = folder / str(item["file"])
        if not path.is_file():
            continue
        seconds = item.get("seconds")
        found.append(
            BundledSound(
                id=str(item["id"]),
                title=str(item.get("title") or item["id"]),
                kind=str(item.get("kind") or "bed"),
                path=str(path),
                seconds=float(seconds) if isinstance(seconds, int | float) else 0.0,
                description=str(item.get("description") or ""),
                loudness=loudness_from_json(item),
            )
        )
    return found


def with_bundled_loudness(
    soundtracks: Sequence[Soundtrack], sounds: Sequence[BundledSound]
) -> list[Soundtrack]:
    """``soundtracks`` with each bed that is a bundled sound given the loudness shipped with
    it now: a plan saved before beds kept their loudness has none, and one saved by an earlier
    release keeps that release's figure, which a changed sound would make wrong."""
    shipped = {sound.path: sound.loudness for sound in sounds if sound.loudness is not None}
    return [
        replace(soundtrack, bed=replace(soundtrack.bed, loudness=shipped[soundtrack.bed.path]))
        if soundtrack.bed is not None and soundtrack.bed.path in shipped
        else soundtrack
        for soundtrack in soundtracks
    ]


def default_soundtracks(sounds: Sequence[BundledSound]) -> list[Soundtrack]:
    """What works on first start, with no music of the clinic's own: each bundled bed alone."""
    return [
        Soundtrack(name=f"{sound.title} (bed only)", bed=sound.as_bed())
        for sound in sounds
        if sound.kind == "bed"
    ]
