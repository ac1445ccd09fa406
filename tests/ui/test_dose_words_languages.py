"""A dose as the timeline and the session summary say it, in Spanish: its weight, total and
lot in the language spoken (the amount, unit and route as recorded)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.journey import Dose, EventKind
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.words import translated
from tests.support.ops import settle as settle_ops
from tests.support.saving import settle
from tests.ui.test_journey_flow import _give_dose, _open_session
from tests.ui.test_record_languages import _row_of


def test_a_dose_is_said_in_spanish_on_the_timeline_and_the_summary(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    _give_dose(qtbot, window, amount="0.5", lot="KET-4", weight="70")
    settle(qtbot, window)
    language.speak("es")
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is view)
    qtbot.waitUntil(lambda: bool(view.entries))
    dose = view.model.index(_row_of(view, EventKind.DOSE), 3)
    assert str(view.model.data(dose)).startswith(
        "Dosis: 0.5 mg/kg IV (70 kg, 35 mg en total), lote KET-4"
    )
    assert str(view.model.text(dose.row(), 3)).startswith(  # as the record keeps it
        "Dose: 0.5 mg/kg IV (70 kg, 35 mg total), lot KET-4"
    )
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    journey = window.journey_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is journey)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    closing = journey.close_dialog
    assert closing is not None
    qtbot.waitUntil(closing.isVisible)
    qtbot.keyClicks(closing.reason, "nausea")
    qtbot.mouseClick(closing.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.integration_view)
    settle_ops(window)
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    summary = window.summary_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is summary)
    settle_ops(window)
    assert "Dosis: 0.5 mg/kg IV (70 kg, 35 mg en total), lote KET-4" in summary.facts.text()
    language.speak("en")
    assert "Doses: 0.5 mg/kg IV (70 kg, 35 mg total), lot KET-4" in summary.facts.text()


def test_a_dose_without_a_weight_is_said_in_spanish(language: Language) -> None:
    language.speak("es")
    dose = Dose(0.5, "mg/kg", "IV", lot_number="K-1")
    assert dose.describe() == "0.5 mg/kg IV (no weight), lot K-1"
    assert translated(dose.describe()) == "0.5 mg/kg IV (sin peso), lote K-1"
    fixed = Dose(56, "mg", "intranasal")
    assert translated(fixed.describe()) == "56 mg intranasal"
