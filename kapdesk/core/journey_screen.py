"""The journey screen in words: what the page says about one open session, and which of its
controls stand, decided from the journey alone.

:func:`journey_screen` reads the journey's clocks once and returns a frozen
:class:`JourneyScreen`; the page (:mod:`kapdesk.ui.journey_view`) only puts its texts into its
widgets and paints its tones. The rules are tested here, without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kapdesk.core.discharge import discharge_of
from kapdesk.core.downtime import Downtime
from kapdesk.core.journey import Journey
from kapdesk.core.journey_events import JourneyState
from kapdesk.core.protocols import Advance, Protocol
from kapdesk.core.standing_flags import StandingFlag, by_reading
from kapdesk.core.timefmt import clock_text, minutes_text, seconds_between
from kapdesk.core.wording import counted

# Ending a dosing phase before its time takes a second press of Next phase within this long.
CONFIRM_EARLY_S = 10.0
NO_BREAK = "\u00a0"  # a space a line does not break at


class Tone(StrEnum):
    """How a line is painted: the page's own colours, never a bright one."""

    PLAIN = "plain"
    MUTED = "muted"
    WARNING = "warning"  # the soft amber of a time that needs a look


@dataclass(frozen=True)
class Keys:
    """The shortcuts the page's buttons show, as the page spells them."""

    dose: str = "Ctrl+D"
    next_phase: str = "Ctrl+N"
    time: str = "Ctrl+Shift+J"


@dataclass(frozen=True)
class ScreenFacts:
    """What the page knows that the journey does not."""

    patient_code: str
    sitter: str = ""
    course: str = ""  # "Session 3 of 6", or nothing
    preparing: bool = False  # before the dose, preparation takes the timer's place
    noted: Downtime | None = None  # a time notice staff have read (nothing to confirm)
    early_armed: tuple[int, float] | None = None  # a first press: (phase index, journey time)
    standing: tuple[StandingFlag, ...] = ()  # the flags that stand (the page reads them)
    narrow: bool = False  # a narrow screen: the early question takes two lines
    keys: Keys = Keys()


@dataclass(frozen=True)
class TimerText:
    """The big timer and the caption over it."""

    caption: str
    text: str
    tone: Tone


@dataclass(frozen=True)
class PhaseText:
    """The phase card: its name, how its time stands against the plan, guidance, what is next."""

    name: str
    time: str
    over: bool  # past its planned length: the time line is painted as a warning
    guidance: str
    next_line: str


@dataclass(frozen=True)
class TimeNotice:
    """After a restart: what kapdesk could not check about the time it was closed."""

    text: str
    button: str  # the button's words and its shortcut


@dataclass(frozen=True)
class EarlyQuestion:
    """The Next phase button, and the question while a first press waits for its second."""

    armed: bool  # a first press still waits (False: the page lets it go)
    button: str
    note: str  # "" while nothing waits


@dataclass(frozen=True)
class Buttons:
    """Which of the page's actions stand, and how they read."""

    dose: str
    dose_primary: bool
    dose_enabled: bool
    next_enabled: bool
    next_visible: bool
    discharge_visible: bool  # "Ready to leave?" takes Next phase's place in the last phase
    close_enabled: bool


@dataclass(frozen=True)
class BarPart:
    """A stretch of the phase bar: a phase from ``start`` to ``end`` journey seconds."""

    index: int
    start: float
    end: float
    planned: float


@dataclass(frozen=True)
class JourneyScreen:
    """Everything the journey page says about one session at one moment."""

    who: str
    protocol_notice: str  # "" when the session's own protocol is in use
    show_preparation: bool
    timer: TimerText
    time_notice: TimeNotice | None
    flags: str  # a line per flagged reading; "" when none stands
    phase: PhaseText
    monitoring: str
    bar_plan: tuple[tuple[str, float], ...]
    bar_parts: tuple[BarPart, ...]
    bar_now: float | None
    bar_index: int | None
    buttons: Buttons
    early: EarlyQuestion


