"""Preparation on screen: intention, checklist, baseline, breathwork, and the high-baseline gate
on the dose form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind, JourneyState
from kapdesk.core.preparation import Breath
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.ui.main_window import MainWindow
from tests.support.saving import settle


def _baseline(qtbot: QtBot, window: MainWindow, systolic: str, diastolic: str) -> None:
    panel = window.journey_view.observations
    preparation = window.journey_view.preparation
    assert panel is not None
    assert preparation is not None
    qtbot.mouseClick(preparation.vitals_button, Qt.MouseButton.LeftButton)
    dialog = panel.vitals_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    for name, typed in (("systolic", systolic), ("diastolic", diastolic), ("heart_rate", "76")):
        dialog.fields[name].setText(typed)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_preparation_is_recorded_and_a_high_baseline_needs_a_reason_before_the_dose(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, storage: Storage
) -> None:
    window.open_session("P-0107", "esketamine-intranasal", "Sam Ortiz")
    view = window.journey_view
    preparation = view.preparation
    assert preparation is not None
    assert preparation.isVisible()
    steps = [box.accessibleName() for box in preparation._boxes.values()]
    assert steps[0] == "Patient enrolled in the Spravato REMS; this session will be reported"
    assert view.phase_card.isVisible()  # what comes once the dose is given, beside preparation
    assert view.phase_name.text() == "Before dosing"

    qtbot.keyClicks(preparation.intention, "To meet my grief with less fear")
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    # The saved mark crosses from the recorder's thread; on a busy PC it may come a beat later.
    qtbot.waitUntil(lambda: preparation.intention_state.text() == "Saved by Sam Ortiz.")
    preparation.tick("consent")
    preparation.tick("ride-home")
    assert preparation._boxes["consent"].isChecked()

    _baseline(qtbot, window, "158", "92")
    assert preparation.baseline.text().startswith(
        "Baseline blood pressure 158/92 is above the protocol's 140/90"
    )
    assert preparation.baseline.property("role") == "error"

    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dose_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    texts = " ".join(w.text() for w in dialog.findChildren(type(preparation.baseline)))
    assert "Baseline blood pressure 158/92 is above the protocol's 140/90." in texts
    assert "Not ticked before dosing: Patient enrolled in the Spravato REMS" in texts
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused: no reason given
    assert dialog.error.text().startswith("Say why the dose goes ahead")
    current = window.current
    assert current is not None
    assert not current.journey.dosed

    qtbot.keyClicks(dialog.decision, "Rechecked after 10 min: 146/88; agreed with Dr Lin")
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert current.journey.state is JourneyState.RUNNING
    assert view.centre.currentWidget() is view.timer_label
    assert view.phase_card.isVisible()

    # All of it is in the database, in order, and comes back after a restart.
    assert current.recorder.flush(timeout=10.0)  # another store does not wait for this one
    store = JourneyStore(storage, clock)
    _summary, journey = store.load(current.session_id)
    kinds = [e.kind for e in journey.events]
    decision = kinds.index(EventKind.DOSING_DECISION)
    assert kinds[decision + 1] is EventKind.DOSE
    assert kinds.index(EventKind.INTENTION) < kinds.index(EventKind.VITALS) < decision
    data = journey.events[decision].data
    assert data["reason"] == "Rechecked after 10 min: 146/88; agreed with Dr Lin"
    assert data["reading"].startswith("BP 158/92 mmHg")
    assert data["by"] == "Sam Ortiz"


def test_breathwork_paces_with_the_clock_and_records_the_time_spent(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.open_session("P-0108", "im-ketamine", "Sam Ortiz")
    preparation = window.journey_view.preparation
    assert preparation is not None
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    dialog = preparation.breathing
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.current_pattern.id == "box"
    clock.advance(2.0)
    dialog.step()
    pace = dialog.pacer.pace
    assert pace is not None
    assert pace.breath is Breath.IN
    assert 0.4 < pace.size < 0.6
    assert dialog.words.text() == "Breathe in   2"
    clock.advance(4.0)  # 6 s: holding, full
    dialog.step()
    assert dialog.words.text() == "Hold   2"
    image = dialog.pacer.grab().toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    corner = image.pixelColor(2, 2)
    assert centre != corner  # the circle is drawn

    dialog.pattern.setCurrentIndex(1)  # 4-7-8 starts again from its first breath
    assert dialog.words.text().startswith("Breathe in")
    clock.advance(94.0)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    current = window.current
    assert current is not None
    (event,) = [e for e in current.journey.events if e.kind is EventKind.BREATHWORK]
    assert event.data["seconds"] == 100.0
    assert event.data["pattern"] == "4-7-8 breathing"
    assert preparation.breathing_state.text() == "Done: 1.7 min."
