"""``export -o`` and ``handout -o`` never write over kapdesk's own files, a device, a pipe or a
folder, never replace a file without ``--force``, and write whole or not at all."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path

import pytest

from kapdesk.cli import main
from kapdesk.core.safe_files import SafeFileError, write_file
from kapdesk.paths import AppPaths
from kapdesk.storage.sqlite_witness import wal_of, witness_of
from kapdesk.storage.writer_lock import lock_path

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[AppPaths, str]:
    """A data folder holding one demo session, with an outbox and a room.toml beside it."""
    data = tmp_path_factory.mktemp("kept") / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    paths = AppPaths.resolve(data)
    paths.outbox.write_bytes(b"outbox")
    paths.room_settings.write_text('room_name = "Room 2"\n', encoding="utf-8")
    session = "1"
    return paths, session


def _digest(folder: Path) -> dict[str, str]:
    """Every file in a folder, by name, with its hash: to prove nothing in it changed."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def _run(paths: AppPaths, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(["--data-dir", str(paths.data_dir), *args])
    except SystemExit as exited:
        code = int(exited.code or 0)
    return code, capsys.readouterr().err


def _targets(paths: AppPaths, tmp_path: Path) -> list[Path]:
    """Ways of naming kapdesk's own files: directly, through `..`, through a symlink."""
    (tmp_path / "link-to-data").symlink_to(paths.data_dir)
    (tmp_path / "link-to-db").symlink_to(paths.database)
    return [
        paths.database,
        paths.database.with_name(paths.database.name + "-wal"),
        paths.database.with_name(paths.database.name + "-shm"),
        paths.outbox,
        paths.room_settings,
        paths.clinic_settings,
        paths.data_dir / "new-export.json",
        paths.data_dir / "logs" / ".." / "kapdesk.sqlite3",
        tmp_path / "link-to-data" / "kapdesk.sqlite3",
        tmp_path / "link-to-data" / "fresh.json",
        tmp_path / "link-to-db",
    ]


@pytest.mark.parametrize("command", ["json", "pdf", "handout"])
def test_kapdesks_own_files_are_never_written(
    demo: tuple[AppPaths, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    paths, session = demo
    before = _digest(paths.data_dir)
    for target in _targets(paths, tmp_path):
        if command == "handout":
            args = ["handout", session, "-o", str(target), "--force"]
        else:
            args = ["export", session, "--format", command, "-o", str(target), "--force"]
        code, err = _run(paths, *args, capsys=capsys)
        assert code == 1, target
        assert err.startswith(f"kapdesk: cannot write {target}: it is "), err
        assert "Traceback" not in err
    assert _digest(paths.data_dir) == before
    assert not (paths.data_dir / "new-export.json").exists()
    assert not (paths.data_dir / "fresh.json").exists()
    assert main(["--data-dir", str(paths.data_dir), "sessions", "list"]) == 0


def test_a_sqlite_file_given_with_db_is_kept_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "elsewhere.sqlite3"
    url = f"sqlite:///{database}"
    assert main(["--data-dir", str(tmp_path / "d"), "--db", url, "demo"]) == 0
    capsys.readouterr()
    saved = database.read_bytes()
    (tmp_path / "set-aside").mkdir(exist_ok=True)
    targets = (
        database,
        wal_of(database),
        witness_of(database),
        lock_path(database),
        tmp_path / "set-aside" / "README.txt",
    )
    for target in targets:
        args = ["export", "1", "-o", str(target), "--force"]
        code = main(["--data-dir", str(tmp_path / "d"), "--db", url, *args])
        assert code == 1
        assert "kapdesk's own data" in capsys.readouterr().err
    assert database.read_bytes() == saved


def test_special_files_are_never_replaced(
    demo: tuple[AppPaths, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths, session = demo
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "dangling").symlink_to(tmp_path / "nothing-here")
    (tmp_path / "to-fifo").symlink_to(fifo)
    specials = [fifo, folder, tmp_path / "loop", tmp_path / "dangling", tmp_path / "to-fifo"]
    if os.geteuid() == 0:  # a device node of our own (never the machine's /dev/null)
        device = tmp_path / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        specials.append(device)
    for target in specials:
        code, err = _run(paths, "export", session, "-o", str(target), "--force", capsys=capsys)
        assert code == 1, target
        assert err.startswith(f"kapdesk: cannot write {target}: "), err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert stat.S_ISDIR(os.stat(folder).st_mode)
    assert os.readlink(tmp_path / "dangling") == str(tmp_path / "nothing-here")
    assert not (tmp_path / "nothing-here").exists()
    if os.geteuid() == 0:
        assert stat.S_ISCHR(os.stat(tmp_path / "null").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_existing_file_is_replaced_only_with_force(
    demo: tuple[AppPaths, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths, session = demo
    target = tmp_path / "record.pdf"
    target.write_bytes(b"last week's record")
    for args in (["export", session, "--format", "pdf"], ["handout", session]):
        code, err = _run(paths, *args, "-o", str(target), capsys=capsys)
        assert (code, err) == (
            1,
            f"kapdesk: cannot write {target}: it already exists; give --force to replace it\n",
        )
        assert target.read_bytes() == b"last week's record"
    code, err = _run(paths, "handout", session, "-o", str(target), "--force", capsys=capsys)
    assert (code, err) == (0, "")
    assert target.read_bytes().startswith(b"%PDF")
    # A symlink to a regular file outside the data folder: the file it names is replaced.
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    code, err = _run(paths, "export", session, "-o", str(link), "--force", capsys=capsys)
    assert (code, err) == (0, "")
    assert link.is_symlink()
    assert target.read_bytes().startswith(b"{")


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"old")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(SafeFileError, match="No space left on device; the file there before"):
        write_file(target, b"new" * 1000, force=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]
