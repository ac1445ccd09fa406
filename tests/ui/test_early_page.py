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
from kapdesk.storage.writer_lock import held_here
from kapdesk.ui.calm_screen import CalmScreen
from kapdesk.ui.early_page import OPENING
from kapdesk.ui.first_admin_view import FirstAdminView
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.start_window import StartWindow
from tests.support.accounts import record_with

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


def _keys(calm: CalmScreen) -> dict[str, QPushButton]:
    return {b.text(): b for b in calm.findChildren(QPushButton) if b.text() in set("0123456789C✓")}


def _pad(qtbot: QtBot, calm: CalmScreen, name: str, digits: str) -> None:
    """A name tapped and digits typed on the pad's own keys, as staff do."""
    qtbot.mouseClick(_tile(calm, name), LEFT)
    for digit in digits:
        qtbot.mouseClick(_keys(calm)[digit], LEFT)


def test_the_sign_in_shows_before_the_records_and_a_pin_waits_for_them(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, gate: threading.Event
) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN), ("Ana Moreno", frozenset({Role.SITTER})))
    shell = _start_early(qtbot, paths, clock)
    calm = shell.centralWidget()
    assert isinstance(calm, CalmScreen)
    assert calm.pad.isVisible()
    assert calm.names() == ["Ana Moreno", "Robin Hale"]
    assert calm.focusWidget() is calm.pin  # where the keys go once the window has them
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
    record_with(paths, clock, ("Robin Hale", ADMIN))
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
    record_with(paths, clock, ("Robin Hale", ADMIN), ("Ana Moreno", frozenset({Role.SITTER})))
    shell = _start_early(qtbot, paths, clock)
    calm = shell.centralWidget()
    assert isinstance(calm, CalmScreen)
    _pad(qtbot, calm, "Robin Hale", "48")
    window = _opened(qtbot, shell, gate)
    assert window.pages.currentWidget() is calm
    assert calm.chosen() == "Robin Hale"
    assert calm.pin.text() == "48"
    assert _signed_in(window) == ""  # nothing given yet: nothing done
    for key in "62✓":
        qtbot.mouseClick(_keys(calm)[key], LEFT)
    assert _signed_in(window) == "Robin Hale"


def test_the_first_admins_form_shows_early_and_its_account_is_made_once_open(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, gate: threading.Event
) -> None:
    record_with(paths, clock)  # a record made, no account yet (the first start was stopped)
    shell = _start_early(qtbot, paths, clock)
    form_page = shell.centralWidget()
    assert isinstance(form_page, FirstAdminView)
    form = form_page.form
    assert form_page.focusWidget() is form.name  # where the keys go once the window has them
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
    record_with(paths, clock, ("Robin Hale", ADMIN))
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
    record_with(paths, clock, ("Robin Hale", ADMIN))
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


def test_a_pin_changed_after_it_was_given_early_is_not_acted_on(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, gate: threading.Event
) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN), ("Ana Moreno", frozenset({Role.SITTER})))
    shell = _start_early(qtbot, paths, clock)
    calm = shell.centralWidget()
    assert isinstance(calm, CalmScreen)
    _pad(qtbot, calm, "Robin Hale", "4862")
    qtbot.mouseClick(_keys(calm)["✓"], LEFT)
    assert calm.message.text() == OPENING
    qtbot.mouseClick(_keys(calm)["C"], LEFT)  # staff think better of it
    assert calm.message.text() == ""
    assert calm.message.property("role") == "error"  # errors look like errors again
    qtbot.mouseClick(_keys(calm)["✓"], LEFT)
    assert calm.message.text() == "Type your PIN."
    qtbot.mouseClick(_tile(calm, "Ana Moreno"), LEFT)
    window = _opened(qtbot, shell, gate)
    qtbot.wait_until(lambda: window.pages.currentWidget() is calm)
    assert _signed_in(window) == ""  # nobody: what was given early was taken back
    assert calm.chosen() == "Ana Moreno"
    assert calm.pin.text() == ""
    assert window.locked


def test_a_first_admin_changed_after_it_was_given_early_is_not_made(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, gate: threading.Event
) -> None:
    record_with(paths, clock)
    shell = _start_early(qtbot, paths, clock)
    form_page = shell.centralWidget()
    assert isinstance(form_page, FirstAdminView)
    form = form_page.form
    qtbot.keyClicks(form.name, "Ana Moreno")
    qtbot.keyClicks(form.pin, "5820")
    qtbot.keyClicks(form.again, "5820")
    qtbot.mouseClick(form_page.create_button, LEFT)
    assert form_page.error.text() == OPENING
    qtbot.keyClick(form.again, Qt.Key.Key_Backspace)  # the PIN again, changed
    assert not form_page.error.isVisible()
    window = _opened(qtbot, shell, gate)
    assert window.pages.currentWidget() is form_page
    assert _signed_in(window) == ""
    assert window.staff is not None
    assert window.staff.accounts() == []  # no account made from what was taken back
    assert form.name.text() == "Ana Moreno"  # what is typed stays, to finish and create
    qtbot.keyClicks(form.again, "0")
    qtbot.keyClick(form.again, Qt.Key.Key_Return)
    assert _signed_in(window) == "Ana Moreno"


