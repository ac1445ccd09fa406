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

from collections.abc import Iterable, Mapping
from typing import Any

from kapdesk.core.clock import Clock
from kapdesk.core.dosing import (
    NO_AMOUNT,
    check_dose,
    is_per_kg,
    same_unit,
    total_of,
    weight_problem,
)
from kapdesk.core.downtime import CLOCK_MOVE_S, Downtime, judge_downtime
from kapdesk.core.journey_events import (
    OBSERVATION_KINDS,
    PREPARATION_KINDS,
    SOUND_KINDS,
    Dose,
    EventKind,
    JourneyError,
    JourneyEvent,
    JourneyState,
    Listener,
    NotAllowedError,
    PhaseSpan,
    dose_from,
    dose_of,
    recorded_number,
)
from kapdesk.core.journey_record import NAMED_CHECK_LATE_S, JourneyRecord
from kapdesk.core.journey_words import (
    closed_text,
    discharge_verdict,
    ended_early_text,
    event_text,
    verdict_text,
)
from kapdesk.core.protocols import Advance, Phase, Protocol
from kapdesk.core.staff import Action, StaffMember
from kapdesk.core.words import QT_TRANSLATE_NOOP, Said, joined

# The names that lived here before the journey's record and words had modules of their own.
__all__ = [
    "NAMED_CHECK_LATE_S",
    "OBSERVATION_KINDS",
    "PREPARATION_KINDS",
    "SOUND_KINDS",
    "Dose",
    "EventKind",
    "Journey",
    "JourneyError",
    "JourneyEvent",
    "JourneyState",
    "Listener",
    "NotAllowedError",
    "PhaseSpan",
    "closed_text",
    "discharge_verdict",
    "dose_from",
    "dose_of",
    "ended_early_text",
    "event_text",
    "verdict_text",
]

# Why an action is refused, as the journey page says it (clauses: the page may follow them with
# its own words, so most start in lower case).
CLOSED_NO_DOSE = QT_TRANSLATE_NOOP("Journey", "the session is closed; no dose can be recorded")
DECIDE_FIRST = QT_TRANSLATE_NOOP(
    "Journey", "{concern}: record the decision to dose, with its reason, first"
)
SAY_WHY_OUTSIDE = QT_TRANSLATE_NOOP("Journey", "{why}: say why the dose goes ahead")
RANGE_TAKES = QT_TRANSLATE_NOOP(
    "Journey", "A dose outside the usual range takes {who}'s decision; {name} is {held}"
)
NEEDS_NO_CONFIRMING = QT_TRANSLATE_NOOP("Journey", "the journey time needs no confirming")
PHASES_AFTER_DOSE = QT_TRANSLATE_NOOP("Journey", "phases start with the first dose")
LAST_PHASE = QT_TRANSLATE_NOOP("Journey", "{phase} is the last phase")
CLOSED_NO_SOUND = QT_TRANSLATE_NOOP(
    "Journey", "the session is closed; its sound is no longer recorded"
)
CLOSED_AMEND = QT_TRANSLATE_NOOP(
    "Journey", "the session is closed; correct its record with an amendment"
)
CLOSED = QT_TRANSLATE_NOOP("Journey", "the session is closed")
DOSED_ALREADY = QT_TRANSLATE_NOOP("Journey", "the dose has been given already")
SAY_WHY_DOSE = QT_TRANSLATE_NOOP("Journey", "say why the dose goes ahead")
DISCHARGE_WHEN = QT_TRANSLATE_NOOP(
    "Journey", "the discharge check comes after the dose and before the session closes"
)
NO_FLAG = QT_TRANSLATE_NOOP("Journey", "there is no flag to acknowledge")
SAY_WHY_CORRECTED = QT_TRANSLATE_NOOP("Journey", "say why the entry is being corrected")
UNIT_KEPT = QT_TRANSLATE_NOOP(
    "Journey", "the dose was recorded in {unit}; its unit cannot be corrected"
)
CLOSED_ALREADY = QT_TRANSLATE_NOOP("Journey", "the session is already closed")
EARLY_NEEDS_REASON = QT_TRANSLATE_NOOP(
    "Journey", "Closing early needs a reason on the record: {concerns}"
)


