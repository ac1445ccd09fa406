"""The clinic board's window: what a nurse across the room reads on each card, live."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.protocols import Protocol
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.ui import theme
from kapdesk.ui.board_window import BoardWindow, RoomCardView
from kapdesk.ui.main_window import MainWindow

DOSE = Dose(amount=0.75, unit="mg/kg", route="IM", weight_kg=70)
SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def board(
    qtbot: QtBot, qapp: QApplication, storage: Storage, clock: FakeClock
) -> Iterator[BoardWindow]:
    theme.apply(qapp)
    shown = BoardWindow(storage, clock, show_patients=False)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    yield shown
    shown.close()


def _view(board: BoardWindow, room: str) -> RoomCardView:
    return next(v for v in board.views if v.card is not None and v.card.room == room)


def test_each_room_reads_from_across_the_room_and_follows_what_is_recorded(
    qtbot: QtBot, board: BoardWindow, storage: Storage, clock: FakeClock, protocol: Protocol
) -> None:
    one = JourneyStore(storage, clock, "Room 1").open_session("P-1", protocol, "Sam")
    one.journey.record_dose(DOSE)
    two = JourneyStore(storage, clock, "Room 2").open_session("P-2", protocol, "Sam")
    two.journey.close("cancelled")  # Room 2 is free again
    clock.advance(8 * 60)
    with qtbot.waitSignal(board.shown_update, timeout=10_000):
        board.start()
    qtbot.waitUntil(lambda: len(board.views) == 2)
    room_one, room_two = _view(board, "Room 1"), _view(board, "Room 2")
    assert room_one.patient.text() == "Patient hidden"  # this board hides patient codes
    # The rooms' writers may still be putting the dose (and the close) on the board as the
    # first read comes: the board shows them by the next.
    qtbot.waitUntil(
        lambda: (
            (_view(board, "Room 1").phase.text(), _view(board, "Room 2").phase.text())
            == ("Onset", "Free")
        ),
        timeout=10_000,
    )
    room_one, room_two = _view(board, "Room 1"), _view(board, "Room 2")
    assert room_one.time.text() == "08:00"
    assert room_two.phase.text() == "Free"
    assert not room_two.time.isVisibleTo(board)
    assert board.status.text().startswith("Live")

    clock.advance(1)
    board.redraw()  # the once-a-second redraw: the journey time runs without reading anything
    assert room_one.time.text() == "08:01"

    reading = {"systolic": 190, "diastolic": 100, "heart_rate": 80, "spo2": 97}
    flag = "Systolic 190 mmHg is at or above 180 mmHg"
    with qtbot.waitSignal(board.shown_update, timeout=10_000):
        one.journey.record_observation(
            EventKind.VITALS, {"values": reading, "flags": [flag], "by": "Ana"}
        )
    # The flag that stands, in the journey screen's words (kapdesk.core.standing_flags).
    qtbot.waitUntil(lambda: "BP 190/100 above 180/110" in room_one.flags.text())
    assert "BP 190/100" in room_one.vitals.text()
    assert room_one.property("attention") == "urgent"  # a red card
    with qtbot.waitSignal(board.shown_update, timeout=10_000):
        one.journey.record_sound(EventKind.QUIET, {"on": True})
    qtbot.waitUntil(lambda: room_one.sound.text() == "Quiet")


def test_set_up_opens_the_board_beside_kapdesk(qtbot: QtBot, window: MainWindow) -> None:
    window.show_setup()
    qtbot.mouseClick(window.board_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.board_window is not None)
    board = window.board_window
    assert board is not None
    qtbot.waitUntil(board.isVisible)
    qtbot.waitUntil(lambda: board.last_update is not None, timeout=10_000)
    assert board.windowTitle() == "kapdesk · Clinic board"
    qtbot.waitUntil(board.isActiveWindow)
    full = board.isFullScreen()
    qtbot.keyClick(board, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: board.isFullScreen() != full)
    qtbot.keyClick(board, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: board.isFullScreen() == full)
    qtbot.keyClick(board, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not board.isVisible())
    board.last_update = None
    window.activateWindow()  # as a click on kapdesk's window would
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_B, SHIFT_CTRL)  # again
    qtbot.waitUntil(board.isVisible)
    qtbot.waitUntil(lambda: board.last_update is not None, timeout=10_000)  # reading again
