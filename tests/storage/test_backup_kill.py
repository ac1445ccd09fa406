"""A backup killed at any moment (SIGKILL, as a power cut or the OOM killer would) never leaves a
partial file under a backup's real name, never harms the backups made before it, and what it
leaves (a partial, a plain snapshot of the record) is swept at start and by the next backup."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from kapdesk.core.backups import Encryption, parse_backup_name
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.observations import note_data
from kapdesk.paths import AppPaths
from kapdesk.storage.backup import make_backup, sweep_leftovers, verify_backup
from kapdesk.storage.db import open_storage
from kapdesk.storage.encryption import BACKUP_PASSPHRASE_ENV
from kapdesk.storage.journeys import JourneyStore
from tests.conftest import make_protocol
from tests.support.crash import ROOT

KILLS = 50
ROTATING_KILLS = 15
SEED = 20
PASSPHRASE = "orchard window 19 amber"
DRIVER = ROOT / "tests" / "support" / "backup_driver.py"
AUDIT_LINES = 2500  # a record of a MB or so: a backup takes long enough to be killed inside


def _a_record(paths: AppPaths) -> None:
    clock = FakeClock()
    storage = open_storage(paths, None)
    opened = JourneyStore(storage, clock).open_session("P-1", make_protocol(), "Robin Hale")
    opened.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    opened.journey.record_observation(EventKind.NOTE, note_data("Calm, eyes closed", [], ""))
    assert opened.recorder.flush(timeout=10)
    opened.recorder.close()
    with storage.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_log (at, who, action, subject, detail) "
                "VALUES (:at, 'Robin Hale', 'export', :subject, '{}')"
            ),
            [
                {"at": clock.now() + timedelta(seconds=line), "subject": f"{line:06d} " * 40}
                for line in range(AUDIT_LINES)
            ],
        )
    storage.engine.dispose()


@pytest.fixture
def driver_env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        import sqlcipher3  # noqa: F401, PLC0415

        env[BACKUP_PASSPHRASE_ENV] = PASSPHRASE
    except ImportError:
        env.pop(BACKUP_PASSPHRASE_ENV, None)
    return env


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _backups(folder: Path) -> Iterator[Path]:
    for name in sorted(os.listdir(folder)):
        if parse_backup_name(name) is not None:
            yield folder / name


def _passing_files(*places: Path) -> list[str]:
    """What a backup writes on its way (partials, plain snapshots, their SQLite sidecars)."""
    return sorted(
        name
        for place in places
        for name in os.listdir(place)
        if ".partial" in name or ".backup-plain" in name
    )


def _run_and_kill(env: dict[str, str], data: Path, folder: Path, after: float, *more: str) -> int:
    """Run the driver, which kills itself ``after`` seconds once it is ready; the backups it
    said it made."""
    driver = subprocess.Popen(
        [sys.executable, str(DRIVER), str(data), str(folder), str(after), *more],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        said, problems = driver.communicate(timeout=60)
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait()
    assert said.startswith("ready\n"), problems
    assert driver.returncode == -signal.SIGKILL, problems
    return said.count("made ")


def test_backups_killed_at_random_moments_leave_only_whole_backups(
    paths: AppPaths, tmp_path: Path, driver_env: dict[str, str]
) -> None:
    _a_record(paths)
    folder = tmp_path / "usb"
    folder.mkdir()
    chance = random.Random(SEED)
    known: dict[Path, str] = {}  # every real-named backup seen, and its SHA-256 then
    killed_inside = 0  # kills that left a partial behind: they landed inside a backup
    partials_seen: set[str] = set()  # each backup's partial has a name of its own
    passphrase = driver_env.get(BACKUP_PASSPHRASE_ENV)
    for _ in range(KILLS):
        _run_and_kill(driver_env, paths.data_dir, folder, chance.uniform(0.0, 0.4))
        partials = {name for name in os.listdir(folder) if name.endswith(".partial")}
        killed_inside += bool(partials - partials_seen)
        partials_seen |= partials
        for backup in _backups(folder):
            if backup in known:
                continue
            # A file under a backup's real name is whole: it verifies (against its facts,
            # when the kill left it time to write them).
            assert verify_backup(backup, passphrase).counts.audit == AUDIT_LINES
            known[backup] = _sha(backup)
    # What was made before each kill is still there, byte for byte.
    assert {backup: _sha(backup) for backup in _backups(folder)} == known
    assert len(known) >= 5
    assert killed_inside >= 5
    _leftovers_swept(paths, folder, passphrase)


def test_a_backup_killed_while_it_rotates_never_leaves_the_folder_without_a_good_backup(
    paths: AppPaths, tmp_path: Path, driver_env: dict[str, str]
) -> None:
    _a_record(paths)
    folder = tmp_path / "usb"
    folder.mkdir()
    chance = random.Random(SEED + 1)
    passphrase = driver_env.get(BACKUP_PASSPHRASE_ENV)
    made = kills = 0
    # At least ROTATING_KILLS kills, and on until three backups were made (a slow machine
    # makes fewer before each kill): the check below needs backups to rotate.
    while kills < ROTATING_KILLS or (made < 3 and kills < 4 * ROTATING_KILLS):
        window = 0.6 if kills < ROTATING_KILLS else 3.0
        made += _run_and_kill(
            driver_env, paths.data_dir, folder, chance.uniform(0.0, window), "--rotate"
        )
        kills += 1
        backups = list(_backups(folder))
        for backup in backups:
            assert verify_backup(backup, passphrase).counts.audit == AUDIT_LINES
        if made:
            # Rotation removes an older backup only once a newer one is verified: whatever
            # moment the kill chose, a backup with its facts stays.
            assert any(Path(f"{backup}.json").exists() for backup in backups), backups
    assert made >= 3
    _leftovers_swept(paths, folder, passphrase)


def _leftovers_swept(paths: AppPaths, folder: Path, passphrase: str | None) -> None:
    """What the kills left goes at start (the window's sweep), and nothing passing stays
    after one more backup."""
    storage = open_storage(paths, None)
    try:
        sweep_leftovers(storage, folder)
        assert _passing_files(paths.data_dir, folder) == []
        made, _facts = make_backup(
            storage,
            folder,
            room="Room 1",
            clock=FakeClock(),
            passphrase=passphrase,
            encryption=Encryption.BACKUP_PASSPHRASE if passphrase else Encryption.NONE,
        )
    finally:
        storage.engine.dispose()
    assert _passing_files(paths.data_dir, folder) == []
    assert verify_backup(made, passphrase).counts.audit == AUDIT_LINES
