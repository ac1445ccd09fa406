"""The clinic's sound library on disk: the files it added, its playlists, its soundtracks.

This is configuration, not clinical record: playlists are reordered and soundtracks edited
freely. A session never depends on it after it starts: it records the soundtrack it plays, as
it was, in its own events.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kapdesk.core.clock import Clock
from kapdesk.core.loudness import Loudness, LoudnessSource
from kapdesk.core.soundtrack import (
    Playlist,
    Soundtrack,
    Track,
    playlist_json,
    soundtrack_from_json,
)
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.db import Storage
from kapdesk.storage.errors import StorageError
from kapdesk.storage.failures import plainly
from kapdesk.storage.models import LibraryTrack, PlaylistEntry, PlaylistRow, SoundtrackRow


@dataclass(frozen=True)
class ScannedTrack:
    """What a scan found out about one file (see ``kapdesk.audio.probe``)."""

    path: str
    title: str
    artist: str
    duration: float | None
    format: str
    problem: str | None  # None: playable
    # The file's size and st_mtime when scanned: a loudness measured of the same file is kept.
    size: int | None = None
    mtime: float | None = None


@dataclass(frozen=True)
class LibraryItem:
    """A file in the library, as lists show it."""

    id: int
    path: str
    title: str
    artist: str
    duration: float | None
    problem: str | None
    loudness: Loudness | None = None  # None: not measured (yet, or it could not be)
    loudness_problem: str | None = None  # why it could not be measured

    def as_track(self) -> Track:
        return Track(self.path, self.title, self.artist, self.duration, self.loudness)


@dataclass(frozen=True)
class PlaylistSummary:
    id: int
    name: str
    tracks: int
    seconds: float


def _item(row: LibraryTrack) -> LibraryItem:
    return LibraryItem(
        row.id,
        row.path,
        row.title,
        row.artist,
        row.duration_s,
        row.problem,
        _loudness(row),
        row.loudness_problem,
    )


def _loudness(row: LibraryTrack) -> Loudness | None:
    if row.loudness_lufs is None or row.true_peak is None:
        return None
    try:
        source = LoudnessSource(row.loudness_source or LoudnessSource.MEASURED.value)
    except ValueError:
        source = LoudnessSource.MEASURED
    return Loudness(row.loudness_lufs, row.true_peak, row.loudness_range, source)


def _same_file(row: LibraryTrack, size: int | None, mtime: float | None) -> bool:
    """Whether a file of ``size`` and ``mtime`` is the one ``row`` was measured from."""
    return _same_facts(row.measured_size, row.measured_mtime, size, mtime)


def _same_facts(
    measured_size: int | None, measured_mtime: float | None, size: int | None, mtime: float | None
) -> bool:
    """Whether a file of ``size`` and ``mtime`` is the one measured at those measured facts."""
    return (
        size is not None
        and mtime is not None
        and measured_size == size
        and measured_mtime is not None
        and abs(measured_mtime - mtime) < MTIME_SLACK
    )


def _forget_loudness(row: LibraryTrack) -> None:
    row.loudness_lufs = row.loudness_range = row.true_peak = None
    row.loudness_source = row.loudness_problem = None
    row.measured_size = None
    row.measured_mtime = None


def file_facts(path: str) -> tuple[int, float] | None:
    """A file's size and st_mtime; None when it cannot be looked at."""
    try:
        facts = os.stat(path)
    except (OSError, ValueError):
        return None
    return facts.st_size, facts.st_mtime


# A database may keep a modification time to a little less than a float's precision.
MTIME_SLACK = 1e-3
_ALREADY = QT_TRANSLATE_NOOP("Storage", "There is already a playlist called “{name}”")


