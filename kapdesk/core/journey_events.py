"""The journey's record: the kinds of event, an event with both its clocks, a dose, a phase as it
ran, and the journey's errors.

These are what every layer reads and writes; the state machine that makes them is
:class:`kapdesk.core.journey.Journey`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from kapdesk.core.dosing import is_per_kg, number_text, total_of, total_unit, weight_text
from kapdesk.core.protocols import Phase
from kapdesk.core.staff import PermissionDeniedError
from kapdesk.core.units import Units
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template


class JourneyState(StrEnum):
    """Where a session is in its life."""

    OPENED = "opened"  # set up, not dosed yet
    RUNNING = "running"  # dosed: the journey clock runs
    CLOSED = "closed"


class EventKind(StrEnum):
    """The kinds of event a journey records."""

    OPENED = "session_opened"
    DOSE = "dose"  # data: amount, unit (the protocol's), route, lot_number, given_by, note,
    #                first, weight_kg, total_mg; outside the usual range also outside_usual (the
    #                words) and decision_reason; by. Older events lack weight_kg and total_mg.
    PHASE = "phase_started"
    RESUMED = "session_resumed"  # the app restarted while the session was open; data: how
    #                               long it was closed and on whose word (Downtime.to_json),
    #                               seconds_since_last_event, journey_time_vouched
    TIME_CORRECTED = "time_corrected"  # the wall clock was set while the journey time rested
    #                               on it: data: clock_step, from_elapsed, witness, seconds
    TIME_CONFIRMED = "time_confirmed"  # staff vouched for a journey time kapdesk could not;
    #                               data: by
    CLOSED = "session_closed"
    # What the patient heard, so integration can ask what was playing when something happened.
    SOUNDTRACK = "soundtrack_chosen"  # data: the soundtrack as planned (Soundtrack.to_json),
    #                                  target_loudness, bed_gain_db (older events lack both)
    TRACK = "track_started"  # data: playlist, index, path, title, artist, offset, gain_db,
    #                          loudness_lufs (None: not measured; older events lack both)
    TRACK_SKIPPED = "track_skipped"  # data: playlist, index, path, title, by (who)
    TRACK_FAILED = "track_failed"  # data: playlist, index, path, title, reason
    MUSIC_ENDED = "music_ran_out"  # data: playlist
    QUIET = "quiet"  # data: on (bool)
    # What staff observe and measure (see kapdesk.core.observations).
    NOTE = "note"  # data: text, tags, by
    VITALS = "vitals"  # data: values (by field), flags, by
    RATING = "rating"  # data: scale, value, words, by
    AMENDMENT = "amendment"  # data: amends (the event's place), data (the new data), reason, by
    #                            (of a dose: amount, weight_kg, lot_number..., and total_mg,
    #                            outside_usual, decision_reason as worked out again)
    FLAG_SEEN = "flag_seen"  # data: reading (the vitals event's place), words (its flags as
    #                          staff saw them, in the record's °C: kapdesk.core.standing_flags), by
    # Preparation, before dosing (see kapdesk.core.preparation).
    INTENTION = "intention"  # data: text (the patient's own words), by; the latest one holds
    CHECKLIST = "checklist_step"  # data: id, text, done (bool), by; the latest per id holds
    BREATHWORK = "breathwork"  # data: pattern, seconds, by
    DOSING_DECISION = "dosing_decision"  # data: reading (the baseline, as text), reason, by
    # Discharge (see kapdesk.core.discharge).
    DISCHARGE = "discharge_check"  # data: scores, escort, total, max, ready, reasons, vitals,
    #                                answers (question id -> yes/no), by


OBSERVATION_KINDS = frozenset({EventKind.NOTE, EventKind.VITALS, EventKind.RATING})

PREPARATION_KINDS = frozenset(
    {EventKind.INTENTION, EventKind.CHECKLIST, EventKind.BREATHWORK, EventKind.DOSING_DECISION}
)

SOUND_KINDS = frozenset(
    {
        EventKind.SOUNDTRACK,
        EventKind.TRACK,
        EventKind.TRACK_SKIPPED,
        EventKind.TRACK_FAILED,
        EventKind.MUSIC_ENDED,
        EventKind.QUIET,
    }
)


@dataclass(frozen=True)
class JourneyEvent:
    """Something that happened, with both clocks: wall (UTC) and journey elapsed seconds."""

    kind: EventKind
    wall: datetime
    elapsed: float | None  # seconds since the first dose; None before dosing
    phase_index: int | None
    data: Mapping[str, Any] = field(default_factory=dict)


# A dose in words: "0.5 mg/kg IV (70 kg, 35 mg total), lot K-1" (the amount, unit, route and
# weight are not words; "total", "no weight" and "lot" are).
WEIGHED = Template("Journey", "{dose} ({weight})")  # no words of its own
WEIGHED_TOTAL = QT_TRANSLATE_NOOP("Journey", "{dose} ({weight}, {total} total)")
NO_WEIGHT = QT_TRANSLATE_NOOP("Journey", "{dose} (no weight)")
NO_WEIGHT_TOTAL = QT_TRANSLATE_NOOP("Journey", "{dose} (no weight, {total} total)")
LOT = QT_TRANSLATE_NOOP("Journey", "{dose}, lot {lot}")


@dataclass(frozen=True)
class Dose:
    """A dose given: the first one starts the journey clock; later ones are recorded too.

    ``amount`` is in ``unit``, the protocol's (an empty unit means the protocol's). A per-kg
    dose carries the patient's ``weight_kg``; ``total_mg`` is worked out when it is recorded
    (amount × weight per-kg, the amount itself for a fixed dose).
    """

    amount: float
    unit: str
    route: str
    lot_number: str = ""
    given_by: str = ""
    note: str = ""
    weight_kg: float | None = None
    total_mg: float | None = None
    outside_usual: str = ""  # as recorded: why it was outside the usual range
    decision_reason: str = ""  # and why it was given all the same

    def describe(self, units: Units | None = None) -> str:
        """ "0.5 mg/kg IV (70 kg, 35 mg total), lot K-1"; the weight in the clinic's ``units``
        (kg, the unit kept, by default)."""
        text = f"{number_text(self.amount)} {self.unit} {self.route}".strip()
        if is_per_kg(self.unit):
            weight = weight_text(self.weight_kg, units) if self.weight_kg else None
            total = self.total_mg
            if total is None and self.weight_kg:
                total = total_of(self.amount, self.unit, self.weight_kg)
            mg = None if total is None else f"{number_text(total)} {total_unit(self.unit)}"
            if weight is None:
                text = (
                    NO_WEIGHT.format(dose=text)
                    if mg is None
                    else NO_WEIGHT_TOTAL.format(dose=text, total=mg)
                )
            elif mg is None:
                text = WEIGHED.format(dose=text, weight=weight)
            else:
                text = WEIGHED_TOTAL.format(dose=text, weight=weight, total=mg)
        return LOT.format(dose=text, lot=self.lot_number) if self.lot_number else text


@dataclass(frozen=True)
class PhaseSpan:
    """A phase as it actually ran: planned length against the elapsed times it started/ended."""

    index: int
    phase: Phase
    started: float
    ended: float | None  # None while it is the current phase
    ended_early: bool = False  # ended by hand before its planned time

    @property
    def planned_seconds(self) -> float:
        return self.phase.minutes * 60.0


class JourneyError(Exception):
    """An action that does not fit the journey's state (e.g. a next phase after the last)."""


class NotAllowedError(JourneyError, PermissionDeniedError):
    """An action the signed-in member's roles do not allow; the message says who may."""


Listener = Callable[[JourneyEvent], None]


def recorded_number(value: object) -> float | None:
    """A number as recorded (a string of one too); None when it is absent or not one."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def dose_of(event: JourneyEvent) -> Dose:
    """The dose a dose event records, as first written (see :meth:`Journey.corrected`)."""
    return dose_from(event.data)


def dose_from(data: Mapping[str, Any]) -> Dose:
    """The dose a dose event's data holds (older events lack the weight and the total)."""
    return Dose(
        amount=float(data["amount"]),
        unit=str(data.get("unit", "")),
        route=str(data.get("route", "")),
        lot_number=str(data.get("lot_number", "")),
        given_by=str(data.get("given_by", "")),
        note=str(data.get("note", "")),
        weight_kg=recorded_number(data.get("weight_kg")),
        total_mg=recorded_number(data.get("total_mg")),
        outside_usual=str(data.get("outside_usual") or ""),
        decision_reason=str(data.get("decision_reason") or ""),
    )
