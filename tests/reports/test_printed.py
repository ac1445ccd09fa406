"""The printed records, read back from the PDF files: the session record holds what the chart
needs; the handout holds the plan and the safety advice and no notes or vital signs."""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kapdesk.core.clinic import load_clinic
from kapdesk.core.clock import FakeClock
from kapdesk.core.discharge import READINESS_ITEMS, assess, leave_from
from kapdesk.core.integration import draft_plan
from kapdesk.core.journey import Dose, EventKind, Journey
from kapdesk.core.observations import amendment_data, note_data
from kapdesk.core.preparation import checklist_data, decision_data, intention_data
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.core.safe_files import write_atomically
from kapdesk.paths import BUNDLED_CLINIC_SETTINGS, BUNDLED_PROTOCOLS_DIR
from kapdesk.printing import Printer
from kapdesk.storage.courses import CourseStore
from kapdesk.storage.db import Storage
from kapdesk.storage.integration import IntegrationStore
from kapdesk.storage.journeys import JourneyStore
from tests.support.pdf_text import pdf_pages, pdf_text

NOTE = "Spoke of her late father; tearful, then settled."
CORRECTED_NOTE = "Spoke of her late grandfather; tearful, then settled."


def _vitals(journey: Journey, systolic: int, diastolic: int, by: str = "Jo Okafor") -> None:
    values = {"systolic": systolic, "diastolic": diastolic, "heart_rate": 76, "spo2": 98}
    journey.record_observation(EventKind.VITALS, {"values": values, "flags": [], "by": by})


@pytest.fixture
def session_id(storage: Storage, clock: FakeClock) -> int:
    """An esketamine session with everything a record prints, in a course, with a plan."""
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("esketamine-intranasal")
    assert protocol is not None
    clock.advance(4 * 24 * 3600)  # Friday 6 March 2026
    opened = JourneyStore(storage, clock).open_session("P-0107", protocol, "Sam Ortiz")
    journey = opened.journey
    courses = CourseStore(storage, clock)
    course = courses.start("P-0107", 6)
    courses.join(course.id, opened.session_id)
    journey.record_preparation(
        EventKind.INTENTION, intention_data("To meet my grief with less fear", "Dr Lin")
    )
    for item in protocol.checklist:
        journey.record_preparation(EventKind.CHECKLIST, checklist_data(item, True, "Jo Okafor"))
    _vitals(journey, 150, 88)
    journey.record_preparation(
        EventKind.DOSING_DECISION, decision_data(journey, "Rechecked after rest", "Dr Lin")
    )
    journey.record_dose(Dose(56, "mg", "intranasal", lot_number="ESK-7731", given_by="Jo Okafor"))
    journey.record_sound(
        EventKind.TRACK,
        {
            "playlist": "Peak",
            "index": 0,
            "path": "/m/a.ogg",
            "title": "Weightless",
            "artist": "Marconi Union",
            "offset": 0.0,
        },
    )
    clock.advance(20 * 60)
    journey.record_observation(EventKind.NOTE, note_data(NOTE, ["Crying"], "Sam Ortiz"))
    note_seq = len(journey.events) - 1
    clock.advance(20 * 60)
    _vitals(journey, 162, 94)  # at 40 minutes
    journey.amend(amendment_data(note_seq, {"text": CORRECTED_NOTE}, "wrong relative", "Sam Ortiz"))
    while journey.next_phase is not None:
        clock.advance(25 * 60)
        journey.tick()
    clock.advance(30 * 60)
    _vitals(journey, 132, 84)
    scores: dict[str, int | None] = {item.id: 2 for item in READINESS_ITEMS}
    answers = {"sedation": True, "dissociation": True, "breathing": False}
    journey.record_discharge(assess(scores, True, 10).to_json("ok", answers, "Jo Okafor"))
    clock.advance(5 * 60)
    journey.close("Left with her partner")
    assert opened.recorder.flush(timeout=5)
    settings, _ = load_clinic(BUNDLED_CLINIC_SETTINGS, None)
    plans = IntegrationStore(storage, clock)
    items = plans.draft(opened.session_id, draft_plan(settings, date(2026, 3, 6), 5))
    follow_up = next(i for i in items if i.key == "integration")
    plans.update(
        follow_up.id,
        "Sam Ortiz",
        assigned_to="Dr Lin",
        booked_on=date(2026, 3, 9),
        note="10:00, room 2",
    )
    plans.update(follow_up.id, "Sam Ortiz", note="Prefers mornings")  # for staff only
    return opened.session_id


