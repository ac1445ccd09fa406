"""The clinic board: what one room's card says, read from the room's session as recorded.

The board is read-only. It rebuilds each open session's journey from its events (see
:meth:`kapdesk.core.journey.Journey.replay`) and asks it, once a second, where the room stands:
phase and journey time, the next vital-signs check and whether it is overdue, the last reading,
the flags that stand (as on the journey screen), and whether music is playing or the room is quiet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from kapdesk.core.clock import Clock
from kapdesk.core.journey import EventKind, Journey, JourneyEvent, JourneyState
from kapdesk.core.protocol_files import parse_protocol
from kapdesk.core.protocols import CheckMoment, Protocol, ProtocolError
from kapdesk.core.standing_flags import standing_flags
from kapdesk.core.timefmt import minutes_text
from kapdesk.core.units import Units
from kapdesk.core.vitals import (
    CANONICAL,
    CheckState,
    PlannedCheck,
    Reading,
    check_statuses,
    planned_checks,
)
from kapdesk.core.words import QT_TRANSLATE_NOOP

HIDDEN_PATIENT = QT_TRANSLATE_NOOP("Board", "Patient hidden")
# A room PC on a server says it is there every 30 s; this long without a word, it is said.
SILENT_AFTER_SECONDS = 90.0
UNNAMED_ROOM = QT_TRANSLATE_NOOP("Board", "Unnamed room")


class Attention(StrEnum):
    """How much a room's card asks of the nurse looking at the board."""

    CALM = "calm"  # nothing to do now
    DUE = "due"  # a vitals check is due
    URGENT = "urgent"  # a check is overdue, or a flag stands


@dataclass(frozen=True)
class RoomCard:
    """One room on the board, in words ready to show."""

    room: str
    session_id: int | None
    patient: str  # the clinic code, HIDDEN_PATIENT, or "" when the room is free
    protocol: str
    state: JourneyState | None  # None: no session in the room
    phase: str  # the phase's name, "Not dosed yet", "Finished" or ""
    elapsed: float | None  # journey seconds (None before dosing)
    next_check: str  # "Vitals at 30 min, in 4 min" / "Vitals overdue by 7 min" / ""
    last_vitals: str  # "BP 128/82 mmHg, HR 74/min (12 min ago)" / "No vitals yet"
    flags: tuple[str, ...]  # the flags that stand, in words, each with how long ago it was taken
    sound: str  # "Music: Title", "Quiet", "No music"
    attention: Attention
    silent: str = ""  # "No word from this room's PC since 14:02: ..." (a room on a server)


def _unreadable_card(room: str, session: BoardSession, *, show_patient: bool) -> RoomCard:
    """A session open in the room whose protocol snapshot this kapdesk cannot read."""
    return RoomCard(
        room,
        session.session_id,
        session.patient_code if show_patient else HIDDEN_PATIENT,
        "",
        None,
        QT_TRANSLATE_NOOP("Board", "Session open"),
        None,
        QT_TRANSLATE_NOOP(
            "Board", "The board cannot read this session's protocol: look on the room PC"
        ),
        "",
        (),
        "",
        Attention.DUE,
    )


def free_room(room: str) -> RoomCard:
    """A room with no session open."""
    return RoomCard(room, None, "", "", None, "", None, "", "", (), "", Attention.CALM)


def room_card(
    room: str,
    session_id: int,
    patient_code: str,
    journey: Journey,
    now: datetime,
    *,
    show_patient: bool = True,
    units: Units = CANONICAL,
) -> RoomCard:
    """Where the room's journey stands at wall time ``now`` (journey time from its own clock),
    a temperature in the clinic's ``units``."""
    elapsed = journey.elapsed()
    attention = Attention.CALM
    phase: str
    if journey.closed:
        phase = QT_TRANSLATE_NOOP("Board", "Finished")
    elif not journey.dosed:
        phase = QT_TRANSLATE_NOOP("Board", "Not dosed yet")
    else:
        current = journey.current_phase
        phase = current.name if current is not None else ""
    next_check, check_attention = _next_check(journey, elapsed)
    last, flags = _last_vitals(journey, now, units)
    if check_attention is Attention.URGENT or flags:
        attention = Attention.URGENT
    elif check_attention is Attention.DUE:
        attention = Attention.DUE
    if journey.closed:
        attention = Attention.CALM
    return RoomCard(
        room=room,
        session_id=session_id,
        patient=patient_code if show_patient else HIDDEN_PATIENT,
        protocol=journey.protocol.name,
        state=journey.state,
        phase=phase,
        elapsed=elapsed,
        next_check="" if journey.closed else next_check,
        last_vitals=last,
        flags=flags,
        sound=_sound(journey),
        attention=attention,
    )


