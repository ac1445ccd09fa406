"""Which flags stand now: the rule the journey screen and the clinic board share.

A reading beyond the protocol's thresholds raises a flag for each measure it crosses (blood
pressure, heart rate, SpO2, respiratory rate, temperature). A measure's flag stands until staff
acknowledge it (a ``flag_seen`` event, in the words they were shown, as the record words them:
a temperature in °C whatever unit the screen said it in) or a newer reading of that
same measure is in range; a newer reading of another measure changes nothing (a pulse taken
alone does not clear a high blood pressure). A newer reading of the measure that is out of range
again raises its own flag, which needs its own acknowledgement.

A reading is judged as it stands, every correction of it applied: corrected into range, its flag
goes; corrected out of range, it stands; corrected to other values that still cross, the new
words must be seen again. A recorded decision to dose despite a high baseline blood pressure
answers that blood pressure's flag (the prescriber saw it and said why).

Everything here is read from the events, so a replayed journey (after a restart) shows the same
flags, acknowledged or not, as the one that recorded them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kapdesk.core.journey import EventKind, JourneyEvent
from kapdesk.core.protocols import Measure, Thresholds
from kapdesk.core.units import Units
from kapdesk.core.vitals import CANONICAL, MEASURE_FIELDS, Reading, measure_flags


@dataclass(frozen=True)
class StandingFlag:
    """A measure's flag that stands: which reading raised it, when, and in what words."""

    measure: Measure
    reading: int  # the vitals event's place in the session
    wall: datetime  # when the reading was taken (UTC)
    elapsed: float | None  # journey seconds (None: before dosing)
    words: str  # "BP 182/112 above 180/110", a temperature in the clinic's unit
    kept: str = field(default="", compare=False)  # the same in the record's units (°C)

    @property
    def seen_words(self) -> str:
        """The words a ``flag_seen`` event records for it: the record's (°C), on every PC."""
        return self.kept or self.words


def standing_flags(
    events: Sequence[JourneyEvent], limits: Thresholds, units: Units = CANONICAL
) -> tuple[StandingFlag, ...]:
    """The flags that stand after ``events``, one per measure at most, in the order of
    :class:`~kapdesk.core.protocols.Measure` (blood pressure first); a temperature worded in
    the clinic's ``units``, as staff see it and acknowledge it."""
    data: dict[int, Mapping[str, Any]] = {}  # vitals place -> data as corrected
    changed: dict[int, int] = {}  # vitals place -> place of its last change
    seen: set[tuple[int, str]] = set()
    decisions: list[int] = []
    for seq, event in enumerate(events):
        kind = event.kind
        if kind is EventKind.VITALS:
            data[seq] = event.data
            changed[seq] = seq
        elif kind is EventKind.AMENDMENT:
            target = event.data.get("amends")
            changes = event.data.get("data")
            if isinstance(target, int) and target in data and isinstance(changes, Mapping):
                data[target] = {**data[target], **changes}
                changed[target] = seq
        elif kind is EventKind.FLAG_SEEN:
            reading = event.data.get("reading")
            words = event.data.get("words")
            if isinstance(reading, int) and isinstance(words, list | tuple):
                seen.update((reading, str(w)) for w in words)
        elif kind is EventKind.DOSING_DECISION:
            decisions.append(seq)

    latest: dict[Measure, tuple[int, Reading]] = {}
    for seq, values in data.items():  # in the order taken
        raw = values.get("values")
        reading = Reading.from_values(raw if isinstance(raw, Mapping) else {})
        taken = reading.values()
        for measure, names in MEASURE_FIELDS.items():
            if any(name in taken for name in names):
                latest[measure] = (seq, reading)

    found: list[StandingFlag] = []
    for measure in Measure:
        if measure not in latest:
            continue
        seq, reading = latest[measure]
        event = events[seq]
        dosed = event.elapsed is not None
        kept = measure_flags(reading, limits, dosed=dosed).get(measure)
        if kept is None or (seq, kept) in seen:
            continue
        words = kept
        if units != CANONICAL:
            words = measure_flags(reading, limits, dosed=dosed, units=units).get(measure, kept)
        if (
            measure is Measure.BLOOD_PRESSURE
            and not dosed
            and any(place > changed[seq] for place in decisions)
        ):
            continue  # the decision to dose answered this baseline blood pressure
        found.append(StandingFlag(measure, seq, event.wall, event.elapsed, words, kept))
    return tuple(found)


def by_reading(flags: Sequence[StandingFlag]) -> list[tuple[StandingFlag, list[str]]]:
    """The standing flags grouped by the reading that raised them, oldest reading first: the
    first flag of each group (its reading and time) and every group's words."""
    groups: dict[int, tuple[StandingFlag, list[str]]] = {}
    for flag in sorted(flags, key=lambda f: f.reading):
        groups.setdefault(flag.reading, (flag, []))[1].append(flag.words)
    return list(groups.values())
