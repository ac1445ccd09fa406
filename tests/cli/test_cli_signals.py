"""The command line asked to stop: SIGTERM (a shutdown, ``kill``), SIGINT (Ctrl+C) or SIGHUP (the
terminal closed) end a command with a line saying so and the shell's exit code, never a
traceback; a step that must be whole (the demo session) finishes first; the board closes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from kapdesk.storage.models import JourneySession
from tests.audio.sdl_disk import wait_until
from tests.support.crash import ROOT, catches_signal, child_env

SIGNALS = [signal.SIGTERM, signal.SIGINT, signal.SIGHUP]
ENDS_WITHIN_S = 5.0


def _kapdesk(*argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kapdesk", *argv],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _ended(child: subprocess.Popen[str], within: float = ENDS_WITHIN_S) -> tuple[int, str, str]:
    try:
        out, err = child.communicate(timeout=within)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    return child.returncode, out, err


@pytest.fixture
def silent_server() -> Iterator[tuple[int, socket.socket]]:
    """A 'clinic server' that takes a connection and never answers: a command waits on it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    try:
        yield server.getsockname()[1], server
    finally:
        server.close()


@pytest.mark.subprocess
@pytest.mark.parametrize("number", SIGNALS, ids=[s.name for s in SIGNALS])
def test_a_command_waiting_on_the_server_stops_with_a_line_not_a_traceback(
    tmp_path: Path, silent_server: tuple[int, socket.socket], number: signal.Signals
) -> None:
    port, server = silent_server
    child = _kapdesk(
        "--data-dir",
        str(tmp_path),
        "--db",
        f"postgresql+psycopg://nurse@127.0.0.1:{port}/kapdesk",
        "sessions",
        "list",
    )
    server.settimeout(60)
    waiting, _ = server.accept()  # the command has reached the server and waits for it
    try:
        os.kill(child.pid, number)
        code, out, err = _ended(child)
    finally:
        waiting.close()
    assert (code, out, err) == (128 + number, "", f"kapdesk: stopped by {number.name}.\n")


def _sessions(data_dir: Path) -> list[tuple[str, str]]:
    """Each session's protocol and state."""
    engine = create_engine(f"sqlite:///{data_dir / 'kapdesk.sqlite3'}")
    try:
        with Session(engine) as session:
            rows = session.scalars(select(JourneySession)).all()
            return [(row.protocol_id, row.state) for row in rows]
    finally:
        engine.dispose()


DEMO_STOPPED_WHILE_WRITING = """
import os, signal, sys
import kapdesk.demo as demo
from kapdesk.cli import main

real = demo.record_demo_session

def stopped_half_way(storage):
    os.kill(os.getpid(), signal.SIGTERM)  # while the demo session is being written
    return real(storage)

demo.record_demo_session = stopped_half_way
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.subprocess
def test_the_demo_session_is_written_whole_before_a_signal_stops_the_command(
    tmp_path: Path,
) -> None:
    child = subprocess.run(
        [sys.executable, "-c", DEMO_STOPPED_WHILE_WRITING, "--data-dir", str(tmp_path), "demo"],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (child.returncode, child.stderr) == (
        128 + signal.SIGTERM,
        "kapdesk: stopped by SIGTERM.\n",
    )
    assert _sessions(tmp_path) == [("iv-ketamine", "closed")]  # whole, never left open


@pytest.mark.subprocess
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_the_board_ends_cleanly_on_a_signal(tmp_path: Path, number: signal.Signals) -> None:
    child = _kapdesk("--data-dir", str(tmp_path), "board")
    # As soon as it has the signals (before Qt has even loaded).
    wait_until(lambda: catches_signal(child.pid, signal.SIGHUP), timeout=60, interval=0.005)
    os.kill(child.pid, number)
    code, _out, err = _ended(child, within=30)  # the record it opens is opened whole first
    assert code == 0, err  # closed by its event loop, however early the signal came
    assert "Traceback" not in err
