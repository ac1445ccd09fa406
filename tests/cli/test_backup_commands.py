"""``kapdesk backup``, ``backup --verify``, ``backups`` and ``restore`` from a terminal: the drill
of docs/backup.md, the audit lines it leaves, plain refusals, and pg_dump for a clinic server."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kapdesk.backup_keeper import BackupKeeper
from kapdesk.cli import main
from kapdesk.core.clock import FakeClock
from kapdesk.core.room import RoomSettings
from kapdesk.demo import record_demo_session
from kapdesk.paths import AppPaths
from kapdesk.storage import encryption
from kapdesk.storage.db import open_storage
from kapdesk.storage.errors import StorageError
from kapdesk.storage.staff import StaffStore
from kapdesk.storage.writer_lock import WriterLock
from tests.support.keyring import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "harbour lights 7 evening"
SERVER = "postgresql+psycopg://kapdesk:s3cret-word@127.0.0.1:1/kapdesk"


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encryption, "_keyring", MemoryKeyring)
    monkeypatch.setenv(encryption.BACKUP_PASSPHRASE_ENV, PASSPHRASE)
    monkeypatch.delenv(encryption.PASSPHRASE_ENV, raising=False)


@pytest.fixture
def room(tmp_path: Path) -> AppPaths:
    """A data folder with three sessions; kapdesk not running on it."""
    paths = AppPaths.resolve(tmp_path / "room")
    storage = open_storage(paths, None)
    for _ in range(3):
        record_demo_session(storage)
    storage.engine.dispose()
    return paths


def _usb(tmp_path: Path) -> Path:
    """An empty folder standing for the backup drive."""
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _backed_up(room: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """One backup of ``room`` made from a terminal onto the drive; what it said is read."""
    folder = _usb(tmp_path)
    assert main(["--data-dir", str(room.data_dir), "backup", "--to", str(folder)]) == 0
    (made,) = folder.glob("*.kapdesk-backup")
    capsys.readouterr()
    return made


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _actions(paths: AppPaths) -> list[tuple[str, str]]:
    storage = open_storage(paths, None)
    try:
        return [
            (line.action, line.subject)
            for line in StaffStore(storage, FakeClock()).audit_trail()
            if line.action.startswith("backup")
        ]
    finally:
        storage.engine.dispose()


def _export(paths: AppPaths, session: int, capsysbinary: pytest.CaptureFixture[bytes]) -> bytes:
    assert main(["--data-dir", str(paths.data_dir), "export", str(session)]) == 0
    return capsysbinary.readouterr().out


def test_the_drill_backs_up_verifies_lists_and_restores_every_session_byte_for_byte(
    room: AppPaths, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    folder = _usb(tmp_path)
    data = str(room.data_dir)

    assert main(["--data-dir", data, "backup", "--to", str(folder)]) == 0
    made_line = capsysbinary.readouterr().out.decode()
    (made,) = folder.glob("*.kapdesk-backup")
    assert made_line.startswith(f"{made}: made ")
    assert "3 sessions" in made_line
    assert "encrypted with the backup passphrase" in made_line

    assert main(["--data-dir", data, "backup", "--verify", str(made)]) == 0
    assert f"{made}: whole: " in capsysbinary.readouterr().out.decode()
    assert main(["--data-dir", data, "backups", "--in", str(folder)]) == 0
    listed = capsysbinary.readouterr().out.decode().splitlines()
    assert listed[1].endswith(f"verified      {made.name}")
    assert _actions(room) == [("backup_made", made.name), ("backup_verified", made.name)]

    fresh = AppPaths.resolve(tmp_path / "new-pc")
    assert main(["--data-dir", str(fresh.data_dir), "restore", str(made)]) == 0
    said = capsysbinary.readouterr().out.decode()
    assert f"restored into {fresh.database}" in said
    for session in (1, 2, 3):
        assert _export(fresh, session, capsysbinary) == _export(room, session, capsysbinary)
    assert ("backup_restored", made.name) in _actions(fresh)


def test_restore_says_it_is_done_when_the_audit_trail_cannot_note_it(
    room: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = _backed_up(room, tmp_path, capsys)

    def full_disk(*_args: object, **_detail: object) -> None:
        raise StorageError("The audit log could not be written (the disk is full)")

    monkeypatch.setattr(StaffStore, "record", full_disk)
    fresh = AppPaths.resolve(tmp_path / "new-pc")
    code, out, err = _run(capsys, "--data-dir", str(fresh.data_dir), "restore", str(made))

    assert code == 0
    assert f"restored into {fresh.database}" in out
    assert err == (
        "kapdesk: the restore is done; the audit trail could not note it: The audit log "
        "could not be written (the disk is full)\n"
    )
    assert fresh.database.exists()


def test_backup_goes_to_the_room_folder_and_says_when_there_is_none(
    room: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(room.data_dir)
    code, _out, err = _run(capsys, "--data-dir", data, "backup")
    assert code == 2
    assert err == (
        "kapdesk: there is no backup folder: give --to DIR, or set this room PC's backup "
        "folder on the admin's page (This room PC)\n"
    )
    folder = _usb(tmp_path)
    room.room_settings.write_text(f'backup_dir = "{folder}"\n', encoding="utf-8")
    code, out, err = _run(capsys, "--data-dir", data, "backup")
    assert code == 0
    # A test's folders share one disk, as a backup folder on an unplugged drive's mount point
    # does: the command says so, as the admin's page does.
    assert err == (
        f"kapdesk: The backup folder {folder} is on the same disk as the record: if that disk "
        "fails, the backups go with it (is the drive unplugged or the share not mounted?).\n"
    )
    (made,) = folder.glob("kapdesk-room-*.kapdesk-backup")
    code, out, _err = _run(capsys, "--data-dir", data, "backups")
    assert code == 0
    assert "verified" in out

    # The admin's page shows the room folder's newest backup, made here or by the window.
    keeper = BackupKeeper(open_storage(room, None), room, RoomSettings(), FakeClock(), None)
    try:
        last = keeper.last_good()
        assert last is not None
        assert (last.folder, last.file, last.sessions) == (str(folder), made.name, 3)
        assert last.size == made.stat().st_size
        # A backup into a folder named by hand is not the room's: the page keeps the room's.
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        assert _run(capsys, "--data-dir", data, "backup", "--to", str(elsewhere))[0] == 0
        assert keeper.last_good() == last
    finally:
        keeper.storage.engine.dispose()


def test_a_missing_folder_or_passphrase_is_said_in_one_line(
    room: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = str(room.data_dir)
    gone = tmp_path / "unplugged"
    code, _out, err = _run(capsys, "--data-dir", data, "backup", "--to", str(gone))
    assert code == 1
    assert err.startswith("kapdesk: ")
    assert str(gone) in err
    assert err.count("\n") == 1
    code, _out, err = _run(capsys, "--data-dir", data, "backups", "--in", str(gone))
    assert code == 1
    assert str(gone) in err

    monkeypatch.delenv(encryption.BACKUP_PASSPHRASE_ENV)
    folder = _usb(tmp_path)
    code, _out, err = _run(capsys, "--data-dir", data, "backup", "--to", str(folder))
    assert code == 1
    assert "there is no backup passphrase" in err
    assert "--unencrypted" in err
    assert list(folder.iterdir()) == []
    code, out, _err = _run(
        capsys, "--data-dir", data, "backup", "--to", str(folder), "--unencrypted"
    )
    assert code == 0
    assert "not encrypted" in out


def test_while_the_window_runs_backup_is_made_and_restore_refused(
    room: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(room.data_dir)
    folder = _usb(tmp_path)
    window = WriterLock(room.database, "kapdesk-window")
    window.acquire()
    try:
        code, out, err = _run(capsys, "--data-dir", data, "backup", "--to", str(folder))
        assert code == 0
        (made,) = folder.glob("*.kapdesk-backup")
        assert out.startswith(f"{made}: made ")
        assert "the audit trail does not note it: kapdesk is running" in err
        assert '"Back up now"' in err
        before = room.database.read_bytes()
        code, _out, err = _run(capsys, "--data-dir", data, "restore", str(made), "--force")
        assert code == 1
        assert "in use by another kapdesk" in err
        assert "nothing was changed" in err
        assert room.database.read_bytes() == before
    finally:
        window.release()
    assert _actions(room) == []


def test_a_corrupt_backup_fails_verify_and_restore(
    room: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(room.data_dir)
    made = _backed_up(room, tmp_path, capsys)
    damaged = bytearray(made.read_bytes())
    damaged[-4096:] = bytes(4096)
    made.write_bytes(bytes(damaged))
    code, _out, err = _run(capsys, "--data-dir", data, "backup", "--verify", str(made))
    assert code == 1
    assert err.startswith("kapdesk: ")
    before = sorted(path.name for path in room.data_dir.iterdir())
    code, _out, err = _run(capsys, "--data-dir", data, "restore", str(made), "--force")
    assert code == 1
    assert "Nothing was restored" in err
    assert sorted(path.name for path in room.data_dir.iterdir()) == before


def test_options_that_do_not_go_together_are_refused(
    room: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(room.data_dir)
    code, _out, err = _run(capsys, "--data-dir", data, "backup", "--verify", "x", "--to", "y")
    assert code == 2
    assert "--verify" in err
    code, _out, err = _run(capsys, "--data-dir", data, "--practice", "backup", "--to", "y")
    assert code == 2
    assert "practice record holds no patients" in err
    code, _out, err = _run(capsys, "--data-dir", data, "--db", "sqlite:///x.db", "restore", "f")
    assert code == 2
    assert "not --db" in err


# -- a clinic server: pg_dump --------------------------------------------------------------


def _fake_pg_dump(folder: Path, *, fails: bool = False) -> Path:
    """A pg_dump on PATH that writes a known file where --file says, and notes how it was
    called (its arguments, and the password it was given in its environment)."""
    folder.mkdir()
    script = folder / "pg_dump"
    script.write_text(
        f"""#!{sys.executable}
