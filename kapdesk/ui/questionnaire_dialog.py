"""A PHQ-9 or GAD-7, answered item by item as the patient says, scored as it is filled in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.questionnaires import (
    ANSWERS,
    PHQ9,
    SELF_HARM_FLAG,
    AnswerError,
    Instrument,
    Score,
    score,
)
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.courses import MOMENTS
from kapdesk.ui.widgets import ActionButton, centred, dialog_footer, label
from kapdesk.ui.words import say, say_button, translated, words_of

ANSWER_WIDTH = 120
MOMENT_WORDS = {
    "preparation": QT_TRANSLATE_NOOP("QuestionnaireDialog", "preparation"),
    "follow-up": QT_TRANSLATE_NOOP("QuestionnaireDialog", "follow-up"),
}
SO_FAR = QT_TRANSLATE_NOOP(
    "QuestionnaireDialog",
    "{total} so far; %n question to answer|{total} so far; %n questions to answer",
)
SCORED = QT_TRANSLATE_NOOP("QuestionnaireDialog", "{total} of {most}: {band}")
SAID_SO = QT_TRANSLATE_NOOP("QuestionnaireDialog", "{problem}.")


class Moments(QComboBox):
    """When the questionnaire is taken, said in the language spoken; its text is the moment
    as kapdesk keeps it ("follow-up"), whatever the language."""

    def __init__(self, moment: str) -> None:
        super().__init__()
        for kept in MOMENTS:
            self.addItem(translated(MOMENT_WORDS.get(kept, kept)), kept)
        self.setCurrentText(moment)

    def currentText(self) -> str:
        kept = self.currentData()
        return kept if isinstance(kept, str) else super().currentText()

    def setCurrentText(self, text: str) -> None:
        found = self.findData(text)
        if found >= 0:
            self.setCurrentIndex(found)
        else:
            super().setCurrentText(text)


class QuestionnaireDialog(QDialog):
    """Each item's four answers as buttons; the total and band as they stand; Save keeps it."""

    def __init__(self, instrument: Instrument, moment: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self.scored: Score | None = None
        self.setWindowTitle(instrument.name)
        self.setModal(True)
        self.setMinimumWidth(940)
        self.resize(940, 560)  # its items scroll on a shorter screen, Save in view below
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(label(instrument.name, "title"), 1)
        taken_at = label("", "section")
        say(taken_at, QT_TRANSLATE_NOOP("QuestionnaireDialog", "Taken at"))
        top.addWidget(taken_at)
        self.moment = Moments(moment)
        top.addWidget(self.moment)
        outer.addLayout(top)
        outer.addWidget(label(instrument.stem, "muted"))

        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        self.groups: list[QButtonGroup] = []
        for value, words in enumerate(ANSWERS):
            heading = centred(label(f"{value}\n{words}", "section"))
            heading.setFixedWidth(ANSWER_WIDTH)
            grid.addWidget(heading, 0, 1 + value)
        for row, item in enumerate(instrument.items, start=1):
            grid.addWidget(label(f"{row}.  {item}"), row, 0)
            group = QButtonGroup(self)
            for value, words in enumerate(ANSWERS):
                button = QPushButton(str(value))
                button.setObjectName("answer")
                button.setCheckable(True)
                button.setProperty("role", "tag")
                button.setToolTip(words)
                button.setFixedWidth(ANSWER_WIDTH)
                group.addButton(button, value)
                grid.addWidget(button, row, 1 + value)
            group.idClicked.connect(lambda _value: self._update())
            self.groups.append(group)
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_holder)
        outer.addWidget(scroll, 1)
        self.total = label("", "")
        outer.addWidget(self.total)
        self.flag = label("", "error")
        self.flag.hide()
        outer.addWidget(self.flag)
        self.problems, self.save_button = dialog_footer(self, outer, "", self.submit)
        say_button(self.save_button, QT_TRANSLATE_NOOP("QuestionnaireDialog", "Save"))
        for button in self.findChildren(ActionButton):  # the footer's other button: Cancel
            if button is not self.save_button:
                say_button(button, QT_TRANSLATE_NOOP("QuestionnaireDialog", "Cancel"))
        self._update()

    def answers(self) -> list[int | None]:
        return [group.checkedId() if group.checkedId() >= 0 else None for group in self.groups]

    def answer(self, item: int, value: int) -> None:
        """Answer an item as staff would tap it."""
        button = self.groups[item].button(value)
        if button is not None:
            button.click()

    def _update(self) -> None:
        answers = self.answers()
        given = [a for a in answers if a is not None]
        left = len(answers) - len(given)
        # Item 9 of the PHQ-9 shows its warning the moment it is answered, not at the end.
        flagged = self.instrument is PHQ9 and (answers[8] or 0) > 0
        say(self.flag, SELF_HARM_FLAG if flagged else "")
        self.flag.setVisible(flagged)
        try:
            scored = score(self.instrument, answers)
        except AnswerError:
            say(self.total, SO_FAR.format(total=sum(given), count=left))
            return
        say(
            self.total,
            SCORED.format(total=scored.total, most=self.instrument.max_total, band=scored.band),
        )

    def submit(self) -> None:
        try:
            self.scored = score(self.instrument, self.answers())
        except AnswerError as exc:
            say(self.problems, SAID_SO.format(problem=words_of(exc)))
            self.problems.show()
            return
        self.accept()
