"""What the player needs from a sound device: two layers, each loaded, played, faded, stopped.

The **music** layer streams one track at a time from its file (long tracks never sit decoded in
memory). The **bed** layer is a short sound-therapy texture, decoded once and looped seamlessly
until it is stopped. Each has its own volume (0.0 to 1.0); fades are done by the backend
(``fade_ms``) for starts and stops, and by the player (stepping :meth:`Layer.set_volume`) for
everything else.

Backends: :mod:`kapdesk.audio.pygame_backend` (the real one, SDL through pygame's mixer) and
:mod:`kapdesk.audio.fake` (for tests where audio is beside the point). One contract test suite
(tests/audio/test_backend_contract.py) runs against both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class AudioError(Exception):
    """A file cannot be played (missing, unreadable, corrupt, unsupported) or the device failed;
    the message says why in a few plain words, for the sitter."""


class Layer(Protocol):
    """One layer of sound: music or bed."""

    def load(self, path: Path) -> None:
        """Make ``path`` the layer's sound, replacing (and stopping) what was loaded before.

        Raises :class:`AudioError` with a plain reason when the file cannot be played; the
        layer is then silent with nothing loaded.
        """
        ...

    def play(self, *, start: float = 0.0, fade_ms: int = 0) -> None:
        """Start what was loaded, ``start`` seconds in (music only; the bed ignores ``start``),
        rising from silence over ``fade_ms``. Music plays once; the bed loops until stopped.
        Raises :class:`AudioError` when nothing is loaded or the device fails."""
        ...

    def stop(self, *, fade_ms: int = 0) -> None:
        """Stop, falling to silence over ``fade_ms`` (0: at once). Stopping a silent layer is
        harmless."""
        ...

    def set_volume(self, volume: float) -> None:
        """The layer's volume from 0.0 to 1.0 (clamped); takes effect at once."""
        ...

    def busy(self) -> bool:
        """True while the layer is sounding (including during a fade-out)."""
        ...

    def position(self) -> float | None:
        """Seconds into the track (``start`` plus the time since :meth:`play`, by the monotonic
        clock), or into the current pass of the bed; None when silent.

        The player keeps its own position and does not rely on this; it is there for checks."""
        ...


class AudioBackend(Protocol):
    """A sound device with a music layer and a bed layer."""

    @property
    def music(self) -> Layer: ...

    @property
    def bed(self) -> Layer: ...

    def close(self) -> None:
        """Stop everything and release the device. The backend is not used afterwards."""
        ...
