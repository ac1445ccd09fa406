"""Renders the journey screen with a flagged reading standing, at the sizes room PCs have,
from the real window, headless, on a throw-away database.

.venv/bin/python scripts/screenshot_flagged.py docs/screenshots [--all]

Writes flagged-reading-1024x600.png and flagged-reading-1280x800.png (with --all, also
flagged-reading-1920x1080.png, to check).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kapdesk.app import build_window
from kapdesk.audio.fake import FakeBackend
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.staff import Role
from kapdesk.core.vitals import Reading, flags
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.ui import theme

SIZES = [(1024, 600), (1280, 800)]


def main(out: Path, sizes: list[tuple[int, int]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    theme.apply(app)
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as data:
        paths = AppPaths.resolve(data)
        storage = open_storage(paths, None)
        backend = FakeBackend(clock, default_duration=3600)
        window = build_window(storage, paths, clock, audio=lambda: backend)
        window.resize(1280, 800)
        window.show()
        staff = window.staff
        assert staff is not None
        roles = frozenset({Role.NURSE, Role.ADMIN})
        staff.create_account("Alex Kim", roles, "2468", by=None)
        member = staff.sign_in("Alex Kim", "2468").member
        assert member is not None
        window.signed_in(member)

        setup = window.setup_view
        setup.patient.setCurrentText("P-0042")
        setup.sitter.setCurrentText("Alex Kim")
        rows = [
            setup.protocols.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(setup.protocols.count())
        ]
        setup.protocols.setCurrentRow(rows.index("iv-ketamine"))
        setup.submit()
        view = window.journey_view
        current = view.current
        assert current is not None
        journey = current.journey
        baseline = Reading(systolic=128, diastolic=82, heart_rate=74, spo2=98)
        journey.record_observation(
            EventKind.VITALS, {"values": baseline.values(), "flags": [], "by": "Alex Kim"}
        )
        clock.advance(5 * 60)
        journey.record_dose(Dose(35, "mg", "IV", lot_number="KX-2291", given_by="Alex Kim"))
        clock.advance(24 * 60 + 37)
        high = Reading(systolic=182, diastolic=112, heart_rate=88, spo2=91, respiratory_rate=8)
        raised = flags(high, journey.protocol.thresholds, dosed=True)
        journey.record_observation(
            EventKind.VITALS, {"values": high.values(), "flags": raised, "by": "Alex Kim"}
        )
        clock.advance(11 * 60 + 12)  # the 30-minute check is overdue: its cue is in the header
        for width, height in sizes:
            window.resize(width, height)
            QApplication.processEvents()
            view.tick()
            window.sound_panel._tick()
            if window.locked:  # the idle lock: the nurse signs in again
                window.unlock("Alex Kim", "2468")
            QApplication.processEvents()
            window.grab().save(str(out / f"flagged-reading-{width}x{height}.png"))
        storage.engine.dispose()


if __name__ == "__main__":
    every = "--all" in sys.argv[1:]
    folders = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(folders[0] if folders else "docs/screenshots"), SIZES + [(1920, 1080)] * every)
