"""Protocol files: checking a protocol's TOML, the stand-in for one that cannot be used, and
the library of bundled and clinic protocols.

Bad input never escapes as a stray exception: :func:`parse_protocol` raises one
:class:`~kapdesk.core.protocols.ProtocolError` that lists every problem with the line and field
it concerns.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from pathlib import Path

from kapdesk.core import protocol_words as words
from kapdesk.core.protocols import (
    DEFAULT_CHECKLIST,
    EVERY_MINUTES,
    INFUSION_MINUTES,
    LARGEST_DOSE,
    LONGEST_SESSION_MINUTES,
    MOST_CHECKLIST_STEPS,
    MOST_CHECKS,
    MOST_DISCHARGE_QUESTIONS,
    MOST_INTERVALS,
    MOST_PHASES,
    PHASE_MINUTES,
    Advance,
    ChecklistItem,
    CheckMoment,
    DischargeQuestion,
    DischargeRules,
    DoseDefaults,
    Measure,
    Phase,
    PhaseWords,
    Protocol,
    ProtocolError,
    Thresholds,
    VitalsCheck,
    VitalsInterval,
    VitalsSchedule,
)
from kapdesk.core.toml_check import (
    MISSING,
    SLUG,
    Problem,
    TomlChecker,
    as_number,
    between,
    field_lines,
    parse_toml,
    read_toml_text,
    sorted_problems,
)
from kapdesk.core.units import LANGUAGES
from kapdesk.core.words import Template

_TOP_KEYS = ("protocol", "dose", "phases", "vitals", "thresholds", "preparation", "discharge")
_DISCHARGE_KEYS = ("ready_score", "required", "questions")
_QUESTION_KEYS = ("id", "text")
_PREPARATION_KEYS = ("checklist",)
_CHECKLIST_KEYS = ("id", "text", "required")
_PROTOCOL_KEYS = ("id", "name", "route", "advance", "summary", "monitoring_minutes")
_DOSE_KEYS = ("amount", "unit", "route", "over_minutes", "usual_min", "usual_max", "hard_limit")
# Languages a phase may be named in besides the file's own (English): [phases.es], [phases.fr].
OTHER_LANGUAGES = tuple(language for language in LANGUAGES if language != "en")
_PHASE_KEYS = ("name", "minutes", "guidance", "dosing", *OTHER_LANGUAGES)
_PHASE_WORDS_KEYS = ("name", "guidance")
_VITALS_KEYS = ("measures", "continuous_pulse_oximetry", "intervals", "checks")
_INTERVAL_KEYS = ("label", "every_minutes", "from_minute", "until_minute")
_CHECK_KEYS = ("label", "at_minute", "moment")


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


class _Checker(TomlChecker):
    """Reads the parsed TOML into a Protocol, collecting problems instead of stopping."""

    def at_most(
        self, items: list[tuple[str, dict[str, object]]], path: str, most: int, said: Template
    ) -> list[tuple[str, dict[str, object]]]:
        """``items``, said to be too many (``said``, and only the first ``most`` read) beyond
        ``most``."""
        if len(items) > most:
            self.add(path, said.format(most=most, count=len(items)))
        return items[:most]

    def protocol(self, data: Mapping[str, object], text: str, source: str) -> Protocol:
        self.unknown_keys(data, "", _TOP_KEYS)
        head = self.section(
            data,
            "protocol",
            _PROTOCOL_KEYS,
            required=words.HEAD_REQUIRED,
        )
        required = "protocol" in data
        protocol_id = self.text(head, "protocol", "id", required=required, nonempty=True)
        if protocol_id and not SLUG.fullmatch(protocol_id):
            self.add("protocol.id", words.BAD_ID.format(id=protocol_id))
        name = self.text(head, "protocol", "name", required=required, nonempty=True)
        route = self.text(head, "protocol", "route", required=required, nonempty=True)
        advance = self.choice(head.get("advance", MISSING), "protocol.advance", Advance)
        monitoring = self.number(
            head,
            "protocol",
            "monitoring_minutes",
            words.MINUTES_FROM.format(low="0", high=f"{LONGEST_SESSION_MINUTES:g}"),
            between(0, LONGEST_SESSION_MINUTES),
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
        steps = self.array_of_tables(preparation, "preparation.checklist", _CHECKLIST_KEYS)
        for path, item in self.at_most(
            steps, "preparation.checklist", MOST_CHECKLIST_STEPS, words.MOST_STEPS
        ):
            item_id = self.text(item, path, "id", required=True, nonempty=True)
            if item_id and not SLUG.fullmatch(item_id):
                self.add(f"{path}.id", words.BAD_STEP_ID.format(id=item_id))
            elif item_id in seen:
                self.add(f"{path}.id", words.STEP_ID_TAKEN.format(id=item_id))
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
            words.WHOLE_POINTS,
            lambda x: x == int(x) and 1 <= x <= 12,
        )
        questions: list[DischargeQuestion] = []
        seen: set[str] = set()
        asked = self.array_of_tables(table, "discharge.questions", _QUESTION_KEYS)
        for path, item in self.at_most(
            asked, "discharge.questions", MOST_DISCHARGE_QUESTIONS, words.MOST_QUESTIONS
        ):
            question_id = self.text(item, path, "id", required=True, nonempty=True)
            if question_id and not SLUG.fullmatch(question_id):
                self.add(f"{path}.id", words.BAD_QUESTION_ID.format(id=question_id))
            elif question_id in seen:
                self.add(f"{path}.id", words.QUESTION_ID_TAKEN.format(id=question_id))
            seen.add(question_id)
            text = self.text(item, path, "text", required=True, nonempty=True)
            questions.append(DischargeQuestion(question_id, text))
        default = DischargeRules()
        return DischargeRules(
            ready_score=int(score) if score is not None else default.ready_score,
            questions=tuple(questions),
            required=self.flag(table, "discharge", "required"),
        )

    def dose(self, data: Mapping[str, object], route: str) -> DoseDefaults:
        dose = self.section(data, "dose", _DOSE_KEYS)
        amount_text = words.AMOUNT.format(most=f"{LARGEST_DOSE:g}")

        def amount(key: str) -> float | None:
            return self.number(dose, "dose", key, amount_text, lambda x: 0 < x <= LARGEST_DOSE)

        rules = DoseDefaults(
            amount=amount("amount"),
            unit=self.text(dose, "dose", "unit", default="mg", nonempty=True),
            route=self.text(dose, "dose", "route", default=route),
            over_minutes=self.number(
                dose,
                "dose",
                "over_minutes",
                _minutes(*INFUSION_MINUTES),
                between(*INFUSION_MINUTES),
            ),
            usual_min=amount("usual_min"),
            usual_max=amount("usual_max"),
            hard_limit=amount("hard_limit"),
        )
        self.dose_order(dose, rules)
        return rules

    def dose_order(self, dose: Mapping[str, object], rules: DoseDefaults) -> None:
        """0 < usual_min <= usual_max <= hard_limit, and the amount within the usual range
        (or at most the hard limit): a protocol that contradicts itself is refused."""
        unit = rules.unit
        given = [key for key in ("usual_min", "usual_max") if key in dose]
        if len(given) == 1:
            other = "usual_max" if given[0] == "usual_min" else "usual_min"
            self.add(f"dose.{given[0]}", words.BOTH_ENDS.format(other=other))
        low, high, limit = rules.usual_min, rules.usual_max, rules.hard_limit
        if low is not None and high is not None and low > high:
            said = words.AT_LEAST_KEY.format(key="usual_min", amount=f"{low:g}", unit=unit)
            self.add("dose.usual_max", said)
        top = high if high is not None else low
        if top is not None and limit is not None and top > limit:
            which = "usual_max" if high is not None else "usual_min"
            said = words.AT_LEAST_KEY.format(key=which, amount=f"{top:g}", unit=unit)
            self.add("dose.hard_limit", said)
        if rules.amount is None:
            return
        if low is not None and high is not None and "usual_min" in dose and "usual_max" in dose:
            if low <= high and not low <= rules.amount <= high:
                said = words.WITHIN_USUAL.format(low=f"{low:g}", high=f"{high:g}", unit=unit)
                self.add("dose.amount", said)
        elif limit is not None and rules.amount > limit:
            said = words.AT_MOST_LIMIT.format(limit=f"{limit:g}", unit=unit)
            self.add("dose.amount", said)

    def phase_words(self, item: Mapping[str, object], path: str) -> tuple[PhaseWords, ...]:
        """``[phases.es]``, ``[phases.fr]``: the phase's name and guidance in those languages."""
        found = []
        for language in OTHER_LANGUAGES:
            if language not in item:
                continue
            table = self.section(item, f"{path}.{language}", _PHASE_WORDS_KEYS)
            where = f"{path}.{language}"
            name = self.text(table, where, "name", required=True, nonempty=True)
            found.append(PhaseWords(language, name, self.text(table, where, "guidance")))
        return tuple(found)

    def phases(self, data: Mapping[str, object]) -> tuple[Phase, ...]:
        if "phases" not in data:
            self.add("phases", words.NO_PHASES_TABLE)
            return ()
        items = self.array_of_tables(data, "phases", _PHASE_KEYS)
        if not items and isinstance(data["phases"], list) and not data["phases"]:
            self.add("phases", words.NO_PHASES)
        phases: list[Phase] = []
        seen: dict[str, str] = {}
        length = _minutes(*PHASE_MINUTES)
        for path, item in self.at_most(items, "phases", MOST_PHASES, words.MOST_PHASES):
            name = self.text(item, path, "name", required=True, nonempty=True)
            if name and name.casefold() in seen:
                said = words.NAME_TAKEN.format(name=name, other=seen[name.casefold()])
                self.add(f"{path}.name", said)
            elif name:
                seen[name.casefold()] = path
            minutes = self.number(
                item, path, "minutes", length, between(*PHASE_MINUTES), required=True
            )
            phases.append(
                Phase(
                    name=name,
                    minutes=minutes or 0.0,
                    guidance=self.text(item, path, "guidance"),
                    dosing=self.flag(item, path, "dosing"),
                    words=self.phase_words(item, path),
                )
            )
        total = sum(phase.minutes for phase in phases)
        if total > LONGEST_SESSION_MINUTES:
            most = f"{LONGEST_SESSION_MINUTES:g}"
            self.add("phases", words.TOO_LONG.format(total=f"{total:g}", most=most))
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
        value = vitals.get("measures", MISSING)
        if value is MISSING:
            return VitalsSchedule().measures
        allowed = ", ".join(f'"{m.value}"' for m in Measure)
        if not isinstance(value, list) or not value:
            self.add("vitals.measures", words.MEASURES.format(allowed=allowed))
            return VitalsSchedule().measures
        measures: list[Measure] = []
        for index, item in enumerate(value):
            measure = self.choice(item, f"vitals.measures[{index}]", Measure)
            if measure in measures:
                self.add(f"vitals.measures[{index}]", words.LISTED_TWICE.format(measure=measure))
            elif measure is not None:
                measures.append(measure)
        return tuple(measures)

    def intervals(self, vitals: Mapping[str, object]) -> tuple[VitalsInterval, ...]:
        intervals: list[VitalsInterval] = []
        minute = words.MINUTE_FROM.format(most=f"{LONGEST_SESSION_MINUTES:g}")
        in_session = between(0, LONGEST_SESSION_MINUTES)
        items = self.array_of_tables(vitals, "vitals.intervals", _INTERVAL_KEYS)
        for path, item in self.at_most(
            items, "vitals.intervals", MOST_INTERVALS, words.MOST_INTERVALS
        ):
            every = self.number(
                item,
                path,
                "every_minutes",
                _minutes(*EVERY_MINUTES),
                between(*EVERY_MINUTES),
                required=True,
            )
            start = self.number(item, path, "from_minute", minute, in_session) or 0.0
            until = self.number(item, path, "until_minute", minute, in_session)
            if until is not None and until <= start:
                said = words.AFTER_START.format(start=f"{start:g}")
                self.add(f"{path}.until_minute", said)
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
        minute = words.MINUTES_AFTER_DOSING.format(most=f"{LONGEST_SESSION_MINUTES:g}")
        items = self.array_of_tables(vitals, "vitals.checks", _CHECK_KEYS)
        for path, item in self.at_most(items, "vitals.checks", MOST_CHECKS, words.MOST_CHECKS):
            at_minute = self.number(
                item, path, "at_minute", minute, between(0, LONGEST_SESSION_MINUTES)
            )
            moment = self.choice(item.get("moment", MISSING), f"{path}.moment", CheckMoment)
            given = [key for key in ("at_minute", "moment") if key in item]
            if len(given) != 1:
                self.add(path, words.NOT_BOTH if given else words.ONE_OF_TWO)
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
                table,
                "thresholds",
                name,
                words.NUMBER_FROM.format(low=f"{low:g}", high=f"{high:g}"),
                between(low, high),
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
                    relation = words.ORDER["below" if strictly else "at most"]
                    said = relation.format(other=higher, value=f"{merged[higher]:g}")
                    self.add(f"thresholds.{lower}", said)
                else:
                    relation = words.ORDER["above" if strictly else "at least"]
                    said = relation.format(other=lower, value=f"{merged[lower]:g}")
                    self.add(f"thresholds.{higher}", said)
        return Thresholds(**values)


