"""One writer per database file: a second kapdesk reaching the same SQLite file through --db,
from another data folder, does not write beside the first. It brings the first one's window
forward and steps aside, or, when the first does not answer, says which kapdesk holds it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kapdesk.app import start
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage.db import sqlite_url
from kapdesk.storage.writer_lock import WriterLock
from kapdesk.ui.start_window import StartWindow
from tests.support.crash import ROOT, child_env, driver, first_line, run_driver


@pytest.mark.subprocess
def test_a_second_kapdesk_on_the_same_file_through_db_hands_over(tmp_path: Path) -> None:
    room = tmp_path / "room"
    first = subprocess.Popen(
        driver("instance", room), cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, text=True
    )
    try:
        assert json.loads(first_line(first)) == {"started": first.pid}
        # Another data folder, so the folder's lock is not in the way: the file's lock is.
        second = run_driver(
            "instance", tmp_path / "elsewhere", sqlite_url(room / "kapdesk.sqlite3")
        )
        assert second.returncode == 0, second.stderr
        assert "kapdesk is already running on this record" in second.stderr
        assert f"process {first.pid}" in second.stderr
        assert second.stdout == ""  # it opened no session, wrote nothing
        assert json.loads(first_line(first)) == {"brought_forward": True}
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)


def test_a_holder_that_does_not_answer_is_named_on_the_screen(qtbot: QtBot, tmp_path: Path) -> None:
    database = tmp_path / "room" / "kapdesk.sqlite3"
    database.parent.mkdir()
    # Reached through a second name for its folder: still the same file, the same lock.
    (tmp_path / "alias").symlink_to(database.parent)
    held = WriterLock(database)  # a command-line kapdesk (demo) writing to it
    held.acquire()
    try:
        window = start(
            AppPaths.resolve(tmp_path / "elsewhere"),
            sqlite_url(tmp_path / "alias" / "kapdesk.sqlite3"),
            FakeClock(),
            audio=None,
        )
        assert isinstance(window, StartWindow)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.failed, timeout=30_000):
            pass
        reason = window.start_view.reason
        assert reason is not None
        assert reason.isVisible()
        assert f"in use by another kapdesk (process {os.getpid()})" in reason.text()
        assert "only one kapdesk may write to it at a time" in reason.text()
        assert window.main_window is None  # no page that could record exists
        assert window.isVisible()
    finally:
        held.release()
