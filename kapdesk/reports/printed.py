"""The printed session record for the chart, as HTML (the patient's take-home handout:
:mod:`kapdesk.reports.handout`). :mod:`kapdesk.reports.pdf` lays them out on A4 pages."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from kapdesk import __version__
from kapdesk.core import wall_text
from kapdesk.core.discharge import Discharge, discharge_of, readiness_words
from kapdesk.core.dosing import is_per_kg, number_text, total_of, total_unit, weight_text
from kapdesk.core.integration import ItemKind, Window
from kapdesk.core.journey import (
    SOUND_KINDS,
    EventKind,
    Journey,
    JourneyEvent,
    discharge_verdict,
    dose_from,
    event_text,
)
from kapdesk.core.preparation import preparation_of
from kapdesk.core.timeline import Entry, timeline
from kapdesk.core.units import Units
from kapdesk.core.vitals import CANONICAL, Reading, shown_flag
from kapdesk.core.wall_text import Day
from kapdesk.reports.exports import journey_time

if TYPE_CHECKING:  # the stores hand these in; reports read them and import no storage
    from kapdesk.storage.repositories import SessionSummary

CHART_KEY = (  # said under the chart, in words anyone can read back
    "Left axis: blood pressure (mmHg) and heart rate (/min). Right axis: SpO2 (%). "
    "Shaded strip: baseline, before dosing. Red rings: flagged readings."
)
VITALS_IMAGE = "kapdesk://vitals.png"  # the chart, given to the layout as an image resource
TABLE = "width='100%' cellspacing='0' cellpadding='3'"  # Qt's layout reads these, not the CSS
STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; color: #111; }
h1 { font-size: 16pt; margin-top: 0; margin-bottom: 6px; }
h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; }
p { margin: 2pt 0; }
th { text-align: left; background: #e8e8e8; }
td { border-bottom: 1px solid #ddd; vertical-align: top; }
.muted { color: #555; }
.flag { color: #a00000; font-weight: bold; }
.big { font-size: 11pt; }
td.sign { border-bottom: none; padding-top: 14pt; }
"""


@dataclass(frozen=True)
class PlanLine:
    """An item of the integration plan, as printed."""

    kind: ItemKind
    text: str
    window: Window | None = None
    booked_on: date | None = None
    assigned_to: str = ""
    done: bool = False
    notes: tuple[str, ...] = ()
    booking: str = ""  # the time and place given with the booking: "10:00, room 2"
    key: str = ""  # the step's or follow-up's id in clinic.toml


@dataclass(frozen=True)
class RecordFacts:
    """Everything the session record prints."""

    summary: SessionSummary
    journey: Journey
    course: str = ""  # "Session 3 of 6"
    plan: tuple[PlanLine, ...] = ()
    room: str = ""
    units: Units = CANONICAL  # the clinic's: temperatures and weights as printed


def _e(text: object) -> str:
    return html.escape(str(text))


def _local(moment: datetime | None) -> str:
    """Day and time as the clinic reads them (:mod:`kapdesk.core.wall_text`), or "-"."""
    return wall_text.current().day_time(moment) if moment else "-"


def _at(moment: datetime, *, seconds: bool = False) -> str:
    """The time of day as the clinic reads it: 14:05, or 2:05 PM."""
    return wall_text.current().time(moment, seconds=seconds)


def _day(moment: date, form: Day) -> str:
    return wall_text.current().day(moment, form)


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table of already escaped cells."""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table {TABLE}><thead><tr>{head}</tr></thead>{body}</table>"


def _document(title: str, body: str, style: str = "") -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>{_e(title)}</title>"
        f"<style>{STYLE}{style}</style></head><body>{body}</body></html>"
    )


# -- the session record ---------------------------------------------------------------------------


def session_record_html(facts: RecordFacts, printed_at: datetime) -> str:
    """The whole record of one session, for the patient's chart."""
    summary, journey, units = facts.summary, facts.journey, facts.units
    entries = timeline(journey.events, units)
    parts = [
        f"<h1>Session record · {_e(summary.patient_code)}</h1>",
        _facts_block(facts),
        _preparation(journey, units),
        _doses(entries, units),
        _phases(journey),
        _vitals(entries, units),
        _observations(entries),
        _music(journey),
        _discharge(journey, units),
    ]
    if facts.plan:
        parts.append(_plan_section(facts.plan, "Integration plan"))
    parts.append(_timeline(entries, journey))
    parts.append(_signatures(facts))
    parts.append(
        f"<p class='muted'>Printed {_e(_local(printed_at))} by kapdesk {_e(__version__)}. "
        "Corrections are shown with the original; nothing in the record is overwritten.</p>"
    )
    return _document(f"Session {summary.id}", "".join(parts))


