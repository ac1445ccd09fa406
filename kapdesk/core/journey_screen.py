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
from kapdesk.core.wall_text import time_of_day
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template, joined

# Ending a dosing phase before its time takes a second press of Next phase within this long.
CONFIRM_EARLY_S = 10.0
NO_BREAK = "\u00a0"  # a space a line does not break at
BETWEEN = "   ·   "  # between the parts of the header's line

PATIENT = QT_TRANSLATE_NOOP("JourneyScreen", "Patient {code}")
SITTER = QT_TRANSLATE_NOOP("JourneyScreen", "Sitter {name}")
SITTER_SIGNED_IN = QT_TRANSLATE_NOOP("JourneyScreen", "Sitter {name} (signed in)")
SIGNED_IN = QT_TRANSLATE_NOOP("JourneyScreen", "Signed in: {name}")
PREPARING = QT_TRANSLATE_NOOP(
    "JourneyScreen", "Preparation · the journey clock starts with the dose"
)
NOT_DOSED = QT_TRANSLATE_NOOP("JourneyScreen", "Not dosed yet")
NOT_VOUCHED_CAPTION = QT_TRANSLATE_NOOP(
    "JourneyScreen", "Since dosing · not vouched: kapdesk could not check it"
)
SINCE_DOSING = QT_TRANSLATE_NOOP("JourneyScreen", "Since dosing")
BEFORE_DOSING = QT_TRANSLATE_NOOP("JourneyScreen", "Before dosing")
PLANNED = QT_TRANSLATE_NOOP(
    "JourneyScreen",
    "planned {length} in %n phase|planned {length} in %n phases",
)
DOSE_FIRST = QT_TRANSLATE_NOOP(
    "JourneyScreen", "Record the dose when it is given; the journey clock starts then."
)
FIRST_PHASE = QT_TRANSLATE_NOOP("JourneyScreen", "First phase: {phase} · {length}")
OVER = QT_TRANSLATE_NOOP("JourneyScreen", "{over} over its planned {length}")
OF_PLANNED = QT_TRANSLATE_NOOP("JourneyScreen", "{shown} of {planned}")
LAST_PHASE = QT_TRANSLATE_NOOP(
    "JourneyScreen", "Last phase. Close the session when the patient is ready."
)
NEXT_CONFIRMED = QT_TRANSLATE_NOOP("JourneyScreen", "Next: {phase} · {length} (when you confirm)")
NEXT_TIMED = QT_TRANSLATE_NOOP(
    "JourneyScreen", "Next: {phase} · {length} (starts by itself at its time)"
)
NEXT_WAITS = QT_TRANSLATE_NOOP(
    "JourneyScreen", "Next: {phase} · {length} (waits for you: journey time not vouched)"
)
READY_MAY_LEAVE = QT_TRANSLATE_NOOP("JourneyScreen", "Ready since {ready}, may leave from {free}")
READY_SINCE = QT_TRANSLATE_NOOP("JourneyScreen", "Ready to leave since {time}")
IN_THE_ROOM = QT_TRANSLATE_NOOP("JourneyScreen", "In the room: {left} to go of {stay}")
STAYED = QT_TRANSLATE_NOOP("JourneyScreen", "Time in the room of {stay} reached")
CLOSED_UNCHECKED = QT_TRANSLATE_NOOP(
    "JourneyScreen", "kapdesk could not check how long it was closed."
)
NOT_VOUCHED = QT_TRANSLATE_NOOP(
    "JourneyScreen",
    "{said} Journey time not vouched: phases by time wait. Check it, then confirm.",
)
NOT_VOUCHED_HELD = QT_TRANSLATE_NOOP(
    "JourneyScreen",
    "{said} Journey time not vouched: phases by time wait ({phase} is due by it). "
    "Check it, then confirm.",
)
TIME_IS_RIGHT = QT_TRANSLATE_NOOP("JourneyScreen", "Journey time is right   {key}")
NOTED = QT_TRANSLATE_NOOP("JourneyScreen", "Noted   {key}")
EXTRA_DOSE = QT_TRANSLATE_NOOP("JourneyScreen", "Extra dose   {key}")
DOSE_GIVEN = QT_TRANSLATE_NOOP("JourneyScreen", "Dose given   {key}")
NEXT_PHASE = QT_TRANSLATE_NOOP("JourneyScreen", "Next phase   {key}")
END_EARLY = QT_TRANSLATE_NOOP("JourneyScreen", "End {phase} early?{gap}{key} again")
PRESS_AGAIN = QT_TRANSLATE_NOOP(
    "JourneyScreen",
    "Press Next phase again to end {phase} at {at} of {planned}; the record will say so.",
)
FLAG_WAITS = QT_TRANSLATE_NOOP("JourneyScreen", "A flagged reading waits to be seen")
CLOSES_EARLY = QT_TRANSLATE_NOOP(
    "JourneyScreen",
    "This would close the session early. The record and the printed record will say so, "
    "with your reason and your name.",
)
CANCELS = QT_TRANSLATE_NOOP(
    "JourneyScreen",
    "No dose has been recorded. Closing now cancels the session; its record is kept.",
)
ENDS = QT_TRANSLATE_NOOP(
    "JourneyScreen", "The journey ends here and its record is kept. Integration follows."
)
ENDS_NOT_READY = QT_TRANSLATE_NOOP(
    "JourneyScreen",
    "The journey ends here and its record is kept. Integration follows. No discharge check "
    "has found the patient ready to leave yet.",
)


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
    language: str = "en"  # the language spoken: a protocol's phases in it, where it gives them


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
        time_notice=time_notice(journey, facts.noted, facts.keys.time, facts.language),
        flags="" if journey.closed else flag_lines(facts.standing),
        phase=phase_text(journey, elapsed, facts.language),
        monitoring=monitoring_line(journey, elapsed, now),
        bar_plan=tuple((p.name_in(facts.language), p.minutes * 60.0) for p in protocol.phases),
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
    parts = [PATIENT.format(code=facts.patient_code), journey.protocol.name]
    if facts.course:
        parts.insert(1, facts.course)
    actor = journey.actor
    if facts.sitter:
        signed = actor is not None and actor.name == facts.sitter
        parts.append((SITTER_SIGNED_IN if signed else SITTER).format(name=facts.sitter))
    if actor is not None and actor.name != facts.sitter:
        parts.append(SIGNED_IN.format(name=actor.name))
    return joined(parts, BETWEEN)


