"""The first page before the records are open: the sign-in (or the first admin's form) shows
from the first look at the record; what staff type on it is held, never acted on, until the
records are open; the real window takes the very page over, with what is typed in it."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

import kapdesk.records
from kapdesk.app import start
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose
from kapdesk.core.protocols import Protocol
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.errors import DatabaseError
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.staff import StaffStore
from kapdesk.ui.calm_screen import CalmScreen
from kapdesk.ui.early_page import OPENING
from kapdesk.ui.first_admin_view import FirstAdminView
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.start_window import StartWindow

LEFT = Qt.MouseButton.LeftButton
ADMIN = frozenset({Role.ADMIN, Role.NURSE})


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The records open only once the test lets them (the slow part of a start, held)."""
    opened = threading.Event()
    real = kapdesk.records.open_records

    def held(*args: object, **kwargs: object) -> kapdesk.records.Records:
        opened.wait(30)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kapdesk.records, "open_records", held)
    yield opened
    opened.set()


def _record(paths: AppPaths, clock: FakeClock, *accounts: tuple[str, frozenset[Role]]) -> None:
    storage = open_storage(paths, None)
    staff = StaffStore(storage, clock)
    admin = None
    for name, roles in accounts:
        made = staff.create_account(name, roles, "4862", by=admin)
        admin = admin or made
    storage.engine.dispose()


def _start_early(qtbot: QtBot, paths: AppPaths, clock: FakeClock) -> StartWindow:
    """kapdesk started, its first page on screen and the records not open yet."""
    shell = start(paths, None, clock)
    assert isinstance(shell, StartWindow)
    qtbot.addWidget(shell)
    with qtbot.waitSignal(shell.first_page_shown, timeout=30_000):
        pass
    assert shell.main_window is None
    return shell


def _opened(qtbot: QtBot, shell: StartWindow, gate: threading.Event) -> MainWindow:
    with qtbot.waitSignal(shell.ready, timeout=30_000):
        gate.set()
    window = shell.main_window
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not shell.isVisible())
    return window


def _signed_in(window: MainWindow) -> str:
    return window.member.name if window.member is not None else ""


def _tile(calm: CalmScreen, name: str) -> QPushButton:
    return next(b for b in calm.findChildren(QPushButton, "name_tile") if b.text() == name)


def _pad(qtbot: QtBot, calm: CalmScreen, name: str, digits: str) -> None:
    """A name tapped and digits typed on the pad's own keys, as staff do."""
    qtbot.mouseClick(_tile(calm, name), LEFT)
    keys = {b.text(): b for b in calm.findChildren(QPushButton) if b.text() in set("0123456789✓")}
    for digit in digits:
        qtbot.mouseClick(keys[digit], LEFT)


def test_the_sign_in_shows_before_the_records_and_a_pin_waits_for_them(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, gate: threading.Event
) -> None:
    _record(paths, clock, ("Robin Hale", ADMIN), ("Ana Moreno", frozenset({Role.SITTER})))
    shell = _start_early(qtbot, paths, clock)
    calm = shell.centralWidget()
    assert isinstance(calm, CalmScreen)
    assert calm.pad.isVisible()
    assert calm.names() == ["Ana Moreno", "Robin Hale"]
    assert calm.pin.hasFocus()
    _pad(qtbot, calm, "Robin Hale", "4862")
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    # Held, not checked: nobody is signed in by a page whose records are not open.
    assert calm.message.text() == OPENING
    assert calm.message.property("role") == "muted"  # waiting is no error
    assert shell.main_window is None
    window = _opened(qtbot, shell, gate)
    assert window.calm is calm  # the very page, taken over
    qtbot.waitUntil(lambda: window.member is not None)
    assert window.member is not None
    assert window.member.name == "Robin Hale"
    assert window.pages.currentWidget() is window.setup_view
    assert calm.pin.text() == ""  # a PIN is not kept once used
    # From here it is the window's own lock: locking and signing in again work as ever.
    lock = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_L, lock)
    assert window.pages.currentWidget() is calm
    qtbot.mouseClick(calm, LEFT)
    _pad(qtbot, calm, "Robin Hale", "4862")
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.setup_view


