"""Integration: where a closed session hands off to. The journal prompts for the patient, and
the plan (integration steps and follow-ups with their dates) that staff tick, assign and book,
now or when they come back to it."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import reduce
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.integration import JOURNAL_PROMPTS, ItemKind, Window, draft_plan
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template
from kapdesk.ui import formats
from kapdesk.ui.formats import Day
from kapdesk.ui.print_job import PdfSaver
from kapdesk.ui.widgets import ActionButton, ElidedLabel, fill_table, label
from kapdesk.ui.words import say, say_button, translated

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from kapdesk.core.clinic import ClinicSettings
    from kapdesk.reports.pages import Printed
    from kapdesk.storage.courses import CourseStore
    from kapdesk.storage.integration import IntegrationStore, ItemState
    from kapdesk.storage.journeys import JourneyStore
    from kapdesk.storage.repositories import SessionSummary
    from kapdesk.ui.storage_ops import StorageOps

COLUMNS = (
    QT_TRANSLATE_NOOP("IntegrationView", "Done"),
    QT_TRANSLATE_NOOP("IntegrationView", "Item"),
    QT_TRANSLATE_NOOP("IntegrationView", "When"),
    QT_TRANSLATE_NOOP("IntegrationView", "Assigned to"),
    QT_TRANSLATE_NOOP("IntegrationView", "Booked"),
    QT_TRANSLATE_NOOP("IntegrationView", "Notes"),
)
ROOMY_HEIGHT = 700  # below this, the prompts fold into one line
NOTE_HINT = QT_TRANSLATE_NOOP(
    "IntegrationView", "Note, printed on the patient's handout with the booking"
)
NOTE_EXAMPLE = QT_TRANSLATE_NOOP("IntegrationView", "time, place, with whom")
NOTE_TIP = QT_TRANSLATE_NOOP(
    "IntegrationView", "A note saved with the booking date is printed on the handout."
)
COURSE_TEXT = QT_TRANSLATE_NOOP("IntegrationView", "Session {number} of {total}")
TITLE = QT_TRANSLATE_NOOP("IntegrationView", "Integration · {patient}")
TITLE_LOADING = QT_TRANSLATE_NOOP("IntegrationView", "Integration · session {session}")
# The title's parts, side by side: no words of its own, the same in every language.
SIDE_BY_SIDE = Template("IntegrationView", "{first}   ·   {second}")
THE_PLAN = QT_TRANSLATE_NOOP("IntegrationView", "The integration plan")
LOADING = QT_TRANSLATE_NOOP("IntegrationView", "Loading the integration plan…")
THE_CHANGE = QT_TRANSLATE_NOOP("IntegrationView", "The plan's change")
NOT_CHANGED = QT_TRANSLATE_NOOP("IntegrationView", "{problem} Nothing was changed.")
NOTHING_TO_SAVE = QT_TRANSLATE_NOOP(
    "IntegrationView", "Nothing to save: change the assignee, the date or add a note."
)
SAVED = QT_TRANSLATE_NOOP("IntegrationView", "Saved: {item}")
DONE_BY = QT_TRANSLATE_NOOP("IntegrationView", "Done by {name}")
HANDOUT = QT_TRANSLATE_NOOP("IntegrationView", "handout")  # in "The handout is saved as…"
SAVE_HANDOUT = QT_TRANSLATE_NOOP("IntegrationView", "Save the patient's handout")


def _day(value: date | None) -> str:
    return formats.day(value, Day.WEEKDAY_DAY_MONTH) if value else ""


@dataclass(frozen=True)
class PlanRead:
    """A session's plan as the page shows it, read in one go off the window's thread."""

    summary: SessionSummary
    course_text: str  # "Session 3 of 6", or ""
    staff: list[str]
    items: list[ItemState]


def read_plan(
    journeys: JourneyStore,
    courses: CourseStore,
    plans: IntegrationStore,
    settings: ClinicSettings,
    session_id: int,
) -> PlanRead | None:
    """Session ``session_id``'s plan, drafted from the clinic's rules the first time; None
    when the session was never dosed (nothing to integrate). Runs on a worker thread."""
    summary, journey = journeys.load(session_id)
    if not journey.dosed:
        return None
    course = courses.of_session(session_id)
    left = course.left_after(session_id) if course is not None else None
    ended = summary.closed_at or summary.opened_at
    plans.draft(session_id, draft_plan(settings, ended.astimezone().date(), left))
    number = course.number_of(session_id) if course is not None else None
    course_text = (
        COURSE_TEXT.format(number=number, total=course.planned_sessions)
        if course and number is not None
        else ""
    )
    return PlanRead(summary, course_text, journeys.staff_names(), plans.items(session_id))


class IntegrationView(QWidget):
    """One session's integration plan."""

    record_requested = Signal(int)  # session id: the session record
    course_requested = Signal(int)  # session id: its patient's course
    new_session_requested = Signal()
    back_requested = Signal()

    def __init__(self, ops: StorageOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._writes = itertools.count()  # each change is its own op: none drops another
        self.session_id: int | None = None
        self.patient_code = ""
        self.items: list[ItemState] = []
        self._plans: IntegrationStore | None = None
        self._by = ""
        self._has_prompts = False
        self._today = date.today()  # replaced by the clock's day in show_plan
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 24, 36, 24)
        outer.setSpacing(10)
        # Top to bottom, as staff go through the plan with the patient.
        self._build_header(outer)
        self._build_prompts(outer)
        self._build_plan(outer)
        self._build_item_form(outer)
        self._build_actions(outer)

    def _build_header(self, outer: QVBoxLayout) -> None:
        """The title, the ways to other pages, and the handout's buttons (placed below)."""
        header = QHBoxLayout()
        self.title = ElidedLabel("title")
        header.addWidget(self.title, 1)
        self.record_button = ActionButton("", "Ctrl+J", self._record, self)
        say_button(self.record_button, QT_TRANSLATE_NOOP("IntegrationView", "Session record"))
        self.handout_button = ActionButton("", "Ctrl+P", self.ask_printer, self)
        say_button(self.handout_button, QT_TRANSLATE_NOOP("IntegrationView", "Print handout…"))
        self.handout_pdf_button = ActionButton("", "Ctrl+Shift+S", self.ask_print, self)
        say_button(self.handout_pdf_button, QT_TRANSLATE_NOOP("IntegrationView", "Handout PDF…"))
        self.course_button = ActionButton("", "Ctrl+U", self._course, self)
        say_button(self.course_button, QT_TRANSLATE_NOOP("IntegrationView", "Course"))
        self.back_button = ActionButton("", "Esc", self.back_requested.emit, self)
        say_button(self.back_button, QT_TRANSLATE_NOOP("IntegrationView", "Back"))
        for button in (self.record_button, self.course_button, self.back_button):
            button.setProperty("role", "compact")
            header.addWidget(button)
        outer.addLayout(header)

    def _build_prompts(self, outer: QVBoxLayout) -> None:
        """The journal prompts for the patient, in full or on one line."""
        outer.addWidget(
            _said(QT_TRANSLATE_NOOP("IntegrationView", "Journal prompts for the patient"))
        )
        self.prompts = label("", "")
        outer.addWidget(self.prompts)
        # On a low screen the prompts take one line (they are on the handout), so the plan
        # keeps its rows.
        self.prompts_line = ElidedLabel("")
        self.prompts_line.hide()
        outer.addWidget(self.prompts_line)

    def _build_plan(self, outer: QVBoxLayout) -> None:
        """The table of the plan's steps, each ticked off when done."""
        outer.addWidget(_said(QT_TRANSLATE_NOOP("IntegrationView", "The plan")))
        self.table = QTableWidget(0, len(COLUMNS), self)
        self._say_heads()
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)  # the steps are sentences: they wrap, the row grows
        heads = self.table.horizontalHeader()
        # "Done" is wider in Spanish ("Hecho"): its column leaves it room.
        for column, width in ((0, 82), (2, 215), (3, 140), (4, 110), (5, 150)):
            heads.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            heads.resizeSection(column, width)
        heads.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._ticked)
        self.table.currentCellChanged.connect(lambda *_args: self._show_selected())
        outer.addWidget(self.table, 1)

    def _build_item_form(self, outer: QVBoxLayout) -> None:
        """Who the picked step is assigned to, its booking date and note, and Save."""
        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.addWidget(_said(QT_TRANSLATE_NOOP("IntegrationView", "Assign to")), 0, 0)
        self.is_booked = QCheckBox()
        say(self.is_booked, QT_TRANSLATE_NOOP("IntegrationView", "Booked on"))
        form.addWidget(self.is_booked, 0, 1)
        # Said on the page, not only in a tooltip: the patient reads what is typed here.
        self.note_hint = _said(NOTE_HINT)
        form.addWidget(self.note_hint, 0, 2, 1, 2)
        self.assignee = QComboBox()
        self.assignee.setEditable(True)
        self.assignee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.assignee.setMinimumWidth(240)
        form.addWidget(self.assignee, 1, 0)
        self.booked = QDateEdit()
        self.booked.setEnabled(False)
        self.is_booked.toggled.connect(self.booked.setEnabled)
        self.booked.setCalendarPopup(True)
        self.booked.setDisplayFormat(formats.edit_format("dd MMM yyyy", weekday=True))
        form.addWidget(self.booked, 1, 1)
        self.note = QLineEdit()
        say(self.note, NOTE_EXAMPLE, "setPlaceholderText")
        say(self.note, NOTE_TIP, "setToolTip")
        form.addWidget(self.note, 1, 2)
        self.save_button = ActionButton("", "Ctrl+S", self.save_selected, self, primary=True)
        say_button(self.save_button, QT_TRANSLATE_NOOP("IntegrationView", "Save"))
        form.addWidget(self.save_button, 1, 3)
        form.setColumnStretch(2, 1)
        outer.addLayout(form)

    def _build_actions(self, outer: QVBoxLayout) -> None:
        """The handout's buttons, the status line and New session, below the plan."""
        actions = QHBoxLayout()
        # Printing the handout sits with the page's other actions, below the plan: in the
        # header it would squeeze the title and the ways back at 1024x600.
        for button in (self.handout_button, self.handout_pdf_button):
            button.setProperty("role", "compact")
            actions.addWidget(button)
        self.status = label("", "muted")
        actions.addWidget(self.status, 1)
        self.make_handout: Callable[[int], Printed] | None = None  # set by the window
        self.saver = PdfSaver(self, HANDOUT, SAVE_HANDOUT, self.status)
        self.new_button = ActionButton(
            "", "Ctrl+Shift+N", self.new_session_requested.emit, self, primary=True
        )
        say_button(self.new_button, QT_TRANSLATE_NOOP("IntegrationView", "New session"))
        actions.addWidget(self.new_button)
        outer.addLayout(actions)

    def load(
        self,
        plans: IntegrationStore,
        settings: ClinicSettings,
        session_id: int,
        read: Callable[[], PlanRead | None],
        *,
        by: str | None,
        today: date,
    ) -> None:
        """Read session ``session_id``'s plan off the window's thread (:func:`read_plan`) and
        show it for ``by`` (None: the session's sitter) to work on; a session never dosed has
        none, and its record is asked for instead. Nothing of another session's plan shows or
        can be changed meanwhile."""
        self.session_id = session_id
        self._plans = None
        self.items = []
        say(self.title, TITLE_LOADING.format(session=session_id))
        say(self.status, "")
        self._fill()

        def show(got: PlanRead | None) -> None:
            if self.session_id != session_id:
                return  # another session's plan was asked for meanwhile
            if got is None:
                # Never dosed: the record instead, only while this page is still on screen (a
                # late answer never turns the page from under staff, nor from the calm screen).
                if self._on_screen():
                    self.record_requested.emit(session_id)
                return
            summary = got.summary
            parts = (TITLE.format(patient=summary.patient_code), got.course_text)
            self.patient_code = summary.patient_code
            self.show_plan(
                plans,
                settings,
                session_id,
                title=reduce(
                    lambda first, second: SIDE_BY_SIDE.format(first=first, second=second),
                    [p for p in (*parts, summary.protocol_name) if p],
                ),
                by=by if by is not None else summary.sitter,
                staff=got.staff,
                today=today,
                items=got.items,
            )

        self.ops.run(
            read,
            show,
            failed=self._say_status,
            loading=self._loading,
            what=THE_PLAN,
        )

    def _say_status(self, text: str) -> None:
        say(self.status, text)

    def _loading(self, waiting: bool) -> None:
        say(self.status, LOADING if waiting else "")

    def _on_screen(self) -> bool:
        """This page is the one its window's pages show."""
        pages = self.parentWidget()
        return isinstance(pages, QStackedWidget) and pages.currentWidget() is self

    def show_plan(
        self,
        plans: IntegrationStore,
        settings: ClinicSettings,
        session_id: int,
        *,
        title: str,
        by: str,
        staff: list[str],
        today: date,
        items: list[ItemState],
    ) -> None:
        """Show a session's plan (already drafted and read) for ``by`` to work on."""
        self._today = today
        self._plans = plans
        self.session_id = session_id
        self._by = by
        say(self.title, title)
        self.prompts.setText("\n".join(f"•  {prompt}" for prompt in settings.prompts))
        self.prompts_line.setText("   •  ".join(settings.prompts))
        self._has_prompts = bool(settings.prompts)
        self._fit_prompts()
        self.assignee.clear()
        self.assignee.addItems(staff)
        say(self.status, "")
        self.items = items
        self._fill()
        if self.items:
            self.table.selectRow(0)
        self.table.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        """The language changed: the table's words are said again, the row picked kept."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            row = self.table.currentRow()
            self._fill()
            if 0 <= row < len(self.items):
                self.table.selectRow(row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_prompts()

    def _fit_prompts(self) -> None:
        roomy = self.height() >= ROOMY_HEIGHT
        self.prompts.setVisible(self._has_prompts and roomy)
        self.prompts_line.setVisible(self._has_prompts and not roomy)

    def _say_heads(self) -> None:
        """The columns' names, in the language spoken (said again each time the plan fills)."""
        self.table.setHorizontalHeaderLabels([translated(column) for column in COLUMNS])

    def _fill(self) -> None:
        self.table.blockSignals(True)
        self._say_heads()
        rows = [
            [
                "",
                _item_text(item),
                translated(_window_text(item)),
                item.assigned_to,
                _day(item.booked_on),
                "; ".join(item.notes),
            ]
            for item in self.items
        ]
        fill_table(self.table, rows)
        for row, item in enumerate(self.items):
            cell = self.table.item(row, 0)
            if cell is None:
                continue
            cell.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            cell.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
            if item.done and item.done_by:
                cell.setToolTip(translated(DONE_BY.format(name=item.done_by)))
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)

    def selected(self) -> ItemState | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.assignee.setCurrentText(item.assigned_to)
        suggested = item.booked_on or item.due_from or self._today
        self.booked.setDate(QDate(suggested.year, suggested.month, suggested.day))
        follow_up = item.kind is ItemKind.FOLLOW_UP
        self.is_booked.setEnabled(follow_up)
        self.is_booked.setChecked(follow_up and item.booked_on is not None)
        self.booked.setEnabled(self.is_booked.isChecked())
        self.note.clear()

    def _ticked(self, cell: QTableWidgetItem) -> None:
        if cell.column() != 0:
            return
        row = cell.row()
        if not 0 <= row < len(self.items):
            return
        self._change(row, done=cell.checkState() == Qt.CheckState.Checked)

    def tick(self, row: int, done: bool = True) -> None:
        """Tick (or untick) an item as staff would."""
        cell = self.table.item(row, 0)
        if cell is not None:
            cell.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)

    def save_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        row = self.items.index(item)
        assignee = self.assignee.currentText().strip()
        picked = self.booked.date()
        booked: date | None = None
        if item.kind is ItemKind.FOLLOW_UP and self.is_booked.isChecked():
            booked = date(picked.year(), picked.month(), picked.day())
            if booked == item.booked_on:
                booked = None
        self._change(
            row,
            assigned_to=assignee if assignee != item.assigned_to else None,
            booked_on=booked,
            note=self.note.text(),
        )
        self.note.clear()

    def _change(
        self,
        row: int,
        *,
        done: bool | None = None,
        assigned_to: str | None = None,
        booked_on: date | None = None,
        note: str = "",
    ) -> None:
        plans = self._plans
        if plans is None:
            return
        item, by = self.items[row], self._by

        def work() -> ItemState | None:  # on a worker thread
            try:
                return plans.update(
                    item.id, by, done=done, assigned_to=assigned_to, booked_on=booked_on, note=note
                )
            except ValueError:  # nothing changed
                return None

        def failed(text: str) -> None:
            say(self.status, NOT_CHANGED.format(problem=text))
            self._fill()

        self.ops.run(
            work,
            lambda updated: self._changed(item, updated),
            failed=failed,
            what=THE_CHANGE,
            key=f"plan change {next(self._writes)}",
            write=True,
            unsure=self._say_status,
        )

    def _changed(self, item: ItemState, updated: ItemState | None) -> None:
        if updated is None:
            say(self.status, NOTHING_TO_SAVE)
            return
        if item not in self.items:  # another plan came on meanwhile: it is saved all the same
            return
        row = self.items.index(item)
        self.items[row] = updated
        self._fill()
        self.table.selectRow(row)
        say(self.status, SAVED.format(item=_item_text(updated)))

    def ask_printer(self) -> None:
        """Ask which printer, then print the patient's handout off the UI thread."""
        session_id, make = self.session_id, self.make_handout
        if session_id is not None and make is not None:
            self.saver.ask_printer(lambda: make(session_id))

    def ask_print(self) -> None:
        """Ask where to save the patient's handout as a PDF, then make it off the UI thread."""
        session_id, make = self.session_id, self.make_handout
        if session_id is not None and make is not None:
            name = f"handout-{session_id}-{self.patient_code}.pdf"
            self.saver.ask(name, lambda: make(session_id))

    def print_to(self, path: Path) -> None:
        session_id, make = self.session_id, self.make_handout
        if session_id is not None and make is not None:
            self.saver.save_to(path, lambda: make(session_id))

    def _record(self) -> None:
        if self.session_id is not None:
            self.record_requested.emit(self.session_id)

    def _course(self) -> None:
        if self.session_id is not None:
            self.course_requested.emit(self.session_id)


def _said(words: str) -> QLabel:
    """A section's heading, said in the language spoken."""
    heading = label("", "section")
    say(heading, words)
    return heading


def _item_text(item: ItemState) -> str:
    """The item's words: the clinic's own, or kapdesk's for the journal prompts."""
    if item.kind is ItemKind.PROMPTS and item.text == JOURNAL_PROMPTS:
        return translated(JOURNAL_PROMPTS)
    return item.text


def _window_text(item: ItemState) -> str:
    if item.due_from is None or item.due_by is None:
        return ""
    return Window(item.due_from, item.due_by).text()
