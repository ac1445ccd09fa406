"""The journey: the state machine of one session, from opening to close.

    opened --first dose--> running (journey time 0, first phase) --phases--> closed

Every change is an immutable :class:`JourneyEvent` carrying its wall time (UTC) and its journey
elapsed time; listeners (the recorder that writes the database, the screen) receive each event
as it happens. Elapsed time is measured on the monotonic clock, so a wall-clock jump never moves
it. A journey that was running when the app died is rebuilt from its events with :meth:`replay`.

Staff act on a journey as themselves: :meth:`Journey.act_as` names the member signed in at the
screen, every action checks that member's roles (:func:`kapdesk.core.staff.require`) before
anything is recorded, and every record they make carries their name as ``by``. A journey with
no one acting (the command line, a test of the clock alone) checks no roles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from kapdesk.core.clock import Clock
from kapdesk.core.dosing import (
    check_dose,
    is_per_kg,
    number_text,
    same_unit,
    total_of,
    total_unit,
    weight_problem,
)
from kapdesk.core.downtime import (
    CLOCK_MOVE_S,
    Downtime,
    judge_downtime,
    resumed_text,
    span_text,
)
from kapdesk.core.observations import SCALES
from kapdesk.core.protocols import (
    LONGEST_SESSION_MINUTES,
    Advance,
    CheckMoment,
    Measure,
    Phase,
    Protocol,
)
from kapdesk.core.staff import Action, PermissionDeniedError, StaffMember, require
from kapdesk.core.timefmt import clock_text, minutes_text
from kapdesk.core.vitals import (
    EARLY_SECONDS,
    Reading,
)

#: How late a reading may come and still count for a named check at a minute, when closing.
NAMED_CHECK_LATE_S = 15 * 60.0


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
    SOUNDTRACK = "soundtrack_chosen"  # data: the soundtrack as planned (Soundtrack.to_json)
    TRACK = "track_started"  # data: playlist, index, path, title, artist, offset
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
    #                          staff saw them, see kapdesk.core.standing_flags), by
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

    def describe(self) -> str:
        """ "0.5 mg/kg IV (70 kg, 35 mg total), lot K-1"."""
        text = f"{number_text(self.amount)} {self.unit} {self.route}".strip()
        if is_per_kg(self.unit):
            weight = f"{number_text(self.weight_kg)} kg" if self.weight_kg else "no weight"
            total = self.total_mg
            if total is None and self.weight_kg:
                total = total_of(self.amount, self.unit, self.weight_kg)
            if total is not None:
                weight += f", {number_text(total)} {total_unit(self.unit)} total"
            text += f" ({weight})"
        return f"{text}, lot {self.lot_number}" if self.lot_number else text


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


class Journey:
    """One session's journey, driven by an injected clock."""

    def __init__(self, protocol: Protocol, clock: Clock) -> None:
        if not protocol.phases:
            raise JourneyError(f"protocol {protocol.id!r} has no phases")
        self.protocol = protocol
        self._clock = clock
        self._listeners: list[Listener] = []
        self.state = JourneyState.OPENED
        self.events: list[JourneyEvent] = []
        self.doses: list[tuple[float, Dose]] = []  # as corrected by any amendments
        self._dose_seqs: list[int] = []  # the place in the events of each of self.doses
        self.spans: list[PhaseSpan] = []
        self.close_reason = ""
        self.actor: StaffMember | None = None
        # elapsed = anchor_elapsed + (monotonic now - anchor_mono), once dosed
        self._anchor_elapsed: float | None = None
        self._anchor_mono = 0.0
        self._closed_elapsed: float | None = None
        # event place -> the places of the amendments of it, in order: corrected() reads these
        # instead of every later event (a chart of a long record asks for each reading).
        self._amendments: dict[int, list[int]] = {}
        self._by_kind: dict[EventKind, list[JourneyEvent]] = {}  # see of_kind()
        # Across a restart: how long kapdesk was closed and on whose word (see resume). A
        # journey time that rests on the wall clock alone is not vouched: changes of phase by
        # time wait for staff to confirm it, and it follows the wall clock if that is set.
        self.downtime: Downtime | None = None
        self.time_vouched = True
        self._on_wall: tuple[datetime, float, Downtime] | None = None  # wall, mono at restart

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        protocol: Protocol,
        clock: Clock,
        listeners: Iterable[Listener] = (),
        actor: StaffMember | None = None,
    ) -> Journey:
        """Open a new session's journey (as ``actor``) and emit its first event."""
        journey = cls(protocol, clock)
        journey.act_as(actor)
        journey._allow(Action.OPEN_SESSION)
        for listener in listeners:
            journey.subscribe(listener)
        journey._emit(EventKind.OPENED, {"protocol_id": protocol.id}, signed=True)
        return journey

    @classmethod
    def replay(cls, protocol: Protocol, clock: Clock, events: Iterable[JourneyEvent]) -> Journey:
        """Rebuild a journey from its recorded events, without emitting anything.

        The elapsed time continues from the most recent event that carries one, plus the wall
        time since it: right to within the clock's precision when the wall clock is correct.
        Call :meth:`resume` after subscribing to record that the session was picked up again.
        """
        journey = cls(protocol, clock)
        for event in events:
            journey._apply(event)
        if journey.state is JourneyState.RUNNING:
            last = next(e for e in reversed(journey.events) if e.elapsed is not None)
            since = (clock.now() - last.wall).total_seconds()
            journey._anchor_elapsed = last.elapsed + max(0.0, since)  # type: ignore[operator]
            journey._anchor_mono = clock.monotonic()
        return journey

    def resume(self, downtime: Downtime | None = None) -> JourneyEvent:
        """Record that the app picked this open session up again after a restart.

        ``downtime`` is how long kapdesk was closed, as judged from its heartbeat
        (:func:`kapdesk.core.downtime.judge_downtime`); without one, only the wall clock
        says, and the journey time is not vouched. A dosed journey goes on from the time the
        judgement gives, never from a gap nothing vouches for.
        """
        if self.state is JourneyState.CLOSED:
            raise JourneyError("a closed session cannot be resumed")
        last = self.events[-1] if self.events else None
        if downtime is None:
            wall = last.wall if last is not None else self._clock.now()
            downtime = judge_downtime(wall, last.elapsed if last else None, None, None, self._clock)
        self.downtime = downtime
        elapsed = downtime.elapsed
        since = downtime.seconds
        running = self.state is JourneyState.RUNNING
        vouched = self.time_vouched
        if running and elapsed is not None:
            mono = self._clock.monotonic()
            judged = downtime.judged_mono
            self._anchor_elapsed = elapsed
            self._anchor_mono = judged if judged is not None and judged <= mono else mono
            if last is not None and last.elapsed is not None:
                since = max(0.0, elapsed - last.elapsed)
            vouched = vouched and downtime.vouched
            self._on_wall = (
                None if downtime.vouched else (self._clock.now(), self._clock.monotonic(), downtime)
            )
        data = {
            **downtime.to_json(),
            "seconds_since_last_event": round(since, 3),
            "journey_time_vouched": vouched,
        }
        return self._emit(EventKind.RESUMED, data)

    def confirm_time(self) -> JourneyEvent:
        """Staff vouch for the journey time kapdesk could not (after checking it against a
        watch or the dosing time); changes of phase by time go on from here."""
        if self.state is not JourneyState.RUNNING or self.time_vouched:
            raise JourneyError("the journey time needs no confirming")
        self._allow(Action.OBSERVE)
        self._on_wall = None
        return self._emit(EventKind.TIME_CONFIRMED, {}, signed=True)

    def phase_held(self) -> Phase | None:
        """On a timed protocol whose journey time is not vouched: the phase that time would
        have started by now, which waits for staff instead."""
        if self.time_vouched or self.protocol.advance is not Advance.TIMED:
            return None
        index, end, now = self.phase_index, self.planned_end_of_phase(), self.elapsed()
        if index is None or end is None or now is None or now < end:
            return None
        following = index + 1
        return self.protocol.phases[following] if following < len(self.protocol.phases) else None

    def _follow_wall_clock(self) -> JourneyEvent | None:
        """A journey time that rests on the wall clock follows it when it is set (an NTP step
        after a boot with the clock an hour fast), and the record says so."""
        if self._on_wall is None or self.time_vouched or self.state is not JourneyState.RUNNING:
            return None
        wall, mono, judged = self._on_wall
        step = (self._clock.now() - wall).total_seconds() - (self._clock.monotonic() - mono)
        if abs(step - judged.followed) <= CLOCK_MOVE_S:
            return None
        before = self.elapsed()
        followed = judged.follow(step)
        if followed.elapsed is None:
            return None
        self._anchor_elapsed = followed.elapsed  # at the same moment of the restart
        self._on_wall = (wall, mono, followed)
        self.downtime = followed
        return self._emit(
            EventKind.TIME_CORRECTED,
            {
                **followed.to_json(),
                "clock_step": round(step - judged.followed, 3),
                "from_elapsed": None if before is None else round(before, 3),
            },
        )

    def act_as(self, member: StaffMember | None) -> None:
        """From now on, actions are ``member``'s: checked against their roles, signed with
        their name. None: no one is signed in, and no roles are checked."""
        self.actor = member

    def refusal(self, action: Action) -> str | None:
        """Why the member acting may not do ``action``, in a sentence; None when they may."""
        try:
            self._allow(action)
        except NotAllowedError as exc:
            return str(exc)
        return None

    def _allow(self, action: Action) -> None:
        if self.actor is None:
            return
        try:
            require(self.actor, action)
        except PermissionDeniedError as exc:
            raise NotAllowedError(str(exc)) from None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    # -- reading ------------------------------------------------------------------------------

    def of_kind(self, kind: EventKind) -> list[JourneyEvent]:
        """The events of one kind, in order (a copy), without going over the whole record:
        the journey screen asks for its readings every second."""
        return list(self._by_kind.get(kind, ()))

    def now(self) -> datetime:
        """The wall time (UTC) by the journey's clock."""
        return self._clock.now()

    @property
    def dosed(self) -> bool:
        return bool(self.doses)

    @property
    def closed(self) -> bool:
        return self.state is JourneyState.CLOSED

    def elapsed(self) -> float | None:
        """Seconds since the first dose (frozen at close); None before dosing."""
        if self._closed_elapsed is not None:
            return self._closed_elapsed
        if self._anchor_elapsed is None:
            return None
        return self._anchor_elapsed + (self._clock.monotonic() - self._anchor_mono)

    @property
    def phase_index(self) -> int | None:
        return self.spans[-1].index if self.spans else None

    @property
    def current_span(self) -> PhaseSpan | None:
        return self.spans[-1] if self.spans else None

    @property
    def current_phase(self) -> Phase | None:
        return self.spans[-1].phase if self.spans else None

    @property
    def next_phase(self) -> Phase | None:
        index = self.phase_index
        if index is None:
            return self.protocol.phases[0] if self.state is JourneyState.OPENED else None
        following = index + 1
        return self.protocol.phases[following] if following < len(self.protocol.phases) else None

    def phase_elapsed(self) -> float:
        """Seconds spent in the current phase so far."""
        span = self.current_span
        now = self.elapsed()
        if span is None or now is None:
            return 0.0
        end = span.ended if span.ended is not None else now
        return max(0.0, end - span.started)

    def phase_overrun(self) -> float:
        """Seconds the current phase has run past its planned length (0 when within plan)."""
        span = self.current_span
        if span is None:
            return 0.0
        return max(0.0, self.phase_elapsed() - span.planned_seconds)

    def planned_end_of_phase(self) -> float | None:
        """Journey elapsed second at which the current phase is planned to end."""
        span = self.current_span
        return None if span is None else span.started + span.planned_seconds

    # -- actions ------------------------------------------------------------------------------

    def record_dose(self, dose: Dose, decision_reason: str = "") -> JourneyEvent:
        """Record a dose. The first starts the journey clock and the first phase.

        The dose is in the protocol's unit, with the patient's weight when that is per kg. A
        dose that would take the session above the protocol's hard limit is refused; one
        outside its usual range needs a prescriber's decision, with ``decision_reason``.
        """
        if self.state is JourneyState.CLOSED:
            raise JourneyError("the session is closed; no dose can be recorded")
        self._allow(Action.RECORD_DOSE)
        rules = self.protocol.dose
        unit = dose.unit.strip() or rules.unit
        check = check_dose(rules, dose.amount, dose.weight_kg, unit=unit, given=self.dose_given())
        if check.refused:
            raise JourneyError(check.why)
        if not self.doses and (concern := self.baseline_concern()) is not None:
            raise JourneyError(f"{concern}: record the decision to dose, with its reason, first")
        reason = " ".join(decision_reason.split())
        if check.needs_decision:
            refusal = self.range_refusal()
            if refusal is not None:
                raise NotAllowedError(refusal)
            if not reason:
                raise JourneyError(f"{check.why}: say why the dose goes ahead")
        first = not self.doses
        if first:
            self._anchor_elapsed = 0.0
            self._anchor_mono = self._clock.monotonic()
        data: dict[str, Any] = {
            "amount": dose.amount,
            "unit": rules.unit,
            "route": dose.route,
            "lot_number": dose.lot_number,
            "given_by": dose.given_by,
            "note": dose.note,
            "first": first,
            "weight_kg": dose.weight_kg if rules.per_kg else None,
            "total_mg": check.total_mg,
        }
        if check.needs_decision:
            data["outside_usual"] = check.why
            data["decision_reason"] = reason
        event = self._emit(EventKind.DOSE, data, signed=True)
        if first:
            self._emit(EventKind.PHASE, self._phase_data(0, auto=False), signed=True)
        return event

    def dose_given(self, leaving_out: int | None = None) -> float:
        """What the session has been given so far (as corrected), in the protocol's unit;
        ``leaving_out`` the dose event at that place (the one being corrected).

        Doses recorded in another unit (before the protocol stated its own) do not count.
        """
        unit = self.protocol.dose.unit
        return sum(
            dose.amount
            for seq, (_, dose) in zip(self._dose_seqs, self.doses, strict=True)
            if seq != leaving_out and same_unit(dose.unit, unit)
        )

    def last_weight(self) -> float | None:
        """The weight recorded with the latest dose of this session that has one (as
        corrected), for the next dose form to start from."""
        for _, dose in reversed(self.doses):
            if dose.weight_kg:
                return dose.weight_kg
        return None

    def range_refusal(self) -> str | None:
        """Why the member acting may not decide on a dose outside the usual range, in a
        sentence ("... takes a prescriber's decision; Ana is a nurse"); None when they may."""
        refusal = self.refusal(Action.DECIDE_TO_DOSE)
        if refusal is None:
            return None
        who, said, held = refusal.partition(" takes ")[2].partition("; ")
        if not said:
            return refusal  # no longer active, or the like: said as it is
        return f"A dose outside the usual range takes {who}'s decision; {held}"

    def advance_phase(self) -> JourneyEvent:
        """Move to the next phase, as the sitter confirms it."""
        if self.state is not JourneyState.RUNNING:
            raise JourneyError("phases start with the first dose")
        self._allow(Action.OBSERVE)
        index = self.phase_index
        assert index is not None
        if index + 1 >= len(self.protocol.phases):
            raise JourneyError(f"{self.protocol.phases[index].name} is the last phase")
        data = self._phase_data(index + 1, auto=False)
        span = self.current_span
        # On a protocol moved on by hand every phase ends when staff say; ending a dosing
        # phase, or a timed one, before its time is what the record must show.
        notable = span is not None and (span.phase.dosing or self.protocol.advance is Advance.TIMED)
        if notable and self.ends_phase_early():
            span = self.current_span
            assert span is not None
            # The record says which phase was ended by hand before its time, and when.
            data["ended_early"] = {
                "index": span.index,
                "name": span.phase.name,
                "ran_seconds": round(self.phase_elapsed(), 3),
                "planned_minutes": span.phase.minutes,
            }
        return self._emit(EventKind.PHASE, data, signed=True)

    def ends_phase_early(self) -> bool:
        """Whether moving on now would end the current phase before its planned time."""
        span = self.current_span
        if self.state is not JourneyState.RUNNING or span is None or self.next_phase is None:
            return False
        return self.phase_elapsed() < span.planned_seconds - 0.5

    def tick(self) -> list[JourneyEvent]:
        """Let time act: on a timed protocol, start every phase whose time has come.

        Each automatic change is recorded at the second its phase was planned to end, even if
        the tick comes later (the app was busy, or was restarted). While the journey time rests
        on the wall clock alone (see :meth:`resume`) it follows a step of that clock, and
        changes nothing by time until staff confirm it (:meth:`confirm_time`).
        """
        events: list[JourneyEvent] = []
        corrected = self._follow_wall_clock()
        if corrected is not None:
            events.append(corrected)
        if self.protocol.advance is not Advance.TIMED or self.state is not JourneyState.RUNNING:
            return events
        if not self.time_vouched:
            return events  # no phase by time for a time nothing vouches for: staff decide
        now = self.elapsed()
        assert now is not None
        while True:
            index = self.phase_index
            end = self.planned_end_of_phase()
            if index is None or end is None or index + 1 >= len(self.protocol.phases):
                break
            if now < end:
                break
            events.append(
                self._emit(EventKind.PHASE, self._phase_data(index + 1, auto=True), at=end)
            )
        return events

    def record_sound(self, kind: EventKind, data: Mapping[str, Any]) -> JourneyEvent:
        """Record what the sound did (a track started, failed, quiet on...) in the session."""
        if kind not in SOUND_KINDS:
            raise JourneyError(f"{kind.value} is not a sound event")
        if self.state is JourneyState.CLOSED:
            raise JourneyError("the session is closed; its sound is no longer recorded")
        by_staff = kind in (EventKind.SOUNDTRACK, EventKind.TRACK_SKIPPED, EventKind.QUIET)
        return self._emit(kind, data, signed=by_staff)

    def record_observation(self, kind: EventKind, data: Mapping[str, Any]) -> JourneyEvent:
        """Record a note, a vital-signs reading or a rating (data from core.observations)."""
        if kind not in OBSERVATION_KINDS:
            raise JourneyError(f"{kind.value} is not an observation")
        if self.state is JourneyState.CLOSED:
            raise JourneyError("the session is closed; correct its record with an amendment")
        self._allow(Action.OBSERVE)
        return self._emit(kind, data, signed=True)

    def record_preparation(self, kind: EventKind, data: Mapping[str, Any]) -> JourneyEvent:
        """Record a step of preparation: the intention, a checklist step, breathwork, or the
        decision to dose despite a high baseline blood pressure (which needs a reason)."""
        if kind not in PREPARATION_KINDS:
            raise JourneyError(f"{kind.value} is not a step of preparation")
        if self.state is JourneyState.CLOSED:
            raise JourneyError("the session is closed")
        if kind is EventKind.DOSING_DECISION:
            self._allow(Action.DECIDE_TO_DOSE)
            if self.dosed:
                raise JourneyError("the dose has been given already")
            if not str(data.get("reason") or "").strip():
                raise JourneyError("say why the dose goes ahead")
        else:
            self._allow(Action.PREPARE)
        return self._emit(kind, data, signed=True)

    def record_discharge(self, data: Mapping[str, Any]) -> JourneyEvent:
        """Record a discharge check (data from :meth:`kapdesk.core.discharge.Readiness.to_json`)."""
        if self.state is not JourneyState.RUNNING:
            raise JourneyError(
                "the discharge check comes after the dose and before the session closes"
            )
        self._allow(Action.DISCHARGE)
        return self._emit(EventKind.DISCHARGE, data, signed=True)

    def acknowledge_flags(self, reading: int, words: Iterable[str]) -> JourneyEvent:
        """Record that staff have seen the flags of the reading at place ``reading``, in the
        words they were shown (a flag said otherwise later, after a correction, stands again)."""
        if self.state is JourneyState.CLOSED:
            raise JourneyError("the session is closed")
        if not 0 <= reading < len(self.events) or self.events[reading].kind is not EventKind.VITALS:
            raise JourneyError("there is no such reading")
        seen = [str(w) for w in words if str(w).strip()]
        if not seen:
            raise JourneyError("there is no flag to acknowledge")
        self._allow(Action.OBSERVE)
        return self._emit(EventKind.FLAG_SEEN, {"reading": reading, "words": seen}, signed=True)

    def corrected(self, seq: int) -> Mapping[str, Any]:
        """The data of event ``seq`` as it stands, with every amendment of it applied."""
        data: Mapping[str, Any] = self.events[seq].data
        for place in self._amendments.get(seq, ()):
            changes = self.events[place].data.get("data")
            if isinstance(changes, Mapping):
                data = {**data, **changes}
        return data

    def baseline_reading(self) -> tuple[int, Reading] | None:
        """The last reading before dosing that has a blood pressure (its place in the events,
        and the values as corrected), or None if there is none.

        A later reading of pulse and SpO2 alone is not a baseline: it must not hide a high
        blood pressure taken before it.
        """
        found: tuple[int, Reading] | None = None
        for seq, event in enumerate(self.events):
            if event.kind is EventKind.DOSE:
                break
            if event.kind is EventKind.VITALS:
                reading = _reading_of(self.corrected(seq))
                if reading.systolic is not None or reading.diastolic is not None:
                    found = (seq, reading)
        return found

    def baseline_concern(self) -> str | None:
        """Why dosing needs an explicit decision first, or None.

        The last blood pressure taken before dosing is above the protocol's baseline limits
        (e.g. 140/90), and no decision to dose has been recorded since that reading was taken
        or last corrected.
        """
        if self.dosed:
            return None
        found = self.baseline_reading()
        if found is None:
            return None
        seq, reading = found
        limits = self.protocol.thresholds
        high = (
            reading.systolic is not None and reading.systolic > limits.baseline_systolic_max
        ) or (reading.diastolic is not None and reading.diastolic > limits.baseline_diastolic_max)
        if not high:
            return None
        last_change = max([seq, *self._amendments.get(seq, ())])
        decided = any(
            event.kind is EventKind.DOSING_DECISION for event in self.events[last_change + 1 :]
        )
        if decided:
            return None
        return (
            f"Baseline blood pressure {_bp_text(reading)} is above the protocol's "
            f"{limits.baseline_systolic_max:g}/{limits.baseline_diastolic_max:g}"
        )

    def missing_checks(self) -> list[str]:
        """The protocol's named vital-signs checks (baseline, at a minute, before discharge)
        whose time has come and that have no reading of their own, with a blood pressure when
        the protocol measures one. Routine interval checks are not named here: a missed one is
        the observation panel's cue, not a reason the session is not done.

        A named check at a minute is met by a reading from :data:`EARLY_SECONDS` before it to
        :data:`NAMED_CHECK_LATE_S` after it (the REMS asks for the pressure at about 40
        minutes: one at 90 is not it); the before-discharge check by a reading in the last
        phase and in the last half hour (twice :data:`NAMED_CHECK_LATE_S`).
        """
        protocol = self.protocol
        wants_bp = Measure.BLOOD_PRESSURE in protocol.vitals.measures
        before_dosing = False
        taken: list[float] = []
        for seq, event in enumerate(self.events):
            if event.kind is not EventKind.VITALS:
                continue
            reading = _reading_of(self.corrected(seq))
            if wants_bp and reading.systolic is None and reading.diastolic is None:
                continue  # the check asks for a blood pressure: a pulse alone is not one
            if event.elapsed is None:
                before_dosing = True
            else:
                taken.append(event.elapsed)
        now = self.elapsed() or 0.0
        last_phase = len(protocol.phases) - 1
        # In the last phase, and at most NAMED_CHECK_LATE_S * 2 before now: a reading an hour
        # before the close is not the one before discharge, however early the last phase began.
        started = next((s.started for s in self.spans if s.index == last_phase), now)
        discharge_from = max(started, now - 2 * NAMED_CHECK_LATE_S)
        missing: list[str] = []
        for check in protocol.vitals.checks:
            if check.moment is CheckMoment.BEFORE_DOSING:
                met = before_dosing
            elif check.moment is CheckMoment.BEFORE_DISCHARGE:
                met = any(at >= discharge_from - EARLY_SECONDS for at in taken)
            elif check.at_minute is not None:
                at_s = check.at_minute * 60.0
                if now < at_s:
                    continue  # not due yet: closing before it is early for its time already
                met = any(at_s - EARLY_SECONDS <= at <= at_s + NAMED_CHECK_LATE_S for at in taken)
            else:
                continue
            if not met and check.label not in missing:
                missing.append(check.label)
        return missing

    def close_concerns(self) -> list[str]:
        """Why closing now would be early, in the words the close form shows; empty when the
        session is done. Before dosing there are none: closing then cancels the session."""
        if self.state is not JourneyState.RUNNING:
            return []
        concerns: list[str] = []
        protocol = self.protocol
        elapsed = self.elapsed() or 0.0
        least = min(max(protocol.monitoring_minutes, 0.0), LONGEST_SESSION_MINUTES)
        if least and elapsed < least * 60.0:
            concerns.append(
                f"{clock_text(elapsed)} since dosing, of the {minutes_text(least)} "
                "the protocol asks in the room"
            )
        phase = self.current_phase
        if phase is not None and self.next_phase is not None:
            concerns.append(f"still in {phase.name}, before the last phase")
        untaken = self.missing_checks()
        if untaken:  # one line for them all: the close form must fit a small screen
            which = "check" if len(untaken) == 1 else "checks"
            concerns.append(f"vital-signs {which} not taken: {', '.join(untaken)}")
        if protocol.discharge.required:
            checks = self.of_kind(EventKind.DISCHARGE)
            if not checks:
                concerns.append("no discharge check recorded")
            elif not checks[-1].data.get("ready"):
                concerns.append("the last discharge check found the patient not ready")
        return concerns

    def amend(self, data: Mapping[str, Any]) -> JourneyEvent:
        """Correct an earlier note, reading, rating or dose; the original stays in the record.

        ``data`` is :func:`kapdesk.core.observations.amendment_data`: what it amends, the
        changes, a reason (required) and who. Correcting a dose takes someone who may record
        one; the corrected dose is held to the protocol's hard limit like a new one, and a
        corrected amount outside the usual range takes a prescriber's decision.
        """
        target = data.get("amends")
        if not isinstance(target, int) or not 0 <= target < len(self.events):
            raise JourneyError("there is no such entry to correct")
        original = self.events[target]
        if original.kind is EventKind.DOSE:
            self._allow(Action.RECORD_DOSE)
        elif original.kind in OBSERVATION_KINDS:
            self._allow(Action.AMEND)
        else:
            raise JourneyError("only notes, vital signs, ratings and doses can be corrected")
        if not " ".join(str(data.get("reason") or "").split()):
            raise JourneyError("say why the entry is being corrected")
        if original.kind is EventKind.DOSE:
            data = self._dose_amendment(target, data)
        return self._emit(EventKind.AMENDMENT, data, signed=True)

    def _dose_amendment(self, target: int, data: Mapping[str, Any]) -> dict[str, Any]:
        """The amendment of the dose at ``target``, checked, its total worked out again."""
        changes = data.get("data")
        if not isinstance(changes, Mapping):
            raise JourneyError("say what the dose should be")
        now = self.corrected(target)
        unit = str(now.get("unit") or "")
        if "unit" in changes and not same_unit(str(changes["unit"]), unit):
            raise JourneyError(f"the dose was recorded in {unit}; its unit cannot be corrected")
        fixed = {
            key: changes[key]
            for key in ("amount", "weight_kg", "lot_number", "route", "given_by", "note")
            if key in changes
        }
        amount = _number(fixed.get("amount", now.get("amount")))
        weight = _number(fixed.get("weight_kg", now.get("weight_kg")))
        if amount is None or amount <= 0:
            raise JourneyError("a dose needs an amount above zero")
        moved = amount != _number(now.get("amount")) or weight != _number(now.get("weight_kg"))
        fixed["amount"] = amount
        fixed["weight_kg"] = weight if is_per_kg(unit) else None
        rules = self.protocol.dose
        if moved and same_unit(unit, rules.unit):
            check = check_dose(rules, amount, weight, given=self.dose_given(leaving_out=target))
            if check.refused:
                raise JourneyError(check.why)
            if amount != _number(now.get("amount")):  # a new amount: judged as a new dose
                if check.needs_decision and (refusal := self.range_refusal()) is not None:
                    raise NotAllowedError(refusal)
                fixed["outside_usual"] = check.why if check.needs_decision else ""
                fixed["decision_reason"] = (
                    " ".join(str(data.get("reason")).split()) if check.needs_decision else ""
                )
        elif moved:
            problem = weight_problem(weight, unit)
            if problem is not None:
                raise JourneyError(problem)
        fixed["total_mg"] = total_of(amount, unit, weight)
        return {**data, "data": fixed}

    def close(self, reason: str = "") -> JourneyEvent:
        """Close the session; its record is kept. Before dosing, this cancels it.

        Closing early (see :meth:`close_concerns`) is a decision: it takes a role allowed to
        make it and a reason, and the record keeps why it was early.
        """
        if self.state is JourneyState.CLOSED:
            raise JourneyError("the session is already closed")
        self._allow(Action.CLOSE_SESSION)
        data: dict[str, Any] = {"reason": reason.strip()}
        concerns = self.close_concerns()
        if concerns:
            self._allow(Action.CLOSE_EARLY)
            if not data["reason"]:
                raise JourneyError(
                    "Closing early needs a reason on the record: " + "; ".join(concerns)
                )
            data["early"] = concerns
        elif not self.dosed:
            data["cancelled"] = True
        return self._emit(EventKind.CLOSED, data, signed=True)

    # -- internals ----------------------------------------------------------------------------

    def _phase_data(self, index: int, *, auto: bool) -> dict[str, Any]:
        phase = self.protocol.phases[index]
        return {"index": index, "name": phase.name, "planned_minutes": phase.minutes, "auto": auto}

    def _emit(
        self,
        kind: EventKind,
        data: Mapping[str, Any],
        at: float | None = None,
        *,
        signed: bool = False,
    ) -> JourneyEvent:
        """Record ``kind``; a ``signed`` record (a person's action, not the clock's or the
        player's) carries the name of the member acting as ``by``."""
        if signed and self.actor is not None:
            data = {**data, "by": self.actor.name}
        now_elapsed = self.elapsed()
        wall = self._clock.now()
        elapsed = now_elapsed
        if at is not None and now_elapsed is not None:
            wall -= timedelta(seconds=now_elapsed - at)
            elapsed = at
        phase_index = data["index"] if kind is EventKind.PHASE else self.phase_index
        event = JourneyEvent(kind, wall, elapsed, phase_index, dict(data))
        self._apply(event)
        for listener in list(self._listeners):
            listener(event)
        return event

    def _apply(self, event: JourneyEvent) -> None:
        """Fold one event into the state; shared by live actions and replay."""
        self.events.append(event)
        self._by_kind.setdefault(event.kind, []).append(event)
        data = event.data
        if event.kind is EventKind.AMENDMENT:
            target = data.get("amends")
            if isinstance(target, int) and 0 <= target < len(self.events) - 1:
                self._amendments.setdefault(target, []).append(len(self.events) - 1)
                if target in self._dose_seqs:
                    place = self._dose_seqs.index(target)
                    self.doses[place] = (self.doses[place][0], dose_from(self.corrected(target)))
        elif event.kind is EventKind.DOSE:
            dose = dose_of(event)
            self.doses.append((event.elapsed or 0.0, dose))
            self._dose_seqs.append(len(self.events) - 1)
            if self.state is JourneyState.OPENED:
                self.state = JourneyState.RUNNING
        elif event.kind is EventKind.PHASE:
            index = int(data["index"])
            started = event.elapsed or 0.0
            if self.spans:
                last = self.spans[-1]
                early = isinstance(data.get("ended_early"), Mapping)
                self.spans[-1] = PhaseSpan(last.index, last.phase, last.started, started, early)
            self.spans.append(PhaseSpan(index, self.protocol.phases[index], started, None))
        elif event.kind is EventKind.RESUMED:
            if data.get("journey_time_vouched") is False:
                self.time_vouched = False
        elif event.kind is EventKind.TIME_CONFIRMED:
            self.time_vouched = True
        elif event.kind is EventKind.CLOSED:
            self._closed_elapsed = event.elapsed
            self.state = JourneyState.CLOSED
            self.close_reason = str(data.get("reason", ""))
            if self.spans and event.elapsed is not None:
                last = self.spans[-1]
                self.spans[-1] = PhaseSpan(last.index, last.phase, last.started, event.elapsed)


