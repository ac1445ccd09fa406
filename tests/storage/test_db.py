"""Opening the database: schema from empty, durability settings, privacy, refusals."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose
from kapdesk.paths import AppPaths
from kapdesk.storage.db import (
    MIGRATIONS_DIR,
    Storage,
    current_revision,
    make_engine,
    open_storage,
    upgrade,
)
from kapdesk.storage.errors import DatabaseError
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.models import Base
from kapdesk.storage.schema_revision import KNOWN_REVISIONS, SCHEMA_HEAD
from kapdesk.storage.staff import StaffStore
from tests.conftest import make_protocol


def test_schema_head_matches_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_heads() == [SCHEMA_HEAD]
    assert {s.revision for s in scripts.walk_revisions()} == set(KNOWN_REVISIONS)


def test_an_empty_database_is_migrated_to_the_models(storage: Storage) -> None:
    assert current_revision(storage.engine) == SCHEMA_HEAD
    tables = set(inspect(storage.engine).get_table_names())
    assert {
        "patients",
        "staff",
        "sessions",
        "doses",
        "session_events",
        "protocol_snapshots",
    } <= tables
    with storage.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


@pytest.mark.parametrize("backend", ["sqlite"])  # the SQLite file itself
def test_sqlite_runs_wal_with_full_sync_and_foreign_keys(storage: Storage) -> None:
    with storage.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize("backend", ["sqlite"])  # the SQLite file itself
def test_database_and_folder_are_private_to_the_owner(storage: Storage, paths: AppPaths) -> None:
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.database.stat().st_mode) == 0o600


@pytest.mark.parametrize("backend", ["sqlite"])  # the SQLite file itself
def test_upgrading_twice_changes_nothing(storage: Storage, paths: AppPaths) -> None:
    # What the record holds, not the file's bytes: kapdesk checkpoints its WAL into the file
    # when a connection closes (kapdesk.storage.sqlite_file), which moves bytes, not records.
    def dump() -> list[str]:
        with storage.engine.connect() as conn:
            return list(conn.connection.dbapi_connection.iterdump())  # type: ignore[union-attr]

    before = dump()
    again = open_storage(paths, None)
    assert current_revision(again.engine) == SCHEMA_HEAD
    again.engine.dispose()
    assert dump() == before


@pytest.mark.parametrize("backend", ["sqlite"])  # the SQLite file itself
def test_a_newer_schema_is_refused_and_left_untouched(storage: Storage, paths: AppPaths) -> None:
    with storage.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    storage.engine.dispose()
    before = paths.database.read_bytes()
    with pytest.raises(DatabaseError, match="newer kapdesk"):
        open_storage(paths, None)
    assert paths.database.read_bytes() == before


def test_a_damaged_file_is_refused_and_left_untouched(paths: AppPaths) -> None:
    paths.data_dir.mkdir(parents=True)
    garbage = b"this is not a database" * 100
    paths.database.write_bytes(garbage)
    with pytest.raises(DatabaseError, match="damaged or not a kapdesk database"):
        open_storage(paths, None)
    assert paths.database.read_bytes() == garbage


def test_a_bad_url_gets_a_plain_message(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="not a database URL"):
        make_engine("not a url at all")
    with pytest.raises(DatabaseError, match="cannot talk to"):
        make_engine("nosuchdb://localhost/x")


@pytest.mark.parametrize(
    "db_url",
    [
        "sqlite://",
        "sqlite:///",
        "sqlite:///:memory:",
        "sqlite+pysqlite:///:memory:",
        "sqlite:///file:room?mode=memory&uri=true",
        "sqlite:///file:room?mode=memory&cache=shared&uri=true",
    ],
)
def test_a_database_in_memory_is_refused_before_anything_is_recorded(
    paths: AppPaths, db_url: str
) -> None:
    # Nothing recorded there would outlive the run, and the recorder's thread would find a
    # database of its own with no tables in it.
    with pytest.raises(DatabaseError, match="in memory keeps nothing") as refused:
        open_storage(paths, db_url)
    assert "sqlite:////path/to/kapdesk.sqlite3" in str(refused.value)
    assert not paths.database.exists()


def test_a_file_uri_is_refused_with_the_path_to_give_instead(
    paths: AppPaths, tmp_path: Path
) -> None:
    # Its options (mode=ro, cache=shared, ...) would open the record in ways the writer lock
    # and the write witness, which go by the file's path, do not see.
    file = tmp_path / "by uri.sqlite3"
    written = str(file).replace(" ", "%20")  # as a URI writes it
    with pytest.raises(DatabaseError) as refused:
        open_storage(paths, f"sqlite:///file:{written}?mode=ro&uri=true")
    assert str(refused.value) == (
        f"kapdesk takes an SQLite database as a path, not a file: URI: give sqlite:///{file}"
    )
    assert not file.exists()


def test_upgrade_works_on_an_in_memory_database() -> None:
    engine = make_engine("sqlite://")
    upgrade(engine)
    assert current_revision(engine) == SCHEMA_HEAD


def test_the_record_and_the_audit_log_refuse_updates_and_deletes(
    storage: Storage, clock: FakeClock
) -> None:
    opened = JourneyStore(storage, clock).open_session("P-0001", make_protocol(), "")
    opened.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    assert opened.recorder.flush(timeout=10.0)  # the rows the statements below aim at
    StaffStore(storage, clock).record("Ana Moreno", "screen_locked")
    for statement in (
        "UPDATE session_events SET kind = 'note'",
        "DELETE FROM session_events",
        "UPDATE doses SET amount = 500",
        "DELETE FROM doses",
        "UPDATE audit_log SET who = 'someone else'",
        "DELETE FROM audit_log",
    ):
        with pytest.raises(DBAPIError, match="append-only"), storage.engine.begin() as conn:
            conn.execute(text(statement))
    with storage.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM session_events")).scalar() == 3
        assert conn.execute(text("SELECT amount FROM doses")).scalar() == 0.75
        assert conn.execute(text("SELECT who FROM audit_log")).scalar() == "Ana Moreno"


def test_a_first_start_cut_short_by_an_older_kapdesk_is_made_whole(paths: AppPaths) -> None:
    """Empty tables of the first migration and no schema version: what a kill during the first
    start left behind before the schema was made in one transaction. It opens."""
    paths.data_dir.mkdir(parents=True)
    engine = make_engine(f"sqlite:///{paths.database}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE patients (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("CREATE TABLE staff (id INTEGER PRIMARY KEY)")
    engine.dispose()
    storage = open_storage(paths, None)
    try:
        assert current_revision(storage.engine) == SCHEMA_HEAD
    finally:
        storage.engine.dispose()


def test_a_sqlite_file_of_another_program_is_left_untouched(paths: AppPaths) -> None:
    paths.data_dir.mkdir(parents=True)
    engine = make_engine(f"sqlite:///{paths.database}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.exec_driver_sql("INSERT INTO invoices (total) VALUES (12.5)")
    engine.dispose()
    before = paths.database.read_bytes()
    with pytest.raises(DatabaseError, match="not a kapdesk record"):
        open_storage(paths, None)
    assert paths.database.read_bytes() == before