def _next_check(journey: Journey, elapsed: float | None) -> tuple[str, Attention]:
    protocol = journey.protocol
    readings = [e.elapsed for e in journey.events if e.kind is EventKind.VITALS]
    last_phase = len(protocol.phases) - 1
    discharge = next((s.started for s in journey.spans if s.index == last_phase), None)
    statuses = check_statuses(planned_checks(protocol), elapsed, readings, discharge_from=discharge)
    if journey.dosed:
        # A baseline missed before the dose is the record's to say; the board looks ahead.
        statuses = [s for s in statuses if s.check.moment is not CheckMoment.BEFORE_DOSING]
    overdue = [s for s in statuses if s.state is CheckState.OVERDUE]
    if overdue:
        worst = max(overdue, key=lambda s: s.late_by)
        if worst.check.at is None:
            return NOT_TAKEN.format(check=_check_name(worst.check)), Attention.URGENT
        late = minutes_text(max(1, worst.late_by // 60))
        return OVERDUE.format(check=_check_name(worst.check), late=late), Attention.URGENT
    due = next((s for s in statuses if s.state is CheckState.DUE), None)
    if due is not None:
        return DUE_NOW.format(check=_check_name(due.check)), Attention.DUE
    upcoming = next((s for s in statuses if s.state is CheckState.UPCOMING), None)
    if upcoming is None:
        return ALL_DONE, Attention.CALM
    check = upcoming.check
    if check.at is not None and elapsed is not None:
        wait = minutes_text(max(1, -(-(check.at - elapsed) // 60)))
        return NEXT_IN.format(check=_check_name(check, lower=True), wait=wait), Attention.CALM
    return NEXT.format(check=_check_name(check, lower=True)), Attention.CALM


# What a card says of the vitals checks: one sentence each, the check's name a value in it.
NOT_TAKEN = QT_TRANSLATE_NOOP("Board", "{check}: not taken")
OVERDUE = QT_TRANSLATE_NOOP("Board", "{check}: overdue by {late}")
DUE_NOW = QT_TRANSLATE_NOOP("Board", "{check}: due now")
ALL_DONE = QT_TRANSLATE_NOOP("Board", "Vitals: all checks done")
NEXT_IN = QT_TRANSLATE_NOOP("Board", "Next {check}, in {wait}")
NEXT = QT_TRANSLATE_NOOP("Board", "Next: {check}")
VITALS_AT = QT_TRANSLATE_NOOP("Board", "Vitals at {minutes} min")
VITALS_AT_LOWER = QT_TRANSLATE_NOOP("Board", "vitals at {minutes} min")
VITALS_WHEN = QT_TRANSLATE_NOOP("Board", "Vitals {when}")  # before dosing, before discharge
VITALS_WHEN_LOWER = QT_TRANSLATE_NOOP("Board", "vitals {when}")
LABEL_WHEN = {
    CheckMoment.BEFORE_DOSING: QT_TRANSLATE_NOOP("Board", "{label} before dosing"),
    CheckMoment.BEFORE_DISCHARGE: QT_TRANSLATE_NOOP("Board", "{label} before discharge"),
}
JUST_NOW = QT_TRANSLATE_NOOP("Board", "just now")
AGO = QT_TRANSLATE_NOOP("Board", "{minutes} ago")
WITH_AGO = QT_TRANSLATE_NOOP("Board", "{what} ({ago})")
NO_VITALS = QT_TRANSLATE_NOOP("Board", "No vitals yet")
QUIET = QT_TRANSLATE_NOOP("Board", "Quiet")
MUSIC = QT_TRANSLATE_NOOP("Board", "Music: {title}")
NO_MUSIC = QT_TRANSLATE_NOOP("Board", "No music")
A_TRACK = QT_TRANSLATE_NOOP("Board", "a track")
SILENT = QT_TRANSLATE_NOOP(
    "Board",
    "No word from this room's PC for {minutes}: it may be offline. What is shown may be behind.",
)
WAITING = QT_TRANSLATE_NOOP(
    "Board",
    "This room's PC has %n entry waiting to reach the server.|"
    "This room's PC has %n entries waiting to reach the server.",
)


def _check_name(check: PlannedCheck, *, lower: bool = False) -> str:
    """``Vitals at 30 min``, or a moment's own label (``Baseline before dosing``); all in
    lower case when ``lower`` (in the middle of a sentence)."""
    if check.at is not None and check.moment not in LABEL_WHEN:
        return (VITALS_AT_LOWER if lower else VITALS_AT).format(minutes=round(check.at / 60))
    if check.at is not None:  # a moment given a time too: as the schedule says it
        return (VITALS_WHEN_LOWER if lower else VITALS_WHEN).format(when=check.when_text())
    name = check.label.lower() if lower else check.label
    when = check.when_text()
    if when.lower() in check.label.lower():
        return name  # "Before discharge", not "Before discharge before discharge"
    template = LABEL_WHEN.get(check.moment) if check.moment is not None else None
    if template is None:  # a moment without a time of its own: said as the schedule says it
        return f"{name} {when.lower() if lower else when}"
    return template.format(label=name)


def _ago(now: datetime, then: datetime) -> str:
    ago = max(0.0, (now - then).total_seconds())
    return JUST_NOW if ago < 60 else AGO.format(minutes=minutes_text(ago // 60))


def _last_vitals(
    journey: Journey, now: datetime, units: Units = CANONICAL
) -> tuple[str, tuple[str, ...]]:
    """The last reading, and the flags that stand (the journey screen's rule, see
    :func:`kapdesk.core.standing_flags.standing_flags`): not only the last reading's."""
    standing = tuple(
        WITH_AGO.format(what=flag.words, ago=_ago(now, flag.wall))
        for flag in standing_flags(journey.events, journey.protocol.thresholds, units)
    )
    for seq in range(len(journey.events) - 1, -1, -1):
        event = journey.events[seq]
        if event.kind is not EventKind.VITALS:
            continue
        data = journey.corrected(seq)
        values = data.get("values")
        reading = Reading.from_values(values if isinstance(values, dict) else {})
        return WITH_AGO.format(what=reading.text(units), ago=_ago(now, event.wall)), standing
    return NO_VITALS, standing


def _sound(journey: Journey) -> str:
    quiet = False
    playing = ""
    for event in journey.events:
        kind = event.kind
        if kind is EventKind.QUIET:
            quiet = bool(event.data.get("on"))
        elif kind is EventKind.TRACK:
            playing = str(event.data.get("title") or event.data.get("path") or A_TRACK)
        elif kind in (EventKind.MUSIC_ENDED, EventKind.SOUNDTRACK):
            playing = ""
    if journey.closed:
        return ""
    if quiet:
        return QUIET
    return MUSIC.format(title=playing) if playing else NO_MUSIC


@dataclass(frozen=True)
class RoomHeard:
    """What a room PC on a clinic server last said: how long before the reading, by the
    server's own clock (so the PCs' clocks do not matter), and its entries still waiting."""

    seconds_ago: float
    waiting: int = 0


@dataclass(frozen=True)
class BoardSession:
    """An open session as the board reads it from the database."""

    session_id: int
    room: str
    patient_code: str
    protocol_text: str  # the snapshot the session runs under
    events: tuple[JourneyEvent, ...]


class Board:
    """Every room of the clinic: the sessions open in them, replayed, and the rooms known.

    :meth:`update` takes what the database holds now; :meth:`cards` says where each room
    stands at a moment, so the board can redraw every second without reading anything.
    """

    def __init__(self, clock: Clock, *, show_patient: bool = True) -> None:
        self._clock = clock
        self.show_patient = show_patient
        self.units = CANONICAL  # the clinic's units, set by the window that shows the board
        self._rooms: tuple[str, ...] = ()
        self._sessions: dict[int, tuple[BoardSession, Journey]] = {}
        self._protocols: dict[str, Protocol | None] = {}
        self._set_aside: dict[int, BoardSession] = {}
        self._heard: dict[str, RoomHeard] = {}
        self._read_at: datetime | None = None

    def update(
        self,
        sessions: Sequence[BoardSession],
        rooms: Sequence[str],
        heard: Mapping[str, RoomHeard] | None = None,
        read_at: datetime | None = None,
    ) -> None:
        """The open sessions, the rooms known and what each room's PC last said (rooms on a
        clinic server; none when the reading failed), as read at ``read_at``; unchanged
        sessions are kept."""
        self._heard = dict(heard or {})
        self._read_at = read_at
        fresh: dict[int, tuple[BoardSession, Journey]] = {}
        self._set_aside = {}
        for session in sessions:
            kept = self._sessions.get(session.session_id)
            if kept is not None and kept[0] == session:
                fresh[session.session_id] = kept
                continue
            protocol = self._protocol(session.protocol_text)
            if protocol is None:
                self._set_aside[session.session_id] = session
                continue
            fresh[session.session_id] = (
                session,
                Journey.replay(protocol, self._clock, session.events),
            )
        self._sessions = fresh
        self._rooms = tuple(rooms)

    @property
    def unreadable(self) -> list[int]:
        """Sessions whose protocol snapshot cannot be read (shown as open, not replayed)."""
        return list(self._set_aside)

    def _protocol(self, text: str) -> Protocol | None:
        if text not in self._protocols:
            try:
                self._protocols[text] = parse_protocol(text, source="a session's snapshot")
            except ProtocolError:
                self._protocols[text] = None
        return self._protocols[text]

    def cards(self, now: datetime) -> list[RoomCard]:
        """One card per room, by room name: the newest open session in it, or free."""
        newest: dict[str, tuple[BoardSession, Journey]] = {}
        for session, journey in self._sessions.values():
            room = session.room or UNNAMED_ROOM
            known = newest.get(room)
            if known is None or session.session_id > known[0].session_id:
                newest[room] = (session, journey)
        set_aside = {s.room or UNNAMED_ROOM: s for s in self._set_aside.values()}
        names = sorted(
            set(newest) | set(set_aside) | {r or UNNAMED_ROOM for r in self._rooms},
            key=str.casefold,
        )
        cards = []
        for name in names:
            if name not in newest:
                unreadable = set_aside.get(name)
                cards.append(
                    free_room(name)
                    if unreadable is None
                    else _unreadable_card(name, unreadable, show_patient=self.show_patient)
                )
                continue
            session, journey = newest[name]
            card = room_card(
                name,
                session.session_id,
                session.patient_code,
                journey,
                now,
                show_patient=self.show_patient,
                units=self.units,
            )
            cards.append(self._with_silence(card, session.room, now, journey))
        return cards

    def _with_silence(self, card: RoomCard, room: str, now: datetime, journey: Journey) -> RoomCard:
        """The card, saying so when the room's PC has not been heard from for a while (it may
        be working offline: what the card shows may be behind) or has entries waiting."""
        heard = self._heard.get(room)
        if heard is None or self._read_at is None or journey.closed:
            return card
        quiet = heard.seconds_ago + max(0.0, (now - self._read_at).total_seconds())
        if quiet >= SILENT_AFTER_SECONDS:
            minutes = minutes_text(max(1, quiet // 60))
            said: str = SILENT.format(minutes=minutes)
        elif heard.waiting:
            said = WAITING.format(count=heard.waiting)
        else:
            return card
        return replace(card, silent=said)
