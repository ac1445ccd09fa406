"""Counted words on screen: each language says one and many by its own rule, as Qt's
catalogues give it (French says "0 ..." in the singular, Spanish and English in the plural),
and a page says them again when the language changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.questionnaires import GAD7
from kapdesk.reports.handout_words import Words
from kapdesk.ui.backup_section import SESSIONS
from kapdesk.ui.language import Language
from kapdesk.ui.questionnaire_dialog import QuestionnaireDialog
from kapdesk.ui.words import translated


def _tap(qtbot: QtBot, dialog: QuestionnaireDialog, item: int, value: int) -> None:
    button = dialog.groups[item].button(value)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_questions_left_are_counted_in_each_languages_forms(
    qtbot: QtBot, language: Language
) -> None:
    dialog = QuestionnaireDialog(GAD7, "preparation")
    qtbot.addWidget(dialog)
    for item in range(5):
        _tap(qtbot, dialog, item, 1)
    assert dialog.total.text() == "5 so far; 2 questions to answer"
    language.speak("es")
    assert dialog.total.text() == "5 por ahora; faltan 2 preguntas"
    _tap(qtbot, dialog, 5, 2)
    assert dialog.total.text() == "7 por ahora; falta 1 pregunta"
    language.speak("fr")
    assert dialog.total.text() == "7 pour l'instant ; 1 question restante"
    _tap(qtbot, dialog, 5, 1)  # a different answer to the same question: still one left
    assert dialog.total.text() == "6 pour l'instant ; 1 question restante"
    language.speak("en")
    assert dialog.total.text() == "6 so far; 1 question to answer"


def test_french_says_none_in_the_singular_and_spanish_in_the_plural(language: Language) -> None:
    said = [SESSIONS.format(when="d", size="s", count=count) for count in (0, 1, 2)]
    assert [translated(s) for s in said] == [
        "d · s · 0 sessions",
        "d · s · 1 session",
        "d · s · 2 sessions",
    ]
    language.speak("fr")
    assert [translated(s) for s in said] == [
        "d · s · 0 séance",
        "d · s · 1 séance",
        "d · s · 2 séances",
    ]
    language.speak("es")
    assert [translated(s) for s in said] == [
        "d · s · 0 sesiones",
        "d · s · 1 sesión",
        "d · s · 2 sesiones",
    ]


def test_a_translator_of_its_own_counts_in_its_language_too() -> None:
    """The handout's words come through a translator never installed (the patient's
    language, whatever the staff's): counted words take that language's forms."""
    said = [SESSIONS.format(when="d", size="s", count=count) for count in (0, 1, 2)]
    french = Words("fr")
    assert [french(s) for s in said] == [
        "d · s · 0 séance",
        "d · s · 1 séance",
        "d · s · 2 séances",
    ]
    assert [Words("en")(s) for s in said] == [str(s) for s in said]
    assert translated(said[2]) == "d · s · 2 sessions"  # the window's words did not change


def test_the_music_outlook_counts_tracks_of_unknown_length_in_french(language: Language) -> None:
    from kapdesk.core.soundtrack import _OUTLOOK  # noqa: PLC0415

    counted = _OUTLOOK[True, False, True]
    language.speak("fr")
    assert [translated(counted.format(minutes="10 min", phase="", count=n)) for n in (1, 2)] == [
        "La musique s'arrête 10 min avant la fin de cette phase (1 morceau de durée inconnue)",
        "La musique s'arrête 10 min avant la fin de cette phase (2 morceaux de durée inconnue)",
    ]


def test_the_tracks_held_down_beyond_two_are_counted_in_french(language: Language) -> None:
    from kapdesk.core.loudness_words import LIMITED_MORE  # noqa: PLC0415

    said = [LIMITED_MORE.format(ceiling="-1", first="A", second="B", count=n) for n in (1, 3)]
    assert [str(s) for s in said] == [
        "Held down to keep peaks under -1 dBTP: “A”, “B” and 1 more.",
        "Held down to keep peaks under -1 dBTP: “A”, “B” and 3 more.",
    ]
    language.speak("fr")
    assert [translated(s) for s in said] == [
        "Abaissés pour garder les crêtes sous -1 dBTP : « A », « B » et 1 autre.",
        "Abaissés pour garder les crêtes sous -1 dBTP : « A », « B » et 3 autres.",
    ]
