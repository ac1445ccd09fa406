"""The calm lock screen: on one key or when idle, nothing private on it, the session going on
behind it, and a PIN to come back."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.observations import note_data
from kapdesk.core.staff import Role
from kapdesk.ui.main_window import MainWindow
from tests.ui.conftest import sign_in_account

PATIENT = "P-7781"


def _running(window: MainWindow, clock: FakeClock) -> None:
    window.open_session(PATIENT, "im-ketamine", "Sam Ortiz")
    current = window.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    current.journey.record_observation(
        EventKind.NOTE, note_data("Talked about her brother Jonah", [], "Sam Ortiz")
    )
    clock.advance(12 * 60 + 5)
    window.journey_view.tick()


def test_the_lock_key_shows_nothing_private_and_the_journey_goes_on(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    sign_in_account(window, "Sam Ortiz", "5820", frozenset({Role.NURSE}))
    _running(window, clock)
    # An extra dose half typed in.
    qtbot.mouseClick(window.journey_view.dose_button, Qt.MouseButton.LeftButton)
    dose = window.journey_view.dose_dialog
    assert dose is not None
    qtbot.waitUntil(dose.isVisible)
    dose.lot.setText("LOT-1")

    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _locked(window)
    assert window.pages.currentWidget() is window.calm
    assert not dose.isVisible()
    shown = " ".join(window.calm.visible_text())
    assert "12:05" in shown
    assert window.calm.cue.text() == window.journey_view.cue.text() != ""  # checks still show
    for private in (PATIENT, "Sam Ortiz", "Jonah", "IM ketamine", "LOT-1"):
        assert private not in shown
    clock.advance(60)
    window.calm.step()
    assert "13:05" in " ".join(window.calm.visible_text())
    image = window.calm.grab().toImage()
    assert image.pixelColor(image.width() // 2, int(image.height() * 0.42)) != image.pixelColor(
        2, 2
    )  # the soft light is drawn

    qtbot.mouseClick(window.calm, Qt.MouseButton.LeftButton)
    assert window.calm.chosen() == "Sam Ortiz"  # who was signed in is picked already
    assert "Sam Ortiz" not in shown  # but no name showed before the tap
    qtbot.keyClicks(window.calm.pin, "5820")
    qtbot.keyClick(window.calm.pin, Qt.Key.Key_Return)
    assert not _locked(window)
    assert window.pages.currentWidget() is window.journey_view
    assert dose.isVisible()
    assert dose.lot.text() == "LOT-1"


def test_with_accounts_unlocking_takes_a_pin_and_the_idle_minutes_lock_it(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    staff = window.staff
    assert staff is not None
    admin = staff.create_account("Ana Moreno", frozenset({Role.ADMIN}), "5820", by=None)
    staff.create_account("Jo Okafor", frozenset({Role.NURSE}), "7391", by=admin)
    _running(window, clock)
    _move_the_mouse(window)  # staff at the PC
    assert window.lock_seconds == 5 * 60

    clock.advance(4 * 60)
    window.check_idle()
    assert not _locked(window)
    clock.advance(60)
    window.check_idle()
    assert _locked(window)

    calm = window.calm
    assert not calm.pad.isVisible()
    qtbot.keyClick(calm, Qt.Key.Key_Space)
    assert calm.pad.isVisible()
    assert calm.names() == ["Ana Moreno", "Jo Okafor"]
    assert calm.chosen() == ""  # whoever was signed in has no account here: nobody is picked
    calm._key("✓")
    assert calm.message.text() == "Tap your name first."
    (tile,) = [t for t in calm._tile_group.buttons() if t.text() == "Jo Okafor"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert calm.chosen() == "Jo Okafor"
    for key in "0000":
        calm._key(key)
    calm._key("✓")
    assert _locked(window)
    assert calm.message.text() == "That name and PIN do not match an account."
    qtbot.keyClicks(calm.pin, "7391")
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    assert not _locked(window)
    assert window.pages.currentWidget() is window.journey_view
    lines = window.audit_lines
    assert lines is not None
    qtbot.waitUntil(lines.idle)  # the lock's own line is written on a thread of its own
    actions = [line.action for line in staff.audit_log()]
    assert actions[-3:] == ["screen_locked", "sign_in_refused", "signed_in"]

    clock.advance(4 * 60)
    _move_the_mouse(window)  # someone is there: the idle count starts again
    clock.advance(2 * 60)
    window.check_idle()
    assert not _locked(window)


def test_the_lock_shows_at_once_while_the_audit_log_cannot_be_written(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = window.staff
    assert staff is not None
    sign_in_account(window, "Sam Ortiz", "5820", frozenset({Role.NURSE}))
    _running(window, clock)
    answered = threading.Event()  # a clinic server that does not answer until the test says
    write = staff.record_at

    def frozen(now: datetime, who: str, action: str, subject: str = "", **detail: Any) -> None:
        answered.wait(30)
        write(now, who, action, subject, **detail)

    monkeypatch.setattr(staff, "record_at", frozen)
    monkeypatch.setattr(staff, "record", lambda *a, **k: frozen(clock.now(), *a, **k))
    locked_at = clock.now()
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _locked(window)
    assert window.pages.currentWidget() is window.calm
    lines = window.audit_lines
    assert lines is not None
    assert not lines.idle()  # the line waits for the server, the window does not
    clock.advance(45)
    answered.set()
    qtbot.waitUntil(lines.idle)
    (line,) = [a for a in staff.audit_log() if a.action == "screen_locked"]
    assert line.who == "Sam Ortiz"
    assert line.at.replace(tzinfo=None) == locked_at.replace(tzinfo=None)  # when it happened


def _locked(window: MainWindow) -> bool:
    return window.locked


def _move_the_mouse(window: MainWindow) -> None:
    """A mouse move over the window, through the application as the mouse's own would go."""
    at = QPointF(40, 40)
    moved = QMouseEvent(
        QEvent.Type.MouseMove,
        at,
        window.mapToGlobal(at),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, moved)


def test_the_lock_key_locks_on_every_page_with_no_form_open(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    """The journey page hides the line that holds the lock button; its key must lock there too."""
    sign_in_account(window, "Sam Ortiz", "5820", frozenset({Role.NURSE}))
    pages: list[QWidget] = [window.setup_view]
    _running(window, clock)
    pages.append(window.journey_view)
    for page in pages:
        window.pages.setCurrentWidget(page)
        assert not window.locked
        qtbot.keyClick(
            window,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert _locked(window), page
        window.unlock("Sam Ortiz", "5820")
        assert not window.locked
