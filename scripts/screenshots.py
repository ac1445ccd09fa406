"""Renders the README screenshots from the real window, headless, on a throw-away database.

.venv/bin/python scripts/screenshots.py docs/screenshots
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
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.ui import theme


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    theme.apply(app)
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as data:
        paths = AppPaths.resolve(data)
        storage = open_storage(paths, None)
        window = build_window(storage, paths, clock)
        window.resize(1280, 800)
        window.show()

        def shot(name: str) -> None:
            QApplication.processEvents()
            window.grab().save(str(out / name))

        setup = window.setup_view
        setup.patient.setCurrentText("P-0042")
        setup.sitter.setCurrentText("Alex Kim")
        rows = [
            setup.protocols.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(setup.protocols.count())
        ]
        setup.protocols.setCurrentRow(rows.index("iv-ketamine"))
        shot("setup.png")
        setup.submit()
        current = window.journey_view.current
        assert current is not None
        current.journey.record_dose(
            Dose(0.5, "mg/kg", "IV", lot_number="KX-2291", given_by="Alex Kim")
        )
        clock.advance(27 * 60 + 14)
        window.journey_view.tick()
        shot("journey.png")
        clock.advance(16 * 60)
        window.resize(1024, 600)
        window.journey_view.tick()
        shot("journey-1024x600.png")
        window.resize(1280, 800)
        for _ in range(3):
            clock.advance(20 * 60)
            current.journey.tick()
        current.journey.close("Ready to leave; escort present")
        window.show_summary(current.session_id)
        shot("summary.png")
        storage.engine.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