def _facts_block(facts: RecordFacts) -> str:
    summary, journey = facts.summary, facts.journey
    staff = sorted(
        {summary.sitter} | {dose.given_by for _, dose in journey.doses} | _authors(journey),
        key=str.casefold,
    )
    rows = [
        ("Patient (clinic code)", summary.patient_code),
        ("Session", f"{summary.id}" + (f" · {facts.course}" if facts.course else "")),
        ("Protocol", summary.protocol_name),
        ("Sitter", summary.sitter or "-"),
        ("Staff in the record", ", ".join(s for s in staff if s) or "-"),
        ("Opened", _local(summary.opened_at)),
        ("Dosed", _local(summary.dosed_at)),
        ("Closed", _local(summary.closed_at)),
    ]
    closing = journey.of_kind(EventKind.CLOSED)[-1] if journey.closed else None
    early = closing.data.get("early") if closing is not None else None
    if closing is not None and isinstance(early, list) and early:
        rows.append(("Closed early", "; ".join(str(e) for e in early)))
        rows.append(("Why closed early", str(closing.data.get("reason", "")) or "-"))
        if closing.data.get("by"):
            rows.append(("Early close decided by", str(closing.data["by"])))
    elif summary.close_reason:
        rows.append(("Closed because", summary.close_reason))
    body = "".join(
        f"<tr><td class='muted'>{_e(name)}</td><td>{_e(value)}</td></tr>" for name, value in rows
    )
    return f"<table {TABLE}>{body}</table>"


