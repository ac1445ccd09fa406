"""The keyboard, in the window's own process: it comes back where it was after every form (the
offscreen platform, like a kiosk with no window manager, gives it back to nobody), nothing
typed lands in a box that is not on screen, and Ctrl+Shift+L locks on every page and over
every form.

Every key goes to whatever has the keyboard, as a person's would: the focus widget, or the
window when nothing has focus (where, without the window given back, no shortcut works).
The same promises on a real X server with no window manager: tests/ui/test_focus_x11.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind
from kapdesk.core.staff import Role
from kapdesk.storage.db import Storage
from kapdesk.storage.models import SessionEvent
from kapdesk.ui.main_window import MainWindow
from tests.support.saving import settle
from tests.ui.conftest import sign_in_account

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PIN = "5820"
ALL_ROLES = frozenset({Role.PRESCRIBER, Role.THERAPIST, Role.NURSE})


def _press(
    qtbot: QtBot,
    window: MainWindow,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key as staff press it: to whatever has the keyboard, or the window if nothing has."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifiers)


def _type(qtbot: QtBot, window: MainWindow, text: str) -> None:
    for char in text:
        target = QApplication.focusWidget() or window
        qtbot.keyClicks(target, char)


def _saved(storage: Storage, kind: str) -> list[dict[str, object]]:
    with Session(storage.engine) as session:
        rows = session.scalars(select(SessionEvent).where(SessionEvent.kind == kind))
        return [dict(row.data) for row in rows]


def _form(window: MainWindow) -> QDialog | None:
    forms = [d for d in window.findChildren(QDialog) if d.isVisible()]
    return forms[-1] if forms else None


def _opens_form(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> QDialog:
    _press(qtbot, window, key, CTRL)
    qtbot.waitUntil(lambda: _form(window) is not None)
    form = _form(window)
    assert form is not None
    qtbot.waitUntil(form.isActiveWindow)
    return form


def _on_screen(widget: QWidget | None) -> bool:
    return widget is not None and widget.isVisible()


def _keyboard_back_on(qtbot: QtBot, window: MainWindow, widget: QWidget) -> None:
    qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is widget)


def _open(window: MainWindow) -> None:
    sign_in_account(window, "Sam Ortiz", PIN, ALL_ROLES)
    window.open_session("P-4410", "im-ketamine", "Sam Ortiz")


def test_after_every_form_the_keyboard_is_back_in_the_note_and_each_shortcut_works(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open(window)
    view = window.journey_view
    panel = view.observations
    assert panel is not None
    note = panel.note
    _keyboard_back_on(qtbot, window, note)  # the journey screen starts in the note box

    # Before the dose: breathwork, vital signs, the dose form and closing, each put away.
    for key in (Qt.Key.Key_G, Qt.Key.Key_B, Qt.Key.Key_D, Qt.Key.Key_E):
        form = _opens_form(qtbot, window, key)
        _press(qtbot, window, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda form=form: not form.isVisible())  # type: ignore[misc]
        _keyboard_back_on(qtbot, window, note)
        _type(qtbot, window, "a")
    assert note.text() == "aaaa"
    _press(qtbot, window, Qt.Key.Key_Backspace)
    assert note.text() == "aaa"
    note.clear()

    # The dose, given through its form: the keyboard is back and the journey runs.
    dose = _opens_form(qtbot, window, Qt.Key.Key_D)
    _type(qtbot, window, "0.75")
    _press(qtbot, window, Qt.Key.Key_Tab)  # from the amount to the weight
    _type(qtbot, window, "70")
    _press(qtbot, window, Qt.Key.Key_Return)
    if dose.isVisible():  # the checklist left undone is named: a second Enter records
        _press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dose.isVisible())
    settle(qtbot, window)  # the recorder's thread has written it
    assert len(_saved(storage, "dose")) == 1
    _keyboard_back_on(qtbot, window, note)

    # A note typed anywhere, then each of the journey's own keys, one after the other.
    _type(qtbot, window, "Settled after the dose")
    _press(qtbot, window, Qt.Key.Key_Return)
    settle(qtbot, window)  # the recorder's thread has written it
    assert [n["text"] for n in _saved(storage, "note")] == ["Settled after the dose"]
    settle(qtbot, window)  # the recorder's thread has written it
    phases = len(_saved(storage, "phase_started"))
    _press(qtbot, window, Qt.Key.Key_N, CTRL)
    if "again" in view.next_button.text():  # a dosing phase ended early asks twice
        _press(qtbot, window, Qt.Key.Key_N, CTRL)
    settle(qtbot, window)  # the recorder's thread has written it
    assert len(_saved(storage, "phase_started")) == phases + 1
    for key in (Qt.Key.Key_B, Qt.Key.Key_R, Qt.Key.Key_D, Qt.Key.Key_E):
        form = _opens_form(qtbot, window, key)
        _press(qtbot, window, Qt.Key.Key_Escape)
        _keyboard_back_on(qtbot, window, note)
    _press(qtbot, window, Qt.Key.Key_T, CTRL)
    timeline = window.timeline_view
    assert window.pages.currentWidget() is timeline
    row = next(n for n, e in enumerate(timeline.entries) if e.kind is EventKind.DOSE)
    place = timeline.table.visualRect(timeline.table.model().index(row, 0)).center()
    qtbot.mouseClick(timeline.table.viewport(), Qt.MouseButton.LeftButton, pos=place)
    amend = _opens_form(qtbot, window, Qt.Key.Key_R)
    _press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not amend.isVisible())
    qtbot.waitUntil(window.isActiveWindow)
    assert (
        QApplication.focusWidget() is timeline.table
    )  # the keyboard is back on the entry it corrects
    _press(qtbot, window, Qt.Key.Key_Escape)  # back to the journey
    _keyboard_back_on(qtbot, window, note)
    _type(qtbot, window, "Back from the timeline")
    _press(qtbot, window, Qt.Key.Key_Return)
    settle(qtbot, window)  # the recorder's thread has written it
    assert [n["text"] for n in _saved(storage, "note")][-1] == "Back from the timeline"


def test_the_keyboard_goes_back_to_the_box_it_was_in(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open(window)
    preparation = window.journey_view.preparation
    assert preparation is not None
    intention = preparation.intention
    qtbot.mouseClick(intention.viewport(), Qt.MouseButton.LeftButton)
    _type(qtbot, window, "To rest")
    form = _opens_form(qtbot, window, Qt.Key.Key_B)
    _press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())
    _keyboard_back_on(qtbot, window, intention)
    _type(qtbot, window, " and let go")
    _press(qtbot, window, Qt.Key.Key_I, CTRL)
    settle(qtbot, window)  # the recorder's thread has written it
    assert [i["text"] for i in _saved(storage, "intention")] == ["To rest and let go"]


def test_nothing_typed_lands_in_a_box_that_is_not_on_screen(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    """Vital signs typed where the note box could not be seen once became a note nobody saw.
    The note box is on screen in preparation at every size and takes what is typed there; a
    box hidden some other way never takes a key."""
    _open(window)
    panel = window.journey_view.observations
    assert panel is not None
    note = panel.note
    for width, height in ((1024, 600), (1280, 800), (1920, 1080)):
        window.resize(width, height)
        qtbot.waitUntil(
            lambda: note.isVisible() and note.visibleRegion().boundingRect().height() > 0
        )
        _keyboard_back_on(qtbot, window, note)
        _type(qtbot, window, f"{width} ")
    assert note.text() == "1024 1280 1920 "
    _press(qtbot, window, Qt.Key.Key_Return)
    settle(qtbot, window)  # the recorder's thread has written it
    assert [n["text"] for n in _saved(storage, "note")] == ["1024 1280 1920"]

    # The column with the note box hidden while the box has the keyboard: the keys go to
    # something on screen, never into the hidden box, and Enter saves nothing.
    _keyboard_back_on(qtbot, window, note)
    panel.hide()
    _type(qtbot, window, "120")
    _press(qtbot, window, Qt.Key.Key_Return)
    assert _on_screen(QApplication.focusWidget())
    assert note.text() == ""
    settle(qtbot, window)  # the recorder's thread has written it
    assert len(_saved(storage, "note")) == 1

    note.setFocus()  # the hidden box given the keyboard anyhow (as by a page turned)
    qtbot.keyClicks(window.journey_view, "80")  # a letter typed anywhere on the journey page
    _press(qtbot, window, Qt.Key.Key_Return)
    assert _on_screen(QApplication.focusWidget())
    assert note.text() == ""
    settle(qtbot, window)  # the recorder's thread has written it
    assert len(_saved(storage, "note")) == 1


def _unlock(qtbot: QtBot, window: MainWindow) -> None:
    """A key on the calm screen, then the PIN typed and Enter, as staff come back."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.calm)  # it takes the keys
    _press(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.calm.pin)
    _type(qtbot, window, PIN)
    _press(qtbot, window, Qt.Key.Key_Return)
    assert not window.locked, window.calm.message.text()