def timer_text(journey: Journey, elapsed: float | None, *, preparing: bool) -> TimerText:
    """The time since dosing, dim before it, amber while kapdesk could not vouch for it."""
    if elapsed is None:
        return TimerText(PREPARING if preparing else NOT_DOSED, "--:--", Tone.MUTED)
    if not journey.time_vouched and journey.state is JourneyState.RUNNING:
        return TimerText(NOT_VOUCHED_CAPTION, clock_text(elapsed), Tone.WARNING)
    return TimerText(SINCE_DOSING, clock_text(elapsed), Tone.PLAIN)


def phase_seconds(journey: Journey, elapsed: float | None) -> float:
    """The current phase's time in the whole seconds the big timer shows, so the two turn over
    together."""
    span = journey.current_span
    if span is None or elapsed is None:
        return 0.0
    return seconds_between(span.started, span.ended if span.ended is not None else elapsed)


def phase_text(journey: Journey, elapsed: float | None, language: str = "en") -> PhaseText:
    """The phase card: before dosing the plan, then the phase against its planned length; the
    phases named (and guided) in ``language`` where the protocol gives their words in it."""
    protocol = journey.protocol
    phase = journey.current_phase
    if phase is None:
        first = protocol.phases[0]
        count = len(protocol.phases)
        return PhaseText(
            name=BEFORE_DOSING,  # the header names the protocol
            time=PLANNED.format(length=minutes_text(protocol.planned_minutes), count=count),
            over=False,
            guidance=protocol.summary or DOSE_FIRST,
            next_line=FIRST_PHASE.format(
                phase=first.name_in(language), length=minutes_text(first.minutes)
            ),
        )
    shown = phase_seconds(journey, elapsed)
    overrun = max(0.0, shown - phase.minutes * 60)
    time: str
    if overrun >= 1:
        time = OVER.format(over=clock_text(overrun), length=minutes_text(phase.minutes))
    else:
        time = OF_PLANNED.format(shown=clock_text(shown), planned=clock_text(phase.minutes * 60))
    return PhaseText(
        phase.name_in(language),
        time,
        overrun >= 1,
        phase.guidance_in(language),
        next_line(journey, language),
    )


def next_line(journey: Journey, language: str = "en") -> str:
    """What comes after the current phase, and how it will start."""
    upcoming = journey.next_phase
    if upcoming is None:
        return LAST_PHASE
    if journey.protocol.advance is not Advance.TIMED:
        how = NEXT_CONFIRMED
    elif journey.time_vouched:
        how = NEXT_TIMED
    else:
        how = NEXT_WAITS
    return how.format(phase=upcoming.name_in(language), length=minutes_text(upcoming.minutes))


def _clock_of(moment: datetime) -> str:
    return time_of_day(moment)


