"""Renders the dose form, as a nurse sees it for an out-of-range per-kg dose, over the journey
screen at the smallest and the common room-PC sizes; headless, on a throw-away database.

.venv/bin/python scripts/dose_form_screenshots.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.ui import theme
from kapdesk.ui.main_window import MainWindow

SIZES = ((1024, 600), (1280, 800))


def _composite(window: MainWindow) -> QPixmap:
    """The window with its open dose form drawn where the window manager would centre it."""
    dialog = window.journey_view.dose_dialog
    assert dialog is not None
    QApplication.processEvents()
    picture = window.grab()
    form = dialog.grab()
    at = QPoint(
        max(0, (window.width() - form.width()) // 2), max(0, (window.height() - form.height()) // 2)
    )
    painter = QPainter(picture)
    painter.drawPixmap(at, form)
    painter.end()
    return picture


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    theme.apply(app)
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as data:
        paths = AppPaths.resolve(data)
        storage = open_storage(paths, None)
        window = build_window(storage, paths, clock)
        window.show()
        staff = window.staff
        assert staff is not None
        admin = staff.create_account("Dr. Ana Moreno", frozenset({Role.ADMIN}), "2468", by=None)
        staff.create_account("Jo Okafor", frozenset({Role.NURSE}), "7391", by=admin)
        member = staff.sign_in("Jo Okafor", "7391").member
        assert member is not None
        window.signed_in(member)
        window.open_session("P-0042", "iv-ketamine", "Jo Okafor")
        for width, height in SIZES:
            window.resize(width, height)
            window.journey_view.request_dose()
            dialog = window.journey_view.dose_dialog
            assert dialog is not None
            dialog.weight.setText("82")
            dialog.amount.setValue(0.9)
            dialog.lot.setText("KX-2291")
            dialog.reason.setText("Partial response at 0.5 and 0.75")
            if dialog.height() > height:
                raise SystemExit(f"the dose form is {dialog.height()} px high at {width}x{height}")
            _composite(window).save(str(out / f"dose-form-{width}x{height}.png"))
            dialog.reject()
        storage.engine.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
