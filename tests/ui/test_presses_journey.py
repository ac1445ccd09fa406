"""The journey page's buttons and forms, each pressed the way staff press it (a click, or its
key), with what the press did checked: preparation, notes and ratings, vital signs, the dose
and close forms, the discharge check, and the timeline's correction form."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.widgets import ActionButton
from tests.support.ops import settle

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def _kinds(window: MainWindow) -> list[EventKind]:
    current = window.current
    assert current is not None
    return [event.kind for event in current.journey.events]


def _button(dialog: QDialog, starts: str) -> QPushButton:
    """The form's button whose text starts with ``starts`` (Cancel, Save, Done…)."""
    return next(b for b in dialog.findChildren(QPushButton) if b.text().startswith(starts))


def _active(qtbot: QtBot, dialog: QDialog | None) -> QDialog:
    """``dialog`` open and taking keys."""
    assert dialog is not None, "the press opened no form"
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _closed(qtbot: QtBot, window: MainWindow, dialog: QDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()  # (the focus tests check kapdesk does this by itself)
    qtbot.waitUntil(window.isActiveWindow)


def test_preparation_by_clicks_and_keys(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    window.open_session("P-0300", "esketamine-intranasal", "Robin Hale")
    prep = window.journey_view.preparation
    assert prep is not None

    qtbot.keyClicks(prep.intention, "To rest")
    qtbot.mouseClick(prep.save_intention, LEFT)
    assert EventKind.INTENTION in _kinds(window)

    boxes = [box for box in prep._boxes.values() if box.isVisible()]
    assert boxes
    qtbot.mouseClick(boxes[0], LEFT, pos=boxes[0].rect().center())
    assert boxes[0].isChecked()
    assert EventKind.CHECKLIST in _kinds(window)

    qtbot.mouseClick(prep.breathe_button, LEFT)
    breathing = _active(qtbot, prep.breathing)
    qtbot.mouseClick(_button(breathing, "Cancel"), LEFT)
    _closed(qtbot, window, breathing)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    breathing = _active(qtbot, prep.breathing)
    qtbot.keyClick(breathing, Qt.Key.Key_Escape)
    _closed(qtbot, window, breathing)
    assert EventKind.BREATHWORK not in _kinds(window)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    breathing = _active(qtbot, prep.breathing)
    clock.advance(60)
    qtbot.keyClick(breathing, Qt.Key.Key_S, CTRL)
    _closed(qtbot, window, breathing)
    assert EventKind.BREATHWORK in _kinds(window)

    qtbot.mouseClick(prep.questionnaires_button, LEFT)
    course = window.course_view
    assert window.pages.currentWidget() is course
    settle(window)  # the course has come: its questionnaires may be taken
    qtbot.mouseClick(course.gad_button, LEFT)
    gad = _active(qtbot, course.dialog)
    qtbot.mouseClick(_button(gad, "Cancel"), LEFT)
    _closed(qtbot, window, gad)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    gad = _active(qtbot, course.dialog)
    qtbot.keyClick(gad, Qt.Key.Key_Escape)
    _closed(qtbot, window, gad)
    qtbot.mouseClick(course.phq_button, LEFT)
    phq = _active(qtbot, course.dialog)
    for group in phq.groups:  # type: ignore[attr-defined]
        qtbot.mouseClick(group.button(0), LEFT)
    assert phq.total.text().startswith("0 of 27")  # type: ignore[attr-defined]
    qtbot.keyClick(phq, Qt.Key.Key_S, CTRL)
    _closed(qtbot, window, phq)
    settle(window)
    assert course.status.text().startswith("Saved: PHQ-9 0 of 27")
    qtbot.mouseClick(course.back_button, LEFT)
    assert window.pages.currentWidget() is window.journey_view


def test_notes_ratings_and_vital_signs_by_clicks_and_keys(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.open_session("P-0301", "im-ketamine", "Robin Hale")
    panel = window.journey_view.observations
    assert panel is not None
    tag, button = next(iter(panel.tag_buttons.items()))
    qtbot.mouseClick(button, LEFT)
    current = window.current
    assert current is not None
    notes = [e for e in current.journey.events if e.kind is EventKind.NOTE]
    assert notes[-1].data["tags"] == [tag]
    scale, values = next(iter(panel.rating_buttons.items()))
    qtbot.mouseClick(values[max(values)], LEFT)
    ratings = [e for e in current.journey.events if e.kind is EventKind.RATING]
    assert ratings[-1].data["scale"] == scale

    before = _kinds(window).count(EventKind.VITALS)
    qtbot.mouseClick(panel.vitals_button, LEFT)
    vitals = _active(qtbot, panel.vitals_dialog)
    qtbot.mouseClick(_button(vitals, "Cancel"), LEFT)
    _closed(qtbot, window, vitals)
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    vitals = _active(qtbot, panel.vitals_dialog)
    qtbot.keyClick(vitals, Qt.Key.Key_Escape)
    _closed(qtbot, window, vitals)
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    vitals = _active(qtbot, panel.vitals_dialog)
    fields = vitals.fields  # type: ignore[attr-defined]
    for name, typed in (("systolic", "120"), ("diastolic", "80"), ("heart_rate", "70")):
        qtbot.keyClicks(fields[name], typed)
    qtbot.keyClick(vitals, Qt.Key.Key_S, CTRL)
    _closed(qtbot, window, vitals)
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    vitals = _active(qtbot, panel.vitals_dialog)
    fields = vitals.fields  # type: ignore[attr-defined]
    for name, typed in (("systolic", "122"), ("diastolic", "81"), ("heart_rate", "72")):
        qtbot.keyClicks(fields[name], typed)
    qtbot.mouseClick(_button(vitals, "Save"), LEFT)
    _closed(qtbot, window, vitals)
    assert _kinds(window).count(EventKind.VITALS) == before + 2


def test_dose_close_discharge_and_correction_forms_by_clicks_and_keys(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.open_session("P-0302", "esketamine-intranasal", "Robin Hale")
    view = window.journey_view
    current = window.current
    assert current is not None

    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    dose = _active(qtbot, view.dose_dialog)
    qtbot.mouseClick(_button(dose, "Cancel"), LEFT)
    _closed(qtbot, window, dose)
    assert EventKind.DOSE not in _kinds(window)

    values = {"systolic": 128, "diastolic": 82, "heart_rate": 74}
    current.journey.record_observation(EventKind.VITALS, {"values": values, "flags": []})
    current.journey.record_dose(Dose(56, "mg", "intranasal", lot_number="ESK-7"))
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    closing = _active(qtbot, view.close_dialog)
    qtbot.mouseClick(_button(closing, "Keep it open"), LEFT)
    _closed(qtbot, window, closing)
    assert not current.journey.closed

    while current.journey.next_phase is not None:
        clock.advance(30 * 60)
        current.journey.tick()
    qtbot.waitUntil(view.discharge_button.isVisible)
    qtbot.mouseClick(view.discharge_button, LEFT)
    check = _active(qtbot, view.discharge_dialog)
    qtbot.mouseClick(_button(check, "Cancel"), LEFT)
    _closed(qtbot, window, check)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    check = _active(qtbot, view.discharge_dialog)
    qtbot.keyClick(check, Qt.Key.Key_Escape)
    _closed(qtbot, window, check)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    check = _active(qtbot, view.discharge_dialog)
    for group in check.groups.values():  # type: ignore[attr-defined]
        qtbot.mouseClick(group.button(2), LEFT)
    escort = check.escort  # type: ignore[attr-defined]
    qtbot.mouseClick(escort, LEFT, pos=QPoint(8, escort.height() // 2))  # on its box
    assert escort.isChecked()
    for group in check.answers.values():  # type: ignore[attr-defined]
        qtbot.mouseClick(group.button(1), LEFT)
    qtbot.keyClick(check, Qt.Key.Key_S, CTRL)
    _closed(qtbot, window, check)
    assert EventKind.DISCHARGE in _kinds(window)

    qtbot.mouseClick(view.timeline_button, LEFT)
    timeline = window.timeline_view
    assert window.pages.currentWidget() is timeline
    row = next(i for i, e in enumerate(timeline.entries) if e.kind is EventKind.VITALS)
    rect = timeline.table.visualRect(timeline.model.index(row, 3))
    qtbot.mouseClick(timeline.table.viewport(), LEFT, pos=rect.center())
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    amend = _active(qtbot, timeline.amend_dialog)
    qtbot.mouseClick(_button(amend, "Cancel"), LEFT)
    _closed(qtbot, window, amend)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    amend = _active(qtbot, timeline.amend_dialog)
    qtbot.keyClick(amend, Qt.Key.Key_Escape)
    _closed(qtbot, window, amend)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    amend = _active(qtbot, timeline.amend_dialog)
    qtbot.keyClicks(amend.reason, "read again")  # type: ignore[attr-defined]
    qtbot.keyClick(amend, Qt.Key.Key_S, CTRL)
    _closed(qtbot, window, amend)
    assert "read again" in timeline.history.text()
    back = next(b for b in timeline.findChildren(ActionButton) if b.text().startswith("Back"))
    qtbot.mouseClick(back, LEFT)
    assert window.pages.currentWidget() is view

    qtbot.mouseClick(view.history_button, LEFT)
    assert window.pages.currentWidget() is window.history_view
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is view
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    assert window.pages.currentWidget() is window.history_view
    qtbot.mouseClick(window.history_view.back_button, LEFT)
    assert window.pages.currentWidget() is view
