"""A session's timeline: everything that happened, in order, as the record stands; the history
of any corrected entry; corrections by amendment; and the vital-signs chart.

Nothing is ever overwritten: "Correct…" adds an amendment (what, who, why) and the entry shows
its corrected value, marked, with the original and every correction listed beneath.

Temperatures and weights are shown, and a correction typed, in the clinic's units (°F and lb
where it reads them); the record keeps °C and kg as everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.journey import EventKind, JourneyError
from kapdesk.core.observations import amendment_data
from kapdesk.core.staff import Action
from kapdesk.core.timefmt import clock_text
from kapdesk.core.timeline import Entry, timeline
from kapdesk.core.units import Units
from kapdesk.core.vitals import Reading, flags
from kapdesk.core.wall_text import Day
from kapdesk.core.words import QT_TRANSLATE_NOOP, joined
from kapdesk.ui import formats, theme
from kapdesk.ui.amend_dialog import CORRECTABLE, AmendDialog
from kapdesk.ui.widgets import SWITCH_HINT, ActionButton, in_place_of, label
from kapdesk.ui.words import redraw_when_spoken, say, say_button, translated, words_of

if TYPE_CHECKING:
    from kapdesk.storage.journeys import OpenJourney
    from kapdesk.ui.storage_ops import StorageOps
    from kapdesk.ui.vitals_chart import VitalsChart


# The correction form's words.
HEADERS = (
    QT_TRANSLATE_NOOP("TimelineView", "Time"),
    QT_TRANSLATE_NOOP("TimelineView", "Journey"),
    QT_TRANSLATE_NOOP("TimelineView", "Phase"),
    QT_TRANSLATE_NOOP("TimelineView", "What"),
    QT_TRANSLATE_NOOP("TimelineView", "By"),
)
CORRECTED = QT_TRANSLATE_NOOP("TimelineView", "{text}   (corrected)")
BACK = QT_TRANSLATE_NOOP("TimelineView", "Back")
CORRECT = QT_TRANSLATE_NOOP("TimelineView", "Correct…")
TIMELINE_TAB = QT_TRANSLATE_NOOP("TimelineView", "Timeline")
CHART_TAB = QT_TRANSLATE_NOOP("TimelineView", "Vital signs chart")
TITLE_LOADING = QT_TRANSLATE_NOOP("TimelineView", "Timeline · session {session}")
TITLE = QT_TRANSLATE_NOOP("TimelineView", "Timeline · session {session} · {patient}")
THE_TIMELINE = QT_TRANSLATE_NOOP("TimelineView", "The timeline")
LOADING = QT_TRANSLATE_NOOP("TimelineView", "Loading the timeline…")
PICK = QT_TRANSLATE_NOOP("TimelineView", "Pick an entry to see its history or to correct it.")
ORIGINAL = QT_TRANSLATE_NOOP("TimelineView", "Original ({when}): {text}")
ORIGINAL_BY = QT_TRANSLATE_NOOP("TimelineView", "Original ({when} by {by}): {text}")
CORRECTION = QT_TRANSLATE_NOOP("TimelineView", "Corrected {when}, because “{reason}”: {text}")
CORRECTION_BY = QT_TRANSLATE_NOOP(
    "TimelineView", "Corrected {when} by {by}, because “{reason}”: {text}"
)
REFUSED = QT_TRANSLATE_NOOP("TimelineView", "{refusal}. {hint}")
NOT_AMENDED = QT_TRANSLATE_NOOP("TimelineView", "{error}.")
_ROOT = QModelIndex()


def _capital(words: str) -> str:
    """``words`` with a capital first letter, the rest as said."""
    return words[:1].upper() + words[1:]


class TimelineModel(QAbstractTableModel):
    """The timeline as a table, its cells worked out only when they are drawn (a long session
    has thousands of entries; the screen shows a few dozen)."""

    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []
        self._phases: list[str] = []
        self._problem = QColor(theme.PROBLEM)

    def set_entries(self, entries: list[Entry], phases: list[str]) -> None:
        self.beginResetModel()
        self.entries = entries
        self._phases = phases
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translated(self.HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._problem if entry.flags else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return translated(self.text(index.row(), index.column()))

    def said_again(self) -> None:
        """The headings and cells, in the language now spoken."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self.entries:
            last = self.index(len(self.entries) - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def text(self, row: int, column: int) -> str:
        entry = self.entries[row]
        if column == 0:
            return formats.time(entry.wall, seconds=True)
        if column == 1:
            return clock_text(entry.elapsed) if entry.elapsed is not None else ""
        if column == 2:
            index = entry.phase_index
            return self._phases[index] if index is not None else ""
        if column == 3:
            return CORRECTED.format(text=entry.text) if entry.amended else entry.text
        return entry.by


class TimelineView(QWidget):
    """The timeline page of one session."""

    back_requested = Signal()

    def __init__(
        self,
        ops: StorageOps | None = None,
        parent: QWidget | None = None,
        *,
        units: Units | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops  # reads a past session off the window's thread (:meth:`load`)
        self.units = units if units is not None else Units()  # the clinic's, shown and typed
        self.current: OpenJourney | None = None
        self.entries: list[Entry] = []
        self.amend_dialog: AmendDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 18, 32, 18)
        header = QHBoxLayout()
        self.title = label("", "title")
        header.addWidget(self.title, 1)
        back = ActionButton("", "Esc", self.back_requested.emit, self)
        say_button(back, BACK)
        header.addWidget(back)
        outer.addLayout(header)
        # Says, quietly, that the session is on its way, or why it could not be read.
        self.status = label("", "muted")
        self.status.setWordWrap(True)
        self.status.hide()
        outer.addWidget(self.status)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 8, 0, 0)
        self.model = TimelineModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        heads = self.table.horizontalHeader()
        for column_index, width in ((0, 100), (1, 100), (2, 150), (4, 140)):
            heads.setSectionResizeMode(column_index, QHeaderView.ResizeMode.Interactive)
            heads.resizeSection(column_index, width)
        heads.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(lambda *_args: self._show_history())
        column.addWidget(self.table, 1)
        self.history = label("", "muted")
        column.addWidget(self.history)
        row = QHBoxLayout()
        row.addStretch()
        self.amend_button = ActionButton("", "Ctrl+R", self.request_amend, self)
        say_button(self.amend_button, CORRECT)
        row.addWidget(self.amend_button)
        column.addLayout(row)
        self.tabs.addTab(page, translated(TIMELINE_TAB))
        # The chart (and QtCharts, some 5 MB) is built the first time its tab is opened.
        self._chart: VitalsChart | None = None
        self._chart_page = QWidget()
        self._chart_layout = QVBoxLayout(self._chart_page)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._chart_page, translated(CHART_TAB))
        self.tabs.currentChanged.connect(self._tab_chosen)
        redraw_when_spoken(self._said_again)

    def _said_again(self) -> None:
        """The language changed: the tabs' names and the table's words are said again."""
        self.tabs.setTabText(0, translated(TIMELINE_TAB))
        self.tabs.setTabText(1, translated(CHART_TAB))
        self.model.said_again()

    @property
    def chart(self) -> VitalsChart:
        """The vital-signs chart of the session shown, built when first wanted."""
        if self._chart is None:
            from kapdesk.ui.vitals_chart import VitalsChart  # noqa: PLC0415  (QtCharts loads late)

            self._chart = VitalsChart(units=self.units)
            self._chart_layout.addWidget(self._chart)
            self._chart.show()  # a child added to a shown page would show only on the next turn
            if self.current is not None:
                self._chart.show_session(self.current.journey, self.entries)
        return self._chart

    def _tab_chosen(self, index: int) -> None:
        if self.tabs.widget(index) is self._chart_page:
            _ = self.chart

    def load(self, session_id: int, read: Callable[[], OpenJourney]) -> None:
        """Read session ``session_id`` (and work out its timeline) off the window's thread;
        the page shows nothing of another session meanwhile."""
        assert self.ops is not None, "a timeline that loads is given the window's ops"

        units = self.units

        def work() -> tuple[OpenJourney, list[Entry]]:
            opened = read()
            return opened, timeline(opened.journey.events, units)

        self.current = None
        say(self.title, TITLE_LOADING.format(session=session_id))
        self.entries = []
        self.model.set_entries([], [])
        self._show_history()
        self.ops.run(
            work,
            lambda got: self.show_session(*got),
            failed=self._could_not_load,
            loading=self._loading,
            what=THE_TIMELINE,
        )

    def _loading(self, waiting: bool) -> None:
        if waiting:
            say(self.status, LOADING)
        self.status.setVisible(waiting)

    def _could_not_load(self, text: str) -> None:
        say(self.status, text)
        self.status.show()

    def show_session(self, current: OpenJourney, entries: list[Entry] | None = None) -> None:
        """Show ``current``'s timeline (``entries``: worked out already, off the window's
        thread)."""
        self.current = current
        self.status.hide()
        say(self.title, TITLE.format(session=current.session_id, patient=current.patient_code))
        self.refresh(entries)

    def refresh(self, entries: list[Entry] | None = None) -> None:
        if self.current is None:
            return
        journey = self.current.journey
        self.entries = entries if entries is not None else timeline(journey.events, self.units)
        phases = journey.protocol.phases
        self.model.set_entries(self.entries, [phase.name for phase in phases])
        if self._chart is not None:
            self._chart.show_session(journey, self.entries)
        self._show_history()

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def selected(self) -> Entry | None:
        row = self.table.currentIndex().row()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_history(self) -> None:
        entry = self.selected()
        self.amend_button.setEnabled(entry is not None and entry.kind in CORRECTABLE)
        if entry is None or not entry.amended:
            say(self.history, PICK)
            return
        lines: list[str] = []
        for n, version in enumerate(entry.versions):
            when = f"{formats.day(version.wall, Day.DAY_MONTH)} {formats.time(version.wall)}"
            if n == 0:
                said = ORIGINAL_BY if version.by else ORIGINAL
                lines.append(said.format(when=when, by=version.by, text=version.text))
            else:
                said = CORRECTION_BY if version.by else CORRECTION
                lines.append(
                    said.format(when=when, by=version.by, reason=version.reason, text=version.text)
                )
        say(self.history, joined(lines, "\n"))

    def request_amend(self) -> None:
        entry = self.selected()
        if self.current is None or entry is None or entry.kind not in CORRECTABLE:
            return
        journey = self.current.journey
        action = Action.RECORD_DOSE if entry.kind is EventKind.DOSE else Action.AMEND
        refusal = journey.refusal(action)
        if refusal:  # said before the correction is typed, not after
            say(self.history, REFUSED.format(refusal=refusal, hint=SWITCH_HINT))
            return
        dialog = AmendDialog(
            entry,
            self.current.author,
            self,
            rules=journey.protocol.dose,
            given=journey.dose_given(leaving_out=entry.seq),
            decide_refusal=journey.range_refusal,
            units=self.units,
        )
        dialog.accepted.connect(lambda: self._amend(dialog))
        self.amend_dialog = in_place_of(self.amend_dialog, dialog)
        dialog.open()

    def _amend(self, dialog: AmendDialog) -> None:
        if self.current is None or dialog.changes is None:
            return
        journey = self.current.journey
        changes = dict(dialog.changes)
        if dialog.entry.kind is EventKind.VITALS:
            reading = Reading.from_values(changes["values"])
            changes["flags"] = flags(
                reading, journey.protocol.thresholds, dosed=dialog.entry.elapsed is not None
            )
        data = amendment_data(dialog.entry.seq, changes, dialog.reason.text(), dialog.by.text())
        try:
            journey.amend(data)
        except JourneyError as exc:
            error = words_of(exc)
            if type(error) is str:
                said = NOT_AMENDED.format(error=error[:1].upper() + error[1:].lower())
                say(self.history, said)
            else:  # the core's clause, a sentence in whichever language is spoken
                say(self.history, NOT_AMENDED.format(error=error), shaped=_capital)
            return
        seq = dialog.entry.seq
        self.refresh()
        for row, entry in enumerate(self.entries):
            if entry.seq == seq:
                self.select_row(row)
