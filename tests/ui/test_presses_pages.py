"""The pages around a session, each button pressed by a click and by its key, with where it
led or what it did checked: set-up, the integration plan, the session record, the timeline,
the course, past sessions and follow-ups."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose
from kapdesk.ui.integration_view import IntegrationView
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.widgets import ActionButton
from tests.support.ops import settle

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def _on(window: MainWindow, page: QWidget) -> bool:
    settle(window)  # the page's records have come (pages load off the window's thread)
    return window.pages.currentWidget() is page


def _press_row(qtbot: QtBot, table: QAbstractItemView, row: int) -> None:
    window = table.window()
    assert isinstance(window, MainWindow)
    settle(window)
    index = table.model().index(row, 0)
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualRect(index).center())


def _booked_on_for(qtbot: QtBot, plan: IntegrationView, row: int) -> bool:
    """Pick the plan's row; whether it is a follow-up (which may be booked)."""
    _press_row(qtbot, plan.table, row)
    return plan.is_booked.isEnabled()


def _back_on(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()  # (the focus tests check kapdesk does this by itself)
    qtbot.waitUntil(window.isActiveWindow)


def _asks_where_and_is_cancelled(qtbot: QtBot, window: MainWindow) -> None:
    """A print press opened a form asking where; Esc leaves it."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    form = QApplication.activeModalWidget()
    assert form is not None
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())
    _back_on(qtbot, window)


def _closed_session(qtbot: QtBot, window: MainWindow, clock: FakeClock, code: str) -> None:
    """Open a session from set-up by its key, give the dose, and close it: the plan shows."""
    setup = window.setup_view
    line = setup.patient.lineEdit()
    assert line is not None
    line.clear()
    with qtbot.waitSignal(setup.courses_loaded):
        qtbot.keyClicks(line, code)
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    assert _on(window, window.journey_view)
    current = window.current
    assert current is not None
    rules = current.journey.protocol.dose
    current.journey.record_dose(Dose(rules.usual_min or 1, rules.unit, rules.route, weight_kg=70))
    while current.journey.next_phase is not None:
        clock.advance(20 * 60)
        current.journey.advance_phase()
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    dialog = window.journey_view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    if current.journey.close_concerns():
        qtbot.keyClicks(dialog.reason, "Baseline taken on paper")
    qtbot.mouseClick(dialog.confirm, LEFT)
    qtbot.waitUntil(lambda: _on(window, window.integration_view))
    _back_on(qtbot, window)


def test_the_plan_record_timeline_and_course_by_clicks_and_keys(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _closed_session(qtbot, window, clock, "P-0400")
    plan = window.integration_view
    box = plan.is_booked
    assert any(_booked_on_for(qtbot, plan, r) for r in range(plan.table.rowCount()))
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    assert plan.booked.isEnabled()
    _press_row(qtbot, plan.table, 0)
    qtbot.keyClicks(plan.note, "Call on Tuesday")
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert plan.note.text() == ""
    settle(window)  # saved
    cells = [plan.table.item(0, c) for c in range(plan.table.columnCount())]
    assert any("Call on Tuesday" in cell.text() for cell in cells if cell is not None)

    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    _asks_where_and_is_cancelled(qtbot, window)
    qtbot.mouseClick(plan.handout_button, LEFT)
    _asks_where_and_is_cancelled(qtbot, window)

    qtbot.keyClick(window, Qt.Key.Key_U, CTRL)
    course = window.course_view
    assert _on(window, course)
    session = course.session_id
    assert session is not None
    qtbot.mouseClick(course.back_button, LEFT)
    assert _on(window, plan)  # back where the course was opened from
    qtbot.mouseClick(plan.course_button, LEFT)
    assert _on(window, course)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert _on(window, plan)

    qtbot.mouseClick(plan.record_button, LEFT)
    record = window.summary_view
    assert _on(window, record)
    qtbot.mouseClick(record.print_button, LEFT)
    _asks_where_and_is_cancelled(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)
    timeline = window.timeline_view
    assert _on(window, timeline)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert _on(window, record)  # the record the timeline was opened from
    qtbot.mouseClick(record.timeline_button, LEFT)
    assert _on(window, timeline)
    back = next(b for b in timeline.findChildren(ActionButton) if b.text().startswith("Back"))
    qtbot.mouseClick(back, LEFT)
    assert _on(window, record)
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    assert _on(window, plan)
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL)
    assert _on(window, record)
    qtbot.mouseClick(record.integration_button, LEFT)
    assert _on(window, plan)

    qtbot.mouseClick(plan.back_button, LEFT)
    history = window.history_view
    assert _on(window, history)
    _press_row(qtbot, history.table, 0)
    qtbot.mouseClick(history.open_button, LEFT)
    assert not _on(window, history)
    qtbot.mouseClick(record.history_button, LEFT)
    assert _on(window, history)
    _press_row(qtbot, history.table, 0)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    assert not _on(window, history)
    window.show_integration(session)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert _on(window, history)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert _on(window, window.setup_view)


def test_new_session_and_set_up_buttons_by_clicks_and_keys(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _closed_session(qtbot, window, clock, "P-0401")
    plan = window.integration_view
    qtbot.mouseClick(plan.new_button, LEFT)
    setup = window.setup_view
    assert _on(window, setup)

    qtbot.mouseClick(setup.history_button, LEFT)
    history = window.history_view
    assert _on(window, history)
    _press_row(qtbot, history.table, 0)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    record = window.summary_view
    assert _on(window, record)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    assert _on(window, history)
    _press_row(qtbot, history.table, 0)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
    assert _on(window, setup)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    _press_row(qtbot, history.table, 0)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    qtbot.mouseClick(record.new_button, LEFT)
    assert _on(window, setup)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    _press_row(qtbot, history.table, 0)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    settle(window)  # the record has come: its keys act
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    assert _on(window, plan)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
    assert _on(window, setup)

    qtbot.mouseClick(setup.followups_button, LEFT)
    followups = window.followups_view
    assert _on(window, followups)
    qtbot.mouseClick(followups.back_button, LEFT)
    assert _on(window, setup)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert _on(window, followups)
    if followups.table.rowCount():
        _press_row(qtbot, followups.table, 0)
        qtbot.mouseClick(followups.open_button, LEFT)
        assert _on(window, plan)
        qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
        qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert _on(window, setup)

    qtbot.mouseClick(setup.library_button, LEFT)
    assert _on(window, window.library_view)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.mouseClick(setup.staff_button, LEFT)
    assert _on(window, window.staff_view)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert _on(window, setup)
