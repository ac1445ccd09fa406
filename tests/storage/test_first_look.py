"""The first look at the record: true where it is taken, never taken where it could mislead,
and nothing written by it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from sqlalchemy import text

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, JourneyState
from kapdesk.core.protocols import Protocol
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.first_look import _ADMIN, _OPEN_STATES, FirstLook, first_look
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.staff import StaffStore
from tests.support.accounts import record_with

ADMIN = frozenset({Role.ADMIN, Role.NURSE})
SITTER = frozenset({Role.SITTER})


def _files(paths: AppPaths) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in paths.data_dir.iterdir()}


def test_the_states_and_role_spelled_out_are_the_cores() -> None:
    assert set(_OPEN_STATES) == {s.value for s in JourneyState if s is not JourneyState.CLOSED}
    assert Role.ADMIN.value == _ADMIN


def test_a_new_data_folder_gets_no_look(paths: AppPaths) -> None:
    assert first_look(paths, None) is None
    assert not paths.database.exists()  # the whole way makes the record, not the look


def test_a_record_without_accounts_asks_for_the_first_admin(
    paths: AppPaths, clock: FakeClock
) -> None:
    record_with(paths, clock)
    assert first_look(paths, None) == FirstLook(first_admin=True)


def test_the_names_are_those_that_may_sign_in_in_the_records_order(
    paths: AppPaths, clock: FakeClock
) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN), ("Ana Moreno", SITTER), ("Sam Ortiz", SITTER))
    storage = open_storage(paths, None)
    staff = StaffStore(storage, clock)
    robin = next(m for m in staff.accounts() if m.name == "Robin Hale")
    staff.change_account("Sam Ortiz", active=False, by=robin)
    as_the_records_have_them = [m.name for m in staff.accounts() if m.active]
    storage.engine.dispose()
    before = _files(paths)
    look = first_look(paths, None)
    assert look == FirstLook(first_admin=False, names=("Ana Moreno", "Robin Hale"))
    assert look is not None
    assert list(look.names) == as_the_records_have_them
    assert _files(paths) == before  # not a byte written, no -wal or -shm made


def test_no_active_admin_asks_for_one(paths: AppPaths, clock: FakeClock) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN), ("Ana Moreno", SITTER))
    with sqlite3.connect(paths.database) as raw:
        raw.execute("UPDATE staff SET active = 0 WHERE name = 'Robin Hale'")
    raw.close()
    assert first_look(paths, None) == FirstLook(first_admin=True)


def test_a_session_left_open_takes_the_whole_way(
    paths: AppPaths, clock: FakeClock, protocol: Protocol
) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN))
    storage = open_storage(paths, None)
    left = JourneyStore(storage, clock).open_session("P-0007", protocol, "Robin Hale")
    left.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    storage.engine.dispose()
    assert first_look(paths, None) is None


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            lambda raw: raw.execute("UPDATE alembic_version SET version_num='0011'"),
            id="an upgrade is due",
        ),
        pytest.param(
            lambda raw: raw.execute("UPDATE alembic_version SET version_num='9999'"),
            id="a newer kapdesk's record",
        ),
        pytest.param(lambda raw: raw.execute("DROP TABLE staff"), id="a table missing"),
    ],
)
def test_a_record_not_at_this_kapdesks_schema_takes_the_whole_way(
    paths: AppPaths, clock: FakeClock, change: Callable[[sqlite3.Connection], object]
) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN))
    raw = sqlite3.connect(paths.database)
    with raw:
        change(raw)
    raw.close()
    assert first_look(paths, None) is None


def test_a_wal_left_to_merge_takes_the_whole_way(paths: AppPaths, clock: FakeClock) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN))
    storage = open_storage(paths, None)
    with storage.engine.begin() as conn:  # kapdesk checkpoints itself: this stays in the WAL
        conn.execute(text("UPDATE staff SET failed_pins = 1"))
    try:
        assert first_look(paths, None) is None
    finally:
        storage.engine.dispose()


def test_a_file_that_is_not_plain_sqlite_takes_the_whole_way(
    paths: AppPaths, clock: FakeClock
) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN))
    with paths.database.open("r+b") as file:
        file.write(bytes(range(16)))  # encrypted, or damaged: the whole way says which
    assert first_look(paths, None) is None


def test_other_records_take_the_whole_way(paths: AppPaths, clock: FakeClock) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN))
    assert first_look(paths, None) is not None
    assert first_look(paths, f"sqlite:///{paths.database}") is None  # a --db of its own
    assert first_look(paths.for_practice(), None) is None
    paths.room_settings.parent.mkdir(parents=True, exist_ok=True)
    paths.room_settings.write_text('database = "postgresql://kapdesk@db.example/clinic"\n')
    assert first_look(paths, None) is None  # a clinic server's record
