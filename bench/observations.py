"""Observations: saving a note (the window's time for the sitter's Enter, and Enter to the row
committed and "Saved" shown) and opening the timeline of a long session (2,000 events: read
from the database, replayed, table and chart drawn).

Targets: note save p99 under 5 ms; the timeline of 2,000 events open in under 200 ms.
Runs headless (offscreen) on a temporary database with the real window's parts, speaking the
PC's session language as kapdesk does when the clinic sets none: ``LANG=es_ES.UTF-8 python -m
bench.observations`` opens the timeline with every line said in Spanish.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench import figures
from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.observations import DEFAULT_TAGS, note_data
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.core.vitals import Reading, VitalsRecord
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.ui import theme
from kapdesk.ui.language import Language, language_of
from kapdesk.ui.observation_panel import ObservationPanel
from kapdesk.ui.timeline_view import TimelineView
from kapdesk.ui.words import said

NOTES = 1000
TIMELINE_EVENTS = 2000
OPENINGS = 7


def _store(folder: Path) -> tuple[Storage, JourneyStore]:
    storage = open_storage(AppPaths.resolve(folder), None)
    return storage, JourneyStore(storage, SystemClock())


def note_saves(folder: Path) -> tuple[list[float], list[float]]:
    """Per note: the window's time for Enter (record and say "Saving…"), and the time until
    the panel says "Saved" (committed on the recorder's thread, heard back on the window's)."""
    storage, store = _store(folder)
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("iv-ketamine")
    assert protocol is not None
    opened = store.open_session("BENCH", protocol, "Robin")
    opened.journey.record_dose(Dose(0.5, "mg/kg", "IV", weight_kg=70))
    panel = ObservationPanel(DEFAULT_TAGS)
    panel.follow(opened)
    on_window, to_saved = [], []
    for n in range(NOTES):
        panel.note.setText(f"Breathing slow and even, eyes closed ({n})")
        began = time.perf_counter()
        panel.save_note([])  # what Enter does on the window's thread
        on_window.append(time.perf_counter() - began)
        while not said(panel.status).startswith("Saved"):  # its English, whatever is spoken
            QApplication.processEvents()
        to_saved.append(time.perf_counter() - began)
    assert opened.recorder.pending == 0
    opened.recorder.close()
    storage.engine.dispose()
    return on_window, to_saved


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
    assert opened.recorder.flush(timeout=120.0)  # every event in the record before it is read
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


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    theme.apply(app)
    language = Language(app)
    language.speak(language_of(""))  # the PC's session language, as kapdesk's own start
    with tempfile.TemporaryDirectory(dir=Path.home()) as folder:
        on_window, to_saved = note_saves(Path(folder) / "notes")
        openings = timeline_openings(Path(folder) / "timeline")
    print(f"saving a note ({NOTES} notes), ms")
    p50, p99 = _percentiles(on_window)
    print(f"  the window's time for Enter: p50 {p50:6.2f}   p99 {p99:6.2f}   (target p99 < 5 ms)")
    p50, p99 = _percentiles(to_saved)
    print(f'  Enter to "Saved" (committed): p50 {p50:6.2f}   p99 {p99:6.2f}')
    median = statistics.median(openings) * 1000
    print(
        f"opening the timeline of {TIMELINE_EVENTS} events, median of {OPENINGS}, ms"
        f" (speaking {language.code})"
    )
    print(f"  {median:6.0f}   (min {min(openings) * 1000:.0f}; target < 200 ms)")
    figures.record(
        f"timeline of {TIMELINE_EVENTS} events", f"{median:.0f} ms", "< 200 ms", met=median < 200
    )


if __name__ == "__main__":
    main()
