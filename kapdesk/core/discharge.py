"""Discharge: is the patient ready to leave?

A readiness score in the manner of the Post-Anaesthetic Discharge Scoring System (PADSS;
Chung 1995), adapted to ketamine: six items scored 0-2, the vital-signs item worked out from
the record (the latest reading against the baseline: within 20% scores 2, within 40% scores 1),
the others chosen by staff. The patient is ready when every item is scored, none is 0, the
total reaches the protocol's ``ready_score`` (10 of 12 by default) and an escort is present.
The protocol's least monitoring time still applies: ready earlier means free to leave when it
has passed.

Each check is a ``discharge_check`` event; the first check that found the patient ready, with no
later check finding them not ready, gives the time they were ready to leave (the REMS form asks
for it). Without a baseline to compare with, staff score the vital-signs item themselves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from kapdesk.core.journey import EventKind, Journey, JourneyEvent
from kapdesk.core.protocols import LONGEST_SESSION_MINUTES
from kapdesk.core.vitals import Reading
from kapdesk.core.words import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ReadinessItem:
    """One item of the readiness score, with the words for 2, 1 and 0 points."""

    id: str
    name: str
    words: tuple[str, str, str]  # for 2, 1, 0


VITALS_ITEM = ReadinessItem(
    "vitals",
    QT_TRANSLATE_NOOP("Discharge", "Vital signs"),
    (
        QT_TRANSLATE_NOOP("Discharge", "Within 20% of baseline"),
        QT_TRANSLATE_NOOP("Discharge", "20-40% from baseline"),
        QT_TRANSLATE_NOOP("Discharge", "More than 40% from baseline"),
    ),
)

READINESS_ITEMS: tuple[ReadinessItem, ...] = (
    VITALS_ITEM,
    ReadinessItem(
        "alert",
        QT_TRANSLATE_NOOP("Discharge", "Alert and oriented"),
        (
            QT_TRANSLATE_NOOP("Discharge", "Alert and oriented"),
            QT_TRANSLATE_NOOP("Discharge", "Drowsy, rouses easily"),
            QT_TRANSLATE_NOOP("Discharge", "Confused or hard to rouse"),
        ),
    ),
    ReadinessItem(
        "dissociation",
        QT_TRANSLATE_NOOP("Discharge", "Dissociation"),
        (
            QT_TRANSLATE_NOOP("Discharge", "Back to usual self"),
            QT_TRANSLATE_NOOP("Discharge", "Some dreaminess left"),
            QT_TRANSLATE_NOOP("Discharge", "Still dissociated"),
        ),
    ),
    ReadinessItem(
        "walking",
        QT_TRANSLATE_NOOP("Discharge", "Walking"),
        (
            QT_TRANSLATE_NOOP("Discharge", "Walks steadily"),
            QT_TRANSLATE_NOOP("Discharge", "Walks with help"),
            QT_TRANSLATE_NOOP("Discharge", "Cannot walk yet"),
        ),
    ),
    ReadinessItem(
        "nausea",
        QT_TRANSLATE_NOOP("Discharge", "Nausea"),
        (
            QT_TRANSLATE_NOOP("Discharge", "None or minimal"),
            QT_TRANSLATE_NOOP("Discharge", "Moderate, treated"),
            QT_TRANSLATE_NOOP("Discharge", "Severe, vomiting"),
        ),
    ),
    ReadinessItem(
        "comfort",
        QT_TRANSLATE_NOOP("Discharge", "Comfort and mood"),
        (
            QT_TRANSLATE_NOOP("Discharge", "Settled, comfortable"),
            QT_TRANSLATE_NOOP("Discharge", "Some distress"),
            QT_TRANSLATE_NOOP("Discharge", "Distressed, needs care"),
        ),
    ),
)

MAX_SCORE = 2 * len(READINESS_ITEMS)
# Why an item at 0 keeps the patient, a sentence each (``Walking: cannot walk yet``).
AT_ZERO = {
    "vitals": QT_TRANSLATE_NOOP("Discharge", "Vital signs: more than 40% from baseline"),
    "alert": QT_TRANSLATE_NOOP("Discharge", "Alert and oriented: confused or hard to rouse"),
    "dissociation": QT_TRANSLATE_NOOP("Discharge", "Dissociation: still dissociated"),
    "walking": QT_TRANSLATE_NOOP("Discharge", "Walking: cannot walk yet"),
    "nausea": QT_TRANSLATE_NOOP("Discharge", "Nausea: severe, vomiting"),
    "comfort": QT_TRANSLATE_NOOP("Discharge", "Comfort and mood: distressed, needs care"),
}
NOT_SCORED = QT_TRANSLATE_NOOP("Discharge", "{item}: not scored")
SCORE_SHORT = QT_TRANSLATE_NOOP("Discharge", "Score {total} of {most}: {needed} needed")
NO_ESCORT = QT_TRANSLATE_NOOP("Discharge", "No escort present: the patient must not leave alone")
NO_BASELINE = QT_TRANSLATE_NOOP("Discharge", "No baseline reading before dosing to compare with.")
NONE_SINCE = QT_TRANSLATE_NOOP("Discharge", "Take vital signs now: none since dosing.")
NOTHING_SHARED = QT_TRANSLATE_NOOP(
    "Discharge", "The readings share no blood pressure or pulse to compare."
)
COMPARED = QT_TRANSLATE_NOOP(
    "Discharge", "Now {latest}; baseline {baseline}: at most {change} off."
)
_MEASURES = ("systolic", "diastolic", "heart_rate")  # PADSS compares blood pressure and pulse


@dataclass(frozen=True)
class VitalsComparison:
    """The latest reading after dosing against the baseline: the score and why."""

    score: int | None  # None: a reading is missing
    text: str
    largest_change: float | None = None  # as a fraction of the baseline value


def compare_vitals(journey: Journey) -> VitalsComparison:
    """Score the vital-signs item from the record."""
    found = journey.baseline_reading()
    if found is None:
        return VitalsComparison(None, NO_BASELINE)
    baseline = found[1]
    latest = latest_reading(journey)
    if latest is None:
        return VitalsComparison(None, NONE_SINCE)
    changes: list[tuple[float, str]] = []
    for name in _MEASURES:
        before, now = getattr(baseline, name), getattr(latest, name)
        if before and now is not None:
            changes.append((abs(now - before) / before, name))
    if not changes:
        return VitalsComparison(None, NOTHING_SHARED)
    largest, _name = max(changes)
    score = 2 if largest <= 0.2 else 1 if largest <= 0.4 else 0
    text = COMPARED.format(latest=latest.text(), baseline=baseline.text(), change=f"{largest:.0%}")
    return VitalsComparison(score, text, largest)


def latest_reading(journey: Journey) -> Reading | None:
    """The last vital-signs reading after dosing, as corrected."""
    dosed = False
    found: int | None = None
    for seq, event in enumerate(journey.events):
        if event.kind is EventKind.DOSE:
            dosed = True
        elif dosed and event.kind is EventKind.VITALS:
            found = seq
    if found is None:
        return None
    values = journey.corrected(found).get("values")
    return Reading.from_values(values if isinstance(values, Mapping) else {})


@dataclass(frozen=True)
class Readiness:
    """The outcome of one discharge check."""

    scores: Mapping[str, int | None]
    escort: bool
    total: int
    ready: bool
    reasons: tuple[str, ...]  # why not ready; empty when ready

    def to_json(
        self,
        vitals_text: str,
        answers: Mapping[str, bool],
        by: str = "",
        may_leave_from: datetime | None = None,
    ) -> dict[str, Any]:
        """The check as recorded; ``may_leave_from``: ready before the least time in the room
        has passed, and free to leave from then (see :func:`leave_from`)."""
        leave = {"may_leave_from": may_leave_from.isoformat()} if may_leave_from else {}
        return {
            **leave,
            "scores": dict(self.scores),
            "escort": self.escort,
            "total": self.total,
            "max": MAX_SCORE,
            "ready": self.ready,
            "reasons": [str(reason) for reason in self.reasons],  # the record keeps English
            "vitals": str(vitals_text),
            "answers": dict(answers),
            "by": by.strip(),
        }


def assess(scores: Mapping[str, int | None], escort: bool, ready_score: int) -> Readiness:
    """Whether these scores (by item id) and the escort make the patient ready to leave."""
    reasons: list[str] = []
    total = 0
    for item in READINESS_ITEMS:
        score = scores.get(item.id)
        if score is None:
            reasons.append(NOT_SCORED.format(item=item.name))
            continue
        if score not in (0, 1, 2):
            raise ValueError(f"{item.name}: a score is 0, 1 or 2, not {score}")
        total += score
        if score == 0:
            reasons.append(AT_ZERO.get(item.id) or f"{item.name}: {item.words[2].lower()}")
    if total < ready_score:
        reasons.append(SCORE_SHORT.format(total=total, most=MAX_SCORE, needed=ready_score))
    if not escort:
        reasons.append(NO_ESCORT)
    return Readiness(
        {item.id: scores.get(item.id) for item in READINESS_ITEMS},
        escort,
        total,
        not reasons,
        tuple(reasons),
    )


@dataclass(frozen=True)
class Discharge:
    """Discharge as it stands in a session's record."""

    checks: tuple[JourneyEvent, ...]
    ready_at: datetime | None  # when the patient became ready, as the checks stand now
    ready_elapsed: float | None  # journey time of that check
    free_to_leave_at: datetime | None  # ready, and the protocol's monitoring time has passed
    monitoring_seconds: float | None  # from the first dose to the close (or to now, if open)

    @property
    def latest(self) -> JourneyEvent | None:
        return self.checks[-1] if self.checks else None