def test_a_wrong_pin_given_early_is_refused_once_the_records_are_open(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, gate: threading.Event
) -> None:
    _record(paths, clock, ("Robin Hale", ADMIN))
    shell = _start_early(qtbot, paths, clock)
    calm = shell.centralWidget()
    assert isinstance(calm, CalmScreen)
    assert _tile(calm, "Robin Hale").isChecked()  # the only name: picked already
    qtbot.keyClicks(calm.pin, "1111")
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    assert calm.message.text() == OPENING
    window = _opened(qtbot, shell, gate)
    qtbot.waitUntil(lambda: calm.message.text() not in ("", OPENING))
    assert "PIN" in calm.message.text()
    assert calm.message.property("role") == "error"
    assert window.member is None
    assert window.pages.currentWidget() is calm
    assert window.locked


def test_what_is_half_typed_early_stays_for_the_window_to_take(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, gate: threading.Event
) -> None:
    _record(paths, clock, ("Robin Hale", ADMIN), ("Ana Moreno", frozenset({Role.SITTER})))
    shell = _start_early(qtbot, paths, clock)
    calm = shell.centralWidget()
    assert isinstance(calm, CalmScreen)
    _pad(qtbot, calm, "Robin Hale", "48")
    window = _opened(qtbot, shell, gate)
    assert window.pages.currentWidget() is calm
    assert calm.chosen() == "Robin Hale"
    assert calm.pin.text() == "48"
    assert _signed_in(window) == ""  # nothing given yet: nothing done
    keys = {b.text(): b for b in calm.findChildren(QPushButton) if b.text() in set("0123456789✓")}
    for key in "62✓":
        qtbot.mouseClick(keys[key], LEFT)
    assert _signed_in(window) == "Robin Hale"


def test_the_first_admins_form_shows_early_and_its_account_is_made_once_open(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, gate: threading.Event
) -> None:
    _record(paths, clock)  # a record made, no account yet (the first start was stopped)
    shell = _start_early(qtbot, paths, clock)
    form_page = shell.centralWidget()
    assert isinstance(form_page, FirstAdminView)
    form = form_page.form
    assert form.name.hasFocus()
    qtbot.keyClicks(form.name, "Ana Moreno")
    qtbot.keyClicks(form.pin, "5820")
    qtbot.keyClicks(form.again, "5820")
    qtbot.mouseClick(form_page.create_button, LEFT)
    assert form_page.error.text() == OPENING
    assert shell.main_window is None
    window = _opened(qtbot, shell, gate)
    assert window.first_admin_view is form_page
    qtbot.waitUntil(lambda: window.member is not None)
    assert window.member is not None
    assert window.member.name == "Ana Moreno"
    assert Role.ADMIN in window.member.roles
    assert window.pages.currentWidget() is window.setup_view


def test_records_that_fail_to_open_after_the_first_look_say_why_and_act_on_nothing(
    qtbot: QtBot,
    paths: AppPaths,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _record(paths, clock, ("Robin Hale", ADMIN))
    gate = threading.Event()

    def fails(*_args: object, **_kwargs: object) -> kapdesk.records.Records:
        gate.wait(30)
        raise DatabaseError("the database disk image is malformed")

    monkeypatch.setattr(kapdesk.records, "open_records", fails)
    shell = _start_early(qtbot, paths, clock)
    calm = shell.centralWidget()
    assert isinstance(calm, CalmScreen)
    qtbot.keyClicks(calm.pin, "4862")
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    with qtbot.waitSignal(shell.failed, timeout=30_000):
        gate.set()
    assert shell.centralWidget() is shell.start_view
    reason = shell.start_view.reason
    assert reason is not None
    assert "malformed" in reason.text()
    assert shell.early_page is None  # and the PIN it held with it
    assert shell.main_window is None


def test_a_session_left_open_shows_nothing_before_the_records(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, protocol: Protocol
) -> None:
    _record(paths, clock, ("Robin Hale", ADMIN))
    storage = open_storage(paths, None)
    left = JourneyStore(storage, clock).open_session("P-0007", protocol, "Robin Hale")
    left.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    storage.engine.dispose()
    shell = start(paths, None, clock)
    assert isinstance(shell, StartWindow)
    qtbot.addWidget(shell)
    heard: list[str] = []
    # Said only by the real window here: nothing was shown in the start window's place.
    shell.first_page_shown.connect(
        lambda: heard.append("first page" if shell.main_window is not None else "early")
    )
    shell.ready.connect(lambda: heard.append("ready"))
    with qtbot.waitSignal(shell.ready, timeout=30_000):
        pass
    assert heard == ["first page", "ready"]  # the same moment: the real window's own
    window = shell.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.current is not None  # the journey, behind the sign-in
    assert window.pages.currentWidget() is window.calm
