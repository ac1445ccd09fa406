"""Playlists imported from and exported to files (M3U, PLS, XSPF) on the library page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from kapdesk.audio.probe import probe
from kapdesk.core.playlist_files import read_playlist
from kapdesk.core.playlist_writing import write_playlist
from kapdesk.core.playlists import NOT_FOUND, PlaylistEntry, PlaylistError
from kapdesk.core.soundtrack import Track
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.errors import StorageError
from kapdesk.storage.library import ScannedTrack, SoundLibrary
from kapdesk.ui.library_playlists import select_playlist
from kapdesk.ui.library_scan import file_facts
from kapdesk.ui.words import say, translated, words_of

if TYPE_CHECKING:
    from kapdesk.ui.library_view import LibraryView

PLAYLIST_FILTER = QT_TRANSLATE_NOOP("LibraryView", "Playlists (*.m3u *.m3u8 *.pls *.xspf)")
PICK_EXPORT = QT_TRANSLATE_NOOP("LibraryView", "Pick the playlist to export first.")
# Counts are counted words: each language says one and many in its own forms.
IMPORTED = QT_TRANSLATE_NOOP(
    "LibraryFiles",
    "Imported %n entry from {file}.|Imported %n entries from {file}.",
)
IMPORTED_MISSING = QT_TRANSLATE_NOOP(
    "LibraryFiles",
    "Imported %n entry from {file}; {missing} cannot be played (marked in the list).|"
    "Imported %n entries from {file}; {missing} cannot be played (marked in the list).",
)
NOT_EXPORTED = QT_TRANSLATE_NOOP("LibraryFiles", "The playlist could not be exported: {problem}")
EXPORTED = QT_TRANSLATE_NOOP(
    "LibraryFiles",
    "Exported %n entry to {target}.|Exported %n entries to {target}.",
)


def ask_import(view: LibraryView) -> None:
    """Ask for a playlist file to import into ``view``'s library."""
    dialog = view._file_dialog(
        QT_TRANSLATE_NOOP("LibraryView", "Import a playlist"),
        Path.home(),
        translated(PLAYLIST_FILTER),
    )
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.fileSelected.connect(lambda name: view.import_from(Path(name)))
    dialog.open()


def ask_export(view: LibraryView) -> None:
    """Ask where to write ``view``'s current playlist (M3U, PLS or XSPF by the name's suffix)."""
    if view.current_playlist() is None:
        say(view.message, PICK_EXPORT)
        return
    dialog = view._file_dialog(
        QT_TRANSLATE_NOOP("LibraryView", "Export the playlist"),
        Path.home() / "playlist.m3u8",
        translated(PLAYLIST_FILTER),
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("m3u8")
    dialog.fileSelected.connect(lambda name: view.export_to(Path(name)))
    dialog.open()


def import_playlist_file(view: LibraryView, path: Path) -> None:
    """Read a playlist file into a new playlist of ``view``'s library; entries not found are
    listed as missing."""
    try:
        playlist = read_playlist(path)
    except PlaylistError as exc:
        say(view.message, words_of(exc), shaped=lambda words: f"{path.name}: {words}")
        return
    scanned = []
    for entry in playlist.entries:
        if entry.path is not None and entry.problem is None:
            facts = file_facts(entry.path)
            result = probe(entry.path)
            scanned.append(
                ScannedTrack(
                    str(entry.path),
                    result.title or entry.title or entry.path.stem,
                    result.artist or entry.artist,
                    result.duration or entry.duration,
                    result.format,
                    None if result.playable else result.reason,
                    *facts,
                )
            )
        else:
            where = str(entry.path) if entry.path is not None else entry.location
            scanned.append(
                ScannedTrack(
                    where,
                    entry.title or Path(where).stem,
                    entry.artist,
                    entry.duration,
                    "",
                    entry.problem or NOT_FOUND,
                )
            )
    try:
        ids = view.library.add(scanned)
        created = view.library.create_playlist(_free_name(path.stem, view.library), ids)
    except StorageError as exc:
        say(view.message, words_of(exc), shaped=lambda words: f"{words}.")
        return
    missing = sum(1 for item in scanned if item.problem)
    view.load()
    select_playlist(view, created)
    count = len(ids)
    if missing:
        imported = IMPORTED_MISSING.format(count=count, file=path.name, missing=missing)
    else:
        imported = IMPORTED.format(count=count, file=path.name)
    say(view.message, imported)
    view.changed.emit()
    view.measurer.start()  # the new files' loudness


def export_playlist_file(view: LibraryView, target: Path) -> None:
    """Write ``view``'s current playlist to ``target``."""
    playlist = view.current_playlist()
    if playlist is None:
        return
    try:
        items = view.library.entries(playlist)
        title = next(s.name for s in view.library.playlists() if s.id == playlist)
        write_playlist(
            [_as_entry(item.as_track()) for item in items],
            target,
            title=title,
            kept=view.kept,
            force=True,  # the save dialog asked before replacing a file
        )
    except (StorageError, PlaylistError, OSError) as exc:
        say(
            view.message,
            words_of(exc),
            shaped=lambda words: translated(NOT_EXPORTED).format(problem=words),
        )
        return
    say(view.message, EXPORTED.format(count=len(items), target=target))


def _as_entry(track: Track) -> PlaylistEntry:
    return PlaylistEntry(
        location=track.path,
        path=Path(track.path),
        title=track.title,
        artist=track.artist,
        duration=track.duration,
        line=0,
        problem=None,
    )


def _free_name(stem: str, library: SoundLibrary) -> str:
    taken = {summary.name for summary in library.playlists()}
    name, n = stem, 2
    while name in taken:
        name, n = f"{stem} ({n})", n + 1
    return name
