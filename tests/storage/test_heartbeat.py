"""Resuming through the storage API when the PC's clock moved while kapdesk was closed: the
heartbeat beside the records vouches for the downtime on the same boot; without it nothing is
written for a gap nothing vouches for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.protocols import Advance
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.heartbeat import HEARTBEAT_NAME, HeartbeatFile
from kapdesk.storage.journeys import JourneyStore, OpenJourney
from tests.conftest import make_protocol

TIMED = make_protocol(Advance.TIMED)  # Onset 5 min, Peak 40 min, Return 15 min


def _heartbeat(paths: AppPaths) -> HeartbeatFile:
    return HeartbeatFile(paths.data_dir / HEARTBEAT_NAME)


def _dosed(storage: Storage, paths: AppPaths, clock: FakeClock, seconds: float) -> OpenJourney:
    store = JourneyStore(storage, clock, heartbeat=_heartbeat(paths))
    opened = store.open_session("P-CLOCK", TIMED, "Jo")
    opened.journey.record_dose(Dose(0.5, "mg/kg", "IV", weight_kg=70))
    clock.advance(seconds)
    opened.journey.tick()
    store.beat()  # the window's heartbeat timer
    assert opened.recorder.flush(timeout=10)  # what its writer thread had is in the record
    return opened


def _resumed(storage: Storage, paths: AppPaths, again: FakeClock) -> OpenJourney:
    resumed = JourneyStore(storage, again, heartbeat=_heartbeat(paths)).resume_open_sessions()
    assert len(resumed) == 1
    return resumed[0]


def _kinds(storage: Storage) -> list[tuple[str, float | None]]:
    from kapdesk.storage.models import SessionEvent  # noqa: PLC0415

    with Session(storage.engine) as session:
        rows = session.scalars(select(SessionEvent).order_by(SessionEvent.seq)).all()
        return [(row.kind, row.elapsed_s) for row in rows]


def test_the_heartbeat_holds_the_open_session_and_its_journey_time(
    storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    opened = _dosed(storage, paths, clock, 42)
    beat = _heartbeat(paths).read()
    assert beat is not None
    assert beat.boot_id == clock.boot_id()
    assert beat.since_boot == clock.since_boot()
    mine = beat.session(opened.session_id, opened.journey.events[0].wall)
    assert mine is not None
    assert mine.elapsed == pytest.approx(42)
    assert not (paths.data_dir / (HEARTBEAT_NAME + ".tmp")).exists()  # written whole
    assert os.stat(paths.data_dir / HEARTBEAT_NAME).st_mode & 0o077 == 0


def test_same_boot_an_hour_fast_resumes_at_the_true_time_and_writes_no_phase(
    storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    _dosed(storage, paths, clock, 290)
    again = clock.restart(9, wall_step=3600)  # the room PC's clock an hour fast on restart
    resumed = _resumed(storage, paths, again)
    journey = resumed.journey
    assert journey.elapsed() == pytest.approx(299)
    assert journey.time_vouched
    journey.tick()
    assert resumed.recorder.flush(timeout=10)
    kinds = _kinds(storage)
    assert [k for k, _ in kinds].count(EventKind.PHASE.value) == 1  # Onset only
    assert kinds[-1][0] == EventKind.RESUMED.value
    assert kinds[-1][1] == pytest.approx(299)
    again.advance(1)
    journey.tick()
    assert resumed.recorder.flush(timeout=10)
    kind, elapsed = _kinds(storage)[-1]
    assert kind == EventKind.PHASE.value
    assert elapsed == pytest.approx(300)  # Peak, on time


def test_new_boot_an_hour_fast_writes_nothing_for_the_gap_and_follows_the_clock(
    storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    _dosed(storage, paths, clock, 290)
    again = clock.reboot(9, wall_step=3600)
    resumed = _resumed(storage, paths, again)
    journey = resumed.journey
    assert not journey.time_vouched
    journey.tick()
    assert resumed.recorder.flush(timeout=10)
    again.advance(1)
    again.jump_wall(-3600)  # the time syncs
    journey.tick()
    assert resumed.recorder.flush(timeout=10)
    kinds = _kinds(storage)
    assert [k for k, _ in kinds].count(EventKind.PHASE.value) == 1
    assert kinds[-1][0] == EventKind.TIME_CORRECTED.value
    assert kinds[-1][1] == pytest.approx(300)
    # Another restart on this boot: still not vouched, and the record carries the true time.
    again.advance(5)
    third = _resumed(storage, paths, again.restart(3))
    assert not third.journey.time_vouched
    assert third.journey.elapsed() == pytest.approx(308)


@pytest.mark.parametrize("damage", ["missing", "torn", "garbage", "huge", "a folder", "a fifo"])
def test_a_heartbeat_that_cannot_be_read_leaves_the_time_not_vouched(
    storage: Storage, paths: AppPaths, clock: FakeClock, damage: str
) -> None:
    _dosed(storage, paths, clock, 290)
    where = paths.data_dir / HEARTBEAT_NAME
    where.unlink()
    if damage == "torn":
        where.write_bytes(b'{"version": 1, "wall": "2026-03-02T09:0')
    elif damage == "garbage":
        where.write_bytes(os.urandom(300))
    elif damage == "huge":
        where.write_bytes(b" " * (1024 * 1024))
    elif damage == "a folder":
        where.mkdir()
    elif damage == "a fifo":
        os.mkfifo(where)
    again = clock.restart(9, wall_step=3600)
    resumed = _resumed(storage, paths, again)
    assert not resumed.journey.time_vouched
    assert resumed.journey.tick() == []
    assert [k for k, _ in _kinds(storage)].count(EventKind.PHASE.value) == 1


def test_a_heartbeat_that_cannot_be_written_loses_nothing(
    storage: Storage, paths: AppPaths, clock: FakeClock, tmp_path: Path
) -> None:
    (tmp_path / "a file").write_text("not a folder")
    store = JourneyStore(storage, clock, heartbeat=HeartbeatFile(tmp_path / "a file" / "beat"))
    opened = store.open_session("P-BEAT", TIMED, "")
    opened.journey.record_dose(
        Dose(0.5, "mg/kg", "IV", weight_kg=70)
    )  # beats, and the disk says no
    store.beat()
    assert opened.recorder.flush(timeout=10)
    assert opened.recorder.pending == 0
    assert [k for k, _ in _kinds(storage)][-1] == EventKind.PHASE.value
