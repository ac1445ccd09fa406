"""The discharge check: is the patient ready to leave? Every check is recorded, ready or not."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.discharge import (
    MAX_SCORE,
    READINESS_ITEMS,
    VITALS_ITEM,
    Readiness,
    assess,
    compare_vitals,
    leave_from,
)
from kapdesk.core.journey import verdict_text
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template, joined
from kapdesk.ui.widgets import centred, dialog_footer, label
from kapdesk.ui.words import say, say_button

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kapdesk.core.journey import Journey
    from kapdesk.core.protocols import DischargeQuestion


READY_TO_LEAVE = QT_TRANSLATE_NOOP("DischargeDialog", "Ready to leave?")
RULES = QT_TRANSLATE_NOOP(
    "DischargeDialog",
    "Each item scores 2, 1 or 0. Ready at {ready} of {most} with no item at 0 and an escort "
    "present.",
)
SCORE_IT = QT_TRANSLATE_NOOP("DischargeDialog", "Score it yourself: {why}")
# The score the record gives and why: no words of its own (not in the catalogues).
SCORED = Template("DischargeDialog", "{score}: {why}")
READY = QT_TRANSLATE_NOOP("DischargeDialog", "{total} of {most}: {verdict}.")
NOT_READY = QT_TRANSLATE_NOOP("DischargeDialog", "{total} of {most}, not ready yet: {reasons}")
ANSWER = QT_TRANSLATE_NOOP("DischargeDialog", "Answer the protocol's questions: {questions}")


def _words(text: str, role: str = "") -> QLabel:
    """A label saying ``text`` in the language spoken."""
    shown = label("", role)
    say(shown, text)
    return shown


def _choice(text: str) -> QPushButton:
    button = QPushButton()
    say(button, text)
    button.setObjectName("discharge_choice")
    button.setCheckable(True)
    button.setProperty("role", "tag")
    return button


class DischargeDialog(QDialog):
    """Score each item, note the escort and the protocol's questions; Save records the check."""

    def __init__(self, journey: Journey, by: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        say(self, READY_TO_LEAVE, "setWindowTitle")
        self.setModal(True)
        self.setMinimumWidth(900)
        self._journey = journey
        self._by = by
        self.readiness: Readiness | None = None
        self.data: dict[str, Any] | None = None
        rules = journey.protocol.discharge
        self._ready_score = rules.ready_score
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(_words(READY_TO_LEAVE, "title"))
        layout.addWidget(_words(RULES.format(ready=rules.ready_score, most=MAX_SCORE), "muted"))
        self.vitals = compare_vitals(journey)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        headings = (
            QT_TRANSLATE_NOOP("DischargeDialog", "2 points"),
            QT_TRANSLATE_NOOP("DischargeDialog", "1 point"),
            QT_TRANSLATE_NOOP("DischargeDialog", "0 points"),
        )
        for column, heading in enumerate(headings):
            grid.addWidget(centred(_words(heading, "section")), 0, 1 + column)
        self.groups: dict[str, QButtonGroup] = {}
        if self.vitals.score is None:
            # Nothing to compare (no baseline, or no reading since the dose): staff judge it,
            # and the reason stays on screen beside the choice.
            self.vitals_line = _words(SCORE_IT.format(why=self.vitals.text), "muted")
            scored_by_staff = READINESS_ITEMS
        else:
            self.vitals_line = _words(
                SCORED.format(score=self.vitals.score, why=self.vitals.text), "muted"
            )
            scored_by_staff = READINESS_ITEMS[1:]
            grid.addWidget(_words(VITALS_ITEM.name), 1, 0)
            grid.addWidget(self.vitals_line, 1, 1, 1, 3)
        for row, item in enumerate(scored_by_staff, start=2):
            grid.addWidget(_words(item.name), row, 0)
            group = QButtonGroup(self)
            for column, (points, words) in enumerate(zip((2, 1, 0), item.words, strict=True)):
                button = _choice(words)
                group.addButton(button, points)
                grid.addWidget(button, row, 1 + column)
            group.idClicked.connect(lambda _points: self._update())
            self.groups[item.id] = group
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        if self.vitals.score is None:
            layout.addWidget(self.vitals_line)
        self.escort = QCheckBox()
        say(
            self.escort,
            QT_TRANSLATE_NOOP("DischargeDialog", "An escort is here to take the patient home"),
        )
        self.escort.toggled.connect(lambda _on: self._update())
        layout.addWidget(self.escort)

        self.answers: dict[str, QButtonGroup] = {}
        self._ask_questions(layout, rules.questions)

        # On a small room PC the items scroll; the verdict and the buttons stay in view.
        self.verdict = label("", "muted")
        self.problems, self.save_button = dialog_footer(
            self, layout, "", self.submit, status=self.verdict
        )
        say_button(self.save_button, QT_TRANSLATE_NOOP("DischargeDialog", "Save check"))
        self._update()

    def _ask_questions(self, layout: QVBoxLayout, asked: Sequence[DischargeQuestion]) -> None:
        """The protocol's own yes-or-no questions, each a pair of buttons."""
        if not asked:
            return
        questions = QGridLayout()
        questions.setHorizontalSpacing(8)
        for row, question in enumerate(asked):
            questions.addWidget(label(question.text), row, 0)
            group = QButtonGroup(self)
            yes, no = (
                QT_TRANSLATE_NOOP("DischargeDialog", "Yes"),
                QT_TRANSLATE_NOOP("DischargeDialog", "No"),
            )
            for column, (answer, words) in enumerate(((1, yes), (0, no))):
                button = _choice(words)
                group.addButton(button, answer)
                questions.addWidget(button, row, 1 + column)
            group.idClicked.connect(lambda _answer: self._update())
            self.answers[question.id] = group
        questions.setColumnStretch(0, 1)
        layout.addWidget(
            _words(QT_TRANSLATE_NOOP("DischargeDialog", "The protocol also asks"), "section")
        )
        layout.addLayout(questions)

    def scores(self) -> dict[str, int | None]:
        chosen: dict[str, int | None] = {VITALS_ITEM.id: self.vitals.score}
        for item_id, group in self.groups.items():  # the vital signs too, when staff judge them
            points = group.checkedId()
            chosen[item_id] = points if points >= 0 else None
        return chosen

    def choose(self, item_id: str, points: int) -> None:
        """Pick a score as staff would (keyboard and tests)."""
        button = self.groups[item_id].button(points)
        if button is not None:
            button.click()

    def answer(self, question_id: str, yes: bool) -> None:
        button = self.answers[question_id].button(1 if yes else 0)
        if button is not None:
            button.click()

    def _update(self) -> None:
        readiness = assess(self.scores(), self.escort.isChecked(), self._ready_score)
        self.readiness = readiness
        if readiness.ready:
            leave = leave_from(self._journey, self._journey.now())
            verdict = verdict_text(True, leave)
            say(self.verdict, READY.format(total=readiness.total, most=MAX_SCORE, verdict=verdict))
            self.verdict.setProperty("role", "")
        else:
            reasons = joined(readiness.reasons, "; ")
            say(
                self.verdict,
                NOT_READY.format(total=readiness.total, most=MAX_SCORE, reasons=reasons),
            )
            self.verdict.setProperty("role", "muted")
        self.verdict.style().polish(self.verdict)

    def submit(self) -> None:
        unanswered = [
            question.text
            for question in self._journey.protocol.discharge.questions
            if self.answers[question.id].checkedId() < 0
        ]
        if unanswered:
            say(self.problems, ANSWER.format(questions=" ".join(unanswered)))
            self.problems.show()
            return
        assert self.readiness is not None
        answers = {key: group.checkedId() == 1 for key, group in self.answers.items()}
        leave = leave_from(self._journey, self._journey.now()) if self.readiness.ready else None
        self.data = self.readiness.to_json(self.vitals.text, answers, self._by, leave)
        self.accept()
