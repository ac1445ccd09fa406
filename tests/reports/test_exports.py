"""Exports of a session's record: JSON (all of it), CSV (the timeline) and a FHIR R4 Bundle
checked by an independent FHIR library (fhir.resources, its R4B models)."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, Journey, JourneyState
from kapdesk.core.observations import note_data
from kapdesk.core.safe_files import write_atomically
from kapdesk.core.timeline import timeline
from kapdesk.core.vitals import (
    CheckState,
    Reading,
    VitalsRecord,
    check_statuses,
    flags,
    planned_checks,
)
from kapdesk.demo import NURSE, PATIENT_CODE, SITTER, THERAPIST, record_demo_session
from kapdesk.reports.exports import (
    CSV_HEADER,
    ExportFormat,
    export_session,
    journey_time,
)
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.repositories import SessionSummary
from tests.conftest import make_protocol

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"

Record = tuple[SessionSummary, Journey]


@pytest.fixture
def demo(storage: Storage) -> Record:
    written = record_demo_session(storage, START)
    return JourneyStore(storage, FakeClock()).load(written.session_id)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for spreadsheets
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _walk(value: Any) -> Iterator[tuple[str, Any]]:
    """Every key and value, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def _resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def _codes(resource: dict[str, Any]) -> list[str]:
    return [c["code"] for c in resource["code"]["coding"] if c["system"] == LOINC]


# -- the demo session --------------------------------------------------------------------------


def test_the_demo_session_is_complete_and_kept_to_the_schedule(demo: Record) -> None:
    summary, journey = demo
    assert summary.patient_code == PATIENT_CODE
    assert summary.protocol_id == "iv-ketamine"
    assert summary.state is JourneyState.CLOSED
    assert summary.opened_at == START
    kinds = [e.kind for e in journey.events]
    for kind in (EventKind.SOUNDTRACK, EventKind.DOSE, EventKind.NOTE, EventKind.RATING):
        assert kind in kinds
    assert kinds.count(EventKind.TRACK) >= 2
    assert [e.data["on"] for e in journey.events if e.kind is EventKind.QUIET] == [True, False]
    assert kinds.count(EventKind.AMENDMENT) == 1
    assert [s.phase.name for s in journey.spans] == ["Infusion", "Emergence", "Return", "Recovery"]
    assert 95 * 60 <= (journey.elapsed() or 0) <= 110 * 60
    assert {e.data["scale"] for e in journey.events if e.kind is EventKind.RATING} == {
        "responsiveness",
        "distress",
        "nausea",
    }
    assert any(e.data["tags"] for e in journey.events if e.kind is EventKind.NOTE)

    # Every check the protocol asks for was taken, the baseline before the dose.
    readings = [e for e in journey.events if e.kind is EventKind.VITALS]
    assert readings[0].elapsed is None
    discharge = journey.spans[-1].started
    statuses = check_statuses(
        planned_checks(journey.protocol),
        journey.elapsed(),
        [e.elapsed for e in readings],
        discharge_from=discharge,
    )
    assert {s.state for s in statuses} == {CheckState.DONE}

    # Flags are what the app raises for these values, under this protocol's thresholds.
    for event in readings:
        reading = Reading.from_values(event.data["values"])
        expected = flags(reading, journey.protocol.thresholds, dosed=event.elapsed is not None)
        assert event.data["flags"] == expected
    flagged = [e for e in readings if e.data["flags"]]
    assert [e.data["flags"] for e in flagged] == [
        ["Systolic BP 184 mmHg is at or above 180 mmHg"],
        ["Heart rate 48 /min is below 50 /min"],  # the typo, corrected later
    ]


# -- JSON ----------------------------------------------------------------------------------------


