"""A sound device that makes no sound, for tests where audio is beside the point.

It keeps time with an injected :class:`~kapdesk.core.clock.Clock` (a ``FakeClock`` the test
advances), so a three-minute track "ends" the moment the test moves the clock three minutes on.
It knows how long each file is (``durations``), plays music once and loops the bed, fades in and
out (a layer stays busy until its fade-out ends), and fails like the real device: a path in
``broken`` raises :class:`AudioError` with the given reason on load, and with
``check_files=True`` every file is checked on disk exactly as the pygame backend checks it
(missing, empty, damaged, unsupported...).

Its state is there to read: ``music.loaded``, ``music.volume``, ``music.playing``,
``music.level()`` (what the patient would hear, fades included), ``music.position()``, and
``history``, every call with its clock time, for tests that care about the order of things.

Positions are the same as the pygame backend's: seconds into the track (``start`` plus the time
since play) for music, seconds into the current pass of the loop for the bed; None when silent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from kapdesk.audio.backend import AudioError
from kapdesk.audio.probe import require_playable
from kapdesk.core.clock import Clock

Durations = Mapping[Path, float] | Callable[[Path], float | None]
"""How long each file plays, in seconds: a mapping, or a function (None: not known)."""

LayerName = Literal["music", "bed"]

DEFAULT_DURATION: Final = 180.0
CLOSED: Final = "the sound device is closed"
NOTHING_LOADED: Final = "nothing is loaded to play"


@dataclass(frozen=True, slots=True)
class FakeCall:
    """One call made to the fake device, with the clock's monotonic time when it was made."""

    at: float
    layer: Literal["music", "bed", "device"]
    action: Literal["load", "play", "stop", "set_volume", "close"]
    path: Path | None = None
    start: float | None = None
    fade_ms: int | None = None
    volume: float | None = None
    error: str | None = None
    """The :class:`AudioError` message when the call failed."""


class FakeLayer:
    """One layer of the fake device. Music plays once; the bed loops until stopped."""

    def __init__(self, backend: FakeBackend, name: LayerName) -> None:
        self._backend = backend
        self.name: LayerName = name
        self.loops = name == "bed"
        self.loaded: Path | None = None
        """The file loaded, or None (nothing loaded yet, or the last load failed)."""
        self.duration: float | None = None
        """Length in seconds of the loaded file."""
        self.volume = 1.0
        """The layer's volume, clamped to 0.0–1.0."""
        self.start = 0.0
        """Where the last play started, in seconds into the file."""
        self.played_at: float | None = None
        """Clock time of the last play; None once stopped at once or before any play."""
        self.fade_in_ms = 0
        self.stopped_at: float | None = None
        """Clock time of a stop with a fade (the layer sounds until the fade ends)."""
        self.fade_out_ms = 0
        self.plays = 0
        """How many times play() succeeded."""
        self._gain_at_stop = 1.0

    # --- the Layer protocol -------------------------------------------------------------------

    def load(self, path: Path) -> None:
        backend = self._backend
        self._halt()
        self.loaded = None
        self.duration = None
        try:
            backend.check()
            reason = backend.broken.get(path)
            if reason is not None:
                raise AudioError(reason)
            stated = require_playable(path).duration if backend.check_files else None
            self.duration = backend.duration_of(path, stated)
        except AudioError as error:
            backend.record(self.name, "load", path=path, error=str(error))
            raise
        self.loaded = path
        backend.record(self.name, "load", path=path)

    def play(self, *, start: float = 0.0, fade_ms: int = 0) -> None:
        backend = self._backend
        start = 0.0 if self.loops else max(0.0, float(start))
        fade_ms = max(0, int(fade_ms))
        try:
            backend.check()
            if self.loaded is None:
                raise AudioError(NOTHING_LOADED)
        except AudioError as error:
            backend.record(self.name, "play", start=start, fade_ms=fade_ms, error=str(error))
            raise
        self.start = start
        self.played_at = backend.clock.monotonic()
        self.fade_in_ms = fade_ms
        self.stopped_at = None
        self.fade_out_ms = 0
        self.plays += 1
        backend.record(self.name, "play", path=self.loaded, start=start, fade_ms=fade_ms)

    def stop(self, *, fade_ms: int = 0) -> None:
        fade_ms = max(0, int(fade_ms))
        self._backend.record(self.name, "stop", fade_ms=fade_ms)
        if not self.busy():
            self._halt()
        elif fade_ms > 0:
            if self.stopped_at is None:  # a second stop does not restart a fade under way
                self._gain_at_stop = self._fade_in_gain()
                self.stopped_at = self._backend.clock.monotonic()
                self.fade_out_ms = fade_ms
        else:
            self._halt()

    def set_volume(self, volume: float) -> None:
        self.volume = min(1.0, max(0.0, float(volume)))
        self._backend.record(self.name, "set_volume", volume=self.volume)

    def busy(self) -> bool:
        if self.played_at is None or self._backend.closed:
            return False
        now = self._backend.clock.monotonic()
        if self.stopped_at is not None and now >= self.stopped_at + self.fade_out_ms / 1000:
            return False
        end = self.natural_end()
        return end is None or now < end

    def position(self) -> float | None:
        if self.played_at is None or not self.busy():
            return None
        elapsed = self._backend.clock.monotonic() - self.played_at
        if self.loops:
            return elapsed % self.duration if self.duration else 0.0
        return self.start + elapsed

    # --- for tests ----------------------------------------------------------------------------

    @property
    def playing(self) -> bool:
        """Sounding now (the same as :meth:`busy`, fade-out included)."""
        return self.busy()

    @property
    def fading_out(self) -> bool:
        return self.stopped_at is not None and self.busy()

    def natural_end(self) -> float | None:
        """Clock time at which the music runs out by itself (None for the bed, or when silent)."""
        if self.played_at is None or self.loops:
            return None
        return self.played_at + max(0.0, (self.duration or 0.0) - self.start)

    def level(self) -> float:
        """What reaches the patient's ears now, 0.0–1.0: the volume, times the fade-in and
        fade-out in progress; 0.0 when silent."""
        if not self.busy():
            return 0.0
        gain = self._fade_in_gain()
        if self.stopped_at is not None and self.fade_out_ms > 0:
            done = (self._backend.clock.monotonic() - self.stopped_at) / (self.fade_out_ms / 1000)
            gain = self._gain_at_stop * max(0.0, 1.0 - done)
        return self.volume * gain

    def _fade_in_gain(self) -> float:
        if self.played_at is None:
            return 0.0
        if self.fade_in_ms <= 0:
            return 1.0
        elapsed = self._backend.clock.monotonic() - self.played_at
        return min(1.0, max(0.0, elapsed / (self.fade_in_ms / 1000)))

    def _halt(self) -> None:
        self.played_at = None
        self.stopped_at = None
        self.fade_out_ms = 0


