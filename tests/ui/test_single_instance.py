"""One kapdesk per data folder: a second start brings the first one's window forward and
exits 0; a lock left by a killed kapdesk does not stop the next start."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from tests.support.crash import ROOT, child_env, driver, first_line, run_driver


@pytest.mark.subprocess
def test_a_second_start_hands_over_and_a_killed_one_leaves_no_lock_behind(tmp_path: Path) -> None:
    data_dir = tmp_path / "room"
    first = subprocess.Popen(
        driver("instance", data_dir), cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, text=True
    )
    try:
        assert json.loads(first_line(first)) == {"started": first.pid}
        assert (data_dir / "kapdesk.lock").exists()
        second = run_driver("instance", data_dir)
        assert second.returncode == 0, second.stderr
        assert "kapdesk is already running here: its window was brought forward." in second.stderr
        assert second.stdout == ""  # it opened no window and no session of its own
        assert json.loads(first_line(first)) == {"brought_forward": True}
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)

    # The killed kapdesk's lock file is still there; the next start takes it over.
    assert (data_dir / "kapdesk.lock").exists()
    third = subprocess.Popen(
        driver("instance", data_dir), cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, text=True
    )
    try:
        assert json.loads(first_line(third)) == {"started": third.pid}
    finally:
        os.kill(third.pid, signal.SIGKILL)
        third.wait(timeout=30)
