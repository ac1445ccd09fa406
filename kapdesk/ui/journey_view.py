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

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
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
    EarlyQuestion,
    Keys,
    ScreenFacts,
    Tone,
    calm_words,
    close_question,
    early_question,
    flags_said,
    journey_screen,
)
from kapdesk.core.preparation import decision_data, preparation_of
from kapdesk.core.staff import Action
from kapdesk.core.standing_flags import StandingFlag, by_reading, standing_flags
from kapdesk.core.units import Units
from kapdesk.core.words import QT_TRANSLATE_NOOP, joined
from kapdesk.ui import theme
from kapdesk.ui.close_dialog import CloseDialog
from kapdesk.ui.dialogs import DoseDialog
from kapdesk.ui.discharge_dialog import DischargeDialog
from kapdesk.ui.journey_cards import (
    ActionRow,
    BigTimer,
    Cue,
    FlagCard,
    HeaderRow,
    MessageBar,
    PhaseCard,
    SideColumn,
    TimeNoticeCard,
    page_style,
    scrolling_down,
)
from kapdesk.ui.journey_refusals import JourneyRefusals
from kapdesk.ui.observation_panel import ObservationPanel
from kapdesk.ui.preparation_panel import PreparationPanel
from kapdesk.ui.sound_panel import SoundPanel
from kapdesk.ui.widgets import in_place_of, label
from kapdesk.ui.words import key_name, redraw_when_spoken, said, say, words_of

if TYPE_CHECKING:  # the database layer loads after the window is up
    from kapdesk.storage.journeys import OpenJourney


NARROW = 1200  # px: below this width the page's margins and button padding are narrower
# The page's colours for the tones of the screen's words.
_TONES = {Tone.PLAIN: theme.TEXT, Tone.MUTED: theme.TEXT_MUTED, Tone.WARNING: theme.OVERRUN}
CLOSES_EARLY = QT_TRANSLATE_NOOP("JourneyView", "It would close early: {concerns}")


