"""The journey page's parts: its header row, the flag card, the big timer, the phase card, the
time notice, the line for a refusal and the row of actions.

Each part builds its own widgets once and shows its share of the screen's words
(:mod:`kapdesk.core.journey_screen`); :class:`kapdesk.ui.journey_view.JourneyView` arranges them
and acts. A part's buttons take their keys on the page, so the keys work anywhere on it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.journey_screen import (
    Buttons,
    EarlyQuestion,
    JourneyScreen,
    PhaseText,
    TimeNotice,
    unbroken,
)
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui import theme
from kapdesk.ui.observation_panel import ObservationPanel
from kapdesk.ui.phase_bar import BarSpan, PhaseBar
from kapdesk.ui.sound_panel import SoundPanel
from kapdesk.ui.widgets import (
    ActionButton,
    ElidedLabel,
    WholeLabel,
    label,
    set_role,
    set_style,
)
from kapdesk.ui.words import key_name, said, say, say_button

KEY_GAP = "   "  # between a button's words and its key

PAST_SESSIONS = QT_TRANSLATE_NOOP("JourneyCards", "Past sessions")
TIMELINE = QT_TRANSLATE_NOOP("JourneyCards", "Timeline")
FLAGGED = QT_TRANSLATE_NOOP("JourneyCards", "Flagged")
SEEN = QT_TRANSLATE_NOOP("JourneyCards", "Seen")
SEEN_TIP = QT_TRANSLATE_NOOP(
    "JourneyCards", "Record, under your name, that you have seen these flags"
)
TIME_IS_RIGHT = QT_TRANSLATE_NOOP("JourneyCards", "Journey time is right")
SWITCH_USER = QT_TRANSLATE_NOOP("JourneyCards", "Switch user")
CLOSE_SESSION = QT_TRANSLATE_NOOP("JourneyCards", "Close session")
DOSE_GIVEN = QT_TRANSLATE_NOOP("JourneyCards", "Dose given")
NEXT_PHASE = QT_TRANSLATE_NOOP("JourneyCards", "Next phase")
READY_TO_LEAVE = QT_TRANSLATE_NOOP("JourneyCards", "Ready to leave?")

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


def page_style(scale: float, narrow: bool) -> str:
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


def scrolling_down(area: QScrollArea, inside: QWidget) -> QScrollArea:
    """``area`` holding ``inside``, frameless, scrolling up and down only."""
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(inside)
    return area


class SideColumn(QScrollArea):
    """The observation column on the right of the page, beside the timer and the phase, at
    every size, with the sound card at its foot.

    Its parts keep their height; on a screen too low for all of them (a long problem said under
    the note box, a banner above the page) the column scrolls, never clips.
    """

    def __init__(self, page: QWidget, observations: ObservationPanel) -> None:
        super().__init__(page)
        inside = QWidget()
        scrolling_down(self, inside)
        self._column = QVBoxLayout(inside)
        self._column.setContentsMargins(0, 12, 12, 16)
        self._column.setSpacing(8)
        self._column.addWidget(observations, 1)
        self._observations = observations

    def add_sound(self, sound: SoundPanel) -> bool:
        """The sound card under the observations, its volumes in the part of the column that
        scrolls; False when it is there already."""
        if self._column.indexOf(sound) >= 0:
            return False
        self._column.addWidget(sound)
        self._observations.add_below(sound.volumes)
        for button in (sound.skip_button, sound.quiet_button):
            button.setProperty("tight", True)
        return True

    def fit(self, page_width: int) -> None:
        """A third of the page, within bounds; the quick tags in one row or two by its width."""
        self.setFixedWidth(max(360, min(int(page_width * 0.34), 640)))
        self._observations.set_columns(11 if self.width() >= 560 else 6)


class HeaderRow(QHBoxLayout):
    """Who the session is for and who sits with them, and the way to its timeline and to past
    sessions."""

    def __init__(
        self, page: QWidget, history: Callable[[], object], timeline: Callable[[], object]
    ) -> None:
        super().__init__()
        self.setSpacing(14)
        self.who = ElidedLabel("muted")
        self.addWidget(self.who, 1)
        self.history_button = ActionButton("", "Ctrl+H", history, page)
        say_button(self.history_button, PAST_SESSIONS)
        self.history_button.setProperty("role", "compact")
        self.timeline_button = ActionButton("", "Ctrl+T", timeline, page)
        say_button(self.timeline_button, TIMELINE)
        self.timeline_button.setProperty("role", "compact")
        self.addWidget(self.timeline_button)
        self.addWidget(self.history_button)


class Cue(WholeLabel):
    """The vital-signs cue (a check due or overdue), never cut short: it wraps. It sits at the
    top of the vital-signs card, beside the timer."""

    def __init__(self) -> None:
        super().__init__("")
        self.hide()

    def show_cue(self, text: str, level: str) -> None:
        """Soft amber when a check is due, stronger when overdue; never a sound or a pop-up."""
        say(self, text)
        self.setVisible(bool(text))
        colour = {"due": theme.OVERRUN, "overdue": theme.PROBLEM}.get(level, theme.TEXT_MUTED)
        weight = "bold" if level == "overdue" else "normal"
        set_style(self, f"color: {colour}; font-weight: {weight};")


class FlagCard(QFrame):
    """A reading beyond the protocol's thresholds, in words, until someone has seen it or a
    newer reading of the same measure is in range (kapdesk.core.standing_flags)."""

    def __init__(self, page: QWidget, seen: Callable[[], object]) -> None:
        super().__init__(page)
        self.setProperty("role", "flag")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 4, 6, 4)
        row.setSpacing(14)
        self.title = label("", "flag-title")
        say(self.title, FLAGGED)
        self.title.setWordWrap(False)
        row.addWidget(self.title)
        self.text = WholeLabel("flag-words")
        row.addWidget(self.text, 1)
        self.seen_button = ActionButton("", "Ctrl+Shift+F", seen, page)
        say_button(self.seen_button, SEEN)
        self.seen_button.setProperty("role", "compact")
        say(self.seen_button, SEEN_TIP, "setToolTip")
        row.addWidget(self.seen_button)
        self.hide()

    def show_lines(self, lines: str) -> None:
        """The flags that stand, a line per reading (:func:`flags_said`), said in the language
        spoken, each flag kept whole on its line; the card goes when none stands."""
        if not lines:
            self.hide()
            return
        say(self.text, lines, shaped=unbroken)
        self.show()


class BigTimer(QLabel):
    """The time since dosing, in digits sized to the room the rest of the page leaves."""

    def __init__(self) -> None:
        super().__init__("")
        self.setWordWrap(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The timer takes the room the rest leaves and sizes its digits to it.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(56)
        self._colour = theme.TEXT
        self._px = 120

    def set_colour(self, colour: str) -> None:
        if colour != self._colour:
            self._colour = colour
            self._restyle()

    def set_px(self, px: int) -> None:
        if px != self._px:
            self._px = px
            self._restyle()

    def _restyle(self) -> None:
        # The application style sheet sets every font size, so the timer's size is set here too.
        self.setStyleSheet(f"color: {self._colour}; font-size: {self._px}px; font-weight: 300;")


class GuidanceScroll(QScrollArea):
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
        self._shown = ""  # the words the card's height was last worked out for

    def _lines(self, count: int) -> int:
        return count * self._words.fontMetrics().lineSpacing() + 4

    def sizeHint(self) -> QSize:
        width = self.width() if self.isVisible() else 560
        needed = self._words.heightForWidth(max(width - 18, 100))  # a scroll bar's width kept
        return QSize(super().sizeHint().width(), max(self._lines(2), needed))

    def minimumSizeHint(self) -> QSize:
        return QSize(100, self._lines(2))

    def show_words(self, text: str) -> None:
        """``text`` in the language spoken; the card's height follows the words shown (a
        language switch changes them too)."""
        say(self._words, text)
        if self._words.text() != self._shown:
            self._shown = self._words.text()
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:  # the words wrap anew: their height changes
            self._width = event.size().width()
            QTimer.singleShot(0, self, self.updateGeometry)  # once this layout pass is over


class PhaseCard(QFrame):
    """The phase: its name and time against the plan, its guidance, the bar of phases, what
    comes next and the time in the room."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        top = QHBoxLayout()
        self.name = label("", "title")
        self.time = label("", "muted")
        self.time.setWordWrap(False)
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.name, 1)
        top.addWidget(self.time)
        layout.addLayout(top)
        self.guidance = label("", "")
        # When notices leave the card less room than its words need, they scroll (two lines
        # always show); the card is never squeezed and nothing is clipped.
        self.guidance_scroll = GuidanceScroll(self.guidance)
        layout.addWidget(self.guidance_scroll)
        self.bar = PhaseBar(self)
        layout.addWidget(self.bar)
        bottom = QHBoxLayout()
        self.next_label = ElidedLabel("muted")
        self.monitoring = label("", "muted")
        self.monitoring.setWordWrap(False)
        self.monitoring.setAlignment(Qt.AlignmentFlag.AlignRight)
        bottom.addWidget(self.next_label, 1)
        bottom.addWidget(self.monitoring, 1)
        layout.addLayout(bottom)

    def show_phase(self, phase: PhaseText, monitoring: str) -> None:
        say(self.name, phase.name)
        say(self.time, phase.time)
        set_style(self.time, f"color: {theme.OVERRUN};" if phase.over else "")
        self.guidance_scroll.show_words(phase.guidance)
        say(self.next_label, phase.next_line)
        say(self.monitoring, monitoring)

    def show_bar(self, screen: JourneyScreen) -> None:
        """The plan of phases against how they ran, up to now."""
        parts = [BarSpan(p.index, p.start, p.end, p.planned) for p in screen.bar_parts]
        self.bar.set_state(list(screen.bar_plan), parts, screen.bar_now, screen.bar_index)


