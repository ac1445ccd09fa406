"""PHQ-9 and GAD-7 asked in the published form of a language: the form's own words, never
kapdesk's; the answers kept when the form's language changes; English, said so, where no
published form is here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.questionnaire_forms import PHQ9_ES, PHQ9_FR
from kapdesk.core.questionnaires import GAD7, PHQ9
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.questionnaire_dialog import QuestionnaireDialog
from tests.support.ops import settle

LEFT = Qt.MouseButton.LeftButton


def _tap(qtbot: QtBot, dialog: QuestionnaireDialog, item: int, value: int) -> None:
    button = dialog.groups[item].button(value)
    assert button is not None
    qtbot.mouseClick(button, LEFT)


def _items(dialog: QuestionnaireDialog) -> list[str]:
    return [words.text() for words in dialog.item_words]


def test_the_phq9_is_asked_in_the_published_spanish_form_and_answers_stay_in_english(
    qtbot: QtBot, language: Language
) -> None:
    language.speak("es")
    dialog = QuestionnaireDialog(PHQ9, "preparation")
    qtbot.addWidget(dialog)
    assert dialog.form.currentText() == "Español"
    assert dialog.stem.text() == PHQ9_ES.stem
    assert _items(dialog)[0] == "1.  Poco interés o placer en hacer cosas"
    assert _items(dialog)[8] == (
        "9.  Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera"
    )
    assert [h.text() for h in dialog.headings] == [
        "0\nNingún día",
        "1\nVarios días",
        "2\nMás de la mitad de los días",
        "3\nCasi todos los días",
    ]
    assert dialog.form_note.isHidden()
    assert dialog.footer.text() == PHQ9_ES.footer  # the published form's own terms, as printed
    for item in range(3):
        _tap(qtbot, dialog, item, 2)

    dialog.form.setFocus()
    qtbot.keyClick(dialog.form, Qt.Key.Key_Home)  # English, the first of the forms
    assert dialog.form.currentText() == "English"
    assert _items(dialog)[0] == "1.  Little interest or pleasure in doing things"
    assert dialog.headings[0].text() == "0\nNot at all"
    assert dialog.footer.isHidden()
    assert dialog.answers()[:4] == [2, 2, 2, None]  # nothing answered is lost
    qtbot.keyClick(dialog.form, Qt.Key.Key_End)
    assert dialog.form.currentText() == "Français"
    assert dialog.stem.text() == PHQ9_FR.stem
    assert _items(dialog)[1] == "2.  Être triste, déprimé(e) ou désespéré(e)"
    assert dialog.headings[2].text() == "2\nPlus de la moitié du temps"
    assert dialog.answers()[:4] == [2, 2, 2, None]


def test_the_phq9_starts_in_french_when_kapdesk_speaks_french(
    qtbot: QtBot, language: Language
) -> None:
    language.speak("fr")
    dialog = QuestionnaireDialog(PHQ9, "follow-up")
    qtbot.addWidget(dialog)
    assert dialog.form.currentText() == "Français"
    assert _items(dialog) == [f"{n}.  {item}" for n, item in enumerate(PHQ9_FR.items, 1)]


def test_a_form_not_published_here_in_the_language_is_asked_in_english_and_said_so(
    qtbot: QtBot, language: Language
) -> None:
    language.speak("es")
    dialog = QuestionnaireDialog(GAD7, "preparation")
    qtbot.addWidget(dialog)
    assert [dialog.form.itemText(i) for i in range(dialog.form.count())] == ["English"]
    assert _items(dialog)[0] == "1.  Feeling nervous, anxious or on edge"
    assert dialog.form_note.isVisibleTo(dialog)
    assert dialog.form_note.text() == (
        "El GAD-7 no tiene aquí un formulario publicado en español: se pregunta en inglés."
    )
    language.speak("en")  # English has its published form: nothing to say
    assert dialog.form_note.isHidden()


def test_the_form_asked_is_kept_with_the_answers_and_named_in_the_course(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    window.open_session("P-0078", "im-ketamine", "Dr Lin")
    language.speak("es")
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    view = window.course_view
    settle(window)  # the course has come
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.form.currentText() == "Español"
    for item in range(9):
        _tap(qtbot, dialog, item, 1 if item == 8 else 0)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(window)
    courses = window.records.courses
    assert courses is not None
    (kept,) = courses.results("P-0078")
    assert kept.form_language == "es"
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    cell = view.table.item(0, 2)
    assert cell is not None
    assert cell.text() == "PHQ-9 (Español)"
    assert "En el ítem 9 del PHQ-9" in view.status.text()  # the warning, in the staff's words
