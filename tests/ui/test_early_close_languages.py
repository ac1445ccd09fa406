"""What the journey says when a close is early or a baseline is high, in Spanish and French,
through the real window; the record keeps its English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, JourneyError
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.words import translated, words_of
from tests.ui.test_early_close import _accounts, _esketamine_at_1_32_ready, _plain
from tests.ui.test_staff import _sign_in


def test_an_early_close_says_why_it_is_early_in_spanish_and_records_english(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, language: Language
) -> None:
    journey = _esketamine_at_1_32_ready(window, clock)
    view = window.journey_view
    language.speak("es")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert _plain(dialog.concerns.text()) == [
        "1:32:00 desde la dosis; el protocolo pide 2 h en la sala",
        "Control de signos vitales no tomado: Peak (about 40 min)",  # the protocol's label
    ]
    language.speak("fr")
    assert _plain(dialog.concerns.text()) == [
        "1:32:00 depuis la dose ; le protocole demande 2 h en salle",
        "Contrôle des signes vitaux non pris : Peak (about 40 min)",
    ]
    language.speak("es")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: asked for one
    assert dialog.isVisible()
    assert not journey.closed
    qtbot.keyClicks(dialog.reason, "Paciente estable")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.integration_view)
    closing = journey.events[-1]
    assert closing.kind is EventKind.CLOSED
    assert closing.data["early"] == [  # the record keeps English
        "1:32:00 since dosing, of the 2 h the protocol asks in the room",
        "vital-signs check not taken: Peak (about 40 min)",
    ]


def test_the_close_refused_without_a_reason_says_its_concerns_in_spanish(
    window: MainWindow, clock: FakeClock, language: Language
) -> None:
    journey = _esketamine_at_1_32_ready(window, clock)
    language.speak("es")
    with pytest.raises(JourneyError) as refused:
        journey.close("")
    said = translated(words_of(refused.value))
    assert said == (
        "Cerrar antes de tiempo requiere un motivo en el registro: 1:32:00 desde la dosis; "
        "el protocolo pide 2 h en la sala; control de signos vitales no tomado: "
        "Peak (about 40 min)"
    )
    assert not journey.closed


def test_a_high_baseline_and_a_nurse_refused_are_said_in_spanish(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    _accounts(window)
    _sign_in(qtbot, window, "Jo Okafor", "7391")
    window.open_session("P-0302", "esketamine-intranasal", "Jo Okafor")
    current = window.current
    assert current is not None
    values = {"systolic": 162, "diastolic": 96, "heart_rate": 80}
    current.journey.record_observation(EventKind.VITALS, {"values": values, "flags": []})
    language.speak("es")
    view = window.journey_view
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    message = view.message.text()
    assert message.startswith(
        "La presión arterial basal 162/96 supera el límite del protocolo de 140/90. "
    )
    assert "Jo Okafor es personal de enfermería" in message
    preparation = view.preparation
    assert preparation is not None
    assert preparation.baseline.text().startswith("La presión arterial basal 162/96 supera")
    with pytest.raises(JourneyError) as caught:
        current.journey.record_dose(Dose(56, "mg", "intranasal"))
    refused = translated(words_of(caught.value))
    assert refused == (
        "La presión arterial basal 162/96 supera el límite del protocolo de 140/90: "
        "registre antes la decisión de administrar la dosis, con su motivo"
    )
    with pytest.raises(JourneyError) as caught:  # the staff's refusal, kept whole
        current.journey.record_preparation(EventKind.DOSING_DECISION, {"reason": "rested"})
    refused = translated(words_of(caught.value))
    assert refused.startswith(
        "Decidir la dosis tras una medición basal alta requiere un prescriptor"
    )
    assert refused.endswith("Jo Okafor es personal de enfermería")
