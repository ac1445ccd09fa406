"""The journey screen: read from across the room, touched with one hand.

Large elapsed-since-dosing timer, the phase and how it stands against its plan, guidance for the
sitter, the phase bar, what comes next, and the dose / next phase / close controls. It redraws on
the journey's second boundaries and not more often.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.downtime import Downtime
from kapdesk.core.journey_events import EventKind, JourneyError, JourneyEvent, JourneyState
from kapdesk.core.journey_screen import CONFIRM_EARLY_S as CONFIRM_EARLY_S  # noqa: PLC0414
from kapdesk.core.journey_screen import (
    Buttons,
    EarlyQuestion,
    Keys,
    PhaseText,
    ScreenFacts,
    TimeNotice,
    Tone,
    calm_words,
    close_question,
    early_question,
    journey_screen,
)
from kapdesk.core.preparation import decision_data, preparation_of
from kapdesk.core.staff import Action
from kapdesk.core.standing_flags import StandingFlag, by_reading, standing_flags
from kapdesk.ui import theme
from kapdesk.ui.dialogs import CloseDialog, DoseDialog
from kapdesk.ui.discharge_dialog import DischargeDialog
from kapdesk.ui.observation_panel import ObservationPanel
from kapdesk.ui.phase_bar import BarSpan, PhaseBar
from kapdesk.ui.preparation_panel import PreparationPanel
from kapdesk.ui.sound_panel import SoundPanel
from kapdesk.ui.widgets import SWITCH_OFFER, ActionButton, ElidedLabel, WholeLabel, card, label

if TYPE_CHECKING:  # the database layer loads after the window is up
    from kapdesk.storage.journeys import OpenJourney


NARROW = 1200  # px: below this width the page's margins and button padding are narrower
# The page's colours for the tones of the screen's words.
_TONES = {Tone.PLAIN: theme.TEXT, Tone.MUTED: theme.TEXT_MUTED, Tone.WARNING: theme.OVERRUN}


# The sizes the page's type and controls take at 1280x800 (those of the theme), by selector.
_PAGE_SIZES: tuple[tuple[str, str, int], ...] = (
    ("QWidget", "font-size", 17),
    ('QLabel[role="title"]', "font-size", 26),
    ('QLabel[role="section"]', "font-size", 15),
    ("QPushButton", "min-height", 44),
    ('QPushButton[role="compact"]', "min-height", 30),
    ('QPushButton[role="tag"]', "min-height", 34),
    ('QPushButton[role="rating"]', "min-height", 34),
    ("QLineEdit", "min-height", 36),
)


def _page_style(scale: float, narrow: bool) -> str:
    """The journey page's type and controls ``scale`` times their size (a form opened from the
    page, a dialog and a child of it, keeps the theme's sizes), and on a narrow screen the rows
    of buttons marked ``tight`` with less padding at their sides, so each row fits whole."""
    rules = []
    if scale > 1.0:
        rules += [f"{sel} {{ {prop}: {round(px * scale)}px; }}" for sel, prop, px in _PAGE_SIZES]
        rules += [f"QDialog {sel} {{ {prop}: {px}px; }}" for sel, prop, px in _PAGE_SIZES]
    if narrow:
        rules.append('QPushButton[tight="true"] { padding-left: 8px; padding-right: 8px; }')
    return "\n".join(rules)


class _GuidanceScroll(QScrollArea):
    """The phase's guidance: as tall as its words when there is room, down to two lines that
    scroll when notices take the room (the phase card is never squeezed or clipped)."""

    def __init__(self, words: QLabel) -> None:
        super().__init__()
        self._words = words
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        self.setWidget(words)
        self._width = -1

    def _lines(self, count: int) -> int:
        return count * self._words.fontMetrics().lineSpacing() + 4

    def sizeHint(self) -> QSize:
        width = self.width() if self.isVisible() else 560
        needed = self._words.heightForWidth(max(width - 18, 100))  # a scroll bar's width kept
        return QSize(super().sizeHint().width(), max(self._lines(2), needed))

    def minimumSizeHint(self) -> QSize:
        return QSize(100, self._lines(2))

    def show_words(self, text: str) -> None:
        if text != self._words.text():
            self._words.setText(text)
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:  # the words wrap anew: their height changes
            self._width = event.size().width()
            QTimer.singleShot(0, self, self.updateGeometry)  # once this layout pass is over


class JourneyView(QWidget):
    """Shows one open session's journey and takes the sitter's actions on it."""

    session_closed = Signal(int)
    history_requested = Signal()
    timeline_requested = Signal(int)
    # Someone else must do what was refused: lock for them, then try it again as them.
    switch_user_requested = Signal(str)  # what to do again once they are signed in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: OpenJourney | None = None
        self.observations: ObservationPanel | None = None
        self.sound: SoundPanel | None = None
        self.dose_dialog: DoseDialog | None = None
        self.close_dialog: CloseDialog | None = None
        self._early_armed: tuple[int, float] | None = None  # (phase index, journey time)
        self._timer_colour = theme.TEXT
        self._timer_px = 120
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.tick)

        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(0)
        self._columns = columns
        self.main = QWidget(self)
        columns.addWidget(self.main, 1)
        outer = QVBoxLayout(self.main)
        outer.setContentsMargins(28, 12, 28, 16)
        outer.setSpacing(8)

        header = QHBoxLayout()
        header.setSpacing(14)
        self.who = ElidedLabel("muted")
        header.addWidget(self.who, 1)
        # The vital-signs cue (a check due or overdue), never cut short: it wraps. It sits at
        # the top of the vital-signs card, beside the timer (see place_observations).
        self.cue = WholeLabel("")
        self.cue.hide()
        self._header = header
        self.history_button = ActionButton(
            "Past sessions", "Ctrl+H", self.history_requested.emit, self
        )
        self.history_button.setProperty("role", "compact")
        self.timeline_button = ActionButton("Timeline", "Ctrl+T", self._timeline, self)
        self.timeline_button.setProperty("role", "compact")
        header.addWidget(self.timeline_button)
        header.addWidget(self.history_button)
        outer.addLayout(header)
        # A session whose own protocol cannot be used runs under a stand-in: said here, plainly.
        self.protocol_notice = label("", "error")
        self.protocol_notice.hide()
        outer.addWidget(self.protocol_notice)

        # A reading beyond the protocol's thresholds, in words, until someone has seen it or a
        # newer reading of the same measure is in range (kapdesk.core.standing_flags).
        self.flag_card = card(self)
        self.flag_card.setProperty("role", "flag")
        flag_row = QHBoxLayout(self.flag_card)
        flag_row.setContentsMargins(16, 4, 6, 4)
        flag_row.setSpacing(14)
        self.flag_title = label("Flagged", "flag-title")
        self.flag_title.setWordWrap(False)
        flag_row.addWidget(self.flag_title)
        self.flag_text = WholeLabel("flag-words")
        flag_row.addWidget(self.flag_text, 1)
        self.seen_button = ActionButton("Seen", "Ctrl+Shift+F", self.acknowledge_flags, self)
        self.seen_button.setProperty("role", "compact")
        self.seen_button.setToolTip("Record, under your name, that you have seen these flags")
        flag_row.addWidget(self.seen_button)
        self.flag_card.hide()
        outer.addWidget(self.flag_card)
        self.standing: tuple[StandingFlag, ...] = ()
        self._flags_read: tuple[int, object] = (-1, None)  # (events read, of which journey)

        self.timer_caption = label("Since dosing", "section")
        self.timer_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(self.timer_caption)
        self.timer_label = label("", "")
        self.timer_label.setWordWrap(False)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The timer takes the room the rest leaves and sizes its digits to it.
        self.timer_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.timer_label.setMinimumHeight(56)
        self.timer_label.installEventFilter(self)
        # Before dosing, preparation takes the timer's place (see place_preparation).
        self.centre = QStackedWidget()
        # The timer (or preparation) takes the room the rest leaves, never a share of theirs.
        self.centre.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.centre.setMinimumHeight(56)  # the digits never go: the rest gives way first
        self.centre.addWidget(self.timer_label)
        outer.addWidget(self.centre, 3)
        self.preparation: PreparationPanel | None = None
        self._course = ""

        phase_card = card(self)
        phase_layout = QVBoxLayout(phase_card)
        phase_layout.setContentsMargins(20, 14, 20, 14)
        top = QHBoxLayout()
        self.phase_name = label("", "title")
        self.phase_time = label("", "muted")
        self.phase_time.setWordWrap(False)
        self.phase_time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.phase_name, 1)
        top.addWidget(self.phase_time)
        phase_layout.addLayout(top)
        self.guidance = label("", "")
        # When notices leave the card less room than its words need, they scroll (two lines
        # always show); the card is never squeezed and nothing is clipped.
        self.guidance_scroll = _GuidanceScroll(self.guidance)
        phase_layout.addWidget(self.guidance_scroll)
        self.phase_bar = PhaseBar(phase_card)
        phase_layout.addWidget(self.phase_bar)
        bottom = QHBoxLayout()
        self.next_label = ElidedLabel("muted")
        self.monitoring = label("", "muted")
        self.monitoring.setWordWrap(False)
        self.monitoring.setAlignment(Qt.AlignmentFlag.AlignRight)
        bottom.addWidget(self.next_label, 1)
        bottom.addWidget(self.monitoring, 1)
        phase_layout.addLayout(bottom)
        outer.addWidget(phase_card)
        self.phase_card = phase_card
        self._outer = outer
        self._style: tuple[float, bool] = (0.0, False)  # the page's scale, and whether narrow

        # After a restart: what kapdesk could not check about the time it was closed.
        self.time_notice = card(self)
        # Its words beside the button on a wide screen, over it on a narrow one (fewer lines).
        notice_row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.time_notice)
        notice_row.setContentsMargins(14, 4, 14, 4)
        notice_row.setSpacing(4)
        self._notice_row = notice_row
        self.time_notice_text = label("", "")
        self.time_notice_text.setStyleSheet(f"color: {theme.OVERRUN}; font-size: 15px;")
        notice_row.addWidget(self.time_notice_text, 1)
        self.time_button = ActionButton(
            "Journey time is right", "Ctrl+Shift+J", self._time_button_pressed, self
        )
        self.time_button.setProperty("role", "compact")
        notice_row.addWidget(self.time_button, 0, Qt.AlignmentFlag.AlignRight)
        self.time_notice.hide()
        outer.addWidget(self.time_notice)
        self._noted: Downtime | None = None  # a notice staff have read (nothing to confirm)

        # A refusal, or a question that waits for a second press; soft, never a pop-up.
        self.message = label("", "error")
        # Its key is the lock key (Ctrl+Shift+L), caught by the main window: where a refusal
        # offers it, that key switches user this way.
        self.switch_button = QPushButton("Switch user   Ctrl+Shift+L")
        self.switch_button.setProperty("role", "compact")
        self.switch_button.clicked.connect(self._switch_user)
        self.switch_button.hide()
        self.message_bar = QWidget(self)
        message_row = QHBoxLayout(self.message_bar)
        message_row.setContentsMargins(0, 0, 0, 0)
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.switch_button)
        self.message_bar.hide()
        self._again = ""  # what the switch button asks to do again, once someone else is in
        outer.addWidget(self.message_bar)
        self.confirm_note = label("", "")
        self.confirm_note.setStyleSheet(f"color: {theme.OVERRUN};")
        self.confirm_note.hide()
        outer.addWidget(self.confirm_note)

        actions = QHBoxLayout()
        actions.setSpacing(10)
        self.close_button = ActionButton("Close session", "Ctrl+E", self.request_close, self)
        self.dose_button = ActionButton("Dose given", "Ctrl+D", self.request_dose, self)
        self.next_button = ActionButton(
            "Next phase", "Ctrl+N", self.advance_phase, self, primary=True
        )
        # In the last phase it takes the place of "Next phase"; Ctrl+R works from the dose on.
        self.discharge_button = ActionButton(
            "Ready to leave?", "Ctrl+R", self.request_discharge, self, while_hidden=True
        )
        self.discharge_dialog: DischargeDialog | None = None
        self._action_buttons = (
            self.close_button,
            self.dose_button,
            self.next_button,
            self.discharge_button,
        )
        for button in self._action_buttons:
            button.setProperty("tight", True)  # a row that must fit a narrow screen whole
        actions.addWidget(self.close_button)
        actions.addStretch()
        self._actions = actions
        actions.addWidget(self.dose_button)
        actions.addWidget(self.next_button)
        actions.addWidget(self.discharge_button)
        outer.addLayout(actions)

    def _timeline(self) -> None:
        if self.current is not None:
            self.timeline_requested.emit(self.current.session_id)

    def place_sound(self, panel: SoundPanel) -> None:
        """The sound card goes at the foot of the observation column (see _arrange)."""
        self.sound = panel
        self._arrange()

    def set_course(self, text: str) -> None:
        """``Session 3 of 6`` in the header, or nothing."""
        self._course = text

    def place_preparation(self, panel: PreparationPanel) -> None:
        self.preparation = panel
        # On a small screen the checklist may need more height than there is: it scrolls.
        self._preparation_scroll = QScrollArea()
        self._preparation_scroll.setWidgetResizable(True)
        self._preparation_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._preparation_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._preparation_scroll.setWidget(panel)
        self.centre.addWidget(self._preparation_scroll)
        if self.observations is not None:
            panel.vitals_requested.connect(self.observations.request_vitals)

    def place_observations(self, panel: ObservationPanel) -> None:
        """Put the observation column on the right, beside the timer and the phase, at every
        size: its vital-signs card (with the cue) and its note box are always in view."""
        self.observations = panel
        # Its parts keep their height; on a screen too low for all of them (a long problem
        # said under the note box, a banner above the page) the column scrolls, never clips.
        self._side = QScrollArea(self)
        self._side.setWidgetResizable(True)
        self._side.setFrameShape(QFrame.Shape.NoFrame)
        self._side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inside = QWidget()
        self._side.setWidget(inside)
        column = QVBoxLayout(inside)
        column.setContentsMargins(0, 12, 12, 16)
        column.setSpacing(8)
        self._side_layout = column
        self._columns.addWidget(self._side)
        column.addWidget(panel, 1)
        panel.show_cue_in_card(self.cue)
        panel.cue_changed.connect(self._show_cue)
        self._arrange()

    def _arrange(self) -> None:
        """Once both are placed: the sound card under the observations, its volumes in the
        part of the column that scrolls."""
        panel, sound = self.observations, self.sound
        if panel is None or sound is None or self._side_layout.indexOf(sound) >= 0:
            return
        self._side_layout.addWidget(sound)
        panel.add_below(sound.volumes)
        for button in (sound.skip_button, sound.quiet_button):
            button.setProperty("tight", True)
        self._fit_page()

    def _show_bar(self) -> None:
        """Before the dose on a low screen the plan of phases waits, for preparation's room."""
        self.phase_bar.setVisible(not self._preparing() or self.height() >= 700)

    def _preparing(self) -> bool:
        return (
            self.preparation is not None
            and self.current is not None
            and self.current.journey.state is JourneyState.OPENED
        )

    def _show_cue(self, text: str, level: str) -> None:
        """Soft amber when a check is due, stronger when overdue; never a sound or a pop-up."""
        self.cue.setText(text)
        self.cue.setVisible(bool(text))
        colour = {"due": theme.OVERRUN, "overdue": theme.PROBLEM}.get(level, theme.TEXT_MUTED)
        weight = "bold" if level == "overdue" else "normal"
        self.cue.setStyleSheet(f"color: {colour}; font-weight: {weight};")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A letter typed anywhere on the screen starts a note."""
        text = event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if (
            self.observations is not None
            and plain
            and text.isprintable()
            and text.strip()
            and self.observations.type_into_note(text)
        ):
            return
        super().keyPressEvent(event)

    # -- showing ------------------------------------------------------------------------------

    def show_journey(self, current: OpenJourney) -> None:
        if self.current is not None:
            self.current.journey.unsubscribe(self._on_event)
        self.current = current
        current.journey.subscribe(self._on_event)
        if self.observations is not None:
            self.observations.follow(current)
        if self.preparation is not None:
            self.preparation.follow(current)
        self._hide_message()
        self._early_armed = None
        self.refresh()

    def refresh(self) -> None:
        """Redraw from the journey's state, and plan the next redraw on a second boundary."""
        if self.current is None:
            return
        self._read_flags()
        screen = journey_screen(self.current.journey, self._facts())
        self.who.setText(screen.who)
        self.protocol_notice.setText(screen.protocol_notice)
        self.protocol_notice.setVisible(bool(screen.protocol_notice))
        if screen.show_preparation and self.preparation is not None:
            self.preparation.refresh()
            self.centre.setCurrentWidget(self._preparation_scroll)
        else:
            self.centre.setCurrentWidget(self.timer_label)
        self.timer_caption.setText(screen.timer.caption)
        self.timer_label.setText(screen.timer.text)
        self._set_timer_colour(_TONES[screen.timer.tone])
        self._show_time_notice(screen.time_notice)
        self._show_flags(screen.flags)
        self._show_phase(screen.phase)
        self.monitoring.setText(screen.monitoring)
        parts = [BarSpan(p.index, p.start, p.end, p.planned) for p in screen.bar_parts]
        self.phase_bar.set_state(list(screen.bar_plan), parts, screen.bar_now, screen.bar_index)
        self._show_bar()
        self._show_buttons(screen.buttons)
        self._show_early(screen.early)
        self._schedule_tick()

    def _facts(self) -> ScreenFacts:
        """What the page knows that the journey does not, for the screen's words."""
        assert self.current is not None
        keys = Keys(
            dose=self.dose_button.sequence.toString(),
            next_phase=self.next_button.sequence.toString(),
            time=self.time_button.sequence.toString(QKeySequence.SequenceFormat.NativeText),
        )
        return ScreenFacts(
            patient_code=self.current.patient_code,
            sitter=self.current.sitter,
            course=self._course,
            preparing=self._preparing(),
            noted=self._noted,
            early_armed=self._early_armed,
            standing=self.standing,
            narrow=self.width() < NARROW,
            keys=keys,
        )

    def _show_phase(self, phase: PhaseText) -> None:
        self.phase_name.setText(phase.name)
        self.phase_time.setText(phase.time)
        self.phase_time.setStyleSheet(f"color: {theme.OVERRUN};" if phase.over else "")
        self.guidance_scroll.show_words(phase.guidance)
        self.next_label.setText(phase.next_line)

    def _show_buttons(self, buttons: Buttons) -> None:
        self.dose_button.setText(buttons.dose)
        self.dose_button.setProperty("role", "primary" if buttons.dose_primary else "")
        self.dose_button.style().polish(self.dose_button)
        self.dose_button.setEnabled(buttons.dose_enabled)
        self.next_button.setEnabled(buttons.next_enabled)
        self.next_button.setVisible(buttons.next_visible)
        self.discharge_button.setVisible(buttons.discharge_visible)
        self.discharge_button.setProperty("role", "primary" if buttons.discharge_visible else "")
        self.discharge_button.style().polish(self.discharge_button)
        self.close_button.setEnabled(buttons.close_enabled)

    def _show_early(self, early: EarlyQuestion) -> None:
        """While a first press waits for its second: the button and a line say what it does."""
        self.next_button.setText(early.button)
        if not early.armed:
            self._early_armed = None  # lapsed, or the phase moved on: the question is gone
            self.next_button.setStyleSheet("")
            self.confirm_note.hide()
            return
        self.next_button.setStyleSheet(f"color: {theme.OVERRUN}; border-color: {theme.OVERRUN};")
        self.confirm_note.setText(early.note)
        self._hide_message()  # one line at a time under the phase: the question is the news
        self.confirm_note.show()

    def _show_time_notice(self, notice: TimeNotice | None) -> None:
        """Say what kapdesk could not check about the time it was closed (see time_notice)."""
        if notice is None:
            self.time_notice.hide()
            return
        self.time_button.setText(notice.button)
        self.time_notice_text.setText(notice.text)
        self.time_notice.show()

    def _read_flags(self) -> None:
        """Read the flags that stand again when the journey has new events."""
        assert self.current is not None
        journey = self.current.journey
        read = (len(journey.events), journey)
        if read != self._flags_read:  # events are only ever added: read them again when they are
            self._flags_read = read
            self.standing = standing_flags(journey.events, journey.protocol.thresholds)

    def _show_flags(self, lines: str) -> None:
        """The flags that stand, a line per reading (see flag_lines); the card goes without."""
        if not lines:
            self.flag_card.hide()
            return
        self.flag_text.setText(lines)
        self.flag_card.show()

    def calm_cue(self) -> str:
        """What the calm screen says while the screen is locked: the vital-signs cue, and that a
        flag waits to be seen (without its values: a passer-by may read the calm screen)."""
        flagged = (
            bool(self.standing) and self.current is not None and not self.current.journey.closed
        )
        return calm_words(self.cue.text(), flagged)

    def acknowledge_flags(self) -> None:
        """Staff have seen the flags shown: recorded, signed, and the card goes."""
        if self.current is None or not self.standing or not self.flag_card.isVisible():
            return
        if self._refused(Action.OBSERVE):
            return
        journey = self.current.journey
        for first, words in by_reading(self.standing):
            if not self._act(partial(journey.acknowledge_flags, first.reading, words)):
                return

    def _time_button_pressed(self) -> None:
        if self.current is None:
            return
        journey = self.current.journey
        if journey.time_vouched:
            self._noted = journey.downtime
            self.refresh()
            return
        if self._refused(Action.OBSERVE):
            return
        downtime = journey.downtime
        if self._act(journey.confirm_time):
            self._noted = downtime  # what it said is answered
            self.refresh()

    def _set_timer_colour(self, colour: str) -> None:
        self._timer_colour = colour
        self._style_timer()

    def _style_timer(self) -> None:
        # The application style sheet sets every font size, so the timer's size is set here too.
        self.timer_label.setStyleSheet(
            f"color: {self._timer_colour}; font-size: {self._timer_px}px; font-weight: 300;"
        )

    def _schedule_tick(self) -> None:
        if self.current is None or self.current.journey.state is not JourneyState.RUNNING:
            self._timer.stop()
            return
        elapsed = self.current.journey.elapsed() or 0.0
        to_boundary = 1.0 - (elapsed - math.floor(elapsed))
        self._timer.start(max(20, int(to_boundary * 1000) + 5))

    def tick(self) -> None:
        """Once a second while the journey runs: retry unsaved events, let time act, redraw."""
        if self.current is None:
            return
        if self.current.recorder.pending:
            self.current.recorder.flush()
        self.current.journey.tick()
        self.refresh()
        if self.observations is not None:
            self.observations.refresh()

    def _on_event(self, event: JourneyEvent) -> None:
        if event.data.get("by"):
            self._hide_message()  # staff acted since: the refusal and its switch are past
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        """A refusal and its offer to switch user belong to the moment: gone with the page."""
        self._hide_message()
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_page()
        self._fit_timer()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.timer_label and event.type() is QEvent.Type.Resize:
            self._fit_timer()  # the digits take the room the rest of the screen leaves
        return super().eventFilter(watched, event)

    def _fit_page(self) -> None:
        """The page grows with the screen, not only the timer: from 1280x800 up its type,
        buttons, phase bar and observation column grow with it (to half as large again at
        1920x1080); below, they keep their size and the timer gives way."""
        scale = round(max(1.0, min(self.width() / 1280, self.height() / 800, 1.5)), 1)
        side = getattr(self, "_side", None)
        if side is not None:
            side.setFixedWidth(max(360, min(int(self.width() * 0.34), 640)))
            if self.observations is not None:
                self.observations.set_columns(11 if side.width() >= 560 else 6)
        narrow = self.width() < NARROW
        edge = 16 if narrow else 28  # the main column's margins
        self._outer.setContentsMargins(edge, 12, 12 if narrow else edge, 16)
        low = self.height() < 700
        self._outer.setSpacing(5 if low else 8)
        self._notice_row.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        for button in self._action_buttons:
            button.setMinimumHeight(int((52 if low else 64) * scale))
        self.phase_bar.setFixedHeight(int((60 if low else 68) * scale))
        self._show_bar()
        if (scale, narrow) == self._style:
            return
        self._style = (scale, narrow)
        self.setStyleSheet(_page_style(scale, narrow))
        self.guidance_scroll.updateGeometry()

    def _fit_timer(self) -> None:
        room = self.timer_label.height()
        wide = self.main.width()
        px = max(24, int(min(room * 0.8, self.height() * 0.2, wide * 0.17)))
        if px != self._timer_px:
            self._timer_px = px
            self._style_timer()

    # -- actions ------------------------------------------------------------------------------

    def request_dose(self) -> None:
        if self.current is None or self.current.journey.state is JourneyState.CLOSED:
            return
        journey = self.current.journey
        if self._refused(Action.RECORD_DOSE, again="dose"):
            return
        concern = journey.baseline_concern()
        if concern is not None and self._refused(Action.DECIDE_TO_DOSE, again="dose", why=concern):
            return  # said before the form opens, not after it is filled in
        missing: tuple[str, ...] = ()
        if not journey.dosed:
            missing = tuple(item.text for item in preparation_of(journey).missing)
        self.dose_dialog = DoseDialog(
            journey.protocol.dose,
            self.current.author,
            not journey.dosed,
            self,
            concern=journey.baseline_concern(),
            missing=missing,
            given=journey.dose_given(),
            weight=journey.last_weight(),
            decide_refusal=journey.range_refusal,
            refusal=lambda: journey.refusal(Action.RECORD_DOSE),
        )
        self.dose_dialog.accepted.connect(self._dose_accepted)
        # A colleague who may decide switches in; the form stays, as typed, for them.
        self.dose_dialog.switch_user_requested.connect(lambda: self.switch_user_requested.emit(""))
        self.dose_dialog.open()

    def _dose_accepted(self) -> None:
        current, dialog = self.current, self.dose_dialog
        if current is None or dialog is None:
            return
        dose = dialog.dose()
        journey = current.journey
        if dialog.decision_reason() and journey.baseline_concern() is not None:
            data = decision_data(journey, dialog.decision_reason(), dose.given_by)
            if not self._act(lambda: journey.record_preparation(EventKind.DOSING_DECISION, data)):
                return
        self._act(lambda: journey.record_dose(dose, dialog.range_reason()))

    def request_discharge(self) -> None:
        if self.current is None or self.current.journey.state is not JourneyState.RUNNING:
            return
        if self._refused(Action.DISCHARGE, again="discharge"):
            return
        dialog = DischargeDialog(self.current.journey, self.current.author, self)
        dialog.accepted.connect(self._discharge_checked)
        self.discharge_dialog = dialog
        dialog.open()

    def _discharge_checked(self) -> None:
        current, dialog = self.current, self.discharge_dialog
        if current is None or dialog is None or dialog.data is None:
            return
        data = dialog.data
        self._act(lambda: current.journey.record_discharge(data))

    def advance_phase(self) -> None:
        """Next phase. A dosing phase (an infusion, the sprays) ended before its planned time
        takes a second press within :data:`CONFIRM_EARLY_S`: N sits beside B."""
        if self.current is None:
            return
        journey = self.current.journey
        span = journey.current_span
        if span is not None and span.phase.dosing and journey.ends_phase_early():
            now = journey.elapsed() or 0.0
            armed = self._early_armed
            if armed is None or armed[0] != span.index or now - armed[1] > CONFIRM_EARLY_S:
                if self._refused(Action.OBSERVE):
                    return
                self._early_armed = (span.index, now)
                self.refresh()
                return
        self._early_armed = None
        self._act(journey.advance_phase)
        self.refresh()

    def request_close(self) -> None:
        if self.current is None or self.current.journey.state is JourneyState.CLOSED:
            return
        journey = self.current.journey
        concerns = journey.close_concerns()
        if self._refused(Action.CLOSE_SESSION, again="close"):
            return
        if concerns and self._refused(
            Action.CLOSE_EARLY, again="close", why="It would close early: " + "; ".join(concerns)
        ):
            return
        message, early = close_question(journey, concerns)
        self.close_dialog = CloseDialog(
            message,
            early,
            self,
            concerns=concerns,
            refusal=lambda: journey.refusal(
                Action.CLOSE_EARLY if concerns else Action.CLOSE_SESSION
            ),
        )
        self.close_dialog.accepted.connect(self._close_accepted)
        self.close_dialog.open()

    def _close_accepted(self) -> None:
        if self.current is None or self.close_dialog is None:
            return
        reason = self.close_dialog.reason.text()
        current = self.current
        if self._act(lambda: current.journey.close(reason)):
            self._timer.stop()
            self.session_closed.emit(current.session_id)

    def _refused(self, action: Action, *, again: str = "", why: str = "") -> bool:
        """Say at once, before a form is filled in, that the member signed in may not, and
        offer to switch user; ``again`` names what to do again once someone who may is in."""
        refusal = self.current.journey.refusal(action) if self.current is not None else None
        if refusal:
            text = f"{why}. {refusal}." if why else f"{refusal}."
            self._say(f"{text} {SWITCH_OFFER}", again=again)
        return refusal is not None

    def _say(self, text: str, *, again: str | None = None) -> None:
        """Show a refusal or a problem; ``again``: offer "Switch user" and do that again.
        A first press of Next phase waiting for its second is let go: this is news now."""
        if self._early_armed is not None:
            self._early_armed = None
            if self.current is not None:
                self._show_early(early_question(self.current.journey, self._facts()))
        self.message.setText(text)
        self._again = again or ""
        self.switch_button.setVisible(again is not None)
        self.message_bar.show()

    def _hide_message(self) -> None:
        self.message_bar.hide()
        self.switch_button.hide()
        self._again = ""

    def _switch_user(self) -> None:
        if self.switch_button.isVisible():
            self.switch_user_requested.emit(self._again)

    def pending_switch(self) -> str | None:
        """What a switch of user would do again, while a refusal offers one (here or in the
        dose form); else None."""
        dialog = self.dose_dialog
        if (
            dialog is not None
            and dialog.isVisible()
            and (dialog.switch_user.isVisible() or dialog.refused_now)
        ):
            return ""  # the form itself stays for whoever switches in
        closing = self.close_dialog
        if closing is not None and closing.isVisible() and closing.refused_now:
            return ""
        return self._again if self.switch_button.isVisible() else None

    def try_again(self, what: str) -> None:
        """After a switch of user: do again what was refused to the one before, as the one
        now signed in (whose roles are checked once more)."""
        self._hide_message()
        if what == "close":
            self.request_close()
        elif what == "dose":
            self.request_dose()
        elif what == "discharge":
            self.request_discharge()

    def _act(self, action: Callable[[], object]) -> bool:
        """Run a journey action; a refusal is shown softly instead of raised."""
        try:
            action()
        except JourneyError as exc:
            self._say(str(exc))
            return False
        self._hide_message()
        return True
