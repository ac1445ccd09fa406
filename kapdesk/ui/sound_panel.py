"""The sound card on the journey screen: what the patient hears, what comes next, whether the
music will last the phase, and the one big control that matters most: Quiet.

The panel owns the session's :class:`~kapdesk.audio.player.Player`, drives it with a Qt timer
(as often as the player asks: often during a fade, twice a second otherwise), follows the
journey's phase changes and close, and records what the player reports into the journey, so the
session record says what was playing when.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSlider, QVBoxLayout, QWidget

from kapdesk.audio.backend import AudioBackend, AudioError
from kapdesk.audio.player import Player, Settings
from kapdesk.core.clock import Clock
from kapdesk.core.journey import EventKind, Journey, JourneyEvent
from kapdesk.core.soundtrack import (
    Soundtrack,
    music_outlook,
    session_sound,
    soundtrack_chosen,
)
from kapdesk.core.timefmt import clock_text
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui import theme
from kapdesk.ui.widgets import (
    ActionButton,
    ElidedLabel,
    WholeLabel,
    card,
    label,
    set_role,
    set_style,
)
from kapdesk.ui.words import say, say_button, words_of

if TYPE_CHECKING:
    from kapdesk.storage.journeys import OpenJourney

BackendFactory = Callable[[], AudioBackend]

SKIP = QT_TRANSLATE_NOOP("SoundPanel", "Skip")
SKIP_HINT = QT_TRANSLATE_NOOP("SoundPanel", "Skip to the next track")
QUIET = QT_TRANSLATE_NOOP("SoundPanel", "Quiet")
SOUND_BACK = QT_TRANSLATE_NOOP("SoundPanel", "Sound back up")
MUSIC_VOLUME = QT_TRANSLATE_NOOP("SoundPanel", "Music volume")
BED_VOLUME = QT_TRANSLATE_NOOP("SoundPanel", "Bed volume")
NO_SOUND = QT_TRANSLATE_NOOP("SoundPanel", "No sound for this session.")
SOUND_OFF = QT_TRANSLATE_NOOP(
    "SoundPanel", "No sound: sound is turned off for this room. The journey goes on without it."
)
DEVICE_PROBLEM = QT_TRANSLATE_NOOP(
    "SoundPanel", "No sound: {reason}. The journey goes on without it."
)
CLOSED = QT_TRANSLATE_NOOP("SoundPanel", "The sound fades out: the session is closed.")
# One template per sentence, with the bed or without (word order differs by language).
RAN_OUT_BED = QT_TRANSLATE_NOOP("SoundPanel", "The music has run out. Bed: {bed} goes on.")
RAN_OUT_NO_BED = QT_TRANSLATE_NOOP("SoundPanel", "The music has run out. No bed goes on.")
NO_MUSIC_BED = QT_TRANSLATE_NOOP("SoundPanel", "No music for this phase. Bed: {bed}.")
NO_MUSIC_NO_BED = QT_TRANSLATE_NOOP("SoundPanel", "No music for this phase. No bed.")
NEXT_BED = QT_TRANSLATE_NOOP("SoundPanel", "Next: {track}   ·   Bed: {bed}")
NEXT_NO_BED = QT_TRANSLATE_NOOP("SoundPanel", "Next: {track}   ·   No bed")
LAST_BED = QT_TRANSLATE_NOOP("SoundPanel", "Nothing queued after this   ·   Bed: {bed}")
LAST_NO_BED = QT_TRANSLATE_NOOP("SoundPanel", "Nothing queued after this   ·   No bed")


class SoundPanel(QWidget):
    """Plays and shows one open session's soundtrack."""

    def __init__(
        self, clock: Clock, backend_factory: BackendFactory | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._factory = backend_factory
        self._backend: AudioBackend | None = None
        self.device_problem: str | None = None
        self.volume_limit = Settings().master_limit  # the room's (room.toml), set by the window
        self.target_loudness = Settings().target_loudness  # the clinic's (clinic.toml), likewise
        self.player: Player | None = None
        self._journey: Journey | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame = card(self)
        outer.addWidget(frame)
        # A compact card: what plays, what comes next, whether the music lasts, Skip and Quiet.
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(14, 6, 14, 8)
        layout.setSpacing(2)
        self.now_label = ElidedLabel("")
        self.next_label = ElidedLabel("muted")
        # Whether the music lasts the phase: one sentence, wrapped, never cut short.
        self.music_line = WholeLabel("muted")
        for widget in (self.now_label, self.next_label, self.music_line):
            layout.addWidget(widget)
        self.music_line.hide()
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.skip_button = ActionButton("", "Ctrl+K", self.skip, self)
        say_button(self.skip_button, SKIP)
        say(self.skip_button, SKIP_HINT, "setToolTip")
        self.quiet_button = ActionButton("", "Ctrl+M", self.toggle_quiet, self, primary=True)
        say_button(self.quiet_button, QUIET)
        self.skip_button.setProperty("role", "compact")
        # Quiet keeps its primary look (its role says whether the sound is up), at compact size.
        self.quiet_button.setStyleSheet(
            "QPushButton { min-height: 30px; padding-top: 6px; padding-bottom: 6px; }"
        )
        for button in (self.skip_button, self.quiet_button):
            buttons.addWidget(button, 1)
        layout.addSpacing(4)
        layout.addLayout(buttons)

        # The volumes: put where there is room by the screen (see kapdesk.ui.journey_view).
        self.volumes = QWidget()
        self.volumes.setObjectName("volumes")
        self.volumes.setStyleSheet("#volumes { background: transparent; }")
        sliders = QGridLayout(self.volumes)
        sliders.setContentsMargins(0, 0, 0, 0)
        sliders.setHorizontalSpacing(10)
        self.music_slider = self._slider(MUSIC_VOLUME)
        self.bed_slider = self._slider(BED_VOLUME)
        self.music_slider.valueChanged.connect(self._music_volume)
        self.bed_slider.valueChanged.connect(self._bed_volume)
        for row, (caption, slider) in enumerate(
            ((MUSIC_VOLUME, self.music_slider), (BED_VOLUME, self.bed_slider))
        ):
            caption_label = label("", "muted")
            say(caption_label, caption)
            sliders.addWidget(caption_label, row, 0)
            sliders.addWidget(slider, row, 1)
        sliders.setColumnStretch(1, 1)
        self._show_nothing(NO_SOUND)

    def _slider(self, name: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 100)
        say(slider, name, "setAccessibleName")
        slider.setMinimumWidth(90)
        slider.setMinimumHeight(28)
        return slider

    # -- following a session --------------------------------------------------------------------

    def choose(self, opened: OpenJourney, soundtrack: Soundtrack) -> None:
        """Record the soundtrack a new session will play (the plan, as it is now, and the
        loudness it is played at)."""
        data = soundtrack_chosen(soundtrack, self.target_loudness)
        opened.journey.record_sound(EventKind.SOUNDTRACK, data)

    def follow(self, opened: OpenJourney) -> None:
        """Play ``opened``'s soundtrack from where its record says the music is."""
        self.stop()
        journey = opened.journey
        self._journey = journey
        journey.subscribe(self._on_journey_event)
        sound = session_sound(journey.events, self._clock.now(), journey.elapsed())
        if sound.soundtrack is None or journey.closed:
            self._show_nothing(NO_SOUND)
            return
        backend = self._device()
        if backend is None:
            return
        phase = journey.current_phase
        phase_name = phase.name if phase is not None else None
        playlist = sound.soundtrack.playlist_for(phase_name)
        resume: tuple[int, float] | None = None
        if sound.playlist is not None and playlist is not None and sound.playlist == playlist.name:
            resume = (len(playlist.tracks), 0.0) if sound.ended else (sound.index, sound.position)
        self.player = Player(
            backend,
            self._clock,
            on_event=self._record,
            # A session picked up after a restart keeps the loudness it began with, whatever the
            # clinic's settings say now: the music must not jump mid-session.
            settings=Settings(
                master_limit=self.volume_limit,
                target_loudness=(
                    self.target_loudness if sound.target_loudness is None else sound.target_loudness
                ),
            ),
        )
        self.player.start(sound.soundtrack, phase_name, resume)
        for slider, value in (
            (self.music_slider, self.player.music_volume),
            (self.bed_slider, self.player.bed_volume),
        ):
            slider.blockSignals(True)
            slider.setValue(round(value * 100))
            slider.blockSignals(False)
        self._set_enabled(True)
        self._tick()

    def stop(self, fade_seconds: float | None = None) -> None:
        """Let go of the session (its sound fades away if it still plays, over the player's
        close fade or ``fade_seconds``)."""
        self._timer.stop()
        if self._journey is not None:
            self._journey.unsubscribe(self._on_journey_event)
            self._journey = None
        if self.player is not None:
            self.player.finish(fade_seconds)
            self.player = None

    def fade_away(self, seconds: float) -> float:
        """kapdesk is ending (a shutdown, a logout): let go of the session and fade its sound
        out over ``seconds``; how long until it is silent (0 when nothing played)."""
        playing = self.player is not None and self._backend is not None
        self.stop(seconds)
        return seconds if playing else 0.0

    def sounding(self) -> bool:
        """Whether the sound device still plays anything (a fade-out included)."""
        backend = self._backend
        return backend is not None and (backend.music.busy() or backend.bed.busy())

    def shut_down(self) -> None:
        """The app is closing: stop and release the sound device."""
        self.stop()
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    # -- the sitter's controls ------------------------------------------------------------------

    def toggle_quiet(self) -> None:
        if self.player is None:
            return
        self.player.set_quiet(not self.player.quiet)
        self._tick()

    def skip(self) -> None:
        if self.player is not None:
            self.player.skip()
            self._tick()

    def _music_volume(self, value: int) -> None:
        if self.player is not None:
            self.player.set_volumes(music=value / 100)

    def _bed_volume(self, value: int) -> None:
        if self.player is not None:
            self.player.set_volumes(bed=value / 100)

    # -- internals ------------------------------------------------------------------------------

    def _device(self) -> AudioBackend | None:
        if self._backend is None and self._factory is not None and self.device_problem is None:
            try:
                self._backend = self._factory()
            except AudioError as exc:
                self.device_problem = words_of(exc)
        if self._backend is None:
            reason = self.device_problem
            self._show_nothing(DEVICE_PROBLEM.format(reason=reason) if reason else SOUND_OFF)
        return self._backend

    def _record(self, kind: EventKind, data: Mapping[str, Any]) -> None:
        if self._journey is not None and not self._journey.closed:
            self._journey.record_sound(kind, data)

    def _on_journey_event(self, event: JourneyEvent) -> None:
        # Acted on after the journey has told everyone: the player records events of its own.
        if event.kind is EventKind.PHASE:
            name = str(event.data.get("name", ""))
            QTimer.singleShot(0, self, lambda: self._phase_changed(name))
        elif event.kind is EventKind.CLOSED:
            QTimer.singleShot(0, self, self._closed)

    def _phase_changed(self, name: str) -> None:
        if self.player is not None:
            self.player.phase_changed(name)
            self._tick()

    def _closed(self) -> None:
        self.stop()
        self._show_nothing(CLOSED)

    def _tick(self) -> None:
        if self.player is None:
            return
        wait = self.player.tick()
        self._show()
        self._timer.start(max(20, round(wait * 1000)))

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.quiet_button, self.skip_button, self.music_slider, self.bed_slider):
            widget.setEnabled(on)

    def _show_nothing(self, text: str) -> None:
        say(self.now_label, text)
        say(self.next_label, "")
        say(self.music_line, "")
        self.music_line.hide()
        self._set_enabled(False)

    def _show(self) -> None:
        player = self.player
        if player is None or player.soundtrack is None:
            return
        soundtrack = player.soundtrack
        bed = soundtrack.bed.title if soundtrack.bed is not None else None
        track = player.now_playing
        if track is not None:
            position = player.position or 0.0
            if track.duration:
                position = min(position, track.duration)
            length = f" / {clock_text(track.duration)}" if track.duration else ""
            say(self.now_label, f"♪ {track.label()}   {clock_text(position)}{length}")
        elif player.ran_out:
            say(self.now_label, RAN_OUT_BED.format(bed=bed) if bed is not None else RAN_OUT_NO_BED)
        else:
            say(
                self.now_label, NO_MUSIC_BED.format(bed=bed) if bed is not None else NO_MUSIC_NO_BED
            )
        upcoming = player.up_next
        after: str
        if upcoming is not None:
            after = (
                NEXT_BED.format(track=upcoming.label(), bed=bed)
                if bed is not None
                else NEXT_NO_BED.format(track=upcoming.label())
            )
        else:
            after = LAST_BED.format(bed=bed) if bed is not None else LAST_NO_BED
        say(self.next_label, after)
        # A problem with the sound, else whether the music lasts: one line that is read whole.
        said = player.problems[-1] if player.problems else self._coverage_text()
        say(self.music_line, said)
        self.music_line.setVisible(bool(said))
        set_style(self.music_line, f"color: {theme.PROBLEM};" if player.problems else "")
        set_role(self.quiet_button, "primary" if not player.quiet else "")
        say_button(self.quiet_button, SOUND_BACK if player.quiet else QUIET)

    def _coverage_text(self) -> str:
        """Whether the music playing lasts this phase (and the next ones on its playlist)."""
        player, journey = self.player, self._journey
        if player is None or journey is None or player.soundtrack is None or player.ran_out:
            return ""
        phase = journey.current_phase
        if phase is None or journey.phase_index is None or player.playlist is None:
            return ""
        left = [(phase.name, max(0.0, phase.minutes * 60 - journey.phase_elapsed()))]
        for later in journey.protocol.phases[journey.phase_index + 1 :]:
            playlist = player.soundtrack.playlist_for(later.name)
            if playlist is None or playlist.name != player.playlist.name:
                break
            left.append((later.name, later.minutes * 60))
        return music_outlook(player.playlist, player.index, player.position or 0.0, left)