def test_the_records_names_win_over_the_first_looks(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN))
    gate = threading.Event()
    real = kapdesk.records.open_records

    def then_more(*args: object, **kwargs: object) -> kapdesk.records.Records:
        gate.wait(30)
        records = real(*args, **kwargs)  # type: ignore[arg-type]
        records.sign_in_names = ["Ana Moreno", "Robin Hale"]  # as if made meanwhile
        return records

    monkeypatch.setattr(kapdesk.records, "open_records", then_more)
    shell = _start_early(qtbot, paths, clock)
    calm = shell.centralWidget()
    assert isinstance(calm, CalmScreen)
    assert calm.names() == ["Robin Hale"]
    qtbot.keyClicks(calm.pin, "48")
    window = _opened(qtbot, shell, gate)
    assert window.calm is calm
    assert calm.names() == ["Ana Moreno", "Robin Hale"]
    assert calm.chosen() == "Robin Hale"  # the name picked, and what was typed, stay
    assert calm.pin.text() == "48"


def test_the_first_admins_form_is_cleared_when_the_records_have_one_after_all(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_with(paths, clock)
    gate = threading.Event()
    real = kapdesk.records.open_records

    def made_meanwhile(*args: object, **kwargs: object) -> kapdesk.records.Records:
        gate.wait(30)
        record_with(paths, clock, ("Robin Hale", ADMIN))  # another hand made the admin meanwhile
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kapdesk.records, "open_records", made_meanwhile)
    shell = _start_early(qtbot, paths, clock)
    form_page = shell.centralWidget()
    assert isinstance(form_page, FirstAdminView)
    qtbot.keyClicks(form_page.form.name, "Ana Moreno")
    qtbot.keyClicks(form_page.form.pin, "5820")
    qtbot.keyClicks(form_page.form.again, "5820")
    qtbot.mouseClick(form_page.create_button, LEFT)
    window = _opened(qtbot, shell, gate)
    assert window.pages.currentWidget() is window.calm  # the sign-in, as the records have it
    assert window.calm.names() == ["Robin Hale"]
    assert form_page.form.name.text() == ""  # nothing typed for the admin is kept
    assert form_page.form.pin.text() == ""
    qtbot.wait_until(lambda: window.pages.currentWidget() is window.calm)
    assert window.staff is not None
    assert [m.name for m in window.staff.accounts()] == ["Robin Hale"]


def test_a_window_that_cannot_be_built_lets_go_and_try_again_opens_it(
    qtbot: QtBot,
    paths: AppPaths,
    clock: FakeClock,
    gate: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN))
    broken = [True]
    real_ask = MainWindow.ask_who

    def ask_once(self: MainWindow) -> None:
        if broken.pop() if broken else False:
            raise RuntimeError("a fault while building")
        real_ask(self)

    monkeypatch.setattr(MainWindow, "ask_who", ask_once)
    shell = _start_early(qtbot, paths, clock)
    calm = shell.centralWidget()
    assert isinstance(calm, CalmScreen)
    qtbot.keyClicks(calm.pin, "4862")
    with qtbot.waitSignal(shell.failed, timeout=30_000):
        gate.set()
    assert shell.centralWidget() is shell.start_view
    assert calm.pin.text() == ""  # the early page's PIN, cleared with it
    assert not held_here(paths.database)  # the record let go: Try again may take it
    retry = shell.start_view.retry_button
    assert retry is not None
    qtbot.mouseClick(retry, LEFT)
    qtbot.wait_until(lambda: isinstance(shell.centralWidget(), CalmScreen))
    with qtbot.waitSignal(shell.ready, timeout=30_000):
        pass
    window = shell.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.calm
    qtbot.keyClicks(window.calm.pin, "4862")
    qtbot.keyClick(window.calm.pin, Qt.Key.Key_Return)
    assert _signed_in(window) == "Robin Hale"


def test_leaving_while_the_early_page_shows_keeps_nothing_typed(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, gate: threading.Event
) -> None:
    record_with(paths, clock, ("Robin Hale", ADMIN))
    shell = start(paths, None, clock, kiosk=True)
    assert isinstance(shell, StartWindow)
    qtbot.addWidget(shell)
    with qtbot.waitSignal(shell.first_page_shown, timeout=30_000):
        pass
    calm = shell.centralWidget()
    assert isinstance(calm, CalmScreen)
    qtbot.keyClicks(calm.pin, "4862")
    leave = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(calm.pin, Qt.Key.Key_Q, leave)  # staff leave kiosk mode
    assert not shell.isVisible()
    assert shell.early_page is None
    assert calm.pin.text() == ""
    gate.set()  # the records open after all, to no window: they are let go of
    qtbot.wait_until(lambda: not held_here(paths.database), timeout=30_000)
    assert shell.main_window is None
