"""A patient's course: its sessions (N of M), and the PHQ-9 and GAD-7 over it as a table and a
trend chart. Questionnaires are entered here, at preparation or at a follow-up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.journey_events import JourneyState
from kapdesk.core.questionnaires import GAD7, INSTRUMENTS, PHQ9, Instrument
from kapdesk.core.units import LANGUAGE_NAMES
from kapdesk.core.wall_text import Day
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template, joined
from kapdesk.ui import formats
from kapdesk.ui.widgets import (
    ActionButton,
    ElidedLabel,
    fill_table,
    in_place_of,
    label,
    read_only_table,
)
from kapdesk.ui.words import redraw_when_spoken, say, say_button, translated

if TYPE_CHECKING:
    from kapdesk.storage.courses import CourseInfo, CourseStore, QuestionnaireEntry
    from kapdesk.storage.repositories import SessionSummary
    from kapdesk.ui.course_chart import CourseChart
    from kapdesk.ui.questionnaire_dialog import QuestionnaireDialog
    from kapdesk.ui.storage_ops import StorageOps


@dataclass(frozen=True)
class _CourseRead:
    """What the course page shows, read in one go off the window's thread."""

    summary: SessionSummary
    sessions: list[SessionSummary]
    course: CourseInfo | None
    results: list[QuestionnaireEntry]


SESSION_HEADERS: list[str] = [
    "#",
    QT_TRANSLATE_NOOP("CourseView", "Date"),
    QT_TRANSLATE_NOOP("CourseView", "Protocol"),
    QT_TRANSLATE_NOOP("CourseView", "State"),
]
RESULT_HEADERS: list[str] = [
    QT_TRANSLATE_NOOP("CourseView", "Date"),
    QT_TRANSLATE_NOOP("CourseView", "Taken at"),
    QT_TRANSLATE_NOOP("CourseView", "Questionnaire"),
    QT_TRANSLATE_NOOP("CourseView", "Score"),
    QT_TRANSLATE_NOOP("CourseView", "Band"),  # the bands themselves are the instruments' own
]
STATE_WORDS = {
    JourneyState.OPENED: QT_TRANSLATE_NOOP("CourseView", "opened"),
    JourneyState.RUNNING: QT_TRANSLATE_NOOP("CourseView", "running"),
    JourneyState.CLOSED: QT_TRANSLATE_NOOP("CourseView", "closed"),
}
MOMENT_WORDS = {
    "preparation": QT_TRANSLATE_NOOP("CourseView", "preparation"),
    "follow-up": QT_TRANSLATE_NOOP("CourseView", "follow-up"),
}
COURSE_OF_SESSION = QT_TRANSLATE_NOOP("CourseView", "Course · session {session}")
QUESTIONNAIRES_OF = QT_TRANSLATE_NOOP("CourseView", "Questionnaires · {patient}")
COURSE_OF = QT_TRANSLATE_NOOP(
    "CourseView",
    "Course · {patient} · {held} of %n session|Course · {patient} · {held} of %n sessions",
)
NOT_A_COURSE = QT_TRANSLATE_NOOP(
    "CourseView", "Not part of a course: the patient's sessions and questionnaires."
)
STARTED = QT_TRANSLATE_NOOP(
    "CourseView",
    "Started {day}. %n session planned.|Started {day}. %n sessions planned.",
)
LOADING = QT_TRANSLATE_NOOP("CourseView", "Loading the course…")
CORRECTED = QT_TRANSLATE_NOOP("CourseView", "{instrument} (corrected)")
OUT_OF = QT_TRANSLATE_NOOP("CourseView", "{total} of {most}")
ASKED_IN = Template("CourseView", "{instrument} ({language})")  # no words of its own
# The score said as kapdesk keeps it: the instrument's name and band are its own, untranslated.
SAVED = QT_TRANSLATE_NOOP("CourseView", "Saved: {instrument} {total} of {most}, {band}.")
SAVED_FLAGS = QT_TRANSLATE_NOOP(
    "CourseView", "Saved: {instrument} {total} of {most}, {band}. {flags}"
)
NOTHING_SAVED = QT_TRANSLATE_NOOP("CourseView", "{problem} Nothing was saved.")


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    return read_only_table([translated(h) for h in headers], parent, rows_selectable=True)


