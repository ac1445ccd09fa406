"""Upgrading keeps everything: a data folder written by an earlier kapdesk opens in this one,
migrated, with every session, event, dose, account and audit line intact, and the first start
after it says which version it came from."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kapdesk import __version__
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.records import Records, open_records
from kapdesk.storage.db import SCHEMA_HEAD, Storage, open_storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.upgrades import EARLIER, VERSION_FILE, Upgrade, note_version

REPO = Path(__file__).resolve().parents[2]

# Earlier commits of main whose data this kapdesk must open. The first wrote schema 0008
# (before the append-only refusals of inserts and the audit index: two migrations to run);
# the second is the last commit of kapdesk 0.1.0 (tagged v0.1.0; named by its hash, which a
# clone without tags still has).
EARLIER_COMMITS = {
    "schema 0008": "cbaec19",
    "0.1.0": "551ed75",
}
# What the first start after each says it came from (nothing noted the version before 0.2.0;
# 0.1.0's schema tells it).
CAME_FROM = {"schema 0008": f"from {EARLIER} of kapdesk", "0.1.0": "from 0.1.0"}

# What must come through an upgrade row for row: every table of the record.
KEPT_TABLES = (
    "patients",
    "staff",
    "sessions",
    "doses",
    "session_events",
    "protocol_snapshots",
    "audit_log",
)

ACCOUNT_SCRIPT = """
import sys
from kapdesk.core.clock import SystemClock
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.staff import StaffStore

