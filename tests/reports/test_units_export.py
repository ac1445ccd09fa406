"""A session recorded in °F and pounds is kept, and exported, exactly as one recorded in °C and
kg; the printed record reads in the clinic's units."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from PySide6.QtWidgets import QApplication

from kapdesk.core.clinic import parse_clinic
from kapdesk.core.clock import FakeClock
from kapdesk.core.dosing import weight_kept
from kapdesk.core.journey import Dose, EventKind, Journey
from kapdesk.core.safe_files import write_atomically
from kapdesk.core.units import Temperature, Units, Weight
from kapdesk.core.vitals import VitalsRecord, flags, parse_reading
from kapdesk.printing import Printer
from kapdesk.reports.chart import vitals_image
from kapdesk.reports.exports import export_session
from kapdesk.reports.pages import PageHeader, Printed
from kapdesk.reports.pdf import pdf_bytes
from kapdesk.reports.printed import VITALS_IMAGE, RecordFacts, session_record_html
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.repositories import SessionSummary
from tests.conftest import make_protocol
from tests.support.pdf_text import pdf_text

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
US = Units(Temperature.FAHRENHEIT, Weight.LB)
METRIC = Units()
# The same patient, as a °F-and-pounds clinic and a °C-and-kg clinic type it.
TYPED = {
    US: ("154", ({"temperature": "98.6"}, {"temperature": "101.3", "heart_rate": "80"})),
    METRIC: ("69.85", ({"temperature": "37.0"}, {"temperature": "38.5", "heart_rate": "80"})),
}


def _record(storage: Storage, units: Units) -> tuple[SessionSummary, Journey]:
    """A session as the forms record it: what is typed in ``units``, kept in °C and kg."""
    store = JourneyStore(storage, FakeClock(START))
    protocol = make_protocol()
    opened = store.open_session("P-1", protocol, "Robin")
    journey = opened.journey
    weight, readings = TYPED[units]
    for n, typed in enumerate(readings):
        checked = parse_reading(typed, units)
        assert checked.ok
        raised = flags(checked.reading, protocol.thresholds, dosed=journey.dosed)
        journey.record_observation(
            EventKind.VITALS, VitalsRecord(checked.reading, tuple(raised)).to_json("Ana")
        )
        if n == 0:
            kept = weight_kept(float(weight), units)
            journey.record_dose(Dose(0.5, "mg/kg", "IM", given_by="Ana", weight_kg=kept))
    return store.load(opened.session_id)


def _values(bundle: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            r["code"]["coding"][0]["code"],
            json.dumps(r.get("valueQuantity")),
            json.dumps(r.get("interpretation")),
        )
        for e in bundle["entry"]
        if (r := e["resource"])["resourceType"] == "Observation"
    ]


def test_a_session_in_fahrenheit_and_pounds_exports_the_same_values(storage: Storage) -> None:
    us, metric = _record(storage, US), _record(storage, METRIC)
    assert export_session(*us, "csv") == export_session(*metric, "csv")
    us_json, metric_json = (json.loads(export_session(*r, "json")) for r in (us, metric))
    assert us_json["events"] == metric_json["events"]
    assert us_json["timeline"] == metric_json["timeline"]
    assert us_json["units"] == {"temperature": "Cel", "weight_kg": "kg"}
    us_fhir, metric_fhir = (json.loads(export_session(*r, "fhir")) for r in (us, metric))
    Bundle.model_validate(us_fhir)
    assert _values(us_fhir) == _values(metric_fhir)
    quantities = [json.loads(v) for _, v, _ in _values(us_fhir)]
    assert {"value": 37, "unit": "°C", "system": "http://unitsofmeasure.org", "code": "Cel"} in (
        quantities
    )
    assert {"value": 69.85, "unit": "kg", "system": "http://unitsofmeasure.org", "code": "kg"} in (
        quantities
    )
    (dose,) = [e for e in us_json["events"] if e["kind"] == "dose"]
    assert (dose["data"]["weight_kg"], dose["data"]["total_mg"]) == (69.85, 34.925)
    (flagged,) = [e for e in us_json["events"] if e["kind"] == "vitals" and e["data"]["flags"]]
    assert flagged["data"]["flags"] == ["Temperature 38.5 °C is above 38.0 °C"]  # as kept


def test_the_printed_record_reads_in_the_clinics_units(storage: Storage) -> None:
    summary, journey = _record(storage, US)
    page = session_record_html(RecordFacts(summary, journey, units=US), START)
    assert "T 98.6 °F" in page  # the baseline and the reading
    assert "Temperature 101.3 °F is above 100.4 °F" in page  # the flag, in the clinic's unit
    assert "154 lb" in page  # the weight the dose was worked out from
    assert "34.925 mg" in page
    assert "°C" not in page
    assert " kg" not in page.replace("mg/kg", "")
    kept = session_record_html(RecordFacts(summary, journey), START)
    assert "T 37.0 °C" in kept
    assert "69.85 kg" in kept
    assert "°F" not in kept


def test_the_printed_pdf_reads_in_the_clinics_units(
    storage: Storage, qapp: QApplication, tmp_path: Path
) -> None:
    summary, journey = _record(storage, US)
    page = session_record_html(RecordFacts(summary, journey, units=US), START)
    header = PageHeader("Harbour Light", summary.patient_code, "2 Mar 2026", "Session record")
    printed = Printed(page, header, ((VITALS_IMAGE, vitals_image(journey)),))
    path = tmp_path / "record.pdf"
    write_atomically(path, pdf_bytes(printed))
    text = pdf_text(path)
    assert "T 98.6 °F" in text
    assert "Temperature 101.3 °F is above 100.4 °F" in text
    assert "154 lb" in text
    assert "°C" not in text


def test_the_clinics_printer_prints_the_record_in_its_units(
    storage: Storage, qapp: QApplication, tmp_path: Path
) -> None:
    """The whole way the window and `kapdesk export --format pdf` print: the clinic's
    settings decide the units, not a caller."""
    summary, _journey = _record(storage, US)
    clinic = parse_clinic('[locale]\nregion = "en_US"\n')
    printer = Printer(storage, FakeClock(START), clinic, by="Robin Hale")
    path = tmp_path / "record.pdf"
    write_atomically(path, printer.record(summary.id))
    text = pdf_text(path)
    assert "T 98.6 °F" in text
    assert "154 lb" in text
    metric = Printer(storage, FakeClock(START), parse_clinic('[locale]\nregion = "fr_FR"\n'))
    write_atomically(path, metric.record(summary.id))
    assert "T 37" in pdf_text(path)
    assert "°F" not in pdf_text(path)
