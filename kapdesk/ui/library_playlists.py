"""The library page's playlists: each listed with its length, the picked one's entries with
their total, and the changes made to them (added to, put in order, made, deleted)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QListWidgetItem

from kapdesk.core.timefmt import clock_text, minutes_text
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template
from kapdesk.storage.errors import StorageError
from kapdesk.storage.library import LibraryItem, PlaylistSummary
from kapdesk.ui.library_tracks import problem_said
from kapdesk.ui.words import say, translated, words_of

if TYPE_CHECKING:
    from kapdesk.ui.library_view import LibraryView

# Counts said whole, one template per number (Spanish and French have two forms, like English).
PLAYLIST = QT_TRANSLATE_NOOP(
    "LibraryView",
    "{name}   ·   %n track, {length}|{name}   ·   %n tracks, {length}",
)
ENTRY_PROBLEM = Template("LibraryView", "{line}   ({problem})")  # no words of its own
NO_PLAYLIST = QT_TRANSLATE_NOOP("LibraryView", "Make a playlist with New, or import one.")
TOTAL = QT_TRANSLATE_NOOP(
    "LibraryView",
    "%n track · {minutes} of playable music|%n tracks · {minutes} of playable music",
)
PICK_FILES = QT_TRANSLATE_NOOP(
    "LibraryView", "Pick the files to add in the list on the left first."
)
ID_ROLE = Qt.ItemDataRole.UserRole


def _say_problem(view: LibraryView, exc: BaseException) -> None:
    """What went wrong, in the store's words and the language spoken, as a sentence."""
    say(view.message, words_of(exc), shaped=lambda words: f"{words}.")


def show_playlists(
    view: LibraryView, summaries: Sequence[PlaylistSummary], current: int | None
) -> list[str]:
    """List ``summaries`` on ``view``, ``current`` picked (else the first); each line, in
    kapdesk's English words, to be said again when the language changes."""
    lines: list[str] = []
    view.playlists.blockSignals(True)
    view.playlists.clear()
    for summary in summaries:
        length = minutes_text(round(summary.seconds / 60))
        said = PLAYLIST.format(name=summary.name, count=summary.tracks, length=length)
        entry = QListWidgetItem(translated(said))
        entry.setData(ID_ROLE, summary.id)
        lines.append(said)
        view.playlists.addItem(entry)
        if summary.id == current:
            view.playlists.setCurrentItem(entry)
    if view.playlists.currentRow() < 0 and summaries:
        view.playlists.setCurrentRow(0)
    view.playlists.blockSignals(False)
    return lines


def show_entries(view: LibraryView, items: list[LibraryItem] | None) -> None:
    """The playlist shown's entries (``items``: read already), else read them now."""
    view.entries.clear()
    playlist = view.current_playlist()
    if playlist is None:
        say(view.playlist_total, NO_PLAYLIST)
        return
    if items is None:
        try:
            items = view.library.entries(playlist)
        except StorageError as exc:
            _say_problem(view, exc)
            return
    view.entry_lines = []
    for item in items:
        text = item.title if not item.artist else f"{item.artist} – {item.title}"
        if item.duration:
            text += f"   {clock_text(item.duration)}"
        line = (
            ENTRY_PROBLEM.format(line=text, problem=problem_said(item.problem))
            if item.problem
            else text
        )
        view.entry_lines.append(line)
        entry = QListWidgetItem(translated(line))
        entry.setData(ID_ROLE, item.id)
        view.entries.addItem(entry)
    seconds = sum(item.duration or 0 for item in items if item.problem is None)
    say(
        view.playlist_total,
        TOTAL.format(count=len(items), minutes=minutes_text(round(seconds / 60))),
    )


def entry_ids(view: LibraryView) -> list[int]:
    """The ids of the entries shown, in their order."""
    return [int(view.entries.item(r).data(ID_ROLE)) for r in range(view.entries.count())]


def save_entries(view: LibraryView, ids: list[int]) -> bool:
    """Make ``ids`` the current playlist's entries; whether they were saved."""
    playlist = view.current_playlist()
    if playlist is None:
        return False
    try:
        view.library.set_entries(playlist, ids)
    except StorageError as exc:
        _say_problem(view, exc)
        return False
    view.changed.emit()
    return True


def save_order(view: LibraryView) -> None:
    """Save the entries in the order shown (after one was dragged)."""
    if save_entries(view, entry_ids(view)):
        view.load()


def add_to_playlist(view: LibraryView) -> None:
    """Add the files picked in the table to the current playlist (else to a new one)."""
    rows = sorted({index.row() for index in view.table.selectionModel().selectedRows()})
    if not rows:
        say(view.message, PICK_FILES)
        return
    chosen = [view.table.tracks[row].id for row in rows]
    if view.current_playlist() is None:
        ask_name(view, lambda: _add_entries(view, chosen))
        return
    _add_entries(view, chosen)


def _add_entries(view: LibraryView, chosen: list[int]) -> None:
    if save_entries(view, entry_ids(view) + chosen):
        view.load()


def move_entry(view: LibraryView, step: int) -> None:
    """Move the entry picked ``step`` rows down (up when negative)."""
    row = view.entries.currentRow()
    ids = entry_ids(view)
    target = row + step
    if row < 0 or not 0 <= target < len(ids):
        return
    ids[row], ids[target] = ids[target], ids[row]
    if save_entries(view, ids):
        view.load()
        view.entries.setCurrentRow(target)


def remove_entry(view: LibraryView) -> None:
    """Take the entry picked out of the playlist."""
    row = view.entries.currentRow()
    if row < 0:
        return
    ids = entry_ids(view)
    del ids[row]
    if save_entries(view, ids):
        view.load()
        view.entries.setCurrentRow(min(row, len(ids) - 1))


def ask_name(view: LibraryView, then: Callable[[], None] | None = None) -> None:
    """Ask for a name; once it is given, make the playlist and do ``then``."""
    dialog = QInputDialog(view)
    dialog.setWindowTitle(translated(QT_TRANSLATE_NOOP("LibraryView", "New playlist")))
    dialog.setLabelText(translated(QT_TRANSLATE_NOOP("LibraryView", "Name of the playlist:")))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.textValueSelected.connect(lambda name: _create_playlist(view, name, then))
    view.name_dialog = dialog
    dialog.open()


def _create_playlist(view: LibraryView, name: str, then: Callable[[], None] | None) -> None:
    try:
        created = view.library.create_playlist(name)
    except StorageError as exc:
        _say_problem(view, exc)
        return
    view.load()
    select_playlist(view, created)
    view.changed.emit()
    if then is not None:
        then()


def select_playlist(view: LibraryView, playlist_id: int) -> None:
    """Make the playlist ``playlist_id`` the current one."""
    for row in range(view.playlists.count()):
        if view.playlists.item(row).data(ID_ROLE) == playlist_id:
            view.playlists.setCurrentRow(row)


def delete_playlist(view: LibraryView) -> None:
    """Delete the current playlist."""
    playlist = view.current_playlist()
    if playlist is None:
        return
    try:
        view.library.delete_playlist(playlist)
    except StorageError as exc:
        _say_problem(view, exc)
        return
    view.load()
    view.changed.emit()