def monitoring_line(journey: Journey, elapsed: float | None, now: datetime) -> str:
    """Ready to leave, and from when; else the time in the room still to go; else nothing."""
    protocol: Protocol = journey.protocol
    discharge = discharge_of(journey)
    if discharge.ready_at is not None:
        free = discharge.free_to_leave_at
        if free is not None and free > now:
            # Never "ready to leave" while the least time in the room has not passed.
            return READY_MAY_LEAVE.format(ready=_clock_of(discharge.ready_at), free=_clock_of(free))
        # Free to leave since the later of ready and the least time.
        return READY_SINCE.format(time=_clock_of(free or discharge.ready_at))
    if elapsed is not None and protocol.monitoring_minutes:
        stay = minutes_text(protocol.monitoring_minutes)
        left = seconds_between(elapsed, protocol.monitoring_minutes * 60)  # as the timer
        if left > 0:
            return IN_THE_ROOM.format(left=clock_text(left), stay=stay)
        return STAYED.format(stay=stay)
    return ""


def time_notice(
    journey: Journey, noted: Downtime | None, key: str, language: str = "en"
) -> TimeNotice | None:
    """Say plainly what kapdesk could not check about the time it was closed, and, while the
    journey time is not vouched, let staff confirm it; None: nothing to say."""
    downtime = journey.downtime
    said = downtime.text() if downtime is not None else None
    running = journey.state is JourneyState.RUNNING
    if not journey.time_vouched and running:
        unchecked = said or CLOSED_UNCHECKED
        held = journey.phase_held()
        text = (
            NOT_VOUCHED.format(said=unchecked)
            if held is None
            else NOT_VOUCHED_HELD.format(said=unchecked, phase=held.name_in(language))
        )
        return TimeNotice(text, TIME_IS_RIGHT.format(key=key))
    if (
        said is not None
        and downtime is not None
        and downtime is not noted
        and not journey.closed
        and (downtime.vouched or running)
    ):
        # Before the dose there is no journey time: only a move the uptime measured is said.
        return TimeNotice(said, NOTED.format(key=key))
    return None


def flag_lines(standing: tuple[StandingFlag, ...]) -> str:
    """The flags that stand, a line per reading: ``14:02  BP 182/112 above 180/110 · ...``;
    a flag's words stay together on a line, which breaks only between flags."""
    return unbroken(flags_said(standing))


_FLAG_LINE = Template("JourneyScreen", "{clock}  {flags}")  # no words of its own


def flags_said(standing: tuple[StandingFlag, ...]) -> str:
    """:func:`flag_lines` as kapdesk's words, spaces as they are: the window says them in its
    language, then keeps each flag whole with :func:`unbroken`."""
    lines = [
        _FLAG_LINE.format(clock=_clock_of(first.wall), flags=joined(words, " · ", "JourneyScreen"))
        for first, words in by_reading(standing)
    ]
    return joined(lines, "\n", "JourneyScreen")


def unbroken(lines: str) -> str:
    """Lines of flags (:func:`flags_said`, in any language) that break only between flags: the
    spaces inside each flag made spaces a line does not break at."""
    shaped = []
    for line in lines.split("\n"):
        clock, gap, flags = line.partition("  ")
        words = " · ".join(flag.replace(" ", NO_BREAK) for flag in flags.split(" · "))
        shaped.append(clock + gap + words)
    return "\n".join(shaped) if lines else ""


def buttons(journey: Journey, dose_key: str) -> Buttons:
    """Dose given (then Extra dose), Next phase until the last, then Ready to leave?, Close."""
    running = journey.state is JourneyState.RUNNING
    open_ = journey.state is not JourneyState.CLOSED
    last = journey.next_phase is None
    return Buttons(
        dose=(EXTRA_DOSE if journey.dosed else DOSE_GIVEN).format(key=dose_key),
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
        return EarlyQuestion(False, NEXT_PHASE.format(key=key), "")
    name = span.phase.name_in(facts.language)
    # On a narrow screen the question takes two lines, so the row of buttons still fits.
    gap = "\n" if facts.narrow else "   "
    note = PRESS_AGAIN.format(
        phase=name,
        at=clock_text(phase_seconds(journey, elapsed)),
        planned=clock_text(span.planned_seconds),
    )
    return EarlyQuestion(True, END_EARLY.format(phase=name, gap=gap, key=key), note)


def calm_words(cue: str, flagged: bool) -> str:
    """What the calm screen says while the screen is locked: the vital-signs cue, and that a
    flag waits to be seen (without its values: a passer-by may read the calm screen)."""
    said = [cue] if cue else []
    if flagged:
        said.append(FLAG_WAITS)
    return joined(said, " · ")


def close_question(journey: Journey, concerns: list[str]) -> tuple[str, bool]:
    """What the close form asks, and whether closing now is early (or cancels the session)."""
    if concerns:
        return CLOSES_EARLY, True
    if not journey.dosed:
        return CANCELS, True
    return (ENDS_NOT_READY if discharge_of(journey).ready_at is None else ENDS), False
