"""The discharge check on screen: it takes the place of "Next phase" in the last phase, scores
the patient, asks the protocol's questions and records when the patient was ready to leave."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, event_text
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle


def _tap(qtbot: QtBot, button: QAbstractButton | None) -> None:
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _to_last_phase(window: MainWindow, clock: FakeClock) -> None:
    current = window.current
    assert current is not None
    values = {"systolic": 128, "diastolic": 82, "heart_rate": 74}
    current.journey.record_observation(EventKind.VITALS, {"values": values, "flags": []})
    current.journey.record_dose(Dose(56, "mg", "intranasal", lot_number="ESK-7"))
    while current.journey.next_phase is not None:
        clock.advance(30 * 60)
        current.journey.tick()
    later = {"systolic": 136, "diastolic": 84, "heart_rate": 70}
    current.journey.record_observation(EventKind.VITALS, {"values": later, "flags": []})
    window.journey_view.refresh()


def test_the_discharge_check_scores_asks_and_records_the_ready_time(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.open_session("P-0300", "esketamine-intranasal", "Robin Hale")
    view = window.journey_view
    current = window.current
    assert current is not None
    clock.advance(60)
    current.journey.record_observation(
        EventKind.VITALS, {"values": {"systolic": 128, "diastolic": 82}, "flags": []}
    )
    assert not view.discharge_button.isVisible()
    _to_last_phase(window, clock)
    assert view.discharge_button.isVisible()
    assert not view.next_button.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = view.discharge_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.vitals.score == 2
    assert dialog.vitals_line.text().startswith("2: Now BP 136/84 mmHg")
    for item in ("alert", "dissociation", "walking", "nausea", "comfort"):
        _tap(qtbot, dialog.groups[item].button(2))
    assert dialog.verdict.text().endswith("No escort present: the patient must not leave alone")
    qtbot.mouseClick(dialog.escort, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))  # its box
    # Ready at 1:30, but the protocol asks for 2 h in the room: never just "ready to leave".
    (dose,) = [e for e in current.journey.events if e.kind is EventKind.DOSE]
    free = (dose.wall + timedelta(minutes=120)).astimezone().strftime("%H:%M")
    assert dialog.verdict.text() == f"12 of 12: ready, may leave from {free}."
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # the REMS questions are not answered
    assert dialog.problems.text().startswith("Answer the protocol's questions")
    for question, yes in (("sedation", True), ("dissociation", True), ("breathing", False)):
        _tap(qtbot, dialog.answers[question].button(1 if yes else 0))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    (check,) = [e for e in current.journey.events if e.kind is EventKind.DISCHARGE]
    assert check.data["ready"] is True
    assert check.data["answers"] == {"sedation": True, "dissociation": True, "breathing": False}
    assert check.data["by"] == "Sam Ortiz"  # the member signed in, not the sitter
    # Ready 90 min after the dose, as the last phase began; esketamine asks for 2 h in the room.
    assert check.wall - dose.wall == timedelta(minutes=90)
    assert check.data["may_leave_from"] == (dose.wall + timedelta(minutes=120)).isoformat()
    assert event_text(check).startswith(f"Discharge check: 12 of 12, ready, may leave from {free}")
    ready = check.wall.astimezone().strftime("%H:%M")
    assert view.monitoring.text() == f"Ready since {ready}, may leave from {free}"

    clock.advance(35 * 60)
    qtbot.waitUntil(lambda: view.monitoring.text() == f"Ready to leave since {free}")
    current.journey.close("Left with her partner")
    window.show_summary(current.session_id)
    settle(window)
    facts = window.summary_view.facts.text()
    assert f"Ready to leave: {check.wall.astimezone():%d %b %Y, %H:%M} (1:30:00 after dosing)" in (
        facts
    )
    assert "Total monitoring time: 2:05:00" in facts


def test_without_a_baseline_staff_score_the_vital_signs_themselves(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.open_session("P-0301", "im-ketamine", "Robin Hale")
    current = window.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))  # no baseline reading
    clock.advance(80 * 60)
    # Before the last phase "Ready to leave?" is not shown; its key works from the dose on.
    assert not window.journey_view.discharge_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.journey_view.discharge_dialog
    assert dialog is not None
    assert dialog.vitals_line.text() == (
        "Score it yourself: No baseline reading before dosing to compare with."
    )
    for item in ("vitals", "alert", "dissociation", "walking", "nausea", "comfort"):
        _tap(qtbot, dialog.groups[item].button(2))
    qtbot.mouseClick(dialog.escort, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))  # its box
    (dose,) = [e for e in current.journey.events if e.kind is EventKind.DOSE]
    stay = timedelta(minutes=current.journey.protocol.monitoring_minutes)
    assert stay > timedelta(minutes=80)
    free = (dose.wall + stay).astimezone().strftime("%H:%M")
    assert dialog.verdict.text() == f"12 of 12: ready, may leave from {free}."
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (check,) = [e for e in current.journey.events if e.kind is EventKind.DISCHARGE]
    assert check.data["scores"]["vitals"] == 2
