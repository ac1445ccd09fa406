"""The library's table of music files: title, artist, length, each track's loudness and the
gain kapdesk plays it at for the clinic's target, and whether it can be played.

A track too quiet for the target (kapdesk only ever lowers a track) is marked on its row, and
:meth:`TrackTable.notice` names such tracks for the line above the table, with how far short
each falls. Loudness measured in the background is filled in where it lands, without reading
the library again or losing the rows staff picked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from kapdesk.audio.measuring import measure_words
from kapdesk.audio.probe import reason_words
from kapdesk.core.loudness import DEFAULT_TARGET, Loudness, matching
from kapdesk.core.loudness_words import (
    gain_hint,
    gain_text,
    loudness_hint,
    loudness_text,
    quiet_notices,
)
from kapdesk.core.playlists import problem_words
from kapdesk.core.timefmt import clock_text
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.library import LibraryItem
from kapdesk.ui import theme
from kapdesk.ui.words import say, translated

ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = (
    QT_TRANSLATE_NOOP("TrackTable", "Title"),
    QT_TRANSLATE_NOOP("TrackTable", "Artist"),
    QT_TRANSLATE_NOOP("TrackTable", "Length"),
    QT_TRANSLATE_NOOP("TrackTable", "Loudness"),
    QT_TRANSLATE_NOOP("TrackTable", "Gain"),
    QT_TRANSLATE_NOOP("TrackTable", "Status"),
)
CANNOT_PLAY = QT_TRANSLATE_NOOP("TrackTable", "cannot play")
PLAYABLE = QT_TRANSLATE_NOOP("TrackTable", "ok")
TITLE, ARTIST, LENGTH, LOUDNESS, GAIN, STATUS = range(len(COLUMNS))
# The widest text each column is given room for, the roomiest first: the first set that
# leaves the title room for TITLE_ROOM is used. No artist or status: that column is hidden
# (the artist is in the title's tooltip; a file that cannot play says so in its loudness cell).
BANDS: tuple[dict[int, str], ...] = (
    {ARTIST: "Marconi Union Ensemble", LOUDNESS: "not measured yet",
     GAIN: "−3.0 dB, 4.0 LU short, peak", STATUS: "damaged: cannot be"},
    {ARTIST: "Marconi", LOUDNESS: "not measured", GAIN: "0 dB, 5.5 LU short",
     STATUS: "Status"},
    {ARTIST: "", LOUDNESS: "not measured", GAIN: "0 dB, 5.5 LU short", STATUS: "Status"},
    {ARTIST: "", LOUDNESS: "−31.5 LUFS", GAIN: "−18.1 dB, 5", STATUS: "Status"},
    {ARTIST: "", LOUDNESS: "−31.5 LUFS", GAIN: "−18.1 dB, 5", STATUS: ""},
)  # fmt: skip
TITLE_ROOM = "Spiegel im Spie"
CELL_PADDING = 20  # px either side of a cell's text, together


class TrackTable(QTableWidget):
    """The library's tracks, one a row, in the order :attr:`tracks` holds them."""

    def __init__(self, target: float = DEFAULT_TARGET) -> None:
        super().__init__(0, len(COLUMNS))
        self.target = target  # the clinic's target loudness, LUFS
        self.tracks: list[LibraryItem] = []
        self.setHorizontalHeaderLabels(list(COLUMNS))
        # Each column's name said through say(), so a change of language names it again.
        self._column_names = [_ColumnName(self, column) for column in range(len(COLUMNS))]
        for column_name, words in zip(self._column_names, COLUMNS, strict=True):
            say(column_name, words)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.setCornerButtonEnabled(False)  # no row headers: the corner is out of sight
        header = self.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ARTIST, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LENGTH, QHeaderView.ResizeMode.ResizeToContents)
        for column in (LOUDNESS, GAIN, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The title keeps room: on a narrow screen the artist is hidden (it is in the title's
        # tooltip) and the other columns are narrower (their whole text in tooltips).
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        room = (
            event.size().width()
            - self.verticalScrollBar().sizeHint().width()
            - header.sectionSize(LENGTH)
            - metrics.horizontalAdvance(TITLE_ROOM)
            - CELL_PADDING
        )
        for band in BANDS:
            widths = {
                column: metrics.horizontalAdvance(text) + CELL_PADDING if text else 0
                for column, text in band.items()
            }
            if sum(widths.values()) <= room:
                break
        for column in (ARTIST, STATUS):
            self.setColumnHidden(column, widths[column] == 0)
        for column, width in widths.items():
            if width:
                header.resizeSection(column, width)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        # The cells are items, not widgets say() keeps: shown again in the new language.
        if event.type() == QEvent.Type.LanguageChange:
            for row, item in enumerate(self.tracks):
                self._show_row(row, item)
        super().changeEvent(event)

    def show_items(self, items: Sequence[LibraryItem]) -> None:
        self.tracks = list(items)
        self.setRowCount(len(self.tracks))
        for row, item in enumerate(self.tracks):
            self._show_row(row, item)

    def show_loudness(self, results: Mapping[int, Loudness | str]) -> None:
        """Loudness just measured (by track id), filled in on the rows it belongs to."""
        for row, item in enumerate(self.tracks):
            if item.id in results:
                result = results[item.id]
                measured = result if isinstance(result, Loudness) else None
                problem = result if isinstance(result, str) else None
                self.tracks[row] = dataclasses.replace(
                    item, loudness=measured, loudness_problem=problem
                )
                self._show_row(row, self.tracks[row])

    def notice(self) -> str:
        """The line naming the tracks too quiet for the target (and any held by their peaks)."""
        return " ".join(self.notices())

    def notices(self) -> list[str]:
        """:meth:`notice`'s sentences, each whole, to be said in the language spoken."""
        return quiet_notices(
            [(item.title, item.loudness) for item in self.tracks if item.problem is None],
            self.target,
        )

    def _show_row(self, row: int, item: LibraryItem) -> None:
        playable = item.problem is None
        match = matching(item.loudness, self.target)
        cells = (
            item.title,
            item.artist,
            clock_text(item.duration) if item.duration else "?",
            translated(loudness_text(item.loudness, _measure_said(item.loudness_problem)))
            if playable
            else translated(CANNOT_PLAY),
            translated(gain_text(match)) if playable else "",
            translated(PLAYABLE) if playable else translated(problem_said(item.problem or "")),
        )
        marked = playable and (match.too_quiet or match.peak_limited)
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setToolTip(
                f"{item.artist} – {item.title}\n{item.path}" if column in (TITLE, ARTIST) else text
            )
            cell.setData(ID_ROLE, item.id)
            if marked:
                cell.setForeground(QBrush(QColor(theme.OVERRUN)))
            if column == GAIN and playable:
                cell.setToolTip(translated(gain_hint(match, self.target)))
            if column == LOUDNESS and item.loudness is not None:
                cell.setToolTip(translated(loudness_hint(item.loudness)))
            elif column == LOUDNESS and not playable:
                cell.setToolTip(translated(problem_said(item.problem or "")))
            self.setItem(row, column, cell)


def _measure_said(problem: str | None) -> str | None:
    return measure_words(problem) if problem else problem


def problem_said(problem: str) -> str:
    """Why a track cannot play, as the library kept it, in kapdesk's words where they are its
    own (a file's reason, a playlist entry's problem)."""
    said = reason_words(problem)
    return said if said is not problem else problem_words(problem)


class _ColumnName(QObject):
    """One column's name in the table's header, set as a label's text is (for say())."""

    def __init__(self, table: QTableWidget, column: int) -> None:
        super().__init__(table)
        self._table = table
        self._column = column

    def setText(self, words: str) -> None:
        header = self._table.horizontalHeaderItem(self._column)
        if header is not None:
            header.setText(words)
