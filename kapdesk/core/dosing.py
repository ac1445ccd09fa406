"""Dose arithmetic and the protocol's dose rules, shared by the journey and the dose form.

A protocol doses in one unit (:class:`kapdesk.core.protocols.DoseDefaults`): per kilogram of
the patient's weight ("mg/kg", and then the weight is needed and the total in mg is worked out)
or a fixed amount ("mg"). :func:`check_dose` says of a proposed dose, before anything is
recorded, whether it is fine, needs a prescriber's decision (outside the usual range), or is
refused (another unit, no weight, above the hard limit), in words staff read. The journey
refuses with the same words (:meth:`kapdesk.core.journey.Journey.record_dose`); the form shows
them while the amount is typed.

Ranges and limits apply to the session's total: every dose recorded so far (as corrected)
plus the one proposed, in the protocol's unit (for a per-kg protocol, the per-kg amounts add up).

A weight is kept in kg; a clinic that weighs in pounds types and reads pounds
(:func:`weight_kept`, :func:`weight_text`), and the total is worked out from the kilograms.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kapdesk.core.protocols import DoseDefaults
from kapdesk.core.units import Units, Weight
from kapdesk.core.words import QT_TRANSLATE_NOOP

#: The weights (kg) a per-kg dose accepts: outside them, a typo (70 typed as 7 or 700).
WEIGHT_KG = (20.0, 300.0)

# Sums of floats (0.1 + 0.2) must not tip a dose over a limit it meets exactly.
_SLACK = 1e-9

# Why a dose is refused or asks for a decision: each a clause of its own, in the middle of the
# form's sentence ("Will not be recorded: {why}."), so they start in lower case.
NO_AMOUNT = QT_TRANSLATE_NOOP("Dosing", "a dose needs an amount above zero")
OTHER_UNIT = QT_TRANSLATE_NOOP(
    "Dosing", "this protocol doses in {unit}; a dose in {given} cannot be recorded"
)
NO_UNIT = QT_TRANSLATE_NOOP(
    "Dosing", "this protocol doses in {unit}; a dose in no unit cannot be recorded"
)
NEEDS_WEIGHT = QT_TRANSLATE_NOOP(
    "Dosing", "a dose in {unit} needs the patient's weight in {weight}"
)
WEIGHT_OUTSIDE = QT_TRANSLATE_NOOP(
    "Dosing", "a weight of {weight} is not one kapdesk can dose by; it takes {low} to {high}"
)
PASSES_LIMIT = QT_TRANSLATE_NOOP(
    "Dosing",
    "{session} {unit} in this session would pass the protocol's hard limit of {limit} {unit}",
)
BELOW = QT_TRANSLATE_NOOP("Dosing", "{amount} {unit} is below the usual {low}–{high} {unit}")
ABOVE = QT_TRANSLATE_NOOP("Dosing", "{amount} {unit} is above the usual {low}–{high} {unit}")
MORE_BELOW = QT_TRANSLATE_NOOP(
    "Dosing",
    "{amount} {unit} more makes {session} {unit} in this session, which is below the usual "
    "{low}–{high} {unit}",
)
MORE_ABOVE = QT_TRANSLATE_NOOP(
    "Dosing",
    "{amount} {unit} more makes {session} {unit} in this session, which is above the usual "
    "{low}–{high} {unit}",
)
# The protocol's rules in a line, under the dose form's amount.
USUAL_AND_LIMIT = QT_TRANSLATE_NOOP("Dosing", "usual {low}–{high} {unit}, limit {limit} {unit}")
USUAL_ONLY = QT_TRANSLATE_NOOP("Dosing", "usual {low}–{high} {unit}")
LIMIT_ONLY = QT_TRANSLATE_NOOP("Dosing", "limit {limit} {unit}")


class Verdict(StrEnum):
    """What happens to a proposed dose."""

    FINE = "fine"  # within the usual range (or the protocol states none)
    DECIDE = "decide"  # outside the usual range: a prescriber's decision, with a reason
    REFUSED = "refused"  # never recorded: the words say why


@dataclass(frozen=True)
class DoseCheck:
    """The verdict on a proposed dose, with why in words and the arithmetic behind it."""

    verdict: Verdict
    why: str = ""  # "" when fine
    total_mg: float | None = None  # the dose in mg: amount × weight per-kg, else the amount
    session: float = 0.0  # the session's total after it, in the protocol's unit
    over_limit: bool = False  # refused because the session would pass the hard limit

    @property
    def refused(self) -> bool:
        return self.verdict is Verdict.REFUSED

    @property
    def needs_decision(self) -> bool:
        return self.verdict is Verdict.DECIDE


def is_per_kg(unit: str) -> bool:
    """A unit per kilogram of body weight ("mg/kg")."""
    return unit.strip().casefold().endswith("/kg")


def total_unit(unit: str) -> str:
    """The unit of a dose's total: "mg" for "mg/kg", the unit itself for a fixed one."""
    unit = unit.strip()
    return unit[:-3].strip() if is_per_kg(unit) else unit