storage = open_storage(AppPaths.resolve(sys.argv[1]), None)
staff = StaffStore(storage, SystemClock())
staff.create_account("Ada Admin", frozenset({Role.ADMIN}), "482916", by=None)
staff.sign_in("Ada Admin", "000000")
storage.engine.dispose()
"""


def _columns(database: Path) -> dict[str, list[str]]:
    """Each kept table's columns, as the database has them."""
    with sqlite3.connect(database) as db:
        return {
            table: [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            for table in KEPT_TABLES
        }


def _snapshot(database: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table the record keeps, in key order, in ``columns`` (an upgrade
    may add columns; the ones there before must hold what they held)."""
    with sqlite3.connect(database) as db:
        return {
            table: db.execute(
                f"SELECT {', '.join(columns[table])} FROM {table} ORDER BY 1"
            ).fetchall()
            for table in KEPT_TABLES
        }


@pytest.fixture(scope="module", params=sorted(EARLIER_COMMITS))
def earlier_data(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """A data folder written by the code of an earlier commit, checked out in a temporary
    worktree: a demo session, an admin account and a wrong PIN in its audit log."""
    label = request.param
    commit = EARLIER_COMMITS[label]
    place = tmp_path_factory.mktemp("earlier")
    tree = place / "tree"
    added = subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", str(tree), commit],
        capture_output=True,
        text=True,
        check=False,
    )
    assert added.returncode == 0, (
        f"the earlier commit {commit} is not in this clone's history: {added.stderr}"
    )
    try:
        data = place / "data"
        env = {
            **os.environ,
            "PYTHONPATH": str(tree),
            "QT_QPA_PLATFORM": "offscreen",
            "SDL_AUDIODRIVER": "dummy",
            "KAPDESK_DATA_DIR": str(data),
        }
        for argv in (
            [sys.executable, "-m", "kapdesk", "demo"],
            [sys.executable, "-c", ACCOUNT_SCRIPT, str(data)],
        ):
            ran = subprocess.run(
                argv, cwd=place, env=env, capture_output=True, text=True, check=False
            )
            assert ran.returncode == 0, ran.stderr[-2000:]
        yield label, data
    finally:
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)],
            capture_output=True,
            check=False,
        )


def test_data_from_an_earlier_version_opens_migrated_with_nothing_lost(
    earlier_data: tuple[str, Path], tmp_path: Path
) -> None:
    label, written = earlier_data
    data = tmp_path / "data"
    subprocess.run(["cp", "-a", str(written), str(data)], check=True)
    database = data / "kapdesk.sqlite3"
    earlier_columns = _columns(database)
    before = _snapshot(database, earlier_columns)
    assert before["sessions"]
    assert before["session_events"]
    assert before["doses"]
    assert before["staff"]
    assert before["audit_log"]

    clock = FakeClock()
    records: Records = open_records(AppPaths.resolve(data), None, clock)
    try:
        after = _snapshot(database, earlier_columns)
        for table in KEPT_TABLES:
            if table == "audit_log":  # the start itself adds lines; every earlier one stays
                assert after[table][: len(before[table])] == before[table]
                continue
            assert after[table] == before[table], table
        with sqlite3.connect(database) as db:
            (revision,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
        assert revision == SCHEMA_HEAD
        said = " ".join(records.news)
        assert f"kapdesk was updated {CAME_FROM[label]} to {__version__}." in said, said
        sessions = len(before["sessions"])
        assert f"{sessions} session" in said
        with sqlite3.connect(database) as db:
            upgraded = db.execute(
                "SELECT subject FROM audit_log WHERE action = 'kapdesk_upgraded'"
            ).fetchall()
        assert upgraded == [(__version__,)], label
        if label == "schema 0008":
            assert records.storage.schema_before == "0008"
        # The session reads back whole through the new code.
        store = JourneyStore(records.storage, clock)
        _summary, journey = store.load(int(str(before["sessions"][0][0])))
        assert len(journey.events) == sum(
            1 for row in before["session_events"] if row[1] == before["sessions"][0][0]
        )
    finally:
        records.storage.engine.dispose()
        if records.writer is not None:
            records.writer.release()
    assert (data / VERSION_FILE).read_text().strip() == __version__


def test_the_next_start_says_nothing_more(earlier_data: tuple[str, Path], tmp_path: Path) -> None:
    _label, written = earlier_data
    data = tmp_path / "data"
    subprocess.run(["cp", "-a", str(written), str(data)], check=True)
    for expected in (1, 0):
        records = open_records(AppPaths.resolve(data), None, FakeClock())
        try:
            told = [text for text in records.news if "kapdesk was updated" in text]
            assert len(told) == expected
        finally:
            records.storage.engine.dispose()
            if records.writer is not None:
                records.writer.release()


# -- the version note itself ------------------------------------------------------------------


def _with_sessions(storage: Storage, paths: AppPaths, count: int) -> None:
    from tests.conftest import make_protocol  # noqa: PLC0415

    store = JourneyStore(storage, FakeClock())
    for n in range(count):
        store.open_session(f"P-{n:03}", make_protocol(), "Sam Ortiz").recorder.close()


def test_a_new_installation_says_nothing_and_notes_its_version(paths: AppPaths) -> None:
    storage = open_storage(paths, None)
    assert note_version(storage, paths, "0.2.0") is None
    assert (paths.data_dir / VERSION_FILE).read_text() == "0.2.0\n"
    assert note_version(storage, paths, "0.2.0") is None


def test_an_upgrade_names_the_version_it_came_from(paths: AppPaths) -> None:
    storage = open_storage(paths, None)
    _with_sessions(storage, paths, 3)
    (paths.data_dir / VERSION_FILE).write_text("0.1.0\n")
    upgrade = note_version(storage, paths, "0.2.0")
    assert upgrade == Upgrade("0.1.0", "0.2.0", 3)
    assert upgrade.notice() == (
        "kapdesk was updated from 0.1.0 to 0.2.0. The record holds 3 sessions. Nothing was lost."
    )
    assert note_version(storage, paths, "0.2.0") is None


def test_a_data_folder_from_before_versions_were_noted(paths: AppPaths) -> None:
    storage = open_storage(paths, None)
    _with_sessions(storage, paths, 1)
    upgrade = note_version(storage, paths, "0.2.0")
    assert upgrade is not None
    assert upgrade.notice().startswith(f"kapdesk was updated from {EARLIER} of kapdesk to 0.2.0")
    assert "The record holds 1 session." in upgrade.notice()


def test_an_older_kapdesk_over_newer_records_says_to_ask_it(paths: AppPaths) -> None:
    storage = open_storage(paths, None)
    _with_sessions(storage, paths, 2)
    (paths.data_dir / VERSION_FILE).write_text("0.10.0\n")
    upgrade = note_version(storage, paths, "0.9.1")
    assert upgrade is not None
    assert upgrade.downgrade
    assert "last opened by kapdesk 0.10.0, a newer version" in upgrade.notice()
    assert "Ask IT" in upgrade.notice()


def test_a_version_file_that_is_not_text_is_written_again(paths: AppPaths) -> None:
    storage = open_storage(paths, None)
    _with_sessions(storage, paths, 1)
    (paths.data_dir / VERSION_FILE).write_bytes(b"\xff\xfe\x00")
    upgrade = note_version(storage, paths, "0.2.0")
    assert upgrade is not None
    assert upgrade.previous == EARLIER
    assert (paths.data_dir / VERSION_FILE).read_text() == "0.2.0\n"


def test_a_folder_that_cannot_be_written_still_starts(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = open_storage(paths, None)
    _with_sessions(storage, paths, 1)
    (paths.data_dir / VERSION_FILE).write_text("0.1.0\n")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kapdesk.upgrades.write_atomically", refuse)
    upgrade = note_version(storage, paths, "0.2.0")
    assert upgrade is not None
    assert upgrade.previous == "0.1.0"
