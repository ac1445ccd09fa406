"""Observations: saving a note (the sitter's Enter to the row committed) and opening the timeline
of a long session (2,000 events: read from the database, replayed, table and chart drawn).

Targets: note save p99 under 5 ms; the timeline of 2,000 events open in under 200 ms.
Runs headless (offscreen) on a temporary database with the real window's parts.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.observations import DEFAULT_TAGS, note_data
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.core.vitals import Reading, VitalsRecord
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.ui import theme
from kapdesk.ui.observation_panel import ObservationPanel
from kapdesk.ui.timeline_view import TimelineView

NOTES = 1000
TIMELINE_EVENTS = 2000
OPENINGS = 7


def _store(folder: Path) -> tuple[Storage, JourneyStore]:
    storage = open_storage(AppPaths.resolve(folder), None)
    return storage, JourneyStore(storage, SystemClock())


def note_saves(folder: Path) -> list[float]:
    storage, store = _store(folder)
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("iv-ketamine")
    assert protocol is not None
    opened = store.open_session("BENCH", protocol, "Robin")
    opened.journey.record_dose(Dose(0.5, "mg/kg", "IV", weight_kg=70))
    panel = ObservationPanel(DEFAULT_TAGS)
    panel.follow(opened)
    samples = []
    for n in range(NOTES):
        panel.note.setText(f"Breathing slow and even, eyes closed ({n})")
        began = time.perf_counter()
        panel.save_note([])  # what Enter does: record, commit, say "Saved"
        samples.append(time.perf_counter() - began)
    assert opened.recorder.pending == 0
    assert panel.status.text().startswith("Saved")
    storage.engine.dispose()
    return samples


def timeline_openings(folder: Path) -> list[float]:
    storage, store = _store(folder)
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("iv-ketamine")
    assert protocol is not None
    opened = store.open_session("LONG", protocol, "Robin")
    journey = opened.journey
    journey.record_dose(Dose(0.5, "mg/kg", "IV", weight_kg=70))
    while len(journey.events) < TIMELINE_EVENTS:
        n = len(journey.events)
        if n % 3:
            journey.record_observation(EventKind.NOTE, note_data(f"note {n}", ["Calm"], "Robin"))
        else:
            reading = Reading(systolic=120 + n % 40, diastolic=80, heart_rate=70, spo2=97)
            journey.record_observation(EventKind.VITALS, VitalsRecord(reading).to_json("Robin"))
    session_id = opened.session_id
    view = TimelineView()
    view.resize(1280, 800)
    view.show()
    samples = []
    for _ in range(OPENINGS):
        began = time.perf_counter()
        again = JourneyStore(storage, SystemClock()).editable(session_id)  # as a past session opens
        view.show_session(again)
        QApplication.processEvents()
        samples.append(time.perf_counter() - began)
        again.journey.unsubscribe(again.recorder)
    assert view.model.rowCount() >= TIMELINE_EVENTS - 5
    storage.engine.dispose()
    return samples


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    theme.apply(app)
    with tempfile.TemporaryDirectory(dir=Path.home()) as folder:
        notes = sorted(note_saves(Path(folder) / "notes"))
        openings = timeline_openings(Path(folder) / "timeline")
    p50 = statistics.median(notes) * 1000
    p99 = notes[min(len(notes) - 1, round(0.99 * (len(notes) - 1)))] * 1000
    print(f"saving a note (Enter to committed, {NOTES} notes), ms")
    print(f"  p50 {p50:6.2f}   p99 {p99:6.2f}   (target p99 < 5 ms)")
    median = statistics.median(openings) * 1000
    print(f"opening the timeline of {TIMELINE_EVENTS} events, median of {OPENINGS}, ms")
    print(f"  {median:6.0f}   (min {min(openings) * 1000:.0f}; target < 200 ms)")


if __name__ == "__main__":
    main()
