"""Writing a file whole: the new content or the old, never half of either, and the rename kept
through a power cut by syncing the folder."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from kapdesk.core import safe_files
from kapdesk.core.safe_files import write_atomically


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_bytes_and_text_are_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "room.toml"
    write_atomically(target, b"first\n")
    assert target.read_bytes() == b"first\n"
    write_atomically(target, "second — été\n")
    assert target.read_text(encoding="utf-8") == "second — été\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["room.toml"]


def test_a_new_file_is_its_owners_only_unless_a_mode_is_given(tmp_path: Path) -> None:
    write_atomically(tmp_path / "new", b"x")
    assert _mode(tmp_path / "new") == 0o600
    write_atomically(tmp_path / "shared", b"x", mode=0o640)
    assert _mode(tmp_path / "shared") == 0o640


def test_the_mode_of_the_file_replaced_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "kapdesk.desktop"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    write_atomically(target, b"new")
    assert (target.read_bytes(), _mode(target)) == (b"new", 0o644)
    write_atomically(target, b"newer", mode=0o600)
    assert (target.read_bytes(), _mode(target)) == (b"newer", 0o600)


def test_a_link_is_followed_and_stays(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_bytes(b"old")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


@pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="names an open file through /proc (Linux)"
)
def test_the_file_then_its_folder_are_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    target = tmp_path / "room.toml"
    write_atomically(target, b"x")
    assert len(synced) == 2
    assert Path(synced[0]).parent == tmp_path  # the temporary file, before the rename
    assert Path(synced[0]).name.startswith(".room.toml.")
    assert Path(synced[1]) == tmp_path  # the folder, after it


def test_a_failed_write_leaves_the_old_file_whole_and_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "room.toml"
    target.write_bytes(b"old content")

    def failing_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="Input/output"):
        write_atomically(target, b"new content")
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["room.toml"]


def test_a_failed_rename_leaves_the_old_file_whole_and_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "room.toml"
    target.write_bytes(b"old content")

    def failing_replace(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"new content")
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["room.toml"]


def test_giving_up_before_the_rename_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "export.pdf"
    target.write_bytes(b"old")

    def give_up() -> None:
        raise safe_files.SafeFileError("the place changed")

    with pytest.raises(safe_files.SafeFileError):
        write_atomically(target, b"new", before_rename=give_up)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.pdf"]


def test_a_folder_in_the_way_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(OSError, match="directory"):
        write_atomically(folder, b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder"]


def test_a_file_system_that_keeps_no_permissions_still_takes_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    target = tmp_path / "export.csv"

    def refuse(_path: object, _mode: int) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", refuse)
    write_atomically(target, "a,b\n", mode=0o644)
    assert target.read_text(encoding="utf-8") == "a,b\n"
    assert "keeps no permissions" in caplog.text


def test_a_folder_that_cannot_be_synced_after_the_rename_does_not_undo_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    target = tmp_path / "room.toml"
    target.write_text("old", encoding="utf-8")

    def broken(_folder: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(safe_files, "sync_folder", broken)
    write_atomically(target, "new")  # raises nothing: the new file is in place
    assert target.read_text(encoding="utf-8") == "new"
    assert "could not be synced" in caplog.text
