"""Upgrading keeps everything: a data folder written by an earlier kapdesk opens in this one,
migrated, with every session, event, dose, account and audit line intact, and the first start
after it says which version it came from."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kapdesk import __version__
from kapdesk.core.clock import FakeClock
from kapdesk.core.safe_files import write_atomically
from kapdesk.paths import AppPaths
from kapdesk.printing import Printer
from kapdesk.records import Records, open_records
from kapdesk.storage.db import NOT_RECORDS, Storage, open_storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.schema_revision import SCHEMA_HEAD
from kapdesk.storage.versions import note_version
from kapdesk.upgrades import EARLIER, Upgrade, since_last_version
from tests.support.pdf_text import pdf_text

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

ACCOUNT_SCRIPT = """
import sys
from kapdesk.core.clock import SystemClock
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.printing import Printer
from kapdesk.storage.db import open_storage
from kapdesk.storage.staff import StaffStore

storage = open_storage(AppPaths.resolve(sys.argv[1]), None)
staff = StaffStore(storage, SystemClock())
staff.create_account("Ada Admin", frozenset({Role.ADMIN}), "482916", by=None)
staff.sign_in("Ada Admin", "000000")
storage.engine.dispose()
"""


def _columns(database: Path) -> dict[str, list[str]]:
    """Each table of the record and its columns, as the database has them."""
    with sqlite3.connect(database) as db:
        tables = [
            name
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if name not in NOT_RECORDS and not name.startswith("sqlite_")
        ]
        return {
            table: [row[1] for row in db.execute(f"PRAGMA table_info({table})")] for table in tables
        }


def _snapshot(database: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the record, in key order, in ``columns`` (an upgrade may
    add columns and tables; the ones there before must hold what they held)."""
    with sqlite3.connect(database) as db:
        return {
            table: db.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY 1").fetchall()
            for table, names in columns.items()
        }


def _copy_of(written: Path, tmp_path: Path) -> Path:
    """A test's own copy of the data folder an earlier kapdesk wrote (shared by the module)."""
    data = tmp_path / "data"
    shutil.copytree(written, data, symlinks=True)
    return data


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
    data = _copy_of(written, tmp_path)
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
        assert set(after) == set(before)
        for table in before:
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


def test_an_upgraded_databases_sessions_print_in_the_clinics_language(
    earlier_data: tuple[str, Path], tmp_path: Path, qapp: QApplication
) -> None:
    """Sessions from before the handout's language was kept have none: their handouts print
    in the clinic's language, as they did."""
    _label, written = earlier_data
    data = _copy_of(written, tmp_path)
    clock = FakeClock()
    records = open_records(AppPaths.resolve(data), None, clock)
    try:
        with sqlite3.connect(data / "kapdesk.sqlite3") as db:
            kept = db.execute("SELECT handout_language FROM sessions").fetchall()
        assert kept
        assert all(language is None for (language,) in kept)
        summaries = JourneyStore(records.storage, clock).summaries()
        assert summaries
        assert all(summary.handout_language == "" for summary in summaries)
        session_id = summaries[0].id
        english = Printer(records.storage, clock, replace(records.clinic, language="en"))
        path = tmp_path / "handout.pdf"
        write_atomically(path, english.handout(session_id))
        assert "After your session" in pdf_text(path)
        french = Printer(records.storage, clock, replace(records.clinic, language="fr"))
        assert french._handout_words(summaries[0]).code == "fr"
    finally:
        records.storage.engine.dispose()
        if records.writer is not None:
            records.writer.release()


def test_the_next_start_says_nothing_more(earlier_data: tuple[str, Path], tmp_path: Path) -> None:
    _label, written = earlier_data
    data = _copy_of(written, tmp_path)
    for expected in (1, 0):
        records = open_records(AppPaths.resolve(data), None, FakeClock())
        try:
            told = [text for text in records.news if "kapdesk was updated" in text]
            assert len(told) == expected
        finally:
            records.storage.engine.dispose()
            if records.writer is not None:
                records.writer.release()


# -- the version noted in the records ---------------------------------------------------------


def _with_sessions(storage: Storage, count: int) -> None:
    from tests.conftest import make_protocol  # noqa: PLC0415

    store = JourneyStore(storage, FakeClock())
    for n in range(count):
        opened = store.open_session(f"P-{n:03}", make_protocol(), "Sam Ortiz")
        opened.journey.close("the session ended before its dose")
        opened.recorder.close()


