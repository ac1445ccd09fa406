"""Flags where staff look: a reading beyond the protocol's thresholds stands on the journey
screen, in colour and whole words, until someone presses "Seen" or a newer reading of the same
measure is in range; and no clinical cue in the screen's header is ever cut short."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.models import SessionEvent
from kapdesk.ui import theme
from kapdesk.ui.journey_view import JourneyView
from kapdesk.ui.main_window import MainWindow
from tests.support.saving import settle
from tests.ui.conftest import sign_in_account
from tests.ui.test_clock_notice import _restart
from tests.ui.test_header_cues import SIZES, _dosed, _shows_whole

HIGH = {"systolic": "182", "diastolic": "112", "heart_rate": "88", "spo2": "91"}
HIGH_WORDS = "BP 182/112 above 180/110 · SpO2 91 % below 92 %"


def _saved(storage: Storage, kind: str) -> list[dict[str, object]]:
    with Session(storage.engine) as session:
        rows = session.scalars(
            select(SessionEvent).where(SessionEvent.kind == kind).order_by(SessionEvent.seq)
        )
        return [dict(row.data) for row in rows]


def _enter_vitals(
    qtbot: QtBot, window: MainWindow, typed: Mapping[str, str], *, unusual: bool = False
) -> None:
    """Ctrl+B, the values typed into the form, Enter (twice for an unusual value, to confirm
    it): as a nurse does it."""
    panel = window.journey_view.observations
    assert panel is not None
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.vitals_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    for name, value in typed.items():
        qtbot.keyClicks(dialog.fields[name], value)
    field = dialog.fields[next(iter(typed))]
    qtbot.keyClick(field, Qt.Key.Key_Return)
    if unusual:
        assert dialog.isVisible()
        assert "is unusual" in dialog.problems.text()
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _at(window: MainWindow, kind: str = "vitals") -> str:
    """The local time of the session's last event of ``kind``, as the screen shows it."""
    current = window.journey_view.current
    assert current is not None
    event = [e for e in current.journey.events if e.kind.value == kind][-1]
    return event.wall.astimezone().strftime("%H:%M")


def _words(view: JourneyView) -> str:
    """The flag card's words as read (a flag's own spaces do not break a line)."""
    return view.flag_text.text().replace("\N{NO-BREAK SPACE}", " ")


def _colour(widget: QWidget) -> QColor:
    widget.ensurePolished()
    return widget.palette().color(QPalette.ColorRole.WindowText)


def test_a_flagged_reading_stands_in_words_until_seen(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, storage: Storage
) -> None:
    window = _dosed(qtbot, window, clock)
    view = window.journey_view
    assert not view.flag_card.isVisible()
    _enter_vitals(qtbot, window, {**HIGH, "respiratory_rate": "8"})

    taken = _at(window)
    assert view.flag_card.isVisible()
    assert _words(view) == f"{taken}  {HIGH_WORDS} · RR 8 below 10"
    assert _shows_whole(view.flag_text)
    assert _colour(view.flag_title) == QColor(theme.PROBLEM)  # said in the problem colour
    assert view.flag_title.text() == "Flagged"
    assert view.seen_button.text() == "Seen   Ctrl+Shift+F"
    panel = view.observations
    assert panel is not None
    assert panel.status.text().endswith("(flagged)")

    clock.advance(5 * 60)
    view.tick()
    _enter_vitals(qtbot, window, {"heart_rate": "72"})  # a pulse alone clears no other flag
    assert _words(view) == f"{taken}  {HIGH_WORDS} · RR 8 below 10"

    qtbot.mouseClick(view.seen_button, Qt.MouseButton.LeftButton)
    assert not view.flag_card.isVisible()
    settle(qtbot, window)  # the recorder's thread has written it
    (seen,) = _saved(storage, "flag_seen")
    assert seen["words"] == [
        "BP 182/112 above 180/110",
        "SpO2 91 % below 92 %",
        "RR 8 below 10",
    ]
    assert seen["by"] == "Sam Ortiz"  # signed by the member signed in
    # The timeline says who saw what.
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    timeline = window.timeline_view
    assert window.pages.currentWidget() is timeline
    texts = [e.text for e in timeline.entries]
    assert any(t.startswith("Flag seen by Sam Ortiz: BP 182/112 above 180/110") for t in texts)


