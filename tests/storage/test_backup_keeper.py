"""The room's backup keeper: backups made with the room's settings and the right passphrase,
the last good one remembered in backups.json, each audited, and never an exception."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kapdesk.backup_keeper import NO_FOLDER, NO_PASSPHRASE, UNEXPECTED, BackupKeeper
from kapdesk.core.backups import BACKUP_SUFFIX
from kapdesk.core.clock import FakeClock
from kapdesk.core.room import RoomSettings
from kapdesk.paths import AppPaths
from kapdesk.storage import backup as backup_engine
from kapdesk.storage.backup import verify_backup
from kapdesk.storage.db import Storage
from kapdesk.storage.encryption import BACKUP_PASSPHRASE_ENV
from kapdesk.storage.staff import StaffStore


@pytest.fixture
def backend() -> str:
    """A room PC's own SQLite record: a clinic server is backed up by its own tools."""
    return "sqlite"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "usb"
    made.mkdir()
    return made


def _keeper(
    storage: Storage, paths: AppPaths, clock: FakeClock, room: RoomSettings
) -> BackupKeeper:
    return BackupKeeper(storage, paths, room, clock, StaffStore(storage, clock))


def test_a_backup_with_the_passphrase_is_remembered_and_audited(
    storage: Storage,
    paths: AppPaths,
    clock: FakeClock,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(BACKUP_PASSPHRASE_ENV, "a long backup passphrase")
    keeper = _keeper(storage, paths, clock, RoomSettings("Room 2", backup_dir=str(folder)))
    assert keeper.due()  # none made yet
    outcome = keeper.back_up("asked", by="Ana Moreno")
    assert outcome.ok, outcome.problem
    (made,) = folder.glob(f"*{BACKUP_SUFFIX}")
    assert verify_backup(made, "a long backup passphrase").encryption.value == "backup-passphrase"
    last = keeper.last_good()
    assert last is not None
    assert (last.file, last.folder, last.made_at) == (made.name, str(folder), clock.now())
    assert not keeper.due()
    assert keeper.notice(keeper.last_good()) == (  # a test's folders share the record's disk
        f"The backup folder {folder} is on the same disk as the record: if that disk fails, "
        "the backups go with it (is the drive unplugged or the share not mounted?)."
    )
    clock.advance(24 * 3600)
    assert keeper.due()
    clock.advance(2 * 24 * 3600)
    assert keeper.notice(keeper.last_good()) == (
        "The last good backup is 3 days old: check the backup folder is there and has room."
    )
    audit = StaffStore(storage, clock).audit_log()
    (line,) = [a for a in audit if a.action == "backup_made"]
    assert (line.who, line.subject, line.detail["why"]) == ("Ana Moreno", made.name, "asked")


def test_a_backup_that_cannot_be_made_is_a_sentence_kept_and_audited(
    storage: Storage, paths: AppPaths, clock: FakeClock, folder: Path
) -> None:
    keeper = _keeper(storage, paths, clock, RoomSettings(backup_dir=str(folder)))
    outcome = keeper.back_up("daily")  # no passphrase anywhere: never a plain backup
    assert (outcome.ok, outcome.problem) == (False, NO_PASSPHRASE)
    assert list(folder.iterdir()) == []
    keeper.room = RoomSettings()
    assert keeper.back_up("asked").problem == NO_FOLDER
    assert not keeper.due()  # no folder, no daily backup
    keeper.room = RoomSettings(backup_dir=str(folder / "gone"), backup_unencrypted=True)
    gone = keeper.back_up("session closed")
    assert gone.problem is not None
    assert "is not there" in gone.problem
    state = json.loads((paths.data_dir / "backups.json").read_text(encoding="utf-8"))
    assert state["failure"]["why"] == "session closed"
    assert keeper.last_failure() == (clock.now(), gone.problem)
    audit = StaffStore(storage, clock).audit_log()
    assert [a.detail["why"] for a in audit if a.action == "backup_failed"] == [
        "daily",
        "asked",
        "session closed",
    ]
    keeper.room = replace(keeper.room, backup_dir=str(folder))
    assert keeper.back_up("asked").ok
    assert keeper.last_failure() is None  # a good backup since


def test_a_damaged_state_file_is_read_as_none(
    storage: Storage, paths: AppPaths, clock: FakeClock, folder: Path
) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    (paths.data_dir / "backups.json").write_text("{not json", encoding="utf-8")
    keeper = _keeper(storage, paths, clock, RoomSettings(backup_dir=str(folder)))
    assert keeper.last_good() is None
    assert keeper.notice(keeper.last_good()) == "No backup of this PC's records has been made yet."


def test_the_daily_backup_waits_for_one_under_way_and_counts_it(
    storage: Storage, paths: AppPaths, clock: FakeClock, folder: Path
) -> None:
    keeper = _keeper(
        storage, paths, clock, RoomSettings(backup_dir=str(folder), backup_unencrypted=True)
    )
    assert keeper.back_up("session closed").ok
    assert keeper.back_up_if_due() is None  # the one after the session counts for today
    clock.advance(24 * 3600)
    daily = keeper.back_up_if_due()
    assert daily is not None
    assert (daily.ok, daily.why) == (True, "daily")
    assert len(list(folder.glob(f"*{BACKUP_SUFFIX}"))) == 2


def test_an_unexpected_fault_is_a_calm_sentence_and_the_next_backup_is_made(
    storage: Storage,
    paths: AppPaths,
    clock: FakeClock,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keeper = _keeper(
        storage, paths, clock, RoomSettings(backup_dir=str(folder), backup_unencrypted=True)
    )

    def fault(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("sqlite3 internals at 0x7f3a /home/nurse/secret")

    real = backup_engine.make_backup
    monkeypatch.setattr(backup_engine, "make_backup", fault)
    outcome = keeper.back_up("asked")
    assert outcome.problem == UNEXPECTED  # never the fault's own words on the admin's page
    assert "0x7f3a" not in json.dumps(json.loads(keeper.state_file.read_text(encoding="utf-8")))
    monkeypatch.setattr(backup_engine, "make_backup", real)
    assert keeper.back_up("asked").ok
