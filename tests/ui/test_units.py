"""A clinic that reads °F and pounds (clinic.toml's [locale]) types them and reads them on
screen; the record keeps °C and kg, and the dose is worked out from the kilograms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.core.dosing import check_dose
from kapdesk.core.journey import EventKind, Journey
from kapdesk.core.protocols import Protocol
from kapdesk.core.units import Temperature, Units, Weight
from kapdesk.core.vitals import flags, parse_reading
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.ui import theme
from kapdesk.ui.amend_dialog import AmendDialog
from kapdesk.ui.clinic_units import clinic_units
from kapdesk.ui.dialogs import parse_weight
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.timeline_view import TimelineView
from kapdesk.ui.vitals_chart import VitalsChart
from tests.support.ops import settle as settle_ops
from tests.support.saving import settle
from tests.ui.conftest import sign_in
from tests.ui.test_journey_flow import _give_dose, _open_session
from tests.ui.test_observations import _saved

US = Units(Temperature.FAHRENHEIT, Weight.LB)


@pytest.fixture
def window(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> MainWindow:
    """The window of a clinic whose clinic.toml says °F and pounds, signed in."""
    paths.clinic_settings.parent.mkdir(parents=True, exist_ok=True)
    paths.clinic_settings.write_text('[locale]\ntemperature = "F"\nweight = "lb"\n')
    theme.apply(qapp)
    built = build_window(storage, paths, clock)
    qtbot.addWidget(built)
    built.resize(1280, 800)
    built.show()
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow)
    return sign_in(built)


def _vitals(qtbot: QtBot, window: MainWindow, typed: dict[str, str]) -> None:
    panel = window.journey_view.observations
    assert panel is not None
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.vitals_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.fields["temperature"].placeholderText().startswith("°F")
    for name, text in typed.items():
        qtbot.keyClicks(dialog.fields[name], text)
    qtbot.keyClick(dialog.fields[next(iter(typed))], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)


def test_the_window_takes_the_clinics_units(window: MainWindow) -> None:
    assert window.units == US
    assert clinic_units(window.records.clinic, "fr_FR") == US  # the clinic's choice stands
    assert window.journey_view.units == US


def test_a_fahrenheit_clinic_types_98_6_and_the_record_keeps_37(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open_session(qtbot, window)
    view = window.journey_view
    panel = view.observations
    assert panel is not None
    _vitals(qtbot, window, {"temperature": "98.6"})
    (saved,) = _saved(storage, "vitals")
    assert saved["values"] == {"temperature": 37.0}
    assert saved["flags"] == []
    assert panel.status.text().endswith("T 98.6 °F")

    _vitals(qtbot, window, {"temperature": "101.3", "heart_rate": "80"})
    saved = _saved(storage, "vitals")[-1]
    assert saved["values"] == {"heart_rate": 80.0, "temperature": 38.5}
    assert saved["flags"] == ["Temperature 38.5 °C is above 38.0 °C before dosing"]  # as kept
    assert panel.status.text().endswith("HR 80 /min, T 101.3 °F (flagged)")
    shown = view.flag_text.text().replace("\N{NO-BREAK SPACE}", " ")
    assert shown.endswith("T 101.3 °F above 100.4 °F")  # as the clinic reads it

    qtbot.mouseClick(view.seen_button, Qt.MouseButton.LeftButton)
    assert not view.flag_card.isVisible()
    settle(qtbot, window)
    (seen,) = _saved(storage, "flag_seen")
    assert seen["words"] == ["T 38.5 °C above 38.0 °C"]  # the record's words, on every PC
    view.tick()
    assert not view.flag_card.isVisible()  # seen: it stays seen
    assert window.journey_view.standing == ()


def test_a_temperature_the_clinic_would_not_type_is_refused_in_its_unit(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open_session(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.vitals_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.fields["temperature"], "37")  # a °C value, in a °F clinic
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problems.text() == (
        "Temperature 37 is not possible: it must be between 86.0 °F and 109.4 °F."
    )
    assert dialog.isVisible()
    settle(qtbot, window)
    assert _saved(storage, "vitals") == []


def test_a_weight_typed_in_pounds_doses_as_the_same_kilograms(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open_session(qtbot, window)
    view = window.journey_view
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dose_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.weight_label.text() == "Weight (lb)"
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "0.5")
    dialog.weight.selectAll()
    qtbot.keyClicks(dialog.weight, "154")
    assert dialog.total.text() == "= 34.925 mg total"
    qtbot.keyClicks(dialog.lot, "LOT-9")
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)
    (dose,) = _saved(storage, "dose")
    assert view.current is not None
    in_kilograms = check_dose(view.current.journey.protocol.dose, 0.5, 69.85)
    assert (dose["weight_kg"], dose["total_mg"]) == (69.85, in_kilograms.total_mg)

    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    again = view.dose_dialog
    assert again is not None
    assert again is not dialog
    qtbot.waitUntil(again.isVisible)
    assert again.weight.text() == "154"  # the last weight, shown back in pounds
    qtbot.keyClick(again, Qt.Key.Key_Escape)


def test_the_chart_lists_a_flagged_temperature_in_the_clinics_unit(
    qtbot: QtBot, qapp: QApplication, clock: FakeClock, protocol: Protocol
) -> None:
    journey = Journey.open(protocol, clock)
    reading = parse_reading({"temperature": "100.5", "heart_rate": "80"}, US).reading
    raised = flags(reading, protocol.thresholds, dosed=False)
    journey.record_observation(EventKind.VITALS, {"values": reading.values(), "flags": raised})
    theme.apply(qapp)
    chart = VitalsChart(units=US)
    qtbot.addWidget(chart)
    chart.show_session(journey)
    (flagged,) = chart.flagged
    assert flagged.text() == "Baseline: Temperature 100.5 °F is above 100.4 °F before dosing"
    assert raised == ["Temperature 38.1 °C is above 38.0 °C before dosing"]  # as kept


def test_a_weight_typed_with_its_unit_is_taken_at_its_word() -> None:
    assert parse_weight("154", US) == 69.85  # a bare number: the clinic's unit
    assert parse_weight("70 kg", US) == 70.0  # never 70 lb
    assert parse_weight("154 lbs") == 69.85
    assert parse_weight("154lb") == 69.85
    assert parse_weight("70,5") == 70.5
    assert parse_weight("heavy", US) is None


# -- the timeline, its corrections, and the session's record --------------------------------------


def _dosed_and_read(qtbot: QtBot, window: MainWindow, weight: str = "154") -> None:
    """An IV session given 0.5 mg/kg at ``weight`` (typed in the dose form), then a
    temperature of 98.6 °F typed in the vitals form."""
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    _give_dose(qtbot, window, amount="0.5", weight=weight, lot="KET-1")
    settle(qtbot, window)
    _vitals(qtbot, window, {"temperature": "98.6"})


def _row_of(view: TimelineView, kind: EventKind) -> int:
    return next(i for i, e in enumerate(view.entries) if e.kind is kind)


def _correct(qtbot: QtBot, view: TimelineView, kind: EventKind) -> AmendDialog:
    """Click the entry of ``kind`` in the timeline, then Correct…"""
    rect = view.table.visualRect(view.model.index(_row_of(view, kind), 3))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(view.amend_button, Qt.MouseButton.LeftButton)
    dialog = view.amend_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _captions(dialog: AmendDialog) -> list[str]:
    return [caption.text() for caption in dialog.findChildren(QLabel) if caption.isVisible()]


def _save_because(qtbot: QtBot, window: MainWindow, dialog: AmendDialog, reason: str) -> None:
    qtbot.keyClicks(dialog.reason, reason)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)


def test_the_timeline_reads_and_corrects_a_temperature_in_fahrenheit(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _dosed_and_read(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is view)
    assert view.model.text(_row_of(view, EventKind.VITALS), 3) == "Vital signs: T 98.6 °F"
    assert view.model.text(_row_of(view, EventKind.DOSE), 3).startswith(
        "Dose: 0.5 mg/kg IV (154 lb, 34.925 mg total), lot KET-1"
    )

    dialog = _correct(qtbot, view, EventKind.VITALS)
    assert dialog.vitals["temperature"].text() == "98.6"  # as the clinic typed it
    assert dialog.vitals["temperature"].placeholderText() == "°F"
    assert "Temperature (°F)" in _captions(dialog)
    dialog.vitals["temperature"].selectAll()
    qtbot.keyClicks(dialog.vitals["temperature"], "100.4")
    _save_because(qtbot, window, dialog, "read off the wrong line")
    (amendment,) = _saved(storage, "amendment")
    assert amendment["data"] == {"values": {"temperature": 38.0}, "flags": []}  # kept in °C
    row = _row_of(view, EventKind.VITALS)
    assert view.model.text(row, 3) == "Vital signs: T 100.4 °F   (corrected)"
    assert "Original" in view.history.text()
    assert "T 98.6 °F" in view.history.text()

    again = _correct(qtbot, view, EventKind.VITALS)
    assert again.vitals["temperature"].text() == "100.4"  # shown back as typed
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    view.tabs.setCurrentIndex(1)
    assert view.chart.units == US


def test_a_weight_is_corrected_in_pounds_and_kept_in_kilograms(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _dosed_and_read(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is view)
    dialog = _correct(qtbot, view, EventKind.DOSE)
    assert dialog.weight.text() == "154"
    assert dialog.weight.placeholderText() == "lb"
    assert "Weight (lb)" in _captions(dialog)
    dialog.weight.selectAll()
    qtbot.keyClicks(dialog.weight, "165")
    assert dialog.dose_status.text() == "= 37.42 mg total"  # from 74.84 kg
    dialog.weight.selectAll()
    qtbot.keyClicks(dialog.weight, "30")
    assert dialog.dose_status.text().startswith("Will not be saved: a weight of 30 lb")
    dialog.weight.selectAll()
    qtbot.keyClicks(dialog.weight, "165")
    _save_because(qtbot, window, dialog, "weighed again")
    (amendment,) = _saved(storage, "amendment")
    data = amendment["data"]
    assert isinstance(data, dict)
    assert (data["weight_kg"], data["total_mg"]) == (74.84, 37.42)
    entry = view.entries[_row_of(view, EventKind.DOSE)]
    assert entry.text.startswith("Dose: 0.5 mg/kg IV (165 lb, 37.42 mg total)")
    assert "(154 lb, 34.925 mg total)" in view.history.text()


def test_a_weight_left_as_shown_keeps_the_kilograms_kept(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _dosed_and_read(qtbot, window, weight="70 kg")  # typed in kg: 154.3 lb on screen
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is view)
    dialog = _correct(qtbot, view, EventKind.DOSE)
    assert dialog.weight.text() == "154.3"
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "0.6")
    assert dialog.dose_status.text() == "= 42 mg total"  # from 70 kg, not 154.3 lb
    _save_because(qtbot, window, dialog, "the amount given")
    (amendment,) = _saved(storage, "amendment")
    data = amendment["data"]
    assert isinstance(data, dict)
    assert (data["weight_kg"], data["total_mg"]) == (70.0, 42.0)  # not 69.99 kg


def test_the_session_record_says_the_weight_in_pounds(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _dosed_and_read(qtbot, window)
    current = window.current
    assert current is not None
    current.journey.close("done")
    settle(qtbot, window)
    window.show_summary(current.session_id)
    settle_ops(window)
    summary = window.summary_view
    assert "Doses: 0.5 mg/kg IV (154 lb, 34.925 mg total), lot KET-1" in summary.facts.text()
    rows = summary.events.model()
    said = [str(rows.index(row, 2).data()) for row in range(rows.rowCount())]
    assert "Vital signs: T 98.6 °F" in said
    assert any(line.startswith("Dose: 0.5 mg/kg IV (154 lb,") for line in said)

    qtbot.mouseClick(summary.timeline_button, Qt.MouseButton.LeftButton)
    settle_ops(window)  # read off the window's thread
    view = window.timeline_view
    assert window.pages.currentWidget() is view
    assert view.model.text(_row_of(view, EventKind.VITALS), 3) == "Vital signs: T 98.6 °F"
