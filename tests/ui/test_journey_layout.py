"""The journey screen shows the timer, the phase, the notes and the vital-signs cue together at
every size a room PC has, with nothing on a tab: in preparation and during the journey, with
notices showing, each part whole, inside the window and clear of the others."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.ui.main_window import MainWindow
from tests.ui.test_clock_notice import _restart
from tests.ui.test_flags import _enter_vitals
from tests.ui.test_header_cues import SIZES
from tests.ui.test_journey_flow import _give_dose, _open_session

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _in_window(window: MainWindow, widget: QWidget) -> QRect:
    """Where ``widget`` is in the window, having checked it is shown and wholly inside it."""
    assert widget.isVisible(), widget
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    assert window.rect().contains(rect), (widget, rect, window.rect())
    return rect


def _together(window: MainWindow, parts: dict[str, QWidget]) -> None:
    """Every part visible, inside the window, and none over another."""
    rects = {name: _in_window(window, widget) for name, widget in parts.items()}
    names = list(rects)
    for n, first in enumerate(names):
        for second in names[n + 1 :]:
            assert not rects[first].intersects(rects[second]), (first, second)


def _inside(outer: QWidget, inner: QWidget) -> None:
    """``inner`` is shown whole inside ``outer`` (not clipped by it)."""
    assert inner.isVisible(), inner
    rect = QRect(inner.mapTo(outer, QPoint(0, 0)), inner.size())
    assert outer.rect().contains(rect), (inner, rect, outer.rect())


def _holds(check: Callable[[], None]) -> Callable[[], bool]:
    """``check`` as a condition to wait for: a wrapped text asks for its height once the
    layout has run, so a layout settles over a turn or two of the event loop."""

    def holds() -> bool:
        try:
            check()
        except AssertionError:
            return False
        return True

    return holds


def _settled(qtbot: QtBot, check: Callable[[], None]) -> None:
    """Wait for the layout to settle into ``check``; if it never does, say why."""
    try:
        qtbot.waitUntil(_holds(check), timeout=10_000)
    except qtbot.TimeoutError:
        check()  # fails with its own message
        raise


def _sized(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    window.lock_seconds = 0  # no idle lock over the page while the test's clock runs on
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)


@pytest.mark.parametrize("size", SIZES)
def test_preparation_phase_notes_and_vitals_are_on_screen_together(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    _sized(qtbot, window, size)
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    view = window.journey_view
    panel = view.observations
    assert panel is not None
    assert view.preparation is not None
    assert view.cue.text() == "Vital signs due: Baseline before dosing"
    assert view.phase_name.text() == "Before dosing"

    def check() -> None:
        _together(
            window,
            {
                "preparation": view.centre,
                "phase": view.phase_card,
                "note box": panel.note,
                "vitals": panel.vitals_card,
            },
        )
        _inside(panel.vitals_card, view.cue)
        _inside(panel.vitals_card, panel.vitals_button)

    _settled(qtbot, check)


@pytest.mark.parametrize("size", SIZES)
def test_timer_phase_notes_and_vitals_are_on_screen_together_with_notices(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, size: tuple[int, int]
) -> None:
    _sized(qtbot, window, size)
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    _give_dose(qtbot, window, amount="0.5")
    view = window.journey_view
    panel = view.observations
    assert panel is not None
    clock.advance(12 * 60)
    view.tick()
    # A note, a flagged reading (its card), and a first press of Next phase in the infusion
    # (its question under the phase): the notices the phase card shares the column with.
    view.setFocus()
    qtbot.keyClicks(view, "E")
    qtbot.keyClicks(panel.note, "yes closed, settled")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    _enter_vitals(qtbot, window, {"systolic": "186", "diastolic": "114", "heart_rate": "90"})
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.flag_card.isVisible()
    assert view.confirm_note.isVisible()
    assert panel.recent[0].text().endswith("Eyes closed, settled")
    assert panel.last_reading.text().startswith("Last: ")
    sound = view.sound
    assert sound is not None

    def check() -> None:
        _together(
            window,
            {
                "flag": view.flag_card,
                "timer": view.timer_label,
                "phase": view.phase_card,
                "question": view.confirm_note,
                "note box": panel.note,
                "vitals": panel.vitals_card,
                "last note": panel.recent[0],
                "sound": sound,
            },
        )
        _inside(panel.vitals_card, view.cue)
        _inside(panel.vitals_card, panel.vitals_button)
        # The phase card is not squeezed: each of its parts whole inside it, two lines of
        # guidance at least (the rest scrolls), the bar at its height.
        for part in (view.phase_name, view.phase_time, view.guidance_scroll, view.phase_bar):
            _inside(view.phase_card, part)
        _inside(view.phase_card, view.next_label)
        lines = view.guidance.fontMetrics().lineSpacing()
        assert view.guidance_scroll.height() >= 2 * lines
        assert view.phase_bar.height() >= view.phase_bar.minimumHeight()
        # The timer's digits still read from across the room.
        assert view.timer_label.height() >= 56
        # Every button in the row of actions shows its words whole.
        for button in (view.close_button, view.dose_button, view.next_button):
            assert button.sizeHint().width() <= button.width(), button.text()

    _settled(qtbot, check)


def test_the_page_grows_with_a_large_screen(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    """At 1920x1080 not only the timer grows: the type, the buttons, the phase bar and the
    observation column do too."""
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    _give_dose(qtbot, window, amount="0.5")
    view = window.journey_view
    panel = view.observations
    assert panel is not None
    _sized(qtbot, window, (1280, 800))
    small = (
        view.guidance.fontInfo().pixelSize(),
        view.next_button.height(),
        view.phase_bar.height(),
        panel.width(),
        panel.vitals_button.fontInfo().pixelSize(),
    )
    _sized(qtbot, window, (1920, 1080))
    large = (
        view.guidance.fontInfo().pixelSize(),
        view.next_button.height(),
        view.phase_bar.height(),
        panel.width(),
        panel.vitals_button.fontInfo().pixelSize(),
    )
    assert all(big > little for big, little in zip(large, small, strict=True)), (small, large)


def test_in_preparation_at_1024x600_vitals_go_to_the_form_and_a_note_to_the_note_box(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Ctrl+B in preparation on the smallest screen: the values typed land in the vital-signs
    form, none in the note box; a letter typed on the page afterwards starts a note, in a note
    box that is on screen."""
    _sized(qtbot, window, (1024, 600))
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    view = window.journey_view
    panel = view.observations
    assert panel is not None
    assert view.preparation is not None
    _enter_vitals(qtbot, window, {"systolic": "128", "diastolic": "82", "heart_rate": "74"})
    assert panel.note.text() == ""
    assert view.preparation.baseline.text().startswith("Baseline: BP 128/82")
    view.setFocus()
    qtbot.keyClicks(view, "W")
    assert panel.note.isVisible()
    assert panel.note.hasFocus()
    assert panel.note.text() == "W"


