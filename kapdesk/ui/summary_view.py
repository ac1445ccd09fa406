"""The record of a session, as kept: who, what protocol, doses, phases as they ran, events.

Temperatures and weights are said in the clinic's units (°F and lb where it reads them); the
record keeps them in °C and kg.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.discharge import discharge_of
from kapdesk.core.journey import EventKind, Journey, JourneyState, closed_text
from kapdesk.core.preparation import preparation_of
from kapdesk.core.timefmt import clock_text, minutes_text
from kapdesk.core.timeline import said_in
from kapdesk.core.units import Units
from kapdesk.core.words import QT_TRANSLATE_NOOP, joined
from kapdesk.ui import formats
from kapdesk.ui.print_job import PdfSaver
from kapdesk.ui.text_rows import show_rows, text_rows_view
from kapdesk.ui.widgets import ActionButton, fill_table, label, read_only_table
from kapdesk.ui.words import redraw_when_spoken, say, say_button, translated

if TYPE_CHECKING:  # the database layer loads after the window is up
    from kapdesk.reports.pages import Printed
    from kapdesk.storage.repositories import SessionSummary
    from kapdesk.ui.storage_ops import StorageOps


PAST_SESSIONS = QT_TRANSLATE_NOOP("SummaryView", "Past sessions")
TIMELINE = QT_TRANSLATE_NOOP("SummaryView", "Timeline")
INTEGRATION = QT_TRANSLATE_NOOP("SummaryView", "Integration")
PRINT = QT_TRANSLATE_NOOP("SummaryView", "Print…")
SAVE_PDF = QT_TRANSLATE_NOOP("SummaryView", "Save PDF…")
NEW_SESSION = QT_TRANSLATE_NOOP("SummaryView", "New session")
RECORD = QT_TRANSLATE_NOOP("SummaryView", "session record")  # in "The session record is saved…"
SAVE_RECORD = QT_TRANSLATE_NOOP("SummaryView", "Save the session record")
PHASES = QT_TRANSLATE_NOOP("SummaryView", "PHASES")
EVENTS = QT_TRANSLATE_NOOP("SummaryView", "EVENTS")
PHASE_HEADERS = (
    QT_TRANSLATE_NOOP("SummaryView", "Phase"),
    QT_TRANSLATE_NOOP("SummaryView", "Planned"),
    QT_TRANSLATE_NOOP("SummaryView", "Actual"),
    QT_TRANSLATE_NOOP("SummaryView", "Started at"),
)
EVENT_HEADERS = (
    QT_TRANSLATE_NOOP("SummaryView", "Time"),
    QT_TRANSLATE_NOOP("SummaryView", "Journey"),
    QT_TRANSLATE_NOOP("SummaryView", "What"),
)
TITLE_LOADING = QT_TRANSLATE_NOOP("SummaryView", "Session {session}")
TITLE = QT_TRANSLATE_NOOP("SummaryView", "Session {session} · {patient} · {state}")
STATES = {
    JourneyState.CLOSED: QT_TRANSLATE_NOOP("SummaryView", "closed"),
    JourneyState.RUNNING: QT_TRANSLATE_NOOP("SummaryView", "open, running"),
    JourneyState.OPENED: QT_TRANSLATE_NOOP("SummaryView", "open, not dosed"),
}
THE_RECORD = QT_TRANSLATE_NOOP("SummaryView", "The session record")
LOADING = QT_TRANSLATE_NOOP("SummaryView", "Loading the session record…")
PROTOCOL = QT_TRANSLATE_NOOP("SummaryView", "Protocol: {protocol}")
SITTER = QT_TRANSLATE_NOOP("SummaryView", "Sitter: {sitter}")
OPENED = QT_TRANSLATE_NOOP("SummaryView", "Opened: {time}")
DOSED = QT_TRANSLATE_NOOP("SummaryView", "Dosed: {time}")
CLOSED = QT_TRANSLATE_NOOP("SummaryView", "Closed: {time}")
JOURNEY = QT_TRANSLATE_NOOP("SummaryView", "Journey: {time}")
DOSES = QT_TRANSLATE_NOOP("SummaryView", "Doses: {doses}")
CLOSED_BECAUSE = QT_TRANSLATE_NOOP("SummaryView", "Closed because: {reason}")
INTENTION = QT_TRANSLATE_NOOP("SummaryView", "Intention: “{intention}”")
READY = QT_TRANSLATE_NOOP("SummaryView", "Ready to leave: {time} ({journey} after dosing)")
READY_MAY_LEAVE = QT_TRANSLATE_NOOP(
    "SummaryView", "Ready to leave: {time} ({journey} after dosing), may leave from {free}"
)
NEVER_READY = QT_TRANSLATE_NOOP(
    "SummaryView", "Ready to leave: no discharge check found the patient ready"
)
MONITORING = QT_TRANSLATE_NOOP("SummaryView", "Total monitoring time: {time}")
FACTS_APART = "   ·   "  # between facts on a line: not words


def local_time(moment: datetime | None) -> str:
    return formats.day_time(moment) if moment else "-"


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    return read_only_table(headers, parent, rows_selectable=False)


def _said(text: str, role: str) -> QLabel:
    """A label saying ``text`` (kapdesk's words) in the language spoken."""
    line = label("", role)
    say(line, text)
    return line


def event_rows(journey: Journey, units: Units | None = None) -> list[list[str]]:
    """Each entry of the session as the record's table shows it: time, journey time, what (a
    temperature or a weight in the clinic's ``units``; °C and kg, as kept, by default)."""
    said = units if units is not None else Units()
    return [
        [
            formats.time(event.wall, seconds=True),
            clock_text(event.elapsed) if event.elapsed is not None else "",
            said_in(event, said),
        ]
        for event in journey.events
    ]


class SummaryView(QWidget):
    """Read-only summary of one session."""

    new_session_requested = Signal()
    history_requested = Signal()
    timeline_requested = Signal(int)
    integration_requested = Signal(int)

    def __init__(
        self, ops: StorageOps, parent: QWidget | None = None, *, units: Units | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.units = units if units is not None else Units()  # the clinic's, for what is said
        self.session_id: int | None = None
        self.patient_code = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 24, 36, 24)
        outer.setSpacing(10)
        self.title = label("", "title")
        self.history_button = ActionButton("", "Ctrl+H", self.history_requested.emit, self)
        self.timeline_button = ActionButton("", "Ctrl+T", self._timeline, self)
        self.integration_button = ActionButton("", "Ctrl+I", self._integration, self)
        self.print_button = ActionButton("", "Ctrl+P", self.ask_printer, self)
        self.save_pdf_button = ActionButton("", "Ctrl+Shift+S", self.ask_print, self)
        self.new_button = ActionButton(
            "", "Ctrl+Shift+N", self.new_session_requested.emit, self, primary=True
        )
        for button, words in (
            (self.history_button, PAST_SESSIONS),
            (self.timeline_button, TIMELINE),
            (self.integration_button, INTEGRATION),
            (self.print_button, PRINT),
            (self.save_pdf_button, SAVE_PDF),
            (self.new_button, NEW_SESSION),
        ):
            say_button(button, words)
        outer.addLayout(self._header())
        # Says, quietly, that the record is on its way, or why it could not be read.
        self.status = label("", "muted")
        self.status.setWordWrap(True)
        self.status.hide()
        outer.addWidget(self.status)
        self.facts = label("", "muted")
        outer.addWidget(self.facts)
        self.print_status = label("", "muted")
        self.print_status.hide()
        outer.addWidget(self.print_status)
        self.make_record: Callable[[int], Printed] | None = None  # set by the window
        self.saver = PdfSaver(self, RECORD, SAVE_RECORD, self.print_status)
        outer.addWidget(_said(PHASES, "section"))
        self.phases = _table([translated(words) for words in PHASE_HEADERS], self)
        outer.addWidget(self.phases, 2)
        outer.addWidget(_said(EVENTS, "section"))
        self.events = text_rows_view(EVENT_HEADERS, self)
        outer.addWidget(self.events, 3)
        redraw_when_spoken(self._said_again)

    def _said_again(self) -> None:
        """The language changed: the tables' headings and the events are said again."""
        self.phases.setHorizontalHeaderLabels([translated(words) for words in PHASE_HEADERS])
        model = self.events.model()
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(EVENT_HEADERS) - 1)
        if model.rowCount():
            last = model.index(model.rowCount() - 1, len(EVENT_HEADERS) - 1)
            model.dataChanged.emit(model.index(0, 0), last)

    def _header(self) -> QVBoxLayout:
        """The title with printing beside it; under them, where else to go from the record and
        New session (in one row they would not fit a 1024-wide screen whole, and the tables
        keep the height a row of buttons at the bottom would take)."""
        header = QVBoxLayout()
        top = QHBoxLayout()
        self.title.setWordWrap(True)  # a long patient code wraps rather than push the buttons
        top.addWidget(self.title, 1)
        row = QHBoxLayout()
        for button in (self.integration_button, self.timeline_button, self.history_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.new_button)
        for button in (
            self.print_button,
            self.save_pdf_button,
            self.integration_button,
            self.timeline_button,
            self.history_button,
        ):
            button.setProperty("role", "compact")
        top.addWidget(self.print_button)
        top.addWidget(self.save_pdf_button)
        header.addLayout(top)
        header.addLayout(row)
        return header

    def ask_printer(self) -> None:
        """Ask which printer, then print the session record off the UI thread."""
        session_id, make = self.session_id, self.make_record
        if session_id is not None and make is not None:
            self.saver.ask_printer(lambda: make(session_id))

    def ask_print(self) -> None:
        """Ask where to save the session record as a PDF, then make it off the UI thread."""
        session_id, make = self.session_id, self.make_record
        if session_id is not None and make is not None:
            name = f"session-{session_id}-{self.patient_code}.pdf"
            self.saver.ask(name, lambda: make(session_id))

    def print_to(self, path: Path) -> None:
        session_id, make = self.session_id, self.make_record
        if session_id is not None and make is not None:
            self.saver.save_to(path, lambda: make(session_id))

    def _integration(self) -> None:
        if self.session_id is not None:
            self.integration_requested.emit(self.session_id)

    def _timeline(self) -> None:
        if self.session_id is not None:
            self.timeline_requested.emit(self.session_id)

    def load(self, session_id: int, read: Callable[[], tuple[SessionSummary, Journey]]) -> None:
        """Read session ``session_id``'s record off the window's thread; nothing of another
        session shows meanwhile, and nothing on the page acts on one."""
        self.session_id = None
        say(self.title, TITLE_LOADING.format(session=session_id))
        say(self.facts, "")
        for button in (
            self.integration_button,
            self.print_button,
            self.save_pdf_button,
            self.timeline_button,
        ):
            button.hide()
        fill_table(self.phases, [])
        show_rows(self.events, [])

        units = self.units

        def read_with_rows() -> tuple[SessionSummary, Journey, list[list[str]]]:
            summary, journey = read()
            rows = event_rows(journey, units)  # worked out off the window's thread
            return summary, journey, rows

        self.ops.run(
            read_with_rows,
            lambda got: self.show_session(*got),
            failed=self._could_not_load,
            loading=self._loading,
            what=THE_RECORD,
        )

    def _loading(self, waiting: bool) -> None:
        if waiting:
            say(self.status, LOADING)
        self.status.setVisible(waiting)

    def _could_not_load(self, text: str) -> None:
        say(self.status, text)
        self.status.show()

    def show_session(
        self, summary: SessionSummary, journey: Journey, rows: list[list[str]] | None = None
    ) -> None:
        self.session_id = summary.id
        self.patient_code = summary.patient_code
        self.print_status.hide()
        self.status.hide()
        self.timeline_button.show()
        say(
            self.title,
            TITLE.format(
                session=summary.id, patient=summary.patient_code, state=STATES[journey.state]
            ),
        )
        elapsed = journey.elapsed()
        facts = [
            PROTOCOL.format(protocol=summary.protocol_name),
            SITTER.format(sitter=summary.sitter or "-"),
            OPENED.format(time=local_time(summary.opened_at)),
            DOSED.format(time=local_time(summary.dosed_at)),
            CLOSED.format(time=local_time(summary.closed_at)),
            JOURNEY.format(time=clock_text(elapsed) if elapsed is not None else "-"),
        ]
        lines = [joined(facts, FACTS_APART)]
        doses = [dose.describe(self.units) for _, dose in journey.doses]
        if doses:
            lines.append(DOSES.format(doses=joined(doses, "; ")))
        closing = journey.of_kind(EventKind.CLOSED)[-1] if journey.closed else None
        if closing is not None and closing.data.get("early"):
            lines.append(closed_text(closing.data))
        elif summary.close_reason:
            lines.append(CLOSED_BECAUSE.format(reason=summary.close_reason))
        prepared = preparation_of(journey)
        if prepared.intention:
            lines.append(INTENTION.format(intention=prepared.intention))
        discharge = discharge_of(journey)
        if discharge.ready_at is not None and discharge.ready_elapsed is not None:
            free = discharge.free_to_leave_at
            ready = READY
            if free is not None and free > discharge.ready_at:
                ready = READY_MAY_LEAVE
            lines.append(
                ready.format(
                    time=local_time(discharge.ready_at),
                    journey=clock_text(discharge.ready_elapsed),
                    free=local_time(free),
                )
            )
        elif journey.dosed:
            lines.append(NEVER_READY)
        if journey.closed and discharge.monitoring_seconds is not None:
            monitoring = MONITORING.format(time=clock_text(discharge.monitoring_seconds))
            lines[-1] = joined([lines[-1], monitoring], FACTS_APART)
        say(self.facts, joined(lines, "\n"))
        self.integration_button.setVisible(journey.dosed and journey.closed)
        self.print_button.setVisible(self.make_record is not None)
        self.save_pdf_button.setVisible(self.make_record is not None)
        fill_table(
            self.phases,
            [
                [
                    span.phase.name,
                    minutes_text(span.phase.minutes),
                    clock_text(
                        (span.ended if span.ended is not None else (elapsed or span.started))
                        - span.started
                    ),
                    clock_text(span.started),
                ]
                for span in journey.spans
            ],
        )
        show_rows(self.events, event_rows(journey, self.units) if rows is None else rows)
