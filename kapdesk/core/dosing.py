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

#: The weights (kg) a per-kg dose accepts: outside them, a typo (70 typed as 7 or 700).
WEIGHT_KG = (20.0, 300.0)

# Sums of floats (0.1 + 0.2) must not tip a dose over a limit it meets exactly.
_SLACK = 1e-9


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
        return f"a dose in {unit} needs the patient's weight in {said}"
    low, high = WEIGHT_KG
    if not low <= weight_kg <= high:
        return (
            f"a weight of {weight_text(weight_kg, units)} is not one kapdesk can dose by; "
            f"it takes {weight_text(low, units).split()[0]} to {weight_text(high, units)}"
        )
    return None


def range_text(rules: DoseDefaults) -> str:
    """The protocol's rules in a line: "usual 0.5–0.75 mg/kg, limit 1 mg/kg"."""
    parts = []
    if rules.usual_min is not None and rules.usual_max is not None:
        parts.append(
            f"usual {number_text(rules.usual_min)}–{number_text(rules.usual_max)} {rules.unit}"
        )
    if rules.hard_limit is not None:
        parts.append(f"limit {number_text(rules.hard_limit)} {rules.unit}")
    return ", ".join(parts)


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
        return DoseCheck(Verdict.REFUSED, "a dose needs an amount above zero")
    if not same_unit(unit_given, rules.unit):
        return DoseCheck(
            Verdict.REFUSED,
            f"this protocol doses in {rules.unit}; a dose in {unit_given or 'no unit'} "
            "cannot be recorded",
        )
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
            f"{number_text(session)} {unit_text} in this session would pass the protocol's "
            f"hard limit of {number_text(limit)} {unit_text}",
            total,
            session,
            over_limit=True,
        )
    low, high = rules.usual_min, rules.usual_max
    if low is None or high is None:
        return DoseCheck(Verdict.FINE, "", total, session)
    usual = f"the usual {number_text(low)}–{number_text(high)} {unit_text}"
    if given > 0:
        said = (
            f"{number_text(amount)} {unit_text} more makes {number_text(session)} {unit_text} "
            "in this session, which is"
        )
    else:
        said = f"{number_text(amount)} {unit_text} is"
    if session < low - _SLACK:
        return DoseCheck(Verdict.DECIDE, f"{said} below {usual}", total, session)
    if session > high + _SLACK:
        return DoseCheck(Verdict.DECIDE, f"{said} above {usual}", total, session)
    return DoseCheck(Verdict.FINE, "", total, session)
