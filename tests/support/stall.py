"""The UI-stall scenarios: the real kapdesk window in a child process (tests/support/
stall_driver.py) typing a note or vital signs every second while its database misbehaves, and
what the database holds afterwards compared with what was typed and when.

- ``freeze``: a real PostgreSQL frozen with SIGSTOP (every one of its processes: the kernel
  still acknowledges, as a hung server's does) for a minute, then resumed;
- ``cut``: the network to it cut: kapdesk talks to the server through a forwarder of our own on
  127.0.0.1 that stops passing bytes, as a pulled cable does (nothing refused, nothing answered);
- ``sqlite_lock``: kapdesk on its SQLite record while another process holds the write lock
  (``BEGIN IMMEDIATE``) for 10 s;
- ``loads``: past sessions of a 5,000-session database and the timeline of a 2,000-event
  session opened mid-journey (on PostgreSQL).

``tree`` names the kapdesk to drive (its folder goes on the child's PYTHONPATH), so the bench
runs the same scenarios on an older commit. Shared by tests/ui/test_stall.py and
``python -m bench.ui_stall``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from kapdesk.core.room import RoomSettings
from tests.support.postgres import PostgresServer, postgres_instance
from tests.support.stall_proxy import Forwarder

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "stall_driver.py"
SCENARIOS = ("freeze", "cut", "sqlite_lock", "loads")
ON_POSTGRES = ("freeze", "cut", "loads")
LATE_AFTER_S = 1.0  # an entry on record more than this after it was typed is stamped late


@dataclass
class Trouble:
    """How long each fault lasts (the tests and the bench may shorten them)."""

    freeze_s: float = 60.0
    cut_s: float = 30.0
    lock_s: float = 10.0
    calm_s: float = 5.0  # typing before the fault and after it ends


@dataclass
class StallResult:
    """What one scenario showed: the probe's figures, the timer, and the record."""

    scenario: str
    worst_ms: float = 0.0
    p99_ms: float = 0.0
    timer_still_s: float = 0.0
    typed: int = 0
    lost: list[str] = field(default_factory=list)
    late: list[tuple[str, float]] = field(default_factory=list)  # entry, seconds late
    problem: str | None = None

    @property
    def worst_late_s(self) -> float:
        return max((delay for _, delay in self.late), default=0.0)


