"""Recovery for real: kapdesk is killed with SIGKILL mid-journey and started again (once, and
then 50 times at random moments; ``python -m bench.crash`` does it 500 times)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from kapdesk.core.clock import SystemClock
from kapdesk.storage.models import DoseRecord, SessionEvent
from tests.support.crash import ROOT, child_env, driver, first_line, kill_and_restart, run_driver


@pytest.mark.subprocess
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_sigkill_mid_journey_then_restart_resumes_time_and_phase(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    data_dir = tmp_path / "room"
    url = str(request.getfixturevalue("fresh_postgres")) if backend == "postgresql" else None
    env = child_env()
    first = subprocess.Popen(
        driver("journey", data_dir, url), cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        saved = json.loads(first_line(first))  # blocks until the journey is on disk
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL

    second = run_driver("inspect", data_dir, url, env=env)
    assert second.returncode == 0, second.stderr
    shown = json.loads(second.stdout.strip().splitlines()[-1])
    assert shown["page"] == "JourneyView"
    assert shown["session_id"] == saved["session_id"]
    assert shown["phase"] == "Peak"
    truth = (
        datetime.fromisoformat(shown["wall"]) - datetime.fromisoformat(saved["dosed_wall"])
    ).total_seconds()
    assert abs(shown["elapsed"] - truth) < 1.0
    assert shown["events"] == saved["events"] + 1  # everything acknowledged, plus the restart

    engine = create_engine(url or f"sqlite:///{data_dir / 'kapdesk.sqlite3'}")
    with Session(engine) as session:
        events = session.scalars(select(SessionEvent).order_by(SessionEvent.seq)).all()
        kinds = [e.kind for e in events]
        resumed = events[-1].data
        lots = [d.lot_number for d in session.scalars(select(DoseRecord))]
    engine.dispose()
    # The same boot: the heartbeat and the PC's uptime vouch for the time it was down.
    same_boot = SystemClock().since_boot() is not None and SystemClock().boot_id() is not None
    assert resumed["witness"] == ("uptime" if same_boot else "wall_clock")
    assert resumed["journey_time_vouched"] is same_boot
    assert kinds == [
        "session_opened",
        "soundtrack_chosen",
        "dose",
        "phase_started",
        "phase_started",
        "session_resumed",
    ]
    assert lots == ["LK-1"]


@pytest.mark.subprocess
def test_a_note_shown_as_saved_survives_sigkill_right_after(tmp_path: Path) -> None:
    data_dir = tmp_path / "room"
    env = child_env()
    child = subprocess.Popen(
        driver("note", data_dir), cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        said = json.loads(first_line(child))  # the moment the screen says "Saved"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert said["status"].startswith("Saved ")
    engine = create_engine(f"sqlite:///{data_dir / 'kapdesk.sqlite3'}")
    with Session(engine) as session:
        notes = [
            e.data for e in session.scalars(select(SessionEvent).where(SessionEvent.kind == "note"))
        ]
    engine.dispose()
    assert [n["text"] for n in notes] == ["Crying softly, settled with a hand on the shoulder"]


KILLS = 50


@pytest.mark.subprocess
def test_every_acknowledged_event_survives_fifty_kills(tmp_path: Path) -> None:
    found = kill_and_restart(tmp_path / "room", KILLS, seed=20261123)
    assert len(found.restarts) > KILLS // 2  # most runs got as far as picking the session up
    assert len(found.promised) > KILLS  # and said notes were on disk before they were killed
    assert found.missing == []
    assert found.doses == 1  # one session, dosed once, picked up again after every kill
    assert found.resumed >= len(found.restarts) - 1
    assert max(found.time_errors()) < 1.0