def test_the_journey_keys_work_at_1024x600(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    """With nothing on a tab, each key of the page works on the smallest screen: Ctrl+B (vital
    signs), Ctrl+Shift+F (flags seen), Ctrl+N (next phase), Ctrl+R (ready to leave?, while its
    button waits for the last phase)."""
    _sized(qtbot, window, (1024, 600))
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    view = window.journey_view
    panel = view.observations
    assert panel is not None
    _enter_vitals(qtbot, window, {"systolic": "186", "diastolic": "114", "heart_rate": "90"})
    assert view.flag_card.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | SHIFT)
    qtbot.waitUntil(lambda: not view.flag_card.isVisible())
    assert view.phase_name.text() == "Onset"
    clock.advance(5 * 60)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.phase_name.text() == "Peak")
    assert not view.discharge_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = view.discharge_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_every_notice_at_once_on_the_smallest_screen_clips_nothing(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, storage: Storage, paths: AppPaths
) -> None:
    """After a restart with the PC's clock moved (its notice, three lines) and with a flag
    standing: at 1024x600 every part of the page is still whole."""
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    _give_dose(qtbot, window, amount="0.5")
    _enter_vitals(qtbot, window, {"systolic": "186", "diastolic": "114", "heart_rate": "90"})
    clock.advance(1)
    window.close()
    later = clock.reboot(9, wall_step=3600)
    again = _restart(qtbot, storage, paths, later)
    _sized(qtbot, again, (1024, 600))
    view = again.journey_view
    panel = view.observations
    assert panel is not None
    qtbot.waitUntil(view.time_notice.isVisible)
    assert view.flag_card.isVisible()

    def check() -> None:
        _together(
            again,
            {
                "flag": view.flag_card,
                "timer": view.timer_label,
                "phase": view.phase_card,
                "time notice": view.time_notice,
                "note box": panel.note,
                "vitals": panel.vitals_card,
                "actions": view.next_button,
            },
        )
        for part in (view.phase_name, view.guidance_scroll, view.phase_bar, view.next_label):
            _inside(view.phase_card, part)
        assert view.guidance_scroll.height() >= 2 * view.guidance.fontMetrics().lineSpacing()

    _settled(qtbot, check)
