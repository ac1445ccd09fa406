"""kapdesk ended as an OS shutdown, a logout or a closed terminal ends it: SIGTERM, SIGINT or SIGHUP
sent to a real kapdesk process (offscreen Qt, SDL's disk audio driver) while a session is open,
its bed playing and notes being typed. It must end at once and cleanly (exit 0, within 5 s),
keep every note it called saved, fade the sound out rather than cut it, let the PC sleep again,
and leave the session open: the next start picks it up in the same phase at the right time.

The desktop session ending (the session manager's ``commitDataRequest``) cannot be driven
without a session manager on a real display: its wiring is tested in the test's own process.
"""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from kapdesk.app import build_window, end_orderly
from kapdesk.audio.fake import FakeBackend
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose
from kapdesk.paths import AppPaths
from kapdesk.shutdown import SESSION_ENDING, ShutdownSignals
from kapdesk.storage.db import Storage
from kapdesk.storage.models import JourneySession, SessionEvent
from kapdesk.ui import theme
from kapdesk.ui.close_policy import SHUTDOWN_FADE_S
from kapdesk.ui.main_window import MainWindow
from kapdesk.wakefulness import KeepAwake
from tests.audio.sdl_disk import FRAME_BYTES, RATE, DiskOutput, wait_until
from tests.support.crash import (
    ROOT,
    catches_signal,
    child_env,
    driver,
    first_line,
    run_driver,
)
from tests.support.ops import settle
from tests.ui.conftest import sign_in
from tests.ui.test_wakefulness import Recorded, private_bus  # noqa: F401  (a fixture)

ENDS_WITHIN_S = 5.0
WINDOW_S = 0.025  # the sound's level is measured in windows this long
HEARD = 0.005  # RMS of full scale: the bed rising from silence is heard in the room


def _tail_rms(path: Path, seconds: float) -> float:
    """RMS of the last ``seconds`` SDL's disk driver wrote (0 before it wrote that much)."""
    want = round(seconds * RATE) * FRAME_BYTES
    try:
        with path.open("rb") as raw:
            raw.seek(0, os.SEEK_END)
            size = raw.tell() - raw.tell() % FRAME_BYTES
            if size < want:
                return 0.0
            raw.seek(size - want)
            data = raw.read(want)
    except FileNotFoundError:
        return 0.0
    values: list[int] = memoryview(data).cast("h").tolist()
    return math.sqrt(sum(v * v for v in values) / len(values)) / 32_768.0


class Lines:
    """Everything a child says on standard output, read on a thread of its own (a child whose
    pipe is full would wait, and a signal would wait with it)."""

    def __init__(self, child: subprocess.Popen[str]) -> None:
        self.said: list[dict[str, object]] = []
        self._child = child
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._child.stdout is not None
        for line in self._child.stdout:
            self.said.append(json.loads(line))

    def saved(self) -> list[str]:
        return [str(said["saved"]) for said in self.said if "saved" in said]

    def join(self) -> None:
        self._thread.join(timeout=30)


def _notes(data_dir: Path) -> list[str]:
    engine = create_engine(f"sqlite:///{data_dir / 'kapdesk.sqlite3'}")
    try:
        with Session(engine) as session:
            query = select(SessionEvent).where(SessionEvent.kind == "note")
            return [e.data["text"] for e in session.scalars(query.order_by(SessionEvent.seq))]
    finally:
        engine.dispose()


SIGNALS = [signal.SIGTERM, signal.SIGINT, signal.SIGHUP]


