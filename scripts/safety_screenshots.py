"""Renders the clinical-safety screens from the real window, headless, each on a throw-away
database, at the smallest and the common room-PC sizes (1024x600 and 1280x800):

- dose-form-*.png: the dose form as a nurse sees it for an IV dose above the usual range;
- flagged-reading-*.png: the journey screen with a flagged reading not yet seen;
- early-close-*.png: the question an esketamine session asks when it is closed at 1:32 of 2 h.

.venv/bin/python scripts/safety_screenshots.py docs/screenshots [--all]

With --all, 1920x1080 too, to check. A form taller than the screen stops the script.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog

from kapdesk.app import build_window
from kapdesk.audio.fake import FakeBackend
from kapdesk.core.clock import FakeClock
from kapdesk.core.discharge import READINESS_ITEMS, assess, leave_from
from kapdesk.core.journey import Dose, EventKind, Journey
from kapdesk.core.staff import Role
from kapdesk.core.vitals import Reading, flags
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.ui import theme
from kapdesk.ui.main_window import MainWindow

SIZES = [(1024, 600), (1280, 800)]
Shot = Callable[[str], None]


@contextmanager
def _window(name: str, roles: frozenset[Role]) -> Iterator[tuple[MainWindow, FakeClock]]:
    """A real window on a throw-away database, with ``name`` signed in (PIN 2468)."""
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
        admin = staff.create_account("Ana Moreno", frozenset({Role.ADMIN}), "5820", by=None)
        staff.create_account(name, roles, "2468", by=admin)
        member = staff.sign_in(name, "2468").member
        assert member is not None
        window.signed_in(member)
        try:
            yield window, clock
        finally:
            window.close()
            storage.engine.dispose()


def _picture(window: MainWindow, dialog: QDialog | None, behind: QPixmap | None = None) -> QPixmap:
    """The window (or ``behind``, the window as grabbed before the form opened), with
    ``dialog`` drawn where a window manager would centre it."""
    QApplication.processEvents()
    picture = behind if behind is not None else window.grab()
    if dialog is None:
        return picture
    if dialog.height() > window.height():
        raise SystemExit(f"{dialog.windowTitle()} is {dialog.height()} px high")
    form = dialog.grab()
    at = QPoint(
        max(0, (window.width() - form.width()) // 2), max(0, (window.height() - form.height()) // 2)
    )
    painter = QPainter(picture)
    painter.drawPixmap(at, form)
    painter.end()
    return picture


def _resized(window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    QApplication.processEvents()
    if window.current is not None:
        window.journey_view.tick()
    if window.locked:  # the idle lock, in a scene that ran on: signed in again
        window.unlock(window.member.name if window.member else "", "2468")
    QApplication.processEvents()


def _reading(journey: Journey, reading: Reading, by: str) -> None:
    raised = flags(reading, journey.protocol.thresholds, dosed=journey.dosed)
    journey.record_observation(
        EventKind.VITALS, {"values": reading.values(), "flags": raised, "by": by}
    )


def dose_form(out: Path, sizes: list[tuple[int, int]]) -> None:
    with _window("Jo Okafor", frozenset({Role.NURSE})) as (window, _clock):
        window.open_session("P-0042", "iv-ketamine", "Jo Okafor")
        for size in sizes:
            _resized(window, size)
            window.journey_view.request_dose()
            dialog = window.journey_view.dose_dialog
            assert dialog is not None
            dialog.weight.setText("82")
            dialog.amount.setValue(0.9)
            dialog.lot.setText("KX-2291")
            dialog.reason.setText("Partial response at 0.5 and 0.75")
            _picture(window, dialog).save(str(out / f"dose-form-{size[0]}x{size[1]}.png"))
            dialog.reject()


def flagged_reading(out: Path, sizes: list[tuple[int, int]]) -> None:
    with _window("Alex Kim", frozenset({Role.NURSE})) as (window, clock):
        window.open_session("P-0042", "iv-ketamine", "Alex Kim")
        current = window.current
        assert current is not None
        journey = current.journey
        _reading(journey, Reading(systolic=128, diastolic=82, heart_rate=74, spo2=98), "Alex Kim")
        clock.advance(5 * 60)
        journey.record_dose(Dose(0.5, "mg/kg", "IV", lot_number="KX-2291", weight_kg=70))
        clock.advance(24 * 60 + 37)
        high = Reading(systolic=182, diastolic=112, heart_rate=88, spo2=91, respiratory_rate=8)
        _reading(journey, high, "Alex Kim")
        clock.advance(11 * 60 + 12)  # the 30-minute check is overdue: its cue is in the header
        for size in sizes:
            _resized(window, size)
            _picture(window, None).save(str(out / f"flagged-reading-{size[0]}x{size[1]}.png"))


def early_close(out: Path, sizes: list[tuple[int, int]]) -> None:
    with _window("Jo Okafor", frozenset({Role.NURSE})) as (window, clock):
        window.open_session("P-0300", "esketamine-intranasal", "Jo Okafor")
        current = window.current
        assert current is not None
        journey = current.journey
        _reading(journey, Reading(systolic=128, diastolic=82, heart_rate=74), "Jo Okafor")
        journey.record_dose(Dose(56, "mg", "intranasal", lot_number="ESK-7731"))
        clock.advance(90 * 60)
        journey.tick()
        clock.advance(2 * 60)
        _reading(journey, Reading(systolic=126, diastolic=80, heart_rate=72), "Jo Okafor")
        readiness = assess({item.id: 2 for item in READINESS_ITEMS}, True, 10)
        leave = leave_from(journey, journey.now())
        journey.record_discharge(readiness.to_json("", {}, "Jo Okafor", leave))
        for size in sizes:
            _resized(window, size)
            behind = window.grab()
            window.journey_view.request_close()
            dialog = window.journey_view.close_dialog
            assert dialog is not None
            dialog.reason.setText("Stable; leaving with her partner")
            _picture(window, dialog, behind).save(str(out / f"early-close-{size[0]}x{size[1]}.png"))
            dialog.reject()


def main(out: Path, sizes: list[tuple[int, int]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    theme.apply(app)
    for scene in (dose_form, flagged_reading, early_close):
        scene(out, sizes)


if __name__ == "__main__":
    every = "--all" in sys.argv[1:]
    folders = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(folders[0] if folders else "docs/screenshots"), SIZES + [(1920, 1080)] * every)
