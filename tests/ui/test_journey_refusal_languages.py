"""What the journey says when it refuses, and when a dose asks a decision someone else must
take, in Spanish, through the real window."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.journey import EventKind, JourneyError
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.words import translated, words_of
from tests.ui.test_dosing import _dose_form, _type
from tests.ui.test_early_close import _accounts
from tests.ui.test_journey_flow import _give_dose, _open_session
from tests.ui.test_staff import _sign_in


def test_a_nurse_typing_a_dose_outside_the_range_is_told_in_spanish_who_decides(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    _accounts(window)
    _sign_in(qtbot, window, "Jo Okafor", "7391")
    window.open_session("P-0511", "esketamine-intranasal", "Jo Okafor")
    language.speak("es")
    dialog = _dose_form(qtbot, window)
    _type(qtbot, dialog.amount, "14")
    assert dialog.status.text().startswith(
        "Fuera del rango habitual: 14 mg está por debajo del rango habitual"
    )
    assert dialog.refusal_box.isVisible()
    assert dialog.who_decides.text() == (
        "Una dosis fuera del rango habitual requiere la decisión de un prescriptor; "
        "Jo Okafor es personal de enfermería."
    )
    language.speak("en")
    assert dialog.who_decides.text() == (
        "A dose outside the usual range takes a prescriber's decision; Jo Okafor is a nurse."
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_the_journey_refusals_staff_can_meet_are_said_in_spanish(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    _open_session(qtbot, window)
    current = window.current
    assert current is not None
    journey = current.journey
    language.speak("es")

    def refusal(action: Callable[[], object]) -> str:
        with pytest.raises(JourneyError) as caught:
            action()
        return translated(words_of(caught.value))

    assert refusal(journey.advance_phase) == "las fases empiezan con la primera dosis"
    assert refusal(lambda: journey.record_discharge({})) == (
        "la evaluación de alta va después de la dosis y antes de cerrar la sesión"
    )
    _give_dose(qtbot, window)
    assert refusal(journey.confirm_time) == "el tiempo de la sesión no necesita confirmación"
    decision = {"reason": "rested"}
    assert refusal(lambda: journey.record_preparation(EventKind.DOSING_DECISION, decision)) == (
        "la dosis ya se administró"
    )
    while journey.next_phase is not None:
        journey.advance_phase()
    last = journey.protocol.phases[-1].name
    assert refusal(journey.advance_phase) == f"{last} es la última fase"
    journey.close("done")
    assert refusal(lambda: journey.record_observation(EventKind.NOTE, {"text": "x"})) == (
        "la sesión está cerrada; corrija su registro con una enmienda"
    )
    assert refusal(lambda: journey.close("again")) == "la sesión ya está cerrada"
