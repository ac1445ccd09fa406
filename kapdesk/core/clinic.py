"""The clinic's own settings: its name and phone number for the patient's handout, the folder
its printed records are saved in, the days it books follow-ups on, its follow-up rules, its
journal prompts and integration steps, any breathing patterns of its own, the loudness every
track is played at, and its language, region (dates, times, numbers) and units.

kapdesk ships ``kapdesk/assets/clinic.toml``; a ``clinic.toml`` in the data folder replaces it
section by section (a section the clinic leaves out keeps kapdesk's), and ``[clinic]`` key by
key. The schema is in ``docs/clinic.md``. A file with problems is reported with every problem
at once and kapdesk carries on with its own settings: a typo never stops a session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from kapdesk.core.loudness import DEFAULT_TARGET, HIGHEST_TARGET, LOWEST_TARGET
from kapdesk.core.preparation import BREATH_PATTERNS, Breath, BreathPattern
from kapdesk.core.toml_check import (
    MISSING,
    MUST_BE_NOT,
    REQUIRED_AS,
    SLUG,
    TomlChecker,
    TomlFileError,
    as_number,
    kind_of,
    parse_toml,
    read_toml_text,
    sorted_problems,
)
from kapdesk.core.units import LANGUAGES, Temperature, Units, Weight, units_for
from kapdesk.core.words import QT_TRANSLATE_NOOP

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# How many of each list the file may hold: more is a file gone wrong, and the breathing pacer
# walks a pattern's steps on every frame.
MOST_FOLLOWUPS = 30
MOST_BREATHING_PATTERNS = 30
MOST_BREATH_STEPS = 20


class ClinicError(TomlFileError):
    """A clinic settings file that cannot be used, with every problem found in it."""

    noun = "clinic settings"


@dataclass(frozen=True)
class FollowUpRule:
    """A follow-up the clinic books after a session: how many days after it, at the earliest
    and at the latest (0 is the same day), on the clinic's open days."""

    id: str
    name: str
    earliest_days: int
    latest_days: int
    offered: bool = True  # a modality the clinic does not offer stays in the file, switched off
    next_dose: bool = False  # the next dosing session of the course: only while one is left


@dataclass(frozen=True)
class IntegrationStep:
    """A step of integration after the session (reflection, self-care, ...)."""

    id: str
    text: str


@dataclass(frozen=True)
class HandoutTexts:
    """The clinic's own handout texts in one language (``[handout.es]``): each given replaces
    the clinic's on a handout printed in that language; each not given, the clinic's stays."""

    language: str
    urgent: str = ""
    prompts: tuple[str, ...] = ()
    steps: tuple[tuple[str, str], ...] = ()  # (step id, its words)
    followups: tuple[tuple[str, str], ...] = ()  # (follow-up id, its name)

    def step(self, step_id: str) -> str:
        """The step's words in this language; "" when not given."""
        return dict(self.steps).get(step_id, "")

    def followup(self, rule_id: str) -> str:
        """The follow-up's name in this language; "" when not given."""
        return dict(self.followups).get(rule_id, "")


@dataclass(frozen=True)
class ClinicSettings:
    """Everything the clinic sets for itself."""

    name: str = ""
    phone: str = ""  # who to call: printed on the patient's handout
    urgent: str = ""  # what to do in an emergency, in the clinic's words
    open_days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday is 0
    lock_minutes: float = 5.0  # idle minutes before the screen locks; 0 never
    documents: str = ""  # the folder printed records are saved in; "" for kapdesk's own
    followups: tuple[FollowUpRule, ...] = ()
    prompts: tuple[str, ...] = ()
    steps: tuple[IntegrationStep, ...] = ()
    breathing: tuple[BreathPattern, ...] = field(default=BREATH_PATTERNS)
    target_loudness: float = DEFAULT_TARGET  # LUFS every track and bed is brought down to
    language: str = ""  # kapdesk's words for staff ("en", "es", "fr"); "" the system's
    region: str = ""  # dates, times and numbers, a locale name ("en_US"); "" the system's
    temperature_unit: str = ""  # "C" or "F"; "" the region's
    weight_unit: str = ""  # "kg" or "lb"; "" the region's
    handout: tuple[HandoutTexts, ...] = ()  # the handout's texts in other languages
    source: str = ""

    def handout_texts(self, language: str) -> HandoutTexts:
        """The clinic's handout texts given for ``language``; none given, an empty set."""
        found = [texts for texts in self.handout if texts.language == language]
        return found[0] if found else HandoutTexts(language)

    def units(self, system_region: str) -> Units:
        """The units staff type and read, for a PC whose own region is ``system_region``."""
        return units_for(self.region or system_region, self.temperature_unit, self.weight_unit)


