"""A read-only table of text rows made ready off the window's thread.

A table widget makes an item for every cell on the window's thread: a session of thousands
of entries holds the window for a good part of a second. This model only answers for the cells
on screen, so showing any number of rows costs the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from kapdesk.ui.words import translated

_ROOT = QModelIndex()
FIT_SAMPLE_ROWS = 200  # columns are fitted to the rows a screen or two can show, not all


class TextRows(QAbstractTableModel):
    """Rows of text under column headings, replaced whole; kapdesk's words in them (and the
    headings) said in the language spoken."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Sequence[str]] = []

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        cell = self._rows[index.row()][index.column()]
        return translated(cell) if isinstance(cell, str) else str(cell)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translated(self._headers[section])
        return None


def text_rows_view(headers: Sequence[str], parent: QWidget | None = None) -> QTableView:
    """A table to read over :class:`TextRows`: headings, no editing, no selection, alternate
    rows, every column but the last fitted to its contents and the last one stretched. A plain
    Qt view (its corner button is Qt's own), filled with :func:`show_rows`."""
    view = QTableView(parent)
    view.setModel(TextRows(headers, view))
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setCornerButtonEnabled(False)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
    header.setStretchLastSection(True)
    for column in range(len(headers) - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    return view


def show_rows(view: QTableView, rows: Sequence[Sequence[str]]) -> None:
    """Put ``rows`` in a :func:`text_rows_view` and fit its columns to what a screen shows."""
    model = view.model()
    assert isinstance(model, TextRows)
    model.set_rows(rows)
    for column in range(model.columnCount() - 1):
        view.resizeColumnToContents(column)