def test_seen_by_its_shortcut_and_cleared_by_a_newer_reading_in_range(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, storage: Storage
) -> None:
    window = _dosed(qtbot, window, clock)
    view = window.journey_view
    _enter_vitals(qtbot, window, HIGH)
    assert _words(view) == f"{_at(window)}  {HIGH_WORDS}"
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not view.flag_card.isVisible()
    settle(qtbot, window)  # the recorder's thread has written it
    assert len(_saved(storage, "flag_seen")) == 1

    clock.advance(5 * 60)
    view.tick()
    _enter_vitals(qtbot, window, {"systolic": "186", "diastolic": "96", "heart_rate": "130"})
    first = _at(window)
    assert _words(view) == f"{first}  BP 186/96 above 180/110 · HR 130 above 120"
    clock.advance(5 * 60)
    view.tick()
    _enter_vitals(qtbot, window, {"heart_rate": "84"})  # in range: the pulse's flag goes
    assert _words(view) == f"{first}  BP 186/96 above 180/110"
    _enter_vitals(qtbot, window, {"systolic": "150", "diastolic": "88"})
    assert not view.flag_card.isVisible()
    settle(qtbot, window)  # the recorder's thread has written it
    assert len(_saved(storage, "flag_seen")) == 1  # nobody had to press anything
    # With nothing shown, the shortcut records nothing.
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    settle(qtbot, window)  # the recorder's thread has written it
    assert len(_saved(storage, "flag_seen")) == 1


def test_a_flag_seen_stays_seen_after_a_restart_and_one_not_seen_stays(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, storage: Storage, paths: AppPaths
) -> None:
    window = _dosed(qtbot, window, clock)
    view = window.journey_view
    _enter_vitals(qtbot, window, {"systolic": "186", "diastolic": "96"})
    qtbot.mouseClick(view.seen_button, Qt.MouseButton.LeftButton)
    _enter_vitals(qtbot, window, {"spo2": "90"})
    taken = _at(window)
    assert _words(view) == f"{taken}  SpO2 90 % below 92 %"
    clock.advance(1)
    window.close()

    again = _restart(qtbot, storage, paths, FakeClock(start=clock.now(), monotonic_start=7.0))
    shown = again.journey_view
    assert again.pages.currentWidget() is shown
    assert shown.flag_card.isVisible()
    assert _words(shown) == f"{taken}  SpO2 90 % below 92 %"  # the BP stays seen


def test_a_corrected_reading_is_judged_as_corrected(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window = _dosed(qtbot, window, clock)
    view = window.journey_view
    _enter_vitals(qtbot, window, {"systolic": "128", "diastolic": "82", "spo2": "61"}, unusual=True)
    assert _words(view).endswith("SpO2 61 % below 92 %")
    assert _words(view).endswith("SpO2 61 % below 92 %")
    clock.advance(60)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    timeline = window.timeline_view
    row = next(i for i, e in enumerate(timeline.entries) if e.kind is EventKind.VITALS)
    timeline.select_row(row)
    qtbot.mouseClick(timeline.amend_button, Qt.MouseButton.LeftButton)
    dialog = timeline.amend_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.vitals["spo2"].selectAll()
    qtbot.keyClicks(dialog.vitals["spo2"], "96")
    qtbot.keyClicks(dialog.reason, "typed 61 for 96")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is view
    assert not view.flag_card.isVisible()


def test_a_locked_screen_says_a_flag_waits_without_its_values(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    sign_in_account(window, "Sam Ortiz", "5820", frozenset({Role.NURSE}))  # one who can lock
    window.show_setup()
    window = _dosed(qtbot, window, clock)
    _enter_vitals(qtbot, window, HIGH)
    clock.advance(window.lock_seconds + 1)  # the nurse steps away: the idle lock comes down
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.calm)
    window.calm.step()
    assert "A flagged reading waits to be seen" in window.calm.cue.text()
    shown = " ".join(window.calm.visible_text())
    assert "182" not in shown  # a passer-by reads no values


def test_no_two_shortcuts_on_the_journey_screen_are_the_same(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window = _dosed(qtbot, window, clock)
    _enter_vitals(qtbot, window, HIGH)  # the flag card and its shortcut are on screen
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.waitUntil(lambda: window.width() == width)  # noqa: B023  # waited for at once
        live: dict[str, list[str]] = {}
        for shortcut in window.findChildren(QShortcut):
            parent = shortcut.parent()
            if isinstance(parent, QWidget) and parent.isVisible() and shortcut.isEnabled():
                text = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
                live.setdefault(text, []).append(type(parent).__name__)
        clashes = {key: owners for key, owners in live.items() if len(owners) > 1}
        assert not clashes, (width, clashes)
        assert "Ctrl+Shift+F" in live


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_flags_and_save_problems_are_shown_whole(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, width: int, height: int
) -> None:
    window = _dosed(qtbot, window, clock)
    view = window.journey_view
    panel = view.observations
    assert panel is not None
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    _enter_vitals(qtbot, window, {**HIGH, "respiratory_rate": "8"})
    clock.advance(60)
    view.tick()
    _enter_vitals(
        qtbot, window, {"heart_rate": "131", "respiratory_rate": "26", "temperature": "38.6"}
    )
    assert _words(view).count("\n") == 1  # a line for each reading
    qtbot.waitUntil(lambda: _shows_whole(view.flag_text))
    assert _shows_whole(view.seen_button)
    # What became of the entry is never cut short either.
    qtbot.waitUntil(lambda: _shows_whole(panel.status))