_TOP = ("clinic", "followups", "integration", "breathing", "sound", "locale", "handout")
_CLINIC_KEYS = ("name", "phone", "urgent", "open_days", "lock_minutes", "documents")
_FOLLOWUP_KEYS = ("id", "name", "earliest_days", "latest_days", "offered", "next_dose")
_INTEGRATION_KEYS = ("prompts", "steps")
_STEP_KEYS = ("id", "text")
_BREATHING_KEYS = ("id", "name", "steps", "about")
_SOUND_KEYS = ("target_loudness",)
_LOCALE_KEYS = ("language", "region", "temperature", "weight")
_HANDOUT_KEYS = ("urgent", "prompts", "steps", "followups")
_REGION = r"[a-z]{2,3}(_[A-Z]{2})?"

# What is wrong in clinic.toml, said on the set-up page: each a template.
LOCK_MINUTES = QT_TRANSLATE_NOOP("ClinicSettings", "a number of minutes from 0 (never) to 120")
LOUDNESS = QT_TRANSLATE_NOOP(
    "ClinicSettings", "a loudness in LUFS from {low} (quieter) to {high} (louder), such as {usual}"
)
ONE_OF = QT_TRANSLATE_NOOP("ClinicSettings", "one of {allowed}")
EITHER = QT_TRANSLATE_NOOP("ClinicSettings", '"{first}" or "{second}"')
NOT_ALLOWED = QT_TRANSLATE_NOOP("ClinicSettings", 'must be {expected}; "{value}" is not')
NOT_REGION = QT_TRANSLATE_NOOP(
    "ClinicSettings", 'must be a locale name like "en_US"; "{region}" is not'
)
NOT_DAYS = QT_TRANSLATE_NOOP(
    "ClinicSettings", 'must be a list of days like ["mon", "tue", "wed", "thu", "fri"]'
)
NOT_A_DAY = QT_TRANSLATE_NOOP(
    "ClinicSettings", "{day} is not a day: write mon, tue, wed, thu, fri, sat, sun"
)
NOT_A_SLUG = QT_TRANSLATE_NOOP("ClinicSettings", 'must be a slug like "{example}"; "{id}" is not')
USED_TWICE = QT_TRANSLATE_NOOP("ClinicSettings", '"{id}" is used twice')
DAYS = QT_TRANSLATE_NOOP("ClinicSettings", "a whole number of days from 0 to 365")
MOST_FOLLOWUPS_SAID = QT_TRANSLATE_NOOP(
    "ClinicSettings", "at most {most} follow-ups; there are {count}"
)
NOT_BEFORE = QT_TRANSLATE_NOOP("ClinicSettings", "must be at least earliest_days ({earliest})")
NOT_QUESTIONS = QT_TRANSLATE_NOOP("ClinicSettings", "must be a list of questions, as text")
MOST_PATTERNS = QT_TRANSLATE_NOOP(
    "ClinicSettings", "at most {most} breathing patterns; there are {count}"
)
BREATH_SHAPE = QT_TRANSLATE_NOOP(
    "ClinicSettings",
    'a list of [what, seconds] pairs like [["in", 4], ["out", 6]]; what is {allowed}',
)
MOST_STEPS = QT_TRANSLATE_NOOP("ClinicSettings", "at most {most} steps; there are {count}")
NOT_A_PAIR = QT_TRANSLATE_NOOP(
    "ClinicSettings", "must be a [what, seconds] pair; what is {allowed}"
)
NOT_A_BREATH = QT_TRANSLATE_NOOP("ClinicSettings", "{what} is not one of {allowed}")
SECONDS = QT_TRANSLATE_NOOP("ClinicSettings", "the seconds must be a number from 0.5 to 60")
NO_BREATH_IN = QT_TRANSLATE_NOOP("ClinicSettings", "needs a step breathing in")


