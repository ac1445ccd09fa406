"""Staff at the screen: roles refused before a form is filled in, switching user on the calm
screen, the admin's page of accounts, and an audit trail holding each kind of action."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.observations import amendment_data, note_data
from kapdesk.core.staff import PermissionDeniedError, Role, StaffMember
from kapdesk.storage.errors import StorageError
from kapdesk.storage.staff import StaffStore
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.staff_view import AccountDialog, StaffView
from tests.support.ops import settle

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def _accounts(window: MainWindow) -> StaffStore:
    staff = window.staff
    assert staff is not None
    admin = staff.create_account("Ana Moreno", frozenset({Role.ADMIN}), "5820", by=None)
    staff.create_account("Robin Hale", frozenset({Role.SITTER}), "2468", by=admin)
    staff.create_account("Jo Okafor", frozenset({Role.NURSE}), "7391", by=admin)
    return staff


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _form(qtbot: QtBot, page: StaffView) -> AccountDialog:
    """The account form a press opened, taking keys."""
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _footer(dialog: QDialog, starts: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text().startswith(starts))


def _closed(qtbot: QtBot, window: MainWindow, dialog: QDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()  # (the focus tests check kapdesk does this by itself)
    qtbot.waitUntil(window.isActiveWindow)


def _tick(qtbot: QtBot, box: QAbstractButton) -> None:
    """Click a check box on its box."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def _press_row(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())