def total_of(amount: float, unit: str, weight_kg: float | None) -> float | None:
    """The dose's total (in mg for "mg/kg" or "mg"); None for a per-kg dose with no weight."""
    if not is_per_kg(unit):
        return amount
    if weight_kg is None:
        return None
    return round(amount * weight_kg, 6)


def number_text(value: float) -> str:
    """A dose or weight as staff write it: 0.5, 35, 0.75, 52.5 (no float dust)."""
    return f"{round(value, 4):g}"


def weight_kept(typed: float, units: Units | None = None) -> float:
    """A weight typed in the clinic's unit, in kg as kept (to 10 g when typed in pounds:
    154 lb is kept as 69.85 kg)."""
    if units is None or units.weight is Weight.KG:
        return typed
    return round(units.kilograms(typed), 2)


def weight_text(weight_kg: float, units: Units | None = None) -> str:
    """A kept weight in the clinic's unit: ``"70 kg"``, or ``"154 lb"`` (to 0.1 lb)."""
    if units is None or units.weight is Weight.KG:
        return f"{number_text(weight_kg)} kg"
    return f"{round(units.weight_shown(weight_kg), 1):g} lb"


def same_unit(unit: str, other: str) -> bool:
    return " ".join(unit.split()).casefold() == " ".join(other.split()).casefold()


def weight_problem(weight_kg: float | None, unit: str, units: Units | None = None) -> str | None:
    """Why a per-kg dose cannot be worked out with ``weight_kg``; None when it can. The
    weights are said in the clinic's ``units`` (kg by default)."""
    if not is_per_kg(unit):
        return None
    if weight_kg is None or weight_kg <= 0:
        said = "lb" if units is not None and units.weight is Weight.LB else "kg"
        return NEEDS_WEIGHT.format(unit=unit, weight=said)
    low, high = WEIGHT_KG
    if not low <= weight_kg <= high:
        return WEIGHT_OUTSIDE.format(
            weight=weight_text(weight_kg, units),
            low=weight_text(low, units).split()[0],
            high=weight_text(high, units),
        )
    return None


def range_text(rules: DoseDefaults) -> str:
    """The protocol's rules in a line: "usual 0.5–0.75 mg/kg, limit 1 mg/kg"."""
    unit = rules.unit
    limit = None if rules.hard_limit is None else number_text(rules.hard_limit)
    if rules.usual_min is None or rules.usual_max is None:
        return "" if limit is None else LIMIT_ONLY.format(limit=limit, unit=unit)
    low, high = number_text(rules.usual_min), number_text(rules.usual_max)
    if limit is None:
        return USUAL_ONLY.format(low=low, high=high, unit=unit)
    return USUAL_AND_LIMIT.format(low=low, high=high, limit=limit, unit=unit)


def check_dose(
    rules: DoseDefaults,
    amount: float,
    weight_kg: float | None = None,
    *,
    unit: str | None = None,
    given: float = 0.0,
    units: Units | None = None,
) -> DoseCheck:
    """The verdict on a dose of ``amount`` (in ``unit``, the protocol's when None), for a
    patient of ``weight_kg``, in a session already given ``given`` (in the protocol's unit);
    a weight is said in the clinic's ``units`` (kg by default)."""
    unit_given = rules.unit if unit is None else unit
    if not amount > 0:
        return DoseCheck(Verdict.REFUSED, NO_AMOUNT.format())
    if not same_unit(unit_given, rules.unit):
        other = (
            OTHER_UNIT.format(unit=rules.unit, given=unit_given)
            if unit_given
            else NO_UNIT.format(unit=rules.unit)
        )
        return DoseCheck(Verdict.REFUSED, other)
    problem = weight_problem(weight_kg, rules.unit, units)
    if problem is not None:
        return DoseCheck(Verdict.REFUSED, problem)
    total = total_of(amount, rules.unit, weight_kg)
    session = round(given + amount, 9)
    unit_text = rules.unit
    limit = rules.limit
    if session > limit + _SLACK:
        return DoseCheck(
            Verdict.REFUSED,
            PASSES_LIMIT.format(
                session=number_text(session), unit=unit_text, limit=number_text(limit)
            ),
            total,
            session,
            over_limit=True,
        )
    low, high = rules.usual_min, rules.usual_max
    if low is None or high is None:
        return DoseCheck(Verdict.FINE, "", total, session)
    values = {
        "amount": number_text(amount),
        "unit": unit_text,
        "session": number_text(session),
        "low": number_text(low),
        "high": number_text(high),
    }
    if session < low - _SLACK:
        why = (MORE_BELOW if given > 0 else BELOW).format(**values)
        return DoseCheck(Verdict.DECIDE, why, total, session)
    if session > high + _SLACK:
        why = (MORE_ABOVE if given > 0 else ABOVE).format(**values)
        return DoseCheck(Verdict.DECIDE, why, total, session)
    return DoseCheck(Verdict.FINE, "", total, session)