def _minutes(low: float, high: float) -> str:
    return words.MINUTES_FROM.format(low=f"{low:g}", high=f"{high:g}")


def parse_protocol(text: str, source: str = "") -> Protocol:
    """Parse and check a protocol file's text; raise ProtocolError listing every problem."""
    data = parse_toml(text, ProtocolError, source)
    checker = _Checker(text)
    protocol = checker.protocol(data, text, source)
    if checker.problems:
        raise ProtocolError(sorted_problems(checker.problems), source)
    return protocol


#: The most phases a stand-in protocol takes from a session's record (its events' indexes).
_MOST_RECORDED_PHASES = 1000


def stand_in_protocol(
    text: str, problem: str, recorded_phases: Mapping[int, str] | None = None
) -> Protocol:
    """A protocol for a session whose own (``text``, its snapshot) cannot be used.

    The session must still open: its timer, its record and its phases by hand. The stand-in
    keeps what can be read of the snapshot (its id, name, and the names of its phases, each
    planned within :data:`PHASE_MINUTES`) and the phases the record names (``recorded_phases``,
    by index), moves on only by hand, schedules no vital signs, and uses kapdesk's default
    thresholds. ``problem`` says why, for staff; it is the stand-in's :attr:`Protocol.problem`.
    """
    try:
        data: Mapping[str, object] = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        data = {}
    head = data.get("protocol")
    head = head if isinstance(head, dict) else {}

    def text_of(value: object, default: str) -> str:
        return value.strip()[:200] or default if isinstance(value, str) else default

    phases: list[Phase] = []
    listed = data.get("phases")
    for item in listed[:MOST_PHASES] if isinstance(listed, list) else []:
        if not isinstance(item, dict):
            continue
        minutes = as_number(item.get("minutes"))
        low, high = PHASE_MINUTES
        planned = min(max(minutes, low), high) if minutes is not None else low
        name = text_of(item.get("name"), f"Phase {len(phases) + 1}")
        phases.append(Phase(name, planned, text_of(item.get("guidance"), "")))
    recorded = {
        index: name
        for index, name in (recorded_phases or {}).items()
        if 0 <= index < _MOST_RECORDED_PHASES
    }
    for index in range(len(phases), max(recorded, default=-1) + 1):
        phases.append(Phase(recorded.get(index) or f"Phase {index + 1}", PHASE_MINUTES[0]))
    if not phases:
        phases.append(Phase("Journey", PHASE_MINUTES[0]))
    protocol_id = text_of(head.get("id"), "unusable")
    # Doses go on in the unit the session was dosed in (a per-kg one still asks the weight),
    # held to no range and to LARGEST_DOSE only: the stand-in cannot vouch for the rest.
    dose = data.get("dose")
    unit = text_of(dose.get("unit"), "mg") if isinstance(dose, dict) else "mg"
    return Protocol(
        id=protocol_id if SLUG.fullmatch(protocol_id) else "unusable",
        name=text_of(head.get("name"), "Protocol that cannot be used"),
        route=text_of(head.get("route"), ""),
        phases=tuple(phases),
        advance=Advance.MANUAL,
        dose=DoseDefaults(unit=unit[:32]),
        vitals=VitalsSchedule(intervals=(), checks=()),
        text=text,
        problem=problem,
    )


