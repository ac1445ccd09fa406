"""Past sessions, newest first, found by patient code.

The sessions are read off the window's thread (:class:`~kapdesk.ui.storage_ops.StorageOps`)
and shown through a model, so thousands of them fill the table without the window waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.journey import JourneyState
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui.summary_view import local_time
from kapdesk.ui.widgets import ActionButton, label
from kapdesk.ui.words import say, say_button, translated

if TYPE_CHECKING:  # the database layer loads after the window is up
    from kapdesk.storage.repositories import SessionSummary
    from kapdesk.ui.storage_ops import StorageOps

STATE_WORDS = {
    JourneyState.OPENED: QT_TRANSLATE_NOOP("HistoryView", "open, not dosed"),
    JourneyState.RUNNING: QT_TRANSLATE_NOOP("HistoryView", "open"),
    JourneyState.CLOSED: QT_TRANSLATE_NOOP("HistoryView", "closed"),
}
HEADERS = (
    "#",
    QT_TRANSLATE_NOOP("HistoryView", "Patient"),
    QT_TRANSLATE_NOOP("HistoryView", "Protocol"),
    QT_TRANSLATE_NOOP("HistoryView", "Started"),
    QT_TRANSLATE_NOOP("HistoryView", "State"),
)
PAST_SESSIONS = QT_TRANSLATE_NOOP("HistoryView", "Past sessions")
LOADING = QT_TRANSLATE_NOOP("HistoryView", "Loading past sessions…")
NO_SESSIONS = QT_TRANSLATE_NOOP("HistoryView", "No sessions yet.")
NO_MATCH = QT_TRANSLATE_NOOP("HistoryView", "No session matches that code.")
MEASURED_ROWS = 200  # the columns fit the first rows, not all of thousands
_ROOT = QModelIndex()


class SessionsModel(QAbstractTableModel):
    """The sessions shown, one a row; a cell's text is made only when it is on screen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SessionSummary] = []

    def set_rows(self, rows: list[SessionSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def said_again(self) -> None:
        """Every heading and cell asked for again (in the language now spoken)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.rows:
            last = self.index(len(self.rows) - 1, len(HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translated(HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        return None

    @staticmethod
    def text(row: SessionSummary, column: int) -> str:
        if column == 0:
            return str(row.id)
        if column == 1:
            return row.patient_code
        if column == 2:
            return row.protocol_name
        if column == 3:
            return local_time(row.dosed_at or row.opened_at)
        return translated(STATE_WORDS[row.state])


class HistoryView(QWidget):
    """A table of sessions; Enter or a double tap opens one."""

    session_chosen = Signal(int)
    back_requested = Signal()

    def __init__(self, ops: StorageOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._rows: list[SessionSummary] | None = None  # None until the first read came
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 24, 36, 24)
        outer.setSpacing(10)
        header = QHBoxLayout()
        title = label("", "title")
        say(title, PAST_SESSIONS)
        header.addWidget(title, 1)
        self.back_button = ActionButton("", "Esc", self.back_requested.emit, self)
        say_button(self.back_button, QT_TRANSLATE_NOOP("HistoryView", "Back"))
        header.addWidget(self.back_button)
        outer.addLayout(header)
        self.search = QLineEdit()
        say(
            self.search,
            QT_TRANSLATE_NOOP("HistoryView", "Find by patient code"),
            "setPlaceholderText",
        )
        self.search.textChanged.connect(self._apply_filter)
        self.search.returnPressed.connect(self.open_selected)
        outer.addWidget(self.search)
        self.model = SessionsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        heads = self.table.horizontalHeader()
        heads.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        heads.setResizeContentsPrecision(MEASURED_ROWS)
        heads.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        outer.addWidget(self.table, 1)
        # Says, quietly, that the sessions are on their way, or why they could not be read.
        self.status = label("", "muted")
        self.status.setWordWrap(True)
        self.status.hide()
        outer.addWidget(self.status)
        self.empty = label("", "muted")
        say(self.empty, NO_SESSIONS)
        self.empty.hide()
        outer.addWidget(self.empty)
        actions = QHBoxLayout()
        actions.addStretch()
        self.open_button = ActionButton("", "Ctrl+O", self.open_selected, self, primary=True)
        say_button(self.open_button, QT_TRANSLATE_NOOP("HistoryView", "Open"))
        actions.addWidget(self.open_button)
        outer.addLayout(actions)

    def changeEvent(self, event: QEvent) -> None:
        """The language changed: the table's headings and states are said again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.model.said_again()

    def load(self, read: Callable[[], list[SessionSummary]]) -> None:
        """Read the sessions off the window's thread; the table fills when they come (what it
        showed stays meanwhile, and the search stays usable)."""
        self.search.clear()
        self.search.setFocus()
        self.ops.run(
            read,
            self.show_rows,
            failed=self._could_not_load,
            loading=self._loading,
            what=PAST_SESSIONS,
        )

    def show_rows(self, rows: list[SessionSummary]) -> None:
        self._rows = rows
        self.status.hide()
        self._apply_filter(self.search.text())
        self.table.resizeColumnsToContents()

    def _loading(self, waiting: bool) -> None:
        if waiting:
            say(self.status, LOADING)
        self.status.setVisible(waiting)

    def _could_not_load(self, text: str) -> None:
        say(self.status, text)
        self.status.show()

    def _apply_filter(self, text: str) -> None:
        if self._rows is None:
            return
        needle = text.strip().lower()
        shown = [row for row in self._rows if needle in row.patient_code.lower()]
        self.model.set_rows(shown)
        if shown:
            self.table.selectRow(0)
        self.empty.setVisible(not shown)
        say(self.empty, NO_SESSIONS if not self._rows else NO_MATCH)

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.session_chosen.emit(int(rows[0].data(Qt.ItemDataRole.UserRole)))
