"""The journey screen never cuts a clinical cue short: whatever vital-signs check the protocol
can say is due or overdue is shown whole in the vital-signs card, at every size a room PC has;
what became of an entry is never cut short either."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind, JourneyEvent
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.core.vitals import CheckState, CheckStatus, planned_checks
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.event_writes import write_event
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.observation_panel import vitals_cue
from kapdesk.ui.widgets import WholeLabel
from tests.support.saving import settle
from tests.ui.test_journey_flow import _give_dose, _open_session

SIZES = [(1024, 600), (1280, 800), (1920, 1080)]


def _shows_whole(widget: QLabel | QPushButton) -> bool:
    """The widget is on screen and every word of its text is inside it, none elided: on one
    line as wide as the label, or wrapped onto lines that all fit in it."""
    if not widget.isVisible():
        return False
    if isinstance(widget, QPushButton):
        return widget.sizeHint().width() <= widget.width()
    if isinstance(widget, WholeLabel):
        return widget.shows_all()
    rect = widget.contentsRect()
    metrics = widget.fontMetrics()
    if not widget.wordWrap():
        return metrics.horizontalAdvance(widget.text()) <= rect.width()
    needed = metrics.boundingRect(
        QRect(0, 0, rect.width(), 100_000), int(Qt.TextFlag.TextWordWrap), widget.text()
    )
    return needed.width() <= rect.width() and needed.height() <= rect.height()


def _dosed(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> MainWindow:
    """A session opened and dosed 2 minutes ago (a helper, not a fixture: a window readied in
    a fixture does not get the keyboard back from the dose form on the offscreen platform)."""
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    clock.advance(2 * 60)
    window.journey_view.tick()
    return window


# -- the header gives way to the cue -------------------------------------------------------------


def _every_cue() -> list[tuple[str, str]]:
    """Every vital-signs cue the observation panel can say, for every bundled protocol: each
    check due, and overdue by as long as a session can run."""
    cues: set[tuple[str, str]] = set()
    library = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None)
    for protocol in library.protocols():
        for check in planned_checks(protocol):
            for status in (
                CheckStatus(check, CheckState.DUE),
                CheckStatus(check, CheckState.OVERDUE, late_by=0.0),
                CheckStatus(check, CheckState.OVERDUE, late_by=(12 * 60 + 59) * 60.0),
            ):
                cues.add(vitals_cue([status]))
    return sorted(cues, key=lambda cue: -len(cue[0]))


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_vitals_cue_is_shown_whole_in_the_vitals_card(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, width: int, height: int
) -> None:
    window = _dosed(qtbot, window, clock)
    view = window.journey_view
    panel = view.observations
    assert panel is not None
    current = view.current
    assert current is not None
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    # A long line about who is there, as a course and a colleague signed in make it.
    current.sitter = "Alexandra Konstantinopoulou-Whitfield"
    view.set_course("Session 6 of 6")
    view._timer.stop()  # the once-a-second redraw would put the session's own cue back
    cues = _every_cue()
    assert len(cues) > 20
    for text, level in cues:
        panel.cue_changed.emit(text, level)

        def shown(said: str = text) -> bool:
            return _shows_whole(view.cue) and view.cue.text() == said

        qtbot.waitUntil(shown)
        # At the top of the vital-signs card, above its button, whatever the size.
        card = panel.vitals_card
        assert card.isAncestorOf(view.cue)
        assert card.rect().contains(QRect(view.cue.mapTo(card, QPoint(0, 0)), view.cue.size()))
        button = panel.vitals_button
        assert view.cue.mapTo(card, QPoint(0, view.cue.height())).y() <= button.y()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_an_overdue_check_in_a_real_session_is_not_cut_short(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, width: int, height: int
) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    _give_dose(qtbot, window, amount="0.5")
    view = window.journey_view
    window.lock_seconds = 0  # the idle lock would cover the page after 47 minutes untouched
    clock.advance(47 * 60)
    view.tick()
    assert view.cue.text().startswith("Vital signs overdue: ")
    assert "min late" in view.cue.text()
    qtbot.waitUntil(lambda: _shows_whole(view.cue))


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_what_became_of_an_entry_is_shown_whole(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, width: int, height: int
) -> None:
    window = _dosed(qtbot, window, clock)
    panel = window.journey_view.observations
    assert panel is not None
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    window.journey_view.setFocus()
    note = "Says the music feels too loud and far away, asks for a blanket; offered water"
    qtbot.keyClicks(window.journey_view, note[0])  # a letter typed anywhere starts a note
    qtbot.keyClicks(panel.note, note[1:])
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    assert panel.status.text().endswith(note)
    qtbot.waitUntil(lambda: _shows_whole(panel.status))


@pytest.mark.parametrize("size", SIZES)
def test_not_saved_is_shown_whole_in_the_panel_and_the_banner(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, paths: AppPaths, size: tuple[int, int]
) -> None:
    window = _dosed(qtbot, window, clock)
    current = window.current
    assert current is not None
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    # A second kapdesk on the same file (forced past its lock) writes the session's next entry.
    other = open_storage(paths, None)
    theirs = JourneyEvent(EventKind.NOTE, clock.now(), 0.0, 0, {"text": "theirs", "tags": []})
    write_event(other.engine, current.session_id, len(current.journey.events), theirs)
    other.engine.dispose()
    panel = window.journey_view.observations
    assert panel is not None
    window.journey_view.setFocus()
    qtbot.keyClicks(window.journey_view, "H")
    qtbot.keyClicks(panel.note, "and on shoulder, breathing slower now")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    settle(qtbot, window)  # the writer thread met theirs, and said so
    assert "Not saved: 1 entry could not be" in panel.status.text()
    qtbot.waitUntil(lambda: _shows_whole(panel.status))
    qtbot.waitUntil(window.status_banner.isVisible)  # the recorder's word, queued to the window
    qtbot.waitUntil(lambda: _shows_whole(window.status_banner.text_label))