class SoundLibrary:
    """Reads and edits the sound library; each call is one unit of work.

    Database failures come out as :class:`StorageError` with a sentence for staff.
    """

    def __init__(self, storage: Storage, clock: Clock) -> None:
        self._factory = storage.factory
        self._clock = clock

    # -- files ----------------------------------------------------------------------------------

    def add(self, scanned: Iterable[ScannedTrack]) -> list[int]:
        """Add (or refresh, by path) scanned files; returns their ids in the order given."""
        now = self._clock.now()
        ids = []
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The sound files could not be saved")),
            self._factory.begin() as session,
        ):
            for item in scanned:
                row = session.scalar(select(LibraryTrack).where(LibraryTrack.path == item.path))
                if row is None:
                    row = LibraryTrack(path=item.path, added_at=now)
                    session.add(row)
                row.title = item.title[:300]
                row.artist = item.artist[:300]
                row.duration_s = item.duration
                row.format = item.format[:16]
                row.problem = item.problem
                row.scanned_at = now
                if not _same_file(row, item.size, item.mtime):
                    _forget_loudness(row)
                session.flush()
                ids.append(row.id)
        return ids

    def items(self) -> list[LibraryItem]:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The sound library cannot be read")),
            self._factory() as session,
        ):
            rows = session.scalars(
                select(LibraryTrack).order_by(
                    func.lower(LibraryTrack.artist), func.lower(LibraryTrack.title)
                )
            )
            return [_item(row) for row in rows]

    # -- loudness -------------------------------------------------------------------------------

    def to_measure(self) -> list[tuple[int, str]]:
        """Ids and paths of playable tracks whose loudness is not known: never measured, or
        their file changed since. Looks at the files, so it is called off the window's thread."""
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The sound library cannot be read")),
            self._factory() as session,
        ):
            rows = session.scalars(
                select(LibraryTrack).where(LibraryTrack.problem.is_(None)).order_by(LibraryTrack.id)
            ).all()
            never = {
                row.id for row in rows if row.loudness_lufs is None and row.loudness_problem is None
            }
            known = [(row.id, row.path, row.measured_size, row.measured_mtime) for row in rows]
        # The files are looked at with the session closed: a stat on a slow share must not hold
        # a transaction open (nor a WAL checkpoint back) meanwhile.
        due = []
        for track_id, path, size, mtime in known:
            if track_id in never:
                due.append((track_id, path))
                continue
            facts = file_facts(path)
            if facts is not None and not _same_facts(size, mtime, *facts):
                due.append((track_id, path))
        return due

    def set_loudness(
        self, track_id: int, result: Loudness | str, size: int | None, mtime: float | None
    ) -> None:
        """Keep a track's measured loudness, or (a str) why it could not be measured, with the
        size and st_mtime its file had when it was measured. A track since removed is skipped."""
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The loudness could not be saved")),
            self._factory.begin() as session,
        ):
            row = session.get(LibraryTrack, track_id)
            if row is None:
                return
            _forget_loudness(row)
            if isinstance(result, Loudness):
                row.loudness_lufs = result.integrated
                row.loudness_range = result.range
                row.true_peak = result.true_peak
                row.loudness_source = result.source.value
            else:
                row.loudness_problem = result.strip()[:500] or "it could not be measured"
            row.measured_size = size
            row.measured_mtime = mtime

    # -- playlists ------------------------------------------------------------------------------

    def playlists(self) -> list[PlaylistSummary]:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Playlists cannot be read")),
            self._factory() as session,
        ):
            query = (
                select(
                    PlaylistRow.id,
                    PlaylistRow.name,
                    func.count(PlaylistEntry.id),
                    func.coalesce(func.sum(LibraryTrack.duration_s), 0.0),
                )
                .outerjoin(PlaylistEntry, PlaylistEntry.playlist_id == PlaylistRow.id)
                .outerjoin(LibraryTrack, LibraryTrack.id == PlaylistEntry.track_id)
                .group_by(PlaylistRow.id, PlaylistRow.name)
                .order_by(func.lower(PlaylistRow.name))
            )
            return [
                PlaylistSummary(id_, name, count, float(seconds or 0.0))
                for id_, name, count, seconds in session.execute(query)
            ]

    def entries(self, playlist_id: int) -> list[LibraryItem]:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The playlist cannot be read")),
            self._factory() as session,
        ):
            return self._entries(session, playlist_id)

    @staticmethod
    def _entries(session: Session, playlist_id: int) -> list[LibraryItem]:
        rows = session.scalars(
            select(LibraryTrack)
            .join(PlaylistEntry, PlaylistEntry.track_id == LibraryTrack.id)
            .where(PlaylistEntry.playlist_id == playlist_id)
            .order_by(PlaylistEntry.position)
        )
        return [_item(row) for row in rows]

    def create_playlist(self, name: str, track_ids: Sequence[int] = ()) -> int:
        clean = " ".join(name.split())
        if not clean:
            raise StorageError(QT_TRANSLATE_NOOP("Storage", "A playlist needs a name"))
        now = self._clock.now()
        try:
            with (
                plainly(QT_TRANSLATE_NOOP("Storage", "The playlist could not be saved")),
                self._factory.begin() as session,
            ):
                row = PlaylistRow(name=clean[:200], created_at=now, updated_at=now)
                session.add(row)
                session.flush()
                self._write_entries(session, row.id, track_ids)
                return row.id
        except StorageError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                raise StorageError(_ALREADY.format(name=clean)) from exc
            raise

    def set_entries(self, playlist_id: int, track_ids: Sequence[int]) -> None:
        """The playlist's tracks, in this order (adding, removing and reordering in one)."""
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The playlist could not be saved")),
            self._factory.begin() as session,
        ):
            row = session.get(PlaylistRow, playlist_id)
            if row is None:
                raise StorageError(QT_TRANSLATE_NOOP("Storage", "That playlist no longer exists"))
            row.updated_at = self._clock.now()
            session.execute(delete(PlaylistEntry).where(PlaylistEntry.playlist_id == playlist_id))
            session.flush()
            self._write_entries(session, playlist_id, track_ids)

    @staticmethod
    def _write_entries(session: Session, playlist_id: int, track_ids: Sequence[int]) -> None:
        for position, track_id in enumerate(track_ids):
            session.add(
                PlaylistEntry(playlist_id=playlist_id, position=position, track_id=track_id)
            )

    def delete_playlist(self, playlist_id: int) -> None:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The playlist could not be deleted")),
            self._factory.begin() as session,
        ):
            session.execute(delete(PlaylistEntry).where(PlaylistEntry.playlist_id == playlist_id))
            session.execute(delete(PlaylistRow).where(PlaylistRow.id == playlist_id))

    # -- soundtracks ----------------------------------------------------------------------------

    def save_soundtrack(self, name: str, plan: Mapping[str, Any]) -> int:
        """Save (or replace, by name) a soundtrack plan; see :meth:`soundtracks` for its form."""
        clean = " ".join(name.split())
        if not clean:
            raise StorageError(QT_TRANSLATE_NOOP("Storage", "A soundtrack needs a name"))
        now = self._clock.now()
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The soundtrack could not be saved")),
            self._factory.begin() as session,
        ):
            row = session.scalar(select(SoundtrackRow).where(SoundtrackRow.name == clean))
            if row is None:
                row = SoundtrackRow(name=clean[:200], created_at=now)
                session.add(row)
            row.plan = dict(plan)
            row.updated_at = now
            session.flush()
            return row.id

    def delete_soundtrack(self, name: str) -> None:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The soundtrack could not be deleted")),
            self._factory.begin() as session,
        ):
            session.execute(delete(SoundtrackRow).where(SoundtrackRow.name == name))

    def plans(self) -> dict[str, dict[str, Any]]:
        """Saved soundtrack plans by name, as stored."""
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Soundtracks cannot be read")),
            self._factory() as session,
        ):
            rows = session.scalars(select(SoundtrackRow).order_by(func.lower(SoundtrackRow.name)))
            return {row.name: dict(row.plan) for row in rows}

    def soundtracks(self) -> list[Soundtrack]:
        """Saved soundtracks with their playlists as they are now (playable tracks only).

        A plan is ``{"bed": {"path", "title"} | None, "settling": playlist id | None,
        "phases": {phase name: playlist id}, "default": playlist id | None, "switch",
        "fade_seconds", "music_volume", "bed_volume"}``.
        """
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Soundtracks cannot be read")),
            self._factory() as session,
        ):
            names = {row.id: row.name for row in session.scalars(select(PlaylistRow))}
            cache: dict[int, Playlist] = {}

            def playlist(ref: Any) -> dict[str, Any] | None:
                if not isinstance(ref, int) or ref not in names:
                    return None
                if ref not in cache:
                    tracks = tuple(
                        item.as_track()
                        for item in self._entries(session, ref)
                        if item.problem is None
                    )
                    cache[ref] = Playlist(names[ref], tracks)
                return playlist_json(cache[ref])

            result = []
            for row in session.scalars(
                select(SoundtrackRow).order_by(func.lower(SoundtrackRow.name))
            ):
                plan = dict(row.plan)
                phases = plan.get("phases")
                by_phase = phases.items() if isinstance(phases, dict) else ()
                result.append(
                    soundtrack_from_json(
                        {
                            **plan,
                            "name": row.name,
                            "settling": playlist(plan.get("settling")),
                            "default": playlist(plan.get("default")),
                            "phases": {
                                str(name): resolved
                                for name, ref in by_phase
                                if (resolved := playlist(ref)) is not None
                            },
                        }
                    )
                )
            return result