@pytest.mark.subprocess
@pytest.mark.parametrize("number", SIGNALS, ids=[s.name for s in SIGNALS])
def test_a_signal_ends_kapdesk_at_once_keeping_every_note_and_the_session_open(
    tmp_path: Path, number: signal.Signals
) -> None:
    room = tmp_path / "room"
    sound = DiskOutput(tmp_path / "sound.raw")
    errors = tmp_path / "stderr.txt"
    env = {**child_env(), "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(sound.path)}
    with errors.open("w") as stderr:
        child = subprocess.Popen(
            driver("shutdown", room),
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    try:
        opened = json.loads(first_line(child))
        assert opened["bed"]
        lines = Lines(child)
        # The bed rises from silence; the notes go on meanwhile.
        wait_until(lambda: _tail_rms(sound.path, 0.1) > HEARD, timeout=60, interval=0.05)
        wait_until(lambda: len(lines.saved()) >= 5, timeout=60, interval=0.05)
        os.kill(child.pid, number)
        asked = time.monotonic()
        child.wait(timeout=ENDS_WITHIN_S)
        took = time.monotonic() - asked
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    lines.join()
    said = errors.read_text()
    assert child.returncode == 0, said
    assert took < ENDS_WITHIN_S
    assert "Traceback" not in said

    promised = lines.saved()
    notes = _notes(room)
    assert notes[: len(promised)] == promised  # nothing called "Saved" was lost

    # The sound faded out over a moment rather than stopping dead.
    heard = sound.read()
    levels = heard.window(heard.seconds - 1.5, heard.seconds).rms_windows(WINDOW_S)
    playing = max(levels)
    assert playing > HEARD / 2
    assert levels[-1] < playing / 20  # silent at the end
    loud = max(i for i, level in enumerate(levels) if level > playing / 2)
    quiet = next(i for i in range(loud, len(levels)) if levels[i] < playing / 20)
    assert 0.075 <= (quiet - loud) * WINDOW_S <= 1.0  # from half to a twentieth: a fade

    # The next start picks the session up: still open, same phase, the journey's time right.
    again = run_driver("inspect", room)
    assert again.returncode == 0, again.stderr
    found = json.loads(again.stdout.splitlines()[-1])
    assert found["page"] == "JourneyView"
    assert found["session_id"] == opened["session_id"]
    assert found["phase"] == opened["phase"]
    truth = (
        datetime.fromisoformat(str(found["wall"])) - datetime.fromisoformat(opened["dosed_wall"])
    ).total_seconds()
    assert abs(float(found["elapsed"]) - truth) < 1.5


def _kapdesk(data_dir: Path, sound: Path, errors: Path) -> subprocess.Popen[str]:
    """The ``kapdesk`` command itself, as a room PC starts it (no driver)."""
    env = {**child_env(), "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(sound)}
    with errors.open("w") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "kapdesk", "--data-dir", str(data_dir)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            text=True,
        )


@pytest.mark.subprocess
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_the_kapdesk_command_resumes_the_session_and_ends_the_orderly_way_again(
    tmp_path: Path,
) -> None:
    room = tmp_path / "room"
    first = subprocess.Popen(
        driver("shutdown", room), cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, text=True
    )
    try:
        opened = json.loads(first_line(first))
        os.kill(first.pid, signal.SIGTERM)
        first.communicate(timeout=ENDS_WITHIN_S)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(timeout=30)
    assert first.returncode == 0

    # kapdesk itself picks the session up, its bed playing again behind the sign-in screen.
    sound = DiskOutput(tmp_path / "sound.raw")
    child = _kapdesk(room, sound.path, tmp_path / "stderr.txt")
    try:
        wait_until(lambda: _tail_rms(sound.path, 0.1) > HEARD, timeout=60, interval=0.05)
        os.kill(child.pid, signal.SIGTERM)
        child.wait(timeout=ENDS_WITHIN_S)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    said = (tmp_path / "stderr.txt").read_text()
    assert child.returncode == 0, said
    assert "Traceback" not in said
    levels = sound.read().rms_windows(WINDOW_S)
    assert levels[-1] < max(levels) / 20  # faded out, not cut

    again = run_driver("inspect", room)
    found = json.loads(again.stdout.splitlines()[-1])
    assert (found["page"], found["session_id"], found["phase"]) == (
        "JourneyView",
        opened["session_id"],
        opened["phase"],
    )


@pytest.mark.subprocess
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
@pytest.mark.parametrize("number", SIGNALS, ids=[s.name for s in SIGNALS])
def test_a_signal_while_kapdesk_is_still_starting_ends_it_cleanly(
    tmp_path: Path, number: signal.Signals
) -> None:
    room = tmp_path / "room"
    child = _kapdesk(room, tmp_path / "sound.raw", tmp_path / "stderr.txt")
    try:
        # As soon as kapdesk has the signals (before Qt has even loaded).
        wait_until(lambda: catches_signal(child.pid, signal.SIGHUP), timeout=60, interval=0.005)
        os.kill(child.pid, number)
        child.wait(timeout=30)  # the first start's schema is finished first, never cut short
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    said = (tmp_path / "stderr.txt").read_text()
    assert child.returncode == 0, said
    assert "Traceback" not in said
    assert run_driver("inspect", room).returncode == 0  # the record opens, the folder is free


@pytest.mark.subprocess
def test_sigterm_lets_the_pc_sleep_again_before_kapdesk_ends(
    tmp_path: Path,
    private_bus: tuple[str, subprocess.Popen[str]],  # noqa: F811  (the fixture imported)
) -> None:
    address, fake = private_bus
    env = {
        **child_env(),
        "DBUS_SESSION_BUS_ADDRESS": address,
        "DBUS_SYSTEM_BUS_ADDRESS": address,
    }
    child = subprocess.Popen(
        driver("shutdown", tmp_path / "room"),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        json.loads(first_line(child))
        taken = [json.loads(first_line(fake)) for _ in range(2)]
        cookie = next(call["cookie"] for call in taken if call["call"] == "Inhibit")
        lines = Lines(child)
        os.kill(child.pid, signal.SIGTERM)
        child.wait(timeout=ENDS_WITHIN_S)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    lines.join()
    assert child.returncode == 0
    # kapdesk said so itself (a killed process leaves the screensaver inhibitor to the bus).
    assert json.loads(first_line(fake)) == {"call": "UnInhibit", "cookie": cookie}


# -- the desktop session ending, in this process ----------------------------------------------


def _open_with_bed(qtbot: QtBot, window: MainWindow) -> None:
    setup = window.setup_view
    line = setup.patient.lineEdit()
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "P-0100")
    for row in range(setup.protocols.count()):
        if setup.protocols.item(row).data(Qt.ItemDataRole.UserRole) == "im-ketamine":
            setup.protocols.setCurrentRow(row)
    setup.soundtrack.setCurrentIndex(0)  # a bundled bed
    qtbot.mouseClick(setup.open_button, Qt.MouseButton.LeftButton)
    settle(window)  # the patient's courses were looked up: the session opens
    assert window.pages.currentWidget() is window.journey_view


def test_the_desktop_session_ending_closes_kapdesk_without_asking_and_keeps_the_session(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    theme.apply(qapp)
    backend = FakeBackend(clock)
    screen = Recorded()
    window = build_window(
        storage, paths, clock, audio=lambda: backend, keep_awake=KeepAwake([screen])
    )
    sign_in(window)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    _open_with_bed(qtbot, window)
    current = window.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    assert backend.bed.busy()
    # The "close the session?" question is on screen.
    qtbot.mouseClick(window.journey_view.close_button, Qt.MouseButton.LeftButton)
    question = window.journey_view.close_dialog
    assert question is not None
    qtbot.waitUntil(question.isVisible)

    signals = end_orderly(window)
    try:
        assert qapp.receivers(SIGNAL("commitDataRequest(QSessionManager&)")) == 1
        # What Qt does when the session manager says the desktop session ends.
        signals.session_ending(None)
        clock.advance(SHUTDOWN_FADE_S)  # the bed fades out (the device closes once it is silent)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    finally:
        signals.uninstall()
    assert signals.heard == [SESSION_ENDING]
    assert qapp.receivers(SIGNAL("commitDataRequest(QSessionManager&)")) == 0
    assert not question.isVisible()  # put away unanswered: nothing waits for a person
    # The bed faded out in a moment (not over the session's close fade), then the device closed.
    assert [call.fade_ms for call in backend.calls("bed", "stop")][:1] == [
        round(SHUTDOWN_FADE_S * 1000)
    ]
    assert backend.calls()[-1].action == "close"
    assert screen.calls == ["inhibit", "release"]
    assert not current.journey.closed
    with storage.factory() as session:
        row = session.get(JourneySession, current.session_id)
        assert row is not None
        assert row.closed_at is None


@pytest.mark.parametrize("number", SIGNALS, ids=[s.name for s in SIGNALS])
def test_a_signal_is_heard_on_the_ui_thread_and_handed_back_after(
    qtbot: QtBot, qapp: QApplication, number: signal.Signals
) -> None:
    before = signal.getsignal(number)
    signals = ShutdownSignals()
    signals.install()
    try:
        assert signal.getsignal(number) not in (signal.SIG_DFL, before)  # never kills this test
        with qtbot.waitSignal(signals.requested, timeout=10_000) as heard:
            os.kill(os.getpid(), number)
    finally:
        signals.uninstall()
    assert heard.args == [number.name]
    assert signal.getsignal(number) == before


def test_a_locked_kiosk_mid_session_ends_on_sigterm_and_keeps_the_session(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.enter_kiosk()
    window.open_session("P-0702", "im-ketamine", "")
    current = window.current
    assert current is not None
    window.lock()  # the patient's side of the room: nothing they press closes kapdesk
    window.close()
    assert window.isVisible()
    signals = end_orderly(window)
    try:
        os.kill(os.getpid(), signal.SIGTERM)  # the OS shuts down: no Ctrl+Shift+Q, no PIN
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    finally:
        signals.uninstall()
    assert signals.heard == ["SIGTERM"]
    assert not current.journey.closed