class DriverChild:
    """The driver's process, its lines read as it says them (it may be stuck a long time)."""

    def __init__(self, tree: Path, scenario: str, data_dir: Path, db_url: str | None) -> None:
        folder = data_dir.parent
        env = {
            **os.environ,
            "PYTHONPATH": str(tree),
            "QT_QPA_PLATFORM": "offscreen",
            "SDL_AUDIODRIVER": "dummy",
            **{name: str(folder / name.lower()) for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME")},
        }
        env.pop("KAPDESK_DATA_DIR", None)
        command = [sys.executable, "-P", str(DRIVER), scenario, str(data_dir)]
        self.errors = (folder / "driver.err").open("w")
        self.process = subprocess.Popen(
            [*command, db_url] if db_url else command,
            cwd=folder,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
        )
        self.lines: list[dict[str, Any]] = []
        self.heard = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            with self.heard, suppress(json.JSONDecodeError):
                self.lines.append(json.loads(raw))
                self.heard.notify_all()
        with self.heard:
            self.heard.notify_all()

    def wait_for(self, key: str, timeout: float) -> dict[str, Any]:
        def found() -> dict[str, Any] | None:
            return next((line for line in self.lines if key in line), None)

        with self.heard:
            self.heard.wait_for(
                lambda: found() is not None or self.process.poll() is not None, timeout
            )
            line = found()
        if line is None:
            raise RuntimeError(f"the driver never said {key!r}: {self.stderr_tail()}")
        return line

    def tell(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def stderr_tail(self) -> str:
        self.errors.flush()
        return Path(self.errors.name).read_text(errors="replace")[-1500:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)
        self.errors.close()


def server_processes(server: PostgresServer) -> list[int]:
    """The postmaster and every process it started (backends, writers, ...)."""
    postmaster = int((server.data / "postmaster.pid").read_text().split()[0])
    pids = [postmaster]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with suppress(OSError):
            # The parent pid is the 2nd field after the command's closing parenthesis.
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) == postmaster:
                pids.append(int(entry.name))
    return pids


def signal_server(server: PostgresServer, number: signal.Signals) -> None:
    for pid in server_processes(server):
        with suppress(ProcessLookupError):
            os.kill(pid, number)


def hold_sqlite_lock(database: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding SQLite's write lock for ``seconds``; returns once it holds it."""
    script = (
        "import sqlite3, sys, time\n"
        "db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)\n"
        "db.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(float(sys.argv[2]))\n"
        "db.execute('COMMIT')\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(database), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    return holder


def _as_utc(value: object) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def on_record(db_url: str, session_id: int) -> dict[str, datetime]:
    """Each note (by its text) and reading (``vitals SYSTOLIC``) on record, with its time."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT kind, data, wall_at FROM session_events WHERE session_id = :id"
                    " AND kind IN ('note', 'vitals') ORDER BY seq"
                ),
                {"id": session_id},
            ).all()
    finally:
        engine.dispose()
    held: dict[str, datetime] = {}
    for kind, raw, wall in rows:
        data = json.loads(raw) if isinstance(raw, str) else raw
        if kind == "note":
            key = str(data.get("text", ""))
        else:
            key = f"vitals {int(float(data.get('values', {}).get('systolic', 0)))}"
        held.setdefault(key, _as_utc(wall))
    return held


def compare(result: StallResult, said: dict[str, Any], held: dict[str, datetime]) -> None:
    """Fill ``result`` from the driver's last words and what the record holds."""
    result.worst_ms = float(said["worst_ms"])
    result.p99_ms = float(said["p99_ms"])
    result.timer_still_s = float(said["timer_still_s"])
    typed = said["typed"]
    result.typed = len(typed)
    for entry in typed:
        key = str(entry["key"])
        if key not in held:
            result.lost.append(key)
            continue
        delay = (held[key] - _as_utc(entry["typed_at"])).total_seconds()
        if abs(delay) > LATE_AFTER_S:
            result.late.append((key, delay))


def _drive(
    tree: Path,
    scenario: str,
    data_dir: Path,
    db_url: str | None,
    trouble: Callable[[DriverChild], None],
) -> dict[str, Any]:
    """Start the driver, let ``trouble`` happen while it types, finish, and its last words."""
    child = DriverChild(tree, scenario, data_dir, db_url)
    try:
        child.wait_for("typing", timeout=300)
        trouble(child)
        child.tell("finish")
        said = child.wait_for("timer_still_s", timeout=300)
        child.process.wait(timeout=60)
        return said
    finally:
        child.stop()


def _freeze(server: PostgresServer, plan: Trouble) -> Callable[[DriverChild], None]:
    def trouble(_child: DriverChild) -> None:
        time.sleep(plan.calm_s)
        signal_server(server, signal.SIGSTOP)
        try:
            time.sleep(plan.freeze_s)
        finally:
            signal_server(server, signal.SIGCONT)
        time.sleep(plan.calm_s)

    return trouble


def _cut(forwarder: Forwarder, plan: Trouble) -> Callable[[DriverChild], None]:
    def trouble(_child: DriverChild) -> None:
        time.sleep(plan.calm_s)
        forwarder.cut()
        try:
            time.sleep(plan.cut_s)
        finally:
            forwarder.mend()
        time.sleep(plan.calm_s)

    return trouble


def _lock(database: Path, plan: Trouble) -> Callable[[DriverChild], None]:
    def trouble(_child: DriverChild) -> None:
        time.sleep(plan.calm_s)
        holder = hold_sqlite_lock(database, plan.lock_s)
        holder.wait(timeout=plan.lock_s + 60)
        time.sleep(plan.calm_s)

    return trouble


def _loads(plan: Trouble) -> Callable[[DriverChild], None]:
    def trouble(child: DriverChild) -> None:
        steps = child.wait_for("steps_done", timeout=600)
        if steps.get("problem"):
            raise RuntimeError(f"the pages never loaded: {steps['problem']}")
        time.sleep(2 * plan.calm_s)  # back on the journey: typing as before

    return trouble


@contextmanager
def _postgres(room: Path) -> Iterator[PostgresServer]:
    with postgres_instance() as server:
        settings = RoomSettings(room_name="Stall room", database=server.url)
        (room / "room.toml").write_text(settings.to_toml(), encoding="utf-8")
        yield server


def run_scenario(scenario: str, tree: Path = ROOT, plan: Trouble | None = None) -> StallResult:
    """One scenario on the kapdesk in ``tree``, from an empty record, in a temporary folder."""
    plan = plan or Trouble()
    result = StallResult(scenario)
    with tempfile.TemporaryDirectory(prefix="kapdesk-stall-") as folder:
        data_dir = Path(folder) / "room"
        data_dir.mkdir()
        try:
            said, held = _scenario(scenario, tree, data_dir, plan)
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            result.problem = str(exc)
            return result
        compare(result, said, held)
    return result


def _scenario(
    scenario: str, tree: Path, data_dir: Path, plan: Trouble
) -> tuple[dict[str, Any], dict[str, datetime]]:
    if scenario == "sqlite_lock":
        database = data_dir / "kapdesk.sqlite3"
        said = _drive(tree, scenario, data_dir, None, _lock(database, plan))
        return said, on_record(f"sqlite:///{database}", int(said["session_id"]))
    with _postgres(data_dir) as server:
        if scenario == "cut":
            forwarder = Forwarder(server.port)
            try:
                url = server.url.replace(f":{server.port}/", f":{forwarder.port}/")
                said = _drive(tree, scenario, data_dir, url, _cut(forwarder, plan))
            finally:
                forwarder.close()
        elif scenario == "freeze":
            said = _drive(tree, scenario, data_dir, server.url, _freeze(server, plan))
        else:
            said = _drive(tree, scenario, data_dir, server.url, _loads(plan))
        return said, on_record(server.url, int(said["session_id"]))
