"""The one status banner says every true state at once: a page that could not load never
takes the place of what saving says, and each line goes when its state no longer holds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind, JourneyEvent
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.errors import StorageError
from kapdesk.storage.event_writes import write_event
from kapdesk.ui.banner import NOTICE, PAGE, REFUSAL, SAVING, StatusBanner
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle
from tests.ui.test_journey_flow import _open_session

UNREADABLE = "Past sessions cannot be read: the record is busy"


def _not_saved(qtbot: QtBot, window: MainWindow, clock: FakeClock, paths: AppPaths) -> str:
    """A second kapdesk on the same file (forced past its lock) writes the session's next
    entry; the note typed next cannot be saved. What the banner says about it."""
    current = window.current
    assert current is not None
    other = open_storage(paths, None)
    theirs = JourneyEvent(EventKind.NOTE, clock.now(), 0.0, 0, {"text": "theirs", "tags": []})
    write_event(other.engine, current.session_id, len(current.journey.events), theirs)
    other.engine.dispose()
    panel = window.journey_view.observations
    assert panel is not None
    window.journey_view.setFocus()
    qtbot.keyClicks(window.journey_view, "S")
    qtbot.keyClicks(panel.note, "leeping, breathing even")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.status_banner.said(SAVING) is not None)
    said = window.status_banner.said(SAVING)
    assert said is not None
    return said


def test_saving_and_a_page_that_could_not_load_are_said_together(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _open_session(qtbot, window)
    saving = _not_saved(qtbot, window, clock, paths)
    banner = window.status_banner
    assert banner.isVisible()
    assert banner.text() == saving

    def unreadable(*_args: object, **_kwargs: object) -> list[object]:
        raise StorageError(UNREADABLE)

    monkeypatch.setattr(window.store, "summaries", unreadable)
    qtbot.mouseClick(window.journey_view.history_button, Qt.MouseButton.LeftButton)
    settle(window)
    # The page opens and says in place that it could not load; the banner says both at once.
    assert window.pages.currentWidget() is window.history_view
    lines = banner.text().split("\n")
    assert lines[0] == saving  # saving first
    assert len(lines) == 2
    assert UNREADABLE in lines[1]
    assert banner.said(PAGE) == lines[1]
    assert banner.isVisible()

    monkeypatch.undo()  # past sessions can be read again
    qtbot.mouseClick(window.history_view.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.journey_view.history_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert window.pages.currentWidget() is window.history_view
    assert banner.said(PAGE) is None
    assert banner.text() == saving  # still not saved: still said
    assert banner.isVisible()


def test_the_banner_orders_its_lines_and_hides_when_none_has_anything(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    banner = StatusBanner("Switch user", page)
    page.show()
    assert not banner.isVisible()
    banner.say(NOTICE, "Tell an admin.")
    banner.offer_switch("Editing staff takes an admin.", None)
    banner.say(PAGE, "The course cannot be shown.")
    banner.say(SAVING, "Offline: kept on this PC.")
    assert banner.text().split("\n") == [
        "Offline: kept on this PC.",
        "The course cannot be shown.",
        "Editing staff takes an admin.",
        "Tell an admin.",
    ]
    assert banner.switch.isVisible()
    with qtbot.waitSignal(banner.switch_pressed):
        qtbot.mouseClick(banner.switch, Qt.MouseButton.LeftButton)

    banner.set_calm(True)  # over the calm screen: nothing to press
    assert not banner.switch.isVisible()
    banner.set_calm(False)
    assert banner.switch.isVisible()

    banner.say(SAVING, None)
    banner.say(REFUSAL, None)
    assert not banner.switch.isVisible()
    assert banner.text().split("\n") == ["The course cannot be shown.", "Tell an admin."]
    banner.say(PAGE, "")
    banner.say(NOTICE, None)
    assert banner.text() == ""
    assert not banner.isVisible()
