"""Breathwork: a calm pacer, a soft circle that grows as the patient breathes in and shrinks as
they breathe out, with the step written beneath it. No sound, no flashing; the time spent is
recorded in the session when staff press Done."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QVBoxLayout, QWidget

from kapdesk.core.preparation import BREATH_PATTERNS, BreathPattern, Pace, breathwork_data, pace
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template
from kapdesk.ui import theme
from kapdesk.ui.widgets import ActionButton, centred, label
from kapdesk.ui.words import say, say_button, translated

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from kapdesk.core.clock import Clock

FRAME_MS = 40  # 25 frames a second: smooth enough for a slow circle, light on the CPU

BREATHWORK = QT_TRANSLATE_NOOP("Breathwork", "Breathwork")
# The step's words and the seconds left in it: no words of its own (not in the catalogues).
STEP = Template("Breathwork", "{words}   {seconds}")
BREATHS = QT_TRANSLATE_NOOP(
    "Breathwork",
    "{time} · %n breath|{time} · %n breaths",
)


class Pacer(QWidget):
    """The circle. It draws the :class:`Pace` it is given; the dialog works out which."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(260, 260)
        self.pace: Pace | None = None

    def show_pace(self, now: Pace) -> None:
        self.pace = now
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        centre = QPointF(self.width() / 2, self.height() / 2)
        smallest, largest = side * 0.18, side * 0.46
        size = self.pace.size if self.pace is not None else 0.0
        radius = smallest + (largest - smallest) * size
        painter.setPen(QColor(theme.BORDER))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, largest, largest)
        glow = QColor(theme.ACCENT)
        glow.setAlpha(int(70 + 90 * size))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(glow)
        painter.drawEllipse(centre, radius, radius)


class BreathingDialog(QDialog):
    """Pick a pattern and breathe with the patient; Done records the time, Esc records none."""

    finished_breathing = Signal(dict)

    def __init__(
        self,
        clock: Clock,
        parent: QWidget | None = None,
        patterns: tuple[BreathPattern, ...] = BREATH_PATTERNS,
    ) -> None:
        super().__init__(parent)
        say(self, BREATHWORK, "setWindowTitle")
        self.setModal(True)
        self.setMinimumSize(520, 560)
        self._clock = clock
        self._patterns = patterns
        self._opened = self._began = clock.monotonic()  # the pacer restarts with a new pattern
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        top = QHBoxLayout()
        title = label("", "title")
        say(title, BREATHWORK)
        top.addWidget(title, 1)
        self.pattern = QComboBox()
        for pattern in patterns:  # a form of a moment: its words as it opens
            self.pattern.addItem(translated(pattern.name), pattern.id)
        self.pattern.currentIndexChanged.connect(self._restart)
        top.addWidget(self.pattern)
        layout.addLayout(top)
        self.about = label("", "muted")
        say(self.about, patterns[0].about)
        layout.addWidget(self.about)
        self.pacer = Pacer(self)
        layout.addWidget(self.pacer, 1)
        self.words = centred(label("", "title"))
        layout.addWidget(self.words)
        self.elapsed = centred(label("", "muted"))
        layout.addWidget(self.elapsed)
        buttons = QHBoxLayout()
        buttons.addStretch()
        cancel = ActionButton("", "Esc", self.reject, self)
        say_button(cancel, QT_TRANSLATE_NOOP("Breathwork", "Cancel"))
        buttons.addWidget(cancel)
        self.done_button = ActionButton("", "Ctrl+S", self.done_breathing, self, primary=True)
        say_button(self.done_button, QT_TRANSLATE_NOOP("Breathwork", "Done"))
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        self._frames = QTimer(self)
        self._frames.setInterval(FRAME_MS)
        self._frames.timeout.connect(self.step)
        self.finished.connect(self._frames.stop)
        self.step()

    @property
    def current_pattern(self) -> BreathPattern:
        return self._patterns[max(self.pattern.currentIndex(), 0)]

    def seconds(self) -> float:
        return max(self._clock.monotonic() - self._began, 0.0)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # Wide enough for the title and the pattern's whole name (longer in some languages):
        # the minimum set above would let the form be narrower than what it holds.
        if self.width() < self.minimumSizeHint().width():
            self.resize(self.minimumSizeHint().width(), self.height())
        self._frames.start()

    def _restart(self) -> None:
        self._began = self._clock.monotonic()
        say(self.about, self.current_pattern.about)
        self.step()

    def step(self) -> None:
        """Draw the pacer for this moment."""
        seconds = self.seconds()
        now = pace(self.current_pattern, seconds)
        self.pacer.show_pace(now)
        say(self.words, STEP.format(words=now.words, seconds=f"{now.seconds_left:.0f}"))
        minutes, rest = divmod(int(seconds), 60)
        say(self.elapsed, BREATHS.format(time=f"{minutes}:{rest:02d}", count=now.cycles))

    def done_breathing(self) -> None:
        spent = max(self._clock.monotonic() - self._opened, 0.0)
        data: dict[str, Any] = breathwork_data(self.current_pattern, spent)
        self.finished_breathing.emit(data)
        self.accept()
