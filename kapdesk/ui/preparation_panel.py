"""Preparation, where the journey timer will be once the dose is given: the intention in the
patient's own words, the pre-session checklist, the baseline blood pressure and breathwork."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.journey import EventKind, JourneyError
from kapdesk.core.preparation import (
    BREATH_PATTERNS,
    BreathPattern,
    checklist_data,
    intention_data,
    preparation_of,
)
from kapdesk.core.units import Units
from kapdesk.core.words import QT_TRANSLATE_NOOP, Said, Template
from kapdesk.ui import formats
from kapdesk.ui.crossing import crossing
from kapdesk.ui.widgets import ActionButton, ElidedLabel, in_place_of, label, set_role
from kapdesk.ui.words import say, say_button, words_of

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent, QResizeEvent

    from kapdesk.core.clock import Clock
    from kapdesk.storage.journeys import OpenJourney
    from kapdesk.ui.breathing_dialog import BreathingDialog


IF_IT_APPLIES = QT_TRANSLATE_NOOP("PreparationPanel", "{step} (if it applies)")
TICKED_BY = QT_TRANSLATE_NOOP("PreparationPanel", "Ticked by {name}")
BREATHED = QT_TRANSLATE_NOOP("PreparationPanel", "Done: {minutes} min.")
CALM_MINUTES = QT_TRANSLATE_NOOP("PreparationPanel", "A few calm minutes before the dose.")
NO_BASELINE = QT_TRANSLATE_NOOP("PreparationPanel", "No baseline vital signs yet.")
ASKS_DECISION = QT_TRANSLATE_NOOP(
    "PreparationPanel", "{concern}. Dosing will ask for a decision with a reason."
)
BASELINE = QT_TRANSLATE_NOOP("PreparationPanel", "Baseline: {reading}.")
BASELINE_DECIDED = QT_TRANSLATE_NOOP(
    "PreparationPanel", "Baseline: {reading}. Decision: {decision}"
)
NOT_WRITTEN = QT_TRANSLATE_NOOP("PreparationPanel", "Not written yet.")
SAVED = QT_TRANSLATE_NOOP("PreparationPanel", "Saved.")
SAVED_BY = QT_TRANSLATE_NOOP("PreparationPanel", "Saved by {name}.")
KEPT = QT_TRANSLATE_NOOP(
    "PreparationPanel", "Kept on this PC (offline): sent when the server is back."
)
SAVING = QT_TRANSLATE_NOOP("PreparationPanel", "Saving…")
NOT_SAVED = QT_TRANSLATE_NOOP("PreparationPanel", "Not saved yet: see the message at the top.")
WRITE_FIRST = QT_TRANSLATE_NOOP("PreparationPanel", "Write the intention first.")


_SENTENCE = Template("Markup", "{words}.")  # a refusal's clause as a sentence of its own


def _capital(words: str) -> str:
    """``words`` with a capital first letter, the rest as said."""
    return words[:1].upper() + words[1:]


class _StepText(QLabel):
    """A checklist step's words, wrapped; a touch on them ticks the box, as on paper."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__()
        say(self, text)
        self.setWordWrap(True)
        self._box = box

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.click()
        else:
            super().mousePressEvent(event)


