"""Kills during the very first start and during a schema upgrade (real child processes,
SIGKILL at random moments): the folder must open afterwards, with every record it held."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from kapdesk.paths import AppPaths
from kapdesk.storage.db import (
    MIGRATIONS_DIR,
    current_revision,
    make_engine,
    open_storage,
)
from kapdesk.storage.schema_revision import SCHEMA_HEAD
from tests.support.crash import kill_while_opening, spread_moments, time_opening

TRIES = 20
# Kills land anywhere in the time one opening takes on this machine, and a little after.
AFTER = 1.2


def _opens(data_dir: Path) -> list[str]:
    """Open the folder as kapdesk does; the clinic codes of the patients it holds."""
    storage = open_storage(AppPaths.resolve(data_dir), None)
    try:
        assert current_revision(storage.engine) == SCHEMA_HEAD
        with storage.engine.connect() as conn:
            return list(
                conn.execute(text("SELECT clinic_code FROM patients ORDER BY id")).scalars()
            )
    finally:
        storage.engine.dispose()


@pytest.mark.subprocess
def test_a_kill_during_the_first_start_never_leaves_a_folder_that_will_not_open(
    tmp_path: Path,
) -> None:
    within = time_opening(tmp_path / "timed") * AFTER
    killed = 0
    for attempt, moment in enumerate(spread_moments(within, TRIES, seed=20261202)):
        data_dir = tmp_path / f"room-{attempt}"
        killed += kill_while_opening(data_dir, moment)
        assert _opens(data_dir) == []
    assert killed >= TRIES // 3  # many kills landed before the first start was over


def _database_at(revision: str, data_dir: Path) -> None:
    """A data folder whose record was made by an older kapdesk (schema ``revision``)."""
    data_dir.mkdir(mode=0o700)
    engine = make_engine(f"sqlite:///{data_dir / 'kapdesk.sqlite3'}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    with engine.begin() as conn:
        for code in ("P-001", "P-002", "P-003"):
            conn.execute(
                text(
                    "INSERT INTO patients (clinic_code, created_at) "
                    "VALUES (:code, '2026-11-30 09:00:00')"
                ),
                {"code": code},
            )
    engine.dispose()


@pytest.mark.subprocess
def test_a_kill_during_an_upgrade_keeps_every_record_and_opens_again(tmp_path: Path) -> None:
    template = tmp_path / "old"
    _database_at("0004", template)
    shutil.copytree(template, tmp_path / "timed")
    within = time_opening(tmp_path / "timed") * AFTER
    killed = 0
    for attempt, moment in enumerate(spread_moments(within, TRIES, seed=20261203)):
        data_dir = tmp_path / f"room-{attempt}"
        shutil.copytree(template, data_dir)
        killed += kill_while_opening(data_dir, moment)
        assert _opens(data_dir) == ["P-001", "P-002", "P-003"]
    assert killed >= TRIES // 3
