"""Renders the README screenshots from the real window, headless, on a throw-away database.

.venv/bin/python scripts/screenshots.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from kapdesk.app import build_window
from kapdesk.audio.fake import FakeBackend
from kapdesk.core.clock import FakeClock, SystemClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.loudness import Loudness
from kapdesk.core.preparation import decision_data
from kapdesk.core.questionnaires import GAD7, PHQ9, score
from kapdesk.core.staff import Role
from kapdesk.demo import record_demo_session
from kapdesk.paths import AppPaths
from kapdesk.printing import Printer
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.library import ScannedTrack, SoundLibrary
from kapdesk.ui import theme
from kapdesk.ui.main_window import MainWindow


def _library(storage: Storage, clock: FakeClock) -> None:
    """A small library of the kind a clinic builds, and a soundtrack over it."""
    library = SoundLibrary(storage, clock)
    pieces = [
        ("Stars of the Lid", "Requiem for Dying Mothers", 645.0, -29.4, -11.2),
        ("Brian Eno", "An Ending (Ascent)", 265.0, -23.8, -6.9),
        ("Hiroshi Yoshimura", "Creek", 402.0, -20.6, -4.8),
        ("Laraaji", "Celestial Vibration", 1510.0, -17.3, -2.2),
        ("Harold Budd", "Children on the Hill", 322.0, -27.6, -9.5),
        ("Marconi Union", "Weightless", 485.0, -14.8, -1.1),
    ]
    ids = library.add(
        ScannedTrack(f"/srv/music/{title}.flac", title, artist, seconds, "FLAC", None)
        for artist, title, seconds, _lufs, _peak in pieces
    )
    for track_id, (_artist, _title, _seconds, lufs, peak) in zip(ids, pieces, strict=True):
        library.set_loudness(track_id, Loudness(lufs, peak, 6.0), None, None)
    ids += library.add([ScannedTrack("/srv/music/broken.mp3", "broken", "", None, "MP3",
                                     "the file is damaged or cut short")])  # fmt: skip
    infusion = library.create_playlist("Infusion: deep drift", ids[:4])
    after = library.create_playlist("Return: warm and near", ids[4:6])
    library.save_soundtrack(
        "Evening, slow strings",
        {
            "bed": None,
            "phases": {"Infusion": infusion},
            "default": after,
            "switch": "fade",
        },
    )


def _print_demo(window: MainWindow, session_id: int, out: Path) -> None:
    """The demo session's printed record and handout, rendered page by page as PNGs."""
    window.show_integration(session_id)  # drafts its plan, as closing it would have
    plan = window.integration_view
    booked = [plan.table.item(r, 1).text() for r in range(plan.table.rowCount())].index(
        "Integration session with the psychotherapist"
    )
    plan.table.selectRow(booked)
    plan.assignee.setCurrentText("Dr. Ana Moreno")
    plan.is_booked.setChecked(True)
    plan.note.setText("10:00, room 2")  # the booking's time and place, for the handout
    plan.save_selected()
    records = window.records
    clinic = replace(records.clinic, name="Harbour Light Clinic", phone="555 0134")
    printer = Printer(records.storage, SystemClock(), clinic)  # the demo ran in real time
    with tempfile.TemporaryDirectory() as folder:
        for name, data in (
            ("record", printer.record(session_id)),
            ("handout", printer.handout(session_id)),
        ):
            path = Path(folder) / f"{name}.pdf"
            path.write_bytes(data)
            document = QPdfDocument()
            document.load(str(path))
            for page in range(min(document.pageCount(), 3)):
                size = document.pagePointSize(page)
                image = document.render(
                    page, QSize(int(size.width() * 1.5), int(size.height() * 1.5))
                )
                suffix = f"-page{page + 1}" if name == "record" else ""
                image.save(str(out / f"{name}{suffix}.png"))
            document.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    theme.apply(app)
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as data:
        paths = AppPaths.resolve(data)
        storage = open_storage(paths, None)
        _library(storage, clock)
        backend = FakeBackend(clock, default_duration=3600)
        window = build_window(storage, paths, clock, audio=lambda: backend)
        window.resize(1280, 800)
        window.show()
        staff = window.staff
        assert staff is not None
        roles = frozenset({Role.ADMIN, Role.NURSE, Role.PRESCRIBER, Role.THERAPIST})
        staff.create_account("Dr. Ana Moreno", roles, "2468", by=None)
        member = staff.sign_in("Dr. Ana Moreno", "2468").member
        assert member is not None
        window.signed_in(member)

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
        setup.soundtrack.setCurrentText("Evening, slow strings")
        setup.course.setCurrentIndex(setup.course.findText("New course of"))
        shot("setup.png")
        setup.submit()
        current = window.journey_view.current
        preparation = window.journey_view.preparation
        assert current is not None
        assert preparation is not None
        preparation.intention.setPlainText(
            "To be gentler with myself, and to notice what my body is telling me."
        )
        preparation.record_intention()
        for step in ("consent", "fasting", "medications", "weight"):
            preparation.tick(step)
        baseline = {"systolic": 146, "diastolic": 88, "heart_rate": 78, "spo2": 98}
        current.journey.record_observation(
            EventKind.VITALS, {"values": baseline, "flags": [], "by": "Alex Kim"}
        )
        clock.advance(4 * 60)
        window.journey_view.refresh()
        shot("preparation.png")
        preparation.request_breathing()
        breathing = preparation.breathing
        assert breathing is not None
        clock.advance(2.4)
        breathing.step()
        QApplication.processEvents()
        breathing.grab().save(str(out / "breathwork.png"))
        clock.advance(180)
        breathing.done_breathing()
        current.journey.record_preparation(
            EventKind.DOSING_DECISION,
            decision_data(current.journey, "Rechecked after rest: 138/86", "Alex Kim"),
        )
        current.journey.record_dose(
            Dose(0.5, "mg/kg", "IV", lot_number="KX-2291", given_by="Alex Kim", weight_kg=70)
        )
        clock.advance(27 * 60 + 14)
        window.journey_view.tick()
        window.sound_panel._tick()
        # The journey screen itself at the three sizes: scripts/journey_screenshots.py.
        window.lock()
        shot("calm.png")
        window.unlock("", "")
        clock.advance(16 * 60)
        for _ in range(3):
            clock.advance(20 * 60)
            current.journey.tick()
        after = {"systolic": 132, "diastolic": 84, "heart_rate": 72, "spo2": 98}
        current.journey.record_observation(
            EventKind.VITALS, {"values": after, "flags": [], "by": "Alex Kim"}
        )
        window.journey_view.request_discharge()
        discharge = window.journey_view.discharge_dialog
        assert discharge is not None
        for item, points in (
            ("alert", 2),
            ("dissociation", 1),
            ("walking", 2),
            ("nausea", 2),
            ("comfort", 2),
        ):
            discharge.choose(item, points)
        discharge.escort.click()
        QApplication.processEvents()
        discharge.grab().save(str(out / "discharge.png"))
        discharge.submit()
        window.journey_view.refresh()
        shot("journey-ready.png")
        current.journey.close("Ready to leave; escort present")
        window.show_summary(current.session_id)
        shot("summary.png")
        window.show_integration(current.session_id)
        plan = window.integration_view
        plan.tick(0)
        plan.tick(3)
        follow_up = [plan.table.item(r, 1).text() for r in range(plan.table.rowCount())].index(
            "Integration session with the psychotherapist"
        )
        plan.table.selectRow(follow_up)
        plan.assignee.setCurrentText("Dr Maya Lin")
        plan.is_booked.setChecked(True)
        plan.note.setText("10:00, room 2")
        plan.save_selected()
        shot("integration.png")
        records = window.records
        course = records.courses.of_session(current.session_id)
        assert course is not None
        trend = [
            ((3, 3, 2, 2, 2, 2, 1, 1, 0), (3, 2, 2, 2, 2, 1, 1)),
            ((2, 2, 2, 1, 2, 1, 1, 1, 0), (2, 2, 2, 1, 1, 1, 1)),
            ((1, 1, 1, 1, 1, 1, 0, 0, 0), (1, 1, 1, 1, 1, 0, 1)),
            ((1, 0, 1, 1, 0, 0, 0, 0, 0), (1, 1, 0, 1, 0, 0, 0)),
        ]
        for phq, gad in trend:
            for instrument, answers in ((PHQ9, phq), (GAD7, gad)):
                records.courses.record(
                    "P-0042",
                    score(instrument, answers),
                    "preparation",
                    by="Dr Maya Lin",
                    course_id=course.id,
                )
            clock.advance(4 * 24 * 3600)
        window.show_course(current.session_id)
        shot("course.png")
        window.course_view.take(PHQ9)
        questionnaire = window.course_view.dialog
        assert questionnaire is not None
        for item, value in enumerate((1, 1, 0, 1, 0, 0, 1)):
            questionnaire.answer(item, value)
        QApplication.processEvents()
        questionnaire.grab().save(str(out / "phq9.png"))
        questionnaire.reject()
        window.show_library()
        window.library_view.playlists.setCurrentRow(0)
        shot("library.png")
        demo = record_demo_session(storage)
        window.show_timeline(demo.session_id)
        shot("timeline.png")
        window.timeline_view.tabs.setCurrentIndex(1)
        shot("vitals-chart.png")
        _print_demo(window, demo.session_id, out)
        storage.engine.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
