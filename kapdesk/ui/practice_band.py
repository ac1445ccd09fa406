"""The practice band: a calm strip across the top of the window in practice mode.

It says, on every page and over the calm screen, that this is practice and not the clinic's
record, and holds the trainer's speed buttons: the practice clock
(:class:`kapdesk.core.clock.SpeedClock`) runs at 1x, 5x, 10x or 30x from the press on. Its
colours are the theme's quiet ones (no red, nothing bright) so a dim room is not lit up.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPushButton, QWidget

from kapdesk.core.clock import SpeedClock
from kapdesk.core.practice import SPEEDS
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui.widgets import label
from kapdesk.ui.words import say

PRACTICE = QT_TRANSLATE_NOOP("PracticeBand", "Practice · not a clinical record")
PRACTICE_SPOKEN = QT_TRANSLATE_NOOP(
    "PracticeBand", "Practice mode: nothing here is a clinical record"
)
SPEED = QT_TRANSLATE_NOOP("PracticeBand", "speed")
TIMES = QT_TRANSLATE_NOOP("PracticeBand", "{speed}x")
RUNS = QT_TRANSLATE_NOOP("PracticeBand", "Practice time runs {speed} times as fast as real time")

BAND_STYLE = """
QFrame#practiceBand { background: #1d2830; border: 1px solid #35505a; border-radius: 8px; }
QFrame#practiceBand QLabel { color: #a9b8c2; }
"""


class PracticeBand(QFrame):
    """ "Practice · not a clinical record", and the speed of the practice clock."""

    def __init__(self, clock: SpeedClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.setObjectName("practiceBand")
        self.setStyleSheet(BAND_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        self.words = label("", "")
        say(self.words, PRACTICE)
        say(self.words, PRACTICE_SPOKEN, "setAccessibleName")
        row.addWidget(self.words, 1)
        self.speed_words = label("", "muted")
        say(self.speed_words, SPEED)
        row.addWidget(self.speed_words)
        self.speed_buttons: dict[int, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for speed in SPEEDS:
            button = QPushButton()
            say(button, TIMES.format(speed=speed))
            button.setProperty("role", "compact")
            button.setCheckable(True)
            # A click only: the keyboard stays where notes are typed, and Tab on the lock
            # screen never reaches a speed.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            say(button, RUNS.format(speed=speed), "setToolTip")
            button.setChecked(speed == clock.speed)
            self._group.addButton(button, speed)
            self.speed_buttons[speed] = button
            row.addWidget(button)
        self._group.idClicked.connect(self._speed_chosen)

    def set_locked(self, locked: bool) -> None:
        """While the window is locked the speed cannot be changed: the band only says so."""
        for button in self.speed_buttons.values():
            button.setEnabled(not locked)

    def _speed_chosen(self, speed: int) -> None:
        self.clock.set_speed(speed)