class _Checker(TomlChecker):
    def settings(self, data: Mapping[str, object], base: ClinicSettings) -> ClinicSettings:
        self.unknown_keys(data, "", _TOP)
        values: dict[str, object] = {}
        if "clinic" in data:
            # Key by key, not the whole table: a clinic that writes only its name must not
            # lose the urgent advice printed on every handout.
            head = self.section(data, "clinic", _CLINIC_KEYS)
            for key in ("name", "phone", "urgent", "documents"):
                if key in head:
                    values[key] = self.text(head, "clinic", key)
            if "open_days" in head:
                values["open_days"] = self.open_days(head["open_days"])
            if "lock_minutes" in head:
                minutes = self.number(
                    head,
                    "clinic",
                    "lock_minutes",
                    LOCK_MINUTES,
                    lambda x: 0 <= x <= 120,
                )
                if minutes is not None:
                    values["lock_minutes"] = minutes
        if "followups" in data:
            values["followups"] = self.followups(data)
        if "integration" in data:
            integration = self.section(data, "integration", _INTEGRATION_KEYS)
            if "prompts" in integration:
                values["prompts"] = self.prompts(integration["prompts"])
            if "steps" in integration:
                values["steps"] = self.steps(integration)
        if "breathing" in data:
            values["breathing"] = BREATH_PATTERNS + self.breathing(data)
        if "sound" in data:
            target = self.number(
                self.section(data, "sound", _SOUND_KEYS),
                "sound",
                "target_loudness",
                LOUDNESS.format(
                    low=f"{LOWEST_TARGET:g}",
                    high=f"{HIGHEST_TARGET:g}",
                    usual=f"{DEFAULT_TARGET:g}",
                ),
                lambda x: LOWEST_TARGET <= x <= HIGHEST_TARGET,
            )
            if target is not None:
                values["target_loudness"] = target
        if "locale" in data:
            values.update(self.locale(self.section(data, "locale", _LOCALE_KEYS)))
        settings = replace(base, **values)  # type: ignore[arg-type]
        if "handout" in data:
            settings = replace(settings, handout=self.handout(data, settings))
        return settings

    def handout(
        self, data: Mapping[str, object], settings: ClinicSettings
    ) -> tuple[HandoutTexts, ...]:
        """``[handout.es]``, ``[handout.fr]``: the clinic's handout texts in those languages,
        its steps and follow-ups named by the ids the file (or kapdesk's own) gives them."""
        found: list[HandoutTexts] = []
        handout = self.section(data, "handout", LANGUAGES)
        for language in handout:
            path = f"handout.{language}"
            table = self.section(handout, path, _HANDOUT_KEYS) if language in LANGUAGES else {}
            if not table:
                continue
            prompts = (
                self.prompts(table["prompts"], f"{path}.prompts") if "prompts" in table else ()
            )
            steps = self.named(table, path, "steps", {step.id for step in settings.steps})
            rules = {rule.id for rule in settings.followups}
            followups = self.named(table, path, "followups", rules)
            urgent = self.text(table, path, "urgent")
            found.append(HandoutTexts(language, urgent, prompts, steps, followups))
        return tuple(found)

    def named(
        self, table: Mapping[str, object], path: str, key: str, ids: set[str]
    ) -> tuple[tuple[str, str], ...]:
        """A table of words by id (``steps = { journal = "..." }``), each id one the file (or
        kapdesk's own settings) gives a step or follow-up."""
        where = f"{path}.{key}"
        value = self.section(table, where, ids)
        named = []
        for name in value:
            if name in ids:
                words = self.text(value, where, name, nonempty=True)
                if words:
                    named.append((name, words))
        return tuple(named)

    def locale(self, table: Mapping[str, object]) -> dict[str, str]:
        import re  # noqa: PLC0415  (only for a clinic that sets its locale)

        values: dict[str, str] = {}
        choices = {
            "language": (LANGUAGES, ONE_OF.format(allowed=", ".join(LANGUAGES))),
            "temperature": (
                tuple(t.value for t in Temperature),
                EITHER.format(first="C", second="F"),
            ),
            "weight": (tuple(w.value for w in Weight), EITHER.format(first="kg", second="lb")),
        }
        for key, field_name in (
            ("language", "language"),
            ("temperature", "temperature_unit"),
            ("weight", "weight_unit"),
        ):
            if key in table:
                value = self.text(table, "locale", key)
                allowed, said = choices[key]
                if value and value not in allowed:
                    self.add(f"locale.{key}", NOT_ALLOWED.format(expected=said, value=value))
                else:
                    values[field_name] = value
        if "region" in table:
            region = self.text(table, "locale", "region")
            if region and not re.fullmatch(_REGION, region):
                self.add("locale.region", NOT_REGION.format(region=region))
            else:
                values["region"] = region
        return values

    def open_days(self, value: object) -> tuple[int, ...]:
        where = "clinic.open_days"
        if not isinstance(value, list) or not value:
            self.add(where, NOT_DAYS)
            return ()
        days: list[int] = []
        for day in value:
            name = day.strip().lower()[:3] if isinstance(day, str) else ""
            if name not in WEEKDAYS:
                self.add(where, NOT_A_DAY.format(day=repr(day)))
                continue
            days.append(WEEKDAYS.index(name))
        return tuple(sorted(set(days)))

    def _id(self, item: Mapping[str, object], path: str, seen: set[str], what: str) -> str:
        item_id = self.text(item, path, "id", required=True, nonempty=True)
        if item_id and not SLUG.fullmatch(item_id):
            self.add(f"{path}.id", NOT_A_SLUG.format(example=what, id=item_id))
        elif item_id in seen:
            self.add(f"{path}.id", USED_TWICE.format(id=item_id))
        seen.add(item_id)
        return item_id

    def _days(self, item: Mapping[str, object], path: str, key: str) -> int:
        number = self.number(
            item,
            path,
            key,
            DAYS,
            lambda x: x == int(x) and 0 <= x <= 365,
            required=True,
        )
        return int(number) if number is not None else 0

    def followups(self, data: Mapping[str, object]) -> tuple[FollowUpRule, ...]:
        rules: list[FollowUpRule] = []
        seen: set[str] = set()
        items = self.array_of_tables(data, "followups", _FOLLOWUP_KEYS)
        if len(items) > MOST_FOLLOWUPS:
            said = MOST_FOLLOWUPS_SAID.format(most=MOST_FOLLOWUPS, count=len(items))
            self.add("followups", said)
        for path, item in items[:MOST_FOLLOWUPS]:
            rule_id = self._id(item, path, seen, "integration")
            name = self.text(item, path, "name", required=True, nonempty=True)
            earliest = self._days(item, path, "earliest_days")
            latest = self._days(item, path, "latest_days")
            if latest < earliest:
                self.add(f"{path}.latest_days", NOT_BEFORE.format(earliest=earliest))
            offered = self.flag({"offered": True, **item}, path, "offered")
            next_dose = self.flag(item, path, "next_dose")
            rules.append(FollowUpRule(rule_id, name, earliest, latest, offered, next_dose))
        return tuple(rules)

    def prompts(self, value: object, where: str = "integration.prompts") -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(where, NOT_QUESTIONS)
            return ()
        return tuple(str(v).strip() for v in value)

    def steps(self, integration: Mapping[str, object]) -> tuple[IntegrationStep, ...]:
        steps: list[IntegrationStep] = []
        seen: set[str] = set()
        for path, item in self.array_of_tables(integration, "integration.steps", _STEP_KEYS):
            step_id = self._id(item, path, seen, "self-care")
            steps.append(IntegrationStep(step_id, self.text(item, path, "text", required=True)))
        return tuple(steps)

    def breathing(self, data: Mapping[str, object]) -> tuple[BreathPattern, ...]:
        patterns: list[BreathPattern] = []
        seen = {p.id for p in BREATH_PATTERNS}
        items = self.array_of_tables(data, "breathing", _BREATHING_KEYS)
        if len(items) > MOST_BREATHING_PATTERNS:
            said = MOST_PATTERNS.format(most=MOST_BREATHING_PATTERNS, count=len(items))
            self.add("breathing", said)
        for path, item in items[:MOST_BREATHING_PATTERNS]:
            pattern_id = self._id(item, path, seen, "calm-6-2-7")
            name = self.text(item, path, "name", required=True, nonempty=True)
            steps = self.breath_steps(item.get("steps", MISSING), f"{path}.steps")
            if pattern_id and name and steps:
                about = self.text(item, path, "about")
                patterns.append(BreathPattern(pattern_id, name, steps, about))
        return tuple(patterns)

    def breath_steps(self, value: object, where: str) -> tuple[tuple[Breath, float], ...]:
        allowed = ", ".join(b.value for b in Breath)
        shape = BREATH_SHAPE.format(allowed=allowed)
        if value is MISSING:
            self.add(where, REQUIRED_AS.format(expected=shape))
            return ()
        if not isinstance(value, list) or not value:
            self.add(where, MUST_BE_NOT.format(expected=shape, kind=kind_of(value)))
            return ()
        if len(value) > MOST_BREATH_STEPS:
            self.add(where, MOST_STEPS.format(most=MOST_BREATH_STEPS, count=len(value)))
            return ()
        steps: list[tuple[Breath, float]] = []
        for n, step in enumerate(value):
            at = f"{where}[{n}]"
            if not (isinstance(step, list) and len(step) == 2):
                self.add(at, NOT_A_PAIR.format(allowed=allowed))
                continue
            what, seconds = step
            number = as_number(seconds)
            if what not in {b.value for b in Breath}:
                self.add(at, NOT_A_BREATH.format(what=repr(what), allowed=allowed))
            elif number is None or not 0.5 <= number <= 60:
                self.add(at, SECONDS)
            else:
                steps.append((Breath(what), number))
        if steps and not any(b is Breath.IN for b, _ in steps):
            self.add(where, NO_BREATH_IN)
            return ()
        return tuple(steps)


def parse_clinic(text: str, source: str = "", base: ClinicSettings | None = None) -> ClinicSettings:
    """The settings in ``text`` over ``base`` (kapdesk's own); ClinicError lists every problem."""
    data = parse_toml(text, ClinicError, source)
    checker = _Checker(text)
    settings = checker.settings(data, base or ClinicSettings())
    if checker.problems:
        raise ClinicError(sorted_problems(checker.problems), source)
    return replace(settings, source=source)


def load_clinic(bundled: Path, clinic: Path | None) -> tuple[ClinicSettings, list[ClinicError]]:
    """kapdesk's settings with the clinic's file over them, and the problems found.

    A clinic file with problems is not used at all (half a file could book follow-ups on the
    wrong days); kapdesk's own settings stand and the problems are shown to staff.
    """
    problems: list[ClinicError] = []
    settings = parse_clinic(read_toml_text(bundled, ClinicError), str(bundled))
    if clinic is not None and clinic.exists():
        try:
            settings = parse_clinic(read_toml_text(clinic, ClinicError), str(clinic), settings)
        except ClinicError as error:
            problems.append(error)
    return settings, problems