def _signatures(facts: RecordFacts) -> str:
    """Lines for the clinician responsible to sign the printed record by hand."""
    line = "_" * 22
    rows = [
        ("Clinician (name)", line, "Role", line),
        ("Signature", line, "Date", line),
    ]
    body = "".join(
        "<tr>" + "".join(f"<td class='sign'>{_e(cell)}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    sitter = facts.summary.sitter
    who = f" Sitter in the record: {_e(sitter)}." if sitter else ""
    return (
        "<h2>Signed</h2><p class='muted'>The clinician responsible for this session signs the "
        f"printed record.{who}</p><table {TABLE}>{body}</table>"
    )


def _authors(journey: Journey) -> set[str]:
    return {str(e.data.get("by")) for e in journey.events if e.data.get("by")}


def _preparation(journey: Journey, units: Units) -> str:
    prepared = preparation_of(journey)
    rows = [
        [_e(tick.item.text), "done" if tick.done else "<b>not done</b>", _e(tick.by)]
        for tick in prepared.steps
    ]
    text = "<h2>Preparation</h2>"
    intention = prepared.intention or "(not recorded)"
    text += f"<p><b>Intention</b> (the patient's words): {_e(intention)}</p>"
    found = journey.baseline_reading()
    if found is not None:
        text += f"<p><b>Baseline vital signs:</b> {_e(found[1].text(units))}</p>"
    if prepared.decision:
        text += f"<p class='flag'>Dosed after a high baseline because: {_e(prepared.decision)}</p>"
    if prepared.breathwork_seconds:
        minutes = wall_text.current().number(prepared.breathwork_seconds / 60, 1)
        text += f"<p>Breathwork: {minutes} min</p>"
    return text + _table(["Checklist step", "", "By"], rows)


def _doses(entries: Sequence[Entry], units: Units) -> str:
    """Each dose as the record stands (weight, in the clinic's unit, and total in mg per kg),
    any correction shown with the original beneath it, and why a dose outside the usual range
    was given."""
    rows = []
    for entry in entries:
        if entry.kind is not EventKind.DOSE:
            continue
        dose = dose_from(entry.data)
        per_kg = is_per_kg(dose.unit)
        weight = weight_text(dose.weight_kg, units) if dose.weight_kg else ("-" if per_kg else "")
        total = dose.total_mg
        if total is None and dose.weight_kg:
            total = total_of(dose.amount, dose.unit, dose.weight_kg)
        amount = _e(f"{number_text(dose.amount)} {dose.unit}")
        if dose.outside_usual:
            why = f"Outside the usual range: {dose.outside_usual}"
            if dose.decision_reason:
                why += f"; given because: {dose.decision_reason}"
            amount += f"<br/><span class='flag'>{_e(why)}</span>"
        rows.append(
            [
                _e(_at(entry.wall, seconds=True)),
                _e(journey_time(entry.elapsed)),
                amount + _versions(entry),
                _e(weight),
                _e(f"{number_text(total)} {total_unit(dose.unit)}" if total is not None else "-"),
                _e(dose.route),
                _e(dose.lot_number),
                _e(dose.given_by),
            ]
        )
    if not rows:
        return "<h2>Doses</h2><p>No dose was recorded.</p>"
    return "<h2>Doses</h2>" + _table(
        ["Time", "Journey", "Amount", "Weight", "Total", "Route", "Lot", "Given by"], rows
    )


def _phases(journey: Journey) -> str:
    end = journey.elapsed() or 0.0
    rows = [
        [
            _e(span.phase.name),
            _e(f"{span.phase.minutes:g} min"),
            _e(journey_time((span.ended if span.ended is not None else end) - span.started)),
            _e(journey_time(span.started)),
            "<b>ended early by hand</b>" if span.ended_early else "",
        ]
        for span in journey.spans
    ]
    if not rows:
        return ""
    return "<h2>Phases</h2>" + _table(["Phase", "Planned", "Actual", "Started at", ""], rows)


def _versions(entry: Entry) -> str:
    if not entry.amended:
        return ""
    lines = []
    for n, version in enumerate(entry.versions):
        when = f"{_day(version.wall, Day.DAY_MONTH)} {_at(version.wall)}"
        who = f" by {version.by}" if version.by else ""
        if n == 0:
            lines.append(f"Original ({when}{who}): {version.text}")
        else:
            lines.append(f"Corrected {when}{who}, because “{version.reason}”: {version.text}")
    return "<br/><span class='muted'>" + "<br/>".join(_e(line) for line in lines) + "</span>"


def _vitals(entries: Sequence[Entry], units: Units) -> str:
    readings = [e for e in entries if e.kind is EventKind.VITALS]
    if not readings:
        return "<h2>Vital signs</h2><p>No vital signs were recorded.</p>"
    rows = []
    for entry in readings:
        values = entry.data.get("values")
        reading = Reading.from_values(values if isinstance(values, dict) else {})
        flags = "; ".join(shown_flag(flag, reading, units) for flag in entry.flags)
        rows.append(
            [
                _e(_at(entry.wall)),
                _e(journey_time(entry.elapsed) or "before dose"),
                _e(reading.text(units)) + _versions(entry),
                f"<span class='flag'>{_e(flags)}</span>" if flags else "",
                _e(entry.by),
            ]
        )
    chart = f"<p><img src='{VITALS_IMAGE}' width='480'/></p><p class='muted'>{_e(CHART_KEY)}</p>"
    return (
        "<h2>Vital signs</h2>"
        + chart
        + _table(["Time", "Journey", "Reading", "Flagged", "By"], rows)
    )


def _observations(entries: Sequence[Entry]) -> str:
    kinds = (EventKind.NOTE, EventKind.RATING)
    rows = [
        [
            _e(_at(entry.wall)),
            _e(journey_time(entry.elapsed)),
            _e(entry.text) + _versions(entry),
            _e(entry.by),
        ]
        for entry in entries
        if entry.kind in kinds
    ]
    if not rows:
        return "<h2>Notes and ratings</h2><p>None.</p>"
    return "<h2>Notes and ratings</h2>" + _table(["Time", "Journey", "Entry", "By"], rows)


def _music(journey: Journey) -> str:
    rows = [
        [_e(_at(e.wall, seconds=True)), _e(journey_time(e.elapsed)), _e(event_text(e))]
        for e in journey.events
        if e.kind in SOUND_KINDS
    ]
    if not rows:
        return "<h2>Music and sound</h2><p>No sound was played.</p>"
    return "<h2>Music and sound</h2>" + _table(["Time", "Journey", "What"], rows)


def _reading_near(journey: Journey, minute: float) -> JourneyEvent | None:
    """The reading after dosing nearest to ``minute`` (within 15 minutes of it)."""
    best: tuple[float, JourneyEvent] | None = None
    for event in journey.events:
        if event.kind is EventKind.VITALS and event.elapsed is not None:
            distance = abs(event.elapsed / 60 - minute)
            if distance <= 15 and (best is None or distance < best[0]):
                best = (distance, event)
    return best[1] if best else None


def _bp(journey: Journey, event: JourneyEvent | None) -> str:
    if event is None:
        return "not recorded"
    seq = journey.events.index(event)
    values = journey.corrected(seq).get("values")
    reading = Reading.from_values(values if isinstance(values, dict) else {})
    if reading.systolic is None or reading.diastolic is None:
        return "not recorded"
    return f"{reading.systolic:.0f}/{reading.diastolic:.0f} mmHg at {_at(event.wall)}"


def _discharge(journey: Journey, units: Units) -> str:
    discharge = discharge_of(journey)
    text = "<h2>Discharge</h2>"
    if discharge.ready_at is not None:
        text += f"<p class='big'><b>Ready to leave:</b> {_e(_local(discharge.ready_at))}"
        if discharge.ready_elapsed is not None:
            text += f" ({_e(journey_time(discharge.ready_elapsed))} after dosing)"
        free = discharge.free_to_leave_at
        if free is not None and free > discharge.ready_at:
            text += f"; may leave from {_e(_at(free))}"
        text += "</p>"
    else:
        text += "<p>No discharge check found the patient ready to leave.</p>"
    if journey.closed and discharge.monitoring_seconds is not None:
        text += (
            f"<p><b>Total monitoring time</b> (dose to close): "
            f"{_e(journey_time(discharge.monitoring_seconds))}</p>"
        )
    rows = [
        [
            _e(_at(check.wall)),
            _e(f"{check.data.get('total', '?')} of {check.data.get('max', '?')}"),
            _e(discharge_verdict(check.data)),
            _e("; ".join(readiness_words(check.data))),
            _e("; ".join(str(r) for r in check.data.get("reasons") or ())),
            _e(check.data.get("by", "")),
        ]
        for check in discharge.checks
    ]
    if rows:
        text += _table(["Time", "Score", "", "Items", "Why not ready", "By"], rows)
    questions = journey.protocol.discharge.questions
    if questions:
        text += _monitoring_form(journey, discharge, units)
    return text


def _monitoring_form(journey: Journey, discharge: Discharge, units: Units) -> str:
    """What the esketamine REMS patient monitoring form asks, filled from the record."""
    doses = [d for _, d in journey.doses]
    readings = [e for e in journey.events if e.kind is EventKind.VITALS and e.elapsed is not None]
    baseline = journey.baseline_reading()
    before_dosing = journey.events[baseline[0]] if baseline else None
    last_check = discharge.latest
    answers = last_check.data.get("answers", {}) if last_check is not None else {}
    rows = [
        ("Dose(s)", "; ".join(d.describe(units) for d in doses) or "none"),
        ("Lot number(s)", ", ".join(d.lot_number for d in doses if d.lot_number) or "-"),
        ("Blood pressure before dosing", _bp(journey, before_dosing)),
        ("Blood pressure at about 40 minutes", _bp(journey, _reading_near(journey, 40))),
        ("Blood pressure before completion", _bp(journey, readings[-1] if readings else None)),
        (
            "Total monitoring time",
            journey_time(discharge.monitoring_seconds) if journey.closed else "session open",
        ),
        ("Ready to leave", _local(discharge.ready_at)),
    ]
    for question in journey.protocol.discharge.questions:
        answer = answers.get(question.id) if isinstance(answers, dict) else None
        rows.append((question.text, "yes" if answer else "no" if answer is False else "-"))
    body = "".join(
        f"<tr><td>{_e(name)}</td><td><b>{_e(value)}</b></td></tr>" for name, value in rows
    )
    return (
        "<h2>Patient monitoring form</h2><p class='muted'>As the protocol's monitoring form "
        "asks (the Spravato REMS form for esketamine), from this record.</p>"
        f"<table {TABLE}>{body}</table>"
    )


def _timeline(entries: Sequence[Entry], journey: Journey) -> str:
    rows = [
        [
            _e(_at(entry.wall, seconds=True)),
            _e(journey_time(entry.elapsed)),
            _e(entry.text) + _versions(entry),
        ]
        for entry in entries
    ]
    return "<h2>Timeline</h2>" + _table(["Time", "Journey", "What"], rows)


def _plan_section(plan: Sequence[PlanLine], heading: str) -> str:
    rows = []
    for line in plan:
        if line.kind is ItemKind.PROMPTS:
            continue
        when = (
            _day(line.booked_on, Day.WEEKDAY_DAY_MONTH)
            if line.booked_on
            else line.window.text()
            if line.window
            else ""
        )
        rows.append(
            [
                "done" if line.done else "",
                _e(line.text),
                _e(when),
                _e(line.assigned_to),
                _e("; ".join(line.notes)),
            ]
        )
    return f"<h2>{_e(heading)}</h2>" + _table(["", "Item", "When", "With", "Notes"], rows)