import os, sys
with open({str(folder / "called")!r}, "w") as noted:
    noted.write(repr(sys.argv[1:]) + "\\n" + os.environ.get("PGPASSWORD", "") + "\\n")
target = next(arg[len("--file="):] for arg in sys.argv if arg.startswith("--file="))
with open(target, "wb") as dump:
    dump.write(b"PGDMP known dump")
if {fails!r}:
    print("pg_dump: error: connection to server failed: refused", file=sys.stderr)
    sys.exit(1)
""",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder


def test_backup_on_a_server_runs_pg_dump_with_the_password_kept_off_its_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tools = _fake_pg_dump(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(tools))
    folder = _usb(tmp_path)
    code, out, err = _run(
        capsys, "--data-dir", str(tmp_path / "room"), "--db", SERVER, "backup", "--to", str(folder)
    )
    assert code == 0, err
    (made,) = folder.iterdir()
    assert made.name.startswith("kapdesk-room-")
    assert made.name.endswith(".pgdump")
    assert made.read_bytes() == b"PGDMP known dump"
    assert out.startswith(f"{made}: pg_dump of the clinic server")
    assert "not encrypted" in out
    arguments, password = (tools / "called").read_text(encoding="utf-8").splitlines()
    assert "'-Fc'" in arguments
    assert "postgresql://kapdesk@127.0.0.1:1/kapdesk" in arguments
    assert "s3cret-word" not in arguments
    assert password == "s3cret-word"


def test_a_failing_pg_dump_leaves_no_file_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(_fake_pg_dump(tmp_path / "bin", fails=True)))
    folder = _usb(tmp_path)
    code, _out, err = _run(
        capsys, "--data-dir", str(tmp_path / "room"), "--db", SERVER, "backup", "--to", str(folder)
    )
    assert code == 1
    assert err == (
        "kapdesk: pg_dump could not dump the clinic server: pg_dump: error: connection to "
        "server failed: refused\n"
    )
    assert list(folder.iterdir()) == []


def test_without_pg_dump_it_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    folder = _usb(tmp_path)
    room = AppPaths.resolve(tmp_path / "room")
    room.ensure_private()
    room.room_settings.write_text(
        'database = "postgresql://kapdesk@127.0.0.1:1/kapdesk"\n', encoding="utf-8"
    )
    code, out, err = _run(capsys, "--data-dir", str(room.data_dir), "backup", "--to", str(folder))
    assert (code, out) == (1, "")
    assert err.startswith("kapdesk: pg_dump is not installed on this PC")
    assert "postgresql-client" in err
    assert "docs/backup.md" in err
    assert list(folder.iterdir()) == []


def test_a_real_server_is_dumped_by_pg_dump(
    fresh_postgres: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    storage = open_storage(AppPaths.resolve(tmp_path / "room"), fresh_postgres)
    record_demo_session(storage)
    storage.engine.dispose()
    folder = _usb(tmp_path)
    code, _out, err = _run(
        capsys,
        "--data-dir",
        str(tmp_path / "room"),
        "--db",
        fresh_postgres,
        "backup",
        "--to",
        str(folder),
    )
    assert code == 0, err
    (made,) = folder.iterdir()
    listed = subprocess.run(
        ["pg_restore", "--list", str(made)], capture_output=True, text=True, check=False
    )
    assert listed.returncode == 0, listed.stderr
    assert "TABLE DATA public session_events" in listed.stdout
    storage = open_storage(AppPaths.resolve(tmp_path / "room"), fresh_postgres)
    try:
        lines = StaffStore(storage, FakeClock()).audit_trail()
        assert any(line.action == "backup_made" and line.subject == made.name for line in lines)
    finally:
        storage.engine.dispose()


@pytest.mark.subprocess
def test_from_a_terminal_a_bad_backup_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "kapdesk-room-20260302-090000.kapdesk-backup"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(4000))
    for command in (["backup", "--verify", str(bad)], ["restore", str(bad)]):
        ran = subprocess.run(
            [sys.executable, "-m", "kapdesk", "--data-dir", str(tmp_path / "room"), *command],
            cwd=ROOT,
            env={**os.environ, "KAPDESK_BACKUP_PASSPHRASE": PASSPHRASE},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert ran.returncode == 1
        assert ran.stderr.startswith("kapdesk: ")
        assert "Traceback" not in ran.stderr


def test_restore_names_files_found_beside_no_database_as_what_they_are(
    room: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = _backed_up(room, tmp_path, capsys)
    fresh = AppPaths.resolve(tmp_path / "new-pc")
    fresh.ensure_private()
    (fresh.data_dir / "kapdesk.sqlite3-journal").write_bytes(b"")

    code, out, _err = _run(capsys, "--data-dir", str(fresh.data_dir), "restore", str(made))

    assert code == 0
    assert "The database before it is kept as" not in out
    assert "Files found beside no database are kept as kapdesk.sqlite3.before-restore-" in out
    assert out.rstrip().endswith("-journal.")
