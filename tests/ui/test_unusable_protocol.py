"""kapdesk starts on a session left open under a protocol that cannot be used (numbers an older
kapdesk let through, that once hung the window at every start): the journey shows, with a plain
message. The app runs in a child process under a time and memory limit, so a hang fails the
test instead of hanging the run."""

from __future__ import annotations

import dataclasses
import json
import resource
import subprocess
from pathlib import Path

import pytest

from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import Dose
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.journeys import JourneyStore
from tests.storage.test_protocol_snapshots import ABSURD
from tests.support.crash import run_driver

MEMORY_LIMIT = 4 * 1024**3  # address space: the hang grew by 100 MB/s until MemoryError


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.subprocess
def test_the_window_opens_a_session_whose_protocol_cannot_be_used(tmp_path: Path) -> None:
    data_dir = tmp_path / "room"
    storage = open_storage(AppPaths.resolve(data_dir), None)
    bundled = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("im-ketamine")
    assert bundled is not None
    older = dataclasses.replace(bundled, text=ABSURD)  # as an older kapdesk stored it
    opened = JourneyStore(storage, SystemClock()).open_session("P-ABS", older, "Robin")
    opened.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    opened.journey.advance_phase()
    storage.engine.dispose()

    try:
        child = run_driver("inspect", data_dir, preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail("kapdesk did not reach the journey in 120 s: it hangs on the protocol")
    assert child.returncode == 0, child.stderr
    shown = json.loads(child.stdout.strip().splitlines()[-1])
    assert shown["page"] == "JourneyView"
    assert shown["session_id"] == opened.session_id
    assert shown["phase"] == "Peak"
    assert shown["protocol_notice"].startswith("This session's protocol cannot be used (")
    assert "move through the phases by hand" in shown["protocol_notice"]
