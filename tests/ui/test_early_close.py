"""No early close by accident, phases that move on deliberately, and refusals said before a
form is filled in, with a switch of user that keeps what was typed: through the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.discharge import READINESS_ITEMS, assess
from kapdesk.core.journey import Dose, EventKind, Journey, JourneyState
from kapdesk.core.safe_files import write_atomically
from kapdesk.core.staff import Role
from kapdesk.reports.pdf import pdf_bytes
from kapdesk.storage.staff import StaffStore
from kapdesk.ui.journey_view import CONFIRM_EARLY_S, JourneyView
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle
from tests.support.pdf_text import pdf_text
from tests.ui.test_staff import _accounts as staff_accounts
from tests.ui.test_staff import _pin_pad, _sign_in


def _accounts(window: MainWindow) -> StaffStore:
    """The staff page's accounts (an admin, a sitter, a nurse), and a prescriber."""
    staff = staff_accounts(window)
    admin = next(m for m in staff.accounts() if m.name == "Ana Moreno")
    staff.create_account("Dr Rao", frozenset({Role.PRESCRIBER}), "8150", by=admin)
    return staff


def _lock_key(qtbot: QtBot, widget: QWidget) -> None:
    """Ctrl+Shift+L, the lock key (a switch of user while a refusal offers one)."""
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, Qt.Key.Key_L, ctrl_shift)


def _plain(rich: str) -> list[str]:
    """The items of a label's HTML list, as text."""
    document = QTextDocument()
    document.setHtml(rich)
    return [line.strip() for line in document.toPlainText().splitlines() if line.strip()]


def _forms(view: JourneyView) -> tuple[object, object]:
    """The close and dose forms the journey screen has opened (None: never opened)."""
    return view.close_dialog, view.dose_dialog


def _baseline(journey: Journey) -> None:
    values = {"systolic": 128, "diastolic": 82, "heart_rate": 74, "spo2": 98}
    journey.record_observation(EventKind.VITALS, {"values": values, "flags": []})


def _esketamine_at_1_32_ready(window: MainWindow, clock: FakeClock) -> Journey:
    """The issue's session: esketamine, in its last phase at 1:32, a discharge check 12 of 12,
    and no blood pressure at about 40 minutes."""
    window.open_session("P-0300", "esketamine-intranasal", "Robin Hale")
    current = window.current
    assert current is not None
    journey = current.journey
    _baseline(journey)
    journey.record_dose(Dose(56, "mg", "intranasal", lot_number="ESK-1"))
    clock.advance(90 * 60)
    journey.tick()  # timed: every phase has started by its time; the last one at 1:30
    assert journey.next_phase is None
    clock.advance(2 * 60)
    _baseline(journey)  # before discharge
    readiness = assess({item.id: 2 for item in READINESS_ITEMS}, True, 10)
    journey.record_discharge(readiness.to_json("", {}))
    window.journey_view.tick()
    return journey


def test_closing_at_1_32_of_2_hours_asks_why_and_the_record_says_early(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    journey = _esketamine_at_1_32_ready(window, clock)
    view = window.journey_view
    assert view.monitoring.text().startswith("Ready since ")  # not "ready to leave"
    assert ", may leave from " in view.monitoring.text()

    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Close the session early"
    assert _plain(dialog.concerns.text()) == [
        "1:32:00 since dosing, of the 2 h the protocol asks in the room",
        "Vital-signs check not taken: Peak (about 40 min)",
    ]
    assert dialog.confirm.text().startswith("Close early")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter with no reason: asked for one
    assert dialog.isVisible()
    assert dialog.error.text() == "Say why the session ends early; it goes on the record."
    assert not journey.closed
    qtbot.keyClicks(dialog.reason, "Patient stable; leaving with her partner")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.integration_view)

    closing = journey.events[-1]
    assert closing.kind is EventKind.CLOSED
    assert closing.data["early"] == [
        "1:32:00 since dosing, of the 2 h the protocol asks in the room",
        "vital-signs check not taken: Peak (about 40 min)",
    ]
    assert closing.data["by"] == "Sam Ortiz"
    current = window.current
    assert current is not None
    assert current.recorder.flush(timeout=5)
    path = tmp_path / "record.pdf"
    write_atomically(path, pdf_bytes(window._print_record(current.session_id)))
    text = " ".join(pdf_text(path).split())
    assert "Closed early 1:32:00 since dosing, of the 2 h the protocol asks in the room" in text
    assert "Why closed early Patient stable; leaving with her partner" in text
    assert "after dosing); may leave from" in text  # ready before the least time