def test_json_holds_the_whole_record(demo: Record) -> None:
    summary, journey = demo
    data = export_session(summary, journey, ExportFormat.JSON)
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    assert "°C" in text  # non-ASCII as it is, not \u00b0
    document = json.loads(text)
    assert list(document) == [
        "format",
        "format_version",
        "written_by",
        "units",
        "session",
        "protocol",
        "phases",
        "events",
        "timeline",
    ]
    assert document["units"] == {"temperature": "Cel", "weight_kg": "kg"}  # as kept, UCUM
    session = document["session"]
    assert session == {
        "id": summary.id,
        "patient_code": "DEMO-001",
        "protocol_id": "iv-ketamine",
        "protocol_name": "IV ketamine 0.5 mg/kg over 40 min",
        "sitter": SITTER,
        "state": "closed",
        "opened_at": "2026-03-02T09:00:00.000000Z",
        "dosed_at": session["dosed_at"],
        "closed_at": session["closed_at"],
        "close_reason": "Discharged home with escort",
    }
    assert datetime.fromisoformat(session["dosed_at"]) == summary.dosed_at
    assert datetime.fromisoformat(session["closed_at"]) == summary.closed_at
    assert document["protocol"]["snapshot"] == journey.protocol.text

    events = document["events"]
    assert [e["seq"] for e in events] == list(range(len(journey.events)))
    assert [e["kind"] for e in events] == [e.kind.value for e in journey.events]
    assert list(events[5]) == ["seq", "kind", "wall", "elapsed", "phase_index", "data"]
    dose = next(e for e in events if e["kind"] == "dose")
    assert (dose["elapsed"], dose["data"]["amount"], dose["data"]["given_by"]) == (0.0, 0.5, NURSE)
    assert (dose["data"]["weight_kg"], dose["data"]["total_mg"]) == (70, 35)
    amendment = next(e for e in events if e["kind"] == "amendment")
    assert amendment["data"]["data"]["values"]["heart_rate"] == 84

    entries = document["timeline"]
    assert len(entries) == len(timeline(journey.events)) == len(events) - 1
    assert "amendment" not in {e["kind"] for e in entries}
    (corrected,) = [e for e in entries if e["amended"]]
    assert corrected["seq"] == amendment["data"]["amends"]
    assert corrected["data"]["values"]["heart_rate"] == 84
    assert corrected["flags"] == []
    original, correction = corrected["versions"]
    assert "HR 48 /min" in original["text"]
    assert "HR 84 /min" in correction["text"] == corrected["text"]
    assert correction["reason"].startswith("Digits swapped")
    assert correction["by"] == NURSE


def test_exports_are_the_same_bytes_every_time(demo: Record, storage: Storage) -> None:
    summary, journey = demo
    again = JourneyStore(storage, FakeClock()).load(summary.id)
    for fmt in ExportFormat:
        assert export_session(summary, journey, fmt) == export_session(*again, fmt)


# -- CSV -----------------------------------------------------------------------------------------


def test_csv_has_one_row_per_timeline_entry_with_the_correction(demo: Record) -> None:
    summary, journey = demo
    data = export_session(summary, journey, ExportFormat.CSV)
    assert data.count(b"\r\n") == data.count(b"\n")  # RFC 4180 line ends
    header, *rows = _csv_rows(data)
    assert tuple(header) == CSV_HEADER
    entries = timeline(journey.events)
    assert len(rows) == len(entries)
    assert [int(r[0]) for r in rows] == [e.seq for e in entries]
    by_column = [dict(zip(header, row, strict=True)) for row in rows]

    dose = next(r for r in by_column if r["kind"] == "dose")
    assert (dose["journey_time"], dose["journey_seconds"], dose["phase"]) == ("0:00:00", "0.0", "")
    assert dose["wall_utc"].endswith("Z")
    before = by_column[0]
    assert (before["kind"], before["journey_time"], before["phase"]) == ("session_opened", "", "")

    flagged = next(r for r in by_column if "184" in r["text"])
    assert flagged["flags"] == "Systolic BP 184 mmHg is at or above 180 mmHg"
    assert flagged["phase"] == "Infusion"
    assert flagged["journey_time"] == "0:20:15"
    assert flagged["amended"] == "no"

    (amended,) = [r for r in by_column if r["amended"] == "yes"]
    assert "HR 84 /min" in amended["text"]
    assert "HR 48 /min" in amended["original_text"]
    assert "below 50 /min" in amended["original_text"]
    assert amended["flags"] == ""
    assert amended["phase"] == "Emergence"
    assert (amended["by"], amended["corrected_by"]) == (NURSE, NURSE)
    assert amended["correction_reason"] == "Digits swapped when typing; the monitor showed 84."
    assert {r["original_text"] for r in by_column if r["amended"] == "no"} == {""}
    (baseline,) = [r for r in by_column if r["kind"] == "vitals" and not r["journey_time"]]
    assert "T 36.7 °C" in baseline["text"]
    music = [r["text"] for r in by_column if r["kind"] == "track_started"]
    assert music[0] == "Music: Demo Ensemble – Slow Piano I (played at -8.4 dB)"


