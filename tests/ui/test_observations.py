"""Recording in the room: a note one key away, one-tap tags and ratings, vital signs checked as
typed, flagged, and the schedule's cue going from due to overdue to done."""

from __future__ import annotations

import contextlib
import json
import sqlite3

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind, JourneyEvent
from kapdesk.demo import record_demo_session
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.event_writes import write_event
from kapdesk.storage.models import SessionEvent
from kapdesk.ui.banner import CLOSING
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.vitals_chart import VitalsChart
from tests.support.ops import settle as settle_ops
from tests.support.saving import settle
from tests.ui.test_journey_flow import _give_dose, _open_session


def _saved(storage: Storage, kind: str) -> list[dict[str, object]]:
    with Session(storage.engine) as session:
        rows = session.scalars(select(SessionEvent).where(SessionEvent.kind == kind))
        return [dict(row.data) for row in rows]


def test_a_letter_typed_anywhere_starts_a_note_and_enter_saves_it(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open_session(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    window.journey_view.setFocus()
    qtbot.keyClicks(window.journey_view, "E")
    assert panel.note.hasFocus()
    qtbot.keyClicks(panel.note, "yes closed, breathing slow")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert _saved(storage, "note") == [
        {"text": "Eyes closed, breathing slow", "tags": [], "by": "Sam Ortiz"}
    ]
    settle(qtbot, window)
    assert panel.status.text().startswith("Saved ")
    assert panel.note.text() == ""
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)  # nothing to save says so, saves nothing
    settle(qtbot, window)
    assert panel.status.text() == "Type a note or pick a tag first."
    assert len(_saved(storage, "note")) == 1


def test_tags_and_ratings_take_one_tap(qtbot: QtBot, window: MainWindow, storage: Storage) -> None:
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    # No tabs: the tags and the ratings are in the observation column, scrolled to if need be.
    for button in (
        panel.tag_buttons["Crying"],
        panel.rating_buttons["distress"][6],
        panel.rating_buttons["responsiveness"][4],
    ):
        panel.more.ensureWidgetVisible(button)
        assert button.isVisible()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert [n["tags"] for n in _saved(storage, "note")] == [["Crying"]]
    ratings = [(r["scale"], r["value"]) for r in _saved(storage, "rating")]
    assert ratings == [("distress", 6), ("responsiveness", 4)]
    assert panel.status.text().endswith("Responsiveness to voice 4")


def test_vitals_are_checked_confirmed_flagged_and_satisfy_the_due_check(
    qtbot: QtBot, window: MainWindow, storage: Storage, clock: FakeClock
) -> None:
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    view = window.journey_view
    panel = view.observations
    assert panel is not None
    assert view.cue.text() == "Vital signs due: Baseline before dosing"
    _give_dose(qtbot, window, amount="0.5")
    assert view.cue.text().startswith("Vital signs overdue: Baseline")  # dosed without one

    clock.advance(10 * 60)
    view.tick()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.vitals_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    for name, typed in (("systolic", "1840"), ("diastolic", "96"), ("heart_rate", "38")):
        qtbot.keyClicks(dialog.fields[name], typed)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problems.text() == (
        "Systolic BP 1840 is not possible: it must be between 40 mmHg and 300 mmHg."
    )
    dialog.fields["systolic"].setText("184")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Heart rate 38 /min is unusual." in dialog.problems.text()
    assert dialog.isVisible()  # not saved until confirmed
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    settle(qtbot, window)
    (saved,) = _saved(storage, "vitals")
    assert saved["values"] == {"systolic": 184.0, "diastolic": 96.0, "heart_rate": 38.0}
    assert saved["flags"] == [
        "Systolic BP 184 mmHg is at or above 180 mmHg",
        "Heart rate 38 /min is below 50 /min",
    ]
    settle(qtbot, window)
    assert panel.status.text().endswith("(flagged)")
    shown = view.flag_text.text().replace("\N{NO-BREAK SPACE}", " ")
    assert shown.endswith("BP 184/96 above 180/110 · HR 38 below 50")  # until it is seen
    states = {s.check.when_text(): s.state.value for s in panel.statuses()}
    assert states["at 10 min"] == "done"
    assert states["before dosing"] == "overdue"

    clock.advance(16 * 60)  # 26 min: the 20-minute check is more than 5 minutes late
    view.tick()
    assert view.cue.text().startswith("Vital signs overdue:")
    assert "6 min late" in view.cue.text() or "late" in panel.checks_label.text()


def test_a_correction_keeps_the_original_visible_in_the_timeline(
    qtbot: QtBot, window: MainWindow, storage: Storage, clock: FakeClock
) -> None:
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    current = window.journey_view.current
    assert current is not None
    current.journey.record_observation(
        EventKind.VITALS,
        {"values": {"heart_rate": 170.0}, "flags": ["Heart rate 170 /min is above 120 /min"]},
    )
    clock.advance(60)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    assert window.pages.currentWidget() is view
    row = next(i for i, e in enumerate(view.entries) if e.kind is EventKind.VITALS)
    view.select_row(row)
    assert view.amend_button.isEnabled()
    qtbot.mouseClick(view.amend_button, Qt.MouseButton.LeftButton)
    dialog = view.amend_dialog
    assert dialog is not None
    dialog.vitals["heart_rate"].setText("70")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.problems.text() == "Say why the entry is being corrected."
    dialog.reason.setText("typed 170 for 70")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    entry = view.entries[row]
    assert entry.text == "Vital signs: HR 70 /min"
    assert entry.flags == ()
    assert "(corrected)" in view.model.text(row, 3)
    assert "Original" in view.history.text()
    assert "HR 170 /min" in view.history.text()
    assert "typed 170 for 70" in view.history.text()
    settle(qtbot, window)
    (saved,) = _saved(storage, "amendment")
    assert saved["reason"] == "typed 170 for 70"
    assert saved["data"] == {"values": {"heart_rate": 70.0}, "flags": []}
    assert len(_saved(storage, "vitals")) == 1  # the original row is still there, unchanged


def test_a_closed_session_can_still_be_corrected(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    current = window.journey_view.current
    assert current is not None
    current.journey.record_observation(EventKind.NOTE, {"text": "vomitted", "tags": []})
    current.journey.close("done")
    settle(qtbot, window)  # the close is in the record before the summary reads it
    window.show_summary(current.session_id)
    settle_ops(window)
    window.show_history()
    settle_ops(window)
    window.choose_session(current.session_id)
    settle_ops(window)
    qtbot.mouseClick(window.summary_view.timeline_button, Qt.MouseButton.LeftButton)
    settle_ops(window)
    view = window.timeline_view
    row = next(i for i, e in enumerate(view.entries) if e.kind is EventKind.NOTE)
    view.select_row(row)
    qtbot.mouseClick(view.amend_button, Qt.MouseButton.LeftButton)
    dialog = view.amend_dialog
    assert dialog is not None
    dialog.text.setText("vomited once, small amount")
    dialog.reason.setText("spelling and detail")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert view.entries[row].text == "Note: vomited once, small amount"
    settle(qtbot, window)
    assert [a["reason"] for a in _saved(storage, "amendment")] == ["spelling and detail"]


def test_the_timeline_and_chart_render_the_demo_session(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    demo = record_demo_session(storage)
    window.show_history()
    settle_ops(window)
    window.choose_session(demo.session_id)
    settle_ops(window)
    qtbot.mouseClick(window.summary_view.timeline_button, Qt.MouseButton.LeftButton)
    settle_ops(window)
    view = window.timeline_view
    assert window.pages.currentWidget() is view
    assert view.model.rowCount() == len(view.entries) > 30
    flagged = [e for e in view.entries if e.flags]
    assert flagged  # the systolic of 184 during the infusion
    assert any(e.amended for e in view.entries)
    chart_tab = view.tabs.widget(1)
    assert chart_tab is not None
    assert chart_tab.findChild(VitalsChart) is None  # built when its tab is first opened
    view.tabs.setCurrentIndex(1)
    chart = chart_tab.findChild(VitalsChart)
    assert chart is view.chart
    assert not chart.empty
    assert chart.flagged_count == len(flagged)
    assert chart.reading_count == len([e for e in view.entries if e.kind is EventKind.VITALS])
    assert chart.band_names == ["Infusion", "Emergence", "Return", "Recovery"]
    image = view.grab().toImage()
    assert image.width() > 0
    assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 7)}) > 3


