"""The timeline page, its correction form and the session summary speak Spanish after real
presses and clicks, whole on the smallest screen, and English again after."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kapdesk.core.journey import EventKind
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.summary_view import SummaryView
from kapdesk.ui.timeline_view import TimelineView
from kapdesk.ui.widgets import ActionButton
from tests.support.ops import settle as settle_ops
from tests.support.saving import settle
from tests.ui.test_journey_flow import _give_dose, _open_session

SMALLEST = (1024, 600)


def _whole(page: QWidget) -> None:
    """Every button shown on ``page`` as wide as its words ask."""
    for button in page.findChildren(ActionButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()


def _vitals(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.journey_view.observations
    assert panel is not None
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.vitals_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.fields["temperature"], "37.2")
    qtbot.keyClick(dialog.fields["temperature"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)


def _heading(summary: SummaryView, column: int) -> str:
    item = summary.phases.horizontalHeaderItem(column)
    assert item is not None
    return item.text()


def _row_of(view: TimelineView, kind: EventKind) -> int:
    return next(i for i, e in enumerate(view.entries) if e.kind is kind)


def test_the_timeline_and_the_summary_speak_spanish(
    qtbot: QtBot, window: MainWindow, language: Language, tmp_path: Path
) -> None:
    window.resize(*SMALLEST)
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    settle(qtbot, window)
    _vitals(qtbot, window)
    language.speak("es")

    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is view)
    qtbot.waitUntil(lambda: bool(view.entries))
    heads = view.model
    assert [heads.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Hora",
        "Tiempo",
        "Fase",
        "Qué",
        "Por",
    ]
    assert view.tabs.tabText(0) == "Cronología"
    vitals = view.model.index(_row_of(view, EventKind.VITALS), 3)
    assert view.model.data(vitals) == "Signos vitales: T 37.2 °C"
    assert view.model.text(vitals.row(), 3) == "Vital signs: T 37.2 °C"  # as the record keeps it
    assert view.title.text().startswith("Cronología · sesión ")
    assert view.history.text() == "Elija una entrada para ver su historial o corregirla."
    assert view.amend_button.text().startswith("Corregir…")
    _whole(view)
    view.grab().save(str(tmp_path / "timeline-es.png"))

    rect = view.table.visualRect(view.model.index(_row_of(view, EventKind.VITALS), 3))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(view.amend_button, Qt.MouseButton.LeftButton)
    dialog = view.amend_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Corregir una entrada"
    assert dialog.save.text().startswith("Guardar corrección")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: said why not, in Spanish
    assert dialog.problems.text() == "Indique por qué se corrige la entrada."
    _whole(dialog)
    dialog.grab().save(str(tmp_path / "correction-es.png"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    language.speak("en")
    assert view.tabs.tabText(0) == "Timeline"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Time"
    language.speak("es")

    qtbot.keyClick(view, Qt.Key.Key_Escape)
    journey = window.journey_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is journey)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    closing = journey.close_dialog
    assert closing is not None
    qtbot.waitUntil(closing.isVisible)
    qtbot.keyClicks(closing.reason, "nausea")
    qtbot.mouseClick(closing.confirm, Qt.MouseButton.LeftButton)
    integration = window.integration_view  # the session hands off to integration
    qtbot.waitUntil(lambda: window.pages.currentWidget() is integration)
    settle_ops(window)
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    summary = window.summary_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is summary)
    settle_ops(window)
    assert summary.title.text().startswith("Sesión ")
    assert summary.title.text().endswith(" · cerrada")
    facts = summary.facts.text()
    assert facts.startswith("Protocolo: ")
    assert "Acompañante: Alex Kim" in facts
    assert summary.new_button.text().startswith("Nueva sesión")
    assert _heading(summary, 1) == "Prevista"
    assert summary.events.model().headerData(2, Qt.Orientation.Horizontal) == "Qué"
    events = summary.events.model()
    assert events.data(events.index(0, 2)) == "Sesión abierta"
    _whole(summary)
    summary.grab().save(str(tmp_path / "summary-es.png"))

    language.speak("en")
    assert summary.facts.text().startswith("Protocol: ")
    assert _heading(summary, 1) == "Planned"