def test_a_sitter_is_told_before_the_form_and_a_nurse_switched_in_closes_it(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    staff = _accounts(window)
    journey = _esketamine_at_1_32_ready(window, clock)
    _sign_in(qtbot, window, "Robin Hale", "2468")
    view = window.journey_view
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert _forms(view) == (None, None)  # nothing to fill in that could not be saved
    assert view.message.text() == (
        "It would close early: 1:32:00 since dosing, of the 2 h the protocol asks in the room; "
        "vital-signs check not taken: Peak (about 40 min). Closing a session early takes a "
        "nurse or a prescriber; Robin Hale is a sitter. Switch user to let a colleague who "
        "may do it."
    )
    assert view.switch_button.isVisible()
    qtbot.mouseClick(view.switch_button, Qt.MouseButton.LeftButton)
    _pin_pad(qtbot, window, "Jo Okafor", "7391")
    # The close form opens by itself for the nurse now signed in.
    dialog = view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert not view.switch_button.isVisible()
    qtbot.keyClicks(dialog.reason, "Left with escort; BP 128/82 at 1:30")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert journey.closed
    assert journey.events[-1].data["by"] == "Jo Okafor"
    assert [line.action for line in staff.audit_log()].count("signed_in") == 2


def test_the_switch_key_does_what_the_button_does(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _accounts(window)
    _sign_in(qtbot, window, "Robin Hale", "2468")
    window.open_session("P-0301", "esketamine-intranasal", "Robin Hale")
    view = window.journey_view
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert view.switch_button.isVisible()
    assert view.switch_button.text() == "Switch user   Ctrl+Shift+L"
    # The lock key, while a refusal offers it, is that switch: the dose form follows.
    _lock_key(qtbot, window)
    _pin_pad(qtbot, window, "Jo Okafor", "7391")
    dialog = view.dose_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)  # the dose form, for the nurse


def test_a_high_baseline_says_before_the_dose_form_that_a_prescriber_decides(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _accounts(window)
    _sign_in(qtbot, window, "Jo Okafor", "7391")
    window.open_session("P-0302", "esketamine-intranasal", "Jo Okafor")
    current = window.current
    assert current is not None
    values = {"systolic": 162, "diastolic": 96, "heart_rate": 80}
    current.journey.record_observation(EventKind.VITALS, {"values": values, "flags": []})
    view = window.journey_view
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _forms(view) == (None, None)  # not after the lot number and the reason are typed
    assert view.message.text().startswith(
        "Baseline blood pressure 162/96 is above the protocol's 140/90. Deciding to dose "
        "after a high baseline takes a prescriber; Jo Okafor is a nurse."
    )
    qtbot.mouseClick(view.switch_button, Qt.MouseButton.LeftButton)
    _pin_pad(qtbot, window, "Dr Rao", "8150")
    dialog = view.dose_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.concern is not None  # the prescriber is asked why, in the form


def test_a_form_kept_across_a_switch_of_user_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    """A switch asked for from a refusal keeps the forms on screen for the next member, typed
    text and all; a plain lock still closes them for someone else."""
    _accounts(window)
    journey = _esketamine_at_1_32_ready(window, clock)
    view = window.journey_view
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.reason, "Leaving with escort")
    window.switch_user()
    assert not dialog.isVisible()
    _pin_pad(qtbot, window, "Jo Okafor", "7391")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.reason.text() == "Leaving with escort"
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert journey.closed
    assert journey.events[-1].data["by"] == "Jo Okafor"


def _esketamine_dosed(window: MainWindow) -> Journey:
    window.open_session("P-0310", "esketamine-intranasal", "Sam Ortiz")
    current = window.current
    assert current is not None
    _baseline(current.journey)
    current.journey.record_dose(Dose(56, "mg", "intranasal"))
    return current.journey


def _press_next(qtbot: QtBot, window: MainWindow, view: JourneyView, by_key: bool) -> None:
    if by_key:
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)


