"""The small pieces backups and restores share, each defined once: the times SQLite keeps, an SQL
string literal, and an SQLite file's family."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from kapdesk.core.safe_files import (
    RECORD_FILES,
    SQLITE_FILES,
    SQLITE_SIDECARS,
    remove_sqlite_files,
)
from kapdesk.storage.backup_files import quoted, stored_time


def test_a_stored_time_is_aware_utc_and_nothing_is_none() -> None:
    assert stored_time("2026-03-01 09:30:00.250000") == datetime(2026, 3, 1, 9, 30, 0, 250000, UTC)
    assert stored_time(datetime(2026, 3, 1, 9, 30)) == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    later = datetime(2026, 3, 1, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    assert stored_time(later) == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert stored_time(None) is None
    assert stored_time("") is None  # what coalesce(max(at), '') gives an empty table


def test_a_quoted_text_is_one_sql_literal() -> None:
    key = "it's a 'key'; DROP TABLE t"
    with sqlite3.connect(":memory:") as connection:
        assert connection.execute("SELECT " + quoted(key)).fetchone()[0] == key


def test_an_sqlite_file_goes_with_its_own_sidecars_only(tmp_path: Path) -> None:
    database = tmp_path / "snapshot.db"
    for suffix in SQLITE_SIDECARS:
        database.with_name(database.name + suffix).write_bytes(b"x")
    remove_sqlite_files(database)
    remove_sqlite_files(database)  # nothing left to remove: no error
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "snapshot.db-kapdesk.json",
        "snapshot.db.kapdesk-lock",
    ]
    assert SQLITE_SIDECARS[: len(RECORD_FILES)] == RECORD_FILES
    assert RECORD_FILES[: len(SQLITE_FILES)] == SQLITE_FILES
