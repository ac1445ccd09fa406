"""Clinical protocols: the phases of a journey, its vital-signs schedule and thresholds.

A protocol is a TOML file (the schema is in ``docs/protocols.md``). kapdesk ships its own in
``assets/protocols``; a clinic adds or overrides them (by ``id``) in the ``protocols`` folder of
the data folder. Bad input never escapes as a stray exception: :func:`parse_protocol` raises one
:class:`ProtocolError` that lists every problem with the line and field it concerns.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import tomllib
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeVar


class Advance(StrEnum):
    """How the journey moves from one phase to the next."""

    MANUAL = "manual"  # the sitter confirms each phase change
    TIMED = "timed"  # the phase changes when its planned minutes have run out


class Measure(StrEnum):
    """A vital sign the protocol asks for."""

    BLOOD_PRESSURE = "bp"
    HEART_RATE = "hr"
    SPO2 = "spo2"
    RESPIRATORY_RATE = "rr"
    TEMPERATURE = "temp"


class CheckMoment(StrEnum):
    """Vital-signs checks that are tied to an event rather than to a minute."""

    BEFORE_DOSING = "before_dosing"
    BEFORE_DISCHARGE = "before_discharge"


@dataclass(frozen=True)
class Phase:
    """One planned stretch of the journey."""

    name: str
    minutes: float
    guidance: str = ""
    dosing: bool = False  # the drug is still being given (infusion); dosing thresholds apply


@dataclass(frozen=True)
class VitalsInterval:
    """Repeated checks: every ``every_minutes`` from ``from_minute`` until ``until_minute``."""

    every_minutes: float
    from_minute: float = 0.0
    until_minute: float | None = None  # None: until the session closes
    label: str = ""


@dataclass(frozen=True)
class VitalsCheck:
    """A single check at a minute after dosing, or at a named moment."""

    label: str
    at_minute: float | None = None
    moment: CheckMoment | None = None


@dataclass(frozen=True)
class VitalsSchedule:
    """When vital signs are due and which measures each check takes."""

    measures: tuple[Measure, ...] = (Measure.BLOOD_PRESSURE, Measure.HEART_RATE, Measure.SPO2)
    intervals: tuple[VitalsInterval, ...] = ()
    checks: tuple[VitalsCheck, ...] = ()
    continuous_pulse_oximetry: bool = False


@dataclass(frozen=True)
class Thresholds:
    """Limits beyond which a vital sign is flagged. Every value is clinic-editable in the file.

    The defaults are the ones kapdesk uses where a protocol names none.
    """

    systolic_max: float = 180.0
    diastolic_max: float = 110.0
    systolic_min: float = 90.0
    heart_rate_max: float = 120.0
    heart_rate_min: float = 50.0
    spo2_min: float = 92.0
    respiratory_rate_min: float = 10.0
    respiratory_rate_max: float = 24.0
    temperature_max: float = 38.0
    baseline_systolic_max: float = 140.0
    baseline_diastolic_max: float = 90.0


@dataclass(frozen=True)
class ChecklistItem:
    """A step of the pre-session checklist, ticked by staff before dosing."""

    id: str  # a slug, stable across edits of the wording: ticks are recorded against it
    text: str
    required: bool = True  # dosing with a required step unticked is allowed, but asked about


# kapdesk's pre-session checklist, for a protocol that names none of its own. The steps most
# KAP consent and screening guides share: informed consent, fasting, a medication review
# (benzodiazepines, lamotrigine and MAOIs change the response; stimulants raise blood pressure),
# a ride home with no driving until the next day, and baseline vital signs before dosing.
DEFAULT_CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem("consent", "Informed consent signed for this session"),
    ChecklistItem("fasting", "Fasting as instructed (no food for 4 h, no drink for 2 h)"),
    ChecklistItem("medications", "Medications reviewed since the last session"),
    ChecklistItem("ride-home", "Ride home arranged; no driving until the next day"),
    ChecklistItem("baseline-vitals", "Baseline vital signs taken"),
)


@dataclass(frozen=True)
class DischargeQuestion:
    """A yes/no question the discharge check asks (e.g. the esketamine REMS form's)."""

    id: str
    text: str


@dataclass(frozen=True)
class DischargeRules:
    """When the readiness score says the patient may leave, and what else the form asks."""

    ready_score: int = 10  # of 12: six items scored 0-2; any item at 0 is never ready
    questions: tuple[DischargeQuestion, ...] = ()


@dataclass(frozen=True)
class DoseDefaults:
    """What the dose form is pre-filled with."""

    amount: float | None = None
    unit: str = "mg"
    route: str = ""
    over_minutes: float | None = None  # infusion length; None for a bolus or a lozenge


@dataclass(frozen=True)
class Protocol:
    """A clinical protocol, as loaded from one TOML file."""

    id: str
    name: str
    route: str
    phases: tuple[Phase, ...]
    advance: Advance = Advance.MANUAL
    summary: str = ""
    monitoring_minutes: float = 0.0  # least time in the room after dosing
    dose: DoseDefaults = field(default_factory=DoseDefaults)
    vitals: VitalsSchedule = field(default_factory=VitalsSchedule)
    thresholds: Thresholds = field(default_factory=Thresholds)
    checklist: tuple[ChecklistItem, ...] = DEFAULT_CHECKLIST
    discharge: DischargeRules = field(default_factory=DischargeRules)
    source: str = ""  # where it was loaded from: a path, or "bundled"
    text: str = ""  # the TOML text it was parsed from: the snapshot a session keeps

    @property
    def planned_minutes(self) -> float:
        return sum(p.minutes for p in self.phases)


@dataclass(frozen=True)
class ProtocolProblem:
    """One thing wrong with a protocol file, located as precisely as the text allows.

    ``field`` is a path into the file such as ``phases[2].minutes`` (array indexes count from
    0); it is empty for problems with the file as a whole (syntax, encoding, reading).
    """

    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        line = f"line {self.line}" if self.line is not None else ""
        where = ", ".join(part for part in (line, self.field) if part)
        return f"{where}: {self.message}" if where else self.message


class ProtocolError(Exception):
    """A protocol file that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[ProtocolProblem], source: str = "") -> None:
        self.problems: list[ProtocolProblem] = list(problems)
        self.source = source
        count = len(self.problems)
        head = f"{source or 'protocol'}: {count} problem{'' if count == 1 else 's'}"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


# --- locating fields in the TOML text -------------------------------------------------------

_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED_KEY = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_ARRAY_HEADER = re.compile(rf"\s*\[\[\s*({_DOTTED_KEY})\s*\]\]")
_TABLE_HEADER = re.compile(rf"\s*\[\s*({_DOTTED_KEY})\s*\]")
_KEY_LINE = re.compile(rf"\s*({_DOTTED_KEY})\s*=(.*)")
_PART = re.compile(_KEY_PART)


def _key_parts(dotted: str) -> list[str]:
    return [p[1:-1] if p[0] in "\"'" else p for p in _PART.findall(dotted)]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _parent(path: str) -> str:
    if path.endswith("]"):
        return path[: path.rindex("[")]
    return path.rpartition(".")[0]


def _scan_value(text: str, depth: int, open_string: str | None) -> tuple[int, str | None]:
    """Follow brackets and multi-line strings through one line of a value.

    Returns the bracket depth and the multi-line string delimiter still open at its end, so the
    caller knows whether the next line is still part of the same value.
    """
    i = 0
    while i < len(text):
        if open_string:
            end = text.find(open_string, i)
            if end < 0:
                return depth, open_string
            i, open_string = end + 3, None
            continue
        char = text[i]
        if text.startswith(('"""', "'''"), i):
            open_string, i = text[i : i + 3], i + 3
            continue
        if char == '"':
            i += 1
            while i < len(text) and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif char == "'":
            close = text.find("'", i + 1)
            i = close if close >= 0 else len(text)
        elif char == "#":
            break
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        i += 1
    return depth, open_string


def _field_lines(text: str) -> dict[str, int]:
    """Map field paths (``phases[1].minutes``) to the line where each is written.

    Tables map to their header line. Only the first occurrence counts; the text is already known
    to be valid TOML, so a line that starts with ``[`` outside a value is a header.
    """
    lines: dict[str, int] = {}
    array_counts: dict[str, int] = {}
    table = ""
    depth, open_string = 0, None
    for number, line in enumerate(text.split("\n"), start=1):
        if depth > 0 or open_string:
            depth, open_string = _scan_value(line, depth, open_string)
            continue
        if match := _ARRAY_HEADER.match(line) or _TABLE_HEADER.match(line):
            is_array = line.lstrip().startswith("[[")
            *parents, last = _key_parts(match.group(1))
            path = ""
            for part in parents:
                path = _join(path, part)
                if path in array_counts:
                    path += f"[{array_counts[path] - 1}]"
            path = _join(path, last)
            if is_array:
                array_counts[path] = array_counts.get(path, 0) + 1
                path += f"[{array_counts[path] - 1}]"
            table = path
            lines.setdefault(table, number)
        elif match := _KEY_LINE.match(line):
            path = table
            for part in _key_parts(match.group(1)):
                path = _join(path, part)
                lines.setdefault(path, number)
            depth, open_string = _scan_value(match.group(2), 0, None)
    return lines


# --- validation ------------------------------------------------------------------------------

_TOP_KEYS = ("protocol", "dose", "phases", "vitals", "thresholds", "preparation", "discharge")
_DISCHARGE_KEYS = ("ready_score", "questions")
_QUESTION_KEYS = ("id", "text")
_PREPARATION_KEYS = ("checklist",)
_CHECKLIST_KEYS = ("id", "text", "required")
_PROTOCOL_KEYS = ("id", "name", "route", "advance", "summary", "monitoring_minutes")
_DOSE_KEYS = ("amount", "unit", "route", "over_minutes")
_PHASE_KEYS = ("name", "minutes", "guidance", "dosing")
_VITALS_KEYS = ("measures", "continuous_pulse_oximetry", "intervals", "checks")
_INTERVAL_KEYS = ("label", "every_minutes", "from_minute", "until_minute")
_CHECK_KEYS = ("label", "at_minute", "moment")

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

#: Plausible settings for each threshold; a value outside is almost surely a typo.
THRESHOLD_RANGES: dict[str, tuple[float, float]] = {
    "systolic_max": (80, 300),
    "diastolic_max": (40, 200),
    "systolic_min": (50, 200),
    "heart_rate_max": (40, 250),
    "heart_rate_min": (20, 200),
    "spo2_min": (50, 100),
    "respiratory_rate_min": (2, 60),
    "respiratory_rate_max": (4, 80),
    "temperature_max": (35, 43),
    "baseline_systolic_max": (80, 300),
    "baseline_diastolic_max": (40, 200),
}

#: (lower, higher, strictly): the order thresholds must keep.
_THRESHOLD_ORDER = (
    ("systolic_min", "systolic_max", True),
    ("diastolic_max", "systolic_max", True),
    ("heart_rate_min", "heart_rate_max", True),
    ("respiratory_rate_min", "respiratory_rate_max", True),
    ("systolic_min", "baseline_systolic_max", True),
    ("baseline_diastolic_max", "baseline_systolic_max", True),
    ("baseline_systolic_max", "systolic_max", False),
    ("baseline_diastolic_max", "diastolic_max", False),
)

_E = TypeVar("_E", bound=StrEnum)
_MISSING = object()


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return "a date/time"


def _as_number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _positive(x: float) -> bool:
    return x > 0


def _not_negative(x: float) -> bool:
    return x >= 0


def _between(low: float, high: float) -> Callable[[float], bool]:
    return lambda x: low <= x <= high


class _Checker:
    """Reads the parsed TOML into a Protocol, collecting problems instead of stopping."""

    def __init__(self, text: str) -> None:
        self.problems: list[ProtocolProblem] = []
        self._lines = _field_lines(text)

    def line_of(self, path: str) -> int | None:
        while path:
            if path in self._lines:
                return self._lines[path]
            path = _parent(path)
        return None

    def add(self, path: str, message: str) -> None:
        self.problems.append(ProtocolProblem(self.line_of(path), path, message))

    def section(
        self,
        parent: Mapping[str, object],
        path: str,
        known: Collection[str],
        *,
        required: str = "",
    ) -> dict[str, object]:
        """The table at ``path`` (a key of ``parent``), its unknown keys reported; {} if absent."""
        value = parent.get(path.rpartition(".")[2], _MISSING)
        if value is _MISSING:
            if required:
                self.add(path, required)
            return {}
        if not isinstance(value, dict):
            self.add(path, f"must be a table, not {_kind(value)}")
            return {}
        self.unknown_keys(value, path, known)
        return value

    def array_of_tables(
        self, parent: Mapping[str, object], path: str, known: Collection[str]
    ) -> list[tuple[str, dict[str, object]]]:
        value = parent.get(path.rpartition(".")[2], [])
        if not isinstance(value, list):
            header = f"[[{path}]]"
            self.add(path, f"must be an array of tables, not {_kind(value)}: write {header}")
            return []
        items: list[tuple[str, dict[str, object]]] = []
        for index, item in enumerate(value):
            item_path = f"{path}[{index}]"
            if isinstance(item, dict):
                self.unknown_keys(item, item_path, known)
                items.append((item_path, item))
            else:
                self.add(item_path, f"must be a table, not {_kind(item)}")
        return items

    def unknown_keys(self, table: Mapping[str, object], path: str, known: Collection[str]) -> None:
        for key in table:
            if key in known:
                continue
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            self.add(_join(path, key), f'unknown key "{key}"{hint}')

    def text(
        self,
        table: Mapping[str, object],
        path: str,
        key: str,
        *,
        default: str = "",
        required: bool = False,
        nonempty: bool = False,
    ) -> str:
        where = _join(path, key)
        value = table.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.add(where, "is required")
            return default
        if not isinstance(value, str):
            self.add(where, f"must be text, not {_kind(value)}")
            return default
        value = value.strip()
        if nonempty and not value:
            self.add(where, "must not be empty")
        return value

    def number(
        self,
        table: Mapping[str, object],
        path: str,
        key: str,
        expected: str,
        ok: Callable[[float], bool],
        *,
        required: bool = False,
    ) -> float | None:
        """The number at ``key``, or None if it is absent or wrong (and then reported)."""
        where = _join(path, key)
        value = table.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.add(where, f"is required: {expected}")
            return None
        number = _as_number(value)
        if number is None or not ok(number):
            is_number = isinstance(value, int | float) and not isinstance(value, bool)
            wrong = "" if is_number else _kind(value)
            self.add(where, f"must be {expected}" + (f", not {wrong}" if wrong else ""))
            return None
        return number

    def flag(self, table: Mapping[str, object], path: str, key: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            self.add(_join(path, key), f"must be true or false, not {_kind(value)}")
            return False
        return value

    def choice(self, value: object, where: str, kind: type[_E]) -> _E | None:
        """``value`` as a member of ``kind``; None if it is absent or wrong (and then reported)."""
        if value is _MISSING:
            return None
        allowed = ", ".join(member.value for member in kind)
        if isinstance(value, str):
            try:
                return kind(value)
            except ValueError:
                self.add(where, f'must be one of: {allowed}; "{value}" is not')
                return None
        self.add(where, f"must be one of: {allowed}; not {_kind(value)}")
        return None

    # -- sections --

    def protocol(self, data: Mapping[str, object], text: str, source: str) -> Protocol:
        self.unknown_keys(data, "", _TOP_KEYS)
        head = self.section(
            data,
            "protocol",
            _PROTOCOL_KEYS,
            required="a [protocol] table with id, name and route is required",
        )
        required = "protocol" in data
        protocol_id = self.text(head, "protocol", "id", required=required, nonempty=True)
        if protocol_id and not _SLUG.fullmatch(protocol_id):
            self.add(
                "protocol.id",
                "must be lowercase letters, digits and single hyphens "
                f'(like "iv-ketamine"); "{protocol_id}" is not',
            )
        name = self.text(head, "protocol", "name", required=required, nonempty=True)
        route = self.text(head, "protocol", "route", required=required, nonempty=True)
        advance = self.choice(head.get("advance", _MISSING), "protocol.advance", Advance)
        monitoring = self.number(
            head, "protocol", "monitoring_minutes", "a number of minutes (0 or more)", _not_negative
        )
        return Protocol(
            id=protocol_id,
            name=name,
            route=route,
            advance=advance or Advance.MANUAL,
            summary=self.text(head, "protocol", "summary"),
            monitoring_minutes=monitoring or 0.0,
            dose=self.dose(data, route),
            phases=self.phases(data),
            vitals=self.vitals(data),
            thresholds=self.thresholds(data),
            checklist=self.checklist(data),
            discharge=self.discharge(data),
            source=source,
            text=text,
        )

    def checklist(self, data: Mapping[str, object]) -> tuple[ChecklistItem, ...]:
        """``[[preparation.checklist]]``: the protocol's own steps, or kapdesk's default ones."""
        preparation = self.section(data, "preparation", _PREPARATION_KEYS)
        if "checklist" not in preparation:
            return DEFAULT_CHECKLIST
        items: list[ChecklistItem] = []
        seen: set[str] = set()
        for path, item in self.array_of_tables(
            preparation, "preparation.checklist", _CHECKLIST_KEYS
        ):
            item_id = self.text(item, path, "id", required=True, nonempty=True)
            if item_id and not _SLUG.fullmatch(item_id):
                self.add(f"{path}.id", f'must be a slug like "ride-home"; "{item_id}" is not')
            elif item_id in seen:
                self.add(f"{path}.id", f'"{item_id}" is already the id of another step')
            seen.add(item_id)
            text = self.text(item, path, "text", required=True, nonempty=True)
            required = self.flag({"required": True, **item}, path, "required")
            items.append(ChecklistItem(item_id, text, required))
        return tuple(items)

    def discharge(self, data: Mapping[str, object]) -> DischargeRules:
        """``[discharge]``: the readiness score to leave, and yes/no questions to ask."""
        table = self.section(data, "discharge", _DISCHARGE_KEYS)
        score = self.number(
            table,
            "discharge",
            "ready_score",
            "a whole number of points from 1 to 12",
            lambda x: x == int(x) and 1 <= x <= 12,
        )
        questions: list[DischargeQuestion] = []
        seen: set[str] = set()
        for path, item in self.array_of_tables(table, "discharge.questions", _QUESTION_KEYS):
            question_id = self.text(item, path, "id", required=True, nonempty=True)
            if question_id and not _SLUG.fullmatch(question_id):
                self.add(f"{path}.id", f'must be a slug like "sedation"; "{question_id}" is not')
            elif question_id in seen:
                self.add(f"{path}.id", f'"{question_id}" is already the id of another question')
            seen.add(question_id)
            text = self.text(item, path, "text", required=True, nonempty=True)
            questions.append(DischargeQuestion(question_id, text))
        default = DischargeRules()
        return DischargeRules(
            ready_score=int(score) if score is not None else default.ready_score,
            questions=tuple(questions),
        )

    def dose(self, data: Mapping[str, object], route: str) -> DoseDefaults:
        dose = self.section(data, "dose", _DOSE_KEYS)
        return DoseDefaults(
            amount=self.number(dose, "dose", "amount", "a positive number", _positive),
            unit=self.text(dose, "dose", "unit", default="mg", nonempty=True),
            route=self.text(dose, "dose", "route", default=route),
            over_minutes=self.number(
                dose, "dose", "over_minutes", "a positive number of minutes", _positive
            ),
        )

    def phases(self, data: Mapping[str, object]) -> tuple[Phase, ...]:
        if "phases" not in data:
            self.add("phases", "at least one phase is required: add a [[phases]] table")
            return ()
        items = self.array_of_tables(data, "phases", _PHASE_KEYS)
        if not items and isinstance(data["phases"], list) and not data["phases"]:
            self.add("phases", "at least one phase is required")
        phases: list[Phase] = []
        seen: dict[str, str] = {}
        for path, item in items:
            name = self.text(item, path, "name", required=True, nonempty=True)
            if name and name.casefold() in seen:
                self.add(f"{path}.name", f'"{name}" is already the name of {seen[name.casefold()]}')
            elif name:
                seen[name.casefold()] = path
            minutes = self.number(
                item, path, "minutes", "a positive number of minutes", _positive, required=True
            )
            phases.append(
                Phase(
                    name=name,
                    minutes=minutes or 0.0,
                    guidance=self.text(item, path, "guidance"),
                    dosing=self.flag(item, path, "dosing"),
                )
            )
        return tuple(phases)

    def vitals(self, data: Mapping[str, object]) -> VitalsSchedule:
        vitals = self.section(data, "vitals", _VITALS_KEYS)
        return VitalsSchedule(
            measures=self.measures(vitals),
            intervals=self.intervals(vitals),
            checks=self.checks(vitals),
            continuous_pulse_oximetry=self.flag(vitals, "vitals", "continuous_pulse_oximetry"),
        )

    def measures(self, vitals: Mapping[str, object]) -> tuple[Measure, ...]:
        value = vitals.get("measures", _MISSING)
        if value is _MISSING:
            return VitalsSchedule().measures
        allowed = ", ".join(f'"{m.value}"' for m in Measure)
        if not isinstance(value, list) or not value:
            self.add("vitals.measures", f"must be a non-empty array of: {allowed}")
            return VitalsSchedule().measures
        measures: list[Measure] = []
        for index, item in enumerate(value):
            measure = self.choice(item, f"vitals.measures[{index}]", Measure)
            if measure in measures:
                self.add(f"vitals.measures[{index}]", f'"{measure}" is listed twice')
            elif measure is not None:
                measures.append(measure)
        return tuple(measures)

    def intervals(self, vitals: Mapping[str, object]) -> tuple[VitalsInterval, ...]:
        intervals: list[VitalsInterval] = []
        minute = "a number of minutes (0 or more)"
        for path, item in self.array_of_tables(vitals, "vitals.intervals", _INTERVAL_KEYS):
            every = self.number(
                item,
                path,
                "every_minutes",
                "a positive number of minutes",
                _positive,
                required=True,
            )
            start = self.number(item, path, "from_minute", minute, _not_negative) or 0.0
            until = self.number(item, path, "until_minute", minute, _not_negative)
            if until is not None and until <= start:
                self.add(f"{path}.until_minute", f"must be after from_minute ({start:g})")
            intervals.append(
                VitalsInterval(
                    every_minutes=every or 0.0,
                    from_minute=start,
                    until_minute=until,
                    label=self.text(item, path, "label"),
                )
            )
        return tuple(intervals)

    def checks(self, vitals: Mapping[str, object]) -> tuple[VitalsCheck, ...]:
        checks: list[VitalsCheck] = []
        minute = "a number of minutes after dosing (0 or more)"
        for path, item in self.array_of_tables(vitals, "vitals.checks", _CHECK_KEYS):
            at_minute = self.number(item, path, "at_minute", minute, _not_negative)
            moment = self.choice(item.get("moment", _MISSING), f"{path}.moment", CheckMoment)
            given = [key for key in ("at_minute", "moment") if key in item]
            if len(given) != 1:
                self.add(
                    path,
                    "needs exactly one of at_minute or moment" + (", not both" if given else ""),
                )
            if moment is not None:
                default_label = moment.value.replace("_", " ").capitalize()
            else:
                default_label = f"{at_minute:g} min" if at_minute is not None else ""
            checks.append(
                VitalsCheck(
                    label=self.text(item, path, "label", default=default_label) or default_label,
                    at_minute=at_minute,
                    moment=moment,
                )
            )
        return tuple(checks)

    def thresholds(self, data: Mapping[str, object]) -> Thresholds:
        table = self.section(data, "thresholds", THRESHOLD_RANGES)
        values: dict[str, float] = {}
        for name, (low, high) in THRESHOLD_RANGES.items():
            value = self.number(
                table, "thresholds", name, f"a number from {low:g} to {high:g}", _between(low, high)
            )
            if value is not None:
                values[name] = value
        merged: dict[str, float] = dataclasses.asdict(Thresholds(**values))
        for lower, higher, strictly in _THRESHOLD_ORDER:
            given = [key for key in (lower, higher) if key in table]
            if not given or any(key not in values for key in given):
                continue
            if merged[lower] > merged[higher] or (strictly and merged[lower] == merged[higher]):
                if lower in table:
                    relation = "below" if strictly else "at most"
                    self.add(
                        f"thresholds.{lower}", f"must be {relation} {higher} ({merged[higher]:g})"
                    )
                else:
                    relation = "above" if strictly else "at least"
                    self.add(
                        f"thresholds.{higher}", f"must be {relation} {lower} ({merged[lower]:g})"
                    )
        return Thresholds(**values)


def _syntax_problem(error: tomllib.TOMLDecodeError) -> ProtocolProblem:
    message = str(error)
    if match := re.search(r"\s*\(at line (\d+), column \d+\)$", message):
        return ProtocolProblem(int(match.group(1)), "", message[: match.start()])
    message = message.removesuffix(" (at end of document)")
    return ProtocolProblem(None, "", f"{message} at the end of the file")


def parse_protocol(text: str, source: str = "") -> Protocol:
    """Parse and check a protocol file's text; raise ProtocolError listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProtocolError([_syntax_problem(error)], source) from None
    except RecursionError:
        raise ProtocolError(
            [ProtocolProblem(None, "", "values are nested too deeply")], source
        ) from None
    checker = _Checker(text)
    protocol = checker.protocol(data, text, source)
    if checker.problems:
        problems = sorted(checker.problems, key=lambda p: (p.line is None, p.line or 0))
        raise ProtocolError(problems, source)
    return protocol


def load_protocol_file(path: Path) -> Protocol:
    """Read and parse one protocol file; ProtocolError also when it cannot be read as UTF-8."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ProtocolError(
            [ProtocolProblem(None, "", f"cannot read the file: {reason}")], source
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = (
            f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file with UTF-8 encoding"
        )
        raise ProtocolError([ProtocolProblem(line, "", message)], source) from None
    return parse_protocol(text, source)


class ProtocolLibrary:
    """The protocols available to the app: bundled ones, overridden by the clinic's by ``id``.

    A file that fails to load is listed in :attr:`problems` and skipped; the others still load.
    """

    def __init__(self, bundled_dir: Path, clinic_dir: Path | None) -> None:
        self._by_id: dict[str, Protocol] = {}
        self._problems: list[ProtocolError] = []
        self._load_folder(bundled_dir, required=True)
        if clinic_dir is not None:
            self._load_folder(clinic_dir, required=False)

    def _load_folder(self, folder: Path, *, required: bool) -> None:
        if not folder.is_dir():
            if required:
                self._folder_problem(folder, "protocol folder not found")
            return
        try:
            paths = sorted(
                p
                for p in folder.iterdir()
                if p.suffix.lower() == ".toml" and not p.name.startswith(".")
            )
        except OSError as error:
            self._folder_problem(folder, f"cannot read the folder: {error.strerror or error}")
            return
        loaded_from: dict[str, Path] = {}
        for path in paths:
            try:
                protocol = load_protocol_file(path)
            except ProtocolError as error:
                self._problems.append(error)
                continue
            if protocol.id in loaded_from:
                line = _field_lines(protocol.text).get("protocol.id")
                message = f'id "{protocol.id}" is already used by {loaded_from[protocol.id].name}'
                self._problems.append(
                    ProtocolError([ProtocolProblem(line, "protocol.id", message)], str(path))
                )
                continue
            loaded_from[protocol.id] = path
            self._by_id[protocol.id] = protocol

    def _folder_problem(self, folder: Path, message: str) -> None:
        self._problems.append(ProtocolError([ProtocolProblem(None, "", message)], str(folder)))

    def protocols(self) -> list[Protocol]:
        """Every usable protocol, sorted by name."""
        return sorted(self._by_id.values(), key=lambda p: (p.name.casefold(), p.id))

    def get(self, protocol_id: str) -> Protocol | None:
        return self._by_id.get(protocol_id)

    @property
    def problems(self) -> list[ProtocolError]:
        """One error per file (or folder) that could not be loaded."""
        return list(self._problems)
