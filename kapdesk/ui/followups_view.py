"""Follow-ups: every integration item not done yet, across sessions, the soonest due first.
Where staff come back to the plans: Enter opens the session's plan."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.integration import ItemKind, Window
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui import formats
from kapdesk.ui.formats import Day
from kapdesk.ui.widgets import ActionButton, fill_table, fit_columns_on_fill, label
from kapdesk.ui.words import say, say_button, translated

if TYPE_CHECKING:
    from collections.abc import Callable

    from kapdesk.storage.integration import OpenItem
    from kapdesk.ui.storage_ops import StorageOps

COLUMNS = (
    QT_TRANSLATE_NOOP("FollowUpsView", "Due"),
    QT_TRANSLATE_NOOP("FollowUpsView", "Patient"),
    QT_TRANSLATE_NOOP("FollowUpsView", "Item"),
    QT_TRANSLATE_NOOP("FollowUpsView", "Assigned to"),
    QT_TRANSLATE_NOOP("FollowUpsView", "Session"),
)
FOLLOW_UPS = QT_TRANSLATE_NOOP("FollowUpsView", "Follow-ups")  # what could not be loaded
LOADING = QT_TRANSLATE_NOOP("FollowUpsView", "Loading follow-ups…")
BOOKED = QT_TRANSLATE_NOOP("FollowUpsView", "booked {day}")
PAST = QT_TRANSLATE_NOOP("FollowUpsView", "{window} (past)")
ANY_TIME = QT_TRANSLATE_NOOP("FollowUpsView", "any time")


class FollowUpsView(QWidget):
    """Open integration items; a follow-up past its last day shows so."""

    plan_requested = Signal(int)  # session id
    back_requested = Signal()

    def __init__(self, ops: StorageOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.items: list[OpenItem] = []
        self._today: date | None = None  # the day the items were shown for
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 24, 36, 24)
        outer.setSpacing(10)
        header = QHBoxLayout()
        title = label("", "title")
        say(title, QT_TRANSLATE_NOOP("FollowUpsView", "Follow-ups not done yet"))
        header.addWidget(title, 1)
        self.back_button = ActionButton("", "Esc", self.back_requested.emit, self)
        say_button(self.back_button, QT_TRANSLATE_NOOP("FollowUpsView", "Back"))
        header.addWidget(self.back_button)
        outer.addLayout(header)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self._say_heads()
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
        self.empty = label("", "muted")
        say(
            self.empty,
            QT_TRANSLATE_NOOP("FollowUpsView", "Nothing is waiting: every plan is done."),
        )
        self.empty.hide()
        outer.addWidget(self.empty)
        actions = QHBoxLayout()
        actions.addStretch()
        self.open_button = ActionButton("", "Ctrl+O", self.open_selected, self, primary=True)
        say_button(self.open_button, QT_TRANSLATE_NOOP("FollowUpsView", "Open the plan"))
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
            what=FOLLOW_UPS,
        )

    def _loading(self, waiting: bool) -> None:
        if waiting:
            say(self.status, LOADING)
        self.status.setVisible(waiting)

    def _could_not_load(self, text: str) -> None:
        say(self.status, text)
        self.status.show()

    def changeEvent(self, event: QEvent) -> None:
        """The language changed: the table's words are said again, the row picked kept."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self._today is not None:
            row = self.table.currentRow()
            self._show(self.items, self._today)
            if 0 <= row < len(self.items):
                self.table.selectRow(row)

    def _show(self, items: list[OpenItem], today: date) -> None:
        self.items = items
        self._today = today
        self.status.hide()
        self._say_heads()
        rows = []
        for item in self.items:
            state = item.state
            due: str
            if state.booked_on is not None:
                due = BOOKED.format(day=formats.day(state.booked_on, Day.WEEKDAY_DAY_MONTH))
            elif state.due_from is not None and state.due_by is not None:
                due = Window(state.due_from, state.due_by).text()
                if state.due_by < today:
                    due = PAST.format(window=due)
            else:
                due = ANY_TIME
            closed = item.session_closed_at
            session = f"#{state.session_id}" + (
                f" · {formats.day(closed, Day.DAY_MONTH)}" if closed is not None else ""
            )
            rows.append(
                [translated(due), item.patient_code, state.text, state.assigned_to, session]
            )
        fill_table(self.table, rows)
        self.empty.setVisible(not self.items)
        if self.items:
            self.table.selectRow(0)
        self.table.setFocus()

    def _say_heads(self) -> None:
        """The columns' names, in the language spoken (said again each time the table fills)."""
        self.table.setHorizontalHeaderLabels([translated(column) for column in COLUMNS])

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            self.plan_requested.emit(self.items[row].state.session_id)
