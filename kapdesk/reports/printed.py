"""The printed session record for the chart, as HTML (the patient's take-home handout:
:mod:`kapdesk.reports.handout`). :mod:`kapdesk.reports.pdf` lays them out on A4 pages."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from kapdesk import __version__
from kapdesk.core import wall_text
from kapdesk.core.discharge import READINESS_ITEMS, Discharge, discharge_of
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
from kapdesk.core.journey_words import said_concern, said_reason
from kapdesk.core.preparation import preparation_of
from kapdesk.core.timeline import Entry, timeline
from kapdesk.core.units import Units
from kapdesk.core.vitals import CANONICAL, Reading, shown_flag
from kapdesk.core.wall_text import Day
from kapdesk.reports import record_words as w
from kapdesk.reports.exports import journey_time
from kapdesk.translation import said_through as _t

if TYPE_CHECKING:  # the stores hand these in; reports read them and import no storage
    from kapdesk.storage.repositories import SessionSummary

CHART_KEY = w.CHART_KEY  # said under the chart, in words anyone can read back
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
    """A table of already escaped cells; the headers in the language spoken."""
    head = "".join(f"<th>{_e(_t(h))}</th>" for h in headers)
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
        f"<h1>{_e(_t(w.TITLE.format(code=summary.patient_code)))}</h1>",
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
        parts.append(_plan_section(facts.plan, _t(w.INTEGRATION_PLAN)))
    parts.append(_timeline(entries, journey))
    parts.append(_signatures(facts))
    printed = w.PRINTED.format(moment=_local(printed_at), version=__version__)
    parts.append(f"<p class='muted'>{_e(_t(printed))}</p>")
    return _document(_t(w.DOCUMENT.format(session=summary.id)), "".join(parts))


def _facts_block(facts: RecordFacts) -> str:
    summary, journey = facts.summary, facts.journey
    staff = sorted(
        {summary.sitter} | {dose.given_by for _, dose in journey.doses} | _authors(journey),
        key=str.casefold,
    )
    session = str(summary.id)
    rows = [
        (w.PATIENT, summary.patient_code),
        (w.SESSION, w.SESSION_IN_COURSE.format(session=session, course=facts.course))
        if facts.course
        else (w.SESSION, session),
        (w.PROTOCOL, summary.protocol_name),
        (w.SITTER, summary.sitter or "-"),
        (w.STAFF, ", ".join(s for s in staff if s) or "-"),
        (w.OPENED, _local(summary.opened_at)),
        (w.DOSED, _local(summary.dosed_at)),
        (w.CLOSED, _local(summary.closed_at)),
    ]
    closing = journey.of_kind(EventKind.CLOSED)[-1] if journey.closed else None
    early = closing.data.get("early") if closing is not None else None
    if closing is not None and isinstance(early, list) and early:
        concerns = "; ".join(_t(said_concern(str(e))) for e in early)
        rows.append((w.CLOSED_EARLY, concerns))
        rows.append((w.WHY_EARLY, str(closing.data.get("reason", "")) or "-"))
        if closing.data.get("by"):
            rows.append((w.EARLY_BY, str(closing.data["by"])))
    elif summary.close_reason:
        rows.append((w.CLOSED_BECAUSE, summary.close_reason))
    body = "".join(
        f"<tr><td class='muted'>{_e(_t(name))}</td><td>{_e(_t(value))}</td></tr>"
        for name, value in rows
    )
    return f"<table {TABLE}>{body}</table>"


def _signatures(facts: RecordFacts) -> str:
    """Lines for the clinician responsible to sign the printed record by hand."""
    line = "_" * 22
    rows = [
        (w.CLINICIAN, line, w.ROLE, line),
        (w.SIGNATURE, line, w.DATE, line),
    ]
    body = "".join(
        "<tr>" + "".join(f"<td class='sign'>{_e(_t(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    sitter = facts.summary.sitter
    signs = w.SIGNS_SITTER.format(sitter=sitter) if sitter else w.SIGNS
    return (
        f"<h2>{_e(_t(w.SIGNED))}</h2><p class='muted'>{_e(_t(signs))}</p>"
        f"<table {TABLE}>{body}</table>"
    )


def _authors(journey: Journey) -> set[str]:
    return {str(e.data.get("by")) for e in journey.events if e.data.get("by")}


def _preparation(journey: Journey, units: Units) -> str:
    prepared = preparation_of(journey)
    rows = [
        [
            _e(tick.item.text),
            _e(_t(w.DONE)) if tick.done else f"<b>{_e(_t(w.NOT_DONE))}</b>",
            _e(tick.by),
        ]
        for tick in prepared.steps
    ]
    text = f"<h2>{_e(_t(w.PREPARATION))}</h2>"
    intention = prepared.intention or _t(w.NOT_RECORDED)
    text += f"<p>{_t(w.INTENTION.format(intention=_e(intention)))}</p>"
    found = journey.baseline_reading()
    if found is not None:
        reading = _e(_t(found[1].text(units)))
        text += f"<p>{_t(w.BASELINE.format(reading=reading))}</p>"
    if prepared.decision:
        decided = w.HIGH_BASELINE.format(reason=prepared.decision)
        text += f"<p class='flag'>{_e(_t(decided))}</p>"
    if prepared.breathwork_seconds:
        minutes = wall_text.current().number(prepared.breathwork_seconds / 60, 1)
        text += f"<p>{_e(_t(w.BREATHWORK.format(minutes=minutes)))}</p>"
    return text + _table([w.CHECKLIST_STEP, "", w.BY], rows)


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
            why = (
                w.OUTSIDE_GIVEN.format(why=dose.outside_usual, reason=dose.decision_reason)
                if dose.decision_reason
                else w.OUTSIDE.format(why=dose.outside_usual)
            )
            amount += f"<br/><span class='flag'>{_e(_t(why))}</span>"
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
        return f"<h2>{_e(_t(w.DOSES))}</h2><p>{_e(_t(w.NO_DOSE))}</p>"
    return f"<h2>{_e(_t(w.DOSES))}</h2>" + _table(
        [w.TIME, w.JOURNEY, w.AMOUNT, w.WEIGHT, w.TOTAL, w.ROUTE, w.LOT, w.GIVEN_BY], rows
    )


def _phases(journey: Journey) -> str:
    end = journey.elapsed() or 0.0
    rows = [
        [
            _e(span.phase.name),
            _e(f"{span.phase.minutes:g} min"),
            _e(journey_time((span.ended if span.ended is not None else end) - span.started)),
            _e(journey_time(span.started)),
            f"<b>{_e(_t(w.ENDED_EARLY))}</b>" if span.ended_early else "",
        ]
        for span in journey.spans
    ]
    if not rows:
        return ""
    return f"<h2>{_e(_t(w.PHASES))}</h2>" + _table(
        [w.PHASE, w.PLANNED, w.ACTUAL, w.STARTED_AT, ""], rows
    )


def _versions(entry: Entry) -> str:
    if not entry.amended:
        return ""
    lines = []
    for n, version in enumerate(entry.versions):
        when = f"{_day(version.wall, Day.DAY_MONTH)} {_at(version.wall)}"
        said = {"when": when, "text": version.text}
        if n == 0:
            lines.append(
                w.ORIGINAL_BY.format(by=version.by, **said)
                if version.by
                else w.ORIGINAL.format(**said)
            )
        else:
            said["reason"] = version.reason
            lines.append(
                w.CORRECTED_BY.format(by=version.by, **said)
                if version.by
                else w.CORRECTED.format(**said)
            )
    return "<br/><span class='muted'>" + "<br/>".join(_e(_t(line)) for line in lines) + "</span>"


def _vitals(entries: Sequence[Entry], units: Units) -> str:
    readings = [e for e in entries if e.kind is EventKind.VITALS]
    if not readings:
        return f"<h2>{_e(_t(w.VITAL_SIGNS))}</h2><p>{_e(_t(w.NO_VITALS))}</p>"
    rows = []
    for entry in readings:
        values = entry.data.get("values")
        reading = Reading.from_values(values if isinstance(values, dict) else {})
        flags = "; ".join(_t(shown_flag(flag, reading, units)) for flag in entry.flags)
        rows.append(
            [
                _e(_at(entry.wall)),
                _e(journey_time(entry.elapsed) or _t(w.BEFORE_DOSE)),
                _e(_t(reading.text(units))) + _versions(entry),
                f"<span class='flag'>{_e(flags)}</span>" if flags else "",
                _e(entry.by),
            ]
        )
    chart = (
        f"<p><img src='{VITALS_IMAGE}' width='480'/></p><p class='muted'>{_e(_t(CHART_KEY))}</p>"
    )
    return (
        f"<h2>{_e(_t(w.VITAL_SIGNS))}</h2>"
        + chart
        + _table([w.TIME, w.JOURNEY, w.READING, w.FLAGGED, w.BY], rows)
    )


def _observations(entries: Sequence[Entry]) -> str:
    kinds = (EventKind.NOTE, EventKind.RATING)
    rows = [
        [
            _e(_at(entry.wall)),
            _e(journey_time(entry.elapsed)),
            _e(_t(entry.text)) + _versions(entry),
            _e(entry.by),
        ]
        for entry in entries
        if entry.kind in kinds
    ]
    if not rows:
        return f"<h2>{_e(_t(w.NOTES))}</h2><p>{_e(_t(w.NONE))}</p>"
    return f"<h2>{_e(_t(w.NOTES))}</h2>" + _table([w.TIME, w.JOURNEY, w.ENTRY, w.BY], rows)


def _music(journey: Journey) -> str:
    rows = [
        [_e(_at(e.wall, seconds=True)), _e(journey_time(e.elapsed)), _e(_t(event_text(e)))]
        for e in journey.events
        if e.kind in SOUND_KINDS
    ]
    if not rows:
        return f"<h2>{_e(_t(w.MUSIC))}</h2><p>{_e(_t(w.NO_SOUND))}</p>"
    return f"<h2>{_e(_t(w.MUSIC))}</h2>" + _table([w.TIME, w.JOURNEY, w.WHAT], rows)


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
    text = f"<h2>{_e(_t(w.DISCHARGE))}</h2>"
    if discharge.ready_at is not None:
        said: dict[str, str] = {"moment": _e(_local(discharge.ready_at))}
        if discharge.ready_elapsed is not None:
            said["journey"] = _e(journey_time(discharge.ready_elapsed))
        free = discharge.free_to_leave_at
        if free is not None and free > discharge.ready_at:
            said["time"] = _e(_at(free))
        ready = {
            ("moment",): w.READY,
            ("moment", "journey"): w.READY_AFTER,
            ("moment", "time"): w.READY_FROM,
            ("moment", "journey", "time"): w.READY_AFTER_FROM,
        }[tuple(said)]
        text += f"<p class='big'>{_t(ready.format(**said))}</p>"
    else:
        text += f"<p>{_e(_t(w.NEVER_READY))}</p>"
    if journey.closed and discharge.monitoring_seconds is not None:
        monitored = _e(journey_time(discharge.monitoring_seconds))
        text += f"<p>{_t(w.MONITORING.format(time=monitored))}</p>"
    rows = [
        [
            _e(_at(check.wall)),
            _e(
                _t(
                    w.SCORE_OF.format(
                        total=check.data.get("total", "?"), most=check.data.get("max", "?")
                    )
                )
            ),
            _e(_t(discharge_verdict(check.data))),
            _e("; ".join(_readiness(check.data))),
            _e("; ".join(_t(said_reason(str(r))) for r in check.data.get("reasons") or ())),
            _e(check.data.get("by", "")),
        ]
        for check in discharge.checks
    ]
    if rows:
        text += _table([w.TIME, w.SCORE, "", w.ITEMS, w.WHY_NOT_READY, w.BY], rows)
    questions = journey.protocol.discharge.questions
    if questions:
        text += _monitoring_form(journey, discharge, units)
    return text


def _readiness(data: Mapping[str, object]) -> list[str]:
    """The items of a recorded check in the language spoken: ``Walking 1 (walks with help)``
    (:func:`kapdesk.core.discharge.readiness_words`' English)."""
    scores = data.get("scores")
    scores = scores if isinstance(scores, Mapping) else {}
    words = []
    for item in READINESS_ITEMS:
        score = scores.get(item.id)
        if isinstance(score, int) and score in (0, 1, 2):
            how = _t(item.words[2 - score]).lower()
            words.append(_t(w.ITEM_SCORE.format(item=item.name, score=score, words=how)))
    return words


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
            _e(_t(entry.text)) + _versions(entry),
        ]
        for entry in entries
    ]
    return f"<h2>{_e(_t(w.TIMELINE))}</h2>" + _table([w.TIME, w.JOURNEY, w.WHAT], rows)


def _plan_section(plan: Sequence[PlanLine], heading: str) -> str:
    rows = []
    for line in plan:
        if line.kind is ItemKind.PROMPTS:
            continue
        when = (
            _day(line.booked_on, Day.WEEKDAY_DAY_MONTH)
            if line.booked_on
            else _t(line.window.text())
            if line.window
            else ""
        )
        rows.append(
            [
                _e(_t(w.DONE)) if line.done else "",
                _e(line.text),
                _e(when),
                _e(line.assigned_to),
                _e("; ".join(line.notes)),
            ]
        )
    return f"<h2>{_e(heading)}</h2>" + _table(["", w.ITEM, w.WHEN, w.WITH, w.NOTES_HEADER], rows)
