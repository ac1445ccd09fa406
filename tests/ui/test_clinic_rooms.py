"""Three rooms and a board, each its own kapdesk process, on one PostgreSQL server: the rooms
record at the same time, the board sees each change, and a server stopped and started again
mid-session loses nothing and doubles nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from kapdesk.core.room import RoomSettings
from kapdesk.storage.models import RoomPresence, SessionEvent
from tests.support.crash import child_env, driver, first_line
from tests.support.postgres import PostgresServer, postgres_instance

ROOMS = ("Room A", "Room B", "Room C")


class Child:
    """A kapdesk process spoken to by lines of JSON."""

    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=child_env(),
        )

    def said(self, timeout: float = 120) -> dict[str, Any]:
        return dict(json.loads(first_line(self.process, timeout)))

    def tell(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)


class BoardLines:
    """What the board process says, read as it says it (it never waits for us)."""

    def __init__(self, child: Child) -> None:
        self.child = child
        self.lines: list[dict[str, Any]] = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        stdout = self.child.process.stdout
        assert stdout is not None
        for raw in stdout:
            with self.changed:
                self.lines.append(json.loads(raw))
                self.changed.notify_all()

    def wait_for(
        self, condition: Callable[[dict[str, Any]], bool], timeout: float = 60
    ) -> dict[str, Any]:
        with self.changed:
            met = self.changed.wait_for(
                lambda: bool(self.lines) and condition(self.lines[-1]), timeout
            )
            assert met, f"the board never showed it; last: {self.lines[-1:]}"
            return self.lines[-1]


@pytest.fixture
def server() -> Iterator[PostgresServer]:
    with postgres_instance() as running:
        yield running


def _room_pc(folder: Path, name: str, server: PostgresServer) -> Path:
    folder.mkdir(parents=True)
    room = RoomSettings(room_name=name, database=server.url)
    (folder / "room.toml").write_text(room.to_toml(), encoding="utf-8")
    return folder


def _notes_on_server(server: PostgresServer, session_id: int) -> list[tuple[int, str]]:
    engine = create_engine(server.url)
    try:
        with Session(engine) as session:
            rows = session.execute(
                select(SessionEvent.seq, SessionEvent.data)
                .where(SessionEvent.session_id == session_id, SessionEvent.kind == "note")
                .order_by(SessionEvent.seq)
            )
            return [(seq, str(data["text"])) for seq, data in rows]
    finally:
        engine.dispose()


def _rooms_heard_from(server: PostgresServer) -> list[str]:
    engine = create_engine(server.url)
    try:
        with Session(engine) as session:
            return list(session.scalars(select(RoomPresence.room)))
    finally:
        engine.dispose()


def _round(rooms: dict[str, Child], number: int) -> dict[str, dict[str, Any]]:
    """Each room types a note at the same time; what each screen said."""
    for name, child in rooms.items():
        child.tell(f"note {name} note {number}")
    return {name: child.said() for name, child in rooms.items()}


def test_three_rooms_and_a_board_on_one_server_survive_it_stopping(
    server: PostgresServer, tmp_path: Path
) -> None:
    board_dir = _room_pc(tmp_path / "station", "", server)
    board = Child([sys.executable, "-m", "tests.support.board_driver", str(board_dir)])
    rooms: dict[str, Child] = {}
    try:
        lines = BoardLines(board)
        empty = lines.wait_for(lambda line: True)  # before any room PC has started on it
        assert "no kapdesk records yet" in empty["status"]
        sessions = {}
        for name in ROOMS:  # one after another: the first creates the clinic's admin account
            child = Child(driver("room", _room_pc(tmp_path / name, name, server)))
            rooms[name] = child
            opened = child.said()
            assert opened["room"] == name
            sessions[name] = int(opened["session_id"])
        shown = lines.wait_for(lambda line: len(line["cards"]) == 3)
        assert sorted(card[0] for card in shown["cards"]) == list(ROOMS)

        for number in range(4):
            for name, said in _round(rooms, number).items():
                assert said["pending"] == 0
                assert said["banner"] == ""
                assert said["noted"] == f"{name} note {number}"
        online = lines.wait_for(
            lambda line: all(len(line["notes"].get(name, [])) == 4 for name in ROOMS)
        )
        assert online["status"].startswith("Live")

        server.stop()
        for number in range(4, 8):
            for said in _round(rooms, number).values():
                assert said["pending"] >= 1  # kept on the room PC, not lost
                assert said["banner"].startswith("Offline")
        offline = lines.wait_for(lambda line: line["problem"] is not None)
        assert "cannot reach the clinic server" in offline["status"]
        assert all(len(offline["notes"][name]) == 4 for name in ROOMS)  # as last known

        server.start()
        for child in rooms.values():
            child.tell("delivered")
        for child in rooms.values():
            assert child.said() == {"delivered": True, "banner": False}
        for number in range(8, 10):
            _round(rooms, number)

        everything = [f"note {number}" for number in range(10)]
        final = lines.wait_for(
            lambda line: (
                line["problem"] is None
                and all(len(line["notes"].get(name, [])) == 10 for name in ROOMS)
            )
        )
        for name in ROOMS:
            assert final["notes"][name] == [f"{name} {note}" for note in everything]
            on_server = _notes_on_server(server, sessions[name])
            assert [text for _, text in on_server] == [f"{name} {note}" for note in everything]
            seqs = [seq for seq, _ in on_server]
            assert seqs == sorted(set(seqs))  # in the order typed, none twice
        assert set(_rooms_heard_from(server)) == set(ROOMS)  # each room PC says it is there
    finally:
        for child in rooms.values():
            child.stop()
        board.stop()