class JourneyView(QWidget, JourneyRefusals):
    """Shows one open session's journey and takes the sitter's actions on it."""

    session_closed = Signal(int)
    history_requested = Signal()
    timeline_requested = Signal(int)
    # Someone else must do what was refused: lock for them, then try it again as them.
    switch_user_requested = Signal(str)  # what to do again once they are signed in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: OpenJourney | None = None
        self.units = Units()  # the clinic's: weights typed, flags worded (set by the window)
        # The language spoken, for the protocol's phases in it (set by the window).
        self.spoken: Callable[[], str] = lambda: "en"
        self.observations: ObservationPanel | None = None
        self.sound: SoundPanel | None = None
        self.preparation: PreparationPanel | None = None
        self._side: SideColumn | None = None  # the observation column, once it is placed
        self.dose_dialog: DoseDialog | None = None
        self.close_dialog: CloseDialog | None = None
        self.discharge_dialog: DischargeDialog | None = None
        self._early_armed: tuple[int, float] | None = None  # (phase index, journey time)
        self._noted: Downtime | None = None  # a notice staff have read (nothing to confirm)
        self._course = ""
        self.standing: tuple[StandingFlag, ...] = ()
        self._flags_read: tuple[int, object] = (-1, None)  # (events read, of which journey)
        self._style: tuple[float, bool] = (0.0, False)  # the page's scale, and whether narrow
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.tick)
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(0)
        self._columns = columns
        self.main = QWidget(self)
        columns.addWidget(self.main, 1)
        self._outer = QVBoxLayout(self.main)
        self._outer.setContentsMargins(28, 12, 28, 16)
        self._outer.setSpacing(8)
        self._build_top(self._outer)
        self._build_centre(self._outer)
        self._build_bottom(self._outer)
        redraw_when_spoken(self.refresh)  # the phases' names, in the language now spoken

    def _build_top(self, outer: QVBoxLayout) -> None:
        """The header, the notice of a stand-in protocol and the flag card."""
        header = HeaderRow(self, self.history_requested.emit, self._timeline)
        self.who = header.who
        self.history_button, self.timeline_button = header.history_button, header.timeline_button
        outer.addLayout(header)
        self.cue = Cue()  # shown in the vital-signs card (see place_observations)
        # A session whose own protocol cannot be used runs under a stand-in: said here, plainly.
        self.protocol_notice = label("", "error")
        self.protocol_notice.hide()
        outer.addWidget(self.protocol_notice)
        self.flag_card = FlagCard(self, self.acknowledge_flags)
        self.flag_title, self.flag_text = self.flag_card.title, self.flag_card.text
        self.seen_button = self.flag_card.seen_button
        outer.addWidget(self.flag_card)

    def _build_centre(self, outer: QVBoxLayout) -> None:
        """The big timer, which preparation replaces before the dose, and the phase card."""
        self.timer_caption = label("", "section")  # said by the screen's words (refresh)
        self.timer_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(self.timer_caption)
        self.timer_label = BigTimer()
        self.timer_label.installEventFilter(self)
        # Before dosing, preparation takes the timer's place (see place_preparation).
        self.centre = QStackedWidget()
        # The timer (or preparation) takes the room the rest leaves, never a share of theirs.
        self.centre.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.centre.setMinimumHeight(56)  # the digits never go: the rest gives way first
        self.centre.addWidget(self.timer_label)
        outer.addWidget(self.centre, 3)
        self.phase_card = phase = PhaseCard(self)
        self.phase_name, self.phase_time, self.guidance = phase.name, phase.time, phase.guidance
        self.guidance_scroll, self.phase_bar = phase.guidance_scroll, phase.bar
        self.next_label, self.monitoring = phase.next_label, phase.monitoring
        outer.addWidget(phase)

    def _build_bottom(self, outer: QVBoxLayout) -> None:
        """The time notice, the line for a refusal or a question, and the row of actions."""
        self.time_notice = TimeNoticeCard(self, self._time_button_pressed)
        self.time_notice_text, self.time_button = self.time_notice.text, self.time_notice.button
        outer.addWidget(self.time_notice)
        self.message_bar = MessageBar(self)
        self.message, self.switch_button = self.message_bar.message, self.message_bar.switch_button
        self.message_bar.switch_requested.connect(self.switch_user_requested.emit)
        outer.addWidget(self.message_bar)
        self.confirm_note = label("", "")
        self.confirm_note.setStyleSheet(f"color: {theme.OVERRUN};")
        self.confirm_note.hide()
        outer.addWidget(self.confirm_note)
        self._actions = actions = ActionRow(
            self, self.request_close, self.request_dose, self.advance_phase, self.request_discharge
        )
        self.close_button, self.dose_button = actions.close_button, actions.dose_button
        self.next_button, self.discharge_button = actions.next_button, actions.discharge_button
        self._action_buttons = actions.buttons
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
        self._preparation_scroll = scrolling_down(QScrollArea(), panel)
        self.centre.addWidget(self._preparation_scroll)
        if self.observations is not None:
            panel.vitals_requested.connect(self.observations.request_vitals)

    def place_observations(self, panel: ObservationPanel) -> None:
        """Put the observation column on the right, beside the timer and the phase, at every
        size: its vital-signs card (with the cue) and its note box are always in view."""
        self.observations = panel
        self._side = SideColumn(self, panel)
        self._columns.addWidget(self._side)
        panel.show_cue_in_card(self.cue)
        panel.cue_changed.connect(self.cue.show_cue)
        self._arrange()

    def _arrange(self) -> None:
        """Once both are placed: the sound card at the foot of the observation column."""
        if self._side is not None and self.sound is not None and self._side.add_sound(self.sound):
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
        say(self.who, screen.who)
        say(self.protocol_notice, screen.protocol_notice)
        self.protocol_notice.setVisible(bool(screen.protocol_notice))
        if screen.show_preparation and self.preparation is not None:
            self.preparation.refresh()
            self.centre.setCurrentWidget(self._preparation_scroll)
        else:
            self.centre.setCurrentWidget(self.timer_label)
        say(self.timer_caption, screen.timer.caption)
        self.timer_label.setText(screen.timer.text)
        self.timer_label.set_colour(_TONES[screen.timer.tone])
        self.time_notice.show_notice(screen.time_notice)
        self.flag_card.show_lines(flags_said(self.standing) if screen.flags else "")
        self.phase_card.show_phase(screen.phase, screen.monitoring)
        self.phase_card.show_bar(screen)
        self._show_bar()
        self._actions.show_buttons(screen.buttons)
        self._show_early(screen.early)
        self._fit_actions()
        self._schedule_tick()

    def _facts(self) -> ScreenFacts:
        """What the page knows that the journey does not, for the screen's words."""
        assert self.current is not None
        keys = Keys(
            dose=self.dose_button.sequence.toString(),
            next_phase=self.next_button.sequence.toString(),
            time=key_name(self.time_button.sequence),
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
            language=self.spoken(),
        )

    def _show_early(self, early: EarlyQuestion) -> None:
        """While a first press waits for its second: the button and a line say what it does."""
        self._actions.show_early(early)
        if not early.armed:
            self._early_armed = None  # lapsed, or the phase moved on: the question is gone
            self.confirm_note.hide()
            return
        say(self.confirm_note, early.note)
        self._hide_message()  # one line at a time under the phase: the question is the news
        self.confirm_note.show()

    def _read_flags(self) -> None:
        """Read the flags that stand again when the journey has new events."""
        assert self.current is not None
        journey = self.current.journey
        read = (len(journey.events), journey)
        if read != self._flags_read:  # events are only ever added: read them again when they are
            self._flags_read = read
            self.standing = standing_flags(journey.events, journey.protocol.thresholds, self.units)

    def calm_cue(self) -> str:
        """What the calm screen says while the screen is locked: the vital-signs cue, and that a
        flag waits to be seen (without its values: a passer-by may read the calm screen)."""
        flagged = (
            bool(self.standing) and self.current is not None and not self.current.journey.closed
        )
        return calm_words(said(self.cue), flagged)  # the cue as said, for the calm screen

    def acknowledge_flags(self) -> None:
        """Staff have seen the flags shown: recorded, signed, and the card goes."""
        if self.current is None or not self.standing or not self.flag_card.isVisible():
            return
        if self._refused(Action.OBSERVE):
            return
        journey = self.current.journey
        for first, _shown in by_reading(self.standing):
            # Recorded as the record words them (°C), whatever unit the card said them in.
            words = [f.seen_words for f in self.standing if f.reading == first.reading]
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

    def _schedule_tick(self) -> None:
        if self.current is None or self.current.journey.state is not JourneyState.RUNNING:
            self._timer.stop()
            return
        elapsed = self.current.journey.elapsed() or 0.0
        to_boundary = 1.0 - (elapsed - math.floor(elapsed))
        self._timer.start(max(20, int(to_boundary * 1000) + 5))

    def tick(self) -> None:
        """Once a second while the journey runs: let time act, redraw."""
        if self.current is None:
            return
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
        if self._side is not None:
            self._side.fit(self.width())
        narrow = self.width() < NARROW
        edge = 16 if narrow else 28  # the main column's margins
        self._outer.setContentsMargins(edge, 12, 12 if narrow else edge, 16)
        low = self.height() < 700
        self._outer.setSpacing(5 if low else 8)
        self.time_notice.set_narrow(narrow)
        for button in self._action_buttons:
            button.setMinimumHeight(int((52 if low else 64) * scale))
        self.phase_bar.setFixedHeight(int((60 if low else 68) * scale))
        self._show_bar()
        self._fit_actions()
        if (scale, narrow) == self._style:
            return
        self._style = (scale, narrow)
        self.setStyleSheet(page_style(scale, narrow))
        self.guidance_scroll.updateGeometry()

    def _fit_actions(self) -> None:
        """The row of actions in the main column's room, beside the observation column."""
        side = self._side.width() if self._side is not None else 0
        margins = self._outer.contentsMargins()
        self._actions.fit(self.width() - side - margins.left() - margins.right())

    def _fit_timer(self) -> None:
        room = self.timer_label.height()
        wide = self.main.width()
        px = max(24, int(min(room * 0.8, self.height() * 0.2, wide * 0.17)))
        self.timer_label.set_px(px)

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
        dialog = DoseDialog(
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
            units=self.units,
        )
        self.dose_dialog = in_place_of(self.dose_dialog, dialog)
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
        self.discharge_dialog = in_place_of(self.discharge_dialog, dialog)
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
            Action.CLOSE_EARLY,
            again="close",
            why=CLOSES_EARLY.format(concerns=joined(concerns, "; ")),
        ):
            return
        message, early = close_question(journey, concerns)
        dialog = CloseDialog(
            message,
            early,
            self,
            concerns=concerns,
            refusal=lambda: journey.refusal(
                Action.CLOSE_EARLY if concerns else Action.CLOSE_SESSION
            ),
        )
        self.close_dialog = in_place_of(self.close_dialog, dialog)
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

    def _say(self, text: str, *, again: str | None = None) -> None:
        """Show a refusal or a problem; ``again``: offer "Switch user" and do that again.
        A first press of Next phase waiting for its second is let go: this is news now."""
        if self._early_armed is not None:
            self._early_armed = None
            if self.current is not None:
                self._show_early(early_question(self.current.journey, self._facts()))
        self.message_bar.say(text, again)

    def _hide_message(self) -> None:
        self.message_bar.clear()

    def _act(self, action: Callable[[], object]) -> bool:
        """Run a journey action; a refusal is shown softly instead of raised."""
        try:
            action()
        except JourneyError as exc:
            self._say(words_of(exc))
            return False
        self._hide_message()
        return True