class CourseView(QWidget):
    """The course of the patient of one session."""

    back_requested = Signal()

    def __init__(self, ops: StorageOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.patient_code = ""
        self.session_id: int | None = None
        self.course: CourseInfo | None = None
        self.results: list[QuestionnaireEntry] = []
        self.dialog: QuestionnaireDialog | None = None
        self._courses: CourseStore | None = None
        self._by = ""
        self.moment = "follow-up"  # what a new questionnaire is taken at, unless changed
        self._chart: CourseChart | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 24, 36, 24)
        outer.setSpacing(10)
        header = QHBoxLayout()
        self.title = ElidedLabel("title")
        header.addWidget(self.title, 1)
        self.phq_button = ActionButton("", "Ctrl+9", lambda: self.take(PHQ9), self)
        say_button(self.phq_button, PHQ9.name)  # the instrument's name, in every language
        self.gad_button = ActionButton("", "Ctrl+G", lambda: self.take(GAD7), self)
        say_button(self.gad_button, GAD7.name)
        self.back_button = ActionButton("", "Esc", self.back_requested.emit, self)
        say_button(self.back_button, QT_TRANSLATE_NOOP("CourseView", "Back"))
        for button in (self.phq_button, self.gad_button, self.back_button):
            button.setProperty("role", "compact")
            header.addWidget(button)
        outer.addLayout(header)
        self.facts = label("", "muted")
        outer.addWidget(self.facts)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(_heading(QT_TRANSLATE_NOOP("CourseView", "Sessions")))
        self.sessions = _table(SESSION_HEADERS, self)
        left.addWidget(self.sessions, 1)
        left.addWidget(_heading(QT_TRANSLATE_NOOP("CourseView", "Questionnaires")))
        self.table = _table(RESULT_HEADERS, self)
        left.addWidget(self.table, 2)
        columns.addLayout(left, 1)
        self._chart_column = QVBoxLayout()
        self._chart_column.addWidget(_heading(QT_TRANSLATE_NOOP("CourseView", "Trend")))
        columns.addLayout(self._chart_column, 1)
        outer.addLayout(columns, 1)
        self.status = label("", "muted")
        outer.addWidget(self.status)
        self._shown: list[SessionSummary] = []  # the sessions listed, oldest first
        redraw_when_spoken(self._say_tables_again)

    def _say_tables_again(self) -> None:
        """The tables' headings and rows in the language now spoken."""
        for table, headers in ((self.sessions, SESSION_HEADERS), (self.table, RESULT_HEADERS)):
            table.setHorizontalHeaderLabels([translated(h) for h in headers])
        self._fill_sessions()
        self._fill_results()

    @property
    def chart(self) -> CourseChart:
        if self._chart is None:
            from kapdesk.ui.course_chart import CourseChart  # noqa: PLC0415  (QtCharts loads late)

            self._chart = CourseChart(self)
            self._chart_column.addWidget(self._chart, 1)
        return self._chart

    def load(
        self,
        courses: CourseStore,
        session_id: int,
        summary_of: Callable[[], SessionSummary],
        sessions_of: Callable[[str], list[SessionSummary]],
        *,
        by: str | None,
        moment: str = "follow-up",
    ) -> None:
        """Read the course of ``session_id`` (or its patient's latest), its sessions and the
        patient's questionnaires off the window's thread; the page shows nothing of another
        patient meanwhile, and takes no questionnaire until they have come.

        ``by``: who enters questionnaires (None: the session's sitter). ``moment``: what
        questionnaires entered now are taken at (preparation, before a dose).
        """

        def work() -> _CourseRead:
            summary = summary_of()
            code = summary.patient_code
            sessions = sessions_of(code)
            course = courses.of_session(session_id)
            if course is None:
                found = courses.of_patient(code)
                course = found[0] if found else None
            return _CourseRead(summary, sessions, course, courses.results(code))

        self.session_id = session_id
        self.moment = moment
        self._courses = None
        self.course = None
        say(self.title, COURSE_OF_SESSION.format(session=session_id))
        say(self.facts, "")
        self._shown, self.results = [], []
        fill_table(self.sessions, [])
        fill_table(self.table, [])
        self._ready(False)
        self.ops.run(
            work,
            lambda read: self._show(courses, read, by),
            failed=self._could_not_load,
            loading=self._loading,
            what=QT_TRANSLATE_NOOP("CourseView", "The course"),
        )

    def _ready(self, ready: bool) -> None:
        for button in (self.phq_button, self.gad_button):
            button.setEnabled(ready)

    def _loading(self, waiting: bool) -> None:
        if waiting:
            say(self.status, LOADING)
        self.status.setVisible(waiting)

    def _could_not_load(self, text: str) -> None:
        say(self.status, text)
        self.status.show()

    def _show(self, courses: CourseStore, read: _CourseRead, by: str | None) -> None:
        patient_code = read.summary.patient_code
        self._courses = courses
        self.patient_code = patient_code
        self._by = by if by is not None else read.summary.sitter
        self.course = course = read.course
        say(self.status, "")
        self.status.show()
        if course is None:
            say(self.title, QUESTIONNAIRES_OF.format(patient=patient_code))
            say(self.facts, NOT_A_COURSE)
            shown: list[SessionSummary] = list(reversed(read.sessions))  # oldest first
        else:
            say(
                self.title,
                COURSE_OF.format(
                    patient=patient_code,
                    held=course.sessions_held,
                    count=course.planned_sessions,
                ),
            )
            say(
                self.facts,
                STARTED.format(day=formats.day(course.started_at), count=course.planned_sessions),
            )
            by_id = {summary.id: summary for summary in read.sessions}
            shown = [by_id[i] for i in course.session_ids if i in by_id]
        self._shown = shown
        self._fill_sessions()
        self._show_results(read.results)
        self._ready(True)

    def refresh(self) -> None:
        """Read the patient's questionnaires again, off the window's thread."""
        courses, code = self._courses, self.patient_code
        if courses is None:
            return
        self.ops.run(
            lambda: courses.results(code),
            self._show_results,
            failed=self._could_not_load,
            what=QT_TRANSLATE_NOOP("CourseView", "The questionnaires"),
        )

    def _fill_sessions(self) -> None:
        fill_table(
            self.sessions,
            [
                [
                    str(n),
                    formats.day(summary.opened_at, Day.WEEKDAY),
                    summary.protocol_name,
                    translated(STATE_WORDS.get(summary.state, summary.state.value)),
                ]
                for n, summary in enumerate(self._shown, start=1)
            ],
        )

    def _show_results(self, results: list[QuestionnaireEntry]) -> None:
        self.results = results
        self._fill_results()
        self.chart.show_results(self.results)

    def _fill_results(self) -> None:
        fill_table(
            self.table,
            [
                [
                    formats.day(entry.taken_at),
                    translated(MOMENT_WORDS.get(entry.moment, entry.moment)),
                    translated(CORRECTED.format(instrument=_asked(entry)))
                    if entry.corrected
                    else translated(_asked(entry)),
                    translated(
                        OUT_OF.format(
                            total=entry.total, most=INSTRUMENTS[entry.instrument].max_total
                        )
                    ),
                    entry.band,  # the instrument's own words (its published translations)
                ]
                for entry in self.results
            ],
        )

    def take(self, instrument: Instrument) -> None:
        """Open the questionnaire to fill in with the patient."""
        from kapdesk.ui.questionnaire_dialog import QuestionnaireDialog  # noqa: PLC0415

        dialog = QuestionnaireDialog(instrument, self.moment, self)
        dialog.accepted.connect(self._save)
        self.dialog = in_place_of(self.dialog, dialog)
        dialog.open()

    def _save(self) -> None:
        dialog, courses = self.dialog, self._courses
        if dialog is None or dialog.scored is None or courses is None:
            return
        scored, moment = dialog.scored, dialog.moment.currentText()
        form_language = dialog.form.language()
        code, by, session_id = self.patient_code, self._by, self.session_id
        course_id = self.course.id if self.course else None

        def saved(_result: object) -> None:
            flags = joined(scored.flags, " ")  # kapdesk's warnings, said in the language spoken
            values = {
                "instrument": scored.instrument.name,
                "total": scored.total,
                "most": scored.instrument.max_total,
                "band": scored.band,
            }
            say(
                self.status,
                SAVED_FLAGS.format(flags=flags, **values) if flags else SAVED.format(**values),
            )
            self.status.setProperty("role", "error" if flags else "muted")
            self.status.style().polish(self.status)
            self.status.show()
            self.refresh()

        self.ops.run(
            lambda: courses.record(
                code,
                scored,
                moment,
                by=by,
                session_id=session_id,
                course_id=course_id,
                form_language=form_language,
            ),
            saved,
            failed=lambda text: self._could_not_load(NOTHING_SAVED.format(problem=text)),
            what=QT_TRANSLATE_NOOP("CourseView", "The questionnaire"),
            key=f"questionnaire {id(scored)}",
            write=True,  # late, it may still be saved: never "nothing was saved" (or a twin)
            unsure=self._could_not_load,
        )


def _asked(entry: QuestionnaireEntry) -> str:
    """The instrument's name, and the language of the published form it was asked in when it
    was not the English (each language by its own name)."""
    name = INSTRUMENTS[entry.instrument].name
    if entry.form_language == "en":
        return name
    return ASKED_IN.format(instrument=name, language=LANGUAGE_NAMES.get(entry.form_language, ""))


def _heading(words: str) -> QWidget:
    heading = label("", "section")
    say(heading, words)
    return heading
