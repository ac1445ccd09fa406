"""Follow-ups: every integration item not done yet, across sessions, the soonest due first.
Where staff come back to the plans: Enter opens the session's plan."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.integration import ItemKind, Window
from kapdesk.ui import formats
from kapdesk.ui.formats import Day
from kapdesk.ui.widgets import ActionButton, fill_table, fit_columns_on_fill, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from kapdesk.storage.integration import OpenItem
    from kapdesk.ui.storage_ops import StorageOps

COLUMNS = ("Due", "Patient", "Item", "Assigned to", "Session")


class FollowUpsView(QWidget):
    """Open integration items; a follow-up past its last day shows so."""

    plan_requested = Signal(int)  # session id
    back_requested = Signal()

    def __init__(self, ops: StorageOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.items: list[OpenItem] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 24, 36, 24)
        outer.setSpacing(10)
        header = QHBoxLayout()
        header.addWidget(label("Follow-ups not done yet", "title"), 1)
        self.back_button = ActionButton("Back", "Esc", self.back_requested.emit, self)
        header.addWidget(self.back_button)
        outer.addLayout(header)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        fit_columns_on_fill(self.table, (0, 1, 3, 4))
        heads = self.table.horizontalHeader()
        heads.setStretchLastSection(False)
        heads.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda _row, _col: self.open_selected())
        outer.addWidget(self.table, 1)
        # Says, quietly, that the items are on their way, or why they could not be read.
        self.status = label("", "muted")
        self.status.setWordWrap(True)
        self.status.hide()
        outer.addWidget(self.status)
        self.empty = label("Nothing is waiting: every plan is done.", "muted")
        self.empty.hide()
        outer.addWidget(self.empty)
        actions = QHBoxLayout()
        actions.addStretch()
        self.open_button = ActionButton(
            "Open the plan", "Ctrl+O", self.open_selected, self, primary=True
        )
        actions.addWidget(self.open_button)
        outer.addLayout(actions)

    def load(self, find: Callable[[], list[OpenItem]], today: date) -> None:
        """Read the open items off the window's thread; the table fills when they come."""
        self.table.setFocus()
        self.ops.run(
            lambda: [i for i in find() if i.state.kind is not ItemKind.PROMPTS],
            lambda items: self._show(items, today),
            failed=self._could_not_load,
            loading=self._loading,
            what="Follow-ups",
        )

    def _loading(self, waiting: bool) -> None:
        if waiting:
            self.status.setText("Loading follow-ups…")
        self.status.setVisible(waiting)

    def _could_not_load(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _show(self, items: list[OpenItem], today: date) -> None:
        self.items = items
        self.status.hide()
        rows = []
        for item in self.items:
            state = item.state
            if state.booked_on is not None:
                due = f"booked {formats.day(state.booked_on, Day.WEEKDAY_DAY_MONTH)}"
            elif state.due_from is not None and state.due_by is not None:
                due = Window(state.due_from, state.due_by).text()
                if state.due_by < today:
                    due += " (past)"
            else:
                due = "any time"
            closed = item.session_closed_at
            session = f"#{state.session_id}" + (
                f" · {formats.day(closed, Day.DAY_MONTH)}" if closed is not None else ""
            )
            rows.append([due, item.patient_code, state.text, state.assigned_to, session])
        fill_table(self.table, rows)
        self.empty.setVisible(not self.items)
        if self.items:
            self.table.selectRow(0)
        self.table.setFocus()

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            self.plan_requested.emit(self.items[row].state.session_id)
