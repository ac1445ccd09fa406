"""The journey page, its preparation, the discharge check and the window's notices speak the
language chosen and switch without losing what they show; English stays as it was."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kapdesk.core.discharge import NO_ESCORT
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui.banner import NEWS, SAVING, StatusBanner
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.words import translated


def test_the_journey_page_speaks_spanish_then_french_and_english_again(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    window.open_session("P-0107", "esketamine-intranasal", "Sam Ortiz")
    view = window.journey_view
    preparation = view.preparation
    assert preparation is not None
    english = view.timer_caption.text()
    assert english == "Preparation · the journey clock starts with the dose"
    assert preparation.intention_state.text() == "Not written yet."
    language.speak("es")
    assert view.timer_caption.text() == "Preparación · el reloj de la sesión empieza con la dosis"
    assert view.who.text().startswith("Paciente P-0107")
    assert preparation.intention_state.text() == "Aún no escrita."
    assert preparation.save_intention.text().startswith("Guardar intención")
    language.speak("fr")
    assert view.timer_caption.text() == "Préparation · le chrono de la séance démarre avec la dose"
    assert view.who.text().startswith("Patient P-0107")
    language.speak("en")
    assert view.timer_caption.text() == english
    assert preparation.save_intention.text() == "Save intention   Ctrl+I"


def test_the_banner_says_each_line_in_the_language_spoken(qtbot: QtBot, language: Language) -> None:
    banner = StatusBanner(QT_TRANSLATE_NOOP("Tests", "Switch user"))
    qtbot.addWidget(banner)
    banner.say(NEWS, "kapdesk 2.1")
    banner.say(SAVING, NO_ESCORT)
    assert banner.text() == f"{NO_ESCORT}\nkapdesk 2.1"
    language.speak("es")
    assert banner.text() == f"{translated(NO_ESCORT)}\nkapdesk 2.1"
    assert banner.text().startswith("Nadie lo lleva a casa")
    language.speak("en")
    assert banner.text() == f"{NO_ESCORT}\nkapdesk 2.1"
