"""Playlists imported from and exported to files (M3U, PLS, XSPF) on the library page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kapdesk.audio.probe import probe
from kapdesk.core.playlist_files import read_playlist
from kapdesk.core.playlist_writing import write_playlist
from kapdesk.core.playlists import PlaylistEntry, PlaylistError
from kapdesk.core.soundtrack import Track
from kapdesk.core.wording import counted
from kapdesk.storage.errors import StorageError
from kapdesk.storage.library import ScannedTrack, SoundLibrary
from kapdesk.ui.library_scan import file_facts

if TYPE_CHECKING:
    from kapdesk.ui.library_view import LibraryView


def import_playlist_file(view: LibraryView, path: Path) -> None:
    """Read a playlist file into a new playlist of ``view``'s library; entries not found are
    listed as missing."""
    try:
        playlist = read_playlist(path)
    except PlaylistError as exc:
        view.message.setText(f"{path.name}: {exc}")
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
                    entry.problem or "not found",
                )
            )
    try:
        ids = view.library.add(scanned)
        created = view.library.create_playlist(_free_name(path.stem, view.library), ids)
    except StorageError as exc:
        view.message.setText(f"{exc}.")
        return
    missing = sum(1 for item in scanned if item.problem)
    view.load()
    view._select_playlist(created)
    view.message.setText(
        f"Imported {counted(len(ids), 'entry', 'entries')} from {path.name}"
        + (f"; {missing} cannot be played (marked in the list)." if missing else ".")
    )
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
        view.message.setText(f"The playlist could not be exported: {exc}")
        return
    view.message.setText(f"Exported {counted(len(items), 'entry', 'entries')} to {target}.")


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
