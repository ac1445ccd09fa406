"""The admin's page (accounts, audit trail, this room PC) and the clinic board speak the
language chosen, at the smallest screen, with nothing cut; English stays as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QScrollArea,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose
from kapdesk.core.protocols import Protocol
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.ui import theme
from kapdesk.ui.board_window import BoardWindow
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle
from tests.ui.test_staff import _accounts, _cell, _press_row, _sign_in

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def _head(table: QTableWidget, column: int) -> str:
    item = table.horizontalHeaderItem(column)
    assert item is not None
    return item.text()


def _cut(page: QWidget) -> list[str]:
    """The buttons, boxes and one-line labels shown narrower than their words need."""
    cut = []
    for button in page.findChildren(QAbstractButton):
        if button.isVisibleTo(page) and button.width() < button.sizeHint().width():
            cut.append(button.text())
    for box in page.findChildren(QAbstractSpinBox):
        if box.isVisibleTo(page) and box.width() < box.sizeHint().width():
            cut.append(box.text())
    for line in page.findChildren(QLabel):
        shown = line.isVisibleTo(page) and line.text() and not line.wordWrap()
        if shown and line.width() < line.sizeHint().width():
            cut.append(line.text())
    return cut


def test_the_staff_page_speaks_spanish_after_keys_and_clicks_and_nothing_is_cut(
    qtbot: QtBot, window: MainWindow, language: Language, tmp_path: Path
) -> None:
    _accounts(window)
    _sign_in(qtbot, window, "Ana Moreno", "5820")
    window.resize(1024, 600)
    language.speak("es")
    window.show_setup()
    qtbot.keyClick(window.setup_view, Qt.Key.Key_K, CTRL)  # the staff page, by its key
    page = window.staff_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    settle(window)  # the accounts have come
    assert page.tabs.tabText(0) == "Cuentas"
    assert _head(page.accounts, 1) == "Funciones"
    assert page.add_button.text() == "Añadir cuenta   Ctrl+N"
    assert _cell(page.accounts, 2, 2) == "activa"

    _press_row(qtbot, page.accounts, 2)  # Robin Hale, made inactive by the key
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    settle(window)
    qtbot.waitUntil(lambda: _cell(page.accounts, 2, 2) == "inactiva")
    assert _cut(page) == []
    page.grab().save(str(tmp_path / "staff-accounts-es.png"))

    tabs = page.tabs.tabBar()
    qtbot.mouseClick(tabs, LEFT, pos=tabs.tabRect(1).center())  # the audit trail
    settle(window)
    assert _head(page.trail_table, 0) == "Cuándo"
    qtbot.mouseClick(tabs, LEFT, pos=tabs.tabRect(2).center())  # this room PC
    assert page.tabs.currentIndex() == 2
    assert page.room_save.text() == "Guardar   Ctrl+S"
    assert page.room_lock.suffix() == " min (0: nunca)"
    assert page.backups.now_button.text() == "Hacer copia ahora"
    qtbot.mouseClick(page.room_kiosk, LEFT, pos=QPoint(8, page.room_kiosk.height() // 2))
    assert page.room_kiosk.isChecked()
    assert _cut(page) == []
    page.grab().save(str(tmp_path / "staff-room-es.png"))
    now = page.backups.now_button
    body = next(area for area in page.findChildren(QScrollArea) if area.isAncestorOf(now))
    body.ensureWidgetVisible(now)  # the backups, further down
    assert _cut(page) == []
    page.grab().save(str(tmp_path / "staff-backups-es.png"))

    language.speak("fr")  # switched on the page: what is ticked stays
    assert page.tabs.tabText(2) == "Ce PC de salle"
    assert _cell(page.accounts, 2, 2) == "inactive"
    assert page.room_kiosk.isChecked()
    language.speak("en")
    assert [page.tabs.tabText(i) for i in range(3)] == ["Accounts", "Audit trail", "This room PC"]
    assert _cell(page.accounts, 2, 2) == "inactive"
    assert page.backups.keep_daily.suffix() == " daily"


def test_the_clinic_board_speaks_spanish_at_the_smallest_screen(
    qtbot: QtBot,
    qapp: QApplication,
    *,
    storage: Storage,
    clock: FakeClock,
    protocol: Protocol,
    language: Language,
    tmp_path: Path,
) -> None:
    theme.apply(qapp)
    language.speak("es")
    board = BoardWindow(storage, clock, show_patients=False)
    qtbot.addWidget(board)
    board.resize(1024, 600)
    board.show()
    one = JourneyStore(storage, clock, "Room 1").open_session("P-1", protocol, "Sam")
    one.journey.record_dose(Dose(amount=0.75, unit="mg/kg", route="IM", weight_kg=70))
    JourneyStore(storage, clock, "Room 2").open_session("P-2", protocol, "Sam")
    clock.advance(8 * 60)
    with qtbot.waitSignal(board.shown_update, timeout=10_000):
        board.start()
    qtbot.waitUntil(lambda: len(board.views) == 2)
    qtbot.waitUntil(lambda: board.views[1].phase.text() == "Sin dosis todavía", timeout=10_000)
    card = board.views[0]
    assert card.patient.text() == "Paciente oculto"
    assert card.vitals.text() == "Últimos signos vitales: Sin signos vitales todavía"
    assert board.status.text().startswith("En vivo")
    qtbot.waitUntil(lambda: all(view.isVisible() for view in board.views))  # laid out
    assert _cut(board) == []
    board.grab().save(str(tmp_path / "board-es.png"))
    language.speak("en")
    assert card.patient.text() == "Patient hidden"
    assert board.status.text().startswith("Live")
    board.close()