def missing_words(protocol: Protocol) -> list[str]:
    """Warnings, not problems: each phase without its name in a language some other phase of
    the protocol is named in (staff speaking it read the file's own name there)."""
    given = {w.language for phase in protocol.phases for w in phase.words}
    warnings = []
    for language in sorted(given):
        for n, phase in enumerate(protocol.phases):
            if not any(w.language == language and w.name for w in phase.words):
                warnings.append(
                    f"phases[{n}] ({phase.name}): no name in {language} ([phases.{language}]); "
                    "the file's own is shown"
                )
    return warnings


def load_protocol_file(path: Path) -> Protocol:
    """Read and parse one protocol file; ProtocolError also when it cannot be read as UTF-8."""
    return parse_protocol(read_toml_text(path, ProtocolError), str(path))


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
                self._folder_problem(folder, words.NO_FOLDER)
            return
        try:
            paths = sorted(
                p
                for p in folder.iterdir()
                if p.suffix.lower() == ".toml" and not p.name.startswith(".")
            )
        except OSError as error:
            reason = str(error.strerror or error)
            self._folder_problem(folder, words.FOLDER_UNREADABLE.format(error=reason))
            return
        loaded_from: dict[str, Path] = {}
        for path in paths:
            try:
                protocol = load_protocol_file(path)
            except ProtocolError as error:
                self._problems.append(error)
                continue
            if protocol.id in loaded_from:
                line = field_lines(protocol.text).get("protocol.id")
                message = words.ID_TAKEN.format(id=protocol.id, file=loaded_from[protocol.id].name)
                self._problems.append(
                    ProtocolError([Problem(line, "protocol.id", message)], str(path))
                )
                continue
            loaded_from[protocol.id] = path
            self._by_id[protocol.id] = protocol

    def _folder_problem(self, folder: Path, message: str) -> None:
        self._problems.append(ProtocolError([Problem(None, "", message)], str(folder)))

    def protocols(self) -> list[Protocol]:
        """Every usable protocol, sorted by name."""
        return sorted(self._by_id.values(), key=lambda p: (p.name.casefold(), p.id))

    def get(self, protocol_id: str) -> Protocol | None:
        return self._by_id.get(protocol_id)

    @property
    def problems(self) -> list[ProtocolError]:
        """One error per file (or folder) that could not be loaded."""
        return list(self._problems)
