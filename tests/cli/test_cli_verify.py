"""``kapdesk audit --verify``: says plainly whether the record and the audit log are as kapdesk
wrote them, and exits non-zero when they are not."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kapdesk.cli import main
from kapdesk.core.clock import SystemClock
from kapdesk.demo import record_demo_session
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.staff import StaffStore


def _verify(data: Path, capsys: pytest.CaptureFixture[str], *more: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data), "audit", "--verify", *more])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out


def test_verify_says_the_record_is_whole_and_then_where_it_was_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    storage = open_storage(paths, None)
    session_id = record_demo_session(storage).session_id
    StaffStore(storage, SystemClock()).record("Ana Moreno", "exported", f"session {session_id}")
    storage.engine.dispose()

    code, out = _verify(paths.data_dir, capsys)
    assert code == 0
    assert "ok: all 15 append-only triggers are in place" in out
    assert "The record and the audit log are as kapdesk wrote them." in out
    head = next(line for line in out.splitlines() if "latest hash" in line).split()[6]

    # Someone with the file drops a trigger and rewrites an observation.
    db = sqlite3.connect(paths.database)
    with db:
        db.execute("DROP TRIGGER session_events_no_update")
        db.execute("UPDATE session_events SET data = '{}' WHERE seq = 3")
    db.close()
    code, out = _verify(paths.data_dir, capsys, "--head", head)
    assert code == 1
    assert (
        "BROKEN: 1 of the 15 append-only triggers are missing, disabled or changed: "
        "session_events_no_update (refuses UPDATE on session_events)"
    ) in out
    assert f"BROKEN: session {session_id}, event 3: changed" in out
    assert f"ok: the hash noted earlier, {head}, is still in the record" in out
    assert "was changed outside kapdesk" in out


def test_a_head_that_is_not_a_hash_gets_a_plain_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "audit", "--verify", "--head", "not a hash"]) == 2
    assert "--head takes a hash that --verify printed (64 hex digits)" in capsys.readouterr().err
    assert main(["--data-dir", data, "audit", "--head", "ab" * 32]) == 2
    assert "--head goes with --verify" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()  # nothing opened, nothing made
