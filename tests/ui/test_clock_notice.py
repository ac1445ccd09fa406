"""The journey screen after a restart with the PC's clock moved: it says so plainly and by how
much, shows a journey time nothing vouches for as such, and lets staff confirm it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.models import SessionEvent
from kapdesk.ui.main_window import MainWindow
from tests.support.saving import settle
from tests.ui.conftest import sign_in
from tests.ui.test_journey_flow import _give_dose, _open_session


def _restart(qtbot: QtBot, storage: Storage, paths: AppPaths, later: FakeClock) -> MainWindow:
    again = build_window(storage, paths, later)
    sign_in(again)
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    return again


def _kinds(qtbot: QtBot, window: MainWindow, storage: Storage) -> list[str]:
    """The session's event kinds as saved, once the recorder's thread has written them all."""
    settle(qtbot, window)
    with Session(storage.engine) as session:
        return [e.kind for e in session.scalars(select(SessionEvent).order_by(SessionEvent.seq))]


def test_a_reboot_with_the_clock_an_hour_fast_is_told_and_writes_no_phase(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, storage: Storage, paths: AppPaths
) -> None:
    _open_session(qtbot, window, code="P-0015", protocol_id="iv-ketamine")  # phases by time
    _give_dose(qtbot, window)
    clock.advance(1)
    window.close()
    # A power cut; the PC is back 9 s later, its clock an hour fast before the time syncs.
    later = clock.reboot(9, wall_step=3600)
    again = _restart(qtbot, storage, paths, later)
    view = again.journey_view
    qtbot.waitUntil(view.time_notice.isVisible)
    notice = view.time_notice_text.text()
    assert "restarted" in notice
    assert "1 h 00 min" in notice
    assert "not vouched" in notice
    assert "Emergence is due" in notice
    assert "not vouched" in view.timer_caption.text()
    assert view.timer_label.text() == "1:00:10"
    view.tick()
    assert view.phase_name.text() == "Infusion"  # Emergence and Return wait for staff
    assert "phase_started" not in _kinds(qtbot, again, storage)[-1:]
    # The time syncs: the clock is set right, and the timer follows it at once.
    later.advance(2)
    later.jump_wall(-3600)
    view.tick()
    assert view.timer_label.text() == "00:12"
    assert "set back 1 h 00 min" in view.time_notice_text.text()
    assert _kinds(qtbot, again, storage)[-1] == "time_corrected"
    # Staff check it against the dosing time and confirm it, by keyboard.
    qtbot.keyClick(
        again, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: not view.time_notice.isVisible())
    assert view.timer_caption.text() == "Since dosing"
    assert _kinds(qtbot, again, storage)[-1] == "time_confirmed"
    assert view.phase_name.text() == "Infusion"


def test_the_clock_moved_on_the_same_boot_is_told_and_the_time_kept(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, storage: Storage, paths: AppPaths
) -> None:
    _open_session(qtbot, window, code="P-0016")
    _give_dose(qtbot, window)
    clock.advance(600)
    window.close()
    later = clock.restart(30, wall_step=-3600)  # killed; back 30 s later, the clock an hour slow
    again = _restart(qtbot, storage, paths, later)
    view = again.journey_view
    qtbot.waitUntil(view.time_notice.isVisible)
    notice = view.time_notice_text.text()
    assert "The PC's clock moved 1 h 00 min back while kapdesk was closed" in notice
    assert "uptime" in notice
    assert view.timer_label.text() == "10:30"  # not 00:00, not the downtime lost
    assert view.timer_caption.text() == "Since dosing"
    qtbot.mouseClick(view.time_button, Qt.MouseButton.LeftButton)  # "Noted"
    qtbot.waitUntil(lambda: not view.time_notice.isVisible())
    # Reading a notice records nothing.
    assert _kinds(qtbot, again, storage)[-1] == "session_resumed"


def test_before_the_dose_a_clock_nothing_can_check_is_not_a_worry(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, storage: Storage, paths: AppPaths
) -> None:
    _open_session(qtbot, window, code="P-0017", protocol_id="iv-ketamine")
    clock.advance(60)
    window.close()
    again = _restart(qtbot, storage, paths, clock.reboot(30, wall_step=3600))
    view = again.journey_view
    assert view.current is not None
    assert not view.current.journey.dosed
    assert not view.time_notice.isVisible()  # no journey time yet: nothing to confirm
