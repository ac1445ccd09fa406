"""Pages read the records off the window's thread: a slow, failing or hung read never holds
the window, says so calmly, and leaves every page usable."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.journey import JourneyState
from kapdesk.storage.errors import StorageError
from kapdesk.storage.repositories import SessionSummary
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def _sessions(count: int) -> list[SessionSummary]:
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    return [
        SessionSummary(
            id=count - n,
            patient_code=f"P-{count - n:05d}",
            protocol_id="im-ketamine",
            protocol_name="IM ketamine",
            sitter="Sam Ortiz",
            state=JourneyState.CLOSED,
            phase_index=None,
            opened_at=start + timedelta(hours=n),
            dosed_at=start + timedelta(hours=n, minutes=5),
            closed_at=start + timedelta(hours=n, minutes=90),
            close_reason="",
        )
        for n in range(count)
    ]


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """A store call blocked on this hangs until the test (or its end) lets it go."""
    event = threading.Event()
    yield event
    event.set()


def test_five_thousand_past_sessions_load_and_can_be_searched(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    many = _sessions(5000)
    monkeypatch.setattr(window.store, "summaries", lambda **_kw: many)
    qtbot.mouseClick(window.setup_view.history_button, LEFT)
    history = window.history_view
    assert window.pages.currentWidget() is history
    settle(window)
    assert history.model.rowCount() == 5000
    assert history.model.index(0, 1).data() == "P-05000"
    qtbot.keyClicks(history.search, "P-00042")
    assert history.model.rowCount() == 1
    assert history.model.index(0, 0).data() == "42"


def test_past_sessions_that_cannot_be_read_say_so_and_the_page_stays_usable(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**_kw: object) -> list[SessionSummary]:
        raise StorageError("Past sessions cannot be read: the database is locked")

    monkeypatch.setattr(window.store, "summaries", broken)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    history = window.history_view
    settle(window)
    said = "Past sessions cannot be read: the database is locked."
    assert window.status_banner.isVisible()
    assert window.status_banner.text() == said
    assert history.status.isVisible()
    assert history.status.text() == said
    qtbot.mouseClick(history.back_button, LEFT)
    assert window.pages.currentWidget() is window.setup_view
    # The records answer again: the next load fills the page and puts the banner away.
    monkeypatch.setattr(window.store, "summaries", lambda **_kw: _sessions(3))
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    settle(window)
    assert history.model.rowCount() == 3
    assert not history.status.isVisible()
    assert not window.status_banner.isVisible()


def test_a_hung_read_leaves_the_window_answering_and_ends_with_a_message(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, gate: threading.Event
) -> None:
    # The first visit's read may take as long as it needs to say "Loading…": a busy machine
    # must not let its time limit come first. The second visit is given up on at 1.5 s.
    window.ops.limit = 60
    monkeypatch.setattr(window.store, "summaries", lambda **_kw: [gate.wait(30), *_sessions(2)][1:])
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    history = window.history_view
    assert window.pages.currentWidget() is history
    qtbot.waitUntil(history.status.isVisible, timeout=10_000)
    assert history.status.text() == "Loading past sessions…"
    # Meanwhile the window answers: staff go back and come again.
    window.ops.limit = 1.5
    qtbot.mouseClick(history.back_button, LEFT)
    assert window.pages.currentWidget() is window.setup_view
    qtbot.mouseClick(window.setup_view.history_button, LEFT)
    assert window.pages.currentWidget() is history
    settle(window)
    said = "Past sessions could not be loaded: the records are not answering."
    assert history.status.text() == said
    assert window.status_banner.text() == said
    dropped = window.ops.dropped
    gate.set()  # the server answers at last: too late, what it says is dropped
    # Both visits' reads come back (the first superseded, the second given up on): dropped.
    qtbot.waitUntil(lambda: window.ops.dropped == dropped + 2, timeout=5000)
    assert history.model.rowCount() == 0
    assert history.status.text() == said


def test_set_up_opens_at_once_while_the_records_hang_and_then_says_why(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, gate: threading.Event
) -> None:
    window.ops.limit = 1.5

    def hung() -> list[str]:
        gate.wait(30)
        return ["P-LATE"]

    monkeypatch.setattr(window.store, "patient_codes", hung)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # back to set-up: it reads the patient codes
    setup = window.setup_view
    assert window.pages.currentWidget() is setup
    line = setup.patient.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "P-0077")  # staff type on while the codes are on their way
    assert line.text() == "P-0077"
    settle(window)
    assert window.status_banner.text() == (
        "Patient codes could not be loaded: the records are not answering."
    )
    assert line.text() == "P-0077"
    assert setup.soundtrack.count() > 1  # the soundtracks came all the same
    dropped = window.ops.dropped
    gate.set()
    qtbot.waitUntil(lambda: window.ops.dropped == dropped + 1, timeout=5000)
    assert setup.patient.findText("P-LATE") == -1  # too late: dropped


def test_a_course_lookup_that_fails_says_so_and_the_session_still_opens(
    qtbot: QtBot, window: MainWindow
) -> None:
    def broken(_code: str) -> list[object]:
        raise StorageError("Courses cannot be read: the database is locked")

    setup = window.setup_view
    setup.courses_of = broken  # type: ignore[assignment]
    line = setup.patient.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "P-0078")
    qtbot.mouseClick(setup.open_button, LEFT)  # typed and opened at once
    settle(window)
    assert window.pages.currentWidget() is window.journey_view
    assert window.current is not None
    assert window.current.patient_code == "P-0078"
    assert window.status_banner.text() == "Courses cannot be read: the database is locked."


def test_a_record_that_cannot_be_read_says_so_in_place_and_the_way_back_works(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(session_id: int) -> object:
        raise LookupError(f"there is no session {session_id}")

    monkeypatch.setattr(window.store, "summaries", lambda **_kw: _sessions(1))
    monkeypatch.setattr(window.store, "load", missing)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    settle(window)
    history = window.history_view
    qtbot.mouseClick(history.open_button, LEFT)
    record = window.summary_view
    assert window.pages.currentWidget() is record
    settle(window)
    said = "The session record could not be loaded: there is no session 1."
    assert record.status.text() == said
    assert record.status.isVisible()
    assert window.status_banner.text() == said
    assert not record.timeline_button.isVisible()  # nothing acts on a record not shown
    qtbot.mouseClick(record.history_button, LEFT)
    assert window.pages.currentWidget() is history