def journey_screen(journey: Journey, facts: ScreenFacts) -> JourneyScreen:
    """The journey page for ``journey`` now, with the page's own ``facts``."""
    elapsed = journey.elapsed()
    now = journey.now()
    protocol = journey.protocol
    return JourneyScreen(
        who=who_line(journey, facts),
        protocol_notice=protocol.problem,
        show_preparation=facts.preparing,
        timer=timer_text(journey, elapsed, preparing=facts.preparing),
        time_notice=time_notice(journey, facts.noted, facts.keys.time),
        flags="" if journey.closed else flag_lines(facts.standing),
        phase=phase_text(journey, elapsed),
        monitoring=monitoring_line(journey, elapsed, now),
        bar_plan=tuple((p.name, p.minutes * 60.0) for p in protocol.phases),
        bar_parts=tuple(
            BarPart(
                s.index,
                s.started,
                s.ended if s.ended is not None else (elapsed or s.started),
                s.planned_seconds,
            )
            for s in journey.spans
        ),
        bar_now=elapsed,
        bar_index=journey.phase_index,
        buttons=buttons(journey, facts.keys.dose),
        early=early_question(journey, facts),
    )


def who_line(journey: Journey, facts: ScreenFacts) -> str:
    """``Patient K-1 · Session 3 of 6 · Ketamine IM · Sitter Ana (signed in)``."""
    parts = [f"Patient {facts.patient_code}", journey.protocol.name]
    if facts.course:
        parts.insert(1, facts.course)
    actor = journey.actor
    if facts.sitter:
        signed = " (signed in)" if actor is not None and actor.name == facts.sitter else ""
        parts.append(f"Sitter {facts.sitter}{signed}")
    if actor is not None and actor.name != facts.sitter:
        parts.append(f"Signed in: {actor.name}")
    return "   ·   ".join(parts)


def timer_text(journey: Journey, elapsed: float | None, *, preparing: bool) -> TimerText:
    """The time since dosing, dim before it, amber while kapdesk could not vouch for it."""
    if elapsed is None:
        caption = (
            "Preparation · the journey clock starts with the dose" if preparing else "Not dosed yet"
        )
        return TimerText(caption, "--:--", Tone.MUTED)
    if not journey.time_vouched and journey.state is JourneyState.RUNNING:
        caption = "Since dosing · not vouched: kapdesk could not check it"
        return TimerText(caption, clock_text(elapsed), Tone.WARNING)
    return TimerText("Since dosing", clock_text(elapsed), Tone.PLAIN)


def phase_seconds(journey: Journey, elapsed: float | None) -> float:
    """The current phase's time in the whole seconds the big timer shows, so the two turn over
    together."""
    span = journey.current_span
    if span is None or elapsed is None:
        return 0.0
    return seconds_between(span.started, span.ended if span.ended is not None else elapsed)


def phase_text(journey: Journey, elapsed: float | None) -> PhaseText:
    """The phase card: before dosing the plan, then the phase against its planned length."""
    protocol = journey.protocol
    phase = journey.current_phase
    if phase is None:
        first = protocol.phases[0]
        return PhaseText(
            name="Before dosing",  # the header names the protocol
            time=f"planned {minutes_text(protocol.planned_minutes)} "
            f"in {counted(len(protocol.phases), 'phase')}",
            over=False,
            guidance=protocol.summary
            or "Record the dose when it is given; the journey clock starts then.",
            next_line=f"First phase: {first.name} · {minutes_text(first.minutes)}",
        )
    shown = phase_seconds(journey, elapsed)
    overrun = max(0.0, shown - phase.minutes * 60)
    if overrun >= 1:
        time = f"{clock_text(overrun)} over its planned {minutes_text(phase.minutes)}"
    else:
        time = f"{clock_text(shown)} of {clock_text(phase.minutes * 60)}"
    return PhaseText(phase.name, time, overrun >= 1, phase.guidance, next_line(journey))


def next_line(journey: Journey) -> str:
    """What comes after the current phase, and how it will start."""
    upcoming = journey.next_phase
    if upcoming is None:
        return "Last phase. Close the session when the patient is ready."
    if journey.protocol.advance is not Advance.TIMED:
        how = "when you confirm"
    elif journey.time_vouched:
        how = "starts by itself at its time"
    else:
        how = "waits for you: journey time not vouched"
    return f"Next: {upcoming.name} · {minutes_text(upcoming.minutes)} ({how})"