class Journey(JourneyRecord):
    """One session's journey, driven by an injected clock: the actions staff take on it."""

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
            raise JourneyError(NEEDS_NO_CONFIRMING.format())
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

    # -- actions ------------------------------------------------------------------------------

    def record_dose(self, dose: Dose, decision_reason: str = "") -> JourneyEvent:
        """Record a dose. The first starts the journey clock and the first phase.

        The dose is in the protocol's unit, with the patient's weight when that is per kg. A
        dose that would take the session above the protocol's hard limit is refused; one
        outside its usual range needs a prescriber's decision, with ``decision_reason``.
        """
        if self.state is JourneyState.CLOSED:
            raise JourneyError(CLOSED_NO_DOSE.format())
        self._allow(Action.RECORD_DOSE)
        rules = self.protocol.dose
        unit = dose.unit.strip() or rules.unit
        check = check_dose(rules, dose.amount, dose.weight_kg, unit=unit, given=self.dose_given())
        if check.refused:
            raise JourneyError(check.why)
        if not self.doses and (concern := self.baseline_concern()) is not None:
            raise JourneyError(DECIDE_FIRST.format(concern=concern))
        reason = " ".join(decision_reason.split())
        if check.needs_decision:
            refusal = self.range_refusal()
            if refusal is not None:
                raise NotAllowedError(refusal)
            if not reason:
                raise JourneyError(SAY_WHY_OUTSIDE.format(why=check.why))
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
        if isinstance(refusal, Said) and {"who", "name", "held"} <= refusal.values.keys():
            values = refusal.values  # "{what} takes {who}; {name} is {held}"
            return RANGE_TAKES.format(who=values["who"], name=values["name"], held=values["held"])
        who, said, held = refusal.partition(" takes ")[2].partition("; ")
        if not said:
            return refusal  # no longer active, or the like: said as it is
        return f"A dose outside the usual range takes {who}'s decision; {held}"

    def advance_phase(self) -> JourneyEvent:
        """Move to the next phase, as the sitter confirms it."""
        if self.state is not JourneyState.RUNNING:
            raise JourneyError(PHASES_AFTER_DOSE.format())
        self._allow(Action.OBSERVE)
        index = self.phase_index
        assert index is not None
        if index + 1 >= len(self.protocol.phases):
            raise JourneyError(LAST_PHASE.format(phase=self.protocol.phases[index].name))
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
            raise JourneyError(CLOSED_NO_SOUND.format())
        by_staff = kind in (EventKind.SOUNDTRACK, EventKind.TRACK_SKIPPED, EventKind.QUIET)
        return self._emit(kind, data, signed=by_staff)

    def record_observation(self, kind: EventKind, data: Mapping[str, Any]) -> JourneyEvent:
        """Record a note, a vital-signs reading or a rating (data from core.observations)."""
        if kind not in OBSERVATION_KINDS:
            raise JourneyError(f"{kind.value} is not an observation")
        if self.state is JourneyState.CLOSED:
            raise JourneyError(CLOSED_AMEND.format())
        self._allow(Action.OBSERVE)
        return self._emit(kind, data, signed=True)

    def record_preparation(self, kind: EventKind, data: Mapping[str, Any]) -> JourneyEvent:
        """Record a step of preparation: the intention, a checklist step, breathwork, or the
        decision to dose despite a high baseline blood pressure (which needs a reason)."""
        if kind not in PREPARATION_KINDS:
            raise JourneyError(f"{kind.value} is not a step of preparation")
        if self.state is JourneyState.CLOSED:
            raise JourneyError(CLOSED.format())
        if kind is EventKind.DOSING_DECISION:
            self._allow(Action.DECIDE_TO_DOSE)
            if self.dosed:
                raise JourneyError(DOSED_ALREADY.format())
            if not str(data.get("reason") or "").strip():
                raise JourneyError(SAY_WHY_DOSE.format())
        else:
            self._allow(Action.PREPARE)
        return self._emit(kind, data, signed=True)

    def record_discharge(self, data: Mapping[str, Any]) -> JourneyEvent:
        """Record a discharge check (data from :meth:`kapdesk.core.discharge.Readiness.to_json`)."""
        if self.state is not JourneyState.RUNNING:
            raise JourneyError(DISCHARGE_WHEN.format())
        self._allow(Action.DISCHARGE)
        return self._emit(EventKind.DISCHARGE, data, signed=True)

    def acknowledge_flags(self, reading: int, words: Iterable[str]) -> JourneyEvent:
        """Record that staff have seen the flags of the reading at place ``reading``, in the
        words they were shown (a flag said otherwise later, after a correction, stands again)."""
        if self.state is JourneyState.CLOSED:
            raise JourneyError(CLOSED.format())
        if not 0 <= reading < len(self.events) or self.events[reading].kind is not EventKind.VITALS:
            raise JourneyError("there is no such reading")
        seen = [str(w) for w in words if str(w).strip()]
        if not seen:
            raise JourneyError(NO_FLAG.format())
        self._allow(Action.OBSERVE)
        return self._emit(EventKind.FLAG_SEEN, {"reading": reading, "words": seen}, signed=True)

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
            raise JourneyError(SAY_WHY_CORRECTED.format())
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
            raise JourneyError(UNIT_KEPT.format(unit=unit))
        fixed = {
            key: changes[key]
            for key in ("amount", "weight_kg", "lot_number", "route", "given_by", "note")
            if key in changes
        }
        amount = recorded_number(fixed.get("amount", now.get("amount")))
        weight = recorded_number(fixed.get("weight_kg", now.get("weight_kg")))
        if amount is None or amount <= 0:
            raise JourneyError(NO_AMOUNT.format())
        moved = amount != recorded_number(now.get("amount")) or weight != recorded_number(
            now.get("weight_kg")
        )
        fixed["amount"] = amount
        fixed["weight_kg"] = weight if is_per_kg(unit) else None
        rules = self.protocol.dose
        if moved and same_unit(unit, rules.unit):
            check = check_dose(rules, amount, weight, given=self.dose_given(leaving_out=target))
            if check.refused:
                raise JourneyError(check.why)
            if amount != recorded_number(now.get("amount")):  # a new amount: judged as a new dose
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
            raise JourneyError(CLOSED_ALREADY.format())
        self._allow(Action.CLOSE_SESSION)
        data: dict[str, Any] = {"reason": reason.strip()}
        concerns = self.close_concerns()
        if concerns:
            self._allow(Action.CLOSE_EARLY)
            if not data["reason"]:
                raise JourneyError(EARLY_NEEDS_REASON.format(concerns=joined(concerns, "; ")))
            data["early"] = concerns
        elif not self.dosed:
            data["cancelled"] = True
        return self._emit(EventKind.CLOSED, data, signed=True)
