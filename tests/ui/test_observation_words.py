"""The journey screen's observation column in the language kapdesk speaks: the vital-signs card,
the note box, the quick tags and the ratings say their words in it, what staff record is kept
in English as before, and the column follows a switch back to English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind, Journey
from kapdesk.core.protocols import Protocol
from kapdesk.storage.db import Storage
from kapdesk.storage.models import SessionEvent
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.vitals_chart import VitalsChart
from tests.support.saving import settle
from tests.ui.test_journey_flow import _give_dose, _open_session


@pytest.fixture
def language(qapp: QApplication, window: MainWindow) -> Iterator[Language]:
    own = window.language
    spoken = Language(qapp)
    window.language = spoken  # the window speaks what this Language speaks
    yield spoken
    spoken.speak("en")  # the next test speaks English again
    window.language = own


def _notes(storage: Storage) -> list[dict[str, object]]:
    with Session(storage.engine) as session:
        rows = session.scalars(select(SessionEvent).where(SessionEvent.kind == "note"))
        return [dict(row.data) for row in rows]


def test_the_observation_column_speaks_spanish_and_keeps_the_record_in_english(
    qtbot: QtBot, window: MainWindow, storage: Storage, language: Language, tmp_path: Path
) -> None:
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    assert language.speak("es")
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.width() == 1024)
    assert panel.vitals_button.text() == "Registrar signos vitales   Ctrl+B"
    assert panel.note.placeholderText().startswith("Nota: escriba")
    assert panel.done_label.text().endswith(" hechos")
    assert panel.last_reading.text() == "Aún no hay mediciones"
    crying = panel.tag_buttons["Crying"]
    assert crying.text() == "Llorando"
    tip = panel.rating_buttons["responsiveness"][5].toolTip()
    assert tip == "Respuesta a la voz: Responde enseguida a su nombre"

    QApplication.processEvents()  # each word whole at 1024x600, before a press changes a look
    cut = [
        b.text()
        for b in (panel.vitals_button, *panel.tag_buttons.values())
        if b.isVisible() and b.width() < b.sizeHint().width()
    ]
    assert cut == []
    panel.more.ensureWidgetVisible(crying)
    qtbot.mouseClick(crying, Qt.MouseButton.LeftButton)  # a tag, by a tap
    qtbot.keyClicks(panel.note, "Ojos cerrados")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)  # a note, by the keyboard
    settle(qtbot, window)
    assert [n["tags"] for n in _notes(storage)] == [["Crying"], []]  # kept in English
    # "Saved" comes when the recorder's thread says the row is committed: in its own time.
    qtbot.waitUntil(lambda: panel.status.text().startswith("Guardado "), timeout=10_000)
    assert panel.status.text().endswith(": Ojos cerrados")
    assert [line.text().split("  ", 1)[1] for line in panel.recent] == [
        "Ojos cerrados",
        "[Llorando]",
    ]
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)  # nothing to save: said in Spanish
    settle(qtbot, window)
    assert panel.status.text() == "Primero escriba una nota o elija una etiqueta."
    assert panel.grab().save(str(tmp_path / "observations-es.png"))

    assert language.speak("en")
    assert panel.vitals_button.text() == "Record vital signs   Ctrl+B"
    assert panel.note.placeholderText().startswith("Note: start typing")
    assert panel.last_reading.text() == "No reading yet"
    assert panel.recent[1].text().endswith("  [Crying]")
    assert crying.text() == "Crying"


def test_the_vitals_chart_names_its_baseline_in_the_language_spoken(
    qtbot: QtBot, language: Language, clock: FakeClock, protocol: Protocol
) -> None:
    chart = VitalsChart()
    qtbot.addWidget(chart)
    journey = Journey.open(protocol, clock)
    journey.record_observation(
        EventKind.VITALS, {"values": {"systolic": 150, "diastolic": 90}, "flags": [], "by": "RN"}
    )
    chart.show_session(journey)
    assert chart.phase_axis.categoriesLabels() == ["Baseline", "Not dosed yet"]
    assert language.speak("es")  # drawn again at once
    assert chart.phase_axis.categoriesLabels() == ["Basal", "Aún sin dosis"]
    assert chart.time_axis.titleText() == "Minutos tras la dosis"
    assert chart.systolic.name() == "Sistólica"
    assert language.speak("en")
    assert chart.phase_axis.categoriesLabels() == ["Baseline", "Not dosed yet"]
