"""A session's record written out: JSON (everything), CSV (the timeline, for a spreadsheet)
and a FHIR R4 Bundle (the vital signs, for an electronic health record).

Every export is built from what :meth:`kapdesk.storage.journeys.JourneyStore.load` returns, a
:class:`SessionSummary` and the :class:`Journey` rebuilt from the session's events, and comes
out as bytes, the same bytes for the same record every time (no export time is written, and
the FHIR ids are name-based UUIDs derived from the session).

- **JSON**: UTF-8 (no BOM), keys in a fixed order, non-ASCII text as it is. The session's
  facts, the protocol snapshot it ran under, every event as recorded (amendments included)
  and the timeline as it stands, with every version of a corrected entry. Wall times are
  ISO-8601 UTC with microseconds (``2026-03-02T09:00:00.000000Z``); journey times are
  seconds since the first dose (null before it).
- **CSV**: one row per timeline entry, corrections folded in, RFC 4180 (comma, double quotes,
  CRLF line ends). Encoded UTF-8 *with* a byte-order mark, so that Excel reads accents and
  units (``°C``) right; LibreOffice, pandas (``encoding="utf-8-sig"``) and Python's csv module
  read it as well. A cell that would start with ``=``, ``+``, ``-`` or ``@`` gets a leading
  ``'`` so no spreadsheet runs it as a formula (only staff-typed names and reasons can).
- **FHIR**: a Bundle of type ``collection`` (FHIR R4, 4.0.1): the Patient, known only by the
  clinic code (no name, no birth date), the session as an Encounter, and one vital-signs
  Observation per measure of every reading as it stands after corrections (LOINC codes, UCUM
  units), and a body weight Observation for each dose given by weight. Notes and ratings are
  left out: their free text may name people, and a bundle that leaves the clinic should
  identify no one beyond the clinic code.

Units: every export carries the values as the record keeps them, whatever units the clinic
types and reads: temperatures in °C, weights in kg. A session recorded in °F and pounds exports
the same values as one recorded in °C and kg. The JSON says so in its ``units`` (UCUM codes),
the CSV's words name the unit beside each value, and FHIR's quantities are UCUM ``Cel`` and
``kg``, which the body temperature and body weight profiles accept from any clinic (``[degF]``
and ``[lb_av]`` are valid too, but a receiving system converts either way, and one unit is
one less thing to get wrong).
"""

from __future__ import annotations

import csv
import io
import json
import math
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from kapdesk import __version__
from kapdesk.core.journey import EventKind, Journey, JourneyState
from kapdesk.core.journey_events import recorded_number
from kapdesk.core.timeline import Entry, timeline
from kapdesk.core.vitals import LABELS, value_text

if TYPE_CHECKING:  # reports need no database library to write what was read
    from kapdesk.storage.repositories import SessionSummary


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    FHIR = "fhir"


class ExportError(Exception):
    """A record that cannot be written in the chosen format; the message says why."""


JSON_FORMAT = "kapdesk-session"
JSON_FORMAT_VERSION = 1
# The units the record keeps every value in (UCUM codes): the JSON export says them.
KEPT_UNITS = {"temperature": "Cel", "weight_kg": "kg"}

CSV_HEADER = (
    "seq",
    "wall_utc",
    "journey_time",
    "journey_seconds",
    "phase",
    "kind",
    "text",
    "flags",
    "by",
    "amended",
    "original_text",
    "corrected_by",
    "correction_reason",
)


def export_session(
    summary: SessionSummary, journey: Journey, fmt: ExportFormat | str, *, mark: str = ""
) -> bytes:
    """The session's record in ``fmt``, as the bytes of the file. A ``mark`` (practice's
    "PRACTICE — not a clinical record") is written where each format lets a reader see it."""
    chosen = ExportFormat(fmt)
    if chosen is ExportFormat.JSON:
        document = session_json(summary, journey)
        return _dumps({"mark": mark, **document} if mark else document)
    if chosen is ExportFormat.CSV:
        return (_csv_mark(mark) + session_csv(journey)).encode("utf-8-sig")
    bundle = fhir_bundle(summary, journey)
    if mark:  # FHIR's own word for it: test health data, not about a real patient
        bundle = {"resourceType": "Bundle", "meta": {"tag": [TEST_DATA_TAG]}, **bundle}
    return _dumps(bundle)


def _csv_mark(mark: str) -> str:
    """A first row that says what the file is, before the header; nothing without a mark."""
    if not mark:
        return ""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow([mark])
    return buffer.getvalue()


# -- shared --------------------------------------------------------------------------------------


