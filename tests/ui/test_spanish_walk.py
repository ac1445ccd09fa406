"""kapdesk in Spanish, page after page, as staff reach them: no English of kapdesk's own left on
screen. Every visible text (labels, buttons, placeholders, tooltips, table headings) is checked
against the English catalogue: a text that is one of kapdesk's English words with a Spanish
translation, shown as English, is a page that missed the translation system. What comes from the
clinic (protocol, phase and track names, staff names, patient codes) is not in the catalogue and
is not kapdesk's to translate."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QTableView,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from tests.support.saving import settle
from tests.ui.test_journey_flow import _give_dose, _open_session

CATALOGUE = Path(__file__).resolve().parents[2] / "kapdesk" / "i18n" / "kapdesk_es.ts"
CTRL = Qt.KeyboardModifier.ControlModifier


def english_words() -> set[str]:
    """Every English source in the Spanish catalogue whose Spanish differs from it (a word the
    same in both, "Robin" or "PIN", says nothing)."""
    found = set()
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source = message.findtext("source") or ""
        spanish = "".join((message.find("translation") or ET.Element("x")).itertext())
        if "{" not in source and source.strip() and spanish.strip() != source.strip():
            found.add(source.strip())
    return found


ENGLISH = english_words()


def _shown_texts(page: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in [page, *page.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if widget.toolTip():
            texts.append(widget.toolTip())
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(column)
                texts.append(item.text() if item is not None else "")
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    return texts


def _english_left(page: QWidget) -> list[str]:
    """The texts ``page`` shows in kapdesk's English (a button's key name set aside)."""
    left = []
    for text in _shown_texts(page):
        words = text.split("   ")[0].strip()  # "Words   Ctrl+S": the words alone
        if words in ENGLISH:
            left.append(words)
    return sorted(set(left))


@pytest.fixture
def spanish(qapp: QApplication, window: MainWindow) -> Iterator[Language]:
    spoken = Language(qapp)
    own = window.language
    window.language = spoken
    assert spoken.speak("es")
    yield spoken
    spoken.speak("en")
    window.language = own


def test_the_english_catalogue_is_read_whole() -> None:
    assert "Tap your name and type your PIN" in ENGLISH
    assert "Record vital signs" in ENGLISH
    assert len(ENGLISH) > 500


def test_the_main_pages_show_no_english_of_kapdesks_own_in_spanish(
    qtbot: QtBot, window: MainWindow, spanish: Language
) -> None:
    window.resize(1280, 800)
    seen: dict[str, list[str]] = {}

    def look(name: str) -> None:
        page = window.pages.currentWidget()
        assert page is not None
        seen[name] = _english_left(window)

    look("set-up")
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.history_view)
    look("past sessions")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.followups_view)
    look("follow-ups")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.library_view)
    look("library")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.staff_view)
    look("staff")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.setup_view)
    _open_session(qtbot, window)
    look("journey before the dose")
    _give_dose(qtbot, window)
    settle(qtbot, window)
    look("journey")
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.timeline_view)
    look("timeline")
    assert {name: words for name, words in seen.items() if words} == {}