def _reading_of(data: Mapping[str, Any]) -> Reading:
    values = data.get("values")
    return Reading.from_values(values if isinstance(values, Mapping) else {})


def _bp_text(reading: Reading) -> str:
    systolic = f"{reading.systolic:g}" if reading.systolic is not None else "?"
    diastolic = f"{reading.diastolic:g}" if reading.diastolic is not None else "?"
    return f"{systolic}/{diastolic}"


def _number(value: object) -> float | None:
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
        weight_kg=_number(data.get("weight_kg")),
        total_mg=_number(data.get("total_mg")),
        outside_usual=str(data.get("outside_usual") or ""),
        decision_reason=str(data.get("decision_reason") or ""),
    )


def event_text(event: JourneyEvent) -> str:
    """One line about an event, in the clinic's words."""
    data = event.data
    if event.kind is EventKind.OPENED:
        return "Session opened"
    if event.kind is EventKind.DOSE:
        return _dose_text(data)
    if event.kind is EventKind.PHASE:
        how = " (by time)" if data.get("auto") else ""
        text = f"Phase: {data.get('name', '')}{how}"
        early = data.get("ended_early")
        if isinstance(early, Mapping):
            text += f"; {ended_early_text(early)}"
        return text
    if event.kind is EventKind.RESUMED:
        return resumed_text(data)
    if event.kind is EventKind.TIME_CORRECTED:
        return _corrected_text(data)
    if event.kind is EventKind.TIME_CONFIRMED:
        by = f" by {data['by']}" if data.get("by") else ""
        return f"Journey time confirmed{by}"
    if event.kind in SOUND_KINDS:
        return _sound_text(event)
    if event.kind is EventKind.NOTE:
        tags = ", ".join(str(t) for t in data.get("tags") or ())
        text = str(data.get("text") or "")
        return "Note: " + (f"[{tags}] {text}".strip() if tags else text)
    if event.kind is EventKind.VITALS:
        values = data.get("values")
        reading = Reading.from_values(values if isinstance(values, Mapping) else {})
        flags = "; ".join(str(f) for f in data.get("flags") or ())
        return f"Vital signs: {reading.text()}" + (f". Flagged: {flags}" if flags else "")
    if event.kind is EventKind.RATING:
        scale = SCALES.get(str(data.get("scale")))
        value = data.get("value", "")
        if scale is None:
            return f"Rating {data.get('scale', '')}: {value}"
        if scale.id == "responsiveness":
            return f"{scale.name}: {value}, {str(data.get('words', '')).lower()}"
        return f"{scale.name}: {value} of 10"
    if event.kind is EventKind.AMENDMENT:
        return f"Correction of entry {data.get('amends')}: {data.get('reason', '')}"
    if event.kind is EventKind.FLAG_SEEN:
        words = " · ".join(str(w) for w in data.get("words") or ())
        by = f" by {data['by']}" if data.get("by") else ""
        return f"Flag seen{by}: {words} (the reading of entry {data.get('reading')})"
    if event.kind in PREPARATION_KINDS:
        return _preparation_text(event)
    if event.kind is EventKind.DISCHARGE:
        return _discharge_text(event)
    return closed_text(data)


