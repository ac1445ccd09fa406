"""A protocol's phases in the language kapdesk speaks: the phase card, its next line and the
phase bar name (and guide) them in it where the protocol gives their words, the file's own words
where it does not, and follow a switch of language; English stays as it was. The journey's
cards speak the language too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.core.protocol_files import parse_protocol
from kapdesk.ui.journey_cards import CLOSE_SESSION
from kapdesk.ui.journey_view import JourneyView
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.words import translated
from tests.ui.test_journey_flow import _give_dose

SPOKEN_PHASES = """
[protocol]
id = "spoken-phases"
name = "Spoken phases"
route = "IM"

[dose]
amount = 50
unit = "mg"

[[phases]]
name = "Onset"
minutes = 10
guidance = "Help the patient settle."
[phases.es]
name = "Inicio"
guidance = "Ayude al paciente a acomodarse."
[phases.fr]
name = "Début"

[[phases]]
name = "Peak"
minutes = 30
[phases.es]
name = "Pico"

[[phases]]
name = "Return"
minutes = 20
"""


@pytest.fixture
def language(qapp: QApplication, window: MainWindow) -> Iterator[Language]:
    own = window.language
    spoken = Language(qapp)
    window.language = spoken  # the window speaks what this Language speaks
    yield spoken
    spoken.speak("en")  # the next test speaks English again
    window.language = own


def _open(qtbot: QtBot, window: MainWindow) -> JourneyView:
    protocol = parse_protocol(SPOKEN_PHASES)
    opened = window.store.open_session("P-0211", protocol, "Sam Ortiz", actor=window.member)
    window.show_journey(opened)
    view = window.journey_view
    qtbot.waitUntil(view.isVisible)
    return view


def _bar(view: JourneyView) -> list[str]:
    return [name for name, _seconds in view.phase_bar._plan]  # what it paints


def test_the_phases_are_named_in_the_language_spoken_and_follow_a_switch(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    view = _open(qtbot, window)
    assert view.next_label.text() == "First phase: Onset · 10 min"
    assert _bar(view) == ["Onset", "Peak", "Return"]
    assert language.speak("es")
    assert "Inicio" in view.next_label.text()  # said again at once, not at the next tick
    assert _bar(view) == ["Inicio", "Pico", "Return"]  # no Spanish given: the file's own
    _give_dose(qtbot, window, amount="50")
    assert view.phase_name.text() == "Inicio"
    assert view.guidance.text() == "Ayude al paciente a acomodarse."
    assert "Pico" in view.next_label.text()
    assert language.speak("fr")
    assert view.phase_name.text() == "Début"
    assert view.guidance.text() == "Help the patient settle."  # no French guidance given
    assert _bar(view) == ["Début", "Peak", "Return"]
    assert language.speak("en")
    assert view.phase_name.text() == "Onset"
    assert view.guidance.text() == "Help the patient settle."
    assert view.next_label.text().startswith("Next: Peak · 30 min")
    assert _bar(view) == ["Onset", "Peak", "Return"]


def test_a_window_without_its_translators_names_the_phases_in_english(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.language = None  # as a window made without app.window_on
    view = _open(qtbot, window)
    _give_dose(qtbot, window, amount="50")
    assert view.phase_name.text() == "Onset"
    assert _bar(view) == ["Onset", "Peak", "Return"]


def test_the_journey_cards_speak_spanish_and_english_again(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    language.speak("es")
    assert translated(CLOSE_SESSION) != CLOSE_SESSION  # the catalogue holds the cards' words
    language.speak("en")
    view = _open(qtbot, window)
    assert view.close_button.text() == "Close session   Ctrl+E"
    assert view.dose_button.text() == "Dose given   Ctrl+D"
    language.speak("es")
    assert view.close_button.text() == "Cerrar sesión   Ctrl+E"
    assert view.dose_button.text() == "Dosis administrada   Ctrl+D"
    assert view.timeline_button.text() == "Cronología   Ctrl+T"
    assert view.phase_name.text() == "Antes de la dosis"
    _give_dose(qtbot, window, amount="50")
    assert view.dose_button.text() == "Dosis adicional   Ctrl+D"
    assert view.next_button.text() == "Siguiente fase   Ctrl+N"
    language.speak("en")
    assert view.close_button.text() == "Close session   Ctrl+E"
    assert view.next_button.text() == "Next phase   Ctrl+N"


def test_the_journey_page_in_spanish_fits_the_smallest_screen(
    qtbot: QtBot, window: MainWindow, language: Language, tmp_path: Path
) -> None:
    """At 1024x600 in Spanish, each label and button shows its words whole."""
    language.speak("es")
    view = _open(qtbot, window)
    _give_dose(qtbot, window, amount="50")
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.width() == 1024)
    QApplication.processEvents()
    buttons = [view.close_button, view.dose_button, view.next_button]
    cut = [b.text() for b in buttons if b.isVisible() and b.width() < b.sizeHint().width()]
    assert cut == []
    assert view.phase_name.width() >= view.phase_name.sizeHint().width()
    assert view.grab().save(str(tmp_path / "journey-es.png"))