class PreparationPanel(QWidget):
    """The steps before dosing, each recorded in the session as it is done."""

    vitals_requested = Signal()
    questionnaires_requested = Signal()
    # The recorder's writer thread says an entry was saved: queued over to the window's thread.
    entry_heard = Signal(object)

    def __init__(
        self,
        clock: Clock,
        patterns: tuple[BreathPattern, ...] = BREATH_PATTERNS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._patterns = patterns  # kapdesk's and the clinic's own
        self.units = Units()  # the clinic's, for the baseline reading (set by the window)
        self.current: OpenJourney | None = None
        self.entry_heard.connect(self._heard)
        self._entry = crossing(self, "entry_heard")  # what the recorder's thread calls
        self.breathing: BreathingDialog | None = None
        self._boxes: dict[str, QCheckBox] = {}
        # Side by side when there is room; the checklist under the intention when not.
        outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        outer.setContentsMargins(0, 4, 18, 4)  # room for the scroll bar on a small screen
        outer.setSpacing(24)
        self._outer = outer

        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(
            self._section(
                QT_TRANSLATE_NOOP("PreparationPanel", "Intention, in the patient's own words")
            )
        )
        self.intention = QPlainTextEdit()
        say(
            self.intention,
            QT_TRANSLATE_NOOP(
                "PreparationPanel", "What the patient hopes to explore or let go of today"
            ),
            "setPlaceholderText",
        )
        self.intention.setTabChangesFocus(True)
        self.intention.setMinimumHeight(96)
        left.addWidget(self.intention, 1)
        row = QHBoxLayout()
        self.intention_state = ElidedLabel("muted")
        row.addWidget(self.intention_state, 1)
        self.save_intention = ActionButton("", "Ctrl+I", self.record_intention, self)
        say_button(self.save_intention, QT_TRANSLATE_NOOP("PreparationPanel", "Save intention"))
        self.save_intention.setProperty("role", "compact")
        row.addWidget(self.save_intention)
        left.addLayout(row)
        left.addSpacing(8)
        left.addWidget(self._section(QT_TRANSLATE_NOOP("PreparationPanel", "Breathwork")))
        breath_row = QHBoxLayout()
        self.breathing_state = ElidedLabel("muted")
        breath_row.addWidget(self.breathing_state, 1)
        self.breathe_button = ActionButton("", "Ctrl+G", self.request_breathing, self)
        say_button(self.breathe_button, QT_TRANSLATE_NOOP("PreparationPanel", "Breathe together"))
        self.breathe_button.setProperty("role", "compact")
        breath_row.addWidget(self.breathe_button)
        left.addLayout(breath_row)
        left.addSpacing(8)
        left.addWidget(self._section(QT_TRANSLATE_NOOP("PreparationPanel", "Questionnaires")))
        questionnaire_row = QHBoxLayout()
        questionnaire_row.addWidget(ElidedLabel("muted"), 1)
        self.questionnaires_button = ActionButton(
            "", "Ctrl+U", self.questionnaires_requested.emit, self
        )
        say_button(
            self.questionnaires_button, QT_TRANSLATE_NOOP("PreparationPanel", "PHQ-9 and GAD-7")
        )
        self.questionnaires_button.setProperty("role", "compact")
        questionnaire_row.addWidget(self.questionnaires_button)
        left.addLayout(questionnaire_row)
        outer.addLayout(left, 1)

        outer.addLayout(self._build_checklist(), 1)

    @staticmethod
    def _section(text: str) -> QLabel:
        """A section's heading, said in the language spoken."""
        heading = label("", "section")
        say(heading, text)
        return heading

    def _build_checklist(self) -> QVBoxLayout:
        """The steps before dosing, the baseline reading and its button."""
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self._section(QT_TRANSLATE_NOOP("PreparationPanel", "Before dosing")))
        self._steps = QGridLayout()
        self._steps.setHorizontalSpacing(10)
        self._steps.setVerticalSpacing(4)
        self._steps.setColumnStretch(1, 1)
        right.addLayout(self._steps)
        right.addStretch()
        self.baseline = label("", "muted")
        right.addWidget(self.baseline)
        # Ctrl+B is the vital-signs shortcut of the whole journey page (the observation panel).
        self.vitals_button = QPushButton()
        say(
            self.vitals_button,
            QT_TRANSLATE_NOOP("PreparationPanel", "Baseline vital signs"),
            shaped=lambda words: f"{words}   Ctrl+B",
        )
        self.vitals_button.setProperty("role", "compact")
        self.vitals_button.clicked.connect(self.vitals_requested.emit)
        right.addWidget(self.vitals_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.problem = label("", "error")
        self.problem.hide()
        right.addWidget(self.problem)
        return right

    SIDE_BY_SIDE = 760  # px: narrower, the checklist goes under the intention

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        direction = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= self.SIDE_BY_SIDE
            else QBoxLayout.Direction.TopToBottom
        )
        if self._outer.direction() != direction:
            self._outer.setDirection(direction)

    # -- following a session ------------------------------------------------------------------

    def follow(self, current: OpenJourney) -> None:
        if self.current is not None:
            self.current.recorder.off_saved(self._entry)
            self.current.recorder.off_kept(self._entry)
            self.current.recorder.off_status(self._entry)
        self.current = current
        current.recorder.on_saved(self._entry)
        current.recorder.on_kept(self._entry)
        current.recorder.on_status(self._entry)
        while self._steps.count():
            taken = self._steps.takeAt(0)
            if taken is not None and (widget := taken.widget()) is not None:
                widget.deleteLater()
        self._boxes.clear()
        for row, item in enumerate(current.journey.protocol.checklist):
            box = QCheckBox()
            box.setObjectName("checklist_tick")
            box.setAccessibleName(item.text)
            box.clicked.connect(lambda done, item=item: self._tick(item.id, done))
            text = item.text if item.required else IF_IT_APPLIES.format(step=item.text)
            words = _StepText(text, box)
            self._steps.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            self._steps.addWidget(words, row, 1)
            self._boxes[item.id] = box
        prepared = preparation_of(current.journey)
        self.intention.setPlainText(prepared.intention)
        self.problem.hide()
        self.refresh()

    def refresh(self) -> None:
        if self.current is None:
            return
        journey = self.current.journey
        prepared = preparation_of(journey)
        for tick in prepared.steps:
            box = self._boxes.get(tick.item.id)
            if box is not None:
                box.setChecked(tick.done)
                ticked = TICKED_BY.format(name=tick.by) if tick.done and tick.by else ""
                say(box, ticked, "setToolTip")
        say(self.intention_state, self._intention_state())
        minutes = prepared.breathwork_seconds / 60
        say(
            self.breathing_state,
            BREATHED.format(minutes=formats.number(minutes, 1)) if minutes else CALM_MINUTES,
        )
        found = journey.baseline_reading()
        concern = journey.baseline_concern()
        if found is None:
            say(self.baseline, NO_BASELINE)
            set_role(self.baseline, "muted")
        elif concern:
            say(self.baseline, ASKS_DECISION.format(concern=concern))
            set_role(self.baseline, "error")
        else:
            reading = found[1].text(self.units)
            said = (
                BASELINE_DECIDED.format(reading=reading, decision=prepared.decision)
                if prepared.decision
                else BASELINE.format(reading=reading)
            )
            say(self.baseline, said)
            set_role(self.baseline, "muted")

    def _heard(self, _what: object) -> None:
        if self.current is not None:
            say(self.intention_state, self._intention_state())

    def _intention_state(self) -> str:
        """Whether the intention is saved: its row committed, on its way, or held back."""
        assert self.current is not None
        journey, recorder = self.current.journey, self.current.recorder
        prepared = preparation_of(journey)
        if not prepared.intention:
            return NOT_WRITTEN
        written = [e for e in journey.events if e.kind is EventKind.INTENTION][-1]
        if recorder.is_saved(written):
            return SAVED_BY.format(name=prepared.intention_by) if prepared.intention_by else SAVED
        if recorder.is_kept(written) and not recorder.memory_only:
            return KEPT
        if recorder.waits(written) and not recorder.memory_only and not recorder.offline:
            return SAVING
        return NOT_SAVED

    # -- recording ----------------------------------------------------------------------------

    def _by(self) -> str:
        return self.current.author if self.current is not None else ""

    def _record(self, kind: EventKind, data: Mapping[str, Any]) -> bool:
        if self.current is None:
            return False
        try:
            self.current.journey.record_preparation(kind, data)
        except JourneyError as exc:
            said = words_of(exc)  # a core message says its sentence whole, or a clause
            if not isinstance(said, Said):
                say(self.problem, said.capitalize() + ".")
            elif said.endswith("."):
                say(self.problem, said)
            else:  # a clause: a sentence in whichever language is spoken
                say(self.problem, _SENTENCE.format(words=said), shaped=_capital)
            self.problem.show()
            return False
        self.problem.hide()
        self.refresh()
        return True

    def record_intention(self) -> None:
        text = self.intention.toPlainText().strip()
        if not text:
            say(self.intention_state, WRITE_FIRST)
            return
        self._record(EventKind.INTENTION, intention_data(text, self._by()))

    def _tick(self, item_id: str, done: bool) -> None:
        if self.current is None:
            return
        for item in self.current.journey.protocol.checklist:
            if item.id == item_id:
                self._record(EventKind.CHECKLIST, checklist_data(item, done, self._by()))
                return

    def tick(self, item_id: str) -> None:
        """Tick a step as staff would (keyboard and tests)."""
        box = self._boxes[item_id]
        box.click()

    def request_breathing(self) -> None:
        from kapdesk.ui.breathing_dialog import BreathingDialog  # noqa: PLC0415

        if self.current is None or self.current.journey.closed:
            return
        dialog = BreathingDialog(self._clock, self, self._patterns)
        dialog.finished_breathing.connect(self._breathing_done)
        self.breathing = in_place_of(self.breathing, dialog)
        dialog.open()

    def _breathing_done(self, data: dict[str, Any]) -> None:
        self._record(EventKind.BREATHWORK, {**data, "by": self._by()})
