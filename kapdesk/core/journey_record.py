"""What a journey's events say: its state, its clocks, its phases, its doses as corrected, and
what is still missing before it may close.

:class:`JourneyRecord` folds each event into that state, whether it happens now or is replayed
after a restart, and hands it to the listeners; :class:`kapdesk.core.journey.Journey` adds the
actions staff take on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from kapdesk.core.clock import Clock
from kapdesk.core.downtime import Downtime
from kapdesk.core.journey_events import (
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
)
from kapdesk.core.protocols import LONGEST_SESSION_MINUTES, CheckMoment, Measure, Phase, Protocol
from kapdesk.core.staff import Action, PermissionDeniedError, StaffMember, require
from kapdesk.core.timefmt import clock_text, minutes_text
from kapdesk.core.vitals import EARLY_SECONDS, Reading
from kapdesk.core.words import QT_TRANSLATE_NOOP, joined

#: How late a reading may come and still count for a named check at a minute, when closing.
NAMED_CHECK_LATE_S = 15 * 60.0

NO_PHASES = QT_TRANSLATE_NOOP("Journey", "protocol {protocol} has no phases")
BASELINE_HIGH = QT_TRANSLATE_NOOP(
    "Journey", "Baseline blood pressure {reading} is above the protocol's {systolic}/{diastolic}"
)
# Why closing now would be early: clauses, a list's items on the close form.
TOO_SOON = QT_TRANSLATE_NOOP(
    "Journey", "{elapsed} since dosing, of the {least} the protocol asks in the room"
)
STILL_IN = QT_TRANSLATE_NOOP("Journey", "still in {phase}, before the last phase")
CHECK_NOT_TAKEN = QT_TRANSLATE_NOOP("Journey", "vital-signs check not taken: {checks}")
CHECKS_NOT_TAKEN = QT_TRANSLATE_NOOP("Journey", "vital-signs checks not taken: {checks}")
NO_DISCHARGE_CHECK = QT_TRANSLATE_NOOP("Journey", "no discharge check recorded")
NOT_READY = QT_TRANSLATE_NOOP("Journey", "the last discharge check found the patient not ready")


class JourneyRecord:
    """One session's journey as its events say, driven by an injected clock."""

    def __init__(self, protocol: Protocol, clock: Clock) -> None:
        if not protocol.phases:
            raise JourneyError(NO_PHASES.format(protocol=repr(protocol.id)))
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

    def act_as(self, member: StaffMember | None) -> None:
        """From now on, actions are ``member``'s: checked against their roles, signed with
        their name. None: no one is signed in, and no roles are checked."""
        self.actor = member

    def refusal(self, action: Action) -> str | None:
        """Why the member acting may not do ``action``, in a sentence; None when they may."""
        try:
            self._allow(action)
        except NotAllowedError as exc:
            return _words(exc)
        return None

    def _allow(self, action: Action) -> None:
        if self.actor is None:
            return
        try:
            require(self.actor, action)
        except PermissionDeniedError as exc:
            raise NotAllowedError(_words(exc)) from None

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

    # -- checks ------------------------------------------------------------------------------------

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
        return BASELINE_HIGH.format(
            reading=_bp_text(reading),
            systolic=f"{limits.baseline_systolic_max:g}",
            diastolic=f"{limits.baseline_diastolic_max:g}",
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
            concerns.append(TOO_SOON.format(elapsed=clock_text(elapsed), least=minutes_text(least)))
        phase = self.current_phase
        if phase is not None and self.next_phase is not None:
            concerns.append(STILL_IN.format(phase=phase.name))
        untaken = self.missing_checks()
        if untaken:  # one line for them all: the close form must fit a small screen
            which = CHECK_NOT_TAKEN if len(untaken) == 1 else CHECKS_NOT_TAKEN
            concerns.append(which.format(checks=joined(untaken, ", ")))
        if protocol.discharge.required:
            checks = self.of_kind(EventKind.DISCHARGE)
            if not checks:
                concerns.append(NO_DISCHARGE_CHECK.format())
            elif not checks[-1].data.get("ready"):
                concerns.append(NOT_READY.format())
        return concerns

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


def _words(error: Exception) -> str:
    """What ``error`` says, kept as the core said it (a marked message stays marked, so the
    window says it in its language; ``str(error)`` keeps the English only)."""
    said = error.args[0] if len(error.args) == 1 else None
    return said if isinstance(said, str) else str(error)


def _reading_of(data: Mapping[str, Any]) -> Reading:
    values = data.get("values")
    return Reading.from_values(values if isinstance(values, Mapping) else {})


def _bp_text(reading: Reading) -> str:
    systolic = f"{reading.systolic:g}" if reading.systolic is not None else "?"
    diastolic = f"{reading.diastolic:g}" if reading.diastolic is not None else "?"
    return f"{systolic}/{diastolic}"
