"""The sign-in pad offers kapdesk's languages, each by its own name: a tap switches every page,
nothing typed is lost, and the choice holds through the lock until another is tapped."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.staff import Role
from kapdesk.ui.language import Language, spoken
from kapdesk.ui.main_window import MainWindow
from tests.ui.conftest import sign_in_account

LEFT = Qt.MouseButton.LeftButton
LOCK = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_language_tapped_on_the_pad_is_spoken_everywhere_and_keeps_the_pin(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, language: Language
) -> None:
    window.language = language  # the test's translators: English again after it
    sign_in_account(window, "Ana Ruiz", "5820", frozenset({Role.NURSE}))
    window.open_session("P-0101", "im-ketamine", "Ana Ruiz")
    qtbot.keyClick(window, Qt.Key.Key_L, LOCK)
    calm = window.calm
    qtbot.mouseClick(calm, LEFT)
    row = calm.languages
    assert row.isVisible()
    assert [b.text() for b in row.buttons.values()] == ["English", "Español", "Français"]
    assert row.buttons["en"].isChecked()
    qtbot.keyClicks(calm.pin, "58")

    qtbot.mouseClick(row.buttons["es"], LEFT)
    assert spoken() == "es"
    assert row.buttons["es"].isChecked()
    assert calm.hint.text() == "Toque su nombre y escriba su PIN"
    assert calm.pin.text() == "58"  # what was typed stays, and typing goes on there
    assert calm.pin.hasFocus() or not window.isActiveWindow()
    qtbot.keyClicks(calm.pin, "20")
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.journey_view
    assert "Dosis" in window.journey_view.dose_button.text()

    qtbot.keyClick(window, Qt.Key.Key_L, LOCK)
    qtbot.mouseClick(calm, LEFT)
    assert calm.languages.buttons["es"].isChecked()  # the choice held through the lock
    qtbot.mouseClick(row.buttons["fr"], LEFT)
    assert calm.hint.text() == "Touchez votre nom et saisissez votre code"
    qtbot.mouseClick(row.buttons["en"], LEFT)
    assert spoken() == "en"
    assert calm.hint.text() == "Tap your name and type your PIN"
    assert "Dose" in window.journey_view.dose_button.text()


def test_the_early_page_offers_no_language_until_the_window_holds_it(
    qtbot: QtBot, clock: FakeClock
) -> None:
    from kapdesk.ui.calm_screen import CalmScreen  # noqa: PLC0415

    calm = CalmScreen(clock)  # as the start window shows it before the records are open
    qtbot.addWidget(calm)
    assert calm.languages.isHidden()


def test_a_language_whose_words_cannot_be_loaded_says_so_and_keeps_the_one_spoken(
    qtbot: QtBot,
    window: MainWindow,
    language: Language,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.language = language
    sign_in_account(window, "Ana Ruiz", "5820", frozenset({Role.NURSE}))
    qtbot.keyClick(window, Qt.Key.Key_L, LOCK)
    calm = window.calm
    qtbot.mouseClick(calm, LEFT)
    monkeypatch.setattr("kapdesk.ui.language.CATALOGUES", tmp_path)  # no catalogue there
    qtbot.mouseClick(calm.languages.buttons["fr"], LEFT)
    assert spoken() == "en"
    assert calm.languages.buttons["en"].isChecked()
    assert calm.message.text() == (
        "The words in Français could not be loaded; kapdesk keeps the language it speaks."
    )
