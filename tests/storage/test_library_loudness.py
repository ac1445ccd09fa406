"""Each library track's loudness, measured once: kept while its file is the same, measured
again when it changes, and carried into the soundtracks the player gets."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from kapdesk.core.clock import FakeClock
from kapdesk.core.loudness import Loudness, LoudnessSource
from kapdesk.core.soundtrack import Bed, bed_json
from kapdesk.storage.db import (
    MIGRATIONS_DIR,
    Storage,
    current_revision,
    make_engine,
    upgrade,
)
from kapdesk.storage.library import ScannedTrack, SoundLibrary
from kapdesk.storage.schema_revision import SCHEMA_HEAD

LOUD = Loudness(-9.5, -0.4, 6.1)
QUIET = Loudness(-31.0, -12.0, None, LoudnessSource.TAG)


def _file(folder: Path, name: str, data: bytes = b"RIFF....") -> Path:
    path = folder / f"{name}.wav"
    path.write_bytes(data)
    return path


def _scanned(path: Path, problem: str | None = None) -> ScannedTrack:
    facts = path.stat()
    return ScannedTrack(
        str(path), path.stem, "", 60.0, "wav", problem, facts.st_size, facts.st_mtime
    )


def _measured(library: SoundLibrary, track_id: int, path: Path, result: Loudness | str) -> None:
    facts = path.stat()
    library.set_loudness(track_id, result, facts.st_size, facts.st_mtime)


@pytest.fixture
def library(storage: Storage, clock: FakeClock) -> SoundLibrary:
    return SoundLibrary(storage, clock)


def test_new_tracks_are_to_be_measured_and_kept_once_measured(
    library: SoundLibrary, tmp_path: Path
) -> None:
    dawn, dusk, broken = (_file(tmp_path, n) for n in ("dawn", "dusk", "broken"))
    ids = library.add([_scanned(dawn), _scanned(dusk), _scanned(broken, problem="damaged")])
    assert library.to_measure() == [(ids[0], str(dawn)), (ids[1], str(dusk))]
    _measured(library, ids[0], dawn, LOUD)
    _measured(library, ids[1], dusk, "not a sound file")
    assert library.to_measure() == []
    items = {item.title: item for item in library.items()}
    assert items["dawn"].loudness == LOUD
    assert items["dawn"].loudness_problem is None
    assert items["dawn"].as_track().loudness == LOUD
    assert items["dusk"].loudness is None
    assert items["dusk"].loudness_problem == "not a sound file"


def test_a_tag_source_and_an_unknown_range_come_back_as_kept(
    library: SoundLibrary, tmp_path: Path
) -> None:
    path = _file(tmp_path, "old")
    (track_id,) = library.add([_scanned(path)])
    _measured(library, track_id, path, QUIET)
    (item,) = library.items()
    assert item.loudness == QUIET


def test_a_changed_file_is_measured_again(library: SoundLibrary, tmp_path: Path) -> None:
    path = _file(tmp_path, "dawn")
    (track_id,) = library.add([_scanned(path)])
    _measured(library, track_id, path, LOUD)
    path.write_bytes(b"RIFF and a good deal more")
    assert library.to_measure() == [(track_id, str(path))]
    (item,) = library.items()
    assert item.loudness == LOUD  # still shown until measured again


def test_a_rescan_keeps_the_loudness_of_the_same_file_only(
    library: SoundLibrary, tmp_path: Path
) -> None:
    same, touched = _file(tmp_path, "same"), _file(tmp_path, "touched")
    ids = library.add([_scanned(same), _scanned(touched)])
    for track_id, path in zip(ids, (same, touched), strict=True):
        _measured(library, track_id, path, LOUD)
    later = touched.stat().st_mtime + 60
    os.utime(touched, (later, later))
    library.add([_scanned(same), _scanned(touched)])
    items = {item.title: item for item in library.items()}
    assert items["same"].loudness == LOUD
    assert items["touched"].loudness is None
    assert library.to_measure() == [(ids[1], str(touched))]


def test_a_rescan_without_file_facts_forgets_the_loudness(
    library: SoundLibrary, tmp_path: Path
) -> None:
    path = _file(tmp_path, "dawn")
    (track_id,) = library.add([_scanned(path)])
    _measured(library, track_id, path, "too short")
    library.add([ScannedTrack(str(path), "dawn", "", 60.0, "wav", None)])
    (item,) = library.items()
    assert (item.loudness, item.loudness_problem) == (None, None)
    assert library.to_measure() == [(track_id, str(path))]


def test_a_removed_track_is_skipped_when_its_loudness_arrives(library: SoundLibrary) -> None:
    library.set_loudness(4242, LOUD, 10, 1.0)
    assert library.items() == []


def test_soundtracks_give_the_player_measured_tracks_and_beds(
    library: SoundLibrary, tmp_path: Path
) -> None:
    path = _file(tmp_path, "calm")
    (track_id,) = library.add([_scanned(path)])
    _measured(library, track_id, path, LOUD)
    playlist = library.create_playlist("Deep", [track_id])
    rain = Bed("/sounds/rain.ogg", "Soft rain", Loudness(-19.8, -7.8, 3.4))
    library.save_soundtrack("Evening", {"bed": bed_json(rain), "default": playlist})
    (soundtrack,) = library.soundtracks()
    assert soundtrack.bed == rain
    assert soundtrack.default is not None
    assert [t.loudness for t in soundtrack.default.tracks] == [LOUD]
    assert bed_json(Bed("/b.ogg", "Bed")) == {"path": "/b.ogg", "title": "Bed"}


def test_the_migration_from_0011_keeps_existing_tracks(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'records.db'}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0011")
        conn.execute(
            text(
                "INSERT INTO library_tracks (path, title, artist, duration_s, format, problem,"
                " added_at, scanned_at) VALUES ('/m/a.ogg', 'A', 'B', 61.5, 'ogg', NULL,"
                " :at, :at)"
            ),
            {"at": datetime(2026, 3, 14, tzinfo=UTC).isoformat()},
        )
    assert upgrade(engine) == "0011"
    assert current_revision(engine) == SCHEMA_HEAD  # 0012 and every migration after it
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT path, title, duration_s, loudness_lufs, loudness_problem,"
                " measured_size FROM library_tracks"
            )
        ).one()
    assert tuple(row) == ("/m/a.ogg", "A", 61.5, None, None, None)
    engine.dispose()
