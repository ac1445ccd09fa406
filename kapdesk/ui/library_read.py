"""What the library page shows, read in one go (off the window's thread when the page opens)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kapdesk.storage.library import LibraryItem, PlaylistSummary, SoundLibrary


@dataclass(frozen=True)
class LibraryRead:
    """The tracks, the playlists (with the entries of the one to show) and the soundtracks."""

    items: list[LibraryItem]
    playlists: list[PlaylistSummary]
    shown: int | None  # the playlist to select: the one shown before if it is still there
    entries: list[LibraryItem]
    plans: dict[str, dict[str, Any]]


def read_library(library: SoundLibrary, current: int | None) -> LibraryRead:
    """Read the library; ``current`` is the playlist on screen now, if any."""
    items = library.items()
    playlists = library.playlists()
    ids = [summary.id for summary in playlists]
    shown = current if current in ids else (ids[0] if ids else None)
    entries = library.entries(shown) if shown is not None else []
    return LibraryRead(items, playlists, shown, entries, library.plans())
