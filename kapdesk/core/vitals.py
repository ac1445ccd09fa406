"""Vital signs: what a reading holds, which values are impossible or unusual, which cross the
protocol's thresholds, and when the protocol wants the next check.

Impossible values (a typo: a pulse of 720) are refused with a message; unusual ones (a pulse
of 38) are accepted once the nurse confirms them; values beyond the protocol's thresholds are
recorded and flagged, in words, on screen and in the record.

A temperature is typed and shown in the clinic's unit (°C or °F, see
:mod:`kapdesk.core.units`) and kept in °C: limits and thresholds are held in °C, so 100.4 °F is
judged exactly as 38.0 °C. The flags the record keeps are worded in °C; :func:`shown_flag` says
one in the clinic's unit.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kapdesk.core.protocols import (
    EVERY_MINUTES,
    LONGEST_SESSION_MINUTES,
    MOST_CHECKS,
    MOST_INTERVALS,
    CheckMoment,
    Measure,
    Protocol,
    Thresholds,
)
from kapdesk.core.said_again import said_again
from kapdesk.core.units import Temperature, Units
from kapdesk.core.words import QT_TRANSLATE_NOOP, Said, Template, joined

CANONICAL = Units()  # °C and kg: the units the record keeps every value in

# Fields of a reading, in the order forms and tables show them.
FIELDS = ("systolic", "diastolic", "heart_rate", "spo2", "respiratory_rate", "temperature")

# Marked for translation: still plain English wherever the record keeps them (a flag's words).
LABELS: dict[str, str] = {
    "systolic": QT_TRANSLATE_NOOP("Vitals", "Systolic BP"),
    "diastolic": QT_TRANSLATE_NOOP("Vitals", "Diastolic BP"),
    "heart_rate": QT_TRANSLATE_NOOP("Vitals", "Heart rate"),
    "spo2": "SpO2",
    "respiratory_rate": QT_TRANSLATE_NOOP("Vitals", "Respiratory rate"),
    "temperature": QT_TRANSLATE_NOOP("Vitals", "Temperature"),
}
# A reading in a few words (Reading.text): each measure's short name is the language's own.
_BP_SHORT = QT_TRANSLATE_NOOP("Vitals", "BP {systolic}/{diastolic} mmHg")
_READING_SHORT = {
    "heart_rate": QT_TRANSLATE_NOOP("Vitals", "HR {value}"),
    "spo2": QT_TRANSLATE_NOOP("Vitals", "SpO2 {value}"),
    "respiratory_rate": QT_TRANSLATE_NOOP("Vitals", "RR {value}"),
    "temperature": QT_TRANSLATE_NOOP("Vitals", "T {value}"),
}
NO_VALUES = QT_TRANSLATE_NOOP("Vitals", "no values")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Vitals", "{measure}: “{typed}” is not a number.")
NOT_POSSIBLE = QT_TRANSLATE_NOOP(
    "Vitals", "{measure} {typed} is not possible: it must be between {low} and {high}."
)
UNUSUAL = QT_TRANSLATE_NOOP("Vitals", "{measure} {value} is unusual.")
BP_BOTH = QT_TRANSLATE_NOOP("Vitals", "Blood pressure needs both numbers, systolic and diastolic.")
BP_ORDER = QT_TRANSLATE_NOOP(
    "Vitals", "Diastolic must be lower than systolic; check the two numbers."
)
AT_LEAST_ONE = QT_TRANSLATE_NOOP("Vitals", "Enter at least one measure.")
BEFORE_DOSING = QT_TRANSLATE_NOOP("Vitals", "before dosing")
BEFORE_DISCHARGE = QT_TRANSLATE_NOOP("Vitals", "before discharge")
AT_MINUTE = QT_TRANSLATE_NOOP("Vitals", "at {minutes} min")
VITAL_SIGNS = QT_TRANSLATE_NOOP("Vitals", "Vital signs")
UNITS = {
    "systolic": "mmHg",
    "diastolic": "mmHg",
    "heart_rate": "/min",
    "spo2": "%",
    "respiratory_rate": "/min",
    "temperature": "°C",
}
# Outside these a value cannot be a living patient's reading: it is refused.
POSSIBLE = {
    "systolic": (40.0, 300.0),
    "diastolic": (20.0, 200.0),
    "heart_rate": (20.0, 250.0),
    "spo2": (50.0, 100.0),
    "respiratory_rate": (3.0, 60.0),
    "temperature": (30.0, 43.0),
}
# Inside POSSIBLE but outside these, a value is recorded only once the nurse confirms it.
USUAL = {
    "systolic": (80.0, 210.0),
    "diastolic": (40.0, 125.0),
    "heart_rate": (40.0, 150.0),
    "spo2": (85.0, 100.0),
    "respiratory_rate": (8.0, 35.0),
    "temperature": (35.0, 39.5),
}
MEASURE_FIELDS = {
    Measure.BLOOD_PRESSURE: ("systolic", "diastolic"),
    Measure.HEART_RATE: ("heart_rate",),
    Measure.SPO2: ("spo2",),
    Measure.RESPIRATORY_RATE: ("respiratory_rate",),
    Measure.TEMPERATURE: ("temperature",),
}


def unit_text(name: str, units: Units = CANONICAL) -> str:
    """The unit a field is shown in: ``"°F"`` for a temperature where the clinic reads °F."""
    return units.temperature.symbol if name == "temperature" else UNITS[name]


def value_text(name: str, value: float, units: Units = CANONICAL) -> str:
    """A kept value in the clinic's unit: ``"98.6 °F"`` (kept as 37.0 °C), ``"97%"``."""
    shown = _number(name, value, units) if name == "temperature" else f"{value:.0f}"
    return f"{shown} {unit_text(name, units)}".replace(" %", "%")