def test_ending_a_dosing_phase_early_takes_a_second_press(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    journey = _esketamine_dosed(window)
    view = window.journey_view
    clock.advance(4 * 60 + 5)
    view.tick()
    _press_next(qtbot, window, view, by_key=True)
    assert view.phase_name.text() == "Dosing"  # nothing moved on the first press
    assert view.next_button.text() == "End Dosing early?   Ctrl+N again"
    assert view.confirm_note.isVisible()
    assert view.confirm_note.text() == (
        "Press Next phase again to end Dosing at 04:05 of 10:00; the record will say so."
    )

    clock.advance(CONFIRM_EARLY_S + 1)  # the question lapses by itself
    view.tick()
    assert view.next_button.text() == "Next phase   Ctrl+N"
    assert not view.confirm_note.isVisible()
    _press_next(qtbot, window, view, by_key=True)
    assert view.phase_name.text() == "Dosing"  # a lapsed first press does not count

    clock.advance(2)
    _press_next(qtbot, window, view, by_key=False)  # the second press, by hand
    assert view.phase_name.text() == "Peak dissociation"
    assert not view.confirm_note.isVisible()
    phase = journey.events[-1]
    assert phase.data["ended_early"]["name"] == "Dosing"
    assert phase.data["ended_early"]["ran_seconds"] == 4 * 60 + 5 + CONFIRM_EARLY_S + 3
    assert journey.spans[0].ended_early


def test_other_phases_move_on_at_one_press_and_are_marked_when_early(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    journey = _esketamine_dosed(window)
    view = window.journey_view
    clock.advance(10 * 60)  # the dosing phase has run its time
    view.tick()
    assert view.phase_name.text() == "Peak dissociation"
    clock.advance(60)
    _press_next(qtbot, window, view, by_key=False)  # not a dosing phase: one press
    assert view.phase_name.text() == "Resolution"
    assert journey.events[-1].data["ended_early"]["name"] == "Peak dissociation"
    assert not view.confirm_note.isVisible()


def test_printing_is_refused_before_a_file_is_chosen(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _accounts(window)
    journey = _esketamine_dosed(window)
    journey.close("Stopped for this test")
    current = window.current
    assert current is not None
    _sign_in(qtbot, window, "Robin Hale", "2468")
    window.show_summary(current.session_id)
    settle(window)
    summary = window.summary_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is summary)
    refused = (
        "Printing or exporting a record takes a nurse, a prescriber, a therapist or an admin; "
        "Robin Hale is a sitter. Switch user (Ctrl+Shift+L) to let a colleague who may."
    )
    qtbot.mouseClick(summary.print_button, Qt.MouseButton.LeftButton)
    assert summary.saver.printing is None  # no printer chosen in vain
    assert summary.print_status.text() == refused
    summary.print_status.clear()
    qtbot.mouseClick(summary.save_pdf_button, Qt.MouseButton.LeftButton)
    assert summary.saver.dialog is None  # no file chosen in vain
    assert summary.print_status.text() == refused


def test_the_vitals_form_is_refused_before_it_opens(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _accounts(window)
    _esketamine_dosed(window)
    _sign_in(qtbot, window, "Ana Moreno", "5820")  # an admin alone runs the clinic's settings
    panel = window.journey_view.observations
    assert panel is not None
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert panel.vitals_dialog is None  # no reading typed in vain
    assert panel.status.text() == (
        "Recording in the journey takes a sitter, a nurse, a prescriber or a therapist; "
        "Ana Moreno is an admin. Switch user (Ctrl+Shift+L) to let a colleague who may."
    )


def test_correcting_a_dose_is_refused_before_the_correction_is_typed(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _accounts(window)
    _esketamine_dosed(window)
    _sign_in(qtbot, window, "Robin Hale", "2468")
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is view)
    row = next(i for i, e in enumerate(view.entries) if e.kind is EventKind.DOSE)
    rect = view.table.visualRect(view.model.index(row, 3))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(view.amend_button, Qt.MouseButton.LeftButton)
    assert view.amend_dialog is None
    assert view.history.text() == (
        "Recording a dose takes a nurse or a prescriber; Robin Hale is a sitter. "
        "Switch user (Ctrl+Shift+L) to let a colleague who may."
    )


def test_a_refusal_staff_moved_on_from_leaves_the_lock_key_a_plain_lock(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _accounts(window)
    _sign_in(qtbot, window, "Robin Hale", "2468")
    window.open_session("P-0303", "esketamine-intranasal", "Robin Hale")
    view = window.journey_view
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert view.switch_button.isVisible()
    panel = view.observations
    assert panel is not None
    qtbot.keyClicks(panel.note, "Settled, eyes closed")  # the sitter carries on with a note
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.switch_button.isVisible())
    assert view.pending_switch() is None
    _lock_key(qtbot, window)
    _pin_pad(qtbot, window, "Jo Okafor", "7391")
    assert _forms(view) == (None, None)  # no dose form opened for the nurse unasked


def test_a_form_handed_to_someone_who_may_not_finish_it_stays_as_typed(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _accounts(window)
    journey = _esketamine_at_1_32_ready(window, clock)
    _sign_in(qtbot, window, "Jo Okafor", "7391")
    view = window.journey_view
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.reason, "Leaving with escort")
    window.switch_user()
    _pin_pad(qtbot, window, "Robin Hale", "2468")  # a sitter comes in: may not close early
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible()  # refused inside the form, nothing lost
    assert journey.state is JourneyState.RUNNING
    assert dialog.error.text() == (
        "Closing a session early takes a nurse or a prescriber; Robin Hale is a sitter. "
        "Switch user (Ctrl+Shift+L): what is typed here is kept."
    )
    concerns = dialog.concerns  # the refusal pushed nothing out of sight: every reason is whole
    qtbot.waitUntil(lambda: concerns.height() >= concerns.heightForWidth(concerns.width()))
    _lock_key(qtbot, dialog)
    _pin_pad(qtbot, window, "Jo Okafor", "7391")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.reason.text() == "Leaving with escort"
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert journey.closed
    assert journey.events[-1].data["by"] == "Jo Okafor"