def iso_utc(moment: datetime | None, *, precise: bool = True) -> str | None:
    """ISO-8601 in UTC with a ``Z``: to the microsecond, or to the second."""
    if moment is None:
        return None
    spec = "microseconds" if precise else "seconds"
    return moment.astimezone(UTC).isoformat(timespec=spec).replace("+00:00", "Z")


def journey_time(elapsed: float | None) -> str:
    """``H:MM:SS`` since the first dose, whole seconds rounded down; empty before it."""
    if elapsed is None:
        return ""
    total = max(0, math.floor(elapsed))
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}"


def _phase_name(journey: Journey, index: int | None) -> str:
    phases = journey.protocol.phases
    return phases[index].name if index is not None and 0 <= index < len(phases) else ""


def _by(entry: Entry) -> str:
    return entry.by or str(entry.data.get("given_by") or "")


def _dumps(document: Mapping[str, Any]) -> bytes:
    try:
        text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ExportError(f"the record holds a value JSON cannot carry: {exc}") from exc
    return (text + "\n").encode("utf-8")


# -- JSON ----------------------------------------------------------------------------------------


def session_json(summary: SessionSummary, journey: Journey) -> dict[str, Any]:
    """The whole record of a session, as a JSON-ready dict in a fixed key order."""
    protocol = journey.protocol
    return {
        "format": JSON_FORMAT,
        "format_version": JSON_FORMAT_VERSION,
        "written_by": f"kapdesk {__version__}",
        "units": dict(KEPT_UNITS),
        "session": {
            "id": summary.id,
            "patient_code": summary.patient_code,
            "protocol_id": summary.protocol_id,
            "protocol_name": summary.protocol_name,
            "sitter": summary.sitter,
            "state": summary.state.value,
            "opened_at": iso_utc(summary.opened_at),
            "dosed_at": iso_utc(summary.dosed_at),
            "closed_at": iso_utc(summary.closed_at),
            "close_reason": summary.close_reason,
        },
        "protocol": {
            "id": protocol.id,
            "name": protocol.name,
            "route": protocol.route,
            "snapshot": protocol.text,
        },
        "phases": [
            {
                "index": span.index,
                "name": span.phase.name,
                "planned_minutes": span.phase.minutes,
                "started": span.started,
                "ended": span.ended,
            }
            for span in journey.spans
        ],
        "events": [
            {
                "seq": seq,
                "kind": event.kind.value,
                "wall": iso_utc(event.wall),
                "elapsed": event.elapsed,
                "phase_index": event.phase_index,
                "data": dict(event.data),
            }
            for seq, event in enumerate(journey.events)
        ],
        "timeline": [
            {
                "seq": entry.seq,
                "kind": entry.kind.value,
                "wall": iso_utc(entry.wall),
                "elapsed": entry.elapsed,
                "phase_index": entry.phase_index,
                "phase": _phase_name(journey, entry.phase_index) or None,
                "text": entry.text,
                "flags": list(entry.flags),
                "by": _by(entry),
                "amended": entry.amended,
                "data": dict(entry.data),
                "versions": [
                    {
                        "wall": iso_utc(version.wall),
                        "text": version.text,
                        "by": version.by,
                        "reason": version.reason,
                    }
                    for version in entry.versions
                ],
            }
            for entry in timeline(journey.events)
        ],
    }


# -- CSV -----------------------------------------------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def session_csv(journey: Journey) -> str:
    """The timeline, one row per entry (corrections folded in), as CSV text with CRLF lines."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for entry in timeline(journey.events):
        last = entry.versions[-1] if entry.amended else None
        row = (
            str(entry.seq),
            iso_utc(entry.wall, precise=False) or "",
            journey_time(entry.elapsed),
            "" if entry.elapsed is None else f"{entry.elapsed:.1f}",
            _phase_name(journey, entry.phase_index),
            entry.kind.value,
            entry.text,
            "; ".join(entry.flags),
            _by(entry),
            "yes" if entry.amended else "no",
            entry.versions[0].text if entry.amended else "",
            last.by if last else "",
            last.reason if last else "",
        )
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


# -- FHIR R4 -------------------------------------------------------------------------------------

CLINIC_CODE_SYSTEM = "urn:kapdesk:clinic-code"
SESSION_SYSTEM = "urn:kapdesk:session"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
TEST_DATA_TAG = {
    "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason",
    "code": "HTEST",
    "display": "test health data",
}

# Every export's UUIDs hang off this one: uuid5 of a name that says what the resource is.
UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:kapdesk:fhir-export")


@dataclass(frozen=True)
class _Measure:
    """A vital-signs Observation: its codes, and the reading's fields it carries."""

    key: str
    codings: tuple[tuple[str, str], ...]  # LOINC (code, display)
    text: str
    fields: tuple[str, ...]