def test_a_note_another_kapdesk_kept_out_of_the_record_is_not_called_saved(
    qtbot: QtBot, window: MainWindow, storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    _open_session(qtbot, window)
    current = window.current
    assert current is not None
    # A second kapdesk on the same file (forced past its lock) writes the session's next entry.
    other = open_storage(paths, None)
    theirs = JourneyEvent(EventKind.NOTE, clock.now(), None, 0, {"text": "theirs", "tags": []})
    write_event(other.engine, current.session_id, len(current.journey.events), theirs)
    other.engine.dispose()
    panel = window.journey_view.observations
    assert panel is not None
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Hand on shoulder")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert [n["text"] for n in _saved(storage, "note")] == ["theirs"]  # not ours: not saved
    assert panel.status.text().startswith("Hand on shoulder: Not saved: 1 entry could not be")
    assert not panel.status.text().startswith("Saved")
    qtbot.waitUntil(window.status_banner.isVisible)  # the recorder's word, queued to the window
    assert f"set aside in {paths.set_aside} for an admin" in window.status_banner.text()
    assert "kept on this PC" not in window.status_banner.text()


def test_enter_in_the_vitals_form_never_loses_an_unusual_reading(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    """Enter used to press Cancel, the form's first button, once the form had said a value
    was unusual: the reading (often the very one to flag) was gone without a word."""
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.vitals_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.fields["spo2"], "84")
    qtbot.keyClicks(dialog.fields["heart_rate"], "38")
    qtbot.keyClick(dialog.fields["heart_rate"], Qt.Key.Key_Return)
    assert dialog.isVisible()  # asked to confirm, not gone
    assert "is unusual" in dialog.problems.text()
    settle(qtbot, window)
    assert _saved(storage, "vitals") == []  # and not saved unconfirmed either
    qtbot.keyClick(dialog.fields["heart_rate"], Qt.Key.Key_Return)  # confirmed
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)
    (saved,) = _saved(storage, "vitals")
    assert saved["values"] == {"heart_rate": 38.0, "spo2": 84.0}


