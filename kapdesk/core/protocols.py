"""Clinical protocols: the phases of a journey, its vital-signs schedule and thresholds.

A protocol is a TOML file (the schema is in ``docs/protocols.md``). kapdesk ships its own in
``kapdesk/assets/protocols``; a clinic adds or overrides them (by ``id``) in the ``protocols``
folder of the data folder. This module holds what a protocol is; reading and checking its file is
:mod:`kapdesk.core.protocol_files`, which raises one :class:`ProtocolError` listing every problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from kapdesk.core.toml_check import Problem, TomlFileError

ProtocolProblem = Problem  # a problem in a protocol file

# --- bounds ----------------------------------------------------------------------------------
# Every number in a protocol is held to what a clinic could mean. The longest KAP sessions keep
# the patient two to three hours; a value far outside these is a typo, and some (a check every
# billionth of a minute, a phase of 10^20 minutes) would have kapdesk expand a schedule without
# end. The code that expands schedules holds to the same bounds itself (kapdesk.core.vitals),
# so a protocol from before these checks can never make it loop.

#: The longest session a protocol may plan: its phases together, its monitoring time, every
#: scheduled check and the end of every interval fall within it.
LONGEST_SESSION_MINUTES = 720.0
#: (lowest, highest) minutes of one phase.
PHASE_MINUTES = (1.0, 480.0)
#: (lowest, highest) minutes between two checks of a vital-signs interval.
EVERY_MINUTES = (1.0, 240.0)
#: (lowest, highest) minutes of an infusion, for the dose form.
INFUSION_MINUTES = (1.0, 240.0)
#: The largest amount a protocol may name for a dose (in its unit): the hard limit of a protocol
#: that states none of its own.
LARGEST_DOSE = 10_000.0
#: How many of each repeated table a protocol may hold.
MOST_PHASES = 30
MOST_INTERVALS = 30
MOST_CHECKS = 100
MOST_CHECKLIST_STEPS = 50
MOST_DISCHARGE_QUESTIONS = 30


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
class PhaseWords:
    """A phase's name and guidance in one more language than the file's own."""

    language: str  # "es", "fr" (kapdesk.core.units.LANGUAGES)
    name: str
    guidance: str = ""


@dataclass(frozen=True)
class Phase:
    """One planned stretch of the journey."""

    name: str
    minutes: float
    guidance: str = ""
    dosing: bool = False  # the drug is still being given (infusion); dosing thresholds apply
    words: tuple[PhaseWords, ...] = ()  # the same in other languages, where the file gives them

    def name_in(self, language: str) -> str:
        """The phase's name in ``language``, or the file's own where it gives none."""
        given = next((w for w in self.words if w.language == language), None)
        return given.name if given is not None and given.name else self.name

    def guidance_in(self, language: str) -> str:
        """The guidance in ``language``, or the file's own where it gives none."""
        given = next((w for w in self.words if w.language == language), None)
        return given.guidance if given is not None and given.guidance else self.guidance


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
# The step a recorded baseline reading ticks by itself (see preparation.preparation_of).
BASELINE_STEP = "baseline-vitals"

DEFAULT_CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem("consent", "Informed consent signed for this session"),
    ChecklistItem("fasting", "Fasting as instructed (no food for 4 h, no drink for 2 h)"),
    ChecklistItem("medications", "Medications reviewed since the last session"),
    ChecklistItem("ride-home", "Ride home arranged; no driving until the next day"),
    ChecklistItem(BASELINE_STEP, "Baseline vital signs taken"),
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
    # A discharge check that found the patient ready is part of the record (the REMS form asks
    # when the patient was ready): closing without one is an early close.
    required: bool = False


@dataclass(frozen=True)
class DoseDefaults:
    """The protocol's dose: what the dose form is pre-filled with, and the rules it keeps.

    Every amount is in :attr:`unit`: per kilogram of body weight when it ends in "/kg"
    ("mg/kg"), a fixed amount otherwise ("mg"). A dose whose session total falls outside the
    usual range (:attr:`usual_min` to :attr:`usual_max`) needs a prescriber's decision with a
    reason; one that would take the session total above :attr:`hard_limit` is refused.
    """

    amount: float | None = None
    unit: str = "mg"
    route: str = ""
    over_minutes: float | None = None  # infusion length; None for a bolus or a lozenge
    usual_min: float | None = None  # None (with usual_max): no usual range, nothing asked
    usual_max: float | None = None
    hard_limit: float | None = None  # None: LARGEST_DOSE stands

    @property
    def per_kg(self) -> bool:
        """The dose is per kilogram of the patient's weight."""
        return self.unit.strip().casefold().endswith("/kg")

    @property
    def limit(self) -> float:
        """The most a session may be given, in :attr:`unit`."""
        return self.hard_limit if self.hard_limit is not None else LARGEST_DOSE


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
    # Why the protocol a session was opened with cannot be used, when this one stands in for it
    # (see :func:`stand_in_protocol`); "" for a protocol that is what it says.
    problem: str = ""

    @property
    def planned_minutes(self) -> float:
        return sum(p.minutes for p in self.phases)


class ProtocolError(TomlFileError):
    """A protocol file that cannot be used, with every problem found in it."""

    noun = "protocol"