def _pages(window: MainWindow, clock: FakeClock) -> list[tuple[str, Callable[[], object]]]:
    """Every page, each with how staff reach it (the session open from the second on)."""
    from kapdesk.core.journey import Dose  # noqa: PLC0415

    def running() -> None:
        current = window.current
        assert current is not None
        current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
        clock.advance(90)
        window.go_home()

    def session_id() -> int:
        assert window.current is not None
        return window.current.session_id

    return [
        ("set-up", window.show_setup),
        ("library", window.show_library),
        ("follow-ups", window.show_followups),
        ("staff", window.show_staff),
        ("preparation", lambda: window.open_session("P-4410", "im-ketamine", "Sam Ortiz")),
        ("journey", running),
        ("timeline", lambda: window.show_timeline(session_id())),
        ("past sessions", window.show_history),
        ("record", lambda: window.show_summary(session_id())),
        ("integration", lambda: window.show_integration(session_id())),
        ("course", lambda: window.show_course(session_id())),
    ]


def test_the_lock_key_locks_on_every_page_whatever_has_the_keyboard(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    sign_in_account(window, "Sam Ortiz", PIN, ALL_ROLES | {Role.ADMIN})
    for name, reach in _pages(window, clock):
        reach()
        page = window.pages.currentWidget()
        assert page is not None, name
        assert page is not window.calm, name
        focus = QApplication.focusWidget()
        assert focus is None or _on_screen(focus), name
        _press(qtbot, window, Qt.Key.Key_L, CTRL_SHIFT)
        assert window.locked, name
        assert window.pages.currentWidget() is window.calm
        _unlock(qtbot, window)
        assert window.pages.currentWidget() is page, name
        focus = QApplication.focusWidget()
        assert focus is not None, name
        assert focus.isVisible(), name
        assert page.isAncestorOf(focus), name


@pytest.mark.parametrize("key", [Qt.Key.Key_G, Qt.Key.Key_B, Qt.Key.Key_D, Qt.Key.Key_E])
def test_the_lock_key_locks_over_every_form_and_the_form_comes_back_as_typed(
    qtbot: QtBot, window: MainWindow, key: Qt.Key
) -> None:
    _open(window)
    form = _opens_form(qtbot, window, key)
    typed = QApplication.focusWidget()
    _press(qtbot, window, Qt.Key.Key_L, CTRL_SHIFT)
    assert window.locked
    assert not form.isVisible()
    _unlock(qtbot, window)
    qtbot.waitUntil(form.isActiveWindow)
    assert QApplication.focusWidget() is typed  # the form, as it was
    _press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())
    panel = window.journey_view.observations
    assert panel is not None
    _keyboard_back_on(qtbot, window, panel.note)


def test_no_shortcut_of_a_page_can_take_the_lock_key(qtbot: QtBot, window: MainWindow) -> None:
    _open(window)
    taken: list[bool] = []
    other = QShortcut(QKeySequence("Ctrl+Shift+L"), window.journey_view)
    other.activated.connect(lambda: taken.append(True))
    _press(qtbot, window, Qt.Key.Key_L, CTRL_SHIFT)
    assert window.locked
    assert taken == []


def test_the_keyboard_comes_back_when_the_clinic_board_closes(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_setup()
    qtbot.waitUntil(lambda: _on_screen(QApplication.focusWidget()))
    before = QApplication.focusWidget()
    _press(qtbot, window, Qt.Key.Key_B, CTRL_SHIFT)
    board = window.board_window
    assert board is not None
    qtbot.waitUntil(board.isActiveWindow)
    _press(qtbot, window, Qt.Key.Key_Escape)  # the board's own key closes it
    qtbot.waitUntil(lambda: not board.isVisible())
    _keyboard_back_on(qtbot, window, before)  # type: ignore[arg-type]