# field: (human unit, UCUM code)
_UNITS = {
    "systolic": ("mmHg", "mm[Hg]"),
    "diastolic": ("mmHg", "mm[Hg]"),
    "heart_rate": ("beats/minute", "/min"),
    "spo2": ("%", "%"),
    "respiratory_rate": ("breaths/minute", "/min"),
    "temperature": ("°C", "Cel"),
}
_COMPONENT_CODES = {
    "systolic": ("8480-6", "Systolic blood pressure"),
    "diastolic": ("8462-4", "Diastolic blood pressure"),
}
_MEASURES = (
    _Measure(
        "bp",
        (("85354-9", "Blood pressure panel with all children optional"),),
        "Blood pressure",
        ("systolic", "diastolic"),
    ),
    _Measure("hr", (("8867-4", "Heart rate"),), "Heart rate", ("heart_rate",)),
    _Measure(
        "spo2",
        (
            ("2708-6", "Oxygen saturation in Arterial blood"),
            ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"),
        ),
        "Oxygen saturation (pulse oximetry)",
        ("spo2",),
    ),
    _Measure("rr", (("9279-1", "Respiratory rate"),), "Respiratory rate", ("respiratory_rate",)),
    _Measure("temp", (("8310-5", "Body temperature"),), "Body temperature", ("temperature",)),
)
_WEIGHT = _Measure("weight", (("29463-7", "Body weight"),), "Body weight", ("weight_kg",))
_HIGH = {"code": "H", "display": "High"}
_LOW = {"code": "L", "display": "Low"}


def _uuid_url(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(UUID_NAMESPACE, name)}"


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _quantity(field: str, value: float) -> dict[str, Any]:
    unit, code = _UNITS[field]
    return {"value": _number(value), "unit": unit, "system": UCUM, "code": code}


def _interpretation(flag: str) -> tuple[str, dict[str, str] | None]:
    """The field a flag (as :func:`kapdesk.core.vitals.flags` words it) is about, and H or L."""
    for field, label in LABELS.items():
        if flag.startswith(label + " "):
            if " is below " in flag:
                return field, _LOW
            if " is above " in flag or " is at or above " in flag:
                return field, _HIGH
            return field, None
    return "", None


def _coded(interpretation: Mapping[str, str]) -> dict[str, Any]:
    return {"coding": [{"system": INTERPRETATION, **interpretation}]}


def _values(data: Mapping[str, Any]) -> dict[str, float]:
    values = data.get("values")
    if not isinstance(values, Mapping):
        return {}
    clean: dict[str, float] = {}
    for field in _UNITS:
        value = values.get(field)
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            clean[field] = float(value)
    return clean


def fhir_bundle(summary: SessionSummary, journey: Journey) -> dict[str, Any]:
    """The session as a FHIR R4 ``collection`` Bundle (a JSON-ready dict)."""
    session_key = f"session/{summary.id}/{iso_utc(summary.opened_at)}"
    patient_url = _uuid_url(f"patient/{summary.patient_code}")
    encounter_url = _uuid_url(f"{session_key}/encounter")

    patient = {
        "resourceType": "Patient",
        "identifier": [
            {"use": "usual", "system": CLINIC_CODE_SYSTEM, "value": summary.patient_code}
        ],
    }
    if summary.state is JourneyState.CLOSED:
        status = "finished" if summary.dosed_at is not None else "cancelled"
    else:
        status = "in-progress"
    period = {"start": iso_utc(summary.opened_at, precise=False)}
    if summary.closed_at is not None:
        period["end"] = iso_utc(summary.closed_at, precise=False)
    encounter = {
        "resourceType": "Encounter",
        "identifier": [{"system": SESSION_SYSTEM, "value": str(summary.id)}],
        "status": status,
        "class": {"system": ACT_CODE, "code": "AMB", "display": "ambulatory"},
        "type": [{"text": f"Ketamine-assisted psychotherapy session: {summary.protocol_name}"}],
        "subject": {"reference": patient_url},
        "period": period,
    }
    entries: list[dict[str, Any]] = [
        {"fullUrl": patient_url, "resource": patient},
        {"fullUrl": encounter_url, "resource": encounter},
    ]
    for entry in timeline(journey.events):
        if entry.kind is EventKind.DOSE:
            weighed = _weight(entry, journey, patient_url, encounter_url)
            if weighed is not None:
                url = _uuid_url(f"{session_key}/event/{entry.seq}/{_WEIGHT.key}")
                entries.append({"fullUrl": url, "resource": weighed})
        if entry.kind is not EventKind.VITALS:
            continue
        original = _values(journey.events[entry.seq].data)
        for measure, observation in _observations(entry, original, patient_url, encounter_url):
            url = _uuid_url(f"{session_key}/event/{entry.seq}/{measure.key}")
            entries.append({"fullUrl": url, "resource": observation})
    last = journey.events[-1].wall if journey.events else summary.opened_at
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(UUID_NAMESPACE, f"{session_key}/bundle")),
        "type": "collection",
        "timestamp": iso_utc(last, precise=False),
        "entry": entries,
    }


