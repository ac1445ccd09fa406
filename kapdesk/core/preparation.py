"""Preparation, before dosing: the intention, the pre-session checklist and breathwork.

What was prepared is read back from the session's events (:func:`preparation_of`), so it
survives a restart like the rest of the record. The breathing pacer is pure arithmetic on the
seconds since it started (:func:`pace`): the screen draws what it says, and a test can ask it
about any moment without waiting.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kapdesk.core.journey import EventKind, Journey
from kapdesk.core.protocols import BASELINE_STEP, ChecklistItem
from kapdesk.core.words import QT_TRANSLATE_NOOP


class Breath(StrEnum):
    """What the patient does during one step of a breathing pattern."""

    IN = "in"
    HOLD_FULL = "hold_full"  # hold with the lungs full
    OUT = "out"
    HOLD_EMPTY = "hold_empty"  # hold with the lungs empty


BREATH_WORDS = {
    Breath.IN: QT_TRANSLATE_NOOP("Breathwork", "Breathe in"),
    Breath.HOLD_FULL: QT_TRANSLATE_NOOP("Breathwork", "Hold"),
    Breath.OUT: QT_TRANSLATE_NOOP("Breathwork", "Breathe out"),
    Breath.HOLD_EMPTY: QT_TRANSLATE_NOOP("Breathwork", "Rest"),
}


@dataclass(frozen=True)
class BreathPattern:
    """A breathing pattern: its steps in order, each with its length in seconds."""

    id: str
    name: str
    steps: tuple[tuple[Breath, float], ...]
    about: str = ""

    @property
    def cycle_seconds(self) -> float:
        return sum(seconds for _, seconds in self.steps)


BREATH_PATTERNS: tuple[BreathPattern, ...] = (
    BreathPattern(
        "box",
        QT_TRANSLATE_NOOP("Breathwork", "Box breathing 4-4-4-4"),
        ((Breath.IN, 4.0), (Breath.HOLD_FULL, 4.0), (Breath.OUT, 4.0), (Breath.HOLD_EMPTY, 4.0)),
        QT_TRANSLATE_NOOP("Breathwork", "In for 4, hold for 4, out for 4, rest for 4."),
    ),
    BreathPattern(
        "4-7-8",
        QT_TRANSLATE_NOOP("Breathwork", "4-7-8 breathing"),
        ((Breath.IN, 4.0), (Breath.HOLD_FULL, 7.0), (Breath.OUT, 8.0)),
        QT_TRANSLATE_NOOP(
            "Breathwork", "In through the nose for 4, hold for 7, out through the mouth for 8."
        ),
    ),
    BreathPattern(
        "coherent",
        QT_TRANSLATE_NOOP("Breathwork", "Slow even breathing 5-5"),
        ((Breath.IN, 5.0), (Breath.OUT, 5.0)),
        QT_TRANSLATE_NOOP("Breathwork", "In for 5, out for 5: six breaths a minute."),
    ),
)


@dataclass(frozen=True)
class Pace:
    """Where the pacer is: the step, how far through it (0-1), and the shape's size (0-1)."""

    breath: Breath
    progress: float
    size: float
    seconds_left: float  # in this step
    cycles: int  # whole cycles done

    @property
    def words(self) -> str:
        return BREATH_WORDS[self.breath]


def _ease(x: float) -> float:
    """Slow at both ends, like a breath (a half cosine)."""
    return (1 - math.cos(math.pi * min(max(x, 0.0), 1.0))) / 2


def pace(pattern: BreathPattern, seconds: float) -> Pace:
    """The pacer ``seconds`` after it started: it grows while breathing in, stays full while
    holding, shrinks while breathing out and stays small while resting."""
    cycle = pattern.cycle_seconds
    cycles, into = divmod(max(seconds, 0.0), cycle)
    for breath, length in pattern.steps:
        if into < length:
            progress = into / length
            if breath is Breath.IN:
                size = _ease(progress)
            elif breath is Breath.OUT:
                size = 1 - _ease(progress)
            else:
                size = 1.0 if breath is Breath.HOLD_FULL else 0.0
            return Pace(breath, progress, size, length - into, int(cycles))
        into -= length
    last, _ = pattern.steps[-1]  # float rounding at the very end of a cycle
    return Pace(last, 1.0, 1.0 if last is Breath.HOLD_FULL else 0.0, 0.0, int(cycles) + 1)


@dataclass(frozen=True)
class Tick:
    """A checklist step as it stands: done or not, and by whom."""

    item: ChecklistItem
    done: bool
    by: str = ""


@dataclass(frozen=True)
class Preparation:
    """What has been prepared for a session, read from its events."""

    intention: str
    intention_by: str
    steps: tuple[Tick, ...]
    breathwork_seconds: float
    decision: str  # the reason given to dose despite a high baseline; "" if none

    @property
    def missing(self) -> tuple[ChecklistItem, ...]:
        """Required steps not ticked."""
        return tuple(t.item for t in self.steps if t.item.required and not t.done)


def preparation_of(journey: Journey) -> Preparation:
    """The session's preparation as it stands: the latest intention, each step's latest tick."""
    intention, intention_by, decision = "", "", ""
    ticks: dict[str, tuple[bool, str]] = {}
    breathing = 0.0
    for event in journey.events:
        data = event.data
        if event.kind is EventKind.INTENTION:
            intention, intention_by = str(data.get("text") or ""), str(data.get("by") or "")
        elif event.kind is EventKind.CHECKLIST:
            ticks[str(data.get("id"))] = (bool(data.get("done")), str(data.get("by") or ""))
        elif event.kind is EventKind.BREATHWORK:
            breathing += float(data.get("seconds") or 0.0)
        elif event.kind is EventKind.DOSING_DECISION:
            decision = str(data.get("reason") or "")
    baseline = journey.baseline_reading()
    if baseline is not None:
        # A baseline in the record is the step done, whoever ticks or forgets to tick the box.
        done, by = ticks.get(BASELINE_STEP, (False, ""))
        taken_by = str(journey.events[baseline[0]].data.get("by") or "")
        ticks[BASELINE_STEP] = (True, by if done and by else taken_by)
    steps = tuple(
        Tick(item, *ticks.get(item.id, (False, ""))) for item in journey.protocol.checklist
    )
    return Preparation(intention, intention_by, steps, breathing, decision)


def intention_data(text: str, by: str = "") -> dict[str, Any]:
    return {"text": text.strip(), "by": by.strip()}


def checklist_data(item: ChecklistItem, done: bool, by: str = "") -> dict[str, Any]:
    return {"id": item.id, "text": item.text, "done": done, "by": by.strip()}


def breathwork_data(pattern: BreathPattern, seconds: float, by: str = "") -> dict[str, Any]:
    return {"pattern": str(pattern.name), "seconds": round(seconds, 1), "by": by.strip()}


def decision_data(journey: Journey, reason: str, by: str = "") -> dict[str, Any]:
    """The decision to dose despite the baseline reading the journey has now."""
    found = journey.baseline_reading()
    reading = found[1].text() if found else ""
    return {"reading": reading, "reason": reason.strip(), "by": by.strip()}


def pattern_named(patterns: Sequence[BreathPattern], pattern_id: str) -> BreathPattern:
    """The pattern with this id, or the first one."""
    return next((p for p in patterns if p.id == pattern_id), patterns[0])
