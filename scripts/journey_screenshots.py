"""Renders the journey screen, headless, on a throw-away database, at 1024x600, 1280x800 and
1920x1080: in preparation, and during a journey with a flagged reading, notes and the music line.

.venv/bin/python scripts/journey_screenshots.py docs/screenshots

Writes preparation-<W>x<H>.png and journey-<W>x<H>.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from kapdesk.app import build_window
from kapdesk.audio.fake import FakeBackend
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, Journey
from kapdesk.core.observations import note_data
from kapdesk.core.staff import Role
from kapdesk.core.vitals import Reading, flags
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.ui import theme

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import _library  # the README's library and soundtrack

SIZES = [(1024, 600), (1280, 800), (1920, 1080)]


def _settle() -> None:
    """Let the layout settle as it does on screen (a wrapped text asks for its height anew)."""
    for _ in range(3):
        QApplication.processEvents()


def _reading(journey: Journey, values: Reading) -> None:
    raised = flags(values, journey.protocol.thresholds, dosed=journey.dosed)
    journey.record_observation(
        EventKind.VITALS, {"values": values.values(), "flags": raised, "by": "Alex Kim"}
    )


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    theme.apply(app)
    for width, height in SIZES:
        clock = FakeClock()
        with tempfile.TemporaryDirectory() as data:
            paths = AppPaths.resolve(data)
            storage = open_storage(paths, None)
            _library(storage, clock)
            backend = FakeBackend(clock, default_duration=3600)
            window = build_window(storage, paths, clock, audio=lambda b=backend: b)
            window.resize(width, height)
            window.show()
            staff = window.staff
            assert staff is not None
            roles = frozenset({Role.ADMIN, Role.NURSE, Role.PRESCRIBER})
            staff.create_account("Alex Kim", roles, "2468", by=None)
            member = staff.sign_in("Alex Kim", "2468").member
            assert member is not None
            window.signed_in(member)
            window.lock_seconds = 0  # no idle lock while the scene's time runs on
            window.open_session("P-0042", "iv-ketamine", "Alex Kim", soundtrack=0)
            current = window.current
            assert current is not None
            journey = current.journey
            _settle()
            window.grab().save(str(out / f"preparation-{width}x{height}.png"))

            _reading(journey, Reading(systolic=128, diastolic=82, heart_rate=74, spo2=98))
            clock.advance(5 * 60)
            journey.record_dose(Dose(0.5, "mg/kg", "IV", lot_number="KX-2291", weight_kg=70))
            clock.advance(12 * 60)
            journey.record_observation(EventKind.NOTE, note_data("Eyes closed, settled", ["Calm"]))
            clock.advance(12 * 60 + 37)
            _reading(journey, Reading(systolic=182, diastolic=112, heart_rate=88, spo2=91))
            clock.advance(3 * 60)
            journey.record_observation(EventKind.NOTE, note_data("Asked for water", []))
            clock.advance(4 * 60 + 12)
            window.journey_view.tick()
            window.sound_panel._tick()  # the sound card's redraw
            _settle()
            window.grab().save(str(out / f"journey-{width}x{height}.png"))
            window.close()
            storage.engine.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