def test_a_corrected_note_reads_as_corrected_under_the_note_box(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    """The recent notes once kept the words first typed after the note was corrected."""
    _open_session(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "vomitted")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    assert panel.recent[0].text().endswith("vomitted")

    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    assert window.pages.currentWidget() is view
    row = next(i for i, e in enumerate(view.entries) if e.kind is EventKind.NOTE)
    rect = view.table.visualRect(view.model.index(row, 3))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = view.amend_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.text, "vomited once")
    qtbot.keyClicks(dialog.reason, "spelling")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.problems.text()
    settle(qtbot, window)
    assert [a["reason"] for a in _saved(storage, "amendment")] == ["spelling"]

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.journey_view
    qtbot.waitUntil(lambda: panel.recent[0].text().endswith("vomited once"))
    assert "vomitted" not in panel.recent[0].text()


def test_closing_while_another_process_holds_the_write_lock_asks_first_and_loses_nothing(
    qtbot: QtBot, window: MainWindow, storage: Storage, paths: AppPaths
) -> None:
    _open_session(qtbot, window)
    current = window.current
    assert current is not None
    panel = window.journey_view.observations
    assert panel is not None
    holder = sqlite3.connect(paths.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writes: SQLite's write lock is taken
    try:
        panel.note.setFocus()
        qtbot.keyClicks(panel.note, "Breathing slow")
        qtbot.keyClick(panel.note, Qt.Key.Key_Return)
        window.close()  # Alt+F4, the window manager's close
        assert window.isVisible()  # the note is in memory only: kapdesk asks first
        assert "Close again to do so" in window.status_banner.text()
        window.close()  # staff close again: the note goes to the set-aside file
        assert not window.isVisible()
        writers = list(current.recorder._threads)
        qtbot.waitUntil(lambda: not any(thread.is_alive() for thread in writers), timeout=15_000)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    recorded = [n["text"] for n in _saved(storage, "note")]
    with contextlib.closing(sqlite3.connect(paths.set_aside)) as aside:
        kept = [json.loads(data)["text"] for (data,) in aside.execute("SELECT data FROM outbox")]
    assert "Breathing slow" in recorded + kept, "the note is gone"


def test_the_warning_that_closing_loses_entries_goes_once_they_are_saved(
    qtbot: QtBot, window: MainWindow, storage: Storage, paths: AppPaths
) -> None:
    _open_session(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    holder = sqlite3.connect(paths.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writes: SQLite's write lock is taken
    try:
        panel.note.setFocus()
        qtbot.keyClicks(panel.note, "Hand on shoulder")
        qtbot.keyClick(panel.note, Qt.Key.Key_Return)
        window.close()
        assert window.isVisible()  # asked first
        assert window.status_banner.said(CLOSING) is not None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # The lock is let go: the note is written, and what the banner said of closing goes.
    qtbot.waitUntil(lambda: window.status_banner.said(CLOSING) is None, timeout=15_000)
    assert "Hand on shoulder" in [n["text"] for n in _saved(storage, "note")]
    assert window.isVisible()


def _past_session_timeline(qtbot: QtBot, window: MainWindow, session_id: int) -> None:
    window.show_history()
    settle_ops(window)
    window.choose_session(session_id)
    settle_ops(window)
    qtbot.mouseClick(window.summary_view.timeline_button, Qt.MouseButton.LeftButton)
    settle_ops(window)
    assert window.pages.currentWidget() is window.timeline_view


def _correct_a_note(qtbot: QtBot, window: MainWindow, words: str) -> None:
    view = window.timeline_view
    row = next(i for i, e in enumerate(view.entries) if e.kind is EventKind.NOTE)
    view.select_row(row)
    qtbot.mouseClick(view.amend_button, Qt.MouseButton.LeftButton)
    dialog = view.amend_dialog
    assert dialog is not None
    dialog.text.setText(words)
    dialog.reason.setText("more detail")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert view.entries[row].text.endswith(words)


def _amended(storage: Storage, words: str) -> bool:
    """Whether a correction with ``words`` is in the record."""
    return any(words in json.dumps(a) for a in _saved(storage, "amendment"))


def test_closing_asks_first_while_a_past_sessions_correction_waits_and_keeps_it(
    qtbot: QtBot, window: MainWindow, storage: Storage, paths: AppPaths
) -> None:
    demo = record_demo_session(storage)
    _past_session_timeline(qtbot, window, demo.session_id)
    assert window.current is None  # the past session has a recorder of its own
    holder = sqlite3.connect(paths.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writes: SQLite's write lock is taken
    try:
        _correct_a_note(qtbot, window, "settled after music")
        window.close()  # Alt+F4, the window manager's close
        assert window.isVisible()  # the correction is in memory only: kapdesk asks first
        assert "Close again to do so" in window.status_banner.text()
        window.close()
        assert not window.isVisible()
        opened = window.timeline_view.current
        assert opened is not None
        writers = list(opened.recorder._threads)
        qtbot.waitUntil(lambda: not any(thread.is_alive() for thread in writers), timeout=15_000)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with contextlib.closing(sqlite3.connect(paths.set_aside)) as aside:
        kept = [data for (data,) in aside.execute("SELECT data FROM outbox")]
    in_aside = any("settled after music" in data for data in kept)
    assert in_aside or _amended(storage, "settled after music"), "the correction is gone"


def test_a_past_sessions_timeline_opened_twice_still_records_its_corrections(
    qtbot: QtBot, window: MainWindow, storage: Storage
) -> None:
    demo = record_demo_session(storage)
    _past_session_timeline(qtbot, window, demo.session_id)
    qtbot.keyClick(window.timeline_view, Qt.Key.Key_Escape)  # back to the session's summary
    settle_ops(window)
    assert window.pages.currentWidget() is window.summary_view
    qtbot.mouseClick(window.summary_view.timeline_button, Qt.MouseButton.LeftButton)
    settle_ops(window)
    assert window.pages.currentWidget() is window.timeline_view
    _correct_a_note(qtbot, window, "calmer on the second look")
    qtbot.waitUntil(lambda: _amended(storage, "calmer on the second look"), timeout=10_000)