class TimeNoticeCard(QFrame):
    """After a restart: what kapdesk could not check about the time it was closed, and the
    button that confirms the journey time (or notes what was said)."""

    def __init__(self, page: QWidget, pressed: Callable[[], object]) -> None:
        super().__init__(page)
        self.setProperty("role", "card")
        # Its words beside the button on a wide screen, over it on a narrow one (fewer lines).
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(14, 4, 14, 4)
        self._row.setSpacing(4)
        self.text = label("", "")
        self.text.setStyleSheet(f"color: {theme.OVERRUN}; font-size: 15px;")
        self._row.addWidget(self.text, 1)
        self.button = ActionButton("", "Ctrl+Shift+J", pressed, page)
        say_button(self.button, TIME_IS_RIGHT)
        self.button.setProperty("role", "compact")
        self._row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self.hide()

    def set_narrow(self, narrow: bool) -> None:
        self._row.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )

    def show_notice(self, notice: TimeNotice | None) -> None:
        if notice is None:
            self.hide()
            return
        say(self.button, notice.button)
        say(self.text, notice.text)
        self.show()


class MessageBar(QWidget):
    """A refusal or a problem, softly, never a pop-up; where someone else may do what was
    refused, the offer to switch user and do it again as them."""

    switch_requested = Signal(str)  # what to do again once someone else is signed in

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.message = label("", "error")
        # Its key is the lock key (Ctrl+Shift+L), caught by the main window: where a refusal
        # offers it, that key switches user this way.
        self.switch_button = QPushButton()
        say(self.switch_button, SWITCH_USER, shaped=lambda words: f"{words}   Ctrl+Shift+L")
        self.switch_button.setProperty("role", "compact")
        self.switch_button.clicked.connect(self._switch)
        self.switch_button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.switch_button)
        self.hide()
        self._again = ""  # what the switch button asks to do again, once someone else is in

    def say(self, text: str, again: str | None) -> None:
        """Show ``text``; ``again``: offer "Switch user" and do that again."""
        say(self.message, text)
        self._again = again or ""
        self.switch_button.setVisible(again is not None)
        self.show()

    def clear(self) -> None:
        self.hide()
        self.switch_button.hide()
        self._again = ""

    def offered(self) -> str | None:
        """What a switch of user would do again, while one is offered; else None."""
        return self._again if self.switch_button.isVisible() else None

    def _switch(self) -> None:
        if self.switch_button.isVisible():
            self.switch_requested.emit(self._again)


