"""A restore killed at any step (SIGKILL, as a power cut or the OOM killer would) leaves the
data folder with a whole database in place: the record before the restore or the restored one,
never none and never one with another database's WAL beside it; and the copy kept aside, once
there, is whole."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kapdesk.core.backups import Encryption
from kapdesk.core.clock import FakeClock
from kapdesk.demo import record_demo_session
from kapdesk.paths import AppPaths
from kapdesk.reports.exports import export_session
from kapdesk.storage.backup import make_backup
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.sqlite_witness import wal_generation
from tests.support.crash import ROOT

DRIVER = ROOT / "tests" / "support" / "restore_driver.py"
FIRST_DAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
KEPT = re.compile(r"kapdesk\.sqlite3\.before-restore-[0-9-]+")
MOST_STEPS = 60


def _exports(paths: AppPaths) -> dict[int, bytes]:
    storage = open_storage(paths, None)
    try:
        store = JourneyStore(storage, FakeClock())
        exported = {}
        for row in store.summaries(limit=None, only_open=False):
            summary, journey = store.load(row.id)
            exported[row.id] = export_session(summary, journey, "json")
        return exported
    finally:
        storage.engine.dispose()


def _record_with_a_wal(paths: AppPaths, tmp_path: Path) -> tuple[Path, Path]:
    """A backup of two sessions, and a copy of the record after a third, taken while it is
    open: its last session still in the WAL beside the file. (The backup, the copy.)"""
    (tmp_path / "usb").mkdir()
    storage: Storage = open_storage(paths, None)
    try:
        for day in range(2):
            record_demo_session(storage, FIRST_DAY + timedelta(days=day))
        backup, _facts = make_backup(
            storage,
            tmp_path / "usb",
            room="Room 2",
            clock=FakeClock(),
            passphrase=None,
            encryption=Encryption.NONE,
        )
        record_demo_session(storage, FIRST_DAY + timedelta(days=5))
        copy = tmp_path / "record-with-wal"
        copy.mkdir()
        for name in ("kapdesk.sqlite3", "kapdesk.sqlite3-wal", "kapdesk.sqlite3-kapdesk.json"):
            shutil.copy2(paths.data_dir / name, copy / name)
    finally:
        storage.engine.dispose()
    assert wal_generation(copy / "kapdesk.sqlite3") is not None
    return backup, copy


def _kill_at(data: Path, backup: Path, step: int) -> bool:
    """Run the driver, killed before ``step``; whether the restore finished first."""
    driver = subprocess.run(
        [sys.executable, str(DRIVER), str(data), str(backup), str(step)],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if driver.returncode == 0:
        assert driver.stdout.startswith("done")
        return True
    assert driver.returncode == -signal.SIGKILL, driver.stderr
    return False


def test_a_restore_killed_at_any_step_leaves_a_whole_database_in_place(
    paths: AppPaths, tmp_path: Path
) -> None:
    backup, record = _record_with_a_wal(paths, tmp_path)
    before = _exports(AppPaths.resolve(shutil.copytree(record, tmp_path / "before")))
    assert len(before) == 3
    kills = 0
    found_restored: dict[int, bytes] | None = None
    for step in range(1, MOST_STEPS):
        data = tmp_path / f"kill-{step}"
        shutil.copytree(record, data)
        finished = _kill_at(data, backup, step)
        kills += not finished
        # The copy kept aside, when there is one, is the whole record before, by itself.
        for kept in [path for path in data.iterdir() if KEPT.fullmatch(path.name)]:
            alone = tmp_path / f"kept-{step}"
            alone.mkdir()
            shutil.copy2(kept, alone / "kapdesk.sqlite3")
            assert _exports(AppPaths.resolve(alone)) == before
        now = _exports(AppPaths.resolve(data))
        if now != before:
            assert len(now) == 2  # the restored record, whole, never an empty one
            assert found_restored in (None, now)
            found_restored = now
        if finished:
            assert now == found_restored
            break
    else:
        raise AssertionError(f"the restore did not finish in {MOST_STEPS} steps")
    assert kills >= 8
