"""A form that has closed is released: opening and closing each kind of form again and again
(vital signs every ten minutes for three hours) never adds to the window's live forms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from kapdesk.core.journey import EventKind
from kapdesk.core.staff import Role
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle
from tests.ui.test_journey_flow import _give_dose, _open_session

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
TIMES = 4


def _live(kind: type[QDialog]) -> int:
    """How many forms of ``kind`` are alive as windows of their own."""
    return sum(isinstance(widget, kind) for widget in QApplication.topLevelWidgets())


def _open_and_close(
    qtbot: QtBot, press: Callable[[], None], form: Callable[[], QDialog | None]
) -> type[QDialog]:
    """Open the form by ``press`` and close it with Escape; the kind of form it was."""
    press()
    dialog = form()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    return type(dialog)


def _open_and_close_again_and_again(
    qtbot: QtBot, press: Callable[[], None], form: Callable[[], QDialog | None]
) -> type[QDialog]:
    """Open and close the form :data:`TIMES` times: after the first time (which may make what
    its page makes once, a list's popup), the window's top-level widgets do not grow."""
    kind = _open_and_close(qtbot, press, form)
    qtbot.waitUntil(lambda: _live(kind) == 1)
    once = len(QApplication.topLevelWidgets())
    for _ in range(TIMES - 1):
        assert _open_and_close(qtbot, press, form) is kind
    # Only the last one stays (the page reads it after it closed) until the next one opens.
    qtbot.waitUntil(lambda: _live(kind) == 1)
    assert len(QApplication.topLevelWidgets()) == once
    return kind


def test_the_journeys_forms_opened_again_and_again_are_released(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open_session(qtbot, window)
    view = window.journey_view
    preparation, panel = view.preparation, view.observations
    assert preparation is not None
    assert panel is not None

    def key(letter: Qt.Key) -> Callable[[], None]:
        return lambda: qtbot.keyClick(window, letter, CTRL)

    breathing = _open_and_close_again_and_again(
        qtbot, key(Qt.Key.Key_G), lambda: preparation.breathing
    )
    vitals = _open_and_close_again_and_again(qtbot, key(Qt.Key.Key_B), lambda: panel.vitals_dialog)
    dose = _open_and_close_again_and_again(qtbot, key(Qt.Key.Key_D), lambda: view.dose_dialog)
    assert panel.vitals_dialog is not None
    assert not panel.vitals_dialog.isVisible()  # the one kept can still be read

    _give_dose(qtbot, window)  # the dose form that closed is released when this one opens
    qtbot.waitUntil(lambda: _live(dose) == 1)
    assert _live(vitals) == _live(breathing) == 1
    _open_and_close_again_and_again(qtbot, key(Qt.Key.Key_E), lambda: view.close_dialog)

    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)
    timeline = window.timeline_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is timeline)
    row = next(i for i, e in enumerate(timeline.entries) if e.kind is EventKind.DOSE)
    rect = timeline.table.visualRect(timeline.model.index(row, 3))
    qtbot.mouseClick(timeline.table.viewport(), LEFT, pos=rect.center())
    _open_and_close_again_and_again(
        qtbot,
        lambda: qtbot.mouseClick(timeline.amend_button, LEFT),
        lambda: timeline.amend_dialog,
    )


def test_the_account_form_opened_again_and_again_is_released(
    qtbot: QtBot, window: MainWindow
) -> None:
    staff = window.staff
    assert staff is not None
    staff.create_account("Ana Moreno", frozenset({Role.ADMIN}), "5820", by=None)
    window.lock()
    calm = window.calm
    qtbot.mouseClick(calm, LEFT)
    (tile,) = [t for t in calm._tile_group.buttons() if t.text() == "Ana Moreno"]
    qtbot.mouseClick(tile, LEFT)
    qtbot.keyClicks(calm.pin, "5820")
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    assert not window.locked
    window.show_staff()
    page = window.staff_view
    settle(window)
    _open_and_close_again_and_again(
        qtbot, lambda: qtbot.mouseClick(page.add_button, LEFT), lambda: page.dialog
    )
