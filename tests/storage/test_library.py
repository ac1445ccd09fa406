"""The sound library on disk: files by path, playlists in order, soundtracks resolved."""

from __future__ import annotations

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.core.soundtrack import Switch
from kapdesk.storage.db import Storage
from kapdesk.storage.errors import StorageError
from kapdesk.storage.library import ScannedTrack, SoundLibrary


def _scan(name: str, minutes: float | None = 5, problem: str | None = None) -> ScannedTrack:
    duration = minutes * 60 if minutes else None
    return ScannedTrack(f"/music/{name}.ogg", name.title(), "Ensemble", duration, "ogg", problem)


@pytest.fixture
def library(storage: Storage, clock: FakeClock) -> SoundLibrary:
    return SoundLibrary(storage, clock)


def test_files_are_added_once_by_path_and_refreshed(library: SoundLibrary) -> None:
    first = library.add([_scan("dawn"), _scan("dusk")])
    again = library.add([_scan("dawn", minutes=6)])
    assert again == first[:1]
    items = {item.title: item for item in library.items()}
    assert set(items) == {"Dawn", "Dusk"}
    assert items["Dawn"].duration == 360


def test_playlists_keep_their_order_and_sum_their_length(library: SoundLibrary) -> None:
    a, b, c = library.add([_scan("a", 3), _scan("b", 4), _scan("c", None)])
    playlist = library.create_playlist("  Peak   music ", [a, b])
    library.set_entries(playlist, [c, b, a])
    assert [item.title for item in library.entries(playlist)] == ["C", "B", "A"]
    (summary,) = library.playlists()
    assert (summary.name, summary.tracks, summary.seconds) == ("Peak music", 3, 420.0)
    with pytest.raises(StorageError, match="already a playlist called"):
        library.create_playlist("Peak music")
    with pytest.raises(StorageError, match="needs a name"):
        library.create_playlist("   ")
    library.delete_playlist(playlist)
    assert library.playlists() == []


def test_soundtracks_resolve_playlists_now_and_leave_out_unplayable_files(
    library: SoundLibrary,
) -> None:
    good, broken = library.add([_scan("calm", 10), _scan("bad", 2, problem="damaged")])
    deep = library.create_playlist("Deep", [good, broken])
    library.save_soundtrack(
        "Evening",
        {
            "bed": {"path": "/sounds/rain.ogg", "title": "Soft rain"},
            "phases": {"Peak": deep, "Gone": 999},
            "default": None,
            "switch": "end_of_track",
        },
    )
    (soundtrack,) = library.soundtracks()
    assert soundtrack.name == "Evening"
    assert soundtrack.switch is Switch.END_OF_TRACK
    peak = soundtrack.playlist_for("peak")
    assert peak is not None
    assert [t.title for t in peak.tracks] == ["Calm"]
    assert soundtrack.playlist_for("Gone") is None
    assert soundtrack.bed is not None
    assert soundtrack.bed.title == "Soft rain"
    library.save_soundtrack("Evening", {"bed": None})
    assert library.soundtracks()[0].bed is None
    library.delete_soundtrack("Evening")
    assert library.soundtracks() == []