def ended_early_text(early: Mapping[str, Any]) -> str:
    """``Infusion ended early by hand at 16:55 of 40 min``."""
    ran = early.get("ran_seconds")
    planned = early.get("planned_minutes")
    at = f" at {clock_text(float(ran))}" if isinstance(ran, int | float) else ""
    of = f" of {minutes_text(float(planned))}" if isinstance(planned, int | float) else ""
    return f"{early.get('name', 'the phase')} ended early by hand{at}{of}"


def closed_text(data: Mapping[str, Any]) -> str:
    """The close of a session in words: early, with why, or cancelled before dosing."""
    reason = str(data.get("reason", ""))
    early = data.get("early")
    if isinstance(early, list | tuple) and early:
        text = "Session closed early (" + "; ".join(str(e) for e in early) + ")"
        return text + (f": {reason}" if reason else "")
    if data.get("cancelled"):
        return f"Session cancelled before dosing{': ' + reason if reason else ''}"
    return f"Session closed{': ' + reason if reason else ''}"


def _moment(value: object) -> datetime | None:
    """A recorded ISO time, or None when it is absent or not one."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _dose_text(data: Mapping[str, Any]) -> str:
    """ "Dose: 0.5 mg/kg IV (70 kg, 35 mg total), lot K-1, given by Ana", and why it was
    outside the usual range when it was."""
    what = "Dose" if data.get("first") else "Extra dose"
    if _number(data.get("amount")) is None:
        return f"{what}: {data.get('amount', '')}"
    text = f"{what}: {dose_from(data).describe()}"
    if data.get("given_by"):
        text += f", given by {data['given_by']}"
    if data.get("outside_usual"):
        text += f". Outside the usual range: {data['outside_usual']}"
        if data.get("decision_reason"):
            text += f"; given because: {data['decision_reason']}"
    return text


def _corrected_text(data: Mapping[str, Any]) -> str:
    step = data.get("clock_step")
    step = float(step) if isinstance(step, int | float) else 0.0
    way = "forward" if step > 0 else "back"
    before = data.get("from_elapsed")
    text = f"The PC's clock was set {way} {span_text(abs(step))}; the journey time followed it"
    if isinstance(before, int | float):
        text += f" (it read {clock_text(before)})"
    return text


def _preparation_text(event: JourneyEvent) -> str:
    data = event.data
    by = f" ({data['by']})" if data.get("by") else ""
    if event.kind is EventKind.INTENTION:
        return f"Intention: “{data.get('text', '')}”{by}"
    if event.kind is EventKind.CHECKLIST:
        done = "done" if data.get("done") else "not done"
        return f"Checklist: {data.get('text', '')}: {done}{by}"
    if event.kind is EventKind.BREATHWORK:
        minutes = float(data.get("seconds", 0.0)) / 60
        return f"Breathwork: {data.get('pattern', '')}, {minutes:.1f} min{by}"
    return (
        f"Decision to dose with baseline blood pressure {data.get('reading', '')}: "
        f"{data.get('reason', '')}{by}"
    )


def verdict_text(ready: bool, may_leave_from: datetime | None) -> str:
    """``ready to leave``, ``ready, may leave from 11:07`` (local time), ``not ready yet``:
    "ready" alone is never said while the least time in the room has not passed."""
    if not ready:
        return "not ready yet"
    if may_leave_from is None:
        return "ready to leave"
    return f"ready, may leave from {may_leave_from.astimezone().strftime('%H:%M')}"


def discharge_verdict(data: Mapping[str, Any]) -> str:
    """The verdict of a recorded discharge check (its data), in :func:`verdict_text`'s words."""
    return verdict_text(bool(data.get("ready")), _moment(data.get("may_leave_from")))


