"""The room PC stays awake exactly while a session is open: the inhibitors are taken when it
opens and let go when it closes, and what cannot be held is told to staff."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.wakefulness import InhibitError, KeepAwake
from tests.support.crash import ROOT, child_env, driver, first_line
from tests.ui.conftest import sign_in


@pytest.fixture
def private_bus() -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """A D-Bus daemon of the test's own, with a fake ScreenSaver and logind on it."""
    pytest.importorskip("jeepney", reason="the fake desktop is written with jeepney")
    if shutil.which("dbus-daemon") is None:
        pytest.skip("no dbus-daemon here (the README's test command installs it)")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--print-address=1", "--nofork", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    address = first_line(daemon, timeout=30).strip()
    fake = subprocess.Popen(
        [sys.executable, "-m", "tests.support.fake_dbus", address],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert json.loads(first_line(fake)) == {"ready": True}
        yield address, fake
    finally:
        fake.kill()
        daemon.terminate()  # lets it remove its socket file
        fake.wait(timeout=30)
        daemon.wait(timeout=30)


@pytest.mark.subprocess
def test_the_inhibitors_are_taken_while_a_session_is_open_and_let_go_when_it_closes(
    tmp_path: Path, private_bus: tuple[str, subprocess.Popen[str]]
) -> None:
    address, fake = private_bus
    env = {
        **child_env(),
        "DBUS_SESSION_BUS_ADDRESS": address,
        "DBUS_SYSTEM_BUS_ADDRESS": address,  # logind too, on the same private bus
    }
    room = subprocess.Popen(
        driver("wake", tmp_path / "room"),
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert json.loads(first_line(room)) == {"opened": True, "wake_banner": ""}
        taken = [json.loads(first_line(fake)) for _ in range(2)]
        assert taken[0]["call"] == "Inhibit"
        assert taken[0]["app"] == "kapdesk"
        assert taken[0]["reason"] == "A ketamine-assisted therapy session is running"
        assert taken[1] == {
            "call": "logind Inhibit",
            "what": "sleep:idle",
            "who": "kapdesk",
            "mode": "block",
        }
        assert room.stdin is not None
        room.stdin.write("close\n")
        room.stdin.flush()
        assert json.loads(first_line(room)) == {"closed": True}
        released = [json.loads(first_line(fake)) for _ in range(2)]
        assert {"call": "UnInhibit", "cookie": taken[0]["cookie"]} in released
        assert {"call": "logind released"} in released
    finally:
        room.kill()
        room.wait(timeout=30)
    assert os.path.exists(tmp_path / "room")


class Recorded:
    """An inhibitor that notes what is asked of it; ``refuse`` makes it fail as a PC can."""

    what = "the screen blanking"

    def __init__(self, refuse: str = "") -> None:
        self.calls: list[str] = []
        self.refuse = refuse

    def inhibit(self, reason: str) -> None:
        self.calls.append("inhibit")
        if self.refuse:
            raise InhibitError(self.refuse)

    def release(self) -> None:
        self.calls.append("release")


def test_what_cannot_keep_the_pc_awake_is_told_to_staff_and_the_rest_is_held(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    screen, sleep = Recorded(), Recorded(refuse="there is no system bus to ask logind")
    window = build_window(storage, paths, clock, keep_awake=KeepAwake([screen, sleep]))
    qtbot.addWidget(window)
    sign_in(window)
    window.show()
    assert screen.calls == []  # no session: the PC may sleep as usual
    window.open_session("P-0601", "im-ketamine", "Sam Ortiz")
    assert screen.calls == ["inhibit"]
    assert window.wake_banner.isVisible()
    assert window.wake_text.text() == (
        "Nothing stops the screen blanking: there is no system bus to ask logind. "
        "Check the PC's power settings during this session."
    )
    current = window.current
    assert current is not None
    qtbot.mouseClick(window.journey_view.close_button, Qt.MouseButton.LeftButton)
    dialog = window.journey_view.close_dialog
    assert dialog is not None
    dialog.reason.setText("Patient unwell today")
    dialog.accept()
    assert current.journey.closed
    assert screen.calls == ["inhibit", "release"]
    assert not window.wake_banner.isVisible()