def test_csv_cells_never_start_a_spreadsheet_formula(store: JourneyStore, clock: FakeClock) -> None:
    opened = store.open_session("P-1", make_protocol(), "")
    opened.journey.record_observation(EventKind.NOTE, note_data('a, "quoted"\nline', [], "=1+2"))
    opened.journey.close()
    summary, journey = store.load(opened.session_id)
    rows = _csv_rows(export_session(summary, journey, "csv"))
    note = rows[2]
    assert note[CSV_HEADER.index("by")] == "'=1+2"
    assert note[CSV_HEADER.index("text")] == 'Note: a, "quoted"\nline'


def test_journey_time_reads_hours_minutes_seconds() -> None:
    assert journey_time(None) == ""
    assert journey_time(59.9) == "0:00:59"
    assert journey_time(3725.2) == "1:02:05"


# -- FHIR ----------------------------------------------------------------------------------------


def test_the_fhir_bundle_is_valid_r4_for_an_independent_library(demo: Record) -> None:
    bundle = json.loads(export_session(*demo, ExportFormat.FHIR))
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    assert parsed.entry is not None
    assert len(parsed.entry) == len(bundle["entry"])
    for entry in bundle["entry"]:
        resource = entry["resource"]
        model = get_fhir_model_class(resource["resourceType"])
        model.model_validate(resource)  # each resource on its own, too
    assert [type(e.resource).__name__ for e in parsed.entry[:2]] == ["Patient", "Encounter"]

    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(set(urls)) == len(urls)
    assert all(u.startswith("urn:uuid:") for u in urls)
    references = {v for k, v in _walk(bundle) if k == "reference"}
    assert references <= set(urls)

    (encounter,) = _resources(bundle, "Encounter")
    assert encounter["status"] == "finished"
    assert encounter["period"] == {"start": "2026-03-02T09:00:00Z", "end": bundle["timestamp"]}
    observations = _resources(bundle, "Observation")
    statuses = {o["status"] for o in observations}
    assert statuses == {"final", "amended"}
    for observation in observations:
        (category,) = observation["category"]
        assert category["coding"][0]["code"] == "vital-signs"
        assert observation["encounter"]["reference"] == urls[1]
        assert observation["subject"]["reference"] == urls[0]


def test_fhir_uses_loinc_codes_and_ucum_units(demo: Record) -> None:
    summary, journey = demo
    bundle = json.loads(export_session(summary, journey, ExportFormat.FHIR))
    observations = _resources(bundle, "Observation")
    units: dict[str, set[str]] = {}
    for observation in observations:
        codes = _codes(observation)
        quantities = [observation.get("valueQuantity")] + [
            c["valueQuantity"] for c in observation.get("component", [])
        ]
        for quantity in filter(None, quantities):
            assert quantity["system"] == UCUM
            units.setdefault(codes[0], set()).add(quantity["code"])
        if codes == ["85354-9"]:
            assert "valueQuantity" not in observation
            assert [_codes(c) for c in observation["component"]] == [["8480-6"], ["8462-4"]]
    assert units == {
        "85354-9": {"mm[Hg]"},
        "8867-4": {"/min"},
        "2708-6": {"%"},  # one Observation coded 2708-6 and 59408-5
        "9279-1": {"/min"},
        "8310-5": {"Cel"},
        "29463-7": {"kg"},  # the weight the dose was worked out from
    }
    assert {tuple(_codes(o)) for o in observations if "2708-6" in _codes(o)} == {
        ("2708-6", "59408-5")
    }
    # One Observation per measure of every reading (the baseline also has RR and temperature).
    readings = [e for e in timeline(journey.events) if e.kind is EventKind.VITALS]
    weighed = [e for e in timeline(journey.events) if e.kind is EventKind.DOSE]
    assert len(observations) == 3 * len(readings) + 2 + len(weighed)
    (weight,) = [o for o in observations if _codes(o) == ["29463-7"]]
    assert weight["valueQuantity"] == {"value": 70, "unit": "kg", "system": UCUM, "code": "kg"}
    (temperature,) = [o for o in observations if _codes(o) == ["8310-5"]]
    assert temperature["valueQuantity"]["value"] == 36.7