def _discharge_text(event: JourneyEvent) -> str:
    data = event.data
    verdict = discharge_verdict(data)
    text = f"Discharge check: {data.get('total', '?')} of {data.get('max', '?')}, {verdict}"
    reasons = [str(r) for r in data.get("reasons") or ()]
    if reasons:
        text += f" ({'; '.join(reasons)})"
    answers = data.get("answers")
    if isinstance(answers, Mapping) and answers:
        said = ", ".join(f"{key} {'yes' if value else 'no'}" for key, value in answers.items())
        text += f"; {said}"
    return text + (f" ({data['by']})" if data.get("by") else "")


def _sound_text(event: JourneyEvent) -> str:
    data = event.data
    title = str(data.get("title") or data.get("path") or "")
    if data.get("artist"):
        title = f"{data['artist']} – {title}"
    if event.kind is EventKind.SOUNDTRACK:
        return f"Soundtrack: {data.get('name', '')}"
    if event.kind is EventKind.TRACK:
        return f"Music: {title}"
    if event.kind is EventKind.TRACK_SKIPPED:
        return f"Track skipped: {title}"
    if event.kind is EventKind.TRACK_FAILED:
        return f"Track could not play: {title} ({data.get('reason', '')})"
    if event.kind is EventKind.MUSIC_ENDED:
        return f"Music ran out: {data.get('playlist', '')}"
    return "Quiet on" if data.get("on") else "Quiet off"
