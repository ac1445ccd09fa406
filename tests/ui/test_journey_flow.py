"""The whole flow a nurse goes through: set-up, dose, phases, close, summary, past sessions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import JourneyState
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.models import JourneySession, SessionEvent
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle
from tests.ui.conftest import sign_in


def _cell(table: QAbstractItemView, row: int, column: int) -> str:
    index = table.model().index(row, column)
    assert index.isValid(), f"no cell at {row}, {column}"
    return str(index.data())


def _open_session(
    qtbot: QtBot, window: MainWindow, code: str = "P-0042", protocol_id: str = "im-ketamine"
) -> None:
    setup = window.setup_view
    assert window.pages.currentWidget() is setup
    line = setup.patient.lineEdit()
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, code)
    for row in range(setup.protocols.count()):
        item = setup.protocols.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == protocol_id:
            setup.protocols.setCurrentRow(row)
    sitter = setup.sitter.lineEdit()
    assert isinstance(sitter, QLineEdit)
    qtbot.keyClicks(sitter, "Alex Kim")
    qtbot.mouseClick(setup.open_button, Qt.MouseButton.LeftButton)
    settle(window)  # the patient's courses were looked up: the session opens


def _give_dose(
    qtbot: QtBot, window: MainWindow, amount: str = "0.75", lot: str = "LOT-9", weight: str = "70"
) -> None:
    view = window.journey_view
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dose_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, amount)
    if dialog.weight.isVisible():  # a per-kg protocol asks the weight
        dialog.weight.selectAll()
        qtbot.keyClicks(dialog.weight, weight)
    qtbot.keyClicks(dialog.lot, lot)
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_setup_dose_phases_close(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, storage: Storage
) -> None:
    _open_session(qtbot, window)
    view = window.journey_view
    assert window.pages.currentWidget() is view
    assert view.timer_caption.text().startswith("Preparation")
    assert view.preparation is not None
    assert view.preparation.isVisible()  # in the timer's place until dosing
    assert "Patient P-0042" in view.who.text()
    assert "Sitter Alex Kim" in view.who.text()
    assert view.next_button.isHidden()

    clock.advance(90)  # time before dosing is not journey time
    _give_dose(qtbot, window)
    assert view.timer_label.text() == "00:00"
    assert view.timer_caption.text() == "Since dosing"
    assert view.phase_name.text() == "Onset"
    assert view.next_label.text().startswith("Next: Peak")
    assert "Extra dose" in view.dose_button.text()

    clock.advance(65)
    view.tick()
    assert view.timer_label.text() == "01:05"
    assert view.phase_time.text() == "01:05 of 05:00"

    clock.advance(5 * 60)  # onset runs over its plan: shown softly, in words
    view.tick()
    assert view.phase_time.text() == "01:05 over its planned 5 min"

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.phase_name.text() == "Peak"
    assert view.phase_time.text() == "00:00 of 35:00"

    phases = len(view.current.journey.protocol.phases) if view.current else 0
    for _ in range(phases - 2):
        clock.advance(60)
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.phase_name.text() == "Recovery"
    assert not view.next_button.isEnabled()
    assert view.next_label.text().startswith("Last phase")

    assert view.current is not None
    stay = view.current.journey.protocol.monitoring_minutes * 60
    clock.advance(max(600, stay - (view.current.journey.elapsed() or 0)))  # the least time
    view.tick()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    # No vital signs were taken: the protocol's named checks are missing, so it is early.
    qtbot.keyClicks(dialog.reason, "Readings on the paper chart")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)

    integration = window.integration_view  # the session hands off to integration
    qtbot.waitUntil(lambda: window.pages.currentWidget() is integration)
    settle(window)  # the plan has come
    assert integration.title.text().startswith("Integration · P-0042")
    assert integration.table.rowCount() > 0
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    summary = window.summary_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is summary)
    settle(window)
    assert "P-0042" in summary.title.text()
    assert "closed" in summary.title.text()
    assert "Dose" in summary.facts.text()
    assert "LOT-9" in summary.facts.text()
    assert summary.phases.rowCount() == 4
    assert [_cell(summary.phases, r, 0) for r in range(4)] == [
        "Onset",
        "Peak",
        "Return",
        "Recovery",
    ]
    assert _cell(summary.phases, 0, 2) == "06:05"

    with Session(storage.engine) as session:
        row = session.scalars(select(JourneySession)).one()
        assert row.state == "closed"
        kinds = [e.kind for e in session.scalars(select(SessionEvent).order_by(SessionEvent.seq))]
    assert kinds == [
        "session_opened",
        "soundtrack_chosen",  # the first bundled bed, chosen by default
        "dose",
        "phase_started",
        "phase_started",
        "phase_started",
        "phase_started",
        "session_closed",
    ]

    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    history = window.history_view
    assert window.pages.currentWidget() is history
    settle(window)
    assert history.model.rowCount() == 1
    assert _cell(history.table, 0, 1) == "P-0042"
    assert _cell(history.table, 0, 4) == "closed"


def test_setup_asks_for_the_patient_code(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.setup_view.open_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.setup_view
    assert window.setup_view.error.text() == "Enter the patient's clinic code."
    assert window.setup_view.error.isVisible()


def test_closing_early_needs_a_reason(qtbot: QtBot, window: MainWindow) -> None:
    _open_session(qtbot, window)
    view = window.journey_view
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    dialog = view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Say why" in dialog.error.text()
    qtbot.keyClicks(dialog.reason, "BP 168/104 at baseline")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.summary_view)
    settle(window)
    assert "Closed because: BP 168/104 at baseline" in window.summary_view.facts.text()


def test_a_dose_without_an_amount_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    _open_session(qtbot, window)
    view = window.journey_view
    qtbot.mouseClick(view.dose_button, Qt.MouseButton.LeftButton)
    dialog = view.dose_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.amount.setValue(0)
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "Enter the amount given."
    assert view.current is not None
    assert not view.current.journey.dosed


def test_a_restart_puts_the_nurse_back_on_the_journey(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, storage: Storage, paths: AppPaths
) -> None:
    _open_session(qtbot, window, code="P-0077")
    _give_dose(qtbot, window)
    clock.advance(400)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    clock.advance(200)
    window.close()

    later = FakeClock(start=clock.now(), monotonic_start=7.0)
    again = build_window(storage, paths, later)
    sign_in(again)
    qtbot.addWidget(again)
    again.show()
    view = again.journey_view
    assert again.pages.currentWidget() is view
    assert view.current is not None
    assert view.current.journey.state is JourneyState.RUNNING
    assert view.phase_name.text() == "Peak"
    assert view.timer_label.text() == "10:00"
    assert "Patient P-0077" in view.who.text()


def test_the_timer_is_readable_at_small_and_large_sizes(qtbot: QtBot, window: MainWindow) -> None:
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    view = window.journey_view
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.width() == 1024)
    view.timer_label.ensurePolished()
    small = view.timer_label.font().pixelSize()
    fits_small = view.timer_label.sizeHint().width() <= view.timer_label.width()
    window.resize(3840, 2160)
    qtbot.waitUntil(lambda: window.width() == 3840)
    view.timer_label.ensurePolished()
    large = view.timer_label.font().pixelSize()
    assert small >= 80
    assert large > 2 * small
    assert fits_small
    assert view.timer_label.sizeHint().width() <= view.timer_label.width()


def test_the_wall_clock_jumping_an_hour_either_way_moves_nothing_on_screen(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    view = window.journey_view
    clock.advance(10 * 60)
    view.tick()
    assert view.timer_label.text() == "10:00"
    cue = view.cue.text()
    clock.jump_wall(3600)  # the PC's clock put forward an hour (NTP, a time-zone slip)
    view.tick()
    assert view.timer_label.text() == "10:00"
    assert view.cue.text() == cue  # no vital-signs check falls due for it
    clock.jump_wall(-7200)  # and back two hours
    clock.advance(5)
    view.tick()
    assert view.timer_label.text() == "10:05"
    assert view.cue.text() == cue
    current = window.current
    assert current is not None
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert current.journey.events[-1].elapsed == pytest.approx(605)  # recorded at 10:05 too
    window.lock()
    assert "10:05" in " ".join(window.calm.visible_text())


def test_setup_keeps_the_handout_language_chosen_with_the_session(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    setup = window.setup_view
    assert setup.handout.currentText() == "English"  # the language kapdesk speaks
    assert [setup.handout.itemText(i) for i in range(setup.handout.count())] == [
        "English",
        "Español",
        "Français",
    ]
    setup.handout.setFocus()
    qtbot.keyClick(setup.handout, Qt.Key.Key_Down)  # the patient reads Spanish
    assert setup.handout.currentText() == "Español"
    _open_session(qtbot, window)
    assert window.pages.currentWidget() is window.journey_view
    with Session(storage.engine) as session:
        row = session.scalars(select(JourneySession)).one()
        assert row.handout_language == "es"
    summary = window.store.summaries(1)[0]
    assert summary.handout_language == "es"


def test_setup_offers_the_handout_in_the_language_kapdesk_speaks(
    qtbot: QtBot, window: MainWindow
) -> None:
    language = Language()
    assert language.speak("fr")
    try:
        window.show_setup()
        assert window.setup_view.handout.currentText() == "Français"
        assert window.setup_view.handout_language() == "fr"
    finally:
        language.speak("en")
    window.show_setup()
    assert window.setup_view.handout_language() == "en"
