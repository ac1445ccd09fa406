"""The set-up page speaks the language chosen, after staff have typed and picked on it, keeps
what they typed and picked through a switch, and fits the smallest screen in Spanish."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.widgets import ActionButton
from tests.support.ops import settle

LEFT = Qt.MouseButton.LeftButton


def _cut(page: QWidget) -> list[str]:
    """The words on ``page``'s buttons, headings and boxes shown narrower than they need."""
    cut = [
        button.text()
        for button in page.findChildren(ActionButton)
        if button.isVisible() and button.width() < button.sizeHint().width()
    ]
    cut += [
        heading.text()
        for heading in page.findChildren(QLabel)
        if heading.property("role") in {"title", "section"}
        and heading.width() < heading.minimumSizeHint().width()
    ]
    cut += [
        box.currentText()
        for box in page.findChildren(QComboBox)
        if box.isVisible() and box.width() < box.minimumSizeHint().width()
    ]
    return cut


def test_setup_speaks_spanish_after_typing_and_picking_and_fits_1024x600(
    qtbot: QtBot, window: MainWindow, language: Language, tmp_path: Path
) -> None:
    setup = window.setup_view
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    assert window.pages.currentWidget() is setup
    assert language.speak("es")
    qtbot.mouseClick(setup.open_button, LEFT)  # no code yet
    assert setup.error.text() == "Escriba el código clínico del paciente."
    line = setup.patient.lineEdit()
    assert line is not None
    assert line.placeholderText() == "Escriba o elija el código, p. ej. P-0042"
    with qtbot.waitSignal(setup.courses_loaded):
        qtbot.keyClicks(line, "P-0042")
    settle(window)
    assert setup.course.currentText() == "Fuera de un ciclo"  # no course yet
    setup.course.setFocus()
    qtbot.keyClick(setup.course, Qt.Key.Key_Up)
    assert setup.course.currentText() == "Nuevo ciclo de"
    assert setup.course_size.isVisible()
    assert setup.course_size.text() == "6 sesiones"
    protocol = setup.protocols.item(0)
    assert protocol is not None
    assert " fases · " in protocol.text()
    assert setup.open_button.text() == "Abrir sesión   Ctrl+Return"
    setup.handout.setFocus()
    qtbot.keyClick(setup.handout, Qt.Key.Key_Down)  # the patient reads Spanish
    assert setup.handout.currentText() == "Español"  # each language named in its own
    window.resize(1024, 600)
    settle(window)
    qtbot.waitUntil(lambda: setup.width() == 1024)
    shot = Path(os.environ.get("KAPDESK_SHOT_DIR", str(tmp_path))) / "setup_es.png"
    assert setup.grab().save(str(shot))
    assert _cut(setup) == []
    assert language.speak("fr")  # French's button words are longer still
    settle(window)
    assert setup.course.currentText() == "Nouveau cycle de"
    qtbot.waitUntil(lambda: _cut(setup) == [])  # once the page is laid out again
    assert setup.grab().save(str(shot.with_name("setup_fr.png")))
    assert language.speak("en")  # what was typed and picked stays
    assert setup.error.text() == "Enter the patient's clinic code."
    assert setup.patient.currentText() == "P-0042"
    assert setup.course.currentText() == "New course of"
    assert setup.course_size.text() == "6 sessions"
    assert setup.handout.currentText() == "Español"


def test_the_course_page_speaks_spanish_and_keeps_the_instruments_words(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    window.open_session("P-0077", "im-ketamine", "Dr Lin")
    records = window.records
    current = window.current
    assert current is not None
    course = records.courses.start("P-0077", 6)
    records.courses.join(course.id, current.session_id)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    view = window.course_view
    assert window.pages.currentWidget() is view
    settle(window)  # the course has come
    assert language.speak("es")
    assert view.title.text() == "Ciclo · P-0077 · 1 de 6 sesiones"
    assert view.chart.chart.title() == "Aún no hay PHQ-9 ni GAD-7"
    assert view.phq_button.text() == "PHQ-9   Ctrl+9"  # the instrument's name, as it is
    heading = view.sessions.horizontalHeaderItem(3)
    assert heading is not None
    assert heading.text() == "Estado"
    state = view.sessions.item(0, 3)
    assert state is not None
    assert state.text() == "abierta, sin dosis"
    assert language.speak("en")
    assert view.title.text() == "Course · P-0077 · 1 of 6 sessions"
    state = view.sessions.item(0, 3)
    assert state is not None
    assert state.text() == "opened"
