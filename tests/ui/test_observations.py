"""Recording in the room: a note one key away, one-tap tags and ratings, vital signs checked as
typed, flagged, and the schedule's cue going from due to overdue to done."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from kapdesk.core.clock import FakeClock
from kapdesk.storage.db import Storage
from kapdesk.storage.models import SessionEvent
from kapdesk.ui.main_window import MainWindow
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
    assert _saved(storage, "note") == [
        {"text": "Eyes closed, breathing slow", "tags": [], "by": "Alex Kim"}
    ]
    assert panel.status.text().startswith("Saved ")
    assert panel.note.text() == ""
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)  # nothing to save says so, saves nothing
    assert panel.status.text() == "Type a note or pick a tag first."
    assert len(_saved(storage, "note")) == 1


def test_tags_and_ratings_take_one_tap(qtbot: QtBot, window: MainWindow, storage: Storage) -> None:
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    panel.show_tab("Notes")
    qtbot.mouseClick(panel.tag_buttons["Crying"], Qt.MouseButton.LeftButton)
    panel.show_tab("Ratings")
    qtbot.mouseClick(panel.rating_buttons["distress"][6], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.rating_buttons["responsiveness"][4], Qt.MouseButton.LeftButton)
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
    _give_dose(qtbot, window, amount="35")
    assert view.cue.text().startswith("Vital signs overdue: Baseline")  # dosed without one

    clock.advance(10 * 60)
    view.tick()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.vitals_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    for name, typed in (("systolic", "1840"), ("diastolic", "96"), ("heart_rate", "38")):
        qtbot.keyClicks(dialog.fields[name], typed)
    dialog.submit()
    assert dialog.problems.text() == (
        "Systolic BP 1840 is not possible: it must be between 40 mmHg and 300 mmHg."
    )
    dialog.fields["systolic"].setText("184")
    dialog.submit()
    assert "Heart rate 38 /min is unusual." in dialog.problems.text()
    assert dialog.isVisible()  # not saved until confirmed
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    (saved,) = _saved(storage, "vitals")
    assert saved["values"] == {"systolic": 184.0, "diastolic": 96.0, "heart_rate": 38.0}
    assert saved["flags"] == [
        "Systolic BP 184 mmHg is at or above 180 mmHg",
        "Heart rate 38 /min is below 50 /min",
    ]
    assert "Flagged: Systolic BP 184" in panel.status.text()
    states = {s.check.when_text(): s.state.value for s in panel.statuses()}
    assert states["at 10 min"] == "done"
    assert states["before dosing"] == "overdue"

    clock.advance(16 * 60)  # 26 min: the 20-minute check is more than 5 minutes late
    view.tick()
    assert view.cue.text().startswith("Vital signs overdue:")
    assert "6 min late" in view.cue.text() or "late" in panel.checks_label.text()