def _one_line_width(button: QPushButton) -> int:
    """How wide ``button`` is with its words and key on one line."""
    lines = button.text().split("\n")
    metrics = button.fontMetrics()
    frame = button.sizeHint().width() - max(metrics.horizontalAdvance(line) for line in lines)
    return frame + metrics.horizontalAdvance(KEY_GAP.join(lines))


class ActionRow(QHBoxLayout):
    """Close session on the left; Dose given (then Extra dose), Next phase and, in the last
    phase in its place, Ready to leave? on the right. Where the row has no room for every
    button's words and key on one line (longer words in another language on a small screen),
    each button's key goes under its words: nothing is cut."""

    def __init__(
        self,
        page: QWidget,
        close: Callable[[], object],
        dose: Callable[[], object],
        next_phase: Callable[[], object],
        discharge: Callable[[], object],
    ) -> None:
        super().__init__()
        self.setSpacing(10)
        self._stacked = False  # each key under its button's words
        self._shapes: dict[QPushButton, Callable[[str], str]] = {}
        self.close_button = ActionButton("", "Ctrl+E", close, page)
        self.dose_button = ActionButton("", "Ctrl+D", dose, page)
        self.next_button = ActionButton("", "Ctrl+N", next_phase, page, primary=True)
        # In the last phase it takes the place of "Next phase"; Ctrl+R works from the dose on.
        self.discharge_button = ActionButton("", "Ctrl+R", discharge, page, while_hidden=True)
        self.buttons = (
            self.close_button,
            self.dose_button,
            self.next_button,
            self.discharge_button,
        )
        for button, words in zip(
            self.buttons, (CLOSE_SESSION, DOSE_GIVEN, NEXT_PHASE, READY_TO_LEAVE), strict=True
        ):
            self._say_keyed(button, words)
            button.setProperty("tight", True)  # a row that must fit a narrow screen whole
        self.addWidget(self.close_button)
        self.addStretch()
        self.addWidget(self.dose_button)
        self.addWidget(self.next_button)
        self.addWidget(self.discharge_button)

    def _shape(self, words: str) -> str:
        """A button's words and key, the key under the words while the row is stacked."""
        return "\n".join(words.rsplit(KEY_GAP, 1)) if self._stacked else words

    def _say_keyed(self, button: ActionButton, words: str) -> None:
        """The button's own words, followed by its key (as :func:`say_button` says them)."""
        key = key_name(button.sequence)
        self._shapes[button] = lambda shown: self._shape(f"{shown}{KEY_GAP}{key}")
        say(button, words, shaped=self._shapes[button])

    def _say_with_key(self, button: ActionButton, words: str) -> None:
        """Words that name the key themselves (the screen's, "Dose given   Ctrl+D")."""
        self._shapes[button] = self._shape
        say(button, words, shaped=self._shape)

    def fit(self, room: int) -> None:
        """Keys beside the words when every button shown fits ``room`` px that way, else under
        them; said again only when that changes."""
        shown = [button for button in self.buttons if not button.isHidden()]
        wide = sum(_one_line_width(button) for button in shown)
        stacked = wide + self.spacing() * max(0, len(shown) - 1) > room
        if stacked == self._stacked:
            return
        self._stacked = stacked
        for button in self.buttons:
            say(button, said(button), shaped=self._shapes[button])

    def show_buttons(self, buttons: Buttons) -> None:
        self._say_with_key(self.dose_button, buttons.dose)
        set_role(self.dose_button, "primary" if buttons.dose_primary else "")
        self.dose_button.setEnabled(buttons.dose_enabled)
        self.next_button.setEnabled(buttons.next_enabled)
        self.next_button.setVisible(buttons.next_visible)
        self.discharge_button.setVisible(buttons.discharge_visible)
        set_role(self.discharge_button, "primary" if buttons.discharge_visible else "")
        self.close_button.setEnabled(buttons.close_enabled)

    def show_early(self, early: EarlyQuestion) -> None:
        """Next phase, or while a first press waits for its second, the question it asks."""
        self._say_with_key(self.next_button, early.button)
        style = f"color: {theme.OVERRUN}; border-color: {theme.OVERRUN};"
        set_style(self.next_button, style if early.armed else "")