@dataclass(frozen=True)
class Reading:
    """One set of vital signs; a measure not taken is None."""

    systolic: float | None = None
    diastolic: float | None = None
    heart_rate: float | None = None
    spo2: float | None = None
    respiratory_rate: float | None = None
    temperature: float | None = None

    def values(self) -> dict[str, float]:
        """The measures taken, by field name."""
        return {name: v for name in FIELDS if (v := getattr(self, name)) is not None}

    def text(self, units: Units = CANONICAL) -> str:
        """``BP 128/82 mmHg, HR 74/min, SpO2 97%``, a temperature in the clinic's unit."""
        parts: list[str] = []
        if self.systolic is not None and self.diastolic is not None:
            parts.append(
                _BP_SHORT.format(systolic=f"{self.systolic:.0f}", diastolic=f"{self.diastolic:.0f}")
            )
        for name, short in _READING_SHORT.items():
            value = getattr(self, name)
            if value is not None:
                parts.append(short.format(value=value_text(name, value, units)))
        return joined(parts, ", ", "Vitals") if parts else NO_VALUES

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> Reading:
        """From a record's ``values``; anything that is not a number is left out."""
        clean: dict[str, float] = {}
        for name in FIELDS:
            value = values.get(name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            if math.isfinite(value):
                clean[name] = float(value)
        return cls(**clean)


@dataclass(frozen=True)
class Checked:
    """What the form learns about a reading before it is saved."""

    reading: Reading
    errors: tuple[str, ...] = ()  # refused: the reading cannot be saved as it is
    unusual: tuple[str, ...] = ()  # saved only once confirmed

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_reading(entries: Mapping[str, str], units: Units = CANONICAL) -> Checked:
    """Check what was typed, field by field (empty fields are measures not taken).

    A temperature is typed in the clinic's unit and kept in °C (to 0.01 °C when typed in °F,
    finer than any thermometer and enough to show back the tenth of a degree typed)."""
    values: dict[str, float] = {}
    errors: list[str] = []
    unusual: list[str] = []
    for name in FIELDS:
        raw = entries.get(name, "").strip().replace(",", ".")
        if not raw:
            continue
        try:
            value = float(raw)
        except ValueError:
            errors.append(NOT_A_NUMBER.format(measure=LABELS[name], typed=raw))
            continue
        if name == "temperature" and units.temperature is not Temperature.CELSIUS:
            value = round(units.celsius(value), 2) if math.isfinite(value) else value
        low, high = POSSIBLE[name]
        if not math.isfinite(value) or not low <= value <= high:
            errors.append(
                NOT_POSSIBLE.format(
                    measure=LABELS[name],
                    typed=raw,
                    low=value_text(name, low, units),
                    high=value_text(name, high, units),
                )
            )
            continue
        values[name] = value
        usual_low, usual_high = USUAL[name]
        if not usual_low <= value <= usual_high:
            unusual.append(
                UNUSUAL.format(measure=LABELS[name], value=value_text(name, value, units))
            )
    entered = {name for name in ("systolic", "diastolic") if entries.get(name, "").strip()}
    if len(entered) == 1:
        errors.append(BP_BOTH)
    elif (
        "systolic" in values and "diastolic" in values and values["diastolic"] >= values["systolic"]
    ):
        errors.append(BP_ORDER)
    if not values and not errors:
        errors.append(AT_LEAST_ONE)
    return Checked(Reading(**values), tuple(errors), tuple(unusual))


@dataclass(frozen=True)
class Crossing:
    """A value beyond one of the protocol's thresholds: ``value sign limit`` holds."""

    name: str  # the field (see FIELDS)
    value: float
    sign: str  # "≥", ">" or "<"
    limit: float


def crossings(reading: Reading, limits: Thresholds, *, dosed: bool) -> list[Crossing]:
    """The values of ``reading`` beyond the protocol's thresholds.

    Before the dose, blood pressure is held against the baseline limits (e.g. 140/90), after
    it against the limits for the journey (e.g. 180/110).
    """
    systolic_max = limits.systolic_max if dosed else limits.baseline_systolic_max
    diastolic_max = limits.diastolic_max if dosed else limits.baseline_diastolic_max
    checks: list[tuple[str, float | None, str, float]] = [
        ("systolic", reading.systolic, "≥", systolic_max),
        ("diastolic", reading.diastolic, "≥", diastolic_max),
        ("systolic", reading.systolic, "<", limits.systolic_min),
        ("heart_rate", reading.heart_rate, ">", limits.heart_rate_max),
        ("heart_rate", reading.heart_rate, "<", limits.heart_rate_min),
        ("spo2", reading.spo2, "<", limits.spo2_min),
        ("respiratory_rate", reading.respiratory_rate, "<", limits.respiratory_rate_min),
        ("respiratory_rate", reading.respiratory_rate, ">", limits.respiratory_rate_max),
        ("temperature", reading.temperature, ">", limits.temperature_max),
    ]
    found = []
    for name, value, sign, limit in checks:
        if value is None:
            continue
        if {"≥": value >= limit, ">": value > limit, "<": value < limit}[sign]:
            found.append(Crossing(name, value, sign, limit))
    return found


_SIGN_WORDS = {"≥": "at or above", ">": "above", "<": "below"}
# A flag as the record keeps it, one template per sign, before dosing or after.
_FLAGS: dict[tuple[str, bool], Template] = {
    ("≥", False): QT_TRANSLATE_NOOP("Vitals", "{measure} {value} is at or above {limit}"),
    (">", False): QT_TRANSLATE_NOOP("Vitals", "{measure} {value} is above {limit}"),
    ("<", False): QT_TRANSLATE_NOOP("Vitals", "{measure} {value} is below {limit}"),
    ("≥", True): QT_TRANSLATE_NOOP(
        "Vitals", "{measure} {value} is at or above {limit} before dosing"
    ),
    (">", True): QT_TRANSLATE_NOOP("Vitals", "{measure} {value} is above {limit} before dosing"),
    ("<", True): QT_TRANSLATE_NOOP("Vitals", "{measure} {value} is below {limit} before dosing"),
}


def flags(
    reading: Reading, limits: Thresholds, *, dosed: bool, units: Units = CANONICAL
) -> list[str]:
    """The values beyond the protocol's thresholds, each said in words, as the record keeps
    them (``Systolic BP 184 mmHg is at or above 180 mmHg``): the record keeps them in °C, the
    default; ``units`` words them in the clinic's."""
    return [
        _FLAGS[c.sign, not dosed].format(
            measure=LABELS[c.name],
            value=value_text(c.name, c.value, units),
            limit=value_text(c.name, c.limit, units),
        )
        for c in crossings(reading, limits, dosed=dosed)
    ]


_KEPT_TEMPERATURE = re.compile(
    r"(?P<label>Temperature )(?P<value>-?\d+(?:\.\d+)?) °C"
    r"(?P<words> is (?:at or )?(?:above|below) )(?P<limit>-?\d+(?:\.\d+)?) °C"
)


def said_flag(flag: str) -> str:
    """A flag the record kept (:func:`flags`, or :func:`measure_flags`'s words a ``flag_seen``
    keeps) said again, so that the window says it in its language; its English as kept."""
    templates = (*_FLAGS.values(), *_BP_HIGH.values(), _BP_LOW, *_MEASURE_FLAGS.values())
    parts = [said_again(part, templates, _MEASURES) for part in flag.split("; ")]
    return joined(parts, "; ", "Vitals")


def shown_flag(flag: str, reading: Reading, units: Units = CANONICAL) -> str:
    """A flag as the record keeps it (in °C), said in the clinic's unit: the value from the
    reading itself (not the rounded words), the limit from the words (``Temperature 38.5 °C is
    above 38.0 °C`` -> ``Temperature 101.3 °F is above 100.4 °F``). Any other flag as it is."""
    said = said_flag(flag)
    if units.temperature is Temperature.CELSIUS:
        return said
    found = _KEPT_TEMPERATURE.search(flag)
    if found is None:
        return said
    value = reading.temperature if reading.temperature is not None else float(found["value"])
    shown = value_text("temperature", value, units)
    limit = value_text("temperature", float(found["limit"]), units)
    if isinstance(said, Said) and said.values.get("measure") == LABELS["temperature"]:
        return said.template.format(**{**said.values, "value": shown, "limit": limit})
    return (
        flag[: found.start()]
        + f"{found['label']}{shown}{found['words']}{limit}"
        + (flag[found.end() :])
    )


# How a flag names each measure on the journey screen and the board: short, as staff say it.
_SHORT = {"heart_rate": "HR", "spo2": "SpO2", "respiratory_rate": "RR", "temperature": "T"}
_SHORT_UNITS = {"spo2": " %"}  # where a bare number could be misread (and a temperature's)


def _number(name: str, value: float | None, units: Units = CANONICAL) -> str:
    if value is None:
        return "?"
    return f"{units.temperature_shown(value):.1f}" if name == "temperature" else f"{value:g}"


# A measure's flag in a few words, as the journey screen and the board say it.
_BP_HIGH: dict[tuple[bool, bool], Template] = {  # (above, not at; before dosing)
    (True, False): QT_TRANSLATE_NOOP("Vitals", "BP {reading} above {limit}"),
    (False, False): QT_TRANSLATE_NOOP("Vitals", "BP {reading} at or above {limit}"),
    (True, True): QT_TRANSLATE_NOOP("Vitals", "BP {reading} above {limit} before dosing"),
    (False, True): QT_TRANSLATE_NOOP("Vitals", "BP {reading} at or above {limit} before dosing"),
}
_BP_LOW = QT_TRANSLATE_NOOP("Vitals", "BP {reading}, systolic below {limit}")
_MEASURE_FLAGS: dict[tuple[str, str], Template] = {
    ("heart_rate", ">"): QT_TRANSLATE_NOOP("Vitals", "HR {value} above {limit}"),
    ("heart_rate", "<"): QT_TRANSLATE_NOOP("Vitals", "HR {value} below {limit}"),
    ("spo2", "<"): QT_TRANSLATE_NOOP("Vitals", "SpO2 {value} below {limit}"),
    ("respiratory_rate", ">"): QT_TRANSLATE_NOOP("Vitals", "RR {value} above {limit}"),
    ("respiratory_rate", "<"): QT_TRANSLATE_NOOP("Vitals", "RR {value} below {limit}"),
    ("temperature", ">"): QT_TRANSLATE_NOOP("Vitals", "T {value} above {limit}"),
}
_MEASURES = {"measure": tuple(LABELS.values())}  # a kept flag's measure: said in its words


def measure_flags(
    reading: Reading, limits: Thresholds, *, dosed: bool, units: Units = CANONICAL
) -> dict[Measure, str]:
    """The measures of ``reading`` beyond the protocol's thresholds, each in a few words
    (``BP 182/112 above 180/110``, ``SpO2 91 % below 92 %``, ``RR 8 below 10``), a temperature
    in the clinic's unit (``T 101.3 °F above 100.4 °F``)."""
    found = crossings(reading, limits, dosed=dosed)
    said: dict[Measure, list[str]] = {}
    bp = f"{_number('systolic', reading.systolic)}/{_number('diastolic', reading.diastolic)}"
    high = [c for c in found if c.sign == "≥"]
    if high:
        systolic_max = limits.systolic_max if dosed else limits.baseline_systolic_max
        diastolic_max = limits.diastolic_max if dosed else limits.baseline_diastolic_max
        above = any(c.value > c.limit for c in high)
        said.setdefault(Measure.BLOOD_PRESSURE, []).append(
            _BP_HIGH[above, not dosed].format(
                reading=bp, limit=f"{systolic_max:g}/{diastolic_max:g}"
            )
        )
    for crossing in found:
        name = crossing.name
        if name == "systolic" and crossing.sign == "<":
            said.setdefault(Measure.BLOOD_PRESSURE, []).append(
                _BP_LOW.format(reading=bp, limit=f"{crossing.limit:g}")
            )
        elif name in _SHORT:
            unit = (
                f" {unit_text(name, units)}"
                if name == "temperature"
                else _SHORT_UNITS.get(name, "")
            )
            measure = next(m for m, names in MEASURE_FIELDS.items() if name in names)
            value = f"{_number(name, crossing.value, units)}{unit}"
            limit = f"{_number(name, crossing.limit, units)}{unit}"
            template = _MEASURE_FLAGS.get((name, crossing.sign))
            said.setdefault(measure, []).append(
                template.format(value=value, limit=limit)
                if template is not None
                else f"{_SHORT[name]} {value} {_SIGN_WORDS[crossing.sign]} {limit}"
            )
    return {measure: joined(parts, "; ", "Vitals") for measure, parts in said.items()}


# -- the schedule ---------------------------------------------------------------------------------


class CheckState(StrEnum):
    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"


EARLY_SECONDS = 5 * 60.0  # a reading this long before a check's time counts for it
GRACE_SECONDS = 5 * 60.0  # after this long past its time, a check is overdue


@dataclass(frozen=True)
class PlannedCheck:
    """One check the protocol asks for: at a journey time, or at a moment."""

    label: str
    at: float | None  # seconds after dosing; None for a moment
    moment: CheckMoment | None = None
    measures: tuple[Measure, ...] = ()
    grace: float = GRACE_SECONDS  # after its time, how long before it is overdue
    early: float = EARLY_SECONDS  # before its time, how early a reading counts for it

    def when_text(self) -> str:
        if self.moment is CheckMoment.BEFORE_DOSING:
            return BEFORE_DOSING
        if self.moment is CheckMoment.BEFORE_DISCHARGE:
            return BEFORE_DISCHARGE
        return AT_MINUTE.format(minutes=round((self.at or 0) / 60))


@dataclass(frozen=True)
class CheckStatus:
    check: PlannedCheck
    state: CheckState
    done_at: float | None = None  # journey seconds of the reading that satisfied it
    late_by: float = 0.0  # seconds past its time (overdue)


def planned_checks(protocol: Protocol, horizon_minutes: float | None = None) -> list[PlannedCheck]:
    """Every check the protocol's schedule asks for, in time order.

    Open-ended intervals run to ``horizon_minutes`` (default: the planned journey or the
    monitoring time, whichever is longer). Whatever the protocol says (a snapshot from before
    its numbers were checked), the schedule stays within :data:`LONGEST_SESSION_MINUTES` and
    checks at least :data:`EVERY_MINUTES` apart: it is never longer than a few hundred checks.
    """
    schedule = protocol.vitals
    horizon = _minute_within(
        horizon_minutes or max(protocol.planned_minutes, protocol.monitoring_minutes)
    )
    timed: list[PlannedCheck] = []
    for interval in schedule.intervals[:MOST_INTERVALS]:
        every = interval.every_minutes
        if not math.isfinite(every) or every < EVERY_MINUTES[0]:
            continue
        start = _minute_within(interval.from_minute)
        until = horizon if interval.until_minute is None else _minute_within(interval.until_minute)
        grace = min(GRACE_SECONDS, every * 30.0)
        early = min(EARLY_SECONDS, every * 15.0)
        label = interval.label or VITAL_SIGNS
        count = math.floor((until - start) / every + 1e-9) + 1 if until >= start else 0
        for step in range(count):  # at most LONGEST_SESSION_MINUTES / EVERY_MINUTES[0] + 1
            minute = start + step * every
            timed.append(PlannedCheck(label, minute * 60.0, None, schedule.measures, grace, early))
    for check in schedule.checks[:MOST_CHECKS]:
        if check.at_minute is not None and 0 <= check.at_minute <= LONGEST_SESSION_MINUTES:
            timed.append(PlannedCheck(check.label, check.at_minute * 60.0, None, schedule.measures))
    timed.sort(key=lambda c: c.at or 0.0)
    # A minute asked for by two intervals (the end of one, the start of the next) is one check.
    unique: list[PlannedCheck] = []
    for planned in timed:
        if unique and abs((unique[-1].at or 0) - (planned.at or 0)) < 1:
            continue
        unique.append(planned)
    before = [
        PlannedCheck(c.label, None, c.moment, schedule.measures)
        for c in schedule.checks
        if c.moment is CheckMoment.BEFORE_DOSING
    ]
    after = [
        PlannedCheck(c.label, None, c.moment, schedule.measures)
        for c in schedule.checks
        if c.moment is CheckMoment.BEFORE_DISCHARGE
    ]
    return before + unique + after


def _minute_within(minute: float) -> float:
    """``minute`` held within a session (0 to LONGEST_SESSION_MINUTES); 0 when not a number."""
    if math.isnan(minute):
        return 0.0
    return min(max(minute, 0.0), LONGEST_SESSION_MINUTES)


@dataclass
class _Open:
    check: PlannedCheck
    done_at: float | None = None
    done: bool = False


def check_statuses(
    checks: Sequence[PlannedCheck],
    now: float | None,
    readings_at: Iterable[float | None],
    *,
    discharge_from: float | None = None,
) -> list[CheckStatus]:
    """Where each planned check stands at journey time ``now`` (None: not dosed yet).

    ``readings_at`` are the journey times of the readings recorded (None: before dosing).
    A reading satisfies every open check it can count for: those already due (a late reading
    catches up what was missed) and the next one if it is close enough to its time.
    ``discharge_from`` is when the before-discharge check falls due (e.g. when the last phase
    starts); without it, that check stays upcoming until a reading after the last timed check.
    """
    # Each check is met by the earliest reading that counts for it: found by bisection, so a
    # long record (thousands of readings, hundreds of checks) costs little on every redraw.
    taken = list(readings_at)
    before_dosing = any(at is None for at in taken)
    timed = sorted(at for at in taken if at is not None and not math.isnan(at))
    slots = [_Open(check) for check in checks]
    for slot in slots:
        check = slot.check
        if check.moment is CheckMoment.BEFORE_DOSING:
            slot.done = before_dosing
            continue
        due_at = _due_at(check, discharge_from)
        if due_at is None:
            continue
        place = bisect.bisect_left(timed, due_at - check.early)
        if place < len(timed):
            slot.done, slot.done_at = True, timed[place]
    result = []
    for slot in slots:
        check = slot.check
        if slot.done:
            result.append(CheckStatus(check, CheckState.DONE, slot.done_at))
            continue
        due_at = _due_at(check, discharge_from)
        if check.moment is CheckMoment.BEFORE_DOSING:
            # Due from the start; past once the dose is given without it.
            state = CheckState.DUE if now is None else CheckState.OVERDUE
            result.append(CheckStatus(check, state, late_by=0.0 if now is None else now))
        elif now is None or due_at is None or now < due_at:
            result.append(CheckStatus(check, CheckState.UPCOMING))
        elif now < due_at + check.grace:
            result.append(CheckStatus(check, CheckState.DUE))
        else:
            result.append(CheckStatus(check, CheckState.OVERDUE, late_by=now - due_at))
    return result


def _due_at(check: PlannedCheck, discharge_from: float | None) -> float | None:
    if check.moment is CheckMoment.BEFORE_DISCHARGE:
        return discharge_from
    return check.at


@dataclass(frozen=True)
class VitalsRecord:
    """A recorded reading as the record keeps it: values and the flags raised."""

    reading: Reading
    flags: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self, by: str = "") -> dict[str, Any]:
        return {"values": self.reading.values(), "flags": list(self.flags), "by": by}