def test_fhir_marks_the_flagged_reading_and_the_corrected_one(demo: Record) -> None:
    bundle = json.loads(export_session(*demo, ExportFormat.FHIR))
    observations = _resources(bundle, "Observation")
    interpreted = [o for o in observations if "interpretation" in o]
    (high,) = interpreted  # the typo's "low" heart rate was corrected away
    assert _codes(high) == ["85354-9"]
    assert high["interpretation"] == [
        {"coding": [{"system": INTERPRETATION, "code": "H", "display": "High"}]}
    ]
    systolic, diastolic = high["component"]
    assert systolic["valueQuantity"]["value"] == 184
    assert systolic["interpretation"][0]["coding"][0]["code"] == "H"
    assert "interpretation" not in diastolic
    assert high["note"] == [{"text": "Systolic BP 184 mmHg is at or above 180 mmHg"}]
    assert high["status"] == "final"

    (amended,) = [o for o in observations if o["status"] == "amended"]
    assert _codes(amended) == ["8867-4"]  # only the heart rate changed in that reading
    assert amended["valueQuantity"]["value"] == 84
    assert "48 /min" in amended["note"][0]["text"]
    assert amended["issued"] > amended["effectiveDateTime"]


def test_the_bundle_identifies_no_one_beyond_the_clinic_code(demo: Record) -> None:
    summary, journey = demo
    raw = export_session(summary, journey, ExportFormat.FHIR).decode("utf-8")
    bundle = json.loads(raw)
    (patient,) = _resources(bundle, "Patient")
    assert patient == {
        "resourceType": "Patient",
        "identifier": [{"use": "usual", "system": "urn:kapdesk:clinic-code", "value": "DEMO-001"}],
    }
    assert raw.count("DEMO-001") == 1
    keys = {k for k, _ in _walk(bundle)}
    assert not keys & {"name", "birthDate", "telecom", "address", "photo", "contact", "author"}
    for person in (SITTER, NURSE, THERAPIST):
        assert person not in raw
    typed = [e.data["text"] for e in journey.events if e.kind is EventKind.NOTE]
    typed += [str(e.data["reason"]) for e in journey.events if e.kind is EventKind.AMENDMENT]
    assert all(text not in raw for text in typed)
    assert {r["resourceType"] for r in (e["resource"] for e in bundle["entry"])} == {
        "Patient",
        "Encounter",
        "Observation",
    }


def test_fhir_of_an_open_session_with_low_values(store: JourneyStore, clock: FakeClock) -> None:
    protocol = make_protocol()
    opened = store.open_session("P-7", protocol, "Robin")
    journey = opened.journey
    journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    clock.advance(600)
    reading = Reading(spo2=88, respiratory_rate=8, temperature=38.4, heart_rate=64)
    raised = flags(reading, protocol.thresholds, dosed=True)
    journey.record_observation(EventKind.VITALS, VitalsRecord(reading, tuple(raised)).to_json())
    summary, loaded = store.load(opened.session_id)
    bundle = json.loads(export_session(summary, loaded, "fhir"))
    Bundle.model_validate(bundle)
    (encounter,) = _resources(bundle, "Encounter")
    assert encounter["status"] == "in-progress"
    assert "end" not in encounter["period"]
    found = {
        _codes(o)[0]: [c["code"] for i in o.get("interpretation", []) for c in i["coding"]]
        for o in _resources(bundle, "Observation")
    }
    assert found == {
        "8867-4": [],
        "2708-6": ["L"],
        "9279-1": ["L"],
        "8310-5": ["H"],
        "29463-7": [],
    }


def test_a_session_closed_before_dosing_is_a_cancelled_encounter(store: JourneyStore) -> None:
    opened = store.open_session("P-8", make_protocol(), "")
    opened.journey.close("patient unwell")
    bundle = json.loads(export_session(*store.load(opened.session_id), "fhir"))
    Bundle.model_validate(bundle)
    assert _resources(bundle, "Encounter")[0]["status"] == "cancelled"
    assert _resources(bundle, "Observation") == []


# -- writing -------------------------------------------------------------------------------------


def test_write_atomically_replaces_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    write_atomically(target, b"new", mode=0o600)
    assert target.read_bytes() == b"new"
    assert os.stat(target).st_mode & 0o777 == 0o600
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(OSError, match="directory"):
        write_atomically(folder, b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder", "out.json"]
