"""After the journey: the course chosen at set-up (session N of M), the hand-off to integration
when the session closes, and the plan ticked, assigned and booked, then revisited."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose
from kapdesk.paths import AppPaths
from kapdesk.storage.courses import CourseInfo
from kapdesk.storage.db import Storage
from kapdesk.ui import integration_view
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle
from tests.ui.conftest import sign_in


def _cell(window: MainWindow, row: int, column: int) -> str:
    item = window.integration_view.table.item(row, column)
    assert item is not None
    return item.text()


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _open(qtbot: QtBot, window: MainWindow, code: str) -> None:
    setup = window.setup_view
    line = setup.patient.lineEdit()
    assert isinstance(line, QLineEdit)
    line.clear()
    with qtbot.waitSignal(setup.courses_loaded):  # looked up once typing pauses
        qtbot.keyClicks(line, code)


def test_the_journey_shows_its_place_in_the_course_once_it_is_read(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    courses = window.records.courses
    read = courses.of_session
    answered = threading.Event()  # a server slow to answer until the test says

    def slow(session_id: int) -> CourseInfo | None:
        answered.wait(30)
        return read(session_id)

    monkeypatch.setattr(courses, "of_session", slow)
    setup = window.setup_view
    _open(qtbot, window, "P-0042")
    setup.course.setCurrentIndex(setup.course.findText("New course of"))
    qtbot.mouseClick(setup.open_button, Qt.MouseButton.LeftButton)
    view = window.journey_view
    assert window.pages.currentWidget() is view  # the journey is on screen at once
    assert "P-0042" in view.who.text()
    assert "of 6" not in view.who.text()  # nothing yet: the course is still being read
    answered.set()
    qtbot.waitUntil(lambda: "Session 1 of 6" in view.who.text())


def _close_after_the_journey(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    current = window.current
    assert current is not None
    rules = current.journey.protocol.dose  # whichever protocol set-up offered first
    current.journey.record_dose(Dose(rules.usual_min or 1, rules.unit, rules.route, weight_kg=70))
    while current.journey.next_phase is not None:
        clock.advance(20 * 60)
        current.journey.advance_phase()
    qtbot.mouseClick(window.journey_view.close_button, Qt.MouseButton.LeftButton)
    dialog = window.journey_view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    if current.journey.close_concerns():  # no baseline was taken: an early close, with why
        qtbot.keyClicks(dialog.reason, "Baseline taken on paper")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.integration_view)
    settle(window)  # the plan has come


def test_a_course_session_hands_off_to_a_plan_that_is_worked_and_revisited(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    clock.advance(4 * 24 * 3600)  # Friday 6 March 2026
    setup = window.setup_view
    _open(qtbot, window, "P-0042")
    assert setup.course.currentText() == "Not part of a course"
    setup.course.setCurrentIndex(setup.course.findText("New course of"))
    assert setup.course_size.isVisible()
    assert setup.course_size.value() == 6
    qtbot.mouseClick(setup.open_button, Qt.MouseButton.LeftButton)
    view = window.journey_view
    assert window.pages.currentWidget() is view
    settle(window)  # the course has come
    assert "Session 1 of 6" in view.who.text()

    _close_after_the_journey(qtbot, window, clock)
    plan = window.integration_view
    assert "Session 1 of 6" in plan.title.text()
    assert plan.prompts.text().startswith("•  Did you feel or experience something")
    rows = {_cell(window, r, 1): r for r in range(plan.table.rowCount())}
    integration = rows["Integration session with the psychotherapist"]
    assert _cell(window, integration, 2) == "Mon 09 Mar"  # Friday + 1-2 days: the weekend moves
    assert _cell(window, rows["Next dosing session of the course"], 2) == "Mon 09 Mar to Tue 10 Mar"

    plan.tick(rows["Journal on the prompts tonight or tomorrow morning"])
    settle(window)  # the tick is saved
    emdr = rows["EMDR or ART session"]
    plan.table.selectRow(emdr)
    assert not plan.is_booked.isChecked()
    plan.assignee.setCurrentText("Kim Ade")
    qtbot.mouseClick(plan.save_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert _cell(window, emdr, 3) == "Kim Ade"
    assert _cell(window, emdr, 4) == ""  # assigned, not booked

    plan.table.selectRow(integration)
    plan.assignee.setCurrentText("Dr Lin")
    plan.is_booked.setChecked(True)  # on the first day suggested: Monday
    qtbot.keyClicks(plan.note, "10:00, room 2")
    qtbot.mouseClick(plan.save_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert _cell(window, integration, 3) == "Dr Lin"
    assert _cell(window, integration, 4) == "Mon 09 Mar"
    assert _cell(window, integration, 5) == "10:00, room 2"
    assert plan.status.text() == "Saved: Integration session with the psychotherapist"
    session_id = plan.session_id
    assert session_id is not None

    # The next session of the same patient joins the course by default.
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.pages.currentWidget() is setup
    _open(qtbot, window, "P-0042")
    assert setup.course.currentText() == "Course from 06 Mar: session 2 of 6"

    # Revisited later, from the session record.
    window.show_summary(session_id)
    settle(window)
    qtbot.mouseClick(window.summary_view.integration_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is plan
    settle(window)
    journal = plan.table.item(rows["Journal on the prompts tonight or tomorrow morning"], 0)
    assert journal is not None
    assert journal.checkState() == Qt.CheckState.Checked
    assert _cell(window, integration, 3) == "Dr Lin"

    # And from the follow-ups page, where every plan's open items wait, soonest first.
    window.show_setup()
    window.activateWindow()  # the offscreen platform leaves the closed dialog active
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    waiting = window.followups_view
    assert window.pages.currentWidget() is waiting
    settle(window)  # the open items have come
    texts = [_text(waiting.table, r, 2) for r in range(waiting.table.rowCount())]
    assert "Journal on the prompts tonight or tomorrow morning" not in texts  # done
    first = [_text(waiting.table, 0, c) for c in range(5)]
    assert first[:4] == [
        "booked Mon 09 Mar",
        "P-0042",
        "Integration session with the psychotherapist",
        "Dr Lin",
    ]
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is plan


def test_a_bad_clinic_file_is_named_on_set_up_and_kapdesk_carries_on(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    paths.clinic_settings.write_text('[clinic]\nopen_days = ["mon", "someday"]\n', "utf-8")
    built = build_window(storage, paths, clock)
    sign_in(built)
    qtbot.addWidget(built)
    problems = built.setup_view.protocol_problems
    assert not problems.isHidden()
    assert "kapdesk's own stand in for them" in problems.text()
    assert f"{paths.clinic_settings}: line 2, clinic.open_days: 'someday' is not a day" in (
        problems.text()
    )
    assert built.records.clinic.open_days == (0, 1, 2, 3, 4)


def test_the_clinics_own_breathing_pattern_is_offered(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    paths.clinic_settings.write_text(
        '[[breathing]]\nid = "calm"\nname = "Calm 6-2-7"\n'
        'steps = [["in", 6], ["hold_full", 2], ["out", 7]]\n',
        "utf-8",
    )
    built = build_window(storage, paths, clock)
    sign_in(built)
    qtbot.addWidget(built)
    built.open_session("P-0042", "im-ketamine", "Sam")
    preparation = built.journey_view.preparation
    assert preparation is not None
    preparation.request_breathing()
    dialog = preparation.breathing
    assert dialog is not None
    names = [dialog.pattern.itemText(i) for i in range(dialog.pattern.count())]
    assert names[-1] == "Calm 6-2-7"
    dialog.pattern.setCurrentIndex(len(names) - 1)
    clock.advance(7)
    dialog.step()
    assert dialog.words.text() == "Hold   1"
    dialog.reject()


def test_the_note_box_says_it_is_printed_on_the_patients_handout(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    """Staff must know, before they type, that the patient will read the note."""
    window.resize(1024, 600)
    _open(qtbot, window, "P-0043")
    qtbot.mouseClick(window.setup_view.open_button, Qt.MouseButton.LeftButton)
    _close_after_the_journey(qtbot, window, clock)
    plan = window.integration_view
    hint = plan.note_hint
    qtbot.waitUntil(hint.isVisible)
    assert hint.text() == "Note, printed on the patient's handout with the booking"
    assert plan.note.placeholderText() == "time, place, with whom"
    note = plan.note.geometry()
    above = hint.geometry()
    assert above.left() == note.left()  # the note box's own heading
    assert above.bottom() <= note.top()
    assert hint.visibleRegion().boundingRect().size() == hint.size()  # nothing covers it
    assert hint.fontMetrics().horizontalAdvance(hint.text()) <= hint.contentsRect().width()


def test_a_late_answer_never_turns_the_page_from_under_the_calm_screen(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_session("P-0043", "im-ketamine", "Dr Lin")  # never dosed: no plan
    assert window.current is not None
    session_id = window.current.session_id
    gate = threading.Event()
    asked: list[int] = []

    def slow_read(*_args: object) -> None:
        asked.append(session_id)
        gate.wait(30)  # the records answer late: the session has no plan, its record instead

    monkeypatch.setattr(integration_view, "read_plan", slow_read)
    window.show_integration(session_id)
    plan = window.integration_view
    assert window.pages.currentWidget() is plan
    qtbot.waitUntil(lambda: asked == [session_id])
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L, ctrl_shift)
    assert window.locked
    assert window.pages.currentWidget() is window.calm
    gate.set()
    settle(window)  # the late answer has come, and been handled
    assert window.pages.currentWidget() is window.calm
    assert window.locked
    assert window.pages.currentWidget() is not window.summary_view


def test_a_late_answer_for_a_page_left_meanwhile_never_turns_the_page(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_session("P-0044", "im-ketamine", "Dr Lin")  # never dosed: no plan
    assert window.current is not None
    session_id = window.current.session_id
    gate = threading.Event()
    asked: list[int] = []

    def slow_read(*_args: object) -> None:
        asked.append(session_id)
        gate.wait(30)

    monkeypatch.setattr(integration_view, "read_plan", slow_read)
    window.show_integration(session_id)
    plan = window.integration_view
    qtbot.waitUntil(lambda: asked == [session_id])
    qtbot.mouseClick(plan.back_button, Qt.MouseButton.LeftButton)
    left_for = window.pages.currentWidget()
    assert left_for is not plan
    gate.set()
    settle(window)
    assert window.pages.currentWidget() is left_for  # the late answer stayed on its own page