def _observations(
    entry: Entry, original: Mapping[str, float], patient_url: str, encounter_url: str
) -> list[tuple[_Measure, dict[str, Any]]]:
    values = _values(entry.data)
    by_field: dict[str, list[tuple[str, dict[str, str] | None]]] = {}
    loose: list[str] = []  # flags that name no field of ours: shown on every Observation
    for flag in entry.flags:
        field, interpretation = _interpretation(flag)
        if field:
            by_field.setdefault(field, []).append((flag, interpretation))
        else:
            loose.append(flag)
    found: list[tuple[_Measure, dict[str, Any]]] = []
    for measure in _MEASURES:
        present = [f for f in measure.fields if f in values]
        if not present:
            continue
        corrected = any(original.get(f) != values[f] for f in present)
        observation = _observation(measure, entry, patient_url, encounter_url, amended=corrected)
        interpretations: list[dict[str, str]] = []
        notes: list[str] = []
        for field in present:
            for flag, interpretation in by_field.get(field, ()):
                notes.append(flag)
                if interpretation is not None and interpretation not in interpretations:
                    interpretations.append(interpretation)
        if len(measure.fields) > 1:
            observation["component"] = [
                _component(field, values[field], by_field.get(field, ())) for field in present
            ]
        else:
            observation["valueQuantity"] = _quantity(present[0], values[present[0]])
        if interpretations:
            observation["interpretation"] = [_coded(i) for i in interpretations]
        if corrected:
            notes.extend(_correction_notes(present, original))
        notes.extend(loose)
        if notes:
            observation["note"] = [{"text": text} for text in notes]
        found.append((measure, observation))
    return found


def _observation(
    measure: _Measure, entry: Entry, patient_url: str, encounter_url: str, *, amended: bool
) -> dict[str, Any]:
    """A vital-signs Observation of ``measure`` at ``entry``, before its value."""
    return {
        "resourceType": "Observation",
        "status": "amended" if amended else "final",
        "category": [
            {
                "coding": [
                    {
                        "system": OBSERVATION_CATEGORY,
                        "code": "vital-signs",
                        "display": "Vital Signs",
                    }
                ],
                "text": "Vital Signs",
            }
        ],
        "code": {
            "coding": [
                {"system": LOINC, "code": code, "display": display}
                for code, display in measure.codings
            ],
            "text": measure.text,
        },
        "subject": {"reference": patient_url},
        "encounter": {"reference": encounter_url},
        "effectiveDateTime": iso_utc(entry.wall, precise=False),
        "issued": iso_utc(entry.versions[-1].wall, precise=False),
    }


def _weight(
    entry: Entry, journey: Journey, patient_url: str, encounter_url: str
) -> dict[str, Any] | None:
    """The body weight a dose was worked out from, in kg as kept; None for a dose without one."""
    weight = recorded_number(entry.data.get("weight_kg"))
    if weight is None or not math.isfinite(weight) or weight <= 0:
        return None
    first = recorded_number(journey.events[entry.seq].data.get("weight_kg"))
    observation = _observation(_WEIGHT, entry, patient_url, encounter_url, amended=first != weight)
    observation["valueQuantity"] = {
        "value": _number(weight),
        "unit": "kg",
        "system": UCUM,
        "code": "kg",
    }
    return observation


def _component(
    field: str, value: float, flags: Sequence[tuple[str, dict[str, str] | None]]
) -> dict[str, Any]:
    code, display = _COMPONENT_CODES[field]
    component: dict[str, Any] = {
        "code": {"coding": [{"system": LOINC, "code": code, "display": display}], "text": display},
        "valueQuantity": _quantity(field, value),
    }
    interpretations = [i for _, i in flags if i is not None]
    if interpretations:
        component["interpretation"] = [_coded(interpretations[0])]
    return component


def _correction_notes(fields: Sequence[str], original: Mapping[str, float]) -> list[str]:
    """Words kapdesk writes itself (no staff free text): what the value was first recorded as."""
    first = [
        f"{LABELS[f]} {value_text(f, original[f])}" if f in original else f"{LABELS[f]} (none)"
        for f in fields
    ]
    return ["Corrected in the record; first recorded as " + ", ".join(first) + "."]
