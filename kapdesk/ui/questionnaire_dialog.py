"""A PHQ-9 or GAD-7, answered item by item as the patient says, scored as it is filled in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.questionnaire_forms import form_of, languages_of
from kapdesk.core.questionnaires import (
    ANSWERS,
    PHQ9,
    SELF_HARM_FLAG,
    AnswerError,
    Instrument,
    Score,
    score,
)
from kapdesk.core.units import LANGUAGE_NAMES
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.courses import MOMENTS
from kapdesk.ui.language import spoken
from kapdesk.ui.widgets import ActionButton, centred, dialog_footer, label
from kapdesk.ui.words import redraw_when_spoken, say, say_button, translated, words_of

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
NO_FORM = QT_TRANSLATE_NOOP(
    "QuestionnaireDialog",
    "The {instrument} has no published form in this language here: it is asked in English.",
)


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


class FormLanguages(QComboBox):
    """The languages the instrument's published form is here in, each by its own name; the
    language kapdesk speaks first chosen when there is one, else English."""

    def __init__(self, instrument: Instrument) -> None:
        super().__init__()
        for code in languages_of(instrument):
            self.addItem(LANGUAGE_NAMES[code], code)
        found = self.findData(spoken())
        self.setCurrentIndex(max(found, 0))

    def language(self) -> str:
        code = self.currentData()
        return code if isinstance(code, str) else "en"


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
        form_words = label("", "section")
        say(form_words, QT_TRANSLATE_NOOP("QuestionnaireDialog", "Form in"))
        top.addWidget(form_words)
        self.form = FormLanguages(instrument)
        top.addWidget(self.form)
        taken_at = label("", "section")
        say(taken_at, QT_TRANSLATE_NOOP("QuestionnaireDialog", "Taken at"))
        top.addWidget(taken_at)
        self.moment = Moments(moment)
        top.addWidget(self.moment)
        outer.addLayout(top)
        self.form_note = label("", "muted")
        self.form_note.hide()
        outer.addWidget(self.form_note)
        self.stem = label("", "muted")
        outer.addWidget(self.stem)

        self.headings: list[QLabel] = []
        self.item_words: list[QLabel] = []
        self.groups: list[QButtonGroup] = []
        # The published form's own line (who made it, its terms): under the items, in their
        # scroll, so that it never takes the room of the total and the item-9 warning.
        self.footer = label("", "muted")
        outer.addWidget(self._items(len(instrument.items)), 1)
        verdict, self.total, self.flag = self._verdict()
        self.problems, self.save_button = dialog_footer(
            self, outer, "", self.submit, status=verdict
        )
        say_button(self.save_button, QT_TRANSLATE_NOOP("QuestionnaireDialog", "Save"))
        for button in self.findChildren(ActionButton):  # the footer's other button: Cancel
            if button is not self.save_button:
                say_button(button, QT_TRANSLATE_NOOP("QuestionnaireDialog", "Cancel"))
        self.form.currentIndexChanged.connect(lambda _index: self.show_form())
        self.show_form()
        redraw_when_spoken(self.show_form)  # whether the note applies depends on the language
        self._update()

    @staticmethod
    def _verdict() -> tuple[QWidget, QLabel, QLabel]:
        """The total as it stands and the item-9 warning, over the buttons: always in view,
        however short the screen, never scrolled away under the items."""
        verdict = QWidget()
        lines = QVBoxLayout(verdict)
        lines.setContentsMargins(0, 0, 0, 0)
        total = label("", "")
        lines.addWidget(total)
        flag = label("", "error")
        flag.hide()
        lines.addWidget(flag)
        return verdict, total, flag

    def _items(self, count: int) -> QScrollArea:
        """The grid of ``count`` items, each with its four answers as buttons (their words are
        the form's, shown by :meth:`show_form`); it scrolls on a short screen."""
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        self.headings += [centred(label("", "section")) for _answer in ANSWERS]
        for value, heading in enumerate(self.headings):
            heading.setFixedWidth(ANSWER_WIDTH)
            grid.addWidget(heading, 0, 1 + value)
        for row in range(1, count + 1):
            words = label("")
            self.item_words.append(words)
            grid.addWidget(words, row, 0)
            group = QButtonGroup(self)
            for value in range(len(ANSWERS)):
                button = QPushButton(str(value))
                button.setObjectName("answer")
                button.setCheckable(True)
                button.setProperty("role", "tag")
                button.setFixedWidth(ANSWER_WIDTH)
                group.addButton(button, value)
                grid.addWidget(button, row, 1 + value)
            group.idClicked.connect(lambda _value: self._update())
            self.groups.append(group)
        grid.addWidget(self.footer, count + 1, 0, 1, 1 + len(ANSWERS))
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_holder)
        return scroll

    def show_form(self) -> None:
        """The instrument's words as printed in the form's language; the answers stay."""
        form = form_of(self.instrument, self.form.language())
        say(self.stem, form.stem)  # the published form's words: shown as they are
        for value, (heading, answer) in enumerate(zip(self.headings, form.answers, strict=True)):
            heading.setText(f"{value}\n{answer}")
            for group in self.groups:
                button = group.button(value)
                if button is not None:
                    button.setToolTip(answer)
        for number, (words, item) in enumerate(zip(self.item_words, form.items, strict=True), 1):
            words.setText(f"{number}.  {item}")
        self.footer.setText(form.footer)
        self.footer.setVisible(bool(form.footer))
        here = spoken()
        if here in languages_of(self.instrument):
            self.form_note.hide()
            return
        say(self.form_note, NO_FORM.format(instrument=self.instrument.name))
        self.form_note.show()

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
