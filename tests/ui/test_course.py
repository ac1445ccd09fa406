"""The course on screen: PHQ-9 and GAD-7 entered item by item (the item-9 warning at once),
kept with the moment they were taken at, listed and drawn as a trend."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.questionnaires import GAD7, SELF_HARM_FLAG
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.questionnaire_dialog import QuestionnaireDialog
from tests.support.ops import settle


def _tap(qtbot: QtBot, dialog: QuestionnaireDialog, item: int, value: int) -> None:
    """Tap the answer ``value`` of question ``item``."""
    button = dialog.groups[item].button(value)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _cell(window: MainWindow, row: int, column: int) -> str:
    item = window.course_view.table.item(row, column)
    assert item is not None
    return item.text()


def test_questionnaires_before_the_dose_and_at_follow_up_make_a_trend(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.open_session("P-0077", "im-ketamine", "Dr Lin")
    records = window.records
    current = window.current
    assert current is not None
    course = records.courses.start("P-0077", 6)
    records.courses.join(course.id, current.session_id)
    preparation = window.journey_view.preparation
    assert preparation is not None

    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    view = window.course_view
    assert window.pages.currentWidget() is view
    settle(window)  # the course has come
    assert view.title.text() == "Course · P-0077 · 1 of 6 sessions"
    assert view.chart.chart.title() == "No PHQ-9 or GAD-7 yet"

    # Ctrl+P prints on every other page; here it does nothing rather than open a form.
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert view.findChild(QuestionnaireDialog) is None
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.moment.currentText() == "preparation"
    for item, value in enumerate((3, 3, 2, 2, 2, 1, 1, 1)):
        _tap(qtbot, dialog, item, value)
    assert dialog.total.text() == "15 so far; 1 question to answer"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problems.text() == "PHQ-9: answer question 9."
    _tap(qtbot, dialog, 8, 1)
    assert dialog.flag.text() == SELF_HARM_FLAG
    assert dialog.total.text() == "16 of 27: moderately severe"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = dialog
    qtbot.waitUntil(lambda: not saved.isVisible())
    settle(window)  # saved, and the questionnaires read again
    assert view.status.text().startswith("Saved: PHQ-9 16 of 27, moderately severe.")
    assert SELF_HARM_FLAG in view.status.text()

    clock.advance(14 * 24 * 3600)
    view.moment = "follow-up"
    window.activateWindow()  # (the focus tests check kapdesk does this by itself)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.mouseClick(view.gad_button, Qt.MouseButton.LeftButton)
    gad = view.dialog
    assert gad is not None
    assert gad.instrument is GAD7
    qtbot.waitUntil(gad.isActiveWindow)
    for item in range(7):
        _tap(qtbot, gad, item, 1)
    qtbot.keyClick(gad, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not gad.isVisible())
    settle(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert [_cell(window, r, 2) for r in range(view.table.rowCount())] == ["PHQ-9", "GAD-7"]
    assert [_cell(window, r, 1) for r in range(2)] == ["preparation", "follow-up"]
    assert _cell(window, 1, 3) == "7 of 21"
    assert _cell(window, 1, 4) == "mild"
    assert view.chart.points == {
        "phq9": [(view.results[0].taken_at, 16)],
        "gad7": [(view.results[1].taken_at, 7)],
    }
    image = view.chart.grab().toImage()
    assert image.width() > 0

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.journey_view  # back to the open session


def test_a_save_past_its_limit_is_not_confirmed_then_said_saved_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_session("P-0079", "im-ketamine", "Dr Lin")
    records = window.records
    gate = threading.Event()
    record = records.courses.record

    def slow_record(*args: object, **kwargs: object) -> object:
        gate.wait(30)  # the server answers late, and commits all the same
        return record(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(records.courses, "record", slow_record)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    view = window.course_view
    settle(window)
    window.ops.limit = 0.5
    qtbot.mouseClick(view.gad_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    try:
        for item in range(7):
            _tap(qtbot, dialog, item, 1)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "not confirmed yet" in view.status.text(), timeout=5000)
        assert view.status.text() == (
            "The questionnaire: not confirmed yet: the records are not answering;"
            " kapdesk is still trying."
        )
        assert "Nothing was saved" not in view.status.text()
        assert "loaded" not in window.status_banner.text()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: view.status.text().startswith("Saved: GAD-7 7 of 21"), timeout=5000)
    settle(window)
    assert view.table.rowCount() == 1
    assert len(records.courses.results("P-0079")) == 1
    assert not window.status_banner.isVisible()
