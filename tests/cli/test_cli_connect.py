"""``kapdesk connect``: an admin points a room PC at the clinic server once; the URL goes into
the room's settings, the password into the OS keyring, and nothing changes when it fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from kapdesk.cli import main
from kapdesk.core.room import load_room_settings
from kapdesk.paths import AppPaths
from kapdesk.storage import server as server_module
from kapdesk.storage.db import open_storage
from kapdesk.storage.errors import StorageError
from kapdesk.storage.server import KEYRING_SERVICE, PASSWORD_ENV
from tests.support.keyring import MemoryKeyring


@pytest.fixture
def keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    kept = MemoryKeyring()
    monkeypatch.setattr(server_module, "_keyring", lambda: kept)
    return kept


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_connect_keeps_the_url_in_room_settings_and_the_password_in_the_keyring(
    tmp_path: Path,
    fresh_postgres: str,
    keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = ["--data-dir", str(tmp_path)]
    monkeypatch.setenv(PASSWORD_ENV, "s3cret-for-room-2")
    code, out, err = _run([*data, "connect", fresh_postgres, "--room", "Room 2"], capsys)
    assert code == 0, err
    assert "now records to" in out
    assert "Room 2" in out
    paths = AppPaths.resolve(tmp_path)
    room, problem = load_room_settings(paths.room_settings)
    assert problem is None
    assert (room.room_name, room.database) == ("Room 2", fresh_postgres)
    text = paths.room_settings.read_text(encoding="utf-8")
    assert "s3cret" not in text  # never in a file
    assert keyring.kept == {(KEYRING_SERVICE, fresh_postgres): "s3cret-for-room-2"}

    monkeypatch.delenv(PASSWORD_ENV)
    storage = open_storage(paths, None)  # the next start: the server, with the kept password
    try:
        assert storage.engine.dialect.name == "postgresql"
        assert storage.engine.url.password == "s3cret-for-room-2"
    finally:
        storage.engine.dispose()

    code, out, _ = _run([*data, "connect"], capsys)
    assert code == 0
    assert f"the clinic server {fresh_postgres}" in out
    assert "Room 2" in out

    code, out, _ = _run([*data, "connect", "--local"], capsys)
    assert code == 0
    assert "its own file" in out
    assert load_room_settings(paths.room_settings)[0].database == ""
    assert load_room_settings(paths.room_settings)[0].room_name == "Room 2"


def test_a_password_in_the_url_or_a_server_that_does_not_answer_changes_nothing(
    tmp_path: Path, keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path)]
    paths = AppPaths.resolve(tmp_path)
    code, _, err = _run([*data, "connect", "postgresql://kapdesk:pw@db.local/kapdesk"], capsys)
    assert code == 2
    assert "leave the password out" in err
    code, _, err = _run([*data, "connect", "sqlite:///x.db"], capsys)
    assert code == 2
    assert "PostgreSQL" in err
    # Nothing listens on port 1: refused at once.
    code, _, err = _run([*data, "connect", "postgresql://kapdesk@127.0.0.1:1/kapdesk"], capsys)
    assert code == 1
    assert "cannot be reached" in err
    assert not paths.room_settings.exists()
    assert keyring.kept == {}


def test_a_room_file_naming_a_server_it_cannot_use_does_not_fall_back_to_this_pc(
    tmp_path: Path,
) -> None:
    paths = AppPaths.resolve(tmp_path)
    paths.room_settings.parent.mkdir(parents=True, exist_ok=True)
    paths.room_settings.write_text('database = "mysql://x@y/z"\n', encoding="utf-8")
    with pytest.raises(StorageError, match="clinic server cannot be used"):
        open_storage(paths, None)
    assert not paths.database.exists()  # no second record started on this PC