def _noted(storage: Storage, version: str) -> None:
    """As if kapdesk ``version`` had opened the records last."""
    with storage.factory.begin() as session:
        note_version(session, version, "", FakeClock().now())


def _opened(paths: AppPaths) -> Records:
    records = open_records(paths, None, FakeClock())
    records.storage.engine.dispose()
    if records.writer is not None:
        records.writer.release()
    return records


def test_a_new_database_notes_the_version_that_made_it(paths: AppPaths) -> None:
    storage = open_storage(paths, None)
    assert storage.schema_before is None
    _with_sessions(storage, 2)  # as `kapdesk demo` would, before the window ever opens
    assert since_last_version(storage) is None
    storage.engine.dispose()
    records = _opened(paths)
    assert records.news == []
    assert not any("kapdesk was" in text for text in records.notices)


def test_an_upgrade_is_said_once_and_noted_in_the_audit_trail(paths: AppPaths) -> None:
    storage = open_storage(paths, None)
    _with_sessions(storage, 3)
    _noted(storage, "0.1.0")
    assert since_last_version(storage, "0.2.0") == Upgrade("0.1.0", "0.2.0", 3)
    assert Upgrade("0.1.0", "0.2.0", 3).notice() == (
        "kapdesk was updated from 0.1.0 to 0.2.0. The record holds 3 sessions. Nothing was lost."
    )
    storage.engine.dispose()
    first = _opened(paths)
    assert first.news == [
        f"kapdesk was updated from 0.1.0 to {__version__}. The record holds 3 sessions. "
        "Nothing was lost."
    ]
    assert _opened(paths).news == []
    with sqlite3.connect(paths.database) as db:
        noted = db.execute("SELECT version, previous FROM kapdesk_versions ORDER BY id").fetchall()
        logged = db.execute(
            "SELECT subject, detail FROM audit_log WHERE action = 'kapdesk_upgraded'"
        ).fetchall()
    assert noted == [(__version__, ""), ("0.1.0", ""), (__version__, "0.1.0")]
    assert len(logged) == 1
    assert logged[0][0] == __version__
    assert '"previous": "0.1.0"' in logged[0][1]


def test_an_older_kapdesk_over_newer_records_says_so_every_start(paths: AppPaths) -> None:
    storage = open_storage(paths, None)
    _with_sessions(storage, 2)
    _noted(storage, "99.0.0")
    upgrade = since_last_version(storage)
    assert upgrade is not None
    assert upgrade.downgrade
    storage.engine.dispose()
    for _ in range(2):  # not noted: said again until the newer kapdesk is back
        records = _opened(paths)
        assert records.news == []
        assert any("last opened by kapdesk 99.0.0, a newer version" in t for t in records.notices)
        assert any("Ask IT before recording here" in t for t in records.notices)


def test_versions_compare_by_their_numbers() -> None:
    assert Upgrade("0.10.0", "0.9.1", 1).downgrade
    assert not Upgrade("0.9.1", "0.10.0", 1).downgrade
    assert not Upgrade(EARLIER, "0.2.0", 1).downgrade
    assert "The record holds 1 session." in Upgrade(EARLIER, "0.2.0", 1).notice()


LOSING_UPGRADE = """
import sys
from alembic import command
from kapdesk.paths import AppPaths
from kapdesk.printing import Printer
from kapdesk.storage.db import open_storage
from kapdesk.storage.errors import DatabaseError

real = command.upgrade


def losing(config, revision):
    real(config, revision)
    config.attributes["connection"].exec_driver_sql("DELETE FROM database_identity")


command.upgrade = losing
try:
    open_storage(AppPaths.resolve(sys.argv[1]), None)
except DatabaseError as exc:
    print(exc)
"""


@pytest.mark.parametrize("earlier_data", ["schema 0008"], indirect=True)  # migrations to run
def test_an_upgrade_that_would_lose_rows_is_not_made(
    earlier_data: tuple[str, Path], tmp_path: Path
) -> None:
    """A migration that deleted rows (here, one made to) is refused whole: the schema and
    every row stay as they were, and the message says what would have been lost."""
    _label, written = earlier_data
    data = _copy_of(written, tmp_path)
    database = data / "kapdesk.sqlite3"
    columns = _columns(database)
    before = _snapshot(database, columns)
    ran = subprocess.run(
        [sys.executable, "-c", LOSING_UPGRADE, str(data)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert "would have lost rows of database_identity (1 rows before, 0 after)" in ran.stdout
    assert _snapshot(database, columns) == before  # none of it was made
    with sqlite3.connect(database) as db:
        (revision,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == "0008"
