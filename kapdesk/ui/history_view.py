"""Past sessions, newest first, found by patient code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.journey import JourneyState
from kapdesk.ui.summary_view import local_time
from kapdesk.ui.widgets import ActionButton, fill_table, fit_columns_on_fill, label

if TYPE_CHECKING:  # the database layer loads after the window is up
    from kapdesk.storage.repositories import SessionSummary

STATE_WORDS = {
    JourneyState.OPENED: "open, not dosed",
    JourneyState.RUNNING: "open",
    JourneyState.CLOSED: "closed",
}


class HistoryView(QWidget):
    """A table of sessions; Enter or a double tap opens one."""

    session_chosen = Signal(int)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionSummary] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 24, 36, 24)
        outer.setSpacing(10)
        header = QHBoxLayout()
        header.addWidget(label("Past sessions", "title"), 1)
        self.back_button = ActionButton("Back", "Esc", self.back_requested.emit, self)
        header.addWidget(self.back_button)
        outer.addLayout(header)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find by patient code")
        self.search.textChanged.connect(self._apply_filter)
        self.search.returnPressed.connect(self.open_selected)
        outer.addWidget(self.search)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(["#", "Patient", "Protocol", "Started", "State"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        fit_columns_on_fill(self.table, range(4))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda _row, _col: self.open_selected())
        outer.addWidget(self.table, 1)
        self.empty = label("No sessions yet.", "muted")
        outer.addWidget(self.empty)
        actions = QHBoxLayout()
        actions.addStretch()
        self.open_button = ActionButton("Open", "Ctrl+O", self.open_selected, self, primary=True)
        actions.addWidget(self.open_button)
        outer.addLayout(actions)

    def load(self, rows: list[SessionSummary]) -> None:
        self._rows = rows
        self.search.clear()
        self._apply_filter("")
        self.search.setFocus()

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        shown = [row for row in self._rows if needle in row.patient_code.lower()]
        fill_table(
            self.table,
            [
                [
                    str(row.id),
                    row.patient_code,
                    row.protocol_name,
                    local_time(row.dosed_at or row.opened_at),
                    STATE_WORDS[row.state],
                ]
                for row in shown
            ],
            lambda r, item: item.setData(Qt.ItemDataRole.UserRole, shown[r].id),
        )
        if shown:
            self.table.selectRow(0)
        self.empty.setVisible(not shown)
        self.empty.setText(
            "No sessions yet." if not self._rows else "No session matches that code."
        )

    def open_selected(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.session_chosen.emit(int(items[0].data(Qt.ItemDataRole.UserRole)))