def _sign_in(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    window.lock()
    _pin_pad(qtbot, window, name, pin)


def _pin_pad(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    """The calm screen is up: a tap, the member's name, the PIN, Enter."""
    calm = window.calm
    qtbot.mouseClick(calm, Qt.MouseButton.LeftButton)
    (tile,) = [t for t in calm._tile_group.buttons() if t.text() == name]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(calm.pin, pin)
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    assert not window.locked, calm.message.text()
    assert window.member is not None
    assert window.member.name == name


def test_a_sitter_is_told_at_once_who_may_dose_and_a_nurse_signs_in_to_do_it(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    staff = _accounts(window)
    _sign_in(qtbot, window, "Robin Hale", "2468")
    window.open_session("P-0510", "im-ketamine", "Robin Hale")
    view = window.journey_view
    assert "Sitter Robin Hale (signed in)" in view.who.text()
    qtbot.mouseClick(view.dose_button, Qt.MouseButton.LeftButton)
    assert view.dose_dialog is None or not view.dose_dialog.isVisible()
    assert view.message.text() == (
        "Recording a dose takes a nurse or a prescriber; Robin Hale is a sitter. "
        "Switch user to let a colleague who may do it."
    )
    current = window.current
    assert current is not None
    assert len(current.journey.doses) == 0

    _sign_in(qtbot, window, "Jo Okafor", "7391")  # switching user: the same two seconds
    assert "Signed in: Jo Okafor" in view.who.text()
    qtbot.mouseClick(view.dose_button, Qt.MouseButton.LeftButton)
    dialog = view.dose_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.given_by.text() == "Jo Okafor"
    dialog.amount.setValue(0.75)
    dialog.weight.setText("70")
    dialog.lot.setText("LK-7")
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    assert len(current.journey.doses) == 1
    (dose,) = [e for e in current.journey.events if e.kind is EventKind.DOSE]
    assert dose.data["by"] == "Jo Okafor"
    opened = current.journey.events[0]
    assert opened.data["by"] == "Robin Hale"
    actions = [line.action for line in staff.audit_log()]
    assert actions.count("signed_in") == 2


def test_only_an_admin_reaches_the_staff_page_and_the_clinic_keeps_an_admin(
    qtbot: QtBot, window: MainWindow
) -> None:
    staff = _accounts(window)
    _sign_in(qtbot, window, "Jo Okafor", "7391")
    window.show_setup()
    qtbot.keyClick(window.setup_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.setup_view
    assert window.status_banner.text() == (
        "Editing staff takes an admin; Jo Okafor is a nurse. "
        "Switch user to let a colleague who may do it."
    )
    # The banner's switch: the admin signs in and the staff page opens for her.
    qtbot.mouseClick(window.status_banner.switch, Qt.MouseButton.LeftButton)
    _pin_pad(qtbot, window, "Ana Moreno", "5820")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.staff_view)
    settle(window)  # the accounts have come
    assert not window.status_banner.isVisible()
    page = window.staff_view
    assert window.pages.currentWidget() is page
    names = [_cell(page.accounts, r, 0) for r in range(page.accounts.rowCount())]
    assert names == ["Ana Moreno", "Jo Okafor", "Robin Hale"]

    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    cancelled = _form(qtbot, page)
    qtbot.mouseClick(_footer(cancelled, "Cancel"), LEFT)
    _closed(qtbot, window, cancelled)
    qtbot.mouseClick(page.add_button, LEFT)
    cancelled = _form(qtbot, page)
    qtbot.keyClick(cancelled, Qt.Key.Key_Escape)
    _closed(qtbot, window, cancelled)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = _form(qtbot, page)
    qtbot.keyClicks(dialog.form.name, "Dr Lin")
    for role in (Role.SITTER, Role.PRESCRIBER):  # the sitter box comes ticked
        _tick(qtbot, dialog.form.roles[role])
    assert not dialog.form.roles[Role.SITTER].isChecked()
    assert dialog.form.roles[Role.PRESCRIBER].isChecked()
    qtbot.keyClicks(dialog.form.pin, "1234")
    qtbot.keyClicks(dialog.form.again, "1234")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible()
    assert dialog.problems.text() == "A PIN of digits in a row (like 1234) is too easy to guess."
    for line in (dialog.form.pin, dialog.form.again):
        line.selectAll()
        qtbot.keyClicks(line, "8031")
    qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)
    _closed(qtbot, window, dialog)
    settle(window)  # saved, and the accounts read again
    assert [m.name for m in staff.accounts()] == ["Ana Moreno", "Dr Lin", "Jo Okafor", "Robin Hale"]

    _press_row(qtbot, page.accounts, 1)  # Dr Lin: a therapist too, by the Change form
    qtbot.mouseClick(page.change_button, LEFT)
    change = _form(qtbot, page)
    for role in (Role.THERAPIST, Role.NURSE, Role.ADMIN, Role.ADMIN):  # admin: on, then off
        _tick(qtbot, change.form.roles[role])
    qtbot.keyClick(change, Qt.Key.Key_S, CTRL)
    _closed(qtbot, window, change)
    settle(window)
    lin = next(m for m in staff.accounts() if m.name == "Dr Lin")
    assert lin.roles == frozenset({Role.PRESCRIBER, Role.THERAPIST, Role.NURSE})
    _press_row(qtbot, page.accounts, 1)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    change = _form(qtbot, page)
    assert change.form.name.text() == "Dr Lin"
    qtbot.keyClick(change, Qt.Key.Key_Escape)
    _closed(qtbot, window, change)

    _press_row(qtbot, page.accounts, 0)  # the only admin
    qtbot.mouseClick(page.active_button, LEFT)
    settle(window)
    assert page.message.text() == (
        "The clinic must keep an active admin: make someone else admin first."
    )
    _press_row(qtbot, page.accounts, 3)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    settle(window)
    robin = next(m for m in staff.accounts() if m.name == "Robin Hale")
    assert not robin.active
    assert _cell(page.accounts, 3, 2) == "inactive"
    back = next(b for b in page.findChildren(QPushButton) if b.text().startswith("Back"))
    qtbot.mouseClick(back, LEFT)
    assert window.pages.currentWidget() is window.setup_view
    assert (
        staff.sign_in("Robin Hale", "2468").member is None
    )  # an inactive account signs in no more


def test_the_audit_trail_holds_each_kind_of_action(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    staff = _accounts(window)
    _sign_in(qtbot, window, "Jo Okafor", "7391")
    window.open_session("P-0520", "im-ketamine", "Jo Okafor")
    current = window.current
    assert current is not None
    journey = current.journey
    journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    journey.record_observation(EventKind.NOTE, note_data("Eyes closed", [], ""))
    clock.advance(60)
    journey.amend(amendment_data(3, {"text": "Eyes closed, calm"}, "typo", ""))
    window._print_record(current.session_id)
    journey.close("ended")
    window.lock()
    calm = window.calm
    qtbot.mouseClick(calm, Qt.MouseButton.LeftButton)
    (tile,) = [t for t in calm._tile_group.buttons() if t.text() == "Ana Moreno"]
    qtbot.mouseClick(tile, LEFT)
    qtbot.keyClicks(calm.pin, "0000")
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is calm  # a wrong PIN: still locked
    calm.pin.clear()
    qtbot.keyClicks(calm.pin, "5820")
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is not calm

    window.show_staff()
    page = window.staff_view
    page.tabs.setCurrentIndex(1)
    settle(window)  # the trail has come
    shown = {
        (_cell(page.trail_table, r, 2), _cell(page.trail_table, r, 1))
        for r in range(page.trail_table.rowCount())
    }
    for kind in (
        ("account created", "Ana Moreno"),
        ("signed in", "Jo Okafor"),
        ("sign in refused", "Ana Moreno"),
        ("signed in", "Ana Moreno"),
        ("screen locked", "Jo Okafor"),
        ("record created", "Jo Okafor"),
        ("record corrected", "Jo Okafor"),
        ("record printed", "Jo Okafor"),
    ):
        assert kind in shown, (kind, shown)
    assert [line.action for line in staff.audit_log()][-1] == "audit_read"
    assert "7391" not in " ".join(
        _cell(page.trail_table, r, c) for r in range(page.trail_table.rowCount()) for c in range(5)
    )


def test_someone_else_signing_in_never_inherits_the_admin_page_or_a_half_filled_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    staff = _accounts(window)
    _sign_in(qtbot, window, "Ana Moreno", "5820")
    window.show_setup()
    window.show_staff()
    page = window.staff_view
    qtbot.mouseClick(page.add_button, LEFT)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.form.name.setText("Jo Two")
    _sign_in(qtbot, window, "Jo Okafor", "7391")  # the admin walked away; Jo signs in
    assert window.pages.currentWidget() is window.setup_view
    assert window.status_banner.text().startswith(
        "Editing staff takes an admin; Jo Okafor is a nurse."
    )
    assert not dialog.isVisible()
    assert [m.name for m in staff.accounts()] == ["Ana Moreno", "Jo Okafor", "Robin Hale"]

    _sign_in(qtbot, window, "Ana Moreno", "5820")  # the same member gets things as left
    window.show_staff()
    qtbot.mouseClick(page.add_button, LEFT)
    same = page.dialog
    assert same is not None
    qtbot.waitUntil(same.isVisible)
    same.form.name.setText("Half typed")
    _sign_in(qtbot, window, "Ana Moreno", "5820")
    assert window.pages.currentWidget() is page
    assert same.isVisible()
    assert same.form.name.text() == "Half typed"


def test_an_admin_who_gives_up_the_role_stops_acting_as_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    staff = _accounts(window)
    ana = next(m for m in staff.accounts() if m.name == "Ana Moreno")
    staff.change_account("Jo Okafor", by=ana, roles=frozenset({Role.NURSE, Role.ADMIN}))
    _sign_in(qtbot, window, "Ana Moreno", "5820")
    window.show_setup()
    window.show_staff()
    settle(window)  # the accounts have come
    page = window.staff_view
    page.accounts.selectRow(0)
    qtbot.mouseClick(page.change_button, LEFT)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    _tick(qtbot, dialog.form.roles[Role.ADMIN])
    _tick(qtbot, dialog.form.roles[Role.NURSE])
    qtbot.mouseClick(dialog.save_button, LEFT)
    settle(window)  # saved
    assert window.member is not None
    assert window.member.roles == {Role.NURSE}  # the screen knows at once
    with pytest.raises(PermissionDeniedError, match="Editing staff takes an admin"):
        staff.change_account("Jo Okafor", by=ana, active=False)  # a stale copy is no key


def test_the_plan_and_printing_follow_the_member_signed_in(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _accounts(window)
    _sign_in(qtbot, window, "Jo Okafor", "7391")
    window.open_session("P-0530", "im-ketamine", "Jo Okafor")
    current = window.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    current.journey.close("ended")
    window.show_integration(current.session_id)
    assert window.pages.currentWidget() is window.integration_view
    settle(window)  # the plan has come
    assert window.integration_view._by == "Jo Okafor"

    _sign_in(qtbot, window, "Robin Hale", "2468")
    assert window.pages.currentWidget() is window.integration_view
    settle(window)
    assert window.integration_view._by == "Robin Hale"
    with pytest.raises(PermissionDeniedError, match="Printing or exporting a record takes"):
        window._print_record(current.session_id)


def test_if_the_accounts_cannot_be_read_the_lock_stays_shut_and_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = _accounts(window)
    _sign_in(qtbot, window, "Jo Okafor", "7391")
    window.lock()

    def unreadable() -> list[StaffMember]:
        raise StorageError("Staff accounts cannot be read: the database is busy")

    monkeypatch.setattr(staff, "accounts", unreadable)
    calm = window.calm
    qtbot.mouseClick(calm, Qt.MouseButton.LeftButton)
    assert window.locked
    assert not calm.pad.isVisible()
    assert calm.hint.text() == "Staff accounts cannot be read right now. Tap to try again."
    monkeypatch.undo()
    qtbot.mouseClick(calm, Qt.MouseButton.LeftButton)  # readable again: the pad comes
    assert calm.pad.isVisible()
    assert calm.chosen() == "Jo Okafor"


def test_two_accounts_may_not_differ_by_case_alone(window: MainWindow) -> None:
    staff = _accounts(window)
    ana = next(m for m in staff.accounts() if m.name == "Ana Moreno")
    with pytest.raises(ValueError, match="Ana Moreno has an account already"):
        staff.create_account("ana moreno", frozenset({Role.NURSE}), "3917", by=ana)


def test_an_account_change_past_its_limit_is_not_confirmed_then_said_saved(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = _accounts(window)
    _sign_in(qtbot, window, "Ana Moreno", "5820")
    window.show_setup()
    qtbot.keyClick(window.setup_view, Qt.Key.Key_K, CTRL)
    page = window.staff_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    settle(window)
    gate = threading.Event()
    change = staff.change_account

    def slow_change(*args: object, **kwargs: object) -> object:
        gate.wait(30)  # the server answers late, and commits all the same
        return change(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(staff, "change_account", slow_change)
    window.ops.limit = 0.5
    try:
        _press_row(qtbot, page.accounts, 2)
        assert _cell(page.accounts, 2, 0) == "Robin Hale"
        qtbot.mouseClick(page.active_button, LEFT)
        qtbot.waitUntil(lambda: "not confirmed yet" in page.message.text(), timeout=5000)
        assert page.message.text() == (
            "The account: not confirmed yet: the records are not answering;"
            " kapdesk is still trying."
        )
    finally:
        gate.set()
    qtbot.waitUntil(lambda: page.message.text() == "Saved: Robin Hale is inactive.", timeout=5000)
    settle(window)
    assert page.message.isVisible()
    assert _cell(page.accounts, 2, 2) == "inactive"
    assert not next(m for m in staff.accounts() if m.name == "Robin Hale").active
