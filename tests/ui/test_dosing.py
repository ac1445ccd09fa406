"""The dose form and the dose correction, driven by keys and clicks: the unit beside the amount,
the weight and the total in mg, the usual range, a calm word while typing a dose outside it, a
refusal above the hard limit, and a nurse told at once that a prescriber decides."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind
from kapdesk.core.staff import Role
from kapdesk.storage.db import Storage
from kapdesk.storage.models import SessionEvent
from kapdesk.ui.amend_dialog import AmendDialog
from kapdesk.ui.dialogs import DoseDialog
from kapdesk.ui.main_window import MainWindow
from tests.support.saving import settle
from tests.ui.test_journey_flow import _give_dose, _open_session
from tests.ui.test_staff import _pin_pad, _sign_in


def _saved(storage: Storage, kind: str) -> list[dict[str, object]]:
    with Session(storage.engine) as session:
        rows = session.scalars(select(SessionEvent).where(SessionEvent.kind == kind))
        return [dict(row.data) for row in rows]


def _dose_form(qtbot: QtBot, window: MainWindow) -> DoseDialog:
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = window.journey_view.dose_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _type(qtbot: QtBot, widget: object, text: str) -> None:
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


def test_the_form_shows_the_unit_the_weight_the_total_and_the_usual_range(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    dialog = _dose_form(qtbot, window)
    assert dialog.unit.text() == "mg/kg"
    assert dialog.amount.value() == 0.5  # the protocol's dose
    assert dialog.weight.isVisible()
    assert dialog.weight.text() == ""
    assert dialog.total.text() == "Enter the weight for the total in mg"
    assert dialog.rules_line.text() == "Usual 0.5–0.75 mg/kg, limit 1 mg/kg"
    assert not dialog.status.isVisible()
    assert not dialog.reason.isVisible()
    assert dialog.focusWidget() is dialog.amount
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Tab)  # amount, then the weight
    assert dialog.focusWidget() is dialog.weight
    qtbot.keyClick(dialog.weight, Qt.Key.Key_Return)  # no weight: said, not recorded
    assert dialog.isVisible()
    assert dialog.error.text() == "A dose in mg/kg needs the patient's weight in kg."
    qtbot.keyClicks(dialog.weight, "70")
    assert dialog.total.text() == "= 35 mg total"
    qtbot.keyClicks(dialog.lot, "KET-4")
    qtbot.keyClick(dialog.lot, Qt.Key.Key_Return)  # Enter records
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)  # the recorder's thread has written it
    (dose,) = _saved(storage, "dose")
    assert (dose["amount"], dose["unit"], dose["weight_kg"], dose["total_mg"]) == (
        0.5,
        "mg/kg",
        70,
        35,
    )

    extra = _dose_form(qtbot, window)  # the next dose starts from the weight just given
    assert extra.weight.text() == "70"
    qtbot.keyClick(extra, Qt.Key.Key_Escape)  # Esc cancels
    qtbot.waitUntil(lambda: not extra.isVisible())
    settle(qtbot, window)  # the recorder's thread has written it
    assert len(_saved(storage, "dose")) == 1


def test_a_dose_outside_the_usual_range_says_so_while_typed_and_records_why(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    dialog = _dose_form(qtbot, window)
    _type(qtbot, dialog.weight, "80")
    _type(qtbot, dialog.amount, "0.9")
    assert dialog.status.isVisible()
    assert dialog.status.text() == (
        "Outside the usual range: 0.9 mg/kg is above the usual 0.5–0.75 mg/kg. "
        "A prescriber decides, with a reason."
    )
    assert "#c2a15f" in dialog.status.styleSheet()  # calm amber, not an alarm
    assert dialog.total.text() == "= 72 mg total"
    assert dialog.reason.isVisible()
    assert not dialog.refusal_box.isVisible()  # the member signed in is a prescriber
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text().startswith("Say why the dose goes outside the usual range")
    assert dialog.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, "partial response at 0.5")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)  # the recorder's thread has written it
    (dose,) = _saved(storage, "dose")
    assert dose["outside_usual"] == "0.9 mg/kg is above the usual 0.5–0.75 mg/kg"
    assert dose["decision_reason"] == "partial response at 0.5"
    assert dose["by"] == "Sam Ortiz"


def test_above_the_hard_limit_the_record_button_says_why_and_records_nothing(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open_session(qtbot, window, protocol_id="im-ketamine")
    dialog = _dose_form(qtbot, window)
    _type(qtbot, dialog.weight, "70")
    _type(qtbot, dialog.amount, "71.4")  # the 5000 mg, typed per kg
    assert dialog.record.text() == "Not recorded: over the 2 mg/kg limit"
    assert not dialog.record.isEnabled()
    assert dialog.status.text() == (
        "Will not be recorded: 71.4 mg/kg in this session would pass the protocol's hard "
        "limit of 2 mg/kg."
    )
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible()
    settle(qtbot, window)  # the recorder's thread has written it
    assert _saved(storage, "dose") == []
    _type(qtbot, dialog.amount, "1")
    assert dialog.record.isEnabled()
    assert dialog.record.text().startswith("Record dose")
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)  # the recorder's thread has written it
    assert [d["amount"] for d in _saved(storage, "dose")] == [1]


def test_a_nurse_is_told_at_once_that_a_prescriber_decides_and_nothing_typed_is_lost(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    staff = window.staff
    assert staff is not None
    admin = staff.create_account("Ana Moreno", frozenset({Role.ADMIN}), "5820", by=None)
    staff.create_account("Jo Okafor", frozenset({Role.NURSE}), "7391", by=admin)
    _sign_in(qtbot, window, "Jo Okafor", "7391")
    window.open_session("P-0511", "esketamine-intranasal", "Jo Okafor")
    dialog = _dose_form(qtbot, window)
    assert dialog.unit.text() == "mg"
    assert not dialog.weight.isVisible()  # a fixed dose asks no weight
    assert not dialog.refusal_box.isVisible()
    qtbot.keyClicks(dialog.lot, "ESK-9")
    _type(qtbot, dialog.amount, "14")
    assert dialog.status.text().startswith("Outside the usual range: 14 mg is below the usual")
    assert dialog.refusal_box.isVisible()  # at once, before anything else is filled in
    assert dialog.who_decides.text() == (
        "A dose outside the usual range takes a prescriber's decision; Jo Okafor is a nurse."
    )
    assert dialog.switch_user.isVisible()
    assert dialog.record.text() == "Needs a prescriber's decision"  # the button says why
    assert not dialog.record.isEnabled()
    qtbot.keyClicks(dialog.reason, "one device only")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert (dialog.lot.text(), dialog.reason.text()) == ("ESK-9", "one device only")
    settle(qtbot, window)  # the recorder's thread has written it
    assert _saved(storage, "dose") == []
    _type(qtbot, dialog.amount, "56")  # the usual dose: a nurse records it
    assert not dialog.refusal_box.isVisible()
    assert not dialog.reason.isVisible()
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)  # the recorder's thread has written it
    (dose,) = _saved(storage, "dose")
    assert (dose["amount"], dose["lot_number"], dose["total_mg"]) == (56, "ESK-9", 56)
    assert "outside_usual" not in dose


def test_a_prescriber_switched_in_from_the_dose_form_finds_it_as_typed(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    staff = window.staff
    assert staff is not None
    admin = staff.create_account("Ana Moreno", frozenset({Role.ADMIN}), "5820", by=None)
    staff.create_account("Jo Okafor", frozenset({Role.NURSE}), "7391", by=admin)
    staff.create_account("Dr Rao", frozenset({Role.PRESCRIBER}), "8150", by=admin)
    _sign_in(qtbot, window, "Jo Okafor", "7391")
    window.open_session("P-0512", "im-ketamine", "Jo Okafor")
    dialog = _dose_form(qtbot, window)
    qtbot.keyClicks(dialog.lot, "LK-2")
    _type(qtbot, dialog.weight, "70")
    _type(qtbot, dialog.amount, "1.8")
    qtbot.keyClicks(dialog.reason, "tolerance after five sessions")
    assert dialog.refusal_box.isVisible()
    assert not dialog.record.isEnabled()
    qtbot.mouseClick(dialog.switch_user, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.locked)
    assert not dialog.isVisible()  # nothing of the form on the calm screen
    _pin_pad(qtbot, window, "Dr Rao", "8150")
    qtbot.waitUntil(dialog.isVisible)  # the same form, as typed, for the prescriber
    assert (dialog.lot.text(), dialog.weight.text(), dialog.reason.text()) == (
        "LK-2",
        "70",
        "tolerance after five sessions",
    )
    assert dialog.amount.value() == 1.8
    qtbot.waitUntil(lambda: not dialog.refusal_box.isVisible())
    assert dialog.record.isEnabled()
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)  # the recorder's thread has written it
    (dose,) = _saved(storage, "dose")
    assert (dose["amount"], dose["weight_kg"], dose["lot_number"]) == (1.8, 70, "LK-2")
    assert dose["decision_reason"] == "tolerance after five sessions"
    assert dose["by"] == "Dr Rao"


def test_an_extra_dose_counts_what_the_session_was_given(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    _give_dose(qtbot, window, amount="0.5", weight="70")
    clock.advance(20 * 60)
    dialog = _dose_form(qtbot, window)
    assert "Given so far in this session: 0.5 mg/kg." in [
        w.text() for w in dialog.findChildren(type(dialog.total)) if w.isVisible()
    ]
    _type(qtbot, dialog.amount, "0.6")
    assert dialog.record.text() == "Not recorded: over the 1 mg/kg limit"
    _type(qtbot, dialog.amount, "0.1")
    assert not dialog.status.isVisible()  # 0.6 in all: within the usual range
    assert dialog.total.text() == "= 7 mg total"


def _correct_dose(qtbot: QtBot, window: MainWindow) -> AmendDialog:
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is view)
    row = next(i for i, e in enumerate(view.entries) if e.kind is EventKind.DOSE)
    rect = view.table.visualRect(view.model.index(row, 3))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.amend_button.isEnabled()  # a dose can be corrected like every other entry
    qtbot.mouseClick(view.amend_button, Qt.MouseButton.LeftButton)
    dialog = view.amend_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_dose_is_corrected_from_the_timeline_and_the_original_stays(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    _give_dose(qtbot, window, amount="0.5", weight="70", lot="KET-1")
    dialog = _correct_dose(qtbot, window)
    assert dialog.amount.value() == 0.5
    assert dialog.weight.text() == "70"
    assert dialog.lot.text() == "KET-1"
    _type(qtbot, dialog.weight, "74")
    assert dialog.dose_status.text() == "= 37 mg total"
    _type(qtbot, dialog.amount, "1.5")
    assert dialog.dose_status.text().startswith("= 111 mg total. Will not be saved: 1.5 mg/kg")
    assert not dialog.save.isEnabled()
    _type(qtbot, dialog.amount, "0.5")
    assert dialog.save.isEnabled()
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.problems.text() == "Say why the entry is being corrected."
    qtbot.keyClicks(dialog.reason, "weighed again")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    view = window.timeline_view
    entry = next(e for e in view.entries if e.kind is EventKind.DOSE)
    assert entry.text.startswith("Dose: 0.5 mg/kg IV (74 kg, 37 mg total), lot KET-1")
    assert "Original" in view.history.text()
    assert "(70 kg, 35 mg total)" in view.history.text()
    assert "weighed again" in view.history.text()
    settle(qtbot, window)  # the recorder's thread has written it
    (amendment,) = _saved(storage, "amendment")
    assert amendment["data"]["weight_kg"] == 74  # type: ignore[index]
    assert amendment["data"]["total_mg"] == 37  # type: ignore[index]
    settle(qtbot, window)  # the recorder's thread has written it
    (dose,) = _saved(storage, "dose")
    assert dose["weight_kg"] == 70  # the original row is still there, unchanged
    current = window.current
    assert current is not None
    assert current.journey.doses[0][1].total_mg == 37


def test_a_weight_kapdesk_cannot_dose_by_is_said_and_nothing_is_recorded(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    dialog = _dose_form(qtbot, window)
    width = dialog.width()
    _type(qtbot, dialog.weight, "7")  # 70, one key short
    assert dialog.total.text() == "Weight: 20–300 kg"
    assert "#c47b74" in dialog.total.styleSheet()
    assert dialog.width() == width  # the form does not grow off a small screen
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == (
        "A weight of 7 kg is not one kapdesk can dose by; it takes 20 to 300 kg."
    )
    assert dialog.focusWidget() is dialog.weight
    qtbot.keyClicks(dialog.weight, "0")
    assert dialog.total.text() == "= 35 mg total"
    qtbot.keyClick(dialog.weight, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)  # the recorder's thread has written it
    assert [d["weight_kg"] for d in _saved(storage, "dose")] == [70]