def least_time_ends(journey: Journey) -> datetime | None:
    """When the protocol's least time in the room after the first dose ends (UTC); None
    before dosing or when the protocol asks for none."""
    dose_event = next(iter(journey.of_kind(EventKind.DOSE)), None)
    stay = journey.protocol.monitoring_minutes
    if dose_event is None or not stay > 0:
        return None
    # Held to a session's length: a stored protocol from before its numbers were checked
    # could name more minutes than a date can hold.
    return dose_event.wall + timedelta(minutes=min(stay, LONGEST_SESSION_MINUTES))


def leave_from(journey: Journey, now: datetime) -> datetime | None:
    """For a patient found ready at ``now``: when they may leave, if that is later than now
    (the least time in the room has not passed); None when they may leave now."""
    least = least_time_ends(journey)
    return least if least is not None and least > now else None


def discharge_of(journey: Journey) -> Discharge:
    """The session's discharge checks, when the patient was ready, and the monitoring time."""
    checks = tuple(journey.of_kind(EventKind.DISCHARGE))
    # Ready since the first of the ready checks that no later check has contradicted: a later
    # "not ready" (vomiting, a pressure off again) takes the readiness back.
    first_ready: JourneyEvent | None = None
    for check in checks:
        if not check.data.get("ready"):
            first_ready = None
        elif first_ready is None:
            first_ready = check
    free: datetime | None = None
    if first_ready is not None and journey.dosed:
        least = least_time_ends(journey)
        free = first_ready.wall if least is None else max(first_ready.wall, least)
    return Discharge(
        checks,
        first_ready.wall if first_ready else None,
        first_ready.elapsed if first_ready else None,
        free,
        journey.elapsed(),
    )


def readiness_words(data: Mapping[str, Any]) -> Sequence[str]:
    """The items of a recorded check in words: ``Walking 1 (walks with help)``."""
    scores = data.get("scores")
    scores = scores if isinstance(scores, Mapping) else {}
    words = []
    for item in READINESS_ITEMS:
        score = scores.get(item.id)
        if isinstance(score, int) and score in (0, 1, 2):
            words.append(f"{item.name} {score} ({item.words[2 - score].lower()})")
    return words