def _clock_of(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def monitoring_line(journey: Journey, elapsed: float | None, now: datetime) -> str:
    """Ready to leave, and from when; else the time in the room still to go; else nothing."""
    protocol: Protocol = journey.protocol
    discharge = discharge_of(journey)
    if discharge.ready_at is not None:
        free = discharge.free_to_leave_at
        if free is not None and free > now:
            # Never "ready to leave" while the least time in the room has not passed.
            return f"Ready since {_clock_of(discharge.ready_at)}, may leave from {_clock_of(free)}"
        # Free to leave since the later of ready and the least time.
        return f"Ready to leave since {_clock_of(free or discharge.ready_at)}"
    if elapsed is not None and protocol.monitoring_minutes:
        stay = minutes_text(protocol.monitoring_minutes)
        left = seconds_between(elapsed, protocol.monitoring_minutes * 60)  # as the timer
        if left > 0:
            return f"In the room: {clock_text(left)} to go of {stay}"
        return f"Time in the room of {stay} reached"
    return ""


def time_notice(journey: Journey, noted: Downtime | None, key: str) -> TimeNotice | None:
    """Say plainly what kapdesk could not check about the time it was closed, and, while the
    journey time is not vouched, let staff confirm it; None: nothing to say."""
    downtime = journey.downtime
    said = downtime.text() if downtime is not None else None
    running = journey.state is JourneyState.RUNNING
    if not journey.time_vouched and running:
        text = said or "kapdesk could not check how long it was closed."
        text += " Journey time not vouched: phases by time wait"
        held = journey.phase_held()
        if held is not None:
            text += f" ({held.name} is due by it)"
        return TimeNotice(text + ". Check it, then confirm.", f"Journey time is right   {key}")
    if (
        said is not None
        and downtime is not None
        and downtime is not noted
        and not journey.closed
        and (downtime.vouched or running)
    ):
        # Before the dose there is no journey time: only a move the uptime measured is said.
        return TimeNotice(said, f"Noted   {key}")
    return None


def flag_lines(standing: tuple[StandingFlag, ...]) -> str:
    """The flags that stand, a line per reading: ``14:02  BP 182/112 above 180/110 · ...``;
    a flag's words stay together on a line, which breaks only between flags."""
    return "\n".join(
        f"{_clock_of(first.wall)}  " + " · ".join(w.replace(" ", NO_BREAK) for w in words)
        for first, words in by_reading(standing)
    )


def buttons(journey: Journey, dose_key: str) -> Buttons:
    """Dose given (then Extra dose), Next phase until the last, then Ready to leave?, Close."""
    running = journey.state is JourneyState.RUNNING
    open_ = journey.state is not JourneyState.CLOSED
    last = journey.next_phase is None
    return Buttons(
        dose=f"{'Extra dose' if journey.dosed else 'Dose given'}   {dose_key}",
        dose_primary=not journey.dosed,
        dose_enabled=open_,
        next_enabled=running and not last,
        next_visible=journey.dosed and not last,
        discharge_visible=running and last,
        close_enabled=open_,
    )


def early_question(journey: Journey, facts: ScreenFacts) -> EarlyQuestion:
    """While a first press of Next phase waits for its second (within :data:`CONFIRM_EARLY_S`,
    in the same phase, still before its time): the button and a line say what it does."""
    armed, span = facts.early_armed, journey.current_span
    elapsed = journey.elapsed()
    key = facts.keys.next_phase
    if (
        armed is None
        or span is None
        or span.index != armed[0]
        or (elapsed or 0.0) - armed[1] > CONFIRM_EARLY_S
        or not journey.ends_phase_early()
    ):
        return EarlyQuestion(False, f"Next phase   {key}", "")
    name = span.phase.name
    # On a narrow screen the question takes two lines, so the row of buttons still fits.
    gap = "\n" if facts.narrow else "   "
    note = (
        f"Press Next phase again to end {name} at {clock_text(phase_seconds(journey, elapsed))} "
        f"of {clock_text(span.planned_seconds)}; the record will say so."
    )
    return EarlyQuestion(True, f"End {name} early?{gap}{key} again", note)


def calm_words(cue: str, flagged: bool) -> str:
    """What the calm screen says while the screen is locked: the vital-signs cue, and that a
    flag waits to be seen (without its values: a passer-by may read the calm screen)."""
    said = [cue] if cue else []
    if flagged:
        said.append("A flagged reading waits to be seen")
    return " · ".join(said)


def close_question(journey: Journey, concerns: list[str]) -> tuple[str, bool]:
    """What the close form asks, and whether closing now is early (or cancels the session)."""
    if concerns:
        return (
            "This would close the session early. The record and the printed record will "
            "say so, with your reason and your name.",
            True,
        )
    if not journey.dosed:
        return (
            "No dose has been recorded. Closing now cancels the session; its record is kept.",
            True,
        )
    message = "The journey ends here and its record is kept. Integration follows."
    if discharge_of(journey).ready_at is None:
        message += " No discharge check has found the patient ready to leave yet."
    return message, False