class FakeBackend:
    """A silent :class:`~kapdesk.audio.backend.AudioBackend` driven by ``clock``.

    ``durations`` gives each file's length (a mapping or a function); files it does not know
    last ``default_duration`` seconds, or, with ``check_files``, as long as their headers say.
    ``broken`` maps paths to the reason their load fails. ``check_files=True`` runs the pygame
    backend's own checks on the file on disk. Set ``device_error`` to make every load and play
    fail with that reason, as a device that went away would.
    """

    def __init__(
        self,
        clock: Clock,
        *,
        durations: Durations | None = None,
        default_duration: float = DEFAULT_DURATION,
        broken: Mapping[Path, str] | None = None,
        check_files: bool = False,
    ) -> None:
        self.clock = clock
        self.durations = durations
        self.default_duration = default_duration
        self.broken: Mapping[Path, str] = dict(broken or {})
        self.check_files = check_files
        self.device_error: str | None = None
        self.closed = False
        self.history: list[FakeCall] = []
        self._music = FakeLayer(self, "music")
        self._bed = FakeLayer(self, "bed")

    @property
    def music(self) -> FakeLayer:
        return self._music

    @property
    def bed(self) -> FakeLayer:
        return self._bed

    def close(self) -> None:
        self.record("device", "close")
        self._music._halt()
        self._bed._halt()
        self.closed = True

    # --- for tests and the layers -------------------------------------------------------------

    def calls(
        self,
        layer: Literal["music", "bed", "device"] | None = None,
        action: Literal["load", "play", "stop", "set_volume", "close"] | None = None,
    ) -> list[FakeCall]:
        """The history, filtered by layer and action."""
        return [
            call
            for call in self.history
            if (layer is None or call.layer == layer) and (action is None or call.action == action)
        ]

    def check(self) -> None:
        """Raise the :class:`AudioError` a closed or failed device would."""
        if self.closed:
            raise AudioError(CLOSED)
        if self.device_error is not None:
            raise AudioError(self.device_error)

    def duration_of(self, path: Path, stated: float | None = None) -> float:
        known: float | None
        if self.durations is None:
            known = None
        elif isinstance(self.durations, Mapping):
            known = self.durations.get(path)
        else:
            known = self.durations(path)
        for length in (known, stated):
            if length is not None:
                return float(length)
        return self.default_duration

    def record(
        self,
        layer: Literal["music", "bed", "device"],
        action: Literal["load", "play", "stop", "set_volume", "close"],
        *,
        path: Path | None = None,
        start: float | None = None,
        fade_ms: int | None = None,
        volume: float | None = None,
        error: str | None = None,
    ) -> None:
        self.history.append(
            FakeCall(self.clock.monotonic(), layer, action, path, start, fade_ms, volume, error)
        )
