"""A session's timeline: everything that happened, in order, as the record stands; the history
of any corrected entry; corrections by amendment; and the vital-signs chart.

Nothing is ever overwritten: "Correct…" adds an amendment (what, who, why) and the entry shows
its corrected value, marked, with the original and every correction listed beneath.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.journey import EventKind, JourneyError
from kapdesk.core.observations import SCALES, amendment_data
from kapdesk.core.timefmt import clock_text
from kapdesk.core.timeline import Entry, timeline
from kapdesk.core.vitals import FIELDS, LABELS, Reading, flags, parse_reading
from kapdesk.ui import theme
from kapdesk.ui.vitals_chart import VitalsChart
from kapdesk.ui.widgets import ActionButton, fill_table, fit_columns_on_fill, label

if TYPE_CHECKING:
    from kapdesk.storage.journeys import OpenJourney

CORRECTABLE = (EventKind.NOTE, EventKind.VITALS, EventKind.RATING)


class AmendDialog(QDialog):
    """What the corrected entry should say, and why; who corrects it."""

    def __init__(self, entry: Entry, by: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Correct an entry")
        self.entry = entry
        self.changes: dict[str, Any] | None = None
        outer = QVBoxLayout(self)
        outer.addWidget(label("Correct an entry", "title"))
        outer.addWidget(label(f"Now: {entry.text}", "muted"))
        form = QFormLayout()
        self.text = QLineEdit(str(entry.data.get("text") or ""))
        self.value = QComboBox()
        self.vitals: dict[str, QLineEdit] = {}
        if entry.kind is EventKind.NOTE:
            form.addRow("Note", self.text)
        elif entry.kind is EventKind.RATING:
            scale = SCALES[str(entry.data.get("scale"))]
            for value, words in scale.choices:
                self.value.addItem(
                    f"{value}  {words}" if words != str(value) else str(value), value
                )
                if value == entry.data.get("value"):
                    self.value.setCurrentIndex(self.value.count() - 1)
            form.addRow(scale.name, self.value)
        else:
            values = Reading.from_values(entry.data.get("values") or {}).values()
            for name in FIELDS:
                field = QLineEdit(f"{values[name]:g}" if name in values else "")
                self.vitals[name] = field
                form.addRow(LABELS[name], field)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. typed 170 for 70")
        form.addRow("Why", self.reason)
        self.by = QLineEdit(by)
        form.addRow("Corrected by", self.by)
        outer.addLayout(form)
        self.problems = label("", "error")
        self.problems.hide()
        outer.addWidget(self.problems)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(ActionButton("Cancel", "Esc", self.reject, self))
        buttons.addWidget(
            ActionButton("Save correction", "Ctrl+S", self.submit, self, primary=True)
        )
        outer.addLayout(buttons)

    def submit(self) -> None:
        if not self.reason.text().strip():
            self._say("Say why the entry is being corrected.")
            return
        if self.entry.kind is EventKind.NOTE:
            if not self.text.text().strip():
                self._say("A note cannot be corrected to nothing; say so in the reason instead.")
                return
            self.changes = {"text": self.text.text().strip()}
        elif self.entry.kind is EventKind.RATING:
            value = int(self.value.currentData())
            scale = SCALES[str(self.entry.data.get("scale"))]
            self.changes = {"value": value, "words": scale.words(value)}
        else:
            checked = parse_reading({n: f.text() for n, f in self.vitals.items()})
            if not checked.ok:
                self._say("\n".join(checked.errors))
                return
            self.changes = {"values": checked.reading.values()}
        self.accept()

    def _say(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()


class TimelineView(QWidget):
    """The timeline page of one session."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: OpenJourney | None = None
        self.entries: list[Entry] = []
        self.amend_dialog: AmendDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 18, 32, 18)
        header = QHBoxLayout()
        self.title = label("", "title")
        header.addWidget(self.title, 1)
        header.addWidget(ActionButton("Back", "Esc", self.back_requested.emit, self))
        outer.addLayout(header)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 8, 0, 0)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Time", "Journey", "Phase", "What", "By"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        fit_columns_on_fill(self.table, (0, 1, 2, 4))
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_args: self._show_history())
        column.addWidget(self.table, 1)
        self.history = label("", "muted")
        column.addWidget(self.history)
        row = QHBoxLayout()
        row.addStretch()
        self.amend_button = ActionButton("Correct…", "Ctrl+R", self.request_amend, self)
        row.addWidget(self.amend_button)
        column.addLayout(row)
        self.tabs.addTab(page, "Timeline")
        self.chart = VitalsChart()
        self.tabs.addTab(self.chart, "Vital signs chart")

    def show_session(self, current: OpenJourney) -> None:
        self.current = current
        self.title.setText(f"Timeline · session {current.session_id} · {current.patient_code}")
        self.refresh()

    def refresh(self) -> None:
        if self.current is None:
            return
        journey = self.current.journey
        self.entries = timeline(journey.events)
        phases = journey.protocol.phases
        rows = []
        for entry in self.entries:
            phase = phases[entry.phase_index].name if entry.phase_index is not None else ""
            rows.append(
                (
                    entry.wall.astimezone().strftime("%H:%M:%S"),
                    clock_text(entry.elapsed) if entry.elapsed is not None else "",
                    phase,
                    entry.text + ("   (corrected)" if entry.amended else ""),
                    entry.by,
                )
            )
        problem = QColor(theme.PROBLEM)

        def mark_flagged(row: int, item: QTableWidgetItem) -> None:
            if self.entries[row].flags:
                item.setForeground(problem)

        fill_table(self.table, rows, mark_flagged)
        self.chart.show_session(journey)
        self._show_history()

    def selected(self) -> Entry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_history(self) -> None:
        entry = self.selected()
        self.amend_button.setEnabled(entry is not None and entry.kind in CORRECTABLE)
        if entry is None or not entry.amended:
            self.history.setText("Pick an entry to see its history or to correct it.")
            return
        lines = []
        for n, version in enumerate(entry.versions):
            when = version.wall.astimezone().strftime("%d %b %H:%M")
            who = f" by {version.by}" if version.by else ""
            if n == 0:
                lines.append(f"Original ({when}{who}): {version.text}")
            else:
                lines.append(f"Corrected {when}{who}, because “{version.reason}”: {version.text}")
        self.history.setText("\n".join(lines))

    def request_amend(self) -> None:
        entry = self.selected()
        if self.current is None or entry is None or entry.kind not in CORRECTABLE:
            return
        dialog = AmendDialog(entry, self.current.sitter, self)
        dialog.accepted.connect(lambda: self._amend(dialog))
        self.amend_dialog = dialog
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
            self.history.setText(str(exc).capitalize() + ".")
            return
        seq = dialog.entry.seq
        self.refresh()
        for row, entry in enumerate(self.entries):
            if entry.seq == seq:
                self.table.selectRow(row)