@pytest.fixture
def printer(storage: Storage, clock: FakeClock, qapp: QApplication) -> Printer:
    settings, _ = load_clinic(BUNDLED_CLINIC_SETTINGS, None)
    clinic = replace(settings, name="Harbour Light", phone="555 0134")
    return Printer(storage, clock, clinic)


def test_the_session_record_prints_what_the_chart_needs(
    printer: Printer, session_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "record.pdf"
    data = printer.record(session_id)
    write_atomically(path, data)
    assert data.startswith(b"%PDF")
    assert b"/Subtype /Image" in data  # the vital-signs chart is drawn in
    pages = pdf_pages(path)
    assert len(pages) >= 2
    text = pdf_text(path)
    for expected in (
        "Session record · P-0107",
        "Session 1 of 6",
        "Esketamine nasal spray (Spravato)",
        "Sam Ortiz",  # sitter
        "Dr Lin, Jo Okafor, Sam Ortiz",  # staff in the record
        "To meet my grief with less fear",
        "Dosed after a high baseline because: Rechecked after rest",
        "56 mg",
        "ESK-7731",
        "Vital signs",
        "BP 162/94 mmHg",
        "Left axis: blood pressure (mmHg) and heart rate (/min). Right axis: SpO2 (%).",
        "Shaded strip: baseline, before dosing. Red rings: flagged readings.",
        CORRECTED_NOTE,
        "Original (06 Mar",  # the note's history: the original is kept
        "because “wrong relative”",
        "Marconi Union – Weightless",
        "Ready to leave:",
        "Total monitoring time",
        "Blood pressure at about 40 minutes 162/94 mmHg",
        "Did the patient have changes in breathing (respiratory depression)? no",
        "Integration session with the psychotherapist",
        "Dr Lin",
        "Timeline",
    ):
        assert expected in text, expected
    assert NOTE in text  # the original wording, in the correction history


def test_the_handout_has_the_plan_and_safety_and_nothing_clinical(
    printer: Printer, session_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "handout.pdf"
    data = printer.handout(session_id)
    write_atomically(path, data)
    assert b"/Subtype /Image" not in data
    text = pdf_text(path)
    for expected in (
        "After your session",
        "To meet my grief with less fear",
        "What did you learn about yourself?",
        "Integration session with the psychotherapist booked for Monday 09 March, 10:00, "
        "room 2 Dr Lin",  # when, where and with whom
        "Next dosing session of the course to book for Mon 09 Mar to Tue 10 Mar",
        "Do not drive",
        "until the next day",
        "Questions? Call Harbour Light on 555 0134.",
        "Session 1 of 6",
    ):
        assert expected in text, expected
    for clinical in (
        "late father",
        "grandfather",
        "mmHg",
        "/min",
        "Vital",
        "SpO2",
        "Crying",
        "ESK-7731",
        "Rechecked after rest",
        "dissociation",
        "Prefers mornings",  # a note for staff, not given with the booking
    ):
        assert clinical not in text, clinical


def test_a_record_that_cannot_be_found_or_written_is_said_plainly(
    printer: Printer, session_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(LookupError, match="no session 999"):
        printer.record(999)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "record.pdf"
    target.write_bytes(b"the previous file")
    data = printer.record(session_id)

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, data)
    assert target.read_bytes() == b"the previous file"
    assert list(out.iterdir()) == [target]  # no half-written file left behind


def test_the_record_prints_phases_ended_early_and_an_early_close(
    printer: Printer, storage: Storage, clock: FakeClock, tmp_path: Path
) -> None:
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("esketamine-intranasal")
    assert protocol is not None
    opened = JourneyStore(storage, clock).open_session("P-0120", protocol, "Sam Ortiz")
    journey = opened.journey
    _vitals(journey, 128, 80)
    journey.record_dose(Dose(56, "mg", "intranasal", lot_number="ESK-1"))
    clock.advance(6 * 60)
    journey.advance_phase()  # the sprays done in 6 of the 10 minutes
    clock.advance(20 * 60)
    ready = assess({item.id: 2 for item in READINESS_ITEMS}, True, 10)
    leave = leave_from(journey, journey.now())
    journey.record_discharge(ready.to_json("ok", {}, "Jo Okafor", leave))
    journey.close("Patient asked to stop; stable, escorted home")
    baseline = next(i for i, e in enumerate(journey.events) if e.kind is EventKind.VITALS)
    values = {"systolic": 126, "diastolic": 80, "heart_rate": 76, "spo2": 98}
    journey.amend(amendment_data(baseline, {"values": values}, "typed 128 for 126", "Jo"))
    assert opened.recorder.flush(timeout=5)  # corrected after the close: the close is still early
    path = tmp_path / "record.pdf"
    write_atomically(path, printer.record(opened.session_id))
    text = " ".join(pdf_text(path).split())
    assert "Dosing 10 min 0:06:00 0:00:00 ended early by hand" in text
    assert "Dosing ended early by hand at 06:00 of 10 min" in text  # in the timeline
    assert (
        "Closed early 26:00 since dosing, of the 2 h the protocol asks in the room; still in "
        "Peak dissociation, before the last phase" in text
    )
    assert "Why closed early Patient asked to stop; stable, escorted home" in text
    assert leave is not None
    assert f"ready, may leave from {leave.astimezone():%H:%M}" in text  # never "ready" alone


def test_the_record_prints_each_dose_with_its_weight_total_and_corrections(
    printer: Printer, storage: Storage, clock: FakeClock, tmp_path: Path
) -> None:
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("iv-ketamine")
    assert protocol is not None
    opened = JourneyStore(storage, clock).open_session("P-0300", protocol, "Sam Ortiz")
    journey = opened.journey
    first = journey.record_dose(
        Dose(0.5, "mg/kg", "IV", lot_number="KET-1", given_by="Jo Okafor", weight_kg=70)
    )
    clock.advance(30 * 60)
    journey.record_dose(Dose(0.3, "mg/kg", "IV", weight_kg=70), "partial response last time")
    clock.advance(5 * 60)
    journey.amend(
        amendment_data(journey.events.index(first), {"weight_kg": 74}, "weighed again", "Jo Okafor")
    )
    journey.close("Left with escort")
    assert opened.recorder.flush(timeout=5)
    path = tmp_path / "record.pdf"
    write_atomically(path, printer.record(opened.session_id))
    text = pdf_text(path)
    doses = text[text.index("Doses") : text.index("Phases")].replace("mg/ kg", "mg/kg")
    for expected in (
        "Weight",
        "Total",
        "74 kg",  # the dose as corrected
        "37 mg",
        "Original (",  # the dose as first written stays in the record
        "Dose: 0.5 mg/kg IV (70 kg, 35 mg total), lot KET-1",
        "because “weighed again”",
        "Dose: 0.5 mg/kg IV (74 kg, 37 mg total), lot KET-1",
        "0.3 mg/kg",
        "21 mg",
        "Outside the usual range: 0.3 mg/kg more makes 0.8 mg/kg in this session, which is "
        "above the usual 0.5–0.75 mg/kg; given because: partial response last time",
    ):
        assert expected in doses, expected


def _long_session(storage: Storage, clock: FakeClock, notes: int = 45) -> int:
    """A session with many readings and long notes: a record of several pages."""
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("iv-ketamine")
    assert protocol is not None
    opened = JourneyStore(storage, clock).open_session("P-0777", protocol, "Sam Ortiz")
    journey = opened.journey
    _vitals(journey, 128, 80)  # the baseline
    journey.record_dose(Dose(0.5, "mg/kg", "IV", lot_number="KET-9", weight_kg=70))
    for n in range(notes):
        clock.advance(2 * 60)
        text = (
            f"Nstart{n:02d} the patient spoke quietly about the sea, the garden and her "
            f"brother, then rested with slow even breathing and open hands Nend{n:02d}"
        )
        journey.record_observation(EventKind.NOTE, note_data(text, [], "Sam Ortiz"))
        if n % 3 == 0:
            _vitals(journey, 130 + n % 40, 82)
    journey.close("Left with her partner")
    assert opened.recorder.flush(timeout=5)
    return opened.session_id


def test_every_page_of_a_long_record_names_the_clinic_patient_date_and_page(
    printer: Printer, storage: Storage, clock: FakeClock, tmp_path: Path
) -> None:
    session = _long_session(storage, clock)
    path = tmp_path / "record.pdf"
    write_atomically(path, printer.record(session))
    pages = [" ".join(page.split()) for page in pdf_pages(path)]
    assert len(pages) >= 3
    day = f"{clock.now().astimezone():%d %b %Y}"
    for number, page in enumerate(pages, start=1):
        assert "Harbour Light" in page, number
        assert "Patient P-0777" in page, number
        assert f"Session {day}" in page, number
        assert f"Page {number} of {len(pages)}" in page, number
    # No row is split across pages: each note's first and last words are on the same page
    # (the note is in two tables, the notes and the timeline).
    for n in range(45):
        starts = [page.count(f"Nstart{n:02d}") for page in pages]
        ends = [page.count(f"Nend{n:02d}") for page in pages]
        assert starts == ends, (n, starts, ends)
        assert sum(starts) == 2
    # A table that goes on over a page break repeats its header row on the new page: every
    # page after the first here starts inside a table, with its header row.
    for number, page in enumerate(pages[1:], start=2):
        body = page.split(f"Page {number} of {len(pages)} ", 1)[1]
        assert body.startswith(("Time Journey Reading", "Time Journey Entry", "Time Journey What"))
    # The clinician signs on the last page.
    last = pages[-1]
    for line in ("Signed", "Clinician (name)", "Role", "Signature", "Date"):
        assert line in last, line
    assert "Clinician (name)" not in " ".join(pages[:-1])


def test_a_mark_in_the_header_is_on_every_page(
    printer: Printer, storage: Storage, clock: FakeClock, tmp_path: Path
) -> None:
    session = _long_session(storage, clock, notes=20)
    path = tmp_path / "record.pdf"
    write_atomically(path, replace(printer, mark="Practice").record(session))
    pages = pdf_pages(path)
    assert len(pages) >= 2
    assert all("Practice" in page for page in pages)
    write_atomically(path, printer.record(session))
    assert not any("Practice" in page for page in pdf_pages(path))  # none unless asked


def test_every_page_of_the_handout_names_the_clinic_patient_date_and_page(
    printer: Printer, session_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "handout.pdf"
    write_atomically(path, printer.handout(session_id))
    pages = [" ".join(page.split()) for page in pdf_pages(path)]
    for number, page in enumerate(pages, start=1):
        assert "Harbour Light · Patient P-0107 · Session 06 Mar 2026" in page
        assert f"Page {number} of {len(pages)}" in page


def test_a_row_taller_than_a_page_goes_on_over_the_break(
    printer: Printer, storage: Storage, clock: FakeClock, tmp_path: Path
) -> None:
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("iv-ketamine")
    assert protocol is not None
    opened = JourneyStore(storage, clock).open_session("P-0778", protocol, "Sam Ortiz")
    journey = opened.journey
    journey.record_dose(Dose(0.5, "mg/kg", "IV", lot_number="KET-9", weight_kg=70))
    words = " ".join(f"w{n}" for n in range(900))[:3900]  # as long as a note may be
    journey.record_observation(EventKind.NOTE, note_data(f"{words} lastword", [], "Sam"))
    seq = len(journey.events) - 1
    for why in ("first look", "second look"):  # its history makes its row taller than a page
        journey.amend(amendment_data(seq, {"text": f"{words} lastword {why}"}, why, "Sam"))
    journey.close("Done")
    assert opened.recorder.flush(timeout=5)
    path = tmp_path / "record.pdf"
    write_atomically(path, printer.record(opened.session_id))
    pages = [" ".join(page.split()) for page in pdf_pages(path)]
    text = " ".join(pages)
    assert len(pages) >= 3
    # Nothing lost, nothing twice: the note as it stands and its three versions, in the notes
    # and in the timeline.
    assert text.count("lastword") == 8
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))
