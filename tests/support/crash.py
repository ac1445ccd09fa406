"""Killing kapdesk for real: start it in a child process, let it record, SIGKILL it at a random
moment, start it again; then compare what each run promised with what is on disk.

Shared by the crash test (50 kills) and ``python -m bench.crash`` (500).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from kapdesk.storage.models import SessionEvent

ROOT = Path(__file__).resolve().parents[2]


def driver(mode: str, data_dir: Path, db_url: str | None = None) -> list[str]:
    """The app driver's command line; ``db_url`` runs it on that database (as --db does)."""
    command = [sys.executable, "-m", "tests.support.app_driver", mode, str(data_dir)]
    return [*command, db_url] if db_url else command


def child_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def run_driver(
    mode: str, data_dir: Path, db_url: str | None = None, **options: Any
) -> subprocess.CompletedProcess[str]:
    """Run the app driver to its end (two minutes at most), its output captured; ``options``
    go to :func:`subprocess.run` (``env``, ``preexec_fn``)."""
    options.setdefault("env", child_env())
    return subprocess.run(
        driver(mode, data_dir, db_url),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        **options,
    )


def catches_signal(pid: int, number: signal.Signals) -> bool:
    """Whether process ``pid`` has a handler of its own for ``number`` (Linux's /proc): a
    child that does has come far enough to hear it."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (number - 1) & 1)
    return False


def first_line(child: subprocess.Popen[str], timeout: float = 120) -> str:
    """The child's next line of output; a child that never says anything is killed."""
    watchdog = threading.Timer(timeout, child.kill)
    watchdog.start()
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
    finally:
        watchdog.cancel()
    assert line, "the app said nothing before it was stopped"
    return line


@dataclass
class CrashFindings:
    """What the kills promised and what the disk and the restarts showed."""

    kills: int = 0
    promised: list[tuple[int, int, str]] = field(default_factory=list)  # session, seq, text
    restarts: list[dict[str, object]] = field(default_factory=list)
    missing: list[tuple[int, int, str]] = field(default_factory=list)
    doses: int = 0
    resumed: int = 0

    def time_errors(self) -> list[float]:
        """Per restart: how far the journey time it showed was from the wall-clock truth."""
        errors = []
        for found in self.restarts:
            truth = (
                datetime.fromisoformat(str(found["wall"]))
                - datetime.fromisoformat(str(found["dosed_wall"]))
            ).total_seconds()
            errors.append(abs(float(str(found["elapsed"])) - truth))
        return errors


def kill_and_restart(data_dir: Path, kills: int, seed: int) -> CrashFindings:
    """``kills`` times: start kapdesk (``crash`` mode of the driver), SIGKILL it at a random
    moment, and at the end read back every note a run said was on disk."""
    chooser = random.Random(seed)
    findings = CrashFindings(kills=kills)
    for _ in range(kills):
        child = subprocess.Popen(
            driver("crash", data_dir), cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, text=True
        )
        # The moment: at once (while Python and Qt load, or the database opens), or once the
        # restart has said what it found, then after 0-40 notes written back to back.
        after = -1 if chooser.random() < 0.1 else chooser.randint(0, 40)
        try:
            if after >= 0:
                found = json.loads(first_line(child))
                findings.restarts.append(found)
                for _note in range(after):
                    said = json.loads(first_line(child))
                    promise = (int(str(found["session_id"])), int(said["seq"]), str(said["text"]))
                    findings.promised.append(promise)
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
    engine = create_engine(f"sqlite:///{data_dir / 'kapdesk.sqlite3'}")
    try:
        with Session(engine) as session:
            events = session.scalars(select(SessionEvent)).all()
            notes = {(e.session_id, e.seq): e.data.get("text") for e in events if e.kind == "note"}
            findings.doses = sum(1 for e in events if e.kind == "dose")
            findings.resumed = sum(1 for e in events if e.kind == "session_resumed")
    finally:
        engine.dispose()
    findings.missing = [p for p in findings.promised if notes.get((p[0], p[1])) != p[2]]
    return findings


def opener(data_dir: Path) -> list[str]:
    """The command line of a child that opens (creates, upgrades) the record as kapdesk does."""
    return [sys.executable, "-m", "tests.support.opener", str(data_dir)]


def time_opening(data_dir: Path) -> float:
    """Seconds a child takes to open the record in ``data_dir`` once loaded (not killed)."""
    child = subprocess.Popen(
        opener(data_dir), cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, text=True
    )
    try:
        assert first_line(child).strip() == "ready"
        started = time.monotonic()
        assert first_line(child).strip() == "open"
        return time.monotonic() - started
    finally:
        child.wait(timeout=30)


def kill_while_opening(data_dir: Path, after: float) -> bool:
    """Start a child opening the record in ``data_dir``, SIGKILL it ``after`` seconds into the
    opening; whether it was killed before it said the record was open."""
    child = subprocess.Popen(
        opener(data_dir), cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, text=True
    )
    try:
        assert first_line(child).strip() == "ready"
        # The moment is the test's to choose, not the app's to report: a timed kill.
        killer = threading.Timer(after, child.kill)
        killer.start()
        said = child.stdout.readline() if child.stdout is not None else ""
        killer.cancel()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    return said.strip() != "open"


def spread_moments(within: float, tries: int, seed: int) -> list[float]:
    """``tries`` kill moments in ``0..within`` seconds, one at random in each equal slice of
    it: however short a dangerous stretch of the opening, the kills do not all miss it."""
    chooser = random.Random(seed)
    return [within * (slot + chooser.random()) / tries for slot in range(tries)]
